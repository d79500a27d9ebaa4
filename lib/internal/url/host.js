// internal/url/host: the URL Standard's host parser and serializer.
'use strict';

const {
  ArrayPrototypeJoin,
  ArrayPrototypePop,
  NumberParseInt,
  NumberPrototypeToString,
  RegExpPrototypeExec,
  StringPrototypeCharCodeAt,
  StringPrototypeLastIndexOf,
  StringPrototypeSlice,
  StringPrototypeSplit,
} = primordials;

const {
  C0_CONTROL,
  percentDecode,
  percentEncode,
} = require('internal/url/percent');
const idna = require('internal/idna');

// Forbidden host code points (opaque hosts).
const forbiddenHostRE = /[\0\t\n\r #/:<>?@[\\\]^|]/;
// Forbidden domain code points: the above plus C0 controls, % and DEL.
const forbiddenDomainRE = /[\0-\x20#%/:<>?@[\\\]^|\x7F]/;

function isDigits(str, re) {
  return RegExpPrototypeExec(re, str) !== null;
}

const decimalRE = /^[0-9]+$/;
const hexRE = /^[0-9a-fA-F]*$/;
const octalRE = /^[0-7]*$/;

/* IPv4 number parser: a number, or -1 on failure. */
function parseIPv4Number(str) {
  if (str === '') return -1;
  let radix = 10;
  if (str.length >= 2 && str[0] === '0' && (str[1] === 'x' || str[1] === 'X')) {
    str = StringPrototypeSlice(str, 2);
    radix = 16;
  } else if (str.length >= 2 && str[0] === '0') {
    str = StringPrototypeSlice(str, 1);
    radix = 8;
  }
  if (str === '') return 0;
  if (radix === 10 && !isDigits(str, decimalRE)) return -1;
  if (radix === 16 && !isDigits(str, hexRE)) return -1;
  if (radix === 8 && !isDigits(str, octalRE)) return -1;
  return NumberParseInt(str, radix);
}

/* True when the last label of a domain looks numeric, so that the host
 * must be parsed as IPv4. */
function endsInANumber(str) {
  let end = str.length;
  if (end > 0 && str[end - 1] === '.') {
    if (end === 1) return false;
    end--;
  }
  const start = StringPrototypeLastIndexOf(str, '.', end - 1) + 1;
  const last = StringPrototypeSlice(str, start, end);
  if (last !== '' && isDigits(last, decimalRE)) return true;
  return parseIPv4Number(last) !== -1;
}

/* IPv4 parser: the 32-bit address, or -1 on failure. */
function parseIPv4(str) {
  const parts = StringPrototypeSplit(str, '.');
  if (parts[parts.length - 1] === '' && parts.length > 1)
    ArrayPrototypePop(parts);
  if (parts.length > 4) return -1;
  const numbers = [];
  for (let i = 0; i < parts.length; i++) {
    const n = parseIPv4Number(parts[i]);
    if (n === -1) return -1;
    numbers[i] = n;
  }
  for (let i = 0; i < numbers.length - 1; i++) {
    if (numbers[i] > 255) return -1;
  }
  const last = numbers[numbers.length - 1];
  if (last >= 256 ** (5 - numbers.length)) return -1;
  let ipv4 = last;
  for (let i = 0; i < numbers.length - 1; i++)
    ipv4 += numbers[i] * 256 ** (3 - i);
  return ipv4;
}

function serializeIPv4(addr) {
  const out = [];
  for (let i = 3; i >= 0; i--) {
    out[i] = `${addr % 256}`;
    addr = (addr - addr % 256) / 256;
  }
  return ArrayPrototypeJoin(out, '.');
}

function hexDigit(c) {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

function isASCIIDigit(c) {
  return c >= 0x30 && c <= 0x39;
}

/* IPv6 parser: an array of 8 pieces, or null on failure. */
function parseIPv6(input) {
  const address = [0, 0, 0, 0, 0, 0, 0, 0];
  let pieceIndex = 0;
  let compress = null;
  let p = 0;
  const len = input.length;
  const at = (i) => (i < len ? StringPrototypeCharCodeAt(input, i) : -1);
  if (at(p) === 0x3A) {
    if (at(p + 1) !== 0x3A) return null;
    p += 2;
    pieceIndex++;
    compress = pieceIndex;
  }
  while (at(p) !== -1) {
    if (pieceIndex === 8) return null;
    if (at(p) === 0x3A) {
      if (compress !== null) return null;
      p++;
      pieceIndex++;
      compress = pieceIndex;
      continue;
    }
    let value = 0;
    let length = 0;
    while (length < 4 && hexDigit(at(p)) !== -1) {
      value = value * 0x10 + hexDigit(at(p));
      p++;
      length++;
    }
    if (at(p) === 0x2E) {
      if (length === 0) return null;
      p -= length;
      if (pieceIndex > 6) return null;
      let numbersSeen = 0;
      while (at(p) !== -1) {
        let ipv4Piece = null;
        if (numbersSeen > 0) {
          if (at(p) === 0x2E && numbersSeen < 4) p++;
          else return null;
        }
        if (!isASCIIDigit(at(p))) return null;
        while (isASCIIDigit(at(p))) {
          const number = at(p) - 0x30;
          if (ipv4Piece === null) ipv4Piece = number;
          else if (ipv4Piece === 0) return null;
          else ipv4Piece = ipv4Piece * 10 + number;
          if (ipv4Piece > 255) return null;
          p++;
        }
        address[pieceIndex] = address[pieceIndex] * 0x100 + ipv4Piece;
        numbersSeen++;
        if (numbersSeen === 2 || numbersSeen === 4) pieceIndex++;
      }
      if (numbersSeen !== 4) return null;
      break;
    } else if (at(p) === 0x3A) {
      p++;
      if (at(p) === -1) return null;
    } else if (at(p) !== -1) {
      return null;
    }
    address[pieceIndex] = value;
    pieceIndex++;
  }
  if (compress !== null) {
    let swaps = pieceIndex - compress;
    pieceIndex = 7;
    while (pieceIndex !== 0 && swaps > 0) {
      const tmp = address[compress + swaps - 1];
      address[compress + swaps - 1] = address[pieceIndex];
      address[pieceIndex] = tmp;
      pieceIndex--;
      swaps--;
    }
  } else if (pieceIndex !== 8) {
    return null;
  }
  return address;
}

/* '[...]' text of an IPv6 address, compressing the first longest run of
 * two or more zero pieces. */
function serializeIPv6(address) {
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8;) {
    if (address[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && address[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  let out = '[';
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      out += i === 0 ? '::' : ':';
      i += bestLen - 1;
      continue;
    }
    out += NumberPrototypeToString(address[i], 16);
    if (i !== 7) out += ':';
  }
  return out + ']';
}

/* Domain to ASCII (beStrict false): the ASCII domain or null. */
function domainToASCIIInternal(domain) {
  const result = idna.toASCII(domain);
  if (result === null || result === '') return null;
  return result;
}

/* parseHost(input, isOpaque): the serialized host (a domain, dotted IPv4,
 * '[IPv6]' or an opaque host) or null on failure. `isOpaque` is true for
 * URLs with non-special schemes. */
function parseHost(input, isOpaque) {
  if (input[0] === '[') {
    if (input[input.length - 1] !== ']') return null;
    const address = parseIPv6(StringPrototypeSlice(input, 1, -1));
    return address === null ? null : serializeIPv6(address);
  }
  if (isOpaque) {
    if (RegExpPrototypeExec(forbiddenHostRE, input) !== null) return null;
    return percentEncode(input, C0_CONTROL);
  }
  const domain = percentDecode(input);
  const asciiDomain = domainToASCIIInternal(domain);
  if (asciiDomain === null) return null;
  if (RegExpPrototypeExec(forbiddenDomainRE, asciiDomain) !== null)
    return null;
  if (endsInANumber(asciiDomain)) {
    const ipv4 = parseIPv4(asciiDomain);
    return ipv4 === -1 ? null : serializeIPv4(ipv4);
  }
  return asciiDomain;
}

/* hostToUnicode(host): a serialized host with its punycode labels
 * decoded (for url.domainToUnicode and legacy url.format). */
function hostToUnicode(host) {
  if (host[0] === '[') return host;
  return idna.toUnicode(host);
}

module.exports = {
  parseHost,
  hostToUnicode,
  parseIPv4,
  parseIPv6,
  serializeIPv4,
  serializeIPv6,
  forbiddenHostRE,
  forbiddenDomainRE,
};
