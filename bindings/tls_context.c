/* tls_context.c - class SecureContext of internalBinding('tls_wrap'): an
 * SSL_CTX with its protocol range, key, certificate chain, trusted CAs,
 * ciphers and session settings.
 *
 * JS contract (every setter throws an OpenSSL-shaped error on bad input):
 *   new SecureContext()
 *   init(minVersion, maxVersion)       TLS1_*_VERSION numbers (0: any)
 *   setKey(pem, passphrase|undefined)  setCert(pem: leaf then chain)
 *   addCACert(pem)  addCRL(pem)  addRootCerts()
 *   loadPKCS12(der, passphrase|undefined)
 *   setCiphers(list)  setCipherSuites(list)  setECDHCurve(name)
 *   setSigalgs(list)  setOptions(bits)  setSessionIdContext(str)
 *   setSessionTimeout(secs)  setTicketsEnabled(bool)
 *   setMinProto(v)  setMaxProto(v)  getMinProto()  getMaxProto() */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

#include "napi_util.h"
#include "tls_wrap.h"

#define SYSTEM_CA_FILE "/etc/ssl/certs/ca-certificates.crt"

static X509_STORE *root_store;
static pthread_once_t root_store_once = PTHREAD_ONCE_INIT;

/* The system's roots plus those of $NODE_EXTRA_CA_CERTS (a warning on
 * stderr, as Node prints, when that file cannot be loaded). */
static void load_root_store(void) {
  X509_STORE *store = X509_STORE_new();
  if (store == NULL) return;
  if (X509_STORE_load_file(store, SYSTEM_CA_FILE) != 1) {
    ERR_clear_error();
  }
  const char *extra = getenv("NODE_EXTRA_CA_CERTS");
  if (extra != NULL && extra[0] != '\0' &&
      X509_STORE_load_file(store, extra) != 1) {
    unsigned long e = ERR_peek_last_error();
    const char *reason = ERR_reason_error_string(e);
    fprintf(stderr, "Warning: Ignoring extra certs from `%s`, load failed: "
            "%s\n", extra, reason ? reason : "unknown error");
    ERR_clear_error();
  }
  root_store = store;
}

X509_STORE *nd_tls_root_store(void) {
  pthread_once(&root_store_once, load_root_store);
  return root_store;
}

static void context_finalize(napi_env env, void *data, void *hint) {
  nd_tls_context_t *c = data;
  SSL_CTX_free(c->ctx);
  free(c);
}

static nd_tls_context_t *unwrap_context(napi_env env, napi_callback_info info,
                                        size_t n, napi_value *argv) {
  nd_tls_context_t *c =
      nd_this_native(env, info, n, argv, NULL, NULL, "Illegal invocation");
  if (c == NULL) return NULL;
  if (c->ctx == NULL) {
    napi_throw_error(env, NULL, "SecureContext not initialized");
    return NULL;
  }
  return c;
}

SSL_CTX *nd_tls_context_of(napi_env env, napi_value v) {
  void *data = NULL;
  if (napi_unwrap(env, v, &data) != napi_ok || data == NULL ||
      ((nd_tls_context_t *)data)->ctx == NULL) {
    napi_throw_type_error(env, NULL, "Not a SecureContext");
    return NULL;
  }
  return ((nd_tls_context_t *)data)->ctx;
}

/* A read-only memory BIO over a Buffer/Uint8Array or a string argument;
 * NULL (with an error thrown) for anything else. */
static BIO *arg_bio(napi_env env, napi_value v) {
  napi_valuetype t;
  napi_typeof(env, v, &t);
  if (t == napi_string) {
    char *s = nd_strdup_utf8(env, v);
    if (s == NULL) return NULL;
    BIO *b = BIO_new(BIO_s_mem());
    BIO_write(b, s, (int)strlen(s));
    free(s);
    return b;
  }
  bool is_typed = false;
  napi_is_typedarray(env, v, &is_typed);
  if (is_typed) {
    napi_typedarray_type type;
    size_t len;
    void *data;
    napi_get_typedarray_info(env, v, &type, &len, &data, NULL, NULL);
    return BIO_new_mem_buf(data, (int)len);
  }
  napi_throw_type_error(env, NULL, "Expected a string or Buffer");
  return NULL;
}

/* The passphrase argument as a malloc'd string, or NULL when absent. */
static char *arg_passphrase(napi_env env, napi_value v) {
  napi_valuetype t;
  napi_typeof(env, v, &t);
  if (t == napi_string) return nd_strdup_utf8(env, v);
  bool is_typed = false;
  napi_is_typedarray(env, v, &is_typed);
  if (!is_typed) return NULL;
  napi_typedarray_type type;
  size_t len;
  void *data;
  napi_get_typedarray_info(env, v, &type, &len, &data, NULL, NULL);
  char *s = malloc(len + 1);
  memcpy(s, data, len);
  s[len] = '\0';
  return s;
}

static int passphrase_cb(char *buf, int size, int rwflag, void *u) {
  const char *pass = u;
  if (pass == NULL) return -1;
  int len = (int)strlen(pass);
  if (len > size) len = size;
  memcpy(buf, pass, len);
  return len;
}

static napi_value undefined_value(napi_env env) {
  napi_value u;
  napi_get_undefined(env, &u);
  return u;
}

static napi_value context_new(napi_env env, napi_callback_info info) {
  napi_value self;
  napi_get_cb_info(env, info, NULL, NULL, &self, NULL);
  nd_tls_context_t *c = calloc(1, sizeof(*c));
  if (napi_wrap(env, self, c, context_finalize, NULL, NULL) != napi_ok) {
    free(c);
    return NULL;
  }
  return self;
}

/* The fixed-version method OpenSSL has for a secureProtocol name (they
 * answer other versions with "wrong version number"), else TLS_method. */
static const SSL_METHOD *method_named(const char *name) {
#define FIXED(prefix, fn)                                                      \
  if (strncmp(name, prefix, sizeof(prefix) - 1) == 0) {                        \
    const char *rest = name + sizeof(prefix) - 1;                              \
    if (strcmp(rest, "method") == 0) return fn##_method();                     \
    if (strcmp(rest, "client_method") == 0) return fn##_client_method();       \
    if (strcmp(rest, "server_method") == 0) return fn##_server_method();       \
  }
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
  FIXED("TLSv1_2_", TLSv1_2)
  FIXED("TLSv1_1_", TLSv1_1)
  FIXED("TLSv1_", TLSv1)
#pragma GCC diagnostic pop
#undef FIXED
  return TLS_method();
}

/* init(minVersion, maxVersion[, secureProtocol]): a fresh SSL_CTX for TLS
 * over memory BIOs; compression off, session cache on both sides, tickets
 * on. */
static napi_value context_init(napi_env env, napi_callback_info info) {
  napi_value argv[3], self;
  size_t argc = 3;
  void *data = NULL;
  napi_get_cb_info(env, info, &argc, argv, &self, NULL);
  napi_unwrap(env, self, &data);
  nd_tls_context_t *c = data;
  if (c == NULL) return NULL;
  if (c->ctx != NULL) SSL_CTX_free(c->ctx);
  const SSL_METHOD *method = TLS_method();
  napi_valuetype t = napi_undefined;
  if (argc > 2) napi_typeof(env, argv[2], &t);
  if (t == napi_string) {
    char *name = nd_strdup_utf8(env, argv[2]);
    if (name == NULL) return NULL;
    method = method_named(name);
    free(name);
  }
  c->ctx = SSL_CTX_new(method);
  if (c->ctx == NULL) return nd_tls_throw(env, "SSL_CTX_new failed");
  SSL_CTX_set_options(c->ctx, SSL_OP_NO_COMPRESSION |
                                  SSL_OP_CIPHER_SERVER_PREFERENCE);
  SSL_CTX_set_mode(c->ctx, SSL_MODE_RELEASE_BUFFERS);
  SSL_CTX_set_session_cache_mode(c->ctx, SSL_SESS_CACHE_BOTH);
  SSL_CTX_set_min_proto_version(c->ctx,
                                (int)nd_to_int64(env, argv[0], 0));
  SSL_CTX_set_max_proto_version(c->ctx,
                                (int)nd_to_int64(env, argv[1], 0));
  SSL_CTX_set_dh_auto(c->ctx, 1);
  nd_tls_conn_install_callbacks(c->ctx);
  return undefined_value(env);
}

static napi_value context_set_key(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  nd_tls_context_t *c = unwrap_context(env, info, 2, argv);
  if (c == NULL) return NULL;
  BIO *b = arg_bio(env, argv[0]);
  if (b == NULL) return NULL;
  char *pass = arg_passphrase(env, argv[1]);
  ERR_clear_error();
  EVP_PKEY *key = PEM_read_bio_PrivateKey(b, NULL, passphrase_cb,
                                          pass ? pass : "");
  BIO_free(b);
  free(pass);
  if (key == NULL) return nd_tls_throw(env, "error reading private key");
  int ok = SSL_CTX_use_PrivateKey(c->ctx, key);
  EVP_PKEY_free(key);
  if (ok != 1) return nd_tls_throw(env, "error setting private key");
  return undefined_value(env);
}

static napi_value context_set_cert(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_tls_context_t *c = unwrap_context(env, info, 1, argv);
  if (c == NULL) return NULL;
  BIO *b = arg_bio(env, argv[0]);
  if (b == NULL) return NULL;
  ERR_clear_error();
  X509 *leaf = PEM_read_bio_X509_AUX(b, NULL, NULL, NULL);
  if (leaf == NULL) {
    BIO_free(b);
    return nd_tls_throw(env, "error reading certificate");
  }
  int ok = SSL_CTX_use_certificate(c->ctx, leaf);
  X509_free(leaf);
  SSL_CTX_clear_chain_certs(c->ctx);
  X509 *extra;
  while (ok == 1 && (extra = PEM_read_bio_X509(b, NULL, NULL, NULL))) {
    ok = SSL_CTX_add0_chain_cert(c->ctx, extra);
    if (ok != 1) X509_free(extra);
  }
  BIO_free(b);
  ERR_clear_error(); /* the end of the PEM data */
  if (ok != 1) return nd_tls_throw(env, "error setting certificate");
  return undefined_value(env);
}

/* The context's own trust store, made on first use. */
static X509_STORE *own_store(nd_tls_context_t *c) {
  if (!c->has_own_ca) {
    SSL_CTX_set_cert_store(c->ctx, X509_STORE_new());
    c->has_own_ca = 1;
  }
  return SSL_CTX_get_cert_store(c->ctx);
}

static napi_value context_add_ca_cert(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_tls_context_t *c = unwrap_context(env, info, 1, argv);
  if (c == NULL) return NULL;
  BIO *b = arg_bio(env, argv[0]);
  if (b == NULL) return NULL;
  X509_STORE *store = own_store(c);
  X509 *cert;
  while ((cert = PEM_read_bio_X509_AUX(b, NULL, NULL, NULL))) {
    X509_STORE_add_cert(store, cert);
    SSL_CTX_add_client_CA(c->ctx, cert);
    X509_free(cert);
  }
  BIO_free(b);
  ERR_clear_error();
  return undefined_value(env);
}

static napi_value context_add_crl(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_tls_context_t *c = unwrap_context(env, info, 1, argv);
  if (c == NULL) return NULL;
  BIO *b = arg_bio(env, argv[0]);
  if (b == NULL) return NULL;
  X509_CRL *crl = PEM_read_bio_X509_CRL(b, NULL, NULL, NULL);
  BIO_free(b);
  if (crl == NULL) return nd_tls_throw(env, "Failed to parse CRL");
  X509_STORE *store = SSL_CTX_get_cert_store(c->ctx);
  if (!c->has_own_ca) {
    /* Never modify the shared root store: copy what it trusts. */
    X509_STORE *mine = X509_STORE_new();
    X509_STORE *roots = nd_tls_root_store();
    STACK_OF(X509_OBJECT) *objs = roots ? X509_STORE_get0_objects(roots)
                                        : NULL;
    for (int i = 0; objs && i < sk_X509_OBJECT_num(objs); i++) {
      X509 *x = X509_OBJECT_get0_X509(sk_X509_OBJECT_value(objs, i));
      if (x != NULL) X509_STORE_add_cert(mine, x);
    }
    SSL_CTX_set_cert_store(c->ctx, mine);
    c->has_own_ca = 1;
    store = mine;
  }
  X509_STORE_add_crl(store, crl);
  X509_STORE_set_flags(store, X509_V_FLAG_CRL_CHECK |
                                  X509_V_FLAG_CRL_CHECK_ALL);
  X509_CRL_free(crl);
  return undefined_value(env);
}

/* addRootCerts(): trust the system store (shared, never copied) unless
 * the context already has CAs of its own. */
static napi_value context_add_root_certs(napi_env env,
                                         napi_callback_info info) {
  napi_value argv[1];
  nd_tls_context_t *c = unwrap_context(env, info, 0, argv);
  if (c == NULL) return NULL;
  X509_STORE *roots = nd_tls_root_store();
  if (!c->has_own_ca && roots != NULL) {
    SSL_CTX_set1_cert_store(c->ctx, roots);
  }
  return undefined_value(env);
}

static napi_value context_load_pkcs12(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  nd_tls_context_t *c = unwrap_context(env, info, 2, argv);
  if (c == NULL) return NULL;
  BIO *b = arg_bio(env, argv[0]);
  if (b == NULL) return NULL;
  char *pass = arg_passphrase(env, argv[1]);
  ERR_clear_error();
  PKCS12 *p12 = d2i_PKCS12_bio(b, NULL);
  BIO_free(b);
  EVP_PKEY *key = NULL;
  X509 *cert = NULL;
  STACK_OF(X509) *extra = NULL;
  int ok = p12 != NULL && PKCS12_parse(p12, pass ? pass : "", &key, &cert,
                                       &extra) == 1;
  free(pass);
  PKCS12_free(p12);
  if (ok) ok = SSL_CTX_use_certificate(c->ctx, cert) == 1 &&
               SSL_CTX_use_PrivateKey(c->ctx, key) == 1;
  for (int i = 0; ok && extra && i < sk_X509_num(extra); i++) {
    X509 *x = sk_X509_value(extra, i);
    X509_STORE_add_cert(own_store(c), x);
    SSL_CTX_add_client_CA(c->ctx, x);
    X509_up_ref(x);
    SSL_CTX_add0_chain_cert(c->ctx, x);
  }
  EVP_PKEY_free(key);
  X509_free(cert);
  sk_X509_pop_free(extra, X509_free);
  if (!ok) return nd_tls_throw(env, "Unable to load PFX certificate");
  return undefined_value(env);
}

/* Calls `set(ctx, string)` with the string argument; throws when it
 * returns anything but 1. */
static napi_value set_string_option(napi_env env, napi_callback_info info,
                                    int (*set)(SSL_CTX *, const char *),
                                    const char *what) {
  napi_value argv[1];
  nd_tls_context_t *c = unwrap_context(env, info, 1, argv);
  if (c == NULL) return NULL;
  char *s = nd_strdup_utf8(env, argv[0]);
  if (s == NULL) return NULL;
  ERR_clear_error();
  int ok = set(c->ctx, s);
  free(s);
  if (ok != 1) return nd_tls_throw(env, what);
  return undefined_value(env);
}

/* An empty list clears the TLSv1.2 ciphers on purpose (TLSv1.3 suites
 * only): OpenSSL's "no cipher match" is not an error then. */
static int set_cipher_list(SSL_CTX *ctx, const char *list) {
  if (SSL_CTX_set_cipher_list(ctx, list) == 1) return 1;
  if (list[0] == '\0' &&
      ERR_GET_REASON(ERR_peek_last_error()) == SSL_R_NO_CIPHER_MATCH) {
    ERR_clear_error();
    return 1;
  }
  return 0;
}

static napi_value context_set_ciphers(napi_env env, napi_callback_info info) {
  return set_string_option(env, info, set_cipher_list,
                           "Failed to set ciphers");
}

static napi_value context_set_cipher_suites(napi_env env,
                                            napi_callback_info info) {
  return set_string_option(env, info, SSL_CTX_set_ciphersuites,
                           "Failed to set ciphersuites");
}

static int set_groups(SSL_CTX *ctx, const char *list) {
  if (strcmp(list, "auto") == 0) return 1;
  return (int)SSL_CTX_set1_groups_list(ctx, list);
}

static napi_value context_set_ecdh_curve(napi_env env,
                                         napi_callback_info info) {
  return set_string_option(env, info, set_groups, "Failed to set ECDH curve");
}

static int set_sigalgs(SSL_CTX *ctx, const char *list) {
  return (int)SSL_CTX_set1_sigalgs_list(ctx, list);
}

static napi_value context_set_sigalgs(napi_env env, napi_callback_info info) {
  return set_string_option(env, info, set_sigalgs, "Failed to set sigalgs");
}

static napi_value context_set_options(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_tls_context_t *c = unwrap_context(env, info, 1, argv);
  if (c == NULL) return NULL;
  SSL_CTX_set_options(c->ctx, (uint64_t)nd_to_int64(env, argv[0], 0));
  return undefined_value(env);
}

static napi_value context_set_session_id_context(napi_env env,
                                                 napi_callback_info info) {
  napi_value argv[1];
  nd_tls_context_t *c = unwrap_context(env, info, 1, argv);
  if (c == NULL) return NULL;
  char *s = nd_strdup_utf8(env, argv[0]);
  if (s == NULL) return NULL;
  size_t len = strlen(s);
  if (len > SSL_MAX_SID_CTX_LENGTH) len = SSL_MAX_SID_CTX_LENGTH;
  SSL_CTX_set_session_id_context(c->ctx, (unsigned char *)s,
                                 (unsigned int)len);
  free(s);
  return undefined_value(env);
}

static napi_value context_set_session_timeout(napi_env env,
                                              napi_callback_info info) {
  napi_value argv[1];
  nd_tls_context_t *c = unwrap_context(env, info, 1, argv);
  if (c == NULL) return NULL;
  SSL_CTX_set_timeout(c->ctx, (long)nd_to_int64(env, argv[0], 300));
  return undefined_value(env);
}

static napi_value context_set_tickets_enabled(napi_env env,
                                              napi_callback_info info) {
  napi_value argv[1];
  nd_tls_context_t *c = unwrap_context(env, info, 1, argv);
  if (c == NULL) return NULL;
  if (nd_to_bool(env, argv[0])) {
    SSL_CTX_clear_options(c->ctx, SSL_OP_NO_TICKET);
  } else {
    SSL_CTX_set_options(c->ctx, SSL_OP_NO_TICKET);
  }
  return undefined_value(env);
}

static napi_value int_value(napi_env env, int v) {
  napi_value r;
  napi_create_int32(env, v, &r);
  return r;
}

static napi_value context_set_min_proto(napi_env env,
                                        napi_callback_info info) {
  napi_value argv[1];
  nd_tls_context_t *c = unwrap_context(env, info, 1, argv);
  if (c == NULL) return NULL;
  SSL_CTX_set_min_proto_version(c->ctx, (int)nd_to_int64(env, argv[0], 0));
  return undefined_value(env);
}

static napi_value context_set_max_proto(napi_env env,
                                        napi_callback_info info) {
  napi_value argv[1];
  nd_tls_context_t *c = unwrap_context(env, info, 1, argv);
  if (c == NULL) return NULL;
  SSL_CTX_set_max_proto_version(c->ctx, (int)nd_to_int64(env, argv[0], 0));
  return undefined_value(env);
}

static napi_value context_get_min_proto(napi_env env,
                                        napi_callback_info info) {
  napi_value argv[1];
  nd_tls_context_t *c = unwrap_context(env, info, 0, argv);
  if (c == NULL) return NULL;
  return int_value(env, (int)SSL_CTX_get_min_proto_version(c->ctx));
}

static napi_value context_get_max_proto(napi_env env,
                                        napi_callback_info info) {
  napi_value argv[1];
  nd_tls_context_t *c = unwrap_context(env, info, 0, argv);
  if (c == NULL) return NULL;
  return int_value(env, (int)SSL_CTX_get_max_proto_version(c->ctx));
}

static const napi_property_descriptor context_methods[] = {
  ND_METHOD("init", context_init),
  ND_METHOD("setKey", context_set_key),
  ND_METHOD("setCert", context_set_cert),
  ND_METHOD("addCACert", context_add_ca_cert),
  ND_METHOD("addCRL", context_add_crl),
  ND_METHOD("addRootCerts", context_add_root_certs),
  ND_METHOD("loadPKCS12", context_load_pkcs12),
  ND_METHOD("setCiphers", context_set_ciphers),
  ND_METHOD("setCipherSuites", context_set_cipher_suites),
  ND_METHOD("setECDHCurve", context_set_ecdh_curve),
  ND_METHOD("setSigalgs", context_set_sigalgs),
  ND_METHOD("setOptions", context_set_options),
  ND_METHOD("setSessionIdContext", context_set_session_id_context),
  ND_METHOD("setSessionTimeout", context_set_session_timeout),
  ND_METHOD("setTicketsEnabled", context_set_tickets_enabled),
  ND_METHOD("setMinProto", context_set_min_proto),
  ND_METHOD("setMaxProto", context_set_max_proto),
  ND_METHOD("getMinProto", context_get_min_proto),
  ND_METHOD("getMaxProto", context_get_max_proto),
};

napi_status nd_tls_context_define(napi_env env, napi_value exports) {
  napi_value cls;
  napi_status s = napi_define_class(env, "SecureContext", NAPI_AUTO_LENGTH,
                                    context_new, NULL,
                                    ND_COUNT(context_methods),
                                    context_methods, &cls);
  if (s != napi_ok) return s;
  return napi_set_named_property(env, exports, "SecureContext", cls);
}
