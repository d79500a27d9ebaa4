'use strict';
// internal/buffer.js - FastBuffer, the encodings table and the numeric
// read*/write* methods that lib/buffer.js installs on Buffer.prototype.

const {
  BigInt,
  Float32Array,
  Float64Array,
  FunctionPrototypeCall,
  MathFloor,
  Number,
  ObjectDefineProperty,
  StringPrototypeCharCodeAt,
  StringPrototypeToLowerCase,
  Symbol,
  Uint8Array,
} = primordials;

const {
  codes: {
    ERR_BUFFER_OUT_OF_BOUNDS,
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');

const binding = internalBinding('buffer');
const {
  asciiSlice, latin1Slice, ucs2Slice, utf8Slice, base64Slice, base64urlSlice,
  hexSlice, asciiWrite, latin1Write, ucs2Write, utf8Write, base64Write,
  base64urlWrite, hexWrite, byteLengthUtf8,
} = binding;

// Encoding ids understood by internalBinding('buffer') (buffer_string.h).
const kEncAscii = 0;
const kEncLatin1 = 1;
const kEncUcs2 = 2;
const kEncUtf8 = 3;
const kEncBase64 = 4;
const kEncBase64url = 5;
const kEncHex = 6;

// Node 18 on 64-bit hosts: 4 GiB buffers, V8's string limit.
const kMaxLength = 2 ** 32;
const kStringMaxLength = 536870888;

/* A Uint8Array whose prototype becomes Buffer.prototype: every Buffer is
 * one of these. */
class FastBuffer extends Uint8Array {
  // Explicit so that V8 sees a plain three-argument super call.
  // eslint-disable-next-line no-useless-constructor
  constructor(bufferOrLength, byteOffset, length) {
    super(bufferOrLength, byteOffset, length);
  }
}

/* A fresh, unpooled buffer of `size` bytes (zero-filled by the engine). */
/* The allocator zero-fills unless this toggle is 0 (uninitialised memory
 * for allocUnsafe, as Node). --zero-fill-buffers keeps it on. */
let zeroFill;
function createUnsafeBuffer(size) {
  zeroFill ??= require('internal/options').getOptionValue('--zero-fill-buffers') ?
    new Uint32Array(1) : internalBinding('buffer').getZeroFillToggle();
  zeroFill[0] = 0;
  try {
    return new FastBuffer(size);
  } finally {
    zeroFill[0] = 1;
  }
}

// ---------------------------------------------------------------------------
// Encodings

/* Node's estimate of the bytes base64 text decodes to. */
function base64ByteLength(str, bytes) {
  if (bytes > 0 && StringPrototypeCharCodeAt(str, bytes - 1) === 0x3D) bytes--;
  if (bytes > 1 && StringPrototypeCharCodeAt(str, bytes - 1) === 0x3D) bytes--;
  return (bytes * 3) >>> 2;
}

function makeOps(encoding, encodingVal, byteLength, maxBytesPerChar, slice,
                 write) {
  return { encoding, encodingVal, byteLength, maxBytesPerChar, slice, write };
}

// Each entry: canonical name, binding id, exact byteLength(string), a bound
// on bytes per UTF-16 unit, and the Buffer.prototype slice/write methods.
const encodingOps = {
  utf8: makeOps('utf8', kEncUtf8, byteLengthUtf8, 3, utf8Slice, utf8Write),
  ucs2: makeOps('utf16le', kEncUcs2, (s) => s.length * 2, 2, ucs2Slice,
                ucs2Write),
  latin1: makeOps('latin1', kEncLatin1, (s) => s.length, 1, latin1Slice,
                  latin1Write),
  ascii: makeOps('ascii', kEncAscii, (s) => s.length, 1, asciiSlice,
                 asciiWrite),
  base64: makeOps('base64', kEncBase64, (s) => base64ByteLength(s, s.length),
                  1, base64Slice, base64Write),
  base64url: makeOps('base64url', kEncBase64url,
                     (s) => base64ByteLength(s, s.length), 1, base64urlSlice,
                     base64urlWrite),
  hex: makeOps('hex', kEncHex, (s) => s.length >>> 1, 1, hexSlice, hexWrite),
};

/* The ops of a (case-insensitive) encoding name: utf8, utf-8, ucs2, ucs-2,
 * utf16le, utf-16le, latin1, binary, ascii, base64, base64url, hex.
 * Other values are converted to strings first; returns undefined for
 * unknown names. */
function getEncodingOps(encoding) {
  switch (encoding) {
    case 'utf8': case 'utf-8': return encodingOps.utf8;
    case 'hex': return encodingOps.hex;
    case 'base64': return encodingOps.base64;
    case 'latin1': case 'binary': return encodingOps.latin1;
    case 'ucs2': case 'ucs-2': case 'utf16le': case 'utf-16le':
      return encodingOps.ucs2;
    case 'ascii': return encodingOps.ascii;
    case 'base64url': return encodingOps.base64url;
  }
  if (typeof encoding !== 'string') {
    // Objects with toString() name encodings too; Symbols throw here.
    if (encoding === undefined || encoding === null) return undefined;
    return getEncodingOps(`${encoding}`);
  }
  if (encoding.length < 3 || encoding.length > 9) return undefined;
  const lower = StringPrototypeToLowerCase(encoding);
  return lower === encoding ? undefined : getEncodingOps(lower);
}

/* Canonical name of a Buffer encoding ('utf8', 'utf16le', 'latin1', ...):
 * 'utf8' for undefined/null, undefined when unknown. */
function normalizeEncoding(encoding) {
  if (encoding == null) return 'utf8';
  const ops = getEncodingOps(encoding);
  return ops === undefined ? undefined : ops.encoding;
}

// ---------------------------------------------------------------------------
// Range errors of the numeric methods

function offsetTypeError(value, name) {
  return new ERR_INVALID_ARG_TYPE(name, 'number', value);
}

/* Throws the error for an offset (or byteLength) that fails a bounds check;
 * `last` is the largest valid value. */
function boundsError(value, last, name) {
  if (typeof value !== 'number') throw offsetTypeError(value, name || 'offset');
  if (MathFloor(value) !== value) {
    throw new ERR_OUT_OF_RANGE(name || 'offset', 'an integer', value);
  }
  if (last < 0) throw new ERR_BUFFER_OUT_OF_BOUNDS();
  throw new ERR_OUT_OF_RANGE(name || 'offset',
                             `>= ${name ? 1 : 0} and <= ${last}`, value);
}

/* Throws the out-of-range error for `value` written into `bytes` bytes. */
function valueError(value, min, max, bytes) {
  let range;
  if (bytes > 4) {
    const n = typeof min === 'bigint' ? 'n' : '';
    const bits = bytes * 8;
    if (min === 0 || min === 0n) {
      range = `>= 0${n} and < 2${n} ** ${bits}${n}`;
    } else {
      range = `>= -(2${n} ** ${bits - 1}${n}) and < 2${n} ** ${bits - 1}${n}`;
    }
  } else {
    range = `>= ${min} and <= ${max}`;
  }
  throw new ERR_OUT_OF_RANGE('value', range, value);
}

/* Validates value and offset of a `bytes`-wide integer write. */
function checkInt(buf, value, offset, min, max, bytes) {
  if (value > max || value < min) valueError(value, min, max, bytes);
  if (typeof offset !== 'number') throw offsetTypeError(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + bytes - 1] === undefined)
    boundsError(offset, buf.length - bytes);
}

/* Validates the offset of a `bytes`-wide access. */
function checkBounds(buf, offset, bytes) {
  if (typeof offset !== 'number') throw offsetTypeError(offset, 'offset');
  if (buf[offset] === undefined || buf[offset + bytes - 1] === undefined)
    boundsError(offset, buf.length - bytes);
}

// ---------------------------------------------------------------------------
// Unsigned reads

function readUInt8(offset = 0) {
  if (typeof offset !== 'number') throw offsetTypeError(offset, 'offset');
  const val = this[offset];
  if (val === undefined) boundsError(offset, this.length - 1);
  return val;
}

function readUInt16LE(offset = 0) {
  if (typeof offset !== 'number') throw offsetTypeError(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 1];
  if (first === undefined || last === undefined)
    boundsError(offset, this.length - 2);
  return first + last * 0x100;
}

function readUInt16BE(offset = 0) {
  if (typeof offset !== 'number') throw offsetTypeError(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 1];
  if (first === undefined || last === undefined)
    boundsError(offset, this.length - 2);
  return first * 0x100 + last;
}

function readUInt32LE(offset = 0) {
  if (typeof offset !== 'number') throw offsetTypeError(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 3];
  if (first === undefined || last === undefined)
    boundsError(offset, this.length - 4);
  return first + this[offset + 1] * 0x100 + this[offset + 2] * 0x10000 +
    last * 0x1000000;
}

function readUInt32BE(offset = 0) {
  if (typeof offset !== 'number') throw offsetTypeError(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 3];
  if (first === undefined || last === undefined)
    boundsError(offset, this.length - 4);
  return first * 0x1000000 + this[offset + 1] * 0x10000 +
    this[offset + 2] * 0x100 + last;
}

/* Unsigned little-endian value of `bytes` (3, 5 or 6) bytes. */
function readUIntNLE(buf, offset, bytes) {
  checkBounds(buf, offset, bytes);
  let val = 0;
  let mul = 1;
  for (let i = 0; i < bytes; i++) {
    val += buf[offset + i] * mul;
    mul *= 0x100;
  }
  return val;
}

function readUIntNBE(buf, offset, bytes) {
  checkBounds(buf, offset, bytes);
  let val = 0;
  for (let i = 0; i < bytes; i++) val = val * 0x100 + buf[offset + i];
  return val;
}

function readUIntLE(offset, byteLength) {
  if (offset === undefined) throw offsetTypeError(offset, 'offset');
  switch (byteLength) {
    case 1: return FunctionPrototypeCall(readUInt8, this, offset);
    case 2: return FunctionPrototypeCall(readUInt16LE, this, offset);
    case 4: return FunctionPrototypeCall(readUInt32LE, this, offset);
    case 3: case 5: case 6: return readUIntNLE(this, offset, byteLength);
  }
  boundsError(byteLength, 6, 'byteLength');
}

function readUIntBE(offset, byteLength) {
  if (offset === undefined) throw offsetTypeError(offset, 'offset');
  switch (byteLength) {
    case 1: return FunctionPrototypeCall(readUInt8, this, offset);
    case 2: return FunctionPrototypeCall(readUInt16BE, this, offset);
    case 4: return FunctionPrototypeCall(readUInt32BE, this, offset);
    case 3: case 5: case 6: return readUIntNBE(this, offset, byteLength);
  }
  boundsError(byteLength, 6, 'byteLength');
}

// ---------------------------------------------------------------------------
// Signed reads

/* Reinterprets the unsigned `val` of `bytes` bytes as two's complement. */
function toSigned(val, bytes) {
  const limit = 2 ** (bytes * 8 - 1);
  return val >= limit ? val - limit * 2 : val;
}

function readInt8(offset = 0) {
  if (typeof offset !== 'number') throw offsetTypeError(offset, 'offset');
  const val = this[offset];
  if (val === undefined) boundsError(offset, this.length - 1);
  return (val << 24) >> 24;
}

function readInt16LE(offset = 0) {
  if (typeof offset !== 'number') throw offsetTypeError(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 1];
  if (first === undefined || last === undefined)
    boundsError(offset, this.length - 2);
  return ((first | last << 8) << 16) >> 16;
}

function readInt16BE(offset = 0) {
  if (typeof offset !== 'number') throw offsetTypeError(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 1];
  if (first === undefined || last === undefined)
    boundsError(offset, this.length - 2);
  return ((first << 8 | last) << 16) >> 16;
}

function readInt32LE(offset = 0) {
  if (typeof offset !== 'number') throw offsetTypeError(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 3];
  if (first === undefined || last === undefined)
    boundsError(offset, this.length - 4);
  return first | this[offset + 1] << 8 | this[offset + 2] << 16 | last << 24;
}

function readInt32BE(offset = 0) {
  if (typeof offset !== 'number') throw offsetTypeError(offset, 'offset');
  const first = this[offset];
  const last = this[offset + 3];
  if (first === undefined || last === undefined)
    boundsError(offset, this.length - 4);
  return first << 24 | this[offset + 1] << 16 | this[offset + 2] << 8 | last;
}

function readIntLE(offset, byteLength) {
  if (offset === undefined) throw offsetTypeError(offset, 'offset');
  switch (byteLength) {
    case 1: return FunctionPrototypeCall(readInt8, this, offset);
    case 2: return FunctionPrototypeCall(readInt16LE, this, offset);
    case 4: return FunctionPrototypeCall(readInt32LE, this, offset);
    case 3: case 5: case 6:
      return toSigned(readUIntNLE(this, offset, byteLength), byteLength);
  }
  boundsError(byteLength, 6, 'byteLength');
}

function readIntBE(offset, byteLength) {
  if (offset === undefined) throw offsetTypeError(offset, 'offset');
  switch (byteLength) {
    case 1: return FunctionPrototypeCall(readInt8, this, offset);
    case 2: return FunctionPrototypeCall(readInt16BE, this, offset);
    case 4: return FunctionPrototypeCall(readInt32BE, this, offset);
    case 3: case 5: case 6:
      return toSigned(readUIntNBE(this, offset, byteLength), byteLength);
  }
  boundsError(byteLength, 6, 'byteLength');
}

// ---------------------------------------------------------------------------
// BigInt reads

function readBigUInt64LE(offset = 0) {
  checkBounds(this, offset, 8);
  const lo = this[offset] + this[offset + 1] * 0x100 +
    this[offset + 2] * 0x10000 + this[offset + 3] * 0x1000000;
  const hi = this[offset + 4] + this[offset + 5] * 0x100 +
    this[offset + 6] * 0x10000 + this[offset + 7] * 0x1000000;
  return BigInt(lo) + (BigInt(hi) << 32n);
}

function readBigUInt64BE(offset = 0) {
  checkBounds(this, offset, 8);
  const hi = this[offset] * 0x1000000 + this[offset + 1] * 0x10000 +
    this[offset + 2] * 0x100 + this[offset + 3];
  const lo = this[offset + 4] * 0x1000000 + this[offset + 5] * 0x10000 +
    this[offset + 6] * 0x100 + this[offset + 7];
  return (BigInt(hi) << 32n) + BigInt(lo);
}

function readBigInt64LE(offset = 0) {
  checkBounds(this, offset, 8);
  const lo = this[offset] + this[offset + 1] * 0x100 +
    this[offset + 2] * 0x10000 + this[offset + 3] * 0x1000000;
  const hi = this[offset + 4] | this[offset + 5] << 8 |
    this[offset + 6] << 16 | this[offset + 7] << 24;
  return (BigInt(hi) << 32n) + BigInt(lo);
}

function readBigInt64BE(offset = 0) {
  checkBounds(this, offset, 8);
  const hi = this[offset] << 24 | this[offset + 1] << 16 |
    this[offset + 2] << 8 | this[offset + 3];
  const lo = this[offset + 4] * 0x1000000 + this[offset + 5] * 0x10000 +
    this[offset + 6] * 0x100 + this[offset + 7];
  return (BigInt(hi) << 32n) + BigInt(lo);
}

// ---------------------------------------------------------------------------
// Floating point: bytes go through one scratch word per module.

const float32Array = new Float32Array(1);
const float32Bytes = new Uint8Array(float32Array.buffer);
const float64Array = new Float64Array(1);
const float64Bytes = new Uint8Array(float64Array.buffer);
const hostIsBigEndian = (() => {
  float32Array[0] = -1; // 0xBF800000
  return float32Bytes[0] === 0xBF;
})();

/* Copies `n` bytes from buf[offset] into scratch, reversing them when the
 * byte order differs from the host's. */
function loadScratch(scratch, buf, offset, n, bigEndian) {
  if (bigEndian === hostIsBigEndian) {
    for (let i = 0; i < n; i++) scratch[i] = buf[offset + i];
  } else {
    for (let i = 0; i < n; i++) scratch[n - 1 - i] = buf[offset + i];
  }
}

function storeScratch(scratch, buf, offset, n, bigEndian) {
  if (bigEndian === hostIsBigEndian) {
    for (let i = 0; i < n; i++) buf[offset + i] = scratch[i];
  } else {
    for (let i = 0; i < n; i++) buf[offset + i] = scratch[n - 1 - i];
  }
  return offset + n;
}

function readFloatLE(offset = 0) {
  checkBounds(this, offset, 4);
  loadScratch(float32Bytes, this, offset, 4, false);
  return float32Array[0];
}

function readFloatBE(offset = 0) {
  checkBounds(this, offset, 4);
  loadScratch(float32Bytes, this, offset, 4, true);
  return float32Array[0];
}

function readDoubleLE(offset = 0) {
  checkBounds(this, offset, 8);
  loadScratch(float64Bytes, this, offset, 8, false);
  return float64Array[0];
}

function readDoubleBE(offset = 0) {
  checkBounds(this, offset, 8);
  loadScratch(float64Bytes, this, offset, 8, true);
  return float64Array[0];
}

function writeFloatLE(value, offset = 0) {
  value = +value;
  checkBounds(this, offset, 4);
  float32Array[0] = value;
  return storeScratch(float32Bytes, this, offset, 4, false);
}

function writeFloatBE(value, offset = 0) {
  value = +value;
  checkBounds(this, offset, 4);
  float32Array[0] = value;
  return storeScratch(float32Bytes, this, offset, 4, true);
}

function writeDoubleLE(value, offset = 0) {
  value = +value;
  checkBounds(this, offset, 8);
  float64Array[0] = value;
  return storeScratch(float64Bytes, this, offset, 8, false);
}

function writeDoubleBE(value, offset = 0) {
  value = +value;
  checkBounds(this, offset, 8);
  float64Array[0] = value;
  return storeScratch(float64Bytes, this, offset, 8, true);
}

// ---------------------------------------------------------------------------
// Integer writes. Stores into a Uint8Array keep the low 8 bits, so each
// byte is simply `value` shifted down.

function write8(buf, value, offset, min, max) {
  value = +value;
  if (typeof offset !== 'number') throw offsetTypeError(offset, 'offset');
  if (value > max || value < min) valueError(value, min, max, 1);
  if (buf[offset] === undefined) boundsError(offset, buf.length - 1);
  buf[offset] = value;
  return offset + 1;
}

function write16(buf, value, offset, min, max, bigEndian) {
  value = +value;
  checkInt(buf, value, offset, min, max, 2);
  if (bigEndian) {
    buf[offset] = value >>> 8;
    buf[offset + 1] = value;
  } else {
    buf[offset] = value;
    buf[offset + 1] = value >>> 8;
  }
  return offset + 2;
}

function write32(buf, value, offset, min, max, bigEndian) {
  value = +value;
  checkInt(buf, value, offset, min, max, 4);
  if (bigEndian) {
    buf[offset + 3] = value;
    buf[offset + 2] = value >>> 8;
    buf[offset + 1] = value >>> 16;
    buf[offset] = value >>> 24;
  } else {
    buf[offset] = value;
    buf[offset + 1] = value >>> 8;
    buf[offset + 2] = value >>> 16;
    buf[offset + 3] = value >>> 24;
  }
  return offset + 4;
}

/* 3-, 5- and 6-byte writes: the low 32 bits by shifts, the rest by
 * division (exact for |value| < 2**53). */
function writeN(buf, value, offset, min, max, bytes, bigEndian) {
  value = +value;
  checkInt(buf, value, offset, min, max, bytes);
  let low = value;
  let high = MathFloor(value / 0x100000000);
  for (let i = 0; i < bytes; i++) {
    const pos = bigEndian ? offset + bytes - 1 - i : offset + i;
    if (i < 4) {
      buf[pos] = low;
      low >>>= 8;
    } else {
      buf[pos] = high;
      high >>>= 8;
    }
  }
  return offset + bytes;
}

function writeUInt8(value, offset = 0) {
  return write8(this, value, offset, 0, 0xff);
}
function writeUInt16LE(value, offset = 0) {
  return write16(this, value, offset, 0, 0xffff, false);
}
function writeUInt16BE(value, offset = 0) {
  return write16(this, value, offset, 0, 0xffff, true);
}
function writeUInt32LE(value, offset = 0) {
  return write32(this, value, offset, 0, 0xffffffff, false);
}
function writeUInt32BE(value, offset = 0) {
  return write32(this, value, offset, 0, 0xffffffff, true);
}
function writeInt8(value, offset = 0) {
  return write8(this, value, offset, -0x80, 0x7f);
}
function writeInt16LE(value, offset = 0) {
  return write16(this, value, offset, -0x8000, 0x7fff, false);
}
function writeInt16BE(value, offset = 0) {
  return write16(this, value, offset, -0x8000, 0x7fff, true);
}
function writeInt32LE(value, offset = 0) {
  return write32(this, value, offset, -0x80000000, 0x7fffffff, false);
}
function writeInt32BE(value, offset = 0) {
  return write32(this, value, offset, -0x80000000, 0x7fffffff, true);
}

/* writeUIntLE/BE, writeIntLE/BE: 1 to 6 bytes. */
function writeVarInt(buf, value, offset, byteLength, signed, bigEndian) {
  switch (byteLength) {
    case 1:
      return signed ? write8(buf, value, offset, -0x80, 0x7f) :
        write8(buf, value, offset, 0, 0xff);
    case 2:
      return signed ? write16(buf, value, offset, -0x8000, 0x7fff, bigEndian) :
        write16(buf, value, offset, 0, 0xffff, bigEndian);
    case 4:
      return signed ?
        write32(buf, value, offset, -0x80000000, 0x7fffffff, bigEndian) :
        write32(buf, value, offset, 0, 0xffffffff, bigEndian);
    case 3: case 5: case 6: {
      const half = 2 ** (byteLength * 8 - 1);
      return signed ?
        writeN(buf, value, offset, -half, half - 1, byteLength, bigEndian) :
        writeN(buf, value, offset, 0, half * 2 - 1, byteLength, bigEndian);
    }
  }
  boundsError(byteLength, 6, 'byteLength');
}

function writeUIntLE(value, offset, byteLength) {
  return writeVarInt(this, value, offset, byteLength, false, false);
}
function writeUIntBE(value, offset, byteLength) {
  return writeVarInt(this, value, offset, byteLength, false, true);
}
function writeIntLE(value, offset, byteLength) {
  return writeVarInt(this, value, offset, byteLength, true, false);
}
function writeIntBE(value, offset, byteLength) {
  return writeVarInt(this, value, offset, byteLength, true, true);
}

function writeBig64(buf, value, offset, min, max, bigEndian) {
  checkInt(buf, value, offset, min, max, 8);
  let lo = Number(value & 0xffffffffn);
  let hi = Number(value >> 32n & 0xffffffffn);
  for (let i = 0; i < 4; i++) {
    buf[bigEndian ? offset + 7 - i : offset + i] = lo;
    buf[bigEndian ? offset + 3 - i : offset + 4 + i] = hi;
    lo >>>= 8;
    hi >>>= 8;
  }
  return offset + 8;
}

const kU64Max = 0xffffffffffffffffn;
const kI64Min = -(2n ** 63n);
const kI64Max = 2n ** 63n - 1n;

function writeBigUInt64LE(value, offset = 0) {
  return writeBig64(this, value, offset, 0n, kU64Max, false);
}
function writeBigUInt64BE(value, offset = 0) {
  return writeBig64(this, value, offset, 0n, kU64Max, true);
}
function writeBigInt64LE(value, offset = 0) {
  return writeBig64(this, value, offset, kI64Min, kI64Max, false);
}
function writeBigInt64BE(value, offset = 0) {
  return writeBig64(this, value, offset, kI64Min, kI64Max, true);
}

// ---------------------------------------------------------------------------

/* Installs every read and write method (with Node's Uint aliases) and the
 * binding's xxxSlice/xxxWrite methods on `proto`. */
function addBufferPrototypeMethods(proto) {
  const methods = {
    readBigUInt64LE, readBigUInt64BE, readBigUint64LE: readBigUInt64LE,
    readBigUint64BE: readBigUInt64BE, readBigInt64LE, readBigInt64BE,
    writeBigUInt64LE, writeBigUInt64BE, writeBigUint64LE: writeBigUInt64LE,
    writeBigUint64BE: writeBigUInt64BE, writeBigInt64LE, writeBigInt64BE,
    readUIntLE, readUInt32LE, readUInt16LE, readUInt8, readUIntBE,
    readUInt32BE, readUInt16BE, readUintLE: readUIntLE,
    readUint32LE: readUInt32LE, readUint16LE: readUInt16LE,
    readUint8: readUInt8, readUintBE: readUIntBE,
    readUint32BE: readUInt32BE, readUint16BE: readUInt16BE,
    readIntLE, readInt32LE, readInt16LE, readInt8, readIntBE, readInt32BE,
    readInt16BE,
    writeUIntLE, writeUInt32LE, writeUInt16LE, writeUInt8, writeUIntBE,
    writeUInt32BE, writeUInt16BE, writeUintLE: writeUIntLE,
    writeUint32LE: writeUInt32LE, writeUint16LE: writeUInt16LE,
    writeUint8: writeUInt8, writeUintBE: writeUIntBE,
    writeUint32BE: writeUInt32BE, writeUint16BE: writeUInt16BE,
    writeIntLE, writeInt32LE, writeInt16LE, writeInt8, writeIntBE,
    writeInt32BE, writeInt16BE,
    readFloatLE, readFloatBE, readDoubleLE, readDoubleBE,
    writeFloatLE, writeFloatBE, writeDoubleLE, writeDoubleBE,
    asciiSlice, base64Slice, base64urlSlice, latin1Slice, hexSlice,
    ucs2Slice, utf8Slice, asciiWrite, base64Write, base64urlWrite,
    latin1Write, hexWrite, ucs2Write, utf8Write,
  };
  for (const name in methods) {
    ObjectDefineProperty(proto, name, {
      __proto__: null,
      value: methods[name],
      writable: true,
      enumerable: true,
      configurable: true,
    });
  }
}

// Private symbol marking objects that must not be transferred (the pool).
const untransferable = (() => {
  const util = internalBinding('util');
  return util?.privateSymbols?.untransferable_object_private_symbol ||
    util?.untransferable_object_private_symbol ||
    Symbol('kUntransferable');
})();

/* Marks `obj` (an ArrayBuffer) as not transferable through postMessage. */
function markAsUntransferable(obj) {
  if ((typeof obj !== 'object' && typeof obj !== 'function') || obj === null)
    return;
  obj[untransferable] = true;
}

module.exports = {
  FastBuffer,
  addBufferPrototypeMethods,
  createUnsafeBuffer,
  encodingOps,
  getEncodingOps,
  normalizeEncoding,
  markAsUntransferable,
  kUntransferable: untransferable,
  kMaxLength,
  kStringMaxLength,
  kEncAscii,
  kEncLatin1,
  kEncUcs2,
  kEncUtf8,
  kEncBase64,
  kEncBase64url,
  kEncHex,
  readUInt16BE,
  readUInt32BE,
  readUInt32LE,
  boundsError,
};
