/* worker.h - worker_threads' threads: each Worker runs its own loop,
 * isolate and realm on a thread of its own, linked to its parent by a
 * message channel; the parent learns the exit code through its loop. */
#ifndef NODUS_WORKER_H
#define NODUS_WORKER_H

#include <stdbool.h>

#include <uv.h>

#include "engine.h"
#include "msgport.h"
#include "options.h"

struct nd_realm_s;

typedef struct nd_worker_s nd_worker_t;

/* Called on the parent's thread once the worker's thread has ended and
 * been joined: code is its exit code, out_of_memory whether it hit its
 * heap limit. The worker is freed right after. */
typedef void (*nd_worker_exit_cb)(nd_worker_t *w, int code,
                                  bool out_of_memory, void *data);

struct nd_worker_s {
  /* Fixed at creation. */
  struct nd_realm_s *parent;
  int thread_id;
  nd_isolate_limits_t limits;
  nd_port_end_t *child_end; /* taken by the worker's bootstrap */
  nd_worker_exit_cb on_exit;
  void *on_exit_data;
  nd_options_t *options; /* its own (execArgv given), or NULL: parent's */

  uv_thread_t thread;
  bool started;
  bool joined;
  bool want_ref; /* ref'd (applied to exit_async once started) */
  uv_async_t exit_async; /* on the parent's loop */
  nd_worker_t *next;     /* parent's list of running workers */

  /* Shared between the threads, under `mutex`. */
  uv_mutex_t mutex;
  struct nd_realm_s *realm; /* the worker's realm while JS can run */
  bool stop_requested; /* set once; atomic: read without the mutex */
  int exit_code;
  bool out_of_memory;

  /* The worker thread's own. */
  uv_loop_t loop;
  uv_async_t stop_async;
};

/* Creates a worker of `parent` (not yet started). `child_end` is the
 * worker's end of the channel to its parent (owned by the worker from now
 * on). Returns NULL on failure (child_end is then closed). */
nd_worker_t *nd_worker_create(struct nd_realm_s *parent,
                              nd_port_end_t *child_end,
                              const nd_isolate_limits_t *limits,
                              nd_worker_exit_cb on_exit, void *data);

/* Starts the worker's thread. Returns 0 or a negative UV_E* code. */
int nd_worker_start(nd_worker_t *w);

/* Asks the worker to stop as soon as possible (terminating its JS); its
 * exit is then reported as usual. Safe to call at any time. */
void nd_worker_stop(nd_worker_t *w);

/* Keeps (or stops keeping) the parent's loop alive while w runs. */
void nd_worker_ref(nd_worker_t *w, bool ref);

/* Whether w keeps the parent's loop alive. */
bool nd_worker_has_ref(nd_worker_t *w);

/* Stops every worker of `realm` and waits for their threads to end
 * (at the exit of the realm's thread). Their exit callbacks do not run. */
void nd_worker_stop_all(struct nd_realm_s *realm);

/* Called by a worker's realm when its JS asked to exit (process.exit or
 * a fatal exception): stops the worker's JS and loop with `code`. */
void nd_worker_exit_from_inside(struct nd_realm_s *realm, int code);

/* Whether the realm is exiting; on a worker whose parent asked it to
 * stop, marks it exiting (code 1) first. */
bool nd_worker_check_stop(struct nd_realm_s *realm);

/* Options for a worker: a copy of `parent` with the nodus options among
 * argv[0..argc) (a worker's execArgv) applied; V8 flags and unknown
 * options are ignored. Returns NULL when out of memory. */
nd_options_t *nd_worker_options(const nd_options_t *parent, int argc,
                                char **argv);

/* A thread id for a new worker, unique in the process. */
int nd_worker_next_thread_id(struct nd_realm_s *realm);

#endif /* NODUS_WORKER_H */
