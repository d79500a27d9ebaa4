'use strict';
// internal/zlib/convenience.js - zlib.gzip(buf, cb), zlib.gzipSync(buf)
// and the other one-shot functions: a whole buffer in, a whole buffer out.

const {
  ArrayPrototypePush,
  Uint32Array,
} = primordials;

const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer');
const {
  codes: { ERR_BUFFER_TOO_LARGE, ERR_INVALID_ARG_TYPE },
  genericNodeError,
} = require('internal/errors');
const { validateFunction } = require('internal/validators');
const { isArrayBufferView, isUint8Array } = require('internal/util/types');
const { isAnyArrayBuffer } = internalBinding('types');
const {
  bindToHandle,
  untrackHandle,
} = require('internal/zlib/context');
const {
  BROTLI_DECODE,
  BROTLI_ENCODE,
  brotliHandle,
  streamSettings,
  zlibHandle,
} = require('internal/zlib/options');

/* The bytes of a sync function's input (a string, ArrayBufferView or
 * ArrayBuffer); throws ERR_INVALID_ARG_TYPE for anything else. */
function inputBytes(buffer) {
  if (typeof buffer === 'string') return Buffer.from(buffer);
  if (isArrayBufferView(buffer)) return buffer;
  if (isAnyArrayBuffer(buffer)) return Buffer.from(buffer);
  throw new ERR_INVALID_ARG_TYPE(
    'buffer',
    ['string', 'Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'],
    buffer);
}

/* The async functions' input as the streams take it (a Buffer or string;
 * other values go on and fail as a write would). */
function streamInput(buffer) {
  if (isArrayBufferView(buffer) && !isUint8Array(buffer))
    return new FastBuffer(buffer.buffer, buffer.byteOffset, buffer.byteLength);
  if (isAnyArrayBuffer(buffer)) return Buffer.from(buffer);
  return buffer;
}

function onEngineData(chunk) {
  ArrayPrototypePush(this.buffers, chunk);
  this.nread += chunk.length;
  if (this.nread > this._maxOutputLength) {
    this.close();
    this.removeAllListeners('end');
    this.cb(new ERR_BUFFER_TOO_LARGE(this._maxOutputLength));
  }
}

function onEngineError(err) {
  this.removeAllListeners('end');
  this.cb(err);
}

function onEngineEnd() {
  const bufs = this.buffers;
  let result;
  if (this.nread === 0)
    result = Buffer.alloc(0);
  else if (bufs.length === 1)
    result = bufs[0];
  else
    result = Buffer.concat(bufs, this.nread);
  this.close();
  this.cb(null, this._info ? { buffer: result, engine: this } : result);
}

/* Runs `buffer` through the stream `engine` and calls back
 * callback(err, output) (or { buffer, engine } with options.info). */
function bufferAsync(engine, buffer, callback) {
  validateFunction(callback, 'callback');
  buffer = streamInput(buffer);
  engine.buffers = [];
  engine.nread = 0;
  engine.cb = callback;
  engine.on('data', onEngineData);
  engine.on('error', onEngineError);
  engine.on('end', onEngineEnd);
  engine.end(buffer);
}

/* The output of the stream `engine` for all of `buffer`, now (or
 * { buffer, engine } with options.info). */
function bufferSync(engine, buffer) {
  buffer = engine._processChunk(inputBytes(buffer), engine._finishFlushFlag);
  return engine._info ? { buffer, engine } : buffer;
}

/* A set-up native handle for `mode` and `opts` without a stream around
 * it: { handle, settings }. `onDone(output)` (this = handle) receives the
 * output of processAllAsync(). Throws as the stream would. */
function bareHandle(mode, opts, onDone) {
  const state = new Uint32Array(2);
  const brotli = mode === BROTLI_ENCODE || mode === BROTLI_DECODE;
  const handle = brotli ? brotliHandle(opts, mode, state, onDone) :
    zlibHandle(opts, mode, state, onDone).handle;
  return { handle, settings: streamSettings(opts, brotli) };
}

/* handle.onerror of a sync one-shot handle: keeps the failure. */
function keepError(message, errno, code) {
  this.error = genericNodeError(message, { errno, code });
}

/* What the stream would give for `buffer` through _processChunk, straight
 * from the handle: the output grows in native memory and becomes one
 * Buffer at the end. */
function runBare(mode, opts, buffer) {
  const { handle, settings } = bareHandle(mode, opts, keepError);
  const input = inputBytes(buffer);
  const limit = settings.maxOutputLength;
  handle.error = null;
  handle.onerror = keepError;
  let output;
  try {
    output = handle.processAll(settings.finishFlush, input, 0,
                               input.byteLength, settings.chunkSize, limit);
  } finally {
    handle.close();
    untrackHandle(handle);
  }
  if (handle.error !== null) throw handle.error;
  if (output === null) throw new ERR_BUFFER_TOO_LARGE(limit);
  return output;
}

/* The async functions' input as a stream's end() takes it: strings as
 * UTF-8, views and ArrayBuffers as bytes, null and undefined as nothing;
 * throws the stream's ERR_INVALID_ARG_TYPE for anything else. */
function chunkBytes(buffer) {
  if (buffer === null || buffer === undefined) return Buffer.alloc(0);
  if (typeof buffer === 'string') return Buffer.from(buffer);
  if (isArrayBufferView(buffer)) return buffer;
  if (isAnyArrayBuffer(buffer)) return Buffer.from(buffer);
  throw new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'Uint8Array'],
                                 buffer);
}

/* onWrite of an async one-shot handle: the whole output (null: over the
 * limit). */
function bareDone(output) {
  this.close();
  untrackHandle(this);
  const callback = this.callback;
  if (output === null)
    callback(new ERR_BUFFER_TOO_LARGE(this.limit));
  else
    callback(null, output);
}

/* onerror of an async one-shot handle. */
function bareFailed(message, errno, code) {
  this.close();
  untrackHandle(this);
  this.callback(genericNodeError(message, { errno, code }));
}

/* The async version of runBare(): the steps run on the thread pool and
 * callback(err, output) gets the result. */
function runBareAsync(mode, opts, buffer, callback) {
  const { handle, settings } = bareHandle(mode, opts, bareDone);
  validateFunction(callback, 'callback');
  const input = chunkBytes(buffer);
  handle.onerror = bindToHandle(handle, bareFailed);
  handle.callback = callback;
  handle.limit = settings.maxOutputLength;
  handle.processAllAsync(settings.finishFlush, input, 0, input.byteLength,
                         settings.chunkSize, settings.maxOutputLength);
}

/* Whether the one-shot functions need a real stream for `opts`: to return
 * it (info), or for what only a stream does with its options (an
 * AbortSignal, checked highWaterMarks). Else the handle does it all. */
function needsStream(opts) {
  return opts != null && (opts.info || opts.signal !== undefined ||
                          opts.highWaterMark !== undefined ||
                          opts.readableHighWaterMark !== undefined ||
                          opts.writableHighWaterMark !== undefined);
}

/* The async one-shot function of the stream class `Ctor` of `mode`. */
function asyncFunction(Ctor, mode) {
  return function(buffer, opts, callback) {
    if (typeof opts === 'function') {
      callback = opts;
      opts = {};
    }
    if (needsStream(opts))
      return bufferAsync(new Ctor(opts), buffer, callback);
    runBareAsync(mode, opts, buffer, callback);
  };
}

/* The sync one-shot function of the stream class `Ctor` of `mode`. */
function syncFunction(Ctor, mode) {
  return function(buffer, opts) {
    if (needsStream(opts)) return bufferSync(new Ctor(opts), buffer);
    return runBare(mode, opts, buffer);
  };
}

module.exports = {
  asyncFunction,
  syncFunction,
};
