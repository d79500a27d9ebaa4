/* watchdog.h - terminates an isolate's JS after a timeout (vm's `timeout`
 * option for scripts and for module evaluation) or on SIGINT (vm's
 * `breakOnSigint`, which the REPL uses). */
#ifndef NODUS_V8_WATCHDOG_H
#define NODUS_V8_WATCHDOG_H

#include <semaphore.h>
#include <signal.h>
#include <v8.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

/* Terminates the isolate's JS after `ms` unless destroyed first; fired()
 * tells whether it did. */
class Watchdog {
 public:
  Watchdog(v8::Isolate *isolate, int64_t ms)
      : isolate_(isolate), fired_(false), done_(false) {
    thread_ = std::thread([this, ms]() {
      std::unique_lock<std::mutex> lock(mutex_);
      if (!cond_.wait_for(lock, std::chrono::milliseconds(ms),
                          [this] { return done_; })) {
        fired_ = true;
        isolate_->TerminateExecution();
      }
    });
  }
  ~Watchdog() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    cond_.notify_one();
    thread_.join();
  }
  bool fired() const { return fired_; }

 private:
  v8::Isolate *isolate_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable cond_;
  bool fired_;
  bool done_;
};

/* While alive, SIGINT terminates the isolate's JS instead of its usual
 * effect (the previous handler comes back afterwards); fired() tells
 * whether it did. The signal handler only posts a semaphore: a thread does
 * the terminating. Nested watchdogs leave the work to the outermost. */
class SigintWatchdog {
 public:
  explicit SigintWatchdog(v8::Isolate *isolate)
      : isolate_(isolate), fired_(false), owner_(false) {
    if (active().exchange(true)) return;
    owner_ = true;
    sem_init(&semaphore(), 0, 0);
    signalled() = 0;
    stopping_ = false;
    thread_ = std::thread([this]() {
      for (;;) {
        while (sem_wait(&semaphore()) != 0) {
        }
        if (stopping_) return;
        if (signalled()) {
          fired_ = true;
          isolate_->TerminateExecution();
        }
      }
    });
    struct sigaction sa = {};
    sa.sa_handler = on_sigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &previous_);
  }
  ~SigintWatchdog() {
    if (!owner_) return;
    sigaction(SIGINT, &previous_, NULL);
    stopping_ = true;
    sem_post(&semaphore());
    thread_.join();
    sem_destroy(&semaphore());
    active() = false;
  }
  bool fired() const { return fired_; }

 private:
  static void on_sigint(int) {
    signalled() = 1;
    sem_post(&semaphore());
  }
  static sem_t &semaphore() {
    static sem_t sem;
    return sem;
  }
  static volatile sig_atomic_t &signalled() {
    static volatile sig_atomic_t flag;
    return flag;
  }
  static std::atomic<bool> &active() {
    static std::atomic<bool> flag(false);
    return flag;
  }
  v8::Isolate *isolate_;
  std::thread thread_;
  struct sigaction previous_;
  std::atomic<bool> fired_;
  std::atomic<bool> stopping_;
  bool owner_;
};

#endif /* NODUS_V8_WATCHDOG_H */
