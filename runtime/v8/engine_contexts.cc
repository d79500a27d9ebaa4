/* engine_contexts.cc - the engine side of `vm`: scripts compiled once and
 * run in any context, new contexts whose global object forwards to a
 * "sandbox" object (as Node's contextify does), and run timeouts. */
#include <v8.h>

#include <memory>

#include "shim.h"
#include "watchdog.h"

struct nd_script_s {
  v8::Global<v8::UnboundScript> script;
};

/* One contextified sandbox: the context and the object it forwards to. */
struct nd_vm_context {
  v8::Global<v8::Context> context;
  v8::Global<v8::Object> sandbox;
};

static nd_vm_context *context_of(napi_env env, v8::Local<v8::Value> sandbox) {
  if (!sandbox->IsObject()) return NULL;
  v8::Local<v8::Value> v;
  if (!sandbox.As<v8::Object>()
           ->GetPrivate(nd_context(env),
                        nd_private(env, ND_PRIVATE_VM_CONTEXT))
           .ToLocal(&v) ||
      !v->IsExternal())
    return NULL;
  return static_cast<nd_vm_context *>(v.As<v8::External>()->Value());
}

/* --- interceptors: the context's global forwards to the sandbox -------- */

static v8::Local<v8::Object> sandbox_of(const v8::Local<v8::Value> &data) {
  return data.As<v8::Object>();
}

static void global_getter(v8::Local<v8::Name> property,
                          const v8::PropertyCallbackInfo<v8::Value> &info) {
  v8::Local<v8::Object> sandbox = sandbox_of(info.Data());
  v8::Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
  v8::MaybeLocal<v8::Value> v = sandbox->GetRealNamedProperty(context,
                                                              property);
  v8::Local<v8::Value> value;
  if (v.ToLocal(&value)) info.GetReturnValue().Set(value);
}

static void global_setter(v8::Local<v8::Name> property,
                          v8::Local<v8::Value> value,
                          const v8::PropertyCallbackInfo<v8::Value> &info) {
  v8::Local<v8::Object> sandbox = sandbox_of(info.Data());
  v8::Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
  /* Strict code assigning an undeclared name (`x = 1`, not `this.x = 1`)
   * must throw a ReferenceError: leave such a store to V8. Function
   * declarations still land on the sandbox. */
  if (info.ShouldThrowOnError() && !value->IsFunction() &&
      info.This() != context->Global()) {
    v8::Maybe<bool> on_sandbox =
        sandbox->HasRealNamedProperty(context, property);
    v8::Maybe<bool> on_global =
        context->Global()->HasRealNamedProperty(context, property);
    if (on_sandbox.IsJust() && !on_sandbox.FromJust() && on_global.IsJust() &&
        !on_global.FromJust())
      return;
  }
  if (sandbox->Set(context, property, value).IsNothing()) return;
  /* Not intercepted when the global itself has a read-only property. */
  info.GetReturnValue().Set(value);
}

static void global_query(v8::Local<v8::Name> property,
                         const v8::PropertyCallbackInfo<v8::Integer> &info) {
  v8::Local<v8::Object> sandbox = sandbox_of(info.Data());
  v8::Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
  v8::Maybe<bool> has = sandbox->HasRealNamedProperty(context, property);
  if (has.IsJust() && has.FromJust()) {
    v8::Maybe<v8::PropertyAttribute> attrs =
        sandbox->GetRealNamedPropertyAttributes(context, property);
    if (attrs.IsJust()) info.GetReturnValue().Set(attrs.FromJust());
  }
}

static void global_deleter(v8::Local<v8::Name> property,
                           const v8::PropertyCallbackInfo<v8::Boolean> &info) {
  v8::Local<v8::Object> sandbox = sandbox_of(info.Data());
  v8::Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
  v8::Maybe<bool> ok = sandbox->Delete(context, property);
  if (ok.IsJust()) info.GetReturnValue().Set(ok.FromJust());
}

static void global_enumerator(const v8::PropertyCallbackInfo<v8::Array> &info) {
  v8::Local<v8::Object> sandbox = sandbox_of(info.Data());
  v8::Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
  v8::Local<v8::Array> names;
  if (sandbox->GetPropertyNames(context).ToLocal(&names))
    info.GetReturnValue().Set(names);
}

static void global_definer(v8::Local<v8::Name> property,
                           const v8::PropertyDescriptor &desc,
                           const v8::PropertyCallbackInfo<v8::Value> &info) {
  v8::Local<v8::Object> sandbox = sandbox_of(info.Data());
  v8::Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
  if (desc.has_get() || desc.has_set()) {
    v8::PropertyDescriptor d(desc.has_get() ? desc.get()
                                            : v8::Local<v8::Value>(),
                             desc.has_set() ? desc.set()
                                            : v8::Local<v8::Value>());
    if (desc.has_enumerable()) d.set_enumerable(desc.enumerable());
    if (desc.has_configurable()) d.set_configurable(desc.configurable());
    if (sandbox->DefineProperty(context, property, d).IsNothing()) return;
  } else {
    v8::Local<v8::Value> value =
        desc.has_value() ? desc.value()
                         : v8::Undefined(info.GetIsolate()).As<v8::Value>();
    v8::PropertyDescriptor d(value, desc.has_writable() ? desc.writable()
                                                        : true);
    if (desc.has_enumerable()) d.set_enumerable(desc.enumerable());
    if (desc.has_configurable()) d.set_configurable(desc.configurable());
    if (sandbox->DefineProperty(context, property, d).IsNothing()) return;
  }
}

static void global_descriptor(v8::Local<v8::Name> property,
                              const v8::PropertyCallbackInfo<v8::Value> &info) {
  v8::Local<v8::Object> sandbox = sandbox_of(info.Data());
  v8::Local<v8::Context> context = info.GetIsolate()->GetCurrentContext();
  v8::Maybe<bool> has = sandbox->HasOwnProperty(context, property);
  if (has.IsJust() && has.FromJust()) {
    v8::Local<v8::Value> desc;
    if (sandbox->GetOwnPropertyDescriptor(context, property).ToLocal(&desc))
      info.GetReturnValue().Set(desc);
  }
}

extern "C" napi_status nd_engine_context_make(napi_env env,
                                             napi_value sandbox,
                                             napi_value name) {
  (void)name;
  v8::Isolate *isolate = env->isolate;
  v8::Local<v8::Value> sb = nd_local(sandbox);
  if (!sb->IsObject()) return nd_set_error(env, napi_object_expected);
  v8::Local<v8::ObjectTemplate> global = v8::ObjectTemplate::New(isolate);
  global->SetHandler(v8::NamedPropertyHandlerConfiguration(
      global_getter, global_setter, global_query, global_deleter,
      global_enumerator, global_definer, global_descriptor, sb,
      v8::PropertyHandlerFlags::kHasNoSideEffect));
  v8::Local<v8::Context> ctx = v8::Context::New(isolate, NULL, global);
  if (ctx.IsEmpty()) return nd_set_error(env, napi_generic_failure);
  ctx->SetSecurityToken(nd_context(env)->GetSecurityToken());
  nd_engine_track_vm_context(env->idata, ctx);
  nd_vm_context *vc = new nd_vm_context();
  vc->context.Reset(isolate, ctx);
  vc->sandbox.Reset(isolate, sb.As<v8::Object>());
  vc->sandbox.SetWeak();
  if (sb.As<v8::Object>()
          ->SetPrivate(nd_context(env), nd_private(env, ND_PRIVATE_VM_CONTEXT),
                       v8::External::New(isolate, vc))
          .IsNothing())
    return nd_set_error(env, napi_generic_failure);
  return nd_clear_error(env);
}

extern "C" napi_status nd_engine_context_is(napi_env env, napi_value sandbox,
                                           bool *result) {
  *result = context_of(env, nd_local(sandbox)) != NULL;
  return nd_clear_error(env);
}

extern "C" napi_status nd_engine_context_global(napi_env env,
                                               napi_value sandbox,
                                               napi_value *result) {
  nd_vm_context *vc = context_of(env, nd_local(sandbox));
  if (vc == NULL) return nd_set_error(env, napi_invalid_arg);
  *result = nd_value(vc->context.Get(env->isolate)->Global());
  return nd_clear_error(env);
}

extern "C" napi_status nd_engine_script_compile(napi_env env,
                                               napi_value source,
                                               napi_value filename,
                                               int line_offset,
                                               int column_offset,
                                               nd_script_t **result) {
  ND_PREAMBLE(env);
  v8::Isolate *isolate = env->isolate;
  v8::Local<v8::Value> src = nd_local(source);
  if (!src->IsString()) return nd_set_error(env, napi_string_expected);
  v8::ScriptOrigin origin(isolate, nd_local(filename), line_offset,
                          column_offset);
  v8::ScriptCompiler::Source script_source(src.As<v8::String>(), origin);
  v8::Local<v8::UnboundScript> script;
  if (!v8::ScriptCompiler::CompileUnboundScript(isolate, &script_source)
           .ToLocal(&script))
    return nd_finish(env, tc, napi_pending_exception);
  nd_script_t *s = new nd_script_s();
  s->script.Reset(isolate, script);
  *result = s;
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status nd_engine_script_run(napi_env env, nd_script_t *script,
                                           napi_value sandbox,
                                           int64_t timeout_ms,
                                           bool break_on_sigint,
                                           bool *timed_out, bool *interrupted,
                                           napi_value *result) {
  ND_PREAMBLE(env);
  v8::Isolate *isolate = env->isolate;
  *timed_out = false;
  *interrupted = false;
  v8::Local<v8::Context> context = nd_context(env);
  if (sandbox != NULL) {
    nd_vm_context *vc = context_of(env, nd_local(sandbox));
    if (vc == NULL) return nd_set_error(env, napi_invalid_arg);
    context = vc->context.Get(isolate);
  }
  v8::Context::Scope scope(context);
  v8::Local<v8::Script> bound =
      script->script.Get(isolate)->BindToCurrentContext();
  v8::MaybeLocal<v8::Value> r;
  {
    std::unique_ptr<Watchdog> dog;
    std::unique_ptr<SigintWatchdog> sigint;
    if (timeout_ms > 0) dog.reset(new Watchdog(isolate, timeout_ms));
    if (break_on_sigint) sigint.reset(new SigintWatchdog(isolate));
    r = bound->Run(context);
    *timed_out = dog && dog->fired();
    *interrupted = !*timed_out && sigint && sigint->fired();
  }
  if (*timed_out || *interrupted) {
    isolate->CancelTerminateExecution();
    return nd_set_error(env, napi_generic_failure);
  }
  v8::Local<v8::Value> value;
  if (!r.ToLocal(&value)) return nd_finish(env, tc, napi_pending_exception);
  *result = nd_value(value);
  return nd_finish(env, tc, napi_ok);
}

extern "C" void nd_engine_script_free(nd_script_t *script) {
  script->script.Reset();
  delete script;
}
