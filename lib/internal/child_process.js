'use strict';
// internal/child_process.js - option normalization shared by the spawn
// family, the synchronous engine behind spawnSync, and the startup hook
// that opens a forked child's IPC channel (the asynchronous machinery
// lives in internal/child_process/*).

const {
  ArrayIsArray,
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ArrayPrototypeUnshift,
  NumberIsInteger,
  ObjectAssign,
  StringPrototypeIncludes,
  Symbol,
} = primordials;

const {
  errnoException,
  genericNodeError,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const {
  validateBoolean,
  validateFunction,
  validateObject,
  validateString,
} = require('internal/validators');
const { convertToValidSignal, kEmptyObject } = require('internal/util');
const { isUint8Array } = require('internal/util/types');

let spawnSyncBinding;
let BufferCtor;

function lazyBuffer() {
  BufferCtor ??= require('buffer').Buffer;
  return BufferCtor;
}

/* The Buffer over the same memory as a Uint8Array from a binding. */
function asBuffer(u8) {
  const Buffer = lazyBuffer();
  if (u8 instanceof Buffer) return u8;
  return Buffer.from(u8.buffer, u8.byteOffset, u8.byteLength);
}

/* Throws ERR_INVALID_ARG_VALUE when string `arg` holds a NUL byte. */
function validateArgumentNullCheck(arg, propName) {
  if (typeof arg === 'string' && StringPrototypeIncludes(arg, '\u0000')) {
    throw new ERR_INVALID_ARG_VALUE(propName, arg,
                                    'must be a string without null bytes');
  }
}

function validateArgumentsNullCheck(args, propName) {
  for (let i = 0; i < args.length; ++i) {
    validateArgumentNullCheck(args[i], `${propName}[${i}]`);
  }
}

/* The cwd option as a path string: accepts a string, a Uint8Array or a
 * file: URL (as fs paths do). */
function validateCwd(cwd) {
  const { BuiltinModule } = require('internal/bootstrap/realm');
  if (BuiltinModule.exists('internal/fs/utils')) {
    const path = require('internal/fs/utils').getValidatedPath(cwd,
                                                               'options.cwd');
    return typeof path === 'string' ? path : `${path}`;
  }
  cwd = require('internal/url').toPathIfFileURL(cwd);
  if (typeof cwd !== 'string' && !isUint8Array(cwd)) {
    throw new ERR_INVALID_ARG_TYPE('options.cwd', ['string', 'Buffer', 'URL'],
                                   cwd);
  }
  const str = typeof cwd === 'string' ? cwd :
    lazyBuffer().from(cwd.buffer, cwd.byteOffset, cwd.length).toString();
  if (StringPrototypeIncludes(str, '\u0000')) {
    throw new ERR_INVALID_ARG_VALUE('options.cwd', cwd,
                                    'must be a string or Uint8Array ' +
                                    'without null bytes');
  }
  return str;
}

/* normalizeSpawnArguments(file, args, options) -> { ...options, file,
 * args (argv including argv[0]), cwd, envPairs, detached, windowsHide,
 * windowsVerbatimArguments }. Validates like Node; `shell` rewrites the
 * command into `/bin/sh -c "file args..."`. */
function normalizeSpawnArguments(file, args, options) {
  validateString(file, 'file');
  validateArgumentNullCheck(file, 'file');
  if (file.length === 0) {
    throw new ERR_INVALID_ARG_VALUE('file', file, 'cannot be empty');
  }

  if (ArrayIsArray(args)) {
    args = ArrayPrototypeSlice(args);
  } else if (args == null) {
    args = [];
  } else if (typeof args !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('args', 'object', args);
  } else {
    options = args;
    args = [];
  }
  validateArgumentsNullCheck(args, 'args');

  if (options === undefined) {
    options = kEmptyObject;
  } else {
    validateObject(options, 'options');
  }
  // Only own properties count: inherited ones (a tampered
  // Object.prototype) must not redirect cwd, uid, shell...
  options = { __proto__: null, ...options };

  let cwd = options.cwd;
  if (cwd != null) cwd = validateCwd(cwd);

  if (options.detached != null) {
    validateBoolean(options.detached, 'options.detached');
  }
  if (options.uid != null && !isInt32Number(options.uid)) {
    throw new ERR_INVALID_ARG_TYPE('options.uid', 'int32', options.uid);
  }
  if (options.gid != null && !isInt32Number(options.gid)) {
    throw new ERR_INVALID_ARG_TYPE('options.gid', 'int32', options.gid);
  }
  if (options.shell != null &&
      typeof options.shell !== 'boolean' &&
      typeof options.shell !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('options.shell', ['boolean', 'string'],
                                   options.shell);
  }
  if (options.argv0 != null) {
    validateString(options.argv0, 'options.argv0');
    validateArgumentNullCheck(options.argv0, 'options.argv0');
  }
  if (options.windowsHide != null) {
    validateBoolean(options.windowsHide, 'options.windowsHide');
  }
  let { windowsVerbatimArguments } = options;
  if (windowsVerbatimArguments != null) {
    validateBoolean(windowsVerbatimArguments,
                    'options.windowsVerbatimArguments');
  }

  if (options.shell) {
    validateArgumentNullCheck(options.shell, 'options.shell');
    const command = args.length === 0 ? file :
      `${file} ${ArrayPrototypeJoin(args, ' ')}`;
    if (typeof options.shell === 'string') {
      file = options.shell;
    } else if (process.platform === 'android') {
      file = '/system/bin/sh';
    } else {
      file = '/bin/sh';
    }
    args = ['-c', command];
    windowsVerbatimArguments = false;
  }

  ArrayPrototypeUnshift(args, typeof options.argv0 === 'string' ?
    options.argv0 : file);

  const env = options.env || process.env;
  const envPairs = [];
  // Inherited keys count too, as for-in sees them.
  for (const key in env) {
    const value = env[key];
    if (value !== undefined) {
      validateArgumentNullCheck(key, `options.env['${key}']`);
      validateArgumentNullCheck(value, `options.env['${key}']`);
      ArrayPrototypePush(envPairs, `${key}=${value}`);
    }
  }

  return {
    // A shallow copy: the user's options object is left alone.
    __proto__: null,
    ...options,
    args,
    cwd,
    detached: !!options.detached,
    envPairs,
    file,
    windowsHide: !!options.windowsHide,
    windowsVerbatimArguments: !!windowsVerbatimArguments,
  };
}

function isInt32Number(value) {
  return typeof value === 'number' && value === (value | 0);
}

/* normalizeExecArgs(command, options, callback) -> { file: command,
 * options (a copy, with shell true unless a shell path was given),
 * callback }. */
function normalizeExecArgs(command, options, callback) {
  validateString(command, 'command');
  validateArgumentNullCheck(command, 'command');
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  options = { __proto__: null, ...options };
  options.shell = typeof options.shell === 'string' ? options.shell : true;
  return { file: command, options, callback };
}

/* normalizeExecFileArgs(file, args, options, callback) -> { file, args,
 * options, callback } with the optional arguments shifted into place. */
function normalizeExecFileArgs(file, args, options, callback) {
  if (ArrayIsArray(args)) {
    args = ArrayPrototypeSlice(args);
  } else if (args != null && typeof args === 'object') {
    callback = options;
    options = args;
    args = null;
  } else if (typeof args === 'function') {
    callback = args;
    options = null;
    args = null;
  }
  if (args == null) args = [];
  if (typeof options === 'function') {
    callback = options;
  } else if (options != null) {
    validateObject(options, 'options');
  }
  if (options == null) options = kEmptyObject;
  if (callback != null) validateFunction(callback, 'callback');
  if (options.argv0 != null) {
    validateString(options.argv0, 'options.argv0');
    validateArgumentNullCheck(options.argv0, 'options.argv0');
  }
  return { file, args, options, callback };
}

/* Throws unless timeout is null/undefined or an unsigned integer. */
function validateTimeout(timeout) {
  if (timeout != null && !(NumberIsInteger(timeout) && timeout >= 0)) {
    throw new ERR_OUT_OF_RANGE('timeout', 'an unsigned integer', timeout);
  }
}

/* Throws unless maxBuffer is null/undefined or a number >= 0. */
function validateMaxBuffer(maxBuffer) {
  if (maxBuffer != null && !(typeof maxBuffer === 'number' && maxBuffer >= 0)) {
    throw new ERR_OUT_OF_RANGE('options.maxBuffer', 'a positive number',
                               maxBuffer);
  }
}

/* The kill signal as a number (undefined stays undefined). */
function sanitizeKillSignal(killSignal) {
  if (typeof killSignal === 'string' || typeof killSignal === 'number') {
    return convertToValidSignal(killSignal);
  } else if (killSignal != null) {
    throw new ERR_INVALID_ARG_TYPE('options.killSignal', ['string', 'number'],
                                   killSignal);
  }
}

/* spawnSync(options) -> { error?, status, signal, output, pid, stdout,
 * stderr } from normalized options: outputs decoded with options.encoding
 * (unless 'buffer'), and a binding errno turned into an Error with
 * syscall `spawnSync <file>`, path and spawnargs. */
function spawnSync(options) {
  spawnSyncBinding ??= internalBinding('spawn_sync');
  const result = spawnSyncBinding.spawn(options);
  const { encoding } = options;
  if (result.output) {
    const decode = encoding && encoding !== 'buffer';
    for (let i = 0; i < result.output.length; i++) {
      if (!result.output[i]) continue;
      const buf = asBuffer(result.output[i]);
      result.output[i] = decode ? buf.toString(encoding) : buf;
    }
  }
  result.stdout = result.output && result.output[1];
  result.stderr = result.output && result.output[2];
  if (result.error) {
    result.error = errnoException(result.error, `spawnSync ${options.file}`);
    result.error.path = options.file;
    result.error.spawnargs = ArrayPrototypeSlice(options.args, 1);
  }
  return result;
}

/* The error execSync/execFileSync throw for a spawnSync result, or
 * undefined when the command succeeded: the spawn error itself, or
 * `Command failed: <cmd>` plus the child's stderr; either carries the
 * result's fields (status, signal, output, pid, stdout, stderr). */
function checkExecSyncError(ret, args, cmd) {
  let err;
  if (ret.error) {
    err = ret.error;
    ObjectAssign(err, ret);
  } else if (ret.status !== 0) {
    let msg = 'Command failed: ';
    msg += cmd || ArrayPrototypeJoin(args, ' ');
    if (ret.stderr && ret.stderr.length > 0) {
      msg += `\n${ret.stderr.toString()}`;
    }
    err = genericNodeError(msg, ret);
  }
  return err;
}

const { getValidStdio } = require('internal/child_process/stdio');

// Where a ChildProcess (or the process of a forked child) keeps its IPC
// Pipe handle.
const kChannelHandle = Symbol('kChannelHandle');

/* Startup hook (from internal/bootstrap/node): in a process started with
 * an IPC channel (NODE_CHANNEL_FD), sets up process.send() & co.; in a
 * cluster worker (NODE_UNIQUE_ID) also its link to the primary. Both
 * variables leave process.env so that grandchildren do not inherit them. */
function setupChannelIfNeeded() {
  if (process.env.NODE_CHANNEL_FD) {
    require('internal/child_process/channel').setupChannelIfNeeded();
  }
  // As in Node, only a worker that runs a script file (not -e code).
  if (process.env.NODE_UNIQUE_ID &&
      internalBinding('process_methods').getProcessInfo().script) {
    require('cluster')._setupWorker();
    delete process.env.NODE_UNIQUE_ID;
  }
}

module.exports = {
  checkExecSyncError,
  getValidStdio,
  kChannelHandle,
  normalizeExecArgs,
  normalizeExecFileArgs,
  normalizeSpawnArguments,
  sanitizeKillSignal,
  setupChannelIfNeeded,
  spawnSync,
  validateArgumentNullCheck,
  validateArgumentsNullCheck,
  validateMaxBuffer,
  validateTimeout,
};
