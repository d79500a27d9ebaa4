/* allocator.h - the ArrayBuffer allocator of an isolate: Node's zero-fill
 * toggle plus a small cache of recently freed mid-size blocks. */
#ifndef NODUS_V8_ALLOCATOR_H
#define NODUS_V8_ALLOCATOR_H

#include <v8.h>

#include <atomic>
#include <stddef.h>
#include <stdint.h>

/* Blocks of 2 KiB < size <= 64 KiB are rounded up to a power of two and,
 * once freed, kept (up to kCacheSlots per class) for the next allocation
 * of that class: readFileSync and socket reads allocate and drop such
 * buffers at a high rate, and V8 frees them from its sweeper thread, where
 * glibc's free() contends with the main thread's malloc() on the arena
 * lock. Other sizes go straight to malloc/calloc. */
class NdAllocator : public v8::ArrayBuffer::Allocator {
 public:
  /* 0 while the buffer module makes an allocUnsafe (no zero-fill). */
  uint32_t zero_fill = 1;

  NdAllocator() = default;
  ~NdAllocator() override;
  void *Allocate(size_t n) override;
  void *AllocateUninitialized(size_t n) override;
  void Free(void *data, size_t n) override;

 private:
  static constexpr int kMinShift = 12; /* 4 KiB class, for 2K < n <= 4K */
  static constexpr int kMaxShift = 16; /* 64 KiB */
  static constexpr int kClasses = kMaxShift - kMinShift + 1;
  static constexpr int kCacheSlots = 32;

  /* Size class of n, or -1 when n is not cached. */
  static int ClassOf(size_t n);
  void *Take(int cls);
  bool Keep(int cls, void *block);
  void Lock();
  void Unlock();

  std::atomic_flag lock_ = ATOMIC_FLAG_INIT;
  int count_[kClasses] = {};
  void *slots_[kClasses][kCacheSlots] = {};
};

#endif /* NODUS_V8_ALLOCATOR_H */
