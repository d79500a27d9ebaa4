/* allocator.cc - NdAllocator: malloc-backed ArrayBuffer memory with a
 * per-isolate cache of mid-size blocks (see allocator.h). */
#include "allocator.h"

#include <stdlib.h>
#include <string.h>

int NdAllocator::ClassOf(size_t n) {
  if (n <= (size_t(1) << (kMinShift - 1)) || n > (size_t(1) << kMaxShift))
    return -1;
  int shift = kMinShift;
  while ((size_t(1) << shift) < n) shift++;
  return shift - kMinShift;
}

/* A spin lock: the critical sections are a few loads and stores, and the
 * only other party is V8's sweeper thread freeing blocks. */
void NdAllocator::Lock() {
  while (lock_.test_and_set(std::memory_order_acquire)) {
  }
}

void NdAllocator::Unlock() { lock_.clear(std::memory_order_release); }

void *NdAllocator::Take(int cls) {
  void *block = nullptr;
  Lock();
  if (count_[cls] > 0) block = slots_[cls][--count_[cls]];
  Unlock();
  return block;
}

bool NdAllocator::Keep(int cls, void *block) {
  bool kept = false;
  Lock();
  if (count_[cls] < kCacheSlots) {
    slots_[cls][count_[cls]++] = block;
    kept = true;
  }
  Unlock();
  return kept;
}

void *NdAllocator::AllocateUninitialized(size_t n) {
  int cls = ClassOf(n);
  if (cls < 0) return malloc(n ? n : 1);
  void *block = Take(cls);
  return block != nullptr ? block : malloc(size_t(1) << (cls + kMinShift));
}

void *NdAllocator::Allocate(size_t n) {
  if (!zero_fill) return AllocateUninitialized(n);
  int cls = ClassOf(n);
  if (cls < 0) return calloc(n ? n : 1, 1);
  void *block = Take(cls);
  if (block == nullptr) return calloc(size_t(1) << (cls + kMinShift), 1);
  memset(block, 0, n);
  return block;
}

void NdAllocator::Free(void *data, size_t n) {
  if (data == nullptr) return;
  int cls = ClassOf(n);
  if (cls >= 0 && Keep(cls, data)) return;
  free(data);
}

NdAllocator::~NdAllocator() {
  for (int c = 0; c < kClasses; c++)
    for (int i = 0; i < count_[c]; i++) free(slots_[c][i]);
}
