'use strict';
// process.on(signal) installs a libuv signal handler (unref'd) that emits
// the signal name; removing the last listener uninstalls it.
const common = require('../common');
const assert = require('assert');

const { signals } = process.binding('constants').os;
assert.strictEqual(typeof signals.SIGUSR2, 'number');

process.on('SIGUSR2', common.mustCall((name, num) => {
  assert.strictEqual(name, 'SIGUSR2');
  assert.strictEqual(num, signals.SIGUSR2);
  process.removeAllListeners('SIGUSR2');
  // Without a listener the default action would kill us: ignore it now by
  // checking that the handler is gone from process.listeners().
  assert.strictEqual(process.listenerCount('SIGUSR2'), 0);
}));
assert.strictEqual(process.kill(process.pid, 'SIGUSR2'), true);
// Keep the loop alive long enough for the signal to arrive.
setTimeout(() => {}, 100);

assert.throws(() => process.kill(process.pid, 'SIGNOPE'),
              { code: 'ERR_UNKNOWN_SIGNAL', name: 'TypeError' });
assert.throws(() => process.kill('not a pid'),
              { code: 'ERR_INVALID_ARG_TYPE' });
