// internal/util/inspect_text: string/number rendering helpers for inspect.
'use strict';

const {
  MathTrunc,
  NumberIsFinite,
  NumberIsNaN,
  NumberPrototypeToString,
  ObjectIs,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolReplace,
  String,
  StringPrototypeCharCodeAt,
  StringPrototypeCodePointAt,
  StringPrototypeIncludes,
  StringPrototypeNormalize,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
  SymbolPrototypeToString,
  ArrayPrototypePush,
  StringPrototypeIndexOf,
  StringPrototypeRepeat,
  NumberParseInt,
  StringPrototypeSplit,
  RegExp,
} = primordials;

/* Escape text for each char code below 0xa0 that needs it; '' = keep. */
const escapeTable = [];
for (let code = 0; code < 0xa0; code++) {
  let out = '';
  if (code < 0x20 || (code >= 0x7f && code < 0xa0)) {
    const hex = NumberPrototypeToString(code, 16).toUpperCase();
    out = `\\x${hex.length === 1 ? '0' + hex : hex}`;
  }
  escapeTable.push(out);
}
escapeTable[8] = '\\b';
escapeTable[9] = '\\t';
escapeTable[10] = '\\n';
escapeTable[12] = '\\f';
escapeTable[13] = '\\r';
escapeTable[0x27] = "\\'";
escapeTable[0x5c] = '\\\\';

// What needs escaping: C0/C1 controls, quote, backslash, lone surrogates.
const escapePattern = '[\\x00-\\x1f\\x27\\x5c\\x7f-\\x9f]' +
  '|[\\ud800-\\udbff](?![\\udc00-\\udfff])' +
  '|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';
const keyEscapeRe = new RegExp(escapePattern, 'g');
const needsEscapeRe = new RegExp(escapePattern);

function escapeOne(ch) {
  const code = StringPrototypeCharCodeAt(ch, 0);
  if (code < 0xa0) return escapeTable[code];
  return `\\u${NumberPrototypeToString(code, 16)}`;
}

/* Escapes control chars, backslashes, quotes and lone surrogates of a key
 * (symbol description or hidden key) without adding quotes. */
function escapeKey(str) {
  return RegExpPrototypeSymbolReplace(keyEscapeRe, str, escapeOne);
}

/* Returns `str` quoted the way inspect shows strings: single quotes unless
 * the text holds one, then double quotes, then backticks; escapes the rest. */
function strEscape(str) {
  let quote = 39; // '
  if (StringPrototypeIncludes(str, "'")) {
    if (!StringPrototypeIncludes(str, '"')) {
      quote = 34;
    } else if (!StringPrototypeIncludes(str, '`') &&
               !StringPrototypeIncludes(str, '${')) {
      quote = 96;
    }
  }
  const q = quote === 39 ? "'" : quote === 34 ? '"' : '`';
  if (quote === 39 && str.length < 5000 &&
      RegExpPrototypeExec(needsEscapeRe, str) === null) {
    return `'${str}'`;
  }
  let result = '';
  let last = 0;
  const len = str.length;
  for (let i = 0; i < len; i++) {
    const code = StringPrototypeCharCodeAt(str, i);
    let rep;
    if (code < 0xa0) {
      if (code === 0x27 && quote !== 39) continue;
      rep = escapeTable[code];
      if (rep === '') continue;
    } else if (code >= 0xd800 && code <= 0xdfff) {
      if (code <= 0xdbff && i + 1 < len) {
        const next = StringPrototypeCharCodeAt(str, i + 1);
        if (next >= 0xdc00 && next <= 0xdfff) {
          i++;
          continue;
        }
      }
      rep = `\\u${NumberPrototypeToString(code, 16)}`;
    } else {
      continue;
    }
    result += StringPrototypeSlice(str, last, i) + rep;
    last = i + 1;
  }
  if (last !== len) result += StringPrototypeSlice(str, last);
  return q + result + q;
}

/* '1234567' -> '1_234_567' (keeps a leading minus sign). */
function addNumericSeparator(intStr) {
  const start = StringPrototypeStartsWith(intStr, '-') ? 1 : 0;
  let i = intStr.length;
  let tail = '';
  while (i >= start + 4) {
    tail = `_${StringPrototypeSlice(intStr, i - 3, i)}${tail}`;
    i -= 3;
  }
  if (tail === '') return intStr;
  return StringPrototypeSlice(intStr, 0, i) + tail;
}

/* '1234567' (digits after the dot) -> '123_456_7'. */
function addNumericSeparatorEnd(fracStr) {
  let out = '';
  let i = 0;
  while (i < fracStr.length - 3) {
    out += `${StringPrototypeSlice(fracStr, i, i + 3)}_`;
    i += 3;
  }
  if (i === 0) return fracStr;
  return out + StringPrototypeSlice(fracStr, i);
}

/* Renders a number ('-0' for negative zero), optionally with '_' groups. */
function formatNumber(fn, number, numericSeparator) {
  if (!numericSeparator) {
    if (ObjectIs(number, -0)) return fn('-0', 'number');
    return fn(`${number}`, 'number');
  }
  const integer = MathTrunc(number);
  const intStr = String(integer);
  if (integer === number) {
    // Note: -0 shows as '0' here (String(-0)), as in Node.
    if (!NumberIsFinite(number) || StringPrototypeIncludes(intStr, 'e')) {
      return fn(intStr, 'number');
    }
    return fn(addNumericSeparator(intStr), 'number');
  }
  if (NumberIsNaN(number)) return fn(intStr, 'number');
  const frac = StringPrototypeSlice(String(number), intStr.length + 1);
  return fn(`${addNumericSeparator(intStr)}.${addNumericSeparatorEnd(frac)}`,
            'number');
}

/* Renders a bigint as `123n`, optionally with '_' groups. */
function formatBigInt(fn, bigint, numericSeparator) {
  const str = String(bigint);
  if (!numericSeparator) return fn(`${str}n`, 'bigint');
  return fn(`${addNumericSeparator(str)}n`, 'bigint');
}

/* Splits `str` after each '\n', keeping the newline on its line. */
function splitNewLines(str) {
  const lines = [];
  let start = 0;
  for (;;) {
    const nl = StringPrototypeIndexOf(str, '\n', start);
    if (nl === -1 || nl === str.length - 1) break;
    ArrayPrototypePush(lines, StringPrototypeSlice(str, start, nl + 1));
    start = nl + 1;
  }
  ArrayPrototypePush(lines, StringPrototypeSlice(str, start));
  return lines;
}

const kMinLineWidth = 16;

/* Formats a primitive (not null) for inspect; `ctx` supplies limits. */
function formatPrimitive(fn, value, ctx) {
  switch (typeof value) {
    case 'string': {
      let trailer = '';
      if (value.length > ctx.maxStringLength) {
        const remaining = value.length - ctx.maxStringLength;
        value = StringPrototypeSlice(value, 0, ctx.maxStringLength);
        trailer = `... ${remaining} more character${remaining > 1 ? 's' : ''}`;
      }
      if (ctx.compact !== true && value.length > kMinLineWidth &&
          value.length > ctx.breakLength - ctx.indentationLvl - 4) {
        const lines = splitNewLines(value);
        let out = '';
        const sep = ` +\n${StringPrototypeRepeat(' ', ctx.indentationLvl + 2)}`;
        for (let i = 0; i < lines.length; i++) {
          if (i !== 0) out += sep;
          out += fn(strEscape(lines[i]), 'string');
        }
        return out + trailer;
      }
      return fn(strEscape(value), 'string') + trailer;
    }
    case 'number':
      return formatNumber(fn, value, ctx.numericSeparator);
    case 'bigint':
      return formatBigInt(fn, value, ctx.numericSeparator);
    case 'boolean':
      return fn(`${value}`, 'boolean');
    case 'undefined':
      return fn('undefined', 'undefined');
    default:
      // Symbol (and anything undetectable that slipped through).
      return fn(SymbolPrototypeToString(value), 'symbol');
  }
}

// ANSI/VT escape sequences: CSI sequences and OSC strings ending with BEL.
const ansiPattern = '[\\u001B\\u009B][[\\]()#;?]*' +
  '(?:(?:(?:(?:;[-a-zA-Z\\d\\/#&.:=?%@~_]+)*' +
  '|[a-zA-Z\\d]+(?:;[-a-zA-Z\\d\\/#&.:=?%@~_]*)*)?\\u0007)' +
  '|(?:(?:\\d{1,4}(?:;\\d{0,4})*)?[\\dA-PR-TZcf-ntqry=><~]))';
const ansiRe = new RegExp(ansiPattern, 'g');

/* Removes ANSI escape codes (colors, cursor moves) from `str`. */
function stripVTControlCharacters(str) {
  const { validateString } = require('internal/validators');
  validateString(str, 'str');
  return RegExpPrototypeSymbolReplace(ansiRe, str, '');
}

/* Like stripVTControlCharacters without validation (for internal use). */
function removeColors(str) {
  return RegExpPrototypeSymbolReplace(ansiRe, `${str}`, '');
}

let zeroStarts;
let zeroEnds;
let wideStarts;
let wideEnds;

/* Decodes one range table of internal/util/inspect_width_data into
 * parallel arrays of range starts and ends. */
function decodeRanges(table, starts, ends) {
  let prev = 0;
  for (const item of StringPrototypeSplit(table, ',')) {
    const plus = StringPrototypeIndexOf(item, '+');
    const delta = NumberParseInt(plus === -1 ? item :
      StringPrototypeSlice(item, 0, plus), 36);
    const extra = plus === -1 ? 0 :
      NumberParseInt(StringPrototypeSlice(item, plus + 1), 36);
    ArrayPrototypePush(starts, prev + delta);
    ArrayPrototypePush(ends, prev + delta + extra);
    prev = prev + delta + extra;
  }
}

function loadWidthTables() {
  const data = require('internal/util/inspect_width_data');
  zeroStarts = [];
  zeroEnds = [];
  wideStarts = [];
  wideEnds = [];
  decodeRanges(data.zeroWidthRanges, zeroStarts, zeroEnds);
  decodeRanges(data.wideRanges, wideStarts, wideEnds);
}

function inRanges(code, starts, ends) {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (code < starts[mid]) hi = mid - 1;
    else if (code > ends[mid]) lo = mid + 1;
    else return true;
  }
  return false;
}

/* Columns one code point takes on a terminal: 0, 1 or 2. */
function codePointWidth(code) {
  if (code >= 0x20 && code < 0x7f) return 1;
  if (zeroStarts === undefined) loadWidthTables();
  if (inRanges(code, zeroStarts, zeroEnds)) return 0;
  if (inRanges(code, wideStarts, wideEnds)) return 2;
  return 1;
}

/* True for code points rendered two columns wide (East Asian Wide and
 * Fullwidth, emoji presentation). */
function isFullWidthCodePoint(code) {
  return codePointWidth(code) === 2;
}

/* True for code points that take no column: controls, combining marks,
 * format characters such as zero-width joiners. */
function isZeroWidthCodePoint(code) {
  return codePointWidth(code) === 0;
}

/* Number of terminal columns `str` takes; strips ANSI codes first unless
 * `removeControlChars` is false. The non-ASCII part is NFC-normalized. */
function getStringWidth(str, removeControlChars = true) {
  str = `${str}`;
  if (removeControlChars) str = removeColors(str);
  let width = 0;
  for (let i = 0; i < str.length; i++) {
    const c = StringPrototypeCharCodeAt(str, i);
    if (c < 0x7f) {
      if (c >= 0x20) width++;
      continue;
    }
    const rest = StringPrototypeNormalize(StringPrototypeSlice(str, i), 'NFC');
    for (let j = 0; j < rest.length; j++) {
      const code = StringPrototypeCodePointAt(rest, j);
      if (code > 0xffff) j++;
      width += codePointWidth(code);
    }
    break;
  }
  return width;
}

module.exports = {
  addNumericSeparator,
  escapeKey,
  formatBigInt,
  formatNumber,
  formatPrimitive,
  getStringWidth,
  isFullWidthCodePoint,
  isZeroWidthCodePoint,
  removeColors,
  strEscape,
  stripVTControlCharacters,
};
