// internal/querystring: percent-encoding tables shared by querystring/url.
'use strict';

const {
  Array,
  Int8Array,
  NumberPrototypeToString,
  StringPrototypeCharCodeAt,
  StringPrototypeSlice,
  StringPrototypeToUpperCase,
} = primordials;

const { codes: { ERR_INVALID_URI } } = require('internal/errors');

/* hexTable[b] is '%XX' (upper-case hex) for every byte value b. */
const hexTable = new Array(256);
for (let i = 0; i < 256; ++i) {
  hexTable[i] = '%' +
    StringPrototypeToUpperCase((i < 16 ? '0' : '') +
                               NumberPrototypeToString(i, 16));
}

/* isHexTable[c] is 1 when the char code c is an ASCII hex digit. */
const isHexTable = new Int8Array(256);
for (let c = 48; c <= 57; c++) isHexTable[c] = 1;   // 0-9
for (let c = 65; c <= 70; c++) isHexTable[c] = 1;   // A-F
for (let c = 97; c <= 102; c++) isHexTable[c] = 1;  // a-f

/* encodeStr(str, noEscapeTable, hexTable): UTF-8 percent-encodes every
 * char of `str` except ASCII codes flagged in `noEscapeTable` (an
 * Int8Array of 128). A high surrogate takes the next code unit as its
 * partner; a surrogate without one throws ERR_INVALID_URI. */
function encodeStr(str, noEscapeTable, hexTable) {
  const len = str.length;
  if (len === 0) return '';
  let out = '';
  let lastPos = 0;
  for (let i = 0; i < len; i++) {
    let c = StringPrototypeCharCodeAt(str, i);
    if (c < 0x80) {
      if (noEscapeTable[c] === 1) continue;
      if (lastPos < i) out += StringPrototypeSlice(str, lastPos, i);
      lastPos = i + 1;
      out += hexTable[c];
      continue;
    }
    if (lastPos < i) out += StringPrototypeSlice(str, lastPos, i);
    if (c < 0x800) {
      lastPos = i + 1;
      out += hexTable[0xC0 | (c >> 6)] + hexTable[0x80 | (c & 0x3F)];
      continue;
    }
    if (c < 0xD800 || c >= 0xE000) {
      lastPos = i + 1;
      out += hexTable[0xE0 | (c >> 12)] +
        hexTable[0x80 | ((c >> 6) & 0x3F)] +
        hexTable[0x80 | (c & 0x3F)];
      continue;
    }
    // A surrogate: combine with the following code unit.
    i++;
    if (i >= len) throw new ERR_INVALID_URI();
    const low = StringPrototypeCharCodeAt(str, i) & 0x3FF;
    lastPos = i + 1;
    c = 0x10000 + (((c & 0x3FF) << 10) | low);
    out += hexTable[0xF0 | (c >> 18)] +
      hexTable[0x80 | ((c >> 12) & 0x3F)] +
      hexTable[0x80 | ((c >> 6) & 0x3F)] +
      hexTable[0x80 | (c & 0x3F)];
  }
  if (lastPos === 0) return str;
  if (lastPos < len) return out + StringPrototypeSlice(str, lastPos);
  return out;
}

module.exports = {
  encodeStr,
  hexTable,
  isHexTable,
};
