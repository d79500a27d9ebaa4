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
#include <stdlib.h>

#include "bindings.h"
#include "engine.h"
#include "napi_util.h"

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

static const napi_property_descriptor v8_methods[] = {
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
