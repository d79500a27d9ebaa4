/* buffer_string.c - JS strings to and from bytes in Node's encodings
 * (utf8, ucs2, latin1, ascii, base64, base64url, hex) over Node-API. */
#include "buffer_string.h"

#include <stdlib.h>
#include <string.h>

#include "buffer_codec.h"

size_t nd_typedarray_element_size(napi_typedarray_type type) {
  switch (type) {
    case napi_int16_array:
    case napi_uint16_array:
      return 2;
    case napi_int32_array:
    case napi_uint32_array:
    case napi_float32_array:
      return 4;
    case napi_float64_array:
    case napi_bigint64_array:
    case napi_biguint64_array:
      return 8;
    default:
      return 1;
  }
}

static void *scratch_alloc(napi_env env, uint8_t *stack, size_t need) {
  if (need <= ND_STACK_SCRATCH) return stack;
  void *p = malloc(need);
  if (p == NULL) napi_throw_error(env, "ERR_MEMORY_ALLOCATION_FAILED",
                                  "Failed to allocate memory");
  return p;
}

static void scratch_free(uint8_t *stack, void *p) {
  if (p != stack) free(p);
}

static napi_value too_long(napi_env env) {
  napi_throw_error(env, "ERR_STRING_TOO_LONG",
                   "Cannot create a string longer than 0x1fffffe8 "
                   "characters");
  return NULL;
}

static napi_value latin1_string(napi_env env, const uint8_t *p, size_t n) {
  napi_value r;
  if (napi_create_string_latin1(env, n ? (const char *)p : "", n, &r) !=
      napi_ok)
    return NULL;
  return r;
}

/* A string from non-ASCII UTF-8: decoded here in one pass (V8's decoder
 * makes two), as Latin-1 when every character fits. */
static napi_value utf8_string(napi_env env, const uint8_t *data, size_t n) {
  uint16_t stack[ND_STACK_SCRATCH / 2];
  napi_value r = NULL;
  uint16_t all;
  uint16_t *units = n <= ND_STACK_SCRATCH / 2 ? stack : malloc(2 * n);
  if (units == NULL) {
    napi_throw_error(env, "ERR_MEMORY_ALLOCATION_FAILED",
                     "Failed to allocate memory");
    return NULL;
  }
  size_t len = nd_codec_utf8_to_utf16(units, data, n, &all);
  napi_status s;
  if (all < 0x100) {
    uint8_t *bytes = (uint8_t *)units; /* narrow in place */
    for (size_t i = 0; i < len; i++) bytes[i] = (uint8_t)units[i];
    s = napi_create_string_latin1(env, (const char *)bytes, len, &r);
  } else {
    s = napi_create_string_utf16(env, (const char16_t *)units, len, &r);
  }
  if (units != stack) free(units);
  return s == napi_ok ? r : NULL;
}

napi_value nd_string_decode(napi_env env, int enc, const uint8_t *data,
                            size_t n) {
  uint8_t stack[ND_STACK_SCRATCH];
  napi_value r = NULL;
  uint8_t *tmp;
  size_t out;
  switch (enc) {
    case ND_ENC_LATIN1:
      if (n > ND_STRING_MAX_LENGTH) return too_long(env);
      return latin1_string(env, data, n);
    case ND_ENC_ASCII:
    case ND_ENC_UTF8:
      if (n > ND_STRING_MAX_LENGTH) return too_long(env);
      if (nd_codec_is_ascii(data, n)) return latin1_string(env, data, n);
      if (enc == ND_ENC_UTF8) return utf8_string(env, data, n);
      if ((tmp = scratch_alloc(env, stack, n)) == NULL) return NULL;
      nd_codec_ascii_strip(tmp, data, n);
      r = latin1_string(env, tmp, n);
      scratch_free(stack, tmp);
      return r;
    case ND_ENC_UCS2:
      n /= 2;
      if (n > ND_STRING_MAX_LENGTH) return too_long(env);
      if (n == 0) return latin1_string(env, data, 0);
      if (((uintptr_t)data & 1) == 0) {
        if (napi_create_string_utf16(env, (const char16_t *)(void *)data, n,
                                     &r) != napi_ok)
          return NULL;
        return r;
      }
      if ((tmp = scratch_alloc(env, stack, 2 * n)) == NULL) return NULL;
      memcpy(tmp, data, 2 * n);
      if (napi_create_string_utf16(env, (const char16_t *)(void *)tmp, n,
                                   &r) != napi_ok)
        r = NULL;
      scratch_free(stack, tmp);
      return r;
    case ND_ENC_BASE64:
    case ND_ENC_BASE64URL:
    case ND_ENC_HEX:
      if (enc == ND_ENC_HEX)
        out = n > ND_STRING_MAX_LENGTH / 2 ? ND_STRING_MAX_LENGTH + 1 : 2 * n;
      else
        out = n > ND_STRING_MAX_LENGTH
                ? ND_STRING_MAX_LENGTH + 1
                : nd_codec_base64_encoded_len(n, enc == ND_ENC_BASE64URL);
      if (out > ND_STRING_MAX_LENGTH) return too_long(env);
      if ((tmp = scratch_alloc(env, stack, out)) == NULL) return NULL;
      if (enc == ND_ENC_HEX)
        nd_codec_hex_encode(tmp, data, n);
      else
        nd_codec_base64_encode(tmp, data, n, enc == ND_ENC_BASE64URL);
      r = latin1_string(env, tmp, out);
      scratch_free(stack, tmp);
      return r;
    default:
      napi_throw_type_error(env, "ERR_UNKNOWN_ENCODING", "Unknown encoding");
      return NULL;
  }
}

/* The length of str in UTF-16 code units. */
static int string_length(napi_env env, napi_value str, size_t *len) {
  return napi_get_value_string_latin1(env, str, NULL, 0, len) == napi_ok
           ? 0
           : -1;
}

/* Writes latin1/ucs2/utf8 through a temporary block and copies the first
 * `want` (or all written) bytes into dst. */
static int write_via_scratch(napi_env env, int enc, napi_value str,
                             uint8_t *dst, size_t cap, size_t *written) {
  uint8_t stack[ND_STACK_SCRATCH];
  uint8_t *tmp = scratch_alloc(env, stack, cap + 2);
  size_t got = 0;
  napi_status s;
  if (tmp == NULL) return -1;
  if (enc == ND_ENC_UCS2)
    s = napi_get_value_string_utf16(env, str, (char16_t *)(void *)tmp,
                                    cap / 2 + 1, &got),
    got *= 2;
  else if (enc == ND_ENC_UTF8)
    s = napi_get_value_string_utf8(env, str, (char *)tmp, cap + 1, &got);
  else
    s = napi_get_value_string_latin1(env, str, (char *)tmp, cap + 1, &got);
  if (s == napi_ok) memcpy(dst, tmp, got);
  scratch_free(stack, tmp);
  *written = got;
  return s == napi_ok ? 0 : -1;
}

static int write_latin1(napi_env env, napi_value str, uint8_t *dst,
                        size_t cap, size_t slack, int tail_free,
                        size_t *written) {
  size_t len, got;
  if (string_length(env, str, &len)) return -1;
  size_t count = len < cap ? len : cap;
  *written = 0;
  if (count == 0) return 0;
  if (!tail_free && count >= cap + slack)
    return write_via_scratch(env, ND_ENC_LATIN1, str, dst, count, written);
  uint8_t keep = tail_free ? 0 : dst[count];
  napi_status s = napi_get_value_string_latin1(env, str, (char *)dst,
                                               count + 1, &got);
  if (!tail_free) dst[count] = keep;
  *written = got;
  return s == napi_ok ? 0 : -1;
}

static int write_ucs2(napi_env env, napi_value str, uint8_t *dst, size_t cap,
                      size_t slack, int tail_free, size_t *written) {
  size_t len, got;
  if (string_length(env, str, &len)) return -1;
  size_t count = len < cap / 2 ? len : cap / 2;
  size_t room = tail_free ? cap + 2 : cap + slack;
  *written = 0;
  if (count == 0) return 0;
  if (((uintptr_t)dst & 1) || 2 * count + 2 > room)
    return write_via_scratch(env, ND_ENC_UCS2, str, dst, 2 * count, written);
  uint8_t keep[2] = { dst[2 * count], dst[2 * count + 1] };
  napi_status s = napi_get_value_string_utf16(
    env, str, (char16_t *)(void *)dst, count + 1, &got);
  if (!tail_free) memcpy(dst + 2 * count, keep, 2);
  *written = 2 * got;
  return s == napi_ok ? 0 : -1;
}

int nd_string_units(napi_env env, napi_value str, uint16_t *stack,
                    const uint16_t **units, size_t *len) {
  size_t got;
  uint16_t *buf = stack;
  *units = NULL;
  if (string_length(env, str, len)) return -1;
  if (*len > ND_UNITS_STACK) {
    /* Huge strings are left to V8 rather than copied (callers fall back
     * to its encoder), as are strings when memory is short. */
    buf = *len <= ND_UNITS_HEAP_MAX ? malloc((*len + 1) * 2) : NULL;
    if (buf == NULL) return 0;
  }
  if (napi_get_value_string_utf16(env, str, (char16_t *)buf, *len + 1,
                                  &got) != napi_ok) {
    if (buf != stack) free(buf);
    return -1;
  }
  *units = buf;
  return 0;
}

void nd_string_units_free(uint16_t *stack, const uint16_t *units) {
  if (units != stack) free((void *)units);
}

int nd_string_utf8_length(napi_env env, napi_value str, size_t *result) {
  uint16_t stack[ND_UNITS_STACK + 1];
  const uint16_t *units;
  size_t len;
  if (nd_string_units(env, str, stack, &units, &len)) return -1;
  if (units != NULL) {
    *result = nd_codec_utf16_utf8_length(units, len);
    nd_string_units_free(stack, units);
    return 0;
  }
  return napi_get_value_string_utf8(env, str, NULL, 0, result) == napi_ok
           ? 0
           : -1;
}

static int write_utf8(napi_env env, napi_value str, uint8_t *dst, size_t cap,
                      size_t slack, int tail_free, size_t *written) {
  uint16_t stack[ND_UNITS_STACK + 1];
  const uint16_t *units;
  size_t len, exact, got = 0, read;
  napi_status s;
  *written = 0;
  /* Short strings: encode their UTF-16 here, straight into dst. */
  if (nd_string_units(env, str, stack, &units, &len)) return -1;
  if (units != NULL) {
    *written = nd_codec_utf16_to_utf8(dst, cap, units, len, &read);
    nd_string_units_free(stack, units);
    return 0;
  }
  if (tail_free) {
    s = napi_get_value_string_utf8(env, str, (char *)dst, cap + 1, &got);
    *written = got;
    return s == napi_ok ? 0 : -1;
  }
  if (napi_get_value_string_utf8(env, str, NULL, 0, &exact) != napi_ok)
    return -1;
  if (exact > cap || exact >= cap + slack)
    return write_via_scratch(env, ND_ENC_UTF8, str, dst,
                             exact < cap ? exact : cap, written);
  uint8_t keep = dst[exact];
  s = napi_get_value_string_utf8(env, str, (char *)dst, exact + 1, &got);
  dst[exact] = keep;
  *written = got;
  return s == napi_ok ? 0 : -1;
}

/* base64, base64url, hex: decode a one-byte copy of the string. Characters
 * above U+00FF count as their low byte, as in Node. */
static int write_decoded(napi_env env, int enc, napi_value str, uint8_t *dst,
                         size_t cap, size_t *written) {
  uint8_t stack[ND_STACK_SCRATCH];
  size_t len, got;
  *written = 0;
  if (string_length(env, str, &len)) return -1;
  if (len == 0) return 0;
  uint8_t *src = scratch_alloc(env, stack, len + 1);
  if (src == NULL) return -1;
  if (napi_get_value_string_latin1(env, str, (char *)src, len + 1, &got) !=
      napi_ok) {
    scratch_free(stack, src);
    return -1;
  }
  if (enc == ND_ENC_HEX)
    *written = nd_codec_hex_decode(dst, cap, src, got);
  else
    *written = nd_codec_base64_decode(dst, cap, src, got);
  scratch_free(stack, src);
  return 0;
}

int nd_string_write(napi_env env, int enc, napi_value str, uint8_t *dst,
                    size_t cap, size_t slack, int tail_free,
                    size_t *written) {
  switch (enc) {
    case ND_ENC_UTF8:
      return write_utf8(env, str, dst, cap, slack, tail_free, written);
    case ND_ENC_LATIN1:
    case ND_ENC_ASCII:
      return write_latin1(env, str, dst, cap, slack, tail_free, written);
    case ND_ENC_UCS2:
      return write_ucs2(env, str, dst, cap, slack, tail_free, written);
    case ND_ENC_BASE64:
    case ND_ENC_BASE64URL:
    case ND_ENC_HEX:
      return write_decoded(env, enc, str, dst, cap, written);
    default:
      napi_throw_type_error(env, "ERR_UNKNOWN_ENCODING", "Unknown encoding");
      return -1;
  }
}

int nd_string_to_bytes(napi_env env, int enc, napi_value str, uint8_t *stack,
                       size_t stack_size, uint8_t **out, size_t *n) {
  size_t len, bound;
  if (string_length(env, str, &len)) return -1;
  switch (enc) {
    case ND_ENC_UTF8:
      bound = 3 * len;
      break;
    case ND_ENC_UCS2:
      bound = 2 * len;
      break;
    case ND_ENC_HEX:
      bound = len / 2;
      break;
    default:
      bound = len;
      break;
  }
  uint8_t *buf = stack;
  if (bound + 2 > stack_size && (buf = malloc(bound + 2)) == NULL) {
    napi_throw_error(env, "ERR_MEMORY_ALLOCATION_FAILED",
                     "Failed to allocate memory");
    return -1;
  }
  if (nd_string_write(env, enc, str, buf, bound, 0, 1, n)) {
    if (buf != stack) free(buf);
    return -1;
  }
  *out = buf;
  return 0;
}
