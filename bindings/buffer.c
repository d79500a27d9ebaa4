/* buffer.c - internalBinding('buffer'): the byte work behind Buffer (string
 * encode/decode in every Node encoding, fill, indexOf, compare, copy). */
#include <node_api.h>
#include <stdlib.h>
#include <string.h>

#include "buffer_codec.h"
#include "engine.h"
#include "napi_util.h"
#include "buffer_string.h"

/* Node's messages for errors raised below the JS layer. */
#define MSG_NOT_BUFFER "argument must be a buffer"
#define MSG_NOT_STRING "argument must be a string"
#define BUFFER_MSG_OOB "Index out of range"

/* Fetches `n` call arguments (missing ones are undefined) and `this`. */
static int get_args(napi_env env, napi_callback_info info, size_t n,
                    napi_value *argv, napi_value *self) {
  size_t argc = n;
  return napi_get_cb_info(env, info, &argc, argv, self, NULL) == napi_ok
           ? 0
           : -1;
}

static napi_value throw_oob(napi_env env) {
  napi_throw_range_error(env, "ERR_OUT_OF_RANGE", BUFFER_MSG_OOB);
  return NULL;
}

static napi_value throw_not_buffer(napi_env env) {
  napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", MSG_NOT_BUFFER);
  return NULL;
}

static napi_value make_int(napi_env env, double v) {
  napi_value r;
  return napi_create_double(env, v, &r) == napi_ok ? r : NULL;
}

/* Reads the byte range of an ArrayBufferView into *v. Returns 0, or -1
 * when `value` is not a view (no exception is left pending). */
static int get_view(napi_env env, napi_value value, nd_view_t *v) {
  napi_typedarray_type type;
  size_t length;
  void *data;
  if (napi_get_typedarray_info(env, value, &type, &length, &data, NULL,
                               NULL) == napi_ok) {
    v->data = data;
    v->len = length * nd_typedarray_element_size(type);
    return 0;
  }
  bool is_dv = false;
  if (napi_is_dataview(env, value, &is_dv) != napi_ok || !is_dv) return -1;
  if (napi_get_dataview_info(env, value, &length, &data, NULL, NULL) !=
      napi_ok)
    return -1;
  v->data = data;
  v->len = length;
  return 0;
}

/* Node's array-index argument: undefined gives `def`, anything else is
 * converted to an integer (NaN is 0). Returns 0, 1 when negative, or -1
 * with a pending exception. */
static int get_index(napi_env env, napi_value value, size_t def,
                     size_t *out) {
  double d;
  napi_status s = napi_get_value_double(env, value, &d);
  if (s == napi_number_expected) {
    napi_valuetype t;
    napi_value num;
    if (napi_typeof(env, value, &t) != napi_ok) return -1;
    if (t == napi_undefined) {
      *out = def;
      return 0;
    }
    if (napi_coerce_to_number(env, value, &num) != napi_ok ||
        napi_get_value_double(env, num, &d) != napi_ok)
      return -1;
  } else if (s != napi_ok) {
    return -1;
  }
  if (d <= -1) return 1;
  if (!(d >= 1)) d = 0; /* NaN, -0.x, 0.x */
  *out = d >= 9007199254740992.0 ? (size_t)9007199254740992ULL : (size_t)d;
  return 0;
}

/* A number argument already validated by JS, as an integer in +-2**53. */
static int64_t get_int(napi_env env, napi_value value) {
  double d = 0;
  napi_get_value_double(env, value, &d);
  if (!(d == d)) return 0;
  if (d > 9007199254740992.0) return 9007199254740992LL;
  if (d < -9007199254740992.0) return -9007199254740992LL;
  return (int64_t)d;
}

/* Shared body of the prototype methods xxxSlice(start, end). */
static napi_value buffer_slice(napi_env env, napi_callback_info info,
                               int enc) {
  napi_value argv[2], self;
  nd_view_t v;
  size_t start, end;
  int rc;
  if (get_args(env, info, 2, argv, &self)) return NULL;
  if (get_view(env, self, &v)) return throw_not_buffer(env);
  if ((rc = get_index(env, argv[0], 0, &start)) != 0)
    return rc > 0 ? throw_oob(env) : NULL;
  if ((rc = get_index(env, argv[1], v.len, &end)) != 0)
    return rc > 0 ? throw_oob(env) : NULL;
  if (end < start) end = start;
  if (end > v.len) return throw_oob(env);
  return nd_string_decode(env, enc, v.data + start, end - start);
}

/* Shared body of the prototype methods xxxWrite(string, offset, length):
 * returns the number of bytes written. */
static napi_value buffer_write(napi_env env, napi_callback_info info,
                               int enc) {
  napi_value argv[3], self;
  napi_valuetype t;
  nd_view_t v;
  size_t offset, max, written;
  int rc;
  if (get_args(env, info, 3, argv, &self)) return NULL;
  if (get_view(env, self, &v)) return throw_not_buffer(env);
  if (napi_typeof(env, argv[0], &t) != napi_ok) return NULL;
  if (t != napi_string) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", MSG_NOT_STRING);
    return NULL;
  }
  if ((rc = get_index(env, argv[1], 0, &offset)) != 0)
    return rc > 0 ? throw_oob(env) : NULL;
  if (offset > v.len) {
    napi_throw_range_error(env, "ERR_BUFFER_OUT_OF_BOUNDS",
                           "\"offset\" is outside of buffer bounds");
    return NULL;
  }
  if ((rc = get_index(env, argv[2], v.len - offset, &max)) != 0)
    return rc > 0 ? throw_oob(env) : NULL;
  if (max > v.len - offset) max = v.len - offset;
  if (max == 0) return make_int(env, 0);
  if (nd_string_write(env, enc, argv[0], v.data + offset, max,
                      v.len - offset - max, 0, &written))
    return NULL;
  return make_int(env, (double)written);
}

#define SLICE_WRITE(name, enc)                                                 \
  static napi_value buffer_##name##_slice(napi_env env,                        \
                                          napi_callback_info info) {           \
    return buffer_slice(env, info, enc);                                       \
  }                                                                            \
  static napi_value buffer_##name##_write(napi_env env,                        \
                                          napi_callback_info info) {           \
    return buffer_write(env, info, enc);                                       \
  }
SLICE_WRITE(ascii, ND_ENC_ASCII)
SLICE_WRITE(latin1, ND_ENC_LATIN1)
SLICE_WRITE(ucs2, ND_ENC_UCS2)
SLICE_WRITE(utf8, ND_ENC_UTF8)
SLICE_WRITE(base64, ND_ENC_BASE64)
SLICE_WRITE(base64url, ND_ENC_BASE64URL)
SLICE_WRITE(hex, ND_ENC_HEX)
#undef SLICE_WRITE

/* writeUnchecked(view, string, offset, enc) -> bytes written. For fresh
 * pool memory: the caller guarantees the view holds the worst-case size
 * plus two bytes after offset, and every byte after the written data may
 * be clobbered. */
static napi_value buffer_write_unchecked(napi_env env,
                                         napi_callback_info info) {
  napi_value argv[4];
  nd_view_t v;
  size_t written;
  int64_t offset, enc;
  if (get_args(env, info, 4, argv, NULL)) return NULL;
  if (get_view(env, argv[0], &v)) return throw_not_buffer(env);
  offset = get_int(env, argv[2]);
  enc = get_int(env, argv[3]);
  if (offset < 0 || (size_t)offset + 2 > v.len) return throw_oob(env);
  if (nd_string_write(env, (int)enc, argv[1], v.data + offset,
                      v.len - (size_t)offset - 2, 0, 1, &written))
    return NULL;
  return make_int(env, (double)written);
}

/* byteLengthUtf8(string) -> number of UTF-8 bytes. */
static napi_value buffer_byte_length_utf8(napi_env env,
                                          napi_callback_info info) {
  napi_value argv[1];
  size_t len;
  if (get_args(env, info, 1, argv, NULL)) return NULL;
  if (nd_string_utf8_length(env, argv[0], &len)) return NULL;
  return make_int(env, (double)len);
}

static int compare_bytes(const uint8_t *a, size_t an, const uint8_t *b,
                         size_t bn) {
  size_t n = an < bn ? an : bn;
  int r = (n == 0 || a == b) ? 0 : memcmp(a, b, n);
  if (r != 0) return r < 0 ? -1 : 1;
  return an < bn ? -1 : an > bn;
}

/* compare(a, b) -> -1, 0 or 1 (bytes, then lengths). */
static napi_value buffer_compare(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  nd_view_t a, b;
  if (get_args(env, info, 2, argv, NULL)) return NULL;
  if (get_view(env, argv[0], &a) || get_view(env, argv[1], &b))
    return throw_not_buffer(env);
  return make_int(env, compare_bytes(a.data, a.len, b.data, b.len));
}

/* compareOffset(source, target, targetStart, sourceStart, targetEnd,
 * sourceEnd) -> -1, 0 or 1. Ranges are validated by JS and clamped here. */
static napi_value buffer_compare_offset(napi_env env,
                                        napi_callback_info info) {
  napi_value argv[6];
  nd_view_t s, t;
  if (get_args(env, info, 6, argv, NULL)) return NULL;
  if (get_view(env, argv[0], &s) || get_view(env, argv[1], &t))
    return throw_not_buffer(env);
  int64_t ts = get_int(env, argv[2]), ss = get_int(env, argv[3]);
  int64_t te = get_int(env, argv[4]), se = get_int(env, argv[5]);
  if (ss < 0 || (size_t)ss > s.len || ts < 0 || (size_t)ts > t.len)
    return throw_oob(env);
  if (se > (int64_t)s.len) se = (int64_t)s.len;
  if (te > (int64_t)t.len) te = (int64_t)t.len;
  if (se < ss) se = ss;
  if (te < ts) te = ts;
  return make_int(env, compare_bytes(s.data + ss, (size_t)(se - ss),
                                     t.data + ts, (size_t)(te - ts)));
}

/* copy(source, target, targetStart, sourceStart, count) -> bytes copied;
 * the ranges are clamped to both views. */
static napi_value buffer_copy(napi_env env, napi_callback_info info) {
  napi_value argv[5];
  nd_view_t s, t;
  if (get_args(env, info, 5, argv, NULL)) return NULL;
  if (get_view(env, argv[0], &s) || get_view(env, argv[1], &t))
    return throw_not_buffer(env);
  int64_t ts = get_int(env, argv[2]), ss = get_int(env, argv[3]);
  int64_t n = get_int(env, argv[4]);
  if (ts < 0 || ss < 0 || n <= 0 || (size_t)ts >= t.len ||
      (size_t)ss >= s.len)
    return make_int(env, 0);
  if ((size_t)n > t.len - (size_t)ts) n = (int64_t)(t.len - (size_t)ts);
  if ((size_t)n > s.len - (size_t)ss) n = (int64_t)(s.len - (size_t)ss);
  memmove(t.data + ts, s.data + ss, (size_t)n);
  return make_int(env, (double)n);
}

/* fill(buf, value, start, end, enc) -> undefined, or -1 when value is a
 * string or view that yields no bytes. Throws ERR_OUT_OF_RANGE for a bad
 * range. Numbers are filled by JS. */
static napi_value buffer_fill(napi_env env, napi_callback_info info) {
  napi_value argv[5];
  napi_valuetype t;
  nd_view_t v, pat;
  size_t start, end;
  int rc;
  if (get_args(env, info, 5, argv, NULL)) return NULL;
  if (get_view(env, argv[0], &v)) return throw_not_buffer(env);
  if ((rc = get_index(env, argv[2], 0, &start)) != 0)
    return rc > 0 ? throw_oob(env) : NULL;
  if ((rc = get_index(env, argv[3], v.len, &end)) != 0)
    return rc > 0 ? throw_oob(env) : NULL;
  if (start > end || end > v.len) return throw_oob(env);
  if (napi_typeof(env, argv[1], &t) != napi_ok) return NULL;
  if (t == napi_string) {
    size_t n;
    uint8_t stack[256];
    if (nd_string_to_bytes(env, (int)get_int(env, argv[4]), argv[1], stack,
                           sizeof(stack), &pat.data, &n))
      return NULL;
    if (n > 0 && end > start)
      nd_codec_fill_pattern(v.data + start, end - start, pat.data, n);
    if (pat.data != stack) free(pat.data);
    return n == 0 ? make_int(env, -1) : NULL;
  }
  if (get_view(env, argv[1], &pat) == 0) {
    if (pat.len == 0) return make_int(env, -1);
    if (end > start)
      nd_codec_fill_pattern(v.data + start, end - start, pat.data, pat.len);
    return NULL;
  }
  uint32_t byte = 0;
  napi_value num;
  if (napi_coerce_to_number(env, argv[1], &num) != napi_ok) return NULL;
  napi_get_value_uint32(env, num, &byte);
  if (end > start) memset(v.data + start, (int)(byte & 255), end - start);
  return NULL;
}

/* Node's start position for a search of a needle of m bytes in n bytes:
 * -1 when nothing can match. */
static int64_t search_start(int64_t n, int64_t offset, int64_t m,
                            int forward) {
  if (offset < 0) {
    if (offset + n >= 0) return n + offset;
    return (forward || m == 0) ? 0 : -1;
  }
  if (offset + m <= n) return offset;
  if (m == 0) return n;
  return forward ? -1 : n - 1;
}

/* Search modes: plain bytes, or UTF-16 code units (even positions only)
 * for a string needle or for a Buffer needle. */
enum { SEARCH_BYTES, SEARCH_UCS2_STRING, SEARCH_UCS2_BUFFER };

/* Searches needle in hay as indexOf/lastIndexOf do. In the UCS2 modes the
 * offset is rounded down to a code unit; with a string needle an odd last
 * byte of hay does not count, with a Buffer needle Node reports a miss in
 * an odd-length hay as its even length. Returns the position or -1. */
static double search(const nd_view_t *hay, const uint8_t *needle, size_t m,
                     int64_t offset, int forward, int mode) {
  size_t n = mode == SEARCH_UCS2_STRING ? hay->len & ~(size_t)1 : hay->len;
  int64_t start = search_start((int64_t)n, offset, (int64_t)m, forward);
  if (m == 0) return (double)start;
  if (n == 0 || start < 0) return -1;
  if (forward && (size_t)start + m > n) return -1;
  if (m > n) return -1;
  if (mode == SEARCH_BYTES)
    return (double)nd_codec_search(hay->data, n, needle, m, (size_t)start,
                                   forward, 1);
  if (n < 2 || m < 2) return -1;
  size_t even = hay->len & ~(size_t)1;
  ssize_t r = nd_codec_search(hay->data, even, needle, m & ~(size_t)1,
                              (size_t)start & ~(size_t)1, forward, 2);
  if (r >= 0) return (double)r;
  return even == n ? -1 : (double)even;
}

/* indexOfString(buf, string, byteOffset, enc, forward) -> position|-1. */
static napi_value buffer_index_of_string(napi_env env,
                                         napi_callback_info info) {
  napi_value argv[5];
  nd_view_t hay;
  uint8_t stack[256], *needle;
  size_t m;
  bool forward;
  if (get_args(env, info, 5, argv, NULL)) return NULL;
  if (get_view(env, argv[0], &hay)) return throw_not_buffer(env);
  int64_t offset = get_int(env, argv[2]);
  int enc = (int)get_int(env, argv[3]);
  if (napi_get_value_bool(env, argv[4], &forward) != napi_ok) return NULL;
  if (nd_string_to_bytes(env, enc, argv[1], stack, sizeof(stack), &needle,
                         &m))
    return NULL;
  double r = search(&hay, needle, m, offset, forward,
                    enc == ND_ENC_UCS2 ? SEARCH_UCS2_STRING : SEARCH_BYTES);
  if (needle != stack) free(needle);
  return make_int(env, r);
}

/* indexOfBuffer(buf, needle, byteOffset, enc, forward) -> position|-1. */
static napi_value buffer_index_of_buffer(napi_env env,
                                         napi_callback_info info) {
  napi_value argv[5];
  nd_view_t hay, needle;
  bool forward;
  if (get_args(env, info, 5, argv, NULL)) return NULL;
  if (get_view(env, argv[0], &hay) || get_view(env, argv[1], &needle))
    return throw_not_buffer(env);
  int64_t offset = get_int(env, argv[2]);
  int enc = (int)get_int(env, argv[3]);
  if (napi_get_value_bool(env, argv[4], &forward) != napi_ok) return NULL;
  return make_int(env, search(&hay, needle.data, needle.len, offset, forward,
                              enc == ND_ENC_UCS2 ? SEARCH_UCS2_BUFFER
                                                 : SEARCH_BYTES));
}

/* indexOfNumber(buf, byte, byteOffset, forward) -> position|-1. */
static napi_value buffer_index_of_number(napi_env env,
                                         napi_callback_info info) {
  napi_value argv[4];
  nd_view_t hay;
  uint32_t byte = 0;
  bool forward;
  if (get_args(env, info, 4, argv, NULL)) return NULL;
  if (get_view(env, argv[0], &hay)) return throw_not_buffer(env);
  napi_get_value_uint32(env, argv[1], &byte);
  int64_t offset = get_int(env, argv[2]);
  if (napi_get_value_bool(env, argv[3], &forward) != napi_ok) return NULL;
  uint8_t b = (uint8_t)byte;
  return make_int(env, search(&hay, &b, 1, offset, forward, SEARCH_BYTES));
}

/* isUtf8(input) / isAscii(input) -> boolean, for a view or an
 * ArrayBuffer; a detached ArrayBuffer throws ERR_INVALID_STATE. */
static napi_value buffer_check(napi_env env, napi_callback_info info,
                               int utf8) {
  napi_value argv[1], r;
  nd_view_t v;
  bool is_ab = false, detached = false;
  void *data;
  if (get_args(env, info, 1, argv, NULL)) return NULL;
  if (napi_is_arraybuffer(env, argv[0], &is_ab) == napi_ok && is_ab) {
    if (napi_is_detached_arraybuffer(env, argv[0], &detached) != napi_ok)
      return NULL;
    if (detached) {
      napi_throw_error(env, "ERR_INVALID_STATE",
                       "Cannot validate on a detached buffer");
      return NULL;
    }
    if (napi_get_arraybuffer_info(env, argv[0], &data, &v.len) != napi_ok)
      return NULL;
    v.data = data;
  } else if (get_view(env, argv[0], &v)) {
    return throw_not_buffer(env);
  }
  bool ok = utf8 ? nd_codec_is_utf8(v.data, v.len)
                 : nd_codec_is_ascii(v.data, v.len);
  return napi_get_boolean(env, ok, &r) == napi_ok ? r : NULL;
}

static napi_value buffer_is_utf8(napi_env env, napi_callback_info info) {
  return buffer_check(env, info, 1);
}

static napi_value buffer_is_ascii(napi_env env, napi_callback_info info) {
  return buffer_check(env, info, 0);
}

/* swap(view, size) swaps 2-, 4- or 8-byte units in place. */
static napi_value buffer_swap(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  nd_view_t v;
  if (get_args(env, info, 2, argv, NULL)) return NULL;
  if (get_view(env, argv[0], &v)) return throw_not_buffer(env);
  int64_t size = get_int(env, argv[1]);
  if (size == 2 || size == 4 || size == 8) nd_codec_swap(v.data, v.len,
                                                         (int)size);
  return NULL;
}

/* decode(view, start, end, enc) -> string, for StringDecoder & co. */
static napi_value buffer_decode(napi_env env, napi_callback_info info) {
  napi_value argv[4];
  nd_view_t v;
  if (get_args(env, info, 4, argv, NULL)) return NULL;
  if (get_view(env, argv[0], &v)) return throw_not_buffer(env);
  int64_t start = get_int(env, argv[1]), end = get_int(env, argv[2]);
  if (start < 0) start = 0;
  if (end > (int64_t)v.len) end = (int64_t)v.len;
  if (end < start) end = start;
  return nd_string_decode(env, (int)get_int(env, argv[3]), v.data + start,
                          (size_t)(end - start));
}

/* getZeroFillToggle() -> Uint32Array over the allocator's zero-fill flag;
 * setting [0] = 0 makes the next ArrayBuffer allocation uninitialised. */
static napi_value buffer_get_zero_fill_toggle(napi_env env,
                                              napi_callback_info info) {
  napi_value ab, arr;
  if (napi_create_external_arraybuffer(env, nd_engine_zero_fill_field(env),
                                       sizeof(uint32_t), NULL, NULL,
                                       &ab) != napi_ok ||
      napi_create_typedarray(env, napi_uint32_array, 1, ab, 0, &arr) !=
          napi_ok)
    return NULL;
  return arr;
}

/* detachArrayBuffer(ab) -> a new ArrayBuffer over ab's memory, ab left
 * detached; undefined when ab cannot be detached. */
static napi_value buffer_detach_array_buffer(napi_env env,
                                             napi_callback_info info) {
  napi_value argv[1], r;
  nd_args(env, info, 1, argv);
  if (nd_engine_transfer_arraybuffer(env, argv[0], &r) != napi_ok) return NULL;
  return r;
}

static const napi_property_descriptor buffer_methods[] = {
  ND_METHOD("detachArrayBuffer", buffer_detach_array_buffer),
  ND_METHOD("getZeroFillToggle", buffer_get_zero_fill_toggle),
  ND_METHOD("asciiSlice", buffer_ascii_slice),
  ND_METHOD("latin1Slice", buffer_latin1_slice),
  ND_METHOD("ucs2Slice", buffer_ucs2_slice),
  ND_METHOD("utf8Slice", buffer_utf8_slice),
  ND_METHOD("base64Slice", buffer_base64_slice),
  ND_METHOD("base64urlSlice", buffer_base64url_slice),
  ND_METHOD("hexSlice", buffer_hex_slice),
  ND_METHOD("asciiWrite", buffer_ascii_write),
  ND_METHOD("latin1Write", buffer_latin1_write),
  ND_METHOD("ucs2Write", buffer_ucs2_write),
  ND_METHOD("utf8Write", buffer_utf8_write),
  ND_METHOD("base64Write", buffer_base64_write),
  ND_METHOD("base64urlWrite", buffer_base64url_write),
  ND_METHOD("hexWrite", buffer_hex_write),
  ND_METHOD("writeUnchecked", buffer_write_unchecked),
  ND_METHOD("byteLengthUtf8", buffer_byte_length_utf8),
  ND_METHOD("compare", buffer_compare),
  ND_METHOD("compareOffset", buffer_compare_offset),
  ND_METHOD("copy", buffer_copy),
  ND_METHOD("fill", buffer_fill),
  ND_METHOD("indexOfString", buffer_index_of_string),
  ND_METHOD("indexOfBuffer", buffer_index_of_buffer),
  ND_METHOD("indexOfNumber", buffer_index_of_number),
  ND_METHOD("isUtf8", buffer_is_utf8),
  ND_METHOD("isAscii", buffer_is_ascii),
  ND_METHOD("swap", buffer_swap),
  ND_METHOD("decode", buffer_decode),
};

/* Installs the buffer binding's functions on `exports`. */
napi_value nd_binding_buffer_init(napi_env env, napi_value exports) {
  if (napi_define_properties(env, exports,
                             ND_COUNT(buffer_methods),
                             buffer_methods) != napi_ok)
    return NULL;
  return exports;
}
