/* engine_gc_profile.cc - v8.GCProfiler: records every garbage collection
 * of an isolate (type, cost, heap statistics before and after) as the JSON
 * text Node's GCProfiler.stop() returns. */
#include <v8.h>

#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <string>
#include <vector>

#include "shim.h"

struct nd_gc_profile_s {
  v8::Isolate *isolate;
  nd_gc_watch_t *watch;
  std::string json; /* "{...,\"statistics\":[" and the finished entries */
  bool any;         /* an entry was written */
  /* The entries (type and heap before) of the GCs that started and have
   * not ended; GCs nest, so these stack (see nd_engine_gc_watch). */
  std::vector<std::string> running;
};

static double epoch_ms(void) {
  struct timespec ts;
  clock_gettime(CLOCK_REALTIME, &ts);
  return (double)ts.tv_sec * 1e3 + (double)(ts.tv_nsec / 1000000);
}

static void append_number(std::string *out, const char *key, double v,
                          bool comma) {
  char buf[96];
  snprintf(buf, sizeof(buf), "%s\"%s\":%.17g", comma ? "," : "", key, v);
  out->append(buf);
}

static const char *gc_type_name(v8::GCType type) {
  switch (type) {
    case v8::kGCTypeScavenge:
      return "Scavenge";
    case v8::kGCTypeMinorMarkCompact:
      return "MinorMarkCompact";
    case v8::kGCTypeMarkSweepCompact:
      return "MarkSweepCompact";
    case v8::kGCTypeIncrementalMarking:
      return "IncrementalMarking";
    case v8::kGCTypeProcessWeakCallbacks:
      return "ProcessWeakCallbacks";
    default:
      return "Unknown";
  }
}

/* {"heapStatistics":{...},"heapSpaceStatistics":[{...},...]} */
static void append_heap(std::string *out, v8::Isolate *isolate) {
  v8::HeapStatistics h;
  isolate->GetHeapStatistics(&h);
  out->append("{\"heapStatistics\":{");
  append_number(out, "totalHeapSize", (double)h.total_heap_size(), false);
  append_number(out, "totalHeapSizeExecutable",
                (double)h.total_heap_size_executable(), true);
  append_number(out, "totalPhysicalSize", (double)h.total_physical_size(),
                true);
  append_number(out, "totalAvailableSize", (double)h.total_available_size(),
                true);
  append_number(out, "totalGlobalHandlesSize",
                (double)h.total_global_handles_size(), true);
  append_number(out, "usedGlobalHandlesSize",
                (double)h.used_global_handles_size(), true);
  append_number(out, "usedHeapSize", (double)h.used_heap_size(), true);
  append_number(out, "heapSizeLimit", (double)h.heap_size_limit(), true);
  append_number(out, "mallocedMemory", (double)h.malloced_memory(), true);
  append_number(out, "externalMemory", (double)h.external_memory(), true);
  append_number(out, "peakMallocedMemory", (double)h.peak_malloced_memory(),
                true);
  out->append("},\"heapSpaceStatistics\":[");
  size_t n = isolate->NumberOfHeapSpaces();
  for (size_t i = 0; i < n; i++) {
    v8::HeapSpaceStatistics s;
    if (!isolate->GetHeapSpaceStatistics(&s, i)) continue;
    if (i > 0) out->append(",");
    /* V8's space names are plain identifiers: no JSON escaping needed. */
    out->append("{\"spaceName\":\"");
    out->append(s.space_name());
    out->append("\"");
    append_number(out, "spaceSize", (double)s.space_size(), true);
    append_number(out, "spaceUsedSize", (double)s.space_used_size(), true);
    append_number(out, "spaceAvailableSize", (double)s.space_available_size(),
                  true);
    append_number(out, "physicalSpaceSize", (double)s.physical_space_size(),
                  true);
    out->append("}");
  }
  out->append("]}");
}

static void on_gc_start(void *data, int type, int flags) {
  (void)flags;
  nd_gc_profile_s *p = static_cast<nd_gc_profile_s *>(data);
  std::string entry = "{\"gcType\":\"";
  entry.append(gc_type_name((v8::GCType)type));
  entry.append("\",\"beforeGC\":");
  append_heap(&entry, p->isolate);
  p->running.push_back(std::move(entry));
}

/* Completes the innermost running GC's entry and adds it to the profile. */
static void on_gc_end(void *data, int type, int flags, uint64_t start_ns,
                      uint64_t end_ns) {
  (void)type;
  (void)flags;
  nd_gc_profile_s *p = static_cast<nd_gc_profile_s *>(data);
  if (p->running.empty()) return;
  std::string entry = std::move(p->running.back());
  p->running.pop_back();
  append_number(&entry, "cost", (double)(end_ns - start_ns) / 1e3, true);
  entry.append(",\"afterGC\":");
  append_heap(&entry, p->isolate);
  entry.append("}");
  if (p->any) p->json.append(",");
  p->any = true;
  p->json.append(entry);
}

extern "C" nd_gc_profile_t *nd_engine_gc_profile_start(napi_env env) {
  nd_gc_profile_s *p = new nd_gc_profile_s();
  p->isolate = env->isolate;
  p->any = false;
  p->json = "{\"version\":1";
  append_number(&p->json, "startTime", epoch_ms(), true);
  p->json.append(",\"statistics\":[");
  p->watch = nd_engine_gc_watch(env, on_gc_start, on_gc_end, p);
  return p;
}

extern "C" char *nd_engine_gc_profile_stop(nd_gc_profile_t *p) {
  nd_engine_gc_unwatch(p->watch);
  p->json.append("]");
  append_number(&p->json, "endTime", epoch_ms(), true);
  p->json.append("}");
  char *text = strdup(p->json.c_str());
  delete p;
  return text;
}
