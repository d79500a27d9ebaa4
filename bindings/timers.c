/* timers.c - internalBinding('timers'): the one libuv timer behind all JS
 * timers, and the check/idle handles that run setImmediate callbacks. The
 * timer lists themselves live in lib/internal/timers.js. */
#include <uv.h>

#include "bindings.h"
#include "loop.h"
#include "napi_util.h"
#include "realm.h"

/* The loop clock as JS sees it: ms since the timers were set up (as Node's
 * timer base), so that it stays a small integer (a V8 Smi) however long
 * the machine has been up. */
static double loop_now(nd_realm_t *realm) {
  return (double)(uv_now(realm->loop) - realm->timer_base);
}

/* Fires when the earliest JS timer is due: processTimers(now) returns the
 * next expiry (ms on loop_now's clock), negative when only unref'd timers
 * remain, 0 when none. */
static void timers_on_timer(uv_timer_t *handle) {
  nd_realm_t *realm = ND_CONTAINER_OF(handle, nd_realm_t, timer);
  napi_env env = realm->env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  /* One entry scope around the whole step: nextTicks and microtasks run
   * after the timer is re-armed and (un)ref'd, so a clearTimeout() in a
   * microtask has the last word (as in Node). */
  nd_loop_scope_enter(env);
  napi_value fn, recv, now, ret = NULL;
  napi_get_reference_value(env, realm->timers_callback, &fn);
  napi_get_reference_value(env, realm->process, &recv);
  napi_create_double(env, loop_now(realm), &now);
  /* A throwing timer was reported (and handled, or we would have exited):
   * run the remaining due timers, as Node does. */
  int rc;
  do {
    rc = nd_loop_make_callback(env, recv, fn, 1, &now, &ret);
  } while (rc != 0 && !realm->exiting);
  double next = 0;
  if (rc == 0 && ret != NULL) next = nd_to_double(env, ret, 0);
  if (next != 0) {
    double abs_next = next < 0 ? -next : next;
    double delay = abs_next - loop_now(realm);
    if (delay < 1) delay = 1;
    uv_timer_start(&realm->timer, timers_on_timer, (uint64_t)delay, 0);
    if (next > 0)
      uv_ref((uv_handle_t *)&realm->timer);
    else
      uv_unref((uv_handle_t *)&realm->timer);
  }
  nd_loop_scope_exit(env);
  napi_close_handle_scope(env, scope);
}

/* Runs the immediate queue once per loop iteration (check phase). */
static void timers_on_check(uv_check_t *handle) {
  nd_realm_t *realm = ND_CONTAINER_OF(handle, nd_realm_t, immediate_check);
  int32_t *info = realm->immediate_info;
  if (info[ND_IMMEDIATE_COUNT] == 0 && !info[ND_IMMEDIATE_HAS_OUTSTANDING])
    return;
  napi_env env = realm->env;
  napi_handle_scope scope;
  napi_open_handle_scope(env, &scope);
  napi_value fn, recv;
  napi_get_reference_value(env, realm->immediate_callback, &fn);
  napi_get_reference_value(env, realm->process, &recv);
  /* A throwing immediate was reported (and handled, or we would have
   * exited): the rest of the queue runs now, before any nextTick that was
   * pending (as Node's CheckImmediate loops while some are outstanding). */
  nd_loop_scope_enter(env);
  int rc;
  do {
    rc = nd_loop_make_callback(env, recv, fn, 0, NULL, NULL);
  } while (rc != 0 && !realm->exiting && info[ND_IMMEDIATE_HAS_OUTSTANDING]);
  nd_loop_scope_exit(env);
  napi_close_handle_scope(env, scope);
  /* Nothing ref'd left: let the loop block again. */
  if (info[ND_IMMEDIATE_REF_COUNT] == 0)
    uv_idle_stop(&realm->immediate_idle);
}

static void timers_on_idle(uv_idle_t *handle) { (void)handle; }

/* setupTimers(processImmediate, processTimers) -> Int32Array immediateInfo */
static napi_value timers_setup(napi_env env, napi_callback_info info) {
  napi_value argv[2], ab, arr;
  nd_args(env, info, 2, argv);
  nd_realm_t *realm = nd_realm_of(env);
  napi_create_reference(env, argv[0], 1, &realm->immediate_callback);
  napi_create_reference(env, argv[1], 1, &realm->timers_callback);
  void *data;
  napi_create_arraybuffer(env, ND_IMMEDIATE_FIELDS * sizeof(int32_t), &data,
                          &ab);
  napi_create_typedarray(env, napi_int32_array, ND_IMMEDIATE_FIELDS, ab, 0,
                         &arr);
  realm->immediate_info = data;
  napi_ref keep;
  napi_create_reference(env, ab, 1, &keep);

  uv_timer_init(realm->loop, &realm->timer);
  realm->timer_base = uv_now(realm->loop);
  uv_unref((uv_handle_t *)&realm->timer);
  uv_check_init(realm->loop, &realm->immediate_check);
  uv_unref((uv_handle_t *)&realm->immediate_check);
  uv_check_start(&realm->immediate_check, timers_on_check);
  uv_idle_init(realm->loop, &realm->immediate_idle);
  return arr;
}

/* scheduleTimer(ms): (re)arms the libuv timer for the earliest list. */
static napi_value timers_schedule(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  nd_realm_t *realm = nd_realm_of(env);
  double ms = nd_to_double(env, argv[0], 1);
  if (ms < 1) ms = 1;
  uv_timer_start(&realm->timer, timers_on_timer, (uint64_t)ms, 0);
  return NULL;
}

static napi_value timers_toggle_timer_ref(napi_env env,
                                          napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  nd_realm_t *realm = nd_realm_of(env);
  if (nd_to_bool(env, argv[0]))
    uv_ref((uv_handle_t *)&realm->timer);
  else
    uv_unref((uv_handle_t *)&realm->timer);
  return NULL;
}

static napi_value timers_toggle_immediate_ref(napi_env env,
                                              napi_callback_info info) {
  napi_value argv[1];
  nd_args(env, info, 1, argv);
  nd_realm_t *realm = nd_realm_of(env);
  if (nd_to_bool(env, argv[0]))
    uv_idle_start(&realm->immediate_idle, timers_on_idle);
  else
    uv_idle_stop(&realm->immediate_idle);
  return NULL;
}

/* getLibuvNow() -> the loop clock, refreshed first (as Node's), so timers
 * created after a long synchronous stretch start from the real time. */
static napi_value timers_get_now(napi_env env, napi_callback_info info) {
  nd_realm_t *realm = nd_realm_of(env);
  napi_value r;
  uv_update_time(realm->loop);
  napi_create_double(env, loop_now(realm), &r);
  return r;
}

static const napi_property_descriptor timers_methods[] = {
  ND_METHOD("setupTimers", timers_setup),
  ND_METHOD("scheduleTimer", timers_schedule),
  ND_METHOD("toggleTimerRef", timers_toggle_timer_ref),
  ND_METHOD("toggleImmediateRef", timers_toggle_immediate_ref),
  ND_METHOD("getLibuvNow", timers_get_now),
};

napi_value nd_binding_timers_init(napi_env env, napi_value exports) {
  if (napi_define_properties(env, exports, ND_COUNT(timers_methods),
                             timers_methods) != napi_ok)
    return NULL;
  return exports;
}
