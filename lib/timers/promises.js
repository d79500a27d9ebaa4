'use strict';
/* timers/promises.js - promise versions of the timers: setTimeout,
 * setImmediate, the setInterval async iterator, and scheduler.wait/yield;
 * each honours { signal, ref }. */

const {
  Promise,
  PromiseReject,
} = primordials;

const {
  Timeout,
  Immediate,
  insert,
} = require('internal/timers');
const { clearTimeout, clearImmediate, clearInterval } = require('timers');
const { AbortError, codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_INVALID_THIS } } =
  require('internal/errors');
const {
  validateAbortSignal,
  validateBoolean,
  validateObject,
} = require('internal/validators');

const kScheduler = Symbol('kScheduler');

function cancelListenerHandler(clear, reject, signal) {
  if (!this._destroyed) {
    clear(this);
    reject(new AbortError(undefined, { cause: signal?.reason }));
  }
}

/* Validates the shared { signal, ref } options. Returns an error to reject
 * with, or undefined. */
function checkOptions(options) {
  try {
    validateObject(options, 'options');
    const { signal, ref = true } = options;
    if (signal !== undefined) validateAbortSignal(signal, 'options.signal');
    validateBoolean(ref, 'options.ref');
  } catch (err) {
    return err;
  }
}

/* setTimeout(delay, value, { signal, ref }) -> Promise<value> */
function setTimeout(after, value, options = {}) {
  const err = checkOptions(options);
  if (err) return PromiseReject(err);
  const { signal, ref = true } = options;
  if (signal?.aborted) {
    return PromiseReject(new AbortError(undefined, { cause: signal.reason }));
  }
  let oncancel;
  const ret = new Promise((resolve, reject) => {
    const timeout = new Timeout(resolve, after, [value], false, ref);
    insert(timeout, timeout._idleTimeout);
    if (signal) {
      oncancel = cancelListenerHandler.bind(timeout, clearTimeout, reject,
                                            signal);
      signal.addEventListener('abort', oncancel, { once: true });
    }
  });
  return oncancel !== undefined ?
    ret.finally(() => signal.removeEventListener('abort', oncancel)) : ret;
}

/* setImmediate(value, { signal, ref }) -> Promise<value> */
function setImmediate(value, options = {}) {
  const err = checkOptions(options);
  if (err) return PromiseReject(err);
  const { signal, ref = true } = options;
  if (signal?.aborted) {
    return PromiseReject(new AbortError(undefined, { cause: signal.reason }));
  }
  let oncancel;
  const ret = new Promise((resolve, reject) => {
    const immediate = new Immediate(resolve, [value]);
    if (!ref) immediate.unref();
    if (signal) {
      oncancel = cancelListenerHandler.bind(immediate, clearImmediate, reject,
                                            signal);
      signal.addEventListener('abort', oncancel, { once: true });
    }
  });
  return oncancel !== undefined ?
    ret.finally(() => signal.removeEventListener('abort', oncancel)) : ret;
}

/* setInterval(delay, value, { signal, ref }) -> async iterator yielding
 * `value` once per tick of the interval (missed ticks are not queued
 * beyond one notification each). */
async function* setInterval(after, value, options = {}) {
  validateObject(options, 'options');
  const { signal, ref = true } = options;
  validateAbortSignal(signal, 'options.signal');
  validateBoolean(ref, 'options.ref');
  if (signal?.aborted) throw new AbortError(undefined, { cause: signal.reason });

  let onCancel;
  let interval;
  try {
    let notYielded = 0;
    let callback;
    interval = new Timeout(() => {
      notYielded++;
      if (callback) {
        callback();
        callback = undefined;
      }
    }, after, undefined, true, ref);
    insert(interval, interval._idleTimeout);
    if (signal) {
      onCancel = () => {
        clearInterval(interval);
        if (callback) {
          callback(PromiseReject(
            new AbortError(undefined, { cause: signal.reason })));
          callback = undefined;
        }
      };
      signal.addEventListener('abort', onCancel, { once: true });
    }
    while (!signal?.aborted) {
      if (notYielded === 0) {
        await new Promise((resolve) => callback = resolve);
      }
      for (; notYielded > 0; notYielded--) {
        yield value;
      }
    }
    throw new AbortError(undefined, { cause: signal?.reason });
  } finally {
    clearInterval(interval);
    signal?.removeEventListener('abort', onCancel);
  }
}

/* The experimental scheduler API: scheduler.wait(delay, { signal }) and
 * scheduler.yield(). */
class Scheduler {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  yield() {
    if (!this[kScheduler]) throw new ERR_INVALID_THIS('Scheduler');
    return setImmediate();
  }

  wait(delay, options) {
    if (!this[kScheduler]) throw new ERR_INVALID_THIS('Scheduler');
    return setTimeout(delay, undefined, { signal: options?.signal });
  }
}

const scheduler = Object.create(Scheduler.prototype, {
  [kScheduler]: { __proto__: null, value: true },
});

module.exports = {
  setTimeout,
  setImmediate,
  setInterval,
  scheduler,
};
