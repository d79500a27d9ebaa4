'use strict';
// dns.lookup()/lookupService() through the system resolver (localhost is
// in /etc/hosts), their argument checks, result order, server lists and
// dns.promises (messages checked against node 18.20.4).
const common = require('../common');
const assert = require('assert');
const dns = require('dns');
const util = require('util');

const dnsPromises = require('dns/promises');
assert.strictEqual(dnsPromises, dns.promises);
assert.strictEqual(dns.NOTFOUND, 'ENOTFOUND');
assert.strictEqual(dnsPromises.CANCELLED, 'ECANCELLED');

dns.lookup('localhost', common.mustSucceed((address, family) => {
  assert.ok(address === '127.0.0.1' || address === '::1');
  assert.strictEqual(family, address === '::1' ? 6 : 4);
}));
dns.lookup('localhost', { family: 4, all: true },
           common.mustSucceed((addresses) => {
             assert.deepStrictEqual(addresses,
                                    [{ address: '127.0.0.1', family: 4 }]);
           }));
dns.lookup('localhost', { family: 'IPv4' },
           common.mustSucceed((address, family) => {
             assert.strictEqual(address, '127.0.0.1');
             assert.strictEqual(family, 4);
           }));
dns.lookup('::1', { all: true }, common.mustSucceed((addresses) => {
  assert.deepStrictEqual(addresses, [{ address: '::1', family: 6 }]);
}));
dns.lookup('', common.mustSucceed((address, family) => {
  assert.strictEqual(address, null);
  assert.strictEqual(family, 4);
}));
dns.lookup('no-such-host.invalid', common.mustCall((err) => {
  assert.strictEqual(err.code, 'ENOTFOUND');
  assert.strictEqual(err.syscall, 'getaddrinfo');
  assert.strictEqual(err.hostname, 'no-such-host.invalid');
  assert.strictEqual(err.message,
                     'getaddrinfo ENOTFOUND no-such-host.invalid');
}));
util.promisify(dns.lookup)('127.0.0.1').then(common.mustCall((res) => {
  assert.deepStrictEqual(res, { address: '127.0.0.1', family: 4 });
}));
dnsPromises.lookup('localhost', { family: 4 }).then(common.mustCall((res) => {
  assert.deepStrictEqual(res, { address: '127.0.0.1', family: 4 });
}));
dnsPromises.lookup(null, { family: 6 }).then(common.mustCall((res) => {
  assert.deepStrictEqual(res, { address: null, family: 6 });
}));

dns.lookupService('127.0.0.1', 22, common.mustSucceed((host, service) => {
  assert.strictEqual(host, 'localhost');
  assert.strictEqual(service, 'ssh');
}));
dnsPromises.lookupService('127.0.0.1', '80').then(common.mustCall((res) => {
  assert.deepStrictEqual(res, { hostname: 'localhost', service: 'http' });
}));
// A documentation-range address has no name: NI_NAMEREQD makes it fail.
assert.rejects(dnsPromises.lookupService('192.0.2.1', 22), {
  code: /^(ENOTFOUND|EAI_AGAIN)$/,
  syscall: 'getnameinfo',
}).then(common.mustCall());

const resolver = new dns.Resolver();
assert.throws(() => dns.lookup('x', 5, () => {}), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'family' must be one of: 0, 4, 6. Received 5",
});
assert.throws(() => dns.lookup('x', 'a', () => {}), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options" argument must be of type object or integer. ' +
           "Received type string ('a')",
});
assert.throws(() => dns.lookup('x', { family: 'IPv5' }, () => {}), {
  message: "The property 'options.family' must be one of: 0, 4, 6. " +
           "Received 'IPv5'",
});
assert.throws(() => dns.lookup('x', { all: 1 }, () => {}), {
  message: 'The "options.all" property must be of type boolean. ' +
           'Received type number (1)',
});
assert.throws(() => dns.lookup('x', { hints: 1024 }, () => {}), {
  message: "The argument 'hints' is invalid. Received 1024",
});
assert.throws(() => dns.lookup('x', 4), {
  message: 'The "callback" argument must be of type function. ' +
           'Received undefined',
});
assert.throws(() => dns.lookupService('127.0.0.1'), {
  code: 'ERR_MISSING_ARGS',
});
assert.throws(() => dns.resolve('x', 'Z', () => {}), {
  message: "The argument 'rrtype' is invalid. Received 'Z'",
});
assert.throws(() => new dns.Resolver({ tries: 0 }), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "options.tries" is out of range. ' +
           'It must be >= 1 && <= 2147483647. Received 0',
});
assert.throws(() => resolver.setLocalAddress('127.0.0.1', '10.0.0.1'), {
  code: 'ERR_INVALID_ARG_VALUE', message: 'Cannot specify two IPv4 addresses.',
});

// Result order.
assert.strictEqual(dns.getDefaultResultOrder(), 'verbatim');
assert.throws(() => dns.setDefaultResultOrder('ipv6first'), {
  message: "The argument 'dnsOrder' must be one of: 'verbatim', " +
           "'ipv4first'. Received 'ipv6first'",
});
dns.setDefaultResultOrder('ipv4first');
assert.strictEqual(dnsPromises.getDefaultResultOrder(), 'ipv4first');
dns.setDefaultResultOrder('verbatim');

// Server lists: ports other than 53 are kept, IPv6 ones in brackets.
resolver.setServers(['1.2.3.4', '5.6.7.8:5353', '[::1]', '[::2]:99',
                     '1.2.3.4:99999']);
assert.deepStrictEqual(resolver.getServers(), [
  '1.2.3.4', '5.6.7.8:5353', '::1', '[::2]:99', '1.2.3.4:34463',
]);
assert.throws(() => resolver.setServers(['1.2.3.4:x']), {
  code: 'ERR_INVALID_IP_ADDRESS', message: 'Invalid IP address: 1.2.3.4:x',
});
assert.throws(() => resolver.setServers('1.2.3.4'), {
  code: 'ERR_INVALID_ARG_TYPE',
});
