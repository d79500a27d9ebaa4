'use strict';
// internal/dns/channel.js - the DNS client behind dns.Resolver: sends
// queries over UDP (TCP when a reply is truncated) to the configured
// nameservers, with c-ares's retry, failover and timeout rules, and hands
// results to request objects as req.oncomplete(err, result[, ttls]).

const {
  ArrayPrototypeMap,
  ArrayPrototypePush,
  MathFloor,
  MathRandom,
  NumberPrototypeToString,
  SafeMap,
  SafeSet,
  StringPrototypeEndsWith,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeToLowerCase,
  StringPrototypeTrim,
  TypeError,
} = primordials;

const { Buffer } = require('buffer');
const { isIP } = require('internal/net');
const { UV_EINVAL } = internalBinding('uv');
const {
  TYPES,
  CLASS_IN,
  RCODE,
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
} = require('internal/dns/packet');
const { hostsAliases, ipv6Bytes } = require('internal/dns/hosts');

const DEFAULT_TIMEOUT = 5000;
const DNS_PORT = 53;

let dgram;
let net;

/* The nameservers and timeout of /etc/resolv.conf (127.0.0.1 when it
 * names none): { servers: [[family, ip, port]], timeout }. */
function readResolvConf() {
  const conf = { servers: [], timeout: DEFAULT_TIMEOUT };
  let text = '';
  try {
    text = require('fs').readFileSync('/etc/resolv.conf', 'latin1');
  } catch {
    // No file: the defaults stand.
  }
  for (const raw of StringPrototypeSplit(text, '\n')) {
    const line = StringPrototypeTrim(raw);
    if (line === '' || line[0] === '#' || line[0] === ';') continue;
    const words = StringPrototypeSplit(line, /\s+/);
    if (words[0] === 'nameserver' && words[1] !== undefined) {
      const family = isIP(words[1]);
      if (family !== 0) ArrayPrototypePush(conf.servers,
                                           [family, words[1], DNS_PORT]);
    } else if (words[0] === 'options') {
      for (let i = 1; i < words.length; i++) {
        if (StringPrototypeSlice(words[i], 0, 8) === 'timeout:') {
          const secs = +StringPrototypeSlice(words[i], 8);
          if (secs > 0) conf.timeout = secs * 1000;
        }
      }
    }
  }
  if (conf.servers.length === 0) {
    ArrayPrototypePush(conf.servers, [4, '127.0.0.1', DNS_PORT]);
  }
  return conf;
}

/* The reverse-lookup name of an IP: d.c.b.a.in-addr.arpa or the nibbles
 * of an IPv6 address under ip6.arpa. */
function reverseName(ip, family) {
  if (family === 4) {
    const p = StringPrototypeSplit(ip, '.');
    return `${p[3]}.${p[2]}.${p[1]}.${p[0]}.in-addr.arpa`;
  }
  const bytes = ipv6Bytes(ip);
  let name = '';
  for (let i = 15; i >= 0; i--) {
    name += `${NumberPrototypeToString(bytes[i] & 0xf, 16)}.` +
      `${NumberPrototypeToString(bytes[i] >> 4, 16)}.`;
  }
  return `${name}ip6.arpa`;
}

/* Addresses are IP literals: dgram/net need no DNS to reach servers. */
function literalLookup(address, family, callback) {
  process.nextTick(callback, null, address, family);
}

function isOnion(name) {
  const n = StringPrototypeToLowerCase(name);
  return StringPrototypeEndsWith(n, '.onion') ||
         StringPrototypeEndsWith(n, '.onion.');
}

/* Builds the result of a query from a successful reply, or returns an
 * error code string. Returns { result, ttls } or a string. */
function buildResult(kind, buf, msg, qname) {
  switch (kind) {
    case 'queryA':
    case 'queryAaaa': {
      const r = parseAddresses(buf, msg, qname,
                               kind === 'queryA' ? TYPES.A : TYPES.AAAA);
      if (r.addresses.length === 0) return 'ENODATA';
      return { result: r.addresses, ttls: r.ttls };
    }
    case 'queryCname': {
      const r = parseAddresses(buf, msg, qname, TYPES.A);
      if (r.cname !== null) return { result: [r.cname] };
      if (r.addresses.length > 0) return { result: [qname] };
      return 'ENODATA';
    }
    case 'queryNs': {
      const names = ArrayPrototypeMap(recordsOf(msg, TYPES.NS),
                                      (rr) => parseName(buf, rr));
      return names.length === 0 ? 'ENODATA' : { result: names };
    }
    case 'queryPtr':
    case 'getHostByAddr': {
      const names = parsePtr(buf, msg, qname);
      return names.length === 0 ? 'ENODATA' : { result: names };
    }
    case 'queryMx':
      return { result: mapRecords(buf, msg, TYPES.MX, parseMx) };
    case 'queryTxt':
      return { result: mapRecords(buf, msg, TYPES.TXT, parseTxt) };
    case 'querySrv':
      return { result: mapRecords(buf, msg, TYPES.SRV, parseSrv) };
    case 'queryNaptr':
      return { result: mapRecords(buf, msg, TYPES.NAPTR, parseNaptr) };
    case 'queryCaa':
      return { result: mapRecords(buf, msg, TYPES.CAA, parseCaa) };
    case 'querySoa': {
      // As c-ares 1.18: the SOA must be the one and only answer.
      const rr = msg.answers[0];
      if (msg.answers.length !== 1 || rr.type !== TYPES.SOA) return 'EBADRESP';
      return { result: parseSoa(buf, rr) };
    }
    case 'queryAny':
      return { result: buildAny(buf, msg, qname) };
  }
  return 'EBADRESP';
}

function mapRecords(buf, msg, type, parse) {
  return ArrayPrototypeMap(recordsOf(msg, type), (rr) => parse(buf, rr));
}

function typed(record, type) {
  record.type = type;
  return record;
}

/* The records of an ANY reply, grouped by type in c-ares's order. */
function buildAny(buf, msg, qname) {
  const out = [];
  const a = parseAddresses(buf, msg, qname, TYPES.A);
  if (a.cname !== null) {
    ArrayPrototypePush(out, { value: a.cname, type: 'CNAME' });
  } else {
    for (let i = 0; i < a.addresses.length; i++) {
      ArrayPrototypePush(out, { address: a.addresses[i], ttl: a.ttls[i],
                                type: 'A' });
    }
  }
  const aaaa = parseAddresses(buf, msg, qname, TYPES.AAAA);
  for (let i = 0; i < aaaa.addresses.length; i++) {
    ArrayPrototypePush(out, { address: aaaa.addresses[i], ttl: aaaa.ttls[i],
                              type: 'AAAA' });
  }
  for (const rr of recordsOf(msg, TYPES.MX)) {
    ArrayPrototypePush(out, typed(parseMx(buf, rr), 'MX'));
  }
  for (const rr of recordsOf(msg, TYPES.NS)) {
    ArrayPrototypePush(out, { value: parseName(buf, rr), type: 'NS' });
  }
  for (const rr of recordsOf(msg, TYPES.TXT)) {
    ArrayPrototypePush(out, { entries: parseTxt(buf, rr), type: 'TXT' });
  }
  for (const rr of recordsOf(msg, TYPES.SRV)) {
    ArrayPrototypePush(out, typed(parseSrv(buf, rr), 'SRV'));
  }
  for (const name of parsePtr(buf, msg, qname)) {
    ArrayPrototypePush(out, { value: name, type: 'PTR' });
  }
  for (const rr of recordsOf(msg, TYPES.NAPTR)) {
    ArrayPrototypePush(out, typed(parseNaptr(buf, rr), 'NAPTR'));
  }
  const soa = recordsOf(msg, TYPES.SOA);
  if (soa.length > 0) ArrayPrototypePush(out, typed(parseSoa(buf, soa[0]),
                                                    'SOA'));
  for (const rr of recordsOf(msg, TYPES.CAA)) {
    ArrayPrototypePush(out, typed(parseCaa(buf, rr), 'CAA'));
  }
  return out;
}

function invalidIp(message) {
  // eslint-disable-next-line no-restricted-syntax
  const err = new TypeError(message);
  err.code = 'ERR_INVALID_ARG_VALUE';
  return err;
}

/* A resolver channel: its servers, options and in-flight queries. */
class ChannelWrap {
  #servers;
  #timeout;
  #tries;
  #pending = new SafeMap();  // id -> query
  #conns = [];               // server index -> UDP connection
  #local4 = null;
  #local6 = null;

  /* new ChannelWrap(timeout, tries): timeout in ms per try (-1: the
   * system's), tries per server. */
  constructor(timeout, tries) {
    const conf = readResolvConf();
    this.#servers = conf.servers;
    this.#timeout = timeout >= 0 ? timeout : conf.timeout;
    this.#tries = tries > 0 ? tries : 4;
  }

  /* getServers() -> [[ip, port], ...]. */
  getServers() {
    return ArrayPrototypeMap(this.#servers, (s) => [s[1], s[2]]);
  }

  /* setServers([[family, ip, port], ...]) -> 0, or an error code when
   * queries are in flight. */
  setServers(servers) {
    if (this.#pending.size > 0) return 'ESETSRVPENDING';
    this.#closeConns();
    this.#servers = ArrayPrototypeMap(servers, (s) =>
      [s[0], s[1], (s[2] & 0xffff) || DNS_PORT]);
    return 0;
  }

  /* setLocalAddress(ip[, ip]): source addresses for each family. Throws
   * on an invalid address or two of the same family. */
  setLocalAddress(first, second) {
    let v4 = null;
    let v6 = null;
    const take = (ip) => {
      const family = isIP(ip);
      if (family === 4) {
        if (v4 !== null) throw invalidIp('Cannot specify two IPv4 addresses.');
        v4 = ip;
      } else if (family === 6) {
        if (v6 !== null) throw invalidIp('Cannot specify two IPv6 addresses.');
        v6 = ip;
      } else {
        throw invalidIp('Invalid IP address.');
      }
    };
    take(first);
    if (second !== undefined) take(second);
    this.#local4 = v4;
    this.#local6 = v6;
    this.#closeConns();
  }

  /* Ends every query in flight with ECANCELLED (callbacks run now). */
  cancel() {
    const queries = [];
    for (const q of this.#pending.values()) ArrayPrototypePush(queries, q);
    for (const q of queries) this.#finish(q, 'ECANCELLED');
  }

  queryAny(req, name) { return this.#start(req, name, TYPES.ANY, 'queryAny'); }
  queryA(req, name) { return this.#start(req, name, TYPES.A, 'queryA'); }
  queryAaaa(req, name) {
    return this.#start(req, name, TYPES.AAAA, 'queryAaaa');
  }
  queryCaa(req, name) { return this.#start(req, name, TYPES.CAA, 'queryCaa'); }
  queryCname(req, name) {
    return this.#start(req, name, TYPES.CNAME, 'queryCname');
  }
  queryMx(req, name) { return this.#start(req, name, TYPES.MX, 'queryMx'); }
  queryNs(req, name) { return this.#start(req, name, TYPES.NS, 'queryNs'); }
  queryTxt(req, name) { return this.#start(req, name, TYPES.TXT, 'queryTxt'); }
  querySrv(req, name) { return this.#start(req, name, TYPES.SRV, 'querySrv'); }
  queryPtr(req, name) { return this.#start(req, name, TYPES.PTR, 'queryPtr'); }
  queryNaptr(req, name) {
    return this.#start(req, name, TYPES.NAPTR, 'queryNaptr');
  }
  querySoa(req, name) { return this.#start(req, name, TYPES.SOA, 'querySoa'); }

  /* getHostByAddr(req, ip) -> 0 or UV_EINVAL: the names of `ip` from
   * /etc/hosts, else from its PTR records. */
  getHostByAddr(req, ip) {
    const family = isIP(ip);
    if (family === 0) return UV_EINVAL;
    const aliases = hostsAliases(ip, family);
    if (aliases !== null) {
      setImmediate(() => deliver(req, 0, aliases));
      return 0;
    }
    return this.#start(req, reverseName(ip, family), TYPES.PTR,
                       'getHostByAddr');
  }

  #start(req, name, type, kind) {
    let early = null;
    let packet = null;
    const id = this.#newId();
    if (isOnion(name)) {
      early = 'ENOTFOUND';
    } else if ((packet = encodeQuery(id, name, type)) === null) {
      early = 'EBADNAME';
    } else if (this.#servers.length === 0) {
      early = 'ESERVFAIL';
    }
    if (early !== null) {
      setImmediate(() => deliver(req, early));
      return 0;
    }
    const q = {
      id, req, kind, type, packet,
      qname: readName(packet, 12)[0],
      server: 0,
      tries: 0,
      skip: new SafeSet(),
      status: 'ECONNREFUSED',
      timer: null,
      tcp: false,
      tcpSocket: null,
    };
    this.#pending.set(id, q);
    this.#send(q);
    return 0;
  }

  #newId() {
    let id;
    do {
      id = MathFloor(MathRandom() * 0x10000);
    } while (this.#pending.has(id));
    return id;
  }

  #send(q) {
    const n = this.#servers.length;
    const delay = this.#timeout * 2 ** MathFloor(q.tries / n);
    q.timer = setTimeout(() => {
      q.timer = null;
      q.status = 'ETIMEOUT';
      this.#next(q);
    }, delay);
    if (q.tcp) {
      this.#sendTcp(q);
    } else {
      this.#conn(q.server).send(q.packet);
    }
  }

  /* Moves `q` to its next try (next usable server), or ends it. */
  #next(q) {
    this.#stopTry(q);
    const n = this.#servers.length;
    for (q.tries++; q.tries < n * this.#tries; q.tries++) {
      q.server = (q.server + 1) % n;
      if (!q.skip.has(q.server)) {
        this.#send(q);
        return;
      }
    }
    this.#finish(q, q.status);
  }

  #stopTry(q) {
    if (q.timer !== null) {
      clearTimeout(q.timer);
      q.timer = null;
    }
    if (q.tcpSocket !== null) {
      q.tcpSocket.destroy();
      q.tcpSocket = null;
    }
  }

  /* Ends `q` with an error code, or with the reply `buf`/`msg`. */
  #finish(q, err, buf, msg) {
    this.#stopTry(q);
    this.#pending.delete(q.id);
    if (this.#pending.size === 0) this.#closeConns();
    if (err) {
      deliver(q.req, err);
      return;
    }
    let built;
    try {
      decodeAnswers(buf, msg);
      built = buildResult(q.kind, buf, msg, q.qname);
    } catch {
      built = 'EBADRESP';
    }
    if (typeof built === 'string') {
      deliver(q.req, built);
    } else {
      deliver(q.req, 0, built.result, built.ttls);
    }
  }

  /* A reply for server `idx` (over UDP, or TCP when `tcp`). */
  #onReply(idx, buf, tcp) {
    let msg;
    try {
      msg = decodeMessage(buf);
    } catch {
      return;  // not even a readable header: ignore it
    }
    const q = this.#pending.get(msg.id);
    if (q === undefined || q.server !== idx || q.tcp !== tcp) return;
    const question = msg.questions[0];
    if (msg.questions.length !== 1 || question.type !== q.type ||
        question.cls !== CLASS_IN || !sameName(question.name, q.qname)) {
      return;
    }
    if (msg.tc && !tcp) {
      this.#stopTry(q);
      q.tcp = true;
      this.#send(q);
      return;
    }
    switch (msg.rcode) {
      case RCODE.SERVFAIL:
      case RCODE.NOTIMP:
      case RCODE.REFUSED:
        q.status = msg.rcode === RCODE.SERVFAIL ? 'ESERVFAIL' :
          msg.rcode === RCODE.NOTIMP ? 'ENOTIMP' : 'EREFUSED';
        q.skip.add(idx);
        this.#next(q);
        return;
      case RCODE.FORMERR:
        this.#finish(q, 'EFORMERR');
        return;
      case RCODE.NXDOMAIN:
        this.#finish(q, 'ENOTFOUND');
        return;
      case RCODE.NOERROR:
        if (msg.ancount === 0) {
          this.#finish(q, 'ENODATA');
          return;
        }
    }
    this.#finish(q, 0, buf, msg);
  }

  /* The server's socket failed (e.g. ICMP port unreachable): every query
   * waiting on it moves on. */
  #onConnError(idx, conn) {
    if (this.#conns[idx] !== conn) return;
    this.#conns[idx] = undefined;
    conn.closed = true;
    try {
      conn.socket.close();
    } catch {
      // Already closed.
    }
    const waiting = [];
    for (const q of this.#pending.values()) {
      if (q.server === idx && !q.tcp) ArrayPrototypePush(waiting, q);
    }
    for (const q of waiting) this.#next(q);
  }

  /* The UDP connection to server `idx`, created on first use. */
  #conn(idx) {
    let conn = this.#conns[idx];
    if (conn !== undefined) return conn;
    dgram ??= require('dgram');
    const { 0: family, 1: ip, 2: port } = this.#servers[idx];
    const socket = dgram.createSocket({
      type: family === 6 ? 'udp6' : 'udp4',
      lookup: literalLookup,
    });
    conn = {
      socket,
      ready: false,
      closed: false,
      queue: [],
      send(packet) {
        if (this.closed) return;
        if (!this.ready) {
          ArrayPrototypePush(this.queue, packet);
          return;
        }
        this.socket.send(packet, onSent);
      },
    };
    const onSent = (err) => {
      if (err) this.#onConnError(idx, conn);
    };
    this.#conns[idx] = conn;
    socket.on('message', (buf) => this.#onReply(idx, buf, false));
    socket.on('error', () => this.#onConnError(idx, conn));
    socket.unref();
    const local = family === 6 ? this.#local6 : this.#local4;
    if (local !== null) {
      socket.bind({ address: local, port: 0, exclusive: true });
    }
    socket.connect(port, ip, (err) => {
      if (err) {
        this.#onConnError(idx, conn);
        return;
      }
      conn.ready = true;
      const queue = conn.queue;
      conn.queue = [];
      for (const packet of queue) conn.send(packet);
    });
    return conn;
  }

  #closeConns() {
    const conns = this.#conns;
    this.#conns = [];
    for (const conn of conns) {
      if (conn === undefined || conn.closed) continue;
      conn.closed = true;
      try {
        conn.socket.close();
      } catch {
        // Already closed.
      }
    }
  }

  /* Sends `q` over TCP to its server (2-byte length prefix). */
  #sendTcp(q) {
    net ??= require('net');
    const idx = q.server;
    const { 0: family, 1: ip, 2: port } = this.#servers[idx];
    const options = { host: ip, port, family, lookup: literalLookup };
    const local = family === 6 ? this.#local6 : this.#local4;
    if (local !== null) options.localAddress = local;
    const socket = net.connect(options);
    q.tcpSocket = socket;
    socket.unref();
    const prefix = Buffer.alloc(2);
    prefix.writeUInt16BE(q.packet.length, 0);
    socket.write(Buffer.concat([prefix, q.packet]));
    let data = Buffer.alloc(0);
    socket.on('data', (chunk) => {
      data = Buffer.concat([data, chunk]);
      if (data.length < 2) return;
      const len = data.readUInt16BE(0);
      if (data.length < 2 + len) return;
      if (q.tcpSocket !== socket) return;
      this.#onReply(idx, data.subarray(2, 2 + len), true);
    });
    socket.on('error', () => {
      if (q.tcpSocket !== socket || !this.#pending.has(q.id)) return;
      q.tcpSocket = null;
      this.#next(q);
    });
  }
}

/* Calls req.oncomplete(err, result, ttls). */
function deliver(req, err, result, ttls) {
  req.oncomplete(err, result, ttls);
}

module.exports = {
  ChannelWrap,
  reverseName,
};
