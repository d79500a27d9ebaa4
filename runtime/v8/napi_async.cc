/* napi_async.cc - Node-API over V8: async work on the libuv pool,
 * thread-safe functions, make_callback and callback scopes, module
 * registration. */
#include <v8.h>

#include <pthread.h>
#include <stdlib.h>

#include "../loop.h"
#include "shim.h"

extern "C" napi_status napi_get_uv_event_loop(napi_env env,
                                              struct uv_loop_s **loop) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, loop);
  *loop = env->idata->loop;
  return nd_clear_error(env);
}

extern "C" napi_status napi_fatal_exception(napi_env env, napi_value err) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, err);
  nd_loop_report_uncaught(env, err);
  return nd_clear_error(env);
}

/* Async contexts: nodus has no async_hooks yet, so a context only carries
 * its resource name; make_callback runs through the one entry path. */
extern "C" napi_status napi_async_init(napi_env env, napi_value async_resource,
                                       napi_value async_resource_name,
                                       napi_async_context *result) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, async_resource_name);
  ND_CHECK_ARG(env, result);
  (void)async_resource;
  static int token;
  *result = reinterpret_cast<napi_async_context>(&token);
  return nd_clear_error(env);
}

extern "C" napi_status napi_async_destroy(napi_env env,
                                          napi_async_context async_context) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, async_context);
  return nd_clear_error(env);
}

extern "C" napi_status napi_make_callback(napi_env env,
                                          napi_async_context async_context,
                                          napi_value recv, napi_value func,
                                          size_t argc, const napi_value *argv,
                                          napi_value *result) {
  ND_CHECK_ENV(env);
  if (!env->pending_exception.IsEmpty())
    return nd_set_error(env, napi_pending_exception);
  ND_CHECK_ARG(env, recv);
  ND_CHECK_ARG(env, func);
  if (argc > 0) ND_CHECK_ARG(env, argv);
  (void)async_context;
  if (!nd_local(func)->IsFunction())
    return nd_set_error(env, napi_function_expected);
  napi_value ret = NULL;
  int rc = nd_loop_make_callback(env, recv, func, argc, argv, &ret);
  if (result != NULL) *result = ret;
  if (rc != 0) return nd_set_error(env, napi_pending_exception);
  if (ret == NULL) {
    if (result != NULL) napi_get_undefined(env, result);
  }
  return nd_clear_error(env);
}

extern "C" napi_status napi_open_callback_scope(napi_env env,
                                                napi_value resource_object,
                                                napi_async_context context,
                                                napi_callback_scope *result) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, result);
  (void)resource_object;
  (void)context;
  nd_loop_scope_enter(env);
  env->open_callback_scopes++;
  static int token;
  *result = reinterpret_cast<napi_callback_scope>(&token);
  return nd_clear_error(env);
}

extern "C" napi_status napi_close_callback_scope(napi_env env,
                                                 napi_callback_scope scope) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, scope);
  if (env->open_callback_scopes == 0)
    return nd_set_error(env, napi_callback_scope_mismatch);
  env->open_callback_scopes--;
  nd_loop_scope_exit(env);
  return nd_clear_error(env);
}

/* Async work: execute() runs on the libuv pool, complete() on the loop. */
struct nd_async_work {
  uv_work_t req;
  napi_env env;
  napi_async_execute_callback execute;
  napi_async_complete_callback complete;
  void *data;
};

extern "C" napi_status napi_create_async_work(
    napi_env env, napi_value async_resource, napi_value async_resource_name,
    napi_async_execute_callback execute, napi_async_complete_callback complete,
    void *data, napi_async_work *result) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, execute);
  ND_CHECK_ARG(env, result);
  (void)async_resource;
  (void)async_resource_name;
  nd_async_work *w = new nd_async_work();
  w->env = env;
  w->execute = execute;
  w->complete = complete;
  w->data = data;
  *result = reinterpret_cast<napi_async_work>(w);
  return nd_clear_error(env);
}

extern "C" napi_status napi_delete_async_work(napi_env env,
                                              napi_async_work work) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, work);
  delete reinterpret_cast<nd_async_work *>(work);
  return nd_clear_error(env);
}

static void work_execute(uv_work_t *req) {
  nd_async_work *w = reinterpret_cast<nd_async_work *>(req);
  w->execute(w->env, w->data);
}

static void work_after(uv_work_t *req, int status) {
  nd_async_work *w = reinterpret_cast<nd_async_work *>(req);
  napi_env env = w->env;
  if (w->complete == NULL) return;
  napi_status s = status == UV_ECANCELED ? napi_cancelled : napi_ok;
  v8::HandleScope scope(env->isolate);
  nd_loop_scope_enter(env);
  w->complete(env, s, w->data);
  if (!env->pending_exception.IsEmpty()) {
    napi_value exc = nd_value(env->pending_exception.Get(env->isolate));
    nd_loop_take_and_report_uncaught(env, exc);
  }
  nd_loop_scope_exit(env);
}

extern "C" napi_status napi_queue_async_work(napi_env env,
                                             napi_async_work work) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, work);
  nd_async_work *w = reinterpret_cast<nd_async_work *>(work);
  int r = uv_queue_work(env->idata->loop, &w->req, work_execute, work_after);
  if (r != 0) return nd_set_error(env, napi_generic_failure);
  return nd_clear_error(env);
}

extern "C" napi_status napi_cancel_async_work(napi_env env,
                                              napi_async_work work) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, work);
  nd_async_work *w = reinterpret_cast<nd_async_work *>(work);
  if (uv_cancel(reinterpret_cast<uv_req_t *>(&w->req)) != 0)
    return nd_set_error(env, napi_generic_failure);
  return nd_clear_error(env);
}

/* Thread-safe functions: a queue guarded by a mutex; any thread pushes,
 * a uv_async_t wakes the loop thread which drains it through call_js. */
struct nd_tsfn_item {
  void *data;
  nd_tsfn_item *next;
};

struct napi_threadsafe_function__ {
  uv_async_t async;
  pthread_mutex_t mutex;
  pthread_cond_t cond;
  napi_env env;
  v8::Global<v8::Function> func;
  size_t max_queue_size;
  size_t queue_size;
  nd_tsfn_item *head, *tail;
  size_t thread_count;
  bool closing;  /* aborted or released to zero */
  bool aborted;
  bool handle_closed;
  void *context;
  void *finalize_data;
  napi_finalize finalize_cb;
  napi_threadsafe_function_call_js call_js;
};

static void tsfn_finalize(napi_threadsafe_function tsfn) {
  napi_env env = tsfn->env;
  v8::HandleScope scope(env->isolate);
  if (tsfn->finalize_cb != NULL)
    tsfn->finalize_cb(env, tsfn->finalize_data, tsfn->context);
  tsfn->func.Reset();
  pthread_mutex_destroy(&tsfn->mutex);
  pthread_cond_destroy(&tsfn->cond);
  delete tsfn;
}

static void tsfn_closed(uv_handle_t *handle) {
  tsfn_finalize(reinterpret_cast<napi_threadsafe_function>(handle));
}

static void tsfn_close(napi_threadsafe_function tsfn) {
  if (tsfn->handle_closed) return;
  tsfn->handle_closed = true;
  /* Items still queued are dropped with call_js(env == NULL) semantics:
   * Node passes them to call_js with env NULL when aborting. */
  while (tsfn->head != NULL) {
    nd_tsfn_item *it = tsfn->head;
    tsfn->head = it->next;
    if (tsfn->call_js != NULL)
      tsfn->call_js(NULL, NULL, tsfn->context, it->data);
    delete it;
  }
  uv_close(reinterpret_cast<uv_handle_t *>(&tsfn->async), tsfn_closed);
}

static void tsfn_drain(uv_async_t *handle) {
  napi_threadsafe_function tsfn =
      reinterpret_cast<napi_threadsafe_function>(handle);
  napi_env env = tsfn->env;
  for (int budget = 1000; budget > 0; budget--) {
    pthread_mutex_lock(&tsfn->mutex);
    nd_tsfn_item *it = tsfn->head;
    if (it != NULL) {
      tsfn->head = it->next;
      if (tsfn->head == NULL) tsfn->tail = NULL;
      tsfn->queue_size--;
      pthread_cond_signal(&tsfn->cond);
    }
    bool done = it == NULL && tsfn->closing;
    pthread_mutex_unlock(&tsfn->mutex);
    if (it == NULL) {
      if (done) tsfn_close(tsfn);
      return;
    }
    v8::HandleScope scope(env->isolate);
    nd_loop_scope_enter(env);
    if (tsfn->call_js != NULL) {
      napi_value fn = tsfn->func.IsEmpty()
                          ? NULL
                          : nd_value(tsfn->func.Get(env->isolate));
      tsfn->call_js(env, fn, tsfn->context, it->data);
    } else if (!tsfn->func.IsEmpty()) {
      napi_value fn = nd_value(tsfn->func.Get(env->isolate));
      napi_value undef;
      napi_get_undefined(env, &undef);
      napi_call_function(env, undef, fn, 0, NULL, NULL);
    }
    delete it;
    if (!env->pending_exception.IsEmpty()) {
      napi_value exc = nd_value(env->pending_exception.Get(env->isolate));
      nd_loop_take_and_report_uncaught(env, exc);
    }
    nd_loop_scope_exit(env);
  }
  uv_async_send(&tsfn->async);
}

extern "C" napi_status napi_create_threadsafe_function(
    napi_env env, napi_value func, napi_value async_resource,
    napi_value async_resource_name, size_t max_queue_size,
    size_t initial_thread_count, void *thread_finalize_data,
    napi_finalize thread_finalize_cb, void *context,
    napi_threadsafe_function_call_js call_js_cb,
    napi_threadsafe_function *result) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, async_resource_name);
  ND_CHECK_ARG(env, result);
  (void)async_resource;
  if (initial_thread_count == 0) return nd_set_error(env, napi_invalid_arg);
  if (func == NULL) {
    if (call_js_cb == NULL) return nd_set_error(env, napi_invalid_arg);
  } else if (!nd_local(func)->IsFunction()) {
    return nd_set_error(env, napi_function_expected);
  }
  napi_threadsafe_function tsfn = new napi_threadsafe_function__();
  tsfn->env = env;
  if (func != NULL)
    tsfn->func.Reset(env->isolate, nd_local(func).As<v8::Function>());
  tsfn->max_queue_size = max_queue_size;
  tsfn->thread_count = initial_thread_count;
  tsfn->context = context;
  tsfn->finalize_data = thread_finalize_data;
  tsfn->finalize_cb = thread_finalize_cb;
  tsfn->call_js = call_js_cb;
  pthread_mutex_init(&tsfn->mutex, NULL);
  pthread_cond_init(&tsfn->cond, NULL);
  if (uv_async_init(env->idata->loop, &tsfn->async, tsfn_drain) != 0) {
    delete tsfn;
    return nd_set_error(env, napi_generic_failure);
  }
  *result = tsfn;
  return nd_clear_error(env);
}

extern "C" napi_status napi_get_threadsafe_function_context(
    napi_threadsafe_function func, void **result) {
  if (func == NULL || result == NULL) return napi_invalid_arg;
  *result = func->context;
  return napi_ok;
}

extern "C" napi_status napi_call_threadsafe_function(
    napi_threadsafe_function func, void *data,
    napi_threadsafe_function_call_mode is_blocking) {
  if (func == NULL) return napi_invalid_arg;
  pthread_mutex_lock(&func->mutex);
  while (func->max_queue_size > 0 && func->queue_size >= func->max_queue_size &&
         !func->closing) {
    if (is_blocking == napi_tsfn_nonblocking) {
      pthread_mutex_unlock(&func->mutex);
      return napi_queue_full;
    }
    pthread_cond_wait(&func->cond, &func->mutex);
  }
  if (func->closing) {
    bool aborted = func->aborted;
    if (func->thread_count > 0) func->thread_count--;
    pthread_mutex_unlock(&func->mutex);
    return aborted ? napi_closing : napi_invalid_arg;
  }
  nd_tsfn_item *it = new nd_tsfn_item{data, NULL};
  if (func->tail) func->tail->next = it;
  else func->head = it;
  func->tail = it;
  func->queue_size++;
  uv_async_send(&func->async);
  pthread_mutex_unlock(&func->mutex);
  return napi_ok;
}

extern "C" napi_status napi_acquire_threadsafe_function(
    napi_threadsafe_function func) {
  if (func == NULL) return napi_invalid_arg;
  pthread_mutex_lock(&func->mutex);
  if (func->closing) {
    pthread_mutex_unlock(&func->mutex);
    return napi_closing;
  }
  func->thread_count++;
  pthread_mutex_unlock(&func->mutex);
  return napi_ok;
}

extern "C" napi_status napi_release_threadsafe_function(
    napi_threadsafe_function func, napi_threadsafe_function_release_mode mode) {
  if (func == NULL) return napi_invalid_arg;
  pthread_mutex_lock(&func->mutex);
  if (func->thread_count == 0) {
    pthread_mutex_unlock(&func->mutex);
    return napi_invalid_arg;
  }
  func->thread_count--;
  if (func->thread_count == 0 || mode == napi_tsfn_abort) {
    if (!func->closing) {
      func->closing = true;
      func->aborted = mode == napi_tsfn_abort;
      pthread_cond_broadcast(&func->cond);
      uv_async_send(&func->async);
    }
  }
  pthread_mutex_unlock(&func->mutex);
  return napi_ok;
}

extern "C" napi_status napi_unref_threadsafe_function(
    napi_env env, napi_threadsafe_function func) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, func);
  uv_unref(reinterpret_cast<uv_handle_t *>(&func->async));
  return napi_ok;
}

extern "C" napi_status napi_ref_threadsafe_function(
    napi_env env, napi_threadsafe_function func) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, func);
  uv_ref(reinterpret_cast<uv_handle_t *>(&func->async));
  return napi_ok;
}

/* Old-style registration: an addon's constructor calls this while dlopen()
 * runs; the loader picks the module up right after (see runtime/addons.c). */
extern "C" void napi_module_register(napi_module *mod) {
  nd_addon_register_legacy(mod);
}
