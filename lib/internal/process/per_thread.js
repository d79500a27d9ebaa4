'use strict';
/* per_thread.js - the process methods built on internalBinding(
 * 'process_methods'): clocks, usage, kill, exit, cwd, env and the legacy
 * process.binding(). */

const {
  ArrayIsArray,
  Float64Array,
  SafeSet,
  Uint32Array,
} = primordials;

const binding = internalBinding('process_methods');

let errors;
let validators;
function lazyErrors() {
  errors ??= require('internal/errors');
  return errors.codes;
}
function lazyValidators() {
  validators ??= require('internal/validators');
  return validators;
}

const hrValues = new Uint32Array(3);

/* process.hrtime([previous]) -> [seconds, nanoseconds] */
function hrtime(time) {
  binding.hrtime(hrValues);
  const sec = hrValues[0] * 0x100000000 + hrValues[1];
  const nsec = hrValues[2];
  if (time !== undefined) {
    if (!ArrayIsArray(time)) {
      throw new (lazyErrors().ERR_INVALID_ARG_TYPE)('time', 'Array', time);
    }
    if (time.length !== 2) {
      throw new (lazyErrors().ERR_OUT_OF_RANGE)('time', 2, time.length);
    }
    const s = sec - time[0];
    const n = nsec - time[1];
    return [n < 0 ? s - 1 : s, n < 0 ? n + 1e9 : n];
  }
  return [sec, nsec];
}

hrtime.bigint = function bigint() {
  return binding.hrtimeBigInt();
};

const memValues = new Float64Array(5);

/* process.memoryUsage() */
function memoryUsage() {
  binding.memoryUsage(memValues);
  return {
    rss: memValues[0],
    heapTotal: memValues[1],
    heapUsed: memValues[2],
    external: memValues[3],
    arrayBuffers: memValues[4],
  };
}
memoryUsage.rss = () => binding.rss();

const cpuValues = new Float64Array(2);

function previousValueIsValid(num) {
  return typeof num === 'number' && num <= Number.MAX_SAFE_INTEGER &&
    num >= 0;
}

/* process.cpuUsage([previous]) -> { user, system } in microseconds */
function cpuUsage(prevValue) {
  if (prevValue !== undefined) {
    const { validateObject } = lazyValidators();
    validateObject(prevValue, 'prevValue');
    const { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE } = lazyErrors();
    if (typeof prevValue.user !== 'number') {
      throw new ERR_INVALID_ARG_TYPE('prevValue.user', 'number',
                                     prevValue.user);
    }
    if (!previousValueIsValid(prevValue.user)) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('prevValue.user',
                                                 prevValue.user);
    }
    if (typeof prevValue.system !== 'number') {
      throw new ERR_INVALID_ARG_TYPE('prevValue.system', 'number',
                                     prevValue.system);
    }
    if (!previousValueIsValid(prevValue.system)) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('prevValue.system',
                                                 prevValue.system);
    }
  }
  binding.cpuUsage(cpuValues);
  if (prevValue) {
    return {
      user: cpuValues[0] - prevValue.user,
      system: cpuValues[1] - prevValue.system,
    };
  }
  return { user: cpuValues[0], system: cpuValues[1] };
}

const resValues = new Float64Array(16);

/* process.resourceUsage() */
function resourceUsage() {
  binding.resourceUsage(resValues);
  return {
    userCPUTime: resValues[0],
    systemCPUTime: resValues[1],
    maxRSS: resValues[2],
    sharedMemorySize: resValues[3],
    unsharedDataSize: resValues[4],
    unsharedStackSize: resValues[5],
    minorPageFault: resValues[6],
    majorPageFault: resValues[7],
    swappedOut: resValues[8],
    fsRead: resValues[9],
    fsWrite: resValues[10],
    ipcSent: resValues[11],
    ipcReceived: resValues[12],
    signalsCount: resValues[13],
    voluntaryContextSwitches: resValues[14],
    involuntaryContextSwitches: resValues[15],
  };
}

/* process.kill(pid[, signal]): through the (patchable) process._kill. */
function kill(pid, sig) {
  const { ERR_INVALID_ARG_TYPE, ERR_UNKNOWN_SIGNAL } = lazyErrors();
  if (pid != (pid | 0)) { // eslint-disable-line eqeqeq
    throw new ERR_INVALID_ARG_TYPE('pid', 'number', pid);
  }
  let signal;
  if (sig === (sig | 0)) {
    signal = sig;
  } else {
    sig = sig ?? 'SIGTERM';
    const { signals } = internalBinding('constants').os;
    signal = signals[sig];
    if (signal === undefined) throw new ERR_UNKNOWN_SIGNAL(sig);
  }
  const err = process._kill(pid, signal);
  if (err) throw errors.errnoException(err, 'kill');
  return true;
}

/* process.exit([code]): emits 'exit' once, then ends the process. */
function exit(code) {
  if (code !== undefined) process.exitCode = code;
  if (!process._exiting) {
    process._exiting = true;
    process.emit('exit', process.exitCode || 0);
  }
  const exitCode = (+process.exitCode || 0) | 0;
  if (require('internal/options').getOptionValue('--trace-exit')) {
    traceExit(exitCode);
  }
  /* Through the (patchable) process.reallyExit, as Node; the code is
   * coerced like Node's Int32Value ('42' exits with 42). */
  process.reallyExit(exitCode);
}

/* --trace-exit: says on stderr that process.exit() ended the thread, with
 * the stack of the call (the first frame is exit itself). */
function traceExit(code) {
  const holder = {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 10;
  Error.captureStackTrace(holder, traceExit);
  Error.stackTraceLimit = limit;
  const { isMainThread, threadId } = internalBinding('worker');
  const who = isMainThread ? `node:${process.pid}` :
    `node:${process.pid}, thread:${threadId}`;
  const stack = holder.stack;
  const frames = stack.slice(stack.indexOf('\n') + 1);
  const { writeString } = internalBinding('fs');
  try {
    writeString(2, `(${who}) WARNING: Exited the environment with code ` +
                   `${code}\n${frames}\n`);
  } catch {
    /* stderr is gone */
  }
}

let warnedEnvValue = false;
/* Called by the env object before it stores a value that is not a
 * string, number or boolean: DEP0104 once, with --pending-deprecation. */
function onNonStringEnvValue() {
  if (warnedEnvValue ||
      !require('internal/options').getOptionValue('--pending-deprecation')) {
    return;
  }
  warnedEnvValue = true;
  process.emitWarning(
    'Assigning any value other than a string, number, or boolean to a ' +
    'process.env property is deprecated. Please make sure to convert the ' +
    'value to a string before setting process.env with it.',
    'DeprecationWarning', 'DEP0104');
}

/* The live process.env: an ordinary-looking object whose named properties
 * are the real environment (so child processes see changes); values are
 * coerced to strings, TZ changes reach Date. */
function createEnv() {
  return binding.createEnv(onNonStringEnvValue);
}

/* process.binding(name): the legacy allow-list of Node 18 (DEP0111). */
const processBindingAllowList = new SafeSet([
  'async_wrap', 'buffer', 'cares_wrap', 'config', 'constants', 'contextify',
  'crypto', 'fs', 'fs_event_wrap', 'http_parser', 'icu', 'inspector',
  'js_stream', 'natives', 'os', 'pipe_wrap', 'process_wrap', 'signal_wrap',
  'spawn_sync', 'stream_wrap', 'tcp_wrap', 'tls_wrap', 'tty_wrap',
  'udp_wrap', 'url', 'util', 'uv', 'v8', 'zlib',
]);

let warnedBinding = false;
function processBinding(name) {
  const { validateString } = lazyValidators();
  validateString(name, 'module');
  name = `${name}`;
  if (!processBindingAllowList.has(name)) {
    const err = new Error(`No such module: ${name}`);
    err.code = 'ERR_INVALID_MODULE';
    throw err;
  }
  if (!warnedBinding && require('internal/options')
    .getOptionValue('--pending-deprecation')) {
    warnedBinding = true;
    process.emitWarning('process.binding() is deprecated. ' +
                        'Please use public APIs instead.',
                        'DeprecationWarning', 'DEP0111');
  }
  if (name === 'natives') {
    const builtins = internalBinding('builtins');
    const natives = {};
    for (const id of builtins.builtinIds) {
      natives[id] = builtins.getSource(id);
    }
    return natives;
  }
  if (name === 'constants') return internalBinding('constants');
  if (name === 'config') return {};
  if (name === 'util') {
    /* Node 18 exposes only the type checks of the util binding here. */
    const types = require('internal/util/types');
    const filtered = {};
    for (const k of ['isAnyArrayBuffer', 'isArrayBuffer', 'isArrayBufferView',
                     'isAsyncFunction', 'isDataView', 'isDate', 'isExternal',
                     'isMap', 'isMapIterator', 'isNativeError', 'isPromise',
                     'isRegExp', 'isSet', 'isSetIterator', 'isTypedArray',
                     'isUint8Array']) {
      filtered[k] = types[k];
    }
    return filtered;
  }
  try {
    return internalBinding(name);
  } catch {
    const err = new Error(`No such module: ${name}`);
    err.code = 'ERR_INVALID_MODULE';
    throw err;
  }
}

module.exports = {
  hrtime,
  memoryUsage,
  cpuUsage,
  resourceUsage,
  kill,
  exit,
  createEnv,
  processBinding,
};
