'use strict';
// internal/crypto/unimplemented.js - stand-ins for the parts of Node's
// crypto API that nodus does not have yet (ciphers, signatures, public
// keys, Diffie-Hellman, X.509...): they exist, and calling or
// constructing one throws ERR_METHOD_NOT_IMPLEMENTED naming it.

const {
  ObjectDefineProperty,
  StringPrototypeSlice,
  StringPrototypeLastIndexOf,
  StringPrototypeReplace,
} = primordials;

const {
  codes: { ERR_METHOD_NOT_IMPLEMENTED },
} = require('internal/errors');

/* A function that throws "The <label> method is not implemented" when
 * called or constructed; its name is the last part of `label`
 * ('crypto.createCipheriv()' -> 'createCipheriv'). */
function notImplemented(label) {
  const short = StringPrototypeReplace(
    StringPrototypeSlice(label, StringPrototypeLastIndexOf(label, '.') + 1),
    '()', '');
  const fn = function() {
    throw new ERR_METHOD_NOT_IMPLEMENTED(label);
  };
  ObjectDefineProperty(fn, 'name', { __proto__: null, value: short });
  return fn;
}

/* A stand-in class `label` whose constructor and the given static
 * methods all throw as notImplemented() does. */
function notImplementedClass(label, statics = []) {
  const cls = notImplemented(label);
  for (let i = 0; i < statics.length; i++) {
    ObjectDefineProperty(cls, statics[i], {
      __proto__: null,
      value: notImplemented(`${label}.${statics[i]}()`),
      writable: true,
      configurable: true,
    });
  }
  return cls;
}

module.exports = {
  notImplemented,
  notImplementedClass,
};
