/* crypto.c - internalBinding('crypto'): OpenSSL behind lib/crypto.js. This
 * file holds the binding's init (which calls each crypto_*.c helper) and
 * the process-level switches: FIPS mode, engines, timingSafeEqual. */

/* ENGINE is deprecated in OpenSSL 3.0, but crypto.setEngine() is its API. */
#define OPENSSL_SUPPRESS_DEPRECATED 1

#include <stdlib.h>

#include <openssl/crypto.h>
#include <openssl/engine.h>
#include <openssl/err.h>

#include "bindings.h"
#include "crypto_internal.h"
#include "napi_util.h"
#include "openssl.h"
#include "realm.h"

/* Data of view argument `name`, or ERR_INVALID_ARG_TYPE as Node words it
 * for timingSafeEqual (lib turns ArrayBuffers into views first). */
static bool buffer_arg(napi_env env, napi_value v, const char *name,
                       uint8_t **data, size_t *len) {
  void *p;
  if (napi_get_buffer_info(env, v, &p, len) != napi_ok) {
    nd_crypto_throw_code(env, 'T', "ERR_INVALID_ARG_TYPE",
                         "The \"%s\" argument must be an instance of "
                         "ArrayBuffer, Buffer, TypedArray, or DataView.",
                         name);
    return false;
  }
  static uint8_t empty[1];
  *data = p != NULL ? p : empty;
  return true;
}

/* timingSafeEqual(a, b) -> whether two views of equal byte length hold
 * the same bytes, compared in constant time. Throws ERR_INVALID_ARG_TYPE
 * or ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH. */
static napi_value crypto_timing_safe_equal(napi_env env,
                                           napi_callback_info info) {
  napi_value argv[2], r;
  nd_args(env, info, 2, argv);
  uint8_t *a, *b;
  size_t alen, blen;
  if (!buffer_arg(env, argv[0], "buf1", &a, &alen) ||
      !buffer_arg(env, argv[1], "buf2", &b, &blen))
    return NULL;
  if (alen != blen)
    return nd_crypto_throw_code(env, 'R',
                                "ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH",
                                "Input buffers must have the same byte length");
  napi_get_boolean(env, CRYPTO_memcmp(a, b, alen) == 0, &r);
  return r;
}

/* getFipsCrypto() -> 1 when OpenSSL's default properties ask for FIPS. */
static napi_value crypto_get_fips(napi_env env, napi_callback_info info) {
  napi_value r;
  napi_create_int32(env, EVP_default_properties_is_fips_enabled(NULL) ? 1 : 0,
                    &r);
  return r;
}

/* setFipsCrypto(on): switches OpenSSL's default properties to (or away
 * from) FIPS; throws the OpenSSL error when it refuses. */
static napi_value crypto_set_fips(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  int on = nd_to_bool(env, argv[0]) ? 1 : 0;
  if (on == EVP_default_properties_is_fips_enabled(NULL)) return NULL;
  ERR_clear_error();
  if (EVP_default_properties_enable_fips(NULL, on) != 1)
    return nd_crypto_throw(env, NULL);
  return NULL;
}

/* The engine called `id`, or one loaded from the shared object at path
 * `id` through the "dynamic" engine; NULL when neither works. */
static ENGINE *engine_load(const char *id) {
  ENGINE *e = ENGINE_by_id(id);
  if (e != NULL) return e;
  e = ENGINE_by_id("dynamic");
  if (e != NULL && (ENGINE_ctrl_cmd_string(e, "SO_PATH", id, 0) != 1 ||
                    ENGINE_ctrl_cmd_string(e, "LOAD", NULL, 0) != 1)) {
    ENGINE_free(e);
    e = NULL;
  }
  return e;
}

/* setEngine(id, flags) -> true when the engine was found and made the
 * default for the ENGINE_METHOD_* `flags`, false otherwise. */
static napi_value crypto_set_engine(napi_env env, napi_callback_info info) {
  napi_value argv[2], r;
  nd_args(env, info, 2, argv);
  char *id = nd_strdup_utf8(env, argv[0]);
  if (id == NULL) return NULL;
  unsigned int flags = (unsigned int)nd_to_int64(env, argv[1], 0xffff);
  ENGINE *e = engine_load(id);
  bool ok = e != NULL && ENGINE_set_default(e, flags) == 1;
  if (e != NULL) ENGINE_free(e);
  ERR_clear_error();
  free(id);
  napi_get_boolean(env, ok, &r);
  return r;
}

/* secureHeapUsed() -> bytes in use on OpenSSL's secure heap, or undefined
 * when there is none (nodus does not set one up). */
static napi_value crypto_secure_heap_used(napi_env env,
                                          napi_callback_info info) {
  if (!CRYPTO_secure_malloc_initialized()) return NULL;
  napi_value r;
  napi_create_double(env, (double)CRYPTO_secure_used(), &r);
  return r;
}

/* Env cleanup hook: the realm of this thread is ending. */
static void crypto_drain_pools(void *arg) {
  nd_crypto_md_ctx_drain();
  nd_crypto_hmac_ctx_drain();
}

static const napi_property_descriptor crypto_methods[] = {
  ND_METHOD("timingSafeEqual", crypto_timing_safe_equal),
  ND_METHOD("getFipsCrypto", crypto_get_fips),
  ND_METHOD("setFipsCrypto", crypto_set_fips),
  ND_METHOD("setEngine", crypto_set_engine),
  ND_METHOD("secureHeapUsed", crypto_secure_heap_used),
};

napi_value nd_binding_crypto_init(napi_env env, napi_value exports) {
  nd_openssl_ensure(nd_realm_of(env)->options);
  napi_add_env_cleanup_hook(env, crypto_drain_pools, NULL);
  if (napi_define_properties(env, exports, ND_COUNT(crypto_methods),
                             crypto_methods) != napi_ok ||
      !nd_crypto_hash_init(env, exports) ||
      !nd_crypto_hmac_init(env, exports) ||
      !nd_crypto_random_init(env, exports) ||
      !nd_crypto_kdf_init(env, exports) || !nd_crypto_info_init(env, exports))
    return NULL;
  return exports;
}
