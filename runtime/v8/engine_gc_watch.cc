/* engine_gc_watch.cc - reports each finished garbage collection of an
 * isolate to a C callback (its type, flags and start/end times): the source
 * of perf_hooks' 'gc' entries. */
#include <v8.h>

#include <vector>

#include "shim.h"

struct nd_gc_watch_s {
  v8::Isolate *isolate;
  nd_gc_watch_cb cb;
  void *data;
  std::vector<uint64_t> starts; /* GCs nest: a stack of start times */
};

static void on_gc_start(v8::Isolate *isolate, v8::GCType type,
                        v8::GCCallbackFlags flags, void *data) {
  (void)isolate;
  (void)type;
  (void)flags;
  static_cast<nd_gc_watch_s *>(data)->starts.push_back(uv_hrtime());
}

static void on_gc_end(v8::Isolate *isolate, v8::GCType type,
                      v8::GCCallbackFlags flags, void *data) {
  (void)isolate;
  nd_gc_watch_s *w = static_cast<nd_gc_watch_s *>(data);
  if (w->starts.empty()) return; /* began before the watch */
  uint64_t start = w->starts.back();
  w->starts.pop_back();
  w->cb(w->data, (int)type, (int)flags, start, uv_hrtime());
}

extern "C" nd_gc_watch_t *nd_engine_gc_watch(napi_env env, nd_gc_watch_cb cb,
                                             void *data) {
  nd_gc_watch_s *w = new nd_gc_watch_s();
  w->isolate = env->isolate;
  w->cb = cb;
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
