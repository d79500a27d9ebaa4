'use strict';
// internal/crypto/webcrypto.js - the Web Crypto API objects: `crypto`
// (a Crypto with getRandomValues and randomUUID), CryptoKey and
// SubtleCrypto. subtle.digest() works; the other subtle methods are not
// built yet and reject with ERR_METHOD_NOT_IMPLEMENTED.

const {
  ArrayBufferPrototypeSlice,
  ObjectDefineProperties,
  ObjectDefineProperty,
  PromiseReject,
  ReflectApply,
  ReflectConstruct,
  StringPrototypeToUpperCase,
  SymbolFor,
  SymbolToStringTag,
  Uint8Array,
} = primordials;

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_THIS,
    ERR_METHOD_NOT_IMPLEMENTED,
  },
} = require('internal/errors');
const { kEnumerableProperty, lazyDOMException } = require('internal/util');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const { getRandomValues, randomUUID } = require('internal/crypto/random');
const { kKeyObject } = require('internal/crypto/util');
const { Hash } = require('internal/crypto/hash');

/* A CryptoKey: made only by SubtleCrypto (none are made yet). */
class CryptoKey {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }
}

ObjectDefineProperty(CryptoKey.prototype, SymbolToStringTag, {
  __proto__: null,
  value: 'CryptoKey',
  configurable: true,
});
// util.types.isCryptoKey() recognises instances by this brand.
ObjectDefineProperty(CryptoKey.prototype, SymbolFor('nodus.crypto.CryptoKey'),
                     { __proto__: null, value: true });
ObjectDefineProperty(CryptoKey.prototype, kKeyObject, {
  __proto__: null, value: undefined, writable: true,
});

// The digests subtle.digest() knows, by their upper-cased Web Crypto name.
const kDigests = {
  '__proto__': null,
  'SHA-1': 'sha1',
  'SHA-256': 'sha256',
  'SHA-384': 'sha384',
  'SHA-512': 'sha512',
};

/* The OpenSSL name of a subtle.digest() algorithm (a name or { name }). */
function digestName(algorithm) {
  const name = typeof algorithm === 'object' && algorithm !== null ?
    algorithm.name : algorithm;
  const hash = kDigests[StringPrototypeToUpperCase(`${name}`)];
  if (hash === undefined) {
    throw lazyDOMException('Unrecognized algorithm name', 'NotSupportedError');
  }
  return hash;
}

/* A TypeError with a Node error code, worded as Web IDL's are. */
function webidlError(code, message) {
  const err = new TypeError(message);
  err.code = code;
  return err;
}

/* The bytes of digest()'s BufferSource argument (a copy-free view). */
function bufferSource(data) {
  if (isArrayBufferView(data)) return data;
  if (isAnyArrayBuffer(data)) return new Uint8Array(data);
  throw webidlError(
    'ERR_INVALID_ARG_TYPE',
    'Failed to execute \'digest\' on \'SubtleCrypto\': 2nd argument is ' +
    'not instance of ArrayBuffer, Buffer, TypedArray, or DataView.');
}

let subtle;

/* SubtleCrypto: the object at crypto.subtle. */
class SubtleCrypto {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  /* digest(algorithm, data) -> Promise<ArrayBuffer>. */
  async digest(algorithm, data) {
    if (this !== subtle) throw new ERR_INVALID_THIS('SubtleCrypto');
    if (arguments.length < 2) {
      throw webidlError(
        'ERR_MISSING_ARGS',
        'Failed to execute \'digest\' on \'SubtleCrypto\': 2 arguments ' +
        `required, but only ${arguments.length} present.`);
    }
    const bytes = bufferSource(data);
    const hash = digestName(algorithm);
    const digest = new Hash(hash).update(bytes).digest();
    return ArrayBufferPrototypeSlice(digest.buffer, digest.byteOffset,
                                     digest.byteOffset + digest.length);
  }
}

// The SubtleCrypto methods not built yet: they reject (after the same
// `this` check as the others).
const kUnbuiltSubtle = [
  'encrypt', 'decrypt', 'sign', 'verify', 'generateKey', 'deriveKey',
  'deriveBits', 'importKey', 'exportKey', 'wrapKey', 'unwrapKey',
];
for (let i = 0; i < kUnbuiltSubtle.length; i++) {
  const name = kUnbuiltSubtle[i];
  const method = {
    [name]() {
      if (this !== subtle)
        return PromiseReject(new ERR_INVALID_THIS('SubtleCrypto'));
      return PromiseReject(
        new ERR_METHOD_NOT_IMPLEMENTED(`SubtleCrypto.${name}()`));
    },
  }[name];
  ObjectDefineProperty(SubtleCrypto.prototype, name, {
    __proto__: null, value: method, writable: true, configurable: true,
    enumerable: true,
  });
}

ObjectDefineProperties(SubtleCrypto.prototype, {
  [SymbolToStringTag]: {
    __proto__: null, value: 'SubtleCrypto', configurable: true,
  },
  digest: kEnumerableProperty,
});

subtle = ReflectConstruct(function() {}, [], SubtleCrypto);

let crypto;

/* Crypto: the class of the `crypto` object. */
class Crypto {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get subtle() {
    if (this !== crypto) throw new ERR_INVALID_THIS('Crypto');
    return subtle;
  }

  /* getRandomValues(typedArray) -> typedArray, filled. */
  getRandomValues(array) {
    if (this !== crypto) throw new ERR_INVALID_THIS('Crypto');
    return ReflectApply(getRandomValues, this, arguments);
  }

  /* randomUUID() -> a random version 4 UUID. */
  randomUUID() {
    if (this !== crypto) throw new ERR_INVALID_THIS('Crypto');
    return randomUUID();
  }
}

ObjectDefineProperties(Crypto.prototype, {
  [SymbolToStringTag]: {
    __proto__: null, value: 'Crypto', configurable: true,
  },
  subtle: kEnumerableProperty,
  getRandomValues: kEnumerableProperty,
  randomUUID: kEnumerableProperty,
  CryptoKey: {
    __proto__: null, value: CryptoKey, writable: true, configurable: true,
  },
});

crypto = ReflectConstruct(function() {}, [], Crypto);

module.exports = {
  Crypto,
  CryptoKey,
  SubtleCrypto,
  crypto,
};
