'use strict';
// Buffer string codecs: Node 18's exact output for every encoding,
// including its handling of invalid input (lenient base64, truncated hex,
// U+FFFD for bad UTF-8, low bytes for latin1/ascii). Expected values come
// from the reference node 18.20.4.
require('../common');
const assert = require('assert');

const bytes = (b) => Array.from(b);

assert.deepStrictEqual(bytes(Buffer.from('YWJj', 'base64')), [97, 98, 99]);
assert.deepStrictEqual(bytes(Buffer.from('YWJ', 'base64')), [97, 98]);
assert.deepStrictEqual(bytes(Buffer.from('Y', 'base64')), []);
assert.deepStrictEqual(
  bytes(Buffer.from('YWJjZA', 'base64')),
  [97, 98, 99, 100]);
assert.deepStrictEqual(
  bytes(Buffer.from('YWJjZA==', 'base64')),
  [97, 98, 99, 100]);
assert.deepStrictEqual(bytes(Buffer.from('YW Jj\n', 'base64')), [97, 98, 99]);
assert.deepStrictEqual(bytes(Buffer.from('YW=Jj', 'base64')), [97]);
assert.deepStrictEqual(bytes(Buffer.from('YWJj=ZGVm', 'base64')), [97, 98, 99]);
assert.deepStrictEqual(bytes(Buffer.from('=YWJj', 'base64')), []);
assert.deepStrictEqual(bytes(Buffer.from('YW-_', 'base64')), [97, 111, 191]);
assert.deepStrictEqual(bytes(Buffer.from('YW+/', 'base64url')), [97, 111, 191]);
assert.deepStrictEqual(bytes(Buffer.from('Y!W@J#j', 'base64')), [97, 98, 99]);
assert.deepStrictEqual(
  bytes(Buffer.from('YWJ\u0141j', 'base64')),
  [97, 98, 64]);
assert.deepStrictEqual(bytes(Buffer.from('ab=c', 'base64')), [105]);
assert.deepStrictEqual(bytes(Buffer.from('abcd=e', 'base64')), [105, 183, 29]);
assert.deepStrictEqual(
  bytes(Buffer.from('aGVsbG8gd29ybGQgaGVsbG8gd29ybGQ=', 'base64')),
  [
    104, 101, 108, 108, 111, 32, 119, 111, 114, 108, 100, 32,
    104, 101, 108, 108, 111, 32, 119, 111, 114, 108, 100,
  ]);
assert.strictEqual(Buffer.byteLength('YWJjZA==', 'base64'), 4);
assert.strictEqual(Buffer.byteLength('YWJjZA===', 'base64'), 5);
assert.strictEqual(Buffer.byteLength('====', 'base64'), 1);
assert.strictEqual(Buffer.byteLength('YW=Jj', 'base64url'), 3);
assert.deepStrictEqual(bytes(Buffer.from('abcd', 'hex')), [171, 205]);
assert.deepStrictEqual(bytes(Buffer.from('abc', 'hex')), [171]);
assert.deepStrictEqual(bytes(Buffer.from('abzz', 'hex')), [171]);
assert.deepStrictEqual(bytes(Buffer.from('a bc', 'hex')), []);
assert.deepStrictEqual(bytes(Buffer.from('ABcd', 'hex')), [171, 205]);
assert.deepStrictEqual(bytes(Buffer.from('12345\u0131', 'hex')), [18, 52, 81]);
assert.strictEqual(Buffer.byteLength('abc', 'hex'), 1);
assert.deepStrictEqual(
  bytes(Buffer.from('\u0141\u00ff\u1234a', 'latin1')),
  [65, 255, 52, 97]);
assert.deepStrictEqual(
  bytes(Buffer.from('\u0141\u00ff\u1234a', 'ascii')),
  [65, 255, 52, 97]);
assert.strictEqual(
  Buffer.from([0x80, 0xff, 0x41]).toString('ascii'),
  '\u0000A');
assert.strictEqual(Buffer.from([0x80, 0xff, 0x41]).toString('latin1'), 'ÿA');
assert.strictEqual(Buffer.from([0x41, 0, 0x42]).toString('ucs2'), 'A');
assert.deepStrictEqual(
  bytes(Buffer.from('ab\ud800', 'ucs2')),
  [97, 0, 98, 0, 0, 216]);
assert.deepStrictEqual(bytes(Buffer.from('a\ud83db')), [97, 239, 191, 189, 98]);
assert.deepStrictEqual(
  bytes(Buffer.from('a\udc4db\ud83d')),
  [97, 239, 191, 189, 98, 239, 191, 189]);
assert.strictEqual(
  Buffer.from([224, 128, 65, 240, 159, 152, 237, 160, 128, 195]).toString(),
  '��A�����');
assert.strictEqual(Buffer.from([0xff, 0xfe, 0xfd]).toString('base64'), '//79');
assert.strictEqual(
  Buffer.from([0xff, 0xfe, 0xfd, 0xfc]).toString('base64url'),
  '__79_A');
assert.strictEqual(
  Buffer.from([0xff, 0xfe, 0xfd, 0xfc]).toString('base64'),
  '//79/A==');
assert.strictEqual(Buffer.from([0, 1, 0xab, 0xff]).toString('hex'), '0001abff');
assert.strictEqual(Buffer.from('héllo wörld').toString('utf8', 1, 5), 'éll');
assert.strictEqual(Buffer.from('hello').toString('utf8', -3, 100), 'hello');
assert.strictEqual(Buffer.from('hello').toString('hex', '1', '3'), '656c');
assert.strictEqual(Buffer.from('hello').toString('latin1', NaN, 2), 'he');
assert.strictEqual(
  Buffer.from('hello').toString({ toString() { return 'HEX'; } }),
  '68656c6c6f');
assert.throws(() => Buffer.from('hello').toString('foo'), {
  code: 'ERR_UNKNOWN_ENCODING',
  name: 'TypeError',
  message: 'Unknown encoding: foo',
});
assert.throws(() => Buffer.from('hello').toString(null), {
  code: 'ERR_UNKNOWN_ENCODING',
  name: 'TypeError',
  message: 'Unknown encoding: null',
});
assert.strictEqual(Buffer.from('hello').toString('foo', 9), '');
assert.throws(() => Buffer.from('hello').utf8Slice(0, 100), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'Index out of range',
});
assert.throws(() => Buffer.from('hello').utf8Slice(-1, 2), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'Index out of range',
});
assert.strictEqual(Buffer.from('hello').latin1Slice(4, 2), '');
assert.throws(() => Buffer.prototype.utf8Slice.call({}, 0, 1), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'argument must be a buffer',
});
assert.strictEqual(
  Buffer.prototype.hexSlice.call(new Uint16Array([0x1234]), 0, 2),
  '3412');
assert.strictEqual(Buffer.alloc(3).write('\ud83d\udc4d'), 0);
assert.strictEqual(Buffer.alloc(4).write('a\ud83d\udc4d'), 1);
assert.strictEqual(Buffer.alloc(4).write('\u20ac\u20ac'), 3);
assert.strictEqual(Buffer.alloc(2).write('YWJj', 'base64'), 2);
assert.strictEqual(Buffer.alloc(3).write('abcdef', 'ucs2'), 2);
assert.strictEqual(Buffer.alloc(4).write('abcdxx', 0, 'hex'), 2);
assert.strictEqual(Buffer.alloc(4).write('xxab', 1, 'hex'), 0);
assert.strictEqual(Buffer.alloc(5).write('abc', 1, 2, 'latin1'), 2);
assert.throws(() => Buffer.alloc(5).write('abc', 6), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "offset" is out of range. It must be >= 0 &' +
               '& <= 5. Received 6',
});
assert.throws(() => Buffer.alloc(5).write('abc', -1), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "offset" is out of range. It must be >= 0 &' +
               '& <= 5. Received -1',
});
assert.throws(() => Buffer.alloc(5).write('abc', 1.5), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "offset" is out of range. It must be an int' +
               'eger. Received 1.5',
});
assert.throws(() => Buffer.alloc(5).write('abc', 1, 9), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "length" is out of range. It must be >= 0 &' +
               '& <= 5. Received 9',
});
assert.throws(() => Buffer.alloc(5).write('abc', 1, 2, 'foo'), {
  code: 'ERR_UNKNOWN_ENCODING',
  name: 'TypeError',
  message: 'Unknown encoding: foo',
});
assert.strictEqual(Buffer.alloc(5).write('abc', undefined, 2, 'foo'), 3);
assert.throws(() => Buffer.alloc(5).utf8Write('abc', 6), {
  code: 'ERR_BUFFER_OUT_OF_BOUNDS',
  name: 'RangeError',
  message: '"offset" is outside of buffer bounds',
});
assert.throws(() => Buffer.alloc(5).utf8Write(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'argument must be a string',
});
assert.strictEqual(Buffer.alloc(5).hexWrite('zz'), 0);
assert.deepStrictEqual(bytes(Buffer.from('abc', '')), [97, 98, 99]);
assert.deepStrictEqual(bytes(Buffer.from('abc', null)), [97, 98, 99]);
assert.deepStrictEqual(
  bytes(Buffer.from('abc', 'UTF-16LE')),
  [97, 0, 98, 0, 99, 0]);
assert.throws(() => Buffer.from('abc', 'utf-16'), {
  code: 'ERR_UNKNOWN_ENCODING',
  name: 'TypeError',
  message: 'Unknown encoding: utf-16',
});
assert.strictEqual(Buffer.byteLength('\u20ac\ud83d\ude00\ud800'), 10);
assert.strictEqual(Buffer.byteLength('abc', 'ucs2'), 6);
assert.strictEqual(Buffer.byteLength('abc', 'foo'), 3);
assert.strictEqual(Buffer.byteLength(new Uint16Array(3)), 6);
assert.throws(() => Buffer.byteLength(5), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "string" argument must be of type string or an insta' +
               'nce of Buffer or ArrayBuffer. Received type number (5)',
});
assert.strictEqual(Buffer.isEncoding(''), false);
assert.strictEqual(Buffer.isEncoding('UCS-2'), true);
assert.strictEqual(Buffer.isEncoding('utf-16'), false);
assert.strictEqual(Buffer.isEncoding(null), false);


// Round trips over every byte value.
{
  const all = Buffer.alloc(256);
  for (let i = 0; i < 256; i++) all[i] = i;
  for (const enc of ['hex', 'base64', 'base64url', 'latin1', 'binary']) {
    assert.deepStrictEqual(bytes(Buffer.from(all.toString(enc), enc)),
                           bytes(all), enc);
  }
  assert.strictEqual(all.toString('hex').length, 512);
  assert.strictEqual(all.toString('base64').length, 344);
  assert.strictEqual(all.toString('base64url').length, 342);
}

// Large inputs take the non-pooled paths.
{
  const s = 'h\u00e9llo \u20ac '.repeat(5000);
  const b = Buffer.from(s);
  assert.strictEqual(b.length, Buffer.byteLength(s));
  assert.strictEqual(b.toString(), s);
  const big = Buffer.alloc(20000, 'xyz');
  assert.strictEqual(Buffer.from(big.toString('base64'), 'base64')
    .equals(big), true);
  assert.strictEqual(Buffer.from(big.toString('hex'), 'hex').equals(big),
                     true);
  assert.strictEqual(big.toString('ucs2').length, 10000);
}
