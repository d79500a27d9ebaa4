'use strict';
// zlib.js - the zlib module: deflate, gzip and brotli streams, their
// one-shot functions (async and sync) and the zlib constants.

const {
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectFreeze,
  ObjectKeys,
  ObjectSetPrototypeOf,
  ReflectApply,
  StringPrototypeStartsWith,
} = primordials;

const { Brotli, Zlib } = require('internal/zlib/stream');
const {
  asyncFunction,
  syncFunction,
} = require('internal/zlib/convenience');
const { constants } = require('internal/zlib/options');

const {
  BROTLI_DECODE, BROTLI_ENCODE, DEFLATE, DEFLATERAW, GUNZIP, GZIP, INFLATE,
  INFLATERAW, UNZIP,
} = constants;

// Its entries are read-only already.
ObjectSetPrototypeOf(constants, null);

// Each class works with and without `new`, and can be called on an object
// that inherits from it (old-style subclasses).

function Deflate(opts) {
  if (!(this instanceof Deflate)) return new Deflate(opts);
  ReflectApply(Zlib, this, [opts, DEFLATE]);
}

function Inflate(opts) {
  if (!(this instanceof Inflate)) return new Inflate(opts);
  ReflectApply(Zlib, this, [opts, INFLATE]);
}

function Gzip(opts) {
  if (!(this instanceof Gzip)) return new Gzip(opts);
  ReflectApply(Zlib, this, [opts, GZIP]);
}

function Gunzip(opts) {
  if (!(this instanceof Gunzip)) return new Gunzip(opts);
  ReflectApply(Zlib, this, [opts, GUNZIP]);
}

function DeflateRaw(opts) {
  if (!(this instanceof DeflateRaw)) return new DeflateRaw(opts);
  ReflectApply(Zlib, this, [opts, DEFLATERAW]);
}

function InflateRaw(opts) {
  if (!(this instanceof InflateRaw)) return new InflateRaw(opts);
  ReflectApply(Zlib, this, [opts, INFLATERAW]);
}

function Unzip(opts) {
  if (!(this instanceof Unzip)) return new Unzip(opts);
  ReflectApply(Zlib, this, [opts, UNZIP]);
}

function BrotliCompress(opts) {
  if (!(this instanceof BrotliCompress)) return new BrotliCompress(opts);
  ReflectApply(Brotli, this, [opts, BROTLI_ENCODE]);
}

function BrotliDecompress(opts) {
  if (!(this instanceof BrotliDecompress)) return new BrotliDecompress(opts);
  ReflectApply(Brotli, this, [opts, BROTLI_DECODE]);
}

for (const [Class, Base] of [
  [Deflate, Zlib], [Inflate, Zlib], [Gzip, Zlib], [Gunzip, Zlib],
  [DeflateRaw, Zlib], [InflateRaw, Zlib], [Unzip, Zlib],
  [BrotliCompress, Brotli], [BrotliDecompress, Brotli],
]) {
  ObjectSetPrototypeOf(Class.prototype, Base.prototype);
  ObjectSetPrototypeOf(Class, Base);
}

// Z_OK & co. by name, and their names by number.
const codes = {
  Z_OK: constants.Z_OK,
  Z_STREAM_END: constants.Z_STREAM_END,
  Z_NEED_DICT: constants.Z_NEED_DICT,
  Z_ERRNO: constants.Z_ERRNO,
  Z_STREAM_ERROR: constants.Z_STREAM_ERROR,
  Z_DATA_ERROR: constants.Z_DATA_ERROR,
  Z_MEM_ERROR: constants.Z_MEM_ERROR,
  Z_BUF_ERROR: constants.Z_BUF_ERROR,
  Z_VERSION_ERROR: constants.Z_VERSION_ERROR,
};
for (const name of ObjectKeys(codes)) codes[codes[name]] = name;

/* The createX(options) factory of class `Class`. */
function factory(Class) {
  return {
    __proto__: null,
    configurable: true,
    enumerable: true,
    value: function(options) {
      return new Class(options);
    },
  };
}

module.exports = {
  Deflate,
  Inflate,
  Gzip,
  Gunzip,
  DeflateRaw,
  InflateRaw,
  Unzip,
  BrotliCompress,
  BrotliDecompress,

  deflate: asyncFunction(Deflate, DEFLATE),
  deflateSync: syncFunction(Deflate, DEFLATE),
  gzip: asyncFunction(Gzip, GZIP),
  gzipSync: syncFunction(Gzip, GZIP),
  deflateRaw: asyncFunction(DeflateRaw, DEFLATERAW),
  deflateRawSync: syncFunction(DeflateRaw, DEFLATERAW),
  unzip: asyncFunction(Unzip, UNZIP),
  unzipSync: syncFunction(Unzip, UNZIP),
  inflate: asyncFunction(Inflate, INFLATE),
  inflateSync: syncFunction(Inflate, INFLATE),
  gunzip: asyncFunction(Gunzip, GUNZIP),
  gunzipSync: syncFunction(Gunzip, GUNZIP),
  inflateRaw: asyncFunction(InflateRaw, INFLATERAW),
  inflateRawSync: syncFunction(InflateRaw, INFLATERAW),
  brotliCompress: asyncFunction(BrotliCompress, BROTLI_ENCODE),
  brotliCompressSync: syncFunction(BrotliCompress, BROTLI_ENCODE),
  brotliDecompress: asyncFunction(BrotliDecompress, BROTLI_DECODE),
  brotliDecompressSync: syncFunction(BrotliDecompress, BROTLI_DECODE),
};

ObjectDefineProperties(module.exports, {
  createDeflate: factory(Deflate),
  createInflate: factory(Inflate),
  createDeflateRaw: factory(DeflateRaw),
  createInflateRaw: factory(InflateRaw),
  createGzip: factory(Gzip),
  createGunzip: factory(Gunzip),
  createUnzip: factory(Unzip),
  createBrotliCompress: factory(BrotliCompress),
  createBrotliDecompress: factory(BrotliDecompress),
  constants: {
    __proto__: null,
    configurable: false,
    enumerable: true,
    value: constants,
  },
  codes: {
    __proto__: null,
    enumerable: true,
    writable: false,
    value: ObjectFreeze(codes),
  },
});

// The deprecated top-level copies of the zlib (not brotli) constants.
for (const name of ObjectKeys(constants)) {
  if (StringPrototypeStartsWith(name, 'BROTLI')) continue;
  ObjectDefineProperty(module.exports, name, {
    __proto__: null,
    enumerable: false,
    value: constants[name],
    writable: false,
  });
}
