/* crypto_internal.h - what the files of internalBinding('crypto') share:
 * OpenSSL errors as JS errors, byte arguments, the digest lookup, and the
 * job that runs one operation inline or on the thread pool. */
#ifndef NODUS_CRYPTO_INTERNAL_H
#define NODUS_CRYPTO_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <node_api.h>
#include <openssl/evp.h>
#include <uv.h>

/* OpenSSL's error queue (one per thread) is kept empty between calls:
 * every failure hands its errors to nd_crypto_error() (which drains the
 * queue) or clears them, and lookups that may fail harmlessly run between
 * ERR_set_mark() and ERR_pop_to_mark(). So the hot paths (Hash, Hmac) do
 * not clear it first: ERR_clear_error() costs as much as a short digest. */

/* How many OpenSSL error strings a job keeps from its worker thread. */
#define ND_CRYPTO_JOB_ERRORS 8

typedef struct nd_crypto_job_s nd_crypto_job_t;

/* Does the work of a job; runs on a pool thread (async) or inline (sync),
 * never touching JS. Returns true on success; on failure the job's error
 * strings are taken from the OpenSSL queue by the caller. */
typedef bool (*nd_crypto_job_run_fn)(nd_crypto_job_t *job);

/* Builds the JS result of a successful job (on the loop thread): NULL
 * stands for undefined unless it left an exception pending. */
typedef napi_value (*nd_crypto_job_result_fn)(napi_env env,
                                              nd_crypto_job_t *job);

/* Frees a job (its own struct, which embeds the nd_crypto_job_t). */
typedef void (*nd_crypto_job_free_fn)(nd_crypto_job_t *job);

/* One crypto operation (Node's CryptoJob): embed it in the operation's
 * record and fill run/result/release before nd_crypto_job_start(). */
struct nd_crypto_job_s {
  uv_work_t work;
  napi_env env;
  napi_ref callback;
  nd_crypto_job_run_fn run;
  nd_crypto_job_result_fn result;
  nd_crypto_job_free_fn release;
  const char *failure; /* message when OpenSSL left no error */
  bool ok;
  int nerrors;
  char errors[ND_CRYPTO_JOB_ERRORS][256]; /* oldest first */
};

/* Makes Node's shape of the OpenSSL error `err` (an ERR_get_error() code):
 * message "error:...:library::reason" (or `message` when given), with
 * library, reason and code ERR_OSSL_<LIB>_<REASON> properties; the errors
 * still queued become its opensslErrorStack. Clears the queue. */
napi_value nd_crypto_error(napi_env env, unsigned long err,
                           const char *message);

/* Throws nd_crypto_error(env, ERR_get_error(), message). Returns NULL. */
napi_value nd_crypto_throw(napi_env env, const char *message);

/* Throws an Error/TypeError/RangeError ('E', 'T', 'R') with a Node error
 * `code` property and a printf-style message. Returns NULL. */
napi_value nd_crypto_throw_code(napi_env env, char kind, const char *code,
                                const char *fmt, ...);

/* Data and length of an ArrayBufferView argument. Returns false (with a
 * TypeError pending) when `v` is not one. */
bool nd_crypto_view(napi_env env, napi_value v, uint8_t **data, size_t *len);

/* Copies a JS string (`latin1`: one byte per code unit, else UTF-8) or
 * an ArrayBufferView into a new malloc'd buffer (never NULL on success,
 * even when empty). Returns NULL with an exception pending otherwise. */
uint8_t *nd_crypto_copy_bytes(napi_env env, napi_value v, bool latin1,
                              size_t *len);

/* The message digest called `name` (any OpenSSL name or alias, e.g.
 * "sha256", "RSA-SHA256"), fetched once per process and kept; NULL when
 * OpenSSL knows no such digest. Safe from any thread. */
const EVP_MD *nd_crypto_digest(const char *name);

/* Output encodings of digests (what JS passes to digest()). */
enum {
  ND_CRYPTO_ENC_BUFFER = 0,
  ND_CRYPTO_ENC_HEX = 1,
  ND_CRYPTO_ENC_BASE64 = 2,
  ND_CRYPTO_ENC_BASE64URL = 3,
  ND_CRYPTO_ENC_LATIN1 = 4,
};

/* Returns bytes[0..len) as JS sees a digest in encoding `enc`
 * (ND_CRYPTO_ENC_*): a Buffer or a string. NULL on failure. */
napi_value nd_crypto_encode(napi_env env, const uint8_t *bytes, size_t len,
                            int enc);

/* Consumes the bytes of a data argument: a string (as UTF-8, or one byte
 * per code unit when `latin1`) or an ArrayBufferView, handed to
 * fn(ctx, data, len) without copying views. Returns fn's result, or -1
 * with a TypeError pending when `v` is neither. */
typedef int (*nd_crypto_bytes_fn)(void *ctx, const uint8_t *data,
                                  size_t len);
int nd_crypto_with_bytes(napi_env env, napi_value v, bool latin1,
                         nd_crypto_bytes_fn fn, void *ctx);

/* A digest context from this thread's spares (or a new one; NULL when out
 * of memory), and its return once done with: spares keep their provider
 * state, which saves the allocations of the next init. */
EVP_MD_CTX *nd_crypto_md_ctx_take(void);
void nd_crypto_md_ctx_give(EVP_MD_CTX *ctx);

/* Frees this thread's spare contexts (digest and HMAC) and stops keeping
 * new ones; run when the realm of this thread ends. */
void nd_crypto_md_ctx_drain(void);
void nd_crypto_hmac_ctx_drain(void);

/* Copies a string argument into buf (NUL-terminated, truncated to cap-1).
 * Returns false when `v` is not a string (nothing pending). */
bool nd_crypto_name(napi_env env, napi_value v, char *buf, size_t cap);

/* Runs `job`: inline when `callback` is undefined (returns the result, or
 * NULL with the error thrown), else on the thread pool, after which
 * callback(err) or callback(null, result) is called from the loop
 * (returns undefined). The job is freed either way. */
napi_value nd_crypto_job_start(napi_env env, nd_crypto_job_t *job,
                               napi_value callback);

/* Helpers of each file, called by the binding's init in crypto.c; each
 * adds its functions/classes to `exports` and returns false (exception
 * pending) on failure. */
bool nd_crypto_hash_init(napi_env env, napi_value exports);
bool nd_crypto_hmac_init(napi_env env, napi_value exports);
bool nd_crypto_random_init(napi_env env, napi_value exports);
bool nd_crypto_kdf_init(napi_env env, napi_value exports);
bool nd_crypto_info_init(napi_env env, napi_value exports);

#endif /* NODUS_CRYPTO_INTERNAL_H */
