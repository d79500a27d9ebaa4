/* loop.h - the one path from C into JS: every libuv callback that runs JS
 * goes through here, which afterwards drains process.nextTick and the
 * microtask queue in Node's order and routes uncaught exceptions. */
#ifndef NODUS_LOOP_H
#define NODUS_LOOP_H

#include <stdbool.h>

#include <node_api.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Calls fn.apply(recv, argv) as a top-level callback. On return at the
 * outermost level runs nextTicks and microtasks. Returns 0 with *result set
 * (may be NULL), or -1 when fn threw: the exception was reported as
 * uncaught (and, if nothing handled it, the process has exited). Also -1,
 * without calling fn, in a worker that was asked to stop. */
int nd_loop_make_callback(napi_env env, napi_value recv, napi_value fn,
                          size_t argc, const napi_value *argv,
                          napi_value *result);

/* nd_loop_make_callback() that leaves the task queues alone (Node's
 * kSkipTaskQueues): nextTicks and microtasks it schedules wait for the
 * next entry. A throw is reported as uncaught all the same. */
int nd_loop_make_callback_skip_queues(napi_env env, napi_value recv,
                                      napi_value fn, size_t argc,
                                      const napi_value *argv,
                                      napi_value *result);

/* Opens/closes an entry scope around C code that calls JS several times;
 * closing the outermost scope drains ticks and microtasks. */
void nd_loop_scope_enter(napi_env env);
void nd_loop_scope_exit(napi_env env);

/* Drains nextTicks and microtasks now (as closing the outermost scope). */
void nd_loop_drain_ticks(napi_env env);

/* Treats `err` as an uncaught exception (process 'uncaughtException' or a
 * fatal report and exit). */
void nd_loop_report_uncaught(napi_env env, napi_value err);

/* Takes env's pending exception (expected to be `err`) with its source
 * arrow and reports it as uncaught. */
void nd_loop_take_and_report_uncaught(napi_env env, napi_value err);

/* Deals with an exception a Node-API callback run from the loop (async
 * work completion, thread-safe function call_js/finalize) left pending on
 * env: reported as uncaught when `enforce` (NAPI_EXPERIMENTAL modules) or
 * --force-node-api-uncaught-exceptions-policy, else dropped with Node's
 * DEP0168 warning. */
void nd_loop_napi_callback_exception(napi_env env, napi_value err,
                                     bool enforce);

/* Hands `err` (with its source `arrow`, a string or undefined) to the JS
 * uncaught-exception handler; exits the process when nothing handled it
 * (with 7 when the handler itself threw). */
struct nd_realm_s;
void nd_loop_report(struct nd_realm_s *realm, napi_value err, napi_value arrow,
                    bool from_promise);

/* Returns (and forgets) the module napi_module_register() recorded during
 * the last dlopen() on this thread, or NULL. */
napi_module *nd_addon_take_legacy(void);

/* Legacy napi_module_register(): remembers the module for the addon loader
 * (thread-local: several isolates may load addons on several threads). */
void nd_addon_register_legacy(napi_module *mod);

#ifdef __cplusplus
}
#endif

#endif /* NODUS_LOOP_H */
