/* engine_gc_watch.cc - reports the garbage collections of an isolate to C
 * callbacks (type, flags, start and end times): the source of perf_hooks'
 * 'gc' entries and of v8.GCProfiler. */
#include <v8.h>

#include <vector>

#include "shim.h"

struct nd_gc_watch_s {
  v8::Isolate *isolate;
  nd_gc_start_cb on_start;
  nd_gc_watch_cb on_end;
  void *data;
  std::vector<uint64_t> starts; /* GCs nest: a stack of start times */
};

static void on_gc_start(v8::Isolate *isolate, v8::GCType type,
                        v8::GCCallbackFlags flags, void *data) {
  (void)isolate;
  nd_gc_watch_s *w = static_cast<nd_gc_watch_s *>(data);
  if (w->on_start != NULL) w->on_start(w->data, (int)type, (int)flags);
  w->starts.push_back(uv_hrtime());
}

static void on_gc_end(v8::Isolate *isolate, v8::GCType type,
                      v8::GCCallbackFlags flags, void *data) {
  (void)isolate;
  nd_gc_watch_s *w = static_cast<nd_gc_watch_s *>(data);
  if (w->starts.empty()) return; /* began before the watch */
  uint64_t start = w->starts.back();
  w->starts.pop_back();
  w->on_end(w->data, (int)type, (int)flags, start, uv_hrtime());
}

extern "C" nd_gc_watch_t *nd_engine_gc_watch(napi_env env,
                                             nd_gc_start_cb on_start,
                                             nd_gc_watch_cb on_end,
                                             void *data) {
  nd_gc_watch_s *w = new nd_gc_watch_s();
  w->isolate = env->isolate;
  w->on_start = on_start;
  w->on_end = on_end;
  w->data = data;
  w->isolate->AddGCPrologueCallback(on_gc_start, w);
  w->isolate->AddGCEpilogueCallback(on_gc_end, w);
  return w;
}

extern "C" void nd_engine_gc_unwatch(nd_gc_watch_t *w) {
  w->isolate->RemoveGCPrologueCallback(on_gc_start, w);
  w->isolate->RemoveGCEpilogueCallback(on_gc_end, w);
  delete w;
}
