/* napi_objects.cc - Node-API over V8: properties, elements, property
 * descriptors, wrapping, type tags, freezing and promises. */
#include <v8.h>

#include "shim.h"

/* Bounds of the executable's own static data: descriptor tables inside it
 * outlive every isolate, so functions can point at them directly. */
extern "C" char __executable_start;
extern "C" char _end;

static bool is_static_data(const void *p) {
  return p >= static_cast<const void *>(&__executable_start) &&
         p < static_cast<const void *>(&_end);
}

napi_status nd_descriptor_key(napi_env env, const napi_property_descriptor *p,
                              v8::Local<v8::Name> *key) {
  if (p->utf8name != NULL) {
    v8::Local<v8::String> s;
    if (!nd_string_utf8(env->isolate, p->utf8name, NAPI_AUTO_LENGTH)
             .ToLocal(&s))
      return nd_set_error(env, napi_generic_failure);
    *key = s;
    return napi_ok;
  }
  if (p->name == NULL) return nd_set_error(env, napi_name_expected);
  v8::Local<v8::Value> n = nd_local(p->name);
  if (!n->IsName()) return nd_set_error(env, napi_name_expected);
  *key = n.As<v8::Name>();
  return napi_ok;
}

extern "C" napi_status napi_define_properties(
    napi_env env, napi_value object, size_t property_count,
    const napi_property_descriptor *properties) {
  ND_PREAMBLE(env);
  if (property_count > 0) ND_CHECK_ARG(env, properties);
  v8::Local<v8::Context> context = nd_context(env);
  v8::Local<v8::Object> obj;
  ND_CHECK_TO_OBJECT(env, context, obj, object);
  bool static_table = env->is_core && is_static_data(properties);
  for (size_t i = 0; i < property_count; i++) {
    const napi_property_descriptor *p = &properties[i];
    v8::Local<v8::Name> key;
    napi_status s = nd_descriptor_key(env, p, &key);
    if (s != napi_ok) return s;
    bool enumerable = (p->attributes & napi_enumerable) != 0;
    bool configurable = (p->attributes & napi_configurable) != 0;
    if (p->getter != NULL || p->setter != NULL) {
      v8::Local<v8::Function> g, st;
      if (p->getter != NULL) {
        s = nd_make_function(env, NULL, 0, p->getter, p->data, NULL, &g);
        if (s != napi_ok) return s;
      }
      if (p->setter != NULL) {
        s = nd_make_function(env, NULL, 0, p->setter, p->data, NULL, &st);
        if (s != napi_ok) return s;
      }
      v8::PropertyDescriptor d(g, st);
      d.set_enumerable(enumerable);
      d.set_configurable(configurable);
      if (obj->DefineProperty(context, key, d).IsNothing())
        return nd_finish(env, tc, napi_generic_failure);
    } else if (p->method != NULL) {
      v8::Local<v8::Function> fn;
      s = nd_make_function(env, p->utf8name, NAPI_AUTO_LENGTH, p->method,
                           p->data, static_table ? p : NULL, &fn);
      if (s != napi_ok) return s;
      if (p->utf8name == NULL && key->IsString())
        fn->SetName(key.As<v8::String>());
      v8::PropertyDescriptor d(fn, (p->attributes & napi_writable) != 0);
      d.set_enumerable(enumerable);
      d.set_configurable(configurable);
      if (obj->DefineProperty(context, key, d).IsNothing())
        return nd_finish(env, tc, napi_generic_failure);
    } else {
      v8::PropertyDescriptor d(nd_local(p->value),
                               (p->attributes & napi_writable) != 0);
      d.set_enumerable(enumerable);
      d.set_configurable(configurable);
      if (obj->DefineProperty(context, key, d).IsNothing())
        return nd_finish(env, tc, napi_generic_failure);
    }
  }
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status napi_set_property(napi_env env, napi_value object,
                                         napi_value key, napi_value value) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, key);
  ND_CHECK_ARG(env, value);
  v8::Local<v8::Context> context = nd_context(env);
  v8::Local<v8::Object> obj;
  ND_CHECK_TO_OBJECT(env, context, obj, object);
  if (obj->Set(context, nd_local(key), nd_local(value)).IsNothing())
    return nd_finish(env, tc, napi_generic_failure);
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status napi_has_property(napi_env env, napi_value object,
                                         napi_value key, bool *result) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, result);
  ND_CHECK_ARG(env, key);
  v8::Local<v8::Context> context = nd_context(env);
  v8::Local<v8::Object> obj;
  ND_CHECK_TO_OBJECT(env, context, obj, object);
  v8::Maybe<bool> r = obj->Has(context, nd_local(key));
  if (r.IsNothing()) return nd_finish(env, tc, napi_generic_failure);
  *result = r.FromJust();
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status napi_get_property(napi_env env, napi_value object,
                                         napi_value key, napi_value *result) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, key);
  ND_CHECK_ARG(env, result);
  v8::Local<v8::Context> context = nd_context(env);
  v8::Local<v8::Object> obj;
  ND_CHECK_TO_OBJECT(env, context, obj, object);
  v8::Local<v8::Value> v;
  if (!obj->Get(context, nd_local(key)).ToLocal(&v))
    return nd_finish(env, tc, napi_generic_failure);
  *result = nd_value(v);
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status napi_delete_property(napi_env env, napi_value object,
                                            napi_value key, bool *result) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, key);
  v8::Local<v8::Context> context = nd_context(env);
  v8::Local<v8::Object> obj;
  ND_CHECK_TO_OBJECT(env, context, obj, object);
  v8::Maybe<bool> r = obj->Delete(context, nd_local(key));
  if (r.IsNothing()) return nd_finish(env, tc, napi_generic_failure);
  if (result) *result = r.FromJust();
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status napi_has_own_property(napi_env env, napi_value object,
                                             napi_value key, bool *result) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, key);
  ND_CHECK_ARG(env, result);
  v8::Local<v8::Context> context = nd_context(env);
  v8::Local<v8::Object> obj;
  ND_CHECK_TO_OBJECT(env, context, obj, object);
  v8::Local<v8::Value> k = nd_local(key);
  if (!k->IsName()) return nd_set_error(env, napi_name_expected);
  v8::Maybe<bool> r = obj->HasOwnProperty(context, k.As<v8::Name>());
  if (r.IsNothing()) return nd_finish(env, tc, napi_generic_failure);
  *result = r.FromJust();
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status napi_set_named_property(napi_env env, napi_value object,
                                               const char *utf8name,
                                               napi_value value) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, value);
  ND_CHECK_ARG(env, utf8name);
  v8::Local<v8::Context> context = nd_context(env);
  v8::Local<v8::Object> obj;
  ND_CHECK_TO_OBJECT(env, context, obj, object);
  v8::Local<v8::String> key;
  if (!nd_string_utf8(env->isolate, utf8name, NAPI_AUTO_LENGTH).ToLocal(&key))
    return nd_finish(env, tc, napi_generic_failure);
  if (obj->Set(context, key, nd_local(value)).IsNothing())
    return nd_finish(env, tc, napi_generic_failure);
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status napi_has_named_property(napi_env env, napi_value object,
                                               const char *utf8name,
                                               bool *result) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, result);
  ND_CHECK_ARG(env, utf8name);
  v8::Local<v8::Context> context = nd_context(env);
  v8::Local<v8::Object> obj;
  ND_CHECK_TO_OBJECT(env, context, obj, object);
  v8::Local<v8::String> key;
  if (!nd_string_utf8(env->isolate, utf8name, NAPI_AUTO_LENGTH).ToLocal(&key))
    return nd_finish(env, tc, napi_generic_failure);
  v8::Maybe<bool> r = obj->Has(context, key);
  if (r.IsNothing()) return nd_finish(env, tc, napi_generic_failure);
  *result = r.FromJust();
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status napi_get_named_property(napi_env env, napi_value object,
                                               const char *utf8name,
                                               napi_value *result) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, result);
  ND_CHECK_ARG(env, utf8name);
  v8::Local<v8::Context> context = nd_context(env);
  v8::Local<v8::Object> obj;
  ND_CHECK_TO_OBJECT(env, context, obj, object);
  v8::Local<v8::String> key;
  if (!nd_string_utf8(env->isolate, utf8name, NAPI_AUTO_LENGTH).ToLocal(&key))
    return nd_finish(env, tc, napi_generic_failure);
  v8::Local<v8::Value> v;
  if (!obj->Get(context, key).ToLocal(&v))
    return nd_finish(env, tc, napi_generic_failure);
  *result = nd_value(v);
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status napi_set_element(napi_env env, napi_value object,
                                        uint32_t index, napi_value value) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, value);
  v8::Local<v8::Context> context = nd_context(env);
  v8::Local<v8::Object> obj;
  ND_CHECK_TO_OBJECT(env, context, obj, object);
  if (obj->Set(context, index, nd_local(value)).IsNothing())
    return nd_finish(env, tc, napi_generic_failure);
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status napi_has_element(napi_env env, napi_value object,
                                        uint32_t index, bool *result) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, result);
  v8::Local<v8::Context> context = nd_context(env);
  v8::Local<v8::Object> obj;
  ND_CHECK_TO_OBJECT(env, context, obj, object);
  v8::Maybe<bool> r = obj->Has(context, index);
  if (r.IsNothing()) return nd_finish(env, tc, napi_generic_failure);
  *result = r.FromJust();
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status napi_get_element(napi_env env, napi_value object,
                                        uint32_t index, napi_value *result) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, result);
  v8::Local<v8::Context> context = nd_context(env);
  v8::Local<v8::Object> obj;
  ND_CHECK_TO_OBJECT(env, context, obj, object);
  v8::Local<v8::Value> v;
  if (!obj->Get(context, index).ToLocal(&v))
    return nd_finish(env, tc, napi_generic_failure);
  *result = nd_value(v);
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status napi_delete_element(napi_env env, napi_value object,
                                           uint32_t index, bool *result) {
  ND_PREAMBLE(env);
  v8::Local<v8::Context> context = nd_context(env);
  v8::Local<v8::Object> obj;
  ND_CHECK_TO_OBJECT(env, context, obj, object);
  v8::Maybe<bool> r = obj->Delete(context, index);
  if (r.IsNothing()) return nd_finish(env, tc, napi_generic_failure);
  if (result) *result = r.FromJust();
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status napi_is_array(napi_env env, napi_value value,
                                     bool *result) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, value);
  ND_CHECK_ARG(env, result);
  *result = nd_local(value)->IsArray();
  return nd_clear_error(env);
}

extern "C" napi_status napi_get_array_length(napi_env env, napi_value value,
                                             uint32_t *result) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, value);
  ND_CHECK_ARG(env, result);
  v8::Local<v8::Value> v = nd_local(value);
  if (!v->IsArray()) return nd_set_error(env, napi_array_expected);
  *result = v.As<v8::Array>()->Length();
  return nd_clear_error(env);
}

extern "C" napi_status napi_get_prototype(napi_env env, napi_value object,
                                          napi_value *result) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, result);
  v8::Local<v8::Context> context = nd_context(env);
  v8::Local<v8::Object> obj;
  ND_CHECK_TO_OBJECT(env, context, obj, object);
  *result = nd_value(obj->GetPrototype());
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status napi_get_all_property_names(
    napi_env env, napi_value object, napi_key_collection_mode key_mode,
    napi_key_filter key_filter, napi_key_conversion key_conversion,
    napi_value *result) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, result);
  v8::Local<v8::Context> context = nd_context(env);
  v8::Local<v8::Object> obj;
  ND_CHECK_TO_OBJECT(env, context, obj, object);
  int filter = v8::ALL_PROPERTIES;
  if (key_filter & napi_key_writable) filter |= v8::ONLY_WRITABLE;
  if (key_filter & napi_key_enumerable) filter |= v8::ONLY_ENUMERABLE;
  if (key_filter & napi_key_configurable) filter |= v8::ONLY_CONFIGURABLE;
  if (key_filter & napi_key_skip_strings) filter |= v8::SKIP_STRINGS;
  if (key_filter & napi_key_skip_symbols) filter |= v8::SKIP_SYMBOLS;
  v8::KeyCollectionMode mode = key_mode == napi_key_own_only
                                   ? v8::KeyCollectionMode::kOwnOnly
                                   : v8::KeyCollectionMode::kIncludePrototypes;
  v8::KeyConversionMode conv = key_conversion == napi_key_numbers_to_strings
                                   ? v8::KeyConversionMode::kConvertToString
                                   : v8::KeyConversionMode::kKeepNumbers;
  v8::Local<v8::Array> names;
  if (!obj->GetPropertyNames(context, mode,
                             static_cast<v8::PropertyFilter>(filter),
                             v8::IndexFilter::kIncludeIndices, conv)
           .ToLocal(&names))
    return nd_finish(env, tc, napi_generic_failure);
  *result = nd_value(names);
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status napi_get_property_names(napi_env env, napi_value object,
                                               napi_value *result) {
  return napi_get_all_property_names(
      env, object, napi_key_include_prototypes,
      static_cast<napi_key_filter>(napi_key_enumerable | napi_key_skip_symbols),
      napi_key_numbers_to_strings, result);
}

extern "C" napi_status napi_object_freeze(napi_env env, napi_value object) {
  ND_PREAMBLE(env);
  v8::Local<v8::Context> context = nd_context(env);
  v8::Local<v8::Object> obj;
  ND_CHECK_TO_OBJECT(env, context, obj, object);
  if (obj->SetIntegrityLevel(context, v8::IntegrityLevel::kFrozen).IsNothing())
    return nd_finish(env, tc, napi_generic_failure);
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status napi_object_seal(napi_env env, napi_value object) {
  ND_PREAMBLE(env);
  v8::Local<v8::Context> context = nd_context(env);
  v8::Local<v8::Object> obj;
  ND_CHECK_TO_OBJECT(env, context, obj, object);
  if (obj->SetIntegrityLevel(context, v8::IntegrityLevel::kSealed).IsNothing())
    return nd_finish(env, tc, napi_generic_failure);
  return nd_finish(env, tc, napi_ok);
}

/* napi_wrap: the native pointer lives in an External under a private key;
 * a finalizer on the wrapped object calls the user's finalize_cb. */
struct nd_wrap {
  void *native;
  napi_finalize cb; /* NULL once napi_remove_wrap() ran */
  void *hint;
};

static void wrap_user_finalize(napi_env env, void *data, void *hint) {
  nd_wrap *w = static_cast<nd_wrap *>(data);
  (void)hint;
  if (w->cb) w->cb(env, w->native, w->hint);
  delete w;
}

static napi_status get_wrap(napi_env env, v8::Local<v8::Object> obj,
                            nd_wrap **out) {
  v8::Local<v8::Value> v;
  if (!obj->GetPrivate(nd_context(env),
                       nd_private(env, ND_PRIVATE_NAPI_WRAPPER))
           .ToLocal(&v))
    return napi_generic_failure;
  *out = v->IsExternal()
             ? static_cast<nd_wrap *>(v.As<v8::External>()->Value())
             : NULL;
  return napi_ok;
}

extern "C" napi_status napi_wrap(napi_env env, napi_value js_object,
                                 void *native_object, napi_finalize finalize_cb,
                                 void *finalize_hint, napi_ref *result) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, js_object);
  v8::Local<v8::Value> v = nd_local(js_object);
  if (!v->IsObject()) return nd_set_error(env, napi_object_expected);
  v8::Local<v8::Object> obj = v.As<v8::Object>();
  nd_wrap *existing;
  if (get_wrap(env, obj, &existing) != napi_ok)
    return nd_finish(env, tc, napi_generic_failure);
  if (existing != NULL) return nd_set_error(env, napi_invalid_arg);
  nd_wrap *w = new nd_wrap{native_object, finalize_cb, finalize_hint};
  nd_add_finalizer(env, obj, wrap_user_finalize, w, NULL);
  if (obj->SetPrivate(nd_context(env), nd_private(env, ND_PRIVATE_NAPI_WRAPPER),
                      v8::External::New(env->isolate, w))
          .IsNothing())
    return nd_finish(env, tc, napi_generic_failure);
  if (result != NULL) {
    napi_status s = napi_create_reference(env, js_object, 0, result);
    if (s != napi_ok) return s;
  }
  return nd_finish(env, tc, napi_ok);
}

static napi_status unwrap(napi_env env, napi_value js_object, void **result,
                          bool remove) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, js_object);
  if (!remove) ND_CHECK_ARG(env, result);
  v8::Local<v8::Value> v = nd_local(js_object);
  if (!v->IsObject()) return nd_set_error(env, napi_object_expected);
  v8::Local<v8::Object> obj = v.As<v8::Object>();
  nd_wrap *w;
  if (get_wrap(env, obj, &w) != napi_ok)
    return nd_finish(env, tc, napi_generic_failure);
  if (w == NULL) return nd_set_error(env, napi_invalid_arg);
  if (result) *result = w->native;
  if (remove) {
    obj->DeletePrivate(nd_context(env),
                       nd_private(env, ND_PRIVATE_NAPI_WRAPPER))
        .FromJust();
    /* The record is freed when the object dies; the user's finalizer
     * must not run any more. */
    w->cb = NULL;
  }
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status napi_unwrap(napi_env env, napi_value js_object,
                                   void **result) {
  return unwrap(env, js_object, result, false);
}

extern "C" napi_status napi_remove_wrap(napi_env env, napi_value js_object,
                                        void **result) {
  return unwrap(env, js_object, result, true);
}

extern "C" napi_status napi_type_tag_object(napi_env env, napi_value object,
                                            const napi_type_tag *type_tag) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, type_tag);
  v8::Local<v8::Context> context = nd_context(env);
  v8::Local<v8::Object> obj;
  ND_CHECK_TO_OBJECT(env, context, obj, object);
  v8::Local<v8::Private> key = nd_private(env, ND_PRIVATE_NAPI_TYPE_TAG);
  v8::Maybe<bool> has = obj->HasPrivate(context, key);
  if (has.IsNothing()) return nd_finish(env, tc, napi_generic_failure);
  if (has.FromJust()) return nd_set_error(env, napi_invalid_arg);
  v8::Local<v8::BigInt> tag;
  if (!v8::BigInt::NewFromWords(context, 0, 2,
                                reinterpret_cast<const uint64_t *>(type_tag))
           .ToLocal(&tag))
    return nd_finish(env, tc, napi_generic_failure);
  if (obj->SetPrivate(context, key, tag).IsNothing())
    return nd_finish(env, tc, napi_generic_failure);
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status napi_check_object_type_tag(napi_env env,
                                                  napi_value object,
                                                  const napi_type_tag *type_tag,
                                                  bool *result) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, type_tag);
  ND_CHECK_ARG(env, result);
  v8::Local<v8::Context> context = nd_context(env);
  v8::Local<v8::Object> obj;
  ND_CHECK_TO_OBJECT(env, context, obj, object);
  v8::Local<v8::Value> v;
  if (!obj->GetPrivate(context, nd_private(env, ND_PRIVATE_NAPI_TYPE_TAG))
           .ToLocal(&v))
    return nd_finish(env, tc, napi_generic_failure);
  *result = false;
  if (v->IsBigInt()) {
    int sign;
    int count = 2;
    uint64_t words[2] = {0, 0};
    v.As<v8::BigInt>()->ToWordsArray(&sign, &count, words);
    *result = words[0] == type_tag->lower && words[1] == type_tag->upper;
  }
  return nd_finish(env, tc, napi_ok);
}

/* Promises. A deferred is a persistent handle to the resolver. */
extern "C" napi_status napi_create_promise(napi_env env,
                                           napi_deferred *deferred,
                                           napi_value *promise) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, deferred);
  ND_CHECK_ARG(env, promise);
  v8::Local<v8::Promise::Resolver> r;
  if (!v8::Promise::Resolver::New(nd_context(env)).ToLocal(&r))
    return nd_finish(env, tc, napi_generic_failure);
  auto *g = new v8::Global<v8::Promise::Resolver>(env->isolate, r);
  *deferred = reinterpret_cast<napi_deferred>(g);
  *promise = nd_value(r->GetPromise());
  return nd_finish(env, tc, napi_ok);
}

static napi_status conclude(napi_env env, napi_deferred deferred,
                            napi_value value, bool resolve) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, deferred);
  ND_CHECK_ARG(env, value);
  auto *g = reinterpret_cast<v8::Global<v8::Promise::Resolver> *>(deferred);
  v8::Local<v8::Promise::Resolver> r = g->Get(env->isolate);
  v8::Maybe<bool> ok = resolve ? r->Resolve(nd_context(env), nd_local(value))
                               : r->Reject(nd_context(env), nd_local(value));
  g->Reset();
  delete g;
  if (ok.IsNothing()) return nd_finish(env, tc, napi_generic_failure);
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status napi_resolve_deferred(napi_env env,
                                             napi_deferred deferred,
                                             napi_value resolution) {
  return conclude(env, deferred, resolution, true);
}

extern "C" napi_status napi_reject_deferred(napi_env env,
                                            napi_deferred deferred,
                                            napi_value rejection) {
  return conclude(env, deferred, rejection, false);
}

extern "C" napi_status napi_is_promise(napi_env env, napi_value value,
                                       bool *is_promise) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, value);
  ND_CHECK_ARG(env, is_promise);
  *is_promise = nd_local(value)->IsPromise();
  return nd_clear_error(env);
}
