/* zlib.c - internalBinding('zlib'): compression handles over the system
 * zlib and brotli. This file holds what every handle shares: synchronous
 * and thread-pool writes, errors, memory accounting, close and GC; the
 * engines live in zlib_deflate.c and zlib_brotli.c. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

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
  free(s->gathered);
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
  napi_status st = napi_create_reference(env, self, 0, &s->self);
  if (st != napi_ok)
    return st;
  st = napi_wrap(env, self, s, finalize, NULL, NULL);
  if (st != napi_ok)
    drop_ref(env, &s->self);
  return st;
}

nd_zstream_t *nd_zstream_unwrap(napi_env env, napi_callback_info info, size_t n,
                                napi_value *argv) {
  return nd_this_native(env, info, n, argv, NULL, "ERR_INVALID_THIS",
                        "Illegal invocation: not a compression handle");
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

/* Loads the arguments (flush, in, inOff, inLen, firstSize, limit) of
 * processAll and makes its first output block. Returns false after
 * throwing. */
static bool start_gathering(napi_env env, nd_zstream_t *s, napi_value *argv) {
  if (!take_input(env, s, argv))
    return false;
  double first = nd_to_double(env, argv[4], 16 * 1024);
  s->gather_limit = nd_to_double(env, argv[5], (double)SIZE_MAX);
  s->gathered_cap =
      first >= 64 && first <= (double)UINT32_MAX ? (size_t)first : 64;
  s->gathered_len = 0;
  s->gathered = malloc(s->gathered_cap);
  if (s->gathered != NULL)
    return true;
  napi_throw_range_error(env, "ERR_MEMORY_ALLOCATION_FAILED",
                         "Failed to allocate memory");
  return false;
}

/* Runs steps into s->gathered until the engine stops filling it (or fails,
 * or passes the limit), doubling the block as needed. Any thread. */
static void gather(nd_zstream_t *s) {
  for (;;) {
    size_t room = s->gathered_cap - s->gathered_len;
    if (room > UINT32_MAX)
      room = UINT32_MAX;
    s->next_out = s->gathered + s->gathered_len;
    s->avail_out = (uint32_t)room;
    s->engine->process(s);
    s->gathered_len += room - s->avail_out;
    if (s->error.message != NULL || s->avail_out != 0 ||
        (double)s->gathered_len > s->gather_limit)
      return;
    size_t cap = s->gathered_cap;
    uint8_t *bigger =
        cap <= SIZE_MAX / 2 ? realloc(s->gathered, cap * 2) : NULL;
    if (bigger == NULL) {
      nd_zstream_fail(s, "Out of memory", "Z_MEM_ERROR", Z_MEM_ERROR);
      return;
    }
    s->gathered = bigger;
    s->gathered_cap = cap * 2;
  }
}

/* What gather() got, for JS: a Buffer of the output, or null when it went
 * over the limit; NULL when it failed (s->error says how; a Buffer that
 * could not be made fails as Z_MEM_ERROR). The gathered block is released
 * either way. */
static napi_value take_gathered(napi_env env, nd_zstream_t *s) {
  uint8_t *out = s->gathered;
  napi_value result = NULL, ignored;
  s->gathered = NULL;
  if (s->error.message != NULL) {
    free(out);
  } else if ((double)s->gathered_len > s->gather_limit) {
    free(out);
    napi_get_null(env, &result);
  } else {
    result = output_buffer(env, out, s->gathered_len);
    if (result == NULL) {
      napi_get_and_clear_last_exception(env, &ignored);
      nd_zstream_fail(s, "Out of memory", "Z_MEM_ERROR", Z_MEM_ERROR);
    }
  }
  return result;
}

napi_value nd_zstream_process_all(napi_env env, napi_callback_info info) {
  napi_value argv[6];
  nd_zstream_t *s = nd_zstream_unwrap(env, info, 6, argv);
  if (s == NULL || !start_gathering(env, s, argv))
    return NULL;
  gather(s);
  nd_zstream_sync_memory(s);
  napi_value result = take_gathered(env, s);
  if (result == NULL)
    nd_zstream_report_error(s);
  return result;
}

/* Thread pool: runs the step (or all of them, for processAllAsync). */
static void run_step(uv_work_t *work) {
  nd_zstream_t *s = ND_CONTAINER_OF(work, nd_zstream_t, work);
  if (s->gathered != NULL)
    gather(s);
  else
    s->engine->process(s);
}

/* Loop thread, inside a handle scope: hands the outcome to JS, onWrite()
 * after a write, onWrite(output) after processAllAsync, or onerror. */
static void deliver_step(nd_zstream_t *s) {
  napi_env env = s->env;
  napi_value self, fn, argv[3];
  size_t argc = 0;
  if (s->gathered != NULL) {
    argv[0] = take_gathered(env, s);
    argc = 1;
  }
  if (napi_get_reference_value(env, s->self, &self) != napi_ok || !self)
    return;
  if (s->error.message != NULL) {
    error_args(s, argv);
    fn = onerror_of(env, self);
    if (fn != NULL)
      nd_loop_make_callback(env, self, fn, 3, argv, NULL);
    return;
  }
  if (argc == 0)
    publish_result(s);
  if (napi_get_reference_value(env, s->on_write, &fn) == napi_ok && fn)
    nd_loop_make_callback(env, self, fn, argc, argv, NULL);
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

/* Sends the loaded step (or gathering) to the thread pool, keeping `in`
 * and `out` alive until it is back. Returns false after throwing. */
static bool queue_step(napi_env env, nd_zstream_t *s, napi_value in,
                       napi_value out) {
  int err =
      uv_queue_work(nd_realm_of(env)->loop, &s->work, run_step, after_step);
  if (err < 0) {
    nd_throw_uv(env, err, "uv_queue_work", NULL, NULL);
    return false;
  }
  s->in_keep = keep_alive(env, in);
  s->out_keep = out != NULL ? keep_alive(env, out) : NULL;
  s->writing = true;
  napi_reference_ref(env, s->self, NULL);
  return true;
}

napi_value nd_zstream_write(napi_env env, napi_callback_info info) {
  napi_value argv[7];
  nd_zstream_t *s = nd_zstream_unwrap(env, info, 7, argv);
  if (s != NULL && take_step(env, s, argv))
    queue_step(env, s, argv[1], argv[4]);
  return NULL;
}

napi_value nd_zstream_process_all_async(napi_env env, napi_callback_info info) {
  napi_value argv[6];
  nd_zstream_t *s = nd_zstream_unwrap(env, info, 6, argv);
  if (s == NULL || !start_gathering(env, s, argv))
    return NULL;
  if (!queue_step(env, s, argv[1], NULL)) {
    free(s->gathered);
    s->gathered = NULL;
  }
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
