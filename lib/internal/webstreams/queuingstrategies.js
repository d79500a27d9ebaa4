'use strict';
// internal/webstreams/queuingstrategies.js - ByteLengthQueuingStrategy and
// CountQueuingStrategy.

const {
  ObjectDefineProperties,
  SymbolToStringTag,
} = primordials;

const {
  codes: {
    ERR_INVALID_THIS,
    ERR_MISSING_OPTION,
  },
} = require('internal/errors');
const { customInspectSymbol: kInspect } = require('internal/util');
const { validateObject } = require('internal/validators');
const {
  customInspect,
  isBrandCheck,
  kEnumerableProperty,
  kState,
  kType,
} = require('internal/webstreams/util');

const isByteLengthQueuingStrategy =
  isBrandCheck('ByteLengthQueuingStrategy');
const isCountQueuingStrategy = isBrandCheck('CountQueuingStrategy');

// One size function per class, shared by all instances. Method syntax:
// named 'size', no prototype, not a constructor (as the spec wants).
const { size: byteSizeFunction } = {
  size(chunk) { return chunk.byteLength; },
};
const { size: countSizeFunction } = {
  size() { return 1; },
};

function readInit(init) {
  validateObject(init, 'init');
  if (init.highWaterMark === undefined) {
    throw new ERR_MISSING_OPTION('init.highWaterMark');
  }
  // The spec converts with `unrestricted double`: no range check here.
  return +init.highWaterMark;
}

/* new ByteLengthQueuingStrategy({ highWaterMark }): chunks count by
 * their byteLength. */
class ByteLengthQueuingStrategy {
  constructor(init) {
    const highWaterMark = readInit(init);
    this[kType] = 'ByteLengthQueuingStrategy';
    this[kState] = { highWaterMark };
  }

  get highWaterMark() {
    if (!isByteLengthQueuingStrategy(this)) {
      throw new ERR_INVALID_THIS('ByteLengthQueuingStrategy');
    }
    return this[kState].highWaterMark;
  }

  get size() {
    if (!isByteLengthQueuingStrategy(this)) {
      throw new ERR_INVALID_THIS('ByteLengthQueuingStrategy');
    }
    return byteSizeFunction;
  }

  [kInspect](depth, options) {
    return customInspect(this, {
      highWaterMark: this.highWaterMark,
    }, depth, options);
  }
}

ObjectDefineProperties(ByteLengthQueuingStrategy.prototype, {
  highWaterMark: kEnumerableProperty,
  size: kEnumerableProperty,
  [SymbolToStringTag]: {
    __proto__: null,
    configurable: true,
    value: 'ByteLengthQueuingStrategy',
  },
});

/* new CountQueuingStrategy({ highWaterMark }): every chunk counts 1. */
class CountQueuingStrategy {
  constructor(init) {
    const highWaterMark = readInit(init);
    this[kType] = 'CountQueuingStrategy';
    this[kState] = { highWaterMark };
  }

  get highWaterMark() {
    if (!isCountQueuingStrategy(this)) {
      throw new ERR_INVALID_THIS('CountQueuingStrategy');
    }
    return this[kState].highWaterMark;
  }

  get size() {
    if (!isCountQueuingStrategy(this)) {
      throw new ERR_INVALID_THIS('CountQueuingStrategy');
    }
    return countSizeFunction;
  }

  [kInspect](depth, options) {
    return customInspect(this, {
      highWaterMark: this.highWaterMark,
    }, depth, options);
  }
}

ObjectDefineProperties(CountQueuingStrategy.prototype, {
  highWaterMark: kEnumerableProperty,
  size: kEnumerableProperty,
  [SymbolToStringTag]: {
    __proto__: null,
    configurable: true,
    value: 'CountQueuingStrategy',
  },
});

module.exports = {
  ByteLengthQueuingStrategy,
  CountQueuingStrategy,
};
