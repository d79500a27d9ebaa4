/* watchdog.h - terminates an isolate's JS after a timeout (vm's `timeout`
 * option for scripts and for module evaluation). */
#ifndef NODUS_V8_WATCHDOG_H
#define NODUS_V8_WATCHDOG_H

#include <v8.h>

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

#endif /* NODUS_V8_WATCHDOG_H */
