// A child that leaves without acknowledging a handle it was sent: the
// messages queued behind that handle fail with ERR_IPC_CHANNEL_CLOSED and
// the parent still sees 'disconnect' (the dead channel's queue is dropped
// instead of holding the disconnect back forever).
'use strict';
const common = require('../common');
const assert = require('assert');
const { fork } = require('child_process');
const net = require('net');

if (process.argv[2] === 'child') {
  process.send('ready');
  // Busy, so nothing sent to us is read (and no handle is acknowledged).
  const until = Date.now() + 500;
  while (Date.now() < until);
  process.exit(0);
}

const child = fork(__filename, ['child']);
const server = net.createServer();
child.once('message', common.mustCall((m) => {
  assert.strictEqual(m, 'ready');
  server.listen(0, common.mustCall(() => {
    child.send('handle', server, common.mustCall());
    child.send('queued', common.mustCall((err) => {
      assert.strictEqual(err.code, 'ERR_IPC_CHANNEL_CLOSED');
    }));
  }));
}));
child.on('disconnect', common.mustCall(() => server.close()));
child.on('exit', common.mustCall((code) => assert.strictEqual(code, 0)));
