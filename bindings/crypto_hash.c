/* crypto_hash.c - internalBinding('crypto').Hash: a message digest over
 * an EVP_MD_CTX, behind crypto.createHash(), and hashOnce(), the same in
 * one call for the usual createHash(a).update(s).digest(e). */
#include <stdlib.h>
#include <string.h>

#include <openssl/err.h>

#include "crypto_internal.h"
#include "napi_util.h"

typedef struct {
  EVP_MD_CTX *ctx; /* NULL once the digest is computed */
  const EVP_MD *md;
  size_t md_len;   /* bytes of output (an XOF's outputLength) */
  uint8_t *digest; /* the computed digest, kept for later digest() calls */
  bool done;
  uint8_t small[EVP_MAX_MD_SIZE];
} hash_t;

/* Releases what h holds (not h itself). */
static void hash_clear(hash_t *h) {
  nd_crypto_md_ctx_give(h->ctx);
  h->ctx = NULL;
  if (h->digest != h->small) free(h->digest);
  h->digest = NULL;
}

static void hash_free(napi_env env, void *data, void *hint) {
  hash_clear(data);
  free(data);
}

static hash_t *hash_unwrap(napi_env env, napi_value obj) {
  void *p = NULL;
  if (obj == NULL || napi_unwrap(env, obj, &p) != napi_ok) return NULL;
  return p;
}

/* Sets up h->ctx for `md`, or copies the state of `from` when given.
 * Returns false with the OpenSSL error queued. */
static bool hash_start(hash_t *h, const EVP_MD *md, const hash_t *from) {
  h->md = md;
  h->ctx = nd_crypto_md_ctx_take();
  if (h->ctx == NULL) return false;
  bool ok = from != NULL ? EVP_MD_CTX_copy_ex(h->ctx, from->ctx) == 1
                         : EVP_DigestInit_ex(h->ctx, md, NULL) == 1;
  if (!ok) {
    /* Not a spare: its state after a failed init is OpenSSL's business. */
    EVP_MD_CTX_free(h->ctx);
    h->ctx = NULL;
  }
  return ok;
}

/* Applies an outputLength: any length for an XOF, only the natural one
 * otherwise (OpenSSL's "not XOF or invalid length" error). */
static bool hash_set_length(hash_t *h, napi_env env, napi_value len_arg) {
  size_t natural = (size_t)EVP_MD_get_size(h->md);
  h->md_len = natural;
  napi_valuetype t = napi_undefined;
  if (len_arg != NULL) napi_typeof(env, len_arg, &t);
  if (t != napi_number) return true;
  uint32_t want;
  napi_get_value_uint32(env, len_arg, &want);
  if (want == natural) return true;
  if ((EVP_MD_get_flags(h->md) & EVP_MD_FLAG_XOF) == 0) {
    ERR_raise(ERR_LIB_EVP, EVP_R_NOT_XOF_OR_INVALID_LENGTH);
    return false;
  }
  h->md_len = want;
  return true;
}

/* The digest named by a string argument, or NULL. */
static const EVP_MD *digest_arg(napi_env env, napi_value v) {
  char name[128];
  if (!nd_crypto_name(env, v, name, sizeof(name))) return NULL;
  return nd_crypto_digest(name);
}

/* new Hash(algorithm | hash, outputLength?): a digest of `algorithm`, or
 * a copy of another Hash's state. Throws "Digest method not supported"
 * or the OpenSSL error. */
static napi_value hash_new(napi_env env, napi_callback_info info) {
  napi_value argv[2], self;
  size_t argc = 2;
  napi_get_cb_info(env, info, &argc, argv, &self, NULL);
  hash_t *from = NULL;
  const EVP_MD *md;
  napi_valuetype t;
  napi_typeof(env, argv[0], &t);
  if (t == napi_object) {
    from = hash_unwrap(env, argv[0]);
    if (from == NULL || from->ctx == NULL)
      return nd_crypto_throw_code(env, 'E', "ERR_CRYPTO_HASH_FINALIZED",
                                  "Digest already called");
    md = from->md;
  } else if ((md = digest_arg(env, argv[0])) == NULL) {
    return nd_crypto_throw(env, "Digest method not supported");
  }
  hash_t *h = calloc(1, sizeof(*h));
  if (!hash_start(h, md, from) || !hash_set_length(h, env, argv[1])) {
    hash_free(env, h, NULL);
    return nd_crypto_throw(env, "Digest method not supported");
  }
  if (napi_wrap(env, self, h, hash_free, NULL, NULL) != napi_ok) {
    hash_free(env, h, NULL);
    return NULL;
  }
  return self;
}

static int hash_feed(void *ctx, const uint8_t *data, size_t len) {
  return EVP_DigestUpdate(ctx, data, len) == 1;
}

/* update(data, latin1) -> true, or false when OpenSSL failed. `data` is
 * a string (UTF-8, or Latin-1 when `latin1`) or an ArrayBufferView. */
static napi_value hash_update(napi_env env, napi_callback_info info) {
  napi_value argv[2], self, r;
  size_t argc = 2;
  napi_get_cb_info(env, info, &argc, argv, &self, NULL);
  hash_t *h = hash_unwrap(env, self);
  if (h == NULL) return NULL;
  int ok = 0;
  if (h->ctx != NULL) {
    ok = nd_crypto_with_bytes(env, argv[0], nd_to_bool(env, argv[1]),
                              hash_feed, h->ctx);
    if (ok < 0) return NULL;
  }
  napi_get_boolean(env, ok == 1, &r);
  return r;
}

/* Computes the digest once; later calls see the same bytes. */
static bool hash_finish(hash_t *h) {
  if (h->done) return true;
  h->digest = h->md_len <= sizeof(h->small) ? h->small : malloc(h->md_len);
  bool ok = true;
  if (h->md_len == (size_t)EVP_MD_get_size(h->md)) {
    unsigned int n;
    ok = EVP_DigestFinal_ex(h->ctx, h->digest, &n) == 1;
  } else if (h->md_len > 0) {
    ok = EVP_DigestFinalXOF(h->ctx, h->digest, h->md_len) == 1;
  }
  nd_crypto_md_ctx_give(h->ctx);
  h->ctx = NULL;
  h->done = ok;
  return ok;
}

/* digest(encoding) -> the digest as a Buffer or string (ND_CRYPTO_ENC_*).
 * Calling it again returns the same digest. */
static napi_value hash_digest(napi_env env, napi_callback_info info) {
  napi_value argv[1], self;
  size_t argc = 1;
  napi_get_cb_info(env, info, &argc, argv, &self, NULL);
  hash_t *h = hash_unwrap(env, self);
  if (h == NULL) return NULL;
  if (!h->done && (h->ctx == NULL || !hash_finish(h)))
    return nd_crypto_throw(env, NULL);
  int enc = (int)nd_to_int64(env, argc > 0 ? argv[0] : NULL, 0);
  return nd_crypto_encode(env, h->digest, h->md_len, enc);
}

/* hashOnce(algorithm, outputLength, data, latin1, encoding) -> the
 * digest of `data` (a string, a view, or undefined for nothing) as
 * new Hash(algorithm, outputLength), update(data, latin1) and
 * digest(encoding) would give, errors included. */
static napi_value hash_once(napi_env env, napi_callback_info info) {
  napi_value argv[5], r;
  nd_args(env, info, 5, argv);
  const EVP_MD *md = digest_arg(env, argv[0]);
  if (md == NULL) return nd_crypto_throw(env, "Digest method not supported");
  hash_t h = { 0 };
  if (!hash_start(&h, md, NULL) || !hash_set_length(&h, env, argv[1])) {
    hash_clear(&h);
    return nd_crypto_throw(env, "Digest method not supported");
  }
  napi_valuetype t;
  napi_typeof(env, argv[2], &t);
  int fed = t == napi_undefined
                ? 1
                : nd_crypto_with_bytes(env, argv[2], nd_to_bool(env, argv[3]),
                                       hash_feed, h.ctx);
  if (fed < 0) {
    hash_clear(&h);
    return NULL;
  }
  if (fed == 0 || !hash_finish(&h)) {
    hash_clear(&h);
    return nd_crypto_throw(env, NULL);
  }
  r = nd_crypto_encode(env, h.digest, h.md_len,
                       (int)nd_to_int64(env, argv[4], 0));
  hash_clear(&h);
  return r;
}

static const napi_property_descriptor hash_methods[] = {
  ND_METHOD("update", hash_update),
  ND_METHOD("digest", hash_digest),
};

static const napi_property_descriptor hash_functions[] = {
  ND_METHOD("hashOnce", hash_once),
};

bool nd_crypto_hash_init(napi_env env, napi_value exports) {
  napi_value cls;
  if (napi_define_class(env, "Hash", NAPI_AUTO_LENGTH, hash_new, NULL,
                        ND_COUNT(hash_methods), hash_methods,
                        &cls) != napi_ok)
    return false;
  return napi_set_named_property(env, exports, "Hash", cls) == napi_ok &&
         napi_define_properties(env, exports, ND_COUNT(hash_functions),
                                hash_functions) == napi_ok;
}
