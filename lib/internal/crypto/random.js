'use strict';
// internal/crypto/random.js - random bytes, integers and UUIDs from
// OpenSSL's CSPRNG; async variants fill on the thread pool.

const {
  ArrayPrototypePush,
  ArrayPrototypeShift,
  FunctionPrototypeCall,
  MathMin,
  NumberIsNaN,
  NumberIsSafeInteger,
  Uint8Array,
} = primordials;

const { binding } = require('internal/crypto/util');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const {
  validateBoolean,
  validateFunction,
  validateNumber,
  validateObject,
} = require('internal/validators');
const {
  isAnyArrayBuffer,
  isArrayBufferView,
  isTypedArray,
  isFloat32Array,
  isFloat64Array,
} = require('internal/util/types');
const { FastBuffer, kMaxLength } = require('internal/buffer');
const { lazyDOMException } = require('internal/util');
const { bindToNewResource } = require('internal/async_hooks');

const kMaxInt32 = 2 ** 31 - 1;
const kMaxPossibleLength = MathMin(kMaxLength, kMaxInt32);

/* Checks a size (in elements of elementSize bytes) and that offset+size
 * fits `length` bytes; returns the size in bytes. */
function assertSize(size, elementSize, offset, length) {
  validateNumber(size, 'size');
  size *= elementSize;
  if (NumberIsNaN(size) || size > kMaxPossibleLength || size < 0) {
    throw new ERR_OUT_OF_RANGE('size', `>= 0 && <= ${kMaxPossibleLength}`,
                               size);
  }
  if (size + offset > length) {
    throw new ERR_OUT_OF_RANGE('size + offset', `<= ${length}`,
                               size + offset);
  }
  return size >>> 0;
}

/* Checks an offset (in elements) into a buffer of `length` bytes; returns
 * it in bytes. */
function assertOffset(offset, elementSize, length) {
  validateNumber(offset, 'offset');
  offset *= elementSize;
  const maxLength = MathMin(length, kMaxPossibleLength);
  if (NumberIsNaN(offset) || offset > maxLength || offset < 0) {
    throw new ERR_OUT_OF_RANGE('offset', `>= 0 && <= ${maxLength}`, offset);
  }
  return offset >>> 0;
}

function assertBuffer(buf) {
  if (!isAnyArrayBuffer(buf) && !isArrayBufferView(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['ArrayBuffer', 'ArrayBufferView'],
                                   buf);
  }
}

/* crypto.randomBytes(size[, callback]): a new Buffer of `size` random
 * bytes (with its own ArrayBuffer); with a callback, filled on the thread
 * pool and passed as callback(null, buf). */
function randomBytes(size, callback) {
  size = assertSize(size, 1, 0, Infinity);
  if (callback !== undefined) validateFunction(callback, 'callback');
  const buf = new FastBuffer(size);
  if (callback === undefined) {
    if (size > 0) binding.randomFill(buf, 0, size);
    return buf;
  }
  const done = bindToNewResource(function(err) {
    if (err) return FunctionPrototypeCall(callback, this, err);
    FunctionPrototypeCall(callback, this, null, buf);
  }, 'RANDOMBYTESREQUEST');
  binding.randomFill(buf, 0, size, done);
}

/* crypto.randomFillSync(buf[, offset[, size]]) -> buf, with bytes
 * [offset, offset+size) (in elements of buf) made random. */
function randomFillSync(buf, offset = 0, size) {
  assertBuffer(buf);
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  offset = assertOffset(offset, elementSize, buf.byteLength);
  if (size === undefined) {
    size = buf.byteLength - offset;
  } else {
    size = assertSize(size, elementSize, offset, buf.byteLength);
  }
  if (size === 0) return buf;
  binding.randomFill(isAnyArrayBuffer(buf) ? new Uint8Array(buf) : buf,
                     offset, size);
  return buf;
}

/* crypto.randomFill(buf[, offset[, size]], callback): randomFillSync on
 * the thread pool, then callback(null, buf). */
function randomFill(buf, offset, size, callback) {
  assertBuffer(buf);
  const elementSize = buf.BYTES_PER_ELEMENT || 1;
  if (typeof offset === 'function') {
    callback = offset;
    offset = 0;
    size = undefined;
  } else if (typeof size === 'function') {
    callback = size;
    size = undefined;
  } else {
    validateFunction(callback, 'callback');
  }
  offset = assertOffset(offset, elementSize, buf.byteLength);
  if (size === undefined) {
    size = buf.byteLength - offset;
  } else {
    size = assertSize(size, elementSize, offset, buf.byteLength);
  }
  const done = bindToNewResource(function(err) {
    if (err) return FunctionPrototypeCall(callback, this, err);
    FunctionPrototypeCall(callback, this, null, buf);
  }, 'RANDOMBYTESREQUEST');
  binding.randomFill(isAnyArrayBuffer(buf) ? new Uint8Array(buf) : buf,
                     offset, size, done);
}

// randomInt draws 48-bit numbers: the largest range it can serve.
const RAND_MAX = 0xFFFF_FFFF_FFFF;

// Random bytes for randomInt, consumed 6 at a time and refilled in bulk;
// async calls that find it empty wait in `pendingInts` for the refill.
const intCache = new FastBuffer(6 * 1024);
let intCacheOffset = intCache.length;
let intRefilling = false;
const pendingInts = [];

/* The next 48-bit value from the cache, or -1 when it is used up. */
function nextRandom48() {
  if (intCacheOffset === intCache.length) return -1;
  const x = intCache.readUIntBE(intCacheOffset, 6);
  intCacheOffset += 6;
  return x;
}

/* Draws from the cache for `req` ({ min, range, limit, callback }) until
 * a value below the rejection limit comes up; false when the cache ran
 * out first. */
function serveInt(req) {
  for (;;) {
    const x = nextRandom48();
    if (x < 0) return false;
    if (x < req.limit) {
      const n = (x % req.range) + req.min;
      if (req.callback === undefined) {
        req.result = n;
      } else {
        process.nextTick(req.callback, undefined, n);
      }
      return true;
    }
  }
}

function refillIntCacheAsync() {
  if (intRefilling) return;
  intRefilling = true;
  randomFill(intCache, (err) => {
    intRefilling = false;
    const waiting = pendingInts.length;
    if (err) {
      for (let i = 0; i < waiting; i++)
        ArrayPrototypeShift(pendingInts).callback(err);
      return;
    }
    intCacheOffset = 0;
    while (pendingInts.length > 0 && serveInt(pendingInts[0]))
      ArrayPrototypeShift(pendingInts);
    if (pendingInts.length > 0) refillIntCacheAsync();
  });
}

/* crypto.randomInt([min, ]max[, callback]): a uniform integer in
 * [min, max) (safe integers, max - min <= 2^48 - 1). */
function randomInt(min, max, callback) {
  const minNotSpecified = typeof max === 'undefined' ||
    typeof max === 'function';
  if (minNotSpecified) {
    callback = max;
    max = min;
    min = 0;
  }
  const isSync = typeof callback === 'undefined';
  if (!isSync) validateFunction(callback, 'callback');
  if (!NumberIsSafeInteger(min))
    throw new ERR_INVALID_ARG_TYPE('min', 'a safe integer', min);
  if (!NumberIsSafeInteger(max))
    throw new ERR_INVALID_ARG_TYPE('max', 'a safe integer', max);
  if (max <= min) {
    throw new ERR_OUT_OF_RANGE(
      'max', `greater than the value of "min" (${min})`, max);
  }
  const range = max - min;
  if (!(range <= RAND_MAX)) {
    throw new ERR_OUT_OF_RANGE(`max${minNotSpecified ? '' : ' - min'}`,
                               `<= ${RAND_MAX}`, range);
  }
  // Values at or above `limit` would favour the low end: drawn again.
  const req = { min, range, limit: RAND_MAX - (RAND_MAX % range), callback };
  if (isSync) {
    while (!serveInt(req)) {
      randomFillSync(intCache);
      intCacheOffset = 0;
    }
    return req.result;
  }
  if (pendingInts.length > 0 || !serveInt(req)) {
    ArrayPrototypePush(pendingInts, req);
    refillIntCacheAsync();
  }
}

// randomUUID() formats bytes from a pool of 128 UUIDs' worth of entropy.
const kUUIDBatch = 128;
const uuidPool = new FastBuffer(16 * kUUIDBatch);
let uuidNext = kUUIDBatch;
const kHexBytes = [];
for (let i = 0; i < 256; i++)
  kHexBytes[i] = (i < 16 ? '0' : '') + i.toString(16);

/* The version 4 UUID of the 16 bytes at buf[offset]. */
function formatUUID(buf, offset) {
  const h = kHexBytes;
  return h[buf[offset]] + h[buf[offset + 1]] + h[buf[offset + 2]] +
    h[buf[offset + 3]] + '-' + h[buf[offset + 4]] + h[buf[offset + 5]] +
    '-' + h[(buf[offset + 6] & 0x0f) | 0x40] + h[buf[offset + 7]] + '-' +
    h[(buf[offset + 8] & 0x3f) | 0x80] + h[buf[offset + 9]] + '-' +
    h[buf[offset + 10]] + h[buf[offset + 11]] + h[buf[offset + 12]] +
    h[buf[offset + 13]] + h[buf[offset + 14]] + h[buf[offset + 15]];
}

/* crypto.randomUUID([{ disableEntropyCache }]): a random RFC 4122
 * version 4 UUID. */
function randomUUID(options) {
  if (options !== undefined) validateObject(options, 'options');
  const { disableEntropyCache = false } = options || {};
  validateBoolean(disableEntropyCache, 'options.disableEntropyCache');
  if (disableEntropyCache) {
    const bytes = new FastBuffer(16);
    binding.randomFill(bytes, 0, 16);
    return formatUUID(bytes, 0);
  }
  if (uuidNext === kUUIDBatch) {
    binding.randomFill(uuidPool, 0, uuidPool.length);
    uuidNext = 0;
  }
  return formatUUID(uuidPool, 16 * uuidNext++);
}

/* webcrypto getRandomValues(typedArray): fills an integer TypedArray of
 * at most 65536 bytes; DOMExceptions otherwise, as the spec says. */
function getRandomValues(data) {
  if (!isTypedArray(data) || isFloat32Array(data) || isFloat64Array(data)) {
    throw lazyDOMException(
      'The data argument must be an integer-type TypedArray',
      'TypeMismatchError');
  }
  if (data.byteLength > 65536) {
    throw lazyDOMException(
      'The requested length exceeds 65,536 bytes', 'QuotaExceededError');
  }
  randomFillSync(data, 0);
  return data;
}

module.exports = {
  getRandomValues,
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
};
