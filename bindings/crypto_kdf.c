/* crypto_kdf.c - internalBinding('crypto') key derivation: pbkdf2,
 * scrypt and hkdf, each run inline or on the thread pool, each producing
 * an ArrayBuffer. */
#include <stdlib.h>
#include <string.h>

#include <openssl/err.h>
#include <openssl/hmac.h>

#include "crypto_internal.h"
#include "napi_util.h"

/* Longest hkdf info Node accepts (checked in JS as well). */
#define HKDF_MAX_INFO 1024

typedef enum { KDF_PBKDF2, KDF_SCRYPT, KDF_HKDF } kdf_kind;

/* One derivation: inputs copied from JS (so that JS may change its
 * buffers meanwhile), the key made into `out`. */
typedef struct {
  nd_crypto_job_t job;
  kdf_kind kind;
  const EVP_MD *md;
  uint8_t *secret, *salt, *info;
  size_t secret_len, salt_len, info_len;
  uint64_t n, r, p, maxmem; /* scrypt */
  uint32_t iterations;      /* pbkdf2 */
  size_t out_len;
  uint8_t *out;
} kdf_job_t;

static void kdf_release(nd_crypto_job_t *job) {
  kdf_job_t *k = ND_CONTAINER_OF(job, kdf_job_t, job);
  free(k->secret);
  free(k->salt);
  free(k->info);
  free(k->out);
  free(k);
}

static napi_value kdf_result(napi_env env, nd_crypto_job_t *job) {
  kdf_job_t *k = ND_CONTAINER_OF(job, kdf_job_t, job);
  napi_value ab;
  void *data;
  if (napi_create_arraybuffer(env, k->out_len, &data, &ab) != napi_ok)
    return NULL;
  if (k->out_len > 0) memcpy(data, k->out, k->out_len);
  return ab;
}

/* RFC 5869: PRK = HMAC(salt, IKM), then T(i) = HMAC(PRK, T(i-1) | info |
 * i) until out_len bytes. Done over HMAC directly so that empty keys and
 * salts work as the RFC says. XOF digests have no HMAC: fails. */
static bool hkdf_derive(kdf_job_t *k) {
  if (EVP_MD_get_flags(k->md) & EVP_MD_FLAG_XOF) return false;
  uint8_t prk[EVP_MAX_MD_SIZE], t[EVP_MAX_MD_SIZE];
  uint8_t block[EVP_MAX_MD_SIZE + HKDF_MAX_INFO + 1];
  unsigned int prk_len, t_len = 0;
  static const uint8_t none[1];
  if (HMAC(k->md, k->salt_len ? k->salt : none, (int)k->salt_len,
           k->secret, k->secret_len, prk, &prk_len) == NULL)
    return false;
  for (size_t done = 0, i = 1; done < k->out_len; i++) {
    size_t n = 0;
    memcpy(block, t, t_len);
    n += t_len;
    memcpy(block + n, k->info, k->info_len);
    n += k->info_len;
    block[n++] = (uint8_t)i;
    if (HMAC(k->md, prk, (int)prk_len, block, n, t, &t_len) == NULL)
      return false;
    size_t take = k->out_len - done < t_len ? k->out_len - done : t_len;
    memcpy(k->out + done, t, take);
    done += take;
  }
  return true;
}

static bool kdf_run(nd_crypto_job_t *job) {
  kdf_job_t *k = ND_CONTAINER_OF(job, kdf_job_t, job);
  if (k->out_len == 0) return true;
  switch (k->kind) {
  case KDF_PBKDF2:
    return PKCS5_PBKDF2_HMAC((const char *)k->secret, (int)k->secret_len,
                             k->salt, (int)k->salt_len, (int)k->iterations,
                             k->md, (int)k->out_len, k->out) == 1;
  case KDF_SCRYPT:
    return EVP_PBE_scrypt((const char *)k->secret, k->secret_len, k->salt,
                          k->salt_len, k->n, k->r, k->p, k->maxmem, k->out,
                          k->out_len) == 1;
  case KDF_HKDF:
    return hkdf_derive(k);
  }
  return false;
}

/* A job with the secret and salt of argv[0] and argv[1] copied. */
static kdf_job_t *kdf_new(napi_env env, kdf_kind kind, napi_value secret,
                          napi_value salt) {
  kdf_job_t *k = calloc(1, sizeof(*k));
  k->kind = kind;
  k->job.run = kdf_run;
  k->job.result = kdf_result;
  k->job.release = kdf_release;
  k->job.failure = "Deriving bits failed";
  k->job.env = env;
  k->secret = nd_crypto_copy_bytes(env, secret, false, &k->secret_len);
  if (k->secret != NULL)
    k->salt = nd_crypto_copy_bytes(env, salt, false, &k->salt_len);
  if (k->salt == NULL) {
    kdf_release(&k->job);
    return NULL;
  }
  return k;
}

/* Sets k->md from a digest name argument; throws ERR_CRYPTO_INVALID_DIGEST
 * (and frees the job) when there is none. */
static bool kdf_digest(napi_env env, kdf_job_t *k, napi_value name_arg) {
  char name[128] = "";
  if (nd_crypto_name(env, name_arg, name, sizeof(name)) &&
      (k->md = nd_crypto_digest(name)) != NULL)
    return true;
  kdf_release(&k->job);
  nd_crypto_throw_code(env, 'T', "ERR_CRYPTO_INVALID_DIGEST",
                       "Invalid digest: %s", name);
  return false;
}

static void kdf_alloc_out(kdf_job_t *k, size_t len) {
  k->out_len = len;
  k->out = malloc(len > 0 ? len : 1);
}

/* pbkdf2(password, salt, iterations, keylen, digest[, callback]) ->
 * ArrayBuffer (or undefined, calling back later). Arguments are
 * validated by JS; an unknown digest throws ERR_CRYPTO_INVALID_DIGEST. */
static napi_value kdf_pbkdf2(napi_env env, napi_callback_info info) {
  napi_value argv[6];
  nd_args(env, info, 6, argv);
  kdf_job_t *k = kdf_new(env, KDF_PBKDF2, argv[0], argv[1]);
  if (k == NULL || !kdf_digest(env, k, argv[4])) return NULL;
  k->iterations = (uint32_t)nd_to_int64(env, argv[2], 1);
  kdf_alloc_out(k, (size_t)nd_to_int64(env, argv[3], 0));
  return nd_crypto_job_start(env, &k->job, argv[5]);
}

/* scrypt(password, salt, N, r, p, maxmem, keylen[, callback]) ->
 * ArrayBuffer (or undefined, calling back later). Throws
 * ERR_CRYPTO_INVALID_SCRYPT_PARAMS when OpenSSL rejects N/r/p/maxmem. */
static napi_value kdf_scrypt(napi_env env, napi_callback_info info) {
  napi_value argv[8];
  nd_args(env, info, 8, argv);
  kdf_job_t *k = kdf_new(env, KDF_SCRYPT, argv[0], argv[1]);
  if (k == NULL) return NULL;
  k->n = (uint64_t)nd_to_double(env, argv[2], 0);
  k->r = (uint64_t)nd_to_double(env, argv[3], 0);
  k->p = (uint64_t)nd_to_double(env, argv[4], 0);
  k->maxmem = (uint64_t)nd_to_double(env, argv[5], 0);
  ERR_set_mark();
  int valid = EVP_PBE_scrypt(NULL, 0, NULL, 0, k->n, k->r, k->p, k->maxmem,
                             NULL, 0);
  ERR_pop_to_mark();
  if (valid != 1) {
    kdf_release(&k->job);
    return nd_crypto_throw_code(env, 'R', "ERR_CRYPTO_INVALID_SCRYPT_PARAMS",
                                "Invalid scrypt params");
  }
  kdf_alloc_out(k, (size_t)nd_to_double(env, argv[6], 0));
  return nd_crypto_job_start(env, &k->job, argv[7]);
}

/* hkdf(digest, key, salt, info, length[, callback]) -> ArrayBuffer (or
 * undefined, calling back later). Throws ERR_CRYPTO_INVALID_DIGEST, or
 * ERR_CRYPTO_INVALID_KEYLEN when length exceeds 255 digests. */
static napi_value kdf_hkdf(napi_env env, napi_callback_info info) {
  napi_value argv[6];
  nd_args(env, info, 6, argv);
  kdf_job_t *k = kdf_new(env, KDF_HKDF, argv[1], argv[2]);
  if (k == NULL || !kdf_digest(env, k, argv[0])) return NULL;
  k->info = nd_crypto_copy_bytes(env, argv[3], false, &k->info_len);
  if (k->info == NULL) {
    kdf_release(&k->job);
    return NULL;
  }
  double len = nd_to_double(env, argv[4], 0);
  if (k->info_len > HKDF_MAX_INFO ||
      len > 255.0 * EVP_MD_get_size(k->md)) {
    kdf_release(&k->job);
    return nd_crypto_throw_code(env, 'R', "ERR_CRYPTO_INVALID_KEYLEN",
                                "Invalid key length");
  }
  kdf_alloc_out(k, (size_t)len);
  return nd_crypto_job_start(env, &k->job, argv[5]);
}

static const napi_property_descriptor kdf_methods[] = {
  ND_METHOD("pbkdf2", kdf_pbkdf2),
  ND_METHOD("scrypt", kdf_scrypt),
  ND_METHOD("hkdf", kdf_hkdf),
};

bool nd_crypto_kdf_init(napi_env env, napi_value exports) {
  return napi_define_properties(env, exports, ND_COUNT(kdf_methods),
                                kdf_methods) == napi_ok;
}
