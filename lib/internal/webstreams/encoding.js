'use strict';
// internal/webstreams/encoding.js - TextEncoderStream and
// TextDecoderStream: TransformStreams around TextEncoder/TextDecoder.

const {
  ObjectDefineProperties,
  String,
  StringPrototypeCharCodeAt,
  Symbol,
  SymbolToStringTag,
} = primordials;

const {
  TextDecoder,
  TextEncoder,
} = require('internal/encoding');
const { TransformStream } = require('internal/webstreams/transformstream');
const {
  customInspect,
  kEnumerableProperty,
} = require('internal/webstreams/util');
const {
  codes: {
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const {
  customInspectSymbol: kInspect,
  kEmptyObject,
} = require('internal/util');

const kHandle = Symbol('kHandle');
const kTransform = Symbol('kTransform');
const kType = Symbol('kType');
const kPendingHighSurrogate = Symbol('kPendingHighSurrogate');

function isTextEncoderStream(value) {
  return typeof value?.[kHandle] === 'object' &&
         value?.[kType] === 'TextEncoderStream';
}

function isTextDecoderStream(value) {
  return typeof value?.[kHandle] === 'object' &&
         value?.[kType] === 'TextDecoderStream';
}

/* new TextEncoderStream(): strings in, UTF-8 Uint8Arrays out. A surrogate
 * pair split between two chunks is encoded whole. */
class TextEncoderStream {
  constructor() {
    this[kType] = 'TextEncoderStream';
    this[kHandle] = new TextEncoder();
    this[kPendingHighSurrogate] = null;
    this[kTransform] = new TransformStream({
      transform: (chunk, controller) => {
        let input = String(chunk);
        if (this[kPendingHighSurrogate] !== null) {
          input = this[kPendingHighSurrogate] + input;
          this[kPendingHighSurrogate] = null;
        }
        const last = StringPrototypeCharCodeAt(input, input.length - 1);
        if (last >= 0xD800 && last <= 0xDBFF) {
          // Keep a trailing high surrogate for the next chunk.
          this[kPendingHighSurrogate] = input[input.length - 1];
          input = input.slice(0, -1);
        }
        if (input.length === 0) return;
        const value = this[kHandle].encode(input);
        controller.enqueue(value);
      },
      flush: (controller) => {
        if (this[kPendingHighSurrogate] !== null) {
          // A lone high surrogate encodes as U+FFFD.
          controller.enqueue(new Uint8Array([0xEF, 0xBF, 0xBD]));
          this[kPendingHighSurrogate] = null;
        }
      },
    });
  }

  /* Always 'utf-8'. */
  get encoding() {
    if (!isTextEncoderStream(this)) {
      throw new ERR_INVALID_THIS('TextEncoderStream');
    }
    return this[kHandle].encoding;
  }

  get readable() {
    if (!isTextEncoderStream(this)) {
      throw new ERR_INVALID_THIS('TextEncoderStream');
    }
    return this[kTransform].readable;
  }

  get writable() {
    if (!isTextEncoderStream(this)) {
      throw new ERR_INVALID_THIS('TextEncoderStream');
    }
    return this[kTransform].writable;
  }

  [kInspect](depth, options) {
    if (!isTextEncoderStream(this)) {
      throw new ERR_INVALID_THIS('TextEncoderStream');
    }
    return customInspect(this, {
      encoding: this[kHandle].encoding,
      readable: this[kTransform].readable,
      writable: this[kTransform].writable,
    }, depth, options);
  }
}

/* new TextDecoderStream([encoding[, { fatal, ignoreBOM }]]): bytes in,
 * strings out. */
class TextDecoderStream {
  constructor(encoding = 'utf-8', options = kEmptyObject) {
    this[kType] = 'TextDecoderStream';
    this[kHandle] = new TextDecoder(encoding, options);
    this[kTransform] = new TransformStream({
      transform: (chunk, controller) => {
        const value = this[kHandle].decode(chunk, { stream: true });
        if (value) controller.enqueue(value);
      },
      flush: (controller) => {
        const value = this[kHandle].decode();
        if (value) controller.enqueue(value);
        controller.terminate();
      },
    });
  }

  get encoding() {
    if (!isTextDecoderStream(this)) {
      throw new ERR_INVALID_THIS('TextDecoderStream');
    }
    return this[kHandle].encoding;
  }

  get fatal() {
    if (!isTextDecoderStream(this)) {
      throw new ERR_INVALID_THIS('TextDecoderStream');
    }
    return this[kHandle].fatal;
  }

  get ignoreBOM() {
    if (!isTextDecoderStream(this)) {
      throw new ERR_INVALID_THIS('TextDecoderStream');
    }
    return this[kHandle].ignoreBOM;
  }

  get readable() {
    if (!isTextDecoderStream(this)) {
      throw new ERR_INVALID_THIS('TextDecoderStream');
    }
    return this[kTransform].readable;
  }

  get writable() {
    if (!isTextDecoderStream(this)) {
      throw new ERR_INVALID_THIS('TextDecoderStream');
    }
    return this[kTransform].writable;
  }

  [kInspect](depth, options) {
    if (!isTextDecoderStream(this)) {
      throw new ERR_INVALID_THIS('TextDecoderStream');
    }
    return customInspect(this, {
      encoding: this[kHandle].encoding,
      fatal: this[kHandle].fatal,
      ignoreBOM: this[kHandle].ignoreBOM,
      readable: this[kTransform].readable,
      writable: this[kTransform].writable,
    }, depth, options);
  }
}

ObjectDefineProperties(TextEncoderStream.prototype, {
  encoding: kEnumerableProperty,
  readable: kEnumerableProperty,
  writable: kEnumerableProperty,
  [SymbolToStringTag]: {
    __proto__: null,
    configurable: true,
    value: 'TextEncoderStream',
  },
});

ObjectDefineProperties(TextDecoderStream.prototype, {
  encoding: kEnumerableProperty,
  fatal: kEnumerableProperty,
  ignoreBOM: kEnumerableProperty,
  readable: kEnumerableProperty,
  writable: kEnumerableProperty,
  [SymbolToStringTag]: {
    __proto__: null,
    configurable: true,
    value: 'TextDecoderStream',
  },
});

module.exports = {
  TextEncoderStream,
  TextDecoderStream,
};
