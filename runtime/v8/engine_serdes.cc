/* engine_serdes.cc - V8's ValueSerializer/ValueDeserializer for the v8
 * module's Serializer and Deserializer classes: the delegates call back
 * into the JS object (_writeHostObject, _getDataCloneError,
 * _getSharedArrayBufferId, _readHostObject) as Node's do. */
#include <v8.h>

#include <stdlib.h>
#include <string.h>

#include "engine_env.h"
#include "shim.h"

namespace {
/* Calls owner[name](args...) when it is a function: false with *found
 * false when it is not, false with an exception pending when it threw. */
bool call_owner_method(v8::Isolate *isolate, v8::Local<v8::Object> owner,
                       const char *name, int argc, v8::Local<v8::Value> *argv,
                       bool *found, v8::Local<v8::Value> *result) {
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  v8::Local<v8::Value> fn;
  *found = false;
  if (!owner->Get(context, v8::String::NewFromUtf8(isolate, name)
                               .ToLocalChecked())
           .ToLocal(&fn))
    return false;
  if (!fn->IsFunction()) return false;
  *found = true;
  return fn.As<v8::Function>()->Call(context, owner, argc, argv).ToLocal(result);
}

class WriteDelegate : public v8::ValueSerializer::Delegate {
 public:
  explicit WriteDelegate(v8::Isolate *isolate) : isolate_(isolate) {}

  /* owner._getDataCloneError(message) is thrown. */
  void ThrowDataCloneError(v8::Local<v8::String> message) override {
    v8::Local<v8::Value> argv[1] = {message};
    v8::Local<v8::Value> error;
    bool found;
    if (call_owner_method(isolate_, owner_, "_getDataCloneError", 1, argv,
                          &found, &error))
      isolate_->ThrowException(error);
    else if (!found)
      isolate_->ThrowException(v8::Exception::Error(message));
  }

  v8::Maybe<bool> WriteHostObject(v8::Isolate *isolate,
                                  v8::Local<v8::Object> object) override {
    v8::Local<v8::Value> argv[1] = {object};
    v8::Local<v8::Value> ignored;
    bool found;
    if (call_owner_method(isolate, owner_, "_writeHostObject", 1, argv, &found,
                          &ignored))
      return v8::Just(true);
    if (found) return v8::Nothing<bool>();
    return v8::ValueSerializer::Delegate::WriteHostObject(isolate, object);
  }

  v8::Maybe<uint32_t> GetSharedArrayBufferId(
      v8::Isolate *isolate, v8::Local<v8::SharedArrayBuffer> sab) override {
    v8::Local<v8::Value> argv[1] = {sab};
    v8::Local<v8::Value> id;
    bool found;
    if (call_owner_method(isolate, owner_, "_getSharedArrayBufferId", 1, argv,
                          &found, &id))
      return id->Uint32Value(isolate->GetCurrentContext());
    if (found) return v8::Nothing<uint32_t>();
    return v8::ValueSerializer::Delegate::GetSharedArrayBufferId(isolate, sab);
  }

  v8::Local<v8::Object> owner_;

 private:
  v8::Isolate *isolate_;
};

class ReadDelegate : public v8::ValueDeserializer::Delegate {
 public:
  /* owner._readHostObject() must give an object. */
  v8::MaybeLocal<v8::Object> ReadHostObject(v8::Isolate *isolate) override {
    v8::Isolate::AllowJavascriptExecutionScope allow_js(isolate);
    v8::Local<v8::Value> ret;
    bool found;
    if (!call_owner_method(isolate, owner_, "_readHostObject", 0, nullptr,
                           &found, &ret)) {
      if (found) return v8::MaybeLocal<v8::Object>();
      return v8::ValueDeserializer::Delegate::ReadHostObject(isolate);
    }
    if (!ret->IsObject()) {
      isolate->ThrowException(v8::Exception::TypeError(
          v8::String::NewFromUtf8Literal(
              isolate, "readHostObject must return an object")));
      return v8::MaybeLocal<v8::Object>();
    }
    return ret.As<v8::Object>();
  }

  v8::Local<v8::Object> owner_;
};
}  // namespace

struct nd_serializer_s {
  explicit nd_serializer_s(v8::Isolate *isolate)
      : delegate(isolate), ser(isolate, &delegate) {}
  WriteDelegate delegate;
  v8::ValueSerializer ser;
};

struct nd_deserializer_s {
  nd_deserializer_s(v8::Isolate *isolate, uint8_t *bytes, size_t length)
      : data(bytes), des(isolate, bytes, length, &delegate) {}
  ~nd_deserializer_s() { free(data); }
  uint8_t *data;
  ReadDelegate delegate;
  v8::ValueDeserializer des;
};

extern "C" nd_serializer_t *nd_engine_serializer_new(napi_env env) {
  return new nd_serializer_t(env->isolate);
}

extern "C" void nd_engine_serializer_free(nd_serializer_t *s) { delete s; }

extern "C" void nd_engine_serializer_write_header(nd_serializer_t *s) {
  s->ser.WriteHeader();
}

extern "C" napi_status nd_engine_serializer_write_value(napi_env env,
                                                       nd_serializer_t *s,
                                                       napi_value owner,
                                                       napi_value value) {
  ND_PREAMBLE(env);
  s->delegate.owner_ = nd_local(owner).As<v8::Object>();
  bool ok = s->ser.WriteValue(nd_context(env), nd_local(value)).FromMaybe(false);
  s->delegate.owner_.Clear();
  return nd_finish(env, tc, ok ? napi_ok : napi_generic_failure);
}

extern "C" void nd_engine_serializer_release(nd_serializer_t *s, void **data,
                                             size_t *length) {
  std::pair<uint8_t *, size_t> out = s->ser.Release();
  *data = out.first;
  *length = out.second;
}

extern "C" napi_status nd_engine_serializer_transfer_array_buffer(
    napi_env env, nd_serializer_t *s, uint32_t id, napi_value array_buffer) {
  v8::Local<v8::Value> ab = nd_local(array_buffer);
  if (!ab->IsArrayBuffer()) return napi_arraybuffer_expected;
  s->ser.TransferArrayBuffer(id, ab.As<v8::ArrayBuffer>());
  return napi_ok;
}

extern "C" void nd_engine_serializer_write_uint32(nd_serializer_t *s,
                                                  uint32_t value) {
  s->ser.WriteUint32(value);
}

extern "C" void nd_engine_serializer_write_uint64(nd_serializer_t *s,
                                                  uint64_t value) {
  s->ser.WriteUint64(value);
}

extern "C" void nd_engine_serializer_write_double(nd_serializer_t *s,
                                                  double value) {
  s->ser.WriteDouble(value);
}

extern "C" void nd_engine_serializer_write_raw(nd_serializer_t *s,
                                               const void *data,
                                               size_t length) {
  s->ser.WriteRawBytes(data, length);
}

extern "C" void nd_engine_serializer_treat_views_as_host_objects(
    nd_serializer_t *s, bool on) {
  s->ser.SetTreatArrayBufferViewsAsHostObjects(on);
}

extern "C" nd_deserializer_t *nd_engine_deserializer_new(napi_env env,
                                                         const void *data,
                                                         size_t length) {
  uint8_t *copy = static_cast<uint8_t *>(malloc(length > 0 ? length : 1));
  if (copy == NULL) return NULL;
  if (length > 0) memcpy(copy, data, length);
  return new nd_deserializer_t(env->isolate, copy, length);
}

extern "C" void nd_engine_deserializer_free(nd_deserializer_t *d) {
  delete d;
}

extern "C" napi_status nd_engine_deserializer_read_header(napi_env env,
                                                         nd_deserializer_t *d,
                                                         bool *result) {
  ND_PREAMBLE(env);
  v8::Maybe<bool> ok = d->des.ReadHeader(nd_context(env));
  if (ok.IsJust()) *result = ok.FromJust();
  return nd_finish(env, tc, ok.IsJust() ? napi_ok : napi_generic_failure);
}

extern "C" napi_status nd_engine_deserializer_read_value(
    napi_env env, nd_deserializer_t *d, napi_value owner, napi_value *result) {
  ND_PREAMBLE(env);
  d->delegate.owner_ = nd_local(owner).As<v8::Object>();
  v8::Local<v8::Value> value;
  bool ok = d->des.ReadValue(nd_context(env)).ToLocal(&value);
  d->delegate.owner_.Clear();
  if (ok) *result = nd_value(value);
  return nd_finish(env, tc, ok ? napi_ok : napi_generic_failure);
}

extern "C" napi_status nd_engine_deserializer_transfer_array_buffer(
    napi_env env, nd_deserializer_t *d, uint32_t id, napi_value buffer) {
  v8::Local<v8::Value> ab = nd_local(buffer);
  if (ab->IsArrayBuffer()) {
    d->des.TransferArrayBuffer(id, ab.As<v8::ArrayBuffer>());
  } else if (ab->IsSharedArrayBuffer()) {
    d->des.TransferSharedArrayBuffer(id, ab.As<v8::SharedArrayBuffer>());
  } else {
    return napi_arraybuffer_expected;
  }
  return napi_ok;
}

extern "C" uint32_t nd_engine_deserializer_wire_version(
    nd_deserializer_t *d) {
  return d->des.GetWireFormatVersion();
}

extern "C" bool nd_engine_deserializer_read_uint32(nd_deserializer_t *d,
                                                   uint32_t *value) {
  return d->des.ReadUint32(value);
}

extern "C" bool nd_engine_deserializer_read_uint64(nd_deserializer_t *d,
                                                   uint64_t *value) {
  return d->des.ReadUint64(value);
}

extern "C" bool nd_engine_deserializer_read_double(nd_deserializer_t *d,
                                                   double *value) {
  return d->des.ReadDouble(value);
}

extern "C" int64_t nd_engine_deserializer_read_raw(nd_deserializer_t *d,
                                                   size_t length) {
  const void *at = NULL;
  if (!d->des.ReadRawBytes(length, &at)) return -1;
  return static_cast<const uint8_t *>(at) - d->data;
}
