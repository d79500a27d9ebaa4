/* module_wrap.c - internalBinding('module_wrap'): ES modules for the ESM
 * loader in lib/internal/modules/esm/.
 *
 * JS contract:
 *   new ModuleWrap(url, source)                  a source text module
 *       (throws the SyntaxError, with its source arrow)
 *   new ModuleWrap(url, exportNames, steps)      a synthetic module;
 *       steps is called with this = the wrap on evaluation and sets its
 *       exports with this.setExport(name, value)
 *   w.url
 *   w.getModuleRequests() -> [{ specifier, assertions }]
 *   w.link(specifiers, wraps)    resolves each specifier to a wrap
 *   w.instantiate()  w.evaluate([timeoutMs]) -> promise  w.getNamespace()
 *   w.getStatus() (0..5: kUninstantiated .. kErrored)  w.getError()
 *   decorateErrorStack(error)   prepends the source arrow the engine
 *       recorded for a SyntaxError to error.stack (once)
 *   setNapiAsyncHooks({ init, before, after, destroy })
 *       async_hooks for Node-API async resources (see
 *       lib/internal/napi_async_context.js)
 *   setModuleHooks(importDynamically, initializeImportMeta)
 *       importDynamically(specifier, referrerName, assertions) -> Promise
 *       initializeImportMeta(meta, wrap) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "addons.h"
#include "bindings.h"
#include "engine.h"
#include "napi_util.h"

/* The synthetic steps and the linked wraps are kept as (hidden) properties
 * of the wrap object itself, not as strong references: a graph of modules
 * that JS no longer reaches can be collected, cycles included. */
typedef struct {
  nd_module_t *module;
  napi_env env;
  napi_ref self;      /* weak: the wrap lives while JS holds it */
} module_wrap_t;

static void set_hidden(napi_env env, napi_value obj, const char *name,
                       napi_value value) {
  napi_property_descriptor d = {name, NULL, NULL, NULL, NULL, value,
                                napi_writable | napi_configurable, NULL};
  napi_define_properties(env, obj, 1, &d);
}

static void module_wrap_finalize(napi_env env, void *data, void *hint) {
  module_wrap_t *w = data;
  (void)hint;
  napi_delete_reference(env, w->self);
  nd_engine_module_free(w->module);
  free(w);
}

static module_wrap_t *unwrap_module(napi_env env, napi_value self) {
  void *data = NULL;
  if (napi_unwrap(env, self, &data) != napi_ok || data == NULL) {
    napi_throw_type_error(env, "ERR_INVALID_THIS", "Not a ModuleWrap");
    return NULL;
  }
  return data;
}

/* Moves the source arrow of a pending SyntaxError onto the error. */
static void keep_arrow(napi_env env) {
  napi_value exc, arrow;
  if (nd_engine_take_exception(env, &exc, &arrow) != napi_ok) return;
  napi_valuetype t;
  napi_typeof(env, exc, &t);
  if (t == napi_object)
    nd_engine_private_set(env, exc, ND_PRIVATE_ARROW_MESSAGE, arrow);
  napi_throw(env, exc);
}

static napi_status run_steps(napi_env env, nd_module_t *module, void *data) {
  module_wrap_t *w = data;
  napi_value fn, self, ignored;
  napi_get_reference_value(env, w->self, &self);
  if (self == NULL) return napi_ok;
  napi_get_named_property(env, self, "__syntheticSteps", &fn);
  (void)module;
  return napi_call_function(env, self, fn, 0, NULL, &ignored);
}

static napi_value module_new(napi_env env, napi_callback_info info) {
  napi_value argv[3], self;
  size_t argc = 3;
  napi_get_cb_info(env, info, &argc, argv, &self, NULL);
  module_wrap_t *w = calloc(1, sizeof(*w));
  w->env = env;
  napi_status s;
  bool is_array = false;
  napi_is_array(env, argv[1], &is_array);
  if (is_array) {
    s = nd_engine_module_synthetic(env, argv[0], argv[1], run_steps, w,
                                   &w->module);
    if (s == napi_ok) set_hidden(env, self, "__syntheticSteps", argv[2]);
  } else {
    s = nd_engine_module_compile(env, argv[1], argv[0], &w->module);
    if (s == napi_pending_exception) {
      free(w);
      keep_arrow(env);
      return NULL;
    }
  }
  if (s != napi_ok) {
    free(w);
    return NULL;
  }
  napi_create_reference(env, self, 0, &w->self);
  nd_engine_module_set_data(w->module, w->self);
  napi_wrap(env, self, w, module_wrap_finalize, NULL, NULL);
  /* Defined, not assigned: setters on Object.prototype must not run. */
  napi_property_descriptor url = {"url", NULL, NULL, NULL, NULL, argv[0],
                                  napi_enumerable, NULL};
  napi_define_properties(env, self, 1, &url);
  return self;
}

static napi_value module_get_requests(napi_env env, napi_callback_info info) {
  napi_value self, r;
  napi_get_cb_info(env, info, NULL, NULL, &self, NULL);
  module_wrap_t *w = unwrap_module(env, self);
  if (w == NULL) return NULL;
  if (nd_engine_module_requests(env, w->module, &r) != napi_ok) return NULL;
  return r;
}

/* link(specifiers, wraps) */
static napi_value module_link(napi_env env, napi_callback_info info) {
  napi_value argv[2], self;
  size_t argc = 2;
  napi_get_cb_info(env, info, &argc, argv, &self, NULL);
  module_wrap_t *w = unwrap_module(env, self);
  if (w == NULL) return NULL;
  uint32_t n = 0;
  napi_get_array_length(env, argv[0], &n);
  for (uint32_t i = 0; i < n; i++) {
    napi_value spec, dep;
    napi_get_element(env, argv[0], i, &spec);
    napi_get_element(env, argv[1], i, &dep);
    module_wrap_t *d = unwrap_module(env, dep);
    if (d == NULL) return NULL;
    char *s = nd_strdup_utf8(env, spec);
    if (s == NULL) return NULL;
    nd_engine_module_link(w->module, s, d->module);
    free(s);
  }
  set_hidden(env, self, "__linkedWraps", argv[1]);
  return NULL;
}

static napi_value module_instantiate(napi_env env, napi_callback_info info) {
  napi_value self;
  napi_get_cb_info(env, info, NULL, NULL, &self, NULL);
  module_wrap_t *w = unwrap_module(env, self);
  if (w == NULL) return NULL;
  if (nd_engine_module_instantiate(env, w->module) == napi_pending_exception)
    keep_arrow(env);
  return NULL;
}

/* evaluate([timeoutMs]) -> promise; ERR_SCRIPT_EXECUTION_TIMEOUT when the
 * synchronous part runs longer than timeoutMs. */
static napi_value module_evaluate(napi_env env, napi_callback_info info) {
  napi_value argv[1], self, r;
  size_t argc = 1;
  napi_get_cb_info(env, info, &argc, argv, &self, NULL);
  module_wrap_t *w = unwrap_module(env, self);
  if (w == NULL) return NULL;
  int64_t timeout = argc > 0 ? nd_to_int64(env, argv[0], -1) : -1;
  bool timed_out = false;
  napi_status s = nd_engine_module_evaluate_timeout(env, w->module, timeout,
                                                    &timed_out, &r);
  if (timed_out) {
    char msg[96];
    snprintf(msg, sizeof(msg), "Script execution timed out after %lldms",
             (long long)timeout);
    napi_throw_error(env, "ERR_SCRIPT_EXECUTION_TIMEOUT", msg);
    return NULL;
  }
  if (s != napi_ok) return NULL;
  return r;
}

static napi_value module_get_namespace(napi_env env, napi_callback_info info) {
  napi_value self, r;
  napi_get_cb_info(env, info, NULL, NULL, &self, NULL);
  module_wrap_t *w = unwrap_module(env, self);
  if (w == NULL) return NULL;
  if (nd_engine_module_namespace(env, w->module, &r) != napi_ok) {
    napi_throw_error(env, "ERR_MODULE_NOT_INSTANTIATED",
                     "cannot get namespace, module has not been instantiated");
    return NULL;
  }
  return r;
}

static napi_value module_get_status(napi_env env, napi_callback_info info) {
  napi_value self, r;
  napi_get_cb_info(env, info, NULL, NULL, &self, NULL);
  module_wrap_t *w = unwrap_module(env, self);
  if (w == NULL) return NULL;
  napi_create_int32(env, nd_engine_module_status(w->module), &r);
  return r;
}

static napi_value module_get_error(napi_env env, napi_callback_info info) {
  napi_value self, r;
  napi_get_cb_info(env, info, NULL, NULL, &self, NULL);
  module_wrap_t *w = unwrap_module(env, self);
  if (w == NULL) return NULL;
  if (nd_engine_module_error(env, w->module, &r) != napi_ok) return NULL;
  return r;
}

static napi_value module_set_export(napi_env env, napi_callback_info info) {
  napi_value argv[2], self;
  size_t argc = 2;
  napi_get_cb_info(env, info, &argc, argv, &self, NULL);
  module_wrap_t *w = unwrap_module(env, self);
  if (w == NULL) return NULL;
  nd_engine_module_set_export(env, w->module, argv[0], argv[1]);
  return NULL;
}

static napi_value set_module_hooks(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  nd_args(env, info, 2, argv);
  nd_engine_set_module_hooks(env, argv[0], argv[1]);
  return NULL;
}

/* decorateErrorStack(error): error.stack = arrow + error.stack, once. */
static napi_value decorate_error_stack(napi_env env, napi_callback_info info) {
  napi_value argv[1], arrow, done, stack, joined;
  nd_args(env, info, 1, argv);
  napi_valuetype t;
  napi_typeof(env, argv[0], &t);
  if (t != napi_object && t != napi_function) return NULL;
  napi_valuetype at = napi_undefined, dt = napi_undefined, st;
  if (nd_engine_private_get(env, argv[0], ND_PRIVATE_ARROW_MESSAGE, &arrow) ==
      napi_ok)
    napi_typeof(env, arrow, &at);
  if (at != napi_string) return NULL;
  if (nd_engine_private_get(env, argv[0], ND_PRIVATE_DECORATED, &done) ==
      napi_ok)
    napi_typeof(env, done, &dt);
  if (dt == napi_boolean) return NULL;
  if (napi_get_named_property(env, argv[0], "stack", &stack) != napi_ok)
    return NULL;
  napi_typeof(env, stack, &st);
  if (st != napi_string) return NULL;
  size_t alen = 0, slen = 0;
  napi_get_value_string_utf8(env, arrow, NULL, 0, &alen);
  napi_get_value_string_utf8(env, stack, NULL, 0, &slen);
  char *buf = malloc(alen + slen + 1);
  if (buf == NULL) return NULL;
  napi_get_value_string_utf8(env, arrow, buf, alen + 1, &alen);
  napi_get_value_string_utf8(env, stack, buf + alen, slen + 1, &slen);
  napi_create_string_utf8(env, buf, alen + slen, &joined);
  free(buf);
  napi_set_named_property(env, argv[0], "stack", joined);
  napi_get_boolean(env, true, &done);
  nd_engine_private_set(env, argv[0], ND_PRIVATE_DECORATED, done);
  return NULL;
}

static napi_value set_napi_async_hooks(napi_env env,
                                       napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  nd_napi_set_async_hooks(env, argv[0]);
  return NULL;
}

static const napi_property_descriptor module_methods[] = {
  ND_METHOD("getModuleRequests", module_get_requests),
  ND_METHOD("link", module_link),
  ND_METHOD("instantiate", module_instantiate),
  ND_METHOD("evaluate", module_evaluate),
  ND_METHOD("getNamespace", module_get_namespace),
  ND_METHOD("getStatus", module_get_status),
  ND_METHOD("getError", module_get_error),
  ND_METHOD("setExport", module_set_export),
};

static const napi_property_descriptor module_functions[] = {
  ND_METHOD("setModuleHooks", set_module_hooks),
  ND_METHOD("decorateErrorStack", decorate_error_stack),
  ND_METHOD("setNapiAsyncHooks", set_napi_async_hooks),
};

napi_value nd_binding_module_wrap_init(napi_env env, napi_value exports) {
  napi_value cls;
  if (napi_define_class(env, "ModuleWrap", NAPI_AUTO_LENGTH, module_new, NULL,
                        ND_COUNT(module_methods), module_methods,
                        &cls) != napi_ok)
    return NULL;
  napi_set_named_property(env, exports, "ModuleWrap", cls);
  nd_set_number(env, exports, "kUninstantiated", 0);
  nd_set_number(env, exports, "kInstantiating", 1);
  nd_set_number(env, exports, "kInstantiated", 2);
  nd_set_number(env, exports, "kEvaluating", 3);
  nd_set_number(env, exports, "kEvaluated", 4);
  nd_set_number(env, exports, "kErrored", 5);
  if (napi_define_properties(env, exports, ND_COUNT(module_functions),
                             module_functions) != napi_ok)
    return NULL;
  return exports;
}
