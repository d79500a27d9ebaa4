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
  w->stream.accept_ctor = ND_CTOR_PIPE;
  w->stream.accept_type = PIPE_SOCKET;
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

static napi_value pipe_listen(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  pipe_wrap_t *w = unwrap_pipe(env, info);
  if (w == NULL) return NULL;
  return int_result(env, uv_listen((uv_stream_t *)&w->pipe,
                                   (int)nd_to_int64(env, argv[0], 511),
                                   nd_stream_on_connection));
}

static napi_value pipe_connect(napi_env env, napi_callback_info info) {
  napi_value argv[2], self;
  size_t argc = 2;
  napi_get_cb_info(env, info, &argc, argv, &self, NULL);
  pipe_wrap_t *w = unwrap_pipe(env, info);
  if (w == NULL) return NULL;
  char *name = nd_strdup_utf8(env, argv[1]);
  if (name == NULL) return NULL;
  nd_connect_req_t *cr = nd_connect_req_new(env, argv[0], self);
  uv_pipe_connect(&cr->req, &w->pipe, name, nd_stream_after_connect);
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
