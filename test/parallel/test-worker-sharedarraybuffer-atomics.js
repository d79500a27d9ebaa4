'use strict';
// A SharedArrayBuffer is shared, not copied, between threads: the worker
// blocks in Atomics.wait until the parent stores and notifies, and what
// the worker writes is seen by the parent.
const common = require('../common');
const assert = require('assert');
const { Worker } = require('worker_threads');

const shared = new Int32Array(new SharedArrayBuffer(8));
const w = new Worker(`
  const { workerData, parentPort } = require('worker_threads');
  const shared = workerData;
  parentPort.postMessage('waiting');
  const result = Atomics.wait(shared, 0, 0, 10000);
  Atomics.store(shared, 1, shared[0] + 1);
  parentPort.postMessage(result);
`, { eval: true, workerData: shared });

w.once('message', common.mustCall((first) => {
  assert.strictEqual(first, 'waiting');
  Atomics.store(shared, 0, 41);
  Atomics.notify(shared, 0);
  w.once('message', common.mustCall((result) => {
    assert.ok(result === 'ok' || result === 'not-equal', result);
    assert.strictEqual(Atomics.load(shared, 1), 42);
  }));
}));
w.on('exit', common.mustCall((code) => assert.strictEqual(code, 0)));
