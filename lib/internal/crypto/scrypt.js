'use strict';
// internal/crypto/scrypt.js - crypto.scrypt() and scryptSync(): the scrypt
// password KDF (RFC 7914), on the thread pool or inline.

const { FunctionPrototypeCall } = primordials;

const {
  binding,
  getArrayBufferOrView,
  getDefaultEncoding,
} = require('internal/crypto/util');
const { keyResult } = require('internal/crypto/pbkdf2');
const {
  codes: { ERR_CRYPTO_SCRYPT_INVALID_PARAMETER },
} = require('internal/errors');
const {
  validateFunction,
  validateInt32,
  validateInteger,
  validateUint32,
} = require('internal/validators');
const { bindToNewResource } = require('internal/async_hooks');

const defaults = {
  N: 16384,
  r: 8,
  p: 1,
  maxmem: 32 << 20,  // 32 MiB, matches SCRYPT_MAX_MEM.
};

/* One cost parameter: `short` (N, r, p) or its long alias (cost,
 * blockSize, parallelization), never both; each read once. */
function costParameter(options, short, long, value) {
  const shortValue = options[short];
  const hasShort = shortValue !== undefined;
  if (hasShort) {
    value = shortValue;
    validateUint32(value, short);
  }
  const longValue = options[long];
  if (longValue !== undefined) {
    if (hasShort) throw new ERR_CRYPTO_SCRYPT_INVALID_PARAMETER();
    value = longValue;
    validateUint32(value, long);
  }
  return value;
}

/* Validates the arguments; returns them with password and salt as views
 * and the cost parameters resolved (0 means the default). */
function check(password, salt, keylen, options) {
  password = getArrayBufferOrView(password, 'password');
  salt = getArrayBufferOrView(salt, 'salt');
  validateInt32(keylen, 'keylen', 0);
  let { N, r, p, maxmem } = defaults;
  if (options && options !== defaults) {
    N = costParameter(options, 'N', 'cost', N);
    r = costParameter(options, 'r', 'blockSize', r);
    p = costParameter(options, 'p', 'parallelization', p);
    const mem = options.maxmem;
    if (mem !== undefined) {
      maxmem = mem;
      validateInteger(maxmem, 'maxmem', 0);
    }
    if (N === 0) N = defaults.N;
    if (r === 0) r = defaults.r;
    if (p === 0) p = defaults.p;
    if (maxmem === 0) maxmem = defaults.maxmem;
  }
  return { password, salt, keylen, N, r, p, maxmem };
}

/* crypto.scrypt(password, salt, keylen[, options], callback). */
function scrypt(password, salt, keylen, options, callback = defaults) {
  if (callback === defaults) {
    callback = options;
    options = defaults;
  }
  const { N, r, p, maxmem, ...args } =
    check(password, salt, keylen, options);
  validateFunction(callback, 'callback');
  const encoding = getDefaultEncoding();
  const done = bindToNewResource(function(err, bits) {
    if (err) return FunctionPrototypeCall(callback, this, err);
    FunctionPrototypeCall(callback, this, null, keyResult(bits, encoding));
  }, 'SCRYPTREQUEST');
  binding.scrypt(args.password, args.salt, N, r, p, maxmem, args.keylen,
                 done);
}

/* crypto.scryptSync(password, salt, keylen[, options]). */
function scryptSync(password, salt, keylen, options = defaults) {
  const { N, r, p, maxmem, ...args } =
    check(password, salt, keylen, options);
  const bits = binding.scrypt(args.password, args.salt, N, r, p, maxmem,
                              args.keylen);
  return keyResult(bits, getDefaultEncoding());
}

module.exports = {
  scrypt,
  scryptSync,
};
