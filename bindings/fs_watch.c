/* fs_watch.c - file watching: internalBinding('fs_event_wrap').FSEvent
 * over uv_fs_event_t (inotify) for fs.watch, and the fs binding's
 * StatWatcher over uv_fs_poll_t (stat polling) for fs.watchFile. */
#include <stdlib.h>
#include <string.h>

#include "bindings.h"
#include "fs_internal.h"
#include "handle_wrap.h"
#include "napi_util.h"
#include "realm.h"

typedef struct {
  nd_handle_wrap_t base;
  uv_fs_event_t event;
  int enc;
} fs_event_t;

typedef struct {
  nd_handle_wrap_t base;
  uv_fs_poll_t poll;
  bool bigint;
} stat_watcher_t;

static void wrap_free(nd_handle_wrap_t *wrap) { free(wrap); }

/* new FSEvent(): an idle inotify watcher. */
static napi_value event_new(napi_env env, napi_callback_info info) {
  napi_value self;
  napi_get_cb_info(env, info, NULL, NULL, &self, NULL);
  fs_event_t *w = calloc(1, sizeof(*w));
  uv_fs_event_init(nd_realm_of(env)->loop, &w->event);
  if (nd_handle_wrap_init(&w->base, env, self, (uv_handle_t *)&w->event,
                          wrap_free) != napi_ok) {
    uv_close((uv_handle_t *)&w->event, NULL);
    return NULL;
  }
  return self;
}

static void on_event(uv_fs_event_t *handle, const char *filename, int events,
                     int status) {
  fs_event_t *w = ND_CONTAINER_OF(handle, fs_event_t, event);
  napi_env env = w->base.env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value argv[3];
  napi_create_int32(env, status, &argv[0]);
  if (status < 0) {
    napi_get_undefined(env, &argv[1]);
  } else {
    const char *type = (events & UV_RENAME) ? "rename" : "change";
    napi_create_string_utf8(env, type, NAPI_AUTO_LENGTH, &argv[1]);
  }
  if (filename != NULL)
    argv[2] = nd_fs_name(env, filename, strlen(filename), w->enc);
  else
    napi_get_null(env, &argv[2]);
  nd_handle_wrap_emit(&w->base, "onchange", 3, argv);
  napi_close_handle_scope(env, scope);
}

/* start(path, persistent, recursive, encoding) -> 0 or a UV error. */
static napi_value event_start(napi_env env, napi_callback_info info) {
  napi_value argv[4], r;
  nd_args(env, info, 4, argv);
  nd_handle_wrap_t *base = nd_handle_wrap_unwrap(env, info);
  if (base == NULL) return NULL;
  fs_event_t *w = (fs_event_t *)base;
  char *path = nd_fs_path_arg(env, argv[0]);
  if (path == NULL) return NULL;
  w->enc = (int)nd_fs_int_arg(env, argv[3], ND_FS_ENC_UTF8);
  unsigned flags = nd_to_bool(env, argv[2]) ? UV_FS_EVENT_RECURSIVE : 0;
  int err = uv_fs_event_start(&w->event, on_event, path, flags);
  free(path);
  if (err == 0 && !nd_to_bool(env, argv[1])) uv_unref(base->handle);
  napi_create_int32(env, err, &r);
  return r;
}

static const napi_property_descriptor event_methods[] = {
  ND_METHOD("start", event_start),
  ND_HANDLE_WRAP_METHODS,
};

napi_value nd_binding_fs_event_wrap_init(napi_env env, napi_value exports) {
  napi_value cls;
  if (napi_define_class(env, "FSEvent", NAPI_AUTO_LENGTH, event_new, NULL,
                        ND_COUNT(event_methods), event_methods,
                        &cls) != napi_ok)
    return NULL;
  napi_set_named_property(env, exports, "FSEvent", cls);
  return exports;
}

/* new StatWatcher(bigint): an idle stat poller. */
static napi_value watcher_new(napi_env env, napi_callback_info info) {
  napi_value self, argv[1];
  size_t argc = 1;
  napi_get_cb_info(env, info, &argc, argv, &self, NULL);
  stat_watcher_t *w = calloc(1, sizeof(*w));
  w->bigint = argc > 0 && nd_to_bool(env, argv[0]);
  uv_fs_poll_init(nd_realm_of(env)->loop, &w->poll);
  if (nd_handle_wrap_init(&w->base, env, self, (uv_handle_t *)&w->poll,
                          wrap_free) != napi_ok) {
    uv_close((uv_handle_t *)&w->poll, NULL);
    return NULL;
  }
  return self;
}

static void on_poll(uv_fs_poll_t *handle, int status, const uv_stat_t *prev,
                    const uv_stat_t *curr) {
  stat_watcher_t *w = ND_CONTAINER_OF(handle, stat_watcher_t, poll);
  napi_env env = w->base.env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value argv[2];
  napi_create_int32(env, status, &argv[0]);
  argv[1] = nd_fs_new_stat_array(env, w->bigint, 2);
  nd_fs_fill_stat(env, argv[1], 0, curr);
  nd_fs_fill_stat(env, argv[1], ND_FS_STAT_FIELDS, prev);
  nd_handle_wrap_emit(&w->base, "onchange", 2, argv);
  napi_close_handle_scope(env, scope);
}

/* start(path, intervalMs) -> 0 or a UV error; onchange(status, stats)
 * gets the current then the previous stat in one array. */
static napi_value watcher_start(napi_env env, napi_callback_info info) {
  napi_value argv[2], r;
  nd_args(env, info, 2, argv);
  nd_handle_wrap_t *base = nd_handle_wrap_unwrap(env, info);
  if (base == NULL) return NULL;
  char *path = nd_fs_path_arg(env, argv[0]);
  if (path == NULL) return NULL;
  int err = uv_fs_poll_start(&((stat_watcher_t *)base)->poll, on_poll, path,
                             (unsigned)nd_fs_int_arg(env, argv[1], 5007));
  free(path);
  napi_create_int32(env, err, &r);
  return r;
}

static const napi_property_descriptor watcher_methods[] = {
  ND_METHOD("start", watcher_start),
  ND_HANDLE_WRAP_METHODS,
};

void nd_fs_define_watch(napi_env env, napi_value exports) {
  napi_value cls;
  if (napi_define_class(env, "StatWatcher", NAPI_AUTO_LENGTH, watcher_new,
                        NULL, ND_COUNT(watcher_methods), watcher_methods,
                        &cls) != napi_ok)
    return;
  napi_set_named_property(env, exports, "StatWatcher", cls);
}
