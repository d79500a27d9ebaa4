/* contextify.c - internalBinding('contextify'): compiling and running code
 * in the main context with a filename (the CommonJS wrapper, -e, vm's
 * this-context functions). */
#include <stdio.h>
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

/* makeContext(sandbox, name): contextifies `sandbox`. */
static napi_value contextify_make_context(napi_env env,
                                          napi_callback_info info) {
  napi_value argv[2];
  nd_args(env, info, 2, argv);
  if (nd_engine_context_make(env, argv[0], argv[1]) != napi_ok)
    napi_throw_error(env, NULL, "Could not create a vm context");
  return NULL;
}

static napi_value contextify_is_context(napi_env env,
                                        napi_callback_info info) {
  napi_value argv[1], r;
  nd_args(env, info, 1, argv);
  bool is = false;
  nd_engine_context_is(env, argv[0], &is);
  napi_get_boolean(env, is, &r);
  return r;
}

/* contextGlobal(sandbox) -> the global object of its context. */
static napi_value contextify_context_global(napi_env env,
                                            napi_callback_info info) {
  napi_value argv[1], r;
  nd_args(env, info, 1, argv);
  if (nd_engine_context_global(env, argv[0], &r) != napi_ok) return NULL;
  return r;
}

static void script_finalize(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  nd_engine_script_free(data);
}

/* new ContextifyScript(code, filename, lineOffset, columnOffset) */
static napi_value script_new(napi_env env, napi_callback_info info) {
  napi_value argv[4], self;
  size_t argc = 4;
  napi_get_cb_info(env, info, &argc, argv, &self, NULL);
  nd_script_t *script;
  if (nd_engine_script_compile(env, argv[0], argv[1],
                               (int)nd_to_int64(env, argv[2], 0),
                               (int)nd_to_int64(env, argv[3], 0),
                               &script) != napi_ok) {
    keep_arrow(env);
    return NULL;
  }
  napi_wrap(env, self, script, script_finalize, NULL, NULL);
  return self;
}

/* script.runInContext(sandbox | null, timeout, breakOnSigint) ->
 * completion value; throws ERR_SCRIPT_EXECUTION_TIMEOUT after `timeout` ms,
 * ERR_SCRIPT_EXECUTION_INTERRUPTED on SIGINT with breakOnSigint. */
static napi_value script_run(napi_env env, napi_callback_info info) {
  napi_value argv[3], self, result;
  size_t argc = 3;
  napi_get_cb_info(env, info, &argc, argv, &self, NULL);
  void *data;
  if (napi_unwrap(env, self, &data) != napi_ok) return NULL;
  napi_valuetype t;
  napi_typeof(env, argv[0], &t);
  napi_value sandbox = (t == napi_object || t == napi_function) ? argv[0]
                                                                : NULL;
  int64_t timeout = nd_to_int64(env, argv[1], 0);
  bool break_on_sigint = argc > 2 && nd_to_bool(env, argv[2]);
  bool timed_out = false, interrupted = false;
  napi_status s = nd_engine_script_run(env, data, sandbox, timeout,
                                       break_on_sigint, &timed_out,
                                       &interrupted, &result);
  if (interrupted) {
    napi_throw_error(env, "ERR_SCRIPT_EXECUTION_INTERRUPTED",
                     "Script execution was interrupted by `SIGINT`");
    return NULL;
  }
  if (timed_out) {
    char msg[96];
    snprintf(msg, sizeof(msg), "Script execution timed out after %lldms",
             (long long)timeout);
    napi_throw_error(env, "ERR_SCRIPT_EXECUTION_TIMEOUT", msg);
    return NULL;
  }
  if (s == napi_pending_exception) {
    keep_arrow(env);
    return NULL;
  }
  if (s != napi_ok) return NULL;
  return result;
}

static const napi_property_descriptor script_methods[] = {
  ND_METHOD("runInContext", script_run),
};

static const napi_property_descriptor contextify_methods[] = {
  ND_METHOD("compileFunction", contextify_compile_function),
  ND_METHOD("runInThisContext", contextify_run_in_this_context),
  ND_METHOD("makeContext", contextify_make_context),
  ND_METHOD("isContext", contextify_is_context),
  ND_METHOD("contextGlobal", contextify_context_global),
};

napi_value nd_binding_contextify_init(napi_env env, napi_value exports) {
  napi_value cls;
  if (napi_define_class(env, "ContextifyScript", NAPI_AUTO_LENGTH, script_new,
                        NULL, ND_COUNT(script_methods), script_methods,
                        &cls) != napi_ok)
    return NULL;
  napi_set_named_property(env, exports, "ContextifyScript", cls);
  if (napi_define_properties(env, exports, ND_COUNT(contextify_methods),
                             contextify_methods) != napi_ok)
    return NULL;
  return exports;
}
