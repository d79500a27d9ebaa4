'use strict';
// net.BlockList rules (addresses, ranges, subnets; IPv4 and IPv4-mapped
// IPv6 match each other) and net.SocketAddress defaults and validation.
require('../common');
const assert = require('assert');
const util = require('util');
const { BlockList, SocketAddress } = require('net');

const bl = new BlockList();
bl.addAddress('1.1.1.1');
bl.addRange('10.0.0.1', '10.0.0.10');
bl.addSubnet('192.168.0.0', 16);
bl.addSubnet('2001:db8::', 32, 'IPv6');
bl.addAddress('::ffff:5.5.5.5', 'ipv6');
assert.deepStrictEqual(bl.rules, [
  'Address: IPv6 ::ffff:5.5.5.5',
  'Subnet: IPv6 2001:db8::/32',
  'Subnet: IPv4 192.168.0.0/16',
  'Range: IPv4 10.0.0.1-10.0.0.10',
  'Address: IPv4 1.1.1.1',
]);
assert.strictEqual(bl.check('1.1.1.1'), true);
assert.strictEqual(bl.check('1.1.1.2'), false);
assert.strictEqual(bl.check('10.0.0.10'), true);
assert.strictEqual(bl.check('10.0.0.11'), false);
assert.strictEqual(bl.check('192.168.255.255'), true);
assert.strictEqual(bl.check('::ffff:192.168.1.1', 'ipv6'), true);
assert.strictEqual(bl.check('2001:db8:ffff::1', 'ipv6'), true);
assert.strictEqual(bl.check('2001:db9::1', 'ipv6'), false);
assert.strictEqual(bl.check('5.5.5.5'), true);
assert.strictEqual(bl.check('1.1.1.1', 'ipv6'), false);
assert.strictEqual(bl.check('not an address'), false);
assert.strictEqual(bl.check(new SocketAddress({ address: '10.0.0.5' })), true);
assert.strictEqual(util.inspect(new BlockList(), { depth: -1 }), '[BlockList]');

assert.throws(() => bl.addAddress(1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => bl.addAddress('1.1.1.1', 'ipv5'),
              { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => bl.addRange('1.1.1.2', '1.1.1.1'), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: /^The argument 'start' must come before end\./,
});
assert.throws(() => bl.addSubnet('1.1.1.1', 33), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "prefix" is out of range. It must be >= 0 && ' +
           '<= 32. Received 33',
});
assert.throws(() => bl.addAddress('300.1.1.1'), {
  code: 'ERR_INVALID_ADDRESS',
  message: 'Invalid socket address',
});

const sa = new SocketAddress();
assert.deepStrictEqual(sa.toJSON(), {
  address: '127.0.0.1', port: 0, family: 'ipv4', flowlabel: 0,
});
const sa6 = new SocketAddress({
  address: '2001:0db8:0000:0000:0000:0000:0000:0001', family: 'IPv6',
  port: 443, flowlabel: 7,
});
assert.strictEqual(sa6.address, '2001:db8::1');
assert.strictEqual(sa6.family, 'ipv6');
assert.strictEqual(sa6.port, 443);
assert.strictEqual(sa6.flowlabel, 7);
assert.strictEqual(util.inspect(sa6),
                   "SocketAddress { address: '2001:db8::1', port: 443, " +
                   "family: 'ipv6', flowlabel: 7 }");
assert.strictEqual(SocketAddress.isSocketAddress(sa6), true);
assert.strictEqual(SocketAddress.isSocketAddress({}), false);
assert.strictEqual(new SocketAddress({ family: 'ipv6' }).address, '::');
assert.throws(() => new SocketAddress('x'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => new SocketAddress({ family: 'x' }),
              { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => new SocketAddress({ port: -1 }),
              { code: 'ERR_SOCKET_BAD_PORT' });
assert.throws(() => new SocketAddress({ address: '::1' }),
              { code: 'ERR_INVALID_ADDRESS' });
