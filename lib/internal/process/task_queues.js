'use strict';
/* task_queues.js - process.nextTick, queueMicrotask and the tick callback the
 * C entry path runs after every callback: nextTicks first, then microtasks,
 * then unhandled rejections, until all three are empty. */

const {
  Array,
  FunctionPrototypeCall,
  ObjectCreate,
  ReflectApply,
} = primordials;

const {
  enqueueMicrotask,
  runMicrotasks,
} = internalBinding('process_methods');
const { triggerUncaughtException } = internalBinding('errors');
/* async_hooks: each tick is a 'TickObject' resource, each queueMicrotask
 * callback a 'Microtask' AsyncResource. */
const {
  newAsyncId,
  getDefaultTriggerAsyncId,
  initHooksExist,
  destroyHooksExist,
  emitInit,
  emitBefore,
  emitAfter,
  emitDestroy,
  enterTickRun,
  exitTickRun,
  startTick,
  endTick,
  markAsyncStackDirty,
  unwindAsyncStackIfDirty,
  symbols: { async_id_symbol, trigger_async_id_symbol },
} = require('internal/async_hooks');

/* tickInfo is shared with C (runtime/realm.h): [hasTickScheduled,
 * hasRejectionToWarn]. Set by setupTaskQueue(). */
let tickInfo = new Int32Array(2);
const kHasTickScheduled = 0;
const kHasRejectionToWarn = 1;

/* A FIFO of fixed-size circular buffers: push/shift without reallocating. */
const kSize = 2048;
const kMask = kSize - 1;
class CircularBuffer {
  constructor() {
    this.bottom = 0;
    this.top = 0;
    this.list = new Array(kSize);
    this.next = null;
  }
  isEmpty() { return this.top === this.bottom; }
  isFull() { return ((this.top + 1) & kMask) === this.bottom; }
  push(data) {
    this.list[this.top] = data;
    this.top = (this.top + 1) & kMask;
  }
  shift() {
    const next = this.list[this.bottom];
    if (next === undefined) return null;
    this.list[this.bottom] = undefined;
    this.bottom = (this.bottom + 1) & kMask;
    return next;
  }
}

class FixedQueue {
  constructor() { this.head = this.tail = new CircularBuffer(); }
  isEmpty() { return this.head.isEmpty(); }
  push(data) {
    if (this.head.isFull()) this.head = this.head.next = new CircularBuffer();
    this.head.push(data);
  }
  shift() {
    const tail = this.tail;
    const next = tail.shift();
    if (tail.isEmpty() && tail.next !== null) {
      this.tail = tail.next;
      tail.next = null;
    }
    return next;
  }
}

const queue = new FixedQueue();

let processPromiseRejections = () => false;

function hasTickScheduled() {
  return tickInfo[kHasTickScheduled] === 1;
}

function setHasTickScheduled(value) {
  tickInfo[kHasTickScheduled] = value ? 1 : 0;
}

function setHasRejectionToWarn(value) {
  tickInfo[kHasRejectionToWarn] = value ? 1 : 0;
}

function hasRejectionToWarn() {
  return tickInfo[kHasRejectionToWarn] === 1;
}

/* The tick callback: runs every queued nextTick, microtasks after them, and
 * unhandled-rejection processing, repeating until nothing is left. A
 * throwing tick propagates; the rest stay queued for the next drain. */
function processTicksAndRejections() {
  /* async_hooks: a tick that threw last time left its context behind. */
  unwindAsyncStackIfDirty();
  let tock;
  do {
    if (!queue.isEmpty()) {
      enterTickRun();
      while ((tock = queue.shift()) !== null) {
        const asyncId = tock[async_id_symbol];
        startTick(asyncId, tock[trigger_async_id_symbol], tock);
        let threw = true;
        try {
          const callback = tock.callback;
          const args = tock.args;
          if (args === undefined) {
            callback();
          } else {
            switch (args.length) {
              case 1: callback(args[0]); break;
              case 2: callback(args[0], args[1]); break;
              case 3: callback(args[0], args[1], args[2]); break;
              case 4: callback(args[0], args[1], args[2], args[3]); break;
              default: ReflectApply(callback, undefined, args);
            }
          }
          threw = false;
        } finally {
          if (destroyHooksExist()) emitDestroy(asyncId);
          if (threw) markAsyncStackDirty();
        }
        endTick(asyncId);
      }
      exitTickRun();
    }
    runMicrotasks();
  } while (!queue.isEmpty() || processPromiseRejections());
  setHasTickScheduled(false);
  setHasRejectionToWarn(false);
}

let validateFunction;

/* process.nextTick(callback, ...args) */
function nextTick(callback) {
  validateFunction ??= require('internal/validators').validateFunction;
  validateFunction(callback, 'callback');
  if (process._exiting) return;
  let args;
  switch (arguments.length) {
    case 1: break;
    case 2: args = [arguments[1]]; break;
    case 3: args = [arguments[1], arguments[2]]; break;
    case 4: args = [arguments[1], arguments[2], arguments[3]]; break;
    default:
      args = new Array(arguments.length - 1);
      for (let i = 1; i < arguments.length; i++) args[i - 1] = arguments[i];
  }
  if (queue.isEmpty()) setHasTickScheduled(true);
  const asyncId = newAsyncId();
  const triggerAsyncId = getDefaultTriggerAsyncId();
  const tickObject = { callback, args };
  tickObject[async_id_symbol] = asyncId;
  tickObject[trigger_async_id_symbol] = triggerAsyncId;
  if (initHooksExist()) {
    emitInit(asyncId, 'TickObject', triggerAsyncId, tickObject);
  }
  queue.push(tickObject);
}

/* queueMicrotask(callback): an exception thrown by the callback is
 * reported as uncaught, as in Node. Each callback is a 'Microtask'
 * AsyncResource (built without the constructor's checks). */
function queueMicrotask(callback) {
  validateFunction ??= require('internal/validators').validateFunction;
  validateFunction(callback, 'callback');
  AsyncResource ??= require('async_hooks').AsyncResource;
  const asyncId = newAsyncId();
  const triggerAsyncId = getDefaultTriggerAsyncId();
  const resource = ObjectCreate(AsyncResource.prototype);
  resource[async_id_symbol] = asyncId;
  resource[trigger_async_id_symbol] = triggerAsyncId;
  if (initHooksExist()) {
    emitInit(asyncId, 'Microtask', triggerAsyncId, resource);
  }
  enqueueMicrotask(() => runMicrotask(resource, callback));
}

let AsyncResource;

/* Runs a queueMicrotask callback inside its resource. */
function runMicrotask(resource, callback) {
  const asyncId = resource[async_id_symbol];
  emitBefore(asyncId, resource[trigger_async_id_symbol], resource);
  try {
    FunctionPrototypeCall(callback, undefined);
  } catch (err) {
    triggerUncaughtException(err, false);
  } finally {
    if (destroyHooksExist()) emitDestroy(asyncId);
  }
  emitAfter(asyncId);
}

/* Called once at bootstrap with the shared tickInfo array and the
 * rejection processor of internal/process/promises. */
function setupTaskQueue(sharedTickInfo, rejectionProcessor) {
  tickInfo = sharedTickInfo;
  processPromiseRejections = rejectionProcessor;
}

module.exports = {
  nextTick,
  queueMicrotask,
  processTicksAndRejections,
  runNextTicks() {
    if (!hasTickScheduled() && !hasRejectionToWarn()) runMicrotasks();
    if (!hasTickScheduled() && !hasRejectionToWarn()) return;
    processTicksAndRejections();
  },
  setupTaskQueue,
  setHasRejectionToWarn,
  hasRejectionToWarn,
  hasTickScheduled,
  setHasTickScheduled,
};
