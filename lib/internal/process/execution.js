'use strict';
/* execution.js - what happens to an exception nobody caught: the
 * 'uncaughtExceptionMonitor'/'uncaughtException' events, the capture
 * callback, and otherwise the fatal report ('exit', then the error printed
 * with its source arrow, then the exit code). */

const { writeString } = internalBinding('fs');

let captureCallback = null;
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
    if (hasArrow) out += arrow;
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

/* Called by C for every uncaught exception. Returns undefined when it was
 * handled, or the exit code when it was fatal. */
function onGlobalUncaughtException(er, arrow, fromPromise) {
  const type = fromPromise ? 'unhandledRejection' : 'uncaughtException';
  /* --abort-on-uncaught-exception: abort unless a capture callback takes it
   * (V8 would abort at the throw; listeners are not consulted). */
  if (captureCallback === null &&
      require('internal/options')
        .getOptionValue('--abort-on-uncaught-exception')) {
    printFatal(er, arrow);
    process.abort();
  }
  process.emit('uncaughtExceptionMonitor', er, type);
  if (captureCallback !== null) {
    captureCallback(er);
    return undefined;
  }
  if (process.emit('uncaughtException', er, type)) return undefined;
  try {
    if (!process._exiting) {
      process._exiting = true;
      process.exitCode = 1;
      process.emit('exit', 1);
    }
  } catch {
    /* an 'exit' listener threw: report the original error anyway */
  }
  printFatal(er, arrow);
  const code = process.exitCode;
  const n = +code;
  return code !== undefined && code !== null && (n | 0) === n ? n : 1;
}

module.exports = {
  onGlobalUncaughtException,
  setUncaughtExceptionCaptureCallback,
  hasUncaughtExceptionCaptureCallback,
  printFatal,
  kEnhanceStackBeforeInspector,
};
