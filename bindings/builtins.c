/* builtins.c - internalBinding('builtins'): the JS sources embedded in the
 * binary, compiled on demand into their module wrapper functions. */
#include <stdio.h>
#include <string.h>

#include "bindings.h"
#include "builtins.h"
#include "engine.h"
#include "realm.h"


/* compileFunction(id) -> the wrapper function of builtin `id`. Throws on a
 * SyntaxError; returns undefined for an unknown id. */
static napi_value builtins_compile_function(napi_env env,
                                            napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1];
  char id[256];
  size_t len;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (napi_get_value_string_utf8(env, argv[0], id, sizeof(id), &len) !=
      napi_ok)
    return NULL;
  if (nd_builtin_find(id) == NULL) return NULL;
  return nd_realm_compile_builtin(env, id);
}

/* getSource(id) -> the source text of builtin `id`, or undefined. */
static napi_value builtins_get_source(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value argv[1], result;
  char id[256];
  size_t len;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (napi_get_value_string_utf8(env, argv[0], id, sizeof(id), &len) !=
      napi_ok)
    return NULL;
  const nd_builtin_t *b = nd_builtin_find(id);
  if (b == NULL) return NULL;
  if (nd_engine_static_string(env, b->data, b->length, b->two_byte,
                              &result) != napi_ok)
    return NULL;
  return result;
}

static const napi_property_descriptor builtins_methods[] = {
  {"compileFunction", NULL, builtins_compile_function, NULL, NULL, NULL,
   napi_default, NULL},
  {"getSource", NULL, builtins_get_source, NULL, NULL, NULL, napi_default,
   NULL},
};

napi_value nd_binding_builtins_init(napi_env env, napi_value exports) {
  napi_value ids, s;
  if (napi_create_array_with_length(env, nd_builtins_count, &ids) != napi_ok)
    return NULL;
  for (size_t i = 0; i < nd_builtins_count; i++) {
    napi_create_string_utf8(env, nd_builtins[i].id, NAPI_AUTO_LENGTH, &s);
    napi_set_element(env, ids, (uint32_t)i, s);
  }
  napi_set_named_property(env, exports, "builtinIds", ids);
  if (napi_define_properties(env, exports,
                             sizeof(builtins_methods) /
                                 sizeof(builtins_methods[0]),
                             builtins_methods) != napi_ok)
    return NULL;
  return exports;
}
