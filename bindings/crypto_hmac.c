/* crypto_hmac.c - internalBinding('crypto').Hmac: keyed digests behind
 * crypto.createHmac(), plus the HMAC primitive the KDFs share. */

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

typedef struct {
  HMAC_CTX *ctx; /* NULL once digest() ran */
} hmac_t;

static void hmac_free(napi_env env, void *data, void *hint) {
  hmac_t *h = data;
  HMAC_CTX_free(h->ctx);
  free(h);
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
  char name[128] = "";
  const EVP_MD *md;
  if (!nd_crypto_name(env, argv[0], name, sizeof(name)) ||
      (md = nd_crypto_digest(name)) == NULL)
    return nd_crypto_throw_code(env, 'T', "ERR_CRYPTO_INVALID_DIGEST",
                                "Invalid digest: %s", name);
  uint8_t *key;
  size_t key_len;
  if (!nd_crypto_view(env, argv[1], &key, &key_len)) return NULL;
  ERR_clear_error();
  hmac_t *h = calloc(1, sizeof(*h));
  h->ctx = HMAC_CTX_new();
  if (h->ctx == NULL ||
      HMAC_Init_ex(h->ctx, key, (int)key_len, md, NULL) != 1) {
    hmac_free(env, h, NULL);
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
    ERR_clear_error();
    int ok = HMAC_Final(h->ctx, out, &len);
    HMAC_CTX_free(h->ctx);
    h->ctx = NULL;
    if (ok != 1) return nd_crypto_throw(env, NULL);
  }
  int enc = (int)nd_to_int64(env, argc > 0 ? argv[0] : NULL, 0);
  return nd_crypto_encode(env, out, len, enc);
}

static const napi_property_descriptor hmac_methods[] = {
  ND_METHOD("update", hmac_update),
  ND_METHOD("digest", hmac_digest),
};

bool nd_crypto_hmac_init(napi_env env, napi_value exports) {
  napi_value cls;
  if (napi_define_class(env, "Hmac", NAPI_AUTO_LENGTH, hmac_new, NULL,
                        ND_COUNT(hmac_methods), hmac_methods,
                        &cls) != napi_ok)
    return false;
  return napi_set_named_property(env, exports, "Hmac", cls) == napi_ok;
}
