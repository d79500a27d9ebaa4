// calltracker.js - assert.CallTracker: checks functions run N times.
'use strict';

const {
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  Error,
  FunctionPrototype,
  ObjectFreeze,
  Proxy,
  ReflectApply,
  SafeSet,
  SafeWeakMap,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_UNAVAILABLE_DURING_EXIT,
  },
} = require('internal/errors');
const { validateUint32 } = require('internal/validators');
const AssertionError = require('internal/assert/assertion_error');

const noop = FunctionPrototype;

/* The record of one tracked function: its expected count and its calls. */
class TrackedCalls {
  #expected;
  #calls;
  #name;
  #stackTrace;

  constructor(expected, name, stackTrace) {
    this.#calls = [];
    this.#expected = expected;
    this.#name = name;
    this.#stackTrace = stackTrace;
  }

  track(thisArg, args) {
    const argsCopy = ObjectFreeze(ArrayPrototypeSlice(args));
    ArrayPrototypePush(this.#calls,
                       ObjectFreeze({ thisArg, arguments: argsCopy }));
  }

  get delta() {
    return this.#calls.length - this.#expected;
  }

  reset() {
    this.#calls = [];
  }

  getCalls() {
    return ObjectFreeze(ArrayPrototypeSlice(this.#calls));
  }

  /* An error record when the count is off, else undefined. */
  report() {
    if (this.delta === 0) return undefined;
    const count = this.#calls.length;
    return {
      message: `Expected the ${this.#name} function to be executed ` +
        `${this.#expected} time(s) but was executed ${count} time(s).`,
      actual: count,
      expected: this.#expected,
      operator: this.#name,
      stack: this.#stackTrace,
    };
  }
}

class CallTracker {
  #records = new SafeSet();
  #byFunction = new SafeWeakMap();

  #recordOf(tracked) {
    if (!this.#byFunction.has(tracked)) {
      throw new ERR_INVALID_ARG_VALUE('tracked', tracked,
                                      'is not a tracked function');
    }
    return this.#byFunction.get(tracked);
  }

  /* reset([tracked]): forgets the calls of one or all tracked functions. */
  reset(tracked) {
    if (tracked === undefined) {
      for (const record of this.#records) record.reset();
      return;
    }
    this.#recordOf(tracked).reset();
  }

  /* getCalls(tracked) -> frozen [{ thisArg, arguments }]. */
  getCalls(tracked) {
    return this.#recordOf(tracked).getCalls();
  }

  /* calls([fn][, exact = 1]) -> a wrapper of fn that counts its calls. */
  calls(fn, expected = 1) {
    if (process._exiting) throw new ERR_UNAVAILABLE_DURING_EXIT();
    if (typeof fn === 'number') {
      expected = fn;
      fn = noop;
    } else if (fn === undefined) {
      fn = noop;
    }
    validateUint32(expected, 'expected', true);
    const record = new TrackedCalls(expected, fn.name || 'calls',
                                    new Error());
    const tracked = new Proxy(fn, {
      __proto__: null,
      apply(target, thisArg, args) {
        record.track(thisArg, args);
        return ReflectApply(target, thisArg, args);
      },
    });
    this.#records.add(record);
    this.#byFunction.set(tracked, record);
    return tracked;
  }

  /* report() -> records of the functions not called the expected number
   * of times: { message, actual, expected, operator, stack }. */
  report() {
    const errors = [];
    for (const record of this.#records) {
      const error = record.report();
      if (error !== undefined) ArrayPrototypePush(errors, error);
    }
    return errors;
  }

  /* verify(): throws an AssertionError when report() is not empty. */
  verify() {
    const errors = this.report();
    if (errors.length === 0) return;
    const message = errors.length === 1 ?
      errors[0].message :
      'Functions were not called the expected number of times';
    throw new AssertionError({ message, details: errors });
  }
}

module.exports = CallTracker;
