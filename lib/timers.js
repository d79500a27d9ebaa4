'use strict';
/* timers.js - the public timers module: setTimeout, setInterval,
 * setImmediate, their clear* functions, and the legacy enroll API. */

const {
  MathTrunc,
  ObjectDefineProperty,
} = primordials;

const {
  Timeout,
  Immediate,
  insert,
  unenroll,
  knownTimersById,
  immediateQueue,
  immediateInfo,
  immediateInfoFields: { kCount, kRefCount },
  kRefed,
  toggleImmediateRef,
  active,
  unrefActive,
  getTimerDuration,
  async_id_symbol,
} = require('internal/timers');
const { deprecate } = require('internal/util');
/* async_hooks: cleared immediates are destroyed. */
const {
  destroyHooksExist,
  emitDestroy,
} = require('internal/async_hooks');

let validateFunction;
function checkCallback(callback) {
  validateFunction ??= require('internal/validators').validateFunction;
  validateFunction(callback, 'callback');
}

function argsFrom(argv, start) {
  if (argv.length <= start) return undefined;
  const args = [];
  for (let i = start; i < argv.length; i++) args.push(argv[i]);
  return args;
}

/* setTimeout(callback[, delay[, ...args]]) -> Timeout */
function setTimeout(callback, after, arg1, arg2, arg3) {
  checkCallback(callback);
  let args;
  switch (arguments.length) {
    case 0:
    case 1:
    case 2:
      break;
    case 3: args = [arg1]; break;
    case 4: args = [arg1, arg2]; break;
    default: args = argsFrom(arguments, 2);
  }
  const timeout = new Timeout(callback, after, args, false, true);
  insert(timeout, timeout._idleTimeout);
  return timeout;
}

ObjectDefineProperty(setTimeout, Symbol.for('nodejs.util.promisify.custom'), {
  __proto__: null,
  enumerable: true,
  get() {
    return require('timers/promises').setTimeout;
  },
});

function clearTimeout(timer) {
  if (timer && timer._onTimeout) {
    timer._onTimeout = null;
    unenroll(timer);
    return;
  }
  if (typeof timer === 'number' || typeof timer === 'string') {
    const timerInstance = knownTimersById[timer];
    if (timerInstance !== undefined) {
      timerInstance._idleTimeout = -1;
      unenroll(timerInstance);
    }
  }
}

/* setInterval(callback[, delay[, ...args]]) -> Timeout */
function setInterval(callback, repeat, arg1, arg2, arg3) {
  checkCallback(callback);
  let args;
  switch (arguments.length) {
    case 0:
    case 1:
    case 2:
      break;
    case 3: args = [arg1]; break;
    case 4: args = [arg1, arg2]; break;
    default: args = argsFrom(arguments, 2);
  }
  const timeout = new Timeout(callback, repeat, args, true, true);
  insert(timeout, timeout._idleTimeout);
  return timeout;
}

function clearInterval(timer) {
  /* clearTimeout and clearInterval can clear either kind. */
  clearTimeout(timer);
}

Timeout.prototype.close = function() {
  clearTimeout(this);
  return this;
};

Timeout.prototype[Symbol.for('nodejs.dispose')] = function() {
  clearTimeout(this);
};

/* setImmediate(callback[, ...args]) -> Immediate */
function setImmediate(callback, arg1, arg2, arg3) {
  checkCallback(callback);
  let args;
  switch (arguments.length) {
    case 0:
    case 1:
      break;
    case 2: args = [arg1]; break;
    case 3: args = [arg1, arg2]; break;
    default: args = argsFrom(arguments, 1);
  }
  return new Immediate(callback, args);
}

ObjectDefineProperty(setImmediate, Symbol.for('nodejs.util.promisify.custom'),
                     {
                       __proto__: null,
                       enumerable: true,
                       get() {
                         return require('timers/promises').setImmediate;
                       },
                     });

function clearImmediate(immediate) {
  if (!immediate || immediate._destroyed) return;
  const info = immediateInfo();
  info[kCount]--;
  immediate._destroyed = true;
  if (immediate[kRefed] && --info[kRefCount] === 0) toggleImmediateRef(false);
  immediate[kRefed] = null;
  if (destroyHooksExist() && immediate[async_id_symbol] !== undefined) {
    emitDestroy(immediate[async_id_symbol]);
  }
  immediate._onImmediate = null;
  immediateQueue.remove(immediate);
}

Immediate.prototype[Symbol.for('nodejs.dispose')] = function() {
  clearImmediate(this);
};

/* Legacy (deprecated) enroll API. */
function unenrollLegacy(item) {
  if (item._idleTimeout === undefined) return;
  unenroll(item);
}

function enroll(item, msecs) {
  msecs = getTimerDuration(msecs, 'msecs');
  if (item._idleTimeout !== undefined && item._idleTimeout !== -1)
    unenroll(item);
  item._idleTimeout = MathTrunc(msecs);
  item._destroyed = false;
}

module.exports = {
  setTimeout,
  clearTimeout,
  setImmediate,
  clearImmediate,
  setInterval,
  clearInterval,
  _unrefActive: deprecate(unrefActive,
                          'timers._unrefActive() is deprecated.' +
                          ' Please use timeout.refresh() instead.', 'DEP0127'),
  active: deprecate(active,
                    'timers.active() is deprecated. ' +
                    'Please use timeout.refresh() instead.', 'DEP0126'),
  unenroll: deprecate(unenrollLegacy,
                      'timers.unenroll() is deprecated. ' +
                      'Please use clearTimeout instead.', 'DEP0096'),
  enroll: deprecate(enroll,
                    'timers.enroll() is deprecated. ' +
                    'Please use setTimeout instead.', 'DEP0095'),
};
