/* handle_wrap.c - lifetime, close and ref/unref of binding objects that own
 * a libuv handle, and the realm's lists of active handles and requests. */
#include "handle_wrap.h"

#include <stdlib.h>

#include "loop.h"
#include "napi_util.h"
#include "realm.h"

void nd_handle_wrap_link(nd_handle_wrap_t *wrap) {
  nd_realm_t *realm = nd_realm_of(wrap->env);
  wrap->next = NULL;
  wrap->prev = realm->handles_tail;
  if (wrap->prev != NULL)
    wrap->prev->next = wrap;
  else
    realm->handles_head = wrap;
  realm->handles_tail = wrap;
}

/* Takes a wrap out of its realm's list (no-op when it is not in it). */
static void unlink_wrap(nd_handle_wrap_t *wrap) {
  nd_realm_t *realm = nd_realm_of(wrap->env);
  if (wrap->prev == NULL && realm->handles_head != wrap) return;
  if (wrap->prev != NULL)
    wrap->prev->next = wrap->next;
  else
    realm->handles_head = wrap->next;
  if (wrap->next != NULL)
    wrap->next->prev = wrap->prev;
  else
    realm->handles_tail = wrap->prev;
  wrap->prev = wrap->next = NULL;
}

void nd_req_track(napi_env env, nd_active_req_t *req, const char *type,
                  napi_ref object) {
  nd_realm_t *realm = nd_realm_of(env);
  req->type = type;
  req->object = object;
  req->next = NULL;
  req->prev = realm->reqs_tail;
  if (req->prev != NULL)
    req->prev->next = req;
  else
    realm->reqs_head = req;
  realm->reqs_tail = req;
}

void nd_req_untrack(napi_env env, nd_active_req_t *req) {
  nd_realm_t *realm = nd_realm_of(env);
  if (req->prev == NULL && realm->reqs_head != req) return;
  if (req->prev != NULL)
    req->prev->next = req->next;
  else
    realm->reqs_head = req->next;
  if (req->next != NULL)
    req->next->prev = req->prev;
  else
    realm->reqs_tail = req->prev;
  req->prev = req->next = NULL;
}

/* Node's name for the class of a handle. */
static const char *handle_type_name(uv_handle_t *h) {
  switch (h->type) {
    case UV_TCP:
      /* Only a listening stream has a connection callback. */
      return ((uv_stream_t *)h)->connection_cb != NULL ? "TCPServerWrap"
                                                        : "TCPSocketWrap";
    case UV_NAMED_PIPE:
      return "PipeWrap";
    case UV_TTY:
      return "TTYWrap";
    case UV_UDP:
      return "UDPWrap";
    case UV_PROCESS:
      return "ProcessWrap";
    case UV_SIGNAL:
      return "SignalWrap";
    case UV_FS_EVENT:
      return "FSEventWrap";
    case UV_FS_POLL:
      return "StatWatcher";
    default:
      return uv_handle_type_name(h->type);
  }
}

/* Appends (type, object) to the flat array `arr` at *n. */
static void push_pair(napi_env env, napi_value arr, uint32_t *n,
                      const char *type, napi_ref object) {
  napi_value t, o = NULL;
  napi_create_string_utf8(env, type, NAPI_AUTO_LENGTH, &t);
  if (object != NULL) napi_get_reference_value(env, object, &o);
  if (o == NULL) napi_get_undefined(env, &o);
  napi_set_element(env, arr, (*n)++, t);
  napi_set_element(env, arr, (*n)++, o);
}

napi_value nd_handle_wrap_list_active(napi_env env) {
  nd_realm_t *realm = nd_realm_of(env);
  napi_value arr;
  uint32_t n = 0;
  napi_create_array(env, &arr);
  for (nd_handle_wrap_t *w = realm->handles_head; w != NULL; w = w->next) {
    if (!uv_has_ref(w->handle)) continue;
    push_pair(env, arr, &n, handle_type_name(w->handle), w->object);
  }
  return arr;
}

napi_value nd_req_list_active(napi_env env) {
  nd_realm_t *realm = nd_realm_of(env);
  napi_value arr;
  uint32_t n = 0;
  napi_create_array(env, &arr);
  for (nd_active_req_t *r = realm->reqs_head; r != NULL; r = r->next)
    push_pair(env, arr, &n, r->type, r->object);
  return arr;
}

napi_status nd_handle_wrap_init(nd_handle_wrap_t *wrap, napi_env env,
                                napi_value self, uv_handle_t *handle,
                                nd_handle_wrap_free_cb free_cb) {
  wrap->env = env;
  wrap->handle = handle;
  wrap->closing = false;
  wrap->free_cb = free_cb;
  handle->data = wrap;
  wrap->prev = wrap->next = NULL;
  napi_status s = napi_wrap(env, self, wrap, NULL, NULL, NULL);
  if (s != napi_ok) return s;
  s = napi_create_reference(env, self, 1, &wrap->object);
  if (s == napi_ok) nd_handle_wrap_link(wrap);
  return s;
}

nd_handle_wrap_t *nd_handle_wrap_unwrap(napi_env env,
                                        napi_callback_info info) {
  return nd_this_native(env, info, 0, NULL, NULL, "ERR_INVALID_THIS",
                        "Illegal invocation: not a handle object");
}

int nd_handle_wrap_emit(nd_handle_wrap_t *wrap, const char *name, size_t argc,
                        napi_value *argv) {
  napi_env env = wrap->env;
  napi_value self, fn;
  napi_valuetype t;
  if (napi_get_reference_value(env, wrap->object, &self) != napi_ok ||
      self == NULL)
    return -1;
  if (napi_get_property(env, self, nd_realm_key(env, name), &fn) != napi_ok)
    return -1;
  napi_typeof(env, fn, &t);
  if (t != napi_function) return -1;
  return nd_loop_make_callback(env, self, fn, argc, argv, NULL);
}

void nd_handle_wrap_on_closed(uv_handle_t *handle) {
  nd_handle_wrap_t *wrap = handle->data;
  napi_env env = wrap->env;
  unlink_wrap(wrap);
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
