/* hello.c - a minimal Node-API addon, built with gcc against libnode-dev's
 * node_api.h exactly as node-gyp would build it for Node 18. */
#include <node_api.h>
#include <stdio.h>
#include <string.h>

static napi_value hello(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], result;
  char name[64] = "world";
  size_t len;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc > 0 &&
      napi_get_value_string_utf8(env, argv[0], name, sizeof(name), &len) !=
          napi_ok) {
    napi_throw_type_error(env, "ERR_HELLO", "name must be a string");
    return NULL;
  }
  char out[96];
  snprintf(out, sizeof(out), "hello, %s", name);
  napi_create_string_utf8(env, out, NAPI_AUTO_LENGTH, &result);
  return result;
}

static napi_value add(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2], result;
  double a = 0, b = 0;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  napi_get_value_double(env, argv[0], &a);
  napi_get_value_double(env, argv[1], &b);
  napi_create_double(env, a + b, &result);
  return result;
}

/* Calls back into JS: exceptions must propagate to the caller. */
static napi_value call(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], global, result;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  napi_get_global(env, &global);
  if (napi_call_function(env, global, argv[0], 0, NULL, &result) != napi_ok)
    return NULL;
  return result;
}

NAPI_MODULE_INIT() {
  napi_property_descriptor props[] = {
    {"hello", NULL, hello, NULL, NULL, NULL, napi_enumerable, NULL},
    {"add", NULL, add, NULL, NULL, NULL, napi_enumerable, NULL},
    {"call", NULL, call, NULL, NULL, NULL, napi_enumerable, NULL},
  };
  napi_define_properties(env, exports, 3, props);
  return exports;
}
