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

/* A GC whose prologue ran and whose epilogue has not: its entry so far
 * (type and heap before) and when it began. GCs can nest (V8 runs the
 * weak-callback phase of a full GC as a GC of its own), so these stack. */
struct nd_gc_running {
  std::string entry;
  uint64_t start;
};

struct nd_gc_profile_s {
  v8::Isolate *isolate;
  std::string json; /* "{...,\"statistics\":[" and the finished entries */
  bool any;         /* an entry was written */
  std::vector<nd_gc_running> running;
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

static void on_gc_start(v8::Isolate *isolate, v8::GCType type,
                        v8::GCCallbackFlags flags, void *data) {
  (void)flags;
  nd_gc_profile_s *p = static_cast<nd_gc_profile_s *>(data);
  nd_gc_running gc;
  gc.entry = "{\"gcType\":\"";
  gc.entry.append(gc_type_name(type));
  gc.entry.append("\",\"beforeGC\":");
  append_heap(&gc.entry, isolate);
  gc.start = uv_hrtime();
  p->running.push_back(std::move(gc));
}

/* Completes the innermost running GC's entry and adds it to the profile. */
static void on_gc_end(v8::Isolate *isolate, v8::GCType type,
                      v8::GCCallbackFlags flags, void *data) {
  (void)type;
  (void)flags;
  nd_gc_profile_s *p = static_cast<nd_gc_profile_s *>(data);
  if (p->running.empty()) return; /* began before start() */
  nd_gc_running gc = std::move(p->running.back());
  p->running.pop_back();
  append_number(&gc.entry, "cost", (double)(uv_hrtime() - gc.start) / 1e3,
                true);
  gc.entry.append(",\"afterGC\":");
  append_heap(&gc.entry, isolate);
  gc.entry.append("}");
  if (p->any) p->json.append(",");
  p->any = true;
  p->json.append(gc.entry);
}

extern "C" nd_gc_profile_t *nd_engine_gc_profile_start(napi_env env) {
  nd_gc_profile_s *p = new nd_gc_profile_s();
  p->isolate = env->isolate;
  p->any = false;
  p->json = "{\"version\":1";
  append_number(&p->json, "startTime", epoch_ms(), true);
  p->json.append(",\"statistics\":[");
  p->isolate->AddGCPrologueCallback(on_gc_start, p);
  p->isolate->AddGCEpilogueCallback(on_gc_end, p);
  return p;
}

extern "C" char *nd_engine_gc_profile_stop(nd_gc_profile_t *p) {
  p->isolate->RemoveGCPrologueCallback(on_gc_start, p);
  p->isolate->RemoveGCEpilogueCallback(on_gc_end, p);
  p->json.append("]");
  append_number(&p->json, "endTime", epoch_ms(), true);
  p->json.append("}");
  char *text = strdup(p->json.c_str());
  delete p;
  return text;
}
