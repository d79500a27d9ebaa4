/* tls_wrap.h - what the tls_*.c files of internalBinding('tls_wrap') share:
 * the SecureContext record, OpenSSL errors as JS errors, certificates as JS
 * objects. */
#ifndef NODUS_TLS_WRAP_H
#define NODUS_TLS_WRAP_H

#include <node_api.h>
#include <openssl/ssl.h>

/* The native side of a JS SecureContext object. */
typedef struct {
  SSL_CTX *ctx;
  int has_own_ca; /* addCACert was called: the root store is not used */
} nd_tls_context_t;

/* Defines class SecureContext on `exports`; returns napi_ok or the
 * failing status. */
napi_status nd_tls_context_define(napi_env env, napi_value exports);

/* The SSL_CTX behind a JS SecureContext object, or NULL (with a TypeError
 * pending) when `v` is not one. */
SSL_CTX *nd_tls_context_of(napi_env env, napi_value v);

/* Installs on a new SSL_CTX the callbacks every connection relies on
 * (session, keylog, ClientHello, ALPN selection); tls_wrap.c owns them. */
void nd_tls_conn_install_callbacks(SSL_CTX *ctx);

/* Makes a JS Error from the oldest error on OpenSSL's queue (clearing the
 * queue): message as OpenSSL prints it, plus library, reason and Node's
 * code ('ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_OSSL_PEM_NO_START_LINE'...).
 * `fallback` is the message when the queue is empty. Never NULL unless
 * Node-API itself fails. */
napi_value nd_tls_error(napi_env env, const char *fallback);

/* Throws nd_tls_error(env, fallback); returns NULL. */
napi_value nd_tls_throw(napi_env env, const char *fallback);

/* A certificate as getPeerCertificate() shows it: subject, issuer,
 * subjectaltname, infoAccess, key details, valid_from/valid_to,
 * fingerprints, ext_key_usage, serialNumber, raw. NULL on failure. */
napi_value nd_tls_cert_object(napi_env env, X509 *cert);

/* The same for `leaf` with issuerCertificate links through `chain` (a
 * self-signed root links to itself). NULL on failure. */
napi_value nd_tls_cert_chain_object(napi_env env, X509 *leaf,
                                    STACK_OF(X509) *chain);

/* Node's name of an X509_V_ERR_* code ('CERT_HAS_EXPIRED'), or NULL. */
const char *nd_tls_verify_code(long err);

/* The process-wide store of the system's root certificates (loaded once;
 * never modified afterwards, so safe to share between threads). NULL when
 * it cannot be loaded. */
X509_STORE *nd_tls_root_store(void);

/* A Buffer holding a copy of `len` bytes; NULL on failure. */
napi_value nd_tls_buffer(napi_env env, const void *data, size_t len);

#endif /* NODUS_TLS_WRAP_H */
