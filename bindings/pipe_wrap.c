/* pipe_wrap.c - internalBinding('pipe_wrap'): Unix domain sockets and pipes
 * over uv_pipe_t (net.Server/Socket on paths, child stdio, IPC).
 *
 * JS contract beyond stream_wrap.h:
 *   new Pipe(constants.SOCKET | constants.SERVER | constants.IPC)
 *   open(fd) bind(path) listen(backlog) fchmod(mode) setPendingInstances(n)
 *       -> 0 or a negative UV error
 *   onconnection(status, clientHandle)      on a listening server
 *   connect(req, path) -> 0 or error; later
 *       req.oncomplete(status, handle, req, readable, writable)
 * IPC pipes (handle passing, see also stream_wrap.h's sendHandle):
 *   pendingHandleType() -> 'TCP' | 'Pipe' | 'UDP' | '' : the kind of the
 *       handle that arrived with the data of the current onread, if any
 *   acceptPending(handle) -> 0 or a negative UV error: moves that handle
 *       into `handle`, a fresh (unopened) TCP, Pipe or UDP object */
#include <stdlib.h>
#include <string.h>

#include "bindings.h"
#include "loop.h"
#include "napi_util.h"
#include "realm.h"
#include "stream_wrap.h"

enum { PIPE_SOCKET = 0, PIPE_SERVER = 1, PIPE_IPC = 2 };

typedef struct {
  nd_stream_wrap_t stream;
  uv_pipe_t pipe;
} pipe_wrap_t;

typedef struct {
  uv_connect_t req;
  napi_env env;
  napi_ref js_req;
  napi_ref handle;
} connect_req_t;

static void pipe_free(nd_handle_wrap_t *wrap) { free(wrap); }

static pipe_wrap_t *unwrap_pipe(napi_env env, napi_callback_info info) {
  return (pipe_wrap_t *)nd_handle_wrap_unwrap(env, info);
}

static napi_value int_result(napi_env env, int v) {
  napi_value r;
  napi_create_int32(env, v, &r);
  return r;
}

static napi_value pipe_new(napi_env env, napi_callback_info info) {
  napi_value argv[1], self;
  size_t argc = 1;
  napi_get_cb_info(env, info, &argc, argv, &self, NULL);
  int type = argc > 0 ? (int)nd_to_int64(env, argv[0], PIPE_SOCKET)
                      : PIPE_SOCKET;
  pipe_wrap_t *w = calloc(1, sizeof(*w));
  uv_pipe_init(nd_realm_of(env)->loop, &w->pipe, type == PIPE_IPC);
  if (nd_stream_wrap_init(&w->stream, env, self, (uv_stream_t *)&w->pipe,
                          pipe_free) != napi_ok) {
    uv_close((uv_handle_t *)&w->pipe, NULL);
    return NULL;
  }
  return self;
}

static napi_value pipe_open(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  pipe_wrap_t *w = unwrap_pipe(env, info);
  if (w == NULL) return NULL;
  return int_result(env, uv_pipe_open(&w->pipe,
                                      (int)nd_to_int64(env, argv[0], -1)));
}

static napi_value pipe_bind(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  pipe_wrap_t *w = unwrap_pipe(env, info);
  if (w == NULL) return NULL;
  char *name = nd_strdup_utf8(env, argv[0]);
  if (name == NULL) return NULL;
  int err = uv_pipe_bind(&w->pipe, name);
  free(name);
  return int_result(env, err);
}

static void on_connection(uv_stream_t *server, int status) {
  pipe_wrap_t *w = (pipe_wrap_t *)server->data;
  napi_env env = w->stream.base.env;
  nd_realm_t *realm = nd_realm_of(env);
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value argv[2];
  napi_create_int32(env, status, &argv[0]);
  napi_get_undefined(env, &argv[1]);
  if (status == 0) {
    napi_value ctor, type, client;
    napi_get_reference_value(env, realm->ctors[ND_CTOR_PIPE], &ctor);
    napi_create_int32(env, PIPE_SOCKET, &type);
    if (napi_new_instance(env, ctor, 1, &type, &client) == napi_ok) {
      void *data;
      napi_unwrap(env, client, &data);
      pipe_wrap_t *cw = data;
      int err = uv_accept(server, (uv_stream_t *)&cw->pipe);
      if (err != 0)
        napi_create_int32(env, err, &argv[0]);
      else
        argv[1] = client;
    }
  }
  nd_handle_wrap_emit(&w->stream.base, "onconnection", 2, argv);
  napi_close_handle_scope(env, scope);
}

static napi_value pipe_listen(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  pipe_wrap_t *w = unwrap_pipe(env, info);
  if (w == NULL) return NULL;
  return int_result(env, uv_listen((uv_stream_t *)&w->pipe,
                                   (int)nd_to_int64(env, argv[0], 511),
                                   on_connection));
}

static void after_connect(uv_connect_t *uvreq, int status) {
  connect_req_t *cr = (connect_req_t *)uvreq;
  napi_env env = cr->env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value req, handle, fn, argv[5];
  napi_get_reference_value(env, cr->js_req, &req);
  napi_get_reference_value(env, cr->handle, &handle);
  napi_delete_reference(env, cr->js_req);
  napi_delete_reference(env, cr->handle);
  free(cr);
  napi_create_int32(env, status, &argv[0]);
  argv[1] = handle;
  argv[2] = req;
  napi_get_boolean(env, status == 0, &argv[3]);
  napi_get_boolean(env, status == 0, &argv[4]);
  napi_valuetype t = napi_undefined;
  if (napi_get_named_property(env, req, "oncomplete", &fn) == napi_ok)
    napi_typeof(env, fn, &t);
  if (t == napi_function) nd_loop_make_callback(env, req, fn, 5, argv, NULL);
  napi_close_handle_scope(env, scope);
}

static napi_value pipe_connect(napi_env env, napi_callback_info info) {
  napi_value argv[2], self;
  size_t argc = 2;
  napi_get_cb_info(env, info, &argc, argv, &self, NULL);
  pipe_wrap_t *w = unwrap_pipe(env, info);
  if (w == NULL) return NULL;
  char *name = nd_strdup_utf8(env, argv[1]);
  if (name == NULL) return NULL;
  connect_req_t *cr = malloc(sizeof(*cr));
  cr->env = env;
  napi_create_reference(env, argv[0], 1, &cr->js_req);
  napi_create_reference(env, self, 1, &cr->handle);
  uv_pipe_connect(&cr->req, &w->pipe, name, after_connect);
  free(name);
  return int_result(env, 0);
}

static napi_value pipe_fchmod(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  pipe_wrap_t *w = unwrap_pipe(env, info);
  if (w == NULL) return NULL;
  return int_result(env, uv_pipe_chmod(&w->pipe,
                                       (int)nd_to_int64(env, argv[0], 0)));
}

static napi_value pipe_set_pending_instances(napi_env env,
                                             napi_callback_info info) {
  return int_result(env, 0);
}

static napi_value pipe_pending_handle_type(napi_env env,
                                           napi_callback_info info) {
  pipe_wrap_t *w = unwrap_pipe(env, info);
  if (w == NULL) return NULL;
  const char *name = "";
  if (w->pipe.ipc && uv_pipe_pending_count(&w->pipe) > 0) {
    switch (uv_pipe_pending_type(&w->pipe)) {
      case UV_TCP: name = "TCP"; break;
      case UV_NAMED_PIPE: name = "Pipe"; break;
      case UV_UDP: name = "UDP"; break;
      default: break;
    }
  }
  napi_value r;
  napi_create_string_utf8(env, name, NAPI_AUTO_LENGTH, &r);
  return r;
}

static napi_value pipe_accept_pending(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  pipe_wrap_t *w = unwrap_pipe(env, info);
  if (w == NULL) return NULL;
  void *data = NULL;
  napi_valuetype t = napi_undefined;
  napi_typeof(env, argv[0], &t);
  if (t != napi_object || napi_unwrap(env, argv[0], &data) != napi_ok ||
      data == NULL)
    return int_result(env, UV_EINVAL);
  uv_handle_t *client = ((nd_handle_wrap_t *)data)->handle;
  if (!w->pipe.ipc || uv_pipe_pending_count(&w->pipe) == 0)
    return int_result(env, UV_EAGAIN);
  if (client->type != uv_pipe_pending_type(&w->pipe))
    return int_result(env, UV_EINVAL);
  return int_result(env, uv_accept((uv_stream_t *)&w->pipe,
                                   (uv_stream_t *)client));
}

static const napi_property_descriptor pipe_methods[] = {
  ND_METHOD("pendingHandleType", pipe_pending_handle_type),
  ND_METHOD("acceptPending", pipe_accept_pending),
  ND_METHOD("open", pipe_open),
  ND_METHOD("bind", pipe_bind),
  ND_METHOD("listen", pipe_listen),
  ND_METHOD("connect", pipe_connect),
  ND_METHOD("fchmod", pipe_fchmod),
  ND_METHOD("setPendingInstances", pipe_set_pending_instances),
  ND_STREAM_WRAP_METHODS,
};

static napi_value connect_wrap_new(napi_env env, napi_callback_info info) {
  napi_value self;
  napi_get_cb_info(env, info, NULL, NULL, &self, NULL);
  return self;
}

napi_value nd_binding_pipe_wrap_init(napi_env env, napi_value exports) {
  napi_value cls, req_cls, constants;
  if (napi_define_class(env, "Pipe", NAPI_AUTO_LENGTH, pipe_new, NULL,
                        ND_COUNT(pipe_methods), pipe_methods, &cls) != napi_ok)
    return NULL;
  napi_create_reference(env, cls, 1, &nd_realm_of(env)->ctors[ND_CTOR_PIPE]);
  napi_set_named_property(env, exports, "Pipe", cls);
  napi_define_class(env, "PipeConnectWrap", NAPI_AUTO_LENGTH, connect_wrap_new,
                    NULL, 0, NULL, &req_cls);
  napi_set_named_property(env, exports, "PipeConnectWrap", req_cls);
  napi_create_object(env, &constants);
  nd_set_number(env, constants, "SOCKET", PIPE_SOCKET);
  nd_set_number(env, constants, "SERVER", PIPE_SERVER);
  nd_set_number(env, constants, "IPC", PIPE_IPC);
  nd_set_number(env, constants, "UV_READABLE", UV_READABLE);
  nd_set_number(env, constants, "UV_WRITABLE", UV_WRITABLE);
  napi_set_named_property(env, exports, "constants", constants);
  return exports;
}
