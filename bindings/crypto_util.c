/* crypto_util.c - shared pieces of internalBinding('crypto'): OpenSSL
 * errors in Node's shape, byte arguments and the per-process digest
 * cache. */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/err.h>

#include "buffer_codec.h"
#include "crypto_internal.h"
#include "napi_util.h"

/* Digests looked up by the names callers used, at most this many. */
#define DIGEST_CACHE_MAX 128

typedef struct {
  char *name;
  const EVP_MD *md;
} digest_entry_t;

static digest_entry_t digest_cache[DIGEST_CACHE_MAX];
static int digest_count;
static uv_mutex_t digest_lock;
static uv_once_t digest_once = UV_ONCE_INIT;

/* OpenSSL libraries that get a short name in error codes, as Node names
 * them (ERR_OSSL_EVP_..., ERR_OSSL_DH_...). */
static const struct {
  int lib;
  const char *name;
} error_libs[] = {
  { ERR_LIB_SYS, "SYS" },       { ERR_LIB_BN, "BN" },
  { ERR_LIB_RSA, "RSA" },       { ERR_LIB_DH, "DH" },
  { ERR_LIB_EVP, "EVP" },       { ERR_LIB_BUF, "BUF" },
  { ERR_LIB_OBJ, "OBJ" },       { ERR_LIB_PEM, "PEM" },
  { ERR_LIB_DSA, "DSA" },       { ERR_LIB_X509, "X509" },
  { ERR_LIB_ASN1, "ASN1" },     { ERR_LIB_CONF, "CONF" },
  { ERR_LIB_CRYPTO, "CRYPTO" }, { ERR_LIB_EC, "EC" },
  { ERR_LIB_SSL, "SSL" },       { ERR_LIB_BIO, "BIO" },
  { ERR_LIB_PKCS7, "PKCS7" },   { ERR_LIB_X509V3, "X509V3" },
  { ERR_LIB_PKCS12, "PKCS12" }, { ERR_LIB_RAND, "RAND" },
  { ERR_LIB_DSO, "DSO" },       { ERR_LIB_ENGINE, "ENGINE" },
  { ERR_LIB_OCSP, "OCSP" },     { ERR_LIB_UI, "UI" },
  { ERR_LIB_COMP, "COMP" },     { ERR_LIB_ECDSA, "ECDSA" },
  { ERR_LIB_ECDH, "ECDH" },     { ERR_LIB_OSSL_STORE, "OSSL_STORE" },
  { ERR_LIB_FIPS, "FIPS" },     { ERR_LIB_CMS, "CMS" },
  { ERR_LIB_TS, "TS" },         { ERR_LIB_HMAC, "HMAC" },
  { ERR_LIB_CT, "CT" },         { ERR_LIB_ASYNC, "ASYNC" },
  { ERR_LIB_KDF, "KDF" },       { ERR_LIB_SM2, "SM2" },
  { ERR_LIB_USER, "USER" },
};

/* The code Node derives from an OpenSSL error: "ERR_OSSL_EVP_UNSUPPORTED"
 * from library EVP and reason "unsupported" (SSL errors: "ERR_SSL_..."). */
static void error_code(unsigned long err, const char *reason, char *out,
                       size_t cap) {
  const char *lib = NULL;
  for (size_t i = 0; i < ND_COUNT(error_libs); i++) {
    if (error_libs[i].lib == ERR_GET_LIB(err)) lib = error_libs[i].name;
  }
  const char *prefix = lib != NULL && strcmp(lib, "SSL") == 0 ? "" : "OSSL_";
  int n = snprintf(out, cap, "ERR_%s%s%s", prefix, lib ? lib : "",
                   lib ? "_" : "");
  for (const char *p = reason; *p != '\0' && (size_t)n + 1 < cap; p++)
    out[n++] = *p == ' ' ? '_' : (char)toupper((unsigned char)*p);
  out[n] = '\0';
}

/* Moves what is left in the OpenSSL queue, newest first, into an
 * opensslErrorStack array on `e` (nothing when the queue is empty). */
static void attach_error_stack(napi_env env, napi_value e) {
  char lines[ND_CRYPTO_JOB_ERRORS][256];
  int n = 0;
  unsigned long code;
  while ((code = ERR_get_error()) != 0) {
    if (n == ND_CRYPTO_JOB_ERRORS) continue;
    ERR_error_string_n(code, lines[n++], sizeof(lines[0]));
  }
  if (n == 0) return;
  napi_value arr, s;
  napi_create_array_with_length(env, (size_t)n, &arr);
  for (int i = 0; i < n; i++) {
    napi_create_string_utf8(env, lines[n - 1 - i], NAPI_AUTO_LENGTH, &s);
    napi_set_element(env, arr, (uint32_t)i, s);
  }
  napi_set_named_property(env, e, "opensslErrorStack", arr);
}

napi_value nd_crypto_error(napi_env env, unsigned long err,
                           const char *message) {
  char text[256];
  if (err != 0 || message == NULL) {
    ERR_error_string_n(err, text, sizeof(text));
    message = text;
  }
  napi_value msg, e;
  napi_create_string_utf8(env, message, NAPI_AUTO_LENGTH, &msg);
  napi_create_error(env, NULL, msg, &e);
  attach_error_stack(env, e);
  if (err == 0) return e;
  const char *lib = ERR_lib_error_string(err);
  const char *reason = ERR_reason_error_string(err);
  if (lib != NULL) nd_set_string(env, e, "library", lib);
  if (reason != NULL) {
    char code[128];
    nd_set_string(env, e, "reason", reason);
    error_code(err, reason, code, sizeof(code));
    nd_set_string(env, e, "code", code);
  }
  return e;
}

napi_value nd_crypto_throw(napi_env env, const char *message) {
  napi_throw(env, nd_crypto_error(env, ERR_get_error(), message));
  return NULL;
}

napi_value nd_crypto_throw_code(napi_env env, char kind, const char *code,
                                const char *fmt, ...) {
  char msg[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof(msg), fmt, ap);
  va_end(ap);
  if (kind == 'T')
    napi_throw_type_error(env, code, msg);
  else if (kind == 'R')
    napi_throw_range_error(env, code, msg);
  else
    napi_throw_error(env, code, msg);
  return NULL;
}

bool nd_crypto_view(napi_env env, napi_value v, uint8_t **data, size_t *len) {
  void *p = NULL;
  if (v == NULL || napi_get_buffer_info(env, v, &p, len) != napi_ok) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE",
                          "The argument must be an ArrayBufferView");
    return false;
  }
  static uint8_t empty[1];
  *data = p != NULL ? p : empty;
  return true;
}

uint8_t *nd_crypto_copy_bytes(napi_env env, napi_value v, bool latin1,
                              size_t *len) {
  napi_valuetype t;
  napi_typeof(env, v, &t);
  if (t == napi_string) {
    napi_status s = latin1
                        ? napi_get_value_string_latin1(env, v, NULL, 0, len)
                        : napi_get_value_string_utf8(env, v, NULL, 0, len);
    if (s != napi_ok) return NULL;
    char *buf = malloc(*len + 1);
    if (latin1)
      napi_get_value_string_latin1(env, v, buf, *len + 1, len);
    else
      napi_get_value_string_utf8(env, v, buf, *len + 1, len);
    return (uint8_t *)buf;
  }
  uint8_t *data;
  if (!nd_crypto_view(env, v, &data, len)) return NULL;
  uint8_t *copy = malloc(*len > 0 ? *len : 1);
  if (*len > 0) memcpy(copy, data, *len);
  return copy;
}

bool nd_crypto_name(napi_env env, napi_value v, char *buf, size_t cap) {
  size_t n;
  return v != NULL &&
         napi_get_value_string_utf8(env, v, buf, cap, &n) == napi_ok;
}

static void digest_cache_init(void) { uv_mutex_init(&digest_lock); }

/* Finds the digest without the cache: OpenSSL's name table gives the
 * algorithm, which is then fetched from the providers once (an explicit
 * fetch spares every EVP_DigestInit_ex() an implicit one). A digest no
 * provider offers (md4 without the legacy provider) stays the legacy
 * object, so that using it fails the way OpenSSL reports it. */
static const EVP_MD *digest_lookup(const char *name) {
  const EVP_MD *legacy = EVP_get_digestbyname(name);
  if (legacy == NULL) return NULL;
  ERR_set_mark();
  EVP_MD *fetched = EVP_MD_fetch(NULL, EVP_MD_get0_name(legacy), NULL);
  ERR_pop_to_mark();
  return fetched != NULL ? fetched : legacy;
}

const EVP_MD *nd_crypto_digest(const char *name) {
  uv_once(&digest_once, digest_cache_init);
  const EVP_MD *md = NULL;
  uv_mutex_lock(&digest_lock);
  for (int i = 0; i < digest_count; i++) {
    if (strcmp(digest_cache[i].name, name) == 0) {
      md = digest_cache[i].md;
      break;
    }
  }
  if (md == NULL) {
    md = digest_lookup(name);
    if (md != NULL && digest_count < DIGEST_CACHE_MAX) {
      digest_cache[digest_count].name = strdup(name);
      digest_cache[digest_count++].md = md;
    } else if (md != NULL && md != EVP_get_digestbyname(name)) {
      /* Cache full: hand out the legacy object, free the fetched one. */
      EVP_MD_free((EVP_MD *)md);
      md = EVP_get_digestbyname(name);
    }
  }
  uv_mutex_unlock(&digest_lock);
  return md;
}

napi_value nd_crypto_encode(napi_env env, const uint8_t *bytes, size_t len,
                            int enc) {
  napi_value v = NULL;
  if (enc == ND_CRYPTO_ENC_BUFFER) {
    napi_create_buffer_copy(env, len, bytes, NULL, &v);
    return v;
  }
  if (enc == ND_CRYPTO_ENC_LATIN1) {
    napi_create_string_latin1(env, (const char *)bytes, len, &v);
    return v;
  }
  size_t cap = enc == ND_CRYPTO_ENC_HEX
                   ? len * 2
                   : nd_codec_base64_encoded_len(len, enc ==
                                                        ND_CRYPTO_ENC_BASE64URL);
  uint8_t small[256];
  uint8_t *text = cap <= sizeof(small) ? small : malloc(cap);
  size_t n = enc == ND_CRYPTO_ENC_HEX
                 ? nd_codec_hex_encode(text, bytes, len)
                 : nd_codec_base64_encode(text, bytes, len,
                                          enc == ND_CRYPTO_ENC_BASE64URL);
  napi_create_string_latin1(env, (const char *)text, n, &v);
  if (text != small) free(text);
  return v;
}

int nd_crypto_with_bytes(napi_env env, napi_value v, bool latin1,
                         nd_crypto_bytes_fn fn, void *ctx) {
  void *data;
  size_t len;
  if (napi_get_buffer_info(env, v, &data, &len) == napi_ok)
    return fn(ctx, data != NULL ? data : "", len);
  /* A string: most are short and fit the stack buffer in one copy. A
   * result close to its end may have been cut, so it is measured. */
  char small[1024];
  napi_status s = latin1 ? napi_get_value_string_latin1(env, v, small,
                                                        sizeof(small), &len)
                         : napi_get_value_string_utf8(env, v, small,
                                                      sizeof(small), &len);
  if (s != napi_ok) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE",
                          "The \"data\" argument must be of type string or "
                          "an instance of Buffer, TypedArray, or DataView.");
    return -1;
  }
  if (len + 4 < sizeof(small)) return fn(ctx, (uint8_t *)small, len);
  size_t full;
  if (latin1)
    napi_get_value_string_latin1(env, v, NULL, 0, &full);
  else
    napi_get_value_string_utf8(env, v, NULL, 0, &full);
  if (full == len) return fn(ctx, (uint8_t *)small, len);
  char *big = malloc(full + 1);
  if (latin1)
    napi_get_value_string_latin1(env, v, big, full + 1, &len);
  else
    napi_get_value_string_utf8(env, v, big, full + 1, &len);
  int r = fn(ctx, (uint8_t *)big, len);
  free(big);
  return r;
}

/* Spare digest contexts of this thread: a context given back after its
 * digest keeps its provider state, so the next init of the same digest
 * allocates nothing. */
#define MD_CTX_POOL_MAX 4
static __thread EVP_MD_CTX *md_ctx_pool[MD_CTX_POOL_MAX];
static __thread int md_ctx_pool_count;
static __thread bool md_ctx_pool_closed; /* the realm is ending */

EVP_MD_CTX *nd_crypto_md_ctx_take(void) {
  if (md_ctx_pool_count > 0) return md_ctx_pool[--md_ctx_pool_count];
  return EVP_MD_CTX_new();
}

void nd_crypto_md_ctx_give(EVP_MD_CTX *ctx) {
  if (ctx == NULL) return;
  if (md_ctx_pool_count < MD_CTX_POOL_MAX && !md_ctx_pool_closed)
    md_ctx_pool[md_ctx_pool_count++] = ctx;
  else
    EVP_MD_CTX_free(ctx);
}

void nd_crypto_md_ctx_drain(void) {
  md_ctx_pool_closed = true;
  while (md_ctx_pool_count > 0)
    EVP_MD_CTX_free(md_ctx_pool[--md_ctx_pool_count]);
}
