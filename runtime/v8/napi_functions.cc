/* napi_functions.cc - Node-API over V8: native functions and classes, the
 * callback trampolines, calls and construction. */
#include <v8.h>

#include "shim.h"

/* What a native function's V8 data slot points to: for functions made by an
 * addon (or at run time) a heap record; for the core env's binding tables
 * the static napi_property_descriptor itself. */
struct nd_function_record {
  napi_env env;
  napi_callback cb;
  void *data;
};

struct napi_callback_info__ {
  const v8::FunctionCallbackInfo<v8::Value> *info;
  void *data;
};

static inline void finish_callback(napi_env env, napi_value ret,
    const v8::FunctionCallbackInfo<v8::Value> &info) {
  if (!env->pending_exception.IsEmpty()) {
    nd_rethrow_pending(env);
    return;
  }
  if (ret != NULL) info.GetReturnValue().Set(nd_local(ret));
}

/* Trampoline for functions made from a heap record. */
static void invoke_record(const v8::FunctionCallbackInfo<v8::Value> &info) {
  nd_function_record *rec = static_cast<nd_function_record *>(
      info.Data().As<v8::External>()->Value());
  napi_env env = rec->env;
  napi_callback_info__ cbinfo = {&info, rec->data};
  nd_clear_error(env);
  napi_value ret = rec->cb(env, &cbinfo);
  finish_callback(env, ret, info);
}

/* Trampoline for the core env's static binding tables. */
static void invoke_static(const v8::FunctionCallbackInfo<v8::Value> &info) {
  const napi_property_descriptor *desc =
      static_cast<const napi_property_descriptor *>(
          info.Data().As<v8::External>()->Value());
  nd_isolate_data *idata =
      static_cast<nd_isolate_data *>(info.GetIsolate()->GetData(0));
  napi_env env = idata->core_env;
  napi_callback_info__ cbinfo = {&info, desc->data};
  napi_callback cb = desc->method;
  napi_value ret = cb(env, &cbinfo);
  finish_callback(env, ret, info);
}

/* Frees a heap record when its function is collected. */
static void free_record(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  delete static_cast<nd_function_record *>(data);
}

static v8::Local<v8::Value> record_data(napi_env env, napi_callback cb,
                                        void *data,
                                        nd_function_record **out) {
  nd_function_record *rec = new nd_function_record{env, cb, data};
  *out = rec;
  return v8::External::New(env->isolate, rec);
}

napi_status nd_make_function(napi_env env, const char *utf8name,
                             size_t length, napi_callback cb, void *data,
                             const napi_property_descriptor *static_desc,
                             v8::Local<v8::Function> *result) {
  v8::Isolate *isolate = env->isolate;
  v8::Local<v8::Context> context = nd_context(env);
  v8::Local<v8::Function> fn;
  nd_function_record *rec = NULL;
  if (static_desc != NULL && env->is_core) {
    v8::Local<v8::External> ext = v8::External::New(
        isolate, const_cast<napi_property_descriptor *>(static_desc));
    if (!v8::Function::New(context, invoke_static, ext, 0,
                           v8::ConstructorBehavior::kThrow)
             .ToLocal(&fn))
      return nd_set_error(env, napi_generic_failure);
  } else {
    v8::Local<v8::Value> ext = record_data(env, cb, data, &rec);
    if (!v8::Function::New(context, invoke_record, ext).ToLocal(&fn)) {
      delete rec;
      return nd_set_error(env, napi_generic_failure);
    }
    nd_add_finalizer(env, fn, free_record, rec, NULL);
  }
  if (utf8name != NULL) {
    v8::Local<v8::String> name;
    if (!nd_string_utf8(isolate, utf8name, length).ToLocal(&name))
      return nd_set_error(env, napi_generic_failure);
    fn->SetName(name);
  }
  *result = fn;
  return napi_ok;
}

v8::Local<v8::FunctionTemplate> nd_make_template(napi_env env,
                                                 napi_callback cb, void *data,
                                                 bool is_constructor) {
  nd_function_record *rec;
  v8::Local<v8::Value> ext = record_data(env, cb, data, &rec);
  /* Templates live as long as the isolate; their records are freed with
   * it (never collected earlier). */
  return v8::FunctionTemplate::New(
      env->isolate, invoke_record, ext, v8::Local<v8::Signature>(), 0,
      is_constructor ? v8::ConstructorBehavior::kAllow
                     : v8::ConstructorBehavior::kThrow);
}

extern "C" napi_status napi_create_function(napi_env env, const char *utf8name,
                                            size_t length, napi_callback cb,
                                            void *data, napi_value *result) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, result);
  ND_CHECK_ARG(env, cb);
  v8::Local<v8::Function> fn;
  napi_status s = nd_make_function(env, utf8name, length, cb, data, NULL, &fn);
  if (s != napi_ok) return s;
  *result = nd_value(fn);
  return nd_clear_error(env);
}

extern "C" napi_status napi_get_cb_info(napi_env env, napi_callback_info cbinfo,
                                        size_t *argc, napi_value *argv,
                                        napi_value *this_arg, void **data) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, cbinfo);
  const v8::FunctionCallbackInfo<v8::Value> &info = *cbinfo->info;
  if (argv != NULL) {
    ND_CHECK_ARG(env, argc);
    size_t n = *argc;
    size_t have = (size_t)info.Length();
    size_t i = 0;
    for (; i < n && i < have; i++) argv[i] = nd_value(info[(int)i]);
    if (i < n) {
      napi_value undef = nd_value(v8::Undefined(env->isolate));
      for (; i < n; i++) argv[i] = undef;
    }
  }
  if (argc != NULL) *argc = (size_t)info.Length();
  if (this_arg != NULL) *this_arg = nd_value(info.This());
  if (data != NULL) *data = cbinfo->data;
  return nd_clear_error(env);
}

extern "C" napi_status napi_get_new_target(napi_env env,
                                           napi_callback_info cbinfo,
                                           napi_value *result) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, cbinfo);
  ND_CHECK_ARG(env, result);
  v8::Local<v8::Value> nt = cbinfo->info->NewTarget();
  *result = nt->IsUndefined() ? NULL : nd_value(nt);
  return nd_clear_error(env);
}

extern "C" napi_status napi_call_function(napi_env env, napi_value recv,
                                          napi_value func, size_t argc,
                                          const napi_value *argv,
                                          napi_value *result) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, recv);
  if (argc > 0) ND_CHECK_ARG(env, argv);
  ND_CHECK_ARG(env, func);
  v8::Local<v8::Value> f = nd_local(func);
  if (!f->IsFunction()) return nd_set_error(env, napi_function_expected);
  v8::Local<v8::Value> ret;
  if (!f.As<v8::Function>()
           ->Call(nd_context(env), nd_local(recv), (int)argc,
                  reinterpret_cast<v8::Local<v8::Value> *>(
                      const_cast<napi_value *>(argv)))
           .ToLocal(&ret))
    return nd_finish(env, tc, napi_generic_failure);
  if (result != NULL) *result = nd_value(ret);
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status napi_new_instance(napi_env env, napi_value constructor,
                                         size_t argc, const napi_value *argv,
                                         napi_value *result) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, constructor);
  if (argc > 0) ND_CHECK_ARG(env, argv);
  ND_CHECK_ARG(env, result);
  v8::Local<v8::Value> c = nd_local(constructor);
  if (!c->IsFunction()) return nd_set_error(env, napi_function_expected);
  v8::Local<v8::Object> obj;
  if (!c.As<v8::Function>()
           ->NewInstance(nd_context(env), (int)argc,
                         reinterpret_cast<v8::Local<v8::Value> *>(
                             const_cast<napi_value *>(argv)))
           .ToLocal(&obj))
    return nd_finish(env, tc, napi_generic_failure);
  *result = nd_value(obj);
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status napi_instanceof(napi_env env, napi_value object,
                                       napi_value constructor, bool *result) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, object);
  ND_CHECK_ARG(env, result);
  *result = false;
  v8::Local<v8::Value> c = nd_local(constructor);
  if (!c->IsFunction()) {
    napi_throw_type_error(env, "ERR_NAPI_CONS_FUNCTION",
                          "Constructor must be a function");
    return nd_set_error(env, napi_function_expected);
  }
  v8::Maybe<bool> r =
      nd_local(object)->InstanceOf(nd_context(env), c.As<v8::Object>());
  if (r.IsNothing()) return nd_finish(env, tc, napi_generic_failure);
  *result = r.FromJust();
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status napi_define_class(
    napi_env env, const char *utf8name, size_t length,
    napi_callback constructor, void *callback_data, size_t property_count,
    const napi_property_descriptor *properties, napi_value *result) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, result);
  ND_CHECK_ARG(env, constructor);
  ND_CHECK_ARG(env, utf8name);
  if (property_count > 0) ND_CHECK_ARG(env, properties);
  v8::Isolate *isolate = env->isolate;
  v8::Local<v8::FunctionTemplate> tpl =
      nd_make_template(env, constructor, callback_data, true);
  v8::Local<v8::String> name;
  if (!nd_string_utf8(isolate, utf8name ? utf8name : "", utf8name ? length : 0)
           .ToLocal(&name))
    return nd_set_error(env, napi_generic_failure);
  tpl->SetClassName(name);

  size_t static_count = 0;
  for (size_t i = 0; i < property_count; i++) {
    const napi_property_descriptor *p = &properties[i];
    if (p->attributes & napi_static) {
      static_count++;
      continue;
    }
    v8::Local<v8::Name> key;
    napi_status s = nd_descriptor_key(env, p, &key);
    if (s != napi_ok) return s;
    int attrs = v8::None;
    if (!(p->attributes & napi_writable) && p->getter == NULL &&
        p->setter == NULL)
      attrs |= v8::ReadOnly;
    if (!(p->attributes & napi_enumerable)) attrs |= v8::DontEnum;
    if (!(p->attributes & napi_configurable)) attrs |= v8::DontDelete;
    v8::Local<v8::Signature> sig = v8::Signature::New(isolate, tpl);
    (void)sig;
    if (p->getter != NULL || p->setter != NULL) {
      v8::Local<v8::FunctionTemplate> g, st;
      if (p->getter) g = nd_make_template(env, p->getter, p->data, false);
      if (p->setter) st = nd_make_template(env, p->setter, p->data, false);
      tpl->PrototypeTemplate()->SetAccessorProperty(
          key, g, st, static_cast<v8::PropertyAttribute>(attrs));
    } else if (p->method != NULL) {
      v8::Local<v8::FunctionTemplate> m =
          nd_make_template(env, p->method, p->data, false);
      tpl->PrototypeTemplate()->Set(key, m,
                                    static_cast<v8::PropertyAttribute>(attrs));
    } else {
      tpl->PrototypeTemplate()->Set(key, nd_local(p->value),
                                    static_cast<v8::PropertyAttribute>(attrs));
    }
  }
  v8::Local<v8::Function> fn;
  if (!tpl->GetFunction(nd_context(env)).ToLocal(&fn))
    return nd_finish(env, tc, napi_generic_failure);
  *result = nd_value(fn);
  if (static_count > 0) {
    napi_property_descriptor *statics =
        new napi_property_descriptor[static_count];
    size_t j = 0;
    for (size_t i = 0; i < property_count; i++)
      if (properties[i].attributes & napi_static) statics[j++] = properties[i];
    napi_status s = napi_define_properties(env, *result, static_count, statics);
    delete[] statics;
    if (s != napi_ok) return s;
  }
  return nd_finish(env, tc, napi_ok);
}
