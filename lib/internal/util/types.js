// internal/util/types: util.types, the brand checks for built-in objects.
'use strict';

const {
  ArrayBufferIsView,
  ObjectAssign,
  ObjectGetOwnPropertyNames,
  SymbolFor,
  TypedArrayPrototypeGetSymbolToStringTag,
} = primordials;

/* True for any typed array (any realm). */
function isTypedArray(value) {
  return TypedArrayPrototypeGetSymbolToStringTag(value) !== undefined;
}

/* True for typed arrays and DataViews. */
function isArrayBufferView(value) {
  return ArrayBufferIsView(value);
}

// The %TypedArray%.prototype[@@toStringTag] getter returns the element
// type name for a real typed array (whatever its own tag says) and
// undefined for everything else.
function isUint8Array(value) {
  return TypedArrayPrototypeGetSymbolToStringTag(value) === 'Uint8Array';
}
function isUint8ClampedArray(value) {
  return TypedArrayPrototypeGetSymbolToStringTag(value) ===
    'Uint8ClampedArray';
}
function isUint16Array(value) {
  return TypedArrayPrototypeGetSymbolToStringTag(value) === 'Uint16Array';
}
function isUint32Array(value) {
  return TypedArrayPrototypeGetSymbolToStringTag(value) === 'Uint32Array';
}
function isInt8Array(value) {
  return TypedArrayPrototypeGetSymbolToStringTag(value) === 'Int8Array';
}
function isInt16Array(value) {
  return TypedArrayPrototypeGetSymbolToStringTag(value) === 'Int16Array';
}
function isInt32Array(value) {
  return TypedArrayPrototypeGetSymbolToStringTag(value) === 'Int32Array';
}
function isFloat32Array(value) {
  return TypedArrayPrototypeGetSymbolToStringTag(value) === 'Float32Array';
}
function isFloat64Array(value) {
  return TypedArrayPrototypeGetSymbolToStringTag(value) === 'Float64Array';
}
function isBigInt64Array(value) {
  return TypedArrayPrototypeGetSymbolToStringTag(value) === 'BigInt64Array';
}
function isBigUint64Array(value) {
  return TypedArrayPrototypeGetSymbolToStringTag(value) ===
    'BigUint64Array';
}

// The crypto module brands KeyObject and CryptoKey instances by setting
// these registry symbols to true (e.g. on its class prototypes).
const kKeyObjectBrand = SymbolFor('nodus.crypto.KeyObject');
const kCryptoKeyBrand = SymbolFor('nodus.crypto.CryptoKey');

/* True for crypto.KeyObject instances. */
function isKeyObject(obj) {
  return obj != null && obj[kKeyObjectBrand] === true;
}

/* True for WebCrypto CryptoKey instances. */
function isCryptoKey(obj) {
  return obj != null && obj[kCryptoKeyBrand] === true;
}

// The native checks (copied by name: binding methods may be
// non-enumerable), then the JS ones.
const types = {};
const binding = internalBinding('types');
for (const name of ObjectGetOwnPropertyNames(binding)) {
  if (typeof binding[name] === 'function') types[name] = binding[name];
}

module.exports = ObjectAssign(types, {
  isArrayBufferView,
  isTypedArray,
  isUint8Array,
  isUint8ClampedArray,
  isUint16Array,
  isUint32Array,
  isInt8Array,
  isInt16Array,
  isInt32Array,
  isFloat32Array,
  isFloat64Array,
  isBigInt64Array,
  isBigUint64Array,
  isKeyObject,
  isCryptoKey,
});
