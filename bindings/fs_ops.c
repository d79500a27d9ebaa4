/* fs_ops.c - the plain file-system operations of internalBinding('fs'),
 * one uv_fs_* call each. Every function takes its arguments (already
 * validated by lib/fs) and a last `req` argument choosing sync (undefined),
 * callback (function) or promise (null); see fs_internal.h. */
#include <stdlib.h>
#include <string.h>

#include "fs_internal.h"
#include "napi_util.h"
#include "realm.h"

/* Fetches n arguments and starts the request from the last one. */
#define BEGIN(n)                                                               \
  napi_value argv[n];                                                          \
  nd_args(env, info, n, argv);                                                 \
  nd_fs_req_t stack_req;                                                       \
  nd_fs_req_t *r = nd_fs_req_begin(env, argv[(n) - 1], &stack_req);            \
  if (r == NULL) return NULL;                                                  \
  uv_loop_t *loop = nd_realm_of(env)->loop;                                    \
  (void)loop

#define PATH(field, i)                                                         \
  if ((r->field = nd_fs_path_arg(env, argv[i])) == NULL) return nd_fs_abort(r)

#define INT(i) ((int)nd_fs_int_arg(env, argv[i], 0))

static napi_value fs_access(napi_env env, napi_callback_info info) {
  BEGIN(3);
  PATH(path, 0);
  int err = uv_fs_access(loop, &r->uv, r->path, INT(1), nd_fs_cb(r));
  return nd_fs_dispatch(r, err, "access", NULL);
}

/* open(path, flags, mode, req) -> fd */
static napi_value fs_open(napi_env env, napi_callback_info info) {
  BEGIN(4);
  PATH(path, 0);
  int err = uv_fs_open(loop, &r->uv, r->path, INT(1), INT(2), nd_fs_cb(r));
  return nd_fs_dispatch(r, err, "open", nd_fs_result_int);
}

static napi_value fs_close(napi_env env, napi_callback_info info) {
  BEGIN(2);
  int err = uv_fs_close(loop, &r->uv, INT(0), nd_fs_cb(r));
  return nd_fs_dispatch(r, err, "close", NULL);
}

/* Collects the views of a JS array into r->bufs (the array is kept alive
 * for async calls). Returns false with an exception pending. */
static bool collect_bufs(nd_fs_req_t *r, napi_value arr) {
  napi_env env = r->env;
  uint32_t n = 0;
  napi_get_array_length(env, arr, &n);
  if (n > ND_COUNT(r->small)) r->bufs = malloc(sizeof(uv_buf_t) * n);
  for (uint32_t i = 0; i < n; i++) {
    napi_value v;
    char *data;
    size_t len;
    napi_get_element(env, arr, i, &v);
    if (!nd_fs_view(env, v, &data, &len)) return false;
    r->bufs[i] = uv_buf_init(data, (unsigned)len);
  }
  r->nbufs = n;
  nd_fs_keep(r, arr);
  return true;
}

/* Starts a read of fd into bufs at pos (-1: the file position): served at
 * once from the page cache when it can be (async calls), else by libuv. */
static napi_value start_read(nd_fs_req_t *r, uv_loop_t *loop, int fd,
                             uv_buf_t *bufs, unsigned nbufs, int64_t pos,
                             nd_fs_result_fn result) {
  napi_value out;
  if (nd_fs_read_nowait(r, fd, bufs, nbufs, pos, result, &out)) return out;
  int err = uv_fs_read(loop, &r->uv, fd, bufs, nbufs, pos, nd_fs_cb(r));
  return nd_fs_dispatch(r, err, "read", result);
}

/* Starts a write of bufs to fd at pos (-1: the file position): done on the
 * loop thread when only the page cache is involved (async calls), else by
 * libuv. The result is the number of bytes written. */
static napi_value start_write(nd_fs_req_t *r, uv_loop_t *loop, int fd,
                              uv_buf_t *bufs, unsigned nbufs, int64_t pos) {
  napi_value out;
  if (nd_fs_write_inline(r, fd, bufs, nbufs, pos, nd_fs_result_int, &out))
    return out;
  int err = uv_fs_write(loop, &r->uv, fd, bufs, nbufs, pos, nd_fs_cb(r));
  return nd_fs_dispatch(r, err, "write", nd_fs_result_int);
}

/* read(fd, view, offset, length, position, req) -> bytesRead. A position
 * of -1 (or null) reads at the current file position. */
static napi_value fs_read(napi_env env, napi_callback_info info) {
  BEGIN(6);
  char *data;
  size_t len;
  if (!nd_fs_view(env, argv[1], &data, &len)) return nd_fs_abort(r);
  int64_t off = nd_fs_int_arg(env, argv[2], 0);
  int64_t n = nd_fs_int_arg(env, argv[3], (int64_t)len);
  nd_fs_keep(r, argv[1]);
  r->small[0] = uv_buf_init(data + off, (unsigned)n);
  return start_read(r, loop, INT(0), r->small, 1,
                    nd_fs_int_arg(env, argv[4], -1), nd_fs_result_int);
}

static void free_chunk(napi_env env, void *data, void *hint) { free(data); }

static napi_value result_chunk(nd_fs_req_t *r) {
  napi_value v;
  size_t n = (size_t)r->uv.result;
  if (n == 0) {
    napi_create_buffer(r->env, 0, NULL, &v);
    return v;
  }
  char *data = r->data;
  if (n < r->len) {
    char *shrunk = realloc(data, n);
    if (shrunk != NULL) data = shrunk;
  }
  r->data = NULL; /* owned by the Buffer from here */
  if (napi_create_external_buffer(r->env, n, data, free_chunk, NULL, &v) !=
      napi_ok) {
    free(data);
    return NULL;
  }
  return v;
}

/* readChunk(fd, length, position, req) -> a new Buffer of the bytes read
 * (empty at the end of the file). Its memory is not zero-filled first. */
static napi_value fs_read_chunk(napi_env env, napi_callback_info info) {
  BEGIN(4);
  int64_t n = nd_fs_int_arg(env, argv[1], 0);
  if (n < 1) n = 1;
  r->len = (size_t)n;
  r->data = malloc(r->len);
  if (r->data == NULL) {
    napi_throw_range_error(env, "ERR_BUFFER_TOO_LARGE", "out of memory");
    return nd_fs_abort(r);
  }
  r->small[0] = uv_buf_init(r->data, (unsigned)n);
  return start_read(r, loop, INT(0), r->small, 1,
                    nd_fs_int_arg(env, argv[2], -1), result_chunk);
}

/* readBuffers(fd, views, position, req) -> bytesRead */
static napi_value fs_read_buffers(napi_env env, napi_callback_info info) {
  BEGIN(4);
  if (!collect_bufs(r, argv[1])) return nd_fs_abort(r);
  return start_read(r, loop, INT(0), r->bufs, r->nbufs,
                    nd_fs_int_arg(env, argv[2], -1), nd_fs_result_int);
}

/* writeBytes(fd, view, offset, length, position, req) -> bytesWritten */
static napi_value fs_write_bytes(napi_env env, napi_callback_info info) {
  BEGIN(6);
  char *data;
  size_t len;
  if (!nd_fs_view(env, argv[1], &data, &len)) return nd_fs_abort(r);
  int64_t off = nd_fs_int_arg(env, argv[2], 0);
  int64_t n = nd_fs_int_arg(env, argv[3], (int64_t)len - off);
  nd_fs_keep(r, argv[1]);
  r->small[0] = uv_buf_init(data + off, (unsigned)n);
  return start_write(r, loop, INT(0), r->small, 1,
                     nd_fs_int_arg(env, argv[4], -1));
}

/* writeBuffers(fd, views, position, req) -> bytesWritten */
static napi_value fs_write_buffers(napi_env env, napi_callback_info info) {
  BEGIN(4);
  if (!collect_bufs(r, argv[1])) return nd_fs_abort(r);
  return start_write(r, loop, INT(0), r->bufs, r->nbufs,
                     nd_fs_int_arg(env, argv[2], -1));
}

/* writeText(fd, string, position, req) -> bytesWritten (UTF-8). */
static napi_value fs_write_text(napi_env env, napi_callback_info info) {
  BEGIN(4);
  size_t len = 0;
  if (napi_get_value_string_utf8(env, argv[1], NULL, 0, &len) != napi_ok) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", "expected a string");
    return nd_fs_abort(r);
  }
  r->data = malloc(len + 1);
  napi_get_value_string_utf8(env, argv[1], r->data, len + 1, &len);
  r->small[0] = uv_buf_init(r->data, (unsigned)len);
  return start_write(r, loop, INT(0), r->small, 1,
                     nd_fs_int_arg(env, argv[2], -1));
}

static napi_value fs_rename(napi_env env, napi_callback_info info) {
  BEGIN(3);
  PATH(path, 0);
  PATH(dest, 1);
  int err = uv_fs_rename(loop, &r->uv, r->path, r->dest, nd_fs_cb(r));
  return nd_fs_dispatch(r, err, "rename", NULL);
}

static napi_value fs_ftruncate(napi_env env, napi_callback_info info) {
  BEGIN(3);
  int err = uv_fs_ftruncate(loop, &r->uv, INT(0),
                            nd_fs_int_arg(env, argv[1], 0), nd_fs_cb(r));
  return nd_fs_dispatch(r, err, "ftruncate", NULL);
}

static napi_value fs_rmdir(napi_env env, napi_callback_info info) {
  BEGIN(2);
  PATH(path, 0);
  int err = uv_fs_rmdir(loop, &r->uv, r->path, nd_fs_cb(r));
  return nd_fs_dispatch(r, err, "rmdir", NULL);
}

static napi_value fs_unlink(napi_env env, napi_callback_info info) {
  BEGIN(2);
  PATH(path, 0);
  int err = uv_fs_unlink(loop, &r->uv, r->path, nd_fs_cb(r));
  return nd_fs_dispatch(r, err, "unlink", NULL);
}

/* Builds readdir's result: names, or [names, types] with file types. */
static napi_value result_readdir(nd_fs_req_t *r) {
  napi_env env = r->env;
  napi_value names, types = NULL, v;
  napi_create_array(env, &names);
  if (r->flags) napi_create_array(env, &types);
  uv_dirent_t ent;
  uint32_t i = 0;
  while (uv_fs_scandir_next(&r->uv, &ent) != UV_EOF) {
    napi_set_element(env, names, i,
                     nd_fs_name(env, ent.name, strlen(ent.name), r->enc));
    if (types != NULL) {
      napi_create_int32(env, ent.type, &v);
      napi_set_element(env, types, i, v);
    }
    i++;
  }
  if (types == NULL) return names;
  napi_value pair;
  napi_create_array_with_length(env, 2, &pair);
  napi_set_element(env, pair, 0, names);
  napi_set_element(env, pair, 1, types);
  return pair;
}

/* readdir(path, encoding, withTypes, req) -> names | [names, types] */
static napi_value fs_readdir(napi_env env, napi_callback_info info) {
  BEGIN(4);
  PATH(path, 0);
  r->enc = INT(1);
  r->flags = nd_to_bool(env, argv[2]);
  int err = uv_fs_scandir(loop, &r->uv, r->path, 0, nd_fs_cb(r));
  return nd_fs_dispatch(r, err, "scandir", result_readdir);
}

/* Reads stat's shared arguments: bigint flag and (sync) target array. */
static void stat_args(nd_fs_req_t *r, napi_value bigint, napi_value target) {
  r->bigint = nd_to_bool(r->env, bigint);
  bool is_ta = false;
  napi_is_typedarray(r->env, target, &is_ta);
  if (r->mode == ND_FS_SYNC && is_ta) r->stat_target = target;
}

/* The synchronous stat/lstat of a string path into the caller's record
 * array: the path on the stack, no request. Returns false, having done
 * nothing, when the general path must run (async, long or Buffer paths);
 * true when done (an exception may be pending). */
static bool stat_sync_fast(napi_env env, napi_callback_info info, bool link) {
  napi_value argv[4];
  nd_args(env, info, 4, argv);
  napi_valuetype t, rt;
  napi_typeof(env, argv[3], &rt);
  napi_typeof(env, argv[0], &t);
  if (rt != napi_undefined || t != napi_string) return false;
  char path[4096];
  size_t plen;
  if (napi_get_value_string_utf8(env, argv[0], path, sizeof(path), &plen) !=
          napi_ok ||
      plen + 1 >= sizeof(path))
    return false;
  uv_fs_t req;
  int err = link ? uv_fs_lstat(NULL, &req, path, NULL)
                 : uv_fs_stat(NULL, &req, path, NULL);
  if (err < 0) {
    uv_fs_req_cleanup(&req);
    napi_throw(env, nd_fs_error(env, err, link ? "lstat" : "stat", path, NULL,
                                true));
    return true;
  }
  nd_fs_fill_stat(env, argv[2], 0, &req.statbuf);
  uv_fs_req_cleanup(&req);
  return true;
}

/* stat(path, bigint, syncTarget, req): sync calls fill syncTarget (a
 * Float64Array or BigInt64Array of 18); async ones yield a new array. */
static napi_value fs_stat(napi_env env, napi_callback_info info) {
  if (stat_sync_fast(env, info, false)) return NULL;
  BEGIN(4);
  PATH(path, 0);
  stat_args(r, argv[1], argv[2]);
  int err = uv_fs_stat(loop, &r->uv, r->path, nd_fs_cb(r));
  return nd_fs_dispatch(r, err, "stat", nd_fs_result_stat);
}

static napi_value fs_lstat(napi_env env, napi_callback_info info) {
  if (stat_sync_fast(env, info, true)) return NULL;
  BEGIN(4);
  PATH(path, 0);
  stat_args(r, argv[1], argv[2]);
  int err = uv_fs_lstat(loop, &r->uv, r->path, nd_fs_cb(r));
  return nd_fs_dispatch(r, err, "lstat", nd_fs_result_stat);
}

static napi_value fs_fstat(napi_env env, napi_callback_info info) {
  BEGIN(4);
  stat_args(r, argv[1], argv[2]);
  int err = uv_fs_fstat(loop, &r->uv, INT(0), nd_fs_cb(r));
  return nd_fs_dispatch(r, err, "fstat", nd_fs_result_stat);
}

static napi_value result_statfs(nd_fs_req_t *r) {
  napi_env env = r->env;
  const uv_statfs_t *s = r->uv.ptr;
  int64_t v[7] = {(int64_t)s->f_type,   (int64_t)s->f_bsize,
                  (int64_t)s->f_blocks, (int64_t)s->f_bfree,
                  (int64_t)s->f_bavail, (int64_t)s->f_files,
                  (int64_t)s->f_ffree};
  napi_value ab, arr;
  void *data;
  napi_create_arraybuffer(env, sizeof(v), &data, &ab);
  if (r->bigint) {
    memcpy(data, v, sizeof(v));
    napi_create_typedarray(env, napi_bigint64_array, 7, ab, 0, &arr);
  } else {
    for (int i = 0; i < 7; i++) ((double *)data)[i] = (double)v[i];
    napi_create_typedarray(env, napi_float64_array, 7, ab, 0, &arr);
  }
  return arr;
}

/* statfs(path, bigint, req) -> [type, bsize, blocks, bfree, bavail, files,
 * ffree] as a Float64Array or BigInt64Array. */
static napi_value fs_statfs(napi_env env, napi_callback_info info) {
  BEGIN(3);
  PATH(path, 0);
  r->bigint = nd_to_bool(env, argv[1]);
  int err = uv_fs_statfs(loop, &r->uv, r->path, nd_fs_cb(r));
  return nd_fs_dispatch(r, err, "statfs", result_statfs);
}

static napi_value fs_link(napi_env env, napi_callback_info info) {
  BEGIN(3);
  PATH(path, 0);
  PATH(dest, 1);
  int err = uv_fs_link(loop, &r->uv, r->path, r->dest, nd_fs_cb(r));
  return nd_fs_dispatch(r, err, "link", NULL);
}

/* symlink(target, path, flags, req) */
static napi_value fs_symlink(napi_env env, napi_callback_info info) {
  BEGIN(4);
  PATH(path, 0);
  PATH(dest, 1);
  int err = uv_fs_symlink(loop, &r->uv, r->path, r->dest, INT(2),
                          nd_fs_cb(r));
  return nd_fs_dispatch(r, err, "symlink", NULL);
}

static napi_value result_ptr_name(nd_fs_req_t *r) {
  const char *s = r->uv.ptr;
  return nd_fs_name(r->env, s, strlen(s), r->enc);
}

/* readlink(path, encoding, req) -> target */
static napi_value fs_readlink(napi_env env, napi_callback_info info) {
  BEGIN(3);
  PATH(path, 0);
  r->enc = INT(1);
  int err = uv_fs_readlink(loop, &r->uv, r->path, nd_fs_cb(r));
  return nd_fs_dispatch(r, err, "readlink", result_ptr_name);
}

/* realpath(path[, encoding, req]) -> the canonical path (realpath(3)). */
static napi_value fs_realpath(napi_env env, napi_callback_info info) {
  BEGIN(3);
  PATH(path, 0);
  r->enc = INT(1);
  int err = uv_fs_realpath(loop, &r->uv, r->path, nd_fs_cb(r));
  return nd_fs_dispatch(r, err, "realpath", result_ptr_name);
}

static napi_value result_mkdtemp(nd_fs_req_t *r) {
  return nd_fs_name(r->env, r->uv.path, strlen(r->uv.path), r->enc);
}

/* mkdtemp(prefix, encoding, req) -> the new directory's path */
static napi_value fs_mkdtemp(napi_env env, napi_callback_info info) {
  BEGIN(3);
  char *prefix = nd_fs_path_arg(env, argv[0]);
  if (prefix == NULL) return nd_fs_abort(r);
  size_t n = strlen(prefix);
  r->path = malloc(n + 7);
  memcpy(r->path, prefix, n);
  memcpy(r->path + n, "XXXXXX", 7);
  free(prefix);
  r->enc = INT(1);
  int err = uv_fs_mkdtemp(loop, &r->uv, r->path, nd_fs_cb(r));
  return nd_fs_dispatch(r, err, "mkdtemp", result_mkdtemp);
}

static napi_value fs_chmod(napi_env env, napi_callback_info info) {
  BEGIN(3);
  PATH(path, 0);
  int err = uv_fs_chmod(loop, &r->uv, r->path, INT(1), nd_fs_cb(r));
  return nd_fs_dispatch(r, err, "chmod", NULL);
}

static napi_value fs_fchmod(napi_env env, napi_callback_info info) {
  BEGIN(3);
  int err = uv_fs_fchmod(loop, &r->uv, INT(0), INT(1), nd_fs_cb(r));
  return nd_fs_dispatch(r, err, "fchmod", NULL);
}

static napi_value fs_chown(napi_env env, napi_callback_info info) {
  BEGIN(4);
  PATH(path, 0);
  int err = uv_fs_chown(loop, &r->uv, r->path, (uv_uid_t)INT(1),
                        (uv_gid_t)INT(2), nd_fs_cb(r));
  return nd_fs_dispatch(r, err, "chown", NULL);
}

static napi_value fs_lchown(napi_env env, napi_callback_info info) {
  BEGIN(4);
  PATH(path, 0);
  int err = uv_fs_lchown(loop, &r->uv, r->path, (uv_uid_t)INT(1),
                         (uv_gid_t)INT(2), nd_fs_cb(r));
  return nd_fs_dispatch(r, err, "lchown", NULL);
}

static napi_value fs_fchown(napi_env env, napi_callback_info info) {
  BEGIN(4);
  int err = uv_fs_fchown(loop, &r->uv, INT(0), (uv_uid_t)INT(1),
                         (uv_gid_t)INT(2), nd_fs_cb(r));
  return nd_fs_dispatch(r, err, "fchown", NULL);
}

/* utimes(path, atimeSeconds, mtimeSeconds, req) and friends. */
static napi_value fs_utimes(napi_env env, napi_callback_info info) {
  BEGIN(4);
  PATH(path, 0);
  int err = uv_fs_utime(loop, &r->uv, r->path, nd_to_double(env, argv[1], 0),
                        nd_to_double(env, argv[2], 0), nd_fs_cb(r));
  return nd_fs_dispatch(r, err, "utime", NULL);
}

static napi_value fs_lutimes(napi_env env, napi_callback_info info) {
  BEGIN(4);
  PATH(path, 0);
  int err = uv_fs_lutime(loop, &r->uv, r->path,
                         nd_to_double(env, argv[1], 0),
                         nd_to_double(env, argv[2], 0), nd_fs_cb(r));
  return nd_fs_dispatch(r, err, "lutime", NULL);
}

static napi_value fs_futimes(napi_env env, napi_callback_info info) {
  BEGIN(4);
  int err = uv_fs_futime(loop, &r->uv, INT(0), nd_to_double(env, argv[1], 0),
                         nd_to_double(env, argv[2], 0), nd_fs_cb(r));
  return nd_fs_dispatch(r, err, "futime", NULL);
}

static napi_value fs_fsync(napi_env env, napi_callback_info info) {
  BEGIN(2);
  int err = uv_fs_fsync(loop, &r->uv, INT(0), nd_fs_cb(r));
  return nd_fs_dispatch(r, err, "fsync", NULL);
}

static napi_value fs_fdatasync(napi_env env, napi_callback_info info) {
  BEGIN(2);
  int err = uv_fs_fdatasync(loop, &r->uv, INT(0), nd_fs_cb(r));
  return nd_fs_dispatch(r, err, "fdatasync", NULL);
}

/* copyFile(src, dest, mode, req) */
static napi_value fs_copy_file(napi_env env, napi_callback_info info) {
  BEGIN(4);
  PATH(path, 0);
  PATH(dest, 1);
  int err = uv_fs_copyfile(loop, &r->uv, r->path, r->dest, INT(2),
                           nd_fs_cb(r));
  return nd_fs_dispatch(r, err, "copyfile", NULL);
}

static const napi_property_descriptor ops[] = {
  ND_METHOD("access", fs_access),
  ND_METHOD("chmod", fs_chmod),
  ND_METHOD("chown", fs_chown),
  ND_METHOD("close", fs_close),
  ND_METHOD("copyFile", fs_copy_file),
  ND_METHOD("fchmod", fs_fchmod),
  ND_METHOD("fchown", fs_fchown),
  ND_METHOD("fdatasync", fs_fdatasync),
  ND_METHOD("fstat", fs_fstat),
  ND_METHOD("fsync", fs_fsync),
  ND_METHOD("ftruncate", fs_ftruncate),
  ND_METHOD("futimes", fs_futimes),
  ND_METHOD("lchown", fs_lchown),
  ND_METHOD("link", fs_link),
  ND_METHOD("lstat", fs_lstat),
  ND_METHOD("lutimes", fs_lutimes),
  ND_METHOD("mkdtemp", fs_mkdtemp),
  ND_METHOD("open", fs_open),
  ND_METHOD("read", fs_read),
  ND_METHOD("readBuffers", fs_read_buffers),
  ND_METHOD("readChunk", fs_read_chunk),
  ND_METHOD("readdir", fs_readdir),
  ND_METHOD("readlink", fs_readlink),
  ND_METHOD("realpath", fs_realpath),
  ND_METHOD("rename", fs_rename),
  ND_METHOD("rmdir", fs_rmdir),
  ND_METHOD("stat", fs_stat),
  ND_METHOD("statfs", fs_statfs),
  ND_METHOD("symlink", fs_symlink),
  ND_METHOD("unlink", fs_unlink),
  ND_METHOD("utimes", fs_utimes),
  ND_METHOD("writeBuffers", fs_write_buffers),
  ND_METHOD("writeBytes", fs_write_bytes),
  ND_METHOD("writeText", fs_write_text),
};

void nd_fs_define_ops(napi_env env, napi_value exports) {
  napi_define_properties(env, exports, ND_COUNT(ops), ops);
}
