/* tls_wrap.c - internalBinding('tls_wrap'): class TLSConn, one TLS
 * connection driven over OpenSSL memory BIOs (lib/_tls_wrap.js moves the
 * ciphertext to and from the TCP handle), plus SecureContext
 * (tls_context.c).
 *
 * JS contract of `c = new TLSConn(secureContext, isServer)`:
 *   Every driving call returns the ciphertext now due to the peer (a
 *   Buffer) or undefined:
 *     c.start()           begin the handshake (client)
 *     c.receive(buf)      ciphertext from the peer; handshake progress and
 *                         cleartext are reported through the callbacks
 *     c.resume()          continue after onclienthello
 *     c.write(buf)  c.writev([buf, ...])   cleartext to send (after the
 *                         handshake; nothing once destroyed)
 *     c.shutdown()        send close_notify
 *   Callbacks (methods JS puts on c; called from inside those calls):
 *     onhandshakedone()   onread(buf)   onclosenotify()   onerror(err)
 *     onclienthello(servername)  (server, with setPauseOnHello(true): the
 *                         handshake waits until c.resume())
 *     onnewsession(sessionDer)   onkeylog(lineBuffer)
 *   Settings: setServername(name) setALPNProtocols(wireBuf)
 *     setSession(der) -> bool  setVerifyMode(requestCert)
 *     setPauseOnHello(bool) setContext(secureContext) enableKeylog(bool)
 *     setMaxSendFragment(n) -> bool
 *   Queries: getProtocol() getCipher() getALPN() getServername()
 *     getPeerCertificate(detailed) getCertificate() getSession()
 *     isSessionReused() verifyError() -> Error with .code | null
 *     getFinished() getPeerFinished() getEphemeralKeyInfo()
 *     exportKeyingMaterial(len, label, context|undefined)
 *     getHelloServername()  isInitFinished()  destroy() */
#include <stdlib.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/tls1.h>
#include <openssl/x509v3.h>

#include "bindings.h"
#include "napi_util.h"
#include "tls_wrap.h"

#define READ_CHUNK 65536

typedef struct {
  napi_env env;
  SSL *ssl;
  BIO *network_in;    /* ciphertext from the peer, read by SSL */
  BIO *network_out;   /* ciphertext SSL wrote for the peer */
  napi_value self;    /* the JS object, during a driving call only */
  napi_value last_self; /* `this` of the latest call (same handle scope) */
  bool is_server;
  bool handshake_done;
  bool pause_on_hello;
  bool hello_seen;
  bool keylog;
  bool failed;
  char *hello_servername;
  unsigned char *alpn;  /* server: protocols in wire format */
  size_t alpn_len;
} tls_conn_t;

static int conn_index = -1;

static tls_conn_t *conn_of_ssl(const SSL *ssl) {
  return SSL_get_ex_data(ssl, conn_index);
}

/* Calls self[name](arg) (arg may be NULL for none). Returns false when it
 * threw (the exception stays pending) or the method is missing. */
static bool call_js(tls_conn_t *c, const char *name, napi_value arg) {
  napi_value fn, result;
  napi_valuetype t;
  if (c->self == NULL ||
      napi_get_named_property(c->env, c->self, name, &fn) != napi_ok)
    return false;
  napi_typeof(c->env, fn, &t);
  if (t != napi_function) return false;
  return napi_call_function(c->env, c->self, fn, arg ? 1 : 0,
                            arg ? &arg : NULL, &result) == napi_ok;
}

static bool exception_pending(napi_env env) {
  bool pending = false;
  napi_is_exception_pending(env, &pending);
  return pending;
}

/* ---- OpenSSL callbacks (they run inside SSL calls made from JS) ---- */

static int always_accept(int ok, X509_STORE_CTX *store) { return 1; }

static void on_keylog(const SSL *ssl, const char *line) {
  tls_conn_t *c = conn_of_ssl(ssl);
  if (c == NULL || !c->keylog || exception_pending(c->env)) return;
  size_t len = strlen(line);
  char *with_newline = malloc(len + 1);
  memcpy(with_newline, line, len);
  with_newline[len] = '\n';
  napi_value buf = nd_tls_buffer(c->env, with_newline, len + 1);
  free(with_newline);
  if (buf) call_js(c, "onkeylog", buf);
}

static int on_new_session(SSL *ssl, SSL_SESSION *sess) {
  tls_conn_t *c = conn_of_ssl(ssl);
  if (c == NULL || c->is_server || exception_pending(c->env)) return 0;
  int len = i2d_SSL_SESSION(sess, NULL);
  if (len <= 0) return 0;
  unsigned char *der = malloc((size_t)len), *p = der;
  i2d_SSL_SESSION(sess, &p);
  napi_value buf = nd_tls_buffer(c->env, der, (size_t)len);
  free(der);
  if (buf) call_js(c, "onnewsession", buf);
  return 0;
}

/* The server_name extension of the ClientHello being processed, or NULL. */
static char *hello_servername(SSL *ssl) {
  const unsigned char *ext;
  size_t len;
  if (!SSL_client_hello_get0_ext(ssl, TLSEXT_TYPE_server_name, &ext, &len) ||
      len < 5)
    return NULL;
  size_t list_len = ((size_t)ext[0] << 8) | ext[1];
  if (list_len + 2 != len || ext[2] != TLSEXT_NAMETYPE_host_name)
    return NULL;
  size_t name_len = ((size_t)ext[3] << 8) | ext[4];
  if (name_len + 5 > len) return NULL;
  char *name = malloc(name_len + 1);
  memcpy(name, ext + 5, name_len);
  name[name_len] = '\0';
  return name;
}

static int on_client_hello(SSL *ssl, int *alert, void *arg) {
  tls_conn_t *c = conn_of_ssl(ssl);
  if (c == NULL || c->hello_seen) return SSL_CLIENT_HELLO_SUCCESS;
  c->hello_seen = true;
  free(c->hello_servername);
  c->hello_servername = hello_servername(ssl);
  return c->pause_on_hello ? SSL_CLIENT_HELLO_RETRY : SSL_CLIENT_HELLO_SUCCESS;
}

static int on_alpn_select(SSL *ssl, const unsigned char **out,
                          unsigned char *outlen, const unsigned char *in,
                          unsigned int inlen, void *arg) {
  tls_conn_t *c = conn_of_ssl(ssl);
  if (c == NULL || c->alpn == NULL) return SSL_TLSEXT_ERR_NOACK;
  unsigned char *chosen;
  int r = SSL_select_next_proto(&chosen, outlen, c->alpn,
                                (unsigned int)c->alpn_len, in, inlen);
  if (r != OPENSSL_NPN_NEGOTIATED) return SSL_TLSEXT_ERR_ALERT_FATAL;
  *out = chosen;
  return SSL_TLSEXT_ERR_OK;
}

void nd_tls_conn_install_callbacks(SSL_CTX *ctx) {
  SSL_CTX_set_keylog_callback(ctx, on_keylog);
  SSL_CTX_sess_set_new_cb(ctx, on_new_session);
  SSL_CTX_set_client_hello_cb(ctx, on_client_hello, NULL);
  SSL_CTX_set_alpn_select_cb(ctx, on_alpn_select, NULL);
}

/* ---- the connection ---- */

static void conn_free_ssl(tls_conn_t *c) {
  if (c->ssl != NULL) {
    SSL_free(c->ssl); /* frees both BIOs */
    c->ssl = NULL;
  }
}

static void conn_finalize(napi_env env, void *data, void *hint) {
  tls_conn_t *c = data;
  conn_free_ssl(c);
  free(c->hello_servername);
  free(c->alpn);
  free(c);
}

static napi_value undefined_value(napi_env env) {
  napi_value u;
  napi_get_undefined(env, &u);
  return u;
}

/* The connection behind `this`, with `self` remembered for callbacks;
 * NULL after throwing when it is not one or was destroyed (unless
 * `allow_destroyed`). */
static tls_conn_t *unwrap_conn(napi_env env, napi_callback_info info,
                               size_t n, napi_value *argv,
                               bool allow_destroyed) {
  napi_value self;
  tls_conn_t *c =
      nd_this_native(env, info, n, argv, &self, NULL, "Illegal invocation");
  if (c == NULL) return NULL;
  if (c->ssl == NULL && !allow_destroyed) {
    napi_throw_error(env, NULL, "TLS connection was destroyed");
    return NULL;
  }
  c->last_self = self;
  return c;
}

/* Makes `this` of the current call the target of callbacks; returns the
 * previous target for end_drive() (driving calls nest through the JS
 * callbacks). */
static napi_value begin_drive(tls_conn_t *c) {
  napi_value saved = c->self;
  c->self = c->last_self;
  return saved;
}

static napi_value end_drive(tls_conn_t *c, napi_value saved,
                            napi_value result) {
  c->self = saved;
  return result;
}

static napi_value conn_new(napi_env env, napi_callback_info info) {
  napi_value argv[2], self;
  size_t argc = 2;
  napi_get_cb_info(env, info, &argc, argv, &self, NULL);
  SSL_CTX *ctx = nd_tls_context_of(env, argv[0]);
  if (ctx == NULL) return NULL;
  tls_conn_t *c = calloc(1, sizeof(*c));
  c->env = env;
  c->is_server = nd_to_bool(env, argv[1]);
  c->ssl = SSL_new(ctx);
  if (c->ssl == NULL) {
    free(c);
    return nd_tls_throw(env, "SSL_new failed");
  }
  c->network_in = BIO_new(BIO_s_mem());
  c->network_out = BIO_new(BIO_s_mem());
  BIO_set_mem_eof_return(c->network_in, -1);
  SSL_set_bio(c->ssl, c->network_in, c->network_out);
  SSL_set_ex_data(c->ssl, conn_index, c);
  SSL_set_verify(c->ssl, c->is_server ? SSL_VERIFY_NONE : SSL_VERIFY_PEER,
                 always_accept);
  if (c->is_server) {
    SSL_set_accept_state(c->ssl);
  } else {
    SSL_set_connect_state(c->ssl);
  }
  if (napi_wrap(env, self, c, conn_finalize, NULL, NULL) != napi_ok) {
    conn_finalize(env, c, NULL);
    return NULL;
  }
  return self;
}

/* The ciphertext waiting in network_out as a Buffer, or undefined. */
static napi_value take_output(tls_conn_t *c) {
  if (c->ssl == NULL) return undefined_value(c->env);
  char *data;
  long len = BIO_get_mem_data(c->network_out, &data);
  if (len <= 0) return undefined_value(c->env);
  napi_value buf = nd_tls_buffer(c->env, data, (size_t)len);
  (void)BIO_reset(c->network_out);
  return buf ? buf : undefined_value(c->env);
}

/* Reports the failure of an SSL call that returned `ret` through
 * onerror; returns false. */
static bool report_failure(tls_conn_t *c, int ret, const char *fallback) {
  c->failed = true;
  napi_value err = nd_tls_error(c->env, fallback);
  if (err) call_js(c, "onerror", err);
  return false;
}

/* Advances the handshake; true while the connection is healthy. */
static bool drive_handshake(tls_conn_t *c) {
  ERR_clear_error();
  int r = SSL_do_handshake(c->ssl);
  if (r == 1) {
    c->handshake_done = true;
    call_js(c, "onhandshakedone", NULL);
    return c->ssl != NULL && !exception_pending(c->env);
  }
  int e = SSL_get_error(c->ssl, r);
  switch (e) {
    case SSL_ERROR_WANT_READ:
    case SSL_ERROR_WANT_WRITE:
      return true;
    case SSL_ERROR_WANT_CLIENT_HELLO_CB: {
      napi_value name;
      if (c->hello_servername) {
        napi_create_string_utf8(c->env, c->hello_servername,
                                NAPI_AUTO_LENGTH, &name);
      } else {
        napi_get_undefined(c->env, &name);
      }
      call_js(c, "onclienthello", name);
      return false; /* wait for resume() */
    }
    default:
      return report_failure(c, r, "TLS handshake failed");
  }
}

/* Reads all the cleartext available and hands it to onread. */
static void read_cleartext(tls_conn_t *c) {
  char *buf = malloc(READ_CHUNK);
  while (c->ssl != NULL && !exception_pending(c->env)) {
    size_t used = 0;
    int r = 1, e = SSL_ERROR_NONE;
    ERR_clear_error();
    while (used < READ_CHUNK) {
      r = SSL_read(c->ssl, buf + used, (int)(READ_CHUNK - used));
      if (r <= 0) {
        e = SSL_get_error(c->ssl, r);
        break;
      }
      used += (size_t)r;
    }
    if (used > 0) {
      napi_value chunk = nd_tls_buffer(c->env, buf, used);
      if (chunk) call_js(c, "onread", chunk);
      if (c->ssl == NULL || exception_pending(c->env)) break;
    }
    if (r > 0) continue; /* the chunk filled up: read on */
    if (e == SSL_ERROR_ZERO_RETURN) {
      call_js(c, "onclosenotify", NULL);
    } else if (e != SSL_ERROR_WANT_READ && e != SSL_ERROR_WANT_WRITE) {
      report_failure(c, r, "TLS read failed");
    }
    break;
  }
  free(buf);
}

/* Runs the handshake or the read loop over what has arrived. */
static void cycle(tls_conn_t *c) {
  if (c->failed) return;
  if (!c->handshake_done && !drive_handshake(c)) return;
  if (c->ssl != NULL && c->handshake_done) read_cleartext(c);
}

static napi_value conn_start(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  tls_conn_t *c = unwrap_conn(env, info, 0, argv, false);
  if (c == NULL) return NULL;
  napi_value saved = begin_drive(c);
  cycle(c);
  return end_drive(c, saved, take_output(c));
}

static napi_value conn_receive(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  tls_conn_t *c = unwrap_conn(env, info, 1, argv, true);
  if (c == NULL) return NULL;
  if (c->ssl == NULL) return undefined_value(env);
  void *data;
  size_t len;
  if (napi_get_buffer_info(env, argv[0], &data, &len) != napi_ok) {
    napi_throw_type_error(env, NULL, "receive() expects a Buffer");
    return NULL;
  }
  BIO_write(c->network_in, data, (int)len);
  napi_value saved = begin_drive(c);
  cycle(c);
  return end_drive(c, saved, take_output(c));
}

static napi_value conn_resume(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  tls_conn_t *c = unwrap_conn(env, info, 0, argv, true);
  if (c == NULL) return NULL;
  if (c->ssl == NULL) return undefined_value(env);
  napi_value saved = begin_drive(c);
  cycle(c);
  return end_drive(c, saved, take_output(c));
}

/* SSL_write of one buffer; false after reporting a failure. */
static bool write_one(tls_conn_t *c, napi_value v) {
  void *data;
  size_t len;
  if (napi_get_buffer_info(c->env, v, &data, &len) != napi_ok) {
    napi_throw_type_error(c->env, NULL, "write() expects a Buffer");
    return false;
  }
  if (len == 0) return true;
  ERR_clear_error();
  int r = SSL_write(c->ssl, data, (int)len);
  if (r <= 0) return report_failure(c, r, "TLS write failed");
  return true;
}

static napi_value conn_write(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  tls_conn_t *c = unwrap_conn(env, info, 1, argv, true);
  if (c == NULL) return NULL;
  if (c->ssl == NULL) return undefined_value(env);
  napi_value saved = begin_drive(c);
  bool ok = write_one(c, argv[0]);
  end_drive(c, saved, NULL);
  if (!ok && exception_pending(env)) return NULL;
  return take_output(c);
}

static napi_value conn_writev(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  tls_conn_t *c = unwrap_conn(env, info, 1, argv, true);
  if (c == NULL) return NULL;
  if (c->ssl == NULL) return undefined_value(env);
  uint32_t n = 0;
  napi_get_array_length(env, argv[0], &n);
  napi_value saved = begin_drive(c);
  for (uint32_t i = 0; i < n && c->ssl != NULL; i++) {
    napi_value chunk;
    napi_get_element(env, argv[0], i, &chunk);
    if (!write_one(c, chunk)) break;
  }
  end_drive(c, saved, NULL);
  if (exception_pending(env)) return NULL;
  return take_output(c);
}

static napi_value conn_shutdown(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  tls_conn_t *c = unwrap_conn(env, info, 0, argv, true);
  if (c == NULL) return NULL;
  if (c->ssl == NULL || c->failed) return undefined_value(env);
  ERR_clear_error();
  if (SSL_is_init_finished(c->ssl)) SSL_shutdown(c->ssl);
  ERR_clear_error();
  return take_output(c);
}

static napi_value conn_destroy(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  tls_conn_t *c = unwrap_conn(env, info, 0, argv, true);
  if (c == NULL) return NULL;
  conn_free_ssl(c);
  return undefined_value(env);
}

/* ---- settings ---- */

static napi_value conn_set_servername(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  tls_conn_t *c = unwrap_conn(env, info, 1, argv, false);
  if (c == NULL) return NULL;
  char *name = nd_strdup_utf8(env, argv[0]);
  if (name == NULL) return NULL;
  SSL_set_tlsext_host_name(c->ssl, name);
  free(name);
  return undefined_value(env);
}

static napi_value conn_set_alpn_protocols(napi_env env,
                                          napi_callback_info info) {
  napi_value argv[1];
  tls_conn_t *c = unwrap_conn(env, info, 1, argv, false);
  if (c == NULL) return NULL;
  void *data;
  size_t len;
  if (napi_get_buffer_info(env, argv[0], &data, &len) != napi_ok) {
    napi_throw_type_error(env, NULL, "Expected a Buffer");
    return NULL;
  }
  if (c->is_server) {
    free(c->alpn);
    c->alpn = malloc(len ? len : 1);
    memcpy(c->alpn, data, len);
    c->alpn_len = len;
  } else {
    SSL_set_alpn_protos(c->ssl, data, (unsigned int)len);
  }
  return undefined_value(env);
}

static napi_value bool_value(napi_env env, bool v) {
  napi_value r;
  napi_get_boolean(env, v, &r);
  return r;
}

static napi_value conn_set_session(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  tls_conn_t *c = unwrap_conn(env, info, 1, argv, false);
  if (c == NULL) return NULL;
  void *data;
  size_t len;
  if (napi_get_buffer_info(env, argv[0], &data, &len) != napi_ok)
    return bool_value(env, false);
  const unsigned char *p = data;
  SSL_SESSION *sess = d2i_SSL_SESSION(NULL, &p, (long)len);
  if (sess == NULL) {
    ERR_clear_error();
    return bool_value(env, false);
  }
  int ok = SSL_set_session(c->ssl, sess);
  SSL_SESSION_free(sess);
  ERR_clear_error();
  return bool_value(env, ok == 1);
}

static napi_value conn_set_verify_mode(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  tls_conn_t *c = unwrap_conn(env, info, 1, argv, false);
  if (c == NULL) return NULL;
  bool request = nd_to_bool(env, argv[0]);
  SSL_set_verify(c->ssl, request || !c->is_server ? SSL_VERIFY_PEER
                                                  : SSL_VERIFY_NONE,
                 always_accept);
  return undefined_value(env);
}

static napi_value conn_set_pause_on_hello(napi_env env,
                                          napi_callback_info info) {
  napi_value argv[1];
  tls_conn_t *c = unwrap_conn(env, info, 1, argv, false);
  if (c == NULL) return NULL;
  c->pause_on_hello = nd_to_bool(env, argv[0]);
  return undefined_value(env);
}

static napi_value conn_set_context(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  tls_conn_t *c = unwrap_conn(env, info, 1, argv, false);
  if (c == NULL) return NULL;
  SSL_CTX *ctx = nd_tls_context_of(env, argv[0]);
  if (ctx == NULL) return NULL;
  int mode = SSL_get_verify_mode(c->ssl);
  SSL_set_SSL_CTX(c->ssl, ctx);
  SSL_set_verify(c->ssl, mode, always_accept);
  return undefined_value(env);
}

static napi_value conn_enable_keylog(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  tls_conn_t *c = unwrap_conn(env, info, 1, argv, false);
  if (c == NULL) return NULL;
  c->keylog = nd_to_bool(env, argv[0]);
  return undefined_value(env);
}

static napi_value conn_set_max_send_fragment(napi_env env,
                                             napi_callback_info info) {
  napi_value argv[1];
  tls_conn_t *c = unwrap_conn(env, info, 1, argv, false);
  if (c == NULL) return NULL;
  long n = (long)nd_to_int64(env, argv[0], 16384);
  return bool_value(env, SSL_set_max_send_fragment(c->ssl, n) == 1);
}

/* ---- queries ---- */

static napi_value string_or_undefined(napi_env env, const char *s) {
  napi_value v;
  if (s == NULL) return undefined_value(env);
  napi_create_string_utf8(env, s, NAPI_AUTO_LENGTH, &v);
  return v;
}

static napi_value conn_get_protocol(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  tls_conn_t *c = unwrap_conn(env, info, 0, argv, true);
  if (c == NULL) return NULL;
  if (c->ssl == NULL) return undefined_value(env);
  return string_or_undefined(env, SSL_get_version(c->ssl));
}

static napi_value conn_get_cipher(napi_env env, napi_callback_info info) {
  napi_value argv[1], obj;
  tls_conn_t *c = unwrap_conn(env, info, 0, argv, true);
  if (c == NULL) return NULL;
  const SSL_CIPHER *cipher = c->ssl ? SSL_get_current_cipher(c->ssl) : NULL;
  if (cipher == NULL) return undefined_value(env);
  napi_create_object(env, &obj);
  nd_set_string(env, obj, "name", SSL_CIPHER_get_name(cipher));
  nd_set_string(env, obj, "standardName", SSL_CIPHER_standard_name(cipher));
  nd_set_string(env, obj, "version", SSL_CIPHER_get_version(cipher));
  return obj;
}

static napi_value conn_get_alpn(napi_env env, napi_callback_info info) {
  napi_value argv[1], v;
  tls_conn_t *c = unwrap_conn(env, info, 0, argv, true);
  if (c == NULL) return NULL;
  if (c->ssl == NULL) return bool_value(env, false);
  const unsigned char *proto;
  unsigned int len = 0;
  SSL_get0_alpn_selected(c->ssl, &proto, &len);
  if (len == 0) return bool_value(env, false);
  napi_create_string_latin1(env, (const char *)proto, len, &v);
  return v;
}

static napi_value conn_get_servername(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  tls_conn_t *c = unwrap_conn(env, info, 0, argv, true);
  if (c == NULL) return NULL;
  if (c->ssl == NULL) return bool_value(env, false);
  const char *name = SSL_get_servername(c->ssl, TLSEXT_NAMETYPE_host_name);
  if (name == NULL) return bool_value(env, false);
  return string_or_undefined(env, name);
}

static napi_value conn_get_hello_servername(napi_env env,
                                            napi_callback_info info) {
  napi_value argv[1];
  tls_conn_t *c = unwrap_conn(env, info, 0, argv, true);
  if (c == NULL) return NULL;
  return string_or_undefined(env, c->hello_servername);
}

static napi_value conn_get_peer_certificate(napi_env env,
                                            napi_callback_info info) {
  napi_value argv[1];
  tls_conn_t *c = unwrap_conn(env, info, 1, argv, true);
  if (c == NULL) return NULL;
  if (c->ssl == NULL) return undefined_value(env);
  X509 *peer = SSL_get1_peer_certificate(c->ssl);
  if (peer == NULL) return undefined_value(env);
  napi_value obj;
  if (nd_to_bool(env, argv[0])) {
    STACK_OF(X509) *chain = SSL_get0_verified_chain(c->ssl);
    if (chain == NULL || sk_X509_num(chain) == 0)
      chain = SSL_get_peer_cert_chain(c->ssl);
    obj = nd_tls_cert_chain_object(env, peer, chain);
  } else {
    obj = nd_tls_cert_object(env, peer);
  }
  X509_free(peer);
  return obj ? obj : undefined_value(env);
}

static napi_value conn_get_certificate(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  tls_conn_t *c = unwrap_conn(env, info, 0, argv, true);
  if (c == NULL) return NULL;
  X509 *own = c->ssl ? SSL_get_certificate(c->ssl) : NULL;
  if (own == NULL) return undefined_value(env);
  napi_value obj = nd_tls_cert_object(env, own);
  return obj ? obj : undefined_value(env);
}

static napi_value conn_get_session(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  tls_conn_t *c = unwrap_conn(env, info, 0, argv, true);
  if (c == NULL) return NULL;
  SSL_SESSION *sess = c->ssl ? SSL_get_session(c->ssl) : NULL;
  if (sess == NULL) return undefined_value(env);
  int len = i2d_SSL_SESSION(sess, NULL);
  if (len <= 0) return undefined_value(env);
  unsigned char *der = malloc((size_t)len), *p = der;
  i2d_SSL_SESSION(sess, &p);
  napi_value buf = nd_tls_buffer(env, der, (size_t)len);
  free(der);
  return buf ? buf : undefined_value(env);
}

static napi_value conn_is_session_reused(napi_env env,
                                         napi_callback_info info) {
  napi_value argv[1];
  tls_conn_t *c = unwrap_conn(env, info, 0, argv, true);
  if (c == NULL) return NULL;
  return bool_value(env, c->ssl != NULL && SSL_session_reused(c->ssl));
}

static napi_value conn_is_init_finished(napi_env env,
                                        napi_callback_info info) {
  napi_value argv[1];
  tls_conn_t *c = unwrap_conn(env, info, 0, argv, true);
  if (c == NULL) return NULL;
  return bool_value(env, c->ssl != NULL && SSL_is_init_finished(c->ssl));
}

/* verifyError(): null when the peer's chain verified, else an Error with
 * OpenSSL's message and Node's code ('CERT_HAS_EXPIRED'); a peer without
 * a certificate counts as UNABLE_TO_GET_ISSUER_CERT as in Node. */
static napi_value conn_verify_error(napi_env env, napi_callback_info info) {
  napi_value argv[1], msg, err, v;
  tls_conn_t *c = unwrap_conn(env, info, 0, argv, true);
  if (c == NULL) return NULL;
  if (c->ssl == NULL) return undefined_value(env);
  X509 *peer = SSL_get0_peer_certificate(c->ssl);
  long code = peer == NULL ? X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT
                           : SSL_get_verify_result(c->ssl);
  if (code == X509_V_OK) {
    napi_get_null(env, &v);
    return v;
  }
  const char *name = nd_tls_verify_code(code);
  napi_create_string_utf8(env, X509_verify_cert_error_string(code),
                          NAPI_AUTO_LENGTH, &msg);
  if (napi_create_error(env, NULL, msg, &err) != napi_ok) return NULL;
  nd_set_string(env, err, "code", name ? name : "UNSPECIFIED");
  return err;
}

static napi_value finished_message(napi_env env, napi_callback_info info,
                                   bool peer) {
  napi_value argv[1];
  tls_conn_t *c = unwrap_conn(env, info, 0, argv, true);
  if (c == NULL) return NULL;
  if (c->ssl == NULL) return undefined_value(env);
  char buf[128];
  size_t len = peer ? SSL_get_peer_finished(c->ssl, buf, sizeof(buf))
                    : SSL_get_finished(c->ssl, buf, sizeof(buf));
  if (len == 0) return undefined_value(env);
  napi_value out = nd_tls_buffer(env, buf, len);
  return out ? out : undefined_value(env);
}

static napi_value conn_get_finished(napi_env env, napi_callback_info info) {
  return finished_message(env, info, false);
}

static napi_value conn_get_peer_finished(napi_env env,
                                         napi_callback_info info) {
  return finished_message(env, info, true);
}

static napi_value conn_get_ephemeral_key_info(napi_env env,
                                              napi_callback_info info) {
  napi_value argv[1], obj;
  tls_conn_t *c = unwrap_conn(env, info, 0, argv, true);
  if (c == NULL) return NULL;
  napi_create_object(env, &obj);
  EVP_PKEY *key = NULL;
  if (c->ssl == NULL || c->is_server ||
      !SSL_get_peer_tmp_key(c->ssl, &key))
    return obj;
  int id = EVP_PKEY_get_id(key);
  if (id == EVP_PKEY_DH) {
    nd_set_string(env, obj, "type", "DH");
  } else if (id == EVP_PKEY_EC || id == EVP_PKEY_X25519 ||
             id == EVP_PKEY_X448) {
    nd_set_string(env, obj, "type", "ECDH");
    const char *name = NULL;
    char group[80];
    size_t glen;
    if (id == EVP_PKEY_X25519) name = "X25519";
    else if (id == EVP_PKEY_X448) name = "X448";
    else if (EVP_PKEY_get_utf8_string_param(key, "group", group,
                                            sizeof(group), &glen) == 1) {
      int nid = OBJ_txt2nid(group);
      const char *nist = nid != NID_undef ? EC_curve_nid2nist(nid) : NULL;
      name = nist ? nist : group;
    }
    if (name) nd_set_string(env, obj, "name", name);
  }
  nd_set_number(env, obj, "size", EVP_PKEY_get_bits(key));
  EVP_PKEY_free(key);
  return obj;
}

static napi_value conn_export_keying_material(napi_env env,
                                              napi_callback_info info) {
  napi_value argv[3];
  tls_conn_t *c = unwrap_conn(env, info, 3, argv, false);
  if (c == NULL) return NULL;
  size_t len = (size_t)nd_to_int64(env, argv[0], 0);
  char *label = nd_strdup_utf8(env, argv[1]);
  if (label == NULL) return NULL;
  void *ctx = NULL;
  size_t ctx_len = 0;
  bool has_ctx = napi_get_buffer_info(env, argv[2], &ctx, &ctx_len) ==
                 napi_ok;
  unsigned char *out = malloc(len ? len : 1);
  int ok = SSL_export_keying_material(c->ssl, out, len, label, strlen(label),
                                      ctx, ctx_len, has_ctx);
  free(label);
  napi_value buf = ok == 1 ? nd_tls_buffer(env, out, len) : NULL;
  free(out);
  if (ok != 1) return nd_tls_throw(env, "Key export failed");
  return buf;
}

static const napi_property_descriptor conn_methods[] = {
  ND_METHOD("start", conn_start),
  ND_METHOD("receive", conn_receive),
  ND_METHOD("resume", conn_resume),
  ND_METHOD("write", conn_write),
  ND_METHOD("writev", conn_writev),
  ND_METHOD("shutdown", conn_shutdown),
  ND_METHOD("destroy", conn_destroy),
  ND_METHOD("setServername", conn_set_servername),
  ND_METHOD("setALPNProtocols", conn_set_alpn_protocols),
  ND_METHOD("setSession", conn_set_session),
  ND_METHOD("setVerifyMode", conn_set_verify_mode),
  ND_METHOD("setPauseOnHello", conn_set_pause_on_hello),
  ND_METHOD("setContext", conn_set_context),
  ND_METHOD("enableKeylog", conn_enable_keylog),
  ND_METHOD("setMaxSendFragment", conn_set_max_send_fragment),
  ND_METHOD("getProtocol", conn_get_protocol),
  ND_METHOD("getCipher", conn_get_cipher),
  ND_METHOD("getALPN", conn_get_alpn),
  ND_METHOD("getServername", conn_get_servername),
  ND_METHOD("getHelloServername", conn_get_hello_servername),
  ND_METHOD("getPeerCertificate", conn_get_peer_certificate),
  ND_METHOD("getCertificate", conn_get_certificate),
  ND_METHOD("getSession", conn_get_session),
  ND_METHOD("isSessionReused", conn_is_session_reused),
  ND_METHOD("isInitFinished", conn_is_init_finished),
  ND_METHOD("verifyError", conn_verify_error),
  ND_METHOD("getFinished", conn_get_finished),
  ND_METHOD("getPeerFinished", conn_get_peer_finished),
  ND_METHOD("getEphemeralKeyInfo", conn_get_ephemeral_key_info),
  ND_METHOD("exportKeyingMaterial", conn_export_keying_material),
};

/* getCiphers(): the names of the TLS ciphers OpenSSL offers by default. */
static napi_value tls_get_ciphers(napi_env env, napi_callback_info info) {
  napi_value list;
  napi_create_array(env, &list);
  SSL_CTX *ctx = SSL_CTX_new(TLS_method());
  if (ctx == NULL) return list;
  SSL *ssl = SSL_new(ctx);
  STACK_OF(SSL_CIPHER) *ciphers = ssl ? SSL_get_ciphers(ssl) : NULL;
  for (int i = 0; ciphers && i < sk_SSL_CIPHER_num(ciphers); i++) {
    const SSL_CIPHER *cipher = sk_SSL_CIPHER_value(ciphers, i);
    napi_set_element(env, list, (uint32_t)i,
                     string_or_undefined(env, SSL_CIPHER_get_name(cipher)));
  }
  SSL_free(ssl);
  SSL_CTX_free(ctx);
  return list;
}

static const napi_property_descriptor tls_functions[] = {
  ND_METHOD("getCiphers", tls_get_ciphers),
};

napi_value nd_binding_tls_wrap_init(napi_env env, napi_value exports) {
  napi_value cls, constants;
  if (conn_index < 0) {
    /* Process-wide and set once: an index, not per-isolate state. */
    conn_index = SSL_get_ex_new_index(0, NULL, NULL, NULL, NULL);
  }
  if (napi_define_class(env, "TLSConn", NAPI_AUTO_LENGTH, conn_new, NULL,
                        ND_COUNT(conn_methods), conn_methods, &cls) != napi_ok)
    return NULL;
  napi_set_named_property(env, exports, "TLSConn", cls);
  if (nd_tls_context_define(env, exports) != napi_ok) return NULL;
  if (napi_define_properties(env, exports, ND_COUNT(tls_functions),
                             tls_functions) != napi_ok)
    return NULL;
  napi_create_object(env, &constants);
  nd_set_number(env, constants, "TLS1_VERSION", TLS1_VERSION);
  nd_set_number(env, constants, "TLS1_1_VERSION", TLS1_1_VERSION);
  nd_set_number(env, constants, "TLS1_2_VERSION", TLS1_2_VERSION);
  nd_set_number(env, constants, "TLS1_3_VERSION", TLS1_3_VERSION);
  napi_set_named_property(env, exports, "constants", constants);
  nd_set_string(env, exports, "opensslVersion",
                OpenSSL_version(OPENSSL_VERSION_STRING));
  return exports;
}
