'use strict';
// subprocess.send(message, handle): a listening net.Server and a
// connected net.Socket travel to the child, which uses them; messages
// sent meanwhile keep their order.
const common = require('../common');
const assert = require('assert');
const cp = require('child_process');
const net = require('net');

if (process.argv[2] === 'child') {
  const order = [];
  process.on('message', (msg, handle) => {
    order.push(msg);
    if (msg === 'server') {
      assert.ok(handle instanceof net.Server);
      handle.on('connection', (socket) => {
        socket.end('from child');
        handle.close();
      });
      process.send('server ready');
    } else if (msg === 'socket') {
      assert.ok(handle instanceof net.Socket);
      handle.end('child says hi');
    } else if (msg === 'last') {
      assert.strictEqual(handle, undefined);
      process.send({ order });
    }
  });
  return;
}

const child = cp.fork(__filename, ['child']);

// The server: once in the child, connections are answered there.
const server = net.createServer(common.mustNotCall());
server.listen(0, common.mustCall(() => {
  const { port } = server.address();
  child.send('server', server, common.mustSucceed());
  server.close();
  child.on('message', (msg) => {
    if (msg !== 'server ready') return;
    const c = net.connect(port);
    let data = '';
    c.on('data', (d) => { data += d; });
    c.on('end', common.mustCall(() => {
      assert.strictEqual(data, 'from child');
      sendSocket();
    }));
  });
}));

// The socket: one end of a connection made here goes to the child.
function sendSocket() {
  const peer = net.createServer(common.mustCall((conn) => {
    child.send('socket', conn);
    child.send('last');
    peer.close();
  }));
  peer.listen(0, common.mustCall(() => {
    const c = net.connect(peer.address().port);
    let data = '';
    c.on('data', (d) => { data += d; });
    c.on('end', common.mustCall(() => {
      assert.strictEqual(data, 'child says hi');
    }));
  }));
}

child.on('message', (msg) => {
  if (msg && msg.order) {
    assert.deepStrictEqual(msg.order, ['server', 'socket', 'last']);
    child.disconnect();
  }
});
child.on('exit', common.mustCall((code) => assert.strictEqual(code, 0)));
