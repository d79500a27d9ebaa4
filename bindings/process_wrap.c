/* process_wrap.c - internalBinding('process_wrap'): child processes over
 * uv_process_t for child_process.spawn().
 *
 * JS contract:
 *   new Process()
 *   spawn({ file, args, cwd, envPairs, stdio, detached, uid, gid })
 *       -> 0 or a negative UV error; sets this.pid on success.
 *       stdio[i] is { type: 'ignore' } | { type: 'pipe', handle: Pipe } |
 *       { type: 'overlapped', handle } | { type: 'wrap', handle: stream } |
 *       { type: 'fd' | 'inherit', fd }
 *   kill(signal) -> 0 or a negative UV error
 *   onexit(exitCode, signalName)   signalName is '' when it exited normally
 *   close([cb]) ref() unref() hasRef()  (handle_wrap.h) */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "bindings.h"
#include "napi_util.h"
#include "realm.h"
#include "stream_wrap.h"

/* uv_spawn() initialises the uv handle (it joins the loop's handle queue)
 * whether or not the child starts, so a failed spawn's handle must be
 * closed too before its memory goes: the JS object's finalizer and that
 * close, whichever comes last, free the wrap. */
typedef struct {
  nd_handle_wrap_t base;
  uv_process_t process;
  bool failed_closing; /* a failed spawn's handle is being closed */
  bool finalized;      /* the JS object is gone (failed spawn only) */
} process_wrap_t;

static void process_free(nd_handle_wrap_t *wrap) { free(wrap); }

static napi_value int_result(napi_env env, int v) {
  napi_value r;
  napi_create_int32(env, v, &r);
  return r;
}

/* GC of a Process object that never spawned or failed to (a spawned one
 * is freed by handle_wrap once closed, which also removes this wrap
 * first). */
static void process_finalize(napi_env env, void *data, void *hint) {
  process_wrap_t *w = data;
  if (w->base.object != NULL) return;
  if (w->failed_closing)
    w->finalized = true; /* failed_spawn_closed() frees it */
  else
    free(w);
}

/* The close callback of a handle whose spawn failed. */
static void failed_spawn_closed(uv_handle_t *handle) {
  process_wrap_t *w = handle->data;
  w->failed_closing = false;
  if (w->finalized) free(w);
}

static napi_value process_new(napi_env env, napi_callback_info info) {
  napi_value self;
  napi_get_cb_info(env, info, NULL, NULL, &self, NULL);
  process_wrap_t *w = calloc(1, sizeof(*w));
  /* The uv handle is initialised by uv_spawn; until then the wrap holds
   * no handle (close() before spawn is a no-op). */
  w->base.env = env;
  w->base.handle = (uv_handle_t *)&w->process;
  w->process.data = w;
  napi_wrap(env, self, w, process_finalize, NULL, NULL);
  return self;
}

static const char *signal_name(int sig) {
  switch (sig) {
#define ND_SIG(s)                                                              \
  case s:                                                                      \
    return #s;
    ND_SIG(SIGHUP) ND_SIG(SIGINT) ND_SIG(SIGQUIT) ND_SIG(SIGILL) ND_SIG(SIGTRAP)
    ND_SIG(SIGABRT) ND_SIG(SIGBUS) ND_SIG(SIGFPE) ND_SIG(SIGKILL)
    ND_SIG(SIGUSR1) ND_SIG(SIGSEGV) ND_SIG(SIGUSR2) ND_SIG(SIGPIPE)
    ND_SIG(SIGALRM) ND_SIG(SIGTERM) ND_SIG(SIGCHLD) ND_SIG(SIGSTKFLT)
    ND_SIG(SIGCONT) ND_SIG(SIGSTOP) ND_SIG(SIGTSTP) ND_SIG(SIGTTIN)
    ND_SIG(SIGTTOU) ND_SIG(SIGURG) ND_SIG(SIGXCPU) ND_SIG(SIGXFSZ)
    ND_SIG(SIGVTALRM) ND_SIG(SIGPROF) ND_SIG(SIGWINCH) ND_SIG(SIGIO)
    ND_SIG(SIGPWR) ND_SIG(SIGSYS)
#undef ND_SIG
    default:
      return "";
  }
}

static void process_on_exit(uv_process_t *proc, int64_t status, int term_signal) {
  process_wrap_t *w = proc->data;
  napi_env env = w->base.env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value argv[2];
  napi_create_int64(env, status, &argv[0]);
  napi_create_string_utf8(env, signal_name(term_signal), NAPI_AUTO_LENGTH,
                          &argv[1]);
  nd_handle_wrap_emit(&w->base, "onexit", 2, argv);
  napi_close_handle_scope(env, scope);
}

/* Reads a JS array of strings into a NULL-terminated malloc'd vector. */
static char **string_vector(napi_env env, napi_value arr) {
  uint32_t n = 0;
  bool is_array = false;
  napi_is_array(env, arr, &is_array);
  if (is_array) napi_get_array_length(env, arr, &n);
  char **v = calloc(n + 1, sizeof(char *));
  for (uint32_t i = 0; i < n; i++) {
    napi_value s, str;
    napi_get_element(env, arr, i, &s);
    napi_coerce_to_string(env, s, &str);
    v[i] = nd_strdup_utf8(env, str);
  }
  return v;
}

static void free_vector(char **v) {
  if (v == NULL) return;
  for (char **p = v; *p; p++) free(*p);
  free(v);
}

static bool get_prop(napi_env env, napi_value obj, const char *name,
                     napi_value *out) {
  napi_valuetype t;
  if (napi_get_named_property(env, obj, name, out) != napi_ok) return false;
  napi_typeof(env, *out, &t);
  return t != napi_undefined && t != napi_null;
}

static napi_value process_spawn(napi_env env, napi_callback_info info) {
  napi_value argv[1], self, v;
  size_t argc = 1;
  napi_get_cb_info(env, info, &argc, argv, &self, NULL);
  void *data;
  if (napi_unwrap(env, self, &data) != napi_ok) return NULL;
  process_wrap_t *w = data;
  if (w->base.object != NULL || w->base.closing)
    return int_result(env, UV_EINVAL); /* the handle was spawned before */
  napi_value o = argv[0];

  uv_process_options_t opts;
  memset(&opts, 0, sizeof(opts));
  opts.exit_cb = process_on_exit;
  char *file = NULL, *cwd = NULL;
  char **args = NULL, **envp = NULL;
  if (get_prop(env, o, "file", &v)) file = nd_strdup_utf8(env, v);
  if (file == NULL) return int_result(env, UV_EINVAL);
  opts.file = file;
  if (get_prop(env, o, "args", &v)) args = string_vector(env, v);
  opts.args = args;
  if (get_prop(env, o, "cwd", &v)) cwd = nd_strdup_utf8(env, v);
  if (cwd && *cwd) opts.cwd = cwd;
  if (get_prop(env, o, "envPairs", &v)) envp = string_vector(env, v);
  opts.env = envp;
  if (get_prop(env, o, "uid", &v)) {
    opts.flags |= UV_PROCESS_SETUID;
    opts.uid = (uv_uid_t)nd_to_int64(env, v, 0);
  }
  if (get_prop(env, o, "gid", &v)) {
    opts.flags |= UV_PROCESS_SETGID;
    opts.gid = (uv_gid_t)nd_to_int64(env, v, 0);
  }
  if (get_prop(env, o, "detached", &v) && nd_to_bool(env, v))
    opts.flags |= UV_PROCESS_DETACHED;
  if (get_prop(env, o, "windowsHide", &v) && nd_to_bool(env, v))
    opts.flags |= UV_PROCESS_WINDOWS_HIDE;

  uint32_t nstdio = 0;
  napi_value stdio;
  if (get_prop(env, o, "stdio", &stdio)) napi_get_array_length(env, stdio, &nstdio);
  uv_stdio_container_t *containers =
      calloc(nstdio ? nstdio : 1, sizeof(uv_stdio_container_t));
  for (uint32_t i = 0; i < nstdio; i++) {
    napi_value entry, type_v, handle;
    char type[16] = "";
    size_t len;
    napi_get_element(env, stdio, i, &entry);
    if (get_prop(env, entry, "type", &type_v))
      napi_get_value_string_utf8(env, type_v, type, sizeof(type), &len);
    if (strcmp(type, "ignore") == 0) {
      containers[i].flags = UV_IGNORE;
    } else if (strcmp(type, "pipe") == 0 || strcmp(type, "overlapped") == 0 ||
               strcmp(type, "wrap") == 0) {
      void *hd = NULL;
      if (!get_prop(env, entry, "handle", &handle) ||
          napi_unwrap(env, handle, &hd) != napi_ok || hd == NULL) {
        containers[i].flags = UV_IGNORE;
        continue;
      }
      nd_stream_wrap_t *sw = hd;
      containers[i].data.stream = sw->stream;
      if (strcmp(type, "wrap") == 0)
        containers[i].flags = UV_INHERIT_STREAM;
      else
        containers[i].flags =
            UV_CREATE_PIPE | UV_READABLE_PIPE | UV_WRITABLE_PIPE |
            (strcmp(type, "overlapped") == 0 ? UV_OVERLAPPED_PIPE : 0);
    } else {
      containers[i].flags = UV_INHERIT_FD;
      containers[i].data.fd =
          get_prop(env, entry, "fd", &v) ? (int)nd_to_int64(env, v, (int)i)
                                          : (int)i;
    }
  }
  opts.stdio = containers;
  opts.stdio_count = (int)nstdio;

  int err = uv_spawn(nd_realm_of(env)->loop, &w->process, &opts);
  if (err == 0) {
    w->base.free_cb = process_free;
    napi_create_reference(env, self, 1, &w->base.object);
    nd_handle_wrap_link(&w->base); /* listed by _getActiveHandles() */
    nd_set_number(env, self, "pid", w->process.pid);
  } else {
    /* Never reported as open; close() and kill() see it closing. */
    w->base.closing = true;
    w->failed_closing = true;
    uv_close((uv_handle_t *)&w->process, failed_spawn_closed);
  }
  free(containers);
  free(file);
  free(cwd);
  free_vector(args);
  free_vector(envp);
  return int_result(env, err);
}

static napi_value process_kill(napi_env env, napi_callback_info info) {
  napi_value argv[1], self;
  size_t argc = 1;
  napi_get_cb_info(env, info, &argc, argv, &self, NULL);
  void *data;
  if (napi_unwrap(env, self, &data) != napi_ok) return NULL;
  process_wrap_t *w = data;
  if (w->base.object == NULL || w->base.closing)
    return int_result(env, UV_ESRCH);
  return int_result(env, uv_process_kill(&w->process,
                                         (int)nd_to_int64(env, argv[0],
                                                          SIGTERM)));
}

static napi_value process_close(napi_env env, napi_callback_info info) {
  napi_value self;
  napi_get_cb_info(env, info, NULL, NULL, &self, NULL);
  void *data;
  if (napi_unwrap(env, self, &data) != napi_ok) return NULL;
  process_wrap_t *w = data;
  if (w->base.object == NULL) return NULL; /* never spawned */
  return nd_handle_wrap_close(env, info);
}

static const napi_property_descriptor process_methods[] = {
  ND_METHOD("spawn", process_spawn),
  ND_METHOD("kill", process_kill),
  ND_METHOD("close", process_close),
  ND_METHOD("ref", nd_handle_wrap_ref),
  ND_METHOD("unref", nd_handle_wrap_unref),
  ND_METHOD("hasRef", nd_handle_wrap_has_ref),
};

napi_value nd_binding_process_wrap_init(napi_env env, napi_value exports) {
  napi_value cls;
  if (napi_define_class(env, "Process", NAPI_AUTO_LENGTH, process_new, NULL,
                        ND_COUNT(process_methods), process_methods,
                        &cls) != napi_ok)
    return NULL;
  napi_set_named_property(env, exports, "Process", cls);
  return exports;
}
