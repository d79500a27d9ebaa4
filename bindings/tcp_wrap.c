/* tcp_wrap.c - internalBinding('tcp_wrap'): TCP handles over uv_tcp_t for
 * lib/net.js: new TCP(type), bind/listen/connect, addresses, options, and
 * the stream methods of stream_wrap.h.
 *
 * JS contract beyond stream_wrap.h:
 *   new TCP(constants.SOCKET | constants.SERVER)
 *   open(fd) bind(ip, port) bind6(ip, port, flags) listen(backlog)
 *       -> 0 or a negative UV error
 *   onconnection(status, clientHandle)      on a listening server
 *   connect(req, ip, port) connect6(req, ip, port) -> 0 or error; later
 *       req.oncomplete(status, handle, req, readable, writable)
 *   getsockname(out) getpeername(out)       fill { address, family, port }
 *   setNoDelay(bool) setKeepAlive(bool, secs) setSimultaneousAccepts()
 *   reset([cb])                             close with RST */
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>

#include "bindings.h"
#include "napi_util.h"
#include "realm.h"
#include "stream_wrap.h"
#include "loop.h"

enum { TCP_SOCKET = 0, TCP_SERVER = 1 };

typedef struct {
  nd_stream_wrap_t stream;
  uv_tcp_t tcp;
} tcp_wrap_t;

static void tcp_free(nd_handle_wrap_t *wrap) { free(wrap); }

static tcp_wrap_t *unwrap_tcp(napi_env env, napi_callback_info info) {
  return (tcp_wrap_t *)nd_handle_wrap_unwrap(env, info);
}

static napi_value int_result(napi_env env, int v) {
  napi_value r;
  napi_create_int32(env, v, &r);
  return r;
}

static napi_value tcp_new(napi_env env, napi_callback_info info) {
  napi_value self;
  napi_get_cb_info(env, info, NULL, NULL, &self, NULL);
  tcp_wrap_t *w = calloc(1, sizeof(*w));
  uv_tcp_init(nd_realm_of(env)->loop, &w->tcp);
  w->stream.accept_ctor = ND_CTOR_TCP;
  w->stream.accept_type = TCP_SOCKET;
  if (nd_stream_wrap_init(&w->stream, env, self, (uv_stream_t *)&w->tcp,
                          tcp_free) != napi_ok) {
    uv_close((uv_handle_t *)&w->tcp, NULL);
    return NULL;
  }
  return self;
}

static napi_value tcp_open(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  tcp_wrap_t *w = unwrap_tcp(env, info);
  if (w == NULL) return NULL;
  return int_result(env,
                    uv_tcp_open(&w->tcp, (int)nd_to_int64(env, argv[0], -1)));
}

static napi_value tcp_bind_any(napi_env env, napi_callback_info info,
                               bool v6) {
  napi_value argv[3];
  nd_args(env, info, 3, argv);
  tcp_wrap_t *w = unwrap_tcp(env, info);
  if (w == NULL) return NULL;
  char ip[64];
  size_t len;
  if (napi_get_value_string_utf8(env, argv[0], ip, sizeof(ip), &len) != napi_ok)
    return int_result(env, UV_EINVAL);
  int port = (int)nd_to_int64(env, argv[1], 0);
  struct sockaddr_storage addr;
  int err = v6 ? uv_ip6_addr(ip, port, (struct sockaddr_in6 *)&addr)
               : uv_ip4_addr(ip, port, (struct sockaddr_in *)&addr);
  if (err == 0) {
    unsigned flags = v6 ? (unsigned)nd_to_int64(env, argv[2], 0) : 0;
    err = uv_tcp_bind(&w->tcp, (struct sockaddr *)&addr, flags);
  }
  return int_result(env, err);
}

static napi_value tcp_bind(napi_env env, napi_callback_info info) {
  return tcp_bind_any(env, info, false);
}

static napi_value tcp_bind6(napi_env env, napi_callback_info info) {
  return tcp_bind_any(env, info, true);
}

static napi_value tcp_listen(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  tcp_wrap_t *w = unwrap_tcp(env, info);
  if (w == NULL) return NULL;
  int backlog = (int)nd_to_int64(env, argv[0], 511);
  return int_result(env,
                    uv_listen((uv_stream_t *)&w->tcp, backlog,
                              nd_stream_on_connection));
}

static napi_value tcp_connect_any(napi_env env, napi_callback_info info,
                                  bool v6) {
  napi_value argv[3], self;
  size_t argc = 3;
  napi_get_cb_info(env, info, &argc, argv, &self, NULL);
  tcp_wrap_t *w = unwrap_tcp(env, info);
  if (w == NULL) return NULL;
  char ip[64];
  size_t len;
  if (napi_get_value_string_utf8(env, argv[1], ip, sizeof(ip), &len) != napi_ok)
    return int_result(env, UV_EINVAL);
  int port = (int)nd_to_int64(env, argv[2], 0);
  struct sockaddr_storage addr;
  int err = v6 ? uv_ip6_addr(ip, port, (struct sockaddr_in6 *)&addr)
               : uv_ip4_addr(ip, port, (struct sockaddr_in *)&addr);
  if (err != 0) return int_result(env, err);
  nd_connect_req_t *cr = nd_connect_req_new(env, argv[0], self);
  err = uv_tcp_connect(&cr->req, &w->tcp, (struct sockaddr *)&addr,
                       nd_stream_after_connect);
  if (err != 0) nd_connect_req_free(cr);
  return int_result(env, err);
}

static napi_value tcp_connect(napi_env env, napi_callback_info info) {
  return tcp_connect_any(env, info, false);
}

static napi_value tcp_connect6(napi_env env, napi_callback_info info) {
  return tcp_connect_any(env, info, true);
}

/* Fills `out` with { address, family, port } of a sockaddr. */
static int fill_address(napi_env env, napi_value out,
                        const struct sockaddr_storage *addr) {
  char ip[INET6_ADDRSTRLEN];
  int port;
  const char *family;
  if (addr->ss_family == AF_INET6) {
    const struct sockaddr_in6 *a6 = (const struct sockaddr_in6 *)addr;
    uv_ip6_name(a6, ip, sizeof(ip));
    port = ntohs(a6->sin6_port);
    family = "IPv6";
  } else if (addr->ss_family == AF_INET) {
    const struct sockaddr_in *a4 = (const struct sockaddr_in *)addr;
    uv_ip4_name(a4, ip, sizeof(ip));
    port = ntohs(a4->sin_port);
    family = "IPv4";
  } else {
    return UV_EAFNOSUPPORT;
  }
  nd_set_string(env, out, "address", ip);
  nd_set_string(env, out, "family", family);
  nd_set_number(env, out, "port", port);
  return 0;
}

static napi_value tcp_name(napi_env env, napi_callback_info info, bool peer) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  tcp_wrap_t *w = unwrap_tcp(env, info);
  if (w == NULL) return NULL;
  struct sockaddr_storage addr;
  int len = sizeof(addr);
  int err = peer ? uv_tcp_getpeername(&w->tcp, (struct sockaddr *)&addr, &len)
                 : uv_tcp_getsockname(&w->tcp, (struct sockaddr *)&addr, &len);
  if (err == 0) err = fill_address(env, argv[0], &addr);
  return int_result(env, err);
}

static napi_value tcp_getsockname(napi_env env, napi_callback_info info) {
  return tcp_name(env, info, false);
}

static napi_value tcp_getpeername(napi_env env, napi_callback_info info) {
  return tcp_name(env, info, true);
}

static napi_value tcp_set_no_delay(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  tcp_wrap_t *w = unwrap_tcp(env, info);
  if (w == NULL) return NULL;
  return int_result(env, uv_tcp_nodelay(&w->tcp, nd_to_bool(env, argv[0])));
}

static napi_value tcp_set_keep_alive(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  nd_args(env, info, 2, argv);
  tcp_wrap_t *w = unwrap_tcp(env, info);
  if (w == NULL) return NULL;
  return int_result(env, uv_tcp_keepalive(&w->tcp, nd_to_bool(env, argv[0]),
                                          (unsigned)nd_to_int64(env, argv[1],
                                                                0)));
}

static napi_value tcp_set_simultaneous_accepts(napi_env env,
                                               napi_callback_info info) {
  return int_result(env, 0);
}

/* reset([cb]): closes the connection with a TCP RST. */
static napi_value tcp_reset(napi_env env, napi_callback_info info) {
  napi_value argv[1], self;
  size_t argc = 1;
  napi_get_cb_info(env, info, &argc, argv, &self, NULL);
  tcp_wrap_t *w = unwrap_tcp(env, info);
  if (w == NULL) return NULL;
  if (w->stream.base.closing) return int_result(env, 0);
  napi_valuetype t = napi_undefined;
  if (argc > 0) napi_typeof(env, argv[0], &t);
  if (t == napi_function)
    napi_set_named_property(env, self, "onclose", argv[0]);
  /* uv_tcp_close_reset closes the handle itself. */
  w->stream.base.closing = true;
  return int_result(env, uv_tcp_close_reset(&w->tcp,
                                            nd_handle_wrap_on_closed));
}

static const napi_property_descriptor tcp_methods[] = {
  ND_METHOD("open", tcp_open),
  ND_METHOD("bind", tcp_bind),
  ND_METHOD("bind6", tcp_bind6),
  ND_METHOD("listen", tcp_listen),
  ND_METHOD("connect", tcp_connect),
  ND_METHOD("connect6", tcp_connect6),
  ND_METHOD("getsockname", tcp_getsockname),
  ND_METHOD("getpeername", tcp_getpeername),
  ND_METHOD("setNoDelay", tcp_set_no_delay),
  ND_METHOD("setKeepAlive", tcp_set_keep_alive),
  ND_METHOD("setSimultaneousAccepts", tcp_set_simultaneous_accepts),
  ND_METHOD("reset", tcp_reset),
  ND_STREAM_WRAP_METHODS,
};

static napi_value connect_wrap_new(napi_env env, napi_callback_info info) {
  napi_value self;
  napi_get_cb_info(env, info, NULL, NULL, &self, NULL);
  return self;
}

napi_value nd_binding_tcp_wrap_init(napi_env env, napi_value exports) {
  napi_value cls, req_cls, constants;
  if (napi_define_class(env, "TCP", NAPI_AUTO_LENGTH, tcp_new, NULL,
                        ND_COUNT(tcp_methods), tcp_methods, &cls) != napi_ok)
    return NULL;
  napi_create_reference(env, cls, 1, &nd_realm_of(env)->ctors[ND_CTOR_TCP]);
  napi_set_named_property(env, exports, "TCP", cls);
  napi_define_class(env, "TCPConnectWrap", NAPI_AUTO_LENGTH, connect_wrap_new,
                    NULL, 0, NULL, &req_cls);
  napi_set_named_property(env, exports, "TCPConnectWrap", req_cls);
  napi_create_object(env, &constants);
  nd_set_number(env, constants, "SOCKET", TCP_SOCKET);
  nd_set_number(env, constants, "SERVER", TCP_SERVER);
  nd_set_number(env, constants, "UV_TCP_IPV6ONLY", UV_TCP_IPV6ONLY);
  napi_set_named_property(env, exports, "constants", constants);
  return exports;
}
