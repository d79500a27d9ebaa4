'use strict';
// internal/zlib/options.js - the options of zlib and brotli streams: their
// checks (with Node's exact errors) and the native handles they set up.

const {
  NumberIsFinite,
  NumberIsInteger,
  NumberIsNaN,
  ObjectKeys,
  StringPrototypeStartsWith,
  TypedArrayPrototypeFill,
  Uint32Array,
} = primordials;

const {
  codes: {
    ERR_BROTLI_INVALID_PARAM,
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
    ERR_ZLIB_INITIALIZATION_FAILED,
  },
} = require('internal/errors');
const { validateNumber } = require('internal/validators');
const { isArrayBufferView } = require('internal/util/types');
const { isAnyArrayBuffer } = internalBinding('types');
const { Buffer } = require('buffer');
const { bindToHandle, trackHandle } = require('internal/zlib/context');
const binding = internalBinding('zlib');
const constants = internalBinding('constants').zlib;

const {
  BROTLI_DECODE, BROTLI_ENCODE,
  BROTLI_OPERATION_PROCESS, BROTLI_OPERATION_FLUSH, BROTLI_OPERATION_FINISH,
  BROTLI_OPERATION_EMIT_METADATA,
  DEFLATE, GZIP, GUNZIP, INFLATE, INFLATERAW, UNZIP,
  Z_BLOCK, Z_DEFAULT_CHUNK, Z_DEFAULT_COMPRESSION, Z_DEFAULT_MEMLEVEL,
  Z_DEFAULT_STRATEGY, Z_DEFAULT_WINDOWBITS, Z_FINISH, Z_FIXED, Z_FULL_FLUSH,
  Z_MAX_LEVEL, Z_MAX_MEMLEVEL, Z_MAX_WINDOWBITS, Z_MIN_CHUNK, Z_MIN_LEVEL,
  Z_MIN_MEMLEVEL, Z_MIN_WINDOWBITS, Z_NO_FLUSH,
} = constants;

// Read once, when zlib is first required (tests lower it first).
const { kMaxLength } = require('buffer');

// The flush flags each family takes, and its defaults for writes, end()
// and flush().
const zlibFlushes = {
  min: Z_NO_FLUSH, max: Z_BLOCK,
  flush: Z_NO_FLUSH, finishFlush: Z_FINISH, fullFlush: Z_FULL_FLUSH,
};
const brotliFlushes = {
  min: BROTLI_OPERATION_PROCESS, max: BROTLI_OPERATION_EMIT_METADATA,
  flush: BROTLI_OPERATION_PROCESS, finishFlush: BROTLI_OPERATION_FINISH,
  fullFlush: BROTLI_OPERATION_FLUSH,
};

// The highest BROTLI_PARAM_* number; init() takes one slot per parameter.
let maxBrotliParam = 0;
for (const key of ObjectKeys(constants)) {
  if (StringPrototypeStartsWith(key, 'BROTLI_PARAM_') &&
      constants[key] > maxBrotliParam) {
    maxBrotliParam = constants[key];
  }
}

/* Whether `value` was given as a finite number: false for undefined and
 * NaN (the caller uses its default); throws ERR_INVALID_ARG_TYPE for a
 * non-number and ERR_OUT_OF_RANGE for an infinity. */
function isGivenFinite(value, name) {
  if (value === undefined || NumberIsNaN(value)) return false;
  if (NumberIsFinite(value)) return true;
  validateNumber(value, name);
  throw new ERR_OUT_OF_RANGE(name, 'a finite number', value);
}

/* `value` when given and within [min, max], `fallback` when not given;
 * throws otherwise. */
function rangeOrDefault(value, name, min, max, fallback) {
  if (!isGivenFinite(value, name)) return fallback;
  if (value < min || value > max) {
    throw new ERR_OUT_OF_RANGE(name, `>= ${min} and <= ${max}`, value);
  }
  return value;
}

/* The stream-level settings of `opts` for a zlib (brotli = false) or
 * brotli stream: { chunkSize, flush, finishFlush, fullFlush,
 * maxOutputLength }. */
function streamSettings(opts, brotli) {
  const flushes = brotli ? brotliFlushes : zlibFlushes;
  const settings = {
    chunkSize: Z_DEFAULT_CHUNK,
    flush: flushes.flush,
    finishFlush: flushes.finishFlush,
    fullFlush: flushes.fullFlush,
    maxOutputLength: kMaxLength,
  };
  if (!opts) return settings;
  const chunkSize = opts.chunkSize;
  if (isGivenFinite(chunkSize, 'options.chunkSize')) {
    if (chunkSize < Z_MIN_CHUNK) {
      throw new ERR_OUT_OF_RANGE('options.chunkSize', `>= ${Z_MIN_CHUNK}`,
                                 chunkSize);
    }
    settings.chunkSize = chunkSize;
  }
  settings.flush = rangeOrDefault(opts.flush, 'options.flush', flushes.min,
                                  flushes.max, flushes.flush);
  settings.finishFlush = rangeOrDefault(opts.finishFlush,
                                        'options.finishFlush', flushes.min,
                                        flushes.max, flushes.finishFlush);
  settings.maxOutputLength = rangeOrDefault(opts.maxOutputLength,
                                            'options.maxOutputLength', 1,
                                            kMaxLength, kMaxLength);
  return settings;
}

/* The windowBits of `opts` for `mode`: 0 (take the stream's own) is
 * allowed, and the default, when inflating. */
function windowBitsOf(opts, mode) {
  const bits = opts.windowBits;
  if ((bits === undefined || bits === null || bits === 0) &&
      (mode === INFLATE || mode === GUNZIP || mode === UNZIP)) {
    return 0;
  }
  // gzip cannot do 8.
  const min = Z_MIN_WINDOWBITS + (mode === GZIP ? 1 : 0);
  return rangeOrDefault(bits, 'options.windowBits', min, Z_MAX_WINDOWBITS,
                        Z_DEFAULT_WINDOWBITS);
}

/* The dictionary of `opts` as an ArrayBufferView, or undefined. */
function dictionaryOf(opts) {
  const dictionary = opts.dictionary;
  if (dictionary === undefined || isArrayBufferView(dictionary))
    return dictionary;
  if (isAnyArrayBuffer(dictionary)) return Buffer.from(dictionary);
  throw new ERR_INVALID_ARG_TYPE(
    'options.dictionary',
    ['Buffer', 'TypedArray', 'DataView', 'ArrayBuffer'],
    dictionary);
}

/* A native Zlib handle for `mode` set up from `opts`, reporting into
 * writeState and onWrite (called in the handle's async context):
 * { handle, level, strategy }. Throws for invalid options. */
function zlibHandle(opts, mode, writeState, onWrite) {
  let windowBits = Z_DEFAULT_WINDOWBITS;
  let level = Z_DEFAULT_COMPRESSION;
  let memLevel = Z_DEFAULT_MEMLEVEL;
  let strategy = Z_DEFAULT_STRATEGY;
  let dictionary;
  if (opts) {
    windowBits = windowBitsOf(opts, mode);
    level = rangeOrDefault(opts.level, 'options.level', Z_MIN_LEVEL,
                           Z_MAX_LEVEL, Z_DEFAULT_COMPRESSION);
    memLevel = rangeOrDefault(opts.memLevel, 'options.memLevel',
                              Z_MIN_MEMLEVEL, Z_MAX_MEMLEVEL,
                              Z_DEFAULT_MEMLEVEL);
    strategy = rangeOrDefault(opts.strategy, 'options.strategy',
                              Z_DEFAULT_STRATEGY, Z_FIXED,
                              Z_DEFAULT_STRATEGY);
    dictionary = dictionaryOf(opts);
  }
  const handle = new binding.Zlib(mode);
  trackHandle(handle);
  handle.init(windowBits, level, memLevel, strategy, writeState,
              bindToHandle(handle, onWrite), dictionary);
  return { handle, level, strategy };
}

// Reused by every brotli handle: init() copies it.
const brotliParams = new Uint32Array(maxBrotliParam + 1);

/* Fills brotliParams from opts.params (keys are BROTLI_PARAM_* numbers,
 * values numbers or booleans; unset slots stay 0xffffffff). */
function takeBrotliParams(opts) {
  TypedArrayPrototypeFill(brotliParams, -1);
  const params = opts?.params;
  if (!params) return;
  for (const name of ObjectKeys(params)) {
    const key = +name;
    if (!NumberIsInteger(key) || key < 0 || key > maxBrotliParam ||
        brotliParams[key] !== 0xffffffff) {
      throw new ERR_BROTLI_INVALID_PARAM(name);
    }
    const value = params[name];
    if (typeof value !== 'number' && typeof value !== 'boolean') {
      throw new ERR_INVALID_ARG_TYPE('options.params[key]', 'number', value);
    }
    brotliParams[key] = value;
  }
}

/* A native brotli handle (encoder for BROTLI_ENCODE, else decoder) set up
 * from `opts`. Throws for invalid options, ERR_ZLIB_INITIALIZATION_FAILED
 * when brotli refuses a parameter. */
function brotliHandle(opts, mode, writeState, onWrite) {
  takeBrotliParams(opts);
  const handle = mode === BROTLI_ENCODE ?
    new binding.BrotliEncoder(mode) : new binding.BrotliDecoder(mode);
  trackHandle(handle);
  if (!handle.init(brotliParams, writeState, bindToHandle(handle, onWrite))) {
    throw new ERR_ZLIB_INITIALIZATION_FAILED();
  }
  return handle;
}

module.exports = {
  BROTLI_DECODE,
  BROTLI_ENCODE,
  DEFLATE,
  brotliHandle,
  constants,
  kMaxLength,
  rangeOrDefault,
  streamSettings,
  zlibHandle,
};
