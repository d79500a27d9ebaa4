'use strict';
// internal/dns/hosts.js - /etc/hosts for reverse lookups (c-ares consults
// it before DNS) and the IPv6 text-to-bytes helper they share.

const {
  ArrayPrototypeSlice,
  NumberParseInt,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeTrim,
} = primordials;

const { isIP } = require('internal/net');

/* The 16 bytes of an IPv6 address in text form (zone ignored). */
function ipv6Bytes(ip) {
  const bytes = new Array(16).fill(0);
  let text = ip;
  const pct = StringPrototypeIndexOf(text, '%');
  if (pct !== -1) text = StringPrototypeSlice(text, 0, pct);
  const words = [];
  const gap = StringPrototypeIndexOf(text, '::');
  const toWords = (part) => {
    const out = [];
    if (part === '') return out;
    for (const group of StringPrototypeSplit(part, ':')) {
      if (StringPrototypeIndexOf(group, '.') !== -1) {
        const o = StringPrototypeSplit(group, '.');
        out.push((+o[0] << 8) | +o[1], (+o[2] << 8) | +o[3]);
      } else {
        out.push(NumberParseInt(group, 16));
      }
    }
    return out;
  };
  if (gap === -1) {
    words.push(...toWords(text));
  } else {
    const head = toWords(StringPrototypeSlice(text, 0, gap));
    const tail = toWords(StringPrototypeSlice(text, gap + 2));
    words.push(...head);
    for (let i = head.length + tail.length; i < 8; i++) words.push(0);
    words.push(...tail);
  }
  for (let i = 0; i < 8; i++) {
    bytes[2 * i] = words[i] >> 8;
    bytes[2 * i + 1] = words[i] & 0xff;
  }
  return bytes;
}

function sameAddress(a, b, family) {
  if (family === 4) return a === b;
  const x = ipv6Bytes(a);
  const y = ipv6Bytes(b);
  for (let i = 0; i < 16; i++) if (x[i] !== y[i]) return false;
  return true;
}

/* The aliases (names after the first) of the first /etc/hosts line for
 * `ip`, or null when no line names it. */
function hostsAliases(ip, family) {
  let text;
  try {
    text = require('fs').readFileSync('/etc/hosts', 'latin1');
  } catch {
    return null;
  }
  for (const raw of StringPrototypeSplit(text, '\n')) {
    let line = raw;
    const hash = StringPrototypeIndexOf(line, '#');
    if (hash !== -1) line = StringPrototypeSlice(line, 0, hash);
    line = StringPrototypeTrim(line);
    if (line === '') continue;
    const words = StringPrototypeSplit(line, /\s+/);
    if (words.length < 2 || isIP(words[0]) !== family) continue;
    if (sameAddress(words[0], ip, family)) {
      return ArrayPrototypeSlice(words, 2);
    }
  }
  return null;
}

module.exports = { hostsAliases, ipv6Bytes };
