'use strict';
// Socket behaviours: idle 'timeout', allowHalfOpen, resetAndDestroy()
// (the peer sees ECONNRESET) and the onread { buffer, callback } mode.
const common = require('../common');
const assert = require('assert');
const net = require('net');

function withServer(onConnection, onListening) {
  const server = net.createServer(onConnection);
  server.listen(0, '127.0.0.1',
                () => onListening(server, server.address().port));
}

// setTimeout: 'timeout' after inactivity; the socket stays open.
withServer((c) => c.on('error', () => {}), common.mustCall((server, port) => {
  const c = net.connect(port, '127.0.0.1');
  const start = Date.now();
  c.setTimeout(50, common.mustCall(() => {
    assert.ok(Date.now() - start >= 45);
    assert.strictEqual(c.destroyed, false);
    assert.strictEqual(c.timeout, 50);
    c.setTimeout(0);
    c.destroy();
    server.close();
  }));
  c.setNoDelay(true).setKeepAlive(true, 1000);
}));

// allowHalfOpen: after the client's FIN the server can still write.
{
  const onConnection = common.mustCall((c) => {
    c.on('end', common.mustCall(() => {
      assert.strictEqual(c.writable, true);
      c.end('late reply');
    }));
    c.resume();
  });
  const server = net.createServer({ allowHalfOpen: true }, onConnection);
  server.listen(0, '127.0.0.1', common.mustCall(() => {
    const c = net.connect({ port: server.address().port, host: '127.0.0.1' });
    c.end();
    let data = '';
    c.setEncoding('utf8');
    c.on('data', (d) => { data += d; });
    c.on('end', common.mustCall(() => {
      assert.strictEqual(data, 'late reply');
      server.close();
    }));
  }));
}

// resetAndDestroy(): RST instead of FIN.
withServer(common.mustCall((c) => {
  c.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ECONNRESET');
    assert.strictEqual(err.message, 'read ECONNRESET');
  }));
  c.on('close', common.mustCall((hadError) => {
    assert.strictEqual(hadError, true);
  }));
}), common.mustCall((server, port) => {
  const c = net.connect(port, '127.0.0.1', common.mustCall(() => {
    c.resetAndDestroy();
    server.close();
  }));
  c.on('close', common.mustCall());
}));

// onread: data lands in the given buffer, piece by piece; returning false
// pauses until resume().
withServer((c) => c.end('0123456789'), common.mustCall((server, port) => {
  const buf = Buffer.alloc(4);
  const pieces = [];
  const c = net.connect({
    port,
    host: '127.0.0.1',
    onread: {
      buffer: buf,
      callback(n, b) {
        assert.strictEqual(b, buf);
        pieces.push(b.toString('latin1', 0, n));
        if (pieces.length === 1) {
          setTimeout(() => this.resume(), 20);
          return false;
        }
      },
    },
  });
  c.on('data', common.mustNotCall());
  c.on('end', common.mustCall(() => {
    assert.deepStrictEqual(pieces, ['0123', '4567', '89']);
    server.close();
  }));
}));
