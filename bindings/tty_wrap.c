/* tty_wrap.c - internalBinding('tty_wrap'): terminals over uv_tty_t for
 * tty.ReadStream/WriteStream and process.stdin/stdout on a TTY.
 *
 * JS contract beyond stream_wrap.h:
 *   new TTY(fd, ctx)          on failure sets ctx.code / ctx.errno
 *   getWindowSize(arr)        fills [columns, rows]; 0 or a UV error
 *   setRawMode(bool)          0 or a UV error
 *   isTTY(fd)                 (binding function) */
#include <stdlib.h>

#include "bindings.h"
#include "napi_util.h"
#include "realm.h"
#include "stream_wrap.h"

typedef struct {
  nd_stream_wrap_t stream;
  uv_tty_t tty;
} tty_wrap_t;

static void tty_free(nd_handle_wrap_t *wrap) { free(wrap); }

static napi_value int_result(napi_env env, int v) {
  napi_value r;
  napi_create_int32(env, v, &r);
  return r;
}

static napi_value tty_new(napi_env env, napi_callback_info info) {
  napi_value argv[2], self;
  size_t argc = 2;
  napi_get_cb_info(env, info, &argc, argv, &self, NULL);
  int fd = (int)nd_to_int64(env, argv[0], -1);
  tty_wrap_t *w = calloc(1, sizeof(*w));
  int err = uv_tty_init(nd_realm_of(env)->loop, &w->tty, fd, 0);
  if (err != 0) {
    free(w);
    napi_valuetype t = napi_undefined;
    if (argc > 1) napi_typeof(env, argv[1], &t);
    if (t == napi_object) {
      nd_set_number(env, argv[1], "errno", err);
      nd_set_string(env, argv[1], "code", uv_err_name(err));
      nd_set_string(env, argv[1], "message", uv_strerror(err));
      nd_set_string(env, argv[1], "syscall", "uv_tty_init");
    }
    return self;
  }
  if (nd_stream_wrap_init(&w->stream, env, self, (uv_stream_t *)&w->tty,
                          tty_free) != napi_ok) {
    uv_close((uv_handle_t *)&w->tty, NULL);
    return NULL;
  }
  return self;
}

static napi_value tty_get_window_size(napi_env env, napi_callback_info info) {
  napi_value argv[1], v;
  nd_args(env, info, 1, argv);
  tty_wrap_t *w = (tty_wrap_t *)nd_handle_wrap_unwrap(env, info);
  if (w == NULL) return NULL;
  int width, height;
  int err = uv_tty_get_winsize(&w->tty, &width, &height);
  if (err == 0) {
    napi_create_int32(env, width, &v);
    napi_set_element(env, argv[0], 0, v);
    napi_create_int32(env, height, &v);
    napi_set_element(env, argv[0], 1, v);
  }
  return int_result(env, err);
}

static napi_value tty_set_raw_mode(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  tty_wrap_t *w = (tty_wrap_t *)nd_handle_wrap_unwrap(env, info);
  if (w == NULL) return NULL;
  return int_result(env, uv_tty_set_mode(&w->tty, nd_to_bool(env, argv[0])
                                                      ? UV_TTY_MODE_RAW
                                                      : UV_TTY_MODE_NORMAL));
}

static napi_value tty_is_tty(napi_env env, napi_callback_info info) {
  napi_value argv[1], r;
  nd_args(env, info, 1, argv);
  int fd = (int)nd_to_int64(env, argv[0], -1);
  napi_get_boolean(env, fd >= 0 && uv_guess_handle(fd) == UV_TTY, &r);
  return r;
}

static const napi_property_descriptor tty_methods[] = {
  ND_METHOD("getWindowSize", tty_get_window_size),
  ND_METHOD("setRawMode", tty_set_raw_mode),
  ND_STREAM_WRAP_METHODS,
};

static const napi_property_descriptor tty_functions[] = {
  ND_METHOD("isTTY", tty_is_tty),
};

napi_value nd_binding_tty_wrap_init(napi_env env, napi_value exports) {
  napi_value cls;
  if (napi_define_class(env, "TTY", NAPI_AUTO_LENGTH, tty_new, NULL,
                        ND_COUNT(tty_methods), tty_methods, &cls) != napi_ok)
    return NULL;
  napi_set_named_property(env, exports, "TTY", cls);
  if (napi_define_properties(env, exports, ND_COUNT(tty_functions),
                             tty_functions) != napi_ok)
    return NULL;
  return exports;
}
