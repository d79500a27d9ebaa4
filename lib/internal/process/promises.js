'use strict';
/* promises.js - unhandled promise rejections: tracks rejections V8 reports,
 * emits 'unhandledRejection'/'rejectionHandled', and applies the
 * --unhandled-rejections mode (throw by default, as Node 18). */

const {
  ArrayPrototypePush,
  ArrayPrototypeShift,
  Error,
  ObjectDefineProperty,
  SafeWeakMap,
} = primordials;

const { triggerUncaughtException } = internalBinding('errors');
const { setPromiseRejectCallback } = internalBinding('process_methods');
const { getOptionValue } = require('internal/options');
const {
  setHasRejectionToWarn,
  hasRejectionToWarn,
} = require('internal/process/task_queues');

const kPromiseRejectWithNoHandler = 0;
const kPromiseHandlerAddedAfterReject = 1;
const kPromiseRejectAfterResolved = 2;
const kPromiseResolveAfterResolved = 3;

const kIgnoreUnhandledRejections = 0;
const kWarnWithErrorCodeUnhandledRejections = 1;
const kWarnUnhandledRejections = 2;
const kStrictUnhandledRejections = 3;
const kThrowUnhandledRejections = 4;

const maybeUnhandledPromises = new SafeWeakMap();
const pendingUnhandledRejections = [];
const asyncHandledRejections = [];
let lastPromiseId = 0;
let unhandledRejectionsMode;

function getUnhandledRejectionsMode() {
  switch (getOptionValue('--unhandled-rejections')) {
    case 'none': return kIgnoreUnhandledRejections;
    case 'warn': return kWarnUnhandledRejections;
    case 'strict': return kStrictUnhandledRejections;
    case 'throw': return kThrowUnhandledRejections;
    case 'warn-with-error-code': return kWarnWithErrorCodeUnhandledRejections;
    default: return kThrowUnhandledRejections;
  }
}

function promiseRejectHandler(type, promise, reason) {
  unhandledRejectionsMode ??= getUnhandledRejectionsMode();
  switch (type) {
    case kPromiseRejectWithNoHandler:
      unhandledRejection(promise, reason);
      break;
    case kPromiseHandlerAddedAfterReject:
      handledRejection(promise);
      break;
    case kPromiseRejectAfterResolved:
      resolveError('reject', promise, reason);
      break;
    case kPromiseResolveAfterResolved:
      resolveError('resolve', promise, reason);
      break;
  }
}

function resolveError(type, promise, reason) {
  /* Node emits 'multipleResolves' (deprecated) on the next tick. */
  process.nextTick(() => {
    process.emit('multipleResolves', type, promise, reason);
  });
}

function unhandledRejection(promise, reason) {
  maybeUnhandledPromises.set(promise, {
    reason,
    uid: ++lastPromiseId,
    warned: false,
  });
  ArrayPrototypePush(pendingUnhandledRejections, promise);
  setHasRejectionToWarn(true);
}

function handledRejection(promise) {
  const promiseInfo = maybeUnhandledPromises.get(promise);
  if (promiseInfo !== undefined) {
    maybeUnhandledPromises.delete(promise);
    if (promiseInfo.warned) {
      const { uid } = promiseInfo;
      const warning = new Error('Promise rejection was handled ' +
                                `asynchronously (rejection id: ${uid})`);
      warning.name = 'PromiseRejectionHandledWarning';
      warning.id = uid;
      ArrayPrototypePush(asyncHandledRejections, { promise, warning });
      setHasRejectionToWarn(true);
    }
  }
}

const unhandledRejectionErrName = 'UnhandledPromiseRejectionWarning';

function emitUnhandledRejectionWarning(uid, reason) {
  const warning = getErrorWithoutStack(
    unhandledRejectionErrName,
    'Unhandled promise rejection. This error originated either by ' +
      'throwing inside of an async function without a catch block, ' +
      'or by rejecting a promise which was not handled with .catch(). ' +
      'To terminate the node process on unhandled promise ' +
      'rejection, use the CLI flag `--unhandled-rejections=strict` (see ' +
      'https://nodejs.org/api/cli.html#cli_unhandled_rejections_mode). ' +
      `(rejection id: ${uid})`,
  );
  try {
    if (isErrorLike(reason)) {
      warning.stack = reason.stack;
      process.emitWarning(reason.stack, unhandledRejectionErrName);
    } else {
      process.emitWarning(noSideEffectsToString(reason),
                          unhandledRejectionErrName);
    }
  } catch {
    try {
      process.emitWarning(noSideEffectsToString(reason),
                          unhandledRejectionErrName);
    } catch {
      /* Ignore. */
    }
  }
  process.emitWarning(warning);
}

function isErrorLike(o) {
  return typeof o === 'object' && o !== null &&
    typeof o.stack === 'string';
}

function noSideEffectsToString(value) {
  const { inspect } = require('internal/util/inspect');
  return inspect(value);
}

function getErrorWithoutStack(name, message) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  const err = new Error(message);
  Error.stackTraceLimit = limit;
  ObjectDefineProperty(err, 'name', {
    __proto__: null,
    value: name,
    enumerable: false,
    writable: true,
    configurable: true,
  });
  return err;
}

/* The error thrown for a rejection whose reason is not an Error. */
/* A short description without running user code, like V8's
 * NoSideEffectsToString: strings as they are, objects as #<Name>. */
function describeReason(reason) {
  if (typeof reason === 'string') return reason;
  if (reason === null || (typeof reason !== 'object' &&
                          typeof reason !== 'function')) {
    return typeof reason === 'symbol' ? reason.toString() : `${reason}`;
  }
  if (typeof reason === 'function') return noSideEffectsToString(reason);
  const { isNativeError } = require('internal/util/types');
  if (isNativeError(reason)) return `${reason.name}: ${reason.message}`;
  const proto = Object.getPrototypeOf(reason);
  const name = proto?.constructor?.name;
  return `#<${typeof name === 'string' && name ? name : 'Object'}>`;
}

function generateUnhandledRejectionError(reason) {
  const message = 'This error originated either by ' +
    'throwing inside of an async function without a catch block, ' +
    'or by rejecting a promise which was not handled with .catch().' +
    ' The promise rejected with the reason ' +
    `"${describeReason(reason)}".`;
  const err = getErrorWithoutStack('UnhandledPromiseRejection', message);
  err.code = 'ERR_UNHANDLED_REJECTION';
  return err;
}

/* Processes rejections recorded since the last call. Returns true when it
 * may have scheduled more ticks or microtasks. */
function processPromiseRejections() {
  let maybeScheduledTicksOrMicrotasks = asyncHandledRejections.length > 0;

  while (asyncHandledRejections.length > 0) {
    const { promise, warning } = ArrayPrototypeShift(asyncHandledRejections);
    if (!process.emit('rejectionHandled', promise)) {
      process.emitWarning(warning);
    }
  }

  let len = pendingUnhandledRejections.length;
  while (len--) {
    const promise = ArrayPrototypeShift(pendingUnhandledRejections);
    const promiseInfo = maybeUnhandledPromises.get(promise);
    if (promiseInfo === undefined) continue;
    promiseInfo.warned = true;
    const { reason, uid } = promiseInfo;
    let needPop = true;
    switch (unhandledRejectionsMode) {
      case kStrictUnhandledRejections: {
        const err = isErrorLike(reason) ?
          reason : generateUnhandledRejectionError(reason);
        triggerUncaughtException(err, true);
        const handled = process.emit('unhandledRejection', reason, promise);
        if (!handled) emitUnhandledRejectionWarning(uid, reason);
        break;
      }
      case kIgnoreUnhandledRejections:
        process.emit('unhandledRejection', reason, promise);
        break;
      case kWarnUnhandledRejections: {
        const handled = process.emit('unhandledRejection', reason, promise);
        if (!handled) emitUnhandledRejectionWarning(uid, reason);
        break;
      }
      case kWarnWithErrorCodeUnhandledRejections: {
        const handled = process.emit('unhandledRejection', reason, promise);
        if (!handled) {
          emitUnhandledRejectionWarning(uid, reason);
          process.exitCode = 1;
        }
        break;
      }
      default: {
        const handled = process.emit('unhandledRejection', reason, promise);
        if (!handled) {
          const err = isErrorLike(reason) ?
            reason : generateUnhandledRejectionError(reason);
          needPop = false;
          triggerUncaughtException(err, true);
        }
        break;
      }
    }
    void needPop;
    maybeScheduledTicksOrMicrotasks = true;
  }
  return maybeScheduledTicksOrMicrotasks ||
         pendingUnhandledRejections.length !== 0;
}

/* Installs the V8 rejection tracker. */
function listenForRejections() {
  setPromiseRejectCallback(promiseRejectHandler);
}

module.exports = {
  hasRejectionToWarn,
  setHasRejectionToWarn,
  listenForRejections,
  processPromiseRejections,
};
