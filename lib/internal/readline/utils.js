'use strict';
// internal/readline/utils.js - terminal escape strings and string helpers.

const {
  ArrayPrototypeSlice,
  ArrayPrototypeSort,
  StringPrototypeCharCodeAt,
  StringPrototypeCodePointAt,
  StringPrototypeSlice,
} = primordials;

const { kSubstringSearch } = require('internal/readline/symbols');

const kEscape = '\x1b';
const kUTF16SurrogateThreshold = 0x10000; // 2 ** 16

/* CSI`...`: tagged template that prefixes a Control Sequence Introducer
 * (ESC [) to the interpolated string, e.g. CSI`${n}G`. */
function CSI(strings, ...args) {
  let out = kEscape + '[';
  for (let i = 0; i < strings.length; i++) {
    out += strings[i];
    if (i < args.length) out += args[i];
  }
  return out;
}

CSI.kEscape = kEscape;
CSI.kClearToLineBeginning = CSI`1K`;
CSI.kClearToLineEnd = CSI`0K`;
CSI.kClearLine = CSI`2K`;
CSI.kClearScreenDown = CSI`0J`;

function isHighSurrogate(code) {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLowSurrogate(code) {
  return code >= 0xdc00 && code <= 0xdfff;
}

/* UTF-16 length of the code point that ends just before index `i`
 * (0 at the start of the string). */
function charLengthLeft(str, i) {
  if (i <= 0) return 0;
  if (i > 1 &&
      isLowSurrogate(StringPrototypeCharCodeAt(str, i - 1)) &&
      isHighSurrogate(StringPrototypeCharCodeAt(str, i - 2))) {
    return 2;
  }
  return 1;
}

/* UTF-16 length of the code point that starts at index `i`; past the end
 * this is 1 so that moving right while pasting still advances. */
function charLengthAt(str, i) {
  if (str.length <= i) return 1;
  return StringPrototypeCodePointAt(str, i) >= kUTF16SurrogateThreshold ?
    2 : 1;
}

/* Longest string that every entry of `strings` starts with. */
function commonPrefix(strings) {
  if (!strings || strings.length === 0) return '';
  if (strings.length === 1) return strings[0];
  const sorted = ArrayPrototypeSort(ArrayPrototypeSlice(strings));
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  let n = 0;
  while (n < first.length && first[n] === last[n]) n++;
  return StringPrototypeSlice(first, 0, n);
}

/* The key-decoding generator lives in its own file; re-exported here. */
function emitKeys(stream) {
  return require('internal/readline/key_decoder').emitKeys(stream);
}

module.exports = {
  charLengthAt,
  charLengthLeft,
  commonPrefix,
  emitKeys,
  kSubstringSearch,
  CSI,
  kEscape,
  kUTF16SurrogateThreshold,
};
