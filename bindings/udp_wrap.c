/* udp_wrap.c - internalBinding('udp_wrap'): UDP handles over uv_udp_t for
 * lib/dgram.js.
 *
 * JS contract (every method returns 0 or a negative UV error unless noted):
 *   new UDP()                       an unbound handle (no socket yet)
 *   bind(ip, port, flags) bind6(ip, port, flags)
 *       flags: constants.UV_UDP_IPV6ONLY | constants.UV_UDP_REUSEADDR
 *   open(fd)                        adopt an existing datagram socket
 *   connect(ip, port) connect6(ip, port) disconnect()
 *   send(req, list, count, port, ip, hasCallback)   (unconnected)
 *   send(req, list, count, hasCallback)             (connected)
 *   send6(...)                      the same for IPv6 destinations
 *       list holds Buffers/TypedArrays/DataViews sent as one datagram.
 *       The datagram is first tried synchronously; afterwards req.bytes is
 *       its size and req.async tells whether it was queued to libuv. When
 *       queued and hasCallback, req.oncomplete(status, bytes) runs later.
 *   recvStart() recvStop()
 *   onmessage(nread, handle, buf, rinfo)   nread < 0 on error; rinfo is
 *       { address, family, port }
 *   getsockname(out) getpeername(out)     fill { address, family, port }
 *   addMembership(group, iface) dropMembership(group, iface)
 *   addSourceSpecificMembership(source, group, iface)
 *   dropSourceSpecificMembership(source, group, iface)
 *   setMulticastInterface(iface) setMulticastTTL(ttl)
 *   setMulticastLoopback(on) setBroadcast(on) setTTL(ttl)
 *   bufferSize(size, isRecv, ctx) -> the size (0 reads it), or undefined
 *       with ctx = { errno, code, message, syscall } filled on failure
 *   getSendQueueSize() getSendQueueCount() -> numbers
 *   fd                              getter: the OS fd or -1
 *   close([cb]) ref() unref() hasRef() onclose   (handle_wrap.h) */
#include <limits.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>

#include <uv.h>

#include "bindings.h"
#include "handle_wrap.h"
#include "loop.h"
#include "napi_util.h"
#include "realm.h"

enum { UDP_RECV_SIZE = 64 * 1024 };

typedef struct {
  nd_handle_wrap_t base;
  uv_udp_t udp;
  char *recv_buf;   /* UDP_RECV_SIZE bytes while receiving */
  bool recv_busy;   /* recv_buf is lent to libuv */
} udp_wrap_t;

typedef struct {
  uv_udp_send_t req;
  napi_env env;
  napi_ref js_req;  /* the request object */
  napi_ref list;    /* keeps the datagram's buffers alive */
  size_t bytes;
  bool have_callback;
} send_req_t;

static void udp_free(nd_handle_wrap_t *wrap) {
  udp_wrap_t *w = (udp_wrap_t *)wrap;
  free(w->recv_buf);
  free(w);
}

static udp_wrap_t *unwrap_udp(napi_env env, napi_callback_info info) {
  return (udp_wrap_t *)nd_handle_wrap_unwrap(env, info);
}

static napi_value int_result(napi_env env, int v) {
  napi_value r;
  napi_create_int32(env, v, &r);
  return r;
}

/* Copies a JS string argument into `out` (size `cap`); false when it is not
 * a string or does not fit. */
static bool get_ip(napi_env env, napi_value v, char *out, size_t cap) {
  size_t len;
  if (napi_get_value_string_utf8(env, v, out, cap, &len) != napi_ok)
    return false;
  return len < cap - 1;
}

/* Fills `addr` from an ip string and port; 0 or a UV error. */
static int make_addr(napi_env env, napi_value ip, napi_value port, bool v6,
                     struct sockaddr_storage *addr) {
  char buf[INET6_ADDRSTRLEN + IF_NAMESIZE + 2];
  if (!get_ip(env, ip, buf, sizeof(buf))) return UV_EINVAL;
  /* Like Node's binding: the port is coerced to a uint32. */
  napi_value num;
  uint32_t p = 0;
  if (port != NULL && napi_coerce_to_number(env, port, &num) == napi_ok)
    napi_get_value_uint32(env, num, &p);
  int p16 = (int)(p & 0xffff);
  if (v6) return uv_ip6_addr(buf, p16, (struct sockaddr_in6 *)addr);
  return uv_ip4_addr(buf, p16, (struct sockaddr_in *)addr);
}

/* Sets out.address/family/port from a socket address. */
static void addr_to_js(napi_env env, const struct sockaddr *sa,
                       napi_value out) {
  char ip[INET6_ADDRSTRLEN + IF_NAMESIZE + 2] = "";
  int port = 0;
  const char *family = "IPv4";
  if (sa->sa_family == AF_INET6) {
    const struct sockaddr_in6 *a6 = (const struct sockaddr_in6 *)sa;
    uv_ip6_name(a6, ip, INET6_ADDRSTRLEN);
    if (a6->sin6_scope_id != 0) {
      size_t n = strlen(ip);
      size_t left = sizeof(ip) - n - 1;
      ip[n] = '%';
      if (uv_if_indextoname(a6->sin6_scope_id, ip + n + 1, &left) != 0)
        ip[n] = '\0';
    }
    port = ntohs(a6->sin6_port);
    family = "IPv6";
  } else if (sa->sa_family == AF_INET) {
    const struct sockaddr_in *a4 = (const struct sockaddr_in *)sa;
    uv_ip4_name(a4, ip, sizeof(ip));
    port = ntohs(a4->sin_port);
  }
  nd_set_string(env, out, "address", ip);
  nd_set_string(env, out, "family", family);
  nd_set_number(env, out, "port", port);
}

/* True when --test-udp-no-try-send is on (every datagram is queued). */
static bool no_try_send(napi_env env) {
  const nd_options_t *o = nd_realm_of(env)->options;
  for (int i = 0; i < ND_OPTION_COUNT; i++) {
    if (strcmp(nd_option_table[i].name, "--test-udp-no-try-send") == 0)
      return o->values[i].b;
  }
  return false;
}

static napi_value udp_new(napi_env env, napi_callback_info info) {
  napi_value self;
  napi_get_cb_info(env, info, NULL, NULL, &self, NULL);
  udp_wrap_t *w = calloc(1, sizeof(*w));
  uv_udp_init(nd_realm_of(env)->loop, &w->udp);
  if (nd_handle_wrap_init(&w->base, env, self, (uv_handle_t *)&w->udp,
                          udp_free) != napi_ok) {
    uv_close((uv_handle_t *)&w->udp, NULL);
    return NULL;
  }
  return self;
}

static napi_value udp_bind_any(napi_env env, napi_callback_info info,
                               bool v6) {
  napi_value argv[3];
  nd_args(env, info, 3, argv);
  udp_wrap_t *w = unwrap_udp(env, info);
  if (w == NULL) return NULL;
  struct sockaddr_storage addr;
  int err = make_addr(env, argv[0], argv[1], v6, &addr);
  if (err == 0) {
    unsigned flags = (unsigned)nd_to_int64(env, argv[2], 0);
    err = uv_udp_bind(&w->udp, (struct sockaddr *)&addr, flags);
  }
  return int_result(env, err);
}

static napi_value udp_bind(napi_env env, napi_callback_info info) {
  return udp_bind_any(env, info, false);
}

static napi_value udp_bind6(napi_env env, napi_callback_info info) {
  return udp_bind_any(env, info, true);
}

static napi_value udp_open(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  udp_wrap_t *w = unwrap_udp(env, info);
  if (w == NULL) return NULL;
  int fd = (int)nd_to_int64(env, argv[0], -1);
  return int_result(env, uv_udp_open(&w->udp, fd));
}

static napi_value udp_connect_any(napi_env env, napi_callback_info info,
                                  bool v6) {
  napi_value argv[2];
  nd_args(env, info, 2, argv);
  udp_wrap_t *w = unwrap_udp(env, info);
  if (w == NULL) return NULL;
  struct sockaddr_storage addr;
  int err = make_addr(env, argv[0], argv[1], v6, &addr);
  if (err == 0) err = uv_udp_connect(&w->udp, (struct sockaddr *)&addr);
  return int_result(env, err);
}

static napi_value udp_connect(napi_env env, napi_callback_info info) {
  return udp_connect_any(env, info, false);
}

static napi_value udp_connect6(napi_env env, napi_callback_info info) {
  return udp_connect_any(env, info, true);
}

static napi_value udp_disconnect(napi_env env, napi_callback_info info) {
  udp_wrap_t *w = unwrap_udp(env, info);
  if (w == NULL) return NULL;
  return int_result(env, uv_udp_connect(&w->udp, NULL));
}

/* Points `buf` at the bytes of a Buffer, TypedArray or DataView. */
static bool view_bytes(napi_env env, napi_value v, uv_buf_t *buf) {
  bool is;
  void *data = NULL;
  size_t len = 0;
  if (napi_is_typedarray(env, v, &is) == napi_ok && is) {
    napi_typedarray_type type;
    size_t count;
    if (napi_get_typedarray_info(env, v, &type, &count, &data, NULL, NULL) !=
        napi_ok)
      return false;
    size_t unit = 1;
    switch (type) {
      case napi_int16_array: case napi_uint16_array: unit = 2; break;
      case napi_int32_array: case napi_uint32_array:
      case napi_float32_array: unit = 4; break;
      case napi_float64_array: case napi_bigint64_array:
      case napi_biguint64_array: unit = 8; break;
      default: break;
    }
    len = count * unit;
  } else if (napi_is_dataview(env, v, &is) == napi_ok && is) {
    if (napi_get_dataview_info(env, v, &len, &data, NULL, NULL) != napi_ok)
      return false;
  } else {
    return false;
  }
  *buf = uv_buf_init(data, (unsigned)len);
  return true;
}

static void after_send(uv_udp_send_t *uvreq, int status) {
  send_req_t *r = ND_CONTAINER_OF(uvreq, send_req_t, req);
  napi_env env = r->env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  if (r->have_callback) {
    napi_value obj, fn, argv[2];
    napi_get_reference_value(env, r->js_req, &obj);
    napi_valuetype t = napi_undefined;
    if (obj != NULL &&
        napi_get_named_property(env, obj, "oncomplete", &fn) == napi_ok)
      napi_typeof(env, fn, &t);
    if (t == napi_function) {
      napi_create_int32(env, status, &argv[0]);
      napi_create_double(env, (double)r->bytes, &argv[1]);
      nd_loop_make_callback(env, obj, fn, 2, argv, NULL);
    }
  }
  napi_delete_reference(env, r->js_req);
  napi_delete_reference(env, r->list);
  napi_close_handle_scope(env, scope);
  free(r);
}

static napi_value udp_send_any(napi_env env, napi_callback_info info,
                               bool v6) {
  napi_value argv[6];
  size_t argc = nd_args(env, info, 6, argv);
  udp_wrap_t *w = unwrap_udp(env, info);
  if (w == NULL) return NULL;
  bool sendto = argc >= 6;
  napi_value req = argv[0], list = argv[1];
  bool have_callback = nd_to_bool(env, argv[sendto ? 5 : 3]);
  uint32_t count = (uint32_t)nd_to_int64(env, argv[2], 0);

  struct sockaddr_storage addr;
  if (sendto) {
    int err = make_addr(env, argv[4], argv[3], v6, &addr);
    if (err != 0) return int_result(env, err);
  }
  uv_buf_t small[8];
  uv_buf_t *bufs = count <= 8 ? small : malloc(count * sizeof(uv_buf_t));
  size_t bytes = 0;
  for (uint32_t i = 0; i < count; i++) {
    napi_value item;
    napi_get_element(env, list, i, &item);
    if (!view_bytes(env, item, &bufs[i])) {
      if (bufs != small) free(bufs);
      napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE",
                            "send() expects a list of buffers");
      return NULL;
    }
    bytes += bufs[i].len;
  }
  const struct sockaddr *dest = sendto ? (struct sockaddr *)&addr : NULL;

  int err = UV_EAGAIN;
  if (!no_try_send(env)) err = uv_udp_try_send(&w->udp, bufs, count, dest);
  napi_value async;
  nd_set_number(env, req, "bytes", (double)bytes);
  if (err >= 0) {
    napi_get_boolean(env, false, &async);
    napi_set_named_property(env, req, "async", async);
    if (bufs != small) free(bufs);
    return int_result(env, 0);
  }
  if (err != UV_EAGAIN && err != UV_ENOSYS) {
    if (bufs != small) free(bufs);
    return int_result(env, err);
  }
  send_req_t *r = calloc(1, sizeof(*r));
  r->env = env;
  r->bytes = bytes;
  r->have_callback = have_callback;
  err = uv_udp_send(&r->req, &w->udp, bufs, count, dest, after_send);
  if (bufs != small) free(bufs);
  if (err != 0) {
    free(r);
    return int_result(env, err);
  }
  napi_create_reference(env, req, 1, &r->js_req);
  napi_create_reference(env, list, 1, &r->list);
  napi_get_boolean(env, true, &async);
  napi_set_named_property(env, req, "async", async);
  return int_result(env, 0);
}

static napi_value udp_send(napi_env env, napi_callback_info info) {
  return udp_send_any(env, info, false);
}

static napi_value udp_send6(napi_env env, napi_callback_info info) {
  return udp_send_any(env, info, true);
}

static void on_alloc(uv_handle_t *handle, size_t suggested, uv_buf_t *buf) {
  (void)suggested;
  udp_wrap_t *w = ND_CONTAINER_OF(handle, udp_wrap_t, udp);
  if (w->recv_buf == NULL) w->recv_buf = malloc(UDP_RECV_SIZE);
  if (w->recv_buf == NULL || w->recv_busy) {
    *buf = uv_buf_init(NULL, 0);
    return;
  }
  w->recv_busy = true;
  *buf = uv_buf_init(w->recv_buf, UDP_RECV_SIZE);
}

static void on_recv(uv_udp_t *handle, ssize_t nread, const uv_buf_t *buf,
                    const struct sockaddr *addr, unsigned flags) {
  (void)flags;
  (void)buf;
  udp_wrap_t *w = ND_CONTAINER_OF(handle, udp_wrap_t, udp);
  w->recv_busy = false;
  if (nread == 0 && addr == NULL) return;  /* nothing more to read */
  napi_env env = w->base.env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value self, argv[4];
  napi_get_reference_value(env, w->base.object, &self);
  napi_create_int32(env, (int)nread, &argv[0]);
  argv[1] = self;
  if (nread < 0) {
    napi_get_undefined(env, &argv[2]);
    napi_get_undefined(env, &argv[3]);
  } else {
    void *copy;
    napi_create_buffer_copy(env, (size_t)nread, w->recv_buf, &copy,
                            &argv[2]);
    napi_create_object(env, &argv[3]);
    addr_to_js(env, addr, argv[3]);
  }
  nd_handle_wrap_emit(&w->base, "onmessage", 4, argv);
  napi_close_handle_scope(env, scope);
}

static napi_value udp_recv_start(napi_env env, napi_callback_info info) {
  udp_wrap_t *w = unwrap_udp(env, info);
  if (w == NULL) return NULL;
  int err = uv_udp_recv_start(&w->udp, on_alloc, on_recv);
  if (err == UV_EALREADY) err = 0;
  return int_result(env, err);
}

static napi_value udp_recv_stop(napi_env env, napi_callback_info info) {
  udp_wrap_t *w = unwrap_udp(env, info);
  if (w == NULL) return NULL;
  return int_result(env, uv_udp_recv_stop(&w->udp));
}

static napi_value udp_name(napi_env env, napi_callback_info info,
                           bool peer) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  udp_wrap_t *w = unwrap_udp(env, info);
  if (w == NULL) return NULL;
  struct sockaddr_storage addr;
  int len = sizeof(addr);
  int err = peer ? uv_udp_getpeername(&w->udp, (struct sockaddr *)&addr, &len)
                 : uv_udp_getsockname(&w->udp, (struct sockaddr *)&addr, &len);
  if (err == 0) addr_to_js(env, (struct sockaddr *)&addr, argv[0]);
  return int_result(env, err);
}

static napi_value udp_getsockname(napi_env env, napi_callback_info info) {
  return udp_name(env, info, false);
}

static napi_value udp_getpeername(napi_env env, napi_callback_info info) {
  return udp_name(env, info, true);
}

/* Copies an optional string argument; NULL for undefined/null. Sets *bad
 * when it is neither a string nor empty. */
static char *opt_string(napi_env env, napi_value v, bool *bad) {
  napi_valuetype t = napi_undefined;
  if (v != NULL) napi_typeof(env, v, &t);
  if (t == napi_undefined || t == napi_null) return NULL;
  if (t != napi_string) {
    *bad = true;
    return NULL;
  }
  return nd_strdup_utf8(env, v);
}

static napi_value udp_membership(napi_env env, napi_callback_info info,
                                 uv_membership which) {
  napi_value argv[2];
  nd_args(env, info, 2, argv);
  udp_wrap_t *w = unwrap_udp(env, info);
  if (w == NULL) return NULL;
  bool bad = false;
  char *group = opt_string(env, argv[0], &bad);
  char *iface = opt_string(env, argv[1], &bad);
  int err = (bad || group == NULL)
                ? UV_EINVAL
                : uv_udp_set_membership(&w->udp, group, iface, which);
  free(group);
  free(iface);
  return int_result(env, err);
}

static napi_value udp_add_membership(napi_env env, napi_callback_info info) {
  return udp_membership(env, info, UV_JOIN_GROUP);
}

static napi_value udp_drop_membership(napi_env env, napi_callback_info info) {
  return udp_membership(env, info, UV_LEAVE_GROUP);
}

static napi_value udp_source_membership(napi_env env, napi_callback_info info,
                                        uv_membership which) {
  napi_value argv[3];
  nd_args(env, info, 3, argv);
  udp_wrap_t *w = unwrap_udp(env, info);
  if (w == NULL) return NULL;
  bool bad = false;
  char *source = opt_string(env, argv[0], &bad);
  char *group = opt_string(env, argv[1], &bad);
  char *iface = opt_string(env, argv[2], &bad);
  int err = (bad || source == NULL || group == NULL)
                ? UV_EINVAL
                : uv_udp_set_source_membership(&w->udp, group, iface, source,
                                               which);
  free(source);
  free(group);
  free(iface);
  return int_result(env, err);
}

static napi_value udp_add_ssm(napi_env env, napi_callback_info info) {
  return udp_source_membership(env, info, UV_JOIN_GROUP);
}

static napi_value udp_drop_ssm(napi_env env, napi_callback_info info) {
  return udp_source_membership(env, info, UV_LEAVE_GROUP);
}

static napi_value udp_set_multicast_interface(napi_env env,
                                              napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  udp_wrap_t *w = unwrap_udp(env, info);
  if (w == NULL) return NULL;
  bool bad = false;
  char *iface = opt_string(env, argv[0], &bad);
  int err = bad ? UV_EINVAL : uv_udp_set_multicast_interface(&w->udp, iface);
  free(iface);
  return int_result(env, err);
}

typedef int (*udp_int_setter)(uv_udp_t *handle, int value);

static napi_value udp_set_int(napi_env env, napi_callback_info info,
                              udp_int_setter fn) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  udp_wrap_t *w = unwrap_udp(env, info);
  if (w == NULL) return NULL;
  int64_t v = nd_to_int64(env, argv[0], 0);
  if (v < INT_MIN || v > INT_MAX) return int_result(env, UV_EINVAL);
  return int_result(env, fn(&w->udp, (int)v));
}

static napi_value udp_set_multicast_ttl(napi_env env,
                                        napi_callback_info info) {
  return udp_set_int(env, info, uv_udp_set_multicast_ttl);
}

static napi_value udp_set_multicast_loop(napi_env env,
                                         napi_callback_info info) {
  return udp_set_int(env, info, uv_udp_set_multicast_loop);
}

static napi_value udp_set_broadcast(napi_env env, napi_callback_info info) {
  return udp_set_int(env, info, uv_udp_set_broadcast);
}

static napi_value udp_set_ttl(napi_env env, napi_callback_info info) {
  return udp_set_int(env, info, uv_udp_set_ttl);
}

static napi_value udp_buffer_size(napi_env env, napi_callback_info info) {
  napi_value argv[3];
  nd_args(env, info, 3, argv);
  udp_wrap_t *w = unwrap_udp(env, info);
  if (w == NULL) return NULL;
  double size = nd_to_double(env, argv[0], 0);
  bool recv = nd_to_bool(env, argv[1]);
  const char *syscall = recv ? "uv_recv_buffer_size" : "uv_send_buffer_size";
  int value = (int)size;
  int err = 0;
  if (size < 0 || size > INT_MAX)
    err = UV_EINVAL;
  else if (recv)
    err = uv_recv_buffer_size((uv_handle_t *)&w->udp, &value);
  else
    err = uv_send_buffer_size((uv_handle_t *)&w->udp, &value);
  napi_value r;
  if (err != 0) {
    napi_valuetype t = napi_undefined;
    napi_typeof(env, argv[2], &t);
    if (t == napi_object) {
      nd_set_number(env, argv[2], "errno", err);
      nd_set_string(env, argv[2], "code", uv_err_name(err));
      nd_set_string(env, argv[2], "message", uv_strerror(err));
      nd_set_string(env, argv[2], "syscall", syscall);
    }
    napi_get_undefined(env, &r);
    return r;
  }
  return int_result(env, value);
}

static napi_value udp_send_queue_size(napi_env env, napi_callback_info info) {
  udp_wrap_t *w = unwrap_udp(env, info);
  if (w == NULL) return NULL;
  napi_value r;
  napi_create_double(env, (double)uv_udp_get_send_queue_size(&w->udp), &r);
  return r;
}

static napi_value udp_send_queue_count(napi_env env,
                                       napi_callback_info info) {
  udp_wrap_t *w = unwrap_udp(env, info);
  if (w == NULL) return NULL;
  napi_value r;
  napi_create_double(env, (double)uv_udp_get_send_queue_count(&w->udp), &r);
  return r;
}

static napi_value udp_get_fd(napi_env env, napi_callback_info info) {
  napi_value self;
  void *data = NULL;
  napi_get_cb_info(env, info, NULL, NULL, &self, NULL);
  int fd = -1;
  if (napi_unwrap(env, self, &data) == napi_ok && data != NULL) {
    udp_wrap_t *w = data;
    uv_os_fd_t ofd;
    if (!w->base.closing && uv_fileno((uv_handle_t *)&w->udp, &ofd) == 0)
      fd = ofd;
  }
  return int_result(env, fd);
}

static napi_value send_wrap_new(napi_env env, napi_callback_info info) {
  napi_value self;
  napi_get_cb_info(env, info, NULL, NULL, &self, NULL);
  return self;
}

static const napi_property_descriptor udp_methods[] = {
  ND_METHOD("bind", udp_bind),
  ND_METHOD("bind6", udp_bind6),
  ND_METHOD("open", udp_open),
  ND_METHOD("connect", udp_connect),
  ND_METHOD("connect6", udp_connect6),
  ND_METHOD("disconnect", udp_disconnect),
  ND_METHOD("send", udp_send),
  ND_METHOD("send6", udp_send6),
  ND_METHOD("recvStart", udp_recv_start),
  ND_METHOD("recvStop", udp_recv_stop),
  ND_METHOD("getsockname", udp_getsockname),
  ND_METHOD("getpeername", udp_getpeername),
  ND_METHOD("addMembership", udp_add_membership),
  ND_METHOD("dropMembership", udp_drop_membership),
  ND_METHOD("addSourceSpecificMembership", udp_add_ssm),
  ND_METHOD("dropSourceSpecificMembership", udp_drop_ssm),
  ND_METHOD("setMulticastInterface", udp_set_multicast_interface),
  ND_METHOD("setMulticastTTL", udp_set_multicast_ttl),
  ND_METHOD("setMulticastLoopback", udp_set_multicast_loop),
  ND_METHOD("setBroadcast", udp_set_broadcast),
  ND_METHOD("setTTL", udp_set_ttl),
  ND_METHOD("bufferSize", udp_buffer_size),
  ND_METHOD("getSendQueueSize", udp_send_queue_size),
  ND_METHOD("getSendQueueCount", udp_send_queue_count),
  {"fd", NULL, NULL, udp_get_fd, NULL, NULL, napi_enumerable, NULL},
  /* The handle_wrap.h methods, writable as Node's (cluster wraps close). */
  ND_METHOD("close", nd_handle_wrap_close),
  ND_METHOD("ref", nd_handle_wrap_ref),
  ND_METHOD("unref", nd_handle_wrap_unref),
  ND_METHOD("hasRef", nd_handle_wrap_has_ref),
};

napi_value nd_binding_udp_wrap_init(napi_env env, napi_value exports) {
  napi_value cls, send_cls, constants;
  if (napi_define_class(env, "UDP", NAPI_AUTO_LENGTH, udp_new, NULL,
                        ND_COUNT(udp_methods), udp_methods, &cls) != napi_ok)
    return NULL;
  if (napi_define_class(env, "SendWrap", NAPI_AUTO_LENGTH, send_wrap_new,
                        NULL, 0, NULL, &send_cls) != napi_ok)
    return NULL;
  napi_set_named_property(env, exports, "UDP", cls);
  napi_set_named_property(env, exports, "SendWrap", send_cls);
  napi_create_object(env, &constants);
  nd_set_number(env, constants, "UV_UDP_IPV6ONLY", UV_UDP_IPV6ONLY);
  nd_set_number(env, constants, "UV_UDP_REUSEADDR", UV_UDP_REUSEADDR);
  napi_set_named_property(env, exports, "constants", constants);
  return exports;
}
