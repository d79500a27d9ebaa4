/* platform.cc - the V8 platform: V8's default platform, plus a wake-up of
 * an isolate's event loop whenever a task is posted for that isolate (so
 * results of background work, such as async WebAssembly compilation, run
 * even while the loop sleeps). */
#include "shim.h"

#include <libplatform/libplatform.h>

#include <mutex>
#include <unordered_map>

namespace {

class WakingTaskRunner;

/* Per isolate: the loop's wake-up handle and the runner handed to V8. */
struct isolate_entry {
  uv_async_t *waker = NULL;
  std::shared_ptr<WakingTaskRunner> runner;
};

std::mutex entries_mutex;
std::unordered_map<v8::Isolate *, isolate_entry> entries;

void wake(v8::Isolate *isolate) {
  std::lock_guard<std::mutex> lock(entries_mutex);
  auto it = entries.find(isolate);
  if (it != entries.end() && it->second.waker != NULL)
    uv_async_send(it->second.waker);
}

/* The default platform's foreground runner for one isolate; posting an
 * immediate task also wakes the isolate's loop. */
class WakingTaskRunner final : public v8::TaskRunner {
 public:
  WakingTaskRunner(std::shared_ptr<v8::TaskRunner> inner,
                   v8::Isolate *isolate)
      : inner_(std::move(inner)), isolate_(isolate) {}

  void PostTask(std::unique_ptr<v8::Task> task) override {
    inner_->PostTask(std::move(task));
    wake(isolate_);
  }
  void PostNonNestableTask(std::unique_ptr<v8::Task> task) override {
    inner_->PostNonNestableTask(std::move(task));
    wake(isolate_);
  }
  void PostDelayedTask(std::unique_ptr<v8::Task> task,
                       double delay_in_seconds) override {
    inner_->PostDelayedTask(std::move(task), delay_in_seconds);
  }
  void PostNonNestableDelayedTask(std::unique_ptr<v8::Task> task,
                                  double delay_in_seconds) override {
    inner_->PostNonNestableDelayedTask(std::move(task), delay_in_seconds);
  }
  void PostIdleTask(std::unique_ptr<v8::IdleTask> task) override {
    inner_->PostIdleTask(std::move(task));
  }
  bool IdleTasksEnabled() override { return inner_->IdleTasksEnabled(); }
  bool NonNestableTasksEnabled() const override {
    return inner_->NonNestableTasksEnabled();
  }
  bool NonNestableDelayedTasksEnabled() const override {
    return inner_->NonNestableDelayedTasksEnabled();
  }

 private:
  std::shared_ptr<v8::TaskRunner> inner_;
  v8::Isolate *isolate_;
};

/* Everything goes to V8's default platform, except that foreground task
 * runners are the waking ones above. */
class NdPlatform final : public v8::Platform {
 public:
  explicit NdPlatform(std::unique_ptr<v8::Platform> inner)
      : inner_(std::move(inner)) {}

  v8::Platform *inner() { return inner_.get(); }

  v8::PageAllocator *GetPageAllocator() override {
    return inner_->GetPageAllocator();
  }
  void OnCriticalMemoryPressure() override {
    inner_->OnCriticalMemoryPressure();
  }
  bool OnCriticalMemoryPressure(size_t length) override {
    return inner_->OnCriticalMemoryPressure(length);
  }
  int NumberOfWorkerThreads() override {
    return inner_->NumberOfWorkerThreads();
  }
  std::shared_ptr<v8::TaskRunner> GetForegroundTaskRunner(
      v8::Isolate *isolate) override {
    std::lock_guard<std::mutex> lock(entries_mutex);
    isolate_entry &entry = entries[isolate];
    if (!entry.runner) {
      entry.runner = std::make_shared<WakingTaskRunner>(
          inner_->GetForegroundTaskRunner(isolate), isolate);
    }
    return entry.runner;
  }
  void CallOnWorkerThread(std::unique_ptr<v8::Task> task) override {
    inner_->CallOnWorkerThread(std::move(task));
  }
  void CallBlockingTaskOnWorkerThread(std::unique_ptr<v8::Task> task) override {
    inner_->CallBlockingTaskOnWorkerThread(std::move(task));
  }
  void CallLowPriorityTaskOnWorkerThread(
      std::unique_ptr<v8::Task> task) override {
    inner_->CallLowPriorityTaskOnWorkerThread(std::move(task));
  }
  void CallDelayedOnWorkerThread(std::unique_ptr<v8::Task> task,
                                 double delay_in_seconds) override {
    inner_->CallDelayedOnWorkerThread(std::move(task), delay_in_seconds);
  }
  bool IdleTasksEnabled(v8::Isolate *isolate) override {
    return inner_->IdleTasksEnabled(isolate);
  }
  std::unique_ptr<v8::JobHandle> PostJob(
      v8::TaskPriority priority,
      std::unique_ptr<v8::JobTask> job_task) override {
    return inner_->PostJob(priority, std::move(job_task));
  }
  double MonotonicallyIncreasingTime() override {
    return inner_->MonotonicallyIncreasingTime();
  }
  double CurrentClockTimeMillis() override {
    return inner_->CurrentClockTimeMillis();
  }
  StackTracePrinter GetStackTracePrinter() override {
    return inner_->GetStackTracePrinter();
  }
  v8::TracingController *GetTracingController() override {
    return inner_->GetTracingController();
  }
  void DumpWithoutCrashing() override { inner_->DumpWithoutCrashing(); }

 private:
  std::unique_ptr<v8::Platform> inner_;
};

NdPlatform *the_platform;

} // namespace

v8::Platform *nd_platform_create(int threads) {
  the_platform = new NdPlatform(v8::platform::NewDefaultPlatform(threads));
  return the_platform;
}

void nd_platform_dispose(void) {
  delete the_platform;
  the_platform = NULL;
}

bool nd_platform_pump(v8::Isolate *isolate, bool wait) {
  return v8::platform::PumpMessageLoop(
      the_platform->inner(), isolate,
      wait ? v8::platform::MessageLoopBehavior::kWaitForWork
           : v8::platform::MessageLoopBehavior::kDoNotWait);
}

void nd_platform_set_waker(v8::Isolate *isolate, uv_async_t *waker) {
  std::lock_guard<std::mutex> lock(entries_mutex);
  if (waker != NULL) {
    entries[isolate].waker = waker;
  } else {
    entries.erase(isolate);
  }
}
