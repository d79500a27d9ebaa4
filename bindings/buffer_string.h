/* buffer_string.h - JS strings to and from bytes in Node's encodings, over
 * Node-API; shared by the buffer, encoding and string_decoder bindings. */
#ifndef NODUS_BUFFER_STRING_H
#define NODUS_BUFFER_STRING_H

#include <node_api.h>
#include <stddef.h>
#include <stdint.h>

/* Encoding ids shared with lib/internal/buffer.js (kEnc* there). */
enum {
  ND_ENC_ASCII = 0,
  ND_ENC_LATIN1 = 1,
  ND_ENC_UCS2 = 2,
  ND_ENC_UTF8 = 3,
  ND_ENC_BASE64 = 4,
  ND_ENC_BASE64URL = 5,
  ND_ENC_HEX = 6
};

/* Node 18's v8::String::kMaxLength on 64-bit hosts. */
#define ND_STRING_MAX_LENGTH 536870888u

/* Scratch kept on the stack before falling back to malloc. */
#define ND_STACK_SCRATCH 8192

/* The bytes of an ArrayBufferView. */
typedef struct {
  uint8_t *data;
  size_t len;
} nd_view_t;

/* Bytes per element of a typed array type. */
size_t nd_typedarray_element_size(napi_typedarray_type type);

/* Makes a JS string from n bytes in encoding enc. Returns NULL with a
 * pending exception (ERR_STRING_TOO_LONG when the result would exceed the
 * engine's limit). */
napi_value nd_string_decode(napi_env env, int enc, const uint8_t *data,
                            size_t n);

/* Writes the JS string str in encoding enc into dst, at most cap bytes,
 * never splitting a character. `slack` bytes after dst[cap] belong to the
 * same buffer (they are preserved); with tail_free, dst holds cap + 2 bytes
 * and everything after the written data may be clobbered. Stores the byte
 * count in *written and returns 0, or -1 with a pending exception. */
int nd_string_write(napi_env env, int enc, napi_value str, uint8_t *dst,
                    size_t cap, size_t slack, int tail_free, size_t *written);

/* Code units copied to the stack for strings up to this length, to the
 * heap up to the second. */
#define ND_UNITS_STACK 4096
#define ND_UNITS_HEAP_MAX (1u << 22)

/* Copies the UTF-16 code units of str into stack (ND_UNITS_STACK + 1
 * units), or a malloc'ed block for longer strings, and points *units at
 * them (left NULL past ND_UNITS_HEAP_MAX or when memory is short); *len
 * gets its length. Release with
 * nd_string_units_free(). Returns 0, or -1 with a pending exception. */
int nd_string_units(napi_env env, napi_value str, uint16_t *stack,
                    const uint16_t **units, size_t *len);

/* Frees what nd_string_units() allocated. */
void nd_string_units_free(uint16_t *stack, const uint16_t *units);

/* Stores the UTF-8 length of str (unpaired surrogates as U+FFFD) in
 * *result. Returns 0, or -1 with a pending exception. */
int nd_string_utf8_length(napi_env env, napi_value str, size_t *result);

/* Encodes all of str in enc into *out: `stack` when it fits, else a
 * malloc'ed block the caller frees when *out != stack. Returns 0 or -1 with
 * a pending exception. */
int nd_string_to_bytes(napi_env env, int enc, napi_value str, uint8_t *stack,
                       size_t stack_size, uint8_t **out, size_t *n);

#endif /* NODUS_BUFFER_STRING_H */
