/* handle_wrap.c - lifetime, close and ref/unref of binding objects that own
 * a libuv handle. */
#include "handle_wrap.h"

#include <stdlib.h>

#include "loop.h"
#include "napi_util.h"

napi_status nd_handle_wrap_init(nd_handle_wrap_t *wrap, napi_env env,
                                napi_value self, uv_handle_t *handle,
                                nd_handle_wrap_free_cb free_cb) {
  wrap->env = env;
  wrap->handle = handle;
  wrap->closing = false;
  wrap->free_cb = free_cb;
  handle->data = wrap;
  napi_status s = napi_wrap(env, self, wrap, NULL, NULL, NULL);
  if (s != napi_ok) return s;
  return napi_create_reference(env, self, 1, &wrap->object);
}

nd_handle_wrap_t *nd_handle_wrap_unwrap(napi_env env,
                                        napi_callback_info info) {
  napi_value self;
  void *data = NULL;
  napi_get_cb_info(env, info, NULL, NULL, &self, NULL);
  if (napi_unwrap(env, self, &data) != napi_ok || data == NULL) {
    napi_throw_type_error(env, "ERR_INVALID_THIS",
                          "Illegal invocation: not a handle object");
    return NULL;
  }
  return data;
}

int nd_handle_wrap_emit(nd_handle_wrap_t *wrap, const char *name, size_t argc,
                        napi_value *argv) {
  napi_env env = wrap->env;
  napi_value self, fn;
  napi_valuetype t;
  if (napi_get_reference_value(env, wrap->object, &self) != napi_ok ||
      self == NULL)
    return -1;
  if (napi_get_named_property(env, self, name, &fn) != napi_ok) return -1;
  napi_typeof(env, fn, &t);
  if (t != napi_function) return -1;
  return nd_loop_make_callback(env, self, fn, argc, argv, NULL);
}

void nd_handle_wrap_on_closed(uv_handle_t *handle) {
  nd_handle_wrap_t *wrap = handle->data;
  napi_env env = wrap->env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  nd_handle_wrap_emit(wrap, "onclose", 0, NULL);
  napi_value self;
  if (napi_get_reference_value(env, wrap->object, &self) == napi_ok &&
      self != NULL) {
    void *ignored;
    napi_remove_wrap(env, self, &ignored);
  }
  napi_delete_reference(env, wrap->object);
  napi_close_handle_scope(env, scope);
  if (wrap->free_cb != NULL) wrap->free_cb(wrap);
}

napi_value nd_handle_wrap_close(napi_env env, napi_callback_info info) {
  napi_value argv[1], self;
  size_t argc = 1;
  napi_get_cb_info(env, info, &argc, argv, &self, NULL);
  void *data = NULL;
  if (napi_unwrap(env, self, &data) != napi_ok || data == NULL) return NULL;
  nd_handle_wrap_t *wrap = data;
  if (wrap->closing) return NULL;
  wrap->closing = true;
  napi_valuetype t = napi_undefined;
  if (argc > 0) napi_typeof(env, argv[0], &t);
  if (t == napi_function) napi_set_named_property(env, self, "onclose", argv[0]);
  uv_close(wrap->handle, nd_handle_wrap_on_closed);
  return NULL;
}

napi_value nd_handle_wrap_ref(napi_env env, napi_callback_info info) {
  nd_handle_wrap_t *wrap = nd_handle_wrap_unwrap(env, info);
  if (wrap != NULL && !wrap->closing) uv_ref(wrap->handle);
  return NULL;
}

napi_value nd_handle_wrap_unref(napi_env env, napi_callback_info info) {
  nd_handle_wrap_t *wrap = nd_handle_wrap_unwrap(env, info);
  if (wrap != NULL && !wrap->closing) uv_unref(wrap->handle);
  return NULL;
}

napi_value nd_handle_wrap_has_ref(napi_env env, napi_callback_info info) {
  nd_handle_wrap_t *wrap = nd_handle_wrap_unwrap(env, info);
  napi_value r;
  napi_get_boolean(env, wrap != NULL && !wrap->closing &&
                            uv_has_ref(wrap->handle), &r);
  return r;
}
