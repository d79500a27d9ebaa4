/* zlib_deflate.c - the Zlib handle class of internalBinding('zlib'): the
 * seven zlib modes (deflate, inflate, gzip, gunzip, raw, unzip) over the
 * system zlib. */
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "napi_util.h"
#include "zlib_stream.h"

/* The two bytes every gzip member starts with. */
#define GZIP_MAGIC_1 0x1f
#define GZIP_MAGIC_2 0x8b

typedef struct {
  nd_zstream_t base;
  z_stream strm;
  int mode; /* the working mode: UNZIP becomes GUNZIP or INFLATE */
  int level, window_bits, mem_level, strategy;
  uint8_t *dictionary;
  size_t dictionary_len;
  int err;        /* what the last zlib call returned */
  int magic_seen; /* UNZIP: bytes of the gzip magic seen so far */
  bool started;   /* deflateInit2/inflateInit2 done (on first use) */
} zlib_ctx_t;

static void *zlib_alloc(void *opaque, uInt items, uInt size) {
  if (size != 0 && items > SIZE_MAX / size)
    return Z_NULL;
  return nd_zstream_alloc(opaque, (size_t)items * size);
}

static void zlib_free(void *opaque, void *block) {
  nd_zstream_free(opaque, block);
}

static bool is_compressor(int mode) {
  return mode == ND_Z_DEFLATE || mode == ND_Z_GZIP || mode == ND_Z_DEFLATERAW;
}

/* Node's code for a zlib return value. */
static const char *code_name(int err) {
  switch (err) {
    case Z_OK:
      return "Z_OK";
    case Z_STREAM_END:
      return "Z_STREAM_END";
    case Z_NEED_DICT:
      return "Z_NEED_DICT";
    case Z_ERRNO:
      return "Z_ERRNO";
    case Z_STREAM_ERROR:
      return "Z_STREAM_ERROR";
    case Z_DATA_ERROR:
      return "Z_DATA_ERROR";
    case Z_MEM_ERROR:
      return "Z_MEM_ERROR";
    case Z_BUF_ERROR:
      return "Z_BUF_ERROR";
    case Z_VERSION_ERROR:
      return "Z_VERSION_ERROR";
    default:
      return "Z_UNKNOWN_ERROR";
  }
}

/* Records z->err as the step's error: zlib's own message when it gave one,
 * else `fallback`. */
static void fail(zlib_ctx_t *z, const char *fallback) {
  const char *msg = z->strm.msg != NULL ? z->strm.msg : fallback;
  nd_zstream_fail(&z->base, msg, code_name(z->err), z->err);
}

/* Primes the stream with the dictionary where the format wants it up
 * front (zlib and raw deflate, raw inflate; the others ask for it). */
static int apply_dictionary(zlib_ctx_t *z) {
  if (z->dictionary == NULL)
    return Z_OK;
  switch (z->base.mode) {
    case ND_Z_DEFLATE:
    case ND_Z_DEFLATERAW:
      return deflateSetDictionary(&z->strm, z->dictionary,
                                  (uInt)z->dictionary_len);
    case ND_Z_INFLATERAW:
      return inflateSetDictionary(&z->strm, z->dictionary,
                                  (uInt)z->dictionary_len);
    default:
      return Z_OK;
  }
}

/* Sets up the zlib stream on first use. Returns false with the error
 * recorded. */
static bool start(zlib_ctx_t *z) {
  if (z->started)
    return true;
  z->strm.zalloc = zlib_alloc;
  z->strm.zfree = zlib_free;
  z->strm.opaque = z;
  if (is_compressor(z->base.mode))
    z->err = deflateInit2(&z->strm, z->level, Z_DEFLATED, z->window_bits,
                          z->mem_level, z->strategy);
  else
    z->err = inflateInit2(&z->strm, z->window_bits);
  if (z->err != Z_OK) {
    fail(z, "Init error");
    memset(&z->strm, 0, sizeof(z->strm));
    return false;
  }
  z->started = true;
  z->err = apply_dictionary(z);
  if (z->err != Z_OK) {
    fail(z, "Failed to set dictionary");
    return false;
  }
  return true;
}

/* UNZIP: picks GUNZIP when the input starts with the gzip magic, else
 * INFLATE; the magic may arrive one byte per write. */
static void detect_format(zlib_ctx_t *z) {
  static const uint8_t magic[2] = {GZIP_MAGIC_1, GZIP_MAGIC_2};
  const uint8_t *p = z->strm.next_in;
  for (uInt i = 0; i < z->strm.avail_in && z->mode == ND_Z_UNZIP; i++) {
    if (p[i] != magic[z->magic_seen]) {
      z->mode = ND_Z_INFLATE;
    } else if (++z->magic_seen == 2) {
      z->mode = ND_Z_GUNZIP;
    }
  }
}

/* inflate(), supplying the dictionary when the stream asks for it, and
 * going on with the next member of a multi-member gzip. */
static void run_inflate(zlib_ctx_t *z) {
  z_stream *strm = &z->strm;
  z->err = inflate(strm, z->base.flush);
  if (z->err == Z_NEED_DICT && z->dictionary != NULL &&
      z->mode != ND_Z_INFLATERAW) {
    int r = inflateSetDictionary(strm, z->dictionary, (uInt)z->dictionary_len);
    /* A wrong dictionary stays Z_NEED_DICT: "Bad dictionary". */
    z->err = r == Z_OK           ? inflate(strm, z->base.flush)
             : r == Z_DATA_ERROR ? Z_NEED_DICT
                                 : r;
  }
  /* Whatever follows a gzip member is another member, unless it starts
   * with a zero byte (padding, ignored); garbage fails as a bad header. */
  while (z->mode == ND_Z_GUNZIP && z->err == Z_STREAM_END &&
         strm->avail_in > 0 && strm->next_in[0] != 0) {
    inflateReset(strm);
    z->err = inflate(strm, z->base.flush);
  }
}

/* Turns the return of the last call into the step's error, if any. */
static void check_result(zlib_ctx_t *z) {
  switch (z->err) {
    case Z_OK:
    case Z_BUF_ERROR:
      if (z->strm.avail_out != 0 && z->base.flush == Z_FINISH)
        fail(z, "unexpected end of file");
      break;
    case Z_STREAM_END:
      break;
    case Z_NEED_DICT:
      fail(z, z->dictionary == NULL ? "Missing dictionary" : "Bad dictionary");
      break;
    default:
      fail(z, "Zlib error");
      break;
  }
}

static void zlib_process(nd_zstream_t *s) {
  zlib_ctx_t *z = (zlib_ctx_t *)s;
  if (!start(z))
    return;
  z->strm.next_in = (Bytef *)s->next_in;
  z->strm.avail_in = s->avail_in;
  z->strm.next_out = s->next_out;
  z->strm.avail_out = s->avail_out;
  z->strm.msg = NULL;
  if (is_compressor(z->mode)) {
    z->err = deflate(&z->strm, s->flush);
  } else {
    if (z->mode == ND_Z_UNZIP)
      detect_format(z);
    run_inflate(z);
  }
  s->next_in = z->strm.next_in;
  s->avail_in = z->strm.avail_in;
  s->next_out = z->strm.next_out;
  s->avail_out = z->strm.avail_out;
  check_result(z);
}

static bool zlib_reset(nd_zstream_t *s) {
  zlib_ctx_t *z = (zlib_ctx_t *)s;
  z->mode = s->mode;
  z->magic_seen = 0;
  if (!z->started)
    return true;
  z->strm.msg = NULL;
  z->err =
      is_compressor(s->mode) ? deflateReset(&z->strm) : inflateReset(&z->strm);
  if (z->err == Z_OK)
    z->err = apply_dictionary(z);
  if (z->err != Z_OK) {
    fail(z, "Failed to reset stream");
    return false;
  }
  return true;
}

static void zlib_release(nd_zstream_t *s) {
  zlib_ctx_t *z = (zlib_ctx_t *)s;
  if (z->started) {
    if (is_compressor(s->mode))
      deflateEnd(&z->strm);
    else
      inflateEnd(&z->strm);
    z->started = false;
  }
  free(z->dictionary);
  z->dictionary = NULL;
}

static const nd_zengine_t zlib_engine = {zlib_process, zlib_reset,
                                         zlib_release};

/* new Zlib(mode): an idle handle of one of the seven zlib modes. */
static napi_value zlib_new(napi_env env, napi_callback_info info) {
  napi_value argv[1], self;
  size_t argc = 1;
  napi_get_cb_info(env, info, &argc, argv, &self, NULL);
  int32_t mode = 0;
  if (argc < 1 || napi_get_value_int32(env, argv[0], &mode) != napi_ok ||
      mode < ND_Z_DEFLATE || mode > ND_Z_UNZIP) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_VALUE", "Bad zlib mode");
    return NULL;
  }
  zlib_ctx_t *z = calloc(1, sizeof(*z));
  z->base.engine = &zlib_engine;
  z->base.mode = z->mode = mode;
  if (nd_zstream_wrap(env, self, &z->base) != napi_ok) {
    free(z);
    return NULL;
  }
  return self;
}

/* zlib's windowBits for Node's: gzip adds 16, unzip 32 (detect), raw is
 * negative; raw deflate cannot do 8, which means 9 there. */
static int zlib_window_bits(int mode, int bits) {
  switch (mode) {
    case ND_Z_GZIP:
    case ND_Z_GUNZIP:
      return bits + 16;
    case ND_Z_UNZIP:
      return bits + 32;
    case ND_Z_DEFLATERAW:
    case ND_Z_INFLATERAW:
      return bits == 8 ? -9 : -bits;
    default:
      return bits;
  }
}

/* Copies the bytes of an ArrayBufferView dictionary (undefined: none).
 * Returns false after throwing. */
static bool take_dictionary(napi_env env, zlib_ctx_t *z, napi_value v) {
  napi_valuetype t;
  void *data;
  size_t len;
  napi_typeof(env, v, &t);
  if (t == napi_undefined || t == napi_null)
    return true;
  if (napi_get_buffer_info(env, v, &data, &len) != napi_ok) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE",
                          "The dictionary must be a TypedArray or DataView");
    return false;
  }
  free(z->dictionary);
  z->dictionary = malloc(len > 0 ? len : 1);
  if (len > 0)
    memcpy(z->dictionary, data, len);
  z->dictionary_len = len;
  return true;
}

/* init(windowBits, level, memLevel, strategy, writeState, onWrite,
 * dictionary): settles the parameters; zlib itself starts on first use. */
static napi_value zlib_init(napi_env env, napi_callback_info info) {
  napi_value argv[7];
  nd_zstream_t *s = nd_zstream_unwrap(env, info, 7, argv);
  if (s == NULL)
    return NULL;
  zlib_ctx_t *z = (zlib_ctx_t *)s;
  if (z->started) {
    napi_throw_error(env, NULL, "The handle is already initialized");
    return NULL;
  }
  z->window_bits =
      zlib_window_bits(s->mode, (int)nd_to_int64(env, argv[0], 15));
  z->level = (int)nd_to_int64(env, argv[1], Z_DEFAULT_COMPRESSION);
  z->mem_level = (int)nd_to_int64(env, argv[2], 8);
  z->strategy = (int)nd_to_int64(env, argv[3], Z_DEFAULT_STRATEGY);
  if (!nd_zstream_bind(s, argv[4], argv[5]))
    return NULL;
  take_dictionary(env, z, argv[6]);
  return NULL;
}

/* params(level, strategy): new settings for what is compressed next
 * (the caller flushed first). Errors go to onerror. */
static napi_value zlib_params(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  nd_zstream_t *s = nd_zstream_unwrap(env, info, 2, argv);
  if (s == NULL || s->closed)
    return NULL;
  zlib_ctx_t *z = (zlib_ctx_t *)s;
  if (s->writing) {
    napi_throw_error(env, NULL, "Cannot set parameters during a write");
    return NULL;
  }
  z->level = (int)nd_to_int64(env, argv[0], z->level);
  z->strategy = (int)nd_to_int64(env, argv[1], z->strategy);
  if (!z->started || !is_compressor(s->mode))
    return NULL;
  z->strm.msg = NULL;
  z->err = deflateParams(&z->strm, z->level, z->strategy);
  nd_zstream_sync_memory(s);
  if (z->err != Z_OK && z->err != Z_BUF_ERROR) {
    fail(z, "Failed to set parameters");
    nd_zstream_report_error(s);
  }
  return NULL;
}

static const napi_property_descriptor zlib_methods[] = {
    ND_METHOD("init", zlib_init),
    ND_METHOD("params", zlib_params),
    ND_ZSTREAM_METHODS,
};

napi_value nd_zlib_define_class(napi_env env) {
  napi_value cls;
  if (napi_define_class(env, "Zlib", NAPI_AUTO_LENGTH, zlib_new, NULL,
                        ND_COUNT(zlib_methods), zlib_methods, &cls) != napi_ok)
    return NULL;
  return cls;
}
