/* napi_buffers.cc - Node-API over V8: ArrayBuffers, typed arrays, DataViews
 * and Node Buffers. */
#include <v8.h>

#include <stdlib.h>
#include <string.h>

#include "shim.h"

extern "C" napi_status napi_create_arraybuffer(napi_env env, size_t byte_length,
                                               void **data,
                                               napi_value *result) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, result);
  v8::Local<v8::ArrayBuffer> ab =
      v8::ArrayBuffer::New(env->isolate, byte_length);
  if (data != NULL) *data = ab->Data();
  *result = nd_value(ab);
  return nd_finish(env, tc, napi_ok);
}

/* External memory stays the addon's: V8 never frees it. The finalizer is
 * attached to the ArrayBuffer object (a weak finalizer, run on the loop
 * after collection as Node does), not to the backing store, whose deleter
 * may run inside GC or on another thread. */
static void external_deleter(void *data, size_t length, void *arg) {
  (void)data;
  (void)length;
  (void)arg;
}

/* External memory must not move to another thread: postMessage copies such
 * buffers (the JS side of the runtime keeps the mark). */
static void mark_untransferable(napi_env env, v8::Local<v8::ArrayBuffer> ab) {
  nd_isolate_data *idata = env->idata;
  if (idata->napi_async_hooks.IsEmpty()) return;
  v8::Isolate *isolate = env->isolate;
  v8::Local<v8::Context> context = nd_context(env);
  v8::TryCatch tc(isolate);
  v8::Local<v8::Value> fn;
  v8::Local<v8::Value> argv[1] = {ab};
  if (idata->napi_async_hooks.Get(isolate)
          ->Get(context,
                v8::String::NewFromUtf8Literal(isolate, "markUntransferable"))
          .ToLocal(&fn) &&
      fn->IsFunction()) {
    v8::MaybeLocal<v8::Value> ignored =
        fn.As<v8::Function>()->Call(context, v8::Undefined(isolate), 1, argv);
    (void)ignored;
  }
}

static v8::Local<v8::ArrayBuffer> external_array_buffer(
    napi_env env, void *data, size_t length, napi_finalize finalize_cb,
    void *finalize_hint) {
  std::unique_ptr<v8::BackingStore> store = v8::ArrayBuffer::NewBackingStore(
      data, length, external_deleter, NULL);
  v8::Local<v8::ArrayBuffer> ab =
      v8::ArrayBuffer::New(env->isolate, std::move(store));
  if (finalize_cb != NULL)
    nd_add_finalizer(env, ab, finalize_cb, data, finalize_hint);
  mark_untransferable(env, ab);
  return ab;
}

extern "C" napi_status napi_create_external_arraybuffer(
    napi_env env, void *external_data, size_t byte_length,
    napi_finalize finalize_cb, void *finalize_hint, napi_value *result) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, result);
  v8::Local<v8::ArrayBuffer> ab = external_array_buffer(
      env, external_data, byte_length, finalize_cb, finalize_hint);
  *result = nd_value(ab);
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status napi_is_arraybuffer(napi_env env, napi_value value,
                                           bool *result) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, value);
  ND_CHECK_ARG(env, result);
  *result = nd_local(value)->IsArrayBuffer();
  return nd_clear_error(env);
}

extern "C" napi_status napi_get_arraybuffer_info(napi_env env,
                                                 napi_value arraybuffer,
                                                 void **data,
                                                 size_t *byte_length) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, arraybuffer);
  v8::Local<v8::Value> v = nd_local(arraybuffer);
  if (!v->IsArrayBuffer()) return nd_set_error(env, napi_invalid_arg);
  v8::Local<v8::ArrayBuffer> ab = v.As<v8::ArrayBuffer>();
  if (data != NULL) *data = ab->Data();
  if (byte_length != NULL) *byte_length = ab->ByteLength();
  return nd_clear_error(env);
}

extern "C" napi_status napi_detach_arraybuffer(napi_env env,
                                               napi_value arraybuffer) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, arraybuffer);
  v8::Local<v8::Value> v = nd_local(arraybuffer);
  if (!v->IsArrayBuffer()) return nd_set_error(env, napi_arraybuffer_expected);
  v8::Local<v8::ArrayBuffer> ab = v.As<v8::ArrayBuffer>();
  if (!ab->IsDetachable())
    return nd_set_error(env, napi_detachable_arraybuffer_expected);
  ab->Detach();
  return nd_clear_error(env);
}

extern "C" napi_status napi_is_detached_arraybuffer(napi_env env,
                                                    napi_value value,
                                                    bool *result) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, value);
  ND_CHECK_ARG(env, result);
  v8::Local<v8::Value> v = nd_local(value);
  /* An array buffer without a backing store counts as detached (as in
   * Node, so does an external one made over NULL). */
  *result = v->IsArrayBuffer() && v.As<v8::ArrayBuffer>()->Data() == NULL;
  return nd_clear_error(env);
}

extern "C" napi_status napi_is_typedarray(napi_env env, napi_value value,
                                          bool *result) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, value);
  ND_CHECK_ARG(env, result);
  *result = nd_local(value)->IsTypedArray();
  return nd_clear_error(env);
}

static bool throw_range(napi_env env, const char *code, const char *msg) {
  napi_throw_range_error(env, code, msg);
  return false;
}

extern "C" napi_status napi_create_typedarray(napi_env env,
                                              napi_typedarray_type type,
                                              size_t length,
                                              napi_value arraybuffer,
                                              size_t byte_offset,
                                              napi_value *result) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, arraybuffer);
  ND_CHECK_ARG(env, result);
  v8::Local<v8::Value> v = nd_local(arraybuffer);
  if (!v->IsArrayBuffer()) return nd_set_error(env, napi_invalid_arg);
  v8::Local<v8::ArrayBuffer> ab = v.As<v8::ArrayBuffer>();
  size_t size = 1;
  switch (type) {
    case napi_int8_array:
    case napi_uint8_array:
    case napi_uint8_clamped_array: size = 1; break;
    case napi_int16_array:
    case napi_uint16_array: size = 2; break;
    case napi_int32_array:
    case napi_uint32_array:
    case napi_float32_array: size = 4; break;
    case napi_float64_array:
    case napi_bigint64_array:
    case napi_biguint64_array: size = 8; break;
    default: return nd_set_error(env, napi_invalid_arg);
  }
  if (size > 1 && byte_offset % size != 0) {
    char msg[128];
    snprintf(msg, sizeof(msg),
             "start offset of %s should be a multiple of %zu",
             type == napi_int16_array     ? "Int16Array"
             : type == napi_uint16_array  ? "Uint16Array"
             : type == napi_int32_array   ? "Int32Array"
             : type == napi_uint32_array  ? "Uint32Array"
             : type == napi_float32_array ? "Float32Array"
             : type == napi_float64_array ? "Float64Array"
             : type == napi_bigint64_array ? "BigInt64Array"
                                           : "BigUint64Array",
             size);
    throw_range(env, "ERR_NAPI_INVALID_TYPEDARRAY_ALIGNMENT", msg);
    return nd_set_error(env, napi_pending_exception);
  }
  if (length * size + byte_offset > ab->ByteLength()) {
    throw_range(env, "ERR_NAPI_INVALID_TYPEDARRAY_LENGTH",
                "Invalid typed array length");
    return nd_set_error(env, napi_pending_exception);
  }
  v8::Local<v8::TypedArray> ta;
  switch (type) {
#define CASE(t, cls)                                                           \
  case t: ta = v8::cls::New(ab, byte_offset, length); break;
    CASE(napi_int8_array, Int8Array)
    CASE(napi_uint8_array, Uint8Array)
    CASE(napi_uint8_clamped_array, Uint8ClampedArray)
    CASE(napi_int16_array, Int16Array)
    CASE(napi_uint16_array, Uint16Array)
    CASE(napi_int32_array, Int32Array)
    CASE(napi_uint32_array, Uint32Array)
    CASE(napi_float32_array, Float32Array)
    CASE(napi_float64_array, Float64Array)
    CASE(napi_bigint64_array, BigInt64Array)
    CASE(napi_biguint64_array, BigUint64Array)
#undef CASE
  }
  *result = nd_value(ta);
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status napi_get_typedarray_info(napi_env env,
                                                napi_value typedarray,
                                                napi_typedarray_type *type,
                                                size_t *length, void **data,
                                                napi_value *arraybuffer,
                                                size_t *byte_offset) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, typedarray);
  v8::Local<v8::Value> v = nd_local(typedarray);
  if (!v->IsTypedArray()) return nd_set_error(env, napi_invalid_arg);
  v8::Local<v8::TypedArray> ta = v.As<v8::TypedArray>();
  if (type != NULL) {
    if (v->IsUint8Array()) *type = napi_uint8_array;
    else if (v->IsInt8Array()) *type = napi_int8_array;
    else if (v->IsUint8ClampedArray()) *type = napi_uint8_clamped_array;
    else if (v->IsInt16Array()) *type = napi_int16_array;
    else if (v->IsUint16Array()) *type = napi_uint16_array;
    else if (v->IsInt32Array()) *type = napi_int32_array;
    else if (v->IsUint32Array()) *type = napi_uint32_array;
    else if (v->IsFloat32Array()) *type = napi_float32_array;
    else if (v->IsFloat64Array()) *type = napi_float64_array;
    else if (v->IsBigInt64Array()) *type = napi_bigint64_array;
    else *type = napi_biguint64_array;
  }
  if (length != NULL) *length = ta->Length();
  if (data != NULL || arraybuffer != NULL) {
    v8::Local<v8::ArrayBuffer> ab = ta->Buffer();
    if (data != NULL) {
      char *base = static_cast<char *>(ab->Data());
      *data = base ? base + ta->ByteOffset() : NULL;
    }
    if (arraybuffer != NULL) *arraybuffer = nd_value(ab);
  }
  if (byte_offset != NULL) *byte_offset = ta->ByteOffset();
  return nd_clear_error(env);
}

extern "C" napi_status napi_create_dataview(napi_env env, size_t byte_length,
                                            napi_value arraybuffer,
                                            size_t byte_offset,
                                            napi_value *result) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, arraybuffer);
  ND_CHECK_ARG(env, result);
  v8::Local<v8::Value> v = nd_local(arraybuffer);
  if (!v->IsArrayBuffer()) return nd_set_error(env, napi_invalid_arg);
  v8::Local<v8::ArrayBuffer> ab = v.As<v8::ArrayBuffer>();
  if (byte_length + byte_offset > ab->ByteLength()) {
    napi_throw_range_error(env, "ERR_NAPI_INVALID_DATAVIEW_ARGS",
                           "byte_offset + byte_length should be less than or "
                           "equal to the size in bytes of the array passed in");
    return nd_set_error(env, napi_pending_exception);
  }
  *result = nd_value(v8::DataView::New(ab, byte_offset, byte_length));
  return nd_finish(env, tc, napi_ok);
}

extern "C" napi_status napi_is_dataview(napi_env env, napi_value value,
                                        bool *result) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, value);
  ND_CHECK_ARG(env, result);
  *result = nd_local(value)->IsDataView();
  return nd_clear_error(env);
}

extern "C" napi_status napi_get_dataview_info(napi_env env,
                                              napi_value dataview,
                                              size_t *bytelength, void **data,
                                              napi_value *arraybuffer,
                                              size_t *byte_offset) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, dataview);
  v8::Local<v8::Value> v = nd_local(dataview);
  if (!v->IsDataView()) return nd_set_error(env, napi_invalid_arg);
  v8::Local<v8::DataView> dv = v.As<v8::DataView>();
  if (bytelength) *bytelength = dv->ByteLength();
  if (data != NULL || arraybuffer != NULL) {
    v8::Local<v8::ArrayBuffer> ab = dv->Buffer();
    if (data) *data = static_cast<char *>(ab->Data()) + dv->ByteOffset();
    if (arraybuffer) *arraybuffer = nd_value(ab);
  }
  if (byte_offset) *byte_offset = dv->ByteOffset();
  return nd_clear_error(env);
}

/* Node Buffers: Uint8Arrays whose prototype is Buffer.prototype, which the
 * buffer module registers through nd_engine_set_buffer_prototype(). */
static napi_status make_buffer(napi_env env, v8::Local<v8::ArrayBuffer> ab,
                               size_t offset, size_t length,
                               napi_value *result) {
  v8::Local<v8::Uint8Array> ua = v8::Uint8Array::New(ab, offset, length);
  v8::Local<v8::Value> proto;
  nd_isolate_data *idata = env->idata;
  proto = nd_buffer_prototype(idata);
  if (!proto.IsEmpty() && proto->IsObject()) {
    if (ua->SetPrototype(nd_context(env), proto).IsNothing())
      return nd_set_error(env, napi_generic_failure);
  }
  *result = nd_value(ua);
  return napi_ok;
}

extern "C" napi_status napi_create_buffer(napi_env env, size_t length,
                                          void **data, napi_value *result) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, result);
  if (length > 0x100000000ULL) {
    napi_throw_range_error(env, "ERR_BUFFER_TOO_LARGE",
                           "Cannot create a Buffer larger than 4294967296 "
                           "bytes");
    return nd_set_error(env, napi_pending_exception);
  }
  v8::Local<v8::ArrayBuffer> ab = v8::ArrayBuffer::New(env->isolate, length);
  if (data != NULL) *data = ab->Data();
  napi_status s = make_buffer(env, ab, 0, length, result);
  return nd_finish(env, tc, s);
}

extern "C" napi_status napi_create_external_buffer(napi_env env, size_t length,
                                                   void *data,
                                                   napi_finalize finalize_cb,
                                                   void *finalize_hint,
                                                   napi_value *result) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, result);
  v8::Local<v8::ArrayBuffer> ab =
      external_array_buffer(env, data, length, finalize_cb, finalize_hint);
  napi_status s = make_buffer(env, ab, 0, length, result);
  return nd_finish(env, tc, s);
}

/* BackingStore deleter of adopted buffers: `arg` is the release function
 * (NULL: free). */
static void adopted_deleter(void *data, size_t length, void *arg) {
  (void)length;
  void (*release)(void *) = NULL;
  memcpy(&release, &arg, sizeof(release));
  if (release != NULL)
    release(data);
  else
    free(data);
}

extern "C" napi_status nd_engine_adopt_buffer(napi_env env, void *data,
                                              size_t length,
                                              void (*release)(void *data),
                                              napi_value *result) {
  /* The store owns `data` from here: any early return releases it. */
  void *arg = NULL;
  memcpy(&arg, &release, sizeof(arg));
  std::unique_ptr<v8::BackingStore> store =
      v8::ArrayBuffer::NewBackingStore(data, length, adopted_deleter, arg);
  if (env == NULL) return napi_invalid_arg;
  ND_CHECK_ARG(env, result);
  ND_PREAMBLE(env);
  v8::Local<v8::ArrayBuffer> ab =
      v8::ArrayBuffer::New(env->isolate, std::move(store));
  napi_status s = make_buffer(env, ab, 0, length, result);
  return nd_finish(env, tc, s);
}

extern "C" napi_status napi_create_buffer_copy(napi_env env, size_t length,
                                               const void *data,
                                               void **result_data,
                                               napi_value *result) {
  ND_PREAMBLE(env);
  ND_CHECK_ARG(env, result);
  v8::Local<v8::ArrayBuffer> ab = v8::ArrayBuffer::New(env->isolate, length);
  if (length > 0) memcpy(ab->Data(), data, length);
  if (result_data != NULL) *result_data = ab->Data();
  napi_status s = make_buffer(env, ab, 0, length, result);
  return nd_finish(env, tc, s);
}

extern "C" napi_status napi_is_buffer(napi_env env, napi_value value,
                                      bool *result) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, value);
  ND_CHECK_ARG(env, result);
  *result = nd_local(value)->IsArrayBufferView();
  return nd_clear_error(env);
}

extern "C" napi_status napi_get_buffer_info(napi_env env, napi_value value,
                                            void **data, size_t *length) {
  ND_CHECK_ENV(env);
  ND_CHECK_ARG(env, value);
  v8::Local<v8::Value> v = nd_local(value);
  if (!v->IsArrayBufferView()) return nd_set_error(env, napi_invalid_arg);
  v8::Local<v8::ArrayBufferView> view = v.As<v8::ArrayBufferView>();
  if (data != NULL) {
    char *base = static_cast<char *>(view->Buffer()->Data());
    *data = base ? base + view->ByteOffset() : NULL;
  }
  if (length != NULL) *length = view->ByteLength();
  return nd_clear_error(env);
}
