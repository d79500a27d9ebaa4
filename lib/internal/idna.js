// internal/idna: UTS #46 domain processing as Node 18's URL code does it.
'use strict';

const {
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  Int32Array,
  NumberParseInt,
  RegExpPrototypeExec,
  SafeMap,
  SafeSet,
  StringPrototypeCharCodeAt,
  StringPrototypeCodePointAt,
  StringPrototypeIndexOf,
  StringPrototypeLastIndexOf,
  StringPrototypeNormalize,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeStartsWith,
  StringPrototypeToLowerCase,
  Uint8Array,
} = primordials;

const punycode = require('internal/punycode');
const { codePointString } = require('internal/url/percent');

let tables;

/* Decodes a run-length table ('<len base36><letter>...') into parallel
 * arrays of run starts and class letters (char codes). */
function decodeRuns(str) {
  const starts = [];
  const classes = [];
  let pos = 0;
  let num = 0;
  let numStart = 0;
  for (let i = 0; i < str.length; i++) {
    const c = StringPrototypeCharCodeAt(str, i);
    if (c >= 65 && c <= 90) {  // A-Z: the class letter ends a run.
      num = NumberParseInt(StringPrototypeSlice(str, numStart, i), 36);
      ArrayPrototypePush(starts, pos);
      ArrayPrototypePush(classes, c);
      pos += num;
      numStart = i + 1;
    }
  }
  return { starts: new Int32Array(starts), classes: new Uint8Array(classes) };
}

function loadTables() {
  if (tables !== undefined) return tables;
  const data = require('internal/idna_data');
  const exceptions = new SafeMap();
  const parts = StringPrototypeSplit(data.mapExceptions, ';');
  for (let i = 0; i < parts.length; i++) {
    const colon = StringPrototypeIndexOf(parts[i], ':');
    if (colon === -1) continue;
    exceptions.set(
      NumberParseInt(StringPrototypeSlice(parts[i], 0, colon), 36),
      StringPrototypeSlice(parts[i], colon + 1));
  }
  tables = {
    uts46: decodeRuns(data.uts46),
    bidi: decodeRuns(data.bidi),
    joining: decodeRuns(data.joining),
    virama: new SafeSet(data.virama),
    exceptions,
  };
  return tables;
}

/* The class letter (as a char code) of code point `cp` in a run table. */
function lookup(table, cp) {
  const starts = table.starts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= cp) lo = mid;
    else hi = mid - 1;
  }
  return table.classes[lo];
}

const V = 86;  // 'V' valid
const M = 77;  // 'M' mapped
const I = 73;  // 'I' ignored

/* The UTS #46 mapping of one mapped code point. */
function mapCodePoint(t, cp, ch) {
  const exc = t.exceptions.get(cp);
  if (exc !== undefined) return exc;
  return StringPrototypeNormalize(
    StringPrototypeToLowerCase(StringPrototypeNormalize(ch, 'NFKC')), 'NFKC');
}

const upperAfterDelimiterRE = /[A-Z][^-]*$/;

/* Punycode decoding as Node's native IDNA code does it: a leading '-' is
 * the (empty) basic part's delimiter and only lower-case letters are
 * digits. Returns null on failure. */
function decodeLabel(input) {
  if (StringPrototypeStartsWith(input, '-') &&
      StringPrototypeIndexOf(input, '-', 1) === -1) {
    input = StringPrototypeSlice(input, 1);
    if (input === '') return '';
  }
  if (RegExpPrototypeExec(upperAfterDelimiterRE, input) !== null) {
    // An upper-case letter after the last '-' is not a digit.
    const dash = StringPrototypeLastIndexOf(input, '-');
    const digits = StringPrototypeSlice(input, dash + 1);
    if (RegExpPrototypeExec(/[A-Z]/, digits) !== null) return null;
  }
  try {
    return punycode.decode(input);
  } catch {
    return null;
  }
}

const startsWithMarkRE = /^\p{M}/u;

/* Splits a string into an array of code points (numbers). */
function codePoints(str) {
  const out = [];
  for (let i = 0; i < str.length; i++) {
    const cp = StringPrototypeCodePointAt(str, i);
    ArrayPrototypePush(out, cp);
    if (cp > 0xFFFF) i++;
  }
  return out;
}

/* Joiner rules as Node's native IDNA code applies them: only the first
 * ZWNJ/ZWJ of a label is looked at, and its verdict decides the whole
 * label (the Bidi rule is then skipped). A ZWJ or ZWNJ after a virama is
 * fine; otherwise a ZWNJ needs some joining type L or D character before
 * it and some R or D character after it. Returns true, false, or
 * undefined when the label has no joiner. */
function joinerVerdict(t, cps) {
  for (let i = 0; i < cps.length; i++) {
    const cp = cps[i];
    if (cp !== 0x200C && cp !== 0x200D) continue;
    if (i > 0 && t.virama.has(cps[i - 1])) return true;
    if (cp === 0x200D) return false;
    if (i === 0 || i + 1 >= cps.length) return false;
    let before = false;
    for (let j = 0; j < i && !before; j++) {
      const jt = lookup(t.joining, cps[j]);
      before = jt === 76 /* L */ || jt === 68 /* D */;
    }
    let after = false;
    for (let j = i + 1; j < cps.length && !after; j++) {
      const jt = lookup(t.joining, cps[j]);
      after = jt === 82 /* R */ || jt === 68 /* D */;
    }
    return before && after;
  }
  return undefined;
}

// Bidi class letters used in the tables.
const B_L = 76;
const B_R = 82;
const B_AL = 65;
const B_AN = 78;
const B_EN = 69;
const B_ES = 83;
const B_CS = 67;
const B_ET = 84;
const B_ON = 79;
const B_BN = 66;
const B_NSM = 77;

function isLTRAllowed(b) {
  return b === B_L || b === B_EN || b === B_ES || b === B_CS || b === B_ET ||
    b === B_ON || b === B_BN || b === B_NSM;
}

function isRTLAllowed(b) {
  return b === B_R || b === B_AL || b === B_AN || b === B_EN ||
    b === B_ES || b === B_CS || b === B_ET || b === B_ON || b === B_BN ||
    b === B_NSM;
}

/* The Bidi rule (RFC 5893) the way Node's native IDNA code applies it,
 * to labels holding an R, AL or AN character: the characters between the
 * first and the last non-NSM one must suit the label's direction (LTR
 * when the first character is L); an RTL label must also end in R, AL,
 * EN or AN and not mix EN with AN. */
function bidiOk(t, cps) {
  let rtl = false;
  let hasEN = false;
  let hasAN = false;
  for (let i = 0; i < cps.length; i++) {
    const b = lookup(t.bidi, cps[i]);
    if (b === B_R || b === B_AL || b === B_AN) rtl = true;
    if (b === B_EN) hasEN = true;
    if (b === B_AN) hasAN = true;
  }
  if (!rtl) return true;
  let last = cps.length - 1;
  while (last >= 0 && lookup(t.bidi, cps[last]) === B_NSM) last--;
  if (last < 0) return false;
  if (lookup(t.bidi, cps[0]) === B_L) {
    for (let i = 1; i < last; i++) {
      if (!isLTRAllowed(lookup(t.bidi, cps[i]))) return false;
    }
    return true;
  }
  for (let i = 1; i < last; i++) {
    if (!isRTLAllowed(lookup(t.bidi, cps[i]))) return false;
  }
  if (hasEN && hasAN) return false;
  const end = lookup(t.bidi, cps[last]);
  return end === B_R || end === B_AL || end === B_EN || end === B_AN;
}

/* UTS #46 validity criteria (section 4.1) with CheckJoiners and
 * CheckBidi as Node applies them. */
function labelValid(t, label, cps) {
  if (cps.length === 0) return true;
  if (StringPrototypeNormalize(label, 'NFC') !== label) return false;
  if (RegExpPrototypeExec(startsWithMarkRE, label) !== null) return false;
  for (let i = 0; i < cps.length; i++) {
    if (cps[i] === 0x2E) return false;
    if (lookup(t.uts46, cps[i]) !== V) return false;
  }
  const joiners = joinerVerdict(t, cps);
  if (joiners !== undefined) return joiners;
  return bidiOk(t, cps);
}

/* Runs UTS #46 processing steps 1-4 on `domain`; returns the Unicode
 * labels and whether an error was recorded. */
function processDomain(domain) {
  // `ascii[i]` keeps the `xn--` form of a decoded label: Node (ada)
  // outputs such labels as they were given (lower-cased).
  const t = loadTables();
  let error = false;
  let mapped = '';
  for (let i = 0; i < domain.length; i++) {
    const cp = StringPrototypeCodePointAt(domain, i);
    const ch = codePointString(cp);
    if (cp > 0xFFFF) i++;
    const st = lookup(t.uts46, cp);
    if (st === V) mapped += ch;
    else if (st === M) mapped += mapCodePoint(t, cp, ch);
    else if (st === I) continue;
    else {
      error = true;
      mapped += ch;
    }
  }
  mapped = StringPrototypeNormalize(mapped, 'NFC');
  const labels = StringPrototypeSplit(mapped, '.');
  const ascii = [];
  for (let i = 0; i < labels.length; i++) {
    let label = labels[i];
    if (StringPrototypeStartsWith(label, 'xn--')) {
      const decoded = decodeLabel(StringPrototypeSlice(label, 4));
      if (decoded === null) {
        error = true;
        continue;
      }
      if (decoded === '') error = true;
      ascii[i] = label;
      labels[i] = label = decoded;
    }
    const cps = codePoints(label);
    if (!labelValid(t, label, cps)) error = true;
  }
  return { labels, ascii, error };
}

function isASCII(str) {
  for (let i = 0; i < str.length; i++) {
    if (StringPrototypeCharCodeAt(str, i) > 0x7F) return false;
  }
  return true;
}

const xnLabelRE = /(?:^|\.)xn--/i;

/* toASCII(domain): UTS #46 ToASCII of `domain` (a USVString), or null
 * when processing records an error. */
function toASCII(domain) {
  if (isASCII(domain) && RegExpPrototypeExec(xnLabelRE, domain) === null)
    return StringPrototypeToLowerCase(domain);
  const { labels, ascii, error } = processDomain(domain);
  if (error) return null;
  for (let i = 0; i < labels.length; i++) {
    if (ascii[i] !== undefined) {
      labels[i] = ascii[i];
    } else if (!isASCII(labels[i])) {
      try {
        labels[i] = 'xn--' + punycode.encode(labels[i]);
      } catch {
        return null;
      }
    }
  }
  return ArrayPrototypeJoin(labels, '.');
}

/* toUnicode(domain): `domain` with its ASCII `xn--` labels decoded
 * (labels that do not decode are kept as they are). */
function toUnicode(domain) {
  const labels = StringPrototypeSplit(domain, '.');
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (StringPrototypeStartsWith(label, 'xn--') && isASCII(label)) {
      const decoded = decodeLabel(StringPrototypeSlice(label, 4));
      if (decoded !== null) labels[i] = decoded;
    }
  }
  return ArrayPrototypeJoin(labels, '.');
}

module.exports = {
  toASCII,
  toUnicode,
};
