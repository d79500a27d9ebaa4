'use strict';
// internal/child_process/subprocess.js - ChildProcess: one spawned process
// over a process_wrap handle, its stdio sockets, exit/close bookkeeping,
// kill/ref/unref, and the IPC channel when it has one.

const {
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  FunctionPrototypeCall,
  ObjectSetPrototypeOf,
  Symbol,
  SymbolFor,
} = primordials;

const EventEmitter = require('events');
const {
  errnoException,
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const {
  validateArray,
  validateObject,
  validateOneOf,
  validateString,
} = require('internal/validators');
const { convertToValidSignal } = require('internal/util');
const { kOwner } = require('internal/stream_base_commons');

const { Process } = internalBinding('process_wrap');
const {
  UV_EACCES,
  UV_EAGAIN,
  UV_EINVAL,
  UV_EMFILE,
  UV_ENFILE,
  UV_ENOENT,
  UV_ENOSYS,
  UV_ESRCH,
} = internalBinding('uv');

let net;
let stdioHelpers;

const kIsUsedAsStdio = Symbol('kIsUsedAsStdio');
const kDispose = SymbolFor('nodejs.dispose');

/* new ChildProcess(): an unspawned process; spawn(options) starts it. */
function ChildProcess() {
  FunctionPrototypeCall(EventEmitter, this);

  // stdout, stderr and the IPC channel each add one when they exist.
  this._closesNeeded = 1;
  this._closesGot = 0;
  this.connected = false;

  this.signalCode = null;
  this.exitCode = null;
  this.killed = false;
  this.spawnfile = null;

  this._handle = new Process();
  this._handle[kOwner] = this;
  this._handle.onexit = onHandleExit;
}
ObjectSetPrototypeOf(ChildProcess.prototype, EventEmitter.prototype);
ObjectSetPrototypeOf(ChildProcess, EventEmitter);

/* The handle's onexit(exitCode, signalName): exitCode < 0 is a spawn
 * error (reported on the next tick by spawn()). */
function onHandleExit(exitCode, signalCode) {
  const subprocess = this[kOwner];
  if (signalCode) {
    subprocess.signalCode = signalCode;
  } else {
    subprocess.exitCode = exitCode;
  }
  if (subprocess.stdin) subprocess.stdin.destroy();
  if (subprocess._handle) {
    subprocess._handle.close();
    subprocess._handle = null;
  }
  if (exitCode < 0) {
    const file = subprocess.spawnfile;
    const err = errnoException(exitCode, file ? `spawn ${file}` : 'spawn');
    if (file) err.path = file;
    err.spawnargs = ArrayPrototypeSlice(subprocess.spawnargs, 1);
    subprocess.emit('error', err);
  } else {
    subprocess.emit('exit', subprocess.exitCode, subprocess.signalCode);
  }
  // Streams nobody reads are drained so that they end and 'close' comes.
  process.nextTick(flushStdio, subprocess);
  maybeClose(subprocess);
}

/* Resumes the readable stdio streams no one listens to. */
function flushStdio(subprocess) {
  const stdio = subprocess.stdio;
  if (stdio == null) return;
  for (let i = 0; i < stdio.length; i++) {
    const stream = stdio[i];
    if (!stream || !stream.readable || stream[kIsUsedAsStdio]) continue;
    stream.resume();
  }
}

/* One of the things 'close' waits for (exit, stdout, stderr, IPC) is
 * done; 'close' goes out after the last one. */
function maybeClose(subprocess) {
  subprocess._closesGot++;
  if (subprocess._closesGot === subprocess._closesNeeded) {
    subprocess.emit('close', subprocess.exitCode, subprocess.signalCode);
  }
}

function onErrorNT(subprocess, err) {
  if (subprocess._handle) subprocess._handle.onexit(err, '');
}

function onSpawnNT(subprocess) {
  subprocess.emit('spawn');
}

function isRuntimeSpawnError(err) {
  return err === UV_EACCES || err === UV_EAGAIN || err === UV_EMFILE ||
    err === UV_ENFILE || err === UV_ENOENT;
}

/* A net.Socket over a stdio pipe of the child: readable for the child's
 * outputs, write-only for its stdin. */
function createSocket(pipe, readable) {
  net ??= require('net');
  return net.Socket({ handle: pipe, readable });
}

/* spawn(options) -> 0 or a UV error: starts the process described by
 * normalized options { file, args, cwd, envPairs, stdio, detached, uid,
 * gid, serialization }. Runtime failures (ENOENT, EACCES, EMFILE...) come
 * as 'error' on the next tick; others throw. */
ChildProcess.prototype.spawn = function spawn(options) {
  validateObject(options, 'options');
  validateOneOf(options.serialization, 'options.serialization',
                [undefined, 'json', 'advanced']);
  const serialization = options.serialization || 'json';

  stdioHelpers ??= require('internal/child_process/stdio');
  const valid = stdioHelpers.getValidStdio(options.stdio || 'pipe', false);
  const { ipc, ipcFd } = valid;
  const stdio = options.stdio = valid.stdio;

  if (ipc !== undefined) {
    if (options.envPairs === undefined) {
      options.envPairs = [];
    } else if (!isArray(options.envPairs)) {
      stdioHelpers.closeStdioHandles(stdio);
      throw new ERR_INVALID_ARG_TYPE('options.envPairs', 'Array',
                                     options.envPairs);
    }
    ArrayPrototypePush(options.envPairs, `NODE_CHANNEL_FD=${ipcFd}`);
    ArrayPrototypePush(options.envPairs,
                       `NODE_CHANNEL_SERIALIZATION_MODE=${serialization}`);
  }

  try {
    validateString(options.file, 'options.file');
    if (options.args !== undefined) validateArray(options.args, 'options.args');
  } catch (err) {
    stdioHelpers.closeStdioHandles(stdio);
    throw err;
  }
  this.spawnfile = options.file;
  this.spawnargs = options.args === undefined ? [] : options.args;

  const err = this._handle.spawn(options);
  if (isRuntimeSpawnError(err)) {
    process.nextTick(onErrorNT, this, err);
    // Without descriptors there is no point in setting up stdio.
    if (err === UV_EMFILE || err === UV_ENFILE) {
      stdioHelpers.closeStdioHandles(stdio);
      return err;
    }
  } else if (err) {
    this._handle.close();
    this._handle = null;
    stdioHelpers.closeStdioHandles(stdio);
    throw errnoException(err, 'spawn');
  } else {
    process.nextTick(onSpawnNT, this);
  }

  this.pid = this._handle.pid;

  for (let i = 0; i < stdio.length; i++) {
    const stream = stdio[i];
    if (stream.type === 'ignore') continue;
    if (stream.ipc) {
      this._closesNeeded++;
      continue;
    }
    if (stream.type === 'wrap') {
      // A stream of ours the child now shares: stop reading it here.
      const handle = stream.handle;
      handle.reading = false;
      handle.readStop();
      const user = stream._stdio;
      if (user && typeof user.pause === 'function') {
        user.pause();
        user.readableFlowing = false;
        if (user._readableState) user._readableState.reading = false;
        user[kIsUsedAsStdio] = true;
      }
      continue;
    }
    if (stream.handle) {
      stream.socket = createSocket(this.pid !== 0 ? stream.handle : null,
                                   i > 0);
      if (i > 0 && this.pid !== 0) {
        this._closesNeeded++;
        stream.socket.on('close', () => maybeClose(this));
      }
    }
  }

  this.stdin = stdio.length >= 1 && stdio[0].socket !== undefined ?
    stdio[0].socket : null;
  this.stdout = stdio.length >= 2 && stdio[1].socket !== undefined ?
    stdio[1].socket : null;
  this.stderr = stdio.length >= 3 && stdio[2].socket !== undefined ?
    stdio[2].socket : null;

  const streams = new Array(stdio.length);
  for (let i = 0; i < stdio.length; i++) {
    streams[i] = stdio[i].socket === undefined ? null : stdio[i].socket;
  }
  this.stdio = streams;

  if (ipc !== undefined) {
    const control = require('internal/child_process/channel')
      .setupChannel(this, ipc, serialization);
    // The parent's end keeps the loop alive until the channel closes (so
    // 'disconnect' is always seen), however many writes came and went;
    // only an explicit subprocess.channel.unref() lets go of it.
    control.refCounted();
  }
  return err;
};

function isArray(v) {
  return Array.isArray(v);
}

/* kill([signal = 'SIGTERM']) -> true when the signal was delivered. An
 * unknown signal throws; a process already gone yields false. */
ChildProcess.prototype.kill = function kill(sig) {
  const signal = sig === 0 ? sig :
    convertToValidSignal(sig === undefined ? 'SIGTERM' : sig);
  if (this._handle) {
    const err = this._handle.kill(signal);
    if (err === 0) {
      this.killed = true;
      return true;
    }
    if (err === UV_ESRCH) {
      // Already gone; its exit is on its way.
    } else if (err === UV_EINVAL || err === UV_ENOSYS) {
      throw errnoException(err, 'kill');
    } else {
      this.emit('error', errnoException(err, 'kill'));
    }
  }
  return false;
};

ChildProcess.prototype[kDispose] = function() {
  if (!this.killed) this.kill();
};

/* ref()/unref(): whether the child keeps the event loop alive. */
ChildProcess.prototype.ref = function ref() {
  if (this._handle) this._handle.ref();
};

ChildProcess.prototype.unref = function unref() {
  if (this._handle) this._handle.unref();
};

module.exports = {
  ChildProcess,
  kIsUsedAsStdio,
  maybeClose,
};
