'use strict';
// Async WebAssembly compilation finishes on V8's worker threads and then
// posts a task to the isolate: that task must run whether the loop is
// empty (the process waits for it instead of exiting) or asleep waiting
// for an idle server (the post wakes it), in workers too.
const common = require('../common');
const assert = require('assert');
const net = require('net');
const { Worker, isMainThread } = require('worker_threads');

// (module (func (export "answer") (result i32) i32.const 42))
const bytes = new Uint8Array([
  0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
  0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7f,
  0x03, 0x02, 0x01, 0x00,
  0x07, 0x0a, 0x01, 0x06, 0x61, 0x6e, 0x73, 0x77, 0x65, 0x72, 0x00, 0x00,
  0x0a, 0x06, 0x01, 0x04, 0x00, 0x41, 0x2a, 0x0b,
]);

if (!isMainThread) {
  // Nothing else keeps this worker alive.
  WebAssembly.instantiate(bytes).then(({ instance }) => {
    require('worker_threads').parentPort.postMessage(instance.exports.answer());
  });
  return;
}

// Nothing else keeps the process alive.
WebAssembly.compile(bytes).then(common.mustCall((module) => {
  assert.ok(module instanceof WebAssembly.Module);
}));

// The loop sleeps on an idle server until the compile result wakes it.
const server = net.createServer().listen(0, common.mustCall(() => {
  WebAssembly.instantiate(bytes).then(common.mustCall(({ instance }) => {
    assert.strictEqual(instance.exports.answer(), 42);
    server.close();
  }));
}));

new Worker(__filename).on('message', common.mustCall((answer) => {
  assert.strictEqual(answer, 42);
}));
