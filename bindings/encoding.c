/* encoding.c - internalBinding('encoding'): the byte work of TextEncoder and
 * TextDecoder. UTF-8, UTF-16LE/BE and windows-1252 are decoded here; the
 * other WHATWG encodings go through the ICU that V8 already loaded into the
 * process (its ucnv_* functions are looked up at run time). */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE
#endif
#include <dlfcn.h>
#include <node_api.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buffer_codec.h"
#include "napi_util.h"
#include "buffer_string.h"

/* decode*() flags, shared with lib/internal/encoding.js. */
#define FLAG_STRIP_BOM 1
#define FLAG_FATAL 2
#define FLAG_FLUSH 4
#define FLAG_BIG_ENDIAN 8

/* The slice of ICU's C API used here (ICU 72 ABI; names are versioned). */
typedef int icu_error_t; /* UErrorCode: > 0 is a failure */
typedef void (*icu_callback_t)(const void *, void *, const char *, int32_t,
                               int, icu_error_t *);
typedef struct {
  void *(*open)(const char *, icu_error_t *);
  void (*close)(void *);
  void (*reset)(void *);
  void (*to_unicode)(void *, uint16_t **, const uint16_t *, const char **,
                     const char *, int32_t *, int8_t, icu_error_t *);
  void (*set_to_u_callback)(void *, icu_callback_t, const void *,
                            icu_callback_t *, const void **, icu_error_t *);
  void (*write_uchars)(void *, const uint16_t *, int32_t, int32_t,
                       icu_error_t *);
  icu_callback_t stop;
} icu_api_t;

#define ICU_BUFFER_OVERFLOW 15

/* One ICU-backed decoder, owned by a JS external. */
typedef struct {
  icu_api_t api;
  void *cnv;
} icu_decoder_t;

/* windows-1252 code points for bytes 0x80..0x9F (WHATWG index). */
static const uint16_t cp1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

static int get_args(napi_env env, napi_callback_info info, size_t n,
                    napi_value *argv) {
  size_t argc = n;
  return napi_get_cb_info(env, info, &argc, argv, NULL, NULL) == napi_ok
           ? 0
           : -1;
}

static napi_value undefined(napi_env env) {
  napi_value r;
  return napi_get_undefined(env, &r) == napi_ok ? r : NULL;
}

static napi_value make_uint(napi_env env, size_t v) {
  napi_value r;
  return napi_create_double(env, (double)v, &r) == napi_ok ? r : NULL;
}

/* The bytes of a typed array or DataView; -1 (with a TypeError) if not. */
static int get_view(napi_env env, napi_value value, nd_view_t *v) {
  napi_typedarray_type type;
  size_t length;
  void *data;
  bool is_dv = false;
  if (napi_get_typedarray_info(env, value, &type, &length, &data, NULL,
                               NULL) == napi_ok) {
    v->data = data;
    v->len = length * nd_typedarray_element_size(type);
    return 0;
  }
  if (napi_is_dataview(env, value, &is_dv) == napi_ok && is_dv &&
      napi_get_dataview_info(env, value, &length, &data, NULL, NULL) ==
        napi_ok) {
    v->data = data;
    v->len = length;
    return 0;
  }
  napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE",
                        "argument must be an ArrayBufferView");
  return -1;
}

static int get_uint(napi_env env, napi_value value, uint32_t *out) {
  *out = 0;
  return napi_get_value_uint32(env, value, out) == napi_ok ? 0 : -1;
}

/* Writes str as UTF-8 into a scratch block of at least cap + 1 bytes:
 * `stack` or malloc'ed (caller frees when != stack). Returns NULL with a
 * pending exception on failure. */
static uint8_t *utf8_scratch(napi_env env, napi_value str, size_t cap,
                             uint8_t *stack, size_t *n) {
  uint8_t *buf = cap + 1 <= ND_STACK_SCRATCH ? stack : malloc(cap + 1);
  if (buf == NULL) {
    napi_throw_error(env, "ERR_MEMORY_ALLOCATION_FAILED",
                     "Failed to allocate memory");
    return NULL;
  }
  if (napi_get_value_string_utf8(env, str, (char *)buf, cap + 1, n) !=
      napi_ok) {
    if (buf != stack) free(buf);
    return NULL;
  }
  return buf;
}

/* encodeUtf8String(string) -> Uint8Array of its UTF-8 (lone surrogates
 * become U+FFFD). */
static napi_value encoding_encode_utf8_string(napi_env env,
                                              napi_callback_info info) {
  napi_value argv[1], ab, result;
  uint8_t stack[ND_STACK_SCRATCH];
  uint16_t ustack[ND_UNITS_STACK + 1];
  const uint16_t *units;
  size_t len, n, read;
  void *data;
  if (get_args(env, info, 1, argv)) return NULL;
  if (nd_string_units(env, argv[0], ustack, &units, &len)) return NULL;
  if (units != NULL) {
    /* Size exactly, then encode straight into the new buffer. */
    n = nd_codec_utf16_utf8_length(units, len);
    napi_status st = napi_create_arraybuffer(env, n, &data, &ab);
    if (st == napi_ok) {
      nd_codec_utf16_to_utf8(data, n, units, len, &read);
      st = napi_create_typedarray(env, napi_uint8_array, n, ab, 0, &result);
    }
    nd_string_units_free(ustack, units);
    return st == napi_ok ? result : NULL;
  }
  uint8_t *buf = utf8_scratch(env, argv[0], 3 * len, stack, &n);
  if (buf == NULL) return NULL;
  napi_status s = napi_create_arraybuffer(env, n, &data, &ab);
  if (s == napi_ok) {
    if (n) memcpy(data, buf, n);
    s = napi_create_typedarray(env, napi_uint8_array, n, ab, 0, &result);
  }
  if (buf != stack) free(buf);
  return s == napi_ok ? result : NULL;
}

/* encodeInto(string, dest, results): writes as much of string as fits into
 * dest without splitting characters; results[0] = UTF-16 units read,
 * results[1] = bytes written. */
static napi_value encoding_encode_into(napi_env env,
                                       napi_callback_info info) {
  napi_value argv[3];
  uint8_t stack[ND_STACK_SCRATCH];
  uint16_t ustack[ND_UNITS_STACK + 1];
  const uint16_t *units;
  nd_view_t dest, results;
  size_t len, n, read;
  uint32_t out[2];
  if (get_args(env, info, 3, argv)) return NULL;
  if (get_view(env, argv[1], &dest) || get_view(env, argv[2], &results))
    return NULL;
  if (results.len < 8) return NULL;
  if (nd_string_units(env, argv[0], ustack, &units, &len)) return NULL;
  if (units != NULL) {
    n = nd_codec_utf16_to_utf8(dest.data, dest.len, units, len, &read);
    nd_string_units_free(ustack, units);
    out[0] = (uint32_t)read;
    out[1] = (uint32_t)n;
    memcpy(results.data, out, sizeof(out));
    return NULL;
  }
  size_t cap = 3 * len < dest.len ? 3 * len : dest.len;
  uint8_t *buf = utf8_scratch(env, argv[0], cap, stack, &n);
  if (buf == NULL) return NULL;
  if (n) memcpy(dest.data, buf, n);
  out[0] = (uint32_t)(3 * len <= dest.len ? len : nd_codec_utf8_units(buf, n));
  out[1] = (uint32_t)n;
  memcpy(results.data, out, sizeof(out));
  if (buf != stack) free(buf);
  return NULL;
}

/* decodeUtf8(view, flags) -> string, or undefined when FLAG_FATAL is set
 * and the bytes are not valid UTF-8. */
static napi_value encoding_decode_utf8(napi_env env,
                                       napi_callback_info info) {
  napi_value argv[2];
  nd_view_t v;
  uint32_t flags;
  if (get_args(env, info, 2, argv) || get_view(env, argv[0], &v) ||
      get_uint(env, argv[1], &flags))
    return NULL;
  if ((flags & FLAG_STRIP_BOM) && v.len >= 3 && v.data[0] == 0xEF &&
      v.data[1] == 0xBB && v.data[2] == 0xBF) {
    v.data += 3;
    v.len -= 3;
  }
  if ((flags & FLAG_FATAL) && !nd_codec_is_utf8(v.data, v.len))
    return undefined(env);
  return nd_string_decode(env, ND_ENC_UTF8, v.data, v.len);
}

/* utf8IncompleteTail(view) -> trailing bytes (0-3) that start a UTF-8
 * character still missing bytes. */
static napi_value encoding_utf8_incomplete_tail(napi_env env,
                                                napi_callback_info info) {
  napi_value argv[1];
  nd_view_t v;
  if (get_args(env, info, 1, argv) || get_view(env, argv[0], &v)) return NULL;
  return make_uint(env, nd_codec_utf8_incomplete_tail(v.data, v.len));
}

static uint16_t load_unit(const uint8_t *p, int big_endian) {
  return big_endian ? (uint16_t)(p[0] << 8 | p[1])
                    : (uint16_t)(p[1] << 8 | p[0]);
}

/* decodeUtf16(view, flags) -> string. Unpaired surrogates and a trailing
 * odd byte become U+FFFD, or make it return undefined with FLAG_FATAL. */
static napi_value encoding_decode_utf16(napi_env env,
                                        napi_callback_info info) {
  napi_value argv[2], r = NULL;
  uint16_t stack[ND_STACK_SCRATCH / 2];
  nd_view_t v;
  uint32_t flags;
  if (get_args(env, info, 2, argv) || get_view(env, argv[0], &v) ||
      get_uint(env, argv[1], &flags))
    return NULL;
  int be = (flags & FLAG_BIG_ENDIAN) != 0;
  int fatal = (flags & FLAG_FATAL) != 0;
  size_t units = v.len / 2, odd = v.len & 1, start = 0;
  if ((flags & FLAG_STRIP_BOM) && units > 0 &&
      load_unit(v.data, be) == 0xFEFF)
    start = 1;
  if (units - start + odd > ND_STRING_MAX_LENGTH) {
    napi_throw_error(env, "ERR_STRING_TOO_LONG",
                     "Cannot create a string longer than 0x1fffffe8 "
                     "characters");
    return NULL;
  }
  size_t need = units - start + odd;
  uint16_t *out = need <= ND_STACK_SCRATCH / 2 ? stack
                                                : malloc(need * 2 + 2);
  if (out == NULL) {
    napi_throw_error(env, "ERR_MEMORY_ALLOCATION_FAILED",
                     "Failed to allocate memory");
    return NULL;
  }
  size_t o = 0;
  for (size_t i = start; i < units; i++) {
    uint16_t u = load_unit(v.data + 2 * i, be);
    if (u >= 0xD800 && u <= 0xDFFF) {
      uint16_t next = i + 1 < units ? load_unit(v.data + 2 * i + 2, be) : 0;
      if (u <= 0xDBFF && next >= 0xDC00 && next <= 0xDFFF) {
        out[o++] = u;
        out[o++] = next;
        i++;
        continue;
      }
      if (fatal) goto invalid;
      /* A lead surrogate and a lone byte pending at the end of the
       * stream are one error. */
      if (u <= 0xDBFF && i + 1 == units) odd = 0;
      u = 0xFFFD;
    }
    out[o++] = u;
  }
  if (odd) {
    if (fatal) goto invalid;
    out[o++] = 0xFFFD;
  }
  if (napi_create_string_utf16(env, (const char16_t *)out, o, &r) != napi_ok)
    r = NULL;
  if (out != stack) free(out);
  return r;
invalid:
  if (out != stack) free(out);
  return undefined(env);
}

/* decodeWindows1252(view) -> string (WHATWG windows-1252, which every
 * latin1/ascii label names). */
static napi_value encoding_decode_windows1252(napi_env env,
                                              napi_callback_info info) {
  napi_value argv[1], r = NULL;
  uint16_t stack[ND_STACK_SCRATCH / 2];
  nd_view_t v;
  size_t i;
  if (get_args(env, info, 1, argv) || get_view(env, argv[0], &v)) return NULL;
  for (i = 0; i < v.len; i++)
    if (v.data[i] >= 0x80 && v.data[i] < 0xA0) break;
  if (i == v.len) return nd_string_decode(env, ND_ENC_LATIN1, v.data, v.len);
  uint16_t *out = v.len <= ND_STACK_SCRATCH / 2 ? stack : malloc(v.len * 2);
  if (out == NULL) {
    napi_throw_error(env, "ERR_MEMORY_ALLOCATION_FAILED",
                     "Failed to allocate memory");
    return NULL;
  }
  for (i = 0; i < v.len; i++) {
    uint8_t b = v.data[i];
    out[i] = (b >= 0x80 && b < 0xA0) ? cp1252_high[b - 0x80] : b;
  }
  if (napi_create_string_utf16(env, (const char16_t *)out, v.len, &r) !=
      napi_ok)
    r = NULL;
  if (out != stack) free(out);
  return r;
}

/* Finds ICU's versioned symbol `name` (e.g. ucnv_open_72). */
static void *icu_symbol(const char *name, int version) {
  char full[64];
  if (version == 0) return dlsym(RTLD_DEFAULT, name);
  snprintf(full, sizeof(full), "%s_%d", name, version);
  return dlsym(RTLD_DEFAULT, full);
}

/* Fills *api from the ICU in the process. Returns 0, or -1 if absent. */
static int icu_load(icu_api_t *api) {
  static const int versions[] = { 72, 0, 74, 73, 71, 70, 69, 68, 67, 66,
                                  75, 76, 65, 63 };
  for (size_t k = 0; k < sizeof(versions) / sizeof(versions[0]); k++) {
    int ver = versions[k];
    *(void **)&api->open = icu_symbol("ucnv_open", ver);
    if (api->open == NULL) continue;
    *(void **)&api->close = icu_symbol("ucnv_close", ver);
    *(void **)&api->reset = icu_symbol("ucnv_reset", ver);
    *(void **)&api->to_unicode = icu_symbol("ucnv_toUnicode", ver);
    *(void **)&api->set_to_u_callback = icu_symbol("ucnv_setToUCallBack", ver);
    *(void **)&api->write_uchars = icu_symbol("ucnv_cbToUWriteUChars", ver);
    *(void **)&api->stop = icu_symbol("UCNV_TO_U_CALLBACK_STOP", ver);
    if (api->close && api->reset && api->to_unicode &&
        api->set_to_u_callback && api->write_uchars && api->stop)
      return 0;
  }
  return -1;
}

/* To-Unicode callback of non-fatal decoders: every undecodable sequence
 * becomes one U+FFFD (ICU's default writes U+001A for unassigned bytes of
 * some code pages). */
static void icu_to_u_replace(const void *context, void *args,
                             const char *units, int32_t length, int reason,
                             icu_error_t *err) {
  static const uint16_t replacement = 0xFFFD;
  const icu_decoder_t *d = context;
  (void)units;
  (void)length;
  if (reason > 2) return; /* reset, close, clone: nothing to write */
  *err = 0;
  d->api.write_uchars(args, &replacement, 1, 0, err);
}

static void icu_finalize(napi_env env, void *data, void *hint) {
  icu_decoder_t *d = data;
  (void)env;
  (void)hint;
  d->api.close(d->cnv);
  free(d);
}

/* icuOpen(name, fatal) -> an opaque handle, or undefined when ICU or the
 * converter is not available. */
static napi_value encoding_icu_open(napi_env env, napi_callback_info info) {
  napi_value argv[2], r;
  char name[64];
  size_t len;
  bool fatal = false;
  icu_error_t err = 0;
  if (get_args(env, info, 2, argv)) return NULL;
  if (napi_get_value_string_latin1(env, argv[0], name, sizeof(name), &len) !=
      napi_ok)
    return NULL;
  napi_get_value_bool(env, argv[1], &fatal);
  icu_decoder_t *d = calloc(1, sizeof(*d));
  if (d == NULL || icu_load(&d->api)) {
    free(d);
    return undefined(env);
  }
  d->cnv = d->api.open(name, &err);
  if (d->cnv == NULL || err > 0) {
    if (d->cnv) d->api.close(d->cnv);
    free(d);
    return undefined(env);
  }
  if (fatal)
    d->api.set_to_u_callback(d->cnv, d->api.stop, NULL, NULL, NULL, &err);
  else
    d->api.set_to_u_callback(d->cnv, icu_to_u_replace, d, NULL, NULL, &err);
  if (napi_create_external(env, d, icu_finalize, NULL, &r) != napi_ok) {
    d->api.close(d->cnv);
    free(d);
    return NULL;
  }
  return r;
}

/* icuDecode(handle, view, flags) -> string; undefined on invalid input
 * with a fatal converter (which is then reset). FLAG_FLUSH ends the
 * stream. */
static napi_value encoding_icu_decode(napi_env env, napi_callback_info info) {
  napi_value argv[3], r = NULL;
  uint16_t stack[ND_STACK_SCRATCH / 2];
  icu_decoder_t *d;
  nd_view_t v;
  uint32_t flags;
  if (get_args(env, info, 3, argv) ||
      napi_get_value_external(env, argv[0], (void **)&d) != napi_ok ||
      get_view(env, argv[1], &v) || get_uint(env, argv[2], &flags))
    return NULL;
  int8_t flush = (flags & FLAG_FLUSH) != 0;
  size_t cap = 2 * v.len + 32;
  uint16_t *out = cap <= ND_STACK_SCRATCH / 2 ? stack : malloc(cap * 2);
  if (out == NULL) goto oom;
  const char *src = (const char *)v.data, *src_end = src + v.len;
  size_t o = 0;
  for (;;) {
    icu_error_t err = 0;
    uint16_t *target = out + o;
    d->api.to_unicode(d->cnv, &target, out + cap, &src, src_end, NULL, flush,
                      &err);
    o = (size_t)(target - out);
    if (err == ICU_BUFFER_OVERFLOW) {
      size_t ncap = cap * 2;
      uint16_t *bigger = malloc(ncap * 2);
      if (bigger == NULL) goto oom;
      memcpy(bigger, out, o * 2);
      if (out != stack) free(out);
      out = bigger;
      cap = ncap;
      continue;
    }
    if (err > 0) {
      d->api.reset(d->cnv);
      if (out != stack) free(out);
      return undefined(env);
    }
    break;
  }
  if (flush) d->api.reset(d->cnv);
  if (napi_create_string_utf16(env, (const char16_t *)out, o, &r) != napi_ok)
    r = NULL;
  if (out != stack) free(out);
  return r;
oom:
  napi_throw_error(env, "ERR_MEMORY_ALLOCATION_FAILED",
                   "Failed to allocate memory");
  return NULL;
}

static const napi_property_descriptor encoding_methods[] = {
  ND_METHOD("encodeUtf8String", encoding_encode_utf8_string),
  ND_METHOD("encodeInto", encoding_encode_into),
  ND_METHOD("decodeUtf8", encoding_decode_utf8),
  ND_METHOD("utf8IncompleteTail", encoding_utf8_incomplete_tail),
  ND_METHOD("decodeUtf16", encoding_decode_utf16),
  ND_METHOD("decodeWindows1252", encoding_decode_windows1252),
  ND_METHOD("icuOpen", encoding_icu_open),
  ND_METHOD("icuDecode", encoding_icu_decode),
};

/* Installs the encoding binding's functions on `exports`. */
napi_value nd_binding_encoding_init(napi_env env, napi_value exports) {
  if (napi_define_properties(env, exports, ND_COUNT(encoding_methods),
                             encoding_methods) != napi_ok)
    return NULL;
  return exports;
}
