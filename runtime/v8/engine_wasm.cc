/* engine_wasm.cc - WebAssembly.compileStreaming/instantiateStreaming: V8's
 * streaming compilation, fed by a JS handler that reads the Response. */
#include "shim.h"

#include <memory>

namespace {

/* The JS object a handler gets: V8's WasmStreaming until finish/abort. */
struct streaming_holder {
  std::shared_ptr<v8::WasmStreaming> streaming;
  v8::Global<v8::Object> self;
};

streaming_holder *holder_of(const v8::FunctionCallbackInfo<v8::Value> &info) {
  return static_cast<streaming_holder *>(
      info.Data().As<v8::External>()->Value());
}

/* push(view): passes the bytes of an ArrayBufferView to the compiler. */
void streaming_push(const v8::FunctionCallbackInfo<v8::Value> &info) {
  streaming_holder *h = holder_of(info);
  if (!h->streaming || info.Length() < 1 || !info[0]->IsArrayBufferView())
    return;
  v8::Local<v8::ArrayBufferView> view = info[0].As<v8::ArrayBufferView>();
  std::shared_ptr<v8::BackingStore> store = view->Buffer()->GetBackingStore();
  const uint8_t *base = static_cast<const uint8_t *>(store->Data());
  if (base == NULL || view->ByteLength() == 0) return;
  h->streaming->OnBytesReceived(base + view->ByteOffset(), view->ByteLength());
}

/* finish(): no more bytes; the compile promise settles. */
void streaming_finish(const v8::FunctionCallbackInfo<v8::Value> &info) {
  streaming_holder *h = holder_of(info);
  if (!h->streaming) return;
  std::shared_ptr<v8::WasmStreaming> streaming = std::move(h->streaming);
  streaming->Finish();
}

/* abort(error): rejects the compile promise with `error`. */
void streaming_abort(const v8::FunctionCallbackInfo<v8::Value> &info) {
  streaming_holder *h = holder_of(info);
  if (!h->streaming) return;
  std::shared_ptr<v8::WasmStreaming> streaming = std::move(h->streaming);
  v8::Local<v8::Value> error = v8::Undefined(info.GetIsolate());
  if (info.Length() > 0) error = info[0];
  streaming->Abort(error);
}

/* setURL(url): the URL stack traces show for the module's functions. */
void streaming_set_url(const v8::FunctionCallbackInfo<v8::Value> &info) {
  streaming_holder *h = holder_of(info);
  if (!h->streaming || info.Length() < 1 || !info[0]->IsString()) return;
  v8::String::Utf8Value url(info.GetIsolate(), info[0]);
  h->streaming->SetUrl(*url, url.length());
}

void holder_collected(const v8::WeakCallbackInfo<streaming_holder> &info) {
  streaming_holder *h = info.GetParameter();
  h->self.Reset();
  delete h;
}

bool set_method(v8::Local<v8::Context> context, v8::Local<v8::Object> object,
                const char *name, v8::FunctionCallback callback,
                v8::Local<v8::External> data) {
  v8::Isolate *isolate = context->GetIsolate();
  v8::Local<v8::Function> fn;
  if (!v8::Function::New(context, callback, data).ToLocal(&fn)) return false;
  v8::Local<v8::String> key =
      v8::String::NewFromUtf8(isolate, name).ToLocalChecked();
  return object->Set(context, key, fn).FromMaybe(false);
}

/* V8's WasmStreamingCallback: calls the handler with (source, streaming). */
void start_streaming(const v8::FunctionCallbackInfo<v8::Value> &info) {
  v8::Isolate *isolate = info.GetIsolate();
  v8::HandleScope scope(isolate);
  v8::Local<v8::Context> context = isolate->GetCurrentContext();
  std::shared_ptr<v8::WasmStreaming> streaming =
      v8::WasmStreaming::Unpack(isolate, info.Data());
  nd_isolate_data *idata =
      static_cast<nd_isolate_data *>(isolate->GetData(0));
  if (idata->wasm_streaming_handler.IsEmpty()) {
    streaming->Abort(v8::Exception::TypeError(
        v8::String::NewFromUtf8Literal(isolate,
                                       "WebAssembly streaming is disabled")));
    return;
  }
  streaming_holder *h = new streaming_holder();
  h->streaming = streaming;
  v8::Local<v8::External> data = v8::External::New(isolate, h);
  v8::Local<v8::Object> object = v8::Object::New(isolate);
  h->self.Reset(isolate, object);
  h->self.SetWeak(h, holder_collected, v8::WeakCallbackType::kParameter);
  if (!set_method(context, object, "push", streaming_push, data) ||
      !set_method(context, object, "finish", streaming_finish, data) ||
      !set_method(context, object, "abort", streaming_abort, data) ||
      !set_method(context, object, "setURL", streaming_set_url, data)) {
    return; /* An exception is pending: V8 rejects the promise with it. */
  }
  v8::Local<v8::Function> handler =
      idata->wasm_streaming_handler.Get(isolate);
  v8::Local<v8::Value> argv[2] = {
      info.Length() > 0 ? info[0] : v8::Undefined(isolate).As<v8::Value>(),
      object};
  v8::TryCatch tc(isolate);
  if (handler->Call(context, v8::Undefined(isolate), 2, argv).IsEmpty() &&
      h->streaming) {
    std::shared_ptr<v8::WasmStreaming> owned = std::move(h->streaming);
    owned->Abort(tc.HasCaught() ? tc.Exception()
                                : v8::Undefined(isolate).As<v8::Value>());
  }
}

} // namespace

void nd_wasm_streaming_install(v8::Isolate *isolate) {
  isolate->SetWasmStreamingCallback(start_streaming);
}

extern "C" napi_status nd_engine_set_wasm_streaming_handler(napi_env env,
                                                          napi_value handler) {
  ND_CHECK_ENV(env);
  v8::Local<v8::Value> fn = nd_local(handler);
  if (!fn->IsFunction()) return nd_set_error(env, napi_function_expected);
  env->idata->wasm_streaming_handler.Reset(env->isolate, fn.As<v8::Function>());
  return nd_clear_error(env);
}
