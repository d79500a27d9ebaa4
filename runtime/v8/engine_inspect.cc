/* engine_inspect.cc - introspection V8 offers but JS cannot do: value kinds,
 * promise and proxy internals, collection previews, structured clone. */
#include <v8.h>

#include <stdlib.h>

#include <vector>

#include "shim.h"

extern "C" napi_status nd_engine_value_is(napi_env env, napi_value value,
                                         nd_value_kind kind, bool *result) {
  v8::Local<v8::Value> v = nd_local(value);
  bool r = false;
  switch (kind) {
    case ND_IS_EXTERNAL: r = v->IsExternal(); break;
    case ND_IS_DATE: r = v->IsDate(); break;
    case ND_IS_ARGUMENTS_OBJECT: r = v->IsArgumentsObject(); break;
    case ND_IS_BIGINT_OBJECT: r = v->IsBigIntObject(); break;
    case ND_IS_BOOLEAN_OBJECT: r = v->IsBooleanObject(); break;
    case ND_IS_NUMBER_OBJECT: r = v->IsNumberObject(); break;
    case ND_IS_STRING_OBJECT: r = v->IsStringObject(); break;
    case ND_IS_SYMBOL_OBJECT: r = v->IsSymbolObject(); break;
    case ND_IS_BOXED_PRIMITIVE:
      r = v->IsBigIntObject() || v->IsBooleanObject() || v->IsNumberObject() ||
          v->IsStringObject() || v->IsSymbolObject();
      break;
    case ND_IS_NATIVE_ERROR: r = v->IsNativeError(); break;
    case ND_IS_REGEXP: r = v->IsRegExp(); break;
    case ND_IS_ASYNC_FUNCTION: r = v->IsAsyncFunction(); break;
    case ND_IS_GENERATOR_FUNCTION: r = v->IsGeneratorFunction(); break;
    case ND_IS_GENERATOR_OBJECT: r = v->IsGeneratorObject(); break;
    case ND_IS_PROMISE: r = v->IsPromise(); break;
    case ND_IS_MAP: r = v->IsMap(); break;
    case ND_IS_SET: r = v->IsSet(); break;
    case ND_IS_MAP_ITERATOR: r = v->IsMapIterator(); break;
    case ND_IS_SET_ITERATOR: r = v->IsSetIterator(); break;
    case ND_IS_WEAK_MAP: r = v->IsWeakMap(); break;
    case ND_IS_WEAK_SET: r = v->IsWeakSet(); break;
    case ND_IS_ARRAY_BUFFER: r = v->IsArrayBuffer(); break;
    case ND_IS_DATA_VIEW: r = v->IsDataView(); break;
    case ND_IS_SHARED_ARRAY_BUFFER: r = v->IsSharedArrayBuffer(); break;
    case ND_IS_ANY_ARRAY_BUFFER:
      r = v->IsArrayBuffer() || v->IsSharedArrayBuffer();
      break;
    case ND_IS_PROXY: r = v->IsProxy(); break;
    case ND_IS_MODULE_NAMESPACE_OBJECT: r = v->IsModuleNamespaceObject(); break;
    case ND_IS_ARRAY_BUFFER_VIEW: r = v->IsArrayBufferView(); break;
    case ND_IS_TYPED_ARRAY: r = v->IsTypedArray(); break;
    case ND_IS_UINT8_ARRAY: r = v->IsUint8Array(); break;
  }
  *result = r;
  return napi_ok;
}

extern "C" napi_status nd_engine_promise_details(napi_env env,
                                                napi_value promise, int *state,
                                                napi_value *result) {
  v8::Local<v8::Value> v = nd_local(promise);
  if (!v->IsPromise()) return nd_set_error(env, napi_invalid_arg);
  v8::Local<v8::Promise> p = v.As<v8::Promise>();
  switch (p->State()) {
    case v8::Promise::kPending: *state = 0; break;
    case v8::Promise::kFulfilled: *state = 1; break;
    default: *state = 2; break;
  }
  *result = *state == 0 ? NULL : nd_value(p->Result());
  return napi_ok;
}

extern "C" napi_status nd_engine_proxy_details(napi_env env, napi_value value,
                                              napi_value *target,
                                              napi_value *handler) {
  (void)env;
  v8::Local<v8::Value> v = nd_local(value);
  if (!v->IsProxy()) {
    *target = NULL;
    *handler = NULL;
    return napi_ok;
  }
  v8::Local<v8::Proxy> p = v.As<v8::Proxy>();
  *target = nd_value(p->GetTarget());
  *handler = nd_value(p->GetHandler());
  return napi_ok;
}

extern "C" napi_status nd_engine_preview_entries(napi_env env,
                                                napi_value value,
                                                napi_value *entries,
                                                bool *is_key_value) {
  v8::Local<v8::Value> v = nd_local(value);
  if (!v->IsObject()) return nd_set_error(env, napi_object_expected);
  v8::Local<v8::Array> arr;
  bool kv = false;
  if (!v.As<v8::Object>()->PreviewEntries(&kv).ToLocal(&arr))
    return nd_set_error(env, napi_generic_failure);
  *entries = nd_value(arr);
  *is_key_value = kv;
  return napi_ok;
}

extern "C" napi_status nd_engine_own_non_index_properties(napi_env env,
                                                         napi_value object,
                                                         int filter,
                                                         napi_value *result) {
  v8::Local<v8::Value> v = nd_local(object);
  if (!v->IsObject()) return nd_set_error(env, napi_object_expected);
  v8::TryCatch tc(env->isolate);
  v8::Local<v8::Array> names;
  if (!v.As<v8::Object>()
           ->GetPropertyNames(nd_context(env), v8::KeyCollectionMode::kOwnOnly,
                              static_cast<v8::PropertyFilter>(filter),
                              v8::IndexFilter::kSkipIndices)
           .ToLocal(&names))
    return nd_finish(env, tc, napi_generic_failure);
  *result = nd_value(names);
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status nd_engine_constructor_name(napi_env env,
                                                 napi_value object,
                                                 napi_value *result) {
  v8::Local<v8::Value> v = nd_local(object);
  if (!v->IsObject()) return nd_set_error(env, napi_object_expected);
  *result = nd_value(v.As<v8::Object>()->GetConstructorName());
  return napi_ok;
}

extern "C" napi_status nd_engine_external_address(napi_env env,
                                                 napi_value external,
                                                 uint64_t *address) {
  v8::Local<v8::Value> v = nd_local(external);
  if (!v->IsExternal()) return nd_set_error(env, napi_invalid_arg);
  *address = reinterpret_cast<uintptr_t>(v.As<v8::External>()->Value());
  return napi_ok;
}

/* structuredClone within one isolate: a message to itself (see
 * engine_messaging.cc), so clones follow the rules of postMessage. */
extern "C" napi_status nd_engine_structured_clone(napi_env env,
                                                 napi_value value,
                                                 napi_value transfer,
                                                 napi_value *result) {
  nd_message_t *msg;
  napi_status s = nd_engine_message_serialize(env, value, transfer, &msg);
  if (s != napi_ok) return s;
  s = nd_engine_message_deserialize(env, msg, result);
  nd_engine_message_free(msg);
  return s;
}

static void lazy_data_getter(v8::Local<v8::Name> property,
                             const v8::PropertyCallbackInfo<v8::Value> &info) {
  v8::Isolate *isolate = info.GetIsolate();
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Function> getter = info.Data().As<v8::Function>();
  v8::Local<v8::Value> value;
  if (!getter->Call(context, v8::Undefined(isolate), 0, NULL).ToLocal(&value))
    return;
  info.GetReturnValue().Set(value);
}

extern "C" napi_status nd_engine_define_lazy_data_property(
    napi_env env, napi_value object, napi_value name, napi_value getter,
    bool enumerable) {
  v8::Local<v8::Value> o = nd_local(object);
  v8::Local<v8::Value> n = nd_local(name);
  v8::Local<v8::Value> g = nd_local(getter);
  if (!o->IsObject() || !n->IsName() || !g->IsFunction())
    return nd_set_error(env, napi_invalid_arg);
  v8::PropertyAttribute attrs =
      enumerable ? v8::None : v8::DontEnum;
  if (o.As<v8::Object>()
          ->SetLazyDataProperty(nd_context(env), n.As<v8::Name>(),
                                lazy_data_getter, g, attrs)
          .IsNothing())
    return nd_set_error(env, napi_generic_failure);
  return nd_clear_error(env);
}

static v8::Local<v8::Function> hook_or_empty(napi_value v) {
  v8::Local<v8::Value> local = nd_local(v);
  return local->IsFunction() ? local.As<v8::Function>()
                             : v8::Local<v8::Function>();
}

extern "C" napi_status nd_engine_set_promise_hooks(napi_env env,
                                                  napi_value init,
                                                  napi_value before,
                                                  napi_value after,
                                                  napi_value resolve) {
  nd_isolate_data *idata = env->idata;
  v8::Isolate *isolate = env->isolate;
  napi_value hooks[4] = {init, before, after, resolve};
  for (int i = 0; i < 4; i++) {
    v8::Local<v8::Function> fn = hook_or_empty(hooks[i]);
    if (fn.IsEmpty())
      idata->promise_hooks[i].Reset();
    else
      idata->promise_hooks[i].Reset(isolate, fn);
  }
  nd_engine_apply_promise_hooks(idata, idata->context.Get(isolate));
  for (auto &weak : idata->vm_contexts) {
    if (!weak.IsEmpty())
      nd_engine_apply_promise_hooks(idata, weak.Get(isolate));
  }
  return nd_clear_error(env);
}

void nd_engine_apply_promise_hooks(nd_isolate_data *idata,
                                   v8::Local<v8::Context> context) {
  v8::Isolate *isolate = idata->isolate;
  v8::Local<v8::Function> fns[4];
  for (int i = 0; i < 4; i++) {
    if (!idata->promise_hooks[i].IsEmpty())
      fns[i] = idata->promise_hooks[i].Get(isolate);
  }
  context->SetPromiseHooks(fns[0], fns[1], fns[2], fns[3]);
}

void nd_engine_track_vm_context(nd_isolate_data *idata,
                                v8::Local<v8::Context> context) {
  std::vector<v8::Global<v8::Context>> &list = idata->vm_contexts;
  size_t kept = 0;
  for (size_t i = 0; i < list.size(); i++) {
    if (!list[i].IsEmpty()) {
      if (kept != i) list[kept] = std::move(list[i]);
      kept++;
    }
  }
  list.resize(kept);
  list.emplace_back(idata->isolate, context);
  list.back().SetWeak();
  nd_engine_apply_promise_hooks(idata, context);
}

extern "C" napi_status nd_engine_transfer_arraybuffer(napi_env env,
                                                     napi_value ab,
                                                     napi_value *result) {
  v8::Local<v8::Value> v = nd_local(ab);
  *result = NULL;
  if (!v->IsArrayBuffer()) return nd_set_error(env, napi_arraybuffer_expected);
  v8::Local<v8::ArrayBuffer> buffer = v.As<v8::ArrayBuffer>();
  if (!buffer->IsDetachable()) return nd_clear_error(env);
  std::shared_ptr<v8::BackingStore> store = buffer->GetBackingStore();
  buffer->Detach();
  *result = nd_value(v8::ArrayBuffer::New(env->isolate, std::move(store)));
  return nd_clear_error(env);
}
