/* engine_inspect.cc - introspection V8 offers but JS cannot do: value kinds,
 * promise and proxy internals, collection previews, structured clone. */
#include <v8.h>

#include <stdlib.h>

#include <vector>

#include "shim.h"
#include "engine_env.h"

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

namespace {
/* Serializer delegate: throws DataCloneError as a DOMException-like Error
 * (the JS side rewraps it into a DOMException). */
class CloneDelegate : public v8::ValueSerializer::Delegate {
 public:
  explicit CloneDelegate(v8::Isolate *isolate) : isolate_(isolate) {}
  void ThrowDataCloneError(v8::Local<v8::String> message) override {
    v8::Local<v8::Value> err = v8::Exception::Error(message);
    v8::Local<v8::Context> context = isolate_->GetCurrentContext();
    err.As<v8::Object>()
        ->Set(context, v8::String::NewFromUtf8Literal(isolate_, "name"),
              v8::String::NewFromUtf8Literal(isolate_, "DataCloneError"))
        .Check();
    err.As<v8::Object>()
        ->Set(context, v8::String::NewFromUtf8Literal(isolate_, "code"),
              v8::Integer::New(isolate_, 25))
        .Check();
    isolate_->ThrowException(err);
  }

  /* Within one isolate a SharedArrayBuffer is shared, not copied: the
   * clone refers to the same memory. */
  v8::Maybe<uint32_t> GetSharedArrayBufferId(
      v8::Isolate *isolate, v8::Local<v8::SharedArrayBuffer> sab) override {
    for (size_t i = 0; i < shared_.size(); i++) {
      if (shared_[i] == sab) return v8::Just<uint32_t>((uint32_t)i);
    }
    /* V8 passes a handle of a scope that closes after the call, so the
     * buffer is kept through a Global. */
    shared_.emplace_back(isolate, sab);
    return v8::Just<uint32_t>((uint32_t)(shared_.size() - 1));
  }

  v8::Maybe<bool> WriteHostObject(v8::Isolate *isolate,
                                  v8::Local<v8::Object> object) override {
    v8::Maybe<bool> done = nd_intercepted_write(isolate, ser, object);
    if (done.IsNothing() || done.FromJust()) return done;
    return v8::ValueSerializer::Delegate::WriteHostObject(isolate, object);
  }

  std::vector<v8::Global<v8::SharedArrayBuffer>> shared_;
  v8::ValueSerializer *ser = nullptr;

 private:
  v8::Isolate *isolate_;
};

/* The deserializing side of CloneDelegate's shared buffers. */
class SharedDeserializer : public v8::ValueDeserializer::Delegate {
 public:
  explicit SharedDeserializer(const CloneDelegate &ser) : ser_(ser) {}
  v8::MaybeLocal<v8::SharedArrayBuffer> GetSharedArrayBufferFromId(
      v8::Isolate *isolate, uint32_t id) override {
    if (id < ser_.shared_.size()) return ser_.shared_[id].Get(isolate);
    return v8::MaybeLocal<v8::SharedArrayBuffer>();
  }

  v8::MaybeLocal<v8::Object> ReadHostObject(v8::Isolate *isolate) override {
    uint32_t tag;
    if (des != nullptr && des->ReadUint32(&tag) &&
        tag == ND_HOST_TAG_PLAIN_COPY)
      return nd_intercepted_read(isolate, des);
    return v8::ValueDeserializer::Delegate::ReadHostObject(isolate);
  }

  v8::ValueDeserializer *des = nullptr;

 private:
  const CloneDelegate &ser_;
};
}  // namespace

extern "C" napi_status nd_engine_structured_clone(napi_env env,
                                                 napi_value value,
                                                 napi_value transfer,
                                                 napi_value *result) {
  ND_PREAMBLE(env);
  v8::Isolate *isolate = env->isolate;
  v8::Local<v8::Context> context = nd_context(env);
  CloneDelegate delegate(isolate);
  v8::ValueSerializer ser(isolate, &delegate);
  delegate.ser = &ser;
  std::vector<v8::Local<v8::ArrayBuffer>> buffers;
  if (transfer != NULL && nd_local(transfer)->IsArray()) {
    v8::Local<v8::Array> list = nd_local(transfer).As<v8::Array>();
    for (uint32_t i = 0; i < list->Length(); i++) {
      v8::Local<v8::Value> item;
      if (!list->Get(context, i).ToLocal(&item))
        return nd_finish(env, tc, napi_generic_failure);
      if (!item->IsArrayBuffer()) continue;
      v8::Local<v8::ArrayBuffer> ab = item.As<v8::ArrayBuffer>();
      if (!ab->IsDetachable()) {
        delegate.ThrowDataCloneError(v8::String::NewFromUtf8Literal(
            isolate, "An ArrayBuffer is not transferable"));
        return nd_finish(env, tc, napi_generic_failure);
      }
      for (auto &b : buffers) {
        if (b == ab) {
          delegate.ThrowDataCloneError(v8::String::NewFromUtf8Literal(
              isolate, "Transfer list contains duplicate ArrayBuffer"));
          return nd_finish(env, tc, napi_generic_failure);
        }
      }
      ser.TransferArrayBuffer((uint32_t)buffers.size(), ab);
      buffers.push_back(ab);
    }
  }
  ser.WriteHeader();
  if (ser.WriteValue(context, nd_local(value)).IsNothing())
    return nd_finish(env, tc, napi_generic_failure);
  std::pair<uint8_t *, size_t> data = ser.Release();
  SharedDeserializer des_delegate(delegate);
  v8::ValueDeserializer des(isolate, data.first, data.second, &des_delegate);
  des_delegate.des = &des;
  for (size_t i = 0; i < buffers.size(); i++) {
    std::shared_ptr<v8::BackingStore> store = buffers[i]->GetBackingStore();
    buffers[i]->Detach();
    des.TransferArrayBuffer((uint32_t)i,
                            v8::ArrayBuffer::New(isolate, std::move(store)));
  }
  v8::Local<v8::Value> out;
  bool ok = des.ReadHeader(context).FromMaybe(false) &&
            des.ReadValue(context).ToLocal(&out);
  free(data.first);
  if (!ok) return nd_finish(env, tc, napi_generic_failure);
  *result = nd_value(out);
  return nd_finish(env, tc, napi_ok);
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
