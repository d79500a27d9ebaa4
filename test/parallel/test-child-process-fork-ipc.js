'use strict';
// child_process.fork: the IPC channel both ways (JSON), process.send and
// the child's events, internal messages, disconnect, and send() errors.
const common = require('../common');
const assert = require('assert');
const cp = require('child_process');

if (process.argv[2] === 'silent') {
  console.log('quiet');
  return;
}

if (process.argv[2] === 'child') {
  assert.strictEqual(process.connected, true);
  assert.strictEqual(typeof process.channel.fd, 'number');
  assert.strictEqual(process.env.NODE_CHANNEL_FD, undefined);
  process.on('internalMessage', (msg) => {
    if (msg.cmd === 'NODE_PING') process.send({ cmd: 'NODE_PONG' });
  });
  process.on('message', (msg) => {
    if (msg === 'bye') {
      process.disconnect();
      return;
    }
    process.send({ echo: msg, argv: process.argv.slice(3) });
  });
  process.on('disconnect', () => {
    assert.strictEqual(process.connected, false);
    assert.strictEqual(process.channel, null);
  });
  return;
}

const child = cp.fork(__filename, ['child', 'x', 'y']);
assert.strictEqual(child.connected, true);
assert.strictEqual(child.stdin, null);
assert.strictEqual(child.stdio.length, 4);

const replies = [];
child.on('message', common.mustCall((msg) => {
  replies.push(msg);
  if (replies.length === 3) child.send('bye');
}, 3));

// A 'NODE_' command is internal: 'internalMessage', never 'message'.
child.on('internalMessage', common.mustCall((msg) => {
  assert.deepStrictEqual(msg, { cmd: 'NODE_PONG' });
}));

assert.strictEqual(child.send({ cmd: 'NODE_PING' }), true);
child.send('héllo ☃');
child.send([1, { a: null }]);
child.send(42, common.mustCall((err) => assert.strictEqual(err, null)));

child.on('disconnect', common.mustCall(() => {
  assert.strictEqual(child.connected, false);
  assert.strictEqual(child.channel, null);
  // Sending on a closed channel: the callback gets the error...
  child.send('late', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_IPC_CHANNEL_CLOSED');
  }));
  // ...and disconnecting again is an 'error'.
  child.once('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_IPC_DISCONNECTED');
  }));
  child.disconnect();
}));

const events = [];
child.on('exit', common.mustCall((code, signal) => {
  events.push('exit');
  assert.strictEqual(code, 0);
}));
child.on('close', common.mustCall(() => {
  assert.deepStrictEqual(events, ['exit']);
  assert.deepStrictEqual(replies, [
    { echo: 'héllo ☃', argv: ['x', 'y'] },
    { echo: [1, { a: null }], argv: ['x', 'y'] },
    { echo: 42, argv: ['x', 'y'] },
  ]);
}));

// Invalid messages and options throw.
assert.throws(() => child.send(undefined), { code: 'ERR_MISSING_ARGS' });
assert.throws(() => child.send(Symbol('s')),
              { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => child.send('m', null, 'opts'),
              { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => child.send('m', {}), { code: 'ERR_INVALID_HANDLE_TYPE' });

// fork() needs 'ipc' in an explicit stdio array.
assert.throws(() => cp.fork(__filename, { stdio: ['pipe', 'pipe', 'pipe'] }),
              { code: 'ERR_CHILD_PROCESS_IPC_REQUIRED' });

// silent: the child's output comes through pipes.
{
  const silent = cp.fork(__filename, ['silent'], { silent: true });
  assert.ok(silent.stdin);
  let out = '';
  silent.stdout.on('data', (d) => { out += d; });
  silent.on('close', common.mustCall(() => {
    assert.strictEqual(out, 'quiet\n');
  }));
}
