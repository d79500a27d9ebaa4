/* stream_wrap.c - reading, writing and shutdown for every libuv stream
 * handle (TCP, Pipe, TTY): writes try the socket synchronously first and
 * queue only what is left; reads arrive as Buffers through this.onread,
 * or go straight to a C consumer (nd_stream_set_consumer). */
#include "stream_wrap.h"

#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "loop.h"
#include "napi_util.h"
#include "read_pool.h"
#include "realm.h"

/* A queued write: the request plus a private copy (or a strong reference
 * to the JS buffers) of what libuv still has to send. */
typedef struct {
  uv_write_t req;
  nd_stream_wrap_t *wrap;
  napi_ref js_req;
  napi_ref keep;   /* the chunks' JS values, alive until completion */
  char *owned;     /* copied bytes (strings), freed at completion */
  size_t nbufs;
  uv_buf_t bufs[]; /* remaining slices */
} write_req_t;

typedef struct {
  uv_shutdown_t req;
  nd_stream_wrap_t *wrap;
  napi_ref js_req;
} shutdown_req_t;

/* Marks the JS objects of stream handles (nd_stream_wrap_from). */
static const napi_type_tag stream_wrap_tag = {0x6e6f647573737472ULL,
                                              0x65616d7772617031ULL};

/* Takes the stream from its consumer (if any), telling it. */
static void detach_consumer(nd_stream_wrap_t *wrap) {
  nd_stream_consumer_t *consumer = wrap->consumer;
  wrap->consumer = NULL;
  if (consumer != NULL && consumer->on_detach != NULL)
    consumer->on_detach(consumer);
}

/* The free of every stream wrap: a consumer still attached is told first. */
static void stream_wrap_free(nd_handle_wrap_t *base) {
  nd_stream_wrap_t *wrap = (nd_stream_wrap_t *)base;
  detach_consumer(wrap);
  wrap->stream_free(base);
}

napi_status nd_stream_wrap_init(nd_stream_wrap_t *wrap, napi_env env,
                                napi_value self, uv_stream_t *stream,
                                nd_handle_wrap_free_cb free_cb) {
  wrap->stream = stream;
  wrap->consumer = NULL;
  wrap->stream_free = free_cb;
  wrap->bytes_read = 0;
  wrap->bytes_written = 0;
  napi_status status = nd_handle_wrap_init(
      &wrap->base, env, self, (uv_handle_t *)stream, stream_wrap_free);
  if (status == napi_ok) napi_type_tag_object(env, self, &stream_wrap_tag);
  return status;
}

nd_stream_wrap_t *nd_stream_wrap_from(napi_env env, napi_value handle) {
  bool tagged = false;
  void *data = NULL;
  if (napi_check_object_type_tag(env, handle, &stream_wrap_tag, &tagged) !=
          napi_ok ||
      !tagged)
    return NULL;
  if (napi_unwrap(env, handle, &data) != napi_ok || data == NULL) return NULL;
  nd_stream_wrap_t *wrap = data;
  return wrap->base.closing ? NULL : wrap;
}

void nd_stream_set_consumer(nd_stream_wrap_t *wrap,
                            nd_stream_consumer_t *consumer) {
  if (consumer != NULL && wrap->consumer != consumer) detach_consumer(wrap);
  wrap->consumer = consumer;
}

static nd_stream_wrap_t *unwrap_stream(napi_env env,
                                       napi_callback_info info) {
  return (nd_stream_wrap_t *)nd_handle_wrap_unwrap(env, info);
}

static napi_value int_result(napi_env env, int v) {
  napi_value r;
  napi_create_int32(env, v, &r);
  return r;
}

/* Reads: libuv reads into uninitialised blocks of ND_READ_BLOCK_SIZE bytes
 * (read_pool.h). A large read becomes a Buffer over its block (no copy, no
 * zero-fill; the block goes back to the pool when V8 drops the Buffer,
 * after a shrink when mostly unused it is simply freed); a small one is
 * copied into an exact-size Buffer so that it does not pin a whole block. */
#define ND_READ_COPY_MAX (32 * 1024)

/* The block of the read being delivered to JS right now (on this thread),
 * which releaseReadBuffer() may take back; NULL outside a delivery. */
static __thread char *delivering_block;
static __thread size_t delivering_length;

static void on_alloc(uv_handle_t *handle, size_t suggested, uv_buf_t *buf) {
  (void)handle;
  (void)suggested;
  buf->base = nd_read_block_get();
  buf->len = buf->base ? ND_READ_BLOCK_SIZE : 0;
}

/* A Buffer of the nread bytes at the start of block; takes the block.
 * *whole is set when the Buffer spans a pool block (releasable). */
static napi_value take_read_buf(napi_env env, char *block, size_t nread,
                                bool *whole) {
  napi_value result = NULL;
  *whole = false;
  if (nread <= ND_READ_COPY_MAX) {
    napi_create_buffer_copy(env, nread, block, NULL, &result);
    nd_read_block_put(block);
    return result;
  }
  if (nread < ND_READ_BLOCK_SIZE / 2) {
    char *smaller = realloc(block, nread);
    if (smaller == NULL) smaller = block;
    if (nd_engine_adopt_buffer(env, smaller, nread, NULL, &result) != napi_ok)
      return NULL;
    return result;
  }
  if (nd_engine_adopt_buffer(env, block, nread, nd_read_block_put,
                             &result) != napi_ok)
    return NULL;
  *whole = true;
  return result;
}

static void on_read(uv_stream_t *stream, ssize_t nread, const uv_buf_t *buf) {
  nd_stream_wrap_t *wrap = (nd_stream_wrap_t *)stream->data;
  napi_env env = wrap->base.env;
  if (nread == 0) {
    nd_read_block_put(buf->base);
    return;
  }
  if (nread > 0) wrap->bytes_read += (uint64_t)nread;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  if (nread > 0 && wrap->consumer != NULL) {
    /* Consumed: the bytes go straight to C, no Buffer is made. */
    wrap->consumer->on_data(wrap->consumer, buf->base, (size_t)nread);
    nd_read_block_put(buf->base);
    napi_close_handle_scope(env, scope);
    return;
  }
  napi_value argv[2];
  napi_create_int64(env, nread, &argv[0]);
  bool whole = false;
  if (nread > 0) {
    argv[1] = take_read_buf(env, buf->base, (size_t)nread, &whole);
    if (argv[1] == NULL) napi_get_undefined(env, &argv[1]);
  } else {
    nd_read_block_put(buf->base);
    napi_get_undefined(env, &argv[1]);
  }
  char *outer_block = delivering_block;
  size_t outer_length = delivering_length;
  delivering_block = whole ? buf->base : NULL;
  delivering_length = whole ? (size_t)nread : 0;
  nd_handle_wrap_emit(&wrap->base, "onread", 2, argv);
  delivering_block = outer_block;
  delivering_length = outer_length;
  napi_close_handle_scope(env, scope);
}

/* releaseReadBuffer(buf) -> true when `buf` is exactly the Buffer of the
 * read being delivered now: its ArrayBuffer is detached and the block goes
 * back to the read pool at once. JS calls it only for a chunk no script
 * can still reach (see lib/internal/net/socket.js); anything else is left
 * alone. */
static napi_value stream_release_read_buffer(napi_env env,
                                             napi_callback_info info) {
  napi_value argv[1], ab, result;
  nd_args(env, info, 1, argv);
  bool released = false, is_typedarray = false;
  if (delivering_block != NULL &&
      napi_is_typedarray(env, argv[0], &is_typedarray) == napi_ok &&
      is_typedarray) {
    napi_typedarray_type type;
    size_t length = 0, offset = 0, ab_length = 0;
    void *data = NULL, *ab_data = NULL;
    if (napi_get_typedarray_info(env, argv[0], &type, &length, &data, &ab,
                                 &offset) == napi_ok &&
        type == napi_uint8_array && data == delivering_block &&
        offset == 0 && length == delivering_length &&
        napi_get_arraybuffer_info(env, ab, &ab_data, &ab_length) == napi_ok &&
        ab_length == length) {
      delivering_block = NULL;
      released = napi_detach_arraybuffer(env, ab) == napi_ok;
    }
  }
  napi_get_boolean(env, released, &result);
  return result;
}

napi_value nd_stream_read_start(napi_env env, napi_callback_info info) {
  nd_stream_wrap_t *wrap = unwrap_stream(env, info);
  if (wrap == NULL) return NULL;
  return int_result(env, uv_read_start(wrap->stream, on_alloc, on_read));
}

napi_value nd_stream_read_stop(napi_env env, napi_callback_info info) {
  nd_stream_wrap_t *wrap = unwrap_stream(env, info);
  if (wrap == NULL) return NULL;
  return int_result(env, uv_read_stop(wrap->stream));
}

/* The outcome of a write, read by JS right after the call from
 * streamBaseState (no property sets on the request from C). */
static void set_write_result(napi_env env, size_t bytes, bool async) {
  double *state = nd_realm_of(env)->stream_state;
  if (state == NULL) return;
  state[ND_STREAM_BYTES_WRITTEN] = (double)bytes;
  state[ND_STREAM_LAST_WRITE_ASYNC] = async ? 1 : 0;
}

static void after_write(uv_write_t *uvreq, int status) {
  write_req_t *wr = (write_req_t *)uvreq;
  nd_stream_wrap_t *wrap = wr->wrap;
  napi_env env = wrap->base.env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value req, fn, self, argv[3];
  napi_get_reference_value(env, wr->js_req, &req);
  napi_get_reference_value(env, wrap->base.object, &self);
  napi_create_int32(env, status, &argv[0]);
  argv[1] = self;
  if (status < 0)
    argv[2] = nd_uv_error(env, status, "write", NULL, NULL);
  else
    napi_get_undefined(env, &argv[2]);
  napi_valuetype t = napi_undefined;
  if (req != NULL &&
      napi_get_property(env, req, nd_realm_key(env, "oncomplete"), &fn) ==
          napi_ok)
    napi_typeof(env, fn, &t);
  napi_delete_reference(env, wr->js_req);
  if (wr->keep) napi_delete_reference(env, wr->keep);
  free(wr->owned);
  free(wr);
  if (t == napi_function) nd_loop_make_callback(env, req, fn, 3, argv, NULL);
  napi_close_handle_scope(env, scope);
}

/* The uv handle behind `v` when it is an open TCP, Pipe or UDP handle
 * object that may travel over an IPC pipe; NULL when `v` is undefined or
 * anything else. */
static uv_stream_t *send_handle_of(napi_env env, napi_value v) {
  napi_valuetype t = napi_undefined;
  void *data = NULL;
  if (v == NULL || napi_typeof(env, v, &t) != napi_ok || t != napi_object)
    return NULL;
  if (napi_unwrap(env, v, &data) != napi_ok || data == NULL) return NULL;
  uv_handle_t *h = ((nd_handle_wrap_t *)data)->handle;
  if (h == NULL || (h->type != UV_TCP && h->type != UV_NAMED_PIPE &&
                    h->type != UV_UDP))
    return NULL;
  return (uv_stream_t *)h;
}

/* Writes `bufs`: first synchronously as far as the socket takes, then the
 * rest through uv_write (keeping `keep` alive and owning `owned`). With
 * `send_handle` (IPC pipes only) the handle travels with the first bytes
 * that leave; such writes always go through uv_write2, so that a failure
 * (the peer left) is reported to the write's callback, as in Node, and
 * not thrown at the sender. */
static napi_value do_write(napi_env env, nd_stream_wrap_t *wrap,
                           napi_value req, uv_buf_t *bufs, size_t nbufs,
                           napi_value keep, char *owned,
                           uv_stream_t *send_handle) {
  size_t total = 0;
  for (size_t i = 0; i < nbufs; i++) total += bufs[i].len;
  wrap->bytes_written += total;

  /* Nothing to send (an empty write): done now, as Node's is, so that
   * writes after it are not held back behind a queued request. */
  if (total == 0 && send_handle == NULL) {
    free(owned);
    set_write_result(env, 0, false);
    return int_result(env, 0);
  }

  /* Try the socket right now; skip fully written slices. */
  size_t first = 0;
  if (send_handle == NULL &&
      uv_stream_get_write_queue_size(wrap->stream) == 0) {
    int n = uv_try_write(wrap->stream, bufs, (unsigned)nbufs);
    if (n > 0) {
      size_t written = (size_t)n;
      while (first < nbufs && written >= bufs[first].len) {
        written -= bufs[first].len;
        first++;
      }
      if (first < nbufs) {
        bufs[first].base += written;
        bufs[first].len -= written;
      }
    } else if (n < 0 && n != UV_EAGAIN && n != UV_ENOSYS) {
      free(owned);
      set_write_result(env, total, false);
      return int_result(env, n);
    }
  }
  if (first == nbufs) {
    free(owned);
    set_write_result(env, total, false);
    return int_result(env, 0);
  }

  size_t left = nbufs - first;
  /* libuv keeps pointing into what it still has to send: the read being
   * delivered can no longer be released if that is its block. */
  for (size_t i = first; delivering_block != NULL && i < nbufs; i++) {
    if (bufs[i].base >= delivering_block &&
        bufs[i].base < delivering_block + delivering_length)
      delivering_block = NULL;
  }
  write_req_t *wr = malloc(sizeof(*wr) + left * sizeof(uv_buf_t));
  wr->wrap = wrap;
  wr->owned = owned;
  wr->nbufs = left;
  memcpy(wr->bufs, bufs + first, left * sizeof(uv_buf_t));
  wr->keep = NULL;
  if (keep != NULL) napi_create_reference(env, keep, 1, &wr->keep);
  napi_create_reference(env, req, 1, &wr->js_req);
  int err = send_handle != NULL
                ? uv_write2(&wr->req, wrap->stream, wr->bufs, (unsigned)left,
                            send_handle, after_write)
                : uv_write(&wr->req, wrap->stream, wr->bufs, (unsigned)left,
                           after_write);
  if (err != 0) {
    napi_delete_reference(env, wr->js_req);
    if (wr->keep) napi_delete_reference(env, wr->keep);
    free(wr->owned);
    free(wr);
    set_write_result(env, total, false);
    return int_result(env, err);
  }
  set_write_result(env, total, true);
  return int_result(env, 0);
}

napi_value nd_stream_write_buffer(napi_env env, napi_callback_info info) {
  napi_value argv[3];
  nd_args(env, info, 3, argv);
  nd_stream_wrap_t *wrap = unwrap_stream(env, info);
  if (wrap == NULL) return NULL;
  void *data;
  size_t len;
  if (napi_get_buffer_info(env, argv[1], &data, &len) != napi_ok) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE",
                          "Second argument must be a buffer");
    return NULL;
  }
  uv_buf_t buf = uv_buf_init(data, (unsigned)len);
  return do_write(env, wrap, argv[0], &buf, 1, argv[1], NULL,
                  send_handle_of(env, argv[2]));
}

/* Encodes a JS string into a malloc'd buffer in `encoding`. */
typedef enum { ENC_UTF8, ENC_LATIN1, ENC_ASCII, ENC_UCS2 } str_encoding;

static char *encode_string(napi_env env, napi_value s, str_encoding enc,
                           size_t *out_len) {
  size_t len;
  char *buf;
  switch (enc) {
    case ENC_UTF8:
      if (napi_get_value_string_utf8(env, s, NULL, 0, &len) != napi_ok)
        return NULL;
      buf = malloc(len + 1);
      napi_get_value_string_utf8(env, s, buf, len + 1, &len);
      break;
    case ENC_LATIN1:
    case ENC_ASCII:
      if (napi_get_value_string_latin1(env, s, NULL, 0, &len) != napi_ok)
        return NULL;
      buf = malloc(len + 1);
      napi_get_value_string_latin1(env, s, buf, len + 1, &len);
      if (enc == ENC_ASCII)
        for (size_t i = 0; i < len; i++) buf[i] &= 0x7f;
      break;
    case ENC_UCS2:
    default:
      if (napi_get_value_string_utf16(env, s, NULL, 0, &len) != napi_ok)
        return NULL;
      buf = malloc((len + 1) * 2);
      napi_get_value_string_utf16(env, s, (char16_t *)buf, len + 1, &len);
      len *= 2;
      break;
  }
  *out_len = len;
  return buf;
}

static napi_value write_string(napi_env env, napi_callback_info info,
                               str_encoding enc) {
  napi_value argv[3];
  nd_args(env, info, 3, argv);
  nd_stream_wrap_t *wrap = unwrap_stream(env, info);
  if (wrap == NULL) return NULL;
  size_t len;
  char *data = encode_string(env, argv[1], enc, &len);
  if (data == NULL) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE",
                          "Second argument must be a string");
    return NULL;
  }
  uv_buf_t buf = uv_buf_init(data, (unsigned)len);
  return do_write(env, wrap, argv[0], &buf, 1, NULL, data,
                  send_handle_of(env, argv[2]));
}

napi_value nd_stream_write_utf8(napi_env env, napi_callback_info info) {
  return write_string(env, info, ENC_UTF8);
}
napi_value nd_stream_write_latin1(napi_env env, napi_callback_info info) {
  return write_string(env, info, ENC_LATIN1);
}
napi_value nd_stream_write_ascii(napi_env env, napi_callback_info info) {
  return write_string(env, info, ENC_ASCII);
}
napi_value nd_stream_write_ucs2(napi_env env, napi_callback_info info) {
  return write_string(env, info, ENC_UCS2);
}

static str_encoding parse_encoding(napi_env env, napi_value v) {
  char name[16] = "";
  size_t len;
  napi_get_value_string_utf8(env, v, name, sizeof(name), &len);
  if (strcmp(name, "latin1") == 0 || strcmp(name, "binary") == 0)
    return ENC_LATIN1;
  if (strcmp(name, "ascii") == 0) return ENC_ASCII;
  if (strcmp(name, "ucs2") == 0 || strcmp(name, "utf16le") == 0 ||
      strcmp(name, "ucs-2") == 0 || strcmp(name, "utf-16le") == 0)
    return ENC_UCS2;
  return ENC_UTF8;
}

/* writev(req, chunks, allBuffers): strings are encoded into one owned
 * block; buffers are referenced in place. */
napi_value nd_stream_writev(napi_env env, napi_callback_info info) {
  napi_value argv[3];
  nd_args(env, info, 3, argv);
  nd_stream_wrap_t *wrap = unwrap_stream(env, info);
  if (wrap == NULL) return NULL;
  bool all_buffers = nd_to_bool(env, argv[2]);
  uint32_t n = 0;
  napi_get_array_length(env, argv[1], &n);
  size_t count = all_buffers ? n : n / 2;
  uv_buf_t *bufs = malloc(sizeof(uv_buf_t) * (count ? count : 1));
  /* First pass: the total size of string chunks. */
  char **strings = calloc(count ? count : 1, sizeof(char *));
  size_t owned_len = 0;
  for (size_t i = 0; i < count; i++) {
    napi_value chunk;
    napi_get_element(env, argv[1], all_buffers ? i : i * 2, &chunk);
    bool is_buf = false;
    napi_is_buffer(env, chunk, &is_buf);
    if (is_buf) {
      void *data;
      size_t len;
      napi_get_buffer_info(env, chunk, &data, &len);
      bufs[i] = uv_buf_init(data, (unsigned)len);
    } else {
      napi_value enc;
      napi_get_element(env, argv[1], i * 2 + 1, &enc);
      size_t len = 0;
      strings[i] = encode_string(env, chunk, parse_encoding(env, enc), &len);
      if (strings[i] == NULL) {
        for (size_t k = 0; k < i; k++) free(strings[k]);
        free(strings);
        free(bufs);
        napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE",
                              "chunks must be strings or buffers");
        return NULL;
      }
      bufs[i] = uv_buf_init(NULL, (unsigned)len);
      owned_len += len;
    }
  }
  char *owned = NULL;
  if (owned_len > 0) {
    owned = malloc(owned_len);
    size_t off = 0;
    for (size_t i = 0; i < count; i++) {
      if (strings[i] == NULL) continue;
      memcpy(owned + off, strings[i], bufs[i].len);
      bufs[i].base = owned + off;
      off += bufs[i].len;
      free(strings[i]);
    }
  }
  free(strings);
  napi_value r =
      do_write(env, wrap, argv[0], bufs, count, argv[1], owned, NULL);
  free(bufs);
  return r;
}

static void after_shutdown(uv_shutdown_t *uvreq, int status) {
  shutdown_req_t *sr = (shutdown_req_t *)uvreq;
  nd_stream_wrap_t *wrap = sr->wrap;
  napi_env env = wrap->base.env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value req, fn, argv[2];
  napi_get_reference_value(env, sr->js_req, &req);
  napi_delete_reference(env, sr->js_req);
  free(sr);
  napi_create_int32(env, status, &argv[0]);
  napi_get_reference_value(env, wrap->base.object, &argv[1]);
  napi_valuetype t = napi_undefined;
  if (req != NULL &&
      napi_get_named_property(env, req, "oncomplete", &fn) == napi_ok)
    napi_typeof(env, fn, &t);
  if (t == napi_function) nd_loop_make_callback(env, req, fn, 2, argv, NULL);
  napi_close_handle_scope(env, scope);
}

napi_value nd_stream_shutdown(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  nd_stream_wrap_t *wrap = unwrap_stream(env, info);
  if (wrap == NULL) return NULL;
  shutdown_req_t *sr = malloc(sizeof(*sr));
  sr->wrap = wrap;
  napi_create_reference(env, argv[0], 1, &sr->js_req);
  int err = uv_shutdown(&sr->req, wrap->stream, after_shutdown);
  if (err != 0) {
    napi_delete_reference(env, sr->js_req);
    free(sr);
  }
  return int_result(env, err);
}

napi_value nd_stream_get_bytes_read(napi_env env, napi_callback_info info) {
  nd_stream_wrap_t *wrap = unwrap_stream(env, info);
  if (wrap == NULL) return NULL;
  napi_value r;
  napi_create_double(env, (double)wrap->bytes_read, &r);
  return r;
}

napi_value nd_stream_get_bytes_written(napi_env env,
                                       napi_callback_info info) {
  nd_stream_wrap_t *wrap = unwrap_stream(env, info);
  if (wrap == NULL) return NULL;
  napi_value r;
  napi_create_double(env, (double)wrap->bytes_written, &r);
  return r;
}

napi_value nd_stream_get_write_queue_size(napi_env env,
                                          napi_callback_info info) {
  nd_stream_wrap_t *wrap = unwrap_stream(env, info);
  if (wrap == NULL) return NULL;
  napi_value r;
  napi_create_double(env, (double)uv_stream_get_write_queue_size(wrap->stream),
                     &r);
  return r;
}

napi_value nd_stream_get_fd(napi_env env, napi_callback_info info) {
  nd_stream_wrap_t *wrap = unwrap_stream(env, info);
  if (wrap == NULL) return NULL;
  uv_os_fd_t fd = -1;
  if (uv_fileno((uv_handle_t *)wrap->stream, &fd) != 0) fd = -1;
  return int_result(env, fd);
}

/* isStreamBase: true on every stream handle (what C can consume). */
napi_value nd_stream_is_stream_base(napi_env env, napi_callback_info info) {
  (void)info;
  napi_value r;
  napi_get_boolean(env, true, &r);
  return r;
}

napi_value nd_stream_set_blocking(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  nd_stream_wrap_t *wrap = unwrap_stream(env, info);
  if (wrap == NULL) return NULL;
  return int_result(env,
                    uv_stream_set_blocking(wrap->stream,
                                           nd_to_bool(env, argv[0])));
}

nd_connect_req_t *nd_connect_req_new(napi_env env, napi_value req,
                                     napi_value handle) {
  nd_connect_req_t *cr = malloc(sizeof(*cr));
  cr->env = env;
  napi_create_reference(env, req, 1, &cr->js_req);
  napi_create_reference(env, handle, 1, &cr->handle);
  return cr;
}

void nd_connect_req_free(nd_connect_req_t *cr) {
  napi_delete_reference(cr->env, cr->js_req);
  napi_delete_reference(cr->env, cr->handle);
  free(cr);
}

void nd_stream_after_connect(uv_connect_t *uvreq, int status) {
  nd_connect_req_t *cr = (nd_connect_req_t *)uvreq;
  napi_env env = cr->env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value req, handle, fn, argv[5];
  napi_get_reference_value(env, cr->js_req, &req);
  napi_get_reference_value(env, cr->handle, &handle);
  nd_connect_req_free(cr);
  napi_create_int32(env, status, &argv[0]);
  argv[1] = handle;
  argv[2] = req;
  napi_get_boolean(env, status == 0, &argv[3]);
  napi_get_boolean(env, status == 0, &argv[4]);
  napi_valuetype t = napi_undefined;
  if (napi_get_named_property(env, req, "oncomplete", &fn) == napi_ok)
    napi_typeof(env, fn, &t);
  if (t == napi_function) nd_loop_make_callback(env, req, fn, 5, argv, NULL);
  napi_close_handle_scope(env, scope);
}

void nd_stream_on_connection(uv_stream_t *server, int status) {
  nd_stream_wrap_t *w = (nd_stream_wrap_t *)server->data;
  napi_env env = w->base.env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value argv[2];
  napi_create_int32(env, status, &argv[0]);
  napi_get_undefined(env, &argv[1]);
  if (status == 0) {
    napi_value ctor, type, client;
    void *data = NULL;
    napi_get_reference_value(env, nd_realm_of(env)->ctors[w->accept_ctor],
                             &ctor);
    napi_create_int32(env, w->accept_type, &type);
    if (napi_new_instance(env, ctor, 1, &type, &client) == napi_ok &&
        napi_unwrap(env, client, &data) == napi_ok) {
      nd_stream_wrap_t *cw = data;
      int err = uv_accept(server, cw->stream);
      if (err != 0)
        napi_create_int32(env, err, &argv[0]);
      else
        argv[1] = client;
    }
  }
  nd_handle_wrap_emit(&w->base, "onconnection", 2, argv);
  napi_close_handle_scope(env, scope);
}

/* internalBinding('stream_wrap'): streamBaseState, a Float64Array that
 * every stream write fills (see stream_wrap.h), its slot numbers, and
 * releaseReadBuffer(). */
napi_value nd_binding_stream_wrap_init(napi_env env, napi_value exports) {
  napi_value ab, state;
  void *data = NULL;
  if (napi_create_arraybuffer(env, ND_STREAM_STATE_FIELDS * sizeof(double),
                              &data, &ab) != napi_ok ||
      napi_create_typedarray(env, napi_float64_array, ND_STREAM_STATE_FIELDS,
                             ab, 0, &state) != napi_ok)
    return NULL;
  memset(data, 0, ND_STREAM_STATE_FIELDS * sizeof(double));
  /* The binding object is cached for the realm's life, so `state` is. */
  napi_set_named_property(env, exports, "streamBaseState", state);
  nd_set_number(env, exports, "kBytesWritten", ND_STREAM_BYTES_WRITTEN);
  nd_set_number(env, exports, "kLastWriteWasAsync",
                ND_STREAM_LAST_WRITE_ASYNC);
  nd_realm_of(env)->stream_state = data;
  napi_value release;
  if (napi_create_function(env, "releaseReadBuffer", NAPI_AUTO_LENGTH,
                           stream_release_read_buffer, NULL,
                           &release) != napi_ok)
    return NULL;
  napi_set_named_property(env, exports, "releaseReadBuffer", release);
  return exports;
}
