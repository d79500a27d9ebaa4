'use strict';
// internal/net/socket.js - net.Socket: a Duplex stream over a TCP, Pipe or
// TTY handle (reads arrive through handle.onread, writes go through the
// handle's synchronous-first write methods).

const {
  ArrayIsArray,
  Boolean,
  FunctionPrototypeCall,
  ObjectAssign,
  ObjectDefineProperty,
  ObjectGetPrototypeOf,
  ObjectSetPrototypeOf,
  Symbol,
} = primordials;

const { Duplex } = require('stream');
const { Buffer } = require('buffer');
const {
  AbortError,
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_HANDLE_TYPE,
    ERR_MISSING_ARGS,
    ERR_SOCKET_CLOSED,
    ERR_SOCKET_CLOSED_BEFORE_CONNECTION,
  },
  errnoException,
  genericNodeError,
} = require('internal/errors');
const {
  validateAbortSignal,
  validateNumber,
  validateString,
} = require('internal/validators');
const { isUint8Array } = require('internal/util/types');
const { normalizedArgsSymbol } = require('internal/net');
const {
  kOwner,
  kUpdateTimer,
  kAfterAsyncWrite,
  kBuffer,
  kBufferCb,
  kBufferGen,
  kLastWriteQueueSize,
  kTimeout,
  onStreamRead,
  flushUserBuffer,
  writeGeneric,
  writevGeneric,
  setStreamTimeout,
} = require('internal/stream_base_commons');
const {
  createHandle,
  normalizeArgs,
  pipeWrap,
  tcpWrap,
} = require('internal/net/common');

const { UV_ENOTCONN } = internalBinding('uv');
const { releaseReadBuffer } = internalBinding('stream_wrap');
const { kPipedChunkWritten } = require('internal/streams/utils');

const kHandle = Symbol('kHandle');
const kSetNoDelay = Symbol('kSetNoDelay');
const kSetKeepAlive = Symbol('kSetKeepAlive');
const kSetKeepAliveInitialDelay = Symbol('kSetKeepAliveInitialDelay');
const kBytesRead = Symbol('kBytesRead');
const kBytesWritten = Symbol('kBytesWritten');
const kReinitializeHandle = Symbol('reinitializeHandle');

let connectImpl;
function lazyConnect() {
  connectImpl ??= require('internal/net/connect');
  return connectImpl;
}

function noop() {}

/* new Socket([options]): options.fd / options.handle wrap an existing
 * socket; allowHalfOpen, readable, writable, pauseOnConnect, noDelay,
 * keepAlive, keepAliveInitialDelay, onread { buffer, callback }, signal. */
function Socket(options) {
  if (!(this instanceof Socket)) return new Socket(options);
  if (options !== null && typeof options === 'object') {
    if (options.objectMode) rejectObjectMode(options, 'objectMode');
    if (options.readableObjectMode) {
      rejectObjectMode(options, 'readableObjectMode');
    }
    if (options.writableObjectMode) {
      rejectObjectMode(options, 'writableObjectMode');
    }
  }
  this.connecting = false;
  this._hadError = false;
  this[kHandle] = null;
  this._parent = null;
  this._host = null;
  this[kLastWriteQueueSize] = 0;
  this[kTimeout] = null;
  this[kBuffer] = null;
  this[kBufferCb] = null;
  this[kBufferGen] = null;
  this._closeAfterHandlingError = false;

  if (typeof options === 'number') {
    options = { fd: options };
  } else {
    // A copy (ObjectAssign: V8 slows down objects made by spreading and
    // then extended).
    options = ObjectAssign({}, options);
  }
  const allowHalfOpen = Boolean(options.allowHalfOpen);
  options.allowHalfOpen = allowHalfOpen;
  options.emitClose = false;
  options.autoDestroy = true;
  options.decodeStrings = false;
  // The signal is handled below (a Socket is destroyed, not errored).
  const signal = options.signal;
  options.signal = undefined;
  FunctionPrototypeCall(Duplex, this, options);

  if (options.handle) {
    this._handle = options.handle;
  } else if (options.fd !== undefined) {
    const { fd } = options;
    this._handle = createHandle(fd, false);
    const err = this._handle.open(fd);
    if (err) throw errnoException(err, 'open');
  }

  const onread = options.onread;
  if (onread !== null && typeof onread === 'object' &&
      (isUint8Array(onread.buffer) || typeof onread.buffer === 'function') &&
      typeof onread.callback === 'function') {
    if (typeof onread.buffer === 'function') {
      this[kBuffer] = true;
      this[kBufferGen] = onread.buffer;
    } else {
      this[kBuffer] = onread.buffer;
    }
    this[kBufferCb] = onread.callback;
  }

  if (options.keepAliveInitialDelay !== undefined) {
    validateNumber(options.keepAliveInitialDelay,
                   'options.keepAliveInitialDelay');
    if (options.keepAliveInitialDelay < 0) options.keepAliveInitialDelay = 0;
  }
  this[kSetNoDelay] = Boolean(options.noDelay);
  this[kSetKeepAlive] = Boolean(options.keepAlive);
  this[kSetKeepAliveInitialDelay] = ~~(options.keepAliveInitialDelay / 1000);

  this.on('end', onReadableStreamEnd);
  initSocketHandle(this);

  this._pendingData = null;
  this._pendingEncoding = '';

  if (this._handle && options.readable !== false) {
    if (options.pauseOnConnect) {
      this._handle.reading = false;
      this._handle.readStop();
      this.readableFlowing = false;
    } else if (!options.manualStart) {
      this.read(0);
    }
  }

  if (signal) addAbortSignal(this, signal);

  this.server = null;
  this._server = null;
  this[kBytesRead] = 0;
  this[kBytesWritten] = 0;
}
ObjectSetPrototypeOf(Socket.prototype, Duplex.prototype);
ObjectSetPrototypeOf(Socket, Duplex);

function rejectObjectMode(options, key) {
  throw new ERR_INVALID_ARG_VALUE(`options.${key}`, options[key],
                                  'is not supported');
}

/* Destroys `socket` with an AbortError when `signal` aborts. */
function addAbortSignal(socket, signal) {
  validateAbortSignal(signal, 'options.signal');
  const onAbort = () => {
    socket.destroy(new AbortError(undefined, { cause: signal.reason }));
  };
  if (signal.aborted) {
    process.nextTick(onAbort);
  } else {
    signal.addEventListener('abort', onAbort, { once: true });
    socket.once('close', () => signal.removeEventListener('abort', onAbort));
  }
}

/* Ties the socket's current handle (if any) to it. */
function initSocketHandle(self) {
  self._undestroy();
  attachHandle(self);
}

/* Makes the socket the owner and reader of its current handle. */
function attachHandle(self) {
  self._sockname = null;
  self._peername = null;
  const handle = self._handle;
  if (handle) {
    handle[kOwner] = self;
    handle.onread = onStreamRead;
  }
}

/* After the other side ended: without allowHalfOpen further writes fail. */
function onReadableStreamEnd() {
  if (!this.allowHalfOpen) this.write = writeAfterFIN;
}

/* write() once the peer has sent FIN and the socket is not half-open. */
function writeAfterFIN(chunk, encoding, cb) {
  if (!this.writableEnded) {
    return FunctionPrototypeCall(Duplex.prototype.write, this, chunk,
                                 encoding, cb);
  }
  if (typeof encoding === 'function') {
    cb = encoding;
    encoding = null;
  }
  const er = genericNodeError('This socket has been ended by the other party',
                              { code: 'EPIPE' });
  if (typeof cb === 'function') process.nextTick(cb, er);
  this.destroy(er);
  return false;
}

ObjectDefineProperty(Socket.prototype, '_handle', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return this[kHandle]; },
  set(v) { this[kHandle] = v; },
});

Socket.prototype[kReinitializeHandle] = function(handle) {
  if (this._handle) this._handle.close();
  this._handle = handle;
  this._handle[kOwner] = this;
  initSocketHandle(this);
};

/* Restarts the idle timer of this socket and of its parents. */
Socket.prototype._unrefTimer = function _unrefTimer() {
  for (let s = this; s !== null; s = s._parent) {
    if (s[kTimeout]) s[kTimeout].refresh();
  }
};
Socket.prototype[kUpdateTimer] = Socket.prototype._unrefTimer;

Socket.prototype[kAfterAsyncWrite] = function() {
  this[kLastWriteQueueSize] = 0;
};

/* The writable side's end: shut the socket down once connected. */
Socket.prototype._final = function(cb) {
  if (this.pending) {
    this.once('connect', () => this._final(cb));
    return;
  }
  if (!this._handle) return cb();
  const req = { oncomplete: afterShutdown, handle: this._handle, callback: cb };
  const err = this._handle.shutdown(req);
  if (err === 1 || err === UV_ENOTCONN) return cb();
  if (err !== 0) return cb(errnoException(err, 'shutdown'));
};

function afterShutdown() {
  this.callback();
}

Socket.prototype.setTimeout = setStreamTimeout;

/* The idle timer fired: a write still draining counts as activity. */
Socket.prototype._onTimeout = function() {
  const handle = this._handle;
  const lastWriteQueueSize = this[kLastWriteQueueSize];
  if (lastWriteQueueSize > 0 && handle) {
    const { writeQueueSize } = handle;
    if (lastWriteQueueSize !== writeQueueSize) {
      this[kLastWriteQueueSize] = writeQueueSize;
      this._unrefTimer();
      return;
    }
  }
  this.emit('timeout');
};

/* setNoDelay([enable=true]): Nagle off/on; remembered until connected. */
Socket.prototype.setNoDelay = function(enable) {
  const value = enable === undefined ? true : !!enable;
  if (!this._handle) {
    this[kSetNoDelay] = value;
    return this;
  }
  if (this._handle.setNoDelay && value !== this[kSetNoDelay]) {
    this[kSetNoDelay] = value;
    this._handle.setNoDelay(value);
  }
  return this;
};

/* setKeepAlive([enable][, initialDelay ms]). */
Socket.prototype.setKeepAlive = function(enable, initialDelayMsecs) {
  enable = Boolean(enable);
  const initialDelay = ~~(initialDelayMsecs / 1000);
  if (!this._handle) {
    this[kSetKeepAlive] = enable;
    this[kSetKeepAliveInitialDelay] = initialDelay;
    return this;
  }
  if (!this._handle.setKeepAlive) return this;
  if (enable !== this[kSetKeepAlive] ||
      (enable && this[kSetKeepAliveInitialDelay] !== initialDelay)) {
    this[kSetKeepAlive] = enable;
    this[kSetKeepAliveInitialDelay] = initialDelay;
    this._handle.setKeepAlive(enable, initialDelay);
  }
  return this;
};

/* address() -> { address, family, port } of the local end. */
Socket.prototype.address = function() {
  return this._getsockname();
};

ObjectDefineProperty(Socket.prototype, '_connecting', {
  __proto__: null,
  get() { return this.connecting; },
});

ObjectDefineProperty(Socket.prototype, 'pending', {
  __proto__: null,
  configurable: true,
  get() { return !this._handle || this.connecting; },
});

ObjectDefineProperty(Socket.prototype, 'readyState', {
  __proto__: null,
  get() {
    if (this.connecting) return 'opening';
    if (this.readable && this.writable) return 'open';
    if (this.readable && !this.writable) return 'readOnly';
    if (!this.readable && this.writable) return 'writeOnly';
    return 'closed';
  },
});

ObjectDefineProperty(Socket.prototype, 'bufferSize', {
  __proto__: null,
  get() {
    if (this._handle) return this.writableLength;
    return undefined;
  },
});

/* Starts the handle reading (after delivering bytes an `onread` socket
 * kept back while paused). */
function tryReadStart(socket) {
  if (socket[kBuffer] && !flushUserBuffer(socket)) return;
  socket._handle.reading = true;
  const err = socket._handle.readStart();
  if (err) socket.destroy(errnoException(err, 'read'));
}

Socket.prototype._read = function(n) {
  if (this.connecting || !this._handle) {
    this.once('connect', () => this._read(n));
  } else if (!this._handle.reading) {
    tryReadStart(this);
  }
};

Socket.prototype.end = function(data, encoding, callback) {
  FunctionPrototypeCall(Duplex.prototype.end, this, data, encoding, callback);
  return this;
};

/* resetAndDestroy(): closes a TCP connection with RST. */
Socket.prototype.resetAndDestroy = function() {
  if (this._handle) {
    if (!(this._handle instanceof tcpWrap().TCP)) {
      throw new ERR_INVALID_HANDLE_TYPE();
    }
    if (this.connecting) {
      this.once('connect', () => this._reset());
    } else {
      this._reset();
    }
  } else {
    this.destroy(new ERR_SOCKET_CLOSED());
  }
  return this;
};

Socket.prototype.pause = function() {
  if (this[kBuffer] && !this.connecting && this._handle &&
      this._handle.reading) {
    this._handle.reading = false;
    if (!this.destroyed) {
      const err = this._handle.readStop();
      if (err) this.destroy(errnoException(err, 'read'));
    }
  }
  return FunctionPrototypeCall(Duplex.prototype.pause, this);
};

Socket.prototype.resume = function() {
  if (this[kBuffer] && !this.connecting && this._handle &&
      !this._handle.reading) {
    tryReadStart(this);
  }
  return FunctionPrototypeCall(Duplex.prototype.resume, this);
};

Socket.prototype.read = function(n) {
  if (this[kBuffer] && !this.connecting && this._handle &&
      !this._handle.reading) {
    tryReadStart(this);
  }
  return FunctionPrototypeCall(Duplex.prototype.read, this, n);
};

/* End the writable side, then destroy once everything is flushed. */
Socket.prototype.destroySoon = function() {
  if (this.writable) this.end();
  if (this.writableFinished) {
    this.destroy();
  } else {
    this.once('finish', this.destroy);
  }
};

Socket.prototype._destroy = function(exception, cb) {
  this.connecting = false;
  const { clearTimeout } = require('timers');
  for (let s = this; s !== null; s = s._parent) {
    if (s[kTimeout]) {
      clearTimeout(s[kTimeout]);
      s[kTimeout] = null;
    }
  }
  const handle = this._handle;
  if (handle) {
    const hadError = !!exception;
    this[kBytesRead] = handle.bytesRead;
    this[kBytesWritten] = handle.bytesWritten;
    if (this.resetAndClosing) {
      this.resetAndClosing = false;
      const err = handle.reset(() => this.emit('close', hadError));
      if (err) this.emit('error', errnoException(err, 'reset'));
    } else if (this._closeAfterHandlingError) {
      queueMicrotask(() => closeSocketHandle(this, handle, hadError));
    } else {
      closeSocketHandle(this, handle, hadError);
    }
    if (!this._closeAfterHandlingError) {
      handle.onread = noop;
      this._handle = null;
      this._sockname = null;
    }
    cb(exception);
  } else {
    cb(exception);
    process.nextTick(emitCloseNT, this);
  }
  if (this._server) {
    this._server._connections--;
    if (this._server._emitCloseIfDrained) this._server._emitCloseIfDrained();
  }
};

function closeSocketHandle(self, handle, hadError) {
  if (typeof handle.close === 'function') {
    handle.close(() => self.emit('close', hadError));
  } else {
    process.nextTick(emitCloseNT, self);
  }
}

function emitCloseNT(self) {
  self.emit('close');
}

Socket.prototype._reset = function() {
  this.resetAndClosing = true;
  return this.destroy();
};

Socket.prototype._getpeername = function() {
  if (!this._handle || !this._handle.getpeername || this.connecting) {
    return this._peername || {};
  }
  if (!this._peername) {
    const out = {};
    const err = this._handle.getpeername(out);
    if (err) return out;
    this._peername = out;
  }
  return this._peername;
};

Socket.prototype._getsockname = function() {
  if (!this._handle || !this._handle.getsockname) return {};
  if (this.connecting) return this._sockname || {};
  if (!this._sockname) {
    const out = {};
    const err = this._handle.getsockname(out);
    if (err) return out;
    this._sockname = out;
  }
  return this._sockname;
};

function defineGetter(name, get) {
  ObjectDefineProperty(Socket.prototype, name, {
    __proto__: null, configurable: false, enumerable: true, get,
  });
}

defineGetter('bytesRead', function() {
  return this._handle ? this._handle.bytesRead : this[kBytesRead];
});
defineGetter('remoteAddress', function() {
  return this._getpeername().address;
});
defineGetter('remoteFamily', function() {
  return this._getpeername().family;
});
defineGetter('remotePort', function() {
  return this._getpeername().port;
});
defineGetter('localAddress', function() {
  return this._getsockname().address;
});
defineGetter('localPort', function() {
  return this._getsockname().port;
});
defineGetter('localFamily', function() {
  return this._getsockname().family;
});

/* _write/_writev land here: before the connection is up the data waits
 * for 'connect' (or fails on 'close'). */
Socket.prototype._writeGeneric = function(writev, data, encoding, cb) {
  if (this.connecting) {
    this._pendingData = data;
    this._pendingEncoding = encoding;
    const onClose = () => cb(new ERR_SOCKET_CLOSED_BEFORE_CONNECTION());
    this.once('connect', function connect() {
      this.off('close', onClose);
      this._writeGeneric(writev, data, encoding, cb);
    });
    this.once('close', onClose);
    return;
  }
  this._pendingData = null;
  this._pendingEncoding = '';
  if (!this._handle) {
    cb(new ERR_SOCKET_CLOSED());
    return false;
  }
  this._unrefTimer();
  const req = writev ? writevGeneric(this, data, cb) :
    writeGeneric(this, data, encoding, cb);
  if (req.async) this[kLastWriteQueueSize] = req.bytes;
};

Socket.prototype._writev = function(chunks, cb) {
  this._writeGeneric(true, chunks, '', cb);
};

Socket.prototype._write = function(data, encoding, cb) {
  this._writeGeneric(false, data, encoding, cb);
};

/* pipe() calls this right after dest.write(chunk) for each chunk read from
 * this socket. A chunk that went to that pipe alone (the one 'data'
 * listener) and that a plain socket wrote out at once (nothing of it left
 * in dest's buffer) is out of every script's reach, so its memory goes
 * back to the read pool while it is still in the CPU cache: an echo server
 * or a proxy then reads into warm memory instead of fresh memory each
 * time. Subclasses, patched methods and any other listener keep the
 * ordinary path (the chunk is collected by V8 as usual). */
const plainSocketMethods = {
  emit: Socket.prototype.emit,
  push: Socket.prototype.push,
  write: Socket.prototype.write,
  _write: Socket.prototype._write,
  _writeGeneric: Socket.prototype._writeGeneric,
};
Socket.prototype[kPipedChunkWritten] = function(chunk, dest) {
  if (ObjectGetPrototypeOf(dest) !== Socket.prototype ||
      ObjectGetPrototypeOf(this) !== Socket.prototype ||
      dest.writableLength !== 0 ||
      this.listenerCount('data') !== 1 ||
      this.emit !== plainSocketMethods.emit ||
      this.push !== plainSocketMethods.push ||
      dest.write !== plainSocketMethods.write ||
      dest._write !== plainSocketMethods._write ||
      dest._writeGeneric !== plainSocketMethods._writeGeneric) {
    return;
  }
  releaseReadBuffer(chunk);
};

defineGetter('_bytesDispatched', function() {
  return this._handle ? this._handle.bytesWritten : this[kBytesWritten];
});

defineGetter('bytesWritten', function() {
  let bytes = this._bytesDispatched;
  const writableBuffer = this.writableBuffer;
  if (!writableBuffer) return undefined;
  for (const el of writableBuffer) {
    bytes += el.chunk instanceof Buffer ? el.chunk.length :
      Buffer.byteLength(el.chunk, el.encoding);
  }
  const data = this._pendingData;
  if (ArrayIsArray(data)) {
    for (const el of data) {
      bytes += el.chunk instanceof Buffer ? el.chunk.length :
        Buffer.byteLength(el.chunk, el.encoding);
    }
  } else if (data) {
    bytes += typeof data === 'string' ?
      Buffer.byteLength(data, this._pendingEncoding) : data.length;
  }
  return bytes;
});

/* connect(options[, cb]) / connect(path[, cb]) / connect(port[, host]
 * [, cb]): starts connecting; 'connect' follows, or 'error'. */
Socket.prototype.connect = function(...args) {
  let normalized;
  if (ArrayIsArray(args[0]) && args[0][normalizedArgsSymbol]) {
    normalized = args[0];
  } else {
    normalized = normalizeArgs(args);
  }
  const options = normalized[0];
  const cb = normalized[1];
  if (options.port === undefined && options.path == null) {
    throw new ERR_MISSING_ARGS(['options', 'port', 'path']);
  }
  if (this.write !== Socket.prototype.write) {
    this.write = Socket.prototype.write;
  }
  if (this.destroyed) {
    this._handle = null;
    this._peername = null;
    this._sockname = null;
    this._undestroy();
  }
  const { path } = options;
  const pipe = !!path;
  if (pipe) validateString(path, 'options.path');
  if (!this._handle) {
    if (pipe) {
      const { Pipe, constants } = pipeWrap();
      this._handle = new Pipe(constants.SOCKET);
    } else {
      const { TCP, constants } = tcpWrap();
      this._handle = new TCP(constants.SOCKET);
    }
    initSocketHandle(this);
  }
  if (cb !== null) this.once('connect', cb);
  this._unrefTimer();
  this.connecting = true;
  if (pipe) {
    lazyConnect().internalConnect(this, path);
  } else {
    lazyConnect().lookupAndConnect(this, options);
  }
  return this;
};

Socket.prototype.ref = function() {
  if (!this._handle) {
    this.once('connect', this.ref);
    return this;
  }
  if (typeof this._handle.ref === 'function') this._handle.ref();
  return this;
};

Socket.prototype.unref = function() {
  if (!this._handle) {
    this.once('connect', this.unref);
    return this;
  }
  if (typeof this._handle.unref === 'function') this._handle.unref();
  return this;
};

module.exports = {
  Socket,
  attachHandle,
  initSocketHandle,
  kSetNoDelay,
  kSetKeepAlive,
  kSetKeepAliveInitialDelay,
  kBytesRead,
  kBytesWritten,
};
