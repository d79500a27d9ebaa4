/* stream_wrap.h - the common base of TCP, Pipe and TTY handles: reading
 * into JS, writes that try the socket synchronously before queueing to
 * libuv, and shutdown.
 *
 * The JS-facing contract (what lib/net.js & co. use), for every stream
 * handle object `h` (new TCP(type) / new Pipe(type) / new TTY(fd, ctx)):
 *
 *   h.readStart() / h.readStop()        -> 0 or a negative UV error
 *   h.onread = (nread, buf) => {}       called for every read: nread > 0
 *                                       with a Buffer of nread bytes,
 *                                       nread < 0 on error or UV_EOF
 *   h.writeBuffer(req, buf)             -> 0 or a negative UV error
 *   h.writev(req, chunks, allBuffers)   chunks: [buf, ...] when allBuffers,
 *                                       else [chunk, encoding, ...]
 *   h.writeUtf8String(req, s)  h.writeLatin1String(req, s)
 *   h.writeAsciiString(req, s) h.writeUcs2String(req, s)
 *       Each write first tries uv_try_write(); whatever is left is queued
 *       with uv_write(). Afterwards internalBinding('stream_wrap')
 *       .streamBaseState holds [kBytesWritten] = bytes of the write and
 *       [kLastWriteWasAsync] = 1 if the write was queued (JS copies them
 *       to req.bytes / req.async at once). When it was queued,
 *       req.oncomplete(status, handle, error) is called later; when false
 *       it is never called (the write is already complete).
 *   h.writeBuffer(req, buf, sendHandle) h.writeUtf8String(req, s,
 *       sendHandle) ...                 on IPC pipes: a TCP, Pipe or UDP
 *                                       handle object travels with the
 *                                       bytes (keep it open until done)
 *   h.shutdown(req)                     -> 0 or error; req.oncomplete(status)
 *   h.bytesRead, h.bytesWritten         getters (numbers)
 *   h.writeQueueSize                    getter: bytes queued in libuv
 *   h.fd                                getter: the OS fd or -1
 *   h.setBlocking(bool)                 0 or a UV error (blocking writes,
 *                                       for TTYs and pipes on stdio)
 *   internalBinding('stream_wrap').releaseReadBuffer(buf)
 *                                       during an onread call: if `buf` is
 *                                       that read's Buffer, whole, and no
 *                                       write still uses it, detaches it
 *                                       and reuses its memory for the next
 *                                       read (true); for a chunk no script
 *                                       can reach any more
 *   h.close([cb]) h.ref() h.unref() h.hasRef()   (handle_wrap.h)
 *   h.onclose                           called after close completes
 */
#ifndef NODUS_STREAM_WRAP_H
#define NODUS_STREAM_WRAP_H

#include <stdint.h>

#include <node_api.h>
#include <uv.h>

#include "handle_wrap.h"

/* Slots of streamBaseState (internalBinding('stream_wrap')). */
enum {
  ND_STREAM_BYTES_WRITTEN = 0,
  ND_STREAM_LAST_WRITE_ASYNC = 1,
  ND_STREAM_STATE_FIELDS
};

/* A C reader that takes over what a stream reads (the HTTP parser
 * consuming a server socket): each chunk goes to on_data, valid during
 * the call only, instead of becoming a Buffer for JS onread; EOF and read
 * errors still reach onread. on_detach runs when the stream is freed while
 * still consumed. */
typedef struct nd_stream_consumer_s nd_stream_consumer_t;
struct nd_stream_consumer_s {
  void (*on_data)(nd_stream_consumer_t *consumer, const char *data,
                  size_t length);
  void (*on_detach)(nd_stream_consumer_t *consumer);
};

typedef struct nd_stream_wrap_s {
  nd_handle_wrap_t base;
  uv_stream_t *stream;
  nd_stream_consumer_t *consumer; /* or NULL: reads go to JS */
  nd_handle_wrap_free_cb stream_free; /* the handle class's own free */
  uint64_t bytes_read;
  uint64_t bytes_written;
  /* For listening servers: the class (nd_ctor_id) and constructor argument
   * of the handles that accepted connections become. */
  int accept_ctor;
  int accept_type;
} nd_stream_wrap_t;

/* A pending connect of a TCP or Pipe handle: the JS request object and the
 * handle stay alive until nd_stream_after_connect() reports to
 * req.oncomplete(status, handle, req, readable, writable). */
typedef struct {
  uv_connect_t req;
  napi_env env;
  napi_ref js_req;
  napi_ref handle;
} nd_connect_req_t;

/* Makes the record for a connect of `handle` with JS request `req`. */
nd_connect_req_t *nd_connect_req_new(napi_env env, napi_value req,
                                     napi_value handle);

/* Frees a record whose connect failed to start. */
void nd_connect_req_free(nd_connect_req_t *cr);

/* The uv_connect_cb of every stream connect. */
void nd_stream_after_connect(uv_connect_t *uvreq, int status);

/* The uv_connection_cb of every listening stream: accepts into a new
 * handle of the server's accept_ctor class and calls
 * this.onconnection(status, client). */
void nd_stream_on_connection(uv_stream_t *server, int status);

/* Initialises the stream part of a wrap whose handle is `stream`. */
napi_status nd_stream_wrap_init(nd_stream_wrap_t *wrap, napi_env env,
                                napi_value self, uv_stream_t *stream,
                                nd_handle_wrap_free_cb free_cb);

/* The stream wrap behind the JS handle object `handle` (a TCP, Pipe or
 * TTY handle that is still open), or NULL for anything else. */
nd_stream_wrap_t *nd_stream_wrap_from(napi_env env, napi_value handle);

/* Hands what `wrap` reads from now on to `consumer` (NULL: back to JS).
 * Another consumer it replaces is detached (its on_detach runs); the
 * current consumer giving the stream back (NULL) is not called. */
void nd_stream_set_consumer(nd_stream_wrap_t *wrap,
                            nd_stream_consumer_t *consumer);

/* The stream methods and getters above, for a class's descriptor table. */
napi_value nd_stream_read_start(napi_env env, napi_callback_info info);
napi_value nd_stream_read_stop(napi_env env, napi_callback_info info);
napi_value nd_stream_write_buffer(napi_env env, napi_callback_info info);
napi_value nd_stream_writev(napi_env env, napi_callback_info info);
napi_value nd_stream_write_utf8(napi_env env, napi_callback_info info);
napi_value nd_stream_write_latin1(napi_env env, napi_callback_info info);
napi_value nd_stream_write_ascii(napi_env env, napi_callback_info info);
napi_value nd_stream_write_ucs2(napi_env env, napi_callback_info info);
napi_value nd_stream_shutdown(napi_env env, napi_callback_info info);
napi_value nd_stream_get_bytes_read(napi_env env, napi_callback_info info);
napi_value nd_stream_get_bytes_written(napi_env env, napi_callback_info info);
napi_value nd_stream_get_write_queue_size(napi_env env,
                                          napi_callback_info info);
napi_value nd_stream_get_fd(napi_env env, napi_callback_info info);
napi_value nd_stream_set_blocking(napi_env env, napi_callback_info info);
napi_value nd_stream_is_stream_base(napi_env env, napi_callback_info info);

#define ND_STREAM_WRAP_METHODS                                                 \
  ND_METHOD("readStart", nd_stream_read_start),                                \
  ND_METHOD("readStop", nd_stream_read_stop),                                  \
  ND_METHOD("writeBuffer", nd_stream_write_buffer),                            \
  ND_METHOD("writev", nd_stream_writev),                                       \
  ND_METHOD("writeUtf8String", nd_stream_write_utf8),                          \
  ND_METHOD("writeLatin1String", nd_stream_write_latin1),                      \
  ND_METHOD("writeAsciiString", nd_stream_write_ascii),                        \
  ND_METHOD("writeUcs2String", nd_stream_write_ucs2),                          \
  ND_METHOD("shutdown", nd_stream_shutdown),                                   \
  ND_METHOD("setBlocking", nd_stream_set_blocking),                            \
  {"bytesRead", NULL, NULL, nd_stream_get_bytes_read, NULL, NULL,              \
   napi_enumerable, NULL},                                                     \
  {"bytesWritten", NULL, NULL, nd_stream_get_bytes_written, NULL, NULL,        \
   napi_enumerable, NULL},                                                     \
  {"writeQueueSize", NULL, NULL, nd_stream_get_write_queue_size, NULL, NULL,   \
   napi_enumerable, NULL},                                                     \
  {"fd", NULL, NULL, nd_stream_get_fd, NULL, NULL, napi_enumerable, NULL},     \
  {"isStreamBase", NULL, NULL, nd_stream_is_stream_base, NULL, NULL,           \
   napi_default, NULL},                                                        \
  ND_HANDLE_WRAP_METHODS

#endif /* NODUS_STREAM_WRAP_H */
