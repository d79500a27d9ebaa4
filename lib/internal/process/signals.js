'use strict';
/* signals.js - process.on('SIGINT') & co.: a libuv signal handle per signal
 * with listeners (unref'd: listening alone keeps nothing alive). */

const {
  FunctionPrototypeBind,
  ObjectPrototypeHasOwnProperty,
  SafeMap,
} = primordials;

const signalWraps = new SafeMap();
let signals;

function isSignal(event) {
  signals ??= internalBinding('constants').os.signals;
  return typeof event === 'string' &&
    ObjectPrototypeHasOwnProperty(signals, event);
}

function startListeningIfSignal(type) {
  if (isSignal(type) && !signalWraps.has(type)) {
    const { Signal } = internalBinding('signal_wrap');
    const wrap = new Signal();
    wrap.unref();
    wrap.onsignal = FunctionPrototypeBind(process.emit, process, type, type);
    const err = wrap.start(signals[type]);
    if (err) {
      wrap.close();
      const { errnoException } = require('internal/errors');
      throw errnoException(err, 'uv_signal_start');
    }
    signalWraps.set(type, wrap);
  }
}

function stopListeningIfSignal(type) {
  const wrap = signalWraps.get(type);
  if (wrap !== undefined && process.listenerCount(type) === 0) {
    wrap.close();
    signalWraps.delete(type);
  }
}

module.exports = { startListeningIfSignal, stopListeningIfSignal };
