/* napi_async.cc - Node-API over V8: async work on the libuv pool,
 * thread-safe functions, make_callback and callback scopes, module
 * registration. */
#include <v8.h>

#include <pthread.h>
#include <stdlib.h>

#include <vector>

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

/* Async contexts: each Node-API async resource gets an async id through
 * the JS hooks of internal/napi_async_context.js, and native callbacks run
 * between its before and after events (async_hooks). Without the hooks
 * installed, contexts are inert. */
struct nd_async_context {
  napi_env env;
  v8::Global<v8::Object> resource;
  double async_id;
  double trigger_id;
};

extern "C" void nd_napi_set_async_hooks(napi_env env, napi_value hooks) {
  v8::Local<v8::Value> h = nd_local(hooks);
  if (h->IsObject())
    env->idata->napi_async_hooks.Reset(env->isolate, h.As<v8::Object>());
}

/* Calls hooks[name](...argv); false when there are no hooks. An exception
 * from a hook is reported as uncaught. */
static bool call_async_hook(napi_env env, const char *name, int argc,
                            v8::Local<v8::Value> *argv,
                            v8::Local<v8::Value> *result) {
  nd_isolate_data *idata = env->idata;
  if (idata->napi_async_hooks.IsEmpty()) return false;
  v8::Isolate *isolate = env->isolate;
  v8::Local<v8::Context> context = nd_context(env);
  v8::Local<v8::Object> hooks = idata->napi_async_hooks.Get(isolate);
  v8::TryCatch tc(isolate);
  v8::Local<v8::Value> fn, ret;
  if (!hooks->Get(context, v8::String::NewFromUtf8(isolate, name)
                               .ToLocalChecked())
           .ToLocal(&fn) ||
      !fn->IsFunction() ||
      !fn.As<v8::Function>()
           ->Call(context, v8::Undefined(isolate), argc, argv)
           .ToLocal(&ret)) {
    if (tc.HasCaught() && !tc.HasTerminated()) {
      v8::Local<v8::Value> exc = tc.Exception();
      tc.Reset();
      nd_loop_report_uncaught(idata->core_env, nd_value(exc));
    }
    return false;
  }
  if (result != NULL) *result = ret;
  return true;
}

/* Makes ctx a new async resource (resource may be empty: a new object). */
static void async_context_init(napi_env env, nd_async_context *ctx,
                               v8::Local<v8::Value> resource,
                               v8::Local<v8::Value> name) {
  v8::Isolate *isolate = env->isolate;
  v8::Local<v8::Context> context = nd_context(env);
  ctx->env = env;
  ctx->async_id = 0;
  ctx->trigger_id = 0;
  v8::Local<v8::Value> argv[2] = {
      resource.IsEmpty() ? v8::Undefined(isolate).As<v8::Value>() : resource,
      name};
  v8::Local<v8::Value> ret;
  if (call_async_hook(env, "init", 2, argv, &ret) && ret->IsArray()) {
    v8::Local<v8::Array> a = ret.As<v8::Array>();
    v8::Local<v8::Value> id, trigger, res;
    if (a->Get(context, 0).ToLocal(&id) &&
        a->Get(context, 1).ToLocal(&trigger) &&
        a->Get(context, 2).ToLocal(&res) && res->IsObject()) {
      ctx->async_id = id->NumberValue(context).FromMaybe(0);
      ctx->trigger_id = trigger->NumberValue(context).FromMaybe(0);
      ctx->resource.Reset(isolate, res.As<v8::Object>());
      ctx->resource.SetWeak();
      return;
    }
  }
  if (!resource.IsEmpty() && resource->IsObject())
    ctx->resource.Reset(isolate, resource.As<v8::Object>());
  else
    ctx->resource.Reset(isolate, v8::Object::New(isolate));
  /* The context does not keep its resource alive (as in Node). */
  ctx->resource.SetWeak();
}

static void async_context_before(nd_async_context *ctx,
                                 v8::Local<v8::Value> resource) {
  if (ctx->async_id == 0) return;
  napi_env env = ctx->env;
  v8::Isolate *isolate = env->isolate;
  v8::Local<v8::Value> argv[3] = {
      v8::Number::New(isolate, ctx->async_id),
      v8::Number::New(isolate, ctx->trigger_id),
      !resource.IsEmpty() ? resource
      : ctx->resource.IsEmpty() ? v8::Object::New(isolate).As<v8::Value>()
                                : ctx->resource.Get(isolate).As<v8::Value>()};
  call_async_hook(env, "before", 3, argv, NULL);
}

static void async_id_after(napi_env env, double async_id) {
  if (async_id == 0) return;
  v8::Local<v8::Value> argv[1] = {v8::Number::New(env->isolate, async_id)};
  call_async_hook(env, "after", 1, argv, NULL);
}

static void async_context_after(nd_async_context *ctx) {
  async_id_after(ctx->env, ctx->async_id);
}

static void async_context_destroy(nd_async_context *ctx) {
  if (ctx->async_id != 0) {
    v8::Local<v8::Value> argv[1] = {
        v8::Number::New(ctx->env->isolate, ctx->async_id)};
    call_async_hook(ctx->env, "destroy", 1, argv, NULL);
  }
  ctx->resource.Reset();
}

extern "C" napi_status napi_async_init(napi_env env, napi_value async_resource,
                                       napi_value async_resource_name,
                                       napi_async_context *result) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, async_resource_name);
  ND_CHECK_ARG(env, result);
  v8::Isolate *isolate = env->isolate;
  v8::Local<v8::Context> context = nd_context(env);
  v8::Local<v8::String> name;
  if (!nd_local(async_resource_name)->ToString(context).ToLocal(&name))
    return nd_set_error(env, napi_string_expected);
  v8::Local<v8::Value> resource;
  if (async_resource != NULL) {
    v8::Local<v8::Object> obj;
    if (!nd_local(async_resource)->ToObject(context).ToLocal(&obj))
      return nd_set_error(env, napi_object_expected);
    resource = obj;
  }
  v8::HandleScope scope(isolate);
  nd_async_context *ctx = new nd_async_context();
  async_context_init(env, ctx, resource, name);
  *result = reinterpret_cast<napi_async_context>(ctx);
  return nd_clear_error(env);
}

extern "C" napi_status napi_async_destroy(napi_env env,
                                          napi_async_context async_context) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, async_context);
  nd_async_context *ctx = reinterpret_cast<nd_async_context *>(async_context);
  v8::HandleScope scope(env->isolate);
  async_context_destroy(ctx);
  delete ctx;
  return nd_clear_error(env);
}

/* The domain module's make_callback trampoline, once it is loaded
 * (domainCallback(fn, ...args) with recv as this). */
static bool domain_callback(napi_env env, v8::Local<v8::Function> *result) {
  nd_isolate_data *idata = env->idata;
  if (idata->napi_async_hooks.IsEmpty()) return false;
  v8::Isolate *isolate = env->isolate;
  v8::Local<v8::Object> hooks = idata->napi_async_hooks.Get(isolate);
  v8::Local<v8::Value> fn;
  if (!hooks->Get(nd_context(env),
                  v8::String::NewFromUtf8Literal(isolate, "domainCallback"))
           .ToLocal(&fn) ||
      !fn->IsFunction())
    return false;
  *result = fn.As<v8::Function>();
  return true;
}

/* Calls fn for napi_make_callback(). From a native function JS called,
 * an exception propagates to that JS caller (it stays pending on env);
 * with no JS on the stack (a libuv callback) it is reported as uncaught.
 * Returns 0, or -1 when fn threw. */
static int call_from_native(napi_env env, napi_value recv, napi_value fn,
                            size_t argc, const napi_value *argv,
                            napi_value *result) {
  if (v8::StackTrace::CurrentStackTrace(env->isolate, 1)->GetFrameCount() == 0)
    return nd_loop_make_callback(env, recv, fn, argc, argv, result);
  return napi_call_function(env, recv, fn, argc, argv, result) == napi_ok ? 0
                                                                          : -1;
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
  if (!nd_local(func)->IsFunction())
    return nd_set_error(env, napi_function_expected);
  nd_async_context *ctx = reinterpret_cast<nd_async_context *>(async_context);
  napi_value ret = NULL;
  nd_loop_scope_enter(env);
  /* The callback may destroy the context: keep its id. */
  double async_id = ctx != NULL ? ctx->async_id : 0;
  if (ctx != NULL) async_context_before(ctx, v8::Local<v8::Value>());
  int rc;
  v8::Local<v8::Function> trampoline;
  if (async_id == 0 && domain_callback(env, &trampoline)) {
    /* Without an async context, the callback runs in recv.domain. */
    std::vector<napi_value> args(argc + 1);
    args[0] = func;
    for (size_t i = 0; i < argc; i++) args[i + 1] = argv[i];
    rc = call_from_native(env, recv, nd_value(trampoline), argc + 1,
                          args.data(), &ret);
  } else {
    rc = call_from_native(env, recv, func, argc, argv, &ret);
  }
  async_id_after(env, async_id);
  nd_loop_scope_exit(env);
  if (result != NULL) *result = ret;
  if (rc != 0) return nd_set_error(env, napi_pending_exception);
  if (ret == NULL) {
    if (result != NULL) napi_get_undefined(env, result);
  }
  return nd_clear_error(env);
}

/* A callback scope: before/after of its context with its own resource. */
struct nd_callback_scope {
  napi_env env;
  double async_id;
};

extern "C" napi_status napi_open_callback_scope(napi_env env,
                                                napi_value resource_object,
                                                napi_async_context context,
                                                napi_callback_scope *result) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, result);
  nd_loop_scope_enter(env);
  env->open_callback_scopes++;
  nd_callback_scope *scope = new nd_callback_scope();
  nd_async_context *ctx = reinterpret_cast<nd_async_context *>(context);
  scope->env = env;
  scope->async_id = ctx != NULL ? ctx->async_id : 0;
  if (ctx != NULL) {
    v8::Local<v8::Value> resource;
    if (resource_object != NULL && nd_local(resource_object)->IsObject())
      resource = nd_local(resource_object);
    async_context_before(ctx, resource);
  }
  *result = reinterpret_cast<napi_callback_scope>(scope);
  return nd_clear_error(env);
}

extern "C" napi_status napi_close_callback_scope(napi_env env,
                                                 napi_callback_scope scope) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, scope);
  if (env->open_callback_scopes == 0)
    return nd_set_error(env, napi_callback_scope_mismatch);
  env->open_callback_scopes--;
  nd_callback_scope *s = reinterpret_cast<nd_callback_scope *>(scope);
  async_id_after(s->env, s->async_id);
  delete s;
  nd_loop_scope_exit(env);
  return nd_clear_error(env);
}

/* An exception a callback run from the loop left on env: uncaught, or
 * (thread-safe functions of modules older than the policy, unless
 * `enforce`) dropped with a warning. */
static void report_callback_exception(napi_env env, bool enforce) {
  if (env->pending_exception.IsEmpty()) return;
  napi_value exc = nd_value(env->pending_exception.Get(env->isolate));
  nd_loop_napi_callback_exception(
      env, exc,
      enforce || env->module_api_version == NAPI_VERSION_EXPERIMENTAL);
}

/* Async work: execute() runs on the libuv pool, complete() on the loop. */
struct nd_async_work {
  uv_work_t req;
  napi_env env;
  napi_async_execute_callback execute;
  napi_async_complete_callback complete;
  void *data;
  nd_async_context ctx;
};

extern "C" napi_status napi_create_async_work(
    napi_env env, napi_value async_resource, napi_value async_resource_name,
    napi_async_execute_callback execute, napi_async_complete_callback complete,
    void *data, napi_async_work *result) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, execute);
  ND_CHECK_ARG(env, result);
  v8::Isolate *isolate = env->isolate;
  v8::Local<v8::Context> context = nd_context(env);
  v8::HandleScope scope(isolate);
  v8::Local<v8::Value> resource;
  if (async_resource != NULL) {
    v8::Local<v8::Object> obj;
    if (!nd_local(async_resource)->ToObject(context).ToLocal(&obj))
      return nd_set_error(env, napi_object_expected);
    resource = obj;
  }
  v8::Local<v8::String> name;
  if (async_resource_name == NULL ||
      !nd_local(async_resource_name)->ToString(context).ToLocal(&name))
    return nd_set_error(env, napi_invalid_arg);
  nd_async_work *w = new nd_async_work();
  w->env = env;
  w->execute = execute;
  w->complete = complete;
  w->data = data;
  async_context_init(env, &w->ctx, resource, name);
  *result = reinterpret_cast<napi_async_work>(w);
  return nd_clear_error(env);
}

extern "C" napi_status napi_delete_async_work(napi_env env,
                                              napi_async_work work) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, work);
  nd_async_work *w = reinterpret_cast<nd_async_work *>(work);
  {
    v8::HandleScope scope(env->isolate);
    async_context_destroy(&w->ctx);
  }
  delete w;
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
  nd_async_context *ctx = &w->ctx;
  async_context_before(ctx, v8::Local<v8::Value>());
  /* complete() may delete the work (and its context): keep the id. */
  double async_id = ctx->async_id;
  w->complete(env, s, w->data);
  /* Async work completions always follow the uncaught exception policy. */
  report_callback_exception(env, true);
  async_id_after(env, async_id);
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
  nd_async_context ctx;
};

static void tsfn_finalize(napi_threadsafe_function tsfn) {
  napi_env env = tsfn->env;
  v8::HandleScope scope(env->isolate);
  if (tsfn->finalize_cb != NULL) {
    nd_loop_scope_enter(env);
    tsfn->finalize_cb(env, tsfn->finalize_data, tsfn->context);
    report_callback_exception(env, false);
    nd_loop_scope_exit(env);
  }
  async_context_destroy(&tsfn->ctx);
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
    async_context_before(&tsfn->ctx, v8::Local<v8::Value>());
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
    report_callback_exception(env, false);
    async_context_after(&tsfn->ctx);
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
  if (initial_thread_count == 0) return nd_set_error(env, napi_invalid_arg);
  v8::HandleScope handle_scope(env->isolate);
  v8::Local<v8::Context> v8_context = nd_context(env);
  v8::Local<v8::Value> resource;
  if (async_resource != NULL) {
    v8::Local<v8::Object> obj;
    if (!nd_local(async_resource)->ToObject(v8_context).ToLocal(&obj))
      return nd_set_error(env, napi_object_expected);
    resource = obj;
  }
  v8::Local<v8::String> name;
  if (!nd_local(async_resource_name)->ToString(v8_context).ToLocal(&name))
    return nd_set_error(env, napi_string_expected);
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
  async_context_init(env, &tsfn->ctx, resource, name);
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
