/* messaging.c - internalBinding('messaging'): structured clone through V8's
 * ValueSerializer (MessagePort and friends come with worker_threads). */
#include "bindings.h"
#include "engine.h"
#include "napi_util.h"

/* structuredClone(value[, transferList]) -> a deep copy; transferred
 * ArrayBuffers are detached. Throws a DataCloneError for values that
 * cannot be cloned. */
static napi_value messaging_structured_clone(napi_env env,
                                             napi_callback_info info) {
  napi_value argv[2], r;
  size_t argc = nd_args(env, info, 2, argv);
  if (nd_engine_structured_clone(env, argv[0], argc > 1 ? argv[1] : NULL,
                                 &r) != napi_ok)
    return NULL;
  return r;
}

static const napi_property_descriptor messaging_methods[] = {
  ND_METHOD("structuredClone", messaging_structured_clone),
};

napi_value nd_binding_messaging_init(napi_env env, napi_value exports) {
  if (napi_define_properties(env, exports, ND_COUNT(messaging_methods),
                             messaging_methods) != napi_ok)
    return NULL;
  return exports;
}
