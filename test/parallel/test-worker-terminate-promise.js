'use strict';
// worker.terminate() stops a worker stuck in a busy loop: the promise
// resolves with exit code 1, 'exit' fires with 1, and terminating again
// afterwards resolves with undefined. A worker blocked in Atomics.wait
// is stopped too.
const common = require('../common');
const assert = require('assert');
const { Worker } = require('worker_threads');

const w = new Worker(`
  require('worker_threads').parentPort.postMessage('spinning');
  for (;;) {}
`, { eval: true });
w.on('exit', common.mustCall((code) => assert.strictEqual(code, 1)));
w.once('message', common.mustCall(async (msg) => {
  assert.strictEqual(msg, 'spinning');
  const code = await w.terminate();
  assert.strictEqual(code, 1);
  assert.strictEqual(await w.terminate(), undefined);
}));

const blocked = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.postMessage('waiting');
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
`, { eval: true });
blocked.once('message', common.mustCall(() => {
  blocked.terminate().then(common.mustCall((code) => {
    assert.strictEqual(code, 1);
  }));
}));
