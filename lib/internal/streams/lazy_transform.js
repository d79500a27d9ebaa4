'use strict';
// internal/streams/lazy_transform.js - a Transform whose stream state is
// only created on first use (crypto's Hash, Cipher & co. derive from it,
// so that using them without streaming costs nothing).

const {
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
} = primordials;

const Transform = require('internal/streams/transform');

module.exports = LazyTransform;

/* new LazyTransform([options]): options are kept for the Transform
 * constructor, which runs when a stream state is first read. */
function LazyTransform(options) {
  this._options = options;
}
ObjectSetPrototypeOf(LazyTransform.prototype, Transform.prototype);
ObjectSetPrototypeOf(LazyTransform, Transform);

// crypto's default encoding for strings ('buffer' unless changed).
function defaultEncoding() {
  try {
    return require('internal/crypto/util').getDefaultEncoding();
  } catch {
    return 'buffer';
  }
}

function makeGetter(name) {
  return function() {
    Transform.call(this, this._options);
    this._writableState.decodeStrings = false;
    if (!this._options || !this._options.defaultEncoding) {
      this._writableState.defaultEncoding = defaultEncoding();
    }
    return this[name];
  };
}

function makeSetter(name) {
  return function(val) {
    ObjectDefineProperty(this, name, {
      __proto__: null,
      value: val,
      enumerable: true,
      configurable: true,
      writable: true,
    });
  };
}

ObjectDefineProperties(LazyTransform.prototype, {
  _readableState: {
    __proto__: null,
    get: makeGetter('_readableState'),
    set: makeSetter('_readableState'),
    configurable: true,
    enumerable: true,
  },
  _writableState: {
    __proto__: null,
    get: makeGetter('_writableState'),
    set: makeSetter('_writableState'),
    configurable: true,
    enumerable: true,
  },
});
