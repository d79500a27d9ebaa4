/* zlib_constants.c - zlib.constants (internalBinding('constants').zlib):
 * zlib's and brotli's numbers and Node's modes and limits. */
#include <math.h>

#include <brotli/decode.h>
#include <brotli/encode.h>
#include <zlib.h>

#include "napi_util.h"
#include "zlib_stream.h"

/* zlib.constants, in Node's order: zlib's, Node's own, then brotli's. */
/* clang-format off */
#define ZLIB_CONSTANTS(V)                                                      \
  V(Z_NO_FLUSH) V(Z_PARTIAL_FLUSH) V(Z_SYNC_FLUSH) V(Z_FULL_FLUSH)             \
  V(Z_FINISH) V(Z_BLOCK) V(Z_OK) V(Z_STREAM_END) V(Z_NEED_DICT) V(Z_ERRNO)     \
  V(Z_STREAM_ERROR) V(Z_DATA_ERROR) V(Z_MEM_ERROR) V(Z_BUF_ERROR)              \
  V(Z_VERSION_ERROR) V(Z_NO_COMPRESSION) V(Z_BEST_SPEED)                       \
  V(Z_BEST_COMPRESSION) V(Z_DEFAULT_COMPRESSION) V(Z_FILTERED)                 \
  V(Z_HUFFMAN_ONLY) V(Z_RLE) V(Z_FIXED) V(Z_DEFAULT_STRATEGY) V(ZLIB_VERNUM)

#define NODE_CONSTANTS(N)                                                      \
  N(DEFLATE, ND_Z_DEFLATE) N(INFLATE, ND_Z_INFLATE) N(GZIP, ND_Z_GZIP)         \
  N(GUNZIP, ND_Z_GUNZIP) N(DEFLATERAW, ND_Z_DEFLATERAW)                        \
  N(INFLATERAW, ND_Z_INFLATERAW) N(UNZIP, ND_Z_UNZIP)                          \
  N(BROTLI_DECODE, ND_Z_BROTLI_DECODE) N(BROTLI_ENCODE, ND_Z_BROTLI_ENCODE)    \
  N(Z_MIN_WINDOWBITS, 8) N(Z_MAX_WINDOWBITS, 15) N(Z_DEFAULT_WINDOWBITS, 15)   \
  N(Z_MIN_CHUNK, 64) N(Z_MAX_CHUNK, INFINITY) N(Z_DEFAULT_CHUNK, 16 * 1024)    \
  N(Z_MIN_MEMLEVEL, 1) N(Z_MAX_MEMLEVEL, 9) N(Z_DEFAULT_MEMLEVEL, 8)           \
  N(Z_MIN_LEVEL, -1) N(Z_MAX_LEVEL, 9) N(Z_DEFAULT_LEVEL, -1)

#define BROTLI_CONSTANTS(V)                                                    \
  V(BROTLI_OPERATION_PROCESS) V(BROTLI_OPERATION_FLUSH)                        \
  V(BROTLI_OPERATION_FINISH) V(BROTLI_OPERATION_EMIT_METADATA)                 \
  V(BROTLI_PARAM_MODE) V(BROTLI_MODE_GENERIC) V(BROTLI_MODE_TEXT)              \
  V(BROTLI_MODE_FONT) V(BROTLI_DEFAULT_MODE) V(BROTLI_PARAM_QUALITY)           \
  V(BROTLI_MIN_QUALITY) V(BROTLI_MAX_QUALITY) V(BROTLI_DEFAULT_QUALITY)        \
  V(BROTLI_PARAM_LGWIN) V(BROTLI_MIN_WINDOW_BITS) V(BROTLI_MAX_WINDOW_BITS)    \
  V(BROTLI_LARGE_MAX_WINDOW_BITS) V(BROTLI_DEFAULT_WINDOW)                     \
  V(BROTLI_PARAM_LGBLOCK) V(BROTLI_MIN_INPUT_BLOCK_BITS)                       \
  V(BROTLI_MAX_INPUT_BLOCK_BITS)                                               \
  V(BROTLI_PARAM_DISABLE_LITERAL_CONTEXT_MODELING)                             \
  V(BROTLI_PARAM_SIZE_HINT) V(BROTLI_PARAM_LARGE_WINDOW)                       \
  V(BROTLI_PARAM_NPOSTFIX) V(BROTLI_PARAM_NDIRECT)                             \
  V(BROTLI_DECODER_RESULT_ERROR) V(BROTLI_DECODER_RESULT_SUCCESS)              \
  V(BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT)                                    \
  V(BROTLI_DECODER_RESULT_NEEDS_MORE_OUTPUT)                                   \
  V(BROTLI_DECODER_PARAM_DISABLE_RING_BUFFER_REALLOCATION)                     \
  V(BROTLI_DECODER_PARAM_LARGE_WINDOW)

#define LIBRARY_ENTRY(name) {#name, name},
#define NODE_ENTRY(name, value) {#name, value},
#define BROTLI_ERROR_ENTRY(prefix, name, code)                                 \
  {"BROTLI_DECODER" #prefix #name, code},

static const struct {
  const char *name;
  double value;
} zlib_constants[] = {
  ZLIB_CONSTANTS(LIBRARY_ENTRY)
  NODE_CONSTANTS(NODE_ENTRY)
  BROTLI_CONSTANTS(LIBRARY_ENTRY)
  BROTLI_DECODER_ERROR_CODES_LIST(BROTLI_ERROR_ENTRY, )
};
/* clang-format on */

void nd_zlib_set_constants(napi_env env, napi_value target) {
  for (size_t i = 0; i < ND_COUNT(zlib_constants); i++) {
    napi_property_descriptor d = {
        zlib_constants[i].name, NULL, NULL, NULL, NULL, NULL,
        napi_enumerable,        NULL};
    napi_create_double(env, zlib_constants[i].value, &d.value);
    napi_define_properties(env, target, 1, &d);
  }
}
