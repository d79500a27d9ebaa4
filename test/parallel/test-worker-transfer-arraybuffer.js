'use strict';
// ArrayBuffers listed in the transfer list move to the worker (detached
// in the sender) and back; a copied one stays usable in the sender.
const common = require('../common');
const assert = require('assert');
const { Worker } = require('worker_threads');

const w = new Worker(`
  const { parentPort } = require('worker_threads');
  parentPort.once('message', ({ moved, copied }) => {
    const view = new Uint8Array(moved);
    const sum = view.reduce((a, b) => a + b, 0);
    view[0] = 99;
    parentPort.postMessage({ sum, copiedLength: copied.byteLength, moved },
                           [moved]);
    if (moved.byteLength !== 0) throw new Error('not detached in worker');
  });
`, { eval: true });

const moved = new Uint8Array([1, 2, 3, 4]).buffer;
const copied = new ArrayBuffer(16);
w.postMessage({ moved, copied }, [moved]);
assert.strictEqual(moved.byteLength, 0);
assert.strictEqual(copied.byteLength, 16);

w.on('message', common.mustCall((msg) => {
  assert.strictEqual(msg.sum, 10);
  assert.strictEqual(msg.copiedLength, 16);
  assert.deepStrictEqual([...new Uint8Array(msg.moved)], [99, 2, 3, 4]);
}));
w.on('error', common.mustNotCall());
w.on('exit', common.mustCall((code) => assert.strictEqual(code, 0)));
