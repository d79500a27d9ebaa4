'use strict';
// internal/socketaddress.js - net.SocketAddress (an IP address, port,
// family and IPv6 flow label), and the address arithmetic BlockList uses:
// parsing to a 128-bit BigInt (IPv4 as ::ffff:a.b.c.d) and canonical text.

const {
  BigInt,
  Number,
  NumberParseInt,
  StringPrototypeIndexOf,
  StringPrototypeLastIndexOf,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeToLowerCase,
  Symbol,
} = primordials;

const {
  codes,
  codes: { ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const {
  validateObject,
  validatePort,
  validateString,
  validateUint32,
} = require('internal/validators');
const { isIPv4, isIPv6 } = require('internal/net');
const { customInspectSymbol: kInspect } = require('internal/util');

const kHandle = Symbol('kHandle');
const kDetail = Symbol('kDetail');

const V4_MAPPED = 0xffffn << 32n;

/* ERR_INVALID_ADDRESS ('Invalid socket address'). */
function invalidAddressError() {
  if (codes.ERR_INVALID_ADDRESS !== undefined) {
    return new codes.ERR_INVALID_ADDRESS();
  }
  // eslint-disable-next-line no-restricted-syntax
  const err = new Error('Invalid socket address');
  err.code = 'ERR_INVALID_ADDRESS';
  return err;
}

/* The IPv4 dotted quad `s` as a 32-bit BigInt (s must be valid). */
function v4ToBigInt(s) {
  const parts = StringPrototypeSplit(s, '.');
  let n = 0n;
  for (let i = 0; i < 4; i++) n = (n << 8n) | BigInt(Number(parts[i]));
  return n;
}

/* The 8 16-bit groups of a valid IPv6 text address (zone dropped). */
function v6Groups(s) {
  const pct = StringPrototypeIndexOf(s, '%');
  if (pct !== -1) s = StringPrototypeSlice(s, 0, pct);
  let tail = [];
  const lastColon = StringPrototypeLastIndexOf(s, ':');
  const last = StringPrototypeSlice(s, lastColon + 1);
  if (StringPrototypeIndexOf(last, '.') !== -1) {
    const v4 = Number(v4ToBigInt(last));
    tail = [(v4 >>> 16) & 0xffff, v4 & 0xffff];
    s = StringPrototypeSlice(s, 0, lastColon + 1);
    if (s[s.length - 2] !== ':') s = StringPrototypeSlice(s, 0, -1);
  }
  const hex = (g) => NumberParseInt(g, 16);
  const gap = StringPrototypeIndexOf(s, '::');
  let groups;
  if (gap === -1) {
    groups = s === '' ? [] : StringPrototypeSplit(s, ':').map(hex);
  } else {
    const head = StringPrototypeSlice(s, 0, gap);
    const rest = StringPrototypeSlice(s, gap + 2);
    const h = head === '' ? [] : StringPrototypeSplit(head, ':').map(hex);
    const r = rest === '' ? [] : StringPrototypeSplit(rest, ':').map(hex);
    const fill = 8 - h.length - r.length - tail.length;
    groups = [...h];
    for (let i = 0; i < fill; i++) groups.push(0);
    groups.push(...r);
  }
  groups.push(...tail);
  return groups;
}

/* parseAddress(text, family) -> 128-bit BigInt (IPv4 mapped into
 * ::ffff:0:0/96), or undefined when text is not an address of family. */
function parseAddress(text, family) {
  if (family === 'ipv4') {
    if (!isIPv4(text)) return undefined;
    return V4_MAPPED | v4ToBigInt(text);
  }
  if (!isIPv6(text)) return undefined;
  const groups = v6Groups(text);
  let n = 0n;
  for (let i = 0; i < 8; i++) n = (n << 16n) | BigInt(groups[i]);
  return n;
}

/* Canonical text of a 128-bit address of `family` (as inet_ntop). */
function formatAddress(n, family) {
  if (family === 'ipv4') {
    const v = Number(n & 0xffffffffn);
    return `${v >>> 24}.${(v >>> 16) & 255}.${(v >>> 8) & 255}.${v & 255}`;
  }
  const words = [];
  for (let i = 7; i >= 0; i--) {
    words.push(Number((n >> BigInt(i * 16)) & 0xffffn));
  }
  // The longest run (of at least two) zero groups becomes '::'.
  let bestBase = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen) {
      bestBase = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestLen < 2) bestBase = -1;
  let out = '';
  for (let i = 0; i < 8; i++) {
    if (bestBase !== -1 && i >= bestBase && i < bestBase + bestLen) {
      if (i === bestBase) out += ':';
      continue;
    }
    if (i !== 0) out += ':';
    if (i === 6 && bestBase === 0 &&
        (bestLen === 6 || (bestLen === 5 && words[5] === 0xffff))) {
      return out + formatAddress(n, 'ipv4');
    }
    out += words[i].toString(16);
  }
  if (bestBase !== -1 && bestBase + bestLen === 8) out += ':';
  return out;
}

/* 'ipv4' or 'ipv6' from a case-insensitive family name, else throws. */
function normalizeFamily(family, name) {
  validateString(family, name);
  const lower = StringPrototypeToLowerCase(family);
  if (lower !== 'ipv4' && lower !== 'ipv6') {
    throw new ERR_INVALID_ARG_VALUE(name, family);
  }
  return lower;
}

/* new SocketAddress([{ address, port, family, flowlabel }]) */
class SocketAddress {
  static isSocketAddress(value) {
    return value?.[kHandle] !== undefined;
  }

  constructor(options = {}) {
    validateObject(options, 'options');
    let { family = 'ipv4' } = options;
    if (typeof family === 'string') family = StringPrototypeToLowerCase(family);
    if (family !== 'ipv4' && family !== 'ipv6') {
      throw new ERR_INVALID_ARG_VALUE('options.family', options.family);
    }
    const {
      address = (family === 'ipv6' ? '::' : '127.0.0.1'),
      port = 0,
      flowlabel = 0,
    } = options;
    validateString(address, 'options.address');
    validatePort(port, 'options.port');
    validateUint32(flowlabel, 'options.flowlabel', false);
    const value = parseAddress(address, family);
    if (value === undefined) throw invalidAddressError();
    this[kHandle] = {
      address: formatAddress(value, family),
      port: port | 0,
      family,
      flowlabel,
    };
    this[kDetail] = value;
  }

  get address() { return this[kHandle].address; }

  get port() { return this[kHandle].port; }

  get family() { return this[kHandle].family; }

  get flowlabel() { return this[kHandle].flowlabel; }

  [kInspect](depth, options) {
    if (depth < 0) return this;
    const opts = { ...options, depth: options.depth == null ? null :
      options.depth - 1 };
    return `SocketAddress ${require('internal/util/inspect').inspect(
      this.toJSON(), opts)}`;
  }

  toJSON() {
    return {
      address: this.address,
      port: this.port,
      family: this.family,
      flowlabel: this.flowlabel,
    };
  }
}

/* A SocketAddress made from an already parsed { address, port, family,
 * flowlabel } record (family 'ipv4'/'ipv6' or AF_INET/AF_INET6 numbers). */
class InternalSocketAddress extends SocketAddress {
  constructor(handle) {
    const family = handle.family === 'ipv6' || handle.family === 10 ||
      handle.family === 'IPv6' ? 'ipv6' : 'ipv4';
    super({
      address: handle.address,
      port: handle.port,
      family,
      flowlabel: handle.flowlabel ?? 0,
    });
  }
}

module.exports = {
  SocketAddress,
  InternalSocketAddress,
  formatAddress,
  invalidAddressError,
  kDetail,
  normalizeFamily,
  parseAddress,
};
