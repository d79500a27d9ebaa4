/* crypto_job.c - runs one crypto operation (a KDF, a random fill) inline
 * or on the libuv thread pool, and delivers its outcome to JS through the
 * loop's entry path. */
#include <stdlib.h>
#include <string.h>

#include <openssl/err.h>

#include "crypto_internal.h"
#include "loop.h"
#include "napi_util.h"
#include "realm.h"

/* Runs the job's work and keeps the OpenSSL errors it left on this
 * thread's queue (oldest first), since the queue is per thread. */
static void run_job(nd_crypto_job_t *job) {
  ERR_clear_error();
  job->ok = job->run(job);
  job->nerrors = 0;
  if (job->ok) return;
  unsigned long code;
  while ((code = ERR_get_error()) != 0) {
    if (job->nerrors == ND_CRYPTO_JOB_ERRORS) continue;
    ERR_error_string_n(code, job->errors[job->nerrors++],
                       sizeof(job->errors[0]));
  }
}

/* The error of a failed job, as Node's job errors look: the oldest
 * OpenSSL error is the message, the newer ones its opensslErrorStack
 * (newest first); with none, the job's own failure message. */
static napi_value job_error(napi_env env, nd_crypto_job_t *job) {
  napi_value msg, e;
  const char *text = job->nerrors > 0 ? job->errors[0]
                     : job->failure  ? job->failure
                                     : "Operation failed";
  napi_create_string_utf8(env, text, NAPI_AUTO_LENGTH, &msg);
  napi_create_error(env, NULL, msg, &e);
  if (job->nerrors > 1) {
    napi_value arr, s;
    napi_create_array_with_length(env, (size_t)job->nerrors - 1, &arr);
    for (int i = job->nerrors - 1, k = 0; i >= 1; i--, k++) {
      napi_create_string_utf8(env, job->errors[i], NAPI_AUTO_LENGTH, &s);
      napi_set_element(env, arr, (uint32_t)k, s);
    }
    napi_set_named_property(env, e, "opensslErrorStack", arr);
  }
  return e;
}

static void work_cb(uv_work_t *w) {
  run_job(ND_CONTAINER_OF(w, nd_crypto_job_t, work));
}

static void after_work_cb(uv_work_t *w, int status) {
  nd_crypto_job_t *job = ND_CONTAINER_OF(w, nd_crypto_job_t, work);
  napi_env env = job->env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value fn, recv, argv[2];
  size_t argc = 1;
  napi_get_reference_value(env, job->callback, &fn);
  napi_get_undefined(env, &recv);
  if (status < 0) {
    argv[0] = nd_uv_error(env, status, "crypto", NULL, NULL);
  } else if (!job->ok) {
    argv[0] = job_error(env, job);
  } else {
    napi_get_null(env, &argv[0]);
    argv[1] = job->result(env, job);
    argc = 2;
    bool pending = false;
    napi_is_exception_pending(env, &pending);
    if (pending) {
      napi_get_and_clear_last_exception(env, &argv[0]);
      argc = 1;
    } else if (argv[1] == NULL) {
      napi_get_undefined(env, &argv[1]);
    }
  }
  napi_delete_reference(env, job->callback);
  job->release(job);
  if (fn != NULL) nd_loop_make_callback(env, recv, fn, argc, argv, NULL);
  napi_close_handle_scope(env, scope);
}

napi_value nd_crypto_job_start(napi_env env, nd_crypto_job_t *job,
                               napi_value callback) {
  napi_valuetype t = napi_undefined;
  if (callback != NULL) napi_typeof(env, callback, &t);
  job->env = env;
  if (t != napi_function) {
    run_job(job);
    napi_value v = NULL;
    if (job->ok)
      v = job->result(env, job);
    else
      napi_throw(env, job_error(env, job));
    job->release(job);
    return v;
  }
  napi_create_reference(env, callback, 1, &job->callback);
  int err = uv_queue_work(nd_realm_of(env)->loop, &job->work, work_cb,
                          after_work_cb);
  if (err < 0) {
    napi_delete_reference(env, job->callback);
    job->release(job);
    return nd_throw_uv(env, err, "crypto", NULL, NULL);
  }
  napi_value undef;
  napi_get_undefined(env, &undef);
  return undef;
}
