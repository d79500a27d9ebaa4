'use strict';
/* mock.js (test_runner) - node:test's mock.fn() and mock.method(): spies
 * that record calls and can swap implementations, restored on reset. */

const {
  ArrayPrototypePush,
  FunctionPrototypeCall,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  ReflectApply,
  ReflectConstruct,
} = primordials;

class MockFunctionContext {
  #calls = [];
  #implementation;
  #restore;
  #onceImplementations = new Map();
  constructor(implementation, restore) {
    this.#implementation = implementation;
    this.#restore = restore;
  }
  get calls() { return [...this.#calls]; }
  callCount() { return this.#calls.length; }
  mockImplementation(fn) { this.#implementation = fn; }
  mockImplementationOnce(fn, onCall) {
    this.#onceImplementations.set(onCall ?? this.#calls.length, fn);
  }
  resetCalls() { this.#calls = []; }
  restore() { this.#restore?.(); }
  nextImplementation() {
    const once = this.#onceImplementations.get(this.#calls.length);
    if (once !== undefined) {
      this.#onceImplementations.delete(this.#calls.length);
      return once;
    }
    return this.#implementation;
  }
  record(call) { ArrayPrototypePush(this.#calls, call); }
}

class MockTracker {
  #mocks = [];

  fn(original = function() {}, implementation = original, options = {}) {
    if (typeof implementation === 'object' && implementation !== null) {
      options = implementation;
      implementation = original;
    }
    const ctx = new MockFunctionContext(implementation);
    const tracker = this;
    function mocked(...args) {
      const impl = ctx.nextImplementation();
      const call = { arguments: args, error: undefined, result: undefined,
                     stack: new Error(), target: new.target, this: this };
      try {
        call.result = new.target ? ReflectConstruct(impl, args, new.target) :
          ReflectApply(impl, this, args);
      } catch (err) {
        call.error = err;
        ctx.record(call);
        throw err;
      }
      ctx.record(call);
      return call.result;
    }
    ObjectDefineProperty(mocked, 'mock', { __proto__: null, value: ctx,
                                           enumerable: false });
    ArrayPrototypePush(tracker.#mocks, ctx);
    void options;
    return mocked;
  }

  method(object, methodName, implementation, options = {}) {
    const descriptor = ObjectGetOwnPropertyDescriptor(object, methodName);
    const original = object[methodName];
    if (typeof implementation === 'object' && implementation !== null) {
      options = implementation;
      implementation = original;
    }
    implementation ??= original;
    const mocked = this.fn(original, implementation);
    const restore = () => {
      if (descriptor) ObjectDefineProperty(object, methodName, descriptor);
      else delete object[methodName];
    };
    ObjectDefineProperty(mocked.mock, 'restore', { __proto__: null,
                                                   value: restore });
    ObjectDefineProperty(object, methodName, {
      __proto__: null, value: mocked, writable: true, configurable: true,
      enumerable: descriptor?.enumerable ?? true,
    });
    void options;
    return mocked;
  }

  reset() {
    for (const m of this.#mocks) m.restore?.();
    this.#mocks = [];
  }

  restoreAll() {
    for (const m of this.#mocks) m.restore?.();
  }
}

const mock = new MockTracker();
const perTest = new WeakMap();

function getMock(test) {
  let m = perTest.get(test);
  if (m === undefined) {
    m = new MockTracker();
    perTest.set(test, m);
  }
  return m;
}

void FunctionPrototypeCall;

module.exports = { MockTracker, mock, getMock };
