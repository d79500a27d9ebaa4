/* spawn_sync.c - internalBinding('spawn_sync'): runs a child process to
 * completion on a private libuv loop (the engine of child_process.spawnSync,
 * execSync and execFileSync). */
#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include <uv.h>

#include "bindings.h"
#include "napi_util.h"

#define SS_READ_CHUNK 65536

/* One stdio slot of the child that the parent talks to through a pipe. */
typedef struct ss_pipe_s {
  uv_pipe_t handle;
  struct ss_run_s *run;
  bool readable;   /* the child reads from it: the parent writes `input` */
  bool writable;   /* the child writes to it: the parent collects output */
  bool closing;
  const char *input; /* borrowed from the JS ArrayBufferView */
  size_t input_len;
  char *out;       /* collected output */
  size_t out_len;
  size_t out_cap;
  uv_write_t write_req;
  uv_shutdown_t shutdown_req;
} ss_pipe_t;

/* The state of one synchronous run. */
typedef struct ss_run_s {
  uv_loop_t loop;
  uv_process_t proc;
  uv_timer_t timer;
  ss_pipe_t **pipes; /* indexed by fd; NULL where the slot is no pipe */
  int nstdio;
  bool timer_open;
  bool exited;
  bool killed;
  bool spawned;
  int kill_signal;
  double max_buffer;
  double buffered;
  int error;       /* the first error of the run itself */
  int pipe_error;  /* the first error of a pipe (reported when no other) */
  int64_t exit_status;
  int term_signal;
} ss_run_t;

static const struct {
  int num;
  const char *name;
} ss_signals[] = {
  {SIGHUP, "SIGHUP"},     {SIGINT, "SIGINT"},       {SIGQUIT, "SIGQUIT"},
  {SIGILL, "SIGILL"},     {SIGTRAP, "SIGTRAP"},     {SIGABRT, "SIGABRT"},
  {SIGBUS, "SIGBUS"},     {SIGFPE, "SIGFPE"},       {SIGKILL, "SIGKILL"},
  {SIGUSR1, "SIGUSR1"},   {SIGSEGV, "SIGSEGV"},     {SIGUSR2, "SIGUSR2"},
  {SIGPIPE, "SIGPIPE"},   {SIGALRM, "SIGALRM"},     {SIGTERM, "SIGTERM"},
  {SIGCHLD, "SIGCHLD"},   {SIGSTKFLT, "SIGSTKFLT"}, {SIGCONT, "SIGCONT"},
  {SIGSTOP, "SIGSTOP"},   {SIGTSTP, "SIGTSTP"},     {SIGTTIN, "SIGTTIN"},
  {SIGTTOU, "SIGTTOU"},   {SIGURG, "SIGURG"},       {SIGXCPU, "SIGXCPU"},
  {SIGXFSZ, "SIGXFSZ"},   {SIGVTALRM, "SIGVTALRM"}, {SIGPROF, "SIGPROF"},
  {SIGWINCH, "SIGWINCH"}, {SIGIO, "SIGIO"},         {SIGPWR, "SIGPWR"},
  {SIGSYS, "SIGSYS"},
};

/* Node's name of signal `num` ("SIGTERM"), or "" when it has none. */
static const char *ss_signal_name(int num) {
  for (size_t i = 0; i < ND_COUNT(ss_signals); i++)
    if (ss_signals[i].num == num) return ss_signals[i].name;
  return "";
}

static void ss_set_error(ss_run_t *run, int err) {
  if (run->error == 0) run->error = err;
}

static void ss_set_pipe_error(ss_run_t *run, int err) {
  if (run->pipe_error == 0) run->pipe_error = err;
}

static void ss_pipe_close_cb(uv_handle_t *h) { (void)h; }

static void ss_close_pipe(ss_pipe_t *p) {
  if (p->closing) return;
  p->closing = true;
  uv_close((uv_handle_t *)&p->handle, ss_pipe_close_cb);
}

static void ss_close_pipes(ss_run_t *run) {
  for (int i = 0; i < run->nstdio; i++)
    if (run->pipes[i] != NULL && run->spawned) ss_close_pipe(run->pipes[i]);
}

static void ss_close_timer(ss_run_t *run) {
  if (!run->timer_open) return;
  run->timer_open = false;
  uv_close((uv_handle_t *)&run->timer, NULL);
}

/* Sends the kill signal once (SIGKILL when that fails), then stops
 * listening to the child's stdio. */
static void ss_kill(ss_run_t *run) {
  if (run->killed) return;
  run->killed = true;
  if (!run->exited) {
    int r = uv_process_kill(&run->proc, run->kill_signal);
    if (r < 0 && r != UV_ESRCH) {
      ss_set_error(run, r);
      r = uv_process_kill(&run->proc, SIGKILL);
      if (r < 0 && r != UV_ESRCH) ss_set_error(run, r);
    }
  }
  ss_close_pipes(run);
  ss_close_timer(run);
}

static void ss_exit_cb(uv_process_t *proc, int64_t status, int term_signal) {
  ss_run_t *run = ND_CONTAINER_OF(proc, ss_run_t, proc);
  run->exited = true;
  run->exit_status = status;
  run->term_signal = term_signal;
  uv_close((uv_handle_t *)proc, NULL);
}

static void ss_timeout_cb(uv_timer_t *timer) {
  ss_run_t *run = ND_CONTAINER_OF(timer, ss_run_t, timer);
  ss_set_error(run, UV_ETIMEDOUT);
  ss_kill(run);
}

/* Hands libuv the free tail of the output buffer, growing it to hold at
 * least one read chunk. */
static void ss_alloc_cb(uv_handle_t *h, size_t hint, uv_buf_t *buf) {
  ss_pipe_t *p = ND_CONTAINER_OF(h, ss_pipe_t, handle);
  if (p->out_cap - p->out_len < SS_READ_CHUNK) {
    size_t cap = p->out_cap ? p->out_cap * 2 : SS_READ_CHUNK;
    while (cap - p->out_len < SS_READ_CHUNK) cap *= 2;
    char *grown = realloc(p->out, cap);
    if (grown == NULL) {
      *buf = uv_buf_init(NULL, 0);
      return;
    }
    p->out = grown;
    p->out_cap = cap;
  }
  *buf = uv_buf_init(p->out + p->out_len, (unsigned)(p->out_cap - p->out_len));
}

static void ss_read_cb(uv_stream_t *s, ssize_t nread, const uv_buf_t *buf) {
  ss_pipe_t *p = ND_CONTAINER_OF(s, ss_pipe_t, handle);
  ss_run_t *run = p->run;
  if (nread > 0) {
    p->out_len += (size_t)nread;
    run->buffered += (double)nread;
    if (run->max_buffer > 0 && run->buffered > run->max_buffer) {
      ss_set_error(run, UV_ENOBUFS);
      ss_kill(run);
    }
    return;
  }
  if (nread == 0) return;
  if (nread != UV_EOF) ss_set_pipe_error(run, (int)nread);
  ss_close_pipe(p);
}

static void ss_shutdown_cb(uv_shutdown_t *req, int status) {
  ss_pipe_t *p = ND_CONTAINER_OF(req, ss_pipe_t, shutdown_req);
  if (status < 0 && status != UV_ENOTCONN && status != UV_ECANCELED)
    ss_set_pipe_error(p->run, status);
  /* A pipe the child only reads from has nothing left to do. */
  if (!p->writable) ss_close_pipe(p);
}

static void ss_write_cb(uv_write_t *req, int status) {
  ss_pipe_t *p = ND_CONTAINER_OF(req, ss_pipe_t, write_req);
  if (status < 0 && status != UV_ECANCELED) ss_set_pipe_error(p->run, status);
}

/* Starts the parent's side of a pipe once the child runs: writes the
 * input and shuts the write side; reads what the child writes. */
static int ss_pipe_start(ss_pipe_t *p) {
  uv_stream_t *s = (uv_stream_t *)&p->handle;
  int r;
  if (p->readable) {
    if (p->input_len > 0) {
      uv_buf_t b = uv_buf_init((char *)p->input, (unsigned)p->input_len);
      r = uv_write(&p->write_req, s, &b, 1, ss_write_cb);
      if (r < 0) return r;
    }
    r = uv_shutdown(&p->shutdown_req, s, ss_shutdown_cb);
    if (r < 0) return r;
  }
  if (p->writable) {
    r = uv_read_start(s, ss_alloc_cb, ss_read_cb);
    if (r < 0) return r;
  }
  return 0;
}

/* ---- reading the options object ---- */

static bool ss_get(napi_env env, napi_value obj, const char *name,
                   napi_value *out, napi_valuetype *type) {
  bool has = false;
  *type = napi_undefined;
  if (napi_has_named_property(env, obj, name, &has) != napi_ok || !has)
    return false;
  if (napi_get_named_property(env, obj, name, out) != napi_ok) return false;
  napi_typeof(env, *out, type);
  return *type != napi_undefined && *type != napi_null;
}

/* Copies a JS array into a NULL-terminated malloc'd vector of strings
 * (elements are stringified as String() does). Returns NULL with a pending
 * exception when an element cannot be stringified. */
static char **ss_string_vector(napi_env env, napi_value arr) {
  uint32_t n = 0;
  napi_get_array_length(env, arr, &n);
  char **v = calloc(n + 1, sizeof(char *));
  for (uint32_t i = 0; i < n; i++) {
    napi_value e;
    napi_get_element(env, arr, i, &e);
    if (napi_coerce_to_string(env, e, &e) == napi_ok)
      v[i] = nd_strdup_utf8(env, e);
    if (v[i] == NULL) {
      for (uint32_t j = 0; j < i; j++) free(v[j]);
      free(v);
      return NULL;
    }
  }
  return v;
}

static void ss_free_vector(char **v) {
  if (v == NULL) return;
  for (char **p = v; *p != NULL; p++) free(*p);
  free(v);
}

/* Reads the bytes of an ArrayBufferView (Buffer, TypedArray, DataView). */
static bool ss_view_bytes(napi_env env, napi_value v, const char **data,
                          size_t *len) {
  bool is = false;
  void *p = NULL;
  napi_is_typedarray(env, v, &is);
  if (is) {
    napi_typedarray_type t;
    size_t n;
    napi_get_typedarray_info(env, v, &t, &n, &p, NULL, NULL);
    static const size_t sizes[] = {1, 1, 1, 2, 2, 4, 4, 4, 8, 8, 8};
    *data = p;
    *len = n * ((size_t)t < ND_COUNT(sizes) ? sizes[t] : 1);
    return true;
  }
  napi_is_dataview(env, v, &is);
  if (is) {
    napi_get_dataview_info(env, v, len, &p, NULL, NULL);
    *data = p;
    return true;
  }
  return false;
}

/* Fills the uv stdio container of slot `i` from stdio[i] = { type, fd,
 * readable, writable, input }. Returns false with a pending exception. */
static bool ss_parse_stdio(napi_env env, ss_run_t *run, napi_value desc,
                           int i, uv_stdio_container_t *c) {
  napi_value v;
  napi_valuetype t;
  char type[16] = "";
  if (ss_get(env, desc, "type", &v, &t) && t == napi_string)
    napi_get_value_string_utf8(env, v, type, sizeof(type), NULL);
  if (strcmp(type, "ignore") == 0) {
    c->flags = UV_IGNORE;
  } else if (strcmp(type, "pipe") == 0 || strcmp(type, "overlapped") == 0) {
    ss_pipe_t *p = calloc(1, sizeof(*p));
    p->run = run;
    if (ss_get(env, desc, "readable", &v, &t)) p->readable = nd_to_bool(env, v);
    if (ss_get(env, desc, "writable", &v, &t)) p->writable = nd_to_bool(env, v);
    if (ss_get(env, desc, "input", &v, &t) &&
        !ss_view_bytes(env, v, &p->input, &p->input_len)) {
      free(p);
      napi_throw_type_error(env, NULL, "stdio input must be a view");
      return false;
    }
    uv_pipe_init(&run->loop, &p->handle, 0);
    run->pipes[i] = p;
    c->flags = UV_CREATE_PIPE;
    if (p->readable) c->flags |= UV_READABLE_PIPE;
    if (p->writable) c->flags |= UV_WRITABLE_PIPE;
    c->data.stream = (uv_stream_t *)&p->handle;
  } else if (strcmp(type, "inherit") == 0 || strcmp(type, "fd") == 0) {
    c->flags = UV_INHERIT_FD;
    c->data.fd = ss_get(env, desc, "fd", &v, &t) ? (int)nd_to_int64(env, v, i)
                                                  : i;
  } else {
    napi_throw_type_error(env, NULL,
                          "spawnSync does not support this stdio type");
    return false;
  }
  return true;
}

/* ---- the result ---- */

static napi_value ss_output(napi_env env, ss_run_t *run) {
  napi_value arr;
  napi_create_array_with_length(env, run->nstdio, &arr);
  for (int i = 0; i < run->nstdio; i++) {
    ss_pipe_t *p = run->pipes[i];
    napi_value v;
    if (p != NULL && p->writable) {
      void *unused;
      napi_create_buffer_copy(env, p->out_len, p->out_len ? p->out : "",
                              &unused, &v);
    } else {
      napi_get_null(env, &v);
    }
    napi_set_element(env, arr, i, v);
  }
  return arr;
}

/* { error?, status, signal, output, pid } as Node's binding builds it. */
static napi_value ss_result(napi_env env, ss_run_t *run) {
  napi_value res, v, null;
  napi_create_object(env, &res);
  napi_get_null(env, &null);
  int err = run->error ? run->error : run->pipe_error;
  if (err != 0) nd_set_number(env, res, "error", err);
  if (run->exited && run->term_signal == 0)
    napi_create_double(env, (double)run->exit_status, &v);
  else
    v = null;
  napi_set_named_property(env, res, "status", v);
  if (run->exited && run->term_signal > 0)
    napi_create_string_utf8(env, ss_signal_name(run->term_signal),
                            NAPI_AUTO_LENGTH, &v);
  else
    v = null;
  napi_set_named_property(env, res, "signal", v);
  napi_set_named_property(env, res, "output",
                          run->spawned ? ss_output(env, run) : null);
  nd_set_number(env, res, "pid", run->spawned ? run->proc.pid : 0);
  return res;
}

/* ---- the run ---- */

/* Reads the options into `opts`; false with a pending exception. */
static bool ss_parse_options(napi_env env, napi_value o, ss_run_t *run,
                             uv_process_options_t *opts) {
  napi_value v;
  napi_valuetype t;
  if (!ss_get(env, o, "file", &v, &t)) {
    napi_throw_type_error(env, NULL, "options.file must be a string");
    return false;
  }
  if ((opts->file = nd_strdup_utf8(env, v)) == NULL) return false;
  if (ss_get(env, o, "args", &v, &t) &&
      (opts->args = ss_string_vector(env, v)) == NULL)
    return false;
  if (opts->args == NULL) {
    opts->args = calloc(2, sizeof(char *));
    opts->args[0] = strdup(opts->file);
  }
  if (ss_get(env, o, "cwd", &v, &t) && t == napi_string &&
      (opts->cwd = nd_strdup_utf8(env, v)) == NULL)
    return false;
  if (ss_get(env, o, "envPairs", &v, &t) &&
      (opts->env = ss_string_vector(env, v)) == NULL)
    return false;
  if (ss_get(env, o, "uid", &v, &t)) {
    opts->flags |= UV_PROCESS_SETUID;
    opts->uid = (uv_uid_t)nd_to_int64(env, v, 0);
  }
  if (ss_get(env, o, "gid", &v, &t)) {
    opts->flags |= UV_PROCESS_SETGID;
    opts->gid = (uv_gid_t)nd_to_int64(env, v, 0);
  }
  if (ss_get(env, o, "detached", &v, &t) && nd_to_bool(env, v))
    opts->flags |= UV_PROCESS_DETACHED;
  run->kill_signal = SIGTERM;
  if (ss_get(env, o, "killSignal", &v, &t))
    run->kill_signal = (int)nd_to_int64(env, v, SIGTERM);
  if (ss_get(env, o, "maxBuffer", &v, &t))
    run->max_buffer = nd_to_double(env, v, 0);

  napi_value stdio = NULL;
  uint32_t n = 0;
  if (ss_get(env, o, "stdio", &stdio, &t))
    napi_get_array_length(env, stdio, &n);
  run->nstdio = (int)n;
  run->pipes = calloc(n ? n : 1, sizeof(ss_pipe_t *));
  opts->stdio = calloc(n ? n : 1, sizeof(uv_stdio_container_t));
  opts->stdio_count = (int)n;
  for (uint32_t i = 0; i < n; i++) {
    napi_value desc;
    napi_get_element(env, stdio, i, &desc);
    if (!ss_parse_stdio(env, run, desc, (int)i, &opts->stdio[i])) return false;
  }
  return true;
}

static void ss_free(ss_run_t *run, uv_process_options_t *opts) {
  free((char *)opts->file);
  free((char *)opts->cwd);
  ss_free_vector(opts->args);
  ss_free_vector(opts->env);
  free(opts->stdio);
  for (int i = 0; i < run->nstdio; i++) {
    if (run->pipes[i] == NULL) continue;
    free(run->pipes[i]->out);
    free(run->pipes[i]);
  }
  free(run->pipes);
}

/* spawn(options) -> { error?, status, signal, output, pid }. options holds
 * file, args, cwd, envPairs, stdio ([{ type: 'pipe'|'overlapped'|'ignore'|
 * 'inherit'|'fd', readable, writable, input, fd }]), timeout (ms, 0 for
 * none), maxBuffer (bytes, 0 for unlimited), killSignal (number), detached,
 * uid, gid. `error` is a negative libuv errno. */
static napi_value ss_spawn(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  ss_run_t run;
  uv_process_options_t opts;
  memset(&run, 0, sizeof(run));
  memset(&opts, 0, sizeof(opts));
  int r = uv_loop_init(&run.loop);
  if (r < 0) return nd_throw_uv(env, r, "uv_loop_init", NULL, NULL);

  napi_value result = NULL;
  if (ss_parse_options(env, argv[0], &run, &opts)) {
    napi_value v;
    napi_valuetype t;
    double timeout = 0;
    if (ss_get(env, argv[0], "timeout", &v, &t))
      timeout = nd_to_double(env, v, 0);
    opts.exit_cb = ss_exit_cb;
    r = uv_spawn(&run.loop, &run.proc, &opts);
    if (r < 0) {
      ss_set_error(&run, r);
      uv_close((uv_handle_t *)&run.proc, NULL);
    } else {
      run.spawned = true;
      if (timeout > 0) {
        uv_timer_init(&run.loop, &run.timer);
        run.timer_open = true;
        uv_timer_start(&run.timer, ss_timeout_cb, (uint64_t)timeout, 0);
        /* The timer only counts while the child or its pipes keep the
         * loop alive (a grandchild holding stdout open still times out). */
        uv_unref((uv_handle_t *)&run.timer);
      }
      for (int i = 0; i < run.nstdio && run.error == 0; i++) {
        if (run.pipes[i] == NULL) continue;
        r = ss_pipe_start(run.pipes[i]);
        if (r < 0) {
          ss_set_error(&run, r);
          ss_kill(&run);
        }
      }
    }
    uv_run(&run.loop, UV_RUN_DEFAULT);
    result = ss_result(env, &run);
  }
  /* Close whatever is left (pipes of a failed spawn, idle stdin pipes). */
  for (int i = 0; i < run.nstdio; i++)
    if (run.pipes[i] != NULL) ss_close_pipe(run.pipes[i]);
  ss_close_timer(&run);
  uv_run(&run.loop, UV_RUN_DEFAULT);
  uv_loop_close(&run.loop);
  ss_free(&run, &opts);
  return result;
}

static const napi_property_descriptor ss_methods[] = {
  ND_METHOD("spawn", ss_spawn),
};

napi_value nd_binding_spawn_sync_init(napi_env env, napi_value exports) {
  if (napi_define_properties(env, exports, ND_COUNT(ss_methods), ss_methods) !=
      napi_ok)
    return NULL;
  return exports;
}
