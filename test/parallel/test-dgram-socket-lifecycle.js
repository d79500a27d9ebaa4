'use strict';
// dgram sockets over loopback: bind forms, address(), sends of strings,
// buffers, typed arrays and lists, connect/disconnect, option setters and
// the errors Node 18 throws (messages checked against node 18.20.4).
const common = require('../common');
const assert = require('assert');
const dgram = require('dgram');

// Argument checks that need no socket activity.
{
  const s = dgram.createSocket('udp4');
  assert.throws(() => dgram.createSocket('udp5'), {
    code: 'ERR_SOCKET_BAD_TYPE',
    name: 'TypeError',
    message: 'Bad socket type specified. Valid types are: udp4, udp6',
  });
  assert.throws(() => dgram.createSocket({ type: 'udp4', lookup: 5 }), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "lookup" argument must be of type function. ' +
             'Received type number (5)',
  });
  assert.throws(() => s.setTTL(5), { code: 'EBADF', message: 'setTTL EBADF' });
  assert.throws(() => s.getRecvBufferSize(), {
    code: 'ERR_SOCKET_BUFFER_SIZE',
    name: 'SystemError',
    message: 'Could not get or set buffer size: uv_recv_buffer_size ' +
             'returned EBADF (bad file descriptor)',
  });
  assert.throws(() => s.setRecvBufferSize(-1), {
    code: 'ERR_SOCKET_BAD_BUFFER_SIZE',
    message: 'Buffer size must be a positive integer',
  });
  assert.throws(() => s.remoteAddress(), {
    code: 'ERR_SOCKET_DGRAM_NOT_CONNECTED', message: 'Not connected',
  });
  assert.throws(() => s.send('x', 0), {
    code: 'ERR_SOCKET_BAD_PORT',
    message: 'Port should be > 0 and < 65536. Received type number (0).',
  });
  assert.throws(() => s.send(null, 1234), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "buffer" argument must be of type string or an instance ' +
             'of Buffer, TypedArray, or DataView. Received null',
  });
  assert.throws(() => s.send(['a', 1], 1234), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "buffer list arguments" argument must be of type string ' +
             'or an instance of Buffer, TypedArray, or DataView. Received ' +
             'an instance of Array',
  });
  assert.throws(() => s.send(Buffer.alloc(4), 5, 0, 1234, '127.0.0.1'), {
    code: 'ERR_BUFFER_OUT_OF_BOUNDS',
    message: '"offset" is outside of buffer bounds',
  });
  assert.throws(() => s.connect(80, 5), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "address" argument must be of type string. ' +
             'Received type number (5)',
  });
  s.close(common.mustCall(() => {
    assert.throws(() => s.address(), {
      code: 'ERR_SOCKET_DGRAM_NOT_RUNNING', message: 'Not running',
    });
    assert.throws(() => s.close(), { code: 'ERR_SOCKET_DGRAM_NOT_RUNNING' });
    // ref()/unref() of a closed socket are no-ops that return it.
    assert.strictEqual(s.ref(), s);
    assert.strictEqual(s.unref(), s);
  }));
}

// Round trip: one receiver, every form of send.
{
  const receiver = dgram.createSocket('udp4');
  const sender = dgram.createSocket({ type: 'udp4' });
  const expected = ['abc', 'def', 'ghi', 'jklmno', 'pq', ''];
  const got = [];

  receiver.on('message', common.mustCall((msg, rinfo) => {
    assert.strictEqual(rinfo.address, '127.0.0.1');
    assert.strictEqual(rinfo.family, 'IPv4');
    assert.strictEqual(rinfo.port, sender.address().port);
    assert.strictEqual(rinfo.size, msg.length);
    got.push(msg.toString());
    if (got.length === expected.length) {
      assert.deepStrictEqual(got.sort(), expected.slice().sort());
      receiver.close();
      sender.close(common.mustCall());
    }
  }, expected.length));

  receiver.bind({ port: 0, address: '127.0.0.1' }, common.mustCall(() => {
    const { address, port, family } = receiver.address();
    assert.strictEqual(address, '127.0.0.1');
    assert.strictEqual(family, 'IPv4');
    assert.ok(port > 0);
    // send() before the sender is bound: it binds implicitly and queues.
    sender.send('abc', port, '127.0.0.1', common.mustSucceed((bytes) => {
      assert.strictEqual(bytes, 3);
    }));
    sender.send(Buffer.from('xdefx'), 1, 3, port, '127.0.0.1');
    sender.send(new Uint8Array([0x67, 0x68, 0x69]), port, 'localhost');
    sender.send(['jkl', Buffer.from('mn'), new Uint8Array([0x6f])], port,
                common.mustSucceed((bytes) => assert.strictEqual(bytes, 6)));
    const dv = new DataView(new ArrayBuffer(4), 1, 2);
    dv.setUint8(0, 0x70);
    dv.setUint8(1, 0x71);
    sender.send(dv, port);
    sender.send([], port, '127.0.0.1');
  }));
}

// Connected sockets.
{
  const peer = dgram.createSocket('udp4');
  peer.bind(0, '127.0.0.1', common.mustCall(() => {
    const port = peer.address().port;
    const client = dgram.createSocket('udp4');
    client.connect(port, common.mustCall(() => {
      assert.deepStrictEqual(client.remoteAddress(),
                             { address: '127.0.0.1', family: 'IPv4', port });
      assert.throws(() => client.connect(port), {
        code: 'ERR_SOCKET_DGRAM_IS_CONNECTED', message: 'Already connected',
      });
      assert.throws(() => client.send('x', 0, 1, port, '127.0.0.1'), {
        code: 'ERR_SOCKET_DGRAM_IS_CONNECTED',
      });
      client.send('hello', common.mustSucceed((bytes) => {
        assert.strictEqual(bytes, 5);
      }));
    }));
    peer.on('message', common.mustCall((msg, rinfo) => {
      assert.strictEqual(msg.toString(), 'hello');
      client.disconnect();
      assert.throws(() => client.disconnect(), {
        code: 'ERR_SOCKET_DGRAM_NOT_CONNECTED',
      });
      client.close();
      peer.close();
    }));
  }));
}

// Option setters on a bound socket, and bind errors.
{
  const s = dgram.createSocket({ type: 'udp4', reuseAddr: true });
  s.bind(0, common.mustCall(() => {
    assert.strictEqual(s.address().address, '0.0.0.0');
    assert.strictEqual(s.setTTL(16), 16);
    assert.throws(() => s.setTTL(256), { message: 'setTTL EINVAL' });
    assert.strictEqual(s.setMulticastTTL(3), 3);
    assert.strictEqual(s.setMulticastLoopback(0), 0);
    s.setBroadcast(true);
    s.setRecvBufferSize(10000);
    // Linux doubles the requested size for bookkeeping.
    assert.strictEqual(s.getRecvBufferSize(), 20000);
    assert.strictEqual(s.getSendQueueCount(), 0);
    assert.strictEqual(s.getSendQueueSize(), 0);
    assert.throws(() => s.bind(), {
      code: 'ERR_SOCKET_ALREADY_BOUND', message: 'Socket is already bound',
    });
    assert.throws(() => s.addMembership('1.2.3.4'),
                  { message: 'addMembership EINVAL' });

    const other = dgram.createSocket('udp4');
    other.on('error', common.mustCall((err) => {
      assert.strictEqual(err.message, 'bind EADDRNOTAVAIL 1.1.1.1');
      assert.strictEqual(err.address, '1.1.1.1');
      assert.strictEqual(err.port, undefined);
      other.close();
      s.close();
    }));
    other.bind(0, '1.1.1.1', common.mustNotCall());
  }));
}

// udp6 on ::1, and Symbol.asyncDispose.
{
  const s = dgram.createSocket('udp6');
  s.bind(0, '::1', common.mustCall(async () => {
    const { address, family } = s.address();
    assert.strictEqual(address, '::1');
    assert.strictEqual(family, 'IPv6');
    s.on('close', common.mustCall());
    await s[Symbol.asyncDispose]();
    assert.throws(() => s.address(), { code: 'ERR_SOCKET_DGRAM_NOT_RUNNING' });
    await s[Symbol.asyncDispose]();  // already closed: resolves
  }));
}

// An AbortSignal closes the socket.
{
  const controller = new AbortController();
  const s = dgram.createSocket({ type: 'udp4', signal: controller.signal });
  s.on('close', common.mustCall());
  s.bind(0, common.mustCall(() => controller.abort()));
}
