/* shim.h - private to runtime/v8: the napi_env structure, value casts and
 * the status/exception macros shared by the Node-API implementation files. */
#ifndef NODUS_V8_SHIM_H
#define NODUS_V8_SHIM_H

#include <v8.h>

#include <string.h>

#include <vector>

#include "../engine.h"

/* Per-isolate data shared by every env of the isolate (the core env and one
 * env per loaded addon). Reached through isolate->GetData(0). */
struct nd_isolate_data {
  v8::Isolate *isolate;
  void *realm;
  uv_loop_t *loop;
  napi_env core_env;
  v8::Global<v8::Context> context;
  v8::Global<v8::Private> privates[ND_PRIVATE_COUNT];
  v8::Global<v8::Function> promise_reject_callback;
  v8::Global<v8::Value> buffer_prototype; /* Buffer.prototype, for napi */
  v8::ArrayBuffer::Allocator *allocator;
  napi_env envs; /* all envs of the isolate, newest first (next_env) */
  v8::Global<v8::Function> import_dynamically;
  v8::Global<v8::Function> initialize_import_meta;
  void *modules; /* identity hash -> nd_module_t (engine_modules.cc) */
  uv_async_t *finalizer_async; /* drains envs' finalizer queues (napi) */
  /* { init, before, after, destroy } of internal/napi_async_context.js:
   * async_hooks for Node-API async resources (empty until set). */
  v8::Global<v8::Object> napi_async_hooks;
  /* The promise hooks of async_hooks (init, before, after, resolve), which
   * every vm context gets too; vm_contexts holds those weakly. */
  v8::Global<v8::Function> promise_hooks[4];
  std::vector<v8::Global<v8::Context>> vm_contexts;
  /* handler(source, streaming) of WebAssembly.compileStreaming (empty until
   * lib/ sets it; engine_wasm.cc). */
  v8::Global<v8::Function> wasm_streaming_handler;
};

/* A Node-API finalizer attached to a JS object through a weak handle. */
struct nd_finalizer;

/* One env per (isolate, addon); the core env serves the runtime's bindings. */
struct napi_env__ {
  v8::Isolate *isolate;
  nd_isolate_data *idata;
  napi_env next_env;
  bool is_core;
  int32_t module_api_version;
  char *filename; /* file:// URL of the addon, or NULL */

  napi_extended_error_info last_error;
  /* An exception raised by JS that a napi_* call ran, or by napi_throw*,
   * waiting to be thrown to the JS caller or taken by the runtime. */
  v8::Global<v8::Value> pending_exception;
  v8::Global<v8::Message> pending_message;

  int open_handle_scopes;
  int open_callback_scopes;
  bool in_gc_finalizer;

  void *instance_data;
  napi_finalize instance_finalize;
  void *instance_hint;

  struct nd_cleanup_hook *cleanup_hooks; /* newest first */
  struct nd_finalizer *finalizers;       /* live weak finalizers */
  struct nd_reference *references;       /* live references */
  /* Finalizers of collected objects (and node_api_post_finalizer calls)
   * waiting to run on the loop, oldest first. */
  struct nd_queued_finalizer *queued_head, *queued_tail;
  bool torn_down; /* the env's teardown began: JS can no longer run */
};

/* V8 scopes cannot be allocated with new directly; a holder struct can. */
struct nd_scope_holder {
  explicit nd_scope_holder(v8::Isolate *isolate) : scope(isolate) {}
  v8::HandleScope scope;
};

/* Value <-> handle casts: a napi_value is a v8::Local<v8::Value>. */
static inline napi_value nd_value(v8::Local<v8::Value> local) {
  return reinterpret_cast<napi_value>(*local);
}

static inline v8::Local<v8::Value> nd_local(napi_value v) {
  v8::Local<v8::Value> local;
  memcpy(static_cast<void *>(&local), &v, sizeof(v));
  return local;
}

static inline v8::Local<v8::Context> nd_context(napi_env env) {
  return env->isolate->GetCurrentContext();
}

/* Makes V8 define WebAssembly.compileStreaming/instantiateStreaming in the
 * contexts it creates from now on, served by the isolate's
 * wasm_streaming_handler (engine_wasm.cc). */
void nd_wasm_streaming_install(v8::Isolate *isolate);

/* platform.cc: the process's V8 platform (V8's default one whose
 * foreground task runners also wake the isolate's loop). */
v8::Platform *nd_platform_create(int threads);
void nd_platform_dispose(void);
/* Runs one foreground task of `isolate`; with `wait`, blocks until there
 * is one. False when there was none to run. */
bool nd_platform_pump(v8::Isolate *isolate, bool wait);
/* uv_async_send(waker) whenever a task is posted for `isolate`; NULL
 * forgets the isolate. */
void nd_platform_set_waker(v8::Isolate *isolate, uv_async_t *waker);

/* Records `status` as env's last error and returns it. */
napi_status nd_set_error(napi_env env, napi_status status);

static inline napi_status nd_clear_error(napi_env env) {
  env->last_error.error_code = napi_ok;
  env->last_error.engine_error_code = 0;
  env->last_error.engine_reserved = NULL;
  env->last_error.error_message = NULL;
  return napi_ok;
}

/* Stores the exception caught by `tc` (if any) as env's pending exception. */
void nd_capture_exception(napi_env env, v8::TryCatch &tc);

/* Throws env's pending exception into the running JS, if there is one. */
void nd_rethrow_pending(napi_env env);

#define ND_CHECK_ENV(env)                                                      \
  do {                                                                         \
    if ((env) == NULL) return napi_invalid_arg;                                \
  } while (0)

/* Aborts when a finalizer running inside GC (an experimental, "pure
 * finalizer" module) calls a function that may touch the JS heap. */
void nd_check_gc_access(napi_env env);

#define ND_CHECK_ENV_NOT_IN_GC(env)                                            \
  do {                                                                         \
    if ((env) == NULL) return napi_invalid_arg;                                \
    if ((env)->in_gc_finalizer) nd_check_gc_access(env);                       \
  } while (0)

#define ND_CHECK_ARG(env, arg)                                                 \
  do {                                                                         \
    if ((arg) == NULL) return nd_set_error((env), napi_invalid_arg);           \
  } while (0)

#define ND_RETURN_STATUS_IF_FALSE(env, cond, status)                           \
  do {                                                                         \
    if (!(cond)) return nd_set_error((env), (status));                         \
  } while (0)

/* Opens a TryCatch for a call that may run JS: fails at once when an
 * exception is already pending. Pair with ND_PREAMBLE_END(env, tc) on every
 * return path through nd_finish(). */
#define ND_PREAMBLE(env)                                                       \
  ND_CHECK_ENV_NOT_IN_GC(env);                                                 \
  if (!(env)->pending_exception.IsEmpty())                                     \
    return nd_set_error((env), napi_pending_exception);                        \
  if ((env)->torn_down)                                                        \
    return nd_set_error((env), (env)->module_api_version ==                    \
                                       NAPI_VERSION_EXPERIMENTAL               \
                                   ? napi_cannot_run_js                        \
                                   : napi_pending_exception);                  \
  nd_clear_error(env);                                                         \
  v8::TryCatch tc((env)->isolate)

/* Ends a preamble'd call: a caught exception becomes pending. */
static inline napi_status nd_finish(napi_env env, v8::TryCatch &tc,
                                    napi_status status) {
  if (tc.HasCaught()) {
    nd_capture_exception(env, tc);
    return nd_set_error(env, napi_pending_exception);
  }
  return status == napi_ok ? napi_ok : nd_set_error(env, status);
}

/* Converts a napi_value to an object, failing with `status`. */
#define ND_CHECK_TO_OBJECT(env, ctx, out, value)                               \
  do {                                                                         \
    ND_CHECK_ARG((env), (value));                                              \
    v8::MaybeLocal<v8::Object> maybe_ = nd_local(value)->ToObject(ctx);        \
    if (maybe_.IsEmpty())                                                      \
      return nd_finish((env), tc, napi_object_expected);                       \
    (out) = maybe_.ToLocalChecked();                                           \
  } while (0)

/* Makes a V8 string from UTF-8 (length NAPI_AUTO_LENGTH = NUL-terminated). */
v8::MaybeLocal<v8::String> nd_string_utf8(v8::Isolate *isolate,
                                          const char *s, size_t length);

/* Key for a property descriptor: utf8name or name. */
napi_status nd_descriptor_key(napi_env env,
                              const napi_property_descriptor *p,
                              v8::Local<v8::Name> *key);

/* Makes a JS function that calls `cb` with `data`. For the core env, when
 * `static_desc` is set, the function refers to that static descriptor
 * instead of a heap record (snapshot-friendly). */
napi_status nd_make_function(napi_env env, const char *utf8name,
                             size_t length, napi_callback cb, void *data,
                             const napi_property_descriptor *static_desc,
                             v8::Local<v8::Function> *result);

/* Makes a FunctionTemplate for a class constructor or accessor. */
v8::Local<v8::FunctionTemplate> nd_make_template(napi_env env,
                                                 napi_callback cb,
                                                 void *data,
                                                 bool is_constructor);

/* Calls `finalize` for all pending weak finalizers and references of env
 * (at teardown). */
void nd_finalize_all(napi_env env);

/* Attaches a finalizer to `object`: finalize(env, data, hint) runs after the
 * object is collected (or at teardown). */
struct nd_finalizer *nd_add_finalizer(napi_env env,
                                      v8::Local<v8::Value> object,
                                      napi_finalize finalize, void *data,
                                      void *hint);

/* Frees a still-live finalizer record without calling it. */
void nd_remove_finalizer(napi_env env, struct nd_finalizer *f);

/* Queues finalize(env, data, hint) to run on the loop, where it may call
 * into JS (Node's deferred finalizers and node_api_post_finalizer). */
void nd_queue_finalizer(napi_env env, napi_finalize finalize, void *data,
                        void *hint);

/* Runs one cleanup hook of env and unlinks it. */
void nd_cleanup_hook_run_one(napi_env env, struct nd_cleanup_hook *h);

/* Buffer.prototype registered by the buffer module, or an empty handle. */
v8::Local<v8::Value> nd_buffer_prototype(nd_isolate_data *idata);

/* Installs the current promise hooks of async_hooks on `context`. */
void nd_engine_apply_promise_hooks(nd_isolate_data *idata,
                                   v8::Local<v8::Context> context);

/* Remembers (weakly) a new vm context and gives it the promise hooks. */
void nd_engine_track_vm_context(nd_isolate_data *idata,
                                v8::Local<v8::Context> context);

/* The private symbol `key` of env's isolate. */
static inline v8::Local<v8::Private> nd_private(napi_env env,
                                                nd_private_key key) {
  return env->idata->privates[key].Get(env->isolate);
}

#endif /* NODUS_V8_SHIM_H */
