'use strict';
// internal/abort_controller.js - AbortController and AbortSignal.

// An AbortSignal is an EventTarget whose state lives in symbol slots
// (kAborted, kReason, kComposite). Aborting sets them, dispatches a trusted
// 'abort' Event, then aborts the signals made by AbortSignal.any() that
// depend on it. Timeout and composite signals are referenced weakly by
// their sources and timers, and kept alive only while someone listens.

const {
  ObjectAssign,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
  FunctionPrototypeBind,
  Promise,
  SafeFinalizationRegistry,
  SafeSet,
  SafeWeakRef,
  Symbol,
  SymbolToStringTag,
} = primordials;

const {
  defineEventHandler,
  EventTarget,
  Event,
  kTrustEvent,
  kNewListener,
  kRemoveListener,
  kResistStopPropagation,
  kWeakHandler,
} = require('internal/event_target');
const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateAbortSignalArray,
  validateObject,
  validateUint32,
} = require('internal/validators');

const PromiseResolve = FunctionPrototypeBind(primordials.PromiseResolve,
                                             Promise);

const kAborted = Symbol('kAborted');
const kReason = Symbol('kReason');
const kComposite = Symbol('kComposite');
const kSourceSignals = Symbol('kSourceSignals');
const kDependantSignals = Symbol('kDependantSignals');
const kTimeout = Symbol('kTimeout');
const kSignal = Symbol('kSignal');
const kDontThrowSymbol = Symbol('kDontThrowSymbol');

const customInspectSymbol = Symbol.for('nodejs.util.inspect.custom');

let domExceptionClass;
function DOMExceptionCtor() {
  domExceptionClass ??= globalThis.DOMException ??
    require('internal/per_context/domexception').DOMException;
  return domExceptionClass;
}

function inspect(value, options) {
  return require('internal/util/inspect').inspect(value, options);
}

function defaultAbortReason() {
  const DOMException = DOMExceptionCtor();
  return new DOMException('This operation was aborted', 'AbortError');
}

// Timers of timeout signals: cleared when their signal is collected.
const clearTimeoutRegistry = new SafeFinalizationRegistry((timer) => {
  clearTimeout(timer);
});

// Timeout and composite signals that have 'abort' listeners: kept alive so
// the listeners still run.
const gcPersistentSignals = new SafeSet();

/* `Name { ...obj }` (or `self` itself at negative depth). */
function customInspect(self, obj, depth, options) {
  if (depth < 0) return self;
  const opts = ObjectAssign({}, options, {
    depth: options.depth === null ? null : options.depth - 1,
  });
  return `${self.constructor.name} ${inspect(obj, opts)}`;
}

function validateThisAbortSignal(obj) {
  if (obj?.[kAborted] === undefined) throw new ERR_INVALID_THIS('AbortSignal');
}

/* Aborts the signal referenced weakly by `weakRef` after `delay` ms with a
 * TimeoutError; the timer does not keep the process alive. */
function setWeakAbortSignalTimeout(weakRef, delay) {
  const timeout = setTimeout(() => {
    const signal = weakRef.deref();
    if (signal !== undefined) {
      gcPersistentSignals.delete(signal);
      const DOMException = DOMExceptionCtor();
      abortSignal(signal, new DOMException(
        'The operation was aborted due to timeout', 'TimeoutError'));
    }
  }, delay);
  timeout?.unref?.();
  return timeout;
}

class AbortSignal extends EventTarget {
  constructor(dontThrowKey = undefined) {
    if (dontThrowKey !== kDontThrowSymbol) {
      throw new ERR_ILLEGAL_CONSTRUCTOR();
    }
    super();
  }

  /* Whether the signal has been aborted. */
  get aborted() {
    validateThisAbortSignal(this);
    return !!this[kAborted];
  }

  /* The abort reason (undefined until aborted). */
  get reason() {
    validateThisAbortSignal(this);
    return this[kReason];
  }

  /* Throws the reason if the signal is aborted. */
  throwIfAborted() {
    validateThisAbortSignal(this);
    if (this[kAborted]) {
      throw this[kReason];
    }
  }

  /* An already-aborted signal (default reason: AbortError DOMException). */
  static abort(reason = defaultAbortReason()) {
    return createAbortSignal({ aborted: true, reason });
  }

  /* A signal that aborts with a TimeoutError after `delay` ms. */
  static timeout(delay) {
    validateUint32(delay, 'delay', false);
    const signal = createAbortSignal();
    signal[kTimeout] = true;
    clearTimeoutRegistry.register(
      signal,
      setWeakAbortSignalTimeout(new SafeWeakRef(signal), delay));
    return signal;
  }

  /* A signal that aborts as soon as any of `signals` does, with its
   * reason. */
  static any(signals) {
    validateAbortSignalArray(signals, 'signals');
    const resultSignal = createAbortSignal({ composite: true });
    if (!signals.length) return resultSignal;

    const resultRef = new SafeWeakRef(resultSignal);
    resultSignal[kSourceSignals] = new SafeSet();
    for (let i = 0; i < signals.length; i++) {
      const signal = signals[i];
      if (signal.aborted) {
        abortSignal(resultSignal, signal.reason);
        return resultSignal;
      }
    }
    const link = (source) => {
      resultSignal[kSourceSignals].add(new SafeWeakRef(source));
      source[kDependantSignals] ??= new SafeSet();
      source[kDependantSignals].add(resultRef);
    };
    for (let i = 0; i < signals.length; i++) {
      const signal = signals[i];
      if (!signal[kComposite]) {
        link(signal);
      } else if (signal[kSourceSignals] !== undefined) {
        // Depend on the sources directly: no chains of composites.
        for (const sourceRef of signal[kSourceSignals]) {
          const source = sourceRef.deref();
          if (source !== undefined) link(source);
        }
      }
    }
    return resultSignal;
  }

  [kNewListener](size, type, listener, once, capture, passive, weak) {
    super[kNewListener](size, type, listener, once, capture, passive, weak);
    const keepAlive = this[kTimeout] ||
      (this[kComposite] && this[kSourceSignals]?.size);
    if (keepAlive && type === 'abort' && !this.aborted && !weak &&
        size === 1) {
      gcPersistentSignals.add(this);
    }
  }

  [kRemoveListener](size, type, listener, capture) {
    super[kRemoveListener](size, type, listener, capture);
    if ((this[kTimeout] || this[kComposite]) && type === 'abort' &&
        size === 0) {
      gcPersistentSignals.delete(this);
    }
  }

  [customInspectSymbol](depth, options) {
    return customInspect(this, {
      aborted: this.aborted,
    }, depth, options);
  }
}

const kEnumerableProperty = { __proto__: null, enumerable: true };

ObjectDefineProperties(AbortSignal.prototype, {
  aborted: kEnumerableProperty,
  reason: kEnumerableProperty,
  throwIfAborted: kEnumerableProperty,
});

ObjectDefineProperty(AbortSignal.prototype, SymbolToStringTag, {
  __proto__: null,
  writable: false,
  enumerable: false,
  configurable: true,
  value: 'AbortSignal',
});

defineEventHandler(AbortSignal.prototype, 'abort');

/* A new (internal) AbortSignal in the given state. */
function createAbortSignal(init = {}) {
  const {
    aborted = false,
    reason = undefined,
    composite = false,
  } = init;
  const signal = new EventTarget();
  ObjectSetPrototypeOf(signal, AbortSignal.prototype);
  signal[kAborted] = aborted;
  signal[kReason] = reason;
  signal[kComposite] = composite;
  return signal;
}

/* Aborts `signal` with `reason` (no-op when already aborted): 'abort' is
 * dispatched, then dependent composite signals abort too. */
function abortSignal(signal, reason) {
  if (signal[kAborted]) return;
  signal[kAborted] = true;
  signal[kReason] = reason;
  const event = new Event('abort', {
    [kTrustEvent]: true,
  });
  signal.dispatchEvent(event);
  const dependants = signal[kDependantSignals];
  if (dependants !== undefined) {
    for (const ref of dependants) {
      const dependant = ref.deref();
      if (dependant !== undefined) abortSignal(dependant, reason);
    }
  }
}

function validateThisAbortController(obj) {
  if (obj?.[kSignal] === undefined) {
    throw new ERR_INVALID_THIS('AbortController');
  }
}

class AbortController {
  constructor() {
    this[kSignal] = createAbortSignal();
  }

  /* The controller's signal. */
  get signal() {
    validateThisAbortController(this);
    return this[kSignal];
  }

  /* Aborts the signal (default reason: an AbortError DOMException). */
  abort(reason = defaultAbortReason()) {
    validateThisAbortController(this);
    abortSignal(this[kSignal], reason);
  }

  [customInspectSymbol](depth, options) {
    return customInspect(this, {
      signal: this.signal,
    }, depth, options);
  }
}

ObjectDefineProperties(AbortController.prototype, {
  signal: kEnumerableProperty,
  abort: kEnumerableProperty,
});

ObjectDefineProperty(AbortController.prototype, SymbolToStringTag, {
  __proto__: null,
  writable: false,
  enumerable: false,
  configurable: true,
  value: 'AbortController',
});

// Transferable signals: posting one sends the receiver a signal that
// follows this one through an unref'd MessageChannel; an already aborted
// signal travels as its state.
const kCloneData = Symbol('kCloneData');

function lazyTransferable() {
  return require('internal/worker/js_transferable');
}

/* transferableAbortSignal(signal) -> signal, now transferable through
 * postMessage(). */
function transferableAbortSignal(signal) {
  if (signal?.[kAborted] === undefined) {
    throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  }
  lazyTransferable().markTransferMode(signal, false, true);
  return signal;
}

/* An AbortController whose signal is transferable. */
function transferableAbortController() {
  const ac = new AbortController();
  transferableAbortSignal(ac.signal);
  return ac;
}

/* new ClonedAbortSignal() -> an internal signal filled in by
 * [kDeserialize] on the receiving side. */
function ClonedAbortSignal() {
  return createAbortSignal();
}

{
  const {
    kDeserialize, kTransfer, kTransferList,
  } = lazyTransferable();
  const method = (key, value) => ObjectDefineProperty(
    AbortSignal.prototype, key, {
      __proto__: null, configurable: true, writable: true, value,
    });
  method(kTransferList, function() {
    if (this[kAborted]) return [];
    const { MessageChannel } = require('internal/worker/io');
    const { port1, port2 } = new MessageChannel();
    port1.unref();
    port2.unref();
    this[kCloneData] = { port1, port2 };
    return [port2];
  });
  method(kTransfer, function() {
    validateThisAbortSignal(this);
    if (this[kAborted]) {
      return {
        data: { aborted: true, reason: this[kReason] },
        deserializeInfo: 'internal/abort_controller:ClonedAbortSignal',
      };
    }
    const { port1, port2 } = this[kCloneData];
    this[kCloneData] = undefined;
    this.addEventListener('abort', () => {
      port1.postMessage(this[kReason]);
      port1.close();
    }, { once: true });
    return {
      data: { port: port2 },
      deserializeInfo: 'internal/abort_controller:ClonedAbortSignal',
    };
  });
  method(kDeserialize, function({ aborted, reason, port }) {
    if (aborted) {
      this[kAborted] = true;
      this[kReason] = reason;
      return;
    }
    port.onmessage = ({ data }) => {
      abortSignal(this, data);
      port.close();
      port.onmessage = undefined;
    };
    port.unref();
  });
}

/* util.aborted(signal, resource): resolves when `signal` aborts; the
 * listener is dropped if `resource` is garbage collected first. */
async function aborted(signal, resource) {
  if (signal === undefined) {
    throw new ERR_INVALID_ARG_TYPE('signal', 'AbortSignal', signal);
  }
  validateAbortSignal(signal, 'signal');
  validateObject(resource, 'resource', {
    nullable: false,
    allowFunction: true,
    allowArray: true,
  });
  if (signal.aborted) return PromiseResolve();
  return new Promise((resolve) => {
    signal.addEventListener('abort', resolve, {
      __proto__: null,
      [kWeakHandler]: resource,
      once: true,
      [kResistStopPropagation]: true,
    });
  });
}

module.exports = {
  AbortController,
  AbortSignal,
  ClonedAbortSignal,
  aborted,
  transferableAbortSignal,
  transferableAbortController,
  kAborted,
};
