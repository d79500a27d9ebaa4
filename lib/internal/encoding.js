'use strict';
// internal/encoding.js - WHATWG TextEncoder and TextDecoder (every WHATWG
// label; utf-8, utf-16 and windows-1252 natively, the rest through ICU) and
// buffer.transcode.

const {
  ObjectCreate,
  ObjectDefineProperties,
  SafeMap,
  TypeError,
  StringPrototypeCharCodeAt,
  StringPrototypeSlice,
  StringPrototypeToLowerCase,
  Symbol,
  SymbolToStringTag,
  TypedArrayPrototypeSubarray,
  Uint32Array,
  Uint8Array,
} = primordials;

const {
  codes: {
    ERR_ENCODING_NOT_SUPPORTED,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
  },
  genericNodeError,
} = require('internal/errors');
const {
  validateObject,
  kValidateObjectAllowNullable,
  kValidateObjectAllowArray,
  kValidateObjectAllowFunction,
} = require('internal/validators');
const { isAnyArrayBuffer } = internalBinding('types');
const {
  isArrayBufferView,
  isUint8Array,
} = require('internal/util/types');

const binding = internalBinding('encoding');
const {
  encodeInto: bindingEncodeInto,
  encodeUtf8String,
  decodeUtf8,
  decodeUtf16,
  decodeWindows1252,
  utf8IncompleteTail,
  icuOpen,
  icuDecode,
} = binding;

const customInspectSymbol = primordials.SymbolFor('nodejs.util.inspect.custom');
const kEmptyObject = primordials.ObjectFreeze({ __proto__: null });
const kValidateOptions = kValidateObjectAllowNullable |
  kValidateObjectAllowArray | kValidateObjectAllowFunction;

// Flags shared with bindings/encoding.c.
const kFlagStripBOM = 1;
const kFlagFatal = 2;
const kFlagFlush = 4;
const kFlagBigEndian = 8;

// Node's converter flag values, shown by util.inspect as [Symbol(flags)].
const CONVERTER_FLAGS_FATAL = 0x2;
const CONVERTER_FLAGS_IGNORE_BOM = 0x4;

const kEncoder = Symbol('encoder');
const kDecoder = Symbol('decoder');
const kFlags = Symbol('flags');
const kEncoding = Symbol('encoding');
const kIgnoreBOM = Symbol('kIgnoreBOM');
const kFatal = Symbol('kFatal');
const kUTF8FastPath = Symbol('kUTF8FastPath');
const kHandle = Symbol('handle');
const kPending = Symbol('kPending'); // bytes held back while streaming
const kBOMSeen = Symbol('kBOMSeen');

// WHATWG encoding labels (https://encoding.spec.whatwg.org/#names-and-labels)
// that Node 18 accepts, by encoding name.
const labelTable = [
  ['utf-8', 'unicode-1-1-utf-8 utf-8 utf8'],
  ['utf-16be', 'utf-16be'],
  ['utf-16le', 'utf-16 utf-16le'],
  ['ibm866', '866 cp866 csibm866 ibm866'],
  ['iso-8859-2', 'csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 ' +
                 'iso_8859-2 iso_8859-2:1987 l2 latin2'],
  ['iso-8859-3', 'csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 ' +
                 'iso_8859-3 iso_8859-3:1988 l3 latin3'],
  ['iso-8859-4', 'csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 ' +
                 'iso_8859-4 iso_8859-4:1988 l4 latin4'],
  ['iso-8859-5', 'csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 ' +
                 'iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988'],
  ['iso-8859-6', 'arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ' +
                 'ecma-114 iso-8859-6 iso-8859-6-e iso-8859-6-i iso-ir-127 ' +
                 'iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987'],
  ['iso-8859-7', 'csisolatingreek ecma-118 elot_928 greek greek8 ' +
                 'iso-8859-7 iso-ir-126 iso8859-7 iso88597 iso_8859-7 ' +
                 'iso_8859-7:1987 sun_eu_greek'],
  ['iso-8859-8', 'csiso88598e csisolatinhebrew hebrew iso-8859-8 ' +
                 'iso-8859-8-e iso-ir-138 iso8859-8 iso88598 iso_8859-8 ' +
                 'iso_8859-8:1988 visual'],
  ['iso-8859-8-i', 'csiso88598i iso-8859-8-i logical'],
  ['iso-8859-10', 'csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 ' +
                  'iso885910 l6 latin6'],
  ['iso-8859-13', 'iso-8859-13 iso8859-13 iso885913'],
  ['iso-8859-14', 'iso-8859-14 iso8859-14 iso885914'],
  ['iso-8859-15', 'csisolatin9 iso-8859-15 iso8859-15 iso885915 ' +
                  'iso_8859-15 l9'],
  ['koi8-r', 'cskoi8r koi koi8 koi8-r koi8_r'],
  ['koi8-u', 'koi8-ru koi8-u'],
  ['macintosh', 'csmacintosh mac macintosh x-mac-roman'],
  ['windows-874', 'dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 ' +
                  'windows-874'],
  ['windows-1250', 'cp1250 windows-1250 x-cp1250'],
  ['windows-1251', 'cp1251 windows-1251 x-cp1251'],
  ['windows-1252', 'ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 ' +
                   'iso-8859-1 iso-ir-100 iso8859-1 iso88591 iso_8859-1 ' +
                   'iso_8859-1:1987 l1 latin1 us-ascii windows-1252 ' +
                   'x-cp1252'],
  ['windows-1253', 'cp1253 windows-1253 x-cp1253'],
  ['windows-1254', 'cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 ' +
                   'iso88599 iso_8859-9 iso_8859-9:1989 l5 latin5 ' +
                   'windows-1254 x-cp1254'],
  ['windows-1255', 'cp1255 windows-1255 x-cp1255'],
  ['windows-1256', 'cp1256 windows-1256 x-cp1256'],
  ['windows-1257', 'cp1257 windows-1257 x-cp1257'],
  ['windows-1258', 'cp1258 windows-1258 x-cp1258'],
  ['x-mac-cyrillic', 'x-mac-cyrillic x-mac-ukrainian'],
  ['gbk', 'chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk ' +
          'iso-ir-58 x-gbk'],
  ['gb18030', 'gb18030'],
  ['big5', 'big5 big5-hkscs cn-big5 csbig5 x-x-big5'],
  ['euc-jp', 'cseucpkdfmtjapanese euc-jp x-euc-jp'],
  ['iso-2022-jp', 'csiso2022jp iso-2022-jp'],
  ['shift_jis', 'csshiftjis ms932 ms_kanji shift-jis shift_jis sjis ' +
                'windows-31j x-sjis'],
  ['euc-kr', 'cseuckr csksc56011987 euc-kr iso-ir-149 korean ' +
             'ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601 windows-949'],
];

let encodingsMap;
function getEncodings() {
  if (encodingsMap === undefined) {
    encodingsMap = new SafeMap();
    for (let i = 0; i < labelTable.length; i++) {
      const name = labelTable[i][0];
      const labels = labelTable[i][1];
      let start = 0;
      for (let j = 0; j <= labels.length; j++) {
        if (j === labels.length || labels[j] === ' ') {
          encodingsMap.set(StringPrototypeSlice(labels, start, j), name);
          start = j + 1;
        }
      }
    }
  }
  return encodingsMap;
}

function isAsciiWhitespace(code) {
  return code === 0x09 || code === 0x0A || code === 0x0C || code === 0x0D ||
    code === 0x20;
}

/* The encoding name for a WHATWG label (ASCII whitespace around it and
 * case are ignored), or undefined. */
function getEncodingFromLabel(label) {
  const map = getEncodings();
  const direct = map.get(label);
  if (direct !== undefined) return direct;
  const code = (i) => StringPrototypeCharCodeAt(label, i);
  let start = 0;
  let end = label.length;
  while (start < end && isAsciiWhitespace(code(start))) start++;
  while (end > start && isAsciiWhitespace(code(end - 1))) end--;
  return map.get(
    StringPrototypeToLowerCase(StringPrototypeSlice(label, start, end)));
}

// ---------------------------------------------------------------------------
// TextEncoder

const encodeIntoResults = new Uint32Array(2);

function validateEncoder(obj) {
  if (obj == null || obj[kEncoder] !== true)
    throw new ERR_INVALID_THIS('TextEncoder');
}

/* new TextEncoder(): UTF-8 only. */
class TextEncoder {
  constructor() {
    this[kEncoder] = true;
  }

  get encoding() {
    validateEncoder(this);
    return 'utf-8';
  }

  /* encode([input]) -> Uint8Array of the UTF-8 of `${input}`. */
  encode(input = '') {
    validateEncoder(this);
    return encodeUtf8String(`${input}`);
  }

  /* encodeInto(src, dest) -> { read, written }. */
  encodeInto(src, dest) {
    validateEncoder(this);
    if (typeof src !== 'string')
      throw new ERR_INVALID_ARG_TYPE('src', 'string', src);
    if (!isUint8Array(dest))
      throw new ERR_INVALID_ARG_TYPE('dest', 'Uint8Array', dest);
    bindingEncodeInto(src, dest, encodeIntoResults);
    return { read: encodeIntoResults[0], written: encodeIntoResults[1] };
  }

  [customInspectSymbol](depth, opts) {
    validateEncoder(this);
    if (typeof depth === 'number' && depth < 0) return this;
    const ctor = getConstructorOf(this) || TextEncoder;
    const obj = ObjectCreate({ constructor: ctor });
    obj.encoding = this.encoding;
    return lazyInspect()(obj, opts);
  }
}

ObjectDefineProperties(TextEncoder.prototype, {
  encode: { __proto__: null, enumerable: true },
  encodeInto: { __proto__: null, enumerable: true },
  encoding: { __proto__: null, enumerable: true },
  [SymbolToStringTag]: {
    __proto__: null, configurable: true, value: 'TextEncoder',
  },
});

// ---------------------------------------------------------------------------
// TextDecoder

let inspectFn;
function lazyInspect() {
  inspectFn ??= require('internal/util/inspect').inspect;
  return inspectFn;
}

function getConstructorOf(obj) {
  return require('internal/util').getConstructorOf(obj);
}

/* The [Symbol(handle)] of a non-UTF-8 decoder; holds the ICU converter. */
class Converter {
  #icu;
  constructor(icu) {
    this.#icu = icu;
  }

  static icu(converter) {
    return converter.#icu;
  }
}

function validateDecoder(obj) {
  if (obj == null || obj[kDecoder] !== true)
    throw new ERR_INVALID_THIS('TextDecoder');
}

/* Node 18 raises this one from C++: no "Received ..." part. */
function invalidInput(name) {
  // eslint-disable-next-line no-restricted-syntax
  const err = new TypeError(
    `The "${name}" argument must be an instance of SharedArrayBuffer, ` +
    'ArrayBuffer or ArrayBufferView.');
  err.code = 'ERR_INVALID_ARG_TYPE';
  return err;
}

/* Also a C++ error in Node 18: a plain TypeError with a code. */
function invalidData(encoding) {
  // eslint-disable-next-line no-restricted-syntax
  const err = new TypeError(
    `The encoded data was not valid for encoding ${encoding}`);
  err.code = 'ERR_ENCODING_INVALID_ENCODED_DATA';
  return err;
}

/* Prepends the bytes held back by the previous streaming call. */
function withPending(self, input) {
  const pending = self[kPending];
  if (pending === undefined) return input;
  self[kPending] = undefined;
  const joined = new Uint8Array(pending.length + input.byteLength);
  joined.set(pending, 0);
  joined.set(new Uint8Array(input.buffer, input.byteOffset, input.byteLength),
             pending.length);
  return joined;
}

/* Keeps input[len - n ..] for the next call; returns the rest. */
function holdBack(self, input, n) {
  const len = input.byteLength;
  if (n === 0) return input;
  const bytes = new Uint8Array(input.buffer, input.byteOffset, len);
  self[kPending] = new Uint8Array(TypedArrayPrototypeSubarray(bytes, len - n));
  return TypedArrayPrototypeSubarray(bytes, 0, len - n);
}

function decodeStreamUtf8(self, input, flush) {
  input = withPending(self, input);
  if (!flush) input = holdBack(self, input, utf8IncompleteTail(input));
  const strip = self[kIgnoreBOM] || self[kBOMSeen] ? 0 : kFlagStripBOM;
  const result = decodeUtf8(input, strip | (self[kFatal] ? kFlagFatal : 0));
  if (result === undefined) {
    resetStream(self);
    throw invalidData('utf-8');
  }
  if (input.byteLength > 0) self[kBOMSeen] = true;
  return result;
}

function decodeStreamUtf16(self, input, flush, bigEndian) {
  input = withPending(self, input);
  if (!flush) {
    const len = input.byteLength;
    let keep = len & 1;
    if (len - keep >= 2) {
      const bytes = new Uint8Array(input.buffer, input.byteOffset, len);
      const high = bytes[bigEndian ? len - keep - 2 : len - keep - 1];
      if (high >= 0xD8 && high <= 0xDB) keep += 2;
    }
    input = holdBack(self, input, keep);
  }
  let flags = self[kIgnoreBOM] || self[kBOMSeen] ? 0 : kFlagStripBOM;
  if (self[kFatal]) flags |= kFlagFatal;
  if (bigEndian) flags |= kFlagBigEndian;
  const result = decodeUtf16(input, flags);
  if (result === undefined) {
    resetStream(self);
    throw invalidData(self[kEncoding]);
  }
  if (input.byteLength > 0) self[kBOMSeen] = true;
  return result;
}

function decodeIcu(self, input, flush) {
  const handle = Converter.icu(self[kHandle]);
  let result = icuDecode(handle, input, flush ? kFlagFlush : 0);
  if (result === undefined) {
    resetStream(self);
    throw invalidData(self[kEncoding]);
  }
  if (!self[kBOMSeen] && result.length > 0) {
    self[kBOMSeen] = true;
  }
  return result;
}

function resetStream(self) {
  self[kPending] = undefined;
  self[kBOMSeen] = false;
}

/* new TextDecoder([label[, options]]): options.fatal, options.ignoreBOM. */
class TextDecoder {
  constructor(encoding = 'utf-8', options = kEmptyObject) {
    encoding = `${encoding}`;
    validateObject(options, 'options', kValidateOptions);

    const enc = getEncodingFromLabel(encoding);
    if (enc === undefined) throw new ERR_ENCODING_NOT_SUPPORTED(encoding);

    const fatal = Boolean(options?.fatal);
    const ignoreBOM = Boolean(options?.ignoreBOM);
    let flags = 0;
    if (fatal) flags |= CONVERTER_FLAGS_FATAL;
    if (ignoreBOM) flags |= CONVERTER_FLAGS_IGNORE_BOM;

    this[kDecoder] = true;
    this[kFlags] = flags;
    this[kEncoding] = enc;
    this[kIgnoreBOM] = ignoreBOM;
    this[kFatal] = fatal;
    this[kUTF8FastPath] = enc === 'utf-8';
    this[kHandle] = undefined;
    this[kPending] = undefined;
    this[kBOMSeen] = false;
    if (enc !== 'utf-8') {
      let icu;
      if (enc !== 'utf-16le' && enc !== 'utf-16be' &&
          enc !== 'windows-1252') {
        icu = icuOpen(enc, fatal);
        if (icu === undefined) throw new ERR_ENCODING_NOT_SUPPORTED(encoding);
      }
      this[kHandle] = new Converter(icu);
    }
  }

  get encoding() {
    validateDecoder(this);
    return this[kEncoding];
  }

  get fatal() {
    validateDecoder(this);
    return this[kFatal];
  }

  get ignoreBOM() {
    validateDecoder(this);
    return this[kIgnoreBOM];
  }

  /* decode([input[, options]]) -> string; options.stream keeps partial
   * characters for the next call. */
  decode(input = new Uint8Array(0), options = kEmptyObject) {
    validateDecoder(this);
    const enc = this[kEncoding];
    if (isAnyArrayBuffer(input)) {
      try {
        input = new Uint8Array(input);
      } catch {
        input = new Uint8Array(0); // detached
      }
    } else if (!isArrayBufferView(input)) {
      throw invalidInput(enc === 'utf-8' ? 'list' : 'input');
    }
    const flush = !(options !== null && typeof options === 'object' &&
                    options.stream);
    let result;
    if (enc === 'utf-8') {
      if (flush && this[kPending] === undefined && !this[kBOMSeen]) {
        // One-shot decode: no stream state to carry.
        result = decodeUtf8(input, (this[kIgnoreBOM] ? 0 : kFlagStripBOM) |
                                   (this[kFatal] ? kFlagFatal : 0));
        if (result === undefined) throw invalidData('utf-8');
        return result;
      }
      result = decodeStreamUtf8(this, input, flush);
    } else if (enc === 'utf-16le' || enc === 'utf-16be') {
      result = decodeStreamUtf16(this, input, flush, enc === 'utf-16be');
    } else if (enc === 'windows-1252') {
      result = decodeWindows1252(input);
    } else {
      result = decodeIcu(this, input, flush);
    }
    if (flush) resetStream(this);
    return result;
  }

  [customInspectSymbol](depth, opts) {
    validateDecoder(this);
    if (typeof depth === 'number' && depth < 0) return this;
    const ctor = getConstructorOf(this) || TextDecoder;
    const obj = ObjectCreate({ constructor: ctor });
    obj.encoding = this.encoding;
    obj.fatal = this.fatal;
    obj.ignoreBOM = this.ignoreBOM;
    if (opts?.showHidden) {
      obj[kFlags] = this[kFlags];
      obj[kHandle] = this[kHandle];
    }
    return `${ctor.name} ${lazyInspect()(obj, opts)}`;
  }
}

ObjectDefineProperties(TextDecoder.prototype, {
  decode: { __proto__: null, enumerable: true },
  encoding: { __proto__: null, enumerable: true },
  fatal: { __proto__: null, enumerable: true },
  ignoreBOM: { __proto__: null, enumerable: true },
  [SymbolToStringTag]: {
    __proto__: null, configurable: true, value: 'TextDecoder',
  },
});

// ---------------------------------------------------------------------------
// buffer.transcode

// ICU converter names Node uses, by Buffer encoding.
const transcodeEncodings = {
  __proto__: null,
  ascii: 'ascii', latin1: 'latin1', binary: 'latin1', ucs2: 'ucs2',
  'ucs-2': 'ucs2', utf16le: 'ucs2', 'utf-16le': 'ucs2', utf8: 'utf8',
  'utf-8': 'utf8',
};

function transcodeError(code) {
  return genericNodeError(`Unable to transcode Buffer [${code}]`,
                          { code, errno: code === 'U_ILLEGAL_ARGUMENT_ERROR' ?
                            1 : 10 });
}

/* The code points of `str` as a string where every character that needs
 * more than `max` (0x7f or 0xff) becomes '?' (a surrogate pair counts as
 * one character). */
function substitute(str, max) {
  let out = '';
  let start = 0;
  for (let i = 0; i < str.length; i++) {
    const c = StringPrototypeCharCodeAt(str, i);
    if (c <= max) continue;
    out += StringPrototypeSlice(str, start, i) + '?';
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < str.length) {
      const d = StringPrototypeCharCodeAt(str, i + 1);
      if (d >= 0xDC00 && d <= 0xDFFF) i++;
    }
    start = i + 1;
  }
  return start === 0 ? str : out + StringPrototypeSlice(str, start);
}

/* Index of the first unpaired surrogate in str at or after `from`, or
 * -1. */
function findLoneSurrogate(str, from) {
  for (let i = from; i < str.length; i++) {
    const c = StringPrototypeCharCodeAt(str, i);
    if (c < 0xD800 || c > 0xDFFF) continue;
    if (c > 0xDBFF || i + 1 === str.length) return i;
    const d = StringPrototypeCharCodeAt(str, i + 1);
    if (d < 0xDC00 || d > 0xDFFF) return i;
    i++;
  }
  return -1;
}

/* str with every unpaired surrogate replaced by U+FFFD. */
function toWellFormed(str) {
  let out = '';
  let start = 0;
  let i;
  while ((i = findLoneSurrogate(str, start)) !== -1) {
    out += StringPrototypeSlice(str, start, i) + '\ufffd';
    start = i + 1;
  }
  return start === 0 ? str : out + StringPrototypeSlice(str, start);
}

/* transcode(source, fromEnc, toEnc) -> new Buffer: source re-encoded
 * between ascii, latin1, ucs2 and utf8 the way Node's ICU-based one does:
 * unmappable characters become '?', undecodable bytes U+FFFD, except that
 * utf8 -> ucs2 and ucs2 -> utf8 reject malformed input. */
function transcode(source, fromEncoding, toEncoding) {
  const { Buffer, isUtf8 } = require('buffer');
  if (!isUint8Array(source)) {
    throw new ERR_INVALID_ARG_TYPE('source',
                                   ['Buffer', 'Uint8Array'], source);
  }
  if (source.length === 0) return Buffer.alloc(0);
  const from = transcodeEncodings[StringPrototypeToLowerCase(
    `${fromEncoding}`)];
  const to = transcodeEncodings[StringPrototypeToLowerCase(`${toEncoding}`)];
  if (from === undefined || to === undefined)
    throw transcodeError('U_ILLEGAL_ARGUMENT_ERROR');
  if (from === 'latin1' && to === 'latin1') return Buffer.from(source);

  const buf = Buffer.from(source.buffer, source.byteOffset, source.length);
  let str;
  if (from === 'utf8') {
    if (to === 'ucs2' && !isUtf8(buf))
      throw transcodeError('U_INVALID_CHAR_FOUND');
    str = buf.utf8Slice();
  } else if (from === 'ascii') {
    str = '';
    let start = 0;
    for (let i = 0; i < buf.length; i++) {
      if (buf[i] < 0x80) continue;
      str += buf.latin1Slice(start, i) + '\ufffd';
      start = i + 1;
    }
    str += buf.latin1Slice(start);
  } else if (from === 'latin1') {
    str = buf.latin1Slice();
  } else {
    str = buf.ucs2Slice();
    if (to === 'utf8' && findLoneSurrogate(str, 0) !== -1)
      throw transcodeError('U_INVALID_CHAR_FOUND');
    if (to === 'ucs2') str = toWellFormed(str);
  }
  switch (to) {
    case 'ascii': return Buffer.from(substitute(str, 0x7f), 'latin1');
    case 'latin1': return Buffer.from(substitute(str, 0xff), 'latin1');
    case 'ucs2': return Buffer.from(str, 'ucs2');
    default: return Buffer.from(str, 'utf8');
  }
}

module.exports = {
  getEncodingFromLabel,
  TextDecoder,
  TextEncoder,
  transcode,
};
