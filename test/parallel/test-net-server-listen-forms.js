'use strict';
// net.Server: listen() calling forms, 'listening' and the connection key,
// address() for TCP and Unix sockets, EADDRINUSE, double listen, close()
// callbacks, getConnections(), maxConnections with 'drop'.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const net = require('net');

// listen(cb): an arbitrary port on the unspecified address; listening is
// true as soon as listen() returned.
{
  const server = net.createServer();
  server.listen(common.mustCall(() => {
    const { port, family } = server.address();
    assert.ok(port > 0);
    const bits = family === 'IPv6' ? '6' : '4';
    assert.strictEqual(server._connectionKey,
                       `${bits}:${server.address().address}:0`);
    assert.throws(() => server.listen(), {
      code: 'ERR_SERVER_ALREADY_LISTEN',
      message: 'Listen method has been called more than once without ' +
               'closing.',
    });
    // Same port again: EADDRINUSE, reported as a 'listen' error.
    const other = net.createServer();
    other.on('error', common.mustCall((err) => {
      assert.strictEqual(err.code, 'EADDRINUSE');
      assert.strictEqual(err.syscall, 'listen');
      assert.strictEqual(err.port, port);
      assert.match(err.message,
                   /^listen EADDRINUSE: address already in use .*:\d+$/);
      assert.strictEqual(other.listening, false);
      server.close(common.mustCall(() => {
        assert.strictEqual(server.listening, false);
        assert.strictEqual(server.address(), null);
      }));
    }));
    other.listen(port);
  }));
  assert.strictEqual(server.listening, true);
}

// listen(port, host): the lookup makes it asynchronous.
{
  const server = net.createServer();
  server.listen(0, '127.0.0.1', common.mustCall(() => {
    assert.strictEqual(server.address().address, '127.0.0.1');
    server.close();
  }));
  assert.strictEqual(server.listening, false);
}

// Bad ports and options.
for (const port of [-1, 65536, NaN, 1.5]) {
  assert.throws(() => net.createServer().listen(port), {
    code: 'ERR_SOCKET_BAD_PORT',
    name: 'RangeError',
  });
}
assert.throws(() => net.createServer().listen({}), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: /^The argument 'options' must have the property "port" or "path"/,
});
assert.throws(() => net.createServer().listen({ port: true }), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: /^The argument 'options' is invalid/,
});
assert.throws(() => net.createServer('x'), { code: 'ERR_INVALID_ARG_TYPE' });

// close() of a server that is not listening.
net.createServer().close(common.mustCall((err) => {
  assert.strictEqual(err.code, 'ERR_SERVER_NOT_RUNNING');
}));

// A Unix socket server: address() is the path; connections work.
{
  const path = `/tmp/nodus-test-listen-${process.pid}.sock`;
  try { fs.unlinkSync(path); } catch {}
  const server = net.createServer(common.mustCall((c) => c.end('unix')));
  server.listen(path, common.mustCall(() => {
    assert.strictEqual(server.address(), path);
    assert.strictEqual(server._connectionKey, `-1:${path}:-1`);
    const c = net.connect(path);
    c.setEncoding('utf8');
    c.on('data', common.mustCall((d) => assert.strictEqual(d, 'unix')));
    c.on('close', common.mustCall(() => server.close()));
  }));
}

// maxConnections: the extra connection is dropped with 'drop' details;
// getConnections() counts the live one.
{
  let first;
  const server = net.createServer(common.mustCall((c) => { first = c; }));
  server.maxConnections = 1;
  server.on('drop', common.mustCall((data) => {
    assert.strictEqual(data.localAddress, '127.0.0.1');
    assert.strictEqual(data.localPort, server.address().port);
    assert.strictEqual(data.remoteAddress, '127.0.0.1');
    assert.strictEqual(data.remoteFamily, 'IPv4');
    assert.strictEqual(typeof data.remotePort, 'number');
    server.getConnections(common.mustSucceed((n) => {
      assert.strictEqual(n, 1);
      first.destroy();
      server.close(common.mustCall());
    }));
  }));
  server.listen(0, '127.0.0.1', common.mustCall(() => {
    const { port } = server.address();
    net.connect(port, '127.0.0.1', common.mustCall(() => {
      net.connect(port, '127.0.0.1').on('error', () => {});
    })).on('error', () => {});
  }));
}
