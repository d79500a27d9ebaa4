'use strict';
/* mock_timers.js (test_runner) - mock.timers (MockTimers): replaces
 * setTimeout, setInterval and setImmediate (global, node:timers and
 * node:timers/promises) with fakes driven by tick() and runAll(). */

const {
  ArrayPrototypeIncludes,
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  ArrayPrototypeSplice,
  DateNow,
  FunctionPrototypeApply,
  MathMax,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  Promise,
  PromiseReject,
  PromiseResolve,
  SymbolAsyncIterator,
  SymbolFor,
  SymbolToPrimitive,
} = primordials;

const {
  AbortError,
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_STATE,
  },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateArray,
  validateNumber,
} = require('internal/validators');

const kSupported = ['setInterval', 'setTimeout', 'setImmediate'];
const kDispose = SymbolFor('nodejs.dispose');

function abortError(signal) {
  return new AbortError(undefined, { __proto__: null, cause: signal?.reason });
}

/* A fake timer handle, as setTimeout() would return. */
class MockTimer {
  constructor(id, owner) {
    this.id = id;
    this.owner = owner;
    this.hasRefed = true;
  }

  ref() {
    this.hasRefed = true;
    return this;
  }

  unref() {
    this.hasRefed = false;
    return this;
  }

  hasRef() {
    return this.hasRefed;
  }

  refresh() {
    this.runAt = this.owner.now + this.timeout;
    return this;
  }

  [SymbolToPrimitive]() {
    return this.id;
  }
}

class MockTimers {
  #enabled = null;
  #queue = [];
  #nextId = 1;
  #saved = [];
  now = DateNow();

  #add(callback, timeout, args, isInterval, isImmediate) {
    const timer = new MockTimer(this.#nextId++, this);
    timer.callback = callback;
    timer.args = args;
    timer.timeout = isImmediate ? 0 : MathMax(timeout >= 1 ? timeout : 1, 1);
    if (!(timeout >= 1) && !isImmediate) timer.timeout = 1;
    timer.isInterval = isInterval;
    timer.isImmediate = isImmediate;
    timer.runAt = isImmediate ? -Infinity : this.now + timer.timeout;
    ArrayPrototypePush(this.#queue, timer);
    return timer;
  }

  #clear(timer) {
    for (let i = 0; i < this.#queue.length; i++) {
      const t = this.#queue[i];
      if (t === timer || (typeof timer === 'number' && t.id === timer)) {
        ArrayPrototypeSplice(this.#queue, i, 1);
        return;
      }
    }
  }

  /* The next timer due at or before `time`, immediates first. */
  #nextDue(time) {
    let best = null;
    for (let i = 0; i < this.#queue.length; i++) {
      const t = this.#queue[i];
      if (t.runAt > time) continue;
      if (best === null || t.runAt < best.runAt) best = t;
    }
    return best;
  }

  #fire(timer) {
    if (timer.isInterval) {
      timer.runAt += timer.timeout;
    } else {
      this.#clear(timer);
    }
    FunctionPrototypeApply(timer.callback, undefined, timer.args);
  }

  #fakes() {
    const self = this;
    const setTimeout = function setTimeout(callback, delay, ...args) {
      return self.#add(callback, delay, args, false, false);
    };
    const setInterval = function setInterval(callback, delay, ...args) {
      return self.#add(callback, delay, args, true, false);
    };
    const setImmediate = function setImmediate(callback, ...args) {
      return self.#add(callback, 0, args, false, true);
    };
    const clear = (timer) => self.#clear(timer);
    /* timers/promises' setTimeout/setImmediate on the mocked clock. */
    const promiseTimer = (delay, value, options, isImmediate) => {
      const signal = options?.signal;
      try {
        if (signal !== undefined) validateAbortSignal(signal, 'options.signal');
      } catch (err) {
        return PromiseReject(err);
      }
      if (signal?.aborted) return PromiseReject(abortError(signal));
      return new Promise((resolve, reject) => {
        let timer;
        const onAbort = () => {
          self.#clear(timer);
          reject(abortError(signal));
        };
        timer = self.#add(() => {
          signal?.removeEventListener('abort', onAbort);
          resolve(value);
        }, delay, [], false, isImmediate);
        signal?.addEventListener('abort', onAbort, { once: true });
      });
    };
    const promisesSetTimeout = function setTimeout(delay, value, options) {
      return promiseTimer(delay, value, options, false);
    };
    const promisesSetImmediate = function setImmediate(value, options) {
      return promiseTimer(0, value, options, true);
    };
    const promisesSetInterval = function setInterval(delay, value, options) {
      const signal = options?.signal;
      if (signal !== undefined) validateAbortSignal(signal, 'options.signal');
      const fired = [];
      const waiting = [];
      let done = false;
      let timer = null;
      const onAbort = () => {
        if (timer !== null) self.#clear(timer);
        timer = null;
        while (waiting.length > 0) {
          ArrayPrototypeSplice(waiting, 0, 1)[0].reject(abortError(signal));
        }
      };
      if (!signal?.aborted) {
        // As in Node 18, `value` is a start time: each tick yields it
        // advanced by `delay` (not the mocked clock).
        timer = self.#add(() => {
          value += delay;
          if (waiting.length > 0) {
            ArrayPrototypeSplice(waiting, 0, 1)[0].resolve(
              { value, done: false });
          } else {
            ArrayPrototypePush(fired, value);
          }
        }, delay, [], true, false);
        signal?.addEventListener('abort', onAbort, { once: true });
      }
      const iterator = {
        __proto__: null,
        next() {
          if (done) return PromiseResolve({ value: undefined, done: true });
          if (fired.length > 0) {
            return PromiseResolve({ value: ArrayPrototypeSplice(fired, 0, 1)[0],
                                    done: false });
          }
          if (signal?.aborted) return PromiseReject(abortError(signal));
          return new Promise((resolve, reject) => {
            ArrayPrototypePush(waiting, { __proto__: null, resolve, reject });
          });
        },
        return() {
          done = true;
          if (timer !== null) self.#clear(timer);
          timer = null;
          signal?.removeEventListener('abort', onAbort);
          return PromiseResolve({ value: undefined, done: true });
        },
        [SymbolAsyncIterator]() {
          return this;
        },
      };
      return iterator;
    };
    return {
      __proto__: null,
      setTimeout, setInterval, setImmediate,
      clearTimeout: clear, clearInterval: clear, clearImmediate: clear,
      promisesSetTimeout, promisesSetImmediate, promisesSetInterval,
    };
  }

  #replace(object, name, value) {
    const descriptor = ObjectGetOwnPropertyDescriptor(object, name);
    ArrayPrototypePush(this.#saved, { __proto__: null, object, name,
                                      descriptor });
    ObjectDefineProperty(object, name, {
      __proto__: null, value, writable: true, enumerable: true,
      configurable: true,
    });
  }

  /* enable([timers]): fakes the given APIs (all by default). */
  enable(timers = kSupported) {
    if (this.#enabled !== null) {
      throw new ERR_INVALID_STATE('MockTimers is already enabled!');
    }
    require('internal/util').emitExperimentalWarning('The MockTimers API');
    validateArray(timers, 'timers');
    for (let i = 0; i < timers.length; i++) {
      if (!ArrayPrototypeIncludes(kSupported, timers[i])) {
        throw new ERR_INVALID_ARG_VALUE(
          'timers', timers[i],
          `option ${timers[i]} is not supported. These are the supported ` +
          `timers: ${ArrayPrototypeJoin(kSupported, ', ')}`);
      }
    }
    this.#enabled = timers;
    this.now = DateNow();
    const fakes = this.#fakes();
    const nodeTimers = require('timers');
    const nodeTimersPromises = require('timers/promises');
    for (const api of timers) {
      const clear = `clear${api.slice(3)}`;
      this.#replace(globalThis, api, fakes[api]);
      this.#replace(globalThis, clear, fakes[clear]);
      this.#replace(nodeTimers, api, fakes[api]);
      this.#replace(nodeTimers, clear, fakes[clear]);
      this.#replace(nodeTimersPromises, api, fakes[`promises${
        api.slice(0, 1).toUpperCase()}${api.slice(1)}`]);
    }
  }

  /* tick([ms]): advances the fake clock, running the timers due. */
  tick(time = 1) {
    if (this.#enabled === null) {
      throw new ERR_INVALID_STATE(
        'You should enable MockTimers first by calling the .enable function');
    }
    validateNumber(time, 'time');
    if (time < 0) {
      throw new ERR_INVALID_ARG_VALUE('time', 'positive integer', time);
    }
    const target = this.now + time;
    let timer;
    while ((timer = this.#nextDue(target)) !== null) {
      if (timer.runAt > this.now) this.now = timer.runAt;
      this.#fire(timer);
    }
    this.now = target;
  }

  /* Runs every pending timer (each interval once). */
  runAll() {
    if (this.#enabled === null) {
      throw new ERR_INVALID_STATE(
        'You should enable MockTimers first by calling the .enable function');
    }
    let last = this.now;
    for (let i = 0; i < this.#queue.length; i++) {
      if (this.#queue[i].runAt > last) last = this.#queue[i].runAt;
    }
    this.tick(last - this.now);
  }

  /* Puts the real timers back and drops the fake ones. */
  reset() {
    for (let i = this.#saved.length - 1; i >= 0; i--) {
      const { object, name, descriptor } = this.#saved[i];
      if (descriptor === undefined) {
        delete object[name];
      } else {
        ObjectDefineProperty(object, name, descriptor);
      }
    }
    this.#saved = [];
    this.#queue = [];
    this.#enabled = null;
  }

  [kDispose]() {
    this.reset();
  }
}

module.exports = { MockTimers };
