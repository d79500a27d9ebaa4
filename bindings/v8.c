/* v8.c - internalBinding('v8'): V8 flags and heap statistics for lib/v8.js.
 *
 * JS contract:
 *   cachedDataVersionTag()                 -> uint32
 *   setFlagsFromString(flags)              passes V8 flags at run time
 *   heapStatistics(f64[14])                fills getHeapStatistics() fields
 *   heapSpaceCount()                       -> number of heap spaces
 *   heapSpaceStatistics(i, f64[4])         -> space name; fills size, used,
 *                                          available, physical
 *   heapCodeStatistics(f64[4])             fills getHeapCodeStatistics() */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "bindings.h"
#include "engine.h"
#include "loop.h"
#include "napi_util.h"
#include "realm.h"

/* The Float64Array argument `v` with at least `need` slots, or NULL. */
static double *f64_arg(napi_env env, napi_value v, size_t need) {
  napi_typedarray_type type;
  size_t length;
  void *data;
  if (napi_get_typedarray_info(env, v, &type, &length, &data, NULL, NULL) !=
          napi_ok ||
      type != napi_float64_array || length < need)
    return NULL;
  return data;
}

static napi_value v8_cached_data_version_tag(napi_env env,
                                             napi_callback_info info) {
  napi_value r;
  napi_create_uint32(env, nd_engine_cached_data_version_tag(), &r);
  return r;
}

static napi_value v8_set_flags_from_string(napi_env env,
                                           napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  size_t len;
  if (napi_get_value_string_utf8(env, argv[0], NULL, 0, &len) != napi_ok)
    return NULL;
  char *flags = malloc(len + 1);
  if (flags == NULL) return NULL;
  napi_get_value_string_utf8(env, argv[0], flags, len + 1, &len);
  nd_engine_set_runtime_flags(env, flags, len);
  free(flags);
  return NULL;
}

static napi_value v8_heap_statistics(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  double *out = f64_arg(env, argv[0], ND_HEAP_STATISTICS_FIELDS);
  if (out != NULL) nd_engine_heap_statistics(env, out);
  return NULL;
}

static napi_value v8_heap_space_count(napi_env env, napi_callback_info info) {
  napi_value r;
  napi_create_uint32(env, (uint32_t)nd_engine_heap_space_count(env), &r);
  return r;
}

static napi_value v8_heap_space_statistics(napi_env env,
                                           napi_callback_info info) {
  napi_value argv[2], r;
  nd_args(env, info, 2, argv);
  double *out = f64_arg(env, argv[1], ND_HEAP_SPACE_FIELDS);
  if (out == NULL) return NULL;
  const char *name = nd_engine_heap_space_statistics(
      env, (size_t)nd_to_int64(env, argv[0], 0), out);
  if (name == NULL) return NULL;
  napi_create_string_utf8(env, name, NAPI_AUTO_LENGTH, &r);
  return r;
}

static napi_value v8_heap_code_statistics(napi_env env,
                                          napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  double *out = f64_arg(env, argv[0], ND_HEAP_CODE_FIELDS);
  if (out != NULL) nd_engine_heap_code_statistics(env, out);
  return NULL;
}

/* GC profiles live in an object the JS GCProfiler holds: stopped with it
 * (stopGCProfile) or, if it is dropped while recording, when collected. */
static void drop_gc_profile(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  free(nd_engine_gc_profile_stop(data));
}

/* startGCProfile() -> a handle object for stopGCProfile. */
static napi_value v8_start_gc_profile(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value handle;
  napi_create_object(env, &handle);
  nd_gc_profile_t *p = nd_engine_gc_profile_start(env);
  if (napi_wrap(env, handle, p, drop_gc_profile, NULL, NULL) != napi_ok) {
    free(nd_engine_gc_profile_stop(p));
    return NULL;
  }
  return handle;
}

/* stopGCProfile(handle) -> the profile's JSON text (undefined if the handle
 * was stopped already). */
static napi_value v8_stop_gc_profile(napi_env env, napi_callback_info info) {
  napi_value argv[1], r = NULL;
  nd_args(env, info, 1, argv);
  void *p = NULL;
  if (napi_remove_wrap(env, argv[0], &p) != napi_ok || p == NULL) return NULL;
  char *json = nd_engine_gc_profile_stop(p);
  if (json == NULL) return NULL;
  napi_create_string_utf8(env, json, NAPI_AUTO_LENGTH, &r);
  free(json);
  return r;
}

/* perf_hooks' 'gc' entries: while watched, every GC is recorded (inside
 * the GC, so no JS) and handed to the JS callback on the next loop turn by
 * an unref'd timer: watching never keeps the process alive. */
typedef struct {
  int type, flags;
  uint64_t start_ns, end_ns;
} gc_record_t;

#define GC_RECORDS_MAX 64

struct nd_gc_entries_s {
  napi_env env;
  nd_gc_watch_t *watch;
  napi_ref callback;
  uv_timer_t timer;
  gc_record_t records[GC_RECORDS_MAX];
  int count;
};

static void deliver_gc_records(uv_timer_t *timer) {
  struct nd_gc_entries_s *g = timer->data;
  napi_env env = g->env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  gc_record_t records[GC_RECORDS_MAX];
  int n = g->count;
  memcpy(records, g->records, (size_t)n * sizeof(records[0]));
  g->count = 0;
  napi_value fn, recv;
  napi_get_reference_value(env, g->callback, &fn);
  napi_get_undefined(env, &recv);
  for (int i = 0; i < n && fn != NULL; i++) {
    napi_value argv[4];
    napi_create_int32(env, records[i].type, &argv[0]);
    napi_create_int32(env, records[i].flags, &argv[1]);
    napi_create_double(env, (double)records[i].start_ns, &argv[2]);
    napi_create_double(env, (double)records[i].end_ns, &argv[3]);
    if (nd_loop_make_callback(env, recv, fn, 4, argv, NULL) != 0) break;
    if (nd_realm_of(env)->gc_entries != g) break; /* unwatched meanwhile */
  }
  napi_close_handle_scope(env, scope);
}

static void on_gc(void *data, int type, int flags, uint64_t start_ns,
                  uint64_t end_ns) {
  struct nd_gc_entries_s *g = data;
  if (g->count < GC_RECORDS_MAX) {
    g->records[g->count++] =
        (gc_record_t){type, flags, start_ns, end_ns};
  }
  uv_timer_start(&g->timer, deliver_gc_records, 0, 0);
}

static void free_gc_entries(uv_handle_t *h) { free(h->data); }

static void cleanup_gc_entries(void *arg);

/* Ends the watch; `at_cleanup` when the env is going away (its cleanup
 * hook is being run, not to be removed). */
static void stop_gc_entries(napi_env env, bool at_cleanup) {
  nd_realm_t *realm = nd_realm_of(env);
  struct nd_gc_entries_s *g = realm->gc_entries;
  if (g == NULL) return;
  realm->gc_entries = NULL;
  if (!at_cleanup) napi_remove_env_cleanup_hook(env, cleanup_gc_entries, env);
  nd_engine_gc_unwatch(g->watch);
  napi_delete_reference(env, g->callback);
  uv_close((uv_handle_t *)&g->timer, free_gc_entries);
}

static void cleanup_gc_entries(void *arg) { stop_gc_entries(arg, true); }

/* watchGC(callback(type, flags, startNs, endNs)): starts the 'gc' entries
 * (replacing an earlier callback). */
static napi_value v8_watch_gc(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  stop_gc_entries(env, false);
  struct nd_gc_entries_s *g = calloc(1, sizeof(*g));
  if (g == NULL) return NULL;
  nd_realm_t *realm = nd_realm_of(env);
  g->env = env;
  napi_create_reference(env, argv[0], 1, &g->callback);
  uv_timer_init(realm->loop, &g->timer);
  uv_unref((uv_handle_t *)&g->timer);
  g->timer.data = g;
  g->watch = nd_engine_gc_watch(env, NULL, on_gc, g);
  realm->gc_entries = g;
  napi_add_env_cleanup_hook(env, cleanup_gc_entries, env);
  return NULL;
}

/* unwatchGC(): stops the 'gc' entries. */
static napi_value v8_unwatch_gc(napi_env env, napi_callback_info info) {
  (void)info;
  stop_gc_entries(env, false);
  return NULL;
}

static const napi_property_descriptor v8_methods[] = {
  ND_METHOD("watchGC", v8_watch_gc),
  ND_METHOD("unwatchGC", v8_unwatch_gc),
  ND_METHOD("startGCProfile", v8_start_gc_profile),
  ND_METHOD("stopGCProfile", v8_stop_gc_profile),
  ND_METHOD("cachedDataVersionTag", v8_cached_data_version_tag),
  ND_METHOD("setFlagsFromString", v8_set_flags_from_string),
  ND_METHOD("heapStatistics", v8_heap_statistics),
  ND_METHOD("heapSpaceCount", v8_heap_space_count),
  ND_METHOD("heapSpaceStatistics", v8_heap_space_statistics),
  ND_METHOD("heapCodeStatistics", v8_heap_code_statistics),
};

napi_value nd_binding_v8_init(napi_env env, napi_value exports) {
  if (napi_define_properties(env, exports, ND_COUNT(v8_methods),
                             v8_methods) != napi_ok)
    return NULL;
  return exports;
}
