/* options.c - internalBinding('options'): the parsed command line, as the
 * values behind require('internal/options').getOptionValue(). */
#include "bindings.h"
#include "napi_util.h"
#include "realm.h"

/* getOptions() -> { '--name': value, ... } for every option nodus knows. */
static napi_value options_get(napi_env env, napi_callback_info info) {
  const nd_options_t *o = nd_realm_of(env)->options;
  napi_value obj, v, s;
  napi_create_object(env, &obj);
  for (int i = 0; i < ND_OPTION_COUNT; i++) {
    const nd_option_info *d = &nd_option_table[i];
    const nd_option_value *val = &o->values[i];
    switch (d->type) {
      case ND_OPT_BOOL:
      case ND_OPT_UNSUPPORTED:
        napi_get_boolean(env, val->b, &v);
        break;
      case ND_OPT_INT:
        napi_create_double(env, (double)val->i, &v);
        break;
      case ND_OPT_STRING:
        napi_create_string_utf8(env, val->s ? val->s : "", NAPI_AUTO_LENGTH,
                                &v);
        break;
      case ND_OPT_LIST:
        napi_create_array(env, &v);
        for (int k = 0; k < val->list_len; k++) {
          napi_create_string_utf8(env, val->list[k], NAPI_AUTO_LENGTH, &s);
          napi_set_element(env, v, k, s);
        }
        break;
    }
    napi_set_named_property(env, obj, d->name, v);
  }
  return obj;
}

static const napi_property_descriptor options_methods[] = {
  ND_METHOD("getOptions", options_get),
};

napi_value nd_binding_options_init(napi_env env, napi_value exports) {
  if (napi_define_properties(env, exports, ND_COUNT(options_methods),
                             options_methods) != napi_ok)
    return NULL;
  return exports;
}
