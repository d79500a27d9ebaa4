'use strict';
// Buffer search, fill, compare, copy, concat and friends: Node 18's exact
// results and errors, including the odd corners of byteOffset handling and
// UCS-2 searches. Expected values come from the reference node 18.20.4.
require('../common');
const assert = require('assert');

const bytes = (b) => Array.from(b);

assert.strictEqual(Buffer.from('abcabc').indexOf('bc'), 1);
assert.strictEqual(Buffer.from('abcabc').indexOf('bc', 2), 4);
assert.strictEqual(Buffer.from('abcabc').lastIndexOf('bc'), 4);
assert.strictEqual(Buffer.from('abcabc').lastIndexOf('bc', 3), 1);
assert.strictEqual(Buffer.from('abcabc').lastIndexOf('bc', -2), 4);
assert.strictEqual(Buffer.from('abcabc').indexOf('bc', -2), 4);
assert.strictEqual(Buffer.from('abcabc').indexOf('b', -(2 ** 40)), 1);
assert.strictEqual(Buffer.from('abcabc').lastIndexOf('b', -(2 ** 40)), -1);
assert.strictEqual(Buffer.from('abcabc').lastIndexOf('c', 2 ** 40), 5);
assert.strictEqual(Buffer.from('abc').indexOf('bc', 2 ** 40), -1);
assert.strictEqual(Buffer.from('abc').indexOf(''), 0);
assert.strictEqual(Buffer.from('abc').indexOf('', 5), 3);
assert.strictEqual(Buffer.from('abc').lastIndexOf('', 1), 1);
assert.strictEqual(Buffer.from('abc').lastIndexOf('', -10), 0);
assert.strictEqual(Buffer.from('abc').lastIndexOf('c', NaN), 2);
assert.strictEqual(Buffer.from('abc').lastIndexOf('c', {}), 2);
assert.strictEqual(Buffer.from('abc').lastIndexOf('c', null), -1);
assert.throws(() => Buffer.from('abc').indexOf('c', '1'), {
  code: 'ERR_UNKNOWN_ENCODING',
  name: 'TypeError',
  message: 'Unknown encoding: 1',
});
assert.strictEqual(Buffer.from('abc').indexOf(99.5), 2);
assert.strictEqual(Buffer.from('abc').indexOf(355), 2);
assert.strictEqual(Buffer.from('abc').indexOf(-157), 2);
assert.throws(() => Buffer.from('abc').indexOf({}), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "value" argument must be one of type number or strin' +
               'g or an instance of Buffer or Uint8Array. Received an in' +
               'stance of Object',
});
assert.throws(() => Buffer.from('abc').indexOf(new Uint16Array([0x6362])), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "value" argument must be one of type number or strin' +
               'g or an instance of Buffer or Uint8Array. Received an in' +
               'stance of Uint16Array',
});
assert.strictEqual(Buffer.from('abc').indexOf('YWJj', 'base64'), 0);
assert.strictEqual(Buffer.from('abc').indexOf('zz', 'hex'), 0);
assert.strictEqual(Buffer.from('abc').indexOf('6263', 'hex'), 1);
assert.throws(() => Buffer.from('abc').indexOf('c', 'foo'), {
  code: 'ERR_UNKNOWN_ENCODING',
  name: 'TypeError',
  message: 'Unknown encoding: foo',
});
assert.strictEqual(Buffer.from('abcabc').indexOf(Buffer.from('abc'), '3'), 0);
assert.strictEqual(Buffer.from('abcabc').indexOf(Buffer.from('abc'), true), 3);
assert.strictEqual(Buffer.from('abcabc').indexOf(Buffer.from('abc'), [3]), 3);
assert.strictEqual(
  Buffer.from('abcabc').indexOf(Buffer.from('abc'), 0x80000001),
  -1);
assert.strictEqual(Buffer.from('abc').lastIndexOf(Buffer.from('abcd')), -1);
assert.strictEqual(Buffer.from('aaa').lastIndexOf('a', 1.5), 1);
assert.strictEqual(
  Buffer.from('a\u0000b\u0000c\u0000').indexOf('b', 0, 'ucs2'),
  2);
assert.strictEqual(
  Buffer.from('xa\u0000b\u0000c\u0000').indexOf('b', 0, 'ucs2'),
  -1);
assert.strictEqual(
  Buffer.from('a\u0000b\u0000c\u0000').indexOf('b', 3, 'ucs2'),
  2);
assert.strictEqual(
  Buffer.from('a\u0000b\u0000c\u0000').lastIndexOf('b', 1, 'ucs2'),
  -1);
assert.strictEqual(
  Buffer.from('xa\0b\0c\0').indexOf(Buffer.from('b\0'), 0, 'ucs2'),
  6);
assert.strictEqual(
  Buffer.from([98, 0, 97, 97, 98, 0, 98, 97]).indexOf('b', 1, 'ucs2'),
  0);
assert.strictEqual(Buffer.from([0, 98, 97]).indexOf('', 3, 'ucs2'), 2);
assert.strictEqual(Buffer.from([97, 97, 0]).lastIndexOf('', -1, 'ucs2'), 1);
assert.strictEqual(
  Buffer.from([0, 97, 98]).indexOf(Buffer.from([0, 97]), 1, 'ucs2'),
  0);
assert.strictEqual(Buffer.from('hello world').includes('wor'), true);
assert.strictEqual(Buffer.from('hello world').includes('wor', 7), false);
assert.strictEqual(
  Buffer.from('hello world').includes(Buffer.from('o w')),
  true);
assert.strictEqual(Buffer.from('\u20ac\u20ac').indexOf('\u20ac', 1), 3);
assert.strictEqual(Buffer.from('abc').indexOf('b', 0, 'latin1'), 1);
assert.throws(() => Buffer.prototype.lastIndexOf.call({}, 1), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "buffer" argument must be an instance of Buffer, Typ' +
               'edArray, or DataView. Received an instance of Object',
});
assert.throws(() => Buffer.alloc(5).fill('ab', 1, 6), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "end" is out of range. It must be >= 0 && <' +
               '= 5. Received 6',
});
assert.throws(() => Buffer.alloc(5).fill('ab', -1), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "offset" is out of range. It must be >= 0 &' +
               '& <= 4294967296. Received -1',
});
assert.deepStrictEqual(
  bytes(Buffer.alloc(5).fill('ab', 3, 1)),
  [0, 0, 0, 0, 0]);
assert.throws(() => Buffer.alloc(5).fill('ab', 1.5), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "offset" is out of range. It must be an int' +
               'eger. Received 1.5',
});
assert.throws(() => Buffer.alloc(5).fill('ab', '1'), {
  code: 'ERR_UNKNOWN_ENCODING',
  name: 'TypeError',
  message: 'Unknown encoding: 1',
});
assert.throws(() => Buffer.alloc(5).fill('ab', 0, 5, 1), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "encoding" argument must be of type string. Received' +
               ' type number (1)',
});
assert.deepStrictEqual(
  bytes(Buffer.alloc(5).fill('ab', 0, 5, null)),
  [97, 98, 97, 98, 97]);
assert.throws(() => Buffer.alloc(5).fill('zz', 'hex'), {
  code: 'ERR_INVALID_ARG_VALUE',
  name: 'TypeError',
  message: 'The argument \'value\' is invalid. Received \'zz\'',
});
assert.deepStrictEqual(
  bytes(Buffer.alloc(5).fill('abz', 'hex')),
  [171, 171, 171, 171, 171]);
assert.throws(() => Buffer.alloc(5).fill('=', 'base64'), {
  code: 'ERR_INVALID_ARG_VALUE',
  name: 'TypeError',
  message: 'The argument \'value\' is invalid. Received \'=\'',
});
assert.throws(() => Buffer.alloc(5).fill(Buffer.alloc(0)), {
  code: 'ERR_INVALID_ARG_VALUE',
  name: 'TypeError',
  message: 'The argument \'value\' is invalid. Received <Buffer >',
});
assert.deepStrictEqual(bytes(Buffer.alloc(5).fill('', 'hex')), [0, 0, 0, 0, 0]);
assert.deepStrictEqual(bytes(Buffer.alloc(5).fill(257)), [1, 1, 1, 1, 1]);
assert.deepStrictEqual(
  bytes(Buffer.alloc(5).fill(-1.5)),
  [255, 255, 255, 255, 255]);
assert.deepStrictEqual(bytes(Buffer.alloc(5).fill(true)), [1, 1, 1, 1, 1]);
assert.deepStrictEqual(bytes(Buffer.alloc(5).fill({})), [0, 0, 0, 0, 0]);
assert.throws(() => Buffer.alloc(5).fill(1n), {
  name: 'TypeError',
  message: 'Cannot convert a BigInt value to a number',
});
assert.deepStrictEqual(
  bytes(Buffer.alloc(5).fill(new Uint16Array([0x102]))),
  [2, 1, 2, 1, 2]);
assert.deepStrictEqual(
  bytes(Buffer.alloc(5).fill('\u0222', 'ucs2')),
  [34, 2, 34, 2, 34]);
assert.deepStrictEqual(bytes(Buffer.alloc(1).fill('\u0222', 'ucs2')), [34]);
assert.deepStrictEqual(
  bytes(Buffer.alloc(7).fill('\u20ac')),
  [226, 130, 172, 226, 130, 172, 226]);
assert.deepStrictEqual(
  bytes(Buffer.alloc(7, 'YWI=', 'base64')),
  [97, 98, 97, 98, 97, 98, 97]);
assert.throws(() => Buffer.alloc(-1), {
  code: 'ERR_INVALID_ARG_VALUE',
  name: 'RangeError',
  message: 'The argument \'size\' is invalid. Received -1',
});
assert.throws(() => Buffer.alloc(NaN), {
  code: 'ERR_INVALID_ARG_VALUE',
  name: 'RangeError',
  message: 'The argument \'size\' is invalid. Received NaN',
});
assert.throws(() => Buffer.alloc('5'), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "size" argument must be of type number. Received typ' +
               'e string (\'5\')',
});
assert.throws(() => Buffer.alloc(2 ** 32 + 1), {
  code: 'ERR_INVALID_ARG_VALUE',
  name: 'RangeError',
  message: 'The argument \'size\' is invalid. Received 4294967297',
});
assert.throws(() => Buffer.allocUnsafe(Infinity), {
  code: 'ERR_INVALID_ARG_VALUE',
  name: 'RangeError',
  message: 'The argument \'size\' is invalid. Received Infinity',
});
assert.strictEqual(Buffer.compare(Buffer.from('a'), Buffer.from('b')), -1);
assert.strictEqual(Buffer.compare(Buffer.from('b'), Buffer.from('ab')), 1);
assert.strictEqual(Buffer.compare(Buffer.from('ab'), Buffer.from('ab')), 0);
assert.throws(() => Buffer.compare(Buffer.from('a'), 'a'), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "buf2" argument must be an instance of Buffer or Uin' +
               't8Array. Received type string (\'a\')',
});
assert.strictEqual(
  Buffer.from('abcdef').compare(Buffer.from('cd'), 0, 2, 2, 4),
  0);
assert.strictEqual(
  Buffer.from('abcdef').compare(Buffer.from('cd'), 0, 2, 2),
  1);
assert.strictEqual(Buffer.from('abcdef').compare(Buffer.from('cd'), 3), 1);
assert.throws(() => Buffer.from('abcdef').compare(Buffer.from('cd'), 0, 3), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "targetEnd" is out of range. It must be >= ' +
               '0 && <= 2. Received 3',
});
assert.throws(() => Buffer.from('abcdef').compare(Buffer.from('cd'), -1), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "targetStart" is out of range. It must be >' +
               '= 0 && <= 4294967296. Received -1',
});
assert.strictEqual(
  Buffer.from('abcdef').compare(Buffer.from('cd'), 0, 2, 4, 3),
  -1);
assert.strictEqual(Buffer.from('abc').equals(Buffer.from('abc')), true);
assert.throws(() => Buffer.from('abc').equals('abc'), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "otherBuffer" argument must be an instance of Buffer' +
               ' or Uint8Array. Received type string (\'abc\')',
});
assert.deepStrictEqual(
  bytes(Buffer.concat([Buffer.from('ab'), new Uint8Array([99])])),
  [97, 98, 99]);
assert.deepStrictEqual(
  bytes(Buffer.concat([Buffer.from('ab'), Buffer.from('cd')], 3)),
  [97, 98, 99]);
assert.deepStrictEqual(
  bytes(Buffer.concat([Buffer.from('ab')], 4)),
  [97, 98, 0, 0]);
assert.throws(() => Buffer.concat([Buffer.from('ab'), 'cd']), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "list[1]" argument must be an instance of Buffer or ' +
               'Uint8Array. Received type string (\'cd\')',
});
assert.throws(() => Buffer.concat('ab'), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "list" argument must be an instance of Array. Receiv' +
               'ed type string (\'ab\')',
});
assert.strictEqual(Buffer.from('abcd').slice(-3, -1).toString(), 'bc');
assert.strictEqual(Buffer.from('abcd').subarray(1).toString(), 'bcd');
assert.strictEqual(Buffer.from('abcd').slice(3, 1).length, 0);
assert.strictEqual(Buffer.from('abcd').slice('1', NaN).length, 0);
assert.strictEqual(
  JSON.stringify(Buffer.from('ab')),
  '{"type":"Buffer","data":[97,98]}');
assert.deepStrictEqual(
  bytes(Buffer.from({ type: 'Buffer', data: [1, 2, 300] })),
  [1, 2, 44]);
assert.deepStrictEqual(
  bytes(Buffer.from(new Uint16Array([0x1234, 0x5678]))),
  [52, 120]);
assert.deepStrictEqual(bytes(Buffer.from({ length: 2, 0: 5, 1: 6 })), [5, 6]);
assert.deepStrictEqual(bytes(Buffer.from(new String('ab'))), [97, 98]);
assert.deepStrictEqual(
  bytes(Buffer.from({ [Symbol.toPrimitive]() { return 'xy'; } })),
  [120, 121]);
assert.throws(() => Buffer.from(5), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The first argument must be of type string or an instance' +
               ' of Buffer, ArrayBuffer, or Array or an Array-like Objec' +
               't. Received type number (5)',
});
assert.strictEqual(Buffer.from(new ArrayBuffer(4), 1, 2).length, 2);
assert.throws(() => Buffer.from(new ArrayBuffer(4), 5), {
  code: 'ERR_BUFFER_OUT_OF_BOUNDS',
  name: 'RangeError',
  message: '"offset" is outside of buffer bounds',
});
assert.throws(() => Buffer.from(new ArrayBuffer(4), 1, 9), {
  code: 'ERR_BUFFER_OUT_OF_BOUNDS',
  name: 'RangeError',
  message: '"length" is outside of buffer bounds',
});
assert.deepStrictEqual(bytes(Buffer.from('abcd').swap16()), [98, 97, 100, 99]);
assert.deepStrictEqual(
  bytes(Buffer.from('abcdefgh').swap32()),
  [100, 99, 98, 97, 104, 103, 102, 101]);
assert.deepStrictEqual(
  bytes(Buffer.from('abcdefgh').swap64()),
  [104, 103, 102, 101, 100, 99, 98, 97]);
assert.throws(() => Buffer.from('abc').swap16(), {
  code: 'ERR_INVALID_BUFFER_SIZE',
  name: 'RangeError',
  message: 'Buffer size must be a multiple of 16-bits',
});
assert.deepStrictEqual(
  bytes(Buffer.alloc(256).fill('abcdefgh').swap64().slice(0, 8)),
  [104, 103, 102, 101, 100, 99, 98, 97]);
assert.deepStrictEqual(bytes(Buffer.of(1, 2, 257)), [1, 2, 1]);
assert.deepStrictEqual(
  bytes(Buffer.copyBytesFrom(new Uint16Array([1, 2, 3]), 1, 1)),
  [2, 0]);
assert.throws(() => Buffer.copyBytesFrom([1]), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "view" argument must be an instance of TypedArray. R' +
               'eceived an instance of Array',
});
assert.strictEqual(Buffer.from('abcd').copy(Buffer.alloc(3), 1), 2);
assert.throws(() => Buffer.from('abcd').copy(Buffer.alloc(3), 0, 5), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "sourceStart" is out of range. It must be >' +
               '= 0 && <= 4. Received 5',
});
assert.throws(() => Buffer.from('abcd').copy(Buffer.alloc(3), -1), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "targetStart" is out of range. It must be >' +
               '= 0. Received -1',
});
assert.throws(() => Buffer.from('abcd').copy(Buffer.alloc(3), 0, 1, -1), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "sourceEnd" is out of range. It must be >= ' +
               '0. Received -1',
});
assert.strictEqual(Buffer.from('abcd').copy(Buffer.alloc(3), 0, 1, 2.7), 1);
assert.throws(() => Buffer.from('abcd').copy('x'), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "target" argument must be an instance of Buffer or U' +
               'int8Array. Received type string (\'x\')',
});


// Searching a 1 MiB buffer: found at the very end, and absent.
{
  const big = Buffer.alloc(1 << 20, 'abcdefghij');
  big.write('zzz', big.length - 3);
  assert.strictEqual(big.indexOf('zzz'), big.length - 3);
  assert.strictEqual(big.lastIndexOf('abc'), 1048570);
  assert.strictEqual(big.indexOf('zzzz'), -1);
  // Many false first-byte hits.
  const a = Buffer.alloc(1 << 16, 'a');
  a[a.length - 1] = 0x62;
  assert.strictEqual(a.indexOf('aaab'), a.length - 4);
  assert.strictEqual(a.lastIndexOf('baaa'), -1);
  a[0] = 0x62;
  assert.strictEqual(a.lastIndexOf('baaa'), 0);
}
