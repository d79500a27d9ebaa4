/* crypto_hmac.c - internalBinding('crypto').Hmac: keyed digests behind
 * crypto.createHmac(), and hmacOnce(), the same in one call for the usual
 * createHmac(a, k).update(s).digest(e). */

/* The HMAC_CTX API is deprecated in OpenSSL 3.0 but is what Node 18 uses:
 * it takes an already fetched EVP_MD (fast to set up) and fails the way
 * Node's users see it fail (e.g. for XOF digests). */
#define OPENSSL_SUPPRESS_DEPRECATED 1

#include <stdlib.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/hmac.h>

#include "crypto_internal.h"
#include "napi_util.h"

/* Spare HMAC contexts per thread (as for digests in crypto_util.c): a
 * reused context re-keys without allocating. */
#define HMAC_CTX_POOL_MAX 4

typedef struct {
  HMAC_CTX *ctx; /* NULL once digest() ran */
} hmac_t;

static __thread HMAC_CTX *hmac_ctx_pool[HMAC_CTX_POOL_MAX];
static __thread int hmac_ctx_pool_count;
static __thread bool hmac_ctx_pool_closed; /* the realm is ending */

static void hmac_ctx_give(HMAC_CTX *ctx) {
  if (ctx == NULL) return;
  if (hmac_ctx_pool_count < HMAC_CTX_POOL_MAX && !hmac_ctx_pool_closed)
    hmac_ctx_pool[hmac_ctx_pool_count++] = ctx;
  else
    HMAC_CTX_free(ctx);
}

void nd_crypto_hmac_ctx_drain(void) {
  hmac_ctx_pool_closed = true;
  while (hmac_ctx_pool_count > 0)
    HMAC_CTX_free(hmac_ctx_pool[--hmac_ctx_pool_count]);
}

/* An HMAC of `md` keyed with key[0..len), on a spare context; NULL (with
 * OpenSSL's error, if it gave one, queued) when it cannot start. */
static HMAC_CTX *hmac_start(const EVP_MD *md, const uint8_t *key,
                            size_t len) {
  HMAC_CTX *ctx = hmac_ctx_pool_count > 0
                      ? hmac_ctx_pool[--hmac_ctx_pool_count]
                      : HMAC_CTX_new();
  if (ctx != NULL && HMAC_Init_ex(ctx, key, (int)len, md, NULL) != 1) {
    HMAC_CTX_free(ctx);
    ctx = NULL;
  }
  return ctx;
}

static void hmac_free(napi_env env, void *data, void *hint) {
  hmac_t *h = data;
  hmac_ctx_give(h->ctx);
  free(h);
}

/* The digest named by a string argument; NULL with ERR_CRYPTO_INVALID_DIGEST
 * thrown when there is none. */
static const EVP_MD *hmac_digest_arg(napi_env env, napi_value v) {
  char name[128] = "";
  const EVP_MD *md = NULL;
  if (nd_crypto_name(env, v, name, sizeof(name))) md = nd_crypto_digest(name);
  if (md == NULL)
    nd_crypto_throw_code(env, 'T', "ERR_CRYPTO_INVALID_DIGEST",
                         "Invalid digest: %s", name);
  return md;
}

static hmac_t *hmac_unwrap(napi_env env, napi_value obj) {
  void *p = NULL;
  if (napi_unwrap(env, obj, &p) != napi_ok) return NULL;
  return p;
}

/* new Hmac(digest, key): throws ERR_CRYPTO_INVALID_DIGEST for an unknown
 * digest, the OpenSSL error when HMAC cannot start. `key` is an
 * ArrayBufferView (empty keys are valid). */
static napi_value hmac_new(napi_env env, napi_callback_info info) {
  napi_value argv[2], self;
  size_t argc = 2;
  napi_get_cb_info(env, info, &argc, argv, &self, NULL);
  const EVP_MD *md = hmac_digest_arg(env, argv[0]);
  uint8_t *key;
  size_t key_len;
  if (md == NULL || !nd_crypto_view(env, argv[1], &key, &key_len))
    return NULL;
  hmac_t *h = calloc(1, sizeof(*h));
  h->ctx = hmac_start(md, key, key_len);
  if (h->ctx == NULL) {
    free(h);
    return nd_crypto_throw(env, NULL);
  }
  if (napi_wrap(env, self, h, hmac_free, NULL, NULL) != napi_ok) {
    hmac_free(env, h, NULL);
    return NULL;
  }
  return self;
}

static int hmac_feed(void *ctx, const uint8_t *data, size_t len) {
  return HMAC_Update(ctx, data, len) == 1;
}

/* update(data, latin1) -> true, or false when OpenSSL failed (or the
 * digest was already taken). */
static napi_value hmac_update(napi_env env, napi_callback_info info) {
  napi_value argv[2], self, r;
  size_t argc = 2;
  napi_get_cb_info(env, info, &argc, argv, &self, NULL);
  hmac_t *h = hmac_unwrap(env, self);
  if (h == NULL) return NULL;
  int ok = 0;
  if (h->ctx != NULL) {
    ok = nd_crypto_with_bytes(env, argv[0], nd_to_bool(env, argv[1]),
                              hmac_feed, h->ctx);
    if (ok < 0) return NULL;
  }
  napi_get_boolean(env, ok == 1, &r);
  return r;
}

/* digest(encoding) -> the HMAC as a Buffer or string (ND_CRYPTO_ENC_*);
 * empty when called again. */
static napi_value hmac_digest(napi_env env, napi_callback_info info) {
  napi_value argv[1], self;
  size_t argc = 1;
  napi_get_cb_info(env, info, &argc, argv, &self, NULL);
  hmac_t *h = hmac_unwrap(env, self);
  if (h == NULL) return NULL;
  uint8_t out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  if (h->ctx != NULL) {
    int ok = HMAC_Final(h->ctx, out, &len);
    hmac_ctx_give(h->ctx);
    h->ctx = NULL;
    if (ok != 1) return nd_crypto_throw(env, NULL);
  }
  int enc = (int)nd_to_int64(env, argc > 0 ? argv[0] : NULL, 0);
  return nd_crypto_encode(env, out, len, enc);
}

/* hmacOnce(digest, key, data, latin1, encoding) -> the HMAC of `data` (a
 * string, a view, or undefined for nothing) as new Hmac(digest, key),
 * update(data, latin1) and digest(encoding) would give, errors included. */
static napi_value hmac_once(napi_env env, napi_callback_info info) {
  napi_value argv[5];
  nd_args(env, info, 5, argv);
  const EVP_MD *md = hmac_digest_arg(env, argv[0]);
  uint8_t *key;
  size_t key_len;
  if (md == NULL || !nd_crypto_view(env, argv[1], &key, &key_len))
    return NULL;
  HMAC_CTX *ctx = hmac_start(md, key, key_len);
  if (ctx == NULL) return nd_crypto_throw(env, NULL);
  napi_valuetype t;
  napi_typeof(env, argv[2], &t);
  int fed = t == napi_undefined
                ? 1
                : nd_crypto_with_bytes(env, argv[2], nd_to_bool(env, argv[3]),
                                       hmac_feed, ctx);
  uint8_t out[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  bool ok = fed == 1 && HMAC_Final(ctx, out, &len) == 1;
  hmac_ctx_give(ctx);
  if (fed < 0) return NULL;
  if (!ok) return nd_crypto_throw(env, NULL);
  return nd_crypto_encode(env, out, len, (int)nd_to_int64(env, argv[4], 0));
}

static const napi_property_descriptor hmac_methods[] = {
  ND_METHOD("update", hmac_update),
  ND_METHOD("digest", hmac_digest),
};

static const napi_property_descriptor hmac_functions[] = {
  ND_METHOD("hmacOnce", hmac_once),
};

bool nd_crypto_hmac_init(napi_env env, napi_value exports) {
  napi_value cls;
  if (napi_define_class(env, "Hmac", NAPI_AUTO_LENGTH, hmac_new, NULL,
                        ND_COUNT(hmac_methods), hmac_methods,
                        &cls) != napi_ok)
    return false;
  return napi_set_named_property(env, exports, "Hmac", cls) == napi_ok &&
         napi_define_properties(env, exports, ND_COUNT(hmac_functions),
                                hmac_functions) == napi_ok;
}
