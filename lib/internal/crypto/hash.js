'use strict';
// internal/crypto/hash.js - Hash and Hmac: digests that are also Transform
// streams (what is written goes in; the digest comes out on end).
//
// Most uses are createHash(a).update(s).digest(e) in one go. For those
// the native object is never made: once an algorithm has been accepted,
// a new Hash/Hmac keeps its one pending input (a string, or bytes only it
// holds) and digest() computes everything in one binding call. Anything
// else (a second update, a caller's buffer, copy(), streaming) makes the
// native object first and feeds it the pending input: results and errors
// are the same either way.

const {
  ObjectSetPrototypeOf,
  ReflectApply,
  SafeSet,
  Symbol,
  Uint8Array,
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
const {
  isArrayBufferView,
  isCryptoKey,
  isKeyObject,
} = require('internal/util/types');
const { normalizeEncoding } = require('internal/util');
const { Buffer } = require('buffer');
const LazyTransform = require('internal/streams/lazy_transform');

const {
  Hash: NativeHash,
  Hmac: NativeHmac,
  hashOnce,
  hmacOnce,
} = binding;

const kState = Symbol('kState');
const kFinalized = Symbol('kFinalized');
const kAlgorithm = Symbol('kAlgorithm');
const kKey = Symbol('kKey');
const kPending = Symbol('kPending');
const kPendingLatin1 = Symbol('kPendingLatin1');

// Algorithm names native objects were made for without error (so that
// making one again cannot fail). Bounded: only accepted names go in.
const kMaxAccepted = 256;
const acceptedHashes = new SafeSet();
const acceptedHmacs = new SafeSet();

function accept(set, name) {
  if (set.size < kMaxAccepted) set.add(name);
}

/* Forgets the accepted algorithms (FIPS mode or engines changed what
 * OpenSSL accepts). */
function clearAcceptedAlgorithms() {
  acceptedHashes.clear();
  acceptedHmacs.clear();
}

// How a string in `encoding` reaches the native side.
const kAsUtf8 = 0;
const kAsLatin1 = 1;
const kDecode = 2;

/* UTF-8 also for 'buffer' and unknown encodings (as Node's binding);
 * Latin-1 for 'latin1'/'binary'/'ascii'; the others are decoded to bytes
 * in JS first. */
function stringMode(encoding) {
  if (encoding === 'utf8' || encoding === 'buffer') return kAsUtf8;
  switch (normalizeEncoding(encoding)) {
    case 'latin1':
    case 'ascii':
      return kAsLatin1;
    case 'hex':
    case 'base64':
    case 'base64url':
    case 'utf16le':
      return kDecode;
    default:
      return kAsUtf8;
  }
}

/* Feeds string or view `data` to a native Hash/Hmac. Returns the native
 * result (false when OpenSSL failed). */
function feed(handle, data, encoding) {
  if (typeof data !== 'string') return handle.update(data, false);
  const mode = stringMode(encoding);
  if (mode === kDecode)
    return handle.update(Buffer.from(data, encoding), false);
  return handle.update(data, mode === kAsLatin1);
}

/* The result of native digest() in `encoding` (any name Node takes). */
function nativeDigest(handle, encoding) {
  const enc = digestEncoding(encoding);
  if (typeof enc === 'number') return handle.digest(enc);
  return handle.digest(kEncBuffer).toString(enc);
}

/* Keeps `data` as the pending input of a Hash/Hmac that has no native
 * object yet, when it is safe to hold (strings, or bytes decoded here);
 * returns false when the native object is needed. */
function deferUpdate(obj, data, encoding) {
  if (obj[kPending] !== undefined || typeof data !== 'string') return false;
  const mode = stringMode(encoding);
  obj[kPending] = mode === kDecode ? Buffer.from(data, encoding) : data;
  obj[kPendingLatin1] = mode === kAsLatin1;
  return true;
}

/* Computes a deferred digest with the one-shot binding `once`. */
function onceDigest(obj, once, firstArg, encoding) {
  const enc = digestEncoding(encoding);
  const out = typeof enc === 'number' ? enc : kEncBuffer;
  const ret = once(obj[kAlgorithm], firstArg, obj[kPending],
                   obj[kPendingLatin1], out);
  return typeof enc === 'number' ? ret : ret.toString(enc);
}

/* The native Hash of `hash`, made (and fed the pending input) if need be. */
function hashHandle(hash) {
  let handle = hash[kHandle];
  if (handle === undefined) {
    handle = hash[kHandle] = new NativeHash(hash[kAlgorithm], undefined);
    if (hash[kPending] !== undefined)
      handle.update(hash[kPending], hash[kPendingLatin1]);
  }
  return handle;
}

/* new Hash(algorithm[, options]): a digest of `algorithm` (any OpenSSL
 * name); options.outputLength sets an XOF's output size. Callable
 * without `new`. */
function Hash(algorithm, options) {
  if (!(this instanceof Hash)) return new Hash(algorithm, options);
  const isCopy = algorithm instanceof NativeHash;
  if (!isCopy) validateString(algorithm, 'algorithm');
  const xofLen = typeof options === 'object' && options !== null ?
    options.outputLength : undefined;
  if (xofLen !== undefined) validateUint32(xofLen, 'options.outputLength');
  this[kAlgorithm] = algorithm;
  this[kPending] = undefined;
  this[kPendingLatin1] = false;
  if (isCopy || xofLen !== undefined || !acceptedHashes.has(algorithm)) {
    this[kHandle] = new NativeHash(algorithm, xofLen);
    if (!isCopy && xofLen === undefined) accept(acceptedHashes, algorithm);
  } else {
    this[kHandle] = undefined;
  }
  this[kState] = { [kFinalized]: false };
  ReflectApply(LazyTransform, this, [options]);
}

ObjectSetPrototypeOf(Hash.prototype, LazyTransform.prototype);
ObjectSetPrototypeOf(Hash, LazyTransform);

/* hash.copy([options]): a new Hash with this one's state so far. */
Hash.prototype.copy = function copy(options) {
  if (this[kState][kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  return new Hash(hashHandle(this), options);
};

Hash.prototype._transform = function _transform(chunk, encoding, callback) {
  feed(hashHandle(this), chunk, encoding);
  callback();
};

Hash.prototype._flush = function _flush(callback) {
  this.push(hashHandle(this).digest(kEncBuffer));
  callback();
};

/* Checks update()'s arguments as Node does (finalized first). */
function checkUpdate(obj, data, encoding) {
  if (obj[kState][kFinalized]) throw new ERR_CRYPTO_HASH_FINALIZED();
  if (typeof data === 'string') {
    validateEncoding(data, encoding);
  } else if (!isArrayBufferView(data)) {
    throw new ERR_INVALID_ARG_TYPE(
      'data', ['string', 'Buffer', 'TypedArray', 'DataView'], data);
  }
}

/* hash.update(data[, inputEncoding]) -> this. */
Hash.prototype.update = function update(data, encoding) {
  encoding = encoding || getDefaultEncoding();
  checkUpdate(this, data, encoding);
  if (this[kHandle] === undefined && deferUpdate(this, data, encoding))
    return this;
  if (!feed(hashHandle(this), data, encoding))
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
  const encoding = `${outputEncoding}`;
  const handle = this[kHandle];
  const ret = handle === undefined ?
    onceDigest(this, hashOnce, undefined, encoding) :
    nativeDigest(handle, encoding);
  state[kFinalized] = true;
  return ret;
};

/* The key bytes of an Hmac, as a view nobody else can change: key
 * objects' and string-made bytes are already private; a caller's buffer
 * is copied. */
function privateKeyBytes(original, view) {
  if (typeof original === 'string' || isKeyObject(original) ||
      isCryptoKey(original))
    return view;
  return Buffer.from(new Uint8Array(view.buffer, view.byteOffset,
                                    view.byteLength));
}

/* The native Hmac of `hmac`, made (and fed the pending input) if need
 * be. */
function hmacHandle(hmac) {
  let handle = hmac[kHandle];
  if (handle === undefined) {
    handle = hmac[kHandle] = new NativeHmac(hmac[kAlgorithm], hmac[kKey]);
    hmac[kKey] = undefined;
    if (hmac[kPending] !== undefined)
      handle.update(hmac[kPending], hmac[kPendingLatin1]);
  }
  return handle;
}

/* new Hmac(hmac, key[, options]): an HMAC with digest `hmac` and `key` (a
 * string, buffer, secret KeyObject or CryptoKey). Callable without
 * `new`. */
function Hmac(hmac, key, options) {
  if (!(this instanceof Hmac)) return new Hmac(hmac, key, options);
  validateString(hmac, 'hmac');
  const encoding = options?.encoding;
  const keyBytes = prepareSecretKey(key, encoding);
  this[kAlgorithm] = hmac;
  this[kPending] = undefined;
  this[kPendingLatin1] = false;
  if (acceptedHmacs.has(hmac)) {
    this[kHandle] = undefined;
    this[kKey] = privateKeyBytes(key, keyBytes);
  } else {
    this[kHandle] = new NativeHmac(hmac, keyBytes);
    this[kKey] = undefined;
    accept(acceptedHmacs, hmac);
  }
  this[kState] = { [kFinalized]: false };
  ReflectApply(LazyTransform, this, [options]);
}

ObjectSetPrototypeOf(Hmac.prototype, LazyTransform.prototype);
ObjectSetPrototypeOf(Hmac, LazyTransform);

/* hmac.update(data[, inputEncoding]) -> this. */
Hmac.prototype.update = function update(data, encoding) {
  encoding = encoding || getDefaultEncoding();
  checkUpdate(this, data, encoding);
  if (this[kHandle] === undefined && deferUpdate(this, data, encoding))
    return this;
  if (!feed(hmacHandle(this), data, encoding))
    throw new ERR_CRYPTO_HASH_UPDATE_FAILED();
  return this;
};

/* hmac.digest([encoding]): the HMAC; empty when called again. */
Hmac.prototype.digest = function digest(outputEncoding) {
  const state = this[kState];
  outputEncoding = outputEncoding || getDefaultEncoding();
  if (state[kFinalized]) {
    const empty = Buffer.alloc(0);
    return outputEncoding === 'buffer' ? empty : empty.toString(outputEncoding);
  }
  const encoding = `${outputEncoding}`;
  const handle = this[kHandle];
  let ret;
  if (handle === undefined) {
    ret = onceDigest(this, hmacOnce, this[kKey], encoding);
    this[kKey] = undefined;
  } else {
    ret = nativeDigest(handle, encoding);
  }
  state[kFinalized] = true;
  return ret;
};

Hmac.prototype._transform = function _transform(chunk, encoding, callback) {
  feed(hmacHandle(this), chunk, encoding);
  callback();
};

// After digest() (which may not have made a native object), the stream
// gets what Node's would: an empty digest.
Hmac.prototype._flush = function _flush(callback) {
  this.push(this[kState][kFinalized] ? Buffer.alloc(0) :
    hmacHandle(this).digest(kEncBuffer));
  callback();
};

module.exports = {
  Hash,
  Hmac,
  clearAcceptedAlgorithms,
};
