'use strict';
// worker.terminate() stops a worker for good even when the termination
// interrupts one piece of JS while more is queued behind it: the queued
// nextTick, microtask, immediate or timer must not run afterwards (here
// each of them would spin forever).
const common = require('../common');
const assert = require('assert');
const { Worker } = require('worker_threads');

const queues = [
  'process.nextTick(spin)',
  'Promise.resolve().then(spin)',
  'queueMicrotask(spin)',
  'setImmediate(spin)',
  'setTimeout(spin, 0)',
];

for (const queue of queues) {
  // The parent terminates as soon as it hears from the worker, which is
  // then still busy in its main script, with `spin` queued.
  const w = new Worker(`
    function spin() { while (true); }
    ${queue};
    require('worker_threads').parentPort.postMessage('queued');
    const start = Date.now();
    while (Date.now() - start < 300);
  `, { eval: true });
  w.on('message', common.mustCall(() => {
    w.terminate().then(common.mustCall((code) => {
      assert.strictEqual(code, 1, queue);
    }));
  }));
  w.on('exit', common.mustCall((code) => assert.strictEqual(code, 1, queue)));
}
