'use strict';
// child_process.js - the public child_process module: spawn, exec,
// execFile and fork (with an IPC channel), and their synchronous forms
// spawnSync/execSync/execFileSync.

const {
  ArrayIsArray,
  ArrayPrototypeIncludes,
  ArrayPrototypeLastIndexOf,
  ArrayPrototypePushApply,
  ArrayPrototypeSlice,
  ArrayPrototypeSplice,
  ObjectDefineProperty,
  StringPrototypeStartsWith,
} = primordials;

const {
  AbortError,
  codes: {
    ERR_CHILD_PROCESS_IPC_REQUIRED,
    ERR_INVALID_ARG_TYPE,
  },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateArray,
  validateObject,
} = require('internal/validators');
const { isArrayBufferView } = require('internal/util/types');
const { kCustomPromisifiedSymbol } = require('internal/util');
const child_process = require('internal/child_process');
const {
  checkExecSyncError,
  getValidStdio,
  normalizeExecArgs,
  normalizeExecFileArgs,
  normalizeSpawnArguments,
  sanitizeKillSignal,
  validateArgumentNullCheck,
  validateArgumentsNullCheck,
  validateMaxBuffer,
  validateTimeout,
} = child_process;
const { ChildProcess } = require('internal/child_process/subprocess');
const { stdioStringToArray } = require('internal/child_process/stdio');
const {
  collectOutput,
  customPromiseExecFunction,
} = require('internal/child_process/exec');

const MAX_BUFFER = 1024 * 1024;

/* spawnSync(file[, args][, options]) -> { pid, output, stdout, stderr,
 * status, signal, error? }: runs `file` to completion. options: cwd, env,
 * argv0, stdio, input (string/Buffer/TypedArray/DataView written to
 * stdin), uid, gid, timeout (ms), killSignal, maxBuffer (bytes, default
 * 1 MiB; exceeding it kills the child with error ENOBUFS), encoding,
 * shell, detached, windowsHide, windowsVerbatimArguments. */
function spawnSync(file, args, options) {
  options = {
    __proto__: null,
    maxBuffer: MAX_BUFFER,
    ...normalizeSpawnArguments(file, args, options),
  };

  validateTimeout(options.timeout);
  validateMaxBuffer(options.maxBuffer);
  options.killSignal = sanitizeKillSignal(options.killSignal);
  options.stdio = getValidStdio(options.stdio || 'pipe', true).stdio;

  if (options.input) {
    const stdin = options.stdio[0] = { ...options.stdio[0] };
    stdin.input = options.input;
  }

  for (let i = 0; i < options.stdio.length; i++) {
    const input = options.stdio[i] && options.stdio[i].input;
    if (input == null) continue;
    const pipe = options.stdio[i] = { ...options.stdio[i] };
    if (isArrayBufferView(input)) {
      pipe.input = input;
    } else if (typeof input === 'string') {
      pipe.input = require('buffer').Buffer.from(input, options.encoding);
    } else {
      throw new ERR_INVALID_ARG_TYPE(`options.stdio[${i}]`,
                                     ['Buffer', 'TypedArray', 'DataView',
                                      'string'],
                                     input);
    }
  }

  return child_process.spawnSync(options);
}

/* execFileSync(file[, args][, options]) -> stdout (Buffer or string):
 * spawnSync without a shell; throws the spawn error, or `Command failed`
 * when the child exits non-zero or by a signal. The child's stderr goes to
 * the parent's stderr unless options.stdio is given. */
function execFileSync(file, args, options) {
  ({ file, args, options } = normalizeExecFileArgs(file, args, options));
  const inheritStderr = !options.stdio;
  const ret = spawnSync(file, args, options);
  if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);
  const errArgs = [options.argv0 || file];
  ArrayPrototypePushApply(errArgs, args);
  const err = checkExecSyncError(ret, errArgs);
  if (err) throw err;
  return ret.stdout;
}

/* execSync(command[, options]) -> stdout: runs `command` through the shell
 * (/bin/sh, or options.shell) like execFileSync. */
function execSync(command, options) {
  const opts = normalizeExecArgs(command, options, null);
  const inheritStderr = !opts.options.stdio;
  const ret = spawnSync(opts.file, opts.options);
  if (inheritStderr && ret.stderr) process.stderr.write(ret.stderr);
  const err = checkExecSyncError(ret, undefined, command);
  if (err) throw err;
  return ret.stdout;
}

/* spawn(file[, args][, options]) -> ChildProcess: starts `file`.
 * options: cwd, env, argv0, stdio, detached, uid, gid, serialization,
 * shell, windowsVerbatimArguments, windowsHide, signal (AbortSignal: kills
 * with killSignal and emits an AbortError), timeout (ms, then killSignal),
 * killSignal (default 'SIGTERM'). */
function spawn(file, args, options) {
  options = normalizeSpawnArguments(file, args, options);
  validateTimeout(options.timeout);
  validateAbortSignal(options.signal, 'options.signal');
  const killSignal = sanitizeKillSignal(options.killSignal);
  const child = new ChildProcess();

  child.spawn(options);

  if (options.timeout > 0) {
    let timeoutId = setTimeout(() => {
      if (timeoutId) {
        try {
          child.kill(killSignal);
        } catch (err) {
          child.emit('error', err);
        }
        timeoutId = null;
      }
    }, options.timeout);
    child.once('exit', () => {
      if (timeoutId) {
        clearTimeout(timeoutId);
        timeoutId = null;
      }
    });
  }

  if (options.signal) {
    const signal = options.signal;
    const onAbortListener = () => {
      abortChildProcess(child, killSignal, signal.reason);
    };
    if (signal.aborted) {
      process.nextTick(onAbortListener);
    } else {
      signal.addEventListener('abort', onAbortListener, { once: true });
      child.once('exit',
                 () => signal.removeEventListener('abort', onAbortListener));
    }
  }
  return child;
}

/* Kills `child` for an aborted signal and reports the AbortError. */
function abortChildProcess(child, killSignal, reason) {
  if (!child) return;
  try {
    if (child.kill(killSignal)) {
      child.emit('error', new AbortError(undefined, { cause: reason }));
    }
  } catch (err) {
    child.emit('error', err);
  }
}

/* The execArgv a fork inherits: the parent's, without its -e/-p code. */
function inheritedExecArgv() {
  let execArgv = process.execArgv;
  if (process._eval != null) {
    const index = ArrayPrototypeLastIndexOf(execArgv, process._eval);
    if (index > 0) {
      execArgv = ArrayPrototypeSlice(execArgv);
      ArrayPrototypeSplice(execArgv, index - 1, 2);
    }
    return execArgv;
  }
  for (let i = 0; i < execArgv.length; i++) {
    const arg = execArgv[i];
    if (arg === '-e' || arg === '--eval' || arg === '-p' ||
        arg === '--print' || arg === '-pe') {
      if (execArgv === process.execArgv) {
        execArgv = ArrayPrototypeSlice(execArgv);
      }
      ArrayPrototypeSplice(execArgv, i, 2);
      i--;
    } else if (StringPrototypeStartsWith(arg, '--eval=') ||
               StringPrototypeStartsWith(arg, '--print=')) {
      if (execArgv === process.execArgv) {
        execArgv = ArrayPrototypeSlice(execArgv);
      }
      ArrayPrototypeSplice(execArgv, i, 1);
      i--;
    }
  }
  return execArgv;
}

/* fork(modulePath[, args][, options]) -> ChildProcess running the module
 * in a new instance of this runtime with an IPC channel. options as
 * spawn's plus execPath, execArgv, silent (pipe stdio instead of
 * inheriting it), serialization ('json' | 'advanced'). */
function fork(modulePath, args, options) {
  const { getValidatedPath } = require('internal/fs/utils');
  modulePath = getValidatedPath(modulePath, 'modulePath');

  if (args == null) {
    args = [];
  } else if (typeof args === 'object' && !ArrayIsArray(args)) {
    options = args;
    args = [];
  } else {
    validateArray(args, 'args');
  }
  if (options != null) validateObject(options, 'options');
  options = { __proto__: null, ...options, shell: false };
  options.execPath = options.execPath || process.execPath;
  validateArgumentNullCheck(options.execPath, 'options.execPath');

  let execArgv = options.execArgv;
  if (execArgv === undefined || execArgv === process.execArgv) {
    execArgv = inheritedExecArgv();
  }
  validateArgumentsNullCheck(execArgv, 'options.execArgv');
  args = [...execArgv, modulePath, ...args];

  if (typeof options.stdio === 'string') {
    options.stdio = stdioStringToArray(options.stdio, 'ipc');
  } else if (!ArrayIsArray(options.stdio)) {
    // fd 3 carries IPC; stdio is inherited unless silent.
    options.stdio = stdioStringToArray(options.silent ? 'pipe' : 'inherit',
                                       'ipc');
  } else if (!ArrayPrototypeIncludes(options.stdio, 'ipc')) {
    throw new ERR_CHILD_PROCESS_IPC_REQUIRED('options.stdio');
  }
  return spawn(options.execPath, args, options);
}

/* _forkChild(fd, serializationMode): sets up process.send() & co. over the
 * IPC channel on `fd` (called at startup of a forked child). */
function _forkChild(fd, serializationMode) {
  require('internal/child_process/channel').forkChild(fd, serializationMode);
}

/* execFile(file[, args][, options][, callback]) -> ChildProcess: runs
 * `file` without a shell (unless options.shell) and calls callback(err,
 * stdout, stderr) when it closed. options: cwd, env, encoding ('utf8';
 * 'buffer' for Buffers), timeout, maxBuffer (1 MiB), killSignal, uid, gid,
 * shell, signal, windowsHide, windowsVerbatimArguments. */
function execFile(file, args, options, callback) {
  ({ file, args, options, callback } =
    normalizeExecFileArgs(file, args, options, callback));
  options = {
    __proto__: null,
    encoding: 'utf8',
    timeout: 0,
    maxBuffer: MAX_BUFFER,
    killSignal: 'SIGTERM',
    cwd: null,
    env: null,
    shell: false,
    ...options,
  };
  validateTimeout(options.timeout);
  validateMaxBuffer(options.maxBuffer);
  options.killSignal = sanitizeKillSignal(options.killSignal);

  const child = spawn(file, args, {
    cwd: options.cwd,
    env: options.env,
    gid: options.gid,
    shell: options.shell,
    signal: options.signal,
    uid: options.uid,
    windowsHide: !!options.windowsHide,
    windowsVerbatimArguments: !!options.windowsVerbatimArguments,
  });
  collectOutput(child, file, args, options, callback);
  return child;
}

/* exec(command[, options][, callback]) -> ChildProcess: execFile through
 * the shell ('/bin/sh' or options.shell). */
function exec(command, options, callback) {
  const opts = normalizeExecArgs(command, options, callback);
  return module.exports.execFile(opts.file, opts.options, opts.callback);
}

ObjectDefineProperty(exec, kCustomPromisifiedSymbol, {
  __proto__: null,
  enumerable: false,
  value: customPromiseExecFunction(exec),
});

ObjectDefineProperty(execFile, kCustomPromisifiedSymbol, {
  __proto__: null,
  enumerable: false,
  value: customPromiseExecFunction(execFile),
});

module.exports = {
  _forkChild,
  ChildProcess,
  exec,
  execFile,
  execFileSync,
  execSync,
  fork,
  spawn,
  spawnSync,
};
