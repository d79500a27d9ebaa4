'use strict';
// internal/event_target.js - Event, CustomEvent, EventTarget, NodeEventTarget.

// Listeners of one type live in a ListenerList: an array of records in
// registration order plus `size` (the count that listenerCount() and the
// max-listeners warning use). Dispatch walks a snapshot of the array and
// skips records removed meanwhile, as the DOM specification requires.
// A listener that throws (or returns a promise that rejects) is reported
// as an uncaught exception on the next tick; dispatch goes on.

const {
  ArrayFrom,
  ArrayPrototypeIndexOf,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ArrayPrototypeSplice,
  Boolean,
  Error,
  FunctionPrototypeCall,
  NumberIsInteger,
  ObjectAssign,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectFreeze,
  ObjectGetOwnPropertyDescriptors,
  PromisePrototypeThen,
  ReflectApply,
  SafeFinalizationRegistry,
  SafeMap,
  SafeWeakMap,
  SafeWeakRef,
  SafeWeakSet,
  String,
  Symbol,
  SymbolFor,
  SymbolToStringTag,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_EVENT_RECURSION,
    ERR_MISSING_ARGS,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const {
  validateObject,
  validateString,
} = require('internal/validators');

const kIsEventTarget = SymbolFor('nodejs.event_target');
const kIsNodeEventTarget = Symbol('kIsNodeEventTarget');
const kEvents = Symbol('kEvents');
const kTarget = Symbol('kTarget');
const kHandlers = Symbol('kHandlers');
const kWeakHandler = Symbol('kWeak');
const kResistStopPropagation =
  SymbolFor('nodejs.internal.resistStopPropagation');
const kHybridDispatch = SymbolFor('nodejs.internal.kHybridDispatch');
const kRemoveWeakListenerHelper =
  SymbolFor('nodejs.internal.removeWeakListenerHelper');
const kCreateEvent = Symbol('kCreateEvent');
const kNewListener = Symbol('kNewListener');
const kRemoveListener = Symbol('kRemoveListener');
const kIsNodeStyleListener = Symbol('kIsNodeStyleListener');
const kTrustEvent = Symbol('kTrustEvent');
const kType = Symbol('type');
const kDetail = Symbol('detail');
const kIsBeingDispatched = Symbol('kIsBeingDispatched');

const customInspectSymbol = SymbolFor('nodejs.util.inspect.custom');
const kEmptyObject = ObjectFreeze({ __proto__: null });

let eventsModule;
function lazyEvents() {
  eventsModule ??= require('events');
  return eventsModule;
}

function inspect(value, options) {
  return require('internal/util/inspect').inspect(value, options);
}

function now() {
  const perf = globalThis.performance;
  if (perf !== undefined && typeof perf.now === 'function') return perf.now();
  return process.uptime() * 1000;
}

/* Depth-adjusted options for a custom inspect that renders a child. */
function childInspectOptions(options) {
  return ObjectAssign({}, options, {
    depth: NumberIsInteger(options.depth) ? options.depth - 1 :
      options.depth,
  });
}

const trustedEvents = new SafeWeakSet();

function isEvent(value) {
  return typeof value?.[kType] === 'string';
}

// Reads Event's private stop flag for the dispatcher (set by the class's
// static block).
let eventStopped;

/* A DOM Event: new Event(type[, { bubbles, cancelable, composed }]). */
class Event {
  #cancelable = false;
  #bubbles = false;
  #composed = false;
  #defaultPrevented = false;
  #timestamp = now();
  #propagationStopped = false;
  #stopImmediate = false;

  constructor(type, options = kEmptyObject) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    validateObject(options, 'options');
    // Dictionary members are read in WebIDL (alphabetical) order.
    this.#bubbles = !!options?.bubbles;
    this.#cancelable = !!options?.cancelable;
    this.#composed = !!options?.composed;
    this[kType] = `${type}`;
    if (options?.[kTrustEvent]) trustedEvents.add(this);
    this[kTarget] = null;
    this[kIsBeingDispatched] = false;
  }

  static {
    eventStopped = (event) => event.#stopImmediate;
  }

  [customInspectSymbol](depth, options) {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    const name = this.constructor.name;
    if (depth < 0) return name;
    return `${name} ${inspect({
      type: this[kType],
      defaultPrevented: this.#defaultPrevented,
      cancelable: this.#cancelable,
      timeStamp: this.#timestamp,
    }, childInspectOptions(options))}`;
  }

  /* Stops the remaining listeners of this dispatch from running. */
  stopImmediatePropagation() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    this.#stopImmediate = true;
    this.#propagationStopped = true;
  }

  /* Marks a cancelable event as canceled. */
  preventDefault() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    this.#defaultPrevented = true;
  }

  get target() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kTarget];
  }

  get currentTarget() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kIsBeingDispatched] ? this[kTarget] : null;
  }

  get srcElement() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kTarget];
  }

  get type() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kType];
  }

  get cancelable() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#cancelable;
  }

  get defaultPrevented() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#cancelable && this.#defaultPrevented;
  }

  get timeStamp() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#timestamp;
  }

  /* [target] while being dispatched, [] otherwise (no tree here). */
  composedPath() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kIsBeingDispatched] ? [this[kTarget]] : [];
  }

  get returnValue() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return !(this.#cancelable && this.#defaultPrevented);
  }

  get bubbles() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#bubbles;
  }

  get composed() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#composed;
  }

  get eventPhase() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this[kIsBeingDispatched] ? Event.AT_TARGET : Event.NONE;
  }

  get cancelBubble() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    return this.#propagationStopped;
  }

  set cancelBubble(value) {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    if (value) this.#propagationStopped = true;
  }

  stopPropagation() {
    if (!isEvent(this)) throw new ERR_INVALID_THIS('Event');
    this.#propagationStopped = true;
  }
}

const kEnumerableProperty = { __proto__: null, enumerable: true };

function isTrustedGetter() {
  return trustedEvents.has(this);
}

ObjectDefineProperties(Event.prototype, {
  [SymbolToStringTag]: {
    __proto__: null,
    writable: false,
    enumerable: false,
    configurable: true,
    value: 'Event',
  },
  stopImmediatePropagation: kEnumerableProperty,
  preventDefault: kEnumerableProperty,
  target: kEnumerableProperty,
  currentTarget: kEnumerableProperty,
  srcElement: kEnumerableProperty,
  type: kEnumerableProperty,
  cancelable: kEnumerableProperty,
  defaultPrevented: kEnumerableProperty,
  timeStamp: kEnumerableProperty,
  composedPath: kEnumerableProperty,
  returnValue: kEnumerableProperty,
  bubbles: kEnumerableProperty,
  composed: kEnumerableProperty,
  eventPhase: kEnumerableProperty,
  cancelBubble: kEnumerableProperty,
  stopPropagation: kEnumerableProperty,
  isTrusted: {
    __proto__: null,
    get: isTrustedGetter,
    enumerable: true,
    configurable: false,
  },
});

for (const [name, value] of [['NONE', 0], ['CAPTURING_PHASE', 1],
                             ['AT_TARGET', 2], ['BUBBLING_PHASE', 3]]) {
  ObjectDefineProperty(Event, name, {
    __proto__: null,
    value,
    writable: true,
    enumerable: true,
    configurable: true,
  });
}

function isCustomEvent(value) {
  return isEvent(value) && value?.[kDetail] !== undefined;
}

/* new CustomEvent(type[, { detail, ...eventInit }]). */
class CustomEvent extends Event {
  constructor(type, options = kEmptyObject) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    super(type, options);
    this[kDetail] = options?.detail ?? null;
  }

  get detail() {
    if (!isCustomEvent(this)) throw new ERR_INVALID_THIS('CustomEvent');
    return this[kDetail];
  }
}

ObjectDefineProperties(CustomEvent.prototype, {
  [SymbolToStringTag]: {
    __proto__: null,
    writable: false,
    enumerable: false,
    configurable: true,
    value: 'CustomEvent',
  },
  detail: kEnumerableProperty,
});

// --- weak listeners -----------------------------------------------------

let weakState;
function weakListeners() {
  weakState ??= {
    // Collected callbacks take their record out of its list.
    registry: new SafeFinalizationRegistry((record) => record.remove()),
    // owner object -> callbacks it keeps alive
    owners: new SafeWeakMap(),
  };
  return weakState;
}

/* One registration: (callback, capture) on one type of one target. */
class ListenerRecord {
  constructor(list, callback, once, capture, passive, isNodeStyleListener,
              weak, resistStopPropagation) {
    this.list = list;
    this.once = once;
    this.capture = capture;
    this.passive = passive;
    this.isNodeStyleListener = isNodeStyleListener;
    this.resistStopPropagation = resistStopPropagation;
    this.removed = false;
    this.weak = Boolean(weak);
    if (this.weak) {
      this.ref = new SafeWeakRef(callback);
      const { registry, owners } = weakListeners();
      registry.register(callback, this, this);
      let kept = owners.get(weak);
      if (kept === undefined) {
        kept = [];
        owners.set(weak, kept);
      }
      ArrayPrototypePush(kept, callback);
    } else {
      this.ref = callback;
    }
  }

  /* The callback, or undefined once a weak one was collected. */
  get callback() {
    return this.weak ? this.ref.deref() : this.ref;
  }

  /* Unlinks the record from its list (idempotent). */
  remove() {
    if (this.removed) return;
    this.list.unlink(this);
  }
}

class ListenerList {
  constructor(target, type) {
    this.target = target;
    this.type = type;
    this.records = [];
    this.size = 0;
  }

  find(callback, capture) {
    const records = this.records;
    for (let i = 0; i < records.length; i++) {
      const record = records[i];
      if (record.callback === callback && record.capture === capture) {
        return record;
      }
    }
    return undefined;
  }

  unlink(record) {
    const index = ArrayPrototypeIndexOf(this.records, record);
    if (index === -1) return;
    ArrayPrototypeSplice(this.records, index, 1);
    record.removed = true;
    if (record.weak) weakListeners().registry.unregister(record);
    this.size--;
    this.target[kRemoveListener](this.size, this.type, record.callback,
                                 record.capture);
    if (this.records.length === 0 && this.target[kEvents].get(this.type) ===
        this) {
      this.target[kEvents].delete(this.type);
    }
  }
}

function validateEventListener(listener) {
  if (typeof listener === 'function' ||
      typeof listener?.handleEvent === 'function') {
    return true;
  }
  if (listener == null) return false;
  if (typeof listener === 'object') {
    // handleEvent may be installed later; it is looked up at dispatch.
    return true;
  }
  throw new ERR_INVALID_ARG_TYPE('listener', 'EventListener', listener);
}

function readListenerOptions(options) {
  if (typeof options === 'boolean') return { capture: options };
  if (options === null) return {};
  validateObject(options, 'options', {
    allowArray: true, allowFunction: true,
  });
  return {
    once: Boolean(options.once),
    capture: Boolean(options.capture),
    passive: Boolean(options.passive),
    signal: options.signal,
    weak: options[kWeakHandler],
    resistStopPropagation: options[kResistStopPropagation] ?? false,
    isNodeStyleListener: Boolean(options[kIsNodeStyleListener]),
  };
}

/* True for EventTargets, including objects set up by initEventTarget. */
function isEventTarget(obj) {
  return obj?.constructor?.[kIsEventTarget] === true;
}

function isNodeEventTarget(obj) {
  return obj?.constructor?.[kIsNodeEventTarget] === true;
}

/* Gives `self` EventTarget state (for objects not built by the
 * EventTarget constructor, such as native-backed ports). */
function initEventTarget(self) {
  self[kEvents] = new SafeMap();
  self[kMaxEventTargetListeners()] =
    lazyEvents().defaultMaxListeners;
  self[kMaxEventTargetListenersWarned()] = false;
}

function kMaxEventTargetListeners() {
  return lazyEvents().kMaxEventTargetListeners;
}

function kMaxEventTargetListenersWarned() {
  return lazyEvents().kMaxEventTargetListenersWarned;
}

/* Reports a listener failure the way an uncaught exception would be. */
function reportListenerError(err) {
  process.nextTick(() => {
    throw err;
  });
}

function watchListenerPromise(result) {
  const then = result?.then;
  if (typeof then === 'function') {
    PromisePrototypeThen(result, undefined, reportListenerError);
  }
}

/* EventTarget: addEventListener / removeEventListener / dispatchEvent. */
class EventTarget {
  static [kIsEventTarget] = true;

  constructor() {
    initEventTarget(this);
  }

  /* Hook run after a listener is added: warns once past the limit. */
  [kNewListener](size, type, listener, once, capture, passive, weak) {
    const maxKey = kMaxEventTargetListeners();
    const warnedKey = kMaxEventTargetListenersWarned();
    if (this[maxKey] > 0 && size > this[maxKey] && !this[warnedKey]) {
      this[warnedKey] = true;
      // eslint-disable-next-line no-restricted-syntax
      const w = new Error('Possible EventTarget memory leak detected. ' +
                          `${size} ${type} listeners ` +
                          `added to ${inspect(this, { depth: -1 })}. Use ` +
                          'events.setMaxListeners() to increase limit');
      w.name = 'MaxListenersExceededWarning';
      w.target = this;
      w.type = type;
      w.count = size;
      process.emitWarning(w);
    }
  }

  /* Hook run after a listener is removed. */
  [kRemoveListener](size, type, listener, capture) {}

  /* addEventListener(type, listener[, options | useCapture]): options
   * are { once, capture, passive, signal }. A (listener, capture) pair is
   * registered at most once. */
  addEventListener(type, listener, options = kEmptyObject) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('type', 'listener');

    const {
      once,
      capture,
      passive,
      signal,
      isNodeStyleListener,
      weak,
      resistStopPropagation,
    } = readListenerOptions(options);

    if (!validateEventListener(listener)) {
      // eslint-disable-next-line no-restricted-syntax
      const w = new Error(`addEventListener called with ${listener}` +
                          ' which has no effect.');
      w.name = 'AddEventListenerArgumentTypeWarning';
      w.target = this;
      w.type = type;
      process.emitWarning(w);
      return;
    }
    type = `${type}`;

    if (signal) {
      if (signal.aborted) return;
      // Held weakly by the signal so long-lived signals do not keep this
      // target alive.
      signal.addEventListener('abort', () => {
        this.removeEventListener(type, listener, options);
      }, {
        __proto__: null,
        once: true,
        [kWeakHandler]: this,
        [kResistStopPropagation]: true,
      });
    }

    let list = this[kEvents].get(type);
    if (list === undefined) {
      list = new ListenerList(this, type);
      this[kEvents].set(type, list);
    } else if (list.find(listener, capture) !== undefined) {
      return;
    }
    ArrayPrototypePush(list.records, new ListenerRecord(
      list, listener, once, capture, passive, isNodeStyleListener, weak,
      resistStopPropagation));
    list.size++;
    this[kNewListener](list.size, type, listener, once, capture, passive,
                       weak);
  }

  /* removeEventListener(type, listener[, options]): removes the
   * registration with the same listener and capture flag. */
  removeEventListener(type, listener, options = kEmptyObject) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('type', 'listener');
    if (!validateEventListener(listener)) return;

    type = `${type}`;
    const capture = options?.capture === true;
    const list = this[kEvents].get(type);
    if (list === undefined) return;
    const record = list.find(listener, capture);
    if (record !== undefined) record.remove();
  }

  [kRemoveWeakListenerHelper](type, listener) {
    const list = this[kEvents].get(type);
    if (list === undefined) return;
    const record = list.find(listener, false);
    if (record !== undefined) record.remove();
  }

  /* Runs the listeners of event.type on this target; false if a
   * listener canceled the event. */
  dispatchEvent(event) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('event');
    if (!(event instanceof Event)) {
      throw new ERR_INVALID_ARG_TYPE('event', 'Event', event);
    }
    if (event[kIsBeingDispatched]) {
      throw new ERR_EVENT_RECURSION(event.type);
    }
    this[kHybridDispatch](event, event.type, event);
    return event.defaultPrevented !== true;
  }

  /* Dispatch shared by dispatchEvent() and NodeEventTarget#emit():
   * node-style listeners get `nodeValue`, DOM listeners get `event`
   * (created through kCreateEvent on first need). */
  [kHybridDispatch](nodeValue, type, event) {
    const start = (ev) => {
      ev[kTarget] = this;
      ev[kIsBeingDispatched] = true;
    };
    const getEvent = () => {
      if (event === undefined) {
        event = this[kCreateEvent](nodeValue, type);
        start(event);
      }
      return event;
    };
    if (event !== undefined) start(event);

    const list = this[kEvents].get(type);
    if (list !== undefined && list.records.length > 0) {
      const snapshot = ArrayPrototypeSlice(list.records);
      for (let i = 0; i < snapshot.length; i++) {
        const record = snapshot[i];
        if (record.removed) continue;
        if (event !== undefined && eventStopped(event) &&
            !record.resistStopPropagation) {
          continue;
        }
        const callback = record.callback;
        if (callback === undefined) continue; // collected weak listener
        if (record.once) record.remove();

        const arg = record.isNodeStyleListener ? nodeValue : getEvent();
        // Like Node 18, `passive` is recorded but not enforced.
        try {
          let result;
          if (typeof callback === 'function') {
            result = FunctionPrototypeCall(callback, this, arg);
          } else {
            result = ReflectApply(callback.handleEvent, callback, [arg]);
          }
          if (result !== undefined && result !== null) {
            watchListenerPromise(result);
          }
        } catch (err) {
          reportListenerError(err);
        }
      }
    }

    if (event !== undefined) event[kIsBeingDispatched] = false;
  }

  /* The event that DOM listeners receive for NodeEventTarget#emit(). */
  [kCreateEvent](nodeValue, type) {
    return new CustomEvent(type, { detail: nodeValue });
  }

  [customInspectSymbol](depth, options) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    const name = this.constructor.name;
    if (depth < 0) return name;
    return `${name} ${inspect({}, childInspectOptions(options))}`;
  }
}

ObjectDefineProperties(EventTarget.prototype, {
  addEventListener: kEnumerableProperty,
  removeEventListener: kEnumerableProperty,
  dispatchEvent: kEnumerableProperty,
  [SymbolToStringTag]: {
    __proto__: null,
    writable: false,
    enumerable: false,
    configurable: true,
    value: 'EventTarget',
  },
});

/* The callbacks registered for `type` on an EventTarget. */
function listenersOf(target, type) {
  const list = target[kEvents].get(`${type}`);
  const out = [];
  if (list === undefined) return out;
  for (let i = 0; i < list.records.length; i++) {
    const callback = list.records[i].callback;
    if (callback !== undefined) ArrayPrototypePush(out, callback);
  }
  return out;
}

/* Gives `self` NodeEventTarget state. */
function initNodeEventTarget(self) {
  initEventTarget(self);
}

/* An EventTarget with a subset of the EventEmitter API: on/once/off/emit
 * listeners receive the emitted value instead of an Event. */
class NodeEventTarget extends EventTarget {
  static [kIsNodeEventTarget] = true;
  static defaultMaxListeners = 10;

  constructor() {
    super();
    initNodeEventTarget(this);
  }

  setMaxListeners(n) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    lazyEvents().setMaxListeners(n, this);
  }

  getMaxListeners() {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    return this[kMaxEventTargetListeners()];
  }

  eventNames() {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    return ArrayFrom(this[kEvents].keys());
  }

  listenerCount(type) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    const list = this[kEvents].get(String(type));
    return list !== undefined ? list.size : 0;
  }

  off(type, listener, options) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    this.removeEventListener(type, listener, options);
    return this;
  }

  removeListener(type, listener, options) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    this.removeEventListener(type, listener, options);
    return this;
  }

  on(type, listener) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    this.addEventListener(type, listener, { [kIsNodeStyleListener]: true });
    return this;
  }

  addListener(type, listener) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    this.addEventListener(type, listener, { [kIsNodeStyleListener]: true });
    return this;
  }

  /* Dispatches `arg` to `type`'s listeners; true if there were any. */
  emit(type, arg) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    validateString(type, 'type');
    const hadListeners = this.listenerCount(type) > 0;
    this[kHybridDispatch](arg, type);
    return hadListeners;
  }

  once(type, listener) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    this.addEventListener(type, listener,
                          { once: true, [kIsNodeStyleListener]: true });
    return this;
  }

  removeAllListeners(type) {
    if (!isNodeEventTarget(this)) throw new ERR_INVALID_THIS('NodeEventTarget');
    const events = this[kEvents];
    const drop = (list) => {
      for (const record of list.records) record.removed = true;
    };
    if (type !== undefined) {
      const list = events.get(String(type));
      if (list !== undefined) drop(list);
      events.delete(String(type));
    } else {
      for (const list of events.values()) drop(list);
      events.clear();
    }
    return this;
  }
}

ObjectDefineProperties(NodeEventTarget.prototype, {
  setMaxListeners: kEnumerableProperty,
  getMaxListeners: kEnumerableProperty,
  eventNames: kEnumerableProperty,
  listenerCount: kEnumerableProperty,
  off: kEnumerableProperty,
  removeListener: kEnumerableProperty,
  on: kEnumerableProperty,
  addListener: kEnumerableProperty,
  once: kEnumerableProperty,
  emit: kEnumerableProperty,
  removeAllListeners: kEnumerableProperty,
});

// --- on<event> attributes -----------------------------------------------

function makeEventHandler(handler) {
  // The wrapper is registered once; assigning a new handler swaps
  // `eventHandler.handler` so the listener keeps its position.
  function eventHandler(...args) {
    if (typeof eventHandler.handler !== 'function') return undefined;
    return ReflectApply(eventHandler.handler, this, args);
  }
  eventHandler.handler = handler;
  return eventHandler;
}

/* Defines the `on${name}` attribute on `emitter` (an EventTarget or a
 * prototype of one): a getter returning the handler or null, a setter
 * that registers/replaces it. */
function defineEventHandler(emitter, name, event = name) {
  const propName = `on${name}`;
  function get() {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    return this[kHandlers]?.get(event)?.handler ?? null;
  }
  ObjectDefineProperty(get, 'name', {
    __proto__: null,
    value: `get ${propName}`,
  });

  function set(value) {
    if (!isEventTarget(this)) throw new ERR_INVALID_THIS('EventTarget');
    if (!this[kHandlers]) {
      ObjectDefineProperty(this, kHandlers, {
        __proto__: null, value: new SafeMap(), writable: true,
        configurable: true, enumerable: false,
      });
    }
    let wrapper = this[kHandlers].get(event);
    if (wrapper) {
      const list = this[kEvents].get(event);
      if (typeof wrapper.handler === 'function' && list !== undefined) {
        list.size--;
        this[kRemoveListener](list.size, event, wrapper.handler, false);
      }
      wrapper.handler = value;
      if (typeof wrapper.handler === 'function' && list !== undefined) {
        list.size++;
        this[kNewListener](list.size, event, value, false, false, false,
                           false);
      }
      if (list === undefined) {
        this.addEventListener(event, wrapper);
      }
    } else {
      wrapper = makeEventHandler(value);
      this.addEventListener(event, wrapper);
    }
    this[kHandlers].set(event, wrapper);
  }
  ObjectDefineProperty(set, 'name', {
    __proto__: null,
    value: `set ${propName}`,
  });

  ObjectDefineProperty(emitter, propName, {
    __proto__: null,
    get,
    set,
    configurable: true,
    enumerable: true,
  });
}

/* Mixes the EventEmitter prototype into a subclass of `Superclass`. */
function EventEmitterMixin(Superclass) {
  class MixedEventEmitter extends Superclass {
    constructor(...args) {
      super(...args);
      FunctionPrototypeCall(lazyEvents(), this);
    }
  }
  const protoProps = ObjectGetOwnPropertyDescriptors(
    lazyEvents().prototype);
  delete protoProps.constructor;
  ObjectDefineProperties(MixedEventEmitter.prototype, protoProps);
  return MixedEventEmitter;
}

module.exports = {
  Event,
  CustomEvent,
  EventEmitterMixin,
  EventTarget,
  NodeEventTarget,
  defineEventHandler,
  initEventTarget,
  initNodeEventTarget,
  kCreateEvent,
  kNewListener,
  kTrustEvent,
  kRemoveListener,
  kEvents,
  kWeakHandler,
  kResistStopPropagation,
  kHybridDispatch,
  kIsNodeStyleListener,
  isEventTarget,
  listenersOf,
};
