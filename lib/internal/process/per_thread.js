'use strict';
/* per_thread.js - the process methods built on internalBinding(
 * 'process_methods'): clocks, usage, kill, exit, cwd, env and the legacy
 * process.binding(). */

const {
  ArrayIsArray,
  Float64Array,
  Proxy,
  SafeSet,
  String,
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

/* process.kill(pid[, signal]) */
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
  const err = binding.kill(pid, signal);
  if (err) {
    throw errors.errnoException ?
      errors.errnoException(err, 'kill') :
      new Error(`kill failed: ${err}`);
  }
  return true;
}

/* process.exit([code]): emits 'exit' once, then ends the process. */
function exit(code) {
  if (code !== undefined) process.exitCode = code;
  if (!process._exiting) {
    process._exiting = true;
    process.emit('exit', process.exitCode || 0);
  }
  /* Through the (patchable) process.reallyExit, as Node; the code is
   * coerced like Node's Int32Value ('42' exits with 42). */
  process.reallyExit((+process.exitCode || 0) | 0);
}

/* The live process.env: reads and writes reach the real environment (and
 * so child processes); values are coerced to strings. */
function createEnv() {
  const target = {};
  return new Proxy(target, {
    __proto__: null,
    get(t, key) {
      if (typeof key === 'symbol') return undefined;
      const value = binding.getEnv(key);
      /* Names that are not set fall back to Object.prototype, as Node. */
      return value !== undefined ? value : t[key];
    },
    set(t, key, value) {
      if (typeof key === 'symbol') {
        throw new (lazyErrors().ERR_INVALID_ARG_TYPE)(
          'key', 'string', key);
      }
      if (typeof value === 'symbol') {
        throw new TypeError('Cannot convert a Symbol value to a string');
      }
      binding.setEnv(key, String(value));
      return true;
    },
    has(t, key) {
      return typeof key === 'string' && binding.getEnv(key) !== undefined;
    },
    deleteProperty(t, key) {
      if (typeof key === 'string') binding.unsetEnv(key);
      return true;
    },
    ownKeys() {
      return binding.envKeys();
    },
    getOwnPropertyDescriptor(t, key) {
      if (typeof key !== 'string') return undefined;
      const value = binding.getEnv(key);
      if (value === undefined) return undefined;
      return { value, writable: true, enumerable: true, configurable: true };
    },
    defineProperty(t, key, desc) {
      if ('get' in desc || 'set' in desc) {
        throw new (lazyErrors().ERR_INVALID_OBJECT_DEFINE_PROPERTY)(
          '\'process.env\' does not accept an accessor(getter/setter)' +
          ' descriptor');
      }
      if ('value' in desc && desc.configurable === true &&
          desc.writable === true && desc.enumerable === true) {
        binding.setEnv(key, String(desc.value));
        return true;
      }
      throw new (lazyErrors().ERR_INVALID_OBJECT_DEFINE_PROPERTY)(
        '\'process.env\' only accepts a configurable, writable,' +
        ' and enumerable data descriptor');
    },
  });
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
