'use strict';
// serialization: 'advanced' carries the structured-clone value set across
// the IPC channel: the child echoes every value and the copy must be
// deep-equal (same types, cycles, holes, -0, lone surrogates...).
const common = require('../common');
const assert = require('assert');
const cp = require('child_process');

if (process.argv[2] === 'child') {
  process.on('message', (msg) => process.send(msg));
  return;
}

const circular = { name: 'c' };
circular.self = circular;
const shared = { s: 1 };
const sparse = [1, , 3];  // eslint-disable-line no-sparse-arrays
sparse.extra = 'prop';

const values = [
  null, true, false, 0, -0, 1.5, -(2 ** 31), 2 ** 40, NaN, Infinity,
  'plain', 'ünïcödé ☃ 😀', 'lone \ud800 surrogate', '',
  123456789012345678901234567890n, -5n,
  [1, 'two', [3]], sparse, { a: { b: { c: [] } }, u: undefined },
  new Date(1e12), /ab+c/gi,
  new Map([[1, 'one'], ['k', { v: 2 }]]), new Set([1, 'a', 3n]),
  new Uint8Array([1, 2, 3]), new Float64Array([Math.PI, -0]),
  new BigInt64Array([-1n]), Buffer.from('buf'),
  new DataView(new ArrayBuffer(4)), new ArrayBuffer(3),
  new Uint16Array(new ArrayBuffer(8), 2, 2),
  circular, { x: shared, y: shared },
  new Error('boom'), new RangeError('range'), new TypeError('type'),
  Object(1), Object('str'), Object(false), Object(7n),
];

const child = cp.fork(__filename, ['child'], { serialization: 'advanced' });
let i = 0;
child.on('message', common.mustCall(({ v: msg }) => {
  const sent = values[i++];
  if (sent instanceof Error) {
    assert.strictEqual(Object.getPrototypeOf(msg), Object.getPrototypeOf(sent));
    assert.strictEqual(msg.message, sent.message);
    assert.strictEqual(msg.stack, sent.stack);
  } else {
    assert.deepStrictEqual(msg, sent);
  }
  if (Object.is(sent, -0)) assert.ok(Object.is(msg, -0));
  if (sent === circular) assert.strictEqual(msg.self, msg);
  if (sent && sent.x === shared) assert.strictEqual(msg.x, msg.y);
  if (i === values.length) {
    child.disconnect();
  } else {
    child.send({ v: values[i] });
  }
}, values.length));
child.send({ v: values[0] });

// What cannot be cloned throws.
assert.throws(() => child.send({ f() {} }),
              { name: 'Error', message: 'f() {} could not be cloned.' });
