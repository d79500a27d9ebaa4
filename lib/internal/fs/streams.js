'use strict';
// internal/fs/streams: fs.ReadStream and fs.WriteStream, stream.Readable /
// stream.Writable over a path, an fd or a FileHandle, with start/end,
// autoClose, emitClose and a replaceable `fs` implementation.

const {
  MathMin,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
  ReflectApply,
  Symbol,
} = primordials;

const { Buffer } = require('buffer');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_OUT_OF_RANGE,
    ERR_STREAM_DESTROYED,
  },
} = require('internal/errors');
const { deprecate } = require('internal/util');
const {
  validateFunction,
  validateInteger,
} = require('internal/validators');
const { toPathIfFileURL } = require('internal/url');
const {
  copyObject,
  getOptions,
  getValidatedFd,
  validatePath,
} = require('internal/fs/utils');
const { Readable, Writable, finished } = require('stream');
const { errorOrDestroy } = require('internal/streams/destroy');
const { FileHandle, useFileHandle } = require('internal/fs/file_handle');

const binding = internalBinding('fs');
const { read: defaultRead } = require('internal/fs/async');

const kIoDone = Symbol('kIoDone');
const kIsPerformingIO = Symbol('kIsPerformingIO');
const kFs = Symbol('kFs');
const kHandle = Symbol('kHandle');

function lazyFs() {
  return require('fs');
}

/* Checks that a custom `fs` option has the functions a stream calls. */
function checkFsOption(impl, names) {
  for (const name of names) {
    validateFunction(impl[name], `options.fs.${name}`);
  }
}

/* Stream operations over a FileHandle, shaped like fs's callback API. */
function fileHandleOps(handle) {
  const settle = (promise, cb, pick) => {
    promise.then((r) => cb(null, ...pick(r)), cb);
  };
  return {
    open: (path, flags, mode, cb) => {
      throw new ERR_METHOD_NOT_IMPLEMENTED('open()');
    },
    close: (fd, cb) => {
      handle.close().then(() => cb(), cb);
    },
    read: (fd, buf, offset, length, pos, cb) => {
      settle(handle.read(buf, offset, length, pos), cb,
             (r) => [r.bytesRead, r.buffer]);
    },
    write: (fd, buf, offset, length, pos, cb) => {
      settle(handle.write(buf, offset, length, pos), cb,
             (r) => [r.bytesWritten, r.buffer]);
    },
    writev: (fd, bufs, pos, cb) => {
      settle(handle.writev(bufs, pos), cb,
             (r) => [r.bytesWritten, r.buffers]);
    },
  };
}

/* Takes options.fd (a number or a FileHandle); returns the numeric fd. */
function importFd(stream, options) {
  if (typeof options.fd === 'number') {
    stream[kFs] = options.fs || lazyFs();
    return options.fd;
  }
  if (options.fd instanceof FileHandle ||
      options.fd?.constructor?.name === 'FileHandle') {
    const handle = options.fd;
    if (options.fs) {
      throw new ERR_METHOD_NOT_IMPLEMENTED('FileHandle with fs');
    }
    stream[kHandle] = handle;
    stream[kFs] = fileHandleOps(handle);
    handle.on('close', () => {
      if (!stream.destroyed) stream.destroy();
    });
    stream.once('close', useFileHandle(handle));
    return handle.fd;
  }
  throw new ERR_INVALID_ARG_TYPE('options.fd', ['number', 'FileHandle'],
                                 options.fd);
}

/* Shared constructor part: fd or path, flags, mode, start. */
function setupCommon(stream, path, options, defaultFlags, fsNames) {
  if (options.fd == null) {
    stream.fd = null;
    stream[kFs] = options.fs || lazyFs();
    stream.path = toPathIfFileURL(path);
    stream.flags = options.flags === undefined ? defaultFlags : options.flags;
    stream.mode = options.mode === undefined ? 0o666 : options.mode;
    validatePath(stream.path);
  } else {
    stream.fd = getValidatedFd(importFd(stream, options));
  }
  if (options.fs) checkFsOption(stream[kFs], fsNames);
  options.autoDestroy = options.autoClose === undefined ?
    true : options.autoClose;
}

function streamOptions(options) {
  return copyObject(getOptions(options, {}));
}

/* Closes the fd when the stream is destroyed (after any I/O in flight). */
function destroyImpl(err, cb) {
  if (this[kIsPerformingIO]) {
    this.once(kIoDone, (er) => closeFd(this, err || er, cb));
  } else {
    closeFd(this, err, cb);
  }
}

function closeFd(stream, err, cb) {
  if (!stream.fd) {
    cb(err);
    return;
  }
  stream[kFs].close(stream.fd, (er) => cb(er || err));
  stream.fd = null;
}

const openReadFs = deprecate(function() {},
                             'ReadStream.prototype.open() is deprecated',
                             'DEP0135');
const openWriteFs = deprecate(function() {},
                              'WriteStream.prototype.open() is deprecated',
                              'DEP0135');

/* _construct: opens the path unless an fd was given; supports streams
 * whose open() was replaced (the pre-_construct way). */
function constructImpl(callback) {
  const stream = this;
  if (typeof stream.fd === 'number') {
    callback();
    return;
  }
  if (stream.open !== openWriteFs && stream.open !== openReadFs) {
    const origEmit = stream.emit;
    stream.emit = function(...args) {
      if (args[0] === 'open') {
        this.emit = origEmit;
        callback();
        ReflectApply(origEmit, this, args);
      } else if (args[0] === 'error') {
        this.emit = origEmit;
        callback(args[1]);
      } else {
        ReflectApply(origEmit, this, args);
      }
    };
    stream.open();
    return;
  }
  stream[kFs].open(stream.path, stream.flags, stream.mode, (er, fd) => {
    if (er) {
      callback(er);
      return;
    }
    stream.fd = fd;
    // 'open' comes first: writes made by its listeners queue up behind
    // the construction and keep their order.
    stream.emit('open', stream.fd);
    stream.emit('ready');
    callback();
  });
}

/* new ReadStream(path[, options]): start/end (inclusive) byte range,
 * highWaterMark (64 KiB), encoding, fd, fs, autoClose, emitClose. */
function ReadStream(path, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(path, options);
  options = streamOptions(options);
  if (options.highWaterMark === undefined) options.highWaterMark = 64 * 1024;
  setupCommon(this, path, options, 'r', ['open', 'read', 'close']);
  this.start = options.start;
  this.end = options.end;
  this.pos = undefined;
  this.bytesRead = 0;
  this[kIsPerformingIO] = false;
  if (this.start !== undefined) {
    validateInteger(this.start, 'start', 0);
    this.pos = this.start;
  }
  if (this.end === undefined) {
    this.end = Infinity;
  } else if (this.end !== Infinity) {
    validateInteger(this.end, 'end', 0);
    if (this.start !== undefined && this.start > this.end) {
      throw new ERR_OUT_OF_RANGE('start', `<= "end" (here: ${this.end})`,
                                 this.start);
    }
  }
  ReflectApply(Readable, this, [options]);
}
ObjectSetPrototypeOf(ReadStream.prototype, Readable.prototype);
ObjectSetPrototypeOf(ReadStream, Readable);

ObjectDefineProperty(ReadStream.prototype, 'autoClose', {
  __proto__: null,
  get() { return this._readableState.autoDestroy; },
  set(val) { this._readableState.autoDestroy = val; },
});

ReadStream.prototype.open = openReadFs;
ReadStream.prototype._construct = constructImpl;

ReadStream.prototype._read = function(n) {
  n = this.pos !== undefined ?
    MathMin(this.end - this.pos + 1, n) :
    MathMin(this.end - this.bytesRead + 1, n);
  if (n <= 0) {
    this.push(null);
    return;
  }
  this[kIsPerformingIO] = true;
  const impl = this[kFs];
  if (impl === lazyFs() && impl.read === defaultRead) {
    // The stock fs.read: let the binding allocate the chunk (no zero-fill,
    // right-sized) and read into it on the thread pool.
    binding.readChunk(this.fd, n, this.pos ?? -1, (er, buf) => {
      onChunkRead(this, er, buf === undefined ? 0 : buf.length, buf);
    });
    return;
  }
  const buf = Buffer.allocUnsafeSlow(n);
  impl.read(this.fd, buf, 0, n, this.pos, (er, bytesRead) => {
    onChunkRead(this, er, bytesRead,
                bytesRead === buf.length ? buf : shrink(buf, bytesRead));
  });
};

/* Ends one _read(): pushes the chunk, the end, or the error. */
function onChunkRead(stream, er, bytesRead, buf) {
  stream[kIsPerformingIO] = false;
  if (stream.destroyed) {
    stream.emit(kIoDone, er);
    return;
  }
  if (er) {
    errorOrDestroy(stream, er);
    return;
  }
  if (!(bytesRead > 0)) {
    stream.push(null);
    return;
  }
  if (stream.pos !== undefined) stream.pos += bytesRead;
  stream.bytesRead += bytesRead;
  stream.push(buf);
}

/* A right-sized copy of buf's first n bytes (no hidden spare memory). */
function shrink(buf, n) {
  if (!(n > 0)) return buf;
  const dst = Buffer.allocUnsafeSlow(n);
  buf.copy(dst, 0, 0, n);
  return dst;
}

ReadStream.prototype._destroy = destroyImpl;

ReadStream.prototype.close = function(cb) {
  if (typeof cb === 'function') finished(this, cb);
  this.destroy();
};

ObjectDefineProperty(ReadStream.prototype, 'pending', {
  __proto__: null,
  get() { return this.fd === null; },
  configurable: true,
});

/* new WriteStream(path[, options]): start position, flags ('w'),
 * encoding, fd, fs (open/close and write or writev), autoClose,
 * emitClose. */
function WriteStream(path, options) {
  if (!(this instanceof WriteStream)) return new WriteStream(path, options);
  options = streamOptions(options);
  options.decodeStrings = true;
  setupCommon(this, path, options, 'w', ['open', 'close']);
  const impl = this[kFs];
  if (typeof impl.write !== 'function' && typeof impl.writev !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('options.fs.write', 'function',
                                   impl.write);
  }
  if (impl.write !== undefined) {
    validateFunction(impl.write, 'options.fs.write');
  } else {
    this._write = null;
  }
  if (impl.writev !== undefined) {
    validateFunction(impl.writev, 'options.fs.writev');
  } else {
    this._writev = null;
  }
  this.start = options.start;
  this.pos = undefined;
  this.bytesWritten = 0;
  this[kIsPerformingIO] = false;
  if (this.start !== undefined) {
    validateInteger(this.start, 'start', 0);
    this.pos = this.start;
  }
  ReflectApply(Writable, this, [options]);
  if (options.encoding) this.setDefaultEncoding(options.encoding);
}
ObjectSetPrototypeOf(WriteStream.prototype, Writable.prototype);
ObjectSetPrototypeOf(WriteStream, Writable);

ObjectDefineProperty(WriteStream.prototype, 'autoClose', {
  __proto__: null,
  get() { return this._writableState.autoDestroy; },
  set(val) { this._writableState.autoDestroy = val; },
});

WriteStream.prototype.open = openWriteFs;
WriteStream.prototype._construct = constructImpl;

WriteStream.prototype._write = function(data, encoding, cb) {
  writeChunk(this, data, this.pos, cb);
  if (this.pos !== undefined) this.pos += data.length;
};

/* Settles one write; EAGAIN (a full non-blocking fd) retries it. */
function afterWrite(stream, er, bytes, retry, cb) {
  stream[kIsPerformingIO] = false;
  if (stream.destroyed) {
    // The write is not reported as done on a destroyed stream.
    cb(er || new ERR_STREAM_DESTROYED('write'));
    return stream.emit(kIoDone, er);
  }
  if (er?.code === 'EAGAIN') return retry();
  if (er) return cb(er);
  stream.bytesWritten += bytes;
  cb();
}

function writeChunk(stream, data, pos, cb) {
  stream[kIsPerformingIO] = true;
  stream[kFs].write(stream.fd, data, 0, data.length, pos, (er, bytes) => {
    afterWrite(stream, er, bytes, () => writeChunk(stream, data, pos, cb), cb);
  });
}

function writeChunks(stream, chunks, pos, cb) {
  stream[kIsPerformingIO] = true;
  stream[kFs].writev(stream.fd, chunks, pos ?? null, (er, bytes) => {
    afterWrite(stream, er, bytes, () => writeChunks(stream, chunks, pos, cb),
               cb);
  });
}

WriteStream.prototype._writev = function(data, cb) {
  const len = data.length;
  const chunks = new Array(len);
  let size = 0;
  for (let i = 0; i < len; i++) {
    const chunk = data[i].chunk;
    chunks[i] = chunk;
    size += chunk.length;
  }
  writeChunks(this, chunks, this.pos, cb);
  if (this.pos !== undefined) this.pos += size;
};

WriteStream.prototype._destroy = destroyImpl;

/* close([cb]): ends the stream; cb runs on 'close'. */
WriteStream.prototype.close = function(cb) {
  if (cb) {
    if (this.closed) {
      process.nextTick(cb);
      return;
    }
    this.on('close', cb);
  }
  if (!this.autoClose) this.on('finish', this.destroy);
  this.end();
};

WriteStream.prototype.destroySoon = WriteStream.prototype.end;

ObjectDefineProperty(WriteStream.prototype, 'pending', {
  __proto__: null,
  get() { return this.fd === null; },
  configurable: true,
});

module.exports = {
  ReadStream,
  WriteStream,
};
