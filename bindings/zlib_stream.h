/* zlib_stream.h - what the files of internalBinding('zlib') share: the stream
 * record every compression handle embeds, the engine operations behind it
 * (zlib in zlib_deflate.c, brotli in zlib_brotli.c) and the constants
 * (zlib_constants.c).
 *
 * The JS-facing contract, for every handle object `h`
 * (new Zlib(mode), new BrotliEncoder(mode), new BrotliDecoder(mode)):
 *
 *   h.init(windowBits, level, memLevel, strategy, writeState, onWrite,
 *          dictionary)                  Zlib only; -> undefined
 *   h.init(params, writeState, onWrite) Brotli: params is a Uint32Array
 *                                       indexed by BROTLI_PARAM_* (or the
 *                                       decoder's), 0xffffffff = unset;
 *                                       -> false when brotli refused one
 *   h.writeSync(flush, in, inOff, inLen, out, outOff, outLen)
 *       one step: consumes input, fills output; afterwards writeState
 *       (a Uint32Array) holds [availOutAfter, availInAfter]
 *   h.processAll(flush, in, inOff, inLen, firstSize, limit)
 *       steps until all the input went through, into an output buffer of
 *       firstSize bytes that doubles when full; -> a Buffer of the output,
 *       null when it exceeds `limit` bytes, undefined after onerror
 *   h.processAllAsync(...same...)       processAll on the thread pool; then
 *                                       onWrite(output) (with this = h)
 *   h.write(...same as writeSync...)    the step on the thread pool;
 *                                       then writeState is filled and
 *                                       onWrite is called with this = h
 *   h.onerror = (message, errno, code)  called instead when a step fails
 *                                       (synchronously for writeSync)
 *   h.params(level, strategy)           Zlib only; errors go to onerror
 *   h.reset()                           back to the state after init
 *   h.close()                           frees the library state (later,
 *                                       when a write is in flight)
 */
#ifndef NODUS_ZLIB_STREAM_H
#define NODUS_ZLIB_STREAM_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <node_api.h>
#include <uv.h>

/* Node's modes: zlib.constants.DEFLATE ... BROTLI_ENCODE. */
enum {
  ND_Z_DEFLATE = 1,
  ND_Z_INFLATE = 2,
  ND_Z_GZIP = 3,
  ND_Z_GUNZIP = 4,
  ND_Z_DEFLATERAW = 5,
  ND_Z_INFLATERAW = 6,
  ND_Z_UNZIP = 7,
  ND_Z_BROTLI_DECODE = 8,
  ND_Z_BROTLI_ENCODE = 9
};

typedef struct nd_zstream_s nd_zstream_t;

/* The operations of one kind of engine. */
typedef struct {
  /* One step from s->next_in/avail_in into s->next_out/avail_out with
   * s->flush, advancing all four; sets s->error when it fails. Runs on the
   * loop thread or on the thread pool, never both at once. */
  void (*process)(nd_zstream_t *s);
  /* Back to the state right after init (dictionary and parameters kept).
   * Returns false with s->error set. */
  bool (*reset)(nd_zstream_t *s);
  /* Frees the library's state; the record stays. Safe to repeat. */
  void (*release)(nd_zstream_t *s);
} nd_zengine_t;

/* A failed step: what onerror(message, errno, code) receives. */
typedef struct {
  const char *message; /* NULL while there is no error */
  const char *code;
  int errnum;
  char code_buf[48]; /* storage for a code built at run time */
} nd_zerror_t;

/* The head of every engine's record (which embeds it first). */
struct nd_zstream_s {
  const nd_zengine_t *engine;
  napi_env env;
  int mode;
  napi_ref self;  /* weak; strong while an async write is in flight */
  napi_ref state; /* writeState, whose two slots state_data points at */
  uint32_t *state_data;
  napi_ref on_write; /* called with this = handle after an async write */
  napi_ref in_keep;  /* the buffers of the async write in flight */
  napi_ref out_keep;
  uv_work_t work;
  /* The step being run. */
  int flush;
  const uint8_t *next_in;
  uint32_t avail_in;
  uint8_t *next_out;
  uint32_t avail_out;
  nd_zerror_t error;
  /* Bytes the library holds (counted by the allocation hooks, on whichever
   * thread runs the engine) and how many of them V8 was told about. */
  int64_t allocated;
  int64_t reported;
  /* processAll/processAllAsync: the output block being filled (NULL the
   * rest of the time), its size, how much is used, and the limit. */
  uint8_t *gathered;
  size_t gathered_cap;
  size_t gathered_len;
  double gather_limit;
  bool writing;   /* an async write is on the thread pool */
  bool closed;    /* close() was called; release waits for the write */
  bool collected; /* the JS object died while writing (teardown only) */
};

/* Allocation hooks the engines give their library: the block is counted
 * in s->allocated. nd_zstream_alloc returns NULL when out of memory. */
void *nd_zstream_alloc(nd_zstream_t *s, size_t size);
void nd_zstream_free(nd_zstream_t *s, void *block);

/* Records a failure of the current step; `message` and `code` must outlive
 * the record (string constants, the library's messages or s->error's
 * code_buf). */
void nd_zstream_fail(nd_zstream_t *s, const char *message, const char *code,
                     int errnum);

/* Binds `s` (calloc'd by its engine, engine and mode set) to the JS handle
 * `self`: the record is freed once the object is collected and no write is
 * in flight. Returns napi_ok or the failing status. */
napi_status nd_zstream_wrap(napi_env env, napi_value self, nd_zstream_t *s);

/* The record behind `this` of a method call, its first n arguments in argv
 * (missing ones undefined). Returns NULL after throwing when `this` is not
 * a compression handle. */
nd_zstream_t *nd_zstream_unwrap(napi_env env, napi_callback_info info, size_t n,
                                napi_value *argv);

/* Keeps writeState (a Uint32Array of at least 2 slots) and the onWrite
 * callback of init(). Returns false after throwing a TypeError. */
bool nd_zstream_bind(nd_zstream_t *s, napi_value write_state,
                     napi_value on_write);

/* Tells V8 how the library's memory changed since the last report. Call
 * on the loop thread after anything that may have run the engine. */
void nd_zstream_sync_memory(nd_zstream_t *s);

/* Calls this.onerror(message, errno, code) for s->error (synchronously,
 * from a method call) and clears it. Returns false when onerror threw. */
bool nd_zstream_report_error(nd_zstream_t *s);

/* JS methods every handle class shares. */
napi_value nd_zstream_write(napi_env env, napi_callback_info info);
napi_value nd_zstream_write_sync(napi_env env, napi_callback_info info);
napi_value nd_zstream_process_all(napi_env env, napi_callback_info info);
napi_value nd_zstream_process_all_async(napi_env env, napi_callback_info info);
napi_value nd_zstream_reset(napi_env env, napi_callback_info info);
napi_value nd_zstream_close(napi_env env, napi_callback_info info);

/* clang-format off */
#define ND_ZSTREAM_METHODS                                                     \
  ND_METHOD("write", nd_zstream_write),                                        \
  ND_METHOD("writeSync", nd_zstream_write_sync),                               \
  ND_METHOD("processAll", nd_zstream_process_all),                             \
  ND_METHOD("processAllAsync", nd_zstream_process_all_async),                  \
  ND_METHOD("reset", nd_zstream_reset),                                        \
  ND_METHOD("close", nd_zstream_close)
/* clang-format on */

/* Defines the handle classes: Zlib (zlib_deflate.c), BrotliEncoder and
 * BrotliDecoder (zlib_brotli.c). Return NULL with an exception pending. */
napi_value nd_zlib_define_class(napi_env env);
napi_value nd_brotli_define_encoder(napi_env env);
napi_value nd_brotli_define_decoder(napi_env env);

/* Defines every zlib.constants entry (Z_*, modes, limits, BROTLI_*) on
 * `target`, in Node's order, read-only. */
void nd_zlib_set_constants(napi_env env, napi_value target);

#endif /* NODUS_ZLIB_STREAM_H */
