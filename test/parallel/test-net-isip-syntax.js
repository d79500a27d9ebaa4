'use strict';
// net.isIP/isIPv4/isIPv6: textual IPv4 and IPv6 (with embedded IPv4 and
// zone ids), and non-string inputs.
require('../common');
const assert = require('assert');
const net = require('net');

const v4 = ['0.0.0.0', '127.0.0.1', '255.255.255.255', '10.1.2.3'];
const notV4 = ['256.1.1.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', '1..2.3',
               ' 1.2.3.4', '1.2.3.4 ', 'a.b.c.d', ''];
const v6 = ['::', '::1', '1::', '1:2:3:4:5:6:7:8', 'fe80::1%eth0',
            'fe80::1%1', '::ffff:192.168.1.1', '1:2:3:4:5:6:1.2.3.4',
            '2001:DB8::8:800:200C:417A', '1::8'];
const notV6 = [':::', '1::2::3', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7',
               ':1::2', '1::2:', '12345::', '::1.2.3', '::256.1.1.1',
               'fe80::1%', 'fe80::1%eth0@x', '1.2.3.4::', 'g::1'];

for (const a of v4) {
  assert.strictEqual(net.isIPv4(a), true, a);
  assert.strictEqual(net.isIP(a), 4, a);
}
for (const a of notV4) assert.strictEqual(net.isIPv4(a), false, a);
for (const a of v6) {
  assert.strictEqual(net.isIPv6(a), true, a);
  assert.strictEqual(net.isIP(a), 6, a);
}
for (const a of notV6) {
  assert.strictEqual(net.isIPv6(a), false, a);
  assert.strictEqual(net.isIP(a), 0, a);
}
for (const v of [undefined, null, 4, {}, true]) {
  assert.strictEqual(net.isIP(v), 0);
}
assert.strictEqual(net.isIP({ toString: () => '::1' }), 6);
