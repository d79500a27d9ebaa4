'use strict';
// Connection failures and argument checks of net.connect(): Node-shaped
// errors (message, errno, code, syscall, address, port), 'close' with
// hadError true after 'error'.
const common = require('../common');
const assert = require('assert');
const net = require('net');
const os = require('os');

// A port nothing listens on: bind one, note it, close it.
const probe = net.createServer().listen(0, '127.0.0.1', common.mustCall(() => {
  const port = probe.address().port;
  probe.close(common.mustCall(() => {
    const c = net.connect(port, '127.0.0.1');
    const order = [];
    c.on('error', common.mustCall((err) => {
      order.push('error');
      assert.strictEqual(err.message, `connect ECONNREFUSED 127.0.0.1:${port}`);
      assert.strictEqual(err.code, 'ECONNREFUSED');
      assert.strictEqual(err.errno, -os.constants.errno.ECONNREFUSED);
      assert.strictEqual(err.syscall, 'connect');
      assert.strictEqual(err.address, '127.0.0.1');
      assert.strictEqual(err.port, port);
    }));
    c.on('close', common.mustCall((hadError) => {
      assert.strictEqual(hadError, true);
      assert.deepStrictEqual(order, ['error']);
    }));
  }));
}));

// A Unix socket path that does not exist.
{
  const path = `/tmp/nodus-no-such-socket-${process.pid}`;
  net.connect(path).on('error', common.mustCall((err) => {
    assert.strictEqual(err.message, `connect ENOENT ${path}`);
    assert.strictEqual(err.code, 'ENOENT');
    assert.strictEqual(err.errno, -os.constants.errno.ENOENT);
    assert.strictEqual(err.address, path);
    assert.strictEqual(err.port, undefined);
  }));
}

// Synchronous argument errors.
assert.throws(() => net.connect(), {
  code: 'ERR_MISSING_ARGS',
  message: 'The "options" or "port" or "path" argument must be specified',
});
assert.throws(() => net.connect({ port: -1 }), {
  code: 'ERR_SOCKET_BAD_PORT',
  name: 'RangeError',
  message: 'Port should be >= 0 and < 65536. Received type number (-1).',
});
assert.throws(() => net.connect({ port: 80, host: 5 }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.host" property must be of type string. ' +
           'Received type number (5)',
});
assert.throws(() => net.connect({ port: 80, localAddress: 'x' }), {
  code: 'ERR_INVALID_IP_ADDRESS',
  message: 'Invalid IP address: x',
});
assert.throws(() => net.connect({ port: 80, objectMode: true }), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The property 'options.objectMode' is not supported. Received true",
});
assert.throws(() => net.connect({ path: 5 }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.path" property must be of type string. ' +
           'Received type number (5)',
});
assert.throws(() => new net.Socket({ fd: -1 }), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => new net.Socket().setTimeout(-1), {
  code: 'ERR_OUT_OF_RANGE',
});
assert.throws(() => net.connect({ port: 80, autoSelectFamily: 'x' }), {
  code: 'ERR_INVALID_ARG_TYPE',
});

// Writing to a socket destroyed before it connected.
{
  const s = new net.Socket();
  s.write('x', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_SOCKET_CLOSED');
  }));
  s.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_SOCKET_CLOSED');
  }));
}
