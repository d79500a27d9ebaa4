'use strict';
/* mock.js (test_runner) - node:test's MockTracker: mock.fn(), method(),
 * getter() and setter() spies that record calls, swap implementations
 * (for a number of calls with `times`) and restore the originals. */

const {
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  Error,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  ObjectGetPrototypeOf,
  Proxy,
  ReflectApply,
  ReflectConstruct,
  ReflectGet,
  SafeMap,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const {
  validateBoolean,
  validateFunction,
  validateInteger,
  validateObject,
} = require('internal/validators');

const kDefault = Symbol('kDefault');
const kNext = Symbol('kNext');
const kRecord = Symbol('kRecord');

function validateTimes(value, name) {
  if (value === Infinity) return;
  validateInteger(value, name, 1);
}

/* The `mock` property of a mock function: its calls and implementation. */
class MockFunctionContext {
  #calls = [];
  #implementation;
  #original;
  #restore;
  #times;
  #onceImplementations = new SafeMap();

  constructor(implementation, original, restore, times) {
    this.#implementation = implementation;
    this.#original = original;
    this.#restore = restore;
    this.#times = times;
  }

  /* A copy of the recorded calls, oldest first. */
  get calls() { return ArrayPrototypeSlice(this.#calls, 0); }

  callCount() { return this.#calls.length; }

  /* Replaces the implementation for every following call. */
  mockImplementation(implementation) {
    validateFunction(implementation, 'implementation');
    this.#implementation = implementation;
  }

  /* Uses `implementation` for one call only: call number `onCall`
   * (default: the next one). */
  mockImplementationOnce(implementation, onCall) {
    validateFunction(implementation, 'implementation');
    const next = onCall ?? this.#calls.length;
    validateInteger(next, 'onCall', this.#calls.length);
    this.#onceImplementations.set(next, implementation);
  }

  resetCalls() { this.#calls = []; }

  /* Puts the mocked method back (method/getter/setter mocks); a mock
   * function goes back to its original implementation. */
  restore() {
    if (this.#restore !== undefined) {
      this.#restore();
    } else {
      this.#implementation = this.#original;
    }
  }

  [kNext]() {
    const index = this.#calls.length;
    const once = this.#onceImplementations.get(index);
    if (once !== undefined) {
      this.#onceImplementations.delete(index);
      return once;
    }
    // After `times` calls the mock behaves as the original again.
    if (index >= this.#times) return this.#original;
    return this.#implementation;
  }

  [kRecord](call) { ArrayPrototypePush(this.#calls, call); }
}

function makeMock(original, implementation, restore, times) {
  const ctx = new MockFunctionContext(implementation, original, restore,
                                      times);
  const run = (thisArg, args, newTarget) => {
    const impl = ctx[kNext]();
    const call = {
      arguments: args,
      error: undefined,
      result: undefined,
      stack: new Error(),
      target: newTarget === undefined ? undefined : original,
      this: thisArg,
    };
    try {
      if (newTarget === undefined) {
        call.result = ReflectApply(impl, thisArg, args);
      } else {
        call.result = ReflectConstruct(impl, args, newTarget);
        call.this = call.result;
      }
    } catch (err) {
      call.error = err;
      ctx[kRecord](call);
      throw err;
    }
    ctx[kRecord](call);
    return call.result;
  };
  const mocked = new Proxy(original, {
    __proto__: null,
    get(target, property, receiver) {
      if (property === 'mock') return ctx;
      return ReflectGet(target, property, receiver);
    },
    apply(target, thisArg, args) { return run(thisArg, args, undefined); },
    construct(target, args, newTarget) { return run(undefined, args, newTarget); },
  });
  return { mocked, ctx };
}

/* The descriptor of `name` on `object` or the nearest prototype. */
function findDescriptor(object, name) {
  for (let o = object; o !== null && o !== undefined;
    o = ObjectGetPrototypeOf(o)) {
    const descriptor = ObjectGetOwnPropertyDescriptor(o, name);
    if (descriptor !== undefined) return descriptor;
  }
  return undefined;
}

class MockTracker {
  #mocks = [];
  #timers;

  /* fn([original[, implementation]][, { times }]) -> a mock function. */
  fn(original = function() {}, implementation = original, options = {}) {
    if (original !== null && typeof original === 'object') {
      options = original;
      original = function() {};
      implementation = original;
    } else if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = original;
    }
    validateFunction(original, 'original');
    validateFunction(implementation, 'implementation');
    validateObject(options, 'options');
    const { times = Infinity } = options;
    validateTimes(times, 'options.times');
    const { mocked, ctx } = makeMock(original, implementation, undefined,
                                     times);
    ArrayPrototypePush(this.#mocks, ctx);
    return mocked;
  }

  /* method(object, name[, implementation][, { getter, setter, times }]):
   * replaces object[name] (or its getter/setter) with a mock. */
  method(object, methodName, implementation = kDefault, options = {}) {
    if (object === null ||
        (typeof object !== 'object' && typeof object !== 'function')) {
      throw new ERR_INVALID_ARG_TYPE('object', 'Object', object);
    }
    if (typeof methodName !== 'string' && typeof methodName !== 'symbol') {
      throw new ERR_INVALID_ARG_TYPE('methodName', ['string', 'symbol'],
                                     methodName);
    }
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = kDefault;
    }
    validateObject(options, 'options');
    const { getter = false, setter = false, times = Infinity } = options;
    validateBoolean(getter, 'options.getter');
    validateBoolean(setter, 'options.setter');
    validateTimes(times, 'options.times');
    if (getter && setter) {
      throw new ERR_INVALID_ARG_VALUE('options.setter', setter,
                                      "cannot be used with 'options.getter'");
    }
    const descriptor = findDescriptor(object, methodName);
    let original;
    if (getter) original = descriptor?.get;
    else if (setter) original = descriptor?.set;
    else original = descriptor?.value;
    if (typeof original !== 'function') {
      throw new ERR_INVALID_ARG_VALUE('methodName', original,
                                      'must be a method');
    }
    if (implementation === kDefault) implementation = original;
    validateFunction(implementation, 'implementation');

    const restore = () => {
      ObjectDefineProperty(object, methodName, descriptor);
    };
    const { mocked, ctx } = makeMock(original, implementation, restore,
                                     times);
    const replacement = {
      __proto__: null,
      configurable: descriptor.configurable,
      enumerable: descriptor.enumerable,
    };
    if (getter) {
      replacement.get = mocked;
      replacement.set = descriptor.set;
    } else if (setter) {
      replacement.get = descriptor.get;
      replacement.set = mocked;
    } else {
      replacement.writable = descriptor.writable;
      replacement.value = mocked;
    }
    ObjectDefineProperty(object, methodName, replacement);
    ArrayPrototypePush(this.#mocks, ctx);
    return mocked;
  }

  /* getter(object, name[, implementation][, options]): method() with
   * options.getter. */
  getter(object, methodName, implementation = kDefault, options = {}) {
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = kDefault;
    }
    validateObject(options, 'options');
    if (options.getter === false) {
      throw new ERR_INVALID_ARG_VALUE('options.getter', false,
                                      'cannot be false');
    }
    return this.method(object, methodName, implementation,
                       { ...options, getter: true });
  }

  /* setter(object, name[, implementation][, options]): method() with
   * options.setter. */
  setter(object, methodName, implementation = kDefault, options = {}) {
    if (implementation !== null && typeof implementation === 'object') {
      options = implementation;
      implementation = kDefault;
    }
    validateObject(options, 'options');
    if (options.setter === false) {
      throw new ERR_INVALID_ARG_VALUE('options.setter', false,
                                      'cannot be false');
    }
    return this.method(object, methodName, implementation,
                       { ...options, setter: true });
  }

  /* The fake timers of this tracker (mock.timers), made on first use. */
  get timers() {
    if (this.#timers === undefined) {
      const { MockTimers } = require('internal/test_runner/mock_timers');
      this.#timers = new MockTimers();
    }
    return this.#timers;
  }

  /* Restores every mock and the real timers, and forgets the mocks. */
  reset() {
    this.restoreAll();
    this.#timers?.reset();
    this.#mocks = [];
  }

  /* Restores every mocked method; the mocks stay usable. */
  restoreAll() {
    for (let i = 0; i < this.#mocks.length; i++) this.#mocks[i].restore();
  }
}

const mock = new MockTracker();
const perTest = new WeakMap();

/* Restores the mocks of a test's t.mock (when the test ends). */
function resetMock(test) {
  perTest.get(test)?.reset();
}

/* The MockTracker of a test context (t.mock), made on first use. */
function getMock(test) {
  let m = perTest.get(test);
  if (m === undefined) {
    m = new MockTracker();
    perTest.set(test, m);
  }
  return m;
}

module.exports = { MockTracker, mock, getMock, resetMock };
