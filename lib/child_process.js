'use strict';
// child_process.js - the public child_process module: the synchronous
// spawnSync/execSync/execFileSync; the asynchronous API is not built yet.

const {
  ArrayPrototypePushApply,
  ObjectDefineProperty,
} = primordials;

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_METHOD_NOT_IMPLEMENTED },
} = require('internal/errors');
const { isArrayBufferView } = require('internal/util/types');
const child_process = require('internal/child_process');
const {
  checkExecSyncError,
  getValidStdio,
  normalizeExecArgs,
  normalizeExecFileArgs,
  normalizeSpawnArguments,
  sanitizeKillSignal,
  validateMaxBuffer,
  validateTimeout,
} = child_process;

const MAX_BUFFER = 1024 * 1024;

/* spawnSync(file[, args][, options]) -> { pid, output, stdout, stderr,
 * status, signal, error? }: runs `file` to completion. options: cwd, env,
 * argv0, stdio, input (string/Buffer/TypedArray/DataView written to
 * stdin), uid, gid, timeout (ms), killSignal, maxBuffer (bytes, default
 * 1 MiB; exceeding it kills the child with error ENOBUFS), encoding,
 * shell, detached, windowsHide, windowsVerbatimArguments. */
function spawnSync(file, args, options) {
  options = {
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

/* The asynchronous API is not built yet: each of these throws
 * ERR_METHOD_NOT_IMPLEMENTED when called. */
function notImplemented(name) {
  const fn = function() {
    throw new ERR_METHOD_NOT_IMPLEMENTED(`child_process.${name}()`);
  };
  ObjectDefineProperty(fn, 'name', { __proto__: null, value: name });
  return fn;
}

function ChildProcess() {
  throw new ERR_METHOD_NOT_IMPLEMENTED('ChildProcess()');
}

module.exports = {
  _forkChild: notImplemented('_forkChild'),
  ChildProcess,
  exec: notImplemented('exec'),
  execFile: notImplemented('execFile'),
  execFileSync,
  execSync,
  fork: notImplemented('fork'),
  spawn: notImplemented('spawn'),
  spawnSync,
};
