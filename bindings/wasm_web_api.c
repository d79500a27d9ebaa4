/* wasm_web_api.c - internalBinding('wasm_web_api'): lets lib/ serve
 * WebAssembly.compileStreaming and instantiateStreaming.
 *
 * JS contract:
 *   setImplementation(fn)   fn(source, streaming) is called for each
 *                           streaming compile (see nd_engine_set_wasm_
 *                           streaming_handler in runtime/engine.h) */
#include "bindings.h"
#include "engine.h"
#include "napi_util.h"

static napi_value wasm_set_implementation(napi_env env,
                                          napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  if (nd_engine_set_wasm_streaming_handler(env, argv[0]) != napi_ok) {
    napi_throw_type_error(env, NULL, "setImplementation needs a function");
  }
  return NULL;
}

static const napi_property_descriptor wasm_methods[] = {
    ND_METHOD("setImplementation", wasm_set_implementation),
};

napi_value nd_binding_wasm_web_api_init(napi_env env, napi_value exports) {
  if (napi_define_properties(env, exports, ND_COUNT(wasm_methods),
                             wasm_methods) != napi_ok)
    return NULL;
  return exports;
}
