'use strict';
// A TCP round trip through net: the order of client events, readyState
// along the way, addresses on both ends, byte counters, and 'close' with
// hadError false; the server's connection count and 'close'.
const common = require('../common');
const assert = require('assert');
const net = require('net');

const events = [];
const server = net.createServer(common.mustCall((conn) => {
  assert.strictEqual(conn.remoteAddress, '127.0.0.1');
  assert.strictEqual(conn.remoteFamily, 'IPv4');
  assert.strictEqual(conn.localPort, server.address().port);
  assert.strictEqual(conn.readyState, 'open');
  assert.strictEqual(server._connections, 1);
  conn.setEncoding('utf8');
  let got = '';
  conn.on('data', (d) => { got += d; });
  conn.on('end', common.mustCall(() => {
    assert.strictEqual(got, 'hello world');
    assert.strictEqual(conn.bytesRead, 11);
    conn.end('bye');
  }));
  conn.on('close', common.mustCall((hadError) => {
    assert.strictEqual(hadError, false);
    assert.strictEqual(conn.bytesWritten, 3);
  }));
}));

server.listen(0, '127.0.0.1', common.mustCall(() => {
  const addr = server.address();
  assert.deepStrictEqual(Object.keys(addr), ['address', 'family', 'port']);
  assert.strictEqual(addr.address, '127.0.0.1');
  assert.strictEqual(addr.family, 'IPv4');

  const client = net.connect(addr.port, '127.0.0.1');
  assert.strictEqual(client.readyState, 'opening');
  assert.strictEqual(client.pending, true);
  assert.strictEqual(client.connecting, true);
  // Written before the connection is up: kept until 'connect'.
  client.write('hello ');
  assert.strictEqual(client.bytesWritten, 6);

  for (const ev of ['connect', 'ready', 'end', 'finish']) {
    client.on(ev, () => events.push(ev));
  }
  client.on('connect', common.mustCall(() => {
    assert.strictEqual(client.pending, false);
    assert.strictEqual(client.readyState, 'open');
    assert.strictEqual(client.remotePort, addr.port);
    assert.strictEqual(client.localAddress, '127.0.0.1');
    assert.strictEqual(typeof client.localPort, 'number');
    assert.deepStrictEqual(client.address(), {
      address: '127.0.0.1', family: 'IPv4', port: client.localPort,
    });
    client.end('world');
    assert.strictEqual(client.readyState, 'readOnly');
  }));
  let reply = '';
  client.on('data', (d) => { reply += d; events.push('data'); });
  client.on('close', common.mustCall((hadError) => {
    assert.strictEqual(hadError, false);
    assert.strictEqual(reply, 'bye');
    assert.strictEqual(client.bytesRead, 3);
    assert.strictEqual(client.bytesWritten, 11);
    assert.strictEqual(client.readyState, 'closed');
    assert.strictEqual(client.destroyed, true);
    // 'finish' (our FIN acknowledged) may come before or after the reply.
    assert.ok(events.includes('finish'));
    assert.deepStrictEqual(events.filter((e) => e !== 'finish'),
                           ['connect', 'ready', 'data', 'end']);
    server.close(common.mustCall());
  }));
}));
