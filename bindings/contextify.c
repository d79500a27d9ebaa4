/* contextify.c - internalBinding('contextify'): compiling and running code
 * in the main context with a filename (the CommonJS wrapper, -e, vm's
 * this-context functions). */
#include <stdlib.h>

#include "bindings.h"
#include "engine.h"
#include "napi_util.h"

/* Moves the pending exception's source arrow onto the error object, so a
 * SyntaxError reported later still points at its source line. */
static void keep_arrow(napi_env env) {
  napi_value exc, arrow;
  if (nd_engine_take_exception(env, &exc, &arrow) != napi_ok) return;
  napi_valuetype t;
  napi_typeof(env, exc, &t);
  if (t == napi_object || t == napi_function) {
    napi_value old;
    napi_valuetype ot = napi_undefined;
    if (nd_engine_private_get(env, exc, ND_PRIVATE_ARROW_MESSAGE, &old) ==
        napi_ok)
      napi_typeof(env, old, &ot);
    if (ot != napi_string)
      nd_engine_private_set(env, exc, ND_PRIVATE_ARROW_MESSAGE, arrow);
  }
  napi_throw(env, exc);
}

/* compileFunction(code, filename, params[]) -> function whose body is
 * `code` (SyntaxErrors are thrown with their arrow recorded). */
static napi_value contextify_compile_function(napi_env env,
                                              napi_callback_info info) {
  napi_value argv[3], fn, p;
  nd_args(env, info, 3, argv);
  uint32_t n = 0;
  napi_get_array_length(env, argv[2], &n);
  if (n > 16) n = 16;
  char *params[16];
  for (uint32_t i = 0; i < n; i++) {
    napi_get_element(env, argv[2], i, &p);
    params[i] = nd_strdup_utf8(env, p);
    if (params[i] == NULL) {
      while (i > 0) free(params[--i]);
      return NULL;
    }
  }
  napi_status s = nd_engine_compile_function(
      env, argv[0], argv[1], n, (const char *const *)params, &fn);
  for (uint32_t i = 0; i < n; i++) free(params[i]);
  if (s != napi_ok) {
    keep_arrow(env);
    return NULL;
  }
  return fn;
}

/* runInThisContext(code, filename) -> the completion value of the script. */
static napi_value contextify_run_in_this_context(napi_env env,
                                                 napi_callback_info info) {
  napi_value argv[2], result;
  nd_args(env, info, 2, argv);
  if (nd_engine_run_script(env, argv[0], argv[1], &result) != napi_ok) {
    keep_arrow(env);
    return NULL;
  }
  return result;
}

static const napi_property_descriptor contextify_methods[] = {
  ND_METHOD("compileFunction", contextify_compile_function),
  ND_METHOD("runInThisContext", contextify_run_in_this_context),
};

napi_value nd_binding_contextify_init(napi_env env, napi_value exports) {
  if (napi_define_properties(env, exports, ND_COUNT(contextify_methods),
                             contextify_methods) != napi_ok)
    return NULL;
  return exports;
}
