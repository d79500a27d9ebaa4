/* errors.c - internalBinding('errors'): hands exceptions that JS decided are
 * uncaught (e.g. unhandled rejections) to the runtime's fatal path. */
#include "bindings.h"
#include "engine.h"
#include "loop.h"
#include "napi_util.h"
#include "realm.h"

/* triggerUncaughtException(err, fromPromise): reports `err` as uncaught;
 * returns when a process 'uncaughtException' listener handled it. */
static napi_value errors_trigger_uncaught(napi_env env,
                                          napi_callback_info info) {
  napi_value argv[2], exc, arrow;
  nd_args(env, info, 2, argv);
  /* Build the arrow from where the error was created (or, for values that
   * are not errors, from the current position). */
  napi_throw(env, argv[0]);
  if (nd_engine_take_exception(env, &exc, &arrow) != napi_ok)
    napi_get_undefined(env, &arrow);
  nd_loop_report(nd_realm_of(env), argv[0], arrow, nd_to_bool(env, argv[1]));
  return NULL;
}

/* setArrowMessage(err, arrow): records the source arrow of an error (used
 * by the module loader for SyntaxErrors). */
static napi_value errors_set_arrow(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  nd_args(env, info, 2, argv);
  nd_engine_private_set(env, argv[0], ND_PRIVATE_ARROW_MESSAGE, argv[1]);
  return NULL;
}

static const napi_property_descriptor errors_methods[] = {
  ND_METHOD("triggerUncaughtException", errors_trigger_uncaught),
  ND_METHOD("setArrowMessage", errors_set_arrow),
};

napi_value nd_binding_errors_init(napi_env env, napi_value exports) {
  if (napi_define_properties(env, exports, ND_COUNT(errors_methods),
                             errors_methods) != napi_ok)
    return NULL;
  return exports;
}
