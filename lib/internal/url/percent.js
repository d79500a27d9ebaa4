// internal/url/percent: percent-encode sets, UTF-8 coding, USVStrings.
'use strict';

const {
  ArrayPrototypePush,
  RegExpPrototypeSymbolReplace,
  StringFromCharCode,
  StringPrototypeCharCodeAt,
  StringPrototypeSlice,
  Uint8Array,
} = primordials;

const { hexTable } = require('internal/querystring');

/* Builds a 128-entry table flagging the ASCII code points of `chars` plus
 * those of `base` (another table). Non-ASCII is always encoded. */
function makeSet(base, chars) {
  const set = new Uint8Array(128);
  if (base !== null) {
    for (let i = 0; i < 128; i++) set[i] = base[i];
  }
  for (let i = 0; i < chars.length; i++)
    set[StringPrototypeCharCodeAt(chars, i)] = 1;
  return set;
}

// C0 control percent-encode set: C0 controls and everything above ~.
const C0_CONTROL = makeSet(null, '');
for (let i = 0; i < 0x20; i++) C0_CONTROL[i] = 1;
C0_CONTROL[0x7F] = 1;
const FRAGMENT = makeSet(C0_CONTROL, ' "<>`');
const QUERY = makeSet(C0_CONTROL, ' "#<>');
const SPECIAL_QUERY = makeSet(QUERY, "'");
const PATH = makeSet(QUERY, '?`{}');
const USERINFO = makeSet(PATH, '/:;=@[\\]^|');
const COMPONENT = makeSet(USERINFO, '$%&+,');
const FORM_URLENCODED = makeSet(COMPONENT, "!'()~");

/* Appends the %XX form of the UTF-8 bytes of code point `cp`. */
function encodeCodePoint(cp) {
  if (cp < 0x80) return hexTable[cp];
  if (cp < 0x800)
    return hexTable[0xC0 | (cp >> 6)] + hexTable[0x80 | (cp & 0x3F)];
  if (cp < 0x10000) {
    return hexTable[0xE0 | (cp >> 12)] +
      hexTable[0x80 | ((cp >> 6) & 0x3F)] + hexTable[0x80 | (cp & 0x3F)];
  }
  return hexTable[0xF0 | (cp >> 18)] +
    hexTable[0x80 | ((cp >> 12) & 0x3F)] +
    hexTable[0x80 | ((cp >> 6) & 0x3F)] + hexTable[0x80 | (cp & 0x3F)];
}

/* percentEncode(str, set[, spaceAsPlus]): UTF-8 percent-encodes the code
 * points of `str` (a USVString; a lone surrogate counts as U+FFFD) that
 * are in `set`; with spaceAsPlus, U+0020 becomes '+'. */
function percentEncode(str, set, spaceAsPlus = false) {
  let out = '';
  let last = 0;
  const len = str.length;
  for (let i = 0; i < len; i++) {
    let c = StringPrototypeCharCodeAt(str, i);
    if (c < 0x80) {
      if (spaceAsPlus && c === 0x20) {
        out += StringPrototypeSlice(str, last, i) + '+';
        last = i + 1;
      } else if (set[c] === 1) {
        out += StringPrototypeSlice(str, last, i) + hexTable[c];
        last = i + 1;
      }
      continue;
    }
    const start = i;
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < len) {
      const d = StringPrototypeCharCodeAt(str, i + 1);
      if (d >= 0xDC00 && d <= 0xDFFF) {
        c = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
        i++;
      } else {
        c = 0xFFFD;
      }
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      c = 0xFFFD;
    }
    out += StringPrototypeSlice(str, last, start) + encodeCodePoint(c);
    last = i + 1;
  }
  if (last === 0) return str;
  return out + StringPrototypeSlice(str, last);
}

/* utf8Encode(str): the UTF-8 bytes of `str` as an array of numbers. */
function utf8Encode(str) {
  const bytes = [];
  const len = str.length;
  for (let i = 0; i < len; i++) {
    let c = StringPrototypeCharCodeAt(str, i);
    if (c >= 0xD800 && c <= 0xDFFF) {
      const d = i + 1 < len ? StringPrototypeCharCodeAt(str, i + 1) : 0;
      if (c <= 0xDBFF && d >= 0xDC00 && d <= 0xDFFF) {
        c = 0x10000 + ((c - 0xD800) << 10) + (d - 0xDC00);
        i++;
      } else {
        c = 0xFFFD;
      }
    }
    if (c < 0x80) {
      ArrayPrototypePush(bytes, c);
    } else if (c < 0x800) {
      ArrayPrototypePush(bytes, 0xC0 | (c >> 6), 0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
      ArrayPrototypePush(bytes, 0xE0 | (c >> 12), 0x80 | ((c >> 6) & 0x3F),
                         0x80 | (c & 0x3F));
    } else {
      ArrayPrototypePush(bytes, 0xF0 | (c >> 18), 0x80 | ((c >> 12) & 0x3F),
                         0x80 | ((c >> 6) & 0x3F), 0x80 | (c & 0x3F));
    }
  }
  return bytes;
}

function codePointString(cp) {
  if (cp < 0x10000) return StringFromCharCode(cp);
  cp -= 0x10000;
  return StringFromCharCode(0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
}

/* utf8Decode(bytes): decodes UTF-8 (no BOM handling), replacing each
 * maximal invalid subpart with U+FFFD as the Encoding Standard does. */
function utf8Decode(bytes) {
  let out = '';
  const len = bytes.length;
  let i = 0;
  while (i < len) {
    const b = bytes[i];
    if (b < 0x80) {
      out += StringFromCharCode(b);
      i++;
      continue;
    }
    let need;
    let cp;
    let lower = 0x80;
    let upper = 0xBF;
    if (b >= 0xC2 && b <= 0xDF) {
      need = 1;
      cp = b & 0x1F;
    } else if (b >= 0xE0 && b <= 0xEF) {
      need = 2;
      cp = b & 0xF;
      if (b === 0xE0) lower = 0xA0;
      if (b === 0xED) upper = 0x9F;
    } else if (b >= 0xF0 && b <= 0xF4) {
      need = 3;
      cp = b & 0x7;
      if (b === 0xF0) lower = 0x90;
      if (b === 0xF4) upper = 0x8F;
    } else {
      out += '\ufffd';
      i++;
      continue;
    }
    let j = i + 1;
    let ok = true;
    for (let k = 0; k < need; k++, j++) {
      const cb = j < len ? bytes[j] : -1;
      if (cb < lower || cb > upper) {
        ok = false;
        break;
      }
      lower = 0x80;
      upper = 0xBF;
      cp = (cp << 6) | (cb & 0x3F);
    }
    if (!ok) {
      out += '\ufffd';
      i = j;
      continue;
    }
    out += codePointString(cp);
    i = j;
  }
  return out;
}

function hexVal(c) {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

/* percentDecodeBytes(bytes): decodes %XX sequences in a byte array. */
function percentDecodeBytes(bytes) {
  const out = [];
  const len = bytes.length;
  for (let i = 0; i < len; i++) {
    const b = bytes[i];
    if (b === 0x25 && i + 2 < len) {
      const h = hexVal(bytes[i + 1]);
      const l = hexVal(bytes[i + 2]);
      if (h >= 0 && l >= 0) {
        ArrayPrototypePush(out, (h << 4) | l);
        i += 2;
        continue;
      }
    }
    ArrayPrototypePush(out, b);
  }
  return out;
}

/* percentDecode(str): the string whose UTF-8 bytes are those of `str`
 * with %XX sequences decoded (invalid UTF-8 becomes U+FFFD). */
function percentDecode(str) {
  let hasPercent = false;
  for (let i = 0; i < str.length; i++) {
    if (StringPrototypeCharCodeAt(str, i) === 0x25) {
      hasPercent = true;
      break;
    }
  }
  if (!hasPercent) return str;
  return utf8Decode(percentDecodeBytes(utf8Encode(str)));
}

const loneSurrogateRE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/* toUSVString(value): `${value}` with lone surrogates replaced by
 * U+FFFD. */
function toUSVString(value) {
  const str = `${value}`;
  for (let i = 0; i < str.length; i++) {
    const c = StringPrototypeCharCodeAt(str, i);
    if (c >= 0xD800 && c <= 0xDFFF)
      return RegExpPrototypeSymbolReplace(loneSurrogateRE, str, '\ufffd');
  }
  return str;
}

module.exports = {
  C0_CONTROL,
  COMPONENT,
  FORM_URLENCODED,
  FRAGMENT,
  PATH,
  QUERY,
  SPECIAL_QUERY,
  USERINFO,
  percentDecode,
  percentDecodeBytes,
  percentEncode,
  toUSVString,
  utf8Decode,
  utf8Encode,
  codePointString,
};
