'use strict';
// internal/crypto/hkdf.js - crypto.hkdf() and hkdfSync(): HKDF (RFC 5869)
// extract-and-expand, on the thread pool or inline; the key comes back as
// an ArrayBuffer.

const { FunctionPrototypeCall } = primordials;

const {
  binding,
  kHandle,
  validateByteSource,
} = require('internal/crypto/util');
const { createSecretKey } = require('internal/crypto/keys');
const {
  codes: {
    ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE,
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
  },
  hideStackFrames,
} = require('internal/errors');
const {
  validateFunction,
  validateInteger,
  validateString,
} = require('internal/validators');
const {
  isAnyArrayBuffer,
  isArrayBufferView,
  isKeyObject,
} = require('internal/util/types');
const { kMaxLength } = require('buffer');
const { Buffer } = require('buffer');
const { bindToNewResource } = require('internal/async_hooks');

/* The input keying material as a secret KeyObject. */
function prepareKey(key) {
  if (isKeyObject(key)) return key;
  if (isAnyArrayBuffer(key)) return createSecretKey(key);
  if (typeof key === 'string') key = Buffer.from(key, 'utf8');
  if (!isArrayBufferView(key)) {
    throw new ERR_INVALID_ARG_TYPE(
      'ikm',
      ['string', 'SecretKeyObject', 'ArrayBuffer', 'TypedArray', 'DataView',
       'Buffer'],
      key);
  }
  return createSecretKey(key);
}

const validateParameters = hideStackFrames((hash, key, salt, info, length) => {
  validateString(hash, 'digest');
  key = prepareKey(key);
  salt = validateByteSource(salt, 'salt');
  info = validateByteSource(info, 'info');
  validateInteger(length, 'length', 0, kMaxLength);
  if (info.byteLength > 1024) {
    throw new ERR_OUT_OF_RANGE(
      'info', 'must not contain more than 1024 bytes', info.byteLength);
  }
  if (key.type !== 'secret')
    throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'secret');
  return { hash, key: key[kHandle].bytes(), salt, info, length };
});

/* crypto.hkdf(digest, ikm, salt, info, keylen, callback(err, ArrayBuffer)). */
function hkdf(hash, key, salt, info, length, callback) {
  ({ hash, key, salt, info, length } =
    validateParameters(hash, key, salt, info, length));
  validateFunction(callback, 'callback');
  const done = bindToNewResource(function(err, bits) {
    if (err) return FunctionPrototypeCall(callback, this, err);
    FunctionPrototypeCall(callback, this, null, bits);
  }, 'HKDFREQUEST');
  binding.hkdf(hash, key, salt, info, length, done);
}

/* crypto.hkdfSync(digest, ikm, salt, info, keylen) -> ArrayBuffer. */
function hkdfSync(hash, key, salt, info, length) {
  ({ hash, key, salt, info, length } =
    validateParameters(hash, key, salt, info, length));
  return binding.hkdf(hash, key, salt, info, length);
}

module.exports = {
  hkdf,
  hkdfSync,
};
