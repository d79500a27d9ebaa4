'use strict';
// internal/blocklist.js - net.BlockList: rules (single addresses, ranges,
// subnets) that IP addresses are checked against. IPv4 addresses live in
// the IPv4-mapped part of the IPv6 space, so an IPv4 rule also matches
// ::ffff:a.b.c.d and the other way round.

const {
  ArrayPrototypeMap,
  ArrayPrototypeUnshift,
  BigInt,
  Symbol,
} = primordials;

const {
  codes: { ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const {
  validateInt32,
  validateString,
} = require('internal/validators');
const {
  SocketAddress,
  invalidAddressError,
  kDetail,
  normalizeFamily,
  parseAddress,
} = require('internal/socketaddress');
const { customInspectSymbol: kInspect } = require('internal/util');

const kRules = Symbol('kRules');

const ALL_ONES = (1n << 128n) - 1n;

/* The 128-bit value and family of a SocketAddress or (address, family);
 * throws ERR_INVALID_ADDRESS for text that is not an address. */
function toValue(address, family, name) {
  if (SocketAddress.isSocketAddress(address)) {
    return { value: address[kDetail], family: address.family,
             text: address.address };
  }
  validateString(address, name);
  family = normalizeFamily(family, 'family');
  const value = parseAddress(address, family);
  if (value === undefined) throw invalidAddressError();
  return { value, family, text: address };
}

function familyLabel(family) {
  return family === 'ipv4' ? 'IPv4' : 'IPv6';
}

/* new BlockList() */
class BlockList {
  constructor() {
    this[kRules] = [];
  }

  [kInspect](depth, options) {
    if (depth < 0) return '[BlockList]';
    const opts = { ...options, depth: options.depth == null ? null :
      options.depth - 1 };
    return `BlockList ${require('internal/util/inspect').inspect(
      { rules: this.rules }, opts)}`;
  }

  /* addAddress(address[, family='ipv4']) */
  addAddress(address, family = 'ipv4') {
    const a = toValue(address, family, 'address');
    ArrayPrototypeUnshift(this[kRules], {
      low: a.value, high: a.value,
      text: `Address: ${familyLabel(a.family)} ${formatRuleAddress(a)}`,
    });
  }

  /* addRange(start, end[, family='ipv4']): start <= end, inclusive. */
  addRange(start, end, family = 'ipv4') {
    const a = toValue(start, family, 'start');
    const b = toValue(end, family, 'end');
    if (a.value > b.value) {
      throw new ERR_INVALID_ARG_VALUE('start', start instanceof SocketAddress ?
        start : new SocketAddress({ address: start, family: a.family }),
                                      'must come before end');
    }
    ArrayPrototypeUnshift(this[kRules], {
      low: a.value, high: b.value,
      text: `Range: ${familyLabel(a.family)} ${formatRuleAddress(a)}-` +
            `${formatRuleAddress(b)}`,
    });
  }

  /* addSubnet(network, prefix[, family='ipv4']) */
  addSubnet(network, prefix, family = 'ipv4') {
    let fam;
    if (SocketAddress.isSocketAddress(network)) {
      fam = network.family;
    } else {
      validateString(network, 'network');
      fam = normalizeFamily(family, 'family');
    }
    validateInt32(prefix, 'prefix', 0, fam === 'ipv4' ? 32 : 128);
    const a = toValue(network, fam, 'network');
    const bits = BigInt(fam === 'ipv4' ? prefix + 96 : prefix);
    const hostMask = ALL_ONES >> bits;
    const low = a.value & (ALL_ONES ^ hostMask);
    ArrayPrototypeUnshift(this[kRules], {
      low, high: low | hostMask,
      text: `Subnet: ${familyLabel(a.family)} ${formatRuleAddress(a)}/` +
            `${prefix}`,
    });
  }

  /* check(address[, family='ipv4']) -> whether a rule matches. Text that
   * is not an address of that family never matches. */
  check(address, family = 'ipv4') {
    let value;
    if (SocketAddress.isSocketAddress(address)) {
      value = address[kDetail];
    } else {
      validateString(address, 'address');
      validateString(family, 'family');
      const lower = family.toLowerCase();
      if (lower !== 'ipv4' && lower !== 'ipv6') return false;
      value = parseAddress(address, lower);
      if (value === undefined) return false;
    }
    const rules = this[kRules];
    for (let i = 0; i < rules.length; i++) {
      if (value >= rules[i].low && value <= rules[i].high) return true;
    }
    return false;
  }

  /* The rules as text, newest first. */
  get rules() {
    return ArrayPrototypeMap(this[kRules], (rule) => rule.text);
  }
}

function formatRuleAddress(a) {
  const sa = new SocketAddress({ address: a.text, family: a.family });
  return sa.address;
}

module.exports = {
  BlockList,
};
