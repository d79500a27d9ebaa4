'use strict';
// dns.Resolver against a small DNS server run by the test on 127.0.0.1
// (UDP, plus TCP for truncated replies). The server's encoder is written
// here independently of lib/; expected results come from node 18.20.4
// run against the same server.
const common = require('../common');
const assert = require('assert');
const dgram = require('dgram');
const dns = require('dns');
const net = require('net');

const T = { A: 1, NS: 2, CNAME: 5, SOA: 6, PTR: 12, MX: 15, TXT: 16,
            AAAA: 28, SRV: 33, NAPTR: 35, ANY: 255, CAA: 257 };

function u16(v) { const b = Buffer.alloc(2); b.writeUInt16BE(v); return b; }
function u32(v) { const b = Buffer.alloc(4); b.writeUInt32BE(v); return b; }
function str(s) {
  const b = Buffer.from(s);
  return Buffer.concat([Buffer.from([b.length]), b]);
}
function name(n) {
  const labels = n === '' ? [] : n.split('.');
  return Buffer.concat([...labels.map(str), Buffer.from([0])]);
}
function rr(owner, type, ttl, data) {
  return Buffer.concat([name(owner), u16(T[type]), u16(1), u32(ttl),
                        u16(data.length), data]);
}
const soa = (m) => Buffer.concat([name(m), name('admin.all.test'),
                                  u32(2024010101), u32(7200), u32(3600),
                                  u32(1209600), u32(300)]);

const zone = {
  'all.test': (q) => [
    rr(q, 'A', 100, Buffer.from([1, 2, 3, 4])),
    rr(q, 'A', 50, Buffer.from([5, 6, 7, 8])),
    rr(q, 'AAAA', 60, Buffer.from('20010db8000000000000000000000001', 'hex')),
    rr(q, 'MX', 10, Buffer.concat([u16(10), name('mx.all.test')])),
    rr(q, 'NS', 10, name('ns1.all.test')),
    rr(q, 'TXT', 10, Buffer.concat([str('hello'), str('w\u00f6rld')])),
    rr(q, 'SRV', 10, Buffer.concat([u16(1), u16(2), u16(5060),
                                    name('sip.all.test')])),
    rr(q, 'PTR', 10, name('ptr.all.test')),
    rr(q, 'NAPTR', 10, Buffer.concat([u16(100), u16(10), str('S'),
                                      str('SIP+D2U'), str('!^.*$!sip:x@y!'),
                                      name('_sip._udp.all.test')])),
    rr(q, 'SOA', 10, soa('ns.all.test')),
    rr(q, 'CAA', 10, Buffer.concat([Buffer.from([128, 5]),
                                    Buffer.from('issueca.example')])),
  ],
  'soa.test': (q) => [rr(q, 'SOA', 10, soa('ns.all.test'))],
  'alias.test': (q) => [
    rr(q, 'CNAME', 30, name('target.test')),
    rr('target.test', 'A', 20, Buffer.from([9, 9, 9, 9])),
    rr('other.test', 'A', 20, Buffer.from([8, 8, 8, 8])),
  ],
  'badns.test': (q) => [rr(q, 'NS', 10, name('a b.c'))],
  'big.test': (q) => Array.from({ length: 40 }, (_, i) =>
    rr(q, 'A', 1, Buffer.from([10, 0, 0, i]))),
  '4.3.2.1.in-addr.arpa': (q) => [rr(q, 'PTR', 10, name('one.test')),
                                  rr(q, 'PTR', 10, name('two.test'))],
};
const rcodes = { 'servfail.test': 2, 'refused.test': 5, 'nx.test': 3 };

function question(msg) {
  let p = 12;
  const labels = [];
  while (msg[p] !== 0) {
    labels.push(msg.toString('latin1', p + 1, p + 1 + msg[p]));
    p += msg[p] + 1;
  }
  return { name: labels.join('.'), type: msg.readUInt16BE(p + 1),
           end: p + 5 };
}

function reply(msg, tcp) {
  const q = question(msg);
  assert.strictEqual(msg.readUInt16BE(2) & 0x0100, 0x0100);  // RD set
  let answers = zone[q.name] ? zone[q.name](q.name) : [];
  let flags = 0x8180 | (rcodes[q.name] || 0);
  if (q.name === 'big.test' && !tcp) {
    flags |= 0x0200;  // truncated: the client must retry over TCP
    answers = answers.slice(0, 2);
  }
  return Buffer.concat([msg.subarray(0, 2), u16(flags), u16(1),
                        u16(answers.length), u16(0), u16(0),
                        msg.subarray(12, q.end), ...answers]);
}

const seen = [];
const server = dgram.createSocket('udp4');
server.on('message', (msg, rinfo) => {
  const q = question(msg);
  seen.push(q.name);
  if (q.name === 'silent.test' || q.name === 'cancel.test') return;
  server.send(reply(msg, false), rinfo.port, rinfo.address);
});

server.bind(0, '127.0.0.1', common.mustCall(() => {
  const port = server.address().port;
  const tcp = net.createServer((sock) => {
    sock.once('data', (data) => {
      const msg = reply(data.subarray(2, 2 + data.readUInt16BE(0)), true);
      sock.end(Buffer.concat([u16(msg.length), msg]));
    });
  });
  tcp.listen(port, '127.0.0.1', common.mustCall(() => {
    run(port).then(common.mustCall(() => {
      server.close();
      tcp.close();
    }));
  }));
}));

async function run(port) {
  const r = new dns.promises.Resolver({ timeout: 200, tries: 2 });
  r.setServers([`127.0.0.1:${port}`]);
  assert.deepStrictEqual(r.getServers(), [`127.0.0.1:${port}`]);

  assert.deepStrictEqual(await r.resolve4('all.test'),
                         ['1.2.3.4', '5.6.7.8']);
  assert.deepStrictEqual(await r.resolve4('all.test', { ttl: true }),
                         [{ address: '1.2.3.4', ttl: 100 },
                          { address: '5.6.7.8', ttl: 50 }]);
  assert.deepStrictEqual(await r.resolve6('all.test'), ['2001:db8::1']);
  assert.deepStrictEqual(await r.resolveMx('all.test'),
                         [{ exchange: 'mx.all.test', priority: 10 }]);
  assert.deepStrictEqual(await r.resolveNs('all.test'), ['ns1.all.test']);
  // Character strings come back byte for byte (latin1).
  assert.deepStrictEqual(await r.resolveTxt('all.test'),
                         [['hello', 'w\u00c3\u00b6rld']]);
  assert.deepStrictEqual(await r.resolveSrv('all.test'), [
    { name: 'sip.all.test', port: 5060, priority: 1, weight: 2 },
  ]);
  assert.deepStrictEqual(await r.resolvePtr('all.test'), ['ptr.all.test']);
  assert.deepStrictEqual(await r.resolveNaptr('all.test'), [{
    flags: 'S', service: 'SIP+D2U', regexp: '!^.*$!sip:x@y!',
    replacement: '_sip._udp.all.test', order: 100, preference: 10,
  }]);
  assert.deepStrictEqual(await r.resolveCaa('all.test'),
                         [{ critical: 128, issue: 'ca.example' }]);
  assert.deepStrictEqual(await r.resolveSoa('soa.test'), {
    nsname: 'ns.all.test', hostmaster: 'admin.all.test', serial: 2024010101,
    refresh: 7200, retry: 3600, expire: 1209600, minttl: 300,
  });
  // c-ares 1.18 wants the SOA as the only answer.
  await assert.rejects(r.resolveSoa('all.test'),
                       { code: 'EBADRESP', syscall: 'querySoa' });

  const any = await r.resolveAny('all.test');
  assert.deepStrictEqual(any.map((x) => x.type), [
    'A', 'A', 'AAAA', 'MX', 'NS', 'TXT', 'SRV', 'PTR', 'NAPTR', 'SOA', 'CAA',
  ]);
  assert.deepStrictEqual(any[0], { address: '1.2.3.4', ttl: 100, type: 'A' });
  assert.deepStrictEqual(any[4], { value: 'ns1.all.test', type: 'NS' });

  // CNAME chains: only records on the chain count.
  assert.deepStrictEqual(await r.resolve4('alias.test', { ttl: true }),
                         [{ address: '9.9.9.9', ttl: 20 }]);
  assert.deepStrictEqual(await r.resolveCname('alias.test'), ['target.test']);
  assert.deepStrictEqual(await r.resolveAny('alias.test'),
                         [{ value: 'target.test', type: 'CNAME' }]);

  // Host names in NS/PTR/CNAME data are validated.
  await assert.rejects(r.resolveNs('badns.test'), { code: 'EBADRESP' });
  // Truncated over UDP: retried over TCP.
  assert.strictEqual((await r.resolve4('big.test')).length, 40);

  await assert.rejects(r.resolve4('nx.test'), {
    code: 'ENOTFOUND', syscall: 'queryA', hostname: 'nx.test',
    message: 'queryA ENOTFOUND nx.test',
  });
  await assert.rejects(r.resolve4('servfail.test'), { code: 'ESERVFAIL' });
  await assert.rejects(r.resolve4('refused.test'), { code: 'EREFUSED' });
  await assert.rejects(r.resolveMx('empty.test'), { code: 'ENODATA' });
  await assert.rejects(r.resolve4('a..b'), { code: 'EBADNAME' });
  await assert.rejects(r.resolve4('x.onion'), { code: 'ENOTFOUND' });

  // No reply: two tries, then ETIMEOUT.
  const before = seen.filter((n) => n === 'silent.test').length;
  await assert.rejects(r.resolve4('silent.test'), { code: 'ETIMEOUT' });
  assert.strictEqual(seen.filter((n) => n === 'silent.test').length,
                     before + 2);

  // Reverse lookups ask for PTR records of in-addr.arpa names.
  assert.deepStrictEqual(await r.reverse('1.2.3.4'), ['one.test', 'two.test']);
  await assert.rejects(r.reverse('nope'), {
    code: 'EINVAL', message: 'getHostByAddr EINVAL nope',
  });

  // A closed port answers with ICMP: ECONNREFUSED, and failover to the
  // next server.
  const r2 = new dns.promises.Resolver({ timeout: 300, tries: 1 });
  r2.setServers(['127.0.0.1:1']);
  await assert.rejects(r2.resolve4('all.test'), { code: 'ECONNREFUSED' });
  r2.setServers(['127.0.0.1:1', `127.0.0.1:${port}`]);
  assert.deepStrictEqual(await r2.resolve4('all.test'),
                         ['1.2.3.4', '5.6.7.8']);

  // cancel() ends outstanding queries; setServers() refuses while busy.
  const r3 = new dns.Resolver();
  r3.setServers([`127.0.0.1:${port}`]);
  await new Promise((resolve) => {
    r3.resolve4('cancel.test', common.mustCall((err) => {
      assert.strictEqual(err.code, 'ECANCELLED');
      assert.strictEqual(err.hostname, 'cancel.test');
      resolve();
    }));
    assert.throws(() => r3.setServers(['127.0.0.1']), {
      code: 'ERR_DNS_SET_SERVERS_FAILED',
      message: 'c-ares failed to set servers: "There are pending queries." ' +
               "[[ '127.0.0.1' ]]",
    });
    setTimeout(() => r3.cancel(), 50);
  });
}
