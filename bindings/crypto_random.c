/* crypto_random.c - internalBinding('crypto').randomFill: fills part of a
 * buffer with OpenSSL's CSPRNG, inline or on the thread pool. */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include <openssl/rand.h>

#include "crypto_internal.h"
#include "napi_util.h"

/* An async fill: the bytes are made off the loop into `bytes` and copied
 * into the caller's buffer on completion (the buffer may have moved or
 * been detached meanwhile, so the pool thread never writes into it). */
typedef struct {
  nd_crypto_job_t job;
  napi_ref target;
  size_t offset, size;
  uint8_t *bytes;
} fill_job_t;

/* Fills out[0..n) with random bytes; false with an OpenSSL error queued
 * on failure. RAND_bytes() takes an int, so big fills go in parts. */
static bool fill_random(uint8_t *out, size_t n) {
  while (n > 0) {
    int part = n > INT_MAX ? INT_MAX : (int)n;
    if (RAND_bytes(out, part) != 1) return false;
    out += part;
    n -= (size_t)part;
  }
  return true;
}

static bool fill_run(nd_crypto_job_t *job) {
  fill_job_t *f = ND_CONTAINER_OF(job, fill_job_t, job);
  return fill_random(f->bytes, f->size);
}

static napi_value fill_result(napi_env env, nd_crypto_job_t *job) {
  fill_job_t *f = ND_CONTAINER_OF(job, fill_job_t, job);
  napi_value target;
  uint8_t *data;
  size_t len;
  napi_get_reference_value(env, f->target, &target);
  if (target != NULL && nd_crypto_view(env, target, &data, &len) &&
      f->offset + f->size <= len)
    memcpy(data + f->offset, f->bytes, f->size);
  return NULL;
}

static void fill_release(nd_crypto_job_t *job) {
  fill_job_t *f = ND_CONTAINER_OF(job, fill_job_t, job);
  napi_delete_reference(job->env, f->target);
  free(f->bytes);
  free(f);
}

/* randomFill(view, offset, size[, callback]): fills view's bytes
 * [offset, offset+size) (already validated by JS). Without a callback it
 * fills now and returns undefined or throws; with one, it fills on the
 * thread pool and then calls callback(err). */
static napi_value random_fill(napi_env env, napi_callback_info info) {
  napi_value argv[4];
  size_t argc = nd_args(env, info, 4, argv);
  uint8_t *data;
  size_t len;
  if (!nd_crypto_view(env, argv[0], &data, &len)) return NULL;
  size_t offset = (size_t)nd_to_int64(env, argv[1], 0);
  size_t size = (size_t)nd_to_int64(env, argv[2], 0);
  if (offset > len || size > len - offset)
    return nd_crypto_throw_code(env, 'R', "ERR_OUT_OF_RANGE",
                                "The fill range is outside the buffer");
  napi_valuetype t = napi_undefined;
  if (argc > 3) napi_typeof(env, argv[3], &t);
  if (t != napi_function) {
    if (!fill_random(data + offset, size))
      return nd_crypto_throw(env, NULL);
    return NULL;
  }
  fill_job_t *f = calloc(1, sizeof(*f));
  f->offset = offset;
  f->size = size;
  f->bytes = malloc(size > 0 ? size : 1);
  f->job.run = fill_run;
  f->job.result = fill_result;
  f->job.release = fill_release;
  f->job.env = env;
  napi_create_reference(env, argv[0], 1, &f->target);
  return nd_crypto_job_start(env, &f->job, argv[3]);
}

static const napi_property_descriptor random_methods[] = {
  ND_METHOD("randomFill", random_fill),
};

bool nd_crypto_random_init(napi_env env, napi_value exports) {
  return napi_define_properties(env, exports, ND_COUNT(random_methods),
                                random_methods) == napi_ok;
}
