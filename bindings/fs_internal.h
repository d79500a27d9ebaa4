/* fs_internal.h - shared machinery of internalBinding('fs'): one request
 * type that runs an operation synchronously, with a callback or as a
 * promise, and the helpers that turn its result into JS values. */
#ifndef NODUS_FS_INTERNAL_H
#define NODUS_FS_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include <node_api.h>
#include <uv.h>

/* How a call runs, chosen by its last argument: undefined -> synchronous
 * (returns the result or throws), a function -> callback(err, result) from
 * the loop, null -> returns a promise (lib's kUsePromises). */
typedef enum { ND_FS_SYNC, ND_FS_CALLBACK, ND_FS_PROMISE } nd_fs_mode_t;

/* Encodings of names and paths handed back to JS. */
enum { ND_FS_ENC_UTF8 = 0, ND_FS_ENC_BUFFER = 1 };

/* Number of slots of a stat array: dev mode nlink uid gid rdev blksize ino
 * size blocks, then sec/nsec pairs of atime mtime ctime birthtime. */
#define ND_FS_STAT_FIELDS 18

typedef struct nd_fs_req_s nd_fs_req_t;
typedef struct nd_fs_ready_s nd_fs_ready_t;

/* Builds the JS result of a successful request (in a handle scope). May
 * return NULL for undefined. */
typedef napi_value (*nd_fs_result_fn)(nd_fs_req_t *r);

/* Work run off the loop for operations libuv has no single call for; sets
 * r->uv.result (>= 0 or a UV error) and may set r->syscall. */
typedef void (*nd_fs_work_fn)(nd_fs_req_t *r);

struct nd_fs_req_s {
  uv_fs_t uv;
  uv_work_t work;
  nd_fs_work_fn work_fn;
  napi_env env;
  nd_fs_mode_t mode;
  napi_ref cb;
  napi_deferred deferred;
  napi_ref keep;            /* object kept alive while in flight */
  nd_fs_result_fn result;
  const char *syscall;      /* for the error message */
  char *path;               /* owned; shown in errors */
  char *dest;               /* owned; shown in errors */
  bool error_path;          /* whether errors show path (default yes) */
  int enc;                  /* ND_FS_ENC_* for name results */
  bool bigint;
  napi_value stat_target;   /* sync: the caller's stat array */
  uv_buf_t *bufs;
  uv_buf_t small[4];
  unsigned nbufs;
  void *data;               /* op-specific, freed with the request */
  size_t len;               /* op-specific */
  int64_t num;              /* op-specific */
  int flags;                /* op-specific */
  int fd;                   /* op-specific */
  int perm;                 /* op-specific: a file mode */
  nd_fs_req_t *next_ready;  /* in the realm's queue of finished reads */
};

/* Starts a request for an op whose last JS argument is `req`: fills
 * `stack` and returns it for sync calls, or a heap request otherwise.
 * Returns NULL (exception pending) when `req` has a wrong type. */
nd_fs_req_t *nd_fs_req_begin(napi_env env, napi_value req,
                             nd_fs_req_t *stack);

/* The uv completion callback for r's mode (NULL for sync calls). */
uv_fs_cb nd_fs_cb(nd_fs_req_t *r);

/* Finishes a request after uv_fs_*() returned `err`: sync calls return the
 * result or throw; async ones return undefined or the promise. */
napi_value nd_fs_dispatch(nd_fs_req_t *r, int err, const char *syscall,
                          nd_fs_result_fn result);

/* Delivers the outcome of a finished async request to JS (callback or
 * promise) and frees the request. Runs JS: call it from the loop only. */
void nd_fs_complete(nd_fs_req_t *r);

/* For an async read of fd into bufs at pos (-1: the file position): if the
 * data can be read without blocking (page cache), reads it now, finishes
 * the request as nd_fs_dispatch would (*out: undefined or the promise) and
 * queues the delivery of its result for the next loop turn; returns true.
 * Returns false, having done nothing, when the thread pool must read. */
bool nd_fs_read_nowait(nd_fs_req_t *r, int fd, const uv_buf_t *bufs,
                       unsigned nbufs, int64_t pos, nd_fs_result_fn result,
                       napi_value *out);

/* For an async write of bufs to fd at pos (-1: the file position): if fd
 * is a regular file on a local filesystem whose writes only copy into the
 * page cache, writes now on the loop thread and queues the delivery of the
 * result as nd_fs_read_nowait does; returns true. Returns false, having
 * written nothing, when the thread pool must write. */
bool nd_fs_write_inline(nd_fs_req_t *r, int fd, const uv_buf_t *bufs,
                        unsigned nbufs, int64_t pos, nd_fs_result_fn result,
                        napi_value *out);

/* Runs `fn` now (sync) or on the thread pool, then as nd_fs_dispatch. */
napi_value nd_fs_run(nd_fs_req_t *r, nd_fs_work_fn fn, const char *syscall,
                     nd_fs_result_fn result);

/* Drops a request whose arguments failed to convert (exception pending). */
napi_value nd_fs_abort(nd_fs_req_t *r);

/* Keeps `v` alive until the request completes (async only). */
void nd_fs_keep(nd_fs_req_t *r, napi_value v);

/* Copies a path argument (string or Uint8Array) into a malloc'd
 * NUL-terminated string; NULL with a TypeError pending otherwise. */
char *nd_fs_path_arg(napi_env env, napi_value v);

/* Integer arguments: int64 from a number or BigInt, `fallback` for
 * null/undefined. */
int64_t nd_fs_int_arg(napi_env env, napi_value v, int64_t fallback);

/* Data pointer and byte length of an ArrayBufferView; false if `v` is not
 * one (a TypeError is then pending). */
bool nd_fs_view(napi_env env, napi_value v, char **data, size_t *len);

/* Node's shape of a failed fs call (sync orders errno, syscall, code). */
napi_value nd_fs_error(napi_env env, int err, const char *syscall,
                       const char *path, const char *dest, bool sync);

/* A name as JS wants it: a string (UTF-8) or a Buffer. */
napi_value nd_fs_name(napi_env env, const char *s, size_t len, int enc);

/* Fills `arr` (Float64Array or BigInt64Array of ND_FS_STAT_FIELDS
 * elements starting at `offset`) from a libuv stat. */
void nd_fs_fill_stat(napi_env env, napi_value arr, size_t offset,
                     const uv_stat_t *s);

/* A new stat array (BigInt64Array when bigint) of `count` stat records. */
napi_value nd_fs_new_stat_array(napi_env env, bool bigint, size_t count);

/* Common result builders. */
napi_value nd_fs_result_int(nd_fs_req_t *r);
napi_value nd_fs_result_stat(nd_fs_req_t *r);

/* Method tables of the split files, added by fs.c's init. */
void nd_fs_define_ops(napi_env env, napi_value exports);
void nd_fs_define_more(napi_env env, napi_value exports);
void nd_fs_define_dir(napi_env env, napi_value exports);
void nd_fs_define_watch(napi_env env, napi_value exports);

#endif /* NODUS_FS_INTERNAL_H */
