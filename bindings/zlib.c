/* zlib.c - internalBinding('zlib'): compression handles over the system
 * zlib and brotli. This file holds what every handle shares: synchronous
 * and thread-pool writes, errors, memory accounting, close and GC; the
 * engines live in zlib_deflate.c and zlib_brotli.c. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <brotli/decode.h>
#include <brotli/encode.h>
#include <uv.h>
#include <zlib.h>

#include "bindings.h"
#include "engine.h"
#include "loop.h"
#include "napi_util.h"
#include "realm.h"
#include "zlib_stream.h"

/* Every block handed to a library starts with its size; 16 bytes keep the
 * alignment malloc gives. */
#define BLOCK_HEADER 16

/* processAll() output up to this size is copied into a V8 buffer; larger
 * output is adopted where it was made. */
#define SMALL_OUTPUT (64 * 1024)

static void release_now(nd_zstream_t *s);

/* A valid pointer for empty windows: the libraries reject NULL buffers
 * even when their length is 0. Never written (its length is always 0). */
static uint8_t empty_window[1];

void *nd_zstream_alloc(nd_zstream_t *s, size_t size) {
  if (size > SIZE_MAX - BLOCK_HEADER)
    return NULL;
  char *block = malloc(size + BLOCK_HEADER);
  if (block == NULL)
    return NULL;
  memcpy(block, &size, sizeof(size));
  s->allocated += (int64_t)size;
  return block + BLOCK_HEADER;
}

void nd_zstream_free(nd_zstream_t *s, void *p) {
  if (p == NULL)
    return;
  char *block = (char *)p - BLOCK_HEADER;
  size_t size;
  memcpy(&size, block, sizeof(size));
  s->allocated -= (int64_t)size;
  free(block);
}

void nd_zstream_fail(nd_zstream_t *s, const char *message, const char *code,
                     int errnum) {
  s->error.message = message;
  s->error.code = code;
  s->error.errnum = errnum;
}

void nd_zstream_sync_memory(nd_zstream_t *s) {
  int64_t change = s->allocated - s->reported, ignored;
  if (change == 0)
    return;
  napi_adjust_external_memory(s->env, change, &ignored);
  s->reported = s->allocated;
}

/* Deletes a reference the record may hold. */
static void drop_ref(napi_env env, napi_ref *ref) {
  if (*ref == NULL)
    return;
  napi_delete_reference(env, *ref);
  *ref = NULL;
}

/* Frees the record and all it holds; its JS object is gone or going. */
static void destroy(nd_zstream_t *s) {
  napi_env env = s->env;
  s->engine->release(s);
  nd_zstream_sync_memory(s);
  drop_ref(env, &s->self);
  drop_ref(env, &s->state);
  drop_ref(env, &s->on_write);
  drop_ref(env, &s->in_keep);
  drop_ref(env, &s->out_keep);
  free(s);
}

/* napi_wrap finalizer: the handle object was collected. A write still on
 * the thread pool (only possible while the isolate is torn down) frees the
 * record when it comes back. */
static void finalize(napi_env env, void *data, void *hint) {
  nd_zstream_t *s = data;
  if (s->writing) {
    s->collected = true;
    return;
  }
  destroy(s);
}

napi_status nd_zstream_wrap(napi_env env, napi_value self, nd_zstream_t *s) {
  s->env = env;
  napi_status st = napi_wrap(env, self, s, finalize, NULL, NULL);
  if (st != napi_ok)
    return st;
  return napi_create_reference(env, self, 0, &s->self);
}

nd_zstream_t *nd_zstream_unwrap(napi_env env, napi_callback_info info, size_t n,
                                napi_value *argv) {
  napi_value self;
  size_t argc = n;
  void *data = NULL;
  if (napi_get_cb_info(env, info, &argc, argv, &self, NULL) != napi_ok)
    return NULL;
  for (size_t i = argc; i < n; i++)
    napi_get_undefined(env, &argv[i]);
  if (napi_unwrap(env, self, &data) != napi_ok || data == NULL) {
    napi_throw_type_error(env, "ERR_INVALID_THIS",
                          "Illegal invocation: not a compression handle");
    return NULL;
  }
  return data;
}

bool nd_zstream_bind(nd_zstream_t *s, napi_value write_state,
                     napi_value on_write) {
  napi_env env = s->env;
  napi_typedarray_type type;
  size_t length;
  void *data;
  napi_valuetype t;
  bool is_array = false;
  napi_is_typedarray(env, write_state, &is_array);
  if (!is_array ||
      napi_get_typedarray_info(env, write_state, &type, &length, &data, NULL,
                               NULL) != napi_ok ||
      type != napi_uint32_array || length < 2) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE",
                          "writeState must be a Uint32Array of 2 slots");
    return false;
  }
  napi_typeof(env, on_write, &t);
  if (t != napi_function) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE",
                          "The write callback must be a function");
    return false;
  }
  drop_ref(env, &s->state);
  drop_ref(env, &s->on_write);
  napi_create_reference(env, write_state, 1, &s->state);
  napi_create_reference(env, on_write, 1, &s->on_write);
  s->state_data = data;
  return true;
}

/* The (message, errno, code) arguments of onerror for s->error, which is
 * cleared. */
static void error_args(nd_zstream_t *s, napi_value *argv) {
  napi_env env = s->env;
  napi_create_string_utf8(env, s->error.message, NAPI_AUTO_LENGTH, &argv[0]);
  napi_create_int32(env, s->error.errnum, &argv[1]);
  napi_create_string_utf8(env, s->error.code, NAPI_AUTO_LENGTH, &argv[2]);
  s->error.message = NULL;
}

/* this.onerror of the handle object, or NULL when it has none. */
static napi_value onerror_of(napi_env env, napi_value self) {
  napi_value fn;
  napi_valuetype t = napi_undefined;
  if (napi_get_property(env, self, nd_realm_key(env, "onerror"), &fn) !=
      napi_ok)
    return NULL;
  napi_typeof(env, fn, &t);
  return t == napi_function ? fn : NULL;
}

bool nd_zstream_report_error(nd_zstream_t *s) {
  napi_env env = s->env;
  napi_value self, fn, argv[3], ignored;
  error_args(s, argv);
  if (napi_get_reference_value(env, s->self, &self) != napi_ok ||
      self == NULL || (fn = onerror_of(env, self)) == NULL)
    return true;
  return napi_call_function(env, self, fn, 3, argv, &ignored) == napi_ok;
}

/* Points *window at `len` bytes at `off` of the ArrayBufferView `view`
 * (undefined or null: an empty window). Returns false after throwing when
 * the view or the range is invalid. */
static bool get_window(napi_env env, napi_value view, napi_value off_v,
                       napi_value len_v, uint8_t **window, uint32_t *len) {
  void *data = NULL;
  size_t size = 0;
  napi_valuetype t;
  napi_typeof(env, view, &t);
  if (t != napi_undefined && t != napi_null &&
      napi_get_buffer_info(env, view, &data, &size) != napi_ok) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE",
                          "The buffer must be a TypedArray or DataView");
    return false;
  }
  double off = trunc(nd_to_double(env, off_v, 0));
  double n = trunc(nd_to_double(env, len_v, 0));
  if (!(off >= 0 && n >= 0 && n <= UINT32_MAX && off + n <= (double)size)) {
    napi_throw_range_error(env, "ERR_OUT_OF_RANGE",
                           "The range is outside of the buffer");
    return false;
  }
  *window = data != NULL ? (uint8_t *)data + (size_t)off : empty_window;
  *len = (uint32_t)n;
  return true;
}

/* Loads the arguments (flush, in, inOff, inLen) of a step into s. Returns
 * false after throwing. */
static bool take_input(napi_env env, nd_zstream_t *s, napi_value *argv) {
  const char *problem = NULL;
  if (s->closed)
    problem = "zlib binding closed";
  else if (s->writing)
    problem = "A write is already in progress";
  else if (s->state_data == NULL)
    problem = "The handle was not initialized";
  if (problem != NULL) {
    napi_throw_error(env, NULL, problem);
    return false;
  }
  int32_t flush;
  if (napi_get_value_int32(env, argv[0], &flush) != napi_ok) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE",
                          "The flush flag must be a number");
    return false;
  }
  s->flush = flush;
  uint8_t *in;
  if (!get_window(env, argv[1], argv[2], argv[3], &in, &s->avail_in))
    return false;
  s->next_in = in;
  return true;
}

/* Loads the arguments (flush, in, inOff, inLen, out, outOff, outLen) of a
 * write into s. Returns false after throwing. */
static bool take_step(napi_env env, nd_zstream_t *s, napi_value *argv) {
  return take_input(env, s, argv) && get_window(env, argv[4], argv[5], argv[6],
                                                &s->next_out, &s->avail_out);
}

/* Writes what is left of the step's buffers into writeState. */
static void publish_result(nd_zstream_t *s) {
  s->state_data[0] = s->avail_out;
  s->state_data[1] = s->avail_in;
}

napi_value nd_zstream_write_sync(napi_env env, napi_callback_info info) {
  napi_value argv[7];
  nd_zstream_t *s = nd_zstream_unwrap(env, info, 7, argv);
  if (s == NULL || !take_step(env, s, argv))
    return NULL;
  s->engine->process(s);
  nd_zstream_sync_memory(s);
  if (s->error.message != NULL)
    nd_zstream_report_error(s);
  else
    publish_result(s);
  return NULL;
}

/* The Buffer of `len` bytes of output at `out` (malloc'd; taken over):
 * small output is copied into V8's memory, large output adopted as is. */
static napi_value output_buffer(napi_env env, uint8_t *out, size_t len) {
  napi_value result = NULL;
  if (len <= SMALL_OUTPUT) {
    napi_create_buffer_copy(env, len, out, NULL, &result);
    free(out);
    return result;
  }
  uint8_t *fitted = realloc(out, len);
  if (fitted != NULL)
    out = fitted;
  nd_engine_adopt_buffer(env, out, len, NULL, &result);
  return result;
}

/* Runs steps into `out` (of *cap bytes, *len used) until the engine stops
 * filling it, doubling it as needed. Returns the buffer (maybe moved), or
 * NULL when out of memory (`out` is then freed). */
static uint8_t *run_all(nd_zstream_t *s, uint8_t *out, size_t *cap, size_t *len,
                        double limit) {
  for (;;) {
    size_t room = *cap - *len;
    if (room > UINT32_MAX)
      room = UINT32_MAX;
    s->next_out = out + *len;
    s->avail_out = (uint32_t)room;
    s->engine->process(s);
    *len += room - s->avail_out;
    if (s->error.message != NULL || (double)*len > limit || s->avail_out != 0)
      return out;
    uint8_t *bigger = *cap <= SIZE_MAX / 2 ? realloc(out, *cap * 2) : NULL;
    if (bigger == NULL) {
      free(out);
      return NULL;
    }
    out = bigger;
    *cap *= 2;
  }
}

napi_value nd_zstream_process_all(napi_env env, napi_callback_info info) {
  napi_value argv[6], result;
  nd_zstream_t *s = nd_zstream_unwrap(env, info, 6, argv);
  if (s == NULL || !take_input(env, s, argv))
    return NULL;
  double first = nd_to_double(env, argv[4], 16 * 1024);
  double limit = nd_to_double(env, argv[5], (double)SIZE_MAX);
  size_t cap = first >= 64 && first <= (double)UINT32_MAX ? (size_t)first : 64;
  size_t len = 0;
  uint8_t *out = malloc(cap);
  if (out != NULL)
    out = run_all(s, out, &cap, &len, limit);
  nd_zstream_sync_memory(s);
  if (out == NULL) {
    napi_throw_range_error(env, "ERR_MEMORY_ALLOCATION_FAILED",
                           "Failed to allocate memory");
    return NULL;
  }
  if (s->error.message != NULL) {
    free(out);
    nd_zstream_report_error(s);
    return NULL;
  }
  if ((double)len > limit) {
    free(out);
    napi_get_null(env, &result);
    return result;
  }
  return output_buffer(env, out, len);
}

/* Thread pool: runs the step. */
static void run_step(uv_work_t *work) {
  nd_zstream_t *s = ND_CONTAINER_OF(work, nd_zstream_t, work);
  s->engine->process(s);
}

/* Loop thread, inside a handle scope: hands the step's outcome to JS. */
static void deliver_step(nd_zstream_t *s) {
  napi_env env = s->env;
  napi_value self, fn, argv[3];
  if (napi_get_reference_value(env, s->self, &self) != napi_ok || self == NULL)
    return;
  if (s->error.message != NULL) {
    error_args(s, argv);
    fn = onerror_of(env, self);
    if (fn != NULL)
      nd_loop_make_callback(env, self, fn, 3, argv, NULL);
    return;
  }
  publish_result(s);
  if (napi_get_reference_value(env, s->on_write, &fn) == napi_ok && fn)
    nd_loop_make_callback(env, self, fn, 0, NULL, NULL);
}

/* Loop thread: the step of an async write is done. */
static void after_step(uv_work_t *work, int status) {
  nd_zstream_t *s = ND_CONTAINER_OF(work, nd_zstream_t, work);
  napi_env env = s->env;
  s->writing = false;
  if (s->collected) {
    destroy(s);
    return;
  }
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  drop_ref(env, &s->in_keep);
  drop_ref(env, &s->out_keep);
  nd_zstream_sync_memory(s);
  if (status == 0)
    deliver_step(s);
  /* A close() that came during the write, or from the callback. */
  if (s->closed && !s->writing)
    release_now(s);
  napi_reference_unref(env, s->self, NULL);
  napi_close_handle_scope(env, scope);
}

/* A reference that keeps `v` alive while the write is in flight, or NULL
 * for a non-object. */
static napi_ref keep_alive(napi_env env, napi_value v) {
  napi_valuetype t;
  napi_ref ref = NULL;
  napi_typeof(env, v, &t);
  if (t == napi_object)
    napi_create_reference(env, v, 1, &ref);
  return ref;
}

napi_value nd_zstream_write(napi_env env, napi_callback_info info) {
  napi_value argv[7];
  nd_zstream_t *s = nd_zstream_unwrap(env, info, 7, argv);
  if (s == NULL || !take_step(env, s, argv))
    return NULL;
  int err =
      uv_queue_work(nd_realm_of(env)->loop, &s->work, run_step, after_step);
  if (err < 0)
    return nd_throw_uv(env, err, "uv_queue_work", NULL, NULL);
  s->in_keep = keep_alive(env, argv[1]);
  s->out_keep = keep_alive(env, argv[4]);
  s->writing = true;
  napi_reference_ref(env, s->self, NULL);
  return NULL;
}

napi_value nd_zstream_reset(napi_env env, napi_callback_info info) {
  nd_zstream_t *s = nd_zstream_unwrap(env, info, 0, NULL);
  if (s == NULL || s->closed)
    return NULL;
  if (s->writing) {
    napi_throw_error(env, NULL, "Cannot reset while a write is in progress");
    return NULL;
  }
  bool ok = s->engine->reset(s);
  nd_zstream_sync_memory(s);
  if (!ok)
    nd_zstream_report_error(s);
  return NULL;
}

/* Frees the library state of a closed handle. */
static void release_now(nd_zstream_t *s) {
  s->engine->release(s);
  nd_zstream_sync_memory(s);
}

napi_value nd_zstream_close(napi_env env, napi_callback_info info) {
  nd_zstream_t *s = nd_zstream_unwrap(env, info, 0, NULL);
  if (s == NULL || s->closed)
    return NULL;
  s->closed = true;
  if (!s->writing)
    release_now(s);
  return NULL;
}

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
    napi_property_descriptor d = {zlib_constants[i].name, NULL, NULL, NULL,
                                  NULL, NULL, napi_enumerable, NULL};
    napi_create_double(env, zlib_constants[i].value, &d.value);
    napi_define_properties(env, target, 1, &d);
  }
}

napi_value nd_binding_zlib_init(napi_env env, napi_value exports) {
  napi_value zlib = nd_zlib_define_class(env);
  napi_value encoder = zlib ? nd_brotli_define_encoder(env) : NULL;
  napi_value decoder = encoder ? nd_brotli_define_decoder(env) : NULL;
  if (decoder == NULL)
    return NULL;
  napi_set_named_property(env, exports, "Zlib", zlib);
  napi_set_named_property(env, exports, "BrotliEncoder", encoder);
  napi_set_named_property(env, exports, "BrotliDecoder", decoder);
  return exports;
}
