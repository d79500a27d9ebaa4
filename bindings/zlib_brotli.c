/* zlib_brotli.c - the BrotliEncoder and BrotliDecoder handle classes of
 * internalBinding('zlib'), over the system brotli. */
#include <stdio.h>
#include <stdlib.h>

#include <brotli/decode.h>
#include <brotli/encode.h>
#include <zlib.h>

#include "napi_util.h"
#include "zlib_stream.h"

/* Parameters init() may set: BROTLI_PARAM_MODE (0) .. BROTLI_PARAM_NDIRECT
 * (8) for the encoder; the decoder has fewer and refuses the others. */
#define PARAM_COUNT 9
#define PARAM_UNSET 0xffffffffu

typedef struct {
  nd_zstream_t base;
  BrotliEncoderState *encoder;
  BrotliDecoderState *decoder;
  uint32_t params[PARAM_COUNT];
} brotli_ctx_t;

static void *brotli_alloc(void *opaque, size_t size) {
  return nd_zstream_alloc(opaque, size);
}

static void brotli_free(void *opaque, void *block) {
  nd_zstream_free(opaque, block);
}

static bool is_encoder(const brotli_ctx_t *b) {
  return b->base.mode == ND_Z_BROTLI_ENCODE;
}

/* Makes the library state and applies the parameters. Returns false when
 * brotli refused either. */
static bool create_state(brotli_ctx_t *b) {
  bool ok = true;
  if (is_encoder(b)) {
    b->encoder = BrotliEncoderCreateInstance(brotli_alloc, brotli_free, b);
    if (b->encoder == NULL)
      return false;
    for (int i = 0; i < PARAM_COUNT; i++)
      if (b->params[i] != PARAM_UNSET)
        ok = ok && BrotliEncoderSetParameter(
                       b->encoder, (BrotliEncoderParameter)i, b->params[i]);
  } else {
    b->decoder = BrotliDecoderCreateInstance(brotli_alloc, brotli_free, b);
    if (b->decoder == NULL)
      return false;
    for (int i = 0; i < PARAM_COUNT; i++)
      if (b->params[i] != PARAM_UNSET)
        ok = ok && BrotliDecoderSetParameter(
                       b->decoder, (BrotliDecoderParameter)i, b->params[i]);
  }
  return ok;
}

static void brotli_release(nd_zstream_t *s) {
  brotli_ctx_t *b = (brotli_ctx_t *)s;
  if (b->encoder != NULL)
    BrotliEncoderDestroyInstance(b->encoder);
  if (b->decoder != NULL)
    BrotliDecoderDestroyInstance(b->decoder);
  b->encoder = NULL;
  b->decoder = NULL;
}

static void encode_step(brotli_ctx_t *b, size_t *avail_in,
                        const uint8_t **next_in, size_t *avail_out,
                        uint8_t **next_out) {
  if (!BrotliEncoderCompressStream(
          b->encoder, (BrotliEncoderOperation)b->base.flush, avail_in, next_in,
          avail_out, next_out, NULL))
    nd_zstream_fail(&b->base, "Compression failed",
                    "ERR_BROTLI_COMPRESSION_FAILED", -1);
}

static void decode_step(brotli_ctx_t *b, size_t *avail_in,
                        const uint8_t **next_in, size_t *avail_out,
                        uint8_t **next_out) {
  nd_zstream_t *s = &b->base;
  BrotliDecoderResult r = BrotliDecoderDecompressStream(
      b->decoder, avail_in, next_in, avail_out, next_out, NULL);
  if (r == BROTLI_DECODER_RESULT_ERROR) {
    BrotliDecoderErrorCode code = BrotliDecoderGetErrorCode(b->decoder);
    snprintf(s->error.code_buf, sizeof(s->error.code_buf), "ERR_%s",
             BrotliDecoderErrorString(code));
    nd_zstream_fail(s, "Decompression failed", s->error.code_buf, code);
  } else if (r == BROTLI_DECODER_RESULT_NEEDS_MORE_INPUT &&
             s->flush == BROTLI_OPERATION_FINISH) {
    /* The input ended inside the compressed stream. */
    nd_zstream_fail(s, "unexpected end of file", "Z_BUF_ERROR", Z_BUF_ERROR);
  }
}

static void brotli_process(nd_zstream_t *s) {
  brotli_ctx_t *b = (brotli_ctx_t *)s;
  size_t avail_in = s->avail_in, avail_out = s->avail_out;
  if (b->encoder == NULL && b->decoder == NULL) {
    nd_zstream_fail(s, "Initialization failed",
                    "ERR_ZLIB_INITIALIZATION_FAILED", -1);
    return;
  }
  if (is_encoder(b))
    encode_step(b, &avail_in, &s->next_in, &avail_out, &s->next_out);
  else
    decode_step(b, &avail_in, &s->next_in, &avail_out, &s->next_out);
  s->avail_in = (uint32_t)avail_in;
  s->avail_out = (uint32_t)avail_out;
}

static bool brotli_reset(nd_zstream_t *s) {
  brotli_ctx_t *b = (brotli_ctx_t *)s;
  brotli_release(s);
  if (create_state(b))
    return true;
  nd_zstream_fail(s, "Initialization failed", "ERR_ZLIB_INITIALIZATION_FAILED",
                  -1);
  return false;
}

static const nd_zengine_t brotli_engine = {brotli_process, brotli_reset,
                                           brotli_release};

/* new BrotliEncoder(mode) / new BrotliDecoder(mode). */
static napi_value brotli_new(napi_env env, napi_callback_info info, int mode) {
  napi_value self;
  napi_get_cb_info(env, info, NULL, NULL, &self, NULL);
  brotli_ctx_t *b = calloc(1, sizeof(*b));
  b->base.engine = &brotli_engine;
  b->base.mode = mode;
  for (int i = 0; i < PARAM_COUNT; i++)
    b->params[i] = PARAM_UNSET;
  if (nd_zstream_wrap(env, self, &b->base) != napi_ok) {
    free(b);
    return NULL;
  }
  return self;
}

static napi_value encoder_new(napi_env env, napi_callback_info info) {
  return brotli_new(env, info, ND_Z_BROTLI_ENCODE);
}

static napi_value decoder_new(napi_env env, napi_callback_info info) {
  return brotli_new(env, info, ND_Z_BROTLI_DECODE);
}

/* Copies init()'s parameter array. Returns false when it sets one that
 * does not exist. */
static bool take_params(napi_env env, brotli_ctx_t *b, napi_value v) {
  napi_typedarray_type type;
  size_t length;
  void *data;
  bool is_array = false;
  napi_is_typedarray(env, v, &is_array);
  if (!is_array ||
      napi_get_typedarray_info(env, v, &type, &length, &data, NULL, NULL) !=
          napi_ok ||
      type != napi_uint32_array)
    return true; /* no parameters */
  const uint32_t *values = data;
  for (size_t i = 0; i < length; i++) {
    if (i < PARAM_COUNT)
      b->params[i] = values[i];
    else if (values[i] != PARAM_UNSET)
      return false;
  }
  return true;
}

/* init(params, writeState, onWrite) -> whether brotli accepted it all. */
static napi_value brotli_init(napi_env env, napi_callback_info info) {
  napi_value argv[3], result;
  nd_zstream_t *s = nd_zstream_unwrap(env, info, 3, argv);
  if (s == NULL)
    return NULL;
  brotli_ctx_t *b = (brotli_ctx_t *)s;
  if (!nd_zstream_bind(s, argv[1], argv[2]))
    return NULL;
  brotli_release(s);
  bool ok = take_params(env, b, argv[0]) && create_state(b);
  nd_zstream_sync_memory(s);
  napi_get_boolean(env, ok, &result);
  return result;
}

/* params(): brotli takes its parameters at init, so this does nothing
 * (as Node's). */
static napi_value brotli_params(napi_env env, napi_callback_info info) {
  return NULL;
}

static const napi_property_descriptor brotli_methods[] = {
    ND_METHOD("init", brotli_init),
    ND_METHOD("params", brotli_params),
    ND_ZSTREAM_METHODS,
};

/* Defines the class `name` with the brotli methods. */
static napi_value define(napi_env env, const char *name, napi_callback ctor) {
  napi_value cls;
  if (napi_define_class(env, name, NAPI_AUTO_LENGTH, ctor, NULL,
                        ND_COUNT(brotli_methods), brotli_methods,
                        &cls) != napi_ok)
    return NULL;
  return cls;
}

napi_value nd_brotli_define_encoder(napi_env env) {
  return define(env, "BrotliEncoder", encoder_new);
}

napi_value nd_brotli_define_decoder(napi_env env) {
  return define(env, "BrotliDecoder", decoder_new);
}
