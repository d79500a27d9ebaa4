/* signal_wrap.c - internalBinding('signal_wrap'): Signal handles over
 * uv_signal_t, behind process.on('SIGINT') and friends. */
#include <stdlib.h>

#include <uv.h>

#include "bindings.h"
#include "handle_wrap.h"
#include "napi_util.h"
#include "realm.h"

typedef struct {
  nd_handle_wrap_t base;
  uv_signal_t signal;
} signal_wrap_t;

static void signal_free(nd_handle_wrap_t *wrap) { free(wrap); }

/* new Signal(): an idle signal handle. */
static napi_value signal_new(napi_env env, napi_callback_info info) {
  napi_value self;
  napi_get_cb_info(env, info, NULL, NULL, &self, NULL);
  signal_wrap_t *w = calloc(1, sizeof(*w));
  uv_signal_init(nd_realm_of(env)->loop, &w->signal);
  if (nd_handle_wrap_init(&w->base, env, self, (uv_handle_t *)&w->signal,
                          signal_free) != napi_ok) {
    uv_close((uv_handle_t *)&w->signal, NULL);
    return NULL;
  }
  return self;
}

static void signal_on_signal(uv_signal_t *handle, int signum) {
  signal_wrap_t *w = ND_CONTAINER_OF(handle, signal_wrap_t, signal);
  napi_env env = w->base.env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value arg;
  napi_create_int32(env, signum, &arg);
  nd_handle_wrap_emit(&w->base, "onsignal", 1, &arg);
  napi_close_handle_scope(env, scope);
}

/* start(signum) -> 0 or a negative libuv error. */
static napi_value signal_start(napi_env env, napi_callback_info info) {
  napi_value argv[1], r;
  nd_args(env, info, 1, argv);
  nd_handle_wrap_t *base = nd_handle_wrap_unwrap(env, info);
  if (base == NULL) return NULL;
  signal_wrap_t *w = (signal_wrap_t *)base;
  int err = uv_signal_start(&w->signal, signal_on_signal,
                            (int)nd_to_int64(env, argv[0], 0));
  napi_create_int32(env, err, &r);
  return r;
}

static napi_value signal_stop(napi_env env, napi_callback_info info) {
  napi_value r;
  nd_handle_wrap_t *base = nd_handle_wrap_unwrap(env, info);
  if (base == NULL) return NULL;
  int err = uv_signal_stop(&((signal_wrap_t *)base)->signal);
  napi_create_int32(env, err, &r);
  return r;
}

static const napi_property_descriptor signal_methods[] = {
  ND_METHOD("start", signal_start),
  ND_METHOD("stop", signal_stop),
  ND_HANDLE_WRAP_METHODS,
};

napi_value nd_binding_signal_wrap_init(napi_env env, napi_value exports) {
  napi_value cls;
  if (napi_define_class(env, "Signal", NAPI_AUTO_LENGTH, signal_new, NULL,
                        ND_COUNT(signal_methods), signal_methods,
                        &cls) != napi_ok)
    return NULL;
  napi_set_named_property(env, exports, "Signal", cls);
  return exports;
}
