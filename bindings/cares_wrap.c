/* cares_wrap.c - internalBinding('cares_wrap'): the system resolver behind
 * dns.lookup() and dns.lookupService(), over uv_getaddrinfo() and
 * uv_getnameinfo(). (Resolver and resolve*() are a DNS client written in
 * JS over dgram: lib/internal/dns/channel.js.)
 *
 * JS contract:
 *   getaddrinfo(req, hostname, family, hints, order) -> 0 or a UV error;
 *       family is 0, 4 or 6; hints are AI_* flags; order is one of
 *       DNS_ORDER_VERBATIM / DNS_ORDER_IPV4_FIRST / DNS_ORDER_IPV6_FIRST,
 *       or a boolean `verbatim` (false: IPv4 first) as Node's binding.
 *       Later req.oncomplete(status, addresses) with status 0 and an array
 *       of address strings, or a negative UV_EAI_* code.
 *   getnameinfo(req, ip, port) -> 0 or a UV error; later
 *       req.oncomplete(status, hostname, service).
 *   GetAddrInfoReqWrap, GetNameInfoReqWrap   plain request classes
 *   AI_ADDRCONFIG, AI_ALL, AI_V4MAPPED, DNS_ORDER_*   constants */
#include <netdb.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

#include <uv.h>

#include "bindings.h"
#include "loop.h"
#include "napi_util.h"
#include "realm.h"

enum { ORDER_VERBATIM = 0, ORDER_IPV4_FIRST = 1, ORDER_IPV6_FIRST = 2 };

typedef struct {
  uv_getaddrinfo_t req;
  napi_env env;
  napi_ref js_req;
  int order;
} addrinfo_req_t;

typedef struct {
  uv_getnameinfo_t req;
  napi_env env;
  napi_ref js_req;
} nameinfo_req_t;

/* Calls js_req.oncomplete(argv...) through the entry path. */
static void complete(napi_env env, napi_ref js_req, size_t argc,
                     napi_value *argv) {
  napi_value obj, fn;
  napi_valuetype t = napi_undefined;
  napi_get_reference_value(env, js_req, &obj);
  if (obj != NULL &&
      napi_get_named_property(env, obj, "oncomplete", &fn) == napi_ok)
    napi_typeof(env, fn, &t);
  if (t == napi_function) nd_loop_make_callback(env, obj, fn, argc, argv, NULL);
}

/* Appends the addresses of `family` in `res` to `arr` from index *n. */
static void push_family(napi_env env, const struct addrinfo *res, int family,
                        napi_value arr, uint32_t *n) {
  char ip[INET6_ADDRSTRLEN];
  for (const struct addrinfo *p = res; p != NULL; p = p->ai_next) {
    if (p->ai_family != family && family != AF_UNSPEC) continue;
    int err;
    if (p->ai_family == AF_INET)
      err = uv_ip4_name((struct sockaddr_in *)p->ai_addr, ip, sizeof(ip));
    else if (p->ai_family == AF_INET6)
      err = uv_ip6_name((struct sockaddr_in6 *)p->ai_addr, ip, sizeof(ip));
    else
      continue;
    if (err != 0) continue;
    napi_value s;
    napi_create_string_utf8(env, ip, NAPI_AUTO_LENGTH, &s);
    napi_set_element(env, arr, (*n)++, s);
  }
}

static void after_getaddrinfo(uv_getaddrinfo_t *uvreq, int status,
                              struct addrinfo *res) {
  addrinfo_req_t *r = ND_CONTAINER_OF(uvreq, addrinfo_req_t, req);
  napi_env env = r->env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value argv[2];
  napi_create_array(env, &argv[1]);
  uint32_t n = 0;
  if (status == 0) {
    if (r->order == ORDER_IPV4_FIRST) {
      push_family(env, res, AF_INET, argv[1], &n);
      push_family(env, res, AF_INET6, argv[1], &n);
    } else if (r->order == ORDER_IPV6_FIRST) {
      push_family(env, res, AF_INET6, argv[1], &n);
      push_family(env, res, AF_INET, argv[1], &n);
    } else {
      push_family(env, res, AF_UNSPEC, argv[1], &n);
    }
    if (n == 0) status = UV_EAI_NODATA;
  }
  uv_freeaddrinfo(res);
  napi_create_int32(env, status, &argv[0]);
  complete(env, r->js_req, 2, argv);
  napi_delete_reference(env, r->js_req);
  napi_close_handle_scope(env, scope);
  free(r);
}

static napi_value int_result(napi_env env, int v) {
  napi_value r;
  napi_create_int32(env, v, &r);
  return r;
}

static napi_value cares_getaddrinfo(napi_env env, napi_callback_info info) {
  napi_value argv[5];
  nd_args(env, info, 5, argv);
  char *host = nd_strdup_utf8(env, argv[1]);
  if (host == NULL) return NULL;
  int family = (int)nd_to_int64(env, argv[2], 0);
  struct addrinfo hints;
  memset(&hints, 0, sizeof(hints));
  hints.ai_family = family == 4 ? AF_INET : family == 6 ? AF_INET6 : AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = (int)nd_to_int64(env, argv[3], 0);
  addrinfo_req_t *r = calloc(1, sizeof(*r));
  r->env = env;
  napi_valuetype order_type = napi_undefined;
  napi_typeof(env, argv[4], &order_type);
  if (order_type == napi_boolean)
    r->order = nd_to_bool(env, argv[4]) ? ORDER_VERBATIM : ORDER_IPV4_FIRST;
  else
    r->order = (int)nd_to_int64(env, argv[4], ORDER_VERBATIM);
  int err = uv_getaddrinfo(nd_realm_of(env)->loop, &r->req, after_getaddrinfo,
                           host, NULL, &hints);
  free(host);
  if (err != 0) {
    free(r);
    return int_result(env, err);
  }
  napi_create_reference(env, argv[0], 1, &r->js_req);
  return int_result(env, 0);
}

static void after_getnameinfo(uv_getnameinfo_t *uvreq, int status,
                              const char *hostname, const char *service) {
  nameinfo_req_t *r = ND_CONTAINER_OF(uvreq, nameinfo_req_t, req);
  napi_env env = r->env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value argv[3];
  napi_create_int32(env, status, &argv[0]);
  if (status == 0) {
    napi_create_string_utf8(env, hostname, NAPI_AUTO_LENGTH, &argv[1]);
    napi_create_string_utf8(env, service, NAPI_AUTO_LENGTH, &argv[2]);
  } else {
    napi_get_undefined(env, &argv[1]);
    napi_get_undefined(env, &argv[2]);
  }
  complete(env, r->js_req, 3, argv);
  napi_delete_reference(env, r->js_req);
  napi_close_handle_scope(env, scope);
  free(r);
}

static napi_value cares_getnameinfo(napi_env env, napi_callback_info info) {
  napi_value argv[3];
  nd_args(env, info, 3, argv);
  char ip[INET6_ADDRSTRLEN + 1];
  size_t len;
  if (napi_get_value_string_utf8(env, argv[1], ip, sizeof(ip), &len) !=
      napi_ok)
    return int_result(env, UV_EINVAL);
  int port = (int)nd_to_int64(env, argv[2], 0);
  struct sockaddr_storage addr;
  if (uv_ip4_addr(ip, port, (struct sockaddr_in *)&addr) != 0 &&
      uv_ip6_addr(ip, port, (struct sockaddr_in6 *)&addr) != 0)
    return int_result(env, UV_EINVAL);
  nameinfo_req_t *r = calloc(1, sizeof(*r));
  r->env = env;
  int err = uv_getnameinfo(nd_realm_of(env)->loop, &r->req, after_getnameinfo,
                           (struct sockaddr *)&addr, NI_NAMEREQD);
  if (err != 0) {
    free(r);
    return int_result(env, err);
  }
  napi_create_reference(env, argv[0], 1, &r->js_req);
  return int_result(env, 0);
}

static napi_value req_new(napi_env env, napi_callback_info info) {
  napi_value self;
  napi_get_cb_info(env, info, NULL, NULL, &self, NULL);
  return self;
}

static const napi_property_descriptor cares_methods[] = {
  ND_METHOD("getaddrinfo", cares_getaddrinfo),
  ND_METHOD("getnameinfo", cares_getnameinfo),
};

napi_value nd_binding_cares_wrap_init(napi_env env, napi_value exports) {
  if (napi_define_properties(env, exports, ND_COUNT(cares_methods),
                             cares_methods) != napi_ok)
    return NULL;
  static const char *const classes[] = {"GetAddrInfoReqWrap",
                                        "GetNameInfoReqWrap"};
  for (size_t i = 0; i < ND_COUNT(classes); i++) {
    napi_value cls;
    if (napi_define_class(env, classes[i], NAPI_AUTO_LENGTH, req_new, NULL, 0,
                          NULL, &cls) != napi_ok)
      return NULL;
    napi_set_named_property(env, exports, classes[i], cls);
  }
  nd_set_number(env, exports, "AI_ADDRCONFIG", AI_ADDRCONFIG);
  nd_set_number(env, exports, "AI_ALL", AI_ALL);
  nd_set_number(env, exports, "AI_V4MAPPED", AI_V4MAPPED);
  nd_set_number(env, exports, "DNS_ORDER_VERBATIM", ORDER_VERBATIM);
  nd_set_number(env, exports, "DNS_ORDER_IPV4_FIRST", ORDER_IPV4_FIRST);
  nd_set_number(env, exports, "DNS_ORDER_IPV6_FIRST", ORDER_IPV6_FIRST);
  return exports;
}
