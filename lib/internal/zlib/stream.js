'use strict';
// internal/zlib/stream.js - ZlibBase, the Transform stream behind every
// zlib and brotli class, and its two families Zlib and Brotli. A chunk
// goes to the native handle (on the thread pool, or synchronously through
// _processChunk without a callback); what comes out is pushed.

const {
  ArrayPrototypePush,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
  ReflectApply,
  Symbol,
  Uint32Array,
} = primordials;

const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer');
const Transform = require('internal/streams/transform');
const finished = require('internal/streams/end-of-stream');
const { deprecate } = require('internal/util');
const assert = require('internal/assert');
const {
  codes: { ERR_BUFFER_TOO_LARGE },
  genericNodeError,
} = require('internal/errors');
const {
  bindToHandle,
  untrackHandle,
} = require('internal/zlib/context');
const {
  brotliHandle,
  constants: {
    Z_BLOCK, Z_DEFAULT_STRATEGY, Z_FINISH, Z_FIXED, Z_FULL_FLUSH,
    Z_MAX_LEVEL, Z_MIN_LEVEL, Z_NO_FLUSH, Z_PARTIAL_FLUSH, Z_SYNC_FLUSH,
  },
  rangeOrDefault,
  streamSettings,
  zlibHandle,
} = require('internal/zlib/options');

// The handle's stream. Not async_hooks' owner_symbol: callbacks run in the
// handle's async context, and executionAsyncResource() there is the handle
// (as in Node), not the stream.
const owner_symbol = Symbol('owner_symbol');
const kError = Symbol('kError'); // what destroyed the stream, if it failed
const kFlushFlag = Symbol('kFlushFlag');
// The chunk being written on the thread pool, and how far it got.
const kChunk = Symbol('kChunk');
const kChunkCallback = Symbol('kChunkCallback');
const kChunkFlush = Symbol('kChunkFlush');
const kInOffset = Symbol('kInOffset');
const kInLeft = Symbol('kInLeft');
const kOutLeft = Symbol('kOutLeft');
// The readable side was full: the chunk goes on at the next _read().
const kResumeOnRead = Symbol('kResumeOnRead');

// How much each flush flag flushes, by flag (Z_BLOCK ranks just above
// Z_NO_FLUSH); brotli's operations happen to rank the same way.
const flushRank = [];
flushRank[Z_NO_FLUSH] = 0;
flushRank[Z_BLOCK] = 1;
flushRank[Z_PARTIAL_FLUSH] = 2;
flushRank[Z_SYNC_FLUSH] = 3;
flushRank[Z_FULL_FLUSH] = 4;
flushRank[Z_FINISH] = 5;

/* Whichever of two flush flags flushes more. */
function strongerFlush(a, b) {
  return flushRank[a] > flushRank[b] ? a : b;
}

// Empty chunks that carry a flush() request down the writable side.
const flushMarkers = [];
for (let kind = 0; kind < flushRank.length; kind++) {
  const marker = new FastBuffer(0);
  marker[kFlushFlag] = kind;
  flushMarkers[kind] = marker;
}

/* ZlibBase(opts, mode, handle, settings): the stream over an initialized
 * native handle, with the stream settings of streamSettings(). */
function ZlibBase(opts, mode, handle, settings) {
  // Output is bytes, input bytes or strings: never object mode.
  if (opts && (opts.encoding || opts.objectMode || opts.writableObjectMode)) {
    opts = {
      ...opts,
      encoding: null,
      objectMode: false,
      writableObjectMode: false,
    };
  }
  ReflectApply(Transform, this, [{ autoDestroy: true, ...opts }]);
  this[kError] = null;
  this.bytesWritten = 0;
  this._handle = handle;
  handle[owner_symbol] = this;
  handle.onerror = bindToHandle(handle, onHandleError);
  this._outBuffer = Buffer.allocUnsafe(settings.chunkSize);
  this._outOffset = 0;
  this._chunkSize = settings.chunkSize;
  this._defaultFlushFlag = settings.flush;
  this._finishFlushFlag = settings.finishFlush;
  this._defaultFullFlushFlag = settings.fullFlush;
  this._info = opts && opts.info;
  this._maxOutputLength = settings.maxOutputLength;
  this[kChunk] = null;
  this[kChunkCallback] = null;
  this[kChunkFlush] = 0;
  this[kInOffset] = 0;
  this[kInLeft] = 0;
  this[kOutLeft] = 0;
  this[kResumeOnRead] = false;
}
ObjectSetPrototypeOf(ZlibBase.prototype, Transform.prototype);
ObjectSetPrototypeOf(ZlibBase, Transform);

ObjectDefineProperty(ZlibBase.prototype, '_closed', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    return !this._handle;
  },
});

const bytesReadMessage = 'zlib.bytesRead is deprecated and will change its ' +
  'meaning in the future. Use zlib.bytesWritten instead.';
ObjectDefineProperty(ZlibBase.prototype, 'bytesRead', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get: deprecate(function() {
    return this.bytesWritten;
  }, bytesReadMessage, 'DEP0108'),
  set: deprecate(function(value) {
    this.bytesWritten = value;
  }, bytesReadMessage, 'DEP0108'),
});

/* reset(): the engine starts over (zlib's dictionary is kept). */
ZlibBase.prototype.reset = function() {
  assert(this._handle, 'zlib binding closed');
  return this._handle.reset();
};

/* End of input: finish the stream with an empty last chunk. */
ZlibBase.prototype._flush = function(callback) {
  this._transform(new FastBuffer(0), '', callback);
};

// Transform's 'prefinish' runs _flush; there is nothing more to do.
ZlibBase.prototype._final = function(callback) {
  callback();
};

/* flush([kind][, callback]): pushes out what the engine holds, with
 * `kind` (by default a full flush), once the writes before it are done. */
ZlibBase.prototype.flush = function(kind, callback) {
  if (typeof kind === 'function' || (kind === undefined && !callback)) {
    callback = kind;
    kind = this._defaultFullFlushFlag;
  }
  if (this.writableFinished) {
    if (callback) process.nextTick(callback);
    return;
  }
  if (this.writableEnded) {
    if (callback) this.once('end', callback);
    return;
  }
  this.write(flushMarkers[kind], '', callback);
};

/* close([callback]): destroys the stream; callback once it closed. */
ZlibBase.prototype.close = function(callback) {
  if (callback) finished(this, callback);
  this.destroy();
};

ZlibBase.prototype._destroy = function(err, callback) {
  closeHandle(this);
  callback(err);
};

ZlibBase.prototype._transform = function(chunk, encoding, callback) {
  let flush = this._defaultFlushFlag;
  if (typeof chunk[kFlushFlag] === 'number') flush = chunk[kFlushFlag];
  // The last chunk of an ended stream finishes it too.
  if (this.writableEnded && this.writableLength === chunk.byteLength)
    flush = strongerFlush(flush, this._finishFlushFlag);
  processChunk(this, chunk, flush, callback);
};

// The output side was full when a chunk still had more to give.
ZlibBase.prototype._read = function(n) {
  if (this[kResumeOnRead]) {
    this[kResumeOnRead] = false;
    if (this._handle) writeStep(this, this._handle);
  }
  ReflectApply(Transform.prototype._read, this, [n]);
};

/* _processChunk(chunk, flushFlag[, cb]): with cb, as a write; without,
 * runs the whole chunk now, closes the engine and returns the output. */
ZlibBase.prototype._processChunk = function(chunk, flushFlag, cb) {
  if (typeof cb === 'function') {
    processChunk(this, chunk, flushFlag, cb);
    return;
  }
  return processChunkSync(this, chunk, flushFlag);
};

/* Closes the native handle of `stream` (again is fine). */
function closeHandle(stream) {
  const handle = stream._handle;
  if (!handle) return;
  handle.close();
  untrackHandle(handle);
  stream._handle = null;
}

/* handle.onerror: the engine failed; the stream is destroyed with a
 * Node-shaped error (message, errno, code). */
function onHandleError(message, errno, code) {
  const stream = this[owner_symbol];
  const error = genericNodeError(message, { errno, code });
  stream.destroy(error);
  stream[kError] = error;
}

/* Starts writing `chunk` on the thread pool; `callback` runs once all of
 * it went through the engine. */
function processChunk(stream, chunk, flush, callback) {
  const handle = stream._handle;
  if (!handle) {
    process.nextTick(callback);
    return;
  }
  stream[kChunk] = chunk;
  stream[kChunkCallback] = callback;
  stream[kChunkFlush] = flush;
  stream[kInOffset] = 0;
  stream[kInLeft] = chunk.byteLength;
  writeStep(stream, handle);
}

/* Sends what is left of the current chunk into the free part of the
 * output buffer. */
function writeStep(stream, handle) {
  const outLeft = stream._chunkSize - stream._outOffset;
  stream[kOutLeft] = outLeft;
  handle.write(stream[kChunkFlush], stream[kChunk], stream[kInOffset],
               stream[kInLeft], stream._outBuffer, stream._outOffset,
               outLeft);
}

/* The current chunk is done (or abandoned): its write callback runs. */
function finishChunk(stream) {
  const callback = stream[kChunkCallback];
  stream[kChunk] = null;
  stream[kChunkCallback] = null;
  if (callback) callback();
}

/* The handle's onWrite (this = handle): one step of the current chunk is
 * done and _writeState says how far it got. */
function onHandleWrite() {
  const stream = this[owner_symbol];
  if (stream.destroyed) {
    finishChunk(stream);
    return;
  }
  const state = stream._writeState;
  const outLeft = state[0];
  const inLeft = state[1];
  const consumed = stream[kInLeft] - inLeft;
  stream.bytesWritten += consumed;
  const produced = stream[kOutLeft] - outLeft;
  let readableFull = false;
  if (produced > 0) {
    const out = stream._outBuffer;
    const offset = stream._outOffset;
    stream._outOffset = offset + produced;
    readableFull = !stream.push(
      new FastBuffer(out.buffer, out.byteOffset + offset, produced));
  }
  if (stream.destroyed) {
    finishChunk(stream);
    return;
  }
  if (outLeft === 0 || stream._outOffset >= stream._chunkSize) {
    stream._outOffset = 0;
    stream._outBuffer = Buffer.allocUnsafe(stream._chunkSize);
  }
  if (outLeft === 0) {
    // The output filled up: the same chunk goes on from where it stopped.
    stream[kInOffset] += consumed;
    stream[kInLeft] = inLeft;
    if (readableFull)
      stream[kResumeOnRead] = true;
    else
      writeStep(stream, this);
    return;
  }
  // Room was left but input was not taken: the compressed data ended.
  if (inLeft > 0) stream.push(null);
  finishChunk(stream);
}

/* Runs all of `chunk` through the engine now and closes it; returns the
 * output. Throws the engine's error or ERR_BUFFER_TOO_LARGE. */
function processChunkSync(stream, chunk, flush) {
  const handle = stream._handle;
  assert(handle, 'zlib binding closed');
  const state = stream._writeState;
  const chunkSize = stream._chunkSize;
  let out = stream._outBuffer;
  let outOffset = stream._outOffset;
  let outLeft = chunkSize - outOffset;
  let inOffset = 0;
  let inLeft = chunk.byteLength;
  const outputs = [];
  let produced = 0;
  // A failure destroys the stream, which emits 'error' later: catch it
  // (this one and any later; the listener stays, as in Node).
  let error = null;
  const onError = (err) => { error = err; };
  stream.on('error', onError);
  for (;;) {
    handle.writeSync(flush, chunk, inOffset, inLeft, out, outOffset,
                     outLeft);
    if (error !== null) throw error;
    if (stream[kError] !== null) throw stream[kError];
    const outAfter = state[0];
    const inAfter = state[1];
    const have = outLeft - outAfter;
    if (have > 0) {
      ArrayPrototypePush(outputs,
                         new FastBuffer(out.buffer, out.byteOffset + outOffset,
                                        have));
      outOffset += have;
      produced += have;
      if (produced > stream._maxOutputLength) {
        closeHandle(stream);
        throw new ERR_BUFFER_TOO_LARGE(stream._maxOutputLength);
      }
    }
    inOffset += inLeft - inAfter;
    inLeft = inAfter;
    if (outAfter !== 0) break;
    // The output filled up: go on into a fresh buffer.
    out = Buffer.allocUnsafe(chunkSize);
    outOffset = 0;
    outLeft = chunkSize;
  }
  stream.bytesWritten = inOffset;
  closeHandle(stream);
  if (produced === 0) return Buffer.alloc(0);
  return outputs.length === 1 ? outputs[0] : Buffer.concat(outputs, produced);
}

/* Zlib(opts, mode): the stream of one of the seven zlib modes. */
function Zlib(opts, mode) {
  // The handle reports into _writeState, so it comes first.
  this._writeState = new Uint32Array(2);
  const { handle, level, strategy } =
    zlibHandle(opts, mode, this._writeState, onHandleWrite);
  ReflectApply(ZlibBase, this, [opts, mode, handle,
                                streamSettings(opts, false)]);
  this._level = level;
  this._strategy = strategy;
}
ObjectSetPrototypeOf(Zlib.prototype, ZlibBase.prototype);
ObjectSetPrototypeOf(Zlib, ZlibBase);

/* params(level, strategy[, callback]): new compression settings for what
 * is written next; what came before is flushed first. */
Zlib.prototype.params = function params(level, strategy, callback) {
  rangeOrDefault(level, 'level', Z_MIN_LEVEL, Z_MAX_LEVEL);
  rangeOrDefault(strategy, 'strategy', Z_DEFAULT_STRATEGY, Z_FIXED);
  if (this._level === level && this._strategy === strategy) {
    process.nextTick(callback);
    return;
  }
  this.flush(Z_SYNC_FLUSH, () => {
    assert(this._handle, 'zlib binding closed');
    this._handle.params(level, strategy);
    if (this.destroyed) return;
    this._level = level;
    this._strategy = strategy;
    if (callback) callback();
  });
};

/* Brotli(opts, mode): the stream of a brotli encoder or decoder. */
function Brotli(opts, mode) {
  this._writeState = new Uint32Array(2);
  const handle = brotliHandle(opts, mode, this._writeState, onHandleWrite);
  ReflectApply(ZlibBase, this, [opts, mode, handle,
                                streamSettings(opts, true)]);
}
ObjectSetPrototypeOf(Brotli.prototype, ZlibBase.prototype);
ObjectSetPrototypeOf(Brotli, ZlibBase);

module.exports = {
  Brotli,
  Zlib,
  ZlibBase,
};
