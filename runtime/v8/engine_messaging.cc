/* engine_messaging.cc - messages between isolates: a value serialized with
 * V8's ValueSerializer into bytes, with the memory of transferred
 * ArrayBuffers moved along and SharedArrayBuffers shared (by backing
 * store), read back in any isolate of the process. */
#include <v8-wasm.h>
#include <v8.h>

#include <stdlib.h>
#include <string.h>

#include <memory>
#include <vector>

#include "engine_env.h"
#include "shim.h"

/* A serialized value and the memory that travels with it. */
struct nd_message_s {
  uint8_t *data;
  size_t length;
  std::vector<std::shared_ptr<v8::BackingStore>> transferred;
  std::vector<std::shared_ptr<v8::BackingStore>> shared;
  std::vector<v8::CompiledWasmModule> wasm_modules;
};

namespace {
/* Writes SharedArrayBuffers as indices into the message's shared list and
 * throws DataCloneErrors as Errors named DataCloneError (the JS side turns
 * them into DOMExceptions). */
class WriteDelegate : public v8::ValueSerializer::Delegate {
 public:
  WriteDelegate(v8::Isolate *isolate, nd_message_t *msg)
      : isolate_(isolate), msg_(msg) {}

  void ThrowDataCloneError(v8::Local<v8::String> message) override {
    v8::Local<v8::Value> err = v8::Exception::Error(message);
    v8::Local<v8::Context> context = isolate_->GetCurrentContext();
    v8::Local<v8::Object> obj = err.As<v8::Object>();
    obj->Set(context, v8::String::NewFromUtf8Literal(isolate_, "name"),
             v8::String::NewFromUtf8Literal(isolate_, "DataCloneError"))
        .Check();
    obj->Set(context, v8::String::NewFromUtf8Literal(isolate_, "code"),
             v8::Integer::New(isolate_, 25))
        .Check();
    isolate_->ThrowException(err);
  }

  v8::Maybe<uint32_t> GetSharedArrayBufferId(
      v8::Isolate *isolate, v8::Local<v8::SharedArrayBuffer> sab) override {
    for (size_t i = 0; i < seen_.size(); i++) {
      if (seen_[i] == sab) return v8::Just<uint32_t>((uint32_t)i);
    }
    /* V8 passes a handle of a scope that closes after the call. */
    seen_.emplace_back(isolate, sab);
    msg_->shared.push_back(sab->GetBackingStore());
    return v8::Just<uint32_t>((uint32_t)(seen_.size() - 1));
  }

  /* Objects with intercepted properties (process.env) travel as a plain
   * copy of their properties; other host objects cannot be cloned. */
  v8::Maybe<bool> WriteHostObject(v8::Isolate *isolate,
                                  v8::Local<v8::Object> object) override {
    v8::Maybe<bool> done = nd_intercepted_write(isolate, ser, object);
    if (done.IsNothing() || done.FromJust()) return done;
    return v8::ValueSerializer::Delegate::WriteHostObject(isolate, object);
  }

  /* WebAssembly.Module objects travel as their compiled code. */
  v8::Maybe<uint32_t> GetWasmModuleTransferId(
      v8::Isolate *isolate, v8::Local<v8::WasmModuleObject> module) override {
    msg_->wasm_modules.push_back(module->GetCompiledModule());
    return v8::Just<uint32_t>((uint32_t)(msg_->wasm_modules.size() - 1));
  }

  v8::ValueSerializer *ser = nullptr;

 private:
  v8::Isolate *isolate_;
  nd_message_t *msg_;
  std::vector<v8::Global<v8::SharedArrayBuffer>> seen_;
};

/* Recreates the message's SharedArrayBuffers over the shared memory. */
class ReadDelegate : public v8::ValueDeserializer::Delegate {
 public:
  explicit ReadDelegate(nd_message_t *msg) : msg_(msg) {}

  v8::MaybeLocal<v8::SharedArrayBuffer> GetSharedArrayBufferFromId(
      v8::Isolate *isolate, uint32_t id) override {
    if (id >= msg_->shared.size())
      return v8::MaybeLocal<v8::SharedArrayBuffer>();
    return v8::SharedArrayBuffer::New(isolate, msg_->shared[id]);
  }

  v8::MaybeLocal<v8::WasmModuleObject> GetWasmModuleFromId(
      v8::Isolate *isolate, uint32_t id) override {
    if (id >= msg_->wasm_modules.size())
      return v8::MaybeLocal<v8::WasmModuleObject>();
    return v8::WasmModuleObject::FromCompiledModule(isolate,
                                                    msg_->wasm_modules[id]);
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
  nd_message_t *msg_;
};
}  // namespace

extern "C" napi_status nd_engine_message_serialize(napi_env env,
                                                  napi_value value,
                                                  napi_value transfer,
                                                  nd_message_t **result) {
  ND_PREAMBLE(env);
  v8::Isolate *isolate = env->isolate;
  v8::Local<v8::Context> context = nd_context(env);
  nd_message_t *msg = new nd_message_t();
  msg->data = NULL;
  msg->length = 0;
  WriteDelegate delegate(isolate, msg);
  v8::ValueSerializer ser(isolate, &delegate);
  delegate.ser = &ser;
  std::vector<v8::Local<v8::ArrayBuffer>> buffers;
  if (transfer != NULL && nd_local(transfer)->IsArray()) {
    v8::Local<v8::Array> list = nd_local(transfer).As<v8::Array>();
    for (uint32_t i = 0; i < list->Length(); i++) {
      v8::Local<v8::Value> item;
      if (!list->Get(context, i).ToLocal(&item)) {
        delete msg;
        return nd_finish(env, tc, napi_generic_failure);
      }
      if (!item->IsArrayBuffer()) continue;
      v8::Local<v8::ArrayBuffer> ab = item.As<v8::ArrayBuffer>();
      bool dup = false;
      for (auto &b : buffers) dup = dup || b == ab;
      if (!ab->IsDetachable() || dup) {
        delegate.ThrowDataCloneError(
            dup ? v8::String::NewFromUtf8Literal(
                      isolate, "Transfer list contains duplicate ArrayBuffer")
                : v8::String::NewFromUtf8Literal(
                      isolate, "An ArrayBuffer is not transferable"));
        delete msg;
        return nd_finish(env, tc, napi_generic_failure);
      }
      ser.TransferArrayBuffer((uint32_t)buffers.size(), ab);
      buffers.push_back(ab);
    }
  }
  ser.WriteHeader();
  if (ser.WriteValue(context, nd_local(value)).IsNothing()) {
    delete msg;
    return nd_finish(env, tc, napi_generic_failure);
  }
  std::pair<uint8_t *, size_t> data = ser.Release();
  msg->data = data.first;
  msg->length = data.second;
  for (auto &ab : buffers) {
    msg->transferred.push_back(ab->GetBackingStore());
    ab->Detach();
  }
  *result = msg;
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status nd_engine_message_deserialize(napi_env env,
                                                    nd_message_t *msg,
                                                    napi_value *result) {
  ND_PREAMBLE(env);
  v8::Isolate *isolate = env->isolate;
  v8::Local<v8::Context> context = nd_context(env);
  ReadDelegate delegate(msg);
  v8::ValueDeserializer des(isolate, msg->data, msg->length, &delegate);
  delegate.des = &des;
  for (size_t i = 0; i < msg->transferred.size(); i++) {
    des.TransferArrayBuffer(
        (uint32_t)i, v8::ArrayBuffer::New(isolate, msg->transferred[i]));
  }
  msg->transferred.clear();
  v8::Local<v8::Value> out;
  if (!des.ReadHeader(context).FromMaybe(false) ||
      !des.ReadValue(context).ToLocal(&out))
    return nd_finish(env, tc, napi_generic_failure);
  *result = nd_value(out);
  return nd_finish(env, tc, napi_ok);
}

extern "C" void nd_engine_message_free(nd_message_t *msg) {
  if (msg == NULL) return;
  free(msg->data);
  delete msg;
}
