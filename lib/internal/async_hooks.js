'use strict';
// internal/async_hooks.js - async ids, the execution stack and hook registry.

/* The state behind async_hooks, kept in JS:
 *
 * - ids: every async resource gets a number from one counter (the first is
 *   2; the main script runs as 1, with trigger 0). executionAsyncId() is the
 *   resource whose callback is running, triggerAsyncId() the resource that
 *   caused it; outside any callback both are 0.
 * - the execution stack: emitBefore() pushes (asyncId, triggerAsyncId,
 *   resource) and emitAfter() pops it. Core modules that run a callback on
 *   behalf of a resource wrap it between the two.
 * - the hook registry: the AsyncHook objects enabled by createHook(), with
 *   one counter per callback kind so that hot paths test a number only.
 *   Hooks enabled or disabled while hooks run take effect when the
 *   outermost emit is done (the list being walked is never mutated).
 * - promises: V8 calls the four functions given to internal/promise_hooks'
 *   setInternalPromiseHooks() for every promise. They are installed only
 *   while some hook (or an AsyncLocalStorage) is enabled.
 * - destroy: ids are queued and emitted in a batch at the start of the next
 *   check phase (before setImmediate callbacks), as Node does.
 *
 * Other core modules use newAsyncId(), getDefaultTriggerAsyncId(),
 * emitInit/emitBefore/emitAfter/emitDestroy and the *HooksExist() tests.
 * I/O resources would do the same from their JS wrappers: a new id and
 * emitInit(id, 'FSREQCALLBACK', trigger, req) at creation, and their
 * callbacks run between emitBefore(id, trigger, req) and emitAfter(id). */

const {
  ArrayPrototypeIndexOf,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ArrayPrototypeSplice,
  ErrorCaptureStackTrace,
  FunctionPrototypeCall,
  NumberIsSafeInteger,
  ObjectFreeze,
  ReflectApply,
  SafeFinalizationRegistry,
  Symbol,
} = primordials;


/* Indexes into hookFields (same names as Node's async_hook_fields). */
const kInit = 0;
const kBefore = 1;
const kAfter = 2;
const kDestroy = 3;
const kPromiseResolve = 4;
const kTotals = 5;
const kCheck = 6;
const kStackLength = 7;
const kUsesExecutionAsyncResource = 8;

/* Indexes into the id fields (Node's async_id_fields). */
const kExecutionAsyncId = 0;
const kTriggerAsyncId = 1;
const kAsyncIdCounter = 2;
const kDefaultTriggerAsyncId = 3;

const async_id_symbol = Symbol('async_id_symbol');
const trigger_async_id_symbol = Symbol('trigger_async_id_symbol');
const init_symbol = Symbol('init');
const before_symbol = Symbol('before');
const after_symbol = Symbol('after');
const destroy_symbol = Symbol('destroy');
const promise_resolve_symbol = Symbol('promiseResolve');
const owner_symbol = Symbol('owner_symbol');
const resource_symbol = Symbol('resource_symbol');

/* Node 18.20.4's provider numbering, exposed as asyncWrapProviders. */
const Providers = ObjectFreeze({
  __proto__: null,
  NONE: 0, DIRHANDLE: 1, DNSCHANNEL: 2, ELDHISTOGRAM: 3, FILEHANDLE: 4,
  FILEHANDLECLOSEREQ: 5, FIXEDSIZEBLOBCOPY: 6, FSEVENTWRAP: 7,
  FSREQCALLBACK: 8, FSREQPROMISE: 9, GETADDRINFOREQWRAP: 10,
  GETNAMEINFOREQWRAP: 11, HEAPSNAPSHOT: 12, HTTP2SESSION: 13,
  HTTP2STREAM: 14, HTTP2PING: 15, HTTP2SETTINGS: 16,
  HTTPINCOMINGMESSAGE: 17, HTTPCLIENTREQUEST: 18, JSSTREAM: 19,
  JSUDPWRAP: 20, MESSAGEPORT: 21, PIPECONNECTWRAP: 22, PIPESERVERWRAP: 23,
  PIPEWRAP: 24, PROCESSWRAP: 25, PROMISE: 26, QUERYWRAP: 27,
  QUIC_LOGSTREAM: 28, QUIC_PACKET: 29, SHUTDOWNWRAP: 30, SIGNALWRAP: 31,
  STATWATCHER: 32, STREAMPIPE: 33, TCPCONNECTWRAP: 34, TCPSERVERWRAP: 35,
  TCPWRAP: 36, TTYWRAP: 37, UDPSENDWRAP: 38, UDPWRAP: 39,
  SIGINTWATCHDOG: 40, WORKER: 41, WORKERHEAPSNAPSHOT: 42, WRITEWRAP: 43,
  ZLIB: 44, CHECKPRIMEREQUEST: 45, PBKDF2REQUEST: 46,
  KEYPAIRGENREQUEST: 47, KEYGENREQUEST: 48, KEYEXPORTREQUEST: 49,
  CIPHERREQUEST: 50, DERIVEBITSREQUEST: 51, HASHREQUEST: 52,
  RANDOMBYTESREQUEST: 53, RANDOMPRIMEREQUEST: 54, SCRYPTREQUEST: 55,
  SIGNREQUEST: 56, TLSWRAP: 57, VERIFYREQUEST: 58, INSPECTORJSBINDING: 59,
});

/* ---- ids ---------------------------------------------------------------- */

let executionId = 1;
let triggerId = 0;
let idCounter = 1;
let defaultTriggerId = -1;

/* What executionAsyncResource() returns when no resource is on the stack. */
const topLevelResource = {};

/* The execution stack: the ids to restore on pop (two per entry) and the
 * resource each entry made current. Ticks record their resource only once
 * executionAsyncResource() has been called (storing a new object into this
 * long-lived array costs a GC write barrier per tick); a tick running
 * before that gets a placeholder object on first request. */
let stackLength = 0;
const savedIds = [];
const stackResources = [];
let recordResources = false;
/* Set when a callback threw past its emitAfter() (see markAsyncStackDirty). */
let stackDirty = false;

/* Registry: enabled AsyncHook objects and per-kind counters. While hooks
 * are being called (callDepth > 0) enable()/disable() edit copies that
 * replace the live ones when the outermost emit returns. */
let hooksArray = [];
let hookFields = [0, 0, 0, 0, 0, 0, 1, 0, 0];
let callDepth = 0;
let tmpArray = null;
let tmpFields = null;

/* Number of hooks per kind (live values, not the copies). */
function initHooksExist() { return hookFields[kInit] > 0; }
function afterHooksExist() { return hookFields[kAfter] > 0; }
function destroyHooksExist() { return hookFields[kDestroy] > 0; }
function promiseResolveHooksExist() {
  return hookFields[kPromiseResolve] > 0;
}
function enabledHooksExist() { return hookFields[kTotals] > 0; }

/* executionAsyncId(): the id of the resource whose callback runs now. */
function executionAsyncId() { return executionId; }

/* triggerAsyncId(): the id of the resource that caused the current one. */
function triggerAsyncId() { return triggerId; }

/* A fresh async id. */
function newAsyncId() { return ++idCounter; }

/* The trigger id a resource created now gets: the one set by
 * defaultTriggerAsyncIdScope(), else the current execution id. */
function getDefaultTriggerAsyncId() {
  return defaultTriggerId < 0 ? executionId : defaultTriggerId;
}

function clearDefaultTriggerAsyncId() { defaultTriggerId = -1; }

/* Runs block(...args) with `triggerAsyncId` as the default trigger id of
 * resources it creates. */
function defaultTriggerAsyncIdScope(triggerAsyncId, block, ...args) {
  if (triggerAsyncId === undefined) return ReflectApply(block, null, args);
  const old = defaultTriggerId;
  defaultTriggerId = triggerAsyncId;
  try {
    return ReflectApply(block, null, args);
  } finally {
    defaultTriggerId = old;
  }
}

/* The async id stored on `object` (a promise, ...), assigning one first. */
function getOrSetAsyncId(object) {
  const id = object[async_id_symbol];
  if (id !== undefined) return id;
  return (object[async_id_symbol] = newAsyncId());
}

/* The user-facing object for an internal resource (handles point at their
 * owner through owner_symbol). */
function lookupPublicResource(resource) {
  if (typeof resource !== 'object' || resource === null) return resource;
  const owner = resource[owner_symbol];
  return owner != null ? owner : resource;
}

/* executionAsyncResource(): the resource whose callback runs now; a plain
 * object shared by everything that runs outside any resource. */
function executionAsyncResource() {
  recordResources = true;
  if (stackLength === 0) return topLevelResource;
  let resource = stackResources[stackLength - 1];
  if (resource === undefined) {
    resource = {};
    stackResources[stackLength - 1] = resource;
  }
  return lookupPublicResource(resource);
}

/* The resource object given to emitBefore() for the callback running now
 * (undefined outside any). From the first call on, ticks record theirs. */
function currentResource() {
  recordResources = true;
  return stackLength === 0 ? undefined : stackResources[stackLength - 1];
}

/* ---- the execution stack ------------------------------------------------ */

/* Makes (asyncId, triggerAsyncId, resource) the current execution. */
function pushAsyncContext(asyncId, triggerAsyncId, resource) {
  const offset = stackLength;
  savedIds[offset * 2] = executionId;
  savedIds[offset * 2 + 1] = triggerId;
  stackResources[offset] = resource;
  stackLength = offset + 1;
  executionId = asyncId;
  triggerId = triggerAsyncId;
}

/* Leaves the current execution, which must be `asyncId` (a mismatch means
 * some callback was entered and not left: fatal, as in Node). Returns
 * whether entries remain. */
function popAsyncContext(asyncId) {
  const offset = stackLength - 1;
  if (offset < 0) return false;
  if (hookFields[kCheck] > 0 && executionId !== asyncId) {
    failCorruptedStack(asyncId);
  }
  executionId = savedIds[offset * 2];
  triggerId = savedIds[offset * 2 + 1];
  stackResources[offset] = undefined;
  stackLength = offset;
  return offset > 0;
}

/* The tick queue runs many callbacks in a row at the same stack depth: it
 * takes one stack entry for the whole run (enterTickRun/exitTickRun) and
 * switches that entry from tick to tick (startTick/endTick), which costs
 * a few stores per tick instead of a push and a pop. The resource is kept
 * only once executionAsyncResource() has been used. */
function enterTickRun() {
  const offset = stackLength;
  savedIds[offset * 2] = executionId;
  savedIds[offset * 2 + 1] = triggerId;
  stackLength = offset + 1;
}

function exitTickRun() {
  const offset = stackLength - 1;
  executionId = savedIds[offset * 2];
  triggerId = savedIds[offset * 2 + 1];
  stackResources[offset] = undefined;
  stackLength = offset;
}

/* A tick's callback starts: as emitBefore() within the run's entry. */
function startTick(asyncId, triggerAsyncId, resource) {
  executionId = asyncId;
  triggerId = triggerAsyncId;
  if (recordResources) stackResources[stackLength - 1] = resource;
  if (hookFields[kBefore] > 0) emitBeforeNative(asyncId);
}

/* The tick's callback returned: as emitAfter() without the pop. */
function endTick(asyncId) {
  if (hookFields[kAfter] > 0) emitAfterNative(asyncId);
  if (hookFields[kCheck] > 0 && executionId !== asyncId) {
    failCorruptedStack(asyncId);
  }
}

function hasAsyncIdStack() { return stackLength > 0; }

/* Empties the stack (after an uncaught exception) and returns to the state
 * outside any callback. */
function clearAsyncIdStack() {
  for (let i = 0; i < stackLength; i++) stackResources[i] = undefined;
  stackLength = 0;
  executionId = 0;
  triggerId = 0;
}

/* After an uncaught exception was handled: the callbacks it escaped from
 * never reached emitAfter(). Emits their 'after' hooks innermost first and
 * empties the stack. */
function unwindAsyncStack() {
  clearDefaultTriggerAsyncId();
  if (hookFields[kAfter] > 0) {
    while (stackLength > 0) {
      const asyncId = executionId;
      emitAfterNative(asyncId);
      popAsyncContext(asyncId);
    }
  }
  clearAsyncIdStack();
}

/* Called where the event loop enters JS for timers and immediates: nothing
 * runs on behalf of a resource there. A non-empty stack is left over from
 * a callback that threw; unwind it first. */
function enterFromEventLoop() {
  stackDirty = false;
  if (stackLength !== 0) unwindAsyncStack();
  executionId = 0;
  triggerId = 0;
}

/* A callback run between emitBefore/emitAfter threw (its after was
 * skipped). Entry points that can also be reached from inside callbacks
 * (the tick queue) unwind only then. The tick queue is made to run after
 * the exception is reported, so that happens before anything else. */
function markAsyncStackDirty() {
  stackDirty = true;
  require('internal/process/task_queues').setHasTickScheduled(true);
}
function unwindAsyncStackIfDirty() {
  if (stackDirty) {
    stackDirty = false;
    unwindAsyncStack();
  }
}

function failCorruptedStack(expected) {
  const msg = 'Error: async hook stack has become corrupted (actual: ' +
    `${executionId}, expected: ${expected})`;
  process._rawDebug(msg);
  const o = {};
  ErrorCaptureStackTrace(o, failCorruptedStack);
  process._rawDebug(o.stack.slice(o.stack.indexOf('\n') + 1));
  exitFatally();
}

/* ---- hook calls --------------------------------------------------------- */

/* An exception thrown by a hook callback cannot be recovered from: print it
 * and exit(1) (abort with --abort-on-uncaught-exception). */
function fatalError(e) {
  if (typeof e?.stack === 'string') {
    process._rawDebug(e.stack);
  } else {
    let message;
    try {
      message = String(e);
    } catch {
      message = '[unprintable value]';
    }
    const o = { name: 'Error', message };
    ErrorCaptureStackTrace(o, fatalError);
    process._rawDebug(o.stack);
  }
  exitFatally();
}

function exitFatally() {
  const { getOptionValue } = require('internal/options');
  if (getOptionValue('--abort-on-uncaught-exception')) process.abort();
  process.exit(1);
}

/* Ends a hook emit: applies enable()/disable() calls made meanwhile. */
function leaveEmit() {
  if (--callDepth === 0 && tmpArray !== null) {
    hooksArray = tmpArray;
    hookFields = tmpFields;
    tmpArray = null;
    tmpFields = null;
  }
}

/* Calls the hooks' `symbol` callbacks with one argument (before, after,
 * destroy, promiseResolve). */
function emitHook(symbol, asyncId) {
  callDepth++;
  try {
    const hooks = hooksArray;
    for (let i = 0; i < hooks.length; i++) {
      const fn = hooks[i][symbol];
      if (typeof fn === 'function') {
        FunctionPrototypeCall(fn, hooks[i], asyncId);
      }
    }
  } catch (e) {
    fatalError(e);
  } finally {
    leaveEmit();
  }
}

function validateId(name, id) {
  if (!NumberIsSafeInteger(id) || id < -1) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ASYNC_ID(name, id);
  }
}

/* Calls every init hook; arguments are checked first (unless
 * --no-force-async-hooks-checks). */
function emitInitNative(asyncId, type, triggerAsyncId, resource) {
  callDepth++;
  try {
    if (hookFields[kCheck] > 0) {
      validateId('asyncId', asyncId);
      validateId('triggerAsyncId', triggerAsyncId);
      if (typeof type !== 'string' || type.length === 0) {
        const { codes } = require('internal/errors');
        throw new codes.ERR_ASYNC_TYPE(type);
      }
    }
    const hooks = hooksArray;
    for (let i = 0; i < hooks.length; i++) {
      const fn = hooks[i][init_symbol];
      if (typeof fn === 'function') {
        FunctionPrototypeCall(fn, hooks[i], asyncId, type, triggerAsyncId,
                              resource);
      }
    }
  } catch (e) {
    fatalError(e);
  } finally {
    leaveEmit();
  }
}

function emitBeforeNative(asyncId) { emitHook(before_symbol, asyncId); }
function emitAfterNative(asyncId) { emitHook(after_symbol, asyncId); }
function emitDestroyNative(asyncId) { emitHook(destroy_symbol, asyncId); }
function emitPromiseResolveNative(asyncId) {
  emitHook(promise_resolve_symbol, asyncId);
}

/* emitInit(asyncId, type, triggerAsyncId, resource): announces a new
 * resource to init hooks (no-op without any). triggerAsyncId null means
 * the default trigger id. */
function emitInitScript(asyncId, type, triggerAsyncId, resource) {
  if (hookFields[kInit] === 0) return;
  if (triggerAsyncId === null) triggerAsyncId = getDefaultTriggerAsyncId();
  emitInitNative(asyncId, type, triggerAsyncId, resource);
}

/* emitBefore(asyncId, triggerAsyncId, resource): the resource's callback
 * starts: makes it current and calls before hooks. */
function emitBeforeScript(asyncId, triggerAsyncId, resource) {
  pushAsyncContext(asyncId, triggerAsyncId, resource);
  if (hookFields[kBefore] > 0) emitBeforeNative(asyncId);
}

/* emitAfter(asyncId): the callback is done: after hooks, then the previous
 * execution is restored. */
function emitAfterScript(asyncId) {
  if (hookFields[kAfter] > 0) emitAfterNative(asyncId);
  popAsyncContext(asyncId);
}

/* emitPromiseResolve(asyncId) */
function emitPromiseResolveScript(asyncId) {
  if (hookFields[kPromiseResolve] > 0) emitPromiseResolveNative(asyncId);
}

/* Wraps `callback`, which an operation starting now will call once from
 * the event loop (an fs request, ...): while init hooks exist, the call
 * runs as the callback of a new async resource of `type` (init now,
 * before/after around the call, destroy once it returned or threw), so
 * that hooks, AsyncLocalStorage and domains follow it. Without init hooks,
 * returns `callback` itself. */
function bindToNewResource(callback, type) {
  if (hookFields[kInit] === 0) return callback;
  const asyncId = newAsyncId();
  const triggerAsyncId = getDefaultTriggerAsyncId();
  const resource = {};
  emitInitNative(asyncId, type, triggerAsyncId, resource);
  return function runInResource(...args) {
    emitBeforeScript(asyncId, triggerAsyncId, resource);
    let threw = true;
    try {
      const ret = ReflectApply(callback, this, args);
      threw = false;
      return ret;
    } finally {
      if (threw) markAsyncStackDirty();
      else emitAfterScript(asyncId);
      emitDestroyScript(asyncId);
    }
  };
}

/* ---- destroy ------------------------------------------------------------ */

let destroyQueue = [];
let destroyScheduled = false;

/* emitDestroy(asyncId): the resource is gone. Destroy hooks see it in a
 * batch at the start of the next check phase. */
function emitDestroyScript(asyncId) {
  if (hookFields[kDestroy] === 0 || !(asyncId > 0)) return;
  queueDestroyAsyncId(asyncId);
}

/* Queues a destroy emit (whether or not the id was ever announced). The
 * batch runs in the next check phase, or just before 'beforeExit' when
 * the loop has nothing left (as Node's EmitProcessBeforeExit does). */
function queueDestroyAsyncId(asyncId) {
  ArrayPrototypePush(destroyQueue, asyncId);
  if (destroyScheduled) return;
  destroyScheduled = true;
  require('internal/timers').setNativeImmediate(flushDestroyQueue);
  if (ArrayPrototypeIndexOf(process.listeners('beforeExit'),
                            flushBeforeExit) === -1) {
    process.prependListener('beforeExit', flushBeforeExit);
  }
}

function flushBeforeExit() {
  process.removeListener('beforeExit', flushBeforeExit);
  flushDestroyQueue();
}

/* Emits every queued destroy, including ones queued by destroy hooks. */
function flushDestroyQueue() {
  destroyScheduled = false;
  enterFromEventLoop();
  while (destroyQueue.length > 0) {
    const ids = destroyQueue;
    destroyQueue = [];
    for (let i = 0; i < ids.length; i++) {
      if (hookFields[kDestroy] > 0) emitDestroyNative(ids[i]);
    }
  }
}

/* Resources destroyed when garbage collected (AsyncResource without
 * requireManualDestroy, promises while destroy hooks exist). `state` is an
 * object whose `destroyed` flag says destroy was already emitted. */
let destroyRegistry;
function registerDestroyHook(target, asyncId, state) {
  destroyRegistry ??= new SafeFinalizationRegistry((held) => {
    if (held.state === undefined || !held.state.destroyed) {
      emitDestroyScript(held.asyncId);
    }
  });
  destroyRegistry.register(target, { asyncId, state });
}

/* ---- promises ----------------------------------------------------------- */

/* Gives `promise` its ids; the parent (the promise `then` was called on)
 * is its trigger, else the default trigger. */
function trackPromise(promise, parent) {
  if (promise[async_id_symbol] !== undefined) return;
  const trigger = parent !== undefined && parent !== null ?
    getOrSetAsyncId(parent) : getDefaultTriggerAsyncId();
  promise[async_id_symbol] = newAsyncId();
  promise[trigger_async_id_symbol] = trigger;
}

function promiseInitHook(promise, parent) {
  trackPromise(promise, parent);
  emitInitScript(promise[async_id_symbol], 'PROMISE',
                 promise[trigger_async_id_symbol], promise);
}

function promiseInitHookWithDestroyTracking(promise, parent) {
  promiseInitHook(promise, parent);
  registerDestroyHook(promise, promise[async_id_symbol]);
}

function promiseDestroyTracking(promise, parent) {
  trackPromise(promise, parent);
  registerDestroyHook(promise, promise[async_id_symbol]);
}

function promiseBeforeHook(promise) {
  trackPromise(promise);
  emitBeforeScript(promise[async_id_symbol],
                   promise[trigger_async_id_symbol], promise);
}

function promiseAfterHook(promise) {
  trackPromise(promise);
  const asyncId = promise[async_id_symbol];
  if (hookFields[kAfter] > 0) emitAfterNative(asyncId);
  /* Not current when hooks were enabled inside this reaction (no before
   * was seen for it). */
  if (asyncId === executionId) popAsyncContext(asyncId);
}

function promiseResolveHook(promise) {
  trackPromise(promise);
  emitPromiseResolveScript(promise[async_id_symbol]);
}

let promiseHooksInstalled = false;
let promiseHookWanted = false;
let promiseHookRemovalQueued = false;

/* (Re)installs V8's promise hooks for the hooks enabled now. */
function updatePromiseHookMode() {
  promiseHookWanted = true;
  const fields = tmpFields !== null ? tmpFields : hookFields;
  let init;
  if (fields[kInit] > 0) {
    init = fields[kDestroy] > 0 ?
      promiseInitHookWithDestroyTracking : promiseInitHook;
  } else if (fields[kDestroy] > 0) {
    init = promiseDestroyTracking;
  }
  const resolve = fields[kPromiseResolve] > 0 ? promiseResolveHook : undefined;
  require('internal/promise_hooks').setInternalPromiseHooks(
    init, promiseBeforeHook, promiseAfterHook, resolve);
  promiseHooksInstalled = true;
}

function enableHooks() {
  /* Nothing else to switch on: emits test the counters directly. */
}

/* No hook left. The promise hooks go in a microtask: we may be between a
 * reaction's before and after, and after must still pop it. */
function disableHooks() {
  promiseHookWanted = false;
  if (!promiseHookRemovalQueued && promiseHooksInstalled) {
    promiseHookRemovalQueued = true;
    internalBinding('process_methods').enqueueMicrotask(
      removePromiseHooksIfUnwanted);
  }
}

function removePromiseHooksIfUnwanted() {
  promiseHookRemovalQueued = false;
  if (promiseHookWanted || !promiseHooksInstalled) return;
  promiseHooksInstalled = false;
  require('internal/promise_hooks').setInternalPromiseHooks(
    undefined, undefined, undefined, undefined);
}

/* [hooks array, hook fields] to edit in enable()/disable(): copies while
 * hooks are being called. */
function getHookArrays() {
  if (callDepth === 0) return [hooksArray, hookFields];
  if (tmpArray === null) {
    tmpArray = ArrayPrototypeSlice(hooksArray);
    tmpFields = ArrayPrototypeSlice(hookFields);
  }
  return [tmpArray, tmpFields];
}

/* Adds `hook` (an AsyncHook: callbacks under the *_symbol keys) to the
 * registry. */
function enableHook(hook) {
  const { 0: hooks, 1: fields } = getHookArrays();
  if (ArrayPrototypeIndexOf(hooks, hook) !== -1) return;
  const prevTotals = fields[kTotals];
  fields[kInit] += +!!hook[init_symbol];
  fields[kBefore] += +!!hook[before_symbol];
  fields[kAfter] += +!!hook[after_symbol];
  fields[kDestroy] += +!!hook[destroy_symbol];
  fields[kPromiseResolve] += +!!hook[promise_resolve_symbol];
  fields[kTotals] = fields[kInit] + fields[kBefore] + fields[kAfter] +
    fields[kDestroy] + fields[kPromiseResolve];
  ArrayPrototypePush(hooks, hook);
  if (prevTotals === 0 && fields[kTotals] > 0) enableHooks();
  updatePromiseHookMode();
}

/* Removes `hook` from the registry. */
function disableHook(hook) {
  const { 0: hooks, 1: fields } = getHookArrays();
  const index = ArrayPrototypeIndexOf(hooks, hook);
  if (index === -1) return;
  const prevTotals = fields[kTotals];
  fields[kInit] -= +!!hook[init_symbol];
  fields[kBefore] -= +!!hook[before_symbol];
  fields[kAfter] -= +!!hook[after_symbol];
  fields[kDestroy] -= +!!hook[destroy_symbol];
  fields[kPromiseResolve] -= +!!hook[promise_resolve_symbol];
  fields[kTotals] = fields[kInit] + fields[kBefore] + fields[kAfter] +
    fields[kDestroy] + fields[kPromiseResolve];
  ArrayPrototypeSplice(hooks, index, 1);
  if (prevTotals > 0 && fields[kTotals] === 0) {
    disableHooks();
  } else {
    updatePromiseHookMode();
  }
}

/* --no-force-async-hooks-checks turns the argument and stack checks off. */
if (require('internal/options')
  .getOptionValue('--force-async-hooks-checks') === false) {
  hookFields[kCheck] = 0;
}

module.exports = {
  executionAsyncId,
  triggerAsyncId,
  executionAsyncResource,
  currentResource,
  getHookArrays,
  enableHook,
  disableHook,
  symbols: {
    async_id_symbol, trigger_async_id_symbol,
    init_symbol, before_symbol, after_symbol, destroy_symbol,
    promise_resolve_symbol, owner_symbol, resource_symbol,
  },
  constants: {
    kInit, kBefore, kAfter, kDestroy, kTotals, kPromiseResolve, kCheck,
    kStackLength, kUsesExecutionAsyncResource, kExecutionAsyncId,
    kTriggerAsyncId, kAsyncIdCounter, kDefaultTriggerAsyncId,
  },
  enableHooks,
  disableHooks,
  updatePromiseHookMode,
  clearDefaultTriggerAsyncId,
  clearAsyncIdStack,
  hasAsyncIdStack,
  unwindAsyncStack,
  enterFromEventLoop,
  markAsyncStackDirty,
  unwindAsyncStackIfDirty,
  newAsyncId,
  getOrSetAsyncId,
  getDefaultTriggerAsyncId,
  defaultTriggerAsyncIdScope,
  enabledHooksExist,
  initHooksExist,
  afterHooksExist,
  destroyHooksExist,
  promiseResolveHooksExist,
  emitInit: emitInitScript,
  bindToNewResource,
  emitBefore: emitBeforeScript,
  enterTickRun,
  exitTickRun,
  startTick,
  endTick,
  emitAfter: emitAfterScript,
  emitDestroy: emitDestroyScript,
  emitPromiseResolve: emitPromiseResolveScript,
  queueDestroyAsyncId,
  registerDestroyHook,
  pushAsyncContext,
  popAsyncContext,
  topLevelResource,
  nativeHooks: {
    init: emitInitNative,
    before: emitBeforeNative,
    after: emitAfterNative,
    destroy: emitDestroyNative,
    promise_resolve: emitPromiseResolveNative,
  },
  asyncWrap: { Providers },
};
