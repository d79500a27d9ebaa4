// Flags: --expose-internals
'use strict';
// The tcp_wrap binding: listen, accept, connect, read, write (synchronous
// first), shutdown and close, over loopback.
const common = require('../common');
const assert = require('assert');
const { internalBinding } = require('internal/test/binding');
const { TCP, TCPConnectWrap, constants } = internalBinding('tcp_wrap');
// Every stream write leaves its byte count and whether libuv queued it here.
const { streamBaseState, kBytesWritten, kLastWriteWasAsync } =
  internalBinding('stream_wrap');

const server = new TCP(constants.SERVER);
assert.strictEqual(server.bind('127.0.0.1', 0), 0);
const addr = {};
assert.strictEqual(server.getsockname(addr), 0);
assert.strictEqual(addr.family, 'IPv4');
assert.strictEqual(addr.address, '127.0.0.1');
assert.ok(addr.port > 0);
assert.strictEqual(server.listen(10), 0);

const payload = 'hello é '.repeat(1000);
let echoed = '';

server.onconnection = common.mustCall((status, client) => {
  assert.strictEqual(status, 0);
  client.onread = common.mustCallAtLeast((nread, buf) => {
    if (nread < 0) {
      assert.strictEqual(nread, -4095); // UV_EOF
      client.close(common.mustCall());
      server.close(common.mustCall());
      return;
    }
    assert.ok(Buffer.isBuffer(buf));
    const req = { oncomplete: () => {} };
    streamBaseState[kBytesWritten] = -1;
    assert.strictEqual(client.writeBuffer(req, buf), 0);
    assert.strictEqual(streamBaseState[kBytesWritten], nread);
  });
  assert.strictEqual(client.readStart(), 0);
});

const socket = new TCP(constants.SOCKET);
const connectReq = new TCPConnectWrap();
connectReq.oncomplete = common.mustCall((status, handle, req, r, w) => {
  assert.strictEqual(status, 0);
  assert.strictEqual(handle, socket);
  assert.strictEqual(req, connectReq);
  assert.strictEqual(r, true);
  assert.strictEqual(w, true);
  const peer = {};
  assert.strictEqual(handle.getpeername(peer), 0);
  assert.strictEqual(peer.port, addr.port);
  handle.onread = (nread, buf) => {
    if (nread < 0) {
      handle.close();
      return;
    }
    echoed += buf.toString();
    if (Buffer.byteLength(echoed) === Buffer.byteLength(payload)) {
      assert.strictEqual(echoed, payload);
      handle.shutdown({ oncomplete: common.mustCall((s) => {
        assert.strictEqual(s, 0);
      }) });
    }
  };
  handle.readStart();
  const writeReq = {};
  streamBaseState[kLastWriteWasAsync] = -1;
  assert.strictEqual(handle.writeUtf8String(writeReq, payload), 0);
  assert.strictEqual(streamBaseState[kBytesWritten],
                     Buffer.byteLength(payload));
  assert.ok([0, 1].includes(streamBaseState[kLastWriteWasAsync]));
  assert.strictEqual(handle.bytesWritten, Buffer.byteLength(payload));
});
assert.strictEqual(socket.connect(connectReq, '127.0.0.1', addr.port), 0);

// Bad input gives error codes, not crashes.
const bad = new TCP(constants.SOCKET);
assert.ok(bad.bind('not an ip', 0) < 0);
bad.close();
