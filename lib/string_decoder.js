'use strict';
// string_decoder.js - StringDecoder: decodes a stream of byte chunks into
// strings, carrying multi-byte characters split across chunks.

const {
  ArrayBufferIsView,
  ObjectDefineProperties,
  Symbol,
  Uint8Array,
} = primordials;

const { decode } = internalBinding('buffer');
const {
  FastBuffer,
  encodingOps,
  getEncodingOps,
  kEncUtf8,
  kEncUcs2,
  kEncBase64,
  kEncBase64url,
} = require('internal/buffer');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
    ERR_UNKNOWN_ENCODING,
  },
} = require('internal/errors');

// Decoder state lives behind symbols so that Object.keys(decoder) is
// ['encoding'], as in Node.
const kChars = Symbol('kChars'); // Buffer(4): bytes of the pending character
const kNeed = Symbol('kNeed'); // bytes still missing
const kTotal = Symbol('kTotal'); // size of the pending character
const kEnc = Symbol('kEnc'); // binding encoding id

/* The encoding's ops (utf8 by default), or throws ERR_UNKNOWN_ENCODING. */
function lookupEncoding(encoding) {
  if (encoding === undefined || encoding === null) return encodingOps.utf8;
  const ops = getEncodingOps(encoding);
  if (ops === undefined) throw new ERR_UNKNOWN_ENCODING(encoding);
  return ops;
}

/* new StringDecoder([encoding]): encoding defaults to 'utf8'. Also works
 * when called on an existing object (StringDecoder.call(obj)). */
function StringDecoder(encoding) {
  const ops = lookupEncoding(encoding);
  this.encoding = ops.encoding;
  this[kEnc] = ops.encodingVal;
  this[kChars] = new FastBuffer(4);
  this[kNeed] = 0;
  this[kTotal] = 0;
}

/* UTF-8 sequence length announced by a lead byte (structurally), else 0. */
function utf8SequenceLength(byte) {
  if ((byte & 0xE0) === 0xC0) return 2;
  if ((byte & 0xF0) === 0xE0) return 3;
  if ((byte & 0xF8) === 0xF0) return 4;
  return 0;
}

/* Moves the trailing incomplete character of buf[start..end) into the
 * pending state; returns the end of the complete part. */
function holdTail(self, buf, start, end, enc) {
  let keep = 0;
  if (enc === kEncUtf8) {
    for (let j = end - 1; j >= start && j >= end - 3; j--) {
      const byte = buf[j];
      if ((byte & 0xC0) === 0x80) continue;
      const len = utf8SequenceLength(byte);
      if (len > end - j) {
        keep = end - j;
        self[kTotal] = len;
      }
      break;
    }
  } else if (enc === kEncUcs2) {
    if ((end - start) % 2 === 1) {
      keep = 1;
      self[kTotal] = 2;
    } else if (end - start >= 2 && buf[end - 1] >= 0xD8 &&
               buf[end - 1] <= 0xDB) {
      keep = 2;
      self[kTotal] = 4;
    }
  } else {
    keep = (end - start) % 3;
    if (keep !== 0) self[kTotal] = 3;
  }
  if (keep === 0) return end;
  const chars = self[kChars];
  for (let i = 0; i < keep; i++) chars[i] = buf[end - keep + i];
  self[kNeed] = self[kTotal] - keep;
  return end - keep;
}

/* decoder.write(buf) -> the string for every complete character so far. */
StringDecoder.prototype.write = function write(buf) {
  if (typeof buf === 'string') return buf;
  if (!ArrayBufferIsView(buf)) {
    throw new ERR_INVALID_ARG_TYPE(
      'buf', ['Buffer', 'TypedArray', 'DataView'], buf);
  }
  const enc = this[kEnc];
  if (enc === undefined) throw new ERR_INVALID_THIS('StringDecoder');
  if (enc !== kEncUtf8 && enc !== kEncUcs2 && enc !== kEncBase64 &&
      enc !== kEncBase64url) {
    return decode(buf, 0, buf.byteLength, enc);
  }
  if (!(buf instanceof Uint8Array)) {
    buf = new FastBuffer(buf.buffer, buf.byteOffset, buf.byteLength);
  }
  const end = buf.length;
  let start = 0;
  let prefix = '';
  if (this[kNeed] > 0) {
    const chars = this[kChars];
    let have = this[kTotal] - this[kNeed];
    while (this[kNeed] > 0 && start < end) {
      const byte = buf[start];
      if (enc === kEncUtf8 && (byte & 0xC0) !== 0x80) {
        // Not a continuation: the pending bytes stand alone.
        prefix = decode(chars, 0, have, enc);
        this[kNeed] = 0;
        this[kTotal] = 0;
        break;
      }
      chars[have++] = byte;
      start++;
      this[kNeed]--;
      if (this[kNeed] === 0) {
        prefix = decode(chars, 0, have, enc);
        this[kTotal] = 0;
      }
    }
    if (this[kNeed] > 0) return '';
  }
  const stop = holdTail(this, buf, start, end, enc);
  if (stop === start) return prefix;
  return prefix + decode(buf, start, stop, enc);
};

/* decoder.end([buf]) -> the rest of the input, pending bytes included. */
StringDecoder.prototype.end = function end(buf) {
  let ret = '';
  if (buf !== undefined) ret = this.write(buf);
  if (this[kTotal] > 0) {
    const have = this[kTotal] - this[kNeed];
    ret += decode(this[kChars], 0, have, this[kEnc]);
  }
  this[kNeed] = 0;
  this[kTotal] = 0;
  return ret;
};

/* decoder.text(buf, offset): write(buf.slice(offset)) with no pending
 * character (legacy). */
StringDecoder.prototype.text = function text(buf, offset) {
  this[kNeed] = 0;
  this[kTotal] = 0;
  return this.write(buf.slice(offset));
};

ObjectDefineProperties(StringDecoder.prototype, {
  lastChar: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return this[kChars]; },
  },
  lastNeed: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return this[kNeed]; },
  },
  lastTotal: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return this[kTotal]; },
  },
});

module.exports = { StringDecoder };
