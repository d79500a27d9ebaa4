/* fs.c - internalBinding('fs'): the calls the module loader and stdio use
 * directly, and the binding's init, which adds the operations of fs_ops.c,
 * fs_more.c, fs_dir.c and fs_watch.c. */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <uv.h>

#include "bindings.h"
#include "fs_internal.h"
#include "napi_util.h"

/* internalModuleStat(path) -> 0 file, 1 directory, negative errno. */
static napi_value fs_internal_module_stat(napi_env env,
                                         napi_callback_info info) {
  napi_value argv[1], r;
  nd_args(env, info, 1, argv);
  char *path = nd_strdup_utf8(env, argv[0]);
  if (path == NULL) return NULL;
  struct stat st;
  int rc = stat(path, &st) == 0 ? (S_ISDIR(st.st_mode) ? 1 : 0) : -errno;
  free(path);
  napi_create_int32(env, rc, &r);
  return r;
}

/* Reads a whole file into a malloc'd buffer. Returns 0 or a UV error. */
static int read_all(const char *path, char **out, size_t *out_len) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -errno;
  struct stat st;
  size_t cap = 64 * 1024;
  if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0)
    cap = (size_t)st.st_size + 1;
  if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    close(fd);
    return UV_EISDIR;
  }
  char *buf = malloc(cap);
  size_t len = 0;
  for (;;) {
    if (len == cap) {
      cap *= 2;
      buf = realloc(buf, cap);
    }
    ssize_t n = read(fd, buf + len, cap - len);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = -errno;
      free(buf);
      close(fd);
      return err;
    }
    if (n == 0) break;
    len += (size_t)n;
  }
  close(fd);
  *out = buf;
  *out_len = len;
  return 0;
}

/* readFileUtf8(path) -> the file's text; throws ENOENT & co. with
 * syscall 'open'. */
static napi_value fs_read_file_utf8(napi_env env, napi_callback_info info) {
  napi_value argv[1], r;
  nd_args(env, info, 1, argv);
  char *path = nd_strdup_utf8(env, argv[0]);
  if (path == NULL) return NULL;
  char *data = NULL;
  size_t len = 0;
  int err = read_all(path, &data, &len);
  if (err != 0) {
    nd_throw_uv(env, err, err == UV_EISDIR ? "read" : "open",
                err == UV_EISDIR ? NULL : path, NULL);
    free(path);
    return NULL;
  }
  free(path);
  napi_create_string_utf8(env, data, len, &r);
  free(data);
  return r;
}

/* Writes all of buf to fd, waiting with poll() when a non-blocking fd is
 * full: stdio output is never dropped. Returns bytes written or -errno. */
static ssize_t write_all(int fd, const char *buf, size_t len) {
  size_t done = 0;
  while (done < len) {
    ssize_t n = write(fd, buf + done, len - done);
    if (n >= 0) {
      done += (size_t)n;
      continue;
    }
    if (errno == EINTR) continue;
    if (errno == EAGAIN || errno == EWOULDBLOCK) {
      struct pollfd p = {fd, POLLOUT, 0};
      poll(&p, 1, -1);
      continue;
    }
    return -errno;
  }
  return (ssize_t)done;
}

/* writeString(fd, string) -> bytes written (UTF-8). */
static napi_value fs_write_string(napi_env env, napi_callback_info info) {
  napi_value argv[2], r;
  nd_args(env, info, 2, argv);
  int fd = (int)nd_to_int64(env, argv[0], -1);
  size_t len;
  char stackbuf[4096];
  char *buf = stackbuf;
  if (napi_get_value_string_utf8(env, argv[1], NULL, 0, &len) != napi_ok) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", "expected a string");
    return NULL;
  }
  if (len + 1 > sizeof(stackbuf)) buf = malloc(len + 1);
  napi_get_value_string_utf8(env, argv[1], buf, len + 1, &len);
  ssize_t n = write_all(fd, buf, len);
  if (buf != stackbuf) free(buf);
  if (n < 0) return nd_throw_uv(env, (int)n, "write", NULL, NULL);
  napi_create_double(env, (double)n, &r);
  return r;
}

/* writeBuffer(fd, typedArray, offset, length) -> bytes written. */
static napi_value fs_write_buffer(napi_env env, napi_callback_info info) {
  napi_value argv[4], r;
  size_t argc = nd_args(env, info, 4, argv);
  int fd = (int)nd_to_int64(env, argv[0], -1);
  char *data;
  size_t len;
  if (napi_get_buffer_info(env, argv[1], (void **)&data, &len) != napi_ok) {
    napi_throw_type_error(env, "ERR_INVALID_ARG_TYPE", "expected a buffer");
    return NULL;
  }
  size_t off = argc > 2 ? (size_t)nd_to_int64(env, argv[2], 0) : 0;
  size_t n = argc > 3 ? (size_t)nd_to_int64(env, argv[3], (int64_t)len) : len;
  if (off > len) off = len;
  if (n > len - off) n = len - off;
  ssize_t w = write_all(fd, data + off, n);
  if (w < 0) return nd_throw_uv(env, (int)w, "write", NULL, NULL);
  napi_create_double(env, (double)w, &r);
  return r;
}

/* readFd(fd) -> all remaining text of fd as UTF-8 (for scripts on stdin). */
static napi_value fs_read_fd_utf8(napi_env env, napi_callback_info info) {
  napi_value argv[1], r;
  nd_args(env, info, 1, argv);
  int fd = (int)nd_to_int64(env, argv[0], 0);
  size_t cap = 64 * 1024, len = 0;
  char *buf = malloc(cap);
  for (;;) {
    if (len == cap) buf = realloc(buf, cap *= 2);
    ssize_t n = read(fd, buf + len, cap - len);
    if (n < 0) {
      if (errno == EINTR) continue;
      if (errno == EAGAIN) {
        struct pollfd p = {fd, POLLIN, 0};
        poll(&p, 1, -1);
        continue;
      }
      free(buf);
      return nd_throw_uv(env, -errno, "read", NULL, NULL);
    }
    if (n == 0) break;
    len += (size_t)n;
  }
  napi_create_string_utf8(env, buf, len, &r);
  free(buf);
  return r;
}

/* guessHandleType(fd) -> 'TTY' | 'FILE' | 'PIPE' | 'TCP' | 'UDP' |
 * 'UNKNOWN', as libuv sees it. */
static napi_value fs_guess_handle_type(napi_env env, napi_callback_info info) {
  napi_value argv[1], r;
  nd_args(env, info, 1, argv);
  int fd = (int)nd_to_int64(env, argv[0], -1);
  const char *type = "UNKNOWN";
  switch (uv_guess_handle(fd)) {
    case UV_TTY: type = "TTY"; break;
    case UV_FILE: type = "FILE"; break;
    case UV_NAMED_PIPE: type = "PIPE"; break;
    case UV_TCP: type = "TCP"; break;
    case UV_UDP: type = "UDP"; break;
    default: break;
  }
  napi_create_string_utf8(env, type, NAPI_AUTO_LENGTH, &r);
  return r;
}

static napi_value fs_isatty(napi_env env, napi_callback_info info) {
  napi_value argv[1], r;
  nd_args(env, info, 1, argv);
  int fd = (int)nd_to_int64(env, argv[0], -1);
  napi_get_boolean(env, fd >= 0 && isatty(fd), &r);
  return r;
}

/* getWindowSize(fd) -> [columns, rows] of a terminal, or undefined. */
static napi_value fs_get_window_size(napi_env env, napi_callback_info info) {
  napi_value argv[1], arr, v;
  nd_args(env, info, 1, argv);
  int fd = (int)nd_to_int64(env, argv[0], -1);
  struct winsize ws;
  if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return NULL;
  napi_create_array_with_length(env, 2, &arr);
  napi_create_uint32(env, ws.ws_col, &v);
  napi_set_element(env, arr, 0, v);
  napi_create_uint32(env, ws.ws_row, &v);
  napi_set_element(env, arr, 1, v);
  return arr;
}

static const napi_property_descriptor fs_methods[] = {
  ND_METHOD("getWindowSize", fs_get_window_size),
  ND_METHOD("internalModuleStat", fs_internal_module_stat),
  ND_METHOD("readFileUtf8", fs_read_file_utf8),
  ND_METHOD("writeString", fs_write_string),
  ND_METHOD("writeBuffer", fs_write_buffer),
  ND_METHOD("readFdUtf8", fs_read_fd_utf8),
  ND_METHOD("guessHandleType", fs_guess_handle_type),
  ND_METHOD("isatty", fs_isatty),
};

napi_value nd_binding_fs_init(napi_env env, napi_value exports) {
  if (napi_define_properties(env, exports, ND_COUNT(fs_methods), fs_methods) !=
      napi_ok)
    return NULL;
  nd_fs_define_ops(env, exports);
  nd_fs_define_more(env, exports);
  nd_fs_define_dir(env, exports);
  nd_fs_define_watch(env, exports);
  return exports;
}
