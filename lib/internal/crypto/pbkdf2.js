'use strict';
// internal/crypto/pbkdf2.js - crypto.pbkdf2() and pbkdf2Sync(): PBKDF2 with
// an HMAC of any digest, on the thread pool or inline.

const { FunctionPrototypeCall } = primordials;

const {
  binding,
  getArrayBufferOrView,
  getDefaultEncoding,
} = require('internal/crypto/util');
const {
  validateFunction,
  validateInt32,
  validateString,
} = require('internal/validators');
const { bindToNewResource } = require('internal/async_hooks');
const { Buffer } = require('buffer');

/* Validates the arguments in Node's order; returns them with password
 * and salt as views. */
function check(password, salt, iterations, keylen, digest) {
  validateString(digest, 'digest');
  password = getArrayBufferOrView(password, 'password');
  salt = getArrayBufferOrView(salt, 'salt');
  validateInt32(iterations, 'iterations', 1);
  validateInt32(keylen, 'keylen', 0);
  return { password, salt, iterations, keylen, digest };
}

/* The derived key as users get it: a Buffer, or a string when
 * crypto.DEFAULT_ENCODING says so. */
function keyResult(bits, encoding) {
  const buf = Buffer.from(bits);
  return encoding === 'buffer' ? buf : buf.toString(encoding);
}

/* crypto.pbkdf2(password, salt, iterations, keylen, digest, callback). */
function pbkdf2(password, salt, iterations, keylen, digest, callback) {
  if (typeof digest === 'function') {
    callback = digest;
    digest = undefined;
  }
  ({ password, salt, iterations, keylen, digest } =
    check(password, salt, iterations, keylen, digest));
  validateFunction(callback, 'callback');
  const encoding = getDefaultEncoding();
  const done = bindToNewResource(function(err, bits) {
    if (err) return FunctionPrototypeCall(callback, this, err);
    FunctionPrototypeCall(callback, this, null, keyResult(bits, encoding));
  }, 'PBKDF2REQUEST');
  binding.pbkdf2(password, salt, iterations, keylen, digest, done);
}

/* crypto.pbkdf2Sync(password, salt, iterations, keylen, digest). */
function pbkdf2Sync(password, salt, iterations, keylen, digest) {
  ({ password, salt, iterations, keylen, digest } =
    check(password, salt, iterations, keylen, digest));
  const bits = binding.pbkdf2(password, salt, iterations, keylen, digest);
  return keyResult(bits, getDefaultEncoding());
}

module.exports = {
  keyResult,
  pbkdf2,
  pbkdf2Sync,
};
