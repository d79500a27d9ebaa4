'use strict';
// internal/crypto/hash.js - Hash and Hmac: digests that are also Transform
// streams (what is written goes in; the digest comes out on end).

const {
  ObjectSetPrototypeOf,
  ReflectApply,
  Symbol,
} = primordials;

const {
  binding,
  digestEncoding,
  getDefaultEncoding,
  kHandle,
  kEncBuffer,
} = require('internal/crypto/util');
const { prepareSecretKey } = require('internal/crypto/keys');
const {
  codes: {
    ERR_CRYPTO_HASH_FINALIZED,
    ERR_CRYPTO_HASH_UPDATE_FAILED,
    ERR_INVALID_ARG_TYPE,
  },
} = require('internal/errors');
const {
  validateEncoding,
  validateString,
  validateUint32,
} = require('internal/validators');
const { isArrayBufferView } = require('internal/util/types');
const { normalizeEncoding } = require('internal/util');
const { Buffer } = require('buffer');
const LazyTransform = require('internal/streams/lazy_transform');

const { Hash: NativeHash, Hmac: NativeHmac } = binding;

const kState = Symbol('kState');
const kFinalized = Symbol('kFinalized');

/* Feeds string or view `data` to a native Hash/Hmac. Strings in UTF-8
 * (also for 'buffer' and unknown encodings) or Latin-1 go in as they are;
 * other encodings are decoded to bytes first. Returns the native result
 * (false when OpenSSL failed). */
function feed(handle, data, encoding) {
  if (typeof data !== 'string') return handle.update(data, false);
  if (encoding === 'utf8' || encoding === 'buffer')
    return handle.update(data, false);
  switch (normalizeEncoding(encoding)) {
    case 'latin1':
    case 'ascii':
      return handle.update(data, true);
    case 'hex':
    case 'base64':
    case 'base64url':
    case 'utf16le':
      return handle.update(Buffer.from(data, encoding), false);
    default:
      return handle.update(data, false);
  }
}

/* The result of native digest() in `encoding` (any name Node takes). */
function nativeDigest(handle, encoding) {
  const enc = digestEncoding(encoding);
  if (typeof enc === 'number') return handle.digest(enc);
  return handle.digest(kEncBuffer).toString(enc);
}

/* new Hash(algorithm[, options]): a digest of `algorithm` (any OpenSSL
 * name); options.outputLength sets an XOF's output size. Callable
 * without `new`. */
function Hash(algorithm, options) {
  if (!(this instanceof Hash)) return new Hash(algorithm, options);
  if (!(algorithm instanceof NativeHash)) validateString(algorithm, 'algorithm');
  const xofLen = typeof options === 'object' && options !== null ?
    options.outputLength : undefined;
  if (xofLen !== undefined) validateUint32(xofLen, 'options.outputLength');
  this[kHandle] = new NativeHash(algorithm, xofLen);
  this[kState] = { [kFinalized]: false };
  ReflectApply(LazyTransform, this, [options]);
}

ObjectSetPrototypeOf(Hash.prototype, LazyTransform.prototype);
ObjectSetPrototypeOf(Hash, LazyTransform);

/* hash.copy([options]): a new Hash with this one's state so far. */
Hash.prototype.copy = function copy(options) {
  if (this[kState][kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  return new Hash(this[kHandle], options);
};

Hash.prototype._transform = function _transform(chunk, encoding, callback) {
  feed(this[kHandle], chunk, encoding);
  callback();
};

Hash.prototype._flush = function _flush(callback) {
  this.push(this[kHandle].digest(kEncBuffer));
  callback();
};

/* hash.update(data[, inputEncoding]) -> this. */
Hash.prototype.update = function update(data, encoding) {
  encoding = encoding || getDefaultEncoding();
  if (this[kState][kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  if (typeof data === 'string') {
    validateEncoding(data, encoding);
  } else if (!isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE(
      'data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
  if (!feed(this[kHandle], data, encoding))
    throw new ERR_CRYPTO_HASH_UPDATE_FAILED();
  return this;
};

/* hash.digest([encoding]): the digest, once; a Buffer unless an encoding
 * is given. */
Hash.prototype.digest = function digest(outputEncoding) {
  const state = this[kState];
  if (state[kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  outputEncoding = outputEncoding || getDefaultEncoding();
  // Converted first (as Node does), so that a throwing toString() leaves
  // the hash usable.
  const ret = nativeDigest(this[kHandle], `${outputEncoding}`);
  state[kFinalized] = true;
  return ret;
};

/* new Hmac(hmac, key[, options]): an HMAC with digest `hmac` and `key` (a
 * string, buffer, secret KeyObject or CryptoKey). Callable without
 * `new`. */
function Hmac(hmac, key, options) {
  if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
  validateString(hmac, 'hmac');
  const encoding = options?.encoding;
  key = prepareSecretKey(key, encoding);
  this[kHandle] = new NativeHmac(hmac, key);
  this[kState] = { [kFinalized]: false };
  ReflectApply(LazyTransform, this, [options]);
}

ObjectSetPrototypeOf(Hmac.prototype, LazyTransform.prototype);
ObjectSetPrototypeOf(Hmac, LazyTransform);

Hmac.prototype.update = Hash.prototype.update;

/* hmac.digest([encoding]): the HMAC; empty when called again. */
Hmac.prototype.digest = function digest(outputEncoding) {
  const state = this[kState];
  outputEncoding = outputEncoding || getDefaultEncoding();
  if (state[kFinalized]) {
    const empty = Buffer.alloc(0);
    return outputEncoding === 'buffer' ? empty : empty.toString(outputEncoding);
  }
  const ret = nativeDigest(this[kHandle], `${outputEncoding}`);
  state[kFinalized] = true;
  return ret;
};

Hmac.prototype._flush = Hash.prototype._flush;
Hmac.prototype._transform = Hash.prototype._transform;

module.exports = {
  Hash,
  Hmac,
};
