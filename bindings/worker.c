/* worker.c - internalBinding('worker'): the Worker handle the parent uses
 * to start, stop and ref a worker thread, and what a worker's own realm
 * knows about itself (isMainThread, threadId, its limits and its port to
 * the parent). */
#include <stdlib.h>
#include <string.h>

#include "bindings.h"
#include "loop.h"
#include "messaging.h"
#include "napi_util.h"
#include "realm.h"
#include "worker.h"

/* The JS handle's record; `w` is NULL once the thread has exited. */
typedef struct {
  nd_worker_t *w;
  napi_env env;
  napi_ref self; /* strong until the exit was reported */
} worker_wrap_t;

static void wrap_finalize(napi_env env, void *data, void *hint) {
  worker_wrap_t *wrap = data;
  /* Still running (the realm is going away): it is stopped and joined by
   * nd_worker_stop_all, which drops the exit callback. */
  free(wrap);
}

/* On the parent's thread: the worker ended; calls this.onexit(code,
 * outOfMemory) and lets the JS object go. */
static void on_worker_exit(nd_worker_t *w, int code, bool oom, void *data) {
  worker_wrap_t *wrap = data;
  napi_env env = wrap->env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value self, fn, argv[2];
  napi_valuetype t = napi_undefined;
  if (napi_get_reference_value(env, wrap->self, &self) == napi_ok &&
      self != NULL &&
      napi_get_named_property(env, self, "onexit", &fn) == napi_ok)
    napi_typeof(env, fn, &t);
  napi_reference_unref(env, wrap->self, NULL);
  if (t == napi_function) {
    napi_create_int32(env, code, &argv[0]);
    napi_get_boolean(env, oom, &argv[1]);
    nd_loop_make_callback(env, self, fn, 2, argv, NULL);
  }
  wrap->w = NULL; /* freed once its last handle has closed */
  napi_close_handle_scope(env, scope);
}

static worker_wrap_t *this_wrap(napi_env env, napi_callback_info info) {
  return nd_this_native(env, info, 0, NULL, NULL, "ERR_INVALID_THIS",
                        "Illegal invocation");
}

/* Reads limits from a Float64Array [young, old, codeRange, stack] (MB). */
static void read_limits(napi_env env, napi_value v, nd_isolate_limits_t *l) {
  bool is_ta = false;
  memset(l, 0, sizeof(*l));
  if (napi_is_typedarray(env, v, &is_ta) != napi_ok || !is_ta) return;
  napi_typedarray_type type;
  size_t length;
  void *data;
  napi_get_typedarray_info(env, v, &type, &length, &data, NULL, NULL);
  if (type != napi_float64_array || length < 4) return;
  double *d = data;
  l->max_young_mb = d[0];
  l->max_old_mb = d[1];
  l->code_range_mb = d[2];
  l->stack_mb = d[3];
}

/* The worker's options from an execArgv array (NULL when not an array:
 * the parent's options are used). */
static nd_options_t *read_options(napi_env env, napi_value arr) {
  bool is_array = false;
  uint32_t n = 0;
  if (napi_is_array(env, arr, &is_array) != napi_ok || !is_array) return NULL;
  napi_get_array_length(env, arr, &n);
  char **args = calloc(n + 1, sizeof(char *));
  uint32_t count = 0;
  for (uint32_t i = 0; i < n; i++) {
    napi_value v;
    napi_get_element(env, arr, i, &v);
    char *s = nd_strdup_utf8(env, v);
    if (s == NULL) {
      napi_value ignored;
      napi_get_and_clear_last_exception(env, &ignored);
      continue;
    }
    args[count++] = s;
  }
  nd_options_t *opts =
      nd_worker_options(nd_realm_of(env)->options, (int)count, args);
  /* Option values that are strings were copied; the args can go. */
  for (uint32_t i = 0; i < count; i++) free(args[i]);
  free(args);
  return opts;
}

/* new Worker(resourceLimits, execArgv) -> a handle with threadId and
 * messagePort (the parent's end of the channel to the worker). */
static napi_value worker_ctor(napi_env env, napi_callback_info info) {
  napi_value argv[2], self, port;
  size_t argc = 2;
  napi_get_cb_info(env, info, &argc, argv, &self, NULL);
  if (argc < 1) napi_get_undefined(env, &argv[0]);
  if (argc < 2) napi_get_undefined(env, &argv[1]);
  nd_isolate_limits_t limits;
  read_limits(env, argv[0], &limits);
  nd_port_end_t *mine, *theirs;
  int err = nd_port_channel(&mine, &theirs);
  if (err != 0) return nd_throw_uv(env, err, "Worker", NULL, NULL);
  port = nd_messaging_wrap_end(env, mine);
  if (port == NULL) {
    nd_port_close(theirs);
    return NULL;
  }
  worker_wrap_t *wrap = calloc(1, sizeof(*wrap));
  wrap->env = env;
  wrap->w = nd_worker_create(nd_realm_of(env), theirs, &limits,
                             on_worker_exit, wrap);
  if (wrap->w == NULL) {
    free(wrap);
    napi_throw_error(env, "ERR_WORKER_INIT_FAILED", "Worker init failed");
    return NULL;
  }
  wrap->w->options = read_options(env, argv[1]);
  napi_wrap(env, self, wrap, wrap_finalize, NULL, NULL);
  napi_create_reference(env, self, 1, &wrap->self);
  nd_set_number(env, self, "threadId", wrap->w->thread_id);
  napi_set_named_property(env, self, "messagePort", port);
  return self;
}

/* handle.startThread(): starts the thread (throws ERR_WORKER_INIT_FAILED
 * when it cannot be created). */
static napi_value worker_start(napi_env env, napi_callback_info info) {
  worker_wrap_t *wrap = this_wrap(env, info);
  if (wrap == NULL || wrap->w == NULL || wrap->w->started) return NULL;
  int err = nd_worker_start(wrap->w);
  if (err != 0) {
    char msg[128];
    snprintf(msg, sizeof(msg), "Worker initialization failure: %s",
             uv_strerror(err));
    napi_throw_error(env, "ERR_WORKER_INIT_FAILED", msg);
  }
  return NULL;
}

/* handle.stopThread(): terminates the worker's JS; onexit follows. */
static napi_value worker_stop(napi_env env, napi_callback_info info) {
  worker_wrap_t *wrap = this_wrap(env, info);
  if (wrap != NULL && wrap->w != NULL) nd_worker_stop(wrap->w);
  return NULL;
}

static napi_value worker_ref(napi_env env, napi_callback_info info) {
  worker_wrap_t *wrap = this_wrap(env, info);
  if (wrap != NULL && wrap->w != NULL) nd_worker_ref(wrap->w, true);
  return NULL;
}

static napi_value worker_unref(napi_env env, napi_callback_info info) {
  worker_wrap_t *wrap = this_wrap(env, info);
  if (wrap != NULL && wrap->w != NULL) nd_worker_ref(wrap->w, false);
  return NULL;
}

/* handle.hasRef() -> boolean; undefined once the worker is gone. */
static napi_value worker_has_ref(napi_env env, napi_callback_info info) {
  worker_wrap_t *wrap = this_wrap(env, info);
  napi_value r;
  if (wrap == NULL || wrap->w == NULL) return NULL;
  napi_get_boolean(env, nd_worker_has_ref(wrap->w), &r);
  return r;
}

/* getParentPort() -> in a worker, the handle of its end of the channel
 * to the parent (only once); undefined otherwise. */
static napi_value worker_get_parent_port(napi_env env,
                                         napi_callback_info info) {
  nd_realm_t *realm = nd_realm_of(env);
  napi_value r;
  if (realm->worker == NULL || realm->worker->child_end == NULL) {
    napi_get_undefined(env, &r);
    return r;
  }
  nd_port_end_t *end = realm->worker->child_end;
  realm->worker->child_end = NULL;
  return nd_messaging_wrap_end(env, end);
}

/* trackUnmanagedFd(fd) -> false when fd was tracked already. */
static napi_value worker_track_fd(napi_env env, napi_callback_info info) {
  napi_value argv[1], r;
  nd_args(env, info, 1, argv);
  nd_realm_t *realm = nd_realm_of(env);
  int fd = (int)nd_to_int64(env, argv[0], -1);
  bool fresh = true;
  for (size_t i = 0; i < realm->unmanaged_count; i++)
    if (realm->unmanaged_fds[i] == fd) fresh = false;
  if (fresh && fd >= 0) {
    if (realm->unmanaged_count == realm->unmanaged_cap) {
      size_t cap = realm->unmanaged_cap ? 2 * realm->unmanaged_cap : 16;
      int *grown = realloc(realm->unmanaged_fds, cap * sizeof(int));
      if (grown == NULL) return nd_throw_uv(env, UV_ENOMEM, "open", NULL,
                                            NULL);
      realm->unmanaged_fds = grown;
      realm->unmanaged_cap = cap;
    }
    realm->unmanaged_fds[realm->unmanaged_count++] = fd;
  }
  napi_get_boolean(env, fresh, &r);
  return r;
}

/* untrackUnmanagedFd(fd) -> false when fd was not tracked. */
static napi_value worker_untrack_fd(napi_env env, napi_callback_info info) {
  napi_value argv[1], r;
  nd_args(env, info, 1, argv);
  nd_realm_t *realm = nd_realm_of(env);
  int fd = (int)nd_to_int64(env, argv[0], -1);
  bool found = false;
  for (size_t i = 0; i < realm->unmanaged_count && !found; i++) {
    if (realm->unmanaged_fds[i] == fd) {
      realm->unmanaged_fds[i] =
          realm->unmanaged_fds[--realm->unmanaged_count];
      found = true;
    }
  }
  napi_get_boolean(env, found, &r);
  return r;
}

static const napi_property_descriptor worker_methods[] = {
  ND_METHOD("startThread", worker_start),
  ND_METHOD("stopThread", worker_stop),
  ND_METHOD("ref", worker_ref),
  ND_METHOD("unref", worker_unref),
  ND_METHOD("hasRef", worker_has_ref),
};

static const napi_property_descriptor binding_methods[] = {
  ND_METHOD("getParentPort", worker_get_parent_port),
  ND_METHOD("trackUnmanagedFd", worker_track_fd),
  ND_METHOD("untrackUnmanagedFd", worker_untrack_fd),
};

napi_value nd_binding_worker_init(napi_env env, napi_value exports) {
  nd_realm_t *realm = nd_realm_of(env);
  napi_value cls, limits, ab;
  if (napi_define_class(env, "Worker", NAPI_AUTO_LENGTH, worker_ctor, NULL,
                        ND_COUNT(worker_methods), worker_methods,
                        &cls) != napi_ok ||
      napi_set_named_property(env, exports, "Worker", cls) != napi_ok ||
      napi_define_properties(env, exports, ND_COUNT(binding_methods),
                             binding_methods) != napi_ok)
    return NULL;
  nd_set_bool(env, exports, "isMainThread", realm->worker == NULL);
  nd_set_number(env, exports, "threadId",
                realm->worker ? realm->worker->thread_id : 0);
  /* This thread's limits, as given to new Worker() (MB). */
  double *d;
  napi_create_arraybuffer(env, 4 * sizeof(double), (void **)&d, &ab);
  if (realm->worker != NULL) {
    const nd_isolate_limits_t *l = &realm->worker->limits;
    d[0] = l->max_young_mb;
    d[1] = l->max_old_mb;
    d[2] = l->code_range_mb;
    d[3] = l->stack_mb;
  } else {
    memset(d, 0, 4 * sizeof(double));
  }
  napi_create_typedarray(env, napi_float64_array, 4, ab, 0, &limits);
  napi_set_named_property(env, exports, "resourceLimits", limits);
  return exports;
}
