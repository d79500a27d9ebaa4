/* engine_env.cc - objects whose named properties are served by C callbacks
 * (V8 named-property interceptors): process.env is one. */
#include <v8.h>

#include "engine_env.h"
#include "shim.h"

/* The private key that marks objects made here (for serializers). */
static v8::Local<v8::Private> intercepted_key(v8::Isolate *isolate) {
  return v8::Private::ForApi(
      isolate, v8::String::NewFromUtf8Literal(isolate, "nodus:intercepted"));
}

/* What the interceptors' data slot points to; freed with the object. */
struct intercept_record {
  napi_env env;
  const nd_named_interceptors_t *handlers;
  void *data;
};

static intercept_record *record_of(v8::Local<v8::Value> data) {
  return static_cast<intercept_record *>(data.As<v8::External>()->Value());
}

/* After a C callback: an exception it left pending goes to the JS access.
 * Returns true when there was one. */
static bool rethrow(napi_env env) {
  if (env->pending_exception.IsEmpty()) return false;
  nd_rethrow_pending(env);
  return true;
}

static void on_get(v8::Local<v8::Name> name,
                   const v8::PropertyCallbackInfo<v8::Value> &info) {
  intercept_record *rec = record_of(info.Data());
  if (rec->handlers->get == NULL) return;
  napi_value result = NULL;
  bool hit = rec->handlers->get(rec->env, nd_value(name), rec->data, &result);
  if (rethrow(rec->env)) return;
  if (hit && result != NULL) info.GetReturnValue().Set(nd_local(result));
}

static void on_set(v8::Local<v8::Name> name, v8::Local<v8::Value> value,
                   const v8::PropertyCallbackInfo<v8::Value> &info) {
  intercept_record *rec = record_of(info.Data());
  if (rec->handlers->set == NULL) return;
  bool hit = rec->handlers->set(rec->env, nd_value(name), nd_value(value),
                                rec->data);
  if (rethrow(rec->env)) return;
  if (hit) info.GetReturnValue().Set(value);
}

static void on_query(v8::Local<v8::Name> name,
                     const v8::PropertyCallbackInfo<v8::Integer> &info) {
  intercept_record *rec = record_of(info.Data());
  if (rec->handlers->query == NULL) return;
  bool hit = rec->handlers->query(rec->env, nd_value(name), rec->data);
  if (rethrow(rec->env)) return;
  /* Present: a writable, enumerable and configurable data property. */
  if (hit) info.GetReturnValue().Set(static_cast<int32_t>(v8::None));
}

static void on_delete(v8::Local<v8::Name> name,
                      const v8::PropertyCallbackInfo<v8::Boolean> &info) {
  intercept_record *rec = record_of(info.Data());
  if (rec->handlers->remove == NULL) return;
  bool hit = rec->handlers->remove(rec->env, nd_value(name), rec->data);
  if (rethrow(rec->env)) return;
  if (hit) info.GetReturnValue().Set(true);
}

static void on_enumerate(const v8::PropertyCallbackInfo<v8::Array> &info) {
  intercept_record *rec = record_of(info.Data());
  if (rec->handlers->keys == NULL) return;
  napi_value keys = rec->handlers->keys(rec->env, rec->data);
  if (rethrow(rec->env)) return;
  if (keys != NULL && nd_local(keys)->IsArray())
    info.GetReturnValue().Set(nd_local(keys).As<v8::Array>());
}

/* Copies the fields present in `desc` onto a plain object. */
static v8::Local<v8::Object> descriptor_object(
    v8::Isolate *isolate, v8::Local<v8::Context> context,
    const v8::PropertyDescriptor &desc) {
  v8::Local<v8::Object> obj = v8::Object::New(isolate);
  auto put = [&](const char *key, v8::Local<v8::Value> v) {
    v8::Local<v8::String> k =
        v8::String::NewFromUtf8(isolate, key).ToLocalChecked();
    obj->CreateDataProperty(context, k, v).Check();
  };
  if (desc.has_value()) put("value", desc.value());
  if (desc.has_get()) put("get", desc.get());
  if (desc.has_set()) put("set", desc.set());
  if (desc.has_writable())
    put("writable", v8::Boolean::New(isolate, desc.writable()));
  if (desc.has_enumerable())
    put("enumerable", v8::Boolean::New(isolate, desc.enumerable()));
  if (desc.has_configurable())
    put("configurable", v8::Boolean::New(isolate, desc.configurable()));
  return obj;
}

static void on_define(v8::Local<v8::Name> name,
                      const v8::PropertyDescriptor &desc,
                      const v8::PropertyCallbackInfo<v8::Value> &info) {
  intercept_record *rec = record_of(info.Data());
  if (rec->handlers->define == NULL) return;
  v8::Isolate *isolate = info.GetIsolate();
  v8::Local<v8::Object> d =
      descriptor_object(isolate, isolate->GetCurrentContext(), desc);
  bool hit = rec->handlers->define(rec->env, nd_value(name), nd_value(d),
                                   rec->data);
  if (rethrow(rec->env)) return;
  if (hit) info.GetReturnValue().Set(info.This());
}

static void free_record(napi_env env, void *data, void *hint) {
  (void)env;
  (void)hint;
  delete static_cast<intercept_record *>(data);
}

extern "C" napi_status nd_engine_intercepted_object(
    napi_env env, const nd_named_interceptors_t *handlers, void *data,
    napi_value *result) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, handlers);
  ND_CHECK_ARG(env, result);
  v8::Isolate *isolate = env->isolate;
  v8::EscapableHandleScope scope(isolate);
  v8::Local<v8::Context> context = nd_context(env);
  intercept_record *rec = new intercept_record{env, handlers, data};
  v8::Local<v8::External> ext = v8::External::New(isolate, rec);
  v8::Local<v8::ObjectTemplate> tmpl = v8::ObjectTemplate::New(isolate);
  v8::NamedPropertyHandlerConfiguration config(on_get, on_set, on_query,
                                               on_delete, on_enumerate, ext);
  config.definer = on_define; /* no constructor takes query and definer */
  tmpl->SetHandler(config);
  v8::Local<v8::Object> obj;
  if (!tmpl->NewInstance(context).ToLocal(&obj)) {
    delete rec;
    return nd_set_error(env, napi_generic_failure);
  }
  if (obj->SetPrivate(context, intercepted_key(isolate), v8::True(isolate))
          .IsNothing()) {
    delete rec;
    return nd_set_error(env, napi_generic_failure);
  }
  nd_add_finalizer(env, obj, free_record, rec, NULL);
  *result = nd_value(scope.Escape(obj));
  return nd_clear_error(env);
}

v8::Maybe<bool> nd_intercepted_write(v8::Isolate *isolate,
                                     v8::ValueSerializer *ser,
                                     v8::Local<v8::Object> object) {
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Private> key = intercepted_key(isolate);
  bool marked;
  if (!object->HasPrivate(context, key).To(&marked)) return v8::Nothing<bool>();
  if (!marked) return v8::Just(false);
  v8::Local<v8::Array> names;
  if (!object->GetOwnPropertyNames(context).ToLocal(&names))
    return v8::Nothing<bool>();
  v8::Local<v8::Object> copy = v8::Object::New(isolate);
  for (uint32_t i = 0; i < names->Length(); i++) {
    v8::Local<v8::Value> name, value;
    bool ok = false;
    if (!names->Get(context, i).ToLocal(&name) ||
        !object->Get(context, name).ToLocal(&value) ||
        !copy->CreateDataProperty(context, name.As<v8::Name>(), value)
             .To(&ok))
      return v8::Nothing<bool>();
  }
  ser->WriteUint32(ND_HOST_TAG_PLAIN_COPY);
  return ser->WriteValue(context, copy);
}

v8::MaybeLocal<v8::Object> nd_intercepted_read(v8::Isolate *isolate,
                                               v8::ValueDeserializer *des) {
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Value> value;
  if (!des->ReadValue(context).ToLocal(&value)) return {};
  if (!value->IsObject()) {
    isolate->ThrowException(v8::Exception::Error(
        v8::String::NewFromUtf8Literal(isolate, "Unable to deserialize")));
    return {};
  }
  return value.As<v8::Object>();
}
