'use strict';
// internal/webstreams/compression.js - CompressionStream and
// DecompressionStream over zlib ('deflate', 'deflate-raw', 'gzip').

const {
  ObjectDefineProperties,
  Symbol,
  SymbolToStringTag,
} = primordials;

const {
  newReadableWritablePairFromDuplex,
} = require('internal/webstreams/adapters');
const { customInspect } = require('internal/webstreams/util');
const {
  customInspectSymbol: kInspect,
  kEnumerableProperty,
} = require('internal/util');
const {
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');

const kHandle = Symbol('kHandle');
const kTransform = Symbol('kTransform');
const kType = Symbol('kType');

let zlib;
function lazyZlib() {
  zlib ??= require('zlib');
  return zlib;
}

function isCompressionStream(value) {
  return typeof value?.[kHandle] === 'object' &&
         value?.[kType] === 'CompressionStream';
}

function isDecompressionStream(value) {
  return typeof value?.[kHandle] === 'object' &&
         value?.[kType] === 'DecompressionStream';
}

/* new CompressionStream(format): bytes in, compressed bytes out. */
class CompressionStream {
  constructor(format) {
    this[kType] = 'CompressionStream';
    switch (format) {
      case 'deflate':
        this[kHandle] = lazyZlib().createDeflate();
        break;
      case 'deflate-raw':
        this[kHandle] = lazyZlib().createDeflateRaw();
        break;
      case 'gzip':
        this[kHandle] = lazyZlib().createGzip();
        break;
      default:
        throw new ERR_INVALID_ARG_VALUE('format', format);
    }
    this[kTransform] = newReadableWritablePairFromDuplex(this[kHandle]);
  }

  get readable() {
    if (!isCompressionStream(this)) {
      throw new ERR_INVALID_THIS('CompressionStream');
    }
    return this[kTransform].readable;
  }

  get writable() {
    if (!isCompressionStream(this)) {
      throw new ERR_INVALID_THIS('CompressionStream');
    }
    return this[kTransform].writable;
  }

  [kInspect](depth, options) {
    if (!isCompressionStream(this)) {
      throw new ERR_INVALID_THIS('CompressionStream');
    }
    return customInspect(this, {
      readable: this[kTransform].readable,
      writable: this[kTransform].writable,
    }, depth, options);
  }
}

/* new DecompressionStream(format): compressed bytes in, bytes out. */
class DecompressionStream {
  constructor(format) {
    this[kType] = 'DecompressionStream';
    switch (format) {
      case 'deflate':
        this[kHandle] = lazyZlib().createInflate();
        break;
      case 'deflate-raw':
        this[kHandle] = lazyZlib().createInflateRaw();
        break;
      case 'gzip':
        this[kHandle] = lazyZlib().createGunzip();
        break;
      default:
        throw new ERR_INVALID_ARG_VALUE('format', format);
    }
    this[kTransform] = newReadableWritablePairFromDuplex(this[kHandle]);
  }

  get readable() {
    if (!isDecompressionStream(this)) {
      throw new ERR_INVALID_THIS('DecompressionStream');
    }
    return this[kTransform].readable;
  }

  get writable() {
    if (!isDecompressionStream(this)) {
      throw new ERR_INVALID_THIS('DecompressionStream');
    }
    return this[kTransform].writable;
  }

  [kInspect](depth, options) {
    if (!isDecompressionStream(this)) {
      throw new ERR_INVALID_THIS('DecompressionStream');
    }
    return customInspect(this, {
      readable: this[kTransform].readable,
      writable: this[kTransform].writable,
    }, depth, options);
  }
}

ObjectDefineProperties(CompressionStream.prototype, {
  readable: kEnumerableProperty,
  writable: kEnumerableProperty,
  [SymbolToStringTag]: {
    __proto__: null,
    configurable: true,
    value: 'CompressionStream',
  },
});

ObjectDefineProperties(DecompressionStream.prototype, {
  readable: kEnumerableProperty,
  writable: kEnumerableProperty,
  [SymbolToStringTag]: {
    __proto__: null,
    configurable: true,
    value: 'DecompressionStream',
  },
});

module.exports = {
  CompressionStream,
  DecompressionStream,
};
