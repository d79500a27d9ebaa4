/* fs_more.c - internalBinding('fs') operations libuv has no single call
 * for: whole-file readFile/writeFile in one trip, recursive mkdir and a
 * non-throwing exists(). They run as plain syscalls, on the calling thread
 * for sync calls and on the thread pool otherwise. */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buffer_string.h"
#include "fs_internal.h"
#include "napi_util.h"
#include "realm.h"

#define BEGIN(n)                                                               \
  napi_value argv[n];                                                          \
  nd_args(env, info, n, argv);                                                 \
  nd_fs_req_t stack_req;                                                       \
  nd_fs_req_t *r = nd_fs_req_begin(env, argv[(n) - 1], &stack_req);            \
  if (r == NULL) return NULL

/* Largest file readFile returns (Node's kIoMaxLength). */
#define ND_FS_IO_MAX 2147483647LL

/* exists(path) -> whether access(path, F_OK) succeeds. Never throws for a
 * missing file. */
static napi_value fs_exists(napi_env env, napi_callback_info info) {
  napi_value argv[1], r;
  nd_args(env, info, 1, argv);
  char stackbuf[1024];
  char *path = stackbuf;
  size_t len = 0;
  napi_valuetype t;
  napi_typeof(env, argv[0], &t);
  if (t == napi_string) {
    if (napi_get_value_string_utf8(env, argv[0], stackbuf, sizeof(stackbuf),
                                   &len) != napi_ok)
      return NULL;
    if (len + 1 >= sizeof(stackbuf)) path = nd_strdup_utf8(env, argv[0]);
  } else {
    path = nd_fs_path_arg(env, argv[0]);
  }
  if (path == NULL) return NULL;
  int ok = access(path, F_OK) == 0;
  if (path != stackbuf) free(path);
  napi_get_boolean(env, ok, &r);
  return r;
}

/* Opens r->path (unless r->fd is set by the caller: r->num == 1 means
 * "fd given"). Returns the fd or a UV error with r->syscall set. */
static int open_target(nd_fs_req_t *r, int mode) {
  if (r->num == 1) return r->fd;
  int fd;
  do {
    fd = open(r->path, r->flags | O_CLOEXEC, mode);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) {
    r->syscall = "open";
    return -errno;
  }
  return fd;
}

static void close_target(nd_fs_req_t *r, int fd) {
  if (r->num != 1) close(fd);
}

/* Fails the request with `err` from `syscall`, which has no path. */
static void fail(nd_fs_req_t *r, int err, const char *syscall) {
  r->syscall = syscall;
  r->error_path = false;
  r->uv.result = err;
}

/* Reads the whole file into r->data/r->len; r->len == SIZE_MAX with the
 * size in r->num when the file is too large. */
static void read_file_work(nd_fs_req_t *r) {
  int fd = open_target(r, 0666);
  if (fd < 0) {
    r->uv.result = fd;
    return;
  }
  struct stat st;
  if (fstat(fd, &st) != 0) {
    fail(r, -errno, "fstat");
    close_target(r, fd);
    return;
  }
  size_t size = 0;
  if (S_ISREG(st.st_mode) && st.st_size > 0) {
    if (st.st_size > ND_FS_IO_MAX) {
      close_target(r, fd); /* before r->num changes meaning */
      r->len = (size_t)-1;
      r->num = st.st_size;
      r->uv.result = 0;
      return;
    }
    size = (size_t)st.st_size;
  }
  size_t cap = size > 0 ? size : 64 * 1024, len = 0;
  char *buf = malloc(cap ? cap : 1);
  for (;;) {
    if (len == cap) {
      if (size > 0) break; /* read what fstat announced */
      cap *= 2;
      buf = realloc(buf, cap);
    }
    ssize_t n = read(fd, buf + len, cap - len);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(r, -errno, "read");
      free(buf);
      close_target(r, fd);
      return;
    }
    if (n == 0) break;
    len += (size_t)n;
  }
  close_target(r, fd);
  r->data = buf;
  r->len = len;
  r->uv.result = 0;
}

static void free_data(napi_env env, void *data, void *hint) { free(data); }

static napi_value result_read_file(nd_fs_req_t *r) {
  napi_env env = r->env;
  napi_value v;
  if (r->len == (size_t)-1) {
    napi_create_double(env, (double)r->num, &v);
    return v;
  }
  if (r->enc == ND_FS_ENC_UTF8)
    return nd_string_decode(env, ND_ENC_UTF8, (const uint8_t *)r->data,
                            r->len);
  if (r->len == 0) {
    napi_create_buffer(env, 0, NULL, &v);
    return v;
  }
  if (napi_create_external_buffer(env, r->len, r->data, free_data, NULL,
                                  &v) != napi_ok)
    return NULL;
  r->data = NULL; /* owned by the buffer now */
  return v;
}

/* Reads all of `fd` (a regular file of `size` bytes) into `dst`; returns
 * the byte count or -errno. */
static ssize_t read_fully(int fd, char *dst, size_t size) {
  size_t len = 0;
  while (len < size) {
    ssize_t n = read(fd, dst + len, size - len);
    if (n < 0) {
      if (errno == EINTR) continue;
      return -errno;
    }
    if (n == 0) break;
    len += (size_t)n;
  }
  return (ssize_t)len;
}

/* The synchronous readFile of a named regular file: no request, the path
 * on the stack, the data read straight into the Buffer (or decoded from a
 * scratch block). Returns false, having done nothing visible, for cases
 * the general path handles (long paths, empty or special files); true
 * with *out set, or NULL and an exception pending. */
static bool read_file_sync_fast(napi_env env, napi_value *argv,
                                napi_value *out) {
  char path[2048];
  size_t plen;
  if (napi_get_value_string_utf8(env, argv[0], path, sizeof(path), &plen) !=
          napi_ok ||
      plen + 1 >= sizeof(path))
    return false;
  int flags = (int)nd_fs_int_arg(env, argv[1], O_RDONLY);
  int enc = (int)nd_fs_int_arg(env, argv[2], ND_FS_ENC_BUFFER);
  int fd;
  do {
    fd = open(path, flags | O_CLOEXEC, 0666);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) {
    napi_throw(env, nd_fs_error(env, -errno, "open", path, NULL, true));
    *out = NULL;
    return true;
  }
  struct stat st;
  if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
      st.st_size > ND_FS_IO_MAX) {
    close(fd);
    return false;
  }
  size_t size = (size_t)st.st_size;
  ssize_t n;
  if (enc == ND_FS_ENC_UTF8) {
    char stackbuf[64 * 1024 + 64];
    char *buf = size <= sizeof(stackbuf) ? stackbuf : malloc(size);
    n = read_fully(fd, buf, size);
    close(fd);
    *out = n < 0 ? NULL :
      nd_string_decode(env, ND_ENC_UTF8, (const uint8_t *)buf, (size_t)n);
    if (buf != stackbuf) free(buf);
  } else {
    void *data;
    if (napi_create_buffer(env, size, &data, out) != napi_ok) {
      close(fd);
      *out = NULL;
      return true;
    }
    n = read_fully(fd, data, size);
    close(fd);
    if (n >= 0 && (size_t)n < size)
      napi_create_buffer_copy(env, (size_t)n, data, NULL, out);
  }
  if (n < 0) {
    napi_throw(env, nd_fs_error(env, (int)n, "read", NULL, NULL, true));
    *out = NULL;
  }
  return true;
}

/* readFile(pathOrFd, flags, encoding, req) -> Buffer (encoding 1) or
 * UTF-8 string (encoding 0); a number (the size) when the file is larger
 * than 2 GiB. An fd is read from its current position and left open. */
static napi_value fs_read_file(napi_env env, napi_callback_info info) {
  BEGIN(4);
  napi_valuetype t, rt;
  napi_typeof(env, argv[0], &t);
  napi_typeof(env, argv[3], &rt);
  if (t == napi_string && rt == napi_undefined) {
    napi_value v = NULL;
    if (read_file_sync_fast(env, argv, &v)) return v;
  }
  if (t == napi_number) {
    r->num = 1;
    r->fd = (int)nd_fs_int_arg(env, argv[0], -1);
  } else if ((r->path = nd_fs_path_arg(env, argv[0])) == NULL) {
    return nd_fs_abort(r);
  }
  r->flags = (int)nd_fs_int_arg(env, argv[1], O_RDONLY);
  r->enc = (int)nd_fs_int_arg(env, argv[2], ND_FS_ENC_BUFFER);
  return nd_fs_run(r, read_file_work, "open", result_read_file);
}

static void write_file_work(nd_fs_req_t *r) {
  int fd = open_target(r, r->perm);
  if (fd < 0) {
    r->uv.result = fd;
    return;
  }
  const char *p = r->small[0].base;
  size_t left = r->small[0].len;
  while (left > 0) {
    ssize_t n = write(fd, p, left);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail(r, -errno, "write");
      close_target(r, fd);
      return;
    }
    p += n;
    left -= (size_t)n;
  }
  close_target(r, fd);
  r->uv.result = 0;
}

/* The synchronous writeFile of a named file with small data: path and
 * UTF-8 text on the stack, then open, write, close. Returns false, having
 * done nothing, when the general path must run; true when done (an
 * exception may be pending). */
static bool write_file_sync_fast(napi_env env, napi_value *argv) {
  char path[2048];
  char text[32 * 1024];
  size_t plen, len, units;
  const char *data;
  if (napi_get_value_string_utf8(env, argv[0], path, sizeof(path), &plen) !=
          napi_ok ||
      plen + 1 >= sizeof(path))
    return false;
  napi_valuetype t;
  napi_typeof(env, argv[1], &t);
  if (t == napi_string) {
    if (napi_get_value_string_utf16(env, argv[1], NULL, 0, &units) !=
            napi_ok ||
        units * 3 + 1 > sizeof(text))
      return false;
    napi_get_value_string_utf8(env, argv[1], text, sizeof(text), &len);
    data = text;
  } else {
    char *view;
    if (napi_get_buffer_info(env, argv[1], (void **)&view, &len) != napi_ok)
      return false;
    data = view != NULL ? view : "";
  }
  int flags = (int)nd_fs_int_arg(env, argv[2], O_WRONLY | O_CREAT | O_TRUNC);
  int mode = (int)nd_fs_int_arg(env, argv[3], 0666);
  int fd;
  do {
    fd = open(path, flags | O_CLOEXEC, mode);
  } while (fd < 0 && errno == EINTR);
  if (fd < 0) {
    napi_throw(env, nd_fs_error(env, -errno, "open", path, NULL, true));
    return true;
  }
  while (len > 0) {
    ssize_t n = write(fd, data, len);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = -errno;
      close(fd);
      napi_throw(env, nd_fs_error(env, err, "write", NULL, NULL, true));
      return true;
    }
    data += n;
    len -= (size_t)n;
  }
  close(fd);
  return true;
}

/* writeFile(pathOrFd, data, flags, mode, req): writes all of `data` (a
 * view, or a string written as UTF-8), opening and closing the path, or at
 * the fd's current position. */
static napi_value fs_write_file(napi_env env, napi_callback_info info) {
  BEGIN(5);
  napi_valuetype t, rt;
  napi_typeof(env, argv[0], &t);
  napi_typeof(env, argv[4], &rt);
  if (t == napi_string && rt == napi_undefined &&
      write_file_sync_fast(env, argv))
    return NULL;
  if (t == napi_number) {
    r->num = 1;
    r->fd = (int)nd_fs_int_arg(env, argv[0], -1);
  } else if ((r->path = nd_fs_path_arg(env, argv[0])) == NULL) {
    return nd_fs_abort(r);
  }
  napi_typeof(env, argv[1], &t);
  if (t == napi_string) {
    size_t len = 0;
    napi_get_value_string_utf8(env, argv[1], NULL, 0, &len);
    r->data = malloc(len + 1);
    napi_get_value_string_utf8(env, argv[1], r->data, len + 1, &len);
    r->small[0] = uv_buf_init(r->data, (unsigned)len);
  } else {
    char *data;
    size_t len;
    if (!nd_fs_view(env, argv[1], &data, &len)) return nd_fs_abort(r);
    nd_fs_keep(r, argv[1]);
    r->small[0] = uv_buf_init(data, (unsigned)len);
  }
  r->flags = (int)nd_fs_int_arg(env, argv[2], O_WRONLY | O_CREAT | O_TRUNC);
  r->perm = (int)nd_fs_int_arg(env, argv[3], 0666);
  return nd_fs_run(r, write_file_work, "open", NULL);
}

/* mkdir -p of `p` (modified in place and restored); records the topmost
 * directory it created in *first. Returns 0 or a UV error. */
static int mkdirp(char *p, int mode, char **first) {
  if (mkdir(p, mode) == 0) {
    if (*first == NULL) *first = strdup(p);
    return 0;
  }
  int e = errno;
  struct stat st;
  if (e == EEXIST)
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode) ? 0 : -EEXIST;
  if (e != ENOENT) return -e;
  size_t n = strlen(p);
  while (n > 1 && p[n - 1] == '/') n--;
  while (n > 0 && p[n - 1] != '/') n--;
  while (n > 1 && p[n - 1] == '/') n--;
  if (n == 0 || (n == 1 && p[0] == '/')) return -ENOENT;
  char saved = p[n];
  p[n] = '\0';
  int err = mkdirp(p, mode, first);
  p[n] = saved;
  if (err != 0) return err;
  if (mkdir(p, mode) == 0) {
    if (*first == NULL) *first = strdup(p);
    return 0;
  }
  e = errno;
  if (e == EEXIST && stat(p, &st) == 0 && S_ISDIR(st.st_mode)) return 0;
  return -e;
}

static void mkdirp_work(nd_fs_req_t *r) {
  char *first = NULL;
  char *p = strdup(r->path);
  int err = mkdirp(p, r->flags, &first);
  free(p);
  r->data = first;
  r->uv.result = err;
}

static napi_value result_mkdirp(nd_fs_req_t *r) {
  if (r->data == NULL) return NULL;
  return nd_fs_name(r->env, r->data, strlen(r->data), ND_FS_ENC_UTF8);
}

/* mkdir(path, mode, recursive, req) -> with recursive, the first directory
 * created (or undefined). */
static napi_value fs_mkdir(napi_env env, napi_callback_info info) {
  BEGIN(4);
  if ((r->path = nd_fs_path_arg(env, argv[0])) == NULL) return nd_fs_abort(r);
  int mode = (int)nd_fs_int_arg(env, argv[1], 0777);
  if (nd_to_bool(env, argv[2])) {
    r->flags = mode;
    return nd_fs_run(r, mkdirp_work, "mkdir", result_mkdirp);
  }
  int err = uv_fs_mkdir(nd_realm_of(env)->loop, &r->uv, r->path, mode,
                        nd_fs_cb(r));
  return nd_fs_dispatch(r, err, "mkdir", NULL);
}

static const napi_property_descriptor more[] = {
  ND_METHOD("exists", fs_exists),
  ND_METHOD("mkdir", fs_mkdir),
  ND_METHOD("readFile", fs_read_file),
  ND_METHOD("writeFile", fs_write_file),
};

void nd_fs_define_more(napi_env env, napi_value exports) {
  napi_define_properties(env, exports, ND_COUNT(more), more);
}
