'use strict';
/* worker_thread.js (main) - what a worker thread runs after the
 * bootstrap: reads what its parent asked for (the first control message),
 * makes process fit a worker (argv, env, stdio through the parent,
 * unsupported process-wide operations), then runs the script. */

const {
  ArrayPrototypePush,
  FunctionPrototypeCall,
  ObjectDefineProperty,
  ObjectKeys,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
} = primordials;

const {
  codes: { ERR_WORKER_UNSUPPORTED_OPERATION },
} = require('internal/errors');
const { getParentPort } = internalBinding('worker');
const { NativeEndpoint } = require('internal/worker/io');
const {
  serializeMessage,
  deserializeMessage,
} = require('internal/worker/js_transferable');
const { serializeError } = require('internal/worker/errors');
const {
  ReadableWorkerStdio,
  WritableWorkerStdio,
} = require('internal/worker/stdio');

const control = new NativeEndpoint(getParentPort());
const { value: load } = deserializeMessage(control.shift());

function post(message) {
  control.post(serializeMessage(message, [], null));
}

/* The control channel as a port for internal tests (only postMessage). */
internalBinding('worker').getEnvMessagePort = () => ({
  postMessage: post,
});

/* process.cwd() is cached until some thread changes directory. */
require('internal/worker/cwd').setupWorkerCwd(load.cwdCounter);

/* process.argv, execArgv and env as the parent gave them. */
process.argv = [process.execPath, load.filename, ...load.argv];
process.execArgv = load.execArgv;
if (load.env !== null) process.env = makeEnv(load.env);

/* A per-worker env: values are stored as strings, as process.env does. */
function makeEnv(values) {
  const target = {};
  const keys = ObjectKeys(values);
  for (let i = 0; i < keys.length; i++) target[keys[i]] = values[keys[i]];
  return new Proxy(target, {
    __proto__: null,
    set(t, key, value) {
      t[key] = typeof key === 'symbol' ? value : `${value}`;
      return true;
    },
    defineProperty(t, key, desc) {
      if (desc.configurable !== true || desc.writable !== true ||
          desc.enumerable !== true || !('value' in desc)) {
        const { codes } = require('internal/errors');
        throw new codes.ERR_INVALID_OBJECT_DEFINE_PROPERTY(
          '\'process.env\' only accepts a configurable, writable, and ' +
          'enumerable data descriptor');
      }
      t[key] = `${desc.value}`;
      return true;
    },
  });
}

/* stdio goes through the parent. */
let stdin = null;
let stdout = null;
let stderr = null;
function getStdin() {
  if (stdin === null) {
    stdin = new ReadableWorkerStdio('stdin');
    if (!load.hasStdin) {
      stdin.push(null);
    } else {
      // While it is read and not ended, process.stdin keeps the worker
      // alive (the parent may still write to worker.stdin).
      let keepAlive = null;
      stdin._read = () => {
        keepAlive ??= setInterval(() => {}, 2 ** 31 - 1);
      };
      stdin.once('end', () => {
        if (keepAlive !== null) clearInterval(keepAlive);
      });
      stdin.once('pause', () => {
        if (keepAlive !== null) clearInterval(keepAlive);
        keepAlive = null;
      });
    }
  }
  return stdin;
}
if (load.hasStdin) getStdin();
for (const { 0: name, 1: get } of [
  ['stdout', () => (stdout ??= new WritableWorkerStdio(control, 'stdout'))],
  ['stderr', () => (stderr ??= new WritableWorkerStdio(control, 'stderr'))],
  ['stdin', getStdin],
]) {
  ObjectDefineProperty(process, name, {
    __proto__: null, configurable: true, enumerable: false, get,
  });
}

/* Later control messages: data for process.stdin. */
control.owner = {
  onMessage() {
    while (control.size() > 0) {
      let message;
      try {
        message = deserializeMessage(control.shift()).value;
      } catch {
        continue;
      }
      if (message.type !== 'stdin') continue;
      const input = getStdin();
      if (message.chunks === null) {
        input.push(null);
        continue;
      }
      for (let i = 0; i < message.chunks.length; i++) {
        const { chunk, encoding } = message.chunks[i];
        if (typeof chunk === 'string') {
          input.push(chunk, encoding);
        } else {
          input.push(chunk);
        }
      }
    }
  },
  onPeerClose() {},
};

/* Process-wide operations a worker may not do. */
function unsupported(name) {
  const fn = function() {
    throw new ERR_WORKER_UNSUPPORTED_OPERATION(`process.${name}()`);
  };
  fn.disabled = true;
  return fn;
}
for (const name of ['chdir', 'abort', 'send', 'disconnect', 'setuid',
                    'setgid', 'seteuid', 'setegid', 'setgroups',
                    'initgroups']) {
  process[name] = unsupported(name);
}
for (const name of ['channel', 'connected']) {
  ObjectDefineProperty(process, name, {
    __proto__: null, configurable: true, enumerable: false,
    get() {
      throw new ERR_WORKER_UNSUPPORTED_OPERATION(`process.${name}`);
    },
  });
}
/* process.title and process.debugPort are the process's: setting them
 * from a worker is ignored. */
for (const name of ['title', 'debugPort']) {
  const value = process[name];
  ObjectDefineProperty(process, name, {
    __proto__: null, configurable: true, enumerable: true,
    get() { return value; },
    set() {},
  });
}
for (const name of ['_startProfilerIdleNotifier', '_stopProfilerIdleNotifier',
                    '_debugProcess', '_debugPause', '_debugEnd']) {
  delete process[name];
}
{
  const umask = process.umask;
  process.umask = function(mask) {
    if (mask !== undefined) {
      throw new ERR_WORKER_UNSUPPORTED_OPERATION('Setting process.umask()');
    }
    return umask();
  };
}

/* process.reallyExit() stops this thread's JS through V8's termination,
 * which only strikes at the next function call: make one at once, so no
 * code after process.exit() runs. */
{
  const reallyExit = process.reallyExit;
  const nop = () => {};
  process.reallyExit = function(code) {
    FunctionPrototypeCall(reallyExit, process, code);
    nop();
  };
}

/* trackUnmanagedFds: fds from fs.open()/openSync() that the worker does
 * not close are closed when it ends (FileHandles are managed anyway). */
if (load.trackUnmanagedFds) {
  const fsBinding = internalBinding('fs');
  const { trackUnmanagedFd, untrackUnmanagedFd } = internalBinding('worker');
  const { kUsePromises } = require('internal/fs/utils');
  const open = fsBinding.open;
  const close = fsBinding.close;
  const track = (fd) => {
    if (typeof fd === 'number' && !trackUnmanagedFd(fd)) {
      process.emitWarning(
        `File descriptor ${fd} opened in unmanaged mode twice`);
    }
  };
  const untrack = (fd) => {
    if (!untrackUnmanagedFd(fd)) {
      process.emitWarning(
        `File descriptor ${fd} closed but not opened in unmanaged mode`);
    }
  };
  fsBinding.open = function(path, flags, mode, req) {
    if (req === kUsePromises) {
      return FunctionPrototypeCall(open, this, path, flags, mode, req);
    }
    if (typeof req === 'function') {
      return FunctionPrototypeCall(open, this, path, flags, mode,
                                   (err, fd) => {
                                     if (err == null) track(fd);
                                     return req(err, fd);
                                   });
    }
    const fd = FunctionPrototypeCall(open, this, path, flags, mode, req);
    track(fd);
    return fd;
  };
  fsBinding.close = function(fd, req) {
    if (req !== kUsePromises) untrack(fd);
    return FunctionPrototypeCall(close, this, fd, req);
  };
}

/* Signals belong to the main thread. */
{
  const { startListeningIfSignal, stopListeningIfSignal } =
    require('internal/process/signals');
  process.removeListener('newListener', startListeningIfSignal);
  process.removeListener('removeListener', stopListeningIfSignal);
}

/* An uncaught exception ends the worker and becomes the parent's
 * 'error' event. */
const execution = require('internal/process/execution');
execution.setWorkerFatalHandler((err, arrow) => {
  try {
    const record = serializeError(err);
    // As Node prints it: where it was thrown, then the stack.
    if (typeof arrow === 'string' && typeof record.stack === 'string') {
      record.stack = `${arrow}\n${record.stack}`;
    }
    post({ type: 'error', error: record });
  } catch {
    let text;
    try {
      text = require('internal/util/inspect').inspect(err);
    } catch {
      text = '[unserializable error]';
    }
    post({ type: 'error', error: { kind: 'inspected', text } });
  }
});

/* worker_threads as seen from this worker. */
{
  const wt = require('worker_threads');
  wt.parentPort = load.publicPort;
  wt.workerData = load.workerData;
  const { environmentData } = require('internal/worker/worker');
  for (const { 0: key, 1: value } of load.environmentData) {
    environmentData.set(key, value);
  }
}

/* The execArgv options that act on this thread. */
const preloads = [];
for (let i = 0; i < load.execArgv.length; i++) {
  const arg = load.execArgv[i];
  if (arg === '--trace-warnings') process.traceProcessWarnings = true;
  if (arg === '--no-deprecation') process.noDeprecation = true;
  if (arg === '--throw-deprecation') process.throwDeprecation = true;
  if (arg === '--trace-deprecation') process.traceDeprecation = true;
  if ((arg === '-r' || arg === '--require') &&
      i + 1 < load.execArgv.length) {
    ArrayPrototypePush(preloads, load.execArgv[++i]);
  } else if (StringPrototypeStartsWith(arg, '--require=')) {
    ArrayPrototypePush(preloads, StringPrototypeSlice(arg, 10));
  }
}

post({ type: 'up' });

if (preloads.length > 0) {
  require('internal/modules/cjs/loader').Module._preloadModules(preloads);
}

if (load.doEval === 'classic') {
  evalScript('[worker eval]', load.source);
} else if (load.doEval === 'module') {
  require('internal/modules/esm/loader').runMainEntryPoint(load.filename);
} else {
  const { Module } = require('internal/modules/cjs/loader');
  Module.runMain(load.filename);
}

/* Runs `source` as a script with module/require/__filename/__dirname
 * globals (as the parent's -e code would see them). */
function evalScript(name, source) {
  require('internal/modules/cjs/loader')
    .setEvalGlobals(name, process.cwd());
  internalBinding('contextify').runInThisContext(source, name);
}
