/* messaging.c - internalBinding('messaging'): structured clone, and the
 * native side of MessagePort: port handles over thread-safe channel ends
 * (runtime/msgport.h), messages serialized to bytes (engine.h) so that
 * they can cross to another thread's isolate. */
#include "messaging.h"

#include <stdlib.h>

#include <uv.h>

#include "bindings.h"
#include "broadcast.h"
#include "engine.h"
#include "loop.h"
#include "napi_util.h"
#include "realm.h"

/* A channel end attached to this thread. The uv_async_t wakes the loop
 * when messages arrive (it never keeps the loop alive: lib/ does that). */
typedef struct {
  nd_port_end_t *end; /* NULL once closed or transferred */
  uv_async_t async;
  napi_env env;
  napi_ref self; /* weak */
} port_handle_t;

/* A message between serialize/shift and deserialize/post. */
typedef struct {
  nd_port_msg_t *msg;
} msg_box_t;

static void free_handle_memory(uv_handle_t *h) {
  free(ND_CONTAINER_OF(h, port_handle_t, async));
}

/* Wakes the owning thread (called under the channel lock, any thread). */
static void port_notify(void *data) {
  port_handle_t *p = data;
  uv_async_send(&p->async);
}

/* The async callback: calls handle.onmessage() on this thread. */
static void port_on_async(uv_async_t *async) {
  port_handle_t *p = ND_CONTAINER_OF(async, port_handle_t, async);
  napi_env env = p->env;
  if (p->end == NULL) return;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value self, fn;
  napi_valuetype t = napi_undefined;
  if (napi_get_reference_value(env, p->self, &self) == napi_ok &&
      self != NULL &&
      napi_get_named_property(env, self, "onmessage", &fn) == napi_ok)
    napi_typeof(env, fn, &t);
  if (t == napi_function) nd_loop_make_callback(env, self, fn, 0, NULL, NULL);
  napi_close_handle_scope(env, scope);
}

/* Gives up the end (closing it or handing it on) and the async. */
static nd_port_end_t *release_end(port_handle_t *p) {
  nd_port_end_t *end = p->end;
  if (end == NULL) return NULL;
  nd_port_attach(end, NULL, NULL);
  p->end = NULL;
  return end;
}

/* The JS handle was collected (or the isolate is going away). */
static void port_finalize(napi_env env, void *data, void *hint) {
  port_handle_t *p = data;
  nd_port_end_t *end = release_end(p);
  if (end != NULL) nd_port_close(end);
  napi_delete_reference(env, p->self);
  uv_close((uv_handle_t *)&p->async, free_handle_memory);
}

static napi_value port_class(napi_env env);

napi_value nd_messaging_wrap_end(napi_env env, nd_port_end_t *end) {
  napi_value ctor, obj;
  nd_realm_t *realm = nd_realm_of(env);
  port_handle_t *p = calloc(1, sizeof(*p));
  if (p == NULL || (ctor = port_class(env)) == NULL ||
      napi_new_instance(env, ctor, 0, NULL, &obj) != napi_ok) {
    free(p);
    nd_port_close(end);
    return NULL;
  }
  p->env = env;
  p->end = end;
  uv_async_init(realm->loop, &p->async, port_on_async);
  uv_unref((uv_handle_t *)&p->async);
  napi_wrap(env, obj, p, port_finalize, NULL, NULL);
  napi_create_reference(env, obj, 0, &p->self);
  nd_port_attach(end, port_notify, p);
  return obj;
}

/* The handle behind `this`; NULL (after throwing) when it is none. */
static port_handle_t *this_handle(napi_env env, napi_callback_info info,
                                  size_t n, napi_value *argv) {
  return nd_this_native(env, info, n, argv, NULL, "ERR_INVALID_THIS",
                        "Illegal invocation");
}

static napi_value port_ctor(napi_env env, napi_callback_info info) {
  napi_value self;
  napi_get_cb_info(env, info, NULL, NULL, &self, NULL);
  return self;
}

static void box_finalize(napi_env env, void *data, void *hint) {
  msg_box_t *box = data;
  nd_port_msg_free(box->msg);
  free(box);
}

static napi_value box_message(napi_env env, nd_port_msg_t *msg) {
  msg_box_t *box = malloc(sizeof(*box));
  napi_value ext;
  box->msg = msg;
  if (napi_create_external(env, box, box_finalize, NULL, &ext) != napi_ok) {
    box_finalize(env, box, NULL);
    return NULL;
  }
  return ext;
}

/* Takes the message out of a box (NULL when it is empty or not a box). */
static nd_port_msg_t *unbox_message(napi_env env, napi_value v) {
  void *data = NULL;
  if (napi_get_value_external(env, v, &data) != napi_ok || data == NULL)
    return NULL;
  msg_box_t *box = data;
  nd_port_msg_t *msg = box->msg;
  box->msg = NULL;
  return msg;
}

/* handle.post(message): queues a serialized message at the peer. Returns
 * false when the channel is closed (the message is dropped). */
static napi_value port_post(napi_env env, napi_callback_info info) {
  napi_value argv[1], r;
  port_handle_t *p = this_handle(env, info, 1, argv);
  if (p == NULL) return NULL;
  nd_port_msg_t *msg = unbox_message(env, argv[0]);
  bool ok = false;
  if (msg != NULL && p->end != NULL) {
    ok = nd_port_post(p->end, msg) == 0;
  } else {
    nd_port_msg_free(msg);
  }
  napi_get_boolean(env, ok, &r);
  return r;
}

/* handle.shift() -> the oldest queued message, or undefined. */
static napi_value port_shift(napi_env env, napi_callback_info info) {
  napi_value argv[1], r;
  port_handle_t *p = this_handle(env, info, 0, argv);
  if (p == NULL) return NULL;
  nd_port_msg_t *msg = p->end != NULL ? nd_port_shift(p->end) : NULL;
  if (msg == NULL) {
    napi_get_undefined(env, &r);
    return r;
  }
  return box_message(env, msg);
}

/* handle.unshift(message): puts a shifted message back at the head. */
static napi_value port_unshift(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  port_handle_t *p = this_handle(env, info, 1, argv);
  if (p == NULL) return NULL;
  nd_port_msg_t *msg = unbox_message(env, argv[0]);
  if (msg == NULL) return NULL;
  if (p->end != NULL)
    nd_port_unshift(p->end, msg);
  else
    nd_port_msg_free(msg);
  return NULL;
}

/* handle.size() -> number of queued messages. */
static napi_value port_size(napi_env env, napi_callback_info info) {
  napi_value argv[1], r;
  port_handle_t *p = this_handle(env, info, 0, argv);
  if (p == NULL) return NULL;
  napi_create_uint32(env, p->end ? (uint32_t)nd_port_size(p->end) : 0, &r);
  return r;
}

/* handle.peerClosed() -> whether the other end is closed. */
static napi_value port_peer_closed(napi_env env, napi_callback_info info) {
  napi_value argv[1], r;
  port_handle_t *p = this_handle(env, info, 0, argv);
  if (p == NULL) return NULL;
  napi_get_boolean(env, p->end == NULL || nd_port_peer_closed(p->end), &r);
  return r;
}

/* handle.close(): closes this end; the peer learns it. */
static napi_value port_close(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  port_handle_t *p = this_handle(env, info, 0, argv);
  if (p == NULL) return NULL;
  nd_port_end_t *end = release_end(p);
  if (end != NULL) nd_port_close(end);
  return NULL;
}

/* handle.entangled(other) -> whether other is this end's peer. */
static napi_value port_entangled(napi_env env, napi_callback_info info) {
  napi_value argv[1], r;
  port_handle_t *p = this_handle(env, info, 1, argv);
  if (p == NULL) return NULL;
  void *data = NULL;
  bool yes = false;
  if (napi_unwrap(env, argv[0], &data) == napi_ok && data != NULL)
    yes = nd_port_entangled(p->end, ((port_handle_t *)data)->end);
  else
    napi_get_and_clear_last_exception(env, &r);
  napi_get_boolean(env, yes, &r);
  return r;
}

/* createChannel() -> [handleA, handleB], two entangled port handles. */
static napi_value messaging_create_channel(napi_env env,
                                           napi_callback_info info) {
  nd_port_end_t *a, *b;
  napi_value arr, ha, hb;
  int err = nd_port_channel(&a, &b);
  if (err != 0) return nd_throw_uv(env, err, "MessageChannel", NULL, NULL);
  ha = nd_messaging_wrap_end(env, a);
  if (ha == NULL) {
    nd_port_close(b);
    return NULL;
  }
  hb = nd_messaging_wrap_end(env, b);
  if (hb == NULL) return NULL;
  napi_create_array_with_length(env, 2, &arr);
  napi_set_element(env, arr, 0, ha);
  napi_set_element(env, arr, 1, hb);
  return arr;
}

/* serialize(value, buffers, handles) -> a message (an external): the
 * value's bytes, the memory of `buffers` (detached) and the ends of the
 * port `handles` (which are detached from this thread). Throws a
 * DataCloneError, changing nothing, when value cannot be cloned. */
static napi_value messaging_serialize(napi_env env, napi_callback_info info) {
  napi_value argv[3];
  nd_args(env, info, 3, argv);
  uint32_t nports = 0;
  bool is_array = false;
  napi_is_array(env, argv[2], &is_array);
  if (is_array) napi_get_array_length(env, argv[2], &nports);
  port_handle_t **handles = calloc(nports + 1, sizeof(*handles));
  for (uint32_t i = 0; i < nports; i++) {
    napi_value h;
    void *data = NULL;
    napi_get_element(env, argv[2], i, &h);
    if (napi_unwrap(env, h, &data) != napi_ok || data == NULL ||
        ((port_handle_t *)data)->end == NULL) {
      free(handles);
      napi_throw_type_error(env, NULL, "Invalid port handle");
      return NULL;
    }
    handles[i] = data;
  }
  nd_message_t *data;
  if (nd_engine_message_serialize(env, argv[0], argv[1], &data) != napi_ok) {
    free(handles);
    return NULL;
  }
  nd_port_msg_t *msg = calloc(1, sizeof(*msg));
  msg->data = data;
  msg->nports = nports;
  msg->ports = calloc(nports + 1, sizeof(*msg->ports));
  for (uint32_t i = 0; i < nports; i++)
    msg->ports[i] = release_end(handles[i]);
  free(handles);
  return box_message(env, msg);
}

/* deserialize(message) -> [value, ...handles]: the value rebuilt in this
 * isolate and the transferred ports as handles of this thread. Throws
 * when the message cannot be read (it is consumed either way). */
static napi_value messaging_deserialize(napi_env env,
                                        napi_callback_info info) {
  napi_value argv[1], value, arr;
  nd_args(env, info, 1, argv);
  nd_port_msg_t *msg = unbox_message(env, argv[0]);
  if (msg == NULL) {
    napi_throw_error(env, NULL, "Message was already received");
    return NULL;
  }
  napi_create_array_with_length(env, msg->nports + 1, &arr);
  for (size_t i = 0; i < msg->nports; i++) {
    nd_port_end_t *end = msg->ports[i];
    msg->ports[i] = NULL;
    napi_value h = nd_messaging_wrap_end(env, end);
    if (h == NULL) {
      nd_port_msg_free(msg);
      return NULL;
    }
    napi_set_element(env, arr, (uint32_t)(i + 1), h);
  }
  napi_status s = nd_engine_message_deserialize(env, msg->data, &value);
  nd_port_msg_free(msg);
  if (s != napi_ok) return NULL;
  napi_set_element(env, arr, 0, value);
  return arr;
}

/* broadcastJoin(name) -> a port handle receiving what BroadcastChannels
 * of that name post, in any thread. */
static napi_value messaging_broadcast_join(napi_env env,
                                           napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  char *name = nd_strdup_utf8(env, argv[0]);
  if (name == NULL) return NULL;
  nd_port_end_t *mine, *feed;
  int err = nd_port_channel(&mine, &feed);
  if (err == 0) err = nd_broadcast_join(nd_realm_of(env)->broadcast, name,
                                        feed);
  free(name);
  if (err != 0) {
    if (err != UV_ENOMEM) nd_port_close(feed);
    return nd_throw_uv(env, err, "BroadcastChannel", NULL, NULL);
  }
  return nd_messaging_wrap_end(env, mine);
}

typedef struct {
  napi_env env;
  napi_value make;
} make_ctx_t;

/* One message for one receiver: calls the JS factory. */
static nd_port_msg_t *make_message(void *data) {
  make_ctx_t *ctx = data;
  napi_value undef, box;
  napi_get_undefined(ctx->env, &undef);
  if (napi_call_function(ctx->env, undef, ctx->make, 0, NULL, &box) !=
      napi_ok)
    return NULL;
  return unbox_message(ctx->env, box);
}

/* broadcastPost(handle, name, make): posts make() (a serialized message)
 * to every other BroadcastChannel named `name`. */
static napi_value messaging_broadcast_post(napi_env env,
                                           napi_callback_info info) {
  napi_value argv[3];
  void *data = NULL;
  nd_args(env, info, 3, argv);
  if (napi_unwrap(env, argv[0], &data) != napi_ok || data == NULL) {
    napi_throw_type_error(env, "ERR_INVALID_THIS", "Illegal invocation");
    return NULL;
  }
  port_handle_t *p = data;
  if (p->end == NULL) return NULL;
  char *name = nd_strdup_utf8(env, argv[1]);
  if (name == NULL) return NULL;
  make_ctx_t ctx = {env, argv[2]};
  nd_broadcast_post(nd_realm_of(env)->broadcast, name, p->end, make_message,
                    &ctx);
  free(name);
  return NULL;
}

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

static const napi_property_descriptor port_methods[] = {
  ND_METHOD("post", port_post),
  ND_METHOD("shift", port_shift),
  ND_METHOD("unshift", port_unshift),
  ND_METHOD("size", port_size),
  ND_METHOD("peerClosed", port_peer_closed),
  ND_METHOD("close", port_close),
  ND_METHOD("entangled", port_entangled),
};

static const napi_property_descriptor messaging_methods[] = {
  ND_METHOD("structuredClone", messaging_structured_clone),
  ND_METHOD("createChannel", messaging_create_channel),
  ND_METHOD("serialize", messaging_serialize),
  ND_METHOD("deserialize", messaging_deserialize),
  ND_METHOD("broadcastJoin", messaging_broadcast_join),
  ND_METHOD("broadcastPost", messaging_broadcast_post),
};

/* The MessagePortHandle class of this realm, made on first use (the
 * worker binding may need it before this binding is loaded). */
static napi_value port_class(napi_env env) {
  nd_realm_t *realm = nd_realm_of(env);
  napi_value cls;
  if (realm->ctors[ND_CTOR_MESSAGE_PORT] != NULL) {
    if (napi_get_reference_value(env, realm->ctors[ND_CTOR_MESSAGE_PORT],
                                 &cls) != napi_ok)
      return NULL;
    return cls;
  }
  if (napi_define_class(env, "MessagePortHandle", NAPI_AUTO_LENGTH, port_ctor,
                        NULL, ND_COUNT(port_methods), port_methods,
                        &cls) != napi_ok ||
      napi_create_reference(env, cls, 1,
                            &realm->ctors[ND_CTOR_MESSAGE_PORT]) != napi_ok)
    return NULL;
  return cls;
}

napi_value nd_binding_messaging_init(napi_env env, napi_value exports) {
  napi_value cls = port_class(env);
  if (cls == NULL ||
      napi_set_named_property(env, exports, "MessagePortHandle", cls) !=
          napi_ok ||
      napi_define_properties(env, exports, ND_COUNT(messaging_methods),
                             messaging_methods) != napi_ok)
    return NULL;
  return exports;
}
