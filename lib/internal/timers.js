'use strict';
/* timers.js (internal) - the JS half of timers: Timeout/Immediate objects,
 * one linked list per duration, a priority queue of lists by expiry, and the
 * two callbacks (processTimers, processImmediate) the one libuv timer and
 * the check handle call. Same-duration timers fire in insertion order. */

const {
  MathMax,
  MathTrunc,
  NumberIsFinite,
  NumberMIN_SAFE_INTEGER,
  ObjectCreate,
  ReflectApply,
  Symbol,
  SymbolToPrimitive,
} = primordials;

const binding = internalBinding('timers');
/* async_hooks: Timeout and Immediate are async resources. */
const {
  newAsyncId,
  getDefaultTriggerAsyncId,
  initHooksExist,
  destroyHooksExist,
  emitInit,
  emitBefore,
  emitAfter,
  emitDestroy,
  enterFromEventLoop,
  markAsyncStackDirty,
} = require('internal/async_hooks');
const { getLibuvNow, scheduleTimer, toggleTimerRef, toggleImmediateRef } =
  binding;

const kCount = 0;
const kRefCount = 1;
const kHasOutstanding = 2;

/* Set by setupTimers(): shared with C. */
let immediateInfo = new Int32Array(3);

const TIMEOUT_MAX = 2 ** 31 - 1;
const kRefed = Symbol('refed');
const kHasPrimitive = Symbol('kHasPrimitive');
const asyncIdSymbol = Symbol('asyncId');
const triggerAsyncIdSymbol = Symbol('triggerId');

let timerListId = NumberMIN_SAFE_INTEGER;
let refCount = 0;
let nextExpiry = Infinity;

/* Timeouts by duration, and those lists ordered by expiry. */
const timerListMap = ObjectCreate(null);

class PriorityQueue {
  constructor() {
    this.heap = [undefined];
    this.size = 0;
  }
  compare(a, b) {
    const d = a.expiry - b.expiry;
    return d === 0 ? a.id - b.id : d;
  }
  peek() { return this.size === 0 ? undefined : this.heap[1]; }
  insert(value) {
    const heap = this.heap;
    let pos = ++this.size;
    while (pos > 1) {
      const parent = pos >> 1;
      const item = heap[parent];
      if (this.compare(item, value) <= 0) break;
      heap[pos] = item;
      item.priorityQueuePosition = pos;
      pos = parent;
    }
    heap[pos] = value;
    value.priorityQueuePosition = pos;
  }
  percolateDown(pos) {
    const heap = this.heap;
    const size = this.size;
    const item = heap[pos];
    const hsize = size >> 1;
    while (pos <= hsize) {
      let child = pos << 1;
      const next = child + 1;
      let childItem = heap[child];
      if (next <= size && this.compare(heap[next], childItem) < 0) {
        child = next;
        childItem = heap[child];
      }
      if (this.compare(item, childItem) <= 0) break;
      heap[pos] = childItem;
      childItem.priorityQueuePosition = pos;
      pos = child;
    }
    heap[pos] = item;
    item.priorityQueuePosition = pos;
  }
  removeAt(pos) {
    const heap = this.heap;
    const size = --this.size;
    heap[pos] = heap[size + 1];
    heap[size + 1] = undefined;
    if (size > 0 && pos <= size) {
      if (pos > 1 && this.compare(heap[pos >> 1], heap[pos]) > 0) {
        const value = heap[pos];
        let p = pos;
        while (p > 1) {
          const parent = p >> 1;
          const it = heap[parent];
          if (this.compare(it, value) <= 0) break;
          heap[p] = it;
          it.priorityQueuePosition = p;
          p = parent;
        }
        heap[p] = value;
        value.priorityQueuePosition = p;
      } else {
        this.percolateDown(pos);
      }
    }
  }
  shift() {
    const heap = this.heap;
    const value = heap[1];
    if (value === undefined) return;
    this.removeAt(1);
    return value;
  }
}

const timerListQueue = new PriorityQueue();

/* A circular doubly linked list whose sentinel is the list itself. */
class TimersList {
  constructor(expiry, msecs) {
    this._idleNext = this;
    this._idlePrev = this;
    this.expiry = expiry;
    this.id = timerListId++;
    this.msecs = msecs;
    this.priorityQueuePosition = null;
  }
}

function listPeek(list) {
  return list._idlePrev === list ? null : list._idlePrev;
}

function listRemove(item) {
  if (item._idleNext) item._idleNext._idlePrev = item._idlePrev;
  if (item._idlePrev) item._idlePrev._idleNext = item._idleNext;
  item._idleNext = null;
  item._idlePrev = null;
}

function listAppend(list, item) {
  if (item._idleNext || item._idlePrev) listRemove(item);
  item._idleNext = list._idleNext;
  list._idleNext._idlePrev = item;
  item._idlePrev = list;
  list._idleNext = item;
}

function incRefCount() {
  if (refCount++ === 0) toggleTimerRef(true);
}

function decRefCount() {
  if (--refCount === 0) toggleTimerRef(false);
}

let warnedTimeout = false;

/* async_hooks: gives a Timeout/Immediate its ids and announces it. */
function initAsyncResource(resource, type) {
  const asyncId = newAsyncId();
  const triggerAsyncId = getDefaultTriggerAsyncId();
  resource[asyncIdSymbol] = asyncId;
  resource[triggerAsyncIdSymbol] = triggerAsyncId;
  if (initHooksExist()) emitInit(asyncId, type, triggerAsyncId, resource);
}

/* The object setTimeout/setInterval return. */
class Timeout {
  constructor(callback, after, args, isRepeat, isRefed) {
    after *= 1;
    if (!(after >= 1 && after <= TIMEOUT_MAX)) {
      if (after > TIMEOUT_MAX && !warnedTimeout) {
        process.emitWarning(`${after} does not fit into` +
                            ' a 32-bit signed integer.' +
                            '\nTimeout duration was set to 1.',
                            'TimeoutOverflowWarning');
      }
      after = 1;
    }
    this._idleTimeout = after;
    this._idlePrev = this;
    this._idleNext = this;
    this._idleStart = null;
    this._onTimeout = null;
    this._onTimeout = callback;
    this._timerArgs = args;
    this._repeat = isRepeat ? after : null;
    this._destroyed = false;
    if (isRefed) incRefCount();
    this[kRefed] = isRefed;
    this[kHasPrimitive] = false;
    initAsyncResource(this, 'Timeout');
  }

  refresh() {
    if (this[kRefed]) activeTimers.insertActive(this);
    else activeTimers.insertUnrefed(this);
    return this;
  }

  unref() {
    if (this[kRefed]) {
      this[kRefed] = false;
      if (!this._destroyed) decRefCount();
    }
    return this;
  }

  ref() {
    if (!this[kRefed]) {
      this[kRefed] = true;
      if (!this._destroyed) incRefCount();
    }
    return this;
  }

  hasRef() {
    return this[kRefed];
  }

  [SymbolToPrimitive]() {
    const id = this[asyncIdSymbol];
    if (!this[kHasPrimitive]) {
      this[kHasPrimitive] = true;
      knownTimersById[id] = this;
    }
    return id;
  }
}

/* Timers given a numeric id through Symbol.toPrimitive, so that
 * clearTimeout(+timer) works. */
const knownTimersById = ObjectCreate(null);

/* Puts `item` on the list of its duration, creating the list (and arming
 * the libuv timer earlier) when needed. */
function insert(item, msecs, start = getLibuvNow()) {
  msecs = MathTrunc(msecs);
  item._idleStart = start;
  let list = timerListMap[msecs];
  if (list === undefined) {
    const expiry = start + msecs;
    timerListMap[msecs] = list = new TimersList(expiry, msecs);
    timerListQueue.insert(list);
    if (nextExpiry > expiry) {
      scheduleTimer(msecs);
      nextExpiry = expiry;
    }
  }
  listAppend(list, item);
}

const activeTimers = {
  insertActive(item) { insertGuarded(item, true); },
  insertUnrefed(item) { insertGuarded(item, false); },
};

function insertGuarded(item, refed, start) {
  const msecs = item._idleTimeout;
  if (msecs < 0 || msecs === undefined) return;
  insert(item, msecs, start);
  const isDestroyed = item._destroyed;
  if (isDestroyed || !item[asyncIdSymbol]) {
    item._destroyed = false;
    initAsyncResource(item, 'Timeout');
  }
  if (isDestroyed) {
    if (refed) incRefCount();
  } else if (refed === !item[kRefed]) {
    if (refed) incRefCount();
    else decRefCount();
  }
  item[kRefed] = refed;
}

/* Removes `item` from its list (clearTimeout and friends). */
function unenroll(item) {
  if (item._destroyed) return;
  item._destroyed = true;
  if (item[kHasPrimitive]) delete knownTimersById[item[asyncIdSymbol]];
  if (destroyHooksExist() && item[asyncIdSymbol] !== undefined) {
    emitDestroy(item[asyncIdSymbol]);
  }
  if (item[kRefed]) decRefCount();
  const list = timerListMap[item._idleTimeout];
  listRemove(item);
  if (list !== undefined && list._idleNext === list) {
    /* Empty list: drop it (C re-arms lazily on the next processTimers). */
    timerListQueue.removeAt(list.priorityQueuePosition);
    delete timerListMap[list.msecs];
  }
  item._idleTimeout = -1;
}

let runNextTicks;

/* Called by C when the libuv timer fires. Returns the next expiry on the
 * loop clock: positive if ref'd timers remain, negative if only unref'd
 * ones, 0 when none. */
function processTimers(now) {
  enterFromEventLoop();
  nextExpiry = Infinity;
  let list;
  let ranAtLeastOneList = false;
  while ((list = timerListQueue.peek()) != null) {
    if (list.expiry > now) {
      nextExpiry = list.expiry;
      return refCount > 0 ? nextExpiry : -nextExpiry;
    }
    if (ranAtLeastOneList) runNextTicks();
    else ranAtLeastOneList = true;
    listOnTimeout(list, now);
  }
  return 0;
}

function listOnTimeout(list, now) {
  const msecs = list.msecs;
  let ranAtLeastOneTimer = false;
  let timer;
  while ((timer = listPeek(list)) != null) {
    const diff = now - timer._idleStart;
    if (diff < msecs) {
      list.expiry = MathMax(timer._idleStart + msecs, now + 1);
      list.id = timerListId++;
      timerListQueue.percolateDown(1);
      return;
    }
    if (ranAtLeastOneTimer) runNextTicks();
    else ranAtLeastOneTimer = true;
    listRemove(timer);
    const asyncId = timer[asyncIdSymbol];
    if (!timer._onTimeout) {
      if (!timer._destroyed) {
        timer._destroyed = true;
        if (timer[kRefed]) refCount--;
        if (destroyHooksExist()) emitDestroy(asyncId);
      }
      continue;
    }
    emitBefore(asyncId, timer[triggerAsyncIdSymbol], timer);
    let start;
    if (timer._repeat) start = getLibuvNow();
    let threw = true;
    try {
      const args = timer._timerArgs;
      if (args === undefined) timer._onTimeout();
      else ReflectApply(timer._onTimeout, timer, args);
      threw = false;
    } finally {
      if (threw) markAsyncStackDirty();
      if (timer._repeat && timer._idleTimeout !== -1) {
        timer._idleTimeout = timer._repeat;
        insert(timer, timer._idleTimeout, start);
      } else if (!timer._idleNext && !timer._idlePrev && !timer._destroyed) {
        timer._destroyed = true;
        if (timer[kHasPrimitive]) delete knownTimersById[timer[asyncIdSymbol]];
        if (timer[kRefed]) refCount--;
        if (destroyHooksExist()) emitDestroy(asyncId);
      }
    }
    /* A throwing callback skips this: its 'after' is emitted when the stack
     * is unwound (the next tick run, timer or immediate). */
    emitAfter(asyncId);
  }
  if (list === timerListMap[msecs]) {
    delete timerListMap[msecs];
    timerListQueue.shift();
  }
}

/* setImmediate queue. */
class ImmediateList {
  constructor() {
    this.head = null;
    this.tail = null;
  }
  append(item) {
    if (this.tail !== null) {
      this.tail._idleNext = item;
      item._idlePrev = this.tail;
    } else {
      this.head = item;
    }
    this.tail = item;
  }
  remove(item) {
    if (item._idleNext) item._idleNext._idlePrev = item._idlePrev;
    if (item._idlePrev) item._idlePrev._idleNext = item._idleNext;
    if (item === this.head) this.head = item._idleNext;
    if (item === this.tail) this.tail = item._idlePrev;
    item._idleNext = null;
    item._idlePrev = null;
  }
}

const immediateQueue = new ImmediateList();
const outstandingQueue = new ImmediateList();

class Immediate {
  constructor(callback, args) {
    this._idleNext = null;
    this._idlePrev = null;
    this._onImmediate = callback;
    this._argv = args;
    this._destroyed = false;
    this[kRefed] = false;
    initAsyncResource(this, 'Immediate');
    this.ref();
    immediateInfo[kCount]++;
    immediateQueue.append(this);
  }

  ref() {
    if (this[kRefed] === false) {
      this[kRefed] = true;
      if (immediateInfo[kRefCount]++ === 0) toggleImmediateRef(true);
    }
    return this;
  }

  unref() {
    if (this[kRefed] === true) {
      this[kRefed] = false;
      if (--immediateInfo[kRefCount] === 0) toggleImmediateRef(false);
    }
    return this;
  }

  hasRef() {
    return !!this[kRefed];
  }
}

/* Called by C in the check phase: runs the immediates queued before it
 * started (those queued meanwhile wait for the next iteration). */
function processImmediate() {
  enterFromEventLoop();
  if (nativeImmediates !== null) runNativeImmediates();
  const queue = outstandingQueue.head !== null ?
    outstandingQueue : immediateQueue;
  let immediate = queue.head;
  if (queue !== outstandingQueue) {
    queue.head = queue.tail = null;
    immediateInfo[kHasOutstanding] = 1;
  }
  let prevImmediate;
  let ranAtLeastOneImmediate = false;
  while (immediate !== null) {
    if (ranAtLeastOneImmediate) runNextTicks();
    else ranAtLeastOneImmediate = true;
    if (immediate._destroyed) {
      outstandingQueue.head = immediate = prevImmediate._idleNext;
      continue;
    }
    immediate._destroyed = true;
    immediateInfo[kCount]--;
    if (immediate[kRefed]) immediateInfo[kRefCount]--;
    immediate[kRefed] = null;
    prevImmediate = immediate;
    const asyncId = immediate[asyncIdSymbol];
    emitBefore(asyncId, immediate[triggerAsyncIdSymbol], immediate);
    let threw = true;
    try {
      const argv = immediate._argv;
      if (!argv) immediate._onImmediate();
      else ReflectApply(immediate._onImmediate, immediate, argv);
      threw = false;
    } finally {
      if (threw) markAsyncStackDirty();
      immediate._onImmediate = null;
      if (destroyHooksExist()) emitDestroy(asyncId);
      outstandingQueue.head = immediate = immediate._idleNext;
    }
    emitAfter(asyncId);
  }
  if (queue === outstandingQueue) outstandingQueue.head = null;
  immediateInfo[kHasOutstanding] = 0;
}

/* async_hooks: internal callbacks for the start of the next check phase,
 * before setImmediate callbacks and invisible to hooks (Node's unref'd
 * native SetImmediate). Counted as one immediate, never ref'd. */
let nativeImmediates = null;

function setNativeImmediate(fn) {
  if (nativeImmediates === null) {
    nativeImmediates = [];
    immediateInfo[kCount]++;
  }
  nativeImmediates.push(fn);
}

function runNativeImmediates() {
  const list = nativeImmediates;
  nativeImmediates = null;
  immediateInfo[kCount]--;
  for (let i = 0; i < list.length; i++) list[i]();
}

/* Called once at bootstrap: registers the callbacks with C. */
function setupTimers() {
  immediateInfo = binding.setupTimers(processImmediate, processTimers);
  runNextTicks = require('internal/process/task_queues').runNextTicks;
}

function getTimerDuration(msecs, name) {
  const { validateNumber } = require('internal/validators');
  validateNumber(msecs, name);
  if (msecs < 0 || !NumberIsFinite(msecs)) {
    const { codes: { ERR_OUT_OF_RANGE } } = require('internal/errors');
    throw new ERR_OUT_OF_RANGE(name, 'a non-negative finite number', msecs);
  }
  if (msecs > TIMEOUT_MAX) {
    process.emitWarning(`${msecs} does not fit into a 32-bit signed integer.` +
                        `\nTimer duration was truncated to ${TIMEOUT_MAX}.`,
                        'TimeoutOverflowWarning');
    return TIMEOUT_MAX;
  }
  return msecs;
}

module.exports = {
  refedTimerCount: () => refCount,
  TIMEOUT_MAX,
  kTimeout: Symbol('timeout'),
  async_id_symbol: asyncIdSymbol,
  trigger_async_id_symbol: triggerAsyncIdSymbol,
  Timeout,
  Immediate,
  kRefed,
  kHasPrimitive,
  knownTimersById,
  initAsyncResource,
  setNativeImmediate,
  insert,
  unenroll,
  active: (item) => insertGuarded(item, true),
  unrefActive: (item) => insertGuarded(item, false),
  activeTimers,
  immediateQueue,
  immediateInfo: () => immediateInfo,
  immediateInfoFields: { kCount, kRefCount, kHasOutstanding },
  timerListMap,
  timerListQueue,
  setupTimers,
  getTimerDuration,
  decRefCount,
  incRefCount,
  toggleImmediateRef,
};
