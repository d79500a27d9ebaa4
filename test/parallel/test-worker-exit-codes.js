'use strict';
// Exit codes of workers: process.exit(n) ends only the worker (code after
// it does not run, the parent goes on), process.exitCode, and 'exit'
// listeners inside the worker run once.
const common = require('../common');
const assert = require('assert');
const { Worker } = require('worker_threads');

const flags = new Int32Array(new SharedArrayBuffer(8));

const explicit = new Worker(`
  const { workerData } = require('worker_threads');
  process.on('exit', (code) => { Atomics.add(workerData, 0, code); });
  process.exit(7);
  Atomics.store(workerData, 1, 1);  // never runs
`, { eval: true, workerData: flags });
explicit.on('exit', common.mustCall((code) => {
  assert.strictEqual(code, 7);
  assert.strictEqual(Atomics.load(flags, 0), 7);
  assert.strictEqual(Atomics.load(flags, 1), 0);
}));

const viaExitCode = new Worker('process.exitCode = 3;', { eval: true });
viaExitCode.on('exit', common.mustCall((code) => {
  assert.strictEqual(code, 3);
}));

const natural = new Worker('setTimeout(() => {}, 10);', { eval: true });
natural.on('exit', common.mustCall((code) => {
  assert.strictEqual(code, 0);
}));

// The parent itself keeps running after its workers exit.
process.on('exit', (code) => assert.strictEqual(code, 0));
