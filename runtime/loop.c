/* loop.c - the one path from C into JS: calls a JS function for a libuv
 * callback, then drains process.nextTick and microtasks in Node's order,
 * and routes exceptions nobody caught to process 'uncaughtException'. */
#include "loop.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "engine.h"
#include "realm.h"
#include "worker.h"

static void print_fallback(napi_env env, napi_value err, napi_value arrow);

/* Takes env's pending exception with its arrow and reports it. */
static void report_pending(napi_env env) {
  napi_value exc, arrow;
  if (nd_engine_take_exception(env, &exc, &arrow) != napi_ok) return;
  nd_loop_report(nd_realm_of(env), exc, arrow, false);
}

/* Whether JS may still run on realm. A worker whose parent stopped it runs
 * none: V8 drops a termination once the JS it interrupted has unwound, so
 * calling into JS again (a queued nextTick, a due timer) would run code
 * that can no longer be stopped. */
static bool may_run_js(nd_realm_t *realm) {
  return realm->worker == NULL || !nd_worker_check_stop(realm);
}

/* Runs the JS tick callback until no nextTick or rejection is pending. */
void nd_loop_drain_ticks(napi_env env) {
  nd_realm_t *realm = nd_realm_of(env);
  int32_t *t = realm->tick_info;
  for (;;) {
    if (!may_run_js(realm)) return;
    if (t == NULL || (!t[ND_TICK_HAS_SCHEDULED] && !t[ND_TICK_HAS_REJECTION]))
      nd_engine_run_microtasks(env);
    if (t == NULL || realm->tick_callback == NULL) return;
    if (!t[ND_TICK_HAS_SCHEDULED] && !t[ND_TICK_HAS_REJECTION]) return;
    napi_value fn, recv;
    napi_get_reference_value(env, realm->tick_callback, &fn);
    napi_get_reference_value(env, realm->process, &recv);
    realm->callback_depth++;
    napi_status s = napi_call_function(env, recv, fn, 0, NULL, NULL);
    realm->callback_depth--;
    if (s == napi_ok) return;
    if (s != napi_pending_exception) return;
    /* A tick threw: report it, then keep draining what is left. */
    report_pending(env);
  }
}

void nd_loop_scope_enter(napi_env env) {
  nd_realm_of(env)->callback_depth++;
}

void nd_loop_scope_exit(napi_env env) {
  nd_realm_t *realm = nd_realm_of(env);
  if (--realm->callback_depth == 0) nd_loop_drain_ticks(realm->env);
}

/* Calls fn and reports a throw as uncaught; the queues are the caller's. */
static int call_and_report(nd_realm_t *realm, napi_env env, napi_value recv,
                           napi_value fn, size_t argc, const napi_value *argv,
                           napi_value *result) {
  napi_value ret = NULL;
  if (result != NULL) *result = NULL;
  if (!may_run_js(realm)) return -1;
  napi_status s = napi_call_function(env, recv, fn, argc, argv, &ret);
  if (result != NULL) *result = ret;
  if (s == napi_ok) return 0;
  if (s == napi_pending_exception) report_pending(env);
  return -1;
}

int nd_loop_make_callback_skip_queues(napi_env env, napi_value recv,
                                      napi_value fn, size_t argc,
                                      const napi_value *argv,
                                      napi_value *result) {
  return call_and_report(nd_realm_of(env), env, recv, fn, argc, argv,
                         result);
}

int nd_loop_make_callback(napi_env env, napi_value recv, napi_value fn,
                          size_t argc, const napi_value *argv,
                          napi_value *result) {
  nd_realm_t *realm = nd_realm_of(env);
  realm->callback_depth++;
  int rc = call_and_report(realm, env, recv, fn, argc, argv, result);
  if (--realm->callback_depth == 0) nd_loop_drain_ticks(realm->env);
  return rc;
}

void nd_loop_take_and_report_uncaught(napi_env env, napi_value err) {
  napi_value exc, arrow;
  if (nd_engine_take_exception(env, &exc, &arrow) != napi_ok) {
    exc = err;
    napi_get_undefined(env, &arrow);
  }
  nd_loop_report(nd_realm_of(env), exc, arrow, false);
}

void nd_loop_report_uncaught(napi_env env, napi_value err) {
  nd_realm_t *realm = nd_realm_of(env);
  napi_value arrow;
  napi_env core = realm->env;
  /* The exception was already taken from the env: rebuild its arrow from
   * the error object (where it was created). */
  napi_throw(core, err);
  napi_value exc;
  if (nd_engine_take_exception(core, &exc, &arrow) != napi_ok)
    napi_get_undefined(core, &arrow);
  nd_loop_report(realm, err, arrow, false);
}

void nd_loop_napi_callback_exception(napi_env env, napi_value err,
                                     bool enforce) {
  nd_realm_t *realm = nd_realm_of(env);
  if (enforce ||
      realm->options->values[ND_OPTION_FORCE_NODE_API_UNCAUGHT].b) {
    nd_loop_take_and_report_uncaught(env, err);
    return;
  }
  napi_value exc, process, emit, argv[3];
  napi_get_and_clear_last_exception(env, &exc);
  napi_env core = realm->env;
  napi_get_reference_value(core, realm->process, &process);
  if (napi_get_named_property(core, process, "emitWarning", &emit) != napi_ok)
    return;
  napi_create_string_utf8(
      core,
      "Uncaught N-API callback exception detected, please run node with "
      "option --force-node-api-uncaught-exceptions-policy=true to handle "
      "those exceptions properly.",
      NAPI_AUTO_LENGTH, &argv[0]);
  napi_create_string_utf8(core, "DeprecationWarning", NAPI_AUTO_LENGTH,
                          &argv[1]);
  napi_create_string_utf8(core, "DEP0168", NAPI_AUTO_LENGTH, &argv[2]);
  napi_value ignored;
  if (napi_call_function(core, process, emit, 3, argv, &ignored) ==
      napi_pending_exception)
    report_pending(core);
}

/* Hands an uncaught exception to the JS handler (process 'uncaughtException'
 * or the fatal report). Exits the process when it was fatal, with 7 when the
 * handler itself threw. */
void nd_loop_report(struct nd_realm_s *realm, napi_value err,
                    napi_value arrow, bool from_promise) {
  napi_env env = realm->env;
  /* An error whose .stack already carries its arrow is not given one. */
  napi_value decorated;
  napi_valuetype dt = napi_undefined;
  if (nd_engine_private_get(env, err, ND_PRIVATE_DECORATED, &decorated) ==
      napi_ok)
    napi_typeof(env, decorated, &dt);
  if (dt == napi_boolean) napi_get_undefined(env, &arrow);
  if (realm->uncaught_callback == NULL) {
    print_fallback(env, err, arrow);
    nd_realm_exit(realm, 1);
    return; /* a worker: its JS is being terminated */
  }
  if (realm->in_uncaught) {
    print_fallback(env, err, arrow);
    nd_realm_exit(realm, 7);
    return; /* a worker: its JS is being terminated */
  }
  napi_value fn, recv, ret, argv[3];
  napi_get_reference_value(env, realm->uncaught_callback, &fn);
  napi_get_reference_value(env, realm->process, &recv);
  argv[0] = err;
  argv[1] = arrow;
  napi_get_boolean(env, from_promise, &argv[2]);
  realm->in_uncaught = true;
  realm->callback_depth++;
  napi_status s = napi_call_function(env, recv, fn, 3, argv, &ret);
  realm->callback_depth--;
  realm->in_uncaught = false;
  if (s != napi_ok) {
    napi_value exc2, arrow2;
    if (nd_engine_take_exception(env, &exc2, &arrow2) == napi_ok)
      print_fallback(env, exc2, arrow2);
    nd_realm_exit(realm, 7);
    return; /* a worker: its JS is being terminated */
  }
  /* The handler returns undefined when the exception was handled, the
   * exit code when it was fatal. */
  napi_valuetype t;
  int32_t code;
  if (napi_typeof(env, ret, &t) == napi_ok && t == napi_number &&
      napi_get_value_int32(env, ret, &code) == napi_ok)
    nd_realm_exit(realm, code);
}

/* Prints an exception without any help from JS (bootstrap failures and
 * failing handlers): arrow, then .stack or String(err). */
static void print_fallback(napi_env env, napi_value err, napi_value arrow) {
  char buf[8192];
  size_t len = 0;
  napi_valuetype t = napi_undefined;
  if (arrow != NULL) napi_typeof(env, arrow, &t);
  fflush(stdout);
  if (t == napi_string) {
    napi_get_value_string_utf8(env, arrow, buf, sizeof(buf), &len);
    fprintf(stderr, "%s\n", buf);
  }
  napi_value text = NULL, stack;
  bool is_error = false;
  napi_is_error(env, err, &is_error);
  if (is_error &&
      napi_get_named_property(env, err, "stack", &stack) == napi_ok) {
    napi_typeof(env, stack, &t);
    if (t == napi_string) text = stack;
  }
  bool pending;
  napi_is_exception_pending(env, &pending);
  if (pending) {
    napi_value ignored;
    napi_get_and_clear_last_exception(env, &ignored);
  }
  if (text == NULL && napi_coerce_to_string(env, err, &text) != napi_ok) {
    napi_get_and_clear_last_exception(env, &text);
    text = NULL;
  }
  if (text != NULL) {
    napi_get_value_string_utf8(env, text, buf, sizeof(buf), &len);
    fprintf(stderr, "%s\n", buf);
  } else {
    fprintf(stderr, "Uncaught exception\n");
  }
  fprintf(stderr, "\nNode.js v18.20.4\n");
  fflush(stderr);
}

/* Thread-local: an addon's constructor runs inside dlopen() on the thread
 * that loads it. */
static __thread napi_module *legacy_module;

void nd_addon_register_legacy(napi_module *mod) { legacy_module = mod; }

/* Returns (and forgets) the module registered during the last dlopen(). */
napi_module *nd_addon_take_legacy(void) {
  napi_module *m = legacy_module;
  legacy_module = NULL;
  return m;
}
