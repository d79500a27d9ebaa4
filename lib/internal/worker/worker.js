'use strict';
// internal/worker/worker.js - the Worker class of worker_threads: starts
// a thread (internalBinding('worker')), talks to it over a control
// channel (script to load, 'online', uncaught errors, stdio) and a public
// MessageChannel, and reports its exit.

const {
  ArrayIsArray,
  ArrayPrototypeFilter,
  ArrayPrototypeForEach,
  ArrayPrototypeIncludes,
  ArrayPrototypeIndexOf,
  ArrayPrototypeMap,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  Float64Array,
  ObjectEntries,
  ObjectPrototypeHasOwnProperty,
  Promise,
  PromiseResolve,
  StringPrototypeIndexOf,
  StringPrototypeReplaceAll,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeStartsWith,
  RegExpPrototypeExec,
  SafeMap,
  String,
  Symbol,
  SymbolFor,
} = primordials;

const EventEmitter = require('events');
const { isAbsolute, resolve } = require('path');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_URL_SCHEME,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_WORKER_INVALID_EXEC_ARGV,
    ERR_WORKER_NOT_RUNNING,
    ERR_WORKER_OUT_OF_MEMORY,
    ERR_WORKER_PATH,
  },
} = require('internal/errors');
const { kEmptyObject } = require('internal/util');
const { isURL, fileURLToPath } = require('internal/url');
const {
  validateArray,
  validateNumber,
  validateObject,
  validateString,
} = require('internal/validators');
const {
  MessageChannel,
  NativeEndpoint,
  drainMessagePort,
} = require('internal/worker/io');
const {
  serializeMessage,
  deserializeMessage,
} = require('internal/worker/js_transferable');
const { deserializeError } = require('internal/worker/errors');
const {
  ReadableWorkerStdio,
  WritableWorkerStdio,
} = require('internal/worker/stdio');

const SHARE_ENV = SymbolFor('nodejs.worker_threads.SHARE_ENV');

const kHandle = Symbol('kHandle');
const kControl = Symbol('kControl');
const kPublicPort = Symbol('kPublicPort');
const kStdio = Symbol('kStdio');
const kExitCode = Symbol('kExitCode');
const kLimits = Symbol('kLimits');
const kOnExit = Symbol('kOnExit');
const kOnControl = Symbol('kOnControl');
const kAsyncId = Symbol('kAsyncId');

// Data every new worker starts with (worker_threads.setEnvironmentData).
const environmentData = new SafeMap();

// Options a worker's execArgv may not hold: they act on the whole process.
const kPerProcessFlags = [
  '--title', '--redirect-warnings', '--v8-pool-size', '--icu-data-dir',
  '--openssl-config', '--report-signal', '--disable-proto',
];

/* Flags a worker accepts: the options nodus knows (see
 * internalBinding('options')), minus the per-process ones (allowed, and
 * ignored, in NODE_OPTIONS: `inEnv`), plus V8's. */
function invalidExecArgv(execArgv, inEnv = false) {
  const known = internalBinding('options').getOptions();
  const errors = [];
  for (let i = 0; i < execArgv.length; i++) {
    const arg = `${execArgv[i]}`;
    if (arg === '--') break;
    if (arg[0] !== '-') continue;
    const eq = StringPrototypeIndexOf(arg, '=');
    const name = StringPrototypeReplaceAll(
      eq === -1 ? arg : StringPrototypeSlice(arg, 0, eq), '_', '-');
    if (ArrayPrototypeIncludes(kPerProcessFlags, name)) {
      if (!inEnv) ArrayPrototypePush(errors, arg);
      continue;
    }
    const positive = StringPrototypeStartsWith(name, '--no-') ?
      `--${StringPrototypeSlice(name, 5)}` : name;
    if (ObjectPrototypeHasOwnProperty(known, name) ||
        ObjectPrototypeHasOwnProperty(known, positive) ||
        process.allowedNodeEnvironmentFlags.has(name) ||
        name === '-r' || isV8Flag(name)) {
      continue;
    }
    ArrayPrototypePush(errors, arg);
  }
  return errors;
}

// Prefixes of V8's own flags (V8 checks the flags themselves).
const kV8FlagPrefixes = [
  'max-', 'min-', 'expose-', 'harmony', 'stack-size', 'experimental',
  'trace-', 'use-', 'allow-natives', 'jitless', 'abort-on', 'stack-trace',
  'single-thread', 'predictable', 'random-seed', 'gc-', 'heap', 'semi-space',
  'huge-max', 'interpreted', 'always-', 'lazy', 'opt', 'sparkplug', 'turbo',
  'perf-', 'prof', 'log', 'track-', 'print-', 'wasm-', 'liftoff',
  'concurrent-', 'parallel-', 'incremental-', 'flush-', 'budget-',
];

function isV8Flag(name) {
  let flag = StringPrototypeSlice(name, 2);
  if (StringPrototypeStartsWith(flag, 'no-')) {
    flag = StringPrototypeSlice(flag, 3);
  }
  for (let i = 0; i < kV8FlagPrefixes.length; i++) {
    if (StringPrototypeStartsWith(flag, kV8FlagPrefixes[i])) return true;
  }
  return false;
}

/* A worker script is an absolute path, a ./ or ../ relative path, or a
 * file: or data: URL object. */
function validateWorkerFilename(filename) {
  if (isURL(filename)) {
    if (filename.protocol !== 'file:' && filename.protocol !== 'data:') {
      throw new ERR_INVALID_URL_SCHEME('file');
    }
    return;
  }
  if (typeof filename !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('filename', ['string', 'URL'], filename);
  }
  if (!isAbsolute(filename) &&
      !RegExpPrototypeExec(/^\.\.?[\\/]/, filename)) {
    throw new ERR_WORKER_PATH(filename);
  }
}

const kLimitNames = ['maxYoungGenerationSizeMb', 'maxOldGenerationSizeMb',
                     'codeRangeSizeMb', 'stackSizeMb'];

/* resourceLimits -> Float64Array [young, old, codeRange, stack] (MB). */
function parseResourceLimits(obj) {
  const limits = new Float64Array(4);
  if (obj === undefined || obj === null) return limits;
  validateObject(obj, 'options.resourceLimits');
  for (let i = 0; i < kLimitNames.length; i++) {
    const value = obj[kLimitNames[i]];
    if (value === undefined) continue;
    validateNumber(value, `options.resourceLimits.${kLimitNames[i]}`);
    if (value > 0) limits[i] = value;
  }
  return limits;
}

/* process.env for the worker: a copy (strings), or null to share. */
function workerEnv(env) {
  if (env === SHARE_ENV) return null;
  const source = env == null ? process.env : env;
  const copy = {};
  for (const { 0: key, 1: value } of ObjectEntries(source)) {
    copy[key] = `${value}`;
  }
  return copy;
}

/* Pipes a worker's output into the parent's stdio; the listeners each
 * pipe adds do not count towards dest's MaxListeners warning. */
function pipeWithoutWarning(source, dest) {
  const max = dest.getMaxListeners();
  const adjust = (delta) => {
    if (max !== 0 && max !== Infinity) {
      dest.setMaxListeners(dest.getMaxListeners() + delta);
    }
  };
  adjust(1);
  source.once('end', () => adjust(-1));
  source.pipe(dest);
}

/* new Worker(filename | URL, options) */
class Worker extends EventEmitter {
  constructor(filename, options = kEmptyObject) {
    super();
    if (options.execArgv && !ArrayIsArray(options.execArgv)) {
      throw new ERR_INVALID_ARG_TYPE('options.execArgv', 'Array',
                                     options.execArgv);
    }
    if (options.argv && !ArrayIsArray(options.argv)) {
      throw new ERR_INVALID_ARG_TYPE('options.argv', 'Array', options.argv);
    }
    let doEval = false;
    if (options.eval) {
      if (typeof filename !== 'string') {
        throw new ERR_INVALID_ARG_VALUE(
          'options.eval', options.eval,
          'must be false when \'filename\' is not a string');
      }
      doEval = 'classic';
    } else {
      validateWorkerFilename(filename);
      if (isURL(filename)) {
        if (filename.protocol === 'data:') {
          doEval = 'module';
          filename = filename.href;
        } else {
          filename = fileURLToPath(filename);
        }
      } else {
        filename = resolve(filename);
      }
    }
    const { env } = options;
    if (env != null && env !== SHARE_ENV && typeof env !== 'object') {
      throw new ERR_INVALID_ARG_TYPE(
        'options.env',
        ['object', 'undefined', 'null', 'worker_threads.SHARE_ENV'], env);
    }
    if (options.name != null) validateString(options.name, 'options.name');
    const envCopy = workerEnv(env);
    let execArgv = options.execArgv ?? process.execArgv;
    // Options end at '--'.
    if (ArrayPrototypeIncludes(execArgv, '--')) {
      execArgv = ArrayPrototypeSlice(execArgv, 0,
                                     ArrayPrototypeIndexOf(execArgv, '--'));
    }
    if (options.execArgv) {
      const bad = invalidExecArgv(options.execArgv);
      if (bad.length > 0) throw new ERR_WORKER_INVALID_EXEC_ARGV(bad);
    }
    // NODE_OPTIONS as the process started with were checked (and are in
    // effect) already; other ones apply to the worker.
    let envOptions = [];
    if (envCopy !== null && typeof envCopy.NODE_OPTIONS === 'string' &&
        envCopy.NODE_OPTIONS !== '' &&
        envCopy.NODE_OPTIONS !== process.env.NODE_OPTIONS) {
      const opts = ArrayPrototypeFilter(
        StringPrototypeSplit(envCopy.NODE_OPTIONS, /\s+/), (o) => o !== '');
      envOptions = opts;
      const bad = invalidExecArgv(opts, true);
      if (bad.length > 0) {
        throw new ERR_WORKER_INVALID_EXEC_ARGV(
          bad, 'invalid NODE_OPTIONS env variable');
      }
    }
    const limits = parseResourceLimits(options.resourceLimits);
    const transferList = options.transferList ?? [];
    if (options.transferList !== undefined) {
      validateArray(options.transferList, 'options.transferList');
    }

    const { Worker: WorkerHandle } = internalBinding('worker');
    // The worker's own options: its NODE_OPTIONS, then its execArgv, on
    // top of this thread's (undefined: the same as this thread's).
    const handle = new WorkerHandle(
      limits,
      options.execArgv || envOptions.length > 0 ?
        [...envOptions, ...(options.execArgv ? execArgv : [])] : undefined);
    this[kHandle] = handle;
    this[kLimits] = limits;
    this[kExitCode] = null;
    this.threadId = handle.threadId;
    this[kAsyncId] = -1;
    {
      const hooks = require('internal/async_hooks');
      if (hooks.initHooksExist()) {
        this[kAsyncId] = hooks.newAsyncId();
        hooks.emitInit(this[kAsyncId], 'WORKER',
                       hooks.getDefaultTriggerAsyncId(), handle);
      }
    }

    // What the worker is to run: its first control message, read
    // synchronously by its bootstrap. An uncloneable workerData throws
    // here, before the thread exists (the handle keeps nothing alive
    // until started).
    const { port1, port2 } = new MessageChannel();
    const load = {
      type: 'load',
      filename: doEval === 'classic' ? '[worker eval]' : filename,
      source: doEval === 'classic' ? filename : null,
      doEval,
      workerData: options.workerData,
      publicPort: port2,
      env: envCopy,
      argv: ArrayPrototypeMap(options.argv ?? [], (a) => String(a)),
      execArgv: ArrayPrototypeMap(execArgv, (a) => String(a)),
      hasStdin: !!options.stdin,
      environmentData,
      name: options.name ?? '',
      cwdCounter: require('internal/worker/cwd').counter(),
      trackUnmanagedFds: options.trackUnmanagedFds !== false,
    };
    let msg;
    try {
      msg = serializeMessage(load, [port2, ...transferList], null);
    } catch (err) {
      port1.close();
      handle.messagePort.close();
      throw err;
    }

    const control = new NativeEndpoint(handle.messagePort);
    this[kControl] = control;
    control.owner = {
      onMessage: () => this[kOnControl](),
      onPeerClose() {},
    };
    control.post(msg);

    this[kPublicPort] = port1;
    port1.on('message', (message) => this.emit('message', message));
    port1.on('messageerror', (err) => this.emit('messageerror', err));
    port1.unref();

    const stdin = options.stdin ? new WritableWorkerStdio(control, 'stdin') :
      null;
    const stdout = new ReadableWorkerStdio('stdout');
    const stderr = new ReadableWorkerStdio('stderr');
    this[kStdio] = { stdin, stdout, stderr };
    if (!options.stdout) pipeWithoutWarning(stdout, process.stdout);
    if (!options.stderr) pipeWithoutWarning(stderr, process.stderr);

    handle.onexit = (code, outOfMemory) => this[kOnExit](code, outOfMemory);
    handle.startThread();
    process.emit('worker', this);
  }

  [kOnControl]() {
    const control = this[kControl];
    while (control.size() > 0) {
      let message;
      try {
        message = deserializeMessage(control.shift()).value;
      } catch {
        continue;
      }
      switch (message.type) {
        case 'up':
          this.emit('online');
          break;
        case 'error':
          this.emit('error', deserializeError(message.error));
          break;
        case 'stdio': {
          const stream = this[kStdio][message.stream];
          for (let i = 0; i < message.chunks.length; i++) {
            const { chunk, encoding } = message.chunks[i];
            if (typeof chunk === 'string') {
              stream.push(chunk, encoding);
            } else {
              stream.push(chunk);
            }
          }
          break;
        }
        default:
          require('assert').fail(
            `Unknown worker message type ${message.type}`);
      }
    }
  }

  [kOnExit](code, outOfMemory) {
    // What the worker sent before it ended is delivered first.
    this[kOnControl]();
    drainMessagePort(this[kPublicPort]);
    this[kControl].close();
    this[kPublicPort].unref();
    this[kPublicPort].close();
    this[kHandle] = null;
    this[kExitCode] = code;
    this.threadId = -1;
    const { stdout, stderr, stdin } = this[kStdio];
    stdout.push(null);
    stderr.push(null);
    if (stdin !== null) stdin.destroy();
    if (outOfMemory) {
      this.emit('error', new ERR_WORKER_OUT_OF_MEMORY(
        'JS heap out of memory'));
    }
    this.emit('exit', code);
    if (this[kAsyncId] !== -1) {
      require('internal/async_hooks').emitDestroy(this[kAsyncId]);
    }
    this.removeAllListeners('message');
    this.removeAllListeners('messageerror');
  }

  /* postMessage(value[, transferList]) to the worker's parentPort. */
  postMessage(...args) {
    if (this[kPublicPort] === null) return;
    this[kPublicPort].postMessage(...args);
  }

  /* terminate([callback]) -> Promise<exit code>: stops the worker's JS as
   * soon as possible. */
  terminate(callback) {
    if (typeof callback === 'function') {
      process.emitWarning(
        'Passing a callback to worker.terminate() is deprecated. ' +
        'It returns a Promise instead.',
        'DeprecationWarning', 'DEP0132');
      if (this[kHandle] === null) {
        process.nextTick(callback, null, this[kExitCode]);
        return PromiseResolve();
      }
      this.once('exit', (code) => callback(null, code));
    }
    if (this[kHandle] === null) return PromiseResolve();
    const promise = new Promise((resolve) => {
      this.once('exit', (code) => resolve(code));
    });
    // Kept alive until the exit is reported, even if unref'd.
    this[kHandle].ref();
    this[kHandle].stopThread();
    return promise;
  }

  ref() {
    if (this[kHandle] === null) return;
    this[kHandle].ref();
    this[kPublicPort].ref();
  }

  unref() {
    if (this[kHandle] === null) return;
    this[kHandle].unref();
    this[kPublicPort].unref();
  }

  get stdin() { return this[kStdio].stdin; }

  get stdout() { return this[kStdio].stdout; }

  get stderr() { return this[kStdio].stderr; }

  get resourceLimits() {
    if (this[kHandle] === null) return {};
    return limitsObject(this[kLimits]);
  }

  getHeapSnapshot() {
    if (this[kHandle] === null) {
      return Promise.reject(new ERR_WORKER_NOT_RUNNING());
    }
    throw new ERR_METHOD_NOT_IMPLEMENTED('worker.getHeapSnapshot()');
  }
}

/* The limits as worker.resourceLimits shows them (V8's defaults where
 * none was given). */
function limitsObject(limits) {
  const heap = require('v8').getHeapStatistics?.();
  const defaults = [
    48,
    heap ? heap.heap_size_limit / (1024 * 1024) : 2048,
    0,
    4,
  ];
  const out = {};
  ArrayPrototypeForEach(kLimitNames, (name, i) => {
    out[name] = limits[i] > 0 ? limits[i] : defaults[i];
  });
  return out;
}

module.exports = {
  Worker,
  SHARE_ENV,
  environmentData,
  limitsObject,
};
