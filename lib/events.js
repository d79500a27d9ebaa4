'use strict';
// events: the EventEmitter class and the events.* helper functions.

// Storage layout (observable, so it follows Node): `_events` is a
// null-prototype object mapping event name -> a single listener function,
// or an array of them once there are two or more; `_eventsCount` counts the
// keys; `_maxListeners` is undefined until setMaxListeners() is called.

const {
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  ArrayPrototypeShift,
  ArrayPrototypeSlice,
  ArrayPrototypeSplice,
  ArrayPrototypeUnshift,
  AsyncIteratorPrototype,
  Boolean,
  Error,
  ErrorCaptureStackTrace,
  FunctionPrototypeBind,
  FunctionPrototypeCall,
  NumberIsNaN,
  ObjectDefineProperty,
  ObjectDefineProperties,
  ObjectGetPrototypeOf,
  ObjectSetPrototypeOf,
  Promise,
  ReflectApply,
  ReflectOwnKeys,
  String,
  StringPrototypeSplit,
  Symbol,
  SymbolAsyncIterator,
  SymbolFor,
} = primordials;

const {
  AbortError,
  genericNodeError,
  kEnhanceStackBeforeInspector,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
    ERR_UNHANDLED_ERROR,
  },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateBoolean,
  validateFunction,
} = require('internal/validators');

// Static Promise methods need Promise as their receiver.
const PromiseResolve = FunctionPrototypeBind(primordials.PromiseResolve,
                                             Promise);
const PromiseReject = FunctionPrototypeBind(primordials.PromiseReject,
                                            Promise);

const kRejection = SymbolFor('nodejs.rejection');
const kCapture = Symbol('kCapture');
const kErrorMonitor = Symbol('events.errorMonitor');
const kMaxEventTargetListeners = Symbol('events.maxEventTargetListeners');
const kMaxEventTargetListenersWarned =
  Symbol('events.maxEventTargetListenersWarned');
// Listener option honoured by internal/event_target: keep receiving the
// event even after stopImmediatePropagation().
const kResistStopPropagation =
  SymbolFor('nodejs.internal.resistStopPropagation');

let inspectMod;
function inspect(value, options) {
  inspectMod ??= require('internal/util/inspect');
  return inspectMod.inspect(value, options);
}

let eventTargetMod;
function eventTargetModule() {
  eventTargetMod ??= require('internal/event_target');
  return eventTargetMod;
}

function disposeSymbol() {
  return primordials.SymbolDispose ?? Symbol.dispose ??
    SymbolFor('nodejs.dispose');
}

let defaultMaxListeners = 10;

function checkListenerLimit(value, name) {
  if (typeof value !== 'number' || value < 0 || NumberIsNaN(value)) {
    throw new ERR_OUT_OF_RANGE(name, 'a non-negative number', value);
  }
}

// A literal `{ __proto__: null }` starts in V8's dictionary mode; giving a
// plain object a null prototype keeps it in fast mode with a shared map, so
// emit()'s `store[type]` is an inline-cached load instead of a hash lookup.
function newStore() {
  return ObjectSetPrototypeOf({}, null);
}

/* new EventEmitter([{ captureRejections }]). */
function EventEmitter(opts) {
  FunctionPrototypeCall(EventEmitter.init, this, opts);
}

/* Gives `this` a fresh listener store unless it already owns one, and
 * applies opts.captureRejections. Subclasses of old style call it. */
EventEmitter.init = function(opts) {
  const store = this._events;
  if (store === undefined || store === ObjectGetPrototypeOf(this)._events) {
    this._events = newStore();
    this._eventsCount = 0;
  }
  this._maxListeners = this._maxListeners || undefined;

  const capture = opts?.captureRejections;
  if (capture) {
    validateBoolean(capture, 'options.captureRejections');
    this[kCapture] = Boolean(capture);
  } else {
    // Own copy of the class-wide default: cheaper than a prototype lookup.
    this[kCapture] = EventEmitter.prototype[kCapture];
  }
};

const proto = EventEmitter.prototype;
proto._events = undefined;
proto._eventsCount = 0;
proto._maxListeners = undefined;
ObjectDefineProperty(proto, kCapture, {
  __proto__: null,
  value: false,
  writable: true,
  enumerable: false,
});

function maxListenersOf(emitter) {
  const own = emitter._maxListeners;
  return own === undefined ? defaultMaxListeners : own;
}

/* Sets this emitter's listener limit (0 = unlimited); returns this. */
proto.setMaxListeners = function setMaxListeners(n) {
  checkListenerLimit(n, 'n');
  this._maxListeners = n;
  return this;
};

/* This emitter's listener limit. */
proto.getMaxListeners = function getMaxListeners() {
  return maxListenersOf(this);
};

// --- emitting ---------------------------------------------------------

/* When captureRejections is on, a promise returned by a listener that
 * rejects is reported (next tick) through Symbol.for('nodejs.rejection')
 * or an 'error' event. */
function watchReturnedPromise(emitter, promise, type, args) {
  if (!emitter[kCapture]) return;
  try {
    const then = promise.then; // may be a getter that throws
    if (typeof then !== 'function') return;
    FunctionPrototypeCall(then, promise, undefined, (err) => {
      process.nextTick(reportRejection, emitter, err, type, args);
    });
  } catch (err) {
    emitter.emit('error', err);
  }
}

function reportRejection(emitter, err, type, args) {
  if (typeof emitter[kRejection] === 'function') {
    emitter[kRejection](err, type, ...args);
    return;
  }
  // Emit without capture so a rejecting 'error' listener cannot loop.
  const saved = emitter[kCapture];
  try {
    emitter[kCapture] = false;
    emitter.emit('error', err);
  } finally {
    emitter[kCapture] = saved;
  }
}

/* The stack of an unhandled 'error', followed by where it was emitted
 * (used when printing a fatal exception). */
function stackWithEmitSite(emitter, err, site) {
  let where = '';
  try {
    const ctorName = emitter.constructor.name;
    if (ctorName !== 'EventEmitter') where = ` on ${ctorName} instance`;
  } catch {
    // A hostile constructor getter leaves the header generic.
  }
  const errLines = ArrayPrototypeSlice(StringPrototypeSplit(err.stack, '\n'),
                                       1);
  const siteLines = ArrayPrototypeSlice(
    StringPrototypeSplit(site.stack, '\n'), 1);
  const { len, offset } = sharedRun(siteLines, errLines);
  if (len > 0) {
    ArrayPrototypeSplice(siteLines, offset + 1, len - 2,
                         '    [... lines matching original stack trace ...]');
  }
  return `${err.stack}\nEmitted 'error' event${where} at:\n` +
         ArrayPrototypeJoin(siteLines, '\n');
}

/* The first run of more than three equal lines of `a` found in `b`:
 * { len, offset } with offset into `a`; len 0 when none. */
function sharedRun(a, b) {
  inspectMod ??= require('internal/util/inspect');
  if (typeof inspectMod.identicalSequenceRange === 'function') {
    return inspectMod.identicalSequenceRange(a, b);
  }
  for (let i = 0; i < a.length - 3; i++) {
    const at = b.indexOf(a[i]);
    if (at === -1 || b.length - at <= 3) continue;
    let len = 1;
    while (i + len < a.length && at + len < b.length &&
           a[i + len] === b[at + len]) {
      len++;
    }
    if (len > 3) return { len, offset: i };
  }
  return { len: 0, offset: 0 };
}

function throwUnhandledError(emitter, args) {
  const er = args.length > 0 ? args[0] : undefined;
  if (er instanceof Error) {
    try {
      const site = {};
      ErrorCaptureStackTrace(site, proto.emit);
      ObjectDefineProperty(er, kEnhanceStackBeforeInspector, {
        __proto__: null,
        value: () => stackWithEmitSite(emitter, er, site),
        configurable: true,
      });
    } catch {
      // Frozen errors are thrown as they are.
    }
    throw er; // Unhandled 'error' event
  }
  let described;
  try {
    described = inspect(er);
  } catch {
    described = er;
  }
  const err = new ERR_UNHANDLED_ERROR(described);
  err.context = er;
  throw err; // Unhandled 'error' event
}

/* Calls each `type` listener with `args` (in order, on a snapshot of the
 * list); true if there was any. An 'error' nobody listens to is thrown. */
proto.emit = function emit(type, ...args) {
  const store = this._events;
  if (type === 'error') {
    if (store !== undefined && store[kErrorMonitor] !== undefined) {
      this.emit(kErrorMonitor, ...args);
    }
    if (store === undefined || store.error === undefined) {
      throwUnhandledError(this, args);
    }
  } else if (store === undefined) {
    return false;
  }

  const handler = store[type];
  if (handler === undefined) return false;

  if (typeof handler === 'function') {
    const ret = handler.apply(this, args);
    if (ret !== undefined && ret !== null) {
      watchReturnedPromise(this, ret, type, args);
    }
    return true;
  }
  const snapshot = ArrayPrototypeSlice(handler);
  for (let i = 0; i < snapshot.length; i++) {
    const ret = ReflectApply(snapshot[i], this, args);
    if (ret !== undefined && ret !== null) {
      watchReturnedPromise(this, ret, type, args);
    }
  }
  return true;
};

// --- adding -----------------------------------------------------------

function warnAboutLeak(emitter, type, list) {
  list.warned = true;
  const warning = genericNodeError(
    'Possible EventEmitter memory leak detected. ' +
    `${list.length} ${String(type)} listeners added to ` +
    `${inspect(emitter, { depth: -1 })}. ` +
    'Use emitter.setMaxListeners() to increase limit',
    {
      name: 'MaxListenersExceededWarning',
      emitter,
      type,
      count: list.length,
    });
  process.emitWarning(warning);
}

function insertListener(emitter, type, listener, atFront) {
  if (typeof listener !== 'function') validateFunction(listener, 'listener');

  let store = emitter._events;
  if (store === undefined) {
    store = emitter._events = newStore();
    emitter._eventsCount = 0;
  } else if (store.newListener !== undefined) {
    // Announced before insertion so that a 'newListener' listener added
    // right now does not hear about itself.
    emitter.emit('newListener', type, listener.listener ?? listener);
    store = emitter._events; // the announcement may have replaced it
  }

  const current = store[type];
  if (current === undefined) {
    store[type] = listener;
    emitter._eventsCount++;
    return emitter;
  }

  let list;
  if (typeof current === 'function') {
    list = atFront ? [listener, current] : [current, listener];
    store[type] = list;
  } else {
    list = current;
    if (atFront) ArrayPrototypeUnshift(list, listener);
    else ArrayPrototypePush(list, listener);
  }

  const max = maxListenersOf(emitter);
  if (max > 0 && list.length > max && !list.warned) {
    warnAboutLeak(emitter, type, list);
  }
  return emitter;
}

/* Adds `listener` for `type` at the end; returns this. */
proto.addListener = function addListener(type, listener) {
  return insertListener(this, type, listener, false);
};
proto.on = proto.addListener;

/* Adds `listener` for `type` at the front; returns this. */
proto.prependListener = function prependListener(type, listener) {
  return insertListener(this, type, listener, true);
};

/* A listener that removes itself before its first run; `.listener` points
 * at the wrapped function so it can be found and removed. */
function makeOnceWrapper(emitter, type, listener) {
  let fired = false;
  function wrapper(...args) {
    if (fired) return undefined;
    emitter.removeListener(type, wrapper);
    fired = true;
    return ReflectApply(listener, emitter, args);
  }
  wrapper.listener = listener;
  return wrapper;
}

/* Adds a listener removed after its first call; returns this. */
proto.once = function once(type, listener) {
  if (typeof listener !== 'function') validateFunction(listener, 'listener');
  this.on(type, makeOnceWrapper(this, type, listener));
  return this;
};

/* Like once(), at the front of the list; returns this. */
proto.prependOnceListener = function prependOnceListener(type, listener) {
  if (typeof listener !== 'function') validateFunction(listener, 'listener');
  this.prependListener(type, makeOnceWrapper(this, type, listener));
  return this;
};

// --- removing ---------------------------------------------------------

function dropKey(emitter, store, type) {
  if (--emitter._eventsCount === 0) {
    emitter._events = newStore();
    return false;
  }
  delete store[type];
  return true;
}

/* Removes the most recently added listener equal to `listener` (or
 * wrapping it); returns this. */
proto.removeListener = function removeListener(type, listener) {
  if (typeof listener !== 'function') validateFunction(listener, 'listener');

  const store = this._events;
  if (store === undefined) return this;
  const current = store[type];
  if (current === undefined) return this;

  if (current === listener || current.listener === listener) {
    if (dropKey(this, store, type) && store.removeListener) {
      this.emit('removeListener', type, current.listener || listener);
    }
    return this;
  }
  if (typeof current === 'function') return this;

  let index = current.length - 1;
  while (index >= 0 &&
         current[index] !== listener && current[index].listener !== listener) {
    index--;
  }
  if (index < 0) return this;

  if (index === 0) ArrayPrototypeShift(current);
  else ArrayPrototypeSplice(current, index, 1);
  if (current.length === 1) store[type] = current[0];

  if (store.removeListener !== undefined) {
    this.emit('removeListener', type, listener);
  }
  return this;
};
proto.off = proto.removeListener;

/* Removes every listener of `type`, or of every event when called without
 * arguments ('removeListener' listeners go last); returns this. */
proto.removeAllListeners = function removeAllListeners(type) {
  const store = this._events;
  if (store === undefined) return this;
  const all = arguments.length === 0;

  if (store.removeListener === undefined) {
    // Nobody to notify: drop the storage directly.
    if (all) {
      this._events = newStore();
      this._eventsCount = 0;
    } else if (store[type] !== undefined) {
      dropKey(this, store, type);
    }
    return this;
  }

  if (all) {
    const keys = ReflectOwnKeys(store);
    for (let i = 0; i < keys.length; i++) {
      if (keys[i] !== 'removeListener') this.removeAllListeners(keys[i]);
    }
    this.removeAllListeners('removeListener');
    this._events = newStore();
    this._eventsCount = 0;
    return this;
  }

  const current = store[type];
  if (typeof current === 'function') {
    this.removeListener(type, current);
  } else if (current !== undefined) {
    for (let i = current.length - 1; i >= 0; i--) {
      this.removeListener(type, current[i]);
    }
  }
  return this;
};

// --- inspecting -------------------------------------------------------

function listenersOf(emitter, type, unwrap) {
  const current = emitter._events?.[type];
  if (current === undefined) return [];
  const list = typeof current === 'function' ? [current] :
    ArrayPrototypeSlice(current);
  if (unwrap) {
    for (let i = 0; i < list.length; i++) {
      const inner = list[i].listener;
      if (typeof inner === 'function') list[i] = inner;
    }
  }
  return list;
}

/* A copy of the listeners of `type` (once-wrappers unwrapped). */
proto.listeners = function listeners(type) {
  return listenersOf(this, type, true);
};

/* A copy of the listeners of `type`, once-wrappers included. */
proto.rawListeners = function rawListeners(type) {
  return listenersOf(this, type, false);
};

/* How many listeners `type` has; only those equal to (or wrapping)
 * `listener` when it is given. */
function listenerCount(type, listener) {
  const current = this._events?.[type];
  if (current === undefined) return 0;
  const list = typeof current === 'function' ? [current] : current;
  if (listener == null) return list.length;
  let count = 0;
  for (let i = 0; i < list.length; i++) {
    if (list[i] === listener || list[i].listener === listener) count++;
  }
  return count;
}
proto.listenerCount = listenerCount;

/* The event names that have listeners (strings and symbols). */
proto.eventNames = function eventNames() {
  return this._eventsCount > 0 ? ReflectOwnKeys(this._events) : [];
};

// --- static API -------------------------------------------------------

EventEmitter.EventEmitter = EventEmitter;
EventEmitter.usingDomains = false;
EventEmitter.captureRejectionSymbol = kRejection;
EventEmitter.errorMonitor = kErrorMonitor;

ObjectDefineProperties(EventEmitter, {
  captureRejections: {
    __proto__: null,
    get() {
      return proto[kCapture];
    },
    set(value) {
      validateBoolean(value, 'EventEmitter.captureRejections');
      proto[kCapture] = value;
    },
    enumerable: true,
  },
  EventEmitterAsyncResource: {
    __proto__: null,
    get() {
      return require('internal/events/async_resource')
        .getEventEmitterAsyncResource(EventEmitter);
    },
    set: undefined,
    enumerable: true,
    configurable: true,
  },
  defaultMaxListeners: {
    __proto__: null,
    get() {
      return defaultMaxListeners;
    },
    set(value) {
      checkListenerLimit(value, 'defaultMaxListeners');
      defaultMaxListeners = value;
    },
    enumerable: true,
  },
  kMaxEventTargetListeners: {
    __proto__: null,
    value: kMaxEventTargetListeners,
    enumerable: false,
    configurable: false,
    writable: false,
  },
  kMaxEventTargetListenersWarned: {
    __proto__: null,
    value: kMaxEventTargetListenersWarned,
    enumerable: false,
    configurable: false,
    writable: false,
  },
});

/* setMaxListeners(n, ...targets): the limit for each EventEmitter or
 * EventTarget given, or the default limit when none is. */
EventEmitter.setMaxListeners = function(n = defaultMaxListeners,
                                        ...eventTargets) {
  checkListenerLimit(n, 'n');
  if (eventTargets.length === 0) {
    defaultMaxListeners = n;
    return;
  }
  for (let i = 0; i < eventTargets.length; i++) {
    const target = eventTargets[i];
    if (eventTargetModule().isEventTarget(target)) {
      target[kMaxEventTargetListeners] = n;
      target[kMaxEventTargetListenersWarned] = false;
    } else if (typeof target.setMaxListeners === 'function') {
      target.setMaxListeners(n);
    } else {
      throw new ERR_INVALID_ARG_TYPE('eventTargets',
                                     ['EventEmitter', 'EventTarget'],
                                     target);
    }
  }
};

/* Deprecated static form of emitter.listenerCount(type). */
EventEmitter.listenerCount = function(emitter, type) {
  if (typeof emitter.listenerCount === 'function') {
    return emitter.listenerCount(type);
  }
  return FunctionPrototypeCall(listenerCount, emitter, type);
};

/* The listeners of `type` on an EventEmitter or EventTarget. */
function getEventListeners(emitterOrTarget, type) {
  if (typeof emitterOrTarget?.listeners === 'function') {
    return emitterOrTarget.listeners(type);
  }
  const et = eventTargetModule();
  if (et.isEventTarget(emitterOrTarget)) {
    return et.listenersOf(emitterOrTarget, type);
  }
  throw new ERR_INVALID_ARG_TYPE('emitter', ['EventEmitter', 'EventTarget'],
                                 emitterOrTarget);
}

/* The listener limit of an EventEmitter or EventTarget. */
function getMaxListeners(emitterOrTarget) {
  if (typeof emitterOrTarget?.getMaxListeners === 'function') {
    return maxListenersOf(emitterOrTarget);
  }
  const limit = emitterOrTarget?.[kMaxEventTargetListeners];
  if (limit) return limit;
  throw new ERR_INVALID_ARG_TYPE('emitter', ['EventEmitter', 'EventTarget'],
                                 emitterOrTarget);
}

// Both EventEmitters and EventTargets are accepted by once() and on().
function listen(target, name, listener, flags) {
  if (typeof target.on === 'function') {
    if (flags?.once) target.once(name, listener);
    else target.on(name, listener);
  } else if (typeof target.addEventListener === 'function') {
    target.addEventListener(name, listener, flags);
  } else {
    throw new ERR_INVALID_ARG_TYPE('emitter', 'EventEmitter', target);
  }
}

function unlisten(target, name, listener, flags) {
  if (typeof target.removeListener === 'function') {
    target.removeListener(name, listener);
  } else if (typeof target.removeEventListener === 'function') {
    target.removeEventListener(name, listener, flags);
  } else {
    throw new ERR_INVALID_ARG_TYPE('emitter', 'EventEmitter', target);
  }
}

const kAbortFlags = {
  __proto__: null, once: true, [kResistStopPropagation]: true,
};

/* A promise for the argument array of the next `name` event; rejects on
 * an 'error' event (EventEmitters only) or when options.signal aborts. */
async function once(emitter, name, options = {}) {
  // Node 18 does not validate `options` itself, only options.signal.
  const signal = options?.signal;
  validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) {
    throw new AbortError(undefined, { cause: signal?.reason });
  }
  return new Promise((resolve, reject) => {
    const cleanupSignal = () => {
      if (signal != null) unlisten(signal, 'abort', onAbort);
    };
    const onEvent = (...args) => {
      if (typeof emitter.removeListener === 'function') {
        emitter.removeListener('error', onError);
      }
      cleanupSignal();
      resolve(args);
    };
    const onError = (err) => {
      emitter.removeListener(name, onEvent);
      cleanupSignal();
      reject(err);
    };
    function onAbort() {
      unlisten(emitter, name, onEvent);
      unlisten(emitter, 'error', onError);
      reject(new AbortError(undefined, { cause: signal?.reason }));
    }
    listen(emitter, name, onEvent, kAbortFlags);
    if (name !== 'error' && typeof emitter.once === 'function') {
      emitter.once('error', onError);
    }
    if (signal != null) listen(signal, 'abort', onAbort, kAbortFlags);
  });
}

/* An async iterator yielding the argument array of each `event`; an
 * 'error' event (EventEmitters only) or options.signal aborting ends it
 * with that error after already-queued events are consumed. */
function on(emitter, event, options) {
  const signal = options?.signal;
  validateAbortSignal(signal, 'options.signal');
  if (signal?.aborted) {
    throw new AbortError(undefined, { cause: signal?.reason });
  }

  const queued = [];   // events that arrived before anyone asked
  const waiting = [];  // { resolve, reject } of pending next() calls
  let pendingError = null;
  let done = false;

  const result = (value, isDone) => ({ value, done: isDone });

  function detach() {
    unlisten(emitter, event, onEvent);
    unlisten(emitter, 'error', onError);
  }

  const iterator = ObjectSetPrototypeOf({
    next() {
      if (queued.length > 0) {
        return PromiseResolve(result(ArrayPrototypeShift(queued), false));
      }
      if (pendingError) {
        const err = pendingError;
        pendingError = null;
        return PromiseReject(err);
      }
      if (done) return PromiseResolve(result(undefined, true));
      return new Promise((resolve, reject) => {
        ArrayPrototypePush(waiting, { resolve, reject });
      });
    },
    return() {
      detach();
      if (signal) unlisten(signal, 'abort', onAbort, { once: true });
      done = true;
      while (waiting.length > 0) {
        ArrayPrototypeShift(waiting).resolve(result(undefined, true));
      }
      return PromiseResolve(result(undefined, true));
    },
    throw(err) {
      if (!err || !(err instanceof Error)) {
        throw new ERR_INVALID_ARG_TYPE('EventEmitter.AsyncIterator',
                                       'Error', err);
      }
      pendingError = err;
      detach();
    },
    [SymbolAsyncIterator]() {
      return this;
    },
  }, AsyncIteratorPrototype);

  function onEvent(...args) {
    if (waiting.length > 0) {
      ArrayPrototypeShift(waiting).resolve(result(args, false));
    } else {
      ArrayPrototypePush(queued, args);
    }
  }

  function onError(err) {
    done = true;
    if (waiting.length > 0) ArrayPrototypeShift(waiting).reject(err);
    else pendingError = err;
    iterator.return();
  }

  function onAbort() {
    onError(new AbortError(undefined, { cause: signal?.reason }));
  }

  listen(emitter, event, onEvent);
  if (event !== 'error' && typeof emitter.on === 'function') {
    emitter.on('error', onError);
  }
  if (signal) listen(signal, 'abort', onAbort, kAbortFlags);
  return iterator;
}

/* Runs `listener` once when `signal` aborts (in a microtask if it already
 * has), even if an earlier listener stops propagation. Returns a
 * Disposable whose [Symbol.dispose]() removes the listener. */
function addAbortListener(signal, listener) {
  if (signal === undefined) {
    throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  }
  validateAbortSignal(signal, 'signal');
  if (typeof listener !== 'function') validateFunction(listener, 'listener');

  let remove;
  if (signal.aborted) {
    queueMicrotask(() => listener());
  } else {
    signal.addEventListener('abort', listener, kAbortFlags);
    remove = () => signal.removeEventListener('abort', listener);
  }
  return {
    __proto__: null,
    [disposeSymbol()]() {
      remove?.();
    },
  };
}

module.exports = EventEmitter;
EventEmitter.addAbortListener = addAbortListener;
EventEmitter.once = once;
EventEmitter.on = on;
EventEmitter.getEventListeners = getEventListeners;
EventEmitter.getMaxListeners = getMaxListeners;
