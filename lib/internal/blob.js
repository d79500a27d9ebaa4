'use strict';
// internal/blob.js - Blob and File (immutable byte containers), and the
// blob: URL registry behind URL.createObjectURL/resolveObjectURL.

const {
  ArrayFrom,
  DateNow,
  MathMax,
  MathMin,
  NumberIsNaN,
  ObjectDefineProperties,
  ObjectDefineProperty,
  PromisePrototypeThen,
  PromiseReject,
  PromiseResolve,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolReplace,
  StringPrototypeCharCodeAt,
  StringPrototypeSlice,
  StringPrototypeToLowerCase,
  Symbol,
  SymbolFor,
  SymbolIterator,
  SymbolToStringTag,
  TypedArrayPrototypeGetBuffer,
  TypedArrayPrototypeGetByteLength,
  TypedArrayPrototypeGetByteOffset,
  TypedArrayPrototypeSet,
  TypedArrayPrototypeSubarray,
  Uint8Array,
} = primordials;

const {
  codes: {
    ERR_BUFFER_TOO_LARGE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_THIS,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { validateDictionary } = require('internal/validators');
const { isAnyArrayBuffer } = internalBinding('types');
const { isArrayBufferView } = require('internal/util/types');

const { encodeUtf8String } = internalBinding('encoding');

const kHandle = Symbol('kHandle');
const kLength = Symbol('kLength');
const kType = Symbol('kType');
const kArrayBufferPromise = Symbol('kArrayBufferPromise');
const kInspect = SymbolFor('nodejs.util.inspect.custom');

// A Blob holds at most 2**32 - 1 bytes.
const kMaxBlobLength = 2 ** 32 - 1;
const kEmptyObject = { __proto__: null };
const disallowedTypeCharacters = /[^\u{0020}-\u{007E}]/u;
const lineEndings = /\r?\n/g;

let encodingModule;
function lazyEncoding() {
  encodingModule ??= require('internal/encoding');
  return encodingModule;
}

function lazyInspect() {
  return require('internal/util/inspect').inspect;
}

/* Whether `object` is a Blob (or File). */
function isBlob(object) {
  return object?.[kHandle] !== undefined;
}

/* The bytes one `sources` element contributes. */
function getSource(source, endings) {
  if (isBlob(source)) return source[kHandle];
  if (isAnyArrayBuffer(source)) return new Uint8Array(source);
  if (isArrayBufferView(source)) {
    return new Uint8Array(TypedArrayPrototypeGetBuffer(source),
                          TypedArrayPrototypeGetByteOffset(source),
                          TypedArrayPrototypeGetByteLength(source));
  }
  source = `${source}`;
  if (endings === 'native')
    source = RegExpPrototypeSymbolReplace(lineEndings, source, '\n');
  return encodeUtf8String(source);
}

/* Normalizes a MIME type: lower case, or '' when it holds characters
 * outside U+0020..U+007E. */
function normalizeType(type) {
  type = `${type}`;
  return RegExpPrototypeExec(disallowedTypeCharacters, type) !== null ?
    '' : StringPrototypeToLowerCase(type);
}

/* Makes a Blob over `bytes` (not copied) without running the constructor. */
function createBlob(bytes, type) {
  const blob = { __proto__: Blob.prototype };
  blob[kHandle] = bytes;
  blob[kLength] = bytes.length;
  blob[kType] = type;
  return blob;
}

/* new Blob([sources[, options]]): sources is a sequence of strings,
 * ArrayBuffers, views and Blobs; options.type, options.endings. */
class Blob {
  constructor(sources = [], options) {
    if (sources === null || typeof sources[SymbolIterator] !== 'function' ||
        typeof sources === 'string') {
      throw new ERR_INVALID_ARG_TYPE('sources', 'a sequence', sources);
    }
    validateDictionary(options, 'options');
    let { type = '', endings = 'transparent' } = options ?? kEmptyObject;
    endings = `${endings}`;
    if (endings !== 'transparent' && endings !== 'native')
      throw new ERR_INVALID_ARG_VALUE('options.endings', endings);

    const parts = ArrayFrom(sources, (source) => getSource(source, endings));
    let length = 0;
    for (let i = 0; i < parts.length; i++) {
      length += parts[i].length;
      if (length > kMaxBlobLength)
        throw new ERR_BUFFER_TOO_LARGE(kMaxBlobLength);
    }
    let bytes;
    if (parts.length === 1 && isBlob(sources[0])) {
      bytes = parts[0]; // Blob bytes are immutable: share them.
    } else {
      bytes = new Uint8Array(length);
      let offset = 0;
      for (let i = 0; i < parts.length; i++) {
        TypedArrayPrototypeSet(bytes, parts[i], offset);
        offset += parts[i].length;
      }
    }
    this[kHandle] = bytes;
    this[kLength] = length;
    this[kType] = normalizeType(type);
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    const opts = {
      ...options,
      depth: options.depth == null ? null : options.depth - 1,
    };
    return `Blob ${lazyInspect()({ size: this.size, type: this.type }, opts)}`;
  }

  /* The MIME type given at construction ('' when none or invalid). */
  get type() {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    return this[kType];
  }

  /* Length in bytes. */
  get size() {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    return this[kLength];
  }

  /* slice([start[, end[, contentType]]]): a Blob over a byte range
   * (negative positions count from the end). */
  slice(start = 0, end = this[kLength], contentType = '') {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    const length = this[kLength];
    start = +start || 0;
    end = +end || 0;
    start = start < 0 ? MathMax(length + start, 0) : MathMin(start, length);
    end = end < 0 ? MathMax(length + end, 0) : MathMin(end, length);
    const span = MathMax(end - start, 0);
    return createBlob(
      TypedArrayPrototypeSubarray(this[kHandle], start, start + span),
      normalizeType(contentType));
  }

  /* arrayBuffer() -> Promise<ArrayBuffer> holding a copy of the bytes. */
  arrayBuffer() {
    if (!isBlob(this)) return PromiseReject(new ERR_INVALID_THIS('Blob'));
    // Calls made while a copy is pending share it, as in Node.
    if (this[kArrayBufferPromise] !== undefined)
      return this[kArrayBufferPromise];
    const copy = new Uint8Array(this[kHandle]);
    const promise = PromiseResolve(TypedArrayPrototypeGetBuffer(copy));
    this[kArrayBufferPromise] = promise;
    PromisePrototypeThen(promise, () => {
      this[kArrayBufferPromise] = undefined;
    });
    return promise;
  }

  /* text() -> Promise<string>: the bytes decoded as UTF-8. */
  text() {
    if (!isBlob(this)) return PromiseReject(new ERR_INVALID_THIS('Blob'));
    const decoder = new (lazyEncoding().TextDecoder)();
    return PromiseResolve(decoder.decode(this[kHandle]));
  }

  /* stream() -> ReadableStream of the bytes. */
  stream() {
    if (!isBlob(this)) throw new ERR_INVALID_THIS('Blob');
    let ReadableStream = globalThis.ReadableStream;
    for (const id of ['internal/webstreams/readablestream', 'stream/web']) {
      if (typeof ReadableStream === 'function') break;
      try {
        ({ ReadableStream } = require(id));
      } catch {
        // Not built yet.
      }
    }
    if (typeof ReadableStream !== 'function')
      throw new ERR_METHOD_NOT_IMPLEMENTED('stream()');
    let bytes = this[kHandle];
    return new ReadableStream({
      type: 'bytes',
      pull(controller) {
        if (bytes.length === 0) {
          controller.close();
          return;
        }
        const chunk = TypedArrayPrototypeSubarray(bytes, 0, 65536);
        bytes = TypedArrayPrototypeSubarray(bytes, chunk.length);
        controller.enqueue(new Uint8Array(chunk));
      },
    });
  }
}

ObjectDefineProperties(Blob.prototype, {
  size: { __proto__: null, enumerable: true },
  type: { __proto__: null, enumerable: true },
  slice: { __proto__: null, enumerable: true },
  stream: { __proto__: null, enumerable: true },
  text: { __proto__: null, enumerable: true },
  arrayBuffer: { __proto__: null, enumerable: true },
  [SymbolToStringTag]: {
    __proto__: null, configurable: true, value: 'Blob',
  },
});

let fileWarned = false;

/* new File(fileBits, fileName[, options]): a Blob with a name and a
 * lastModified time (options.lastModified, default now). */
class File extends Blob {
  #name;
  #lastModified;

  constructor(fileBits, fileName, options = kEmptyObject) {
    if (arguments.length < 2)
      throw new ERR_MISSING_ARGS('fileBits', 'fileName');
    // fetch's FormData makes Files through a subclass, without the warning.
    if (!fileWarned && new.target === File) {
      fileWarned = true;
      process.emitWarning(
        'buffer.File is an experimental feature and might change at any time',
        'ExperimentalWarning');
    }
    super(fileBits, options);
    let { lastModified } = options ?? kEmptyObject;
    if (lastModified !== undefined) {
      lastModified = +lastModified;
      if (NumberIsNaN(lastModified)) lastModified = 0;
    } else {
      lastModified = DateNow();
    }
    this.#name = toUSVString(`${fileName}`);
    this.#lastModified = lastModified;
  }

  get name() {
    if (!(#name in this)) throw new ERR_INVALID_THIS('File');
    return this.#name;
  }

  get lastModified() {
    if (!(#lastModified in this)) throw new ERR_INVALID_THIS('File');
    return this.#lastModified;
  }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    const opts = {
      ...options,
      depth: options.depth == null ? null : options.depth - 1,
    };
    return `File ${lazyInspect()({
      size: this.size,
      type: this.type,
      name: this.#name,
      lastModified: this.#lastModified,
    }, opts)}`;
  }
}

ObjectDefineProperties(File.prototype, {
  name: { __proto__: null, enumerable: true },
  lastModified: { __proto__: null, enumerable: true },
  [SymbolToStringTag]: {
    __proto__: null, configurable: true, value: 'File',
  },
});

/* Replaces unpaired surrogates with U+FFFD. */
function toUSVString(str) {
  let out = '';
  let start = 0;
  for (let i = 0; i < str.length; i++) {
    const c = StringPrototypeCharCodeAt(str, i);
    if (c < 0xD800 || c > 0xDFFF) continue;
    const d = i + 1 < str.length ? StringPrototypeCharCodeAt(str, i + 1) : 0;
    if (c <= 0xDBFF && d >= 0xDC00 && d <= 0xDFFF) {
      i++;
      continue;
    }
    out += StringPrototypeSlice(str, start, i) + '\ufffd';
    start = i + 1;
  }
  return start === 0 ? str : out + StringPrototypeSlice(str, start);
}

// ---------------------------------------------------------------------------
// blob: URLs live in internal/url's registry (URL.createObjectURL).

/* buffer.resolveObjectURL(url): a Blob with the contents registered under
 * a blob:nodedata: URL, or undefined. */
function resolveObjectURL(url) {
  const blob = require('internal/url').resolveObjectURL(url);
  if (!isBlob(blob)) return undefined;
  return createBlob(blob[kHandle], blob[kType]);
}

// Blobs are cloneable through postMessage: the receiver gets a Blob over
// a copy of the bytes.
{
  const {
    kClone, kDeserialize, markTransferMode,
  } = require('internal/worker/js_transferable');
  markTransferMode(Blob.prototype, true, false);
  ObjectDefineProperty(Blob.prototype, kClone, {
    __proto__: null, configurable: true, writable: true,
    value: function() {
      return {
        data: { bytes: this[kHandle], type: this[kType] },
        deserializeInfo: 'internal/blob:ClonedBlob',
      };
    },
  });
  ObjectDefineProperty(Blob.prototype, kDeserialize, {
    __proto__: null, configurable: true, writable: true,
    value: function({ bytes, type }) {
      this[kHandle] = bytes;
      this[kLength] = bytes.length;
      this[kType] = type;
    },
  });
}

/* new ClonedBlob() -> an empty Blob shell filled by [kDeserialize]. */
function ClonedBlob() {
  return { __proto__: Blob.prototype };
}

module.exports = {
  Blob,
  ClonedBlob,
  File,
  createBlob,
  isBlob,
  kHandle,
  resolveObjectURL,
};
