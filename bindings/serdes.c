/* serdes.c - internalBinding('serdes'): the Serializer and Deserializer
 * classes under the v8 module's (lib/v8.js), over V8's ValueSerializer and
 * ValueDeserializer (engine_serdes.cc).
 *
 * JS contract:
 *   s = new Serializer()   s.writeHeader()   s.writeValue(v) -> true
 *   s.releaseBuffer() -> Buffer   s.transferArrayBuffer(id, arrayBuffer)
 *   s.writeUint32(n)  s.writeUint64(hi, lo)  s.writeDouble(n)
 *   s.writeRawBytes(typedArrayOrDataView)
 *   s._setTreatArrayBufferViewsAsHostObjects(bool)
 *   d = new Deserializer(typedArrayOrDataView)   (d.buffer is it)
 *   d.readHeader() -> true   d.readValue()   d.getWireFormatVersion()
 *   d.transferArrayBuffer(id, arrayBufferOrShared)
 *   d.readUint32()  d.readUint64() -> [hi, lo]  d.readDouble()
 *   d._readRawBytes(length) -> offset of those bytes in d.buffer
 * Host objects and errors go through s._writeHostObject(object),
 * s._getDataCloneError(message), s._getSharedArrayBufferId(sab) and
 * d._readHostObject(). */
#include <stdio.h>
#include <stdlib.h>

#include "bindings.h"
#include "engine.h"
#include "napi_util.h"

/* The object of a method call and what it wraps; NULL after throwing. */
static void *unwrap_this(napi_env env, napi_callback_info info, size_t n,
                         napi_value *argv, napi_value *self) {
  void *data = NULL;
  size_t argc = n;
  napi_get_cb_info(env, info, &argc, argv, self, NULL);
  for (size_t i = argc; i < n; i++) napi_get_undefined(env, &argv[i]);
  if (napi_unwrap(env, *self, &data) != napi_ok || data == NULL) {
    napi_throw_type_error(env, "ERR_INVALID_THIS", "Illegal invocation");
    return NULL;
  }
  return data;
}

/* ToUint32(v) into *out; false with the exception pending when the
 * conversion threw (a Symbol, a throwing valueOf): nothing is written. */
static bool to_uint32(napi_env env, napi_value v, uint32_t *out) {
  napi_value n;
  *out = 0;
  if (napi_coerce_to_number(env, v, &n) != napi_ok) return false;
  napi_get_value_uint32(env, n, out);
  return true;
}

static napi_value js_bool(napi_env env, bool b) {
  napi_value r;
  napi_get_boolean(env, b, &r);
  return r;
}

/* Throws the TypeError of a class constructor called without new. */
static bool require_new(napi_env env, napi_callback_info info,
                        const char *name) {
  napi_value target = NULL;
  napi_get_new_target(env, info, &target);
  if (target != NULL) return true;
  char msg[96];
  snprintf(msg, sizeof(msg),
           "Class constructor %s cannot be invoked without 'new'", name);
  napi_throw_type_error(env, "ERR_CONSTRUCT_CALL_REQUIRED", msg);
  return false;
}

/* --- Serializer ---------------------------------------------------------- */

static void serializer_finalize(napi_env env, void *data, void *hint) {
  nd_engine_serializer_free(data);
}

static napi_value serializer_new(napi_env env, napi_callback_info info) {
  if (!require_new(env, info, "Serializer")) return NULL;
  napi_value self;
  napi_get_cb_info(env, info, NULL, NULL, &self, NULL);
  nd_serializer_t *s = nd_engine_serializer_new(env);
  if (napi_wrap(env, self, s, serializer_finalize, NULL, NULL) != napi_ok) {
    nd_engine_serializer_free(s);
    return NULL;
  }
  return self;
}

static napi_value serializer_write_header(napi_env env,
                                          napi_callback_info info) {
  napi_value self;
  nd_serializer_t *s = unwrap_this(env, info, 0, NULL, &self);
  if (s != NULL) nd_engine_serializer_write_header(s);
  return NULL;
}

static napi_value serializer_write_value(napi_env env,
                                         napi_callback_info info) {
  napi_value argv[1], self;
  nd_serializer_t *s = unwrap_this(env, info, 1, argv, &self);
  if (s == NULL) return NULL;
  if (nd_engine_serializer_write_value(env, s, self, argv[0]) != napi_ok)
    return NULL;
  return js_bool(env, true);
}

static napi_value serializer_release_buffer(napi_env env,
                                            napi_callback_info info) {
  napi_value self, result;
  nd_serializer_t *s = unwrap_this(env, info, 0, NULL, &self);
  if (s == NULL) return NULL;
  void *data = NULL;
  size_t length = 0;
  nd_engine_serializer_release(s, &data, &length);
  if (data == NULL || length == 0) {
    free(data);
    void *ignored;
    napi_create_buffer(env, 0, &ignored, &result);
    return result;
  }
  if (nd_engine_adopt_buffer(env, data, length, NULL, &result) != napi_ok) {
    free(data);
    return NULL;
  }
  return result;
}

static napi_value serializer_transfer_array_buffer(napi_env env,
                                                   napi_callback_info info) {
  napi_value argv[2], self;
  nd_serializer_t *s = unwrap_this(env, info, 2, argv, &self);
  uint32_t id;
  if (s == NULL || !to_uint32(env, argv[0], &id)) return NULL;
  if (nd_engine_serializer_transfer_array_buffer(env, s, id, argv[1]) !=
      napi_ok)
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE",
                          "arrayBuffer must be an ArrayBuffer");
  return NULL;
}

static napi_value serializer_write_uint32(napi_env env,
                                          napi_callback_info info) {
  napi_value argv[1], self;
  nd_serializer_t *s = unwrap_this(env, info, 1, argv, &self);
  uint32_t value;
  if (s != NULL && to_uint32(env, argv[0], &value))
    nd_engine_serializer_write_uint32(s, value);
  return NULL;
}

static napi_value serializer_write_uint64(napi_env env,
                                          napi_callback_info info) {
  napi_value argv[2], self;
  nd_serializer_t *s = unwrap_this(env, info, 2, argv, &self);
  uint32_t hi, lo;
  if (s == NULL || !to_uint32(env, argv[0], &hi) ||
      !to_uint32(env, argv[1], &lo))
    return NULL;
  nd_engine_serializer_write_uint64(s, ((uint64_t)hi << 32) | lo);
  return NULL;
}

static napi_value serializer_write_double(napi_env env,
                                          napi_callback_info info) {
  napi_value argv[1], self;
  nd_serializer_t *s = unwrap_this(env, info, 1, argv, &self);
  if (s == NULL) return NULL;
  napi_value n;
  double d = 0;
  if (napi_coerce_to_number(env, argv[0], &n) != napi_ok) return NULL;
  napi_get_value_double(env, n, &d);
  nd_engine_serializer_write_double(s, d);
  return NULL;
}

static napi_value serializer_write_raw_bytes(napi_env env,
                                             napi_callback_info info) {
  napi_value argv[1], self;
  nd_serializer_t *s = unwrap_this(env, info, 1, argv, &self);
  if (s == NULL) return NULL;
  void *data = NULL;
  size_t length = 0;
  /* Any ArrayBufferView: its own byte range. */
  if (napi_get_buffer_info(env, argv[0], &data, &length) != napi_ok) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE",
                          "source must be a TypedArray or a DataView");
    return NULL;
  }
  nd_engine_serializer_write_raw(s, data, length);
  return NULL;
}

static napi_value serializer_treat_views_as_host(napi_env env,
                                                 napi_callback_info info) {
  napi_value argv[1], self;
  nd_serializer_t *s = unwrap_this(env, info, 1, argv, &self);
  if (s != NULL)
    nd_engine_serializer_treat_views_as_host_objects(s, nd_to_bool(env,
                                                                   argv[0]));
  return NULL;
}

static const napi_property_descriptor serializer_methods[] = {
    ND_METHOD("writeHeader", serializer_write_header),
    ND_METHOD("writeValue", serializer_write_value),
    ND_METHOD("releaseBuffer", serializer_release_buffer),
    ND_METHOD("transferArrayBuffer", serializer_transfer_array_buffer),
    ND_METHOD("writeUint32", serializer_write_uint32),
    ND_METHOD("writeUint64", serializer_write_uint64),
    ND_METHOD("writeDouble", serializer_write_double),
    ND_METHOD("writeRawBytes", serializer_write_raw_bytes),
    ND_METHOD("_setTreatArrayBufferViewsAsHostObjects",
              serializer_treat_views_as_host),
};

/* --- Deserializer -------------------------------------------------------- */

static void deserializer_finalize(napi_env env, void *data, void *hint) {
  nd_engine_deserializer_free(data);
}

static napi_value deserializer_new(napi_env env, napi_callback_info info) {
  if (!require_new(env, info, "Deserializer")) return NULL;
  napi_value argv[1], self;
  size_t argc = 1;
  napi_get_cb_info(env, info, &argc, argv, &self, NULL);
  if (argc < 1) napi_get_undefined(env, &argv[0]);
  void *data = NULL;
  size_t length = 0;
  if (napi_get_buffer_info(env, argv[0], &data, &length) != napi_ok) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE",
                          "buffer must be a TypedArray or a DataView");
    return NULL;
  }
  nd_deserializer_t *d = nd_engine_deserializer_new(env, data, length);
  if (d == NULL) {
    napi_throw_error(env, "ERR_MEMORY_ALLOCATION_FAILED", "Out of memory");
    return NULL;
  }
  if (napi_wrap(env, self, d, deserializer_finalize, NULL, NULL) != napi_ok) {
    nd_engine_deserializer_free(d);
    return NULL;
  }
  napi_set_named_property(env, self, "buffer", argv[0]);
  return self;
}

static napi_value deserializer_read_header(napi_env env,
                                           napi_callback_info info) {
  napi_value self;
  nd_deserializer_t *d = unwrap_this(env, info, 0, NULL, &self);
  if (d == NULL) return NULL;
  bool ok = false;
  if (nd_engine_deserializer_read_header(env, d, &ok) != napi_ok) return NULL;
  return js_bool(env, ok);
}

static napi_value deserializer_read_value(napi_env env,
                                          napi_callback_info info) {
  napi_value self, result;
  nd_deserializer_t *d = unwrap_this(env, info, 0, NULL, &self);
  if (d == NULL) return NULL;
  if (nd_engine_deserializer_read_value(env, d, self, &result) != napi_ok)
    return NULL;
  return result;
}

static napi_value deserializer_wire_version(napi_env env,
                                            napi_callback_info info) {
  napi_value self, r;
  nd_deserializer_t *d = unwrap_this(env, info, 0, NULL, &self);
  if (d == NULL) return NULL;
  napi_create_uint32(env, nd_engine_deserializer_wire_version(d), &r);
  return r;
}

static napi_value deserializer_transfer_array_buffer(napi_env env,
                                                     napi_callback_info info) {
  napi_value argv[2], self;
  nd_deserializer_t *d = unwrap_this(env, info, 2, argv, &self);
  uint32_t id;
  if (d == NULL || !to_uint32(env, argv[0], &id)) return NULL;
  if (nd_engine_deserializer_transfer_array_buffer(env, d, id, argv[1]) !=
      napi_ok)
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE",
                          "arrayBuffer must be an ArrayBuffer or "
                          "SharedArrayBuffer");
  return NULL;
}

static napi_value deserializer_read_uint32(napi_env env,
                                           napi_callback_info info) {
  napi_value self, r;
  nd_deserializer_t *d = unwrap_this(env, info, 0, NULL, &self);
  if (d == NULL) return NULL;
  uint32_t v;
  if (!nd_engine_deserializer_read_uint32(d, &v)) {
    napi_throw_error(env, NULL, "ReadUint32() failed");
    return NULL;
  }
  napi_create_uint32(env, v, &r);
  return r;
}

static napi_value deserializer_read_uint64(napi_env env,
                                           napi_callback_info info) {
  napi_value self, r, hi, lo;
  nd_deserializer_t *d = unwrap_this(env, info, 0, NULL, &self);
  if (d == NULL) return NULL;
  uint64_t v;
  if (!nd_engine_deserializer_read_uint64(d, &v)) {
    napi_throw_error(env, NULL, "ReadUint64() failed");
    return NULL;
  }
  napi_create_uint32(env, (uint32_t)(v >> 32), &hi);
  napi_create_uint32(env, (uint32_t)v, &lo);
  napi_create_array_with_length(env, 2, &r);
  napi_set_element(env, r, 0, hi);
  napi_set_element(env, r, 1, lo);
  return r;
}

static napi_value deserializer_read_double(napi_env env,
                                           napi_callback_info info) {
  napi_value self, r;
  nd_deserializer_t *d = unwrap_this(env, info, 0, NULL, &self);
  if (d == NULL) return NULL;
  double v;
  if (!nd_engine_deserializer_read_double(d, &v)) {
    napi_throw_error(env, NULL, "ReadDouble() failed");
    return NULL;
  }
  napi_create_double(env, v, &r);
  return r;
}

static napi_value deserializer_read_raw_bytes(napi_env env,
                                              napi_callback_info info) {
  napi_value argv[1], self, r;
  nd_deserializer_t *d = unwrap_this(env, info, 1, argv, &self);
  if (d == NULL) return NULL;
  int64_t length = nd_to_int64(env, argv[0], 0);
  int64_t offset = length < 0 ? -1
                              : nd_engine_deserializer_read_raw(
                                    d, (size_t)length);
  if (offset < 0) {
    napi_throw_error(env, NULL, "ReadRawBytes() failed");
    return NULL;
  }
  napi_create_int64(env, offset, &r);
  return r;
}

static const napi_property_descriptor deserializer_methods[] = {
    ND_METHOD("readHeader", deserializer_read_header),
    ND_METHOD("readValue", deserializer_read_value),
    ND_METHOD("getWireFormatVersion", deserializer_wire_version),
    ND_METHOD("transferArrayBuffer", deserializer_transfer_array_buffer),
    ND_METHOD("readUint32", deserializer_read_uint32),
    ND_METHOD("readUint64", deserializer_read_uint64),
    ND_METHOD("readDouble", deserializer_read_double),
    ND_METHOD("_readRawBytes", deserializer_read_raw_bytes),
};

napi_value nd_binding_serdes_init(napi_env env, napi_value exports) {
  napi_value ser, des;
  if (napi_define_class(env, "Serializer", NAPI_AUTO_LENGTH, serializer_new,
                        NULL, ND_COUNT(serializer_methods), serializer_methods,
                        &ser) != napi_ok ||
      napi_define_class(env, "Deserializer", NAPI_AUTO_LENGTH,
                        deserializer_new, NULL,
                        ND_COUNT(deserializer_methods), deserializer_methods,
                        &des) != napi_ok)
    return NULL;
  napi_set_named_property(env, exports, "Serializer", ser);
  napi_set_named_property(env, exports, "Deserializer", des);
  return exports;
}
