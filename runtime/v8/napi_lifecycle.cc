/* napi_lifecycle.cc - Node-API over V8: error status, exceptions, handle
 * scopes, references, finalizers, instance data and cleanup hooks. */
#include <v8.h>

#include <stdio.h>
#include <stdlib.h>

#include "../loop.h"
#include "shim.h"

static const char *const error_messages[] = {
  NULL,
  "Invalid argument",
  "An object was expected",
  "A string was expected",
  "A string or symbol was expected",
  "A function was expected",
  "A number was expected",
  "A boolean was expected",
  "An array was expected",
  "Unknown failure",
  "An exception is pending",
  "The async work item was cancelled",
  "napi_escape_handle already called on scope",
  "Invalid handle scope usage",
  "Invalid callback scope usage",
  "Thread-safe function queue is full",
  "Thread-safe function handle is closing",
  "A bigint was expected",
  "A date was expected",
  "An arraybuffer was expected",
  "A detachable arraybuffer was expected",
  "Main thread would deadlock",
  "External buffers are not allowed",
  "Cannot run JavaScript",
};

napi_status nd_set_error(napi_env env, napi_status status) {
  env->last_error.error_code = status;
  env->last_error.engine_error_code = 0;
  env->last_error.engine_reserved = NULL;
  return status;
}

extern "C" napi_status napi_get_last_error_info(
    napi_env env, const napi_extended_error_info **result) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, result);
  napi_status code = env->last_error.error_code;
  size_t n = sizeof(error_messages) / sizeof(error_messages[0]);
  env->last_error.error_message =
      (size_t)code < n ? error_messages[code] : NULL;
  *result = &env->last_error;
  return napi_ok;
}

void nd_capture_exception(napi_env env, v8::TryCatch &tc) {
  if (tc.HasTerminated()) return;
  env->pending_exception.Reset(env->isolate, tc.Exception());
  v8::Local<v8::Message> message = tc.Message();
  if (!message.IsEmpty())
    env->pending_message.Reset(env->isolate, message);
  else
    env->pending_message.Reset();
}

void nd_rethrow_pending(napi_env env) {
  if (env->pending_exception.IsEmpty()) return;
  v8::Local<v8::Value> e = env->pending_exception.Get(env->isolate);
  env->pending_exception.Reset();
  env->pending_message.Reset();
  env->isolate->ThrowException(e);
}

static napi_status set_pending(napi_env env, v8::Local<v8::Value> error) {
  env->pending_exception.Reset(env->isolate, error);
  env->pending_message.Reset();
  return nd_clear_error(env);
}

extern "C" napi_status napi_throw(napi_env env, napi_value error) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, error);
  return set_pending(env, nd_local(error));
}

/* Makes an error with `message` and, when `code` is given, a .code. */
static napi_status make_error(napi_env env,
                              v8::Local<v8::Value> (*ctor)(
                                  v8::Local<v8::String>),
                              v8::Local<v8::Value> code,
                              v8::Local<v8::Value> message,
                              v8::Local<v8::Value> *out) {
  if (!message->IsString()) return nd_set_error(env, napi_string_expected);
  v8::Local<v8::Value> err = ctor(message.As<v8::String>());
  if (!code.IsEmpty() && !code->IsUndefined()) {
    if (!code->IsString()) return nd_set_error(env, napi_string_expected);
    v8::Local<v8::String> key =
        v8::String::NewFromUtf8Literal(env->isolate, "code");
    if (err.As<v8::Object>()->Set(nd_context(env), key, code).IsNothing())
      return nd_set_error(env, napi_generic_failure);
  }
  *out = err;
  return napi_ok;
}

static v8::Local<v8::Value> syntax_error(v8::Local<v8::String> m) {
  return v8::Exception::SyntaxError(m);
}

#define ND_CREATE_ERROR(name, ctor)                                            \
  extern "C" napi_status name(napi_env env, napi_value code, napi_value msg,   \
                              napi_value *result) {                            \
    ND_CHECK_ENV(env);                                                         \
    ND_CHECK_ARG(env, msg);                                                    \
    ND_CHECK_ARG(env, result);                                                 \
    v8::Local<v8::Value> err;                                                  \
    napi_status s = make_error(                                                \
        env, ctor, code ? nd_local(code) : v8::Local<v8::Value>(),            \
        nd_local(msg), &err);                                                  \
    if (s != napi_ok) return s;                                                \
    *result = nd_value(err);                                                   \
    return nd_clear_error(env);                                                \
  }

ND_CREATE_ERROR(napi_create_error, v8::Exception::Error)
ND_CREATE_ERROR(napi_create_type_error, v8::Exception::TypeError)
ND_CREATE_ERROR(napi_create_range_error, v8::Exception::RangeError)
ND_CREATE_ERROR(node_api_create_syntax_error, syntax_error)

#define ND_THROW_ERROR(name, ctor)                                             \
  extern "C" napi_status name(napi_env env, const char *code,                 \
                              const char *msg) {                               \
    ND_CHECK_ENV(env);                                                         \
    v8::Local<v8::String> m, c;                                                \
    if (!nd_string_utf8(env->isolate, msg ? msg : "", NAPI_AUTO_LENGTH)       \
             .ToLocal(&m))                                                     \
      return nd_set_error(env, napi_generic_failure);                          \
    v8::Local<v8::Value> codev;                                                \
    if (code != NULL) {                                                        \
      if (!nd_string_utf8(env->isolate, code, NAPI_AUTO_LENGTH).ToLocal(&c))  \
        return nd_set_error(env, napi_generic_failure);                        \
      codev = c;                                                               \
    }                                                                          \
    v8::Local<v8::Value> err;                                                  \
    napi_status s = make_error(env, ctor, codev, m, &err);                     \
    if (s != napi_ok) return s;                                                \
    return set_pending(env, err);                                              \
  }

ND_THROW_ERROR(napi_throw_error, v8::Exception::Error)
ND_THROW_ERROR(napi_throw_type_error, v8::Exception::TypeError)
ND_THROW_ERROR(napi_throw_range_error, v8::Exception::RangeError)
ND_THROW_ERROR(node_api_throw_syntax_error, syntax_error)

extern "C" napi_status napi_is_error(napi_env env, napi_value value,
                                     bool *result) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, value);
  ND_CHECK_ARG(env, result);
  *result = nd_local(value)->IsNativeError();
  return nd_clear_error(env);
}

extern "C" napi_status napi_is_exception_pending(napi_env env, bool *result) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, result);
  *result = !env->pending_exception.IsEmpty();
  return nd_clear_error(env);
}

extern "C" napi_status napi_get_and_clear_last_exception(napi_env env,
                                                         napi_value *result) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, result);
  if (env->pending_exception.IsEmpty())
    return napi_get_undefined(env, result);
  *result = nd_value(env->pending_exception.Get(env->isolate));
  env->pending_exception.Reset();
  env->pending_message.Reset();
  return nd_clear_error(env);
}

extern "C" void napi_fatal_error(const char *location, size_t location_len,
                                 const char *message, size_t message_len) {
  if (location_len == NAPI_AUTO_LENGTH)
    location_len = location ? strlen(location) : 0;
  if (message_len == NAPI_AUTO_LENGTH)
    message_len = message ? strlen(message) : 0;
  fflush(stdout);
  fprintf(stderr, "FATAL ERROR: %.*s %.*s\n", (int)location_len,
          location ? location : "", (int)message_len, message ? message : "");
  fflush(stderr);
  abort();
}

/* Handle scopes: V8 scopes must nest on the C stack, so each napi scope is a
 * heap-allocated V8 scope (Node does the same). */
extern "C" napi_status napi_open_handle_scope(napi_env env,
                                              napi_handle_scope *result) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, result);
  *result = reinterpret_cast<napi_handle_scope>(
      new nd_scope_holder(env->isolate));
  env->open_handle_scopes++;
  return nd_clear_error(env);
}

extern "C" napi_status napi_close_handle_scope(napi_env env,
                                               napi_handle_scope scope) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, scope);
  if (env->open_handle_scopes == 0)
    return nd_set_error(env, napi_handle_scope_mismatch);
  env->open_handle_scopes--;
  delete reinterpret_cast<nd_scope_holder *>(scope);
  return nd_clear_error(env);
}

namespace {
struct EscapableScope {
  explicit EscapableScope(v8::Isolate *isolate) : scope(isolate) {}
  v8::EscapableHandleScope scope;
  bool escaped = false;
};
}  // namespace

extern "C" napi_status napi_open_escapable_handle_scope(
    napi_env env, napi_escapable_handle_scope *result) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, result);
  *result = reinterpret_cast<napi_escapable_handle_scope>(
      new EscapableScope(env->isolate));
  env->open_handle_scopes++;
  return nd_clear_error(env);
}

extern "C" napi_status napi_close_escapable_handle_scope(
    napi_env env, napi_escapable_handle_scope scope) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, scope);
  if (env->open_handle_scopes == 0)
    return nd_set_error(env, napi_handle_scope_mismatch);
  env->open_handle_scopes--;
  delete reinterpret_cast<EscapableScope *>(scope);
  return nd_clear_error(env);
}

extern "C" napi_status napi_escape_handle(napi_env env,
                                          napi_escapable_handle_scope scope,
                                          napi_value escapee,
                                          napi_value *result) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, scope);
  ND_CHECK_ARG(env, escapee);
  ND_CHECK_ARG(env, result);
  EscapableScope *s = reinterpret_cast<EscapableScope *>(scope);
  if (s->escaped) return nd_set_error(env, napi_escape_called_twice);
  s->escaped = true;
  *result = nd_value(s->scope.Escape(nd_local(escapee)));
  return nd_clear_error(env);
}

/* Finalizers: a weak Global whose first-pass callback unlinks the record;
 * the second pass either runs the finalizer at once, inside GC (modules
 * built with NAPI_EXPERIMENTAL: "pure" finalizers that must not touch the
 * heap), or queues it to run on the loop, where it may call into JS and
 * where an exception it leaves becomes an uncaught exception (as Node). */
struct nd_finalizer {
  napi_env env;
  v8::Global<v8::Value> handle;
  napi_finalize finalize;
  void *data;
  void *hint;
  nd_finalizer *prev, *next;
};

struct nd_queued_finalizer {
  napi_finalize finalize;
  void *data;
  void *hint;
  nd_queued_finalizer *next;
};

void nd_check_gc_access(napi_env env) {
  if (env->module_api_version != NAPI_VERSION_EXPERIMENTAL ||
      !env->in_gc_finalizer)
    return;
  fflush(stdout);
  fprintf(stderr,
          "FATAL ERROR: Finalizer is calling a function that may affect GC "
          "state.\nThe finalizers are run directly from GC and must not "
          "affect GC state.\nUse `node_api_post_finalizer` from inside of "
          "the finalizer to work around this issue.\nIt schedules the call "
          "as a new task in the event loop.\n");
  fflush(stderr);
  abort();
}

static void finalizer_unlink(napi_env env, nd_finalizer *f) {
  if (f->prev) f->prev->next = f->next;
  else env->finalizers = f->next;
  if (f->next) f->next->prev = f->prev;
}

/* Runs finalize with JS allowed; an exception it leaves is reported as
 * uncaught. */
static void call_finalizer(napi_env env, napi_finalize finalize, void *data,
                           void *hint) {
  v8::HandleScope scope(env->isolate);
  nd_loop_scope_enter(env);
  finalize(env, data, hint);
  if (!env->pending_exception.IsEmpty()) {
    napi_value exc = nd_value(env->pending_exception.Get(env->isolate));
    nd_loop_take_and_report_uncaught(env, exc);
  }
  nd_loop_scope_exit(env);
}

static void drain_finalizers(uv_async_t *handle) {
  nd_isolate_data *idata = static_cast<nd_isolate_data *>(handle->data);
  bool ran;
  do {
    ran = false;
    for (napi_env e = idata->envs; e != NULL; e = e->next_env) {
      while (e->queued_head != NULL) {
        nd_queued_finalizer *q = e->queued_head;
        e->queued_head = q->next;
        if (e->queued_head == NULL) e->queued_tail = NULL;
        napi_finalize fin = q->finalize;
        void *data = q->data, *hint = q->hint;
        delete q;
        call_finalizer(e, fin, data, hint);
        ran = true;
      }
    }
  } while (ran);
  uv_unref(reinterpret_cast<uv_handle_t *>(handle));
}

void nd_queue_finalizer(napi_env env, napi_finalize finalize, void *data,
                        void *hint) {
  nd_queued_finalizer *q = new nd_queued_finalizer{finalize, data, hint, NULL};
  if (env->queued_tail) env->queued_tail->next = q;
  else env->queued_head = q;
  env->queued_tail = q;
  nd_isolate_data *idata = env->idata;
  if (idata->finalizer_async == NULL) {
    idata->finalizer_async = new uv_async_t();
    uv_async_init(idata->loop, idata->finalizer_async, drain_finalizers);
    idata->finalizer_async->data = idata;
  }
  /* The queued work keeps the loop alive until it ran. */
  uv_ref(reinterpret_cast<uv_handle_t *>(idata->finalizer_async));
  uv_async_send(idata->finalizer_async);
}

static void finalizer_second_pass(
    const v8::WeakCallbackInfo<nd_finalizer> &info) {
  nd_finalizer *f = info.GetParameter();
  napi_env env = f->env;
  if (f->finalize != NULL) {
    if (env->is_core) {
      /* The runtime's own bindings free native memory only. */
      v8::HandleScope scope(env->isolate);
      f->finalize(env, f->data, f->hint);
    } else if (env->module_api_version == NAPI_VERSION_EXPERIMENTAL) {
      v8::HandleScope scope(env->isolate);
      env->in_gc_finalizer = true;
      f->finalize(env, f->data, f->hint);
      env->in_gc_finalizer = false;
    } else {
      nd_queue_finalizer(env, f->finalize, f->data, f->hint);
    }
  }
  delete f;
}

static void finalizer_first_pass(
    const v8::WeakCallbackInfo<nd_finalizer> &info) {
  nd_finalizer *f = info.GetParameter();
  f->handle.Reset();
  finalizer_unlink(f->env, f);
  info.SetSecondPassCallback(finalizer_second_pass);
}

struct nd_finalizer *nd_add_finalizer(napi_env env,
                                      v8::Local<v8::Value> object,
                                      napi_finalize finalize, void *data,
                                      void *hint) {
  nd_finalizer *f = new nd_finalizer();
  f->env = env;
  f->finalize = finalize;
  f->data = data;
  f->hint = hint;
  f->handle.Reset(env->isolate, object);
  f->handle.SetWeak(f, finalizer_first_pass, v8::WeakCallbackType::kParameter);
  f->prev = NULL;
  f->next = env->finalizers;
  if (f->next) f->next->prev = f;
  env->finalizers = f;
  return f;
}

void nd_remove_finalizer(napi_env env, struct nd_finalizer *f) {
  finalizer_unlink(env, f);
  f->handle.Reset();
  delete f;
}

extern "C" napi_status napi_add_finalizer(napi_env env, napi_value js_object,
                                          void *finalize_data,
                                          napi_finalize finalize_cb,
                                          void *finalize_hint,
                                          napi_ref *result) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, js_object);
  ND_CHECK_ARG(env, finalize_cb);
  v8::Local<v8::Value> obj = nd_local(js_object);
  if (!obj->IsObject()) return nd_set_error(env, napi_invalid_arg);
  nd_add_finalizer(env, obj, finalize_cb, finalize_data, finalize_hint);
  if (result != NULL) return napi_create_reference(env, js_object, 0, result);
  return nd_clear_error(env);
}

extern "C" napi_status node_api_post_finalizer(napi_env env,
                                               napi_finalize finalize_cb,
                                               void *finalize_data,
                                               void *finalize_hint) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, finalize_cb);
  nd_queue_finalizer(env, finalize_cb, finalize_data, finalize_hint);
  return nd_clear_error(env);
}

/* References: strong while count > 0. At 0, objects and symbols become
 * weak (a registered symbol is never collected, so it stays); any other
 * value (allowed only for NAPI_VERSION_EXPERIMENTAL modules) is released. */
struct nd_reference {
  napi_env env;
  v8::Global<v8::Value> handle;
  uint32_t count;
  bool can_be_weak;
  nd_reference *prev, *next;
};

static void reference_weak_cb(const v8::WeakCallbackInfo<nd_reference> &info) {
  info.GetParameter()->handle.Reset();
}

static void reference_update(nd_reference *r) {
  if (r->handle.IsEmpty()) return;
  if (r->count == 0) {
    if (r->can_be_weak)
      r->handle.SetWeak(r, reference_weak_cb,
                        v8::WeakCallbackType::kParameter);
    else
      r->handle.Reset();
  } else {
    r->handle.ClearWeak();
  }
}

extern "C" napi_status napi_create_reference(napi_env env, napi_value value,
                                             uint32_t initial_refcount,
                                             napi_ref *result) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, value);
  ND_CHECK_ARG(env, result);
  v8::Local<v8::Value> v = nd_local(value);
  bool weakable = v->IsObject() || v->IsSymbol();
  if (env->module_api_version != NAPI_VERSION_EXPERIMENTAL && !weakable)
    return nd_set_error(env, napi_invalid_arg);
  nd_reference *r = new nd_reference();
  r->env = env;
  r->handle.Reset(env->isolate, v);
  r->count = initial_refcount;
  r->can_be_weak = weakable;
  r->prev = NULL;
  r->next = env->references;
  if (r->next) r->next->prev = r;
  env->references = r;
  reference_update(r);
  *result = reinterpret_cast<napi_ref>(r);
  return nd_clear_error(env);
}

extern "C" napi_status napi_delete_reference(napi_env env, napi_ref ref) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, ref);
  nd_reference *r = reinterpret_cast<nd_reference *>(ref);
  if (r->prev) r->prev->next = r->next;
  else r->env->references = r->next;
  if (r->next) r->next->prev = r->prev;
  r->handle.Reset();
  delete r;
  return nd_clear_error(env);
}

extern "C" napi_status napi_reference_ref(napi_env env, napi_ref ref,
                                          uint32_t *result) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, ref);
  nd_reference *r = reinterpret_cast<nd_reference *>(ref);
  r->count++;
  if (r->count == 1) reference_update(r);
  if (result) *result = r->count;
  return nd_clear_error(env);
}

extern "C" napi_status napi_reference_unref(napi_env env, napi_ref ref,
                                            uint32_t *result) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, ref);
  nd_reference *r = reinterpret_cast<nd_reference *>(ref);
  if (r->count == 0) return nd_set_error(env, napi_generic_failure);
  r->count--;
  if (r->count == 0) reference_update(r);
  if (result) *result = r->count;
  return nd_clear_error(env);
}

extern "C" napi_status napi_get_reference_value(napi_env env, napi_ref ref,
                                                napi_value *result) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, ref);
  ND_CHECK_ARG(env, result);
  nd_reference *r = reinterpret_cast<nd_reference *>(ref);
  if (r->handle.IsEmpty())
    *result = NULL;
  else
    *result = nd_value(r->handle.Get(env->isolate));
  return nd_clear_error(env);
}

/* Env teardown for an addon env: runs every remaining finalizer, then the
 * instance data finalizer (registered as the env's first cleanup hook). */
extern "C" void nd_napi_env_teardown(void *arg) {
  napi_env env = static_cast<napi_env>(arg);
  if (env->torn_down) return;
  env->torn_down = true;
  v8::HandleScope scope(env->isolate);
  /* Objects still alive get their finalizers now, then queued ones run. */
  while (env->finalizers != NULL) {
    nd_finalizer *f = env->finalizers;
    finalizer_unlink(env, f);
    f->handle.Reset();
    napi_finalize fin = f->finalize;
    void *data = f->data, *hint = f->hint;
    delete f;
    if (fin) fin(env, data, hint);
    env->pending_exception.Reset();
  }
  while (env->queued_head != NULL) {
    nd_queued_finalizer *q = env->queued_head;
    env->queued_head = q->next;
    if (env->queued_head == NULL) env->queued_tail = NULL;
    q->finalize(env, q->data, q->hint);
    env->pending_exception.Reset();
    delete q;
  }
  if (env->instance_finalize != NULL) {
    napi_finalize fin = env->instance_finalize;
    env->instance_finalize = NULL;
    fin(env, env->instance_data, env->instance_hint);
  }
}

void nd_finalize_all(napi_env env) {
  while (env->finalizers != NULL) {
    nd_finalizer *f = env->finalizers;
    finalizer_unlink(env, f);
    f->handle.Reset();
    if (f->finalize) f->finalize(env, f->data, f->hint);
    delete f;
  }
  while (env->references != NULL) {
    nd_reference *r = env->references;
    env->references = r->next;
    r->handle.Reset();
    delete r;
  }
}

extern "C" napi_status napi_set_instance_data(napi_env env, void *data,
                                              napi_finalize finalize_cb,
                                              void *finalize_hint) {
  ND_CHECK_ENV(env);
  env->instance_data = data;
  env->instance_finalize = finalize_cb;
  env->instance_hint = finalize_hint;
  return nd_clear_error(env);
}

extern "C" napi_status napi_get_instance_data(napi_env env, void **data) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, data);
  *data = env->instance_data;
  return nd_clear_error(env);
}

/* Cleanup hooks run in reverse order of registration at env teardown. */
struct nd_cleanup_hook {
  void (*fun)(void *arg);
  void *arg;
  napi_async_cleanup_hook async_fun;
  nd_cleanup_hook *next;
  napi_env env;
  /* An async hook that was called and waits for its removal (it stays
   * linked while nd_engine_run_cleanup_hooks_async is in charge). */
  bool started;
};

void nd_cleanup_hook_run_one(napi_env env, struct nd_cleanup_hook *h) {
  env->cleanup_hooks = h->next;
  if (h->started) return; /* forced teardown: no longer waited for */
  if (h->async_fun != NULL)
    h->async_fun(reinterpret_cast<napi_async_cleanup_hook_handle>(h), h->arg);
  else
    h->fun(h->arg);
  if (h->async_fun == NULL) delete h;
}

/* Runs env's hooks that did not run yet; returns whether some started
 * async hook still waits for its removal. An addon env's teardown
 * (finalizers) waits for the async hooks started before it, as Node's
 * env reference count makes it. */
static bool run_hooks_of(napi_env e) {
  for (;;) {
    nd_cleanup_hook *h = e->cleanup_hooks, *started = NULL;
    while (h != NULL && h->started) {
      started = h;
      h = h->next;
    }
    if (h == NULL) return started != NULL;
    if (h->async_fun == NULL && h->fun == nd_napi_env_teardown &&
        started != NULL)
      return true;
    /* Unlink h, wherever it is. */
    nd_cleanup_hook **p = &e->cleanup_hooks;
    while (*p != h) p = &(*p)->next;
    *p = h->next;
    if (h->async_fun != NULL) {
      /* Stays linked (at the head) until napi_remove_async_cleanup_hook. */
      h->started = true;
      h->next = e->cleanup_hooks;
      e->cleanup_hooks = h;
      h->async_fun(reinterpret_cast<napi_async_cleanup_hook_handle>(h),
                   h->arg);
    } else {
      h->fun(h->arg);
      delete h;
    }
  }
}

extern "C" bool nd_engine_run_cleanup_hooks_async(napi_env env) {
  bool pending = false;
  for (napi_env e = env->idata->envs; e != NULL; e = e->next_env)
    if (run_hooks_of(e)) pending = true;
  return pending;
}

extern "C" napi_status napi_add_env_cleanup_hook(napi_env env,
                                                 void (*fun)(void *arg),
                                                 void *arg) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, fun);
  nd_cleanup_hook *h =
      new nd_cleanup_hook{fun, arg, NULL, env->cleanup_hooks, env, false};
  env->cleanup_hooks = h;
  return napi_ok;
}

extern "C" napi_status napi_remove_env_cleanup_hook(napi_env env,
                                                    void (*fun)(void *arg),
                                                    void *arg) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, fun);
  for (nd_cleanup_hook **p = &env->cleanup_hooks; *p; p = &(*p)->next) {
    if ((*p)->fun == fun && (*p)->arg == arg && (*p)->async_fun == NULL) {
      nd_cleanup_hook *h = *p;
      *p = h->next;
      delete h;
      break;
    }
  }
  return napi_ok;
}

extern "C" napi_status napi_add_async_cleanup_hook(
    napi_env env, napi_async_cleanup_hook hook, void *arg,
    napi_async_cleanup_hook_handle *remove_handle) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, hook);
  nd_cleanup_hook *h =
      new nd_cleanup_hook{NULL, arg, hook, env->cleanup_hooks, env, false};
  env->cleanup_hooks = h;
  if (remove_handle)
    *remove_handle = reinterpret_cast<napi_async_cleanup_hook_handle>(h);
  return nd_clear_error(env);
}

extern "C" napi_status napi_remove_async_cleanup_hook(
    napi_async_cleanup_hook_handle remove_handle) {
  if (remove_handle == NULL) return napi_invalid_arg;
  nd_cleanup_hook *h = reinterpret_cast<nd_cleanup_hook *>(remove_handle);
  /* Called either before teardown (still linked: unlink it) or from
   * within the hook during teardown (already unlinked). */
  for (nd_cleanup_hook **p = &h->env->cleanup_hooks; *p; p = &(*p)->next) {
    if (*p == h) {
      *p = h->next;
      break;
    }
  }
  delete h;
  return napi_ok;
}

extern "C" napi_status napi_adjust_external_memory(napi_env env,
                                                   int64_t change_in_bytes,
                                                   int64_t *adjusted_value) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, adjusted_value);
  *adjusted_value =
      env->isolate->AdjustAmountOfExternalAllocatedMemory(change_in_bytes);
  return nd_clear_error(env);
}

extern "C" napi_status napi_get_version(napi_env env, uint32_t *result) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, result);
  *result = 9; /* NAPI_VERSION of Node 18.20 */
  return nd_clear_error(env);
}

extern "C" napi_status napi_get_node_version(
    napi_env env, const napi_node_version **version) {
  static const napi_node_version v = {18, 20, 4, "node"};
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, version);
  *version = &v;
  return nd_clear_error(env);
}

extern "C" napi_status node_api_get_module_file_name(napi_env env,
                                                     const char **result) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, result);
  *result = env->filename ? env->filename : "";
  return nd_clear_error(env);
}

extern "C" napi_status napi_run_script(napi_env env, napi_value script,
                                       napi_value *result) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, script);
  if (!nd_local(script)->IsString())
    return nd_set_error(env, napi_string_expected);
  napi_value name;
  napi_get_undefined(env, &name);
  return nd_engine_run_script(env, script, name, result);
}
