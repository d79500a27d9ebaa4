/* realm.h - the per-isolate state of the runtime: its env, loop, the JS
 * callbacks the C side calls, and the arrays it shares with JS. */
#ifndef NODUS_REALM_H
#define NODUS_REALM_H

#include <stdbool.h>
#include <stdint.h>

#include <node_api.h>
#include <uv.h>

#include "options.h"

/* Slots of the Int32Array that lib/internal/process/task_queues.js shares
 * with the C entry path. */
enum { ND_TICK_HAS_SCHEDULED = 0, ND_TICK_HAS_REJECTION = 1, ND_TICK_FIELDS };

/* Slots of the immediate-info Int32Array shared with lib/internal/timers. */
enum {
  ND_IMMEDIATE_COUNT = 0,
  ND_IMMEDIATE_REF_COUNT = 1,
  ND_IMMEDIATE_HAS_OUTSTANDING = 2,
  ND_IMMEDIATE_FIELDS
};

/* Binding classes whose constructors C needs (to make accepted
 * connections and stdio pipes). */
typedef enum {
  ND_CTOR_TCP,
  ND_CTOR_PIPE,
  ND_CTOR_MESSAGE_PORT,
  ND_CTOR_COUNT
} nd_ctor_id;

typedef struct nd_realm_s {
  napi_env env;
  uv_loop_t *loop;
  const nd_options_t *options;

  /* JS functions registered by the bootstrap code. */
  napi_ref process;
  napi_ref tick_callback;      /* processTicksAndRejections() */
  napi_ref uncaught_callback;  /* (err, arrow, fromPromise) -> handled */
  napi_ref timers_callback;    /* processTimers(now) -> next expiry */
  napi_ref immediate_callback; /* processImmediate() */
  napi_ref emit_callback;      /* (event) emits 'beforeExit'/'exit' */
  napi_ref main_callback;      /* runs the main script (from bootstrap) */

  /* Arrays shared with JS (their ArrayBuffers are held by `shared`). */
  napi_ref shared;
  int32_t *tick_info;
  int32_t *immediate_info;

  uv_timer_t timer;
  uint64_t timer_base; /* uv_now() at setupTimers: JS sees ms since then */
  uv_check_t immediate_check;
  uv_idle_t immediate_idle;
  uv_check_t task_check; /* runs V8's foreground tasks every iteration */
  uv_async_t task_waker; /* ...and as soon as V8 posts one (unref'd) */
  napi_ref ctors[ND_CTOR_COUNT];

  /* worker_threads: the worker this realm runs (NULL on the main
   * thread), the workers it started, and the process-wide counter of
   * thread ids (owned by the main thread's realm). */
  struct nd_worker_s *worker;
  struct nd_worker_s *workers;
  int *thread_ids;
  int next_thread_id;
  struct nd_broadcast_s *broadcast; /* BroadcastChannel feeds (shared) */
  /* A worker's fds opened through fs.open/openSync and not closed yet
   * (trackUnmanagedFds): closed when the worker ends. */
  int *unmanaged_fds;
  size_t unmanaged_count, unmanaged_cap;

  int callback_depth;  /* nesting of entries from C into JS */
  bool exiting;        /* process.exit() was called */
  bool in_uncaught;    /* running the uncaught-exception handler */
  int exit_code;

  /* Open handle wraps and in-flight requests, oldest first
   * (runtime/handle_wrap.c): what process._getActiveHandles(),
   * _getActiveRequests() and getActiveResourcesInfo() report. */
  struct nd_handle_wrap_s *handles_head, *handles_tail;
  struct nd_active_req_s *reqs_head, *reqs_tail;
  struct nd_fs_ready_s *fs_ready; /* bindings/fs_nowait.c */

  /* Property names the hot C->JS paths look up, made once (nd_realm_key). */
  struct {
    const char *literal;
    napi_ref name;
  } keys[16];
  int key_count;
  /* internalBinding('stream_wrap').streamBaseState: the result of the last
   * stream write (bindings/stream_wrap.c). */
  double *stream_state;
  struct nd_gc_entries_s *gc_entries; /* bindings/v8.c: perf 'gc' entries */
} nd_realm_t;

/* Creates the realm: an isolate and context on `loop`, the bindings and the
 * bootstrap of lib/internal/bootstrap. `worker` is the worker_threads
 * worker it runs, NULL for the main thread. Returns NULL (after printing
 * why) on failure. */
struct nd_worker_s;
nd_realm_t *nd_realm_create(uv_loop_t *loop, const nd_options_t *options,
                            struct nd_worker_s *worker);

/* Runs the main script selected by the options, then the event loop until
 * nothing keeps it alive ('beforeExit' may add work), then emits 'exit'.
 * Returns the process exit code. */
int nd_realm_run(nd_realm_t *realm);

/* Runs the Node-API cleanup hooks, running the loop until the async ones
 * are done (or nothing could finish them). Call outside the loop. */
void nd_realm_run_cleanup(nd_realm_t *realm);

/* Ends the realm on its thread: stops its workers, runs the Node-API
 * cleanup hooks (letting the loop finish async ones), closes every
 * handle of the loop, disposes of the isolate, closes the loop and frees
 * the realm. */
void nd_realm_destroy(nd_realm_t *realm);

/* Compiles builtin `id` into its wrapper function (module, primordials or
 * loader parameters as the id requires). Returns NULL with an exception
 * pending on failure, or NULL without one for an unknown id. */
napi_value nd_realm_compile_builtin(napi_env env, const char *id);

/* Returns the realm of an env (core or addon). */
nd_realm_t *nd_realm_of(napi_env env);

/* The JS string for `literal` (a string constant: entries are found by
 * address), created once per realm and kept; saves making and interning
 * the name on every call of a hot path. */
napi_value nd_realm_key(napi_env env, const char *literal);

/* On the main thread: ends the process now (stops the workers, runs the
 * cleanup hooks, flushes stdio, _exit(code)); never returns. On a worker
 * thread: stops the worker's JS (TerminateExecution) and loop with exit
 * code `code`, and returns: the caller must unwind without running more
 * JS. */
void nd_realm_exit(nd_realm_t *realm, int code);

#endif /* NODUS_REALM_H */
