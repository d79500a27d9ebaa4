'use strict';
// Loose and strict deep equality over a table of value pairs whose results
// were taken from Node.js 18.20.4.
require('../common');
const assert = require('assert');
const util = require('util');

function args() { return arguments; }
const sym = Symbol('s');
const circA = { a: 1 };
circA.self = circA;
const circB = { a: 1 };
circB.self = circB;
const circC = { a: 1, self: { a: 1 } };
const sparseA = [1, , 3]; // eslint-disable-line no-sparse-arrays
const fakeArray = { 0: 1, length: 1 };
Object.setPrototypeOf(fakeArray, Array.prototype);
const errA = new Error('m');
errA.code = 1;
const errB = new Error('m');
errB.code = 2;
const nonEnum = {};
Object.defineProperty(nonEnum, 'a', { value: 1 });
const withSym = { [sym]: 1 };
const withSym2 = { [sym]: 1 };
const re3 = /a/g;
re3.lastIndex = 3;

// [actual, expected, deepEqual result, deepStrictEqual result]
const table = [
  [1, '1', true, false],
  [0, -0, true, false],
  [-0, -0, true, true],
  [NaN, NaN, true, true],
  [null, undefined, true, false],
  [true, 1, true, false],
  [{ a: 1 }, { a: '1' }, true, false],
  [[1, 2], [1, 2], true, true],
  [[1, 2], [2, 1], false, false],
  [sparseA, [1, undefined, 3], false, false],
  [sparseA, [1, , 3], true, true], // eslint-disable-line no-sparse-arrays
  [fakeArray, [1], false, false],
  [args(1), [1], false, false],
  [args(1), args(1), true, true],
  [new Number(0), new Number(-0), false, false],
  [new String('a'), new String('a'), true, true],
  [new String('a'), 'a', false, false],
  [Object(1n), Object(1n), true, true],
  [Object(sym), Object(sym), true, true],
  [new Date(0), new Date(0), true, true],
  [new Date(0), new Date(1), false, false],
  [/a/g, /a/g, true, true],
  [/a/g, /a/i, false, false],
  [re3, /a/g, false, false],
  [new Set([1, 2]), new Set([2, 1]), true, true],
  [new Set(['1']), new Set([1]), true, false],
  [new Set([{ a: 1 }, { a: 2 }]), new Set([{ a: 2 }, { a: 1 }]), true, true],
  [new Set([{ a: 1 }, { a: 1 }]), new Set([{ a: 1 }, { a: 2 }]), false, false],
  [new Set([null]), new Set([undefined]), true, false],
  [new Set([NaN]), new Set([NaN]), true, true],
  [new Map([[1, 'a']]), new Map([['1', 'a']]), true, false],
  [new Map([[{}, 1]]), new Map([[{}, 1]]), true, true],
  [new Map([[{}, 1]]), new Map([[{}, 2]]), false, false],
  [new Map([[1, {}]]), new Map([[true, {}]]), true, false],
  [new Map([[NaN, 1]]), new Map([[NaN, 1]]), true, true],
  [new Float64Array([0]), new Float64Array([-0]), true, false],
  [new Float64Array([NaN]), new Float64Array([NaN]), false, true],
  [new Uint8Array([1, 2]), new Uint8Array([1, 2]), true, true],
  [new Uint8Array([1]), new Int8Array([1]), false, false],
  [new Uint8Array([1]), Buffer.from([1]), true, false],
  [new ArrayBuffer(2), new ArrayBuffer(2), true, true],
  [new ArrayBuffer(2), new SharedArrayBuffer(2), false, false],
  [new DataView(new ArrayBuffer(2)), new DataView(new ArrayBuffer(2)),
   true, true],
  [errA, errB, false, false],
  [new Error('m'), new Error('m'), true, true],
  [new Error('m'), new TypeError('m'), false, false],
  [circA, circB, true, true],
  [circA, circC, false, false],
  [nonEnum, {}, true, true],
  [withSym, withSym2, true, true],
  [withSym, {}, true, false],
  [Object.create(null), {}, true, false],
  [new (class Foo {})(), {}, true, false],
  [{ a: undefined }, { b: undefined }, false, false],
  [{ get a() { return 1; } }, { a: 1 }, true, true],
  [new WeakMap(), new WeakMap(), true, true],
  [Promise.resolve(1), Promise.resolve(2), true, true],
  [() => {}, () => {}, false, false],
  [[new Set([1])], [new Set([1])], true, true],
];

for (const [a, b, loose, strict] of table) {
  const what = `${util.inspect(a)} / ${util.inspect(b)}`;
  if (loose) {
    assert.deepEqual(a, b, `deepEqual ${what}`);
    assert.deepEqual(b, a, `deepEqual ${what} (reversed)`);
    assert.throws(() => assert.notDeepEqual(a, b), { code: 'ERR_ASSERTION' });
  } else {
    assert.throws(() => assert.deepEqual(a, b), { code: 'ERR_ASSERTION' },
                  `deepEqual ${what}`);
    assert.notDeepEqual(a, b);
  }
  if (strict) {
    assert.deepStrictEqual(a, b, `deepStrictEqual ${what}`);
    assert.strictEqual(util.isDeepStrictEqual(b, a), true, what);
  } else {
    assert.throws(() => assert.deepStrictEqual(a, b),
                  { code: 'ERR_ASSERTION' }, `deepStrictEqual ${what}`);
    assert.notDeepStrictEqual(a, b);
  }
}

// A proxy is compared through its traps.
assert.deepStrictEqual(new Proxy([1, 2], {}), [1, 2]);
