'use strict';
// An uncaught exception in a worker ends it with code 1 and becomes an
// 'error' event in the parent: an error of the same kind with the same
// message, stack and own properties; a thrown non-error arrives as is.
// An exception handled by the worker's 'uncaughtException' does not.
const common = require('../common');
const assert = require('assert');
const { Worker } = require('worker_threads');

const w = new Worker(`
  const err = new TypeError('bad thing');
  err.code = 'E_CUSTOM';
  err.extra = { n: 1 };
  throw err;
`, { eval: true });
w.on('error', common.mustCall((err) => {
  assert.ok(err instanceof TypeError);
  assert.strictEqual(err.message, 'bad thing');
  assert.strictEqual(err.code, 'E_CUSTOM');
  assert.deepStrictEqual(err.extra, { n: 1 });
  assert.match(err.stack, /^TypeError: bad thing\n {4}at /m);
  // Uncaught, so the stack starts with where it was thrown.
  assert.match(err.stack, /^\[worker eval\]:5\n  throw err;\n  \^\n/);
  assert.strictEqual(String(err), 'TypeError: bad thing');
}));
w.on('exit', common.mustCall((code) => assert.strictEqual(code, 1)));

const plain = new Worker('throw 42;', { eval: true });
plain.on('error', common.mustCall((value) => assert.strictEqual(value, 42)));
plain.on('exit', common.mustCall((code) => assert.strictEqual(code, 1)));

const rejected = new Worker('Promise.reject(new RangeError("nope"));',
                            { eval: true });
rejected.on('error', common.mustCall((err) => {
  assert.ok(err instanceof RangeError);
  assert.strictEqual(err.message, 'nope');
}));
rejected.on('exit', common.mustCall((code) => assert.strictEqual(code, 1)));

const handled = new Worker(`
  process.on('uncaughtException', () => {});
  throw new Error('swallowed');
`, { eval: true });
handled.on('error', common.mustNotCall());
handled.on('exit', common.mustCall((code) => assert.strictEqual(code, 0)));
