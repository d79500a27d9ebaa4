'use strict';
// internal/crypto/keys.js - KeyObject: secret keys (createSecretKey) are
// supported; public and private keys are not built yet and their
// factories throw ERR_METHOD_NOT_IMPLEMENTED.

const {
  ObjectDefineProperty,
  Symbol,
  SymbolFor,
  SymbolToStringTag,
  Uint8Array,
} = primordials;

const {
  kHandle,
  kKeyObject,
  getArrayBufferOrView,
  binding,
} = require('internal/crypto/util');
const {
  codes: {
    ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
  },
} = require('internal/errors');
const {
  validateObject,
  validateOneOf,
} = require('internal/validators');
const {
  isAnyArrayBuffer,
  isArrayBufferView,
  isCryptoKey,
  isKeyObject,
} = require('internal/util/types');
const { Buffer } = require('buffer');
const { notImplemented } = require('internal/crypto/unimplemented');

const kKeyType = Symbol('kKeyType');

/* The key material behind a secret KeyObject: a private copy of the bytes
 * that nothing outside this module can reach or change. */
class SecretKeyHandle {
  #bytes;

  constructor(bytes) {
    this.#bytes = bytes;
  }

  /* The bytes themselves (for Hmac and the KDFs; never handed out). */
  bytes() {
    return this.#bytes;
  }

  /* A copy of the key for export(). */
  export() {
    return Buffer.from(this.#bytes);
  }

  size() {
    return this.#bytes.length;
  }

  equals(other) {
    const a = this.#bytes;
    const b = other.bytes();
    return a.length === b.length && binding.timingSafeEqual(a, b);
  }
}

/* The class of every key object (secret, public or private). */
class KeyObject {
  constructor(type, handle) {
    if (type !== 'secret' && type !== 'public' && type !== 'private')
      throw new ERR_INVALID_ARG_VALUE('type', type);
    if (typeof handle !== 'object' || !(handle instanceof SecretKeyHandle))
      throw new ERR_INVALID_ARG_TYPE('handle', 'object', handle);
    this[kKeyType] = type;
    ObjectDefineProperty(this, kHandle, {
      __proto__: null,
      value: handle,
      enumerable: false,
      configurable: false,
      writable: false,
    });
  }

  get type() {
    return this[kKeyType];
  }

  /* KeyObject.from(cryptoKey): the KeyObject behind a CryptoKey. */
  static from(key) {
    if (!isCryptoKey(key))
      throw new ERR_INVALID_ARG_TYPE('key', 'CryptoKey', key);
    return key[kKeyObject];
  }

  /* Whether `other` is a KeyObject of the same type and key. */
  equals(otherKeyObject) {
    if (!isKeyObject(otherKeyObject)) {
      throw new ERR_INVALID_ARG_TYPE(
        'otherKeyObject', 'KeyObject', otherKeyObject);
    }
    return otherKeyObject.type === this.type &&
      this[kHandle].equals(otherKeyObject[kHandle]);
  }
}

ObjectDefineProperty(KeyObject.prototype, SymbolToStringTag, {
  __proto__: null,
  configurable: true,
  value: 'KeyObject',
});
// util.types.isKeyObject() recognises instances by this brand.
ObjectDefineProperty(KeyObject.prototype, SymbolFor('nodus.crypto.KeyObject'), {
  __proto__: null,
  value: true,
});

/* A secret (symmetric) key. */
class SecretKeyObject extends KeyObject {
  constructor(handle) {
    super('secret', handle);
  }

  get symmetricKeySize() {
    return this[kHandle].size();
  }

  /* export([{ format: 'buffer' | 'jwk' }]): a Buffer copy of the key, or a
   * JWK { kty: 'oct', k }. */
  export(options) {
    if (options !== undefined) {
      validateObject(options, 'options');
      validateOneOf(
        options.format, 'options.format', [undefined, 'buffer', 'jwk']);
      if (options.format === 'jwk') {
        return { kty: 'oct', k: this[kHandle].export().toString('base64url') };
      }
    }
    return this[kHandle].export();
  }
}

/* A private copy of a view's bytes. */
function copyBytes(view) {
  return Buffer.from(
    new Uint8Array(view.buffer, view.byteOffset, view.byteLength));
}

/* The key bytes of a createHmac()/hkdf() key argument, as a view: a secret
 * KeyObject's or CryptoKey's material, or a string (in `encoding`) or
 * buffer. With `bufferOnly` (createSecretKey), key objects are refused. */
function prepareSecretKey(key, encoding, bufferOnly = false) {
  if (!bufferOnly) {
    if (isKeyObject(key)) {
      if (key.type !== 'secret')
        throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'secret');
      return key[kHandle].bytes();
    }
    if (isCryptoKey(key)) {
      if (key.type !== 'secret')
        throw new ERR_CRYPTO_INVALID_KEY_OBJECT_TYPE(key.type, 'secret');
      return key[kKeyObject][kHandle].bytes();
    }
  }
  if (typeof key !== 'string' && !isArrayBufferView(key) &&
      !isAnyArrayBuffer(key)) {
    throw new ERR_INVALID_ARG_TYPE(
      'key',
      bufferOnly ?
        ['ArrayBuffer', 'Buffer', 'TypedArray', 'DataView'] :
        ['string', 'ArrayBuffer', 'Buffer', 'TypedArray', 'DataView',
         'KeyObject', 'CryptoKey'],
      key);
  }
  return getArrayBufferOrView(key, 'key', encoding);
}

/* crypto.createSecretKey(key[, encoding]): a KeyObject holding a copy of
 * `key` (a string in `encoding`, or any buffer). */
function createSecretKey(key, encoding) {
  const view = prepareSecretKey(key, encoding, true);
  return new SecretKeyObject(new SecretKeyHandle(copyBytes(view)));
}

module.exports = {
  KeyObject,
  SecretKeyObject,
  createSecretKey,
  createPublicKey: notImplemented('crypto.createPublicKey()'),
  createPrivateKey: notImplemented('crypto.createPrivateKey()'),
  prepareSecretKey,
  kKeyType,
};
