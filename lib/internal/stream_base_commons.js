'use strict';
// internal/stream_base_commons.js - the glue between a JS stream (net.Socket
// and friends) and a native stream handle (tcp_wrap/pipe_wrap/tty_wrap):
// write dispatch, the onread callback, and idle timeouts.

const {
  Symbol,
} = primordials;

const { Buffer } = require('buffer');
const {
  errnoException,
} = require('internal/errors');
const {
  Timeout,
  insert,
  kTimeout,
  getTimerDuration,
} = require('internal/timers');

const { UV_EOF } = internalBinding('uv');
const {
  streamBaseState,
  kBytesWritten,
  kLastWriteWasAsync,
} = internalBinding('stream_wrap');

const kOwner = Symbol('owner_symbol');
const kUpdateTimer = Symbol('kUpdateTimer');
const kAfterAsyncWrite = Symbol('kAfterAsyncWrite');
const kHandle = Symbol('kHandle');
const kSession = Symbol('kSession');
const kBuffer = Symbol('kBuffer');
const kBufferGen = Symbol('kBufferGen');
const kBufferCb = Symbol('kBufferCb');
const kBufferRest = Symbol('kBufferRest');
const kLastWriteQueueSize = Symbol('lastWriteQueueSize');

/* The request object handed to the handle's write methods. setWriteResult
 * fills `bytes` and `async` right after the call; the native side calls
 * oncomplete(status, handle, error) later when `async` is true. */
class WriteWrap {
  constructor(handle, callback) {
    this.handle = handle;
    this.callback = callback;
    this.oncomplete = onWriteComplete;
    this.bytes = 0;
    this.async = false;
    this.error = undefined;
    this.buffer = null;
  }
}

/* Completion of a write libuv had to queue. */
function onWriteComplete(status) {
  const stream = this.handle[kOwner];
  const cb = this.callback;
  if (stream === undefined || stream.destroyed) {
    if (typeof cb === 'function') cb(null);
    return;
  }
  if (status < 0) {
    const ex = errnoException(status, 'write', this.error);
    if (typeof cb === 'function') cb(ex);
    else stream.destroy(ex);
    return;
  }
  stream[kUpdateTimer]();
  if (stream[kAfterAsyncWrite] !== undefined) stream[kAfterAsyncWrite](this);
  if (typeof cb === 'function') cb(null);
}

/* Copies the outcome of the handle write just made (which the native side
 * leaves in streamBaseState) into req.bytes and req.async. */
function setWriteResult(req) {
  req.bytes = streamBaseState[kBytesWritten];
  req.async = streamBaseState[kLastWriteWasAsync] !== 0;
}

/* After a write call returned `err`: errors are reported through cb; a
 * write that completed synchronously calls cb now; a queued one later. */
function afterWriteDispatched(stream, req, err, cb) {
  setWriteResult(req);
  if (err !== 0) {
    cb(errnoException(err, 'write', req.error));
    return req;
  }
  if (!req.async) {
    cb(null);
  } else {
    stream[kLastWriteQueueSize] = req.bytes;
  }
  return req;
}

/* Writes one chunk (a Buffer/Uint8Array or a string in `encoding`) to the
 * stream's handle; returns the request. */
function writeGeneric(stream, data, encoding, cb) {
  const handle = stream._handle;
  const req = new WriteWrap(handle, cb);
  let err;
  if (typeof data !== 'string' || encoding === 'buffer') {
    err = handle.writeBuffer(req, data);
  } else {
    switch (encoding) {
      case 'utf8':
      case 'utf-8':
      case undefined:
      case null:
        err = handle.writeUtf8String(req, data);
        break;
      case 'latin1':
      case 'binary':
        err = handle.writeLatin1String(req, data);
        break;
      case 'ascii':
        err = handle.writeAsciiString(req, data);
        break;
      case 'ucs2':
      case 'ucs-2':
      case 'utf16le':
      case 'utf-16le':
        err = handle.writeUcs2String(req, data);
        break;
      default:
        err = handle.writeBuffer(req, Buffer.from(data, encoding));
    }
  }
  return afterWriteDispatched(stream, req, err, cb);
}

/* Writes a list of { chunk, encoding } entries (or a list with allBuffers
 * set) in one system call where possible; returns the request. */
function writevGeneric(stream, data, cb) {
  const handle = stream._handle;
  const req = new WriteWrap(handle, cb);
  const allBuffers = data.allBuffers;
  let chunks;
  if (allBuffers) {
    chunks = new Array(data.length);
    for (let i = 0; i < data.length; i++) chunks[i] = data[i].chunk;
  } else {
    chunks = new Array(data.length * 2);
    for (let i = 0; i < data.length; i++) {
      const entry = data[i];
      let chunk = entry.chunk;
      let enc = entry.encoding;
      if (typeof chunk === 'string' && !isNativeEncoding(enc)) {
        chunk = Buffer.from(chunk, enc);
        enc = 'buffer';
      }
      chunks[i * 2] = chunk;
      chunks[i * 2 + 1] = enc;
    }
  }
  const err = handle.writev(req, chunks, allBuffers === true);
  return afterWriteDispatched(stream, req, err, cb);
}

function isNativeEncoding(enc) {
  switch (enc) {
    case 'utf8': case 'utf-8': case 'latin1': case 'binary': case 'ascii':
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le':
    case undefined: case null:
      return true;
    default:
      return false;
  }
}

/* The handle's onread: `this` is the handle, nread > 0 with a Buffer of
 * the bytes, or a negative UV error / UV_EOF. */
function onStreamRead(nread, buf) {
  const handle = this;
  const stream = handle[kOwner];
  if (stream === undefined) return;
  stream[kUpdateTimer]();
  if (nread > 0) {
    if (stream.destroyed) return;
    if (stream[kBuffer]) {
      deliverToUserBuffer(stream, buf, 0);
      return;
    }
    if (!stream.push(buf)) {
      handle.reading = false;
      if (!stream.destroyed) {
        const err = handle.readStop();
        if (err) stream.destroy(errnoException(err, 'read'));
      }
    }
    return;
  }
  if (nread === 0) return;
  if (nread !== UV_EOF) {
    stream.destroy(errnoException(nread, 'read'));
    return;
  }
  if (typeof stream[kBufferGen] === 'function') stream[kBufferGen]();
  if (stream._readableState.endEmitted) return;
  stream.push(null);
  stream.read(0);
}

/* The `onread: { buffer, callback }` mode: copies `buf` from `offset` into
 * the user's buffer(s) piece by piece; a false return from the callback
 * (or a pause()) keeps the rest until reading resumes. */
function deliverToUserBuffer(stream, buf, offset) {
  const handle = stream._handle;
  while (offset < buf.length) {
    const target = typeof stream[kBufferGen] === 'function' ?
      stream[kBufferGen]() : stream[kBuffer];
    const view = target instanceof Buffer ? target :
      Buffer.from(target.buffer, target.byteOffset, target.byteLength);
    const n = buf.copy(view, 0, offset);
    offset += n;
    const ret = stream[kBufferCb].call(stream, n, target);
    if (stream.destroyed) return;
    if (ret === false || handle === null || !handle.reading) {
      if (handle !== null && handle.reading) {
        handle.reading = false;
        handle.readStop();
      }
      if (offset < buf.length) stream[kBufferRest] = { buf, offset };
      return;
    }
  }
}

/* Delivers bytes kept back by a paused `onread` socket; returns true when
 * nothing is left over. */
function flushUserBuffer(stream) {
  const rest = stream[kBufferRest];
  if (rest === undefined) return true;
  stream[kBufferRest] = undefined;
  stream._handle.reading = true;
  deliverToUserBuffer(stream, rest.buf, rest.offset);
  return stream[kBufferRest] === undefined && stream._handle !== null &&
    stream._handle.reading;
}

/* A timer that does not keep the event loop alive. */
function setUnrefTimeout(callback, msecs) {
  const timer = new Timeout(callback, msecs, undefined, false, false);
  insert(timer, timer._idleTimeout);
  return timer;
}

/* stream.setTimeout(msecs[, callback]) for sockets: 'timeout' after msecs
 * of inactivity; 0 disables. Returns the stream. */
function setStreamTimeout(msecs, callback) {
  if (this.destroyed) return this;
  this.timeout = msecs;
  msecs = getTimerDuration(msecs, 'msecs');
  if (this[kTimeout]) {
    const { clearTimeout } = require('timers');
    clearTimeout(this[kTimeout]);
    this[kTimeout] = null;
  }
  if (msecs === 0) {
    if (callback !== undefined) {
      const { validateFunction } = require('internal/validators');
      validateFunction(callback, 'callback');
      this.removeListener('timeout', callback);
    }
  } else {
    this[kTimeout] = setUnrefTimeout(this._onTimeout.bind(this), msecs);
    if (this[kSession]) this[kSession][kUpdateTimer]();
    if (callback !== undefined) {
      const { validateFunction } = require('internal/validators');
      validateFunction(callback, 'callback');
      this.once('timeout', callback);
    }
  }
  return this;
}

module.exports = {
  WriteWrap,
  setWriteResult,
  writeGeneric,
  writevGeneric,
  onStreamRead,
  flushUserBuffer,
  setStreamTimeout,
  setUnrefTimeout,
  kOwner,
  kUpdateTimer,
  kAfterAsyncWrite,
  kHandle,
  kSession,
  kBuffer,
  kBufferGen,
  kBufferCb,
  kLastWriteQueueSize,
  kTimeout,
};
