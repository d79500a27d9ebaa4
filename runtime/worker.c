/* worker.c - the threads behind worker_threads.Worker: start, stop from
 * the parent (V8 TerminateExecution plus a wake-up of the worker's loop),
 * exit from inside, and the report of the exit code to the parent. */
#include "worker.h"

#include <stdio.h>
#include <stdlib.h>

#include "realm.h"

static void free_worker(uv_handle_t *handle) {
  nd_worker_t *w = handle->data;
  uv_mutex_destroy(&w->mutex);
  free(w->options); /* its strings stay: they may be shared */
  free(w);
}

/* Unlinks w from its parent's list of running workers. */
static void unlink_worker(nd_worker_t *w) {
  for (nd_worker_t **p = &w->parent->workers; *p != NULL; p = &(*p)->next) {
    if (*p == w) {
      *p = w->next;
      break;
    }
  }
}

/* On the parent's thread: the worker's thread has finished. */
static void on_thread_done(uv_async_t *async) {
  nd_worker_t *w = async->data;
  if (!w->joined) {
    uv_thread_join(&w->thread);
    w->joined = true;
  }
  unlink_worker(w);
  uv_close((uv_handle_t *)&w->exit_async, free_worker);
  if (w->on_exit != NULL)
    w->on_exit(w, w->exit_code, w->out_of_memory, w->on_exit_data);
}

/* On the worker's thread: the parent asked it to stop. */
static void on_stop_request(uv_async_t *async) {
  nd_worker_t *w = async->data;
  uv_mutex_lock(&w->mutex);
  nd_realm_t *realm = w->realm;
  uv_mutex_unlock(&w->mutex);
  if (realm != NULL && !realm->exiting) {
    realm->exiting = true;
    realm->exit_code = 1;
  }
  uv_stop(&w->loop);
}

static void worker_thread(void *arg) {
  nd_worker_t *w = arg;
  int code = 1;
  bool oom = false;
  if (uv_loop_init(&w->loop) == 0) {
    uv_async_init(&w->loop, &w->stop_async, on_stop_request);
    w->stop_async.data = w;
    uv_unref((uv_handle_t *)&w->stop_async);
    const nd_options_t *options =
        w->options != NULL ? w->options : w->parent->options;
    nd_realm_t *realm = nd_realm_create(&w->loop, options, w);
    if (realm != NULL) {
      uv_mutex_lock(&w->mutex);
      w->realm = realm;
      bool stop = __atomic_load_n(&w->stop_requested, __ATOMIC_ACQUIRE);
      uv_mutex_unlock(&w->mutex);
      if (stop) {
        realm->exiting = true;
        realm->exit_code = 1;
        code = 1;
      } else {
        code = nd_realm_run(realm);
      }
      oom = nd_engine_out_of_memory(realm->env);
      uv_mutex_lock(&w->mutex);
      w->realm = NULL;
      uv_mutex_unlock(&w->mutex);
      nd_realm_destroy(realm);
    } else {
      uv_close((uv_handle_t *)&w->stop_async, NULL);
      uv_run(&w->loop, UV_RUN_DEFAULT);
      uv_loop_close(&w->loop);
    }
  }
  uv_mutex_lock(&w->mutex);
  w->exit_code = code;
  w->out_of_memory = oom;
  uv_mutex_unlock(&w->mutex);
  uv_async_send(&w->exit_async);
}

nd_worker_t *nd_worker_create(nd_realm_t *parent, nd_port_end_t *child_end,
                              const nd_isolate_limits_t *limits,
                              nd_worker_exit_cb on_exit, void *data) {
  nd_worker_t *w = calloc(1, sizeof(*w));
  if (w == NULL || uv_mutex_init(&w->mutex) != 0) {
    free(w);
    nd_port_close(child_end);
    return NULL;
  }
  w->parent = parent;
  w->thread_id = nd_worker_next_thread_id(parent);
  if (limits != NULL) w->limits = *limits;
  w->child_end = child_end;
  w->on_exit = on_exit;
  w->on_exit_data = data;
  uv_async_init(parent->loop, &w->exit_async, on_thread_done);
  w->exit_async.data = w;
  /* Keeps the parent alive only once started (and while ref'd). */
  uv_unref((uv_handle_t *)&w->exit_async);
  w->want_ref = true;
  w->next = parent->workers;
  parent->workers = w;
  return w;
}

int nd_worker_start(nd_worker_t *w) {
  uv_thread_options_t opts;
  opts.flags = UV_THREAD_HAS_STACK_SIZE;
  double mb = w->limits.stack_mb > 0 ? w->limits.stack_mb : 4;
  opts.stack_size = (size_t)(mb * 1024 * 1024);
  int err = uv_thread_create_ex(&w->thread, &opts, worker_thread, w);
  if (err != 0) return err;
  w->started = true;
  if (w->want_ref) uv_ref((uv_handle_t *)&w->exit_async);
  return 0;
}

void nd_worker_stop(nd_worker_t *w) {
  uv_mutex_lock(&w->mutex);
  __atomic_store_n(&w->stop_requested, true, __ATOMIC_RELEASE);
  if (w->realm != NULL) {
    nd_engine_terminate(w->realm->env);
    uv_async_send(&w->stop_async);
  }
  uv_mutex_unlock(&w->mutex);
}

void nd_worker_ref(nd_worker_t *w, bool ref) {
  w->want_ref = ref;
  if (!w->started) return;
  if (ref)
    uv_ref((uv_handle_t *)&w->exit_async);
  else
    uv_unref((uv_handle_t *)&w->exit_async);
}

bool nd_worker_has_ref(nd_worker_t *w) {
  return w->want_ref;
}

void nd_worker_stop_all(nd_realm_t *realm) {
  for (nd_worker_t *w = realm->workers; w != NULL; w = w->next) {
    w->on_exit = NULL;
    if (w->started) nd_worker_stop(w);
  }
  for (nd_worker_t *w = realm->workers; w != NULL; w = w->next) {
    if (w->started && !w->joined) {
      uv_thread_join(&w->thread);
      w->joined = true;
    }
  }
}

void nd_worker_exit_from_inside(nd_realm_t *realm, int code) {
  nd_worker_t *w = realm->worker;
  bool stopped =
      __atomic_exchange_n(&w->stop_requested, true, __ATOMIC_ACQ_REL);
  /* The first reason to stop decides the exit code. */
  if (!stopped) realm->exit_code = code;
  realm->exiting = true;
  nd_engine_terminate(realm->env);
  uv_stop(realm->loop);
}

bool nd_worker_check_stop(nd_realm_t *realm) {
  nd_worker_t *w = realm->worker;
  if (w == NULL) return realm->exiting;
  /* Read without the mutex: this runs before every entry into JS. */
  bool stop = __atomic_load_n(&w->stop_requested, __ATOMIC_ACQUIRE);
  if (stop && !realm->exiting) {
    realm->exiting = true;
    realm->exit_code = 1;
  }
  return realm->exiting;
}

int nd_worker_next_thread_id(nd_realm_t *realm) {
  return __atomic_add_fetch(realm->thread_ids, 1, __ATOMIC_SEQ_CST);
}
