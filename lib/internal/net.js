'use strict';
// internal/net.js - IP address syntax checks and small helpers shared by
// net, dgram, dns and the stream handles.

const {
  RegExpPrototypeExec,
  StringPrototypeIndexOf,
  StringPrototypeLastIndexOf,
  StringPrototypeSlice,
  StringPrototypeSplit,
  Symbol,
} = primordials;

const dec8 = '(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])';
const ipv4Re = new RegExp(`^(?:${dec8}\\.){3}${dec8}$`);
const hexGroupRe = /^[0-9a-fA-F]{1,4}$/;
const zoneRe = /^[0-9a-zA-Z.:-]+$/;

/* isIPv4(s) -> true when the string is a dotted-quad IPv4 address. */
function isIPv4(s) {
  return RegExpPrototypeExec(ipv4Re, `${s}`) !== null;
}

function allHexGroups(groups) {
  for (let i = 0; i < groups.length; i++) {
    if (RegExpPrototypeExec(hexGroupRe, groups[i]) === null) return false;
  }
  return true;
}

/* isIPv6(s) -> true for an RFC 4291 text address with optional embedded
 * IPv4 tail and optional %zone. */
function isIPv6(s) {
  let addr = `${s}`;
  const pct = StringPrototypeIndexOf(addr, '%');
  if (pct !== -1) {
    if (RegExpPrototypeExec(zoneRe, StringPrototypeSlice(addr, pct + 1)) ===
        null) {
      return false;
    }
    addr = StringPrototypeSlice(addr, 0, pct);
  }
  const lastColon = StringPrototypeLastIndexOf(addr, ':');
  if (lastColon === -1) return false;
  const tail = StringPrototypeSlice(addr, lastColon + 1);
  if (StringPrototypeIndexOf(tail, '.') !== -1) {
    // An embedded IPv4 address stands for two 16-bit groups.
    if (!isIPv4(tail)) return false;
    addr = `${StringPrototypeSlice(addr, 0, lastColon + 1)}0:0`;
  }
  const gap = StringPrototypeIndexOf(addr, '::');
  if (gap === -1) {
    const groups = StringPrototypeSplit(addr, ':');
    return groups.length === 8 && allHexGroups(groups);
  }
  if (StringPrototypeIndexOf(addr, '::', gap + 1) !== -1) return false;
  const head = StringPrototypeSlice(addr, 0, gap);
  const rest = StringPrototypeSlice(addr, gap + 2);
  const headGroups = head === '' ? [] : StringPrototypeSplit(head, ':');
  const restGroups = rest === '' ? [] : StringPrototypeSplit(rest, ':');
  return headGroups.length + restGroups.length <= 7 &&
    allHexGroups(headGroups) && allHexGroups(restGroups);
}

/* isIP(s) -> 4, 6 or 0. */
function isIP(s) {
  if (isIPv4(s)) return 4;
  if (isIPv6(s)) return 6;
  return 0;
}

/* A writev-less synchronous write to an fd for stdio sockets:
 * makeSyncWrite(fd) returns a Writable#_write implementation. */
function makeSyncWrite(fd) {
  return function(chunk, enc, cb) {
    const { Buffer } = require('buffer');
    if (enc !== 'buffer') chunk = Buffer.from(chunk, enc);
    try {
      require('fs').writeSync(fd, chunk, 0, chunk.length);
    } catch (err) {
      cb(err);
      return;
    }
    cb();
  };
}

module.exports = {
  isIP,
  isIPv4,
  isIPv6,
  makeSyncWrite,
  normalizedArgsSymbol: Symbol('normalizedArgs'),
};
