'use strict';
// buffer.js - the public 'buffer' module: Buffer, SlowBuffer, Blob, File,
// atob/btoa, transcode, isUtf8/isAscii and the module constants.

const {
  Array,
  ArrayIsArray,
  ArrayPrototypeForEach,
  MathFloor,
  MathMin,
  MathTrunc,
  NumberIsInteger,
  NumberIsNaN,
  NumberMAX_SAFE_INTEGER,
  NumberMIN_SAFE_INTEGER,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
  StringPrototypeCharCodeAt,
  StringPrototypeSlice,
  Symbol,
  SymbolFor,
  SymbolSpecies,
  SymbolToPrimitive,
  TypedArrayPrototypeFill,
  TypedArrayPrototypeGetBuffer,
  TypedArrayPrototypeGetByteLength,
  TypedArrayPrototypeGetByteOffset,
  TypedArrayPrototypeGetLength,
  TypedArrayPrototypeSet,
  TypedArrayPrototypeSlice,
  Uint8Array,
} = primordials;

const {
  compare: _compare,
  compareOffset,
  copy: bindingCopy,
  fill: bindingFill,
  indexOfBuffer,
  indexOfNumber,
  indexOfString,
  isAscii: bindingIsAscii,
  isUtf8: bindingIsUtf8,
  swap: bindingSwap,
  writeUnchecked,
} = internalBinding('buffer');

const {
  FastBuffer,
  addBufferPrototypeMethods,
  createUnsafeBuffer,
  encodingOps,
  getEncodingOps,
  markAsUntransferable,
  kMaxLength,
  kStringMaxLength,
  kEncUtf8,
} = require('internal/buffer');

const {
  codes: {
    ERR_BUFFER_OUT_OF_BOUNDS,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_BUFFER_SIZE,
    ERR_MISSING_ARGS,
    ERR_OUT_OF_RANGE,
    ERR_UNKNOWN_ENCODING,
  },
} = require('internal/errors');

const {
  validateArray,
  validateInteger,
  validateNumber,
  validateString,
} = require('internal/validators');

const { isAnyArrayBuffer } = internalBinding('types');
const {
  isArrayBufferView,
  isTypedArray,
  isUint8Array,
} = require('internal/util/types');

const customInspectSymbol = SymbolFor('nodejs.util.inspect.custom');
const kIsEncodingSymbol = Symbol('kIsEncodingSymbol');

const constants = ObjectDefineProperties({}, {
  MAX_LENGTH: {
    __proto__: null, value: kMaxLength, writable: false, enumerable: true,
  },
  MAX_STRING_LENGTH: {
    __proto__: null, value: kStringMaxLength, writable: false,
    enumerable: true,
  },
});

let INSPECT_MAX_BYTES = 50;

// ---------------------------------------------------------------------------
// The Buffer function and its pool

FastBuffer.prototype.constructor = Buffer;
Buffer.prototype = FastBuffer.prototype;
addBufferPrototypeMethods(Buffer.prototype);

let poolSize;
let poolOffset;
let allocPool;
let allocPoolView;

Buffer.poolSize = 8 * 1024;

function createPool() {
  poolSize = Buffer.poolSize;
  allocPoolView = createUnsafeBuffer(poolSize);
  allocPool = TypedArrayPrototypeGetBuffer(allocPoolView);
  markAsUntransferable(allocPool);
  poolOffset = 0;
}
createPool();

function alignPool() {
  // Keep each pooled slice 8-byte aligned.
  if (poolOffset & 0x7) {
    poolOffset |= 0x7;
    poolOffset++;
  }
}

let bufferWarningEmitted = false;
let nodeModulesChecks = 0;
const bufferWarning = 'Buffer() is deprecated due to security and usability ' +
                      'issues. Please use the Buffer.alloc(), ' +
                      'Buffer.allocUnsafe(), or Buffer.from() methods instead.';

/* DEP0005, once, unless called from inside node_modules (always with
 * --pending-deprecation). */
function showFlaggedDeprecation() {
  if (bufferWarningEmitted || ++nodeModulesChecks > 10000) return;
  const { getOptionValue } = require('internal/options');
  if (!getOptionValue('--pending-deprecation') &&
      require('internal/util').isInsideNodeModules()) {
    return;
  }
  process.emitWarning(bufferWarning, 'DeprecationWarning', 'DEP0005');
  bufferWarningEmitted = true;
}

/* Buffer(arg[, encodingOrOffset[, length]]): deprecated constructor, callable
 * with or without `new`. */
function Buffer(arg, encodingOrOffset, length) {
  showFlaggedDeprecation();
  if (typeof arg === 'number') {
    if (typeof encodingOrOffset === 'string') {
      throw new ERR_INVALID_ARG_TYPE('string', 'string', arg);
    }
    return Buffer.alloc(arg);
  }
  return Buffer.from(arg, encodingOrOffset, length);
}

ObjectDefineProperty(Buffer, SymbolSpecies, {
  __proto__: null,
  enumerable: false,
  configurable: true,
  get() { return FastBuffer; },
});

/* Buffer.from(value[, encodingOrOffset[, length]]): from a string, an
 * (Shared)ArrayBuffer view range, an array-like, a Buffer JSON object, or an
 * object whose valueOf()/Symbol.toPrimitive gives one of those. */
Buffer.from = function from(value, encodingOrOffset, length) {
  if (typeof value === 'string') return fromString(value, encodingOrOffset);

  if (typeof value === 'object' && value !== null) {
    if (isAnyArrayBuffer(value))
      return fromArrayBuffer(value, encodingOrOffset, length);

    const valueOf = value.valueOf && value.valueOf();
    if (valueOf != null && valueOf !== value &&
        (typeof valueOf === 'string' || typeof valueOf === 'object')) {
      return from(valueOf, encodingOrOffset, length);
    }

    const b = fromObject(value);
    if (b) return b;

    if (typeof value[SymbolToPrimitive] === 'function') {
      const primitive = value[SymbolToPrimitive]('string');
      if (typeof primitive === 'string') {
        return fromString(primitive, encodingOrOffset);
      }
    }
  }

  throw new ERR_INVALID_ARG_TYPE(
    'first argument',
    ['string', 'Buffer', 'ArrayBuffer', 'Array', 'Array-like Object'],
    value,
  );
};

/* Buffer.copyBytesFrom(view[, offset[, length]]): copies the bytes of a
 * range of elements of a TypedArray. */
Buffer.copyBytesFrom = function copyBytesFrom(view, offset, length) {
  if (!isTypedArray(view)) {
    throw new ERR_INVALID_ARG_TYPE('view', ['TypedArray'], view);
  }
  const viewLength = TypedArrayPrototypeGetLength(view);
  if (viewLength === 0) return new FastBuffer();
  if (offset !== undefined || length !== undefined) {
    if (offset !== undefined) {
      validateInteger(offset, 'offset', 0);
      if (offset >= viewLength) return new FastBuffer();
    } else {
      offset = 0;
    }
    let end;
    if (length !== undefined) {
      validateInteger(length, 'length', 0);
      end = offset + length;
    } else {
      end = viewLength;
    }
    view = TypedArrayPrototypeSlice(view, offset, end);
  }
  return fromArrayLike(new Uint8Array(
    TypedArrayPrototypeGetBuffer(view),
    TypedArrayPrototypeGetByteOffset(view),
    TypedArrayPrototypeGetByteLength(view)));
};

/* Buffer.of(...items): like Uint8Array.of, but a Buffer. */
Buffer.of = function of(...items) {
  const buf = createUnsafeBuffer(items.length);
  for (let k = 0; k < items.length; k++) buf[k] = items[k];
  return buf;
};

ObjectSetPrototypeOf(Buffer, Uint8Array);

/* Throws unless 0 <= size <= kMaxLength. */
function assertSize(size) {
  validateNumber(size, 'size');
  if (!(size >= 0 && size <= kMaxLength)) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('size', size);
  }
}

/* Buffer.alloc(size[, fill[, encoding]]): zero-filled, or filled. */
Buffer.alloc = function alloc(size, fill, encoding) {
  assertSize(size);
  if (fill !== undefined && fill !== 0 && size > 0) {
    const buf = createUnsafeBuffer(size);
    return _fill(buf, fill, 0, buf.length, encoding);
  }
  return new FastBuffer(size);
};

/* Buffer.allocUnsafe(size): small sizes are slices of the shared pool. */
Buffer.allocUnsafe = function allocUnsafe(size) {
  assertSize(size);
  return allocate(size);
};

/* Buffer.allocUnsafeSlow(size): never pooled. */
Buffer.allocUnsafeSlow = function allocUnsafeSlow(size) {
  assertSize(size);
  return createUnsafeBuffer(size);
};

/* SlowBuffer(size): deprecated alias of Buffer.allocUnsafeSlow. */
function SlowBuffer(size) {
  assertSize(size);
  return createUnsafeBuffer(size);
}
ObjectSetPrototypeOf(SlowBuffer.prototype, Uint8Array.prototype);
ObjectSetPrototypeOf(SlowBuffer, Uint8Array);

function allocate(size) {
  if (size <= 0) return new FastBuffer();
  if (size < (Buffer.poolSize >>> 1)) {
    if (size > (poolSize - poolOffset)) createPool();
    const b = new FastBuffer(allocPool, poolOffset, size);
    poolOffset += size;
    alignPool();
    return b;
  }
  return createUnsafeBuffer(size);
}

function fromString(string, encoding) {
  let ops;
  if (typeof encoding !== 'string' || encoding.length === 0) {
    if (string.length === 0) return new FastBuffer();
    ops = encodingOps.utf8;
  } else {
    ops = getEncodingOps(encoding);
    if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    if (string.length === 0) return new FastBuffer();
  }
  return fromStringFast(string, ops);
}

/* Encodes straight into the pool when the result surely fits in half of it;
 * `writeUnchecked` may clobber pool bytes after the data (still unused). */
function fromStringFast(string, ops) {
  const maxLength = Buffer.poolSize >>> 1;
  let bound = string.length * ops.maxBytesPerChar;
  if (bound >= maxLength || bound + 2 > poolSize - poolOffset) {
    bound = ops.byteLength(string);
    if (bound >= maxLength) return createFromString(string, ops, bound);
    if (bound + 2 > poolSize - poolOffset) createPool();
  }
  const actual = writeUnchecked(allocPoolView, string, poolOffset,
                                ops.encodingVal);
  const b = new FastBuffer(allocPool, poolOffset, actual);
  poolOffset += actual;
  alignPool();
  return b;
}

function createFromString(string, ops, length) {
  const buf = createUnsafeBuffer(length);
  const actual = ops.write.call(buf, string, 0, length);
  if (actual === length) return buf;
  return new FastBuffer(TypedArrayPrototypeGetBuffer(buf), 0, actual);
}

function fromArrayBuffer(obj, byteOffset, length) {
  if (byteOffset === undefined) {
    byteOffset = 0;
  } else {
    byteOffset = +byteOffset;
    if (NumberIsNaN(byteOffset)) byteOffset = 0;
  }
  const maxLength = obj.byteLength - byteOffset;
  if (maxLength < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  if (length === undefined) {
    length = maxLength;
  } else {
    length = +length;
    if (length > 0) {
      if (length > maxLength) throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
    } else {
      length = 0;
    }
  }
  return new FastBuffer(obj, byteOffset, length);
}

/* Copies an array-like (elements taken modulo 256) into a new Buffer. */
function fromArrayLike(obj) {
  const length = obj.length;
  if (length <= 0) return new FastBuffer();
  if (length < (Buffer.poolSize >>> 1)) {
    if (length > (poolSize - poolOffset)) createPool();
    const b = new FastBuffer(allocPool, poolOffset, length);
    TypedArrayPrototypeSet(b, obj, 0);
    poolOffset += length;
    alignPool();
    return b;
  }
  return new FastBuffer(obj);
}

function fromObject(obj) {
  if (obj.length !== undefined || isAnyArrayBuffer(obj.buffer)) {
    if (typeof obj.length !== 'number') return new FastBuffer();
    return fromArrayLike(obj);
  }
  if (obj.type === 'Buffer' && ArrayIsArray(obj.data)) {
    return fromArrayLike(obj.data);
  }
}

// ---------------------------------------------------------------------------
// Static methods

/* Buffer.isBuffer(b): true for Buffers (anything on Buffer.prototype). */
Buffer.isBuffer = function isBuffer(b) {
  return b instanceof Buffer;
};

/* Buffer.compare(buf1, buf2) -> -1, 0 or 1. */
Buffer.compare = function compare(buf1, buf2) {
  if (!isUint8Array(buf1)) {
    throw new ERR_INVALID_ARG_TYPE('buf1', ['Buffer', 'Uint8Array'], buf1);
  }
  if (!isUint8Array(buf2)) {
    throw new ERR_INVALID_ARG_TYPE('buf2', ['Buffer', 'Uint8Array'], buf2);
  }
  if (buf1 === buf2) return 0;
  return _compare(buf1, buf2);
};

/* Buffer.isEncoding(encoding): whether Buffer supports the encoding. */
Buffer.isEncoding = function isEncoding(encoding) {
  return typeof encoding === 'string' && encoding.length !== 0 &&
    getEncodingOps(encoding) !== undefined;
};
Buffer[kIsEncodingSymbol] = Buffer.isEncoding;

/* Buffer.concat(list[, totalLength]): one Buffer holding every element of
 * list, truncated or zero-padded to totalLength. */
Buffer.concat = function concat(list, length) {
  validateArray(list, 'list');
  if (list.length === 0) return new FastBuffer();

  if (length === undefined) {
    length = 0;
    for (let i = 0; i < list.length; i++) {
      if (list[i].length) length += list[i].length;
    }
  } else {
    validateOffset(length, 'length');
  }

  const buffer = Buffer.allocUnsafe(length);
  let pos = 0;
  for (let i = 0; i < list.length; i++) {
    const buf = list[i];
    if (!isUint8Array(buf)) {
      // Non-Uint8Arrays would silently convert; Node rejects them.
      throw new ERR_INVALID_ARG_TYPE(
        `list[${i}]`, ['Buffer', 'Uint8Array'], list[i]);
    }
    const n = buf.length;
    if (n === 0) continue;
    if (pos + n <= length) {
      TypedArrayPrototypeSet(buffer, buf, pos);
      pos += n;
    } else {
      pos += bindingCopy(buf, buffer, pos, 0, length - pos);
      break;
    }
  }
  // Zero the tail when totalLength exceeds the sum of the lengths.
  if (pos < length) TypedArrayPrototypeFill(buffer, 0, pos, length);
  return buffer;
};

/* Buffer.byteLength(string[, encoding]): bytes the string encodes to, or
 * the byteLength of a view or ArrayBuffer. */
function byteLength(string, encoding) {
  if (typeof string !== 'string') {
    if (isArrayBufferView(string) || isAnyArrayBuffer(string)) {
      return string.byteLength;
    }
    throw new ERR_INVALID_ARG_TYPE(
      'string', ['string', 'Buffer', 'ArrayBuffer'], string);
  }
  const len = string.length;
  const mustMatch = (arguments.length > 2 && arguments[2] === true);
  if (!mustMatch && len === 0) return 0;
  if (!encoding) return mustMatch ? -1 : encodingOps.utf8.byteLength(string);
  const ops = getEncodingOps(encoding);
  if (ops === undefined) {
    return mustMatch ? -1 : encodingOps.utf8.byteLength(string);
  }
  return ops.byteLength(string);
}
Buffer.byteLength = byteLength;

// ---------------------------------------------------------------------------
// Prototype

ObjectDefineProperty(Buffer.prototype, 'parent', {
  __proto__: null,
  enumerable: true,
  get() {
    if (!(this instanceof Buffer)) return undefined;
    return this.buffer;
  },
});
ObjectDefineProperty(Buffer.prototype, 'offset', {
  __proto__: null,
  enumerable: true,
  get() {
    if (!(this instanceof Buffer)) return undefined;
    return this.byteOffset;
  },
});

/* validateOffset(value, name, min, max): an integer in [min, max]. */
function validateOffset(value, name, min = 0, max = kMaxLength) {
  if (typeof value !== 'number') {
    throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  }
  if (!NumberIsInteger(value)) {
    throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  }
  if (value < min || value > max) {
    throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
  }
}

/* Node's integer coercion for copy(): NaN and unsafe values give dflt. */
function toInteger(n, dflt) {
  n = +n;
  if (!NumberIsNaN(n) && n >= NumberMIN_SAFE_INTEGER &&
      n <= NumberMAX_SAFE_INTEGER) {
    return ((n % 1) === 0 ? n : MathFloor(n));
  }
  return dflt;
}

function _copy(source, target, targetStart, sourceStart, sourceEnd) {
  if (!isUint8Array(source)) {
    throw new ERR_INVALID_ARG_TYPE('source', ['Buffer', 'Uint8Array'], source);
  }
  if (!isUint8Array(target)) {
    throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  }
  if (targetStart === undefined) {
    targetStart = 0;
  } else {
    targetStart = toInteger(targetStart, 0);
    if (targetStart < 0) {
      throw new ERR_OUT_OF_RANGE('targetStart', '>= 0', targetStart);
    }
  }
  const sourceLength = source.length;
  if (sourceStart === undefined) {
    sourceStart = 0;
  } else {
    sourceStart = toInteger(sourceStart, 0);
    if (sourceStart < 0 || sourceStart > sourceLength) {
      throw new ERR_OUT_OF_RANGE('sourceStart',
                                 `>= 0 && <= ${sourceLength}`, sourceStart);
    }
  }
  if (sourceEnd === undefined) {
    sourceEnd = sourceLength;
  } else {
    sourceEnd = toInteger(sourceEnd, 0);
    if (sourceEnd < 0) {
      throw new ERR_OUT_OF_RANGE('sourceEnd', '>= 0', sourceEnd);
    }
  }
  if (targetStart >= target.length || sourceStart >= sourceEnd) return 0;
  if (sourceEnd > sourceLength) sourceEnd = sourceLength;
  return bindingCopy(source, target, targetStart, sourceStart,
                     sourceEnd - sourceStart);
}

/* buf.copy(target[, targetStart[, sourceStart[, sourceEnd]]]) -> bytes
 * copied. */
Buffer.prototype.copy =
  function copy(target, targetStart, sourceStart, sourceEnd) {
    return _copy(this, target, targetStart, sourceStart, sourceEnd);
  };

/* buf.toString([encoding[, start[, end]]]). */
Buffer.prototype.toString = function toString(encoding, start, end) {
  if (arguments.length === 0) return this.utf8Slice(0, this.length);

  const len = this.length;
  if (start <= 0) {
    start = 0;
  } else if (start >= len) {
    return '';
  } else {
    start = MathTrunc(start) || 0;
  }
  if (end === undefined || end > len) {
    end = len;
  } else {
    end = MathTrunc(end) || 0;
  }
  if (end <= start) return '';

  if (encoding === undefined) return this.utf8Slice(start, end);
  const ops = getEncodingOps(encoding);
  if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  return ops.slice.call(this, start, end);
};

/* buf.equals(otherBuffer): same bytes. */
Buffer.prototype.equals = function equals(otherBuffer) {
  if (!isUint8Array(otherBuffer)) {
    throw new ERR_INVALID_ARG_TYPE(
      'otherBuffer', ['Buffer', 'Uint8Array'], otherBuffer);
  }
  if (this === otherBuffer) return true;
  const len = TypedArrayPrototypeGetByteLength(this);
  if (len !== TypedArrayPrototypeGetByteLength(otherBuffer)) return false;
  return len === 0 || _compare(this, otherBuffer) === 0;
};

let utilInspect;
let getOwnNonIndexProperties;

/* util.inspect(buf): `<Buffer 01 02 ... n more bytes>` plus own non-index
 * properties. */
Buffer.prototype[customInspectSymbol] = function inspect(recurseTimes, ctx) {
  const len = this.length;
  // INSPECT_MAX_BYTES is not validated: odd values behave as in Node.
  const hex = this.hexSlice(0, MathMin(INSPECT_MAX_BYTES, len));
  let str = StringPrototypeSlice(hex, 0, 2);
  for (let i = 2; i < hex.length; i += 2) {
    str += ' ' + StringPrototypeSlice(hex, i, i + 2);
  }
  const remaining = len - INSPECT_MAX_BYTES;
  if (remaining > 0) {
    str += ` ... ${remaining} more byte${remaining > 1 ? 's' : ''}`;
  }
  if (ctx) {
    utilInspect ??= require('internal/util/inspect').inspect;
    if (getOwnNonIndexProperties === undefined) {
      const util = internalBinding('util');
      getOwnNonIndexProperties = util.getOwnNonIndexProperties;
    }
    // ALL_PROPERTIES = 0, ONLY_ENUMERABLE = 2.
    const keys = getOwnNonIndexProperties(this, ctx.showHidden ? 0 : 2);
    if (keys.length > 0) {
      const extras = { __proto__: null };
      ArrayPrototypeForEach(keys, (key) => { extras[key] = this[key]; });
      if (len !== 0) str += ', ';
      // Strip '[Object: null prototype] {' and ' }'.
      str += StringPrototypeSlice(
        utilInspect(extras, { ...ctx, breakLength: Infinity, compact: true }),
        27, -2);
    }
  }
  return `<${this.constructor.name} ${str}>`;
};
Buffer.prototype.inspect = Buffer.prototype[customInspectSymbol];

/* buf.compare(target[, targetStart[, targetEnd[, sourceStart[,
 * sourceEnd]]]]) -> -1, 0 or 1. */
Buffer.prototype.compare = function compare(target, targetStart, targetEnd,
                                            sourceStart, sourceEnd) {
  if (!isUint8Array(target)) {
    throw new ERR_INVALID_ARG_TYPE('target', ['Buffer', 'Uint8Array'], target);
  }
  if (arguments.length === 1) return _compare(this, target);

  if (targetStart === undefined) targetStart = 0;
  else validateOffset(targetStart, 'targetStart');
  if (targetEnd === undefined) targetEnd = target.length;
  else validateOffset(targetEnd, 'targetEnd', 0, target.length);
  if (sourceStart === undefined) sourceStart = 0;
  else validateOffset(sourceStart, 'sourceStart');
  if (sourceEnd === undefined) sourceEnd = this.length;
  else validateOffset(sourceEnd, 'sourceEnd', 0, this.length);

  if (sourceStart >= sourceEnd) return (targetStart >= targetEnd ? 0 : -1);
  if (targetStart >= targetEnd) return 1;
  return compareOffset(this, target, targetStart, sourceStart, targetEnd,
                       sourceEnd);
};

/* The search behind indexOf/lastIndexOf/includes (dir: true = forward). */
function bidirectionalIndexOf(buffer, val, byteOffset, encoding, dir) {
  if (!isArrayBufferView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE(
      'buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
  }
  if (typeof byteOffset === 'string') {
    encoding = byteOffset;
    byteOffset = undefined;
  } else if (byteOffset > 0x7fffffff) {
    byteOffset = 0x7fffffff;
  } else if (byteOffset < -0x80000000) {
    byteOffset = -0x80000000;
  }
  byteOffset = +byteOffset;
  // undefined, NaN, {} and the like search the whole buffer.
  if (NumberIsNaN(byteOffset)) {
    byteOffset = dir ? 0 : (buffer.length || buffer.byteLength);
  }
  byteOffset = MathTrunc(byteOffset);

  if (typeof val === 'number') {
    return indexOfNumber(buffer, val >>> 0, byteOffset, dir);
  }

  let ops;
  if (encoding === undefined) ops = encodingOps.utf8;
  else ops = getEncodingOps(encoding);

  if (typeof val === 'string') {
    if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
    return indexOfString(buffer, val, byteOffset, ops.encodingVal, dir);
  }

  if (isUint8Array(val)) {
    const encodingVal = ops === undefined ? kEncUtf8 : ops.encodingVal;
    return indexOfBuffer(buffer, val, byteOffset, encodingVal, dir);
  }

  throw new ERR_INVALID_ARG_TYPE(
    'value', ['number', 'string', 'Buffer', 'Uint8Array'], val);
}

/* buf.indexOf(value[, byteOffset][, encoding]). */
Buffer.prototype.indexOf = function indexOf(val, byteOffset, encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, true);
};

/* buf.lastIndexOf(value[, byteOffset][, encoding]). */
Buffer.prototype.lastIndexOf = function lastIndexOf(val, byteOffset,
                                                    encoding) {
  return bidirectionalIndexOf(this, val, byteOffset, encoding, false);
};

/* buf.includes(value[, byteOffset][, encoding]). */
Buffer.prototype.includes = function includes(val, byteOffset, encoding) {
  return this.indexOf(val, byteOffset, encoding) !== -1;
};

/* buf.fill(value[, offset[, end]][, encoding]). */
Buffer.prototype.fill = function fill(value, offset, end, encoding) {
  return _fill(this, value, offset, end, encoding);
};

function _fill(buf, value, offset, end, encoding) {
  let encodingVal;
  if (typeof value === 'string') {
    if (offset === undefined || typeof offset === 'string') {
      encoding = offset;
      offset = 0;
      end = buf.length;
    } else if (typeof end === 'string') {
      encoding = end;
      end = buf.length;
    }

    let ops;
    if (encoding === undefined || encoding === null || encoding === '') {
      ops = encodingOps.utf8;
    } else {
      ops = getEncodingOps(encoding);
      if (ops === undefined) {
        validateString(encoding, 'encoding');
        throw new ERR_UNKNOWN_ENCODING(encoding);
      }
    }
    encodingVal = ops.encodingVal;

    if (value.length === 0) {
      // An empty string fills with zeroes.
      value = 0;
    } else if (value.length === 1) {
      // One byte: fill numerically.
      const code = StringPrototypeCharCodeAt(value, 0);
      if ((encodingVal === kEncUtf8 && code < 128) ||
          ops.encoding === 'latin1') {
        value = code;
      }
    }
  }

  if (offset === undefined) {
    offset = 0;
    end = buf.length;
  } else {
    validateOffset(offset, 'offset');
    // Invalid ranges are not set to a default, so can range check early.
    if (end === undefined) {
      end = buf.length;
    } else {
      validateOffset(end, 'end', 0, buf.length);
    }
    if (offset >= end) return buf;
  }

  if (typeof value === 'number') {
    const byteLen = TypedArrayPrototypeGetByteLength(buf);
    if (offset > end || end > byteLen) throw new ERR_BUFFER_OUT_OF_BOUNDS();
    TypedArrayPrototypeFill(buf, value, offset, end);
  } else {
    const res = bindingFill(buf, value, offset, end, encodingVal);
    if (res < 0) throw new ERR_INVALID_ARG_VALUE('value', value);
  }
  return buf;
}

/* buf.write(string[, offset[, length]][, encoding]) -> bytes written. */
Buffer.prototype.write = function write(string, offset, length, encoding) {
  // Buffer#write(string)
  if (offset === undefined) return this.utf8Write(string, 0, this.length);

  if (length === undefined && typeof offset === 'string') {
    // Buffer#write(string, encoding)
    encoding = offset;
    length = this.length;
    offset = 0;
  } else {
    // Buffer#write(string, offset[, length][, encoding])
    validateOffset(offset, 'offset', 0, this.length);
    const remaining = this.length - offset;
    if (length === undefined) {
      length = remaining;
    } else if (typeof length === 'string') {
      encoding = length;
      length = remaining;
    } else {
      validateOffset(length, 'length', 0, this.length);
      if (length > remaining) length = remaining;
    }
  }

  if (!encoding || encoding === 'utf8') {
    return this.utf8Write(string, offset, length);
  }
  const ops = getEncodingOps(encoding);
  if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  return ops.write.call(this, string, offset, length);
};

/* buf.toJSON() -> { type: 'Buffer', data: [bytes] }. */
Buffer.prototype.toJSON = function toJSON() {
  const len = this.length;
  const data = new Array(len);
  for (let i = 0; i < len; ++i) data[i] = this[i];
  return { type: 'Buffer', data };
};

/* Clamps a subarray bound the way TypedArray#subarray does. */
function adjustOffset(offset, length) {
  offset = MathTrunc(offset);
  if (offset === 0 || NumberIsNaN(offset)) return 0;
  if (offset < 0) {
    offset += length;
    return offset > 0 ? offset : 0;
  }
  return offset < length ? offset : length;
}

/* buf.subarray([start[, end]]): a Buffer sharing this memory. */
Buffer.prototype.subarray = function subarray(start, end) {
  const srcLength = this.length;
  start = adjustOffset(start, srcLength);
  end = end !== undefined ? adjustOffset(end, srcLength) : srcLength;
  const newLength = end > start ? end - start : 0;
  return new FastBuffer(this.buffer, this.byteOffset + start, newLength);
};

/* buf.slice([start[, end]]): same as subarray (shares memory). */
Buffer.prototype.slice = function slice(start, end) {
  return this.subarray(start, end);
};

function swapBytes(b, n, m) {
  const i = b[n];
  b[n] = b[m];
  b[m] = i;
}

/* buf.swap16(): swaps the byte order of each 16-bit unit in place. */
Buffer.prototype.swap16 = function swap16() {
  const len = this.length;
  if (len % 2 !== 0) throw new ERR_INVALID_BUFFER_SIZE('16-bits');
  if (len < 128) {
    for (let i = 0; i < len; i += 2) swapBytes(this, i, i + 1);
  } else {
    bindingSwap(this, 2);
  }
  return this;
};

/* buf.swap32(): swaps the byte order of each 32-bit unit in place. */
Buffer.prototype.swap32 = function swap32() {
  const len = this.length;
  if (len % 4 !== 0) throw new ERR_INVALID_BUFFER_SIZE('32-bits');
  if (len < 192) {
    for (let i = 0; i < len; i += 4) {
      swapBytes(this, i, i + 3);
      swapBytes(this, i + 1, i + 2);
    }
  } else {
    bindingSwap(this, 4);
  }
  return this;
};

/* buf.swap64(): swaps the byte order of each 64-bit unit in place. */
Buffer.prototype.swap64 = function swap64() {
  const len = this.length;
  if (len % 8 !== 0) throw new ERR_INVALID_BUFFER_SIZE('64-bits');
  if (len < 192) {
    for (let i = 0; i < len; i += 8) {
      swapBytes(this, i, i + 7);
      swapBytes(this, i + 1, i + 6);
      swapBytes(this, i + 2, i + 5);
      swapBytes(this, i + 3, i + 4);
    }
  } else {
    bindingSwap(this, 8);
  }
  return this;
};

Buffer.prototype.toLocaleString = Buffer.prototype.toString;

// ---------------------------------------------------------------------------
// Module functions

/* isUtf8(input): whether a TypedArray/ArrayBuffer holds valid UTF-8. */
function isUtf8(input) {
  return checkBytes(input, bindingIsUtf8);
}

/* isAscii(input): whether every byte is below 0x80. */
function isAscii(input) {
  return checkBytes(input, bindingIsAscii);
}

function checkBytes(input, check) {
  if (isTypedArray(input) || isAnyArrayBuffer(input)) return check(input);
  throw new ERR_INVALID_ARG_TYPE('input', ['TypedArray', 'Buffer'], input);
}

// forgiving-base64 (https://infra.spec.whatwg.org/#forgiving-base64):
// 0 = other, 1 = ASCII whitespace, 2 = alphabet, 3 = '='.
const base64Class = new Uint8Array(256);
{
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz' +
                   '0123456789+/';
  for (let i = 0; i < alphabet.length; i++) {
    base64Class[StringPrototypeCharCodeAt(alphabet, i)] = 2;
  }
  for (const c of [0x09, 0x0A, 0x0C, 0x0D, 0x20]) base64Class[c] = 1;
  base64Class[0x3D] = 3;
}

function invalidCharacter(message = 'Invalid character') {
  return require('internal/util').lazyDOMException(
    message, 'InvalidCharacterError');
}

/* atob(data): decodes forgiving-base64 to a latin1 string; DOMException
 * 'InvalidCharacterError' on malformed input. */
function atob(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  input = `${input}`;
  let count = 0;
  let equals = 0;
  for (let n = 0; n < input.length; n++) {
    const code = StringPrototypeCharCodeAt(input, n);
    const cls = code < 256 ? base64Class[code] : 0;
    if (cls === 1) continue;
    if (cls === 2) {
      if (equals > 0) throw invalidCharacter();
    } else if (cls === 3) {
      if (++equals > 2) throw invalidCharacter();
    } else {
      throw invalidCharacter();
    }
    count++;
  }
  const rest = count % 4;
  if (rest !== 0 && equals > 0) throw invalidCharacter();
  if (rest === 1) {
    throw invalidCharacter(
      'The string to be decoded is not correctly encoded.');
  }
  return Buffer.from(input, 'base64').latin1Slice();
}

/* btoa(data): base64 of a latin1 string; DOMException
 * 'InvalidCharacterError' for characters above U+00FF. */
function btoa(input) {
  if (arguments.length === 0) throw new ERR_MISSING_ARGS('input');
  input = `${input}`;
  for (let n = 0; n < input.length; n++) {
    if (StringPrototypeCharCodeAt(input, n) > 0xff) throw invalidCharacter();
  }
  return Buffer.from(input, 'latin1').base64Slice();
}

let transcodeImpl;
/* transcode(source, fromEnc, toEnc): re-encodes a Buffer/Uint8Array. */
function transcode(source, fromEncoding, toEncoding) {
  transcodeImpl ??= require('internal/encoding').transcode;
  return transcodeImpl(source, fromEncoding, toEncoding);
}

let blobModule;
function lazyBlob() {
  blobModule ??= require('internal/blob');
  return blobModule;
}

/* resolveObjectURL(url): the Blob registered for a blob: URL, or
 * undefined. */
function resolveObjectURL(url) {
  return lazyBlob().resolveObjectURL(url);
}

module.exports = {
  Buffer,
  SlowBuffer,
  transcode,
  isUtf8,
  isAscii,

  // Legacy
  kMaxLength,
  kStringMaxLength,
  btoa,
  atob,
};

ObjectDefineProperties(module.exports, {
  constants: {
    __proto__: null,
    configurable: false,
    enumerable: true,
    value: constants,
  },
  INSPECT_MAX_BYTES: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return INSPECT_MAX_BYTES; },
    set(val) { INSPECT_MAX_BYTES = val; },
  },
});

// Blob and File load on first use; afterwards they are plain data
// properties, as in Node.
for (const name of ['Blob', 'resolveObjectURL', 'File']) {
  ObjectDefineProperty(module.exports, name, {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      const value = name === 'resolveObjectURL' ? resolveObjectURL :
        lazyBlob()[name];
      ObjectDefineProperty(module.exports, name, {
        __proto__: null, configurable: true, enumerable: true, writable: true,
        value,
      });
      return value;
    },
    set(value) {
      ObjectDefineProperty(module.exports, name, {
        __proto__: null, configurable: true, enumerable: true, writable: true,
        value,
      });
    },
  });
}
