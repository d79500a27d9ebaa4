'use strict';
// internal/dns/packet.js - the DNS wire format (RFC 1035) for the resolver
// in internal/dns/channel.js: query encoding, response decoding, and the
// record parsers that give resolve*() their result shapes.

const {
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  NumberPrototypeToString,
  StringFromCharCode,
  StringPrototypePadStart,
  StringPrototypeToLowerCase,
} = primordials;

const { Buffer } = require('buffer');

const TYPES = {
  A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16, AAAA: 28,
  SRV: 33, NAPTR: 35, ANY: 255, CAA: 257,
};
const CLASS_IN = 1;

const RCODE = {
  NOERROR: 0, FORMERR: 1, SERVFAIL: 2, NXDOMAIN: 3, NOTIMP: 4, REFUSED: 5,
};

// A decoding failure; the resolver reports it as EBADRESP.
class BadResponse extends Error {}

function bad() {
  throw new BadResponse('bad DNS response');
}

/* Encodes a dotted name as wire labels; returns an array of bytes, or null
 * when a label is empty or too long, or the name exceeds 255 bytes.
 * `\.` and `\\` escape a dot or backslash inside a label. */
function encodeName(name) {
  const out = [];
  let label = [];
  const flush = () => {
    if (label.length === 0 || label.length > 63) return false;
    ArrayPrototypePush(out, label.length);
    for (let i = 0; i < label.length; i++) ArrayPrototypePush(out, label[i]);
    label = [];
    return true;
  };
  const bytes = Buffer.from(name, 'utf8');
  for (let i = 0; i < bytes.length; i++) {
    let c = bytes[i];
    if (c === 0x5c /* \ */ && i + 1 < bytes.length) {
      c = bytes[++i];
      ArrayPrototypePush(label, c);
      continue;
    }
    if (c === 0x2e /* . */) {
      // A single trailing dot (or the root name '.') ends the name.
      if (i === bytes.length - 1 && label.length > 0) break;
      if (bytes.length === 1) break;
      if (!flush()) return null;
      continue;
    }
    ArrayPrototypePush(label, c);
  }
  if (label.length > 0 && !flush()) return null;
  ArrayPrototypePush(out, 0);
  if (out.length > 255) return null;
  return out;
}

/* A query message: header with recursion desired, one question. Returns a
 * Buffer, or null when `name` cannot be encoded. */
function encodeQuery(id, name, type) {
  const qname = encodeName(name);
  if (qname === null) return null;
  const buf = Buffer.alloc(12 + qname.length + 4);
  buf.writeUInt16BE(id, 0);
  buf.writeUInt16BE(0x0100, 2);  // RD
  buf.writeUInt16BE(1, 4);
  for (let i = 0; i < qname.length; i++) buf[12 + i] = qname[i];
  buf.writeUInt16BE(type, 12 + qname.length);
  buf.writeUInt16BE(CLASS_IN, 14 + qname.length);
  return buf;
}

/* Text form of a label byte as c-ares writes it: '.' and '\' escaped,
 * unprintable bytes as \DDD. */
function labelChar(c) {
  if (c < 0x20 || c > 0x7e) {
    return '\\' + StringPrototypePadStart(NumberPrototypeToString(c, 10), 3,
                                          '0');
  }
  if (c === 0x2e || c === 0x5c) return '\\' + StringFromCharCode(c);
  return StringFromCharCode(c);
}

/* True for the bytes c-ares accepts in host names: [A-Za-z0-9._/-]. */
function isHostnameByte(c) {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) ||
    (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e || c === 0x5f ||
    c === 0x2f;
}

/* Reads a possibly compressed name at `offset`; returns [name, next] where
 * `next` is the offset after the name in the original position. With
 * `hostname`, a byte outside [A-Za-z0-9._/-] makes the reply bad. */
function readName(buf, offset, hostname = false) {
  const labels = [];
  let next = -1;
  let jumps = 0;
  let pos = offset;
  for (;;) {
    if (pos >= buf.length) bad();
    const len = buf[pos];
    if ((len & 0xc0) === 0xc0) {
      if (pos + 1 >= buf.length || ++jumps > 64) bad();
      if (next === -1) next = pos + 2;
      pos = ((len & 0x3f) << 8) | buf[pos + 1];
      continue;
    }
    if ((len & 0xc0) !== 0) bad();
    if (len === 0) {
      if (next === -1) next = pos + 1;
      break;
    }
    if (pos + 1 + len > buf.length) bad();
    let s = '';
    for (let i = 0; i < len; i++) {
      const c = buf[pos + 1 + i];
      if (hostname && !isHostnameByte(c)) bad();
      s += labelChar(c);
    }
    ArrayPrototypePush(labels, s);
    pos += 1 + len;
  }
  return [ArrayPrototypeJoin(labels, '.'), next];
}

/* Decodes the header and question section of a message into { id, qr,
 * tc, rcode, ancount, questions, answers: null, next } (`next` is where
 * the answers start). Throws BadResponse when that part is malformed. */
function decodeMessage(buf) {
  if (buf.length < 12) bad();
  const flags = buf.readUInt16BE(2);
  const msg = {
    id: buf.readUInt16BE(0),
    qr: (flags & 0x8000) !== 0,
    tc: (flags & 0x0200) !== 0,
    rcode: flags & 0x000f,
    ancount: buf.readUInt16BE(6),
    questions: [],
    answers: null,
    next: 12,
  };
  const qdcount = buf.readUInt16BE(4);
  let pos = 12;
  for (let i = 0; i < qdcount; i++) {
    const { 0: name, 1: next } = readName(buf, pos);
    if (next + 4 > buf.length) bad();
    ArrayPrototypePush(msg.questions, {
      name, type: buf.readUInt16BE(next), cls: buf.readUInt16BE(next + 2),
    });
    pos = next + 4;
  }
  msg.next = pos;
  return msg;
}

/* Decodes the answer section of `msg` (from decodeMessage): each answer
 * is { name, type, cls, ttl, start, end } (the rdata bounds). Throws
 * BadResponse when it is malformed or shorter than the header says. */
function decodeAnswers(buf, msg) {
  const answers = [];
  let pos = msg.next;
  for (let i = 0; i < msg.ancount; i++) {
    const { 0: name, 1: next } = readName(buf, pos);
    if (next + 10 > buf.length) bad();
    const rdlength = buf.readUInt16BE(next + 8);
    const start = next + 10;
    if (start + rdlength > buf.length) bad();
    ArrayPrototypePush(answers, {
      name,
      type: buf.readUInt16BE(next),
      cls: buf.readUInt16BE(next + 2),
      ttl: buf.readUInt32BE(next + 4),
      start,
      end: start + rdlength,
    });
    pos = start + rdlength;
  }
  msg.answers = answers;
  return answers;
}

function sameName(a, b) {
  return StringPrototypeToLowerCase(a) === StringPrototypeToLowerCase(b);
}

function ipv4Text(buf, start, end) {
  if (end - start !== 4) bad();
  return `${buf[start]}.${buf[start + 1]}.${buf[start + 2]}.${buf[start + 3]}`;
}

/* The canonical text of a 16-byte IPv6 address (as inet_ntop writes it). */
function ipv6Text(buf, start, end) {
  if (end - start !== 16) bad();
  const words = [];
  for (let i = 0; i < 8; i++) {
    ArrayPrototypePush(words, buf.readUInt16BE(start + 2 * i));
  }
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (words[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && words[j] === 0) j++;
    if (j - i > bestLen && j - i >= 2) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (w) => NumberPrototypeToString(w, 16);
  if (bestStart === 0 &&
      (bestLen === 6 || (bestLen === 5 && words[5] === 0xffff))) {
    // IPv4-compatible or IPv4-mapped.
    const v4 = ipv4Text(buf, start + 12, end);
    return bestLen === 5 ? `::ffff:${v4}` : `::${v4}`;
  }
  let s = '';
  for (let i = 0; i < 8; i++) {
    if (i === bestStart) {
      s += '::';
      i += bestLen - 1;
      continue;
    }
    if (s !== '' && s[s.length - 1] !== ':') s += ':';
    s += hex(words[i]);
  }
  return s;
}

/* A character-string (length byte + bytes) at `pos` as latin1. */
function readCharString(buf, pos, end) {
  if (pos >= end) bad();
  const len = buf[pos];
  if (pos + 1 + len > end) bad();
  return [buf.latin1Slice(pos + 1, pos + 1 + len), pos + 1 + len];
}

/* Address records of `type` (A or AAAA) for `qname`, following the CNAME
 * chain in answer order. Returns { addresses, ttls, cname } where cname is
 * the canonical name when a CNAME was followed, or null. */
function parseAddresses(buf, msg, qname, type) {
  let current = qname;
  let cname = null;
  let cnameTtl = 0xffffffff;
  const addresses = [];
  const ttls = [];
  for (const rr of msg.answers) {
    if (rr.cls !== CLASS_IN) continue;
    if (rr.type === TYPES.CNAME && sameName(rr.name, current)) {
      current = readName(buf, rr.start, true)[0];
      cname = current;
      if (rr.ttl < cnameTtl) cnameTtl = rr.ttl;
    } else if (rr.type === type && sameName(rr.name, current)) {
      ArrayPrototypePush(addresses, type === TYPES.A ?
        ipv4Text(buf, rr.start, rr.end) : ipv6Text(buf, rr.start, rr.end));
      ArrayPrototypePush(ttls, rr.ttl < cnameTtl ? rr.ttl : cnameTtl);
    }
  }
  return { addresses, ttls, cname };
}

/* Names of the PTR records for `qname` (following CNAMEs). */
function parsePtr(buf, msg, qname) {
  let current = qname;
  const names = [];
  for (const rr of msg.answers) {
    if (rr.cls !== CLASS_IN) continue;
    if (rr.type === TYPES.CNAME && sameName(rr.name, current)) {
      current = readName(buf, rr.start, true)[0];
    } else if (rr.type === TYPES.PTR && sameName(rr.name, current)) {
      ArrayPrototypePush(names, readName(buf, rr.start, true)[0]);
    }
  }
  return names;
}

function recordsOf(msg, type) {
  const out = [];
  for (const rr of msg.answers) {
    if (rr.type === type && rr.cls === CLASS_IN) ArrayPrototypePush(out, rr);
  }
  return out;
}

function parseMx(buf, rr) {
  if (rr.end - rr.start < 3) bad();
  return {
    exchange: readName(buf, rr.start + 2)[0],
    priority: buf.readUInt16BE(rr.start),
  };
}

function parseTxt(buf, rr) {
  const entries = [];
  let pos = rr.start;
  while (pos < rr.end) {
    const r = readCharString(buf, pos, rr.end);
    ArrayPrototypePush(entries, r[0]);
    pos = r[1];
  }
  return entries;
}

function parseSrv(buf, rr) {
  if (rr.end - rr.start < 7) bad();
  return {
    name: readName(buf, rr.start + 6)[0],
    port: buf.readUInt16BE(rr.start + 4),
    priority: buf.readUInt16BE(rr.start),
    weight: buf.readUInt16BE(rr.start + 2),
  };
}

function parseNaptr(buf, rr) {
  if (rr.end - rr.start < 7) bad();
  let pos = rr.start + 4;
  const flags = readCharString(buf, pos, rr.end);
  const service = readCharString(buf, flags[1], rr.end);
  const regexp = readCharString(buf, service[1], rr.end);
  pos = regexp[1];
  return {
    flags: flags[0],
    service: service[0],
    regexp: regexp[0],
    replacement: readName(buf, pos)[0],
    order: buf.readUInt16BE(rr.start),
    preference: buf.readUInt16BE(rr.start + 2),
  };
}

function parseSoa(buf, rr) {
  const { 0: nsname, 1: afterM } = readName(buf, rr.start);
  const { 0: hostmaster, 1: pos } = readName(buf, afterM);
  if (pos + 20 > rr.end) bad();
  return {
    nsname,
    hostmaster,
    serial: buf.readUInt32BE(pos),
    refresh: buf.readUInt32BE(pos + 4),
    retry: buf.readUInt32BE(pos + 8),
    expire: buf.readUInt32BE(pos + 12),
    minttl: buf.readUInt32BE(pos + 16),
  };
}

function parseCaa(buf, rr) {
  if (rr.end - rr.start < 2) bad();
  const tagLen = buf[rr.start + 1];
  if (tagLen === 0 || rr.start + 2 + tagLen > rr.end) bad();
  const tag = buf.latin1Slice(rr.start + 2, rr.start + 2 + tagLen);
  const record = { critical: buf[rr.start] };
  record[tag] = buf.latin1Slice(rr.start + 2 + tagLen, rr.end);
  return record;
}

/* The host name in the rdata of `rr` (NS), validated as c-ares does. */
function parseName(buf, rr) {
  return readName(buf, rr.start, true)[0];
}

module.exports = {
  TYPES,
  CLASS_IN,
  RCODE,
  BadResponse,
  decodeAnswers,
  decodeMessage,
  encodeQuery,
  parseAddresses,
  parseCaa,
  parseMx,
  parseName,
  parseNaptr,
  parsePtr,
  parseSoa,
  parseSrv,
  parseTxt,
  readName,
  recordsOf,
  sameName,
};
