// querystring: parse and build URL query strings (Node's legacy API).
'use strict';

const {
  ArrayIsArray,
  DecodeURIComponent,
  Int8Array,
  MathAbs,
  NumberIsFinite,
  ObjectKeys,
  String,
  StringPrototypeCharCodeAt,
  StringPrototypeSlice,
  Uint8Array,
} = primordials;

const {
  encodeStr,
  hexTable,
  isHexTable,
} = require('internal/querystring');

/* ASCII chars escape() leaves alone: A-Z a-z 0-9 - . _ ~ ! * ' ( ) */
const noEscape = new Int8Array(128);
{
  const keep = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz' +
    "0123456789-._~!*'()";
  for (let i = 0; i < keep.length; i++)
    noEscape[StringPrototypeCharCodeAt(keep, i)] = 1;
}

let BufferClass;
function lazyBuffer() {
  if (BufferClass === undefined) BufferClass = require('buffer').Buffer;
  return BufferClass;
}

/* unescapeBuffer(s[, decodeSpaces]): the bytes of `s` with every valid
 * `%XX` decoded (and `+` turned into a space when `decodeSpaces`). Other
 * characters contribute their low 8 bits. Returns a Buffer. */
function unescapeBuffer(s, decodeSpaces) {
  s = `${s}`;
  const len = s.length;
  const bytes = new Uint8Array(len);
  let n = 0;
  for (let i = 0; i < len; i++) {
    const c = StringPrototypeCharCodeAt(s, i);
    if (c === 37 /* % */ && i + 2 < len) {
      const h = StringPrototypeCharCodeAt(s, i + 1);
      const l = StringPrototypeCharCodeAt(s, i + 2);
      if (h < 256 && l < 256 && isHexTable[h] === 1 && isHexTable[l] === 1) {
        bytes[n++] = (hexValue(h) << 4) | hexValue(l);
        i += 2;
        continue;
      }
    }
    bytes[n++] = (decodeSpaces && c === 43 /* + */) ? 32 : c & 0xFF;
  }
  const Buffer = lazyBuffer();
  const out = Buffer.allocUnsafe(n);
  for (let i = 0; i < n; i++) out[i] = bytes[i];
  return out;
}

function hexValue(c) {
  if (c <= 57) return c - 48;
  return (c | 0x20) - 87;
}

/* unescape(s[, decodeSpaces]): decodeURIComponent(s), or, when that
 * throws, the lenient byte-wise decoding of unescapeBuffer() as UTF-8. */
function qsUnescape(s, decodeSpaces) {
  try {
    return DecodeURIComponent(s);
  } catch {
    return QueryString.unescapeBuffer(s, decodeSpaces).toString();
  }
}

/* escape(str): percent-encodes `str` (coerced to a string) like
 * encodeURIComponent, but also keeps ! ' ( ) * and throws
 * ERR_INVALID_URI on a lone surrogate. */
function qsEscape(str) {
  if (typeof str !== 'string') {
    if (typeof str === 'object') str = String(str);
    else str += '';
  }
  return encodeStr(str, noEscape, hexTable);
}

/* The string form of a primitive value for stringify(); '' otherwise. */
function stringifyPrimitive(v) {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' && NumberIsFinite(v)) return '' + v;
  if (typeof v === 'bigint') return '' + v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

/* Default converter: like escape(stringifyPrimitive(v)) but skips the
 * encoder for values that never need escaping. */
function encodeStringified(v, encode) {
  if (typeof v === 'string') return v.length ? encode(v) : '';
  if (typeof v === 'number' && NumberIsFinite(v)) {
    // Only exponent forms (1e+21) contain a char that needs escaping.
    return MathAbs(v) < 1e21 ? '' + v : encode('' + v);
  }
  if (typeof v === 'bigint') return '' + v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return '';
}

function encodeStringifiedCustom(v, encode) {
  return encode(stringifyPrimitive(v));
}

/* stringify(obj[, sep[, eq[, options]]]): `k=v` pairs for the own
 * enumerable keys of `obj`, joined by `sep`; array values repeat the key,
 * non-primitive values give ''. options.encodeURIComponent replaces
 * escape(). Returns '' when obj is not an object. */
function stringify(obj, sep, eq, options) {
  sep = sep || '&';
  eq = eq || '=';
  let encode = QueryString.escape;
  if (options && typeof options.encodeURIComponent === 'function')
    encode = options.encodeURIComponent;
  const convert = encode === qsEscape ?
    encodeStringified : encodeStringifiedCustom;
  if (obj === null || typeof obj !== 'object') return '';
  const keys = ObjectKeys(obj);
  let fields = '';
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const v = obj[k];
    const ks = convert(k, encode) + eq;
    if (ArrayIsArray(v)) {
      if (v.length === 0) continue;
      if (fields) fields += sep;
      for (let j = 0; j < v.length; j++) {
        if (j) fields += sep;
        fields += ks + convert(v[j], encode);
      }
    } else {
      if (fields) fields += sep;
      fields += ks + convert(v, encode);
    }
  }
  return fields;
}

function charCodes(str) {
  const codes = [];
  for (let i = 0; i < str.length; i++)
    codes[i] = StringPrototypeCharCodeAt(str, i);
  return codes;
}

const defSepCodes = [38];  // &
const defEqCodes = [61];   // =

function decodeStr(s, decoder) {
  try {
    return decoder(s);
  } catch {
    return QueryString.unescape(s, true);
  }
}

function addKeyVal(obj, key, value, keyEncoded, valEncoded, decode) {
  if (key.length > 0 && keyEncoded) key = decodeStr(key, decode);
  if (value.length > 0 && valEncoded) value = decodeStr(value, decode);
  const cur = obj[key];
  if (cur === undefined) {
    obj[key] = value;
  } else if (typeof cur === 'string') {
    obj[key] = [cur, value];
  } else {
    cur[cur.length] = value;
  }
}

/* parse(str[, sep[, eq[, options]]]): a null-prototype object of the
 * `key=value` pairs in `str` (split on `sep`, default '&', then on the
 * first `eq`, default '='); repeated keys collect into arrays; `+` is a
 * space and %XX sequences are decoded with querystring.unescape (or
 * options.decodeURIComponent). options.maxKeys (default 1000, 0 for no
 * limit) caps the number of pairs read. */
function parse(qs, sep, eq, options) {
  const obj = { __proto__: null };
  if (typeof qs !== 'string' || qs.length === 0) return obj;

  const sepCodes = !sep ? defSepCodes : charCodes(String(sep));
  const eqCodes = !eq ? defEqCodes : charCodes(String(eq));
  const sepLen = sepCodes.length;
  const eqLen = eqCodes.length;

  let pairs = 1000;
  if (options && typeof options.maxKeys === 'number') {
    // Zero, negative and NaN mean "no limit".
    pairs = options.maxKeys > 0 ? options.maxKeys : 0;
  }
  let left = pairs === 0 ? -1 : pairs;

  let decode = QueryString.unescape;
  if (options && typeof options.decodeURIComponent === 'function')
    decode = options.decodeURIComponent;
  const customDecode = decode !== qsUnescape;
  // A custom decoder sees `+` as %20; the default one gets a space.
  const plusChar = customDecode ? '%20' : ' ';

  let lastPos = 0;
  let sepIdx = 0;
  let eqIdx = 0;
  let key = '';
  let value = '';
  let keyEncoded = customDecode;
  let valEncoded = customDecode;
  let encodeCheck = 0;  // 1 after '%', 2 after '%X'.
  const len = qs.length;

  for (let i = 0; i < len; i++) {
    const code = StringPrototypeCharCodeAt(qs, i);

    // The pair separator.
    if (code === sepCodes[sepIdx]) {
      if (++sepIdx === sepLen) {
        const end = i - sepIdx + 1;
        if (eqIdx < eqLen) {
          if (lastPos < end) key += StringPrototypeSlice(qs, lastPos, end);
        } else if (lastPos < end) {
          value += StringPrototypeSlice(qs, lastPos, end);
        }
        if (key.length > 0 || value.length > 0 || eqIdx === eqLen)
          addKeyVal(obj, key, value, keyEncoded, valEncoded, decode);
        if (--left === 0) return obj;
        keyEncoded = valEncoded = customDecode;
        key = value = '';
        encodeCheck = 0;
        lastPos = i + 1;
        sepIdx = eqIdx = 0;
      }
      continue;
    }
    sepIdx = 0;

    if (eqIdx < eqLen) {
      // The key/value separator.
      if (code === eqCodes[eqIdx]) {
        if (++eqIdx === eqLen) {
          const end = i - eqIdx + 1;
          if (lastPos < end) key += StringPrototypeSlice(qs, lastPos, end);
          encodeCheck = 0;
          lastPos = i + 1;
        }
        continue;
      }
      eqIdx = 0;
      if (!keyEncoded) {
        // Watch for one valid %XX so that clean keys skip decoding.
        if (code === 37 /* % */) {
          encodeCheck = 1;
          continue;
        }
        if (encodeCheck > 0) {
          if (code < 128 && isHexTable[code] === 1) {
            if (++encodeCheck === 3) keyEncoded = true;
            continue;
          }
          encodeCheck = 0;
        }
      }
      if (code === 43 /* + */) {
        if (lastPos < i) key += StringPrototypeSlice(qs, lastPos, i);
        key += plusChar;
        lastPos = i + 1;
        continue;
      }
    }
    /* Reached by value chars, and by key chars once the key is known to
     * need decoding (Node quirk: a second %XX in the key then marks the
     * value as encoded too). */
    if (code === 43 /* + */) {
      if (lastPos < i) value += StringPrototypeSlice(qs, lastPos, i);
      value += plusChar;
      lastPos = i + 1;
      continue;
    }
    if (!valEncoded) {
      if (code === 37 /* % */) {
        encodeCheck = 1;
      } else if (encodeCheck > 0) {
        if (code < 128 && isHexTable[code] === 1) {
          if (++encodeCheck === 3) valEncoded = true;
        } else {
          encodeCheck = 0;
        }
      }
    }
  }

  // The text after the last separator.
  if (lastPos < len) {
    if (eqIdx < eqLen) key += StringPrototypeSlice(qs, lastPos);
    else if (sepIdx < sepLen) value += StringPrototypeSlice(qs, lastPos);
  } else if (eqIdx === 0 && key.length === 0) {
    return obj;
  }
  addKeyVal(obj, key, value, keyEncoded, valEncoded, decode);
  return obj;
}

const QueryString = module.exports = {
  unescapeBuffer,
  unescape: qsUnescape,
  escape: qsEscape,
  stringify,
  encode: stringify,
  parse,
  decode: parse,
};
