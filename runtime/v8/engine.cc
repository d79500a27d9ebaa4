/* engine.cc - the V8 platform, isolates and contexts, script compilation,
 * microtasks and promise-rejection tracking behind runtime/engine.h. */
#include <libplatform/libplatform.h>
#include <v8.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "allocator.h"
#include "shim.h"

/* The V8 platform is process-wide by V8's design; everything else lives in
 * per-isolate data. */
static v8::Platform *platform;

static const char *const private_names[ND_PRIVATE_COUNT] = {
  "nodus:arrow_message",
  "nodus:decorated",
  "nodus:napi_wrapper",
  "nodus:napi_type_tag",
  "nodus:vm_context",
};

static void promise_reject_hook(v8::PromiseRejectMessage message);

/* V8 flags Node 18 turns on by default, plus:
 * - ArrayBuffer backing stores are freed on the main thread during GC
 *   (glibc's free() from V8's sweeper thread contends with the main
 *   thread's malloc() on the arena lock; readFileSync of small files ran
 *   ~10% slower that way).
 * The young generation keeps V8's 1 MiB starting semi-space: a 4 MiB start
 * made 200k live timers ~30% faster in a fresh process but ~13% slower
 * (median of 10 runs) once the memory reducer had shrunk an idle heap, the
 * state the timers benchmark measures; HTTP throughput and start-up were
 * the same either way. */
static const char default_flags[] =
    "--harmony-import-assertions --harmony-import-attributes "
    "--no-concurrent-array-buffer-sweeping";

extern "C" int nd_engine_platform_init(int threads, const char *flags) {
  v8::V8::InitializeICU();
  v8::V8::SetFlagsFromString(default_flags, sizeof(default_flags) - 1);
  if (flags != NULL) v8::V8::SetFlagsFromString(flags, strlen(flags));
  platform = nd_platform_create(threads);
  v8::V8::InitializePlatform(platform);
  return v8::V8::Initialize() ? 0 : -1;
}

extern "C" void nd_engine_set_flags(const char *flags, size_t length) {
  v8::V8::SetFlagsFromString(flags, length);
}

extern "C" void nd_engine_filter_v8_flags(int *argc, char **argv) {
  v8::V8::SetFlagsFromCommandLine(argc, argv, true);
}

extern "C" void nd_engine_print_v8_help(void) {
  static const char help[] = "--help";
  v8::V8::SetFlagsFromString(help, sizeof(help) - 1);
}

extern "C" void nd_engine_platform_dispose(void) {
  v8::V8::Dispose();
  v8::V8::DisposePlatform();
  nd_platform_dispose();
  platform = NULL;
}

extern "C" const char *nd_engine_v8_version(void) {
  return v8::V8::GetVersion();
}

static void *isolate_data_of(napi_env env) { return env->idata; }

extern "C" uint32_t *nd_engine_zero_fill_field(napi_env env) {
  return &static_cast<NdAllocator *>(env->idata->allocator)->zero_fill;
}

extern "C" void *nd_engine_env_realm(napi_env env) {
  return static_cast<nd_isolate_data *>(isolate_data_of(env))->realm;
}

extern "C" uv_loop_t *nd_engine_env_loop(napi_env env) {
  return env->idata->loop;
}

static napi_env env_new(nd_isolate_data *idata, bool is_core) {
  napi_env env = new napi_env__();
  env->isolate = idata->isolate;
  env->idata = idata;
  env->is_core = is_core;
  env->module_api_version = 8;
  env->next_env = idata->envs;
  idata->envs = env;
  return env;
}

/* Isolate data slots besides 0 (the nd_isolate_data). */
enum { SLOT_SCOPE = 1, SLOT_OUT_OF_MEMORY = 2 };

/* A worker's isolate reached its heap limit: stop its JS (the worker then
 * ends with ERR_WORKER_OUT_OF_MEMORY) and give V8 room to unwind. */
static size_t near_heap_limit(void *data, size_t current, size_t initial) {
  v8::Isolate *isolate = static_cast<v8::Isolate *>(data);
  nd_isolate_data *idata = static_cast<nd_isolate_data *>(isolate->GetData(0));
  isolate->SetData(SLOT_OUT_OF_MEMORY, isolate);
  isolate->TerminateExecution();
  uv_stop(idata->loop);
  (void)initial;
  return current * 2 + 64 * 1024 * 1024;
}

extern "C" napi_env nd_engine_env_create(void *realm, uv_loop_t *loop) {
  return nd_engine_env_create_limited(realm, loop, NULL);
}

extern "C" napi_env nd_engine_env_create_limited(
    void *realm, uv_loop_t *loop, const nd_isolate_limits_t *limits) {
  nd_isolate_data *idata = new nd_isolate_data();
  idata->realm = realm;
  idata->loop = loop;
  idata->allocator = new NdAllocator();

  v8::Isolate::CreateParams params;
  /* Shared: memory transferred to another isolate may outlive this one
   * and is freed through its allocator. */
  params.array_buffer_allocator_shared =
      std::shared_ptr<v8::ArrayBuffer::Allocator>(idata->allocator);
  /* Heap limits sized to the machine, as Node does (V8's bare defaults
   * give a small young generation and more frequent scavenges). */
  params.constraints.ConfigureDefaults(uv_get_total_memory(),
                                       uv_get_constrained_memory());
  const size_t mb = 1024 * 1024;
  if (limits != NULL && limits->max_young_mb > 0)
    params.constraints.set_max_young_generation_size_in_bytes(
        (size_t)(limits->max_young_mb * mb));
  if (limits != NULL && limits->max_old_mb > 0)
    params.constraints.set_max_old_generation_size_in_bytes(
        (size_t)(limits->max_old_mb * mb));
  if (limits != NULL && limits->code_range_mb > 0)
    params.constraints.set_code_range_size_in_bytes(
        (size_t)(limits->code_range_mb * mb));
  v8::Isolate *isolate = v8::Isolate::New(params);
  if (isolate == NULL) return NULL;
  idata->isolate = isolate;
  isolate->SetData(0, idata);
  isolate->SetData(SLOT_OUT_OF_MEMORY, NULL);
  if (limits != NULL) {
    /* The thread's stack: V8 stops short of its end (192 KiB kept). */
    char here;
    double stack = limits->stack_mb > 0 ? limits->stack_mb : 4;
    size_t usable = (size_t)(stack * mb);
    usable = usable > 256 * 1024 ? usable - 192 * 1024 : usable / 2;
    isolate->SetStackLimit(reinterpret_cast<uintptr_t>(&here) - usable);
    isolate->AddNearHeapLimitCallback(near_heap_limit, isolate);
  }
  isolate->Enter();
  isolate->SetMicrotasksPolicy(v8::MicrotasksPolicy::kExplicit);
  isolate->SetPromiseRejectCallback(promise_reject_hook);
  isolate->SetCaptureStackTraceForUncaughtExceptions(true, 10);

  /* The outermost handle scope lives as long as the isolate: handles made
   * at top level (bootstrap, main) stay valid; callbacks open their own. */
  nd_scope_holder *scope = new nd_scope_holder(isolate);
  isolate->SetData(SLOT_SCOPE, scope);
  nd_wasm_streaming_install(isolate);
  v8::Local<v8::Context> context = v8::Context::New(isolate);
  context->Enter();
  idata->context.Reset(isolate, context);
  for (int i = 0; i < ND_PRIVATE_COUNT; i++) {
    v8::Local<v8::String> name =
        v8::String::NewFromUtf8(isolate, private_names[i]).ToLocalChecked();
    idata->privates[i].Reset(isolate, v8::Private::New(isolate, name));
  }
  napi_env env = env_new(idata, true);
  idata->core_env = env;
  return env;
}

extern "C" napi_env nd_engine_addon_env_create(napi_env core,
                                               const char *filename,
                                               int32_t module_api_version) {
  napi_env env = env_new(core->idata, false);
  env->module_api_version = module_api_version;
  env->filename = filename ? strdup(filename) : NULL;
  return env;
}

extern "C" void nd_engine_run_cleanup_hooks(napi_env env) {
  for (napi_env e = env->idata->envs; e != NULL; e = e->next_env) {
    while (e->cleanup_hooks != NULL) {
      struct nd_cleanup_hook *h = e->cleanup_hooks;
      nd_cleanup_hook_run_one(e, h);
    }
  }
}

extern "C" void nd_engine_env_destroy(napi_env env) {
  nd_isolate_data *idata = env->idata;
  v8::Isolate *isolate = idata->isolate;
  nd_engine_run_cleanup_hooks(env);
  for (napi_env e = idata->envs; e != NULL;) {
    napi_env next = e->next_env;
    nd_finalize_all(e);
    if (e->instance_finalize != NULL)
      e->instance_finalize(e, e->instance_data, e->instance_hint);
    e->pending_exception.Reset();
    e->pending_message.Reset();
    free(e->filename);
    delete e;
    e = next;
  }
  idata->promise_reject_callback.Reset();
  idata->buffer_prototype.Reset();
  idata->import_dynamically.Reset();
  idata->initialize_import_meta.Reset();
  for (int i = 0; i < 4; i++) idata->promise_hooks[i].Reset();
  idata->napi_async_hooks.Reset();
  idata->wasm_streaming_handler.Reset();
  idata->vm_contexts.clear();
  for (int i = 0; i < ND_PRIVATE_COUNT; i++) idata->privates[i].Reset();
  {
    v8::HandleScope scope(isolate);
    idata->context.Get(isolate)->Exit();
  }
  idata->context.Reset();
  delete static_cast<nd_scope_holder *>(isolate->GetData(SLOT_SCOPE));
  isolate->Exit();
  /* The allocator is owned by V8 (shared with transferred memory). */
  isolate->Dispose();
  nd_platform_set_waker(isolate, NULL);
  delete idata;
}

extern "C" void nd_engine_terminate(napi_env env) {
  env->isolate->TerminateExecution();
}

extern "C" bool nd_engine_out_of_memory(napi_env env) {
  return env->isolate->GetData(SLOT_OUT_OF_MEMORY) != NULL;
}

extern "C" void nd_engine_cancel_terminate(napi_env env) {
  env->isolate->CancelTerminateExecution();
}

extern "C" napi_status nd_engine_compile_function(napi_env env,
                                                  napi_value source,
                                                  napi_value filename,
                                                  size_t nparams,
                                                  const char *const *params,
                                                  napi_value *result) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, source);
  ND_CHECK_ARG(env, result);
  v8::Isolate *isolate = env->isolate;
  v8::Local<v8::Context> context = nd_context(env);
  v8::Local<v8::Value> src = nd_local(source);
  if (!src->IsString()) return nd_set_error(env, napi_string_expected);
  v8::ScriptOrigin origin(isolate, nd_local(filename));
  v8::ScriptCompiler::Source script_source(src.As<v8::String>(), origin);
  v8::Local<v8::String> names[16];
  if (nparams > 16) return nd_set_error(env, napi_invalid_arg);
  for (size_t i = 0; i < nparams; i++) {
    if (!nd_string_utf8(isolate, params[i], NAPI_AUTO_LENGTH)
             .ToLocal(&names[i]))
      return nd_finish(env, tc, napi_generic_failure);
  }
  v8::Local<v8::Function> fn;
  if (!v8::ScriptCompiler::CompileFunction(context, &script_source, nparams,
                                           names, 0, NULL)
           .ToLocal(&fn))
    return nd_finish(env, tc, napi_pending_exception);
  *result = nd_value(fn);
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status nd_engine_run_script(napi_env env, napi_value source,
                                           napi_value filename,
                                           napi_value *result) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, source);
  ND_CHECK_ARG(env, result);
  v8::Isolate *isolate = env->isolate;
  v8::Local<v8::Context> context = nd_context(env);
  v8::Local<v8::Value> src = nd_local(source);
  if (!src->IsString()) return nd_set_error(env, napi_string_expected);
  v8::ScriptOrigin origin(isolate, nd_local(filename));
  v8::ScriptCompiler::Source script_source(src.As<v8::String>(), origin);
  v8::Local<v8::Script> script;
  if (!v8::ScriptCompiler::Compile(context, &script_source).ToLocal(&script))
    return nd_finish(env, tc, napi_pending_exception);
  v8::Local<v8::Value> value;
  if (!script->Run(context).ToLocal(&value))
    return nd_finish(env, tc, napi_pending_exception);
  *result = nd_value(value);
  return nd_finish(env, tc, napi_ok);
}

/* External string resources over static data: never freed. */
class StaticOneByte : public v8::String::ExternalOneByteStringResource {
 public:
  StaticOneByte(const char *data, size_t length)
      : data_(data), length_(length) {}
  const char *data() const override { return data_; }
  size_t length() const override { return length_; }
  void Dispose() override { delete this; }

 private:
  const char *data_;
  size_t length_;
};

class StaticTwoByte : public v8::String::ExternalStringResource {
 public:
  StaticTwoByte(const uint16_t *data, size_t length)
      : data_(data), length_(length) {}
  const uint16_t *data() const override { return data_; }
  size_t length() const override { return length_; }
  void Dispose() override { delete this; }

 private:
  const uint16_t *data_;
  size_t length_;
};

extern "C" napi_status nd_engine_static_string(napi_env env, const void *data,
                                              size_t length, bool two_byte,
                                              napi_value *result) {
  ND_CHECK_ENV(env);
  v8::MaybeLocal<v8::String> s;
  if (two_byte) {
    s = v8::String::NewExternalTwoByte(
        env->isolate,
        new StaticTwoByte(static_cast<const uint16_t *>(data), length));
  } else {
    s = v8::String::NewExternalOneByte(
        env->isolate,
        new StaticOneByte(static_cast<const char *>(data), length));
  }
  v8::Local<v8::String> str;
  if (!s.ToLocal(&str)) return nd_set_error(env, napi_generic_failure);
  *result = nd_value(str);
  return nd_clear_error(env);
}

extern "C" bool nd_engine_pump_tasks(napi_env env) {
  bool ran = false;
  while (nd_platform_pump(env->isolate, false)) ran = true;
  return ran;
}

extern "C" bool nd_engine_wait_background_tasks(napi_env env) {
  bool ran = false;
  for (;;) {
    /* Tasks already posted first: background work that just finished has
     * queued its result and no longer counts as pending. */
    if (nd_platform_pump(env->isolate, false)) {
      ran = true;
      continue;
    }
    if (!env->isolate->HasPendingBackgroundTasks()) return ran;
    nd_platform_pump(env->isolate, true);
    ran = true;
  }
}

extern "C" void nd_engine_set_task_waker(napi_env env, uv_async_t *waker) {
  nd_platform_set_waker(env->isolate, waker);
}

extern "C" void nd_engine_timezone_changed(napi_env env) {
  tzset();
  env->isolate->DateTimeConfigurationChangeNotification(
      v8::Isolate::TimeZoneDetection::kRedetect);
}

extern "C" void nd_engine_run_microtasks(napi_env env) {
  env->isolate->PerformMicrotaskCheckpoint();
}

extern "C" napi_status nd_engine_enqueue_microtask(napi_env env,
                                                  napi_value fn) {
  v8::Local<v8::Value> f = nd_local(fn);
  if (!f->IsFunction()) return nd_set_error(env, napi_function_expected);
  env->isolate->EnqueueMicrotask(f.As<v8::Function>());
  return nd_clear_error(env);
}

static void promise_reject_hook(v8::PromiseRejectMessage message) {
  v8::Local<v8::Promise> promise = message.GetPromise();
  v8::Isolate *isolate = promise->GetIsolate();
  nd_isolate_data *idata = static_cast<nd_isolate_data *>(isolate->GetData(0));
  if (idata->promise_reject_callback.IsEmpty()) return;
  int type;
  v8::Local<v8::Value> reason = v8::Undefined(isolate);
  switch (message.GetEvent()) {
    case v8::kPromiseRejectWithNoHandler:
      type = 0;
      reason = message.GetValue();
      break;
    case v8::kPromiseHandlerAddedAfterReject:
      type = 1;
      break;
    case v8::kPromiseRejectAfterResolved:
      type = 2;
      reason = message.GetValue();
      break;
    case v8::kPromiseResolveAfterResolved:
      type = 3;
      reason = message.GetValue();
      break;
    default:
      return;
  }
  if (reason.IsEmpty()) reason = v8::Undefined(isolate);
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Value> argv[3] = {v8::Integer::New(isolate, type), promise,
                                  reason};
  v8::Local<v8::Function> cb = idata->promise_reject_callback.Get(isolate);
  /* The tracker can fail (e.g. no stack left when the rejection comes from
   * a stack overflow): that must not turn into an exception of the code
   * that rejected the promise. */
  v8::TryCatch tc(isolate);
  v8::MaybeLocal<v8::Value> ignored =
      cb->Call(context, v8::Undefined(isolate), 3, argv);
  (void)ignored;
}

extern "C" napi_status nd_engine_set_promise_reject_callback(napi_env env,
                                                            napi_value fn) {
  v8::Local<v8::Value> f = nd_local(fn);
  if (!f->IsFunction()) return nd_set_error(env, napi_function_expected);
  env->idata->promise_reject_callback.Reset(env->isolate,
                                            f.As<v8::Function>());
  return nd_clear_error(env);
}

/* Builds "file:line\nsource\n   ^\n" for `message`. */
static v8::Local<v8::Value> arrow_of(v8::Isolate *isolate,
                                     v8::Local<v8::Context> context,
                                     v8::Local<v8::Message> message) {
  v8::Local<v8::Value> undef = v8::Undefined(isolate);
  if (message.IsEmpty()) return undef;
  v8::String::Utf8Value file(isolate, message->GetScriptResourceName());
  int line = message->GetLineNumber(context).FromMaybe(0);
  v8::Local<v8::String> source_line;
  if (!message->GetSourceLine(context).ToLocal(&source_line)) return undef;
  v8::String::Utf8Value src(isolate, source_line);
  int start = message->GetStartColumn(context).FromMaybe(0);
  int end = message->GetEndColumn(context).FromMaybe(start + 1);
  if (*src == NULL) return undef;
  /* Scripts compiled as function bodies report columns of the line as is. */
  std::string out;
  out += *file ? *file : "<anonymous>";
  out += ":" + std::to_string(line) + "\n";
  out += *src;
  out += "\n";
  for (int i = 0; i < start; i++) out += (*src)[i] == '\t' ? '\t' : ' ';
  if (end <= start) end = start + 1;
  for (int i = start; i < end; i++) out += '^';
  out += "\n";
  return v8::String::NewFromUtf8(isolate, out.data(), v8::NewStringType::kNormal,
                                 (int)out.size())
      .FromMaybe(undef.As<v8::String>());
}

extern "C" napi_status nd_engine_take_exception(napi_env env,
                                               napi_value *exception,
                                               napi_value *arrow) {
  if (env->pending_exception.IsEmpty())
    return nd_set_error(env, napi_generic_failure);
  v8::Isolate *isolate = env->isolate;
  v8::Local<v8::Context> context = nd_context(env);
  v8::Local<v8::Value> err = env->pending_exception.Get(isolate);
  v8::Local<v8::Message> message;
  if (!env->pending_message.IsEmpty())
    message = env->pending_message.Get(isolate);
  else
    message = v8::Exception::CreateMessage(isolate, err);
  env->pending_exception.Reset();
  env->pending_message.Reset();
  *exception = nd_value(err);
  if (arrow != NULL) {
    v8::Local<v8::Value> a = arrow_of(isolate, context, message);
    /* An arrow stored on the error earlier (e.g. a SyntaxError from the
     * module loader) wins: it points at the original throw. */
    if (err->IsObject()) {
      v8::Local<v8::Value> stored;
      if (err.As<v8::Object>()
              ->GetPrivate(context, nd_private(env, ND_PRIVATE_ARROW_MESSAGE))
              .ToLocal(&stored) &&
          stored->IsString())
        a = stored;
    }
    *arrow = nd_value(a);
  }
  return nd_clear_error(env);
}

extern "C" napi_status nd_engine_private_get(napi_env env, napi_value object,
                                            nd_private_key key,
                                            napi_value *result) {
  v8::Local<v8::Value> o = nd_local(object);
  if (!o->IsObject()) return nd_set_error(env, napi_object_expected);
  v8::Local<v8::Value> v;
  if (!o.As<v8::Object>()
           ->GetPrivate(nd_context(env), nd_private(env, key))
           .ToLocal(&v))
    return nd_set_error(env, napi_generic_failure);
  *result = nd_value(v);
  return nd_clear_error(env);
}

extern "C" napi_status nd_engine_private_set(napi_env env, napi_value object,
                                            nd_private_key key,
                                            napi_value value) {
  v8::Local<v8::Value> o = nd_local(object);
  if (!o->IsObject()) return nd_set_error(env, napi_object_expected);
  if (o.As<v8::Object>()
          ->SetPrivate(nd_context(env), nd_private(env, key), nd_local(value))
          .IsNothing())
    return nd_set_error(env, napi_generic_failure);
  return nd_clear_error(env);
}

extern "C" void nd_engine_heap_stats(napi_env env, nd_heap_stats_t *stats) {
  v8::HeapStatistics h;
  env->isolate->GetHeapStatistics(&h);
  stats->total_heap_size = h.total_heap_size();
  stats->used_heap_size = h.used_heap_size();
  stats->external_memory = h.external_memory();
  stats->heap_size_limit = h.heap_size_limit();
  stats->total_physical_size = h.total_physical_size();
  stats->malloced_memory = h.malloced_memory();
  stats->array_buffers = 0;
}

extern "C" void nd_engine_set_capture_stack_on_uncaught(napi_env env,
                                                       bool on) {
  env->isolate->SetCaptureStackTraceForUncaughtExceptions(on, 10);
}

v8::Local<v8::Value> nd_buffer_prototype(nd_isolate_data *idata) {
  if (idata->buffer_prototype.IsEmpty()) return v8::Local<v8::Value>();
  return idata->buffer_prototype.Get(idata->isolate);
}

extern "C" napi_status nd_engine_set_buffer_prototype(napi_env env,
                                                     napi_value proto) {
  env->idata->buffer_prototype.Reset(env->isolate, nd_local(proto));
  return nd_clear_error(env);
}
