/* uv.c - internalBinding('uv'): libuv's error names and messages. */
#include <uv.h>

#include "bindings.h"
#include "napi_util.h"

/* errname(err) -> 'ENOENT' for a negative libuv error code. */
static napi_value uv_errname_js(napi_env env, napi_callback_info info) {
  napi_value argv[1], r;
  nd_args(env, info, 1, argv);
  int err = (int)nd_to_int64(env, argv[0], 0);
  napi_create_string_utf8(env, uv_err_name(err), NAPI_AUTO_LENGTH, &r);
  return r;
}

/* getErrorMap() -> Map(err -> [name, message]) of every libuv error. */
static napi_value uv_get_error_map(napi_env env, napi_callback_info info) {
  napi_value global, map_ctor, map, set, args[2], pair, s;
  napi_get_global(env, &global);
  napi_get_named_property(env, global, "Map", &map_ctor);
  if (napi_new_instance(env, map_ctor, 0, NULL, &map) != napi_ok) return NULL;
  napi_get_named_property(env, map, "set", &set);
#define ND_UV_PAIR(name, msg)                                                  \
  napi_create_int32(env, UV_##name, &args[0]);                                 \
  napi_create_array_with_length(env, 2, &pair);                                \
  napi_create_string_utf8(env, #name, NAPI_AUTO_LENGTH, &s);                   \
  napi_set_element(env, pair, 0, s);                                           \
  napi_create_string_utf8(env, msg, NAPI_AUTO_LENGTH, &s);                     \
  napi_set_element(env, pair, 1, s);                                           \
  args[1] = pair;                                                              \
  napi_call_function(env, map, set, 2, args, NULL);
  UV_ERRNO_MAP(ND_UV_PAIR)
#undef ND_UV_PAIR
  return map;
}

static const napi_property_descriptor uv_methods[] = {
  ND_METHOD("errname", uv_errname_js),
  ND_METHOD("getErrorMap", uv_get_error_map),
};

napi_value nd_binding_uv_init(napi_env env, napi_value exports) {
#define ND_UV_CONST(name, msg) nd_set_number(env, exports, "UV_" #name, UV_##name);
  UV_ERRNO_MAP(ND_UV_CONST)
#undef ND_UV_CONST
  if (napi_define_properties(env, exports, ND_COUNT(uv_methods), uv_methods) !=
      napi_ok)
    return NULL;
  return exports;
}
