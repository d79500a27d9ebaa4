'use strict';
// crypto.js - the public crypto module over OpenSSL. Hashes, HMACs,
// random values, KDFs and secret keys work; the rest of Node's API
// (ciphers, signatures, public keys, DH/ECDH, X.509, most of subtle) is
// present but throws ERR_METHOD_NOT_IMPLEMENTED (internal/crypto/
// unimplemented.js).

const {
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
} = primordials;

const { assertCrypto, deprecate } = require('internal/util');
assertCrypto();

const { getOptionValue } = require('internal/options');
const {
  binding,
  getCipherInfo,
  getCiphers,
  getCurves,
  getDefaultEncoding,
  getFips,
  getHashes,
  secureHeapUsed,
  setDefaultEncoding,
  setEngine,
  setFips,
  toView,
} = require('internal/crypto/util');
const { Hash, Hmac } = require('internal/crypto/hash');
const {
  KeyObject,
  createSecretKey,
  createPublicKey,
  createPrivateKey,
} = require('internal/crypto/keys');
const {
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
} = require('internal/crypto/random');
const { pbkdf2, pbkdf2Sync } = require('internal/crypto/pbkdf2');
const { scrypt, scryptSync } = require('internal/crypto/scrypt');
const { hkdf, hkdfSync } = require('internal/crypto/hkdf');
const {
  notImplemented,
  notImplementedClass,
} = require('internal/crypto/unimplemented');

const constants = internalBinding('constants').crypto;
ObjectSetPrototypeOf(constants, null);

// The TLS cipher list: --tls-cipher-list, else Node's default; reading it
// (or assigning it) turns it into a plain data property.
ObjectDefineProperty(constants, 'defaultCipherList', {
  __proto__: null,
  get() {
    const value = getOptionValue('--tls-cipher-list') ||
      constants.defaultCoreCipherList;
    ObjectDefineProperty(this, 'defaultCipherList', {
      __proto__: null, writable: true, configurable: true, enumerable: true,
      value,
    });
    return value;
  },
  set(value) {
    ObjectDefineProperty(this, 'defaultCipherList', {
      __proto__: null, writable: true, configurable: true, enumerable: true,
      value,
    });
  },
  configurable: true,
  enumerable: true,
});

/* crypto.createHash(algorithm[, options]). */
function createHash(algorithm, options) {
  return new Hash(algorithm, options);
}

/* crypto.createHmac(hmac, key[, options]). */
function createHmac(hmac, key, options) {
  return new Hmac(hmac, key, options);
}

/* crypto.timingSafeEqual(a, b): constant-time comparison of two buffers
 * of equal byte length. */
function timingSafeEqual(buf1, buf2) {
  return binding.timingSafeEqual(toView(buf1), toView(buf2));
}

let webcrypto;
function lazyWebCrypto() {
  webcrypto ??= require('internal/crypto/webcrypto');
  return webcrypto;
}

/* crypto.getRandomValues(typedArray): webcrypto's, on its Crypto. */
function getRandomValues(array) {
  return lazyWebCrypto().crypto.getRandomValues(array);
}

const pendingDeprecation = getOptionValue('--pending-deprecation');

/* Old names of randomBytes, deprecated (DEP0115) under
 * --pending-deprecation. */
function randomBytesAlias(name) {
  return pendingDeprecation ?
    deprecate(randomBytes, `crypto.${name} is deprecated.`, 'DEP0115') :
    randomBytes;
}

module.exports = {
  // Methods
  checkPrime: notImplemented('crypto.checkPrime()'),
  checkPrimeSync: notImplemented('crypto.checkPrimeSync()'),
  createCipheriv: notImplemented('crypto.createCipheriv()'),
  createDecipheriv: notImplemented('crypto.createDecipheriv()'),
  createDiffieHellman: notImplemented('crypto.createDiffieHellman()'),
  createDiffieHellmanGroup: notImplemented('crypto.createDiffieHellmanGroup()'),
  createECDH: notImplemented('crypto.createECDH()'),
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  createSecretKey,
  createSign: notImplemented('crypto.createSign()'),
  createVerify: notImplemented('crypto.createVerify()'),
  diffieHellman: notImplemented('crypto.diffieHellman()'),
  generatePrime: notImplemented('crypto.generatePrime()'),
  generatePrimeSync: notImplemented('crypto.generatePrimeSync()'),
  getCiphers,
  getCipherInfo,
  getCurves,
  getDiffieHellman: notImplemented('crypto.getDiffieHellman()'),
  getHashes,
  hkdf,
  hkdfSync,
  pbkdf2,
  pbkdf2Sync,
  generateKeyPair: notImplemented('crypto.generateKeyPair()'),
  generateKeyPairSync: notImplemented('crypto.generateKeyPairSync()'),
  generateKey: notImplemented('crypto.generateKey()'),
  generateKeySync: notImplemented('crypto.generateKeySync()'),
  privateDecrypt: notImplemented('crypto.privateDecrypt()'),
  privateEncrypt: notImplemented('crypto.privateEncrypt()'),
  publicDecrypt: notImplemented('crypto.publicDecrypt()'),
  publicEncrypt: notImplemented('crypto.publicEncrypt()'),
  randomBytes,
  randomFill,
  randomFillSync,
  randomInt,
  randomUUID,
  scrypt,
  scryptSync,
  sign: notImplemented('crypto.sign()'),
  setEngine,
  timingSafeEqual,
  getFips,
  setFips,
  verify: notImplemented('crypto.verify()'),

  // Classes
  Certificate: notImplementedClass(
    'crypto.Certificate', ['exportChallenge', 'exportPublicKey',
                           'verifySpkac']),
  Cipher: notImplementedClass('crypto.Cipher'),
  Cipheriv: notImplementedClass('crypto.Cipheriv'),
  Decipher: notImplementedClass('crypto.Decipher'),
  Decipheriv: notImplementedClass('crypto.Decipheriv'),
  DiffieHellman: notImplementedClass('crypto.DiffieHellman'),
  DiffieHellmanGroup: notImplementedClass('crypto.DiffieHellmanGroup'),
  ECDH: notImplementedClass('crypto.ECDH', ['convertKey']),
  Hash,
  Hmac,
  KeyObject,
  Sign: notImplementedClass('crypto.Sign'),
  Verify: notImplementedClass('crypto.Verify'),
  X509Certificate: notImplementedClass('crypto.X509Certificate'),
  secureHeapUsed,
};

ObjectDefineProperties(module.exports, {
  createCipher: {
    __proto__: null,
    enumerable: false,
    value: deprecate(notImplemented('crypto.createCipher()'),
                     'crypto.createCipher is deprecated.', 'DEP0106'),
  },
  createDecipher: {
    __proto__: null,
    enumerable: false,
    value: deprecate(notImplemented('crypto.createDecipher()'),
                     'crypto.createDecipher is deprecated.', 'DEP0106'),
  },
  // crypto.fips is deprecated; getFips() and setFips() replace it.
  fips: {
    __proto__: null,
    get: getFips,
    set: setFips,
  },
  DEFAULT_ENCODING: {
    __proto__: null,
    enumerable: false,
    configurable: true,
    get: deprecate(getDefaultEncoding,
                   'crypto.DEFAULT_ENCODING is deprecated.', 'DEP0091'),
    set: deprecate(setDefaultEncoding,
                   'crypto.DEFAULT_ENCODING is deprecated.', 'DEP0091'),
  },
  constants: {
    __proto__: null,
    configurable: false,
    enumerable: true,
    value: constants,
  },
  webcrypto: {
    __proto__: null,
    configurable: false,
    enumerable: true,
    get() { return lazyWebCrypto().crypto; },
    set: undefined,
  },
  subtle: {
    __proto__: null,
    configurable: false,
    enumerable: true,
    get() { return lazyWebCrypto().crypto.subtle; },
    set: undefined,
  },
  getRandomValues: {
    __proto__: null,
    configurable: false,
    enumerable: true,
    get: () => getRandomValues,
    set: undefined,
  },
  // Aliases of randomBytes.
  pseudoRandomBytes: {
    __proto__: null,
    enumerable: false,
    configurable: true,
    writable: true,
    value: randomBytesAlias('pseudoRandomBytes'),
  },
  prng: {
    __proto__: null,
    enumerable: false,
    configurable: true,
    writable: true,
    value: randomBytesAlias('prng'),
  },
  rng: {
    __proto__: null,
    enumerable: false,
    configurable: true,
    writable: true,
    value: randomBytesAlias('rng'),
  },
});
