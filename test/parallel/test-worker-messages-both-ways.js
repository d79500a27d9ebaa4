'use strict';
// A worker and its parent exchange messages both ways: workerData,
// threadId and isMainThread inside the worker, 'online' before the first
// message, values cloned (Map, Date, nested objects), exit code 0.
const common = require('../common');
const assert = require('assert');
const { Worker, isMainThread, threadId } = require('worker_threads');

assert.strictEqual(isMainThread, true);
assert.strictEqual(threadId, 0);

const w = new Worker(`
  const assert = require('assert');
  const { parentPort, workerData, isMainThread, threadId } =
    require('worker_threads');
  assert.strictEqual(isMainThread, false);
  parentPort.on('message', (msg) => {
    if (msg === 'bye') {
      parentPort.close();
      return;
    }
    parentPort.postMessage({
      echo: msg,
      workerData,
      threadId,
      doubled: msg.n * 2,
    });
  });
`, { eval: true, workerData: { list: [1, 2, 3], when: new Date(0) } });

let online = false;
w.on('online', common.mustCall(() => { online = true; }));

const sent = { n: 21, map: new Map([['k', { deep: true }]]) };
w.postMessage(sent);
w.on('message', common.mustCall((msg) => {
  assert.strictEqual(online, true);
  assert.strictEqual(msg.doubled, 42);
  assert.notStrictEqual(msg.echo, sent);
  assert.deepStrictEqual(msg.echo, sent);
  assert.deepStrictEqual(msg.workerData,
                         { list: [1, 2, 3], when: new Date(0) });
  assert.strictEqual(msg.threadId, w.threadId);
  assert.ok(w.threadId > 0);
  w.postMessage('bye');
}));
w.on('exit', common.mustCall((code) => {
  assert.strictEqual(code, 0);
  assert.strictEqual(w.threadId, -1);
}));
