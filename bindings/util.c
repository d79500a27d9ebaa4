/* util.c - internalBinding('util'): what util.inspect and friends need from
 * V8: promise/proxy internals, collection previews, own keys, sleep. */
#include <time.h>

#include "bindings.h"
#include "engine.h"
#include "napi_util.h"

/* getPromiseDetails(p) -> [state] or [state, result]. */
static napi_value util_get_promise_details(napi_env env,
                                           napi_callback_info info) {
  napi_value argv[1], arr, v;
  nd_args(env, info, 1, argv);
  int state;
  napi_value result;
  if (nd_engine_promise_details(env, argv[0], &state, &result) != napi_ok)
    return NULL;
  napi_create_array(env, &arr);
  napi_create_int32(env, state, &v);
  napi_set_element(env, arr, 0, v);
  if (result != NULL) napi_set_element(env, arr, 1, result);
  return arr;
}

/* getProxyDetails(p, showProxy = true) -> [target, handler] or target, or
 * undefined when p is not a proxy. */
static napi_value util_get_proxy_details(napi_env env,
                                         napi_callback_info info) {
  napi_value argv[2], target, handler, arr;
  size_t argc = nd_args(env, info, 2, argv);
  nd_engine_proxy_details(env, argv[0], &target, &handler);
  if (target == NULL) return NULL;
  if (argc > 1 && !nd_to_bool(env, argv[1])) return target;
  napi_create_array_with_length(env, 2, &arr);
  napi_set_element(env, arr, 0, target);
  napi_set_element(env, arr, 1, handler);
  return arr;
}

/* previewEntries(obj, isIterator) -> entries, or [entries, isKeyValue]
 * when isIterator is true. */
static napi_value util_preview_entries(napi_env env, napi_callback_info info) {
  napi_value argv[2], entries, arr, kv;
  size_t argc = nd_args(env, info, 2, argv);
  bool is_kv;
  if (nd_engine_preview_entries(env, argv[0], &entries, &is_kv) != napi_ok)
    return NULL;
  if (argc < 2 || !nd_to_bool(env, argv[1])) return entries;
  napi_create_array_with_length(env, 2, &arr);
  napi_set_element(env, arr, 0, entries);
  napi_get_boolean(env, is_kv, &kv);
  napi_set_element(env, arr, 1, kv);
  return arr;
}

static napi_value util_get_own_non_index_properties(napi_env env,
                                                    napi_callback_info info) {
  napi_value argv[2], r;
  nd_args(env, info, 2, argv);
  int filter = (int)nd_to_int64(env, argv[1], ND_ALL_PROPERTIES);
  if (nd_engine_own_non_index_properties(env, argv[0], filter, &r) != napi_ok)
    return NULL;
  return r;
}

static napi_value util_get_constructor_name(napi_env env,
                                            napi_callback_info info) {
  napi_value argv[1], r;
  nd_args(env, info, 1, argv);
  if (nd_engine_constructor_name(env, argv[0], &r) != napi_ok) return NULL;
  return r;
}

static napi_value util_get_external_value(napi_env env,
                                          napi_callback_info info) {
  napi_value argv[1], r;
  nd_args(env, info, 1, argv);
  uint64_t addr;
  if (nd_engine_external_address(env, argv[0], &addr) != napi_ok) return NULL;
  napi_create_bigint_uint64(env, addr, &r);
  return r;
}

static napi_value util_sleep(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  int64_t ms = nd_to_int64(env, argv[0], 0);
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000};
  while (nanosleep(&ts, &ts) != 0) {
  }
  return NULL;
}

static napi_value util_is_inside_node_modules(napi_env env,
                                              napi_callback_info info) {
  napi_value r;
  napi_get_boolean(env, false, &r);
  return r;
}

/* setBufferPrototype(proto): Buffers made by C (reads, napi_create_buffer)
 * get this prototype. */
static napi_value util_set_buffer_prototype(napi_env env,
                                            napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  nd_engine_set_buffer_prototype(env, argv[0]);
  return NULL;
}

/* defineLazyDataProperty(target, name, getter, enumerable) */
static napi_value util_define_lazy(napi_env env, napi_callback_info info) {
  napi_value argv[4];
  nd_args(env, info, 4, argv);
  nd_engine_define_lazy_data_property(env, argv[0], argv[1], argv[2],
                                      nd_to_bool(env, argv[3]));
  return NULL;
}

/* setPromiseHooks(init, before, after, resolve): JS promise hooks for
 * async_hooks / AsyncLocalStorage; undefined removes one. */
static napi_value util_set_promise_hooks(napi_env env,
                                         napi_callback_info info) {
  napi_value argv[4];
  nd_args(env, info, 4, argv);
  nd_engine_set_promise_hooks(env, argv[0], argv[1], argv[2], argv[3]);
  return NULL;
}

static const napi_property_descriptor util_methods[] = {
  ND_METHOD("setPromiseHooks", util_set_promise_hooks),
  ND_METHOD("defineLazyDataProperty", util_define_lazy),
  ND_METHOD("setBufferPrototype", util_set_buffer_prototype),
  ND_METHOD("getPromiseDetails", util_get_promise_details),
  ND_METHOD("getProxyDetails", util_get_proxy_details),
  ND_METHOD("previewEntries", util_preview_entries),
  ND_METHOD("getOwnNonIndexProperties", util_get_own_non_index_properties),
  ND_METHOD("getConstructorName", util_get_constructor_name),
  ND_METHOD("getExternalValue", util_get_external_value),
  ND_METHOD("sleep", util_sleep),
  ND_METHOD("isInsideNodeModules", util_is_inside_node_modules),
};

napi_value nd_binding_util_init(napi_env env, napi_value exports) {
  napi_value constants;
  napi_create_object(env, &constants);
  nd_set_number(env, constants, "kPending", 0);
  nd_set_number(env, constants, "kFulfilled", 1);
  nd_set_number(env, constants, "kRejected", 2);
  nd_set_number(env, constants, "ALL_PROPERTIES", ND_ALL_PROPERTIES);
  nd_set_number(env, constants, "ONLY_ENUMERABLE", ND_ONLY_ENUMERABLE);
  napi_set_named_property(env, exports, "constants", constants);
  if (napi_define_properties(env, exports, ND_COUNT(util_methods),
                             util_methods) != napi_ok)
    return NULL;
  return exports;
}
