'use strict';
/* execution.js - what happens to an exception nobody caught: the
 * 'uncaughtExceptionMonitor'/'uncaughtException' events, the capture
 * callback, and otherwise the fatal report ('exit', then the error printed
 * with its source arrow, then the exit code). */

const { writeString } = internalBinding('fs');

let captureCallback = null;
// In a worker: sends a fatal exception to the parent instead of printing.
let workerFatalHandler = null;
const { kEnhanceStackBeforeInspector } = require('internal/errors');

/* process.setUncaughtExceptionCaptureCallback(fn | null) */
function setUncaughtExceptionCaptureCallback(fn) {
  if (fn === null) {
    captureCallback = null;
    return;
  }
  if (typeof fn !== 'function') {
    const { codes } = require('internal/errors');
    throw new codes.ERR_INVALID_ARG_TYPE('fn', ['Function', 'null'], fn);
  }
  if (captureCallback !== null) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_UNCAUGHT_EXCEPTION_CAPTURE_ALREADY_SET();
  }
  captureCallback = fn;
}

function hasUncaughtExceptionCaptureCallback() {
  return captureCallback !== null;
}

function safeInspect(value) {
  try {
    const { inspect } = require('internal/util/inspect');
    return inspect(value, { colors: false, customInspect: false, depth: 5 });
  } catch {
    try {
      return String(value);
    } catch {
      return '[unprintable value]';
    }
  }
}

/* Prints the fatal report Node prints for an uncaught exception. */
function printFatal(er, arrow) {
  let out = '';
  const hasArrow = typeof arrow === 'string';
  if (er !== null && typeof er === 'object') {
    if (typeof er[kEnhanceStackBeforeInspector] === 'function') {
      try {
        er[kEnhanceStackBeforeInspector]();
      } catch {
        /* keep the plain stack */
      }
    }
    if (hasArrow) out += arrow + '\n';
    out += safeInspect(er);
  } else {
    /* A primitive: Node puts a blank line before its arrow. */
    if (hasArrow) out += '\n' + arrow;
    out += (typeof er === 'symbol' ? safeInspect(er) : String(er)) +
      '\n(Use `node --trace-uncaught ...` to show where the exception ' +
      'was thrown)';
  }
  out += '\n\nNode.js ' + process.version + '\n';
  try {
    writeString(2, out);
  } catch {
    /* stderr is gone: nothing more to do */
  }
}

/* The monitor event, then the capture callback or the
 * 'uncaughtException' listeners. Returns whether the error was handled. */
function emitUncaught(er, type) {
  process.emit('uncaughtExceptionMonitor', er, type);
  if (captureCallback !== null) {
    captureCallback(er);
    return true;
  }
  return process.emit('uncaughtException', er, type);
}

/* Called by C for every uncaught exception. Returns undefined when it was
 * handled, or the exit code when it was fatal. */
function onGlobalUncaughtException(er, arrow, fromPromise) {
  const type = fromPromise ? 'unhandledRejection' : 'uncaughtException';
  /* process._fatalException replaced by something that is not a function:
   * Node reports the error and exits with 6. */
  if (typeof process._fatalException !== 'function') {
    printFatal(er, arrow);
    return 6;
  }
  /* --abort-on-uncaught-exception: abort unless a capture callback takes it
   * (V8 would abort at the throw; listeners are not consulted). Workers
   * are exempt. */
  if (captureCallback === null && workerFatalHandler === null &&
      require('internal/options')
        .getOptionValue('--abort-on-uncaught-exception')) {
    printFatal(er, arrow);
    process.abort();
  }
  if (workerFatalHandler !== null) {
    /* In a worker, a throwing handler ends the worker with its error. */
    try {
      if (emitUncaught(er, type)) return undefined;
    } catch (err) {
      workerFatalHandler(err);
      return 1;
    }
  } else if (emitUncaught(er, type)) {
    return undefined;
  }
  try {
    if (!process._exiting) {
      process._exiting = true;
      process.exitCode = 1;
      process.emit('exit', 1);
    }
  } catch {
    /* an 'exit' listener threw: report the original error anyway */
  }
  if (workerFatalHandler !== null) {
    workerFatalHandler(er, arrow);
  } else {
    printFatal(er, arrow);
  }
  const code = process.exitCode;
  const n = +code;
  return code !== undefined && code !== null && (n | 0) === n ? n : 1;
}

/* process._fatalException(err[, fromPromise]) -> whether a handler took
 * the exception (otherwise it was reported as fatal). */
function fatalException(er, fromPromise) {
  return onGlobalUncaughtException(er, undefined, !!fromPromise) ===
    undefined;
}

/* setWorkerFatalHandler(fn): in a worker, fn(err) reports an uncaught
 * exception to the parent (see internal/main/worker_thread). */
function setWorkerFatalHandler(fn) {
  workerFatalHandler = fn;
}

module.exports = {
  onGlobalUncaughtException,
  fatalException,
  setWorkerFatalHandler,
  setUncaughtExceptionCaptureCallback,
  hasUncaughtExceptionCaptureCallback,
  printFatal,
  kEnhanceStackBeforeInspector,
};
