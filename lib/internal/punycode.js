// internal/punycode: RFC 3492 Punycode and the punycode module's API.
'use strict';

const {
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  ArrayPrototypeSplice,
  MathFloor,
  RangeError,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolReplace,
  StringFromCharCode,
  StringFromCodePoint,
  StringPrototypeCharCodeAt,
  StringPrototypeLastIndexOf,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeToLowerCase,
} = primordials;

const maxInt = 2147483647;  // 2^31 - 1
const base = 36;
const tMin = 1;
const tMax = 26;
const skew = 38;
const damp = 700;
const initialBias = 72;
const initialN = 128;
const delimiter = '-';

const messages = {
  'overflow': 'Overflow: input needs wider integers to process',
  'not-basic': 'Illegal input >= 0x80 (not a basic code point)',
  'invalid-input': 'Invalid input',
};

function fail(type) {
  throw new RangeError(messages[type]);
}

/* ucs2decode(string): the code points of `string`; surrogate pairs are
 * combined, lone surrogates kept as they are. */
function ucs2decode(string) {
  const output = [];
  const len = string.length;
  for (let i = 0; i < len; i++) {
    const c = StringPrototypeCharCodeAt(string, i);
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < len) {
      const d = StringPrototypeCharCodeAt(string, i + 1);
      if ((d & 0xFC00) === 0xDC00) {
        ArrayPrototypePush(output, ((c & 0x3FF) << 10) + (d & 0x3FF) + 0x10000);
        i++;
        continue;
      }
    }
    ArrayPrototypePush(output, c);
  }
  return output;
}

/* ucs2encode(codePoints): the string of an array of code points (a
 * RangeError for values that are not code points). */
function ucs2encode(codePoints) {
  let out = '';
  for (let i = 0; i < codePoints.length; i++)
    out += StringFromCodePoint(codePoints[i]);
  return out;
}

/* Digit value of a basic code point (0-9 are 26-35), or `base`. */
function digitOf(cp) {
  if (cp >= 0x30 && cp <= 0x39) return cp - 22;
  if (cp >= 0x41 && cp <= 0x5A) return cp - 0x41;
  if (cp >= 0x61 && cp <= 0x7A) return cp - 0x61;
  return base;
}

/* Basic code point of digit `d` (lower case). */
function basicOf(d) {
  return d < 26 ? d + 97 : d + 22;
}

function adapt(delta, numPoints, firstTime) {
  delta = firstTime ? MathFloor(delta / damp) : delta >> 1;
  delta += MathFloor(delta / numPoints);
  let k = 0;
  while (delta > ((base - tMin) * tMax) >> 1) {
    delta = MathFloor(delta / (base - tMin));
    k += base;
  }
  return MathFloor(k + (base - tMin + 1) * delta / (delta + skew));
}

function threshold(k, bias) {
  if (k <= bias) return tMin;
  if (k >= bias + tMax) return tMax;
  return k - bias;
}

/* decode(input): the Unicode string of a Punycode string of ASCII code
 * points. Throws RangeError on malformed input. */
function decode(input) {
  const output = [];
  const inputLength = input.length;
  let basic = StringPrototypeLastIndexOf(input, delimiter);
  if (basic < 0) basic = 0;
  for (let j = 0; j < basic; j++) {
    const c = StringPrototypeCharCodeAt(input, j);
    if (c >= 0x80) fail('not-basic');
    ArrayPrototypePush(output, c);
  }
  let n = initialN;
  let i = 0;
  let bias = initialBias;
  for (let index = basic > 0 ? basic + 1 : 0; index < inputLength;) {
    const oldi = i;
    let w = 1;
    for (let k = base; ; k += base) {
      if (index >= inputLength) fail('invalid-input');
      const digit = digitOf(StringPrototypeCharCodeAt(input, index++));
      if (digit >= base) fail('invalid-input');
      if (digit > MathFloor((maxInt - i) / w)) fail('overflow');
      i += digit * w;
      const t = threshold(k, bias);
      if (digit < t) break;
      if (w > MathFloor(maxInt / (base - t))) fail('overflow');
      w *= base - t;
    }
    const out = output.length + 1;
    bias = adapt(i - oldi, out, oldi === 0);
    if (MathFloor(i / out) > maxInt - n) fail('overflow');
    n += MathFloor(i / out);
    i %= out;
    ArrayPrototypeSplice(output, i++, 0, n);
  }
  return ucs2encode(output);
}

/* encode(input): the Punycode (ASCII) form of a Unicode string. */
function encode(input) {
  const cps = ucs2decode(input);
  const inputLength = cps.length;
  let output = '';
  for (let j = 0; j < inputLength; j++) {
    if (cps[j] < 0x80) output += StringFromCharCode(cps[j]);
  }
  const basicLength = output.length;
  let handled = basicLength;
  if (basicLength) output += delimiter;
  let n = initialN;
  let delta = 0;
  let bias = initialBias;
  while (handled < inputLength) {
    let m = maxInt;
    for (let j = 0; j < inputLength; j++) {
      if (cps[j] >= n && cps[j] < m) m = cps[j];
    }
    const next = handled + 1;
    if (m - n > MathFloor((maxInt - delta) / next)) fail('overflow');
    delta += (m - n) * next;
    n = m;
    for (let j = 0; j < inputLength; j++) {
      const cp = cps[j];
      if (cp < n && ++delta > maxInt) fail('overflow');
      if (cp === n) {
        let q = delta;
        for (let k = base; ; k += base) {
          const t = threshold(k, bias);
          if (q < t) break;
          const qMinusT = q - t;
          const baseMinusT = base - t;
          output += StringFromCharCode(basicOf(t + qMinusT % baseMinusT));
          q = MathFloor(qMinusT / baseMinusT);
        }
        output += StringFromCharCode(basicOf(q));
        bias = adapt(delta, next, handled === basicLength);
        delta = 0;
        handled++;
      }
    }
    delta++;
    n++;
  }
  return output;
}

const separatorsRE = /[\x2E\u3002\uFF0E\uFF61]/g;
const nonASCIIRE = /[^\0-\x7F]/;
const punycodePrefixRE = /^xn--/;

/* Applies `fn` to each label of a domain (or of the part after '@' of an
 * email address), after normalizing the label separators to '.'. */
function mapDomain(domain, fn) {
  const parts = StringPrototypeSplit(domain, '@');
  let result = '';
  if (parts.length > 1) {
    result = parts[0] + '@';
    domain = parts[1];
  }
  domain = RegExpPrototypeSymbolReplace(separatorsRE, domain, '.');
  const labels = StringPrototypeSplit(domain, '.');
  // Labels are converted last to first (which decides the error thrown).
  for (let i = labels.length - 1; i >= 0; i--) labels[i] = fn(labels[i]);
  return result + ArrayPrototypeJoin(labels, '.');
}

/* toASCII(input): the domain (or email) with its non-ASCII labels
 * Punycode-encoded and prefixed with `xn--`. */
function toASCII(input) {
  return mapDomain(input, (label) =>
    (RegExpPrototypeExec(nonASCIIRE, label) !== null ?
      'xn--' + encode(label) : label));
}

/* toUnicode(input): the domain (or email) with its `xn--` labels
 * decoded. */
function toUnicode(input) {
  return mapDomain(input, (label) =>
    (RegExpPrototypeExec(punycodePrefixRE, label) !== null ?
      decode(StringPrototypeToLowerCase(StringPrototypeSlice(label, 4))) :
      label));
}

module.exports = {
  version: '2.1.0',
  ucs2: {
    decode: ucs2decode,
    encode: ucs2encode,
  },
  decode,
  encode,
  toASCII,
  toUnicode,
};
