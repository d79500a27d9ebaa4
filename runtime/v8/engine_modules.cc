/* engine_modules.cc - ES modules on V8 behind runtime/engine.h: compiling
 * source and synthetic modules, linking by specifier, instantiation,
 * evaluation, namespaces, and the dynamic import()/import.meta hooks. */
#include <v8.h>

#include <string>
#include <unordered_map>
#include <vector>

#include "shim.h"
#include "watchdog.h"

struct nd_module_s {
  napi_env env;
  v8::Global<v8::Module> module;
  std::vector<std::pair<std::string, nd_module_t *>> links;
  nd_module_synthetic_cb steps;
  void *steps_data;
  void *data;
};

typedef std::unordered_multimap<int, nd_module_t *> module_map;

static module_map &modules_of(nd_isolate_data *idata) {
  if (idata->modules == NULL) idata->modules = new module_map();
  return *static_cast<module_map *>(idata->modules);
}

/* Finds our record of a V8 module (identity hash, then handle equality). */
static nd_module_t *find_module(nd_isolate_data *idata,
                                v8::Local<v8::Module> module) {
  module_map &map = modules_of(idata);
  auto range = map.equal_range(module->GetIdentityHash());
  for (auto it = range.first; it != range.second; ++it) {
    if (it->second->module.Get(idata->isolate) == module) return it->second;
  }
  return NULL;
}

static nd_module_t *register_module(napi_env env,
                                    v8::Local<v8::Module> module) {
  nd_module_t *m = new nd_module_s();
  m->env = env;
  m->module.Reset(env->isolate, module);
  m->steps = NULL;
  m->steps_data = NULL;
  m->data = NULL;
  modules_of(env->idata).emplace(module->GetIdentityHash(), m);
  return m;
}

extern "C" napi_status nd_engine_module_compile(napi_env env,
                                               napi_value source,
                                               napi_value url,
                                               nd_module_t **result) {
  ND_PREAMBLE(env);
  v8::Isolate *isolate = env->isolate;
  v8::Local<v8::Value> src = nd_local(source);
  if (!src->IsString()) return nd_set_error(env, napi_string_expected);
  v8::ScriptOrigin origin(isolate, nd_local(url), 0, 0, false, -1,
                          v8::Local<v8::Value>(), false, false, true);
  v8::ScriptCompiler::Source script_source(src.As<v8::String>(), origin);
  v8::Local<v8::Module> module;
  if (!v8::ScriptCompiler::CompileModule(isolate, &script_source)
           .ToLocal(&module))
    return nd_finish(env, tc, napi_pending_exception);
  *result = register_module(env, module);
  return nd_finish(env, tc, napi_ok);
}

static v8::MaybeLocal<v8::Value> synthetic_steps(
    v8::Local<v8::Context> context, v8::Local<v8::Module> module) {
  v8::Isolate *isolate = context->GetIsolate();
  nd_isolate_data *idata =
      static_cast<nd_isolate_data *>(isolate->GetData(0));
  nd_module_t *m = find_module(idata, module);
  if (m == NULL || m->steps == NULL) return v8::Undefined(isolate);
  napi_env env = m->env;
  napi_status s = m->steps(env, m, m->steps_data);
  if (s != napi_ok) {
    if (!env->pending_exception.IsEmpty()) nd_rethrow_pending(env);
    return v8::MaybeLocal<v8::Value>();
  }
  return v8::Undefined(isolate);
}

extern "C" napi_status nd_engine_module_synthetic(
    napi_env env, napi_value url, napi_value export_names,
    nd_module_synthetic_cb steps, void *data, nd_module_t **result) {
  ND_PREAMBLE(env);
  v8::Isolate *isolate = env->isolate;
  v8::Local<v8::Value> names = nd_local(export_names);
  if (!names->IsArray()) return nd_set_error(env, napi_array_expected);
  v8::Local<v8::Array> arr = names.As<v8::Array>();
  std::vector<v8::Local<v8::String>> list;
  v8::Local<v8::Context> context = nd_context(env);
  for (uint32_t i = 0; i < arr->Length(); i++) {
    v8::Local<v8::Value> v;
    if (!arr->Get(context, i).ToLocal(&v) || !v->IsString())
      return nd_finish(env, tc, napi_string_expected);
    list.push_back(v.As<v8::String>());
  }
  v8::Local<v8::Value> name = nd_local(url);
  if (!name->IsString()) return nd_set_error(env, napi_string_expected);
  v8::Local<v8::Module> module = v8::Module::CreateSyntheticModule(
      isolate, name.As<v8::String>(), list, synthetic_steps);
  nd_module_t *m = register_module(env, module);
  m->steps = steps;
  m->steps_data = data;
  *result = m;
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status nd_engine_module_set_export(napi_env env,
                                                  nd_module_t *module,
                                                  napi_value name,
                                                  napi_value value) {
  ND_PREAMBLE(env);
  v8::Local<v8::Value> n = nd_local(name);
  if (!n->IsString()) return nd_set_error(env, napi_string_expected);
  if (module->module.Get(env->isolate)
          ->SetSyntheticModuleExport(env->isolate, n.As<v8::String>(),
                                     nd_local(value))
          .IsNothing())
    return nd_finish(env, tc, napi_generic_failure);
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status nd_engine_module_requests(napi_env env,
                                                nd_module_t *module,
                                                napi_value *result) {
  ND_PREAMBLE(env);
  v8::Isolate *isolate = env->isolate;
  v8::Local<v8::Context> context = nd_context(env);
  v8::Local<v8::Module> m = module->module.Get(isolate);
  v8::Local<v8::FixedArray> requests = m->GetModuleRequests();
  v8::Local<v8::Array> out = v8::Array::New(isolate, requests->Length());
  for (int i = 0; i < requests->Length(); i++) {
    v8::Local<v8::ModuleRequest> req =
        requests->Get(context, i).As<v8::ModuleRequest>();
    v8::Local<v8::Object> entry = v8::Object::New(isolate);
    v8::Local<v8::Object> assertions =
        v8::Object::New(isolate, v8::Null(isolate), nullptr, nullptr, 0);
    v8::Local<v8::FixedArray> raw = req->GetImportAssertions();
    for (int k = 0; k + 1 < raw->Length(); k += 3) {
      v8::Local<v8::Value> key = raw->Get(context, k).As<v8::Value>();
      v8::Local<v8::Value> val = raw->Get(context, k + 1).As<v8::Value>();
      if (assertions->Set(context, key, val).IsNothing())
        return nd_finish(env, tc, napi_generic_failure);
    }
    if (entry->Set(context, v8::String::NewFromUtf8Literal(isolate, "specifier"),
                   req->GetSpecifier())
            .IsNothing() ||
        entry->Set(context,
                   v8::String::NewFromUtf8Literal(isolate, "assertions"),
                   assertions)
            .IsNothing() ||
        out->Set(context, i, entry).IsNothing())
      return nd_finish(env, tc, napi_generic_failure);
  }
  *result = nd_value(out);
  return nd_finish(env, tc, napi_ok);
}

extern "C" void nd_engine_module_link(nd_module_t *module,
                                      const char *specifier,
                                      nd_module_t *dependency) {
  for (auto &link : module->links) {
    if (link.first == specifier) {
      link.second = dependency;
      return;
    }
  }
  module->links.emplace_back(specifier, dependency);
}

static v8::MaybeLocal<v8::Module> resolve_linked(
    v8::Local<v8::Context> context, v8::Local<v8::String> specifier,
    v8::Local<v8::FixedArray> assertions, v8::Local<v8::Module> referrer) {
  (void)assertions;
  v8::Isolate *isolate = context->GetIsolate();
  nd_isolate_data *idata =
      static_cast<nd_isolate_data *>(isolate->GetData(0));
  nd_module_t *m = find_module(idata, referrer);
  v8::String::Utf8Value spec(isolate, specifier);
  if (m != NULL && *spec != NULL) {
    for (auto &link : m->links) {
      if (link.first == *spec && link.second != NULL)
        return link.second->module.Get(isolate);
    }
  }
  std::string msg = "request for '";
  msg += *spec ? *spec : "";
  msg += "' is not yet fulfilled";
  v8::Local<v8::Value> err = v8::Exception::Error(
      v8::String::NewFromUtf8(isolate, msg.c_str()).ToLocalChecked());
  isolate->ThrowException(err);
  return v8::MaybeLocal<v8::Module>();
}

extern "C" napi_status nd_engine_module_instantiate(napi_env env,
                                                   nd_module_t *module) {
  ND_PREAMBLE(env);
  v8::Local<v8::Module> m = module->module.Get(env->isolate);
  if (m->InstantiateModule(nd_context(env), resolve_linked).IsNothing())
    return nd_finish(env, tc, napi_pending_exception);
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status nd_engine_module_evaluate(napi_env env,
                                                nd_module_t *module,
                                                napi_value *result) {
  ND_PREAMBLE(env);
  v8::Local<v8::Module> m = module->module.Get(env->isolate);
  v8::Local<v8::Value> r;
  if (!m->Evaluate(nd_context(env)).ToLocal(&r))
    return nd_finish(env, tc, napi_pending_exception);
  *result = nd_value(r);
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status nd_engine_module_evaluate_timeout(
    napi_env env, nd_module_t *module, int64_t timeout_ms, bool *timed_out,
    napi_value *result) {
  *timed_out = false;
  if (timeout_ms <= 0) return nd_engine_module_evaluate(env, module, result);
  ND_PREAMBLE(env);
  v8::Isolate *isolate = env->isolate;
  v8::Local<v8::Module> m = module->module.Get(isolate);
  v8::MaybeLocal<v8::Value> r;
  bool fired;
  {
    Watchdog dog(isolate, timeout_ms);
    r = m->Evaluate(nd_context(env));
    fired = dog.fired();
  }
  if (fired) {
    *timed_out = true;
    isolate->CancelTerminateExecution();
    return nd_set_error(env, napi_generic_failure);
  }
  v8::Local<v8::Value> value;
  if (!r.ToLocal(&value)) return nd_finish(env, tc, napi_pending_exception);
  *result = nd_value(value);
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status nd_engine_module_namespace(napi_env env,
                                                 nd_module_t *module,
                                                 napi_value *result) {
  v8::Local<v8::Module> m = module->module.Get(env->isolate);
  if (m->GetStatus() < v8::Module::kInstantiated)
    return nd_set_error(env, napi_generic_failure);
  *result = nd_value(m->GetModuleNamespace());
  return nd_clear_error(env);
}

extern "C" int nd_engine_module_status(nd_module_t *module) {
  v8::Isolate *isolate = module->env->isolate;
  return (int)module->module.Get(isolate)->GetStatus();
}

extern "C" napi_status nd_engine_module_error(napi_env env,
                                             nd_module_t *module,
                                             napi_value *result) {
  v8::Local<v8::Module> m = module->module.Get(env->isolate);
  if (m->GetStatus() != v8::Module::kErrored)
    return nd_set_error(env, napi_generic_failure);
  *result = nd_value(m->GetException());
  return nd_clear_error(env);
}

extern "C" void nd_engine_module_set_data(nd_module_t *module, void *data) {
  module->data = data;
}

extern "C" void *nd_engine_module_get_data(nd_module_t *module) {
  return module->data;
}

extern "C" void nd_engine_module_free(nd_module_t *module) {
  nd_isolate_data *idata = module->env->idata;
  module_map &map = modules_of(idata);
  for (auto it = map.begin(); it != map.end(); ++it) {
    if (it->second == module) {
      map.erase(it);
      break;
    }
  }
  module->module.Reset();
  delete module;
}

static v8::MaybeLocal<v8::Promise> import_dynamically(
    v8::Local<v8::Context> context, v8::Local<v8::Data> host_defined_options,
    v8::Local<v8::Value> resource_name, v8::Local<v8::String> specifier,
    v8::Local<v8::FixedArray> import_assertions) {
  (void)host_defined_options;
  v8::Isolate *isolate = context->GetIsolate();
  nd_isolate_data *idata =
      static_cast<nd_isolate_data *>(isolate->GetData(0));
  v8::EscapableHandleScope scope(isolate);
  v8::Local<v8::Object> assertions =
      v8::Object::New(isolate, v8::Null(isolate), nullptr, nullptr, 0);
  for (int k = 0; k + 1 < import_assertions->Length(); k += 2) {
    if (assertions
            ->Set(context, import_assertions->Get(context, k).As<v8::Value>(),
                  import_assertions->Get(context, k + 1).As<v8::Value>())
            .IsNothing())
      return v8::MaybeLocal<v8::Promise>();
  }
  if (idata->import_dynamically.IsEmpty()) {
    v8::Local<v8::Promise::Resolver> r;
    if (!v8::Promise::Resolver::New(context).ToLocal(&r))
      return v8::MaybeLocal<v8::Promise>();
    if (r->Reject(context,
                  v8::Exception::Error(v8::String::NewFromUtf8Literal(
                      isolate, "import() is not supported here")))
            .IsNothing())
      return v8::MaybeLocal<v8::Promise>();
    return scope.Escape(r->GetPromise());
  }
  v8::Local<v8::Value> name = resource_name.IsEmpty()
                                  ? v8::Undefined(isolate).As<v8::Value>()
                                  : resource_name;
  v8::Local<v8::Value> argv[3] = {specifier, name, assertions};
  v8::Local<v8::Value> ret;
  if (!idata->import_dynamically.Get(isolate)
           ->Call(context, v8::Undefined(isolate), 3, argv)
           .ToLocal(&ret))
    return v8::MaybeLocal<v8::Promise>();
  if (!ret->IsPromise()) return v8::MaybeLocal<v8::Promise>();
  return scope.Escape(ret.As<v8::Promise>());
}

static void initialize_import_meta(v8::Local<v8::Context> context,
                                   v8::Local<v8::Module> module,
                                   v8::Local<v8::Object> meta) {
  v8::Isolate *isolate = context->GetIsolate();
  nd_isolate_data *idata =
      static_cast<nd_isolate_data *>(isolate->GetData(0));
  nd_module_t *m = find_module(idata, module);
  if (m == NULL || idata->initialize_import_meta.IsEmpty()) return;
  v8::Local<v8::Value> wrapper = v8::Undefined(isolate);
  if (m->data != NULL) {
    napi_value v;
    if (napi_get_reference_value(m->env, static_cast<napi_ref>(m->data),
                                 &v) == napi_ok &&
        v != NULL)
      wrapper = nd_local(v);
  }
  v8::Local<v8::Value> argv[2] = {meta, wrapper};
  v8::MaybeLocal<v8::Value> ignored =
      idata->initialize_import_meta.Get(isolate)->Call(
          context, v8::Undefined(isolate), 2, argv);
  (void)ignored;
}

extern "C" napi_status nd_engine_set_module_hooks(
    napi_env env, napi_value import_dynamically_fn,
    napi_value initialize_import_meta_fn) {
  v8::Local<v8::Value> a = nd_local(import_dynamically_fn);
  v8::Local<v8::Value> b = nd_local(initialize_import_meta_fn);
  if (!a->IsFunction() || !b->IsFunction())
    return nd_set_error(env, napi_function_expected);
  env->idata->import_dynamically.Reset(env->isolate, a.As<v8::Function>());
  env->idata->initialize_import_meta.Reset(env->isolate, b.As<v8::Function>());
  env->isolate->SetHostImportModuleDynamicallyCallback(import_dynamically);
  env->isolate->SetHostInitializeImportMetaObjectCallback(
      initialize_import_meta);
  return nd_clear_error(env);
}
