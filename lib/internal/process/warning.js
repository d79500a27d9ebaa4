'use strict';
// internal/process/warning.js - process.emitWarning() and warning printing.

// Bootstrap installs `process.emitWarning = emitWarning` and
// `process.on('warning', onWarning)`. emitWarning builds an Error-like
// warning and emits 'warning' on the next tick; onWarning prints it as
// `(node:PID) [CODE] Name: message` to stderr (or --redirect-warnings).

const {
  ArrayIsArray,
  Error,
  ErrorCaptureStackTrace,
  ErrorPrototypeToString,
  String,
} = primordials;

const {
  isErrorStackTraceLimitWritable,
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { validateString } = require('internal/validators');

let getOptionValueFn;
function option(name) {
  if (getOptionValueFn === undefined) {
    try {
      getOptionValueFn = require('internal/options').getOptionValue;
    } catch {
      getOptionValueFn = null;
    }
  }
  return getOptionValueFn ? getOptionValueFn(name) : undefined;
}

// Whether the "(Use `node --trace-warnings ...`" hint was printed already.
let traceHintShown = false;

let warningFile;
function redirectTarget() {
  if (warningFile === undefined) {
    warningFile = option('--redirect-warnings') ||
      process.env.NODE_REDIRECT_WARNINGS || null;
  }
  return warningFile;
}

/* Appends `message` to the --redirect-warnings file, falling back to
 * stderr when the file cannot be written. */
function writeToFile(file, message) {
  const fs = require('fs');
  try {
    fs.appendFileSync(file, `${message}\n`);
  } catch {
    writeOut(message);
  }
}

function writeOut(message) {
  const stderr = process.stderr;
  if (stderr && typeof stderr.write === 'function') {
    stderr.write(`${message}\n`);
  } else if (typeof process._rawDebug === 'function') {
    process._rawDebug(message);
  }
}

function printingEnabled() {
  if (option('--warnings') === false) return false;
  return process.env.NODE_NO_WARNINGS !== '1';
}

function traceAll() {
  const flag = process.traceProcessWarnings;
  return flag !== undefined ? flag : option('--trace-warnings') === true;
}

function traceDeprecations() {
  const flag = process.traceDeprecation;
  return flag !== undefined ? flag : option('--trace-deprecation') === true;
}

function describe(warning) {
  try {
    if (typeof warning.toString === 'function') return `${warning.toString()}`;
  } catch {
    // A throwing toString() falls back to the standard rendering.
  }
  return ErrorPrototypeToString(warning);
}

function programName() {
  const argv0 = process.argv0 || 'node';
  const slash = argv0.lastIndexOf('/');
  let base = slash === -1 ? argv0 : argv0.slice(slash + 1);
  if (base.endsWith('.exe')) base = base.slice(0, -4);
  return base || 'node';
}

/* The default 'warning' listener: prints `warning` unless warnings are
 * off (--no-warnings, NODE_NO_WARNINGS=1) or it is a silenced
 * deprecation. */
function onWarning(warning) {
  if (!(warning instanceof Error)) return;
  if (!printingEnabled()) return;
  const isDeprecation = warning.name === 'DeprecationWarning';
  if (isDeprecation && process.noDeprecation) return;

  const trace = traceAll() || (isDeprecation && traceDeprecations());
  const release = process.release?.name || 'node';
  let msg = `(${release}:${process.pid}) `;
  if (warning.code) msg += `[${warning.code}] `;
  if (trace && warning.stack) {
    msg += `${warning.stack}`;
  } else {
    msg += describe(warning);
  }
  if (typeof warning.detail === 'string') msg += `\n${warning.detail}`;
  if (!trace && !traceHintShown) {
    const flag = isDeprecation ? '--trace-deprecation' : '--trace-warnings';
    msg += `\n(Use \`${programName()} ${flag} ...\` to show where the ` +
           'warning was created)';
    traceHintShown = true;
  }
  const file = redirectTarget();
  if (file) {
    writeToFile(file, msg);
  } else {
    writeOut(msg);
  }
}

/* An Error named `type` (default 'Warning') with `code`/`detail`, whose
 * stack starts above `ctor` (default process.emitWarning). */
function createWarningObject(message, type, code, ctor, detail) {
  const writable = isErrorStackTraceLimitWritable();
  let limit;
  if (writable) {
    limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
  }
  // eslint-disable-next-line no-restricted-syntax
  const warning = new Error(message);
  if (writable) Error.stackTraceLimit = limit;
  warning.name = String(type || 'Warning');
  if (code !== undefined) warning.code = code;
  if (detail !== undefined) warning.detail = detail;
  ErrorCaptureStackTrace(warning, ctor || process.emitWarning);
  return warning;
}

/* Normalizes emitWarning's arguments into a warning Error (or undefined
 * when it is a deprecation silenced by process.noDeprecation). */
function buildWarning(warning, type, code, ctor) {
  let detail;
  if (type !== null && typeof type === 'object' && !ArrayIsArray(type)) {
    ctor = type.ctor;
    code = type.code;
    if (typeof type.detail === 'string') detail = type.detail;
    type = type.type || 'Warning';
  } else if (typeof type === 'function') {
    ctor = type;
    code = undefined;
    type = 'Warning';
  }
  if (type !== undefined) validateString(type, 'type');
  if (typeof code === 'function') {
    ctor = code;
    code = undefined;
  } else if (code !== undefined) {
    validateString(code, 'code');
  }

  if (typeof warning === 'string') {
    warning = createWarningObject(warning, type, code, ctor, detail);
  } else if (!(warning instanceof Error)) {
    throw new ERR_INVALID_ARG_TYPE('warning', ['Error', 'string'], warning);
  }
  if (warning.name === 'DeprecationWarning' && process.noDeprecation) {
    return undefined;
  }
  return warning;
}

function emitNow(warning) {
  process.emit('warning', warning);
}

/* process.emitWarning(warning[, type | options][, code][, ctor]):
 * `options` is { type, code, detail, ctor }. Emits 'warning' on the next
 * tick; a DeprecationWarning is dropped with process.noDeprecation and
 * thrown (next tick) with process.throwDeprecation. */
function emitWarning(warning, type, code, ctor) {
  const built = buildWarning(warning, type, code, ctor || emitWarning);
  if (built === undefined) return;
  if (built.name === 'DeprecationWarning' && process.throwDeprecation) {
    // Deferred so that warnings emitted earlier still get printed.
    process.nextTick(() => {
      throw built;
    });
    return;
  }
  process.nextTick(emitNow, built);
}

/* Like emitWarning, but emits 'warning' synchronously. */
function emitWarningSync(warning, type, code, ctor) {
  const built = buildWarning(warning, type, code, ctor || emitWarningSync);
  if (built === undefined) return;
  emitNow(built);
}

/* Forgets per-process printing state (for snapshot building). */
function resetForSerialization() {
  warningFile = undefined;
  traceHintShown = false;
}

module.exports = {
  emitWarning,
  emitWarningSync,
  onWarning,
  resetForSerialization,
};
