/* realm.c - creates the per-isolate runtime state, bootstraps lib/ on it,
 * runs the main script and the event loop, and ends the process. */
#include "realm.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "bindings.h"
#include "broadcast.h"
#include "builtins.h"
#include "engine.h"
#include "loop.h"
#include "read_pool.h"
#include "worker.h"

/* Parameters of the wrapper function of each kind of builtin. */
static const char *const module_params[] = {
  "exports", "require", "module", "process", "internalBinding", "primordials",
};
static const char *const primordials_params[] = {"primordials"};
static const char *const loader_params[] = {"process", "internalBinding",
                                            "primordials"};

nd_realm_t *nd_realm_of(napi_env env) {
  return (nd_realm_t *)nd_engine_env_realm(env);
}

napi_value nd_realm_key(napi_env env, const char *literal) {
  nd_realm_t *realm = nd_realm_of(env);
  napi_value v = NULL;
  for (int i = 0; i < realm->key_count; i++) {
    if (realm->keys[i].literal == literal) {
      napi_get_reference_value(env, realm->keys[i].name, &v);
      return v;
    }
  }
  napi_create_string_utf8(env, literal, NAPI_AUTO_LENGTH, &v);
  int n = (int)(sizeof(realm->keys) / sizeof(realm->keys[0]));
  if (realm->key_count < n &&
      napi_create_reference(env, v, 1, &realm->keys[realm->key_count].name) ==
          napi_ok)
    realm->keys[realm->key_count++].literal = literal;
  return v;
}

void nd_realm_exit(nd_realm_t *realm, int code) {
  if (realm->worker != NULL) {
    nd_worker_exit_from_inside(realm, code);
    return;
  }
  /* Workers stop (and their cleanup hooks run) before the process ends. */
  nd_worker_stop_all(realm);
  nd_engine_run_cleanup_hooks(realm->env);
  /* A terminal left in raw mode (readline, tty.ReadStream) is restored. */
  uv_tty_reset_mode();
  fflush(stdout);
  fflush(stderr);
  _exit(code & 0xff);
}

/* Prints the pending exception of a failed bootstrap step and exits (a
 * worker's realm returns: its thread then ends with code 1). */
static void bootstrap_failed(nd_realm_t *realm, const char *what) {
  napi_value exc, arrow;
  if (nd_engine_take_exception(realm->env, &exc, &arrow) == napi_ok) {
    nd_loop_report(realm, exc, arrow, false);
  }
  if (realm->worker != NULL && realm->exiting) return;
  fprintf(stderr, "nodus: bootstrap failed in %s\n", what);
  nd_realm_exit(realm, 1);
}

napi_value nd_realm_compile_builtin(napi_env env, const char *id) {
  const nd_builtin_t *b = nd_builtin_find(id);
  if (b == NULL) return NULL;
  napi_value source, filename, fn;
  char name[256];
  snprintf(name, sizeof(name), "node:%s", id);
  if (nd_engine_static_string(env, b->data, b->length, b->two_byte,
                              &source) != napi_ok ||
      napi_create_string_utf8(env, name, NAPI_AUTO_LENGTH, &filename) !=
          napi_ok)
    return NULL;
  const char *const *params = module_params;
  size_t nparams = 6;
  if (strcmp(id, "internal/per_context/primordials") == 0) {
    params = primordials_params;
    nparams = 1;
  } else if (strcmp(id, "internal/bootstrap/realm") == 0) {
    params = loader_params;
    nparams = 3;
  }
  if (nd_engine_compile_function(env, source, filename, nparams, params,
                                 &fn) != napi_ok)
    return NULL;
  return fn;
}

/* internalBinding(name): initialises a binding once per realm. */
static napi_value internal_binding(napi_env env, napi_callback_info info) {
  nd_realm_t *realm = nd_realm_of(env);
  size_t argc = 1;
  napi_value argv[1], cache, exports;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  char name[64];
  size_t len;
  if (napi_get_value_string_utf8(env, argv[0], name, sizeof(name), &len) !=
      napi_ok) {
    napi_throw_type_error(env, NULL, "binding name must be a string");
    return NULL;
  }
  napi_get_reference_value(env, realm->shared, &cache);
  bool has;
  napi_has_named_property(env, cache, name, &has);
  if (has) {
    napi_get_named_property(env, cache, name, &exports);
    return exports;
  }
  nd_binding_init init = nd_binding_find(name);
  if (init == NULL) {
    char msg[128];
    snprintf(msg, sizeof(msg), "No such binding: %s", name);
    napi_throw_error(env, "ERR_INVALID_MODULE", msg);
    return NULL;
  }
  napi_create_object(env, &exports);
  exports = init(env, exports);
  if (exports == NULL) return NULL;
  napi_set_named_property(env, cache, name, exports);
  return exports;
}

static const napi_property_descriptor realm_functions[] = {
  {"internalBinding", NULL, internal_binding, NULL, NULL, NULL, napi_default,
   NULL},
};

nd_binding_init nd_binding_find(const char *name) {
  static const struct {
    const char *name;
    nd_binding_init init;
  } table[] = {
#define ND_BINDING_ENTRY(n) {#n, nd_binding_##n##_init},
    NODUS_BINDINGS(ND_BINDING_ENTRY)
#undef ND_BINDING_ENTRY
  };
  for (size_t i = 0; i < sizeof(table) / sizeof(table[0]); i++)
    if (strcmp(table[i].name, name) == 0) return table[i].init;
  return NULL;
}

/* V8 posts tasks (FinalizationRegistry cleanups and the like) to the
 * platform; run them once per loop iteration, as JS entries. */
static void run_platform_tasks(uv_check_t *handle) {
  nd_realm_t *realm = handle->data;
  napi_handle_scope scope;
  napi_open_handle_scope(realm->env, &scope);
  nd_loop_scope_enter(realm->env);
  nd_engine_pump_tasks(realm->env);
  nd_loop_scope_exit(realm->env);
  napi_close_handle_scope(realm->env, scope);
}

/* V8 posted a task while the loop may have been asleep (the result of
 * background work): run it now, unless JS may no longer run. */
static void on_task_posted(uv_async_t *handle) {
  nd_realm_t *realm = handle->data;
  if (uv_is_active((uv_handle_t *)&realm->task_check))
    run_platform_tasks(&realm->task_check);
}

nd_realm_t *nd_realm_create(uv_loop_t *loop, const nd_options_t *options,
                            struct nd_worker_s *worker) {
  nd_realm_t *realm = calloc(1, sizeof(*realm));
  realm->loop = loop;
  realm->options = options;
  realm->worker = worker;
  realm->thread_ids =
      worker != NULL ? worker->parent->thread_ids : &realm->next_thread_id;
  realm->broadcast =
      worker != NULL ? worker->parent->broadcast : nd_broadcast_new();
  napi_env env = worker != NULL
                     ? nd_engine_env_create_limited(realm, loop,
                                                    &worker->limits)
                     : nd_engine_env_create(realm, loop);
  if (env == NULL) {
    fprintf(stderr, "nodus: cannot create a V8 isolate\n");
    free(realm);
    return NULL;
  }
  realm->env = env;
  uv_check_init(loop, &realm->task_check);
  realm->task_check.data = realm;
  uv_check_start(&realm->task_check, run_platform_tasks);
  uv_unref((uv_handle_t *)&realm->task_check);
  uv_async_init(loop, &realm->task_waker, on_task_posted);
  realm->task_waker.data = realm;
  uv_unref((uv_handle_t *)&realm->task_waker);
  nd_engine_set_task_waker(env, &realm->task_waker);

  napi_value process, cache, holder, internal_binding_fn;
  napi_create_object(env, &process);
  napi_create_reference(env, process, 1, &realm->process);
  napi_create_object(env, &cache);
  napi_create_reference(env, cache, 1, &realm->shared);
  napi_create_object(env, &holder);
  napi_define_properties(env, holder, 1, realm_functions);
  napi_get_named_property(env, holder, "internalBinding", &internal_binding_fn);

  /* 1. primordials */
  napi_value primordials, fn, undef, result;
  napi_get_undefined(env, &undef);
  napi_create_object(env, &primordials);
  fn = nd_realm_compile_builtin(env, "internal/per_context/primordials");
  if (fn == NULL ||
      napi_call_function(env, undef, fn, 1, &primordials, &result) !=
          napi_ok) {
    bootstrap_failed(realm, "primordials");
    return NULL;
  }

  /* 2. the builtin module loader, which then runs bootstrap/node */
  napi_value args[3] = {process, internal_binding_fn, primordials};
  fn = nd_realm_compile_builtin(env, "internal/bootstrap/realm");
  if (fn == NULL || napi_call_function(env, undef, fn, 3, args, &result) !=
                        napi_ok) {
    bootstrap_failed(realm, "internal/bootstrap/realm");
    /* Only a worker gets here; its isolate is kept (never disposed
     * half-initialised). */
    return NULL;
  }
  /* The bootstrap returns the function that runs the main script. */
  napi_create_reference(env, result, 1, &realm->main_callback);
  return realm;
}

/* Calls the bootstrap's emit callback: ('beforeExit' | 'exit', code).
 * Returns the exit code it reports back. */
static int emit_process_event(nd_realm_t *realm, const char *event) {
  napi_env env = realm->env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value fn, recv, argv[1], ret = NULL;
  int32_t code = realm->exit_code;
  if (realm->emit_callback != NULL) {
    napi_get_reference_value(env, realm->emit_callback, &fn);
    napi_get_reference_value(env, realm->process, &recv);
    napi_create_string_utf8(env, event, NAPI_AUTO_LENGTH, &argv[0]);
    if (nd_loop_make_callback(env, recv, fn, 1, argv, &ret) == 0 &&
        ret != NULL)
      napi_get_value_int32(env, ret, &code);
  }
  napi_close_handle_scope(env, scope);
  return code;
}

/* nd_engine_wait_background_tasks as a JS entry. */
static bool wait_background_tasks(nd_realm_t *realm) {
  napi_handle_scope scope;
  napi_open_handle_scope(realm->env, &scope);
  nd_loop_scope_enter(realm->env);
  bool ran = nd_engine_wait_background_tasks(realm->env);
  nd_loop_scope_exit(realm->env);
  napi_close_handle_scope(realm->env, scope);
  return ran;
}

int nd_realm_run(nd_realm_t *realm) {
  napi_env env = realm->env;
  napi_value process, fn, result;
  napi_get_reference_value(env, realm->process, &process);
  napi_get_reference_value(env, realm->main_callback, &fn);
  nd_loop_make_callback(env, process, fn, 0, NULL, &result);

  for (;;) {
    uv_run(realm->loop, UV_RUN_DEFAULT);
    if (realm->worker != NULL && nd_engine_out_of_memory(env)) {
      realm->exiting = true;
      realm->exit_code = 1;
    }
    if (nd_worker_check_stop(realm)) break;
    run_platform_tasks(&realm->task_check);
    /* Background work that will post a task (async WebAssembly
     * compilation) keeps the process alive, as in Node; the JS its
     * results run may start more, or make the loop alive again. */
    if (wait_background_tasks(realm)) continue; /* they may start more */
    int code = emit_process_event(realm, "beforeExit");
    if (nd_worker_check_stop(realm)) break;
    realm->exit_code = code;
    if (!uv_loop_alive(realm->loop)) break;
  }
  /* A worker stopped by process.exit(), a fatal exception or its parent
   * has no more JS to run ('exit' was emitted where that applies). */
  if (realm->exiting && realm->worker != NULL) return realm->exit_code;
  return emit_process_event(realm, "exit");
}

/* JS timers and immediates run no more (the loop may still turn for
 * cleanup work). */
static void stop_js_timers(nd_realm_t *realm) {
  uv_timer_stop(&realm->timer);
  uv_check_stop(&realm->immediate_check);
  uv_idle_stop(&realm->immediate_idle);
  uv_check_stop(&realm->task_check);
}

void nd_realm_run_cleanup(nd_realm_t *realm) {
  uv_loop_t *loop = realm->loop;
  stop_js_timers(realm);
  while (nd_engine_run_cleanup_hooks_async(realm->env)) {
    if (uv_run(loop, UV_RUN_ONCE) == 0 &&
        nd_engine_run_cleanup_hooks_async(realm->env))
      break; /* nothing left that could finish them */
  }
}

static void close_handle(uv_handle_t *handle, void *arg) {
  if (!uv_is_closing(handle)) uv_close(handle, NULL);
}

void nd_realm_destroy(nd_realm_t *realm) {
  uv_loop_t *loop = realm->loop;
  realm->exiting = true;
  nd_worker_stop_all(realm);
  stop_js_timers(realm);
  /* Closes started by JS finish (their callbacks still reach JS), then
   * cleanup hooks run; async ones complete from the loop. */
  uv_run(loop, UV_RUN_NOWAIT);
  /* Requests in flight (fs, dns on the thread pool) complete while the
   * isolate still exists: their callbacks touch it. */
  while (loop->active_reqs.count > 0) uv_run(loop, UV_RUN_ONCE);
  nd_realm_run_cleanup(realm);
  uv_run(loop, UV_RUN_NOWAIT);
  nd_engine_env_destroy(realm->env);
  /* The isolate has released every read Buffer: free the cached blocks. */
  nd_read_pool_drain();
  /* What is left open is closed without callbacks (nothing may touch the
   * disposed isolate). */
  uv_walk(loop, close_handle, NULL);
  uv_run(loop, UV_RUN_DEFAULT);
  uv_loop_close(loop);
  for (size_t i = 0; i < realm->unmanaged_count; i++)
    close(realm->unmanaged_fds[i]);
  free(realm->unmanaged_fds);
  free(realm);
}
