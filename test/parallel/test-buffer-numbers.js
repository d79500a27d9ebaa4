'use strict';
// Buffer numeric reads and writes: values, bounds and Node 18's exact
// ERR_OUT_OF_RANGE / ERR_BUFFER_OUT_OF_BOUNDS / ERR_INVALID_ARG_TYPE
// messages. Expected values come from the reference node 18.20.4.
require('../common');
const assert = require('assert');

const bytes = (b) => Array.from(b);
const written = (fn) => {
  const b = Buffer.alloc(8);
  fn(b);
  return b;
};

assert.strictEqual(
  Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).readUInt32LE(1),
  84148994);
assert.strictEqual(
  Buffer.from([1, 2, 3, 4, 5, 6, 7, 8]).readUInt32BE(1),
  33752069);
assert.strictEqual(
  Buffer.from([1, 2, 3, 4, 5, 6, 7, 0xff]).readInt32BE(4),
  84281343);
assert.strictEqual(
  Buffer.from([0xff, 0xfe, 3, 4, 5, 6, 7, 0xff]).readInt16LE(0),
  -257);
assert.strictEqual(
  Buffer.from([0xff, 0xfe, 3, 4, 5, 6, 7, 0xff]).readInt8(1),
  -2);
assert.strictEqual(
  Buffer.from([0xff, 0xfe, 3, 4, 5, 6, 7, 0xff]).readUIntBE(1, 6),
  279288905795079);
assert.strictEqual(
  Buffer.from([0xff, 0xfe, 3, 4, 5, 6, 7, 0xff]).readIntLE(2, 6),
  -1069345864701);
assert.strictEqual(
  Buffer.from([0xff, 0xfe, 3, 4, 5, 6, 7, 0xff]).readIntBE(0, 3),
  -509);
assert.strictEqual(
  Buffer.from([0xff, 0xfe, 3, 4, 5, 6, 7, 0xff]).readIntLE(0, 5),
  21542207231);
assert.strictEqual(
  Buffer.from([0xff, 0xfe, 3, 4, 5, 6, 7, 0xff]).readBigInt64LE(),
  -70080650588979457n);
assert.strictEqual(
  Buffer.from([0xff, 0xfe, 3, 4, 5, 6, 7, 0xff]).readBigUInt64BE(),
  18446184439555164159n);
assert.strictEqual(
  Buffer.from([0, 0, 0x80, 0x3f, 0, 0, 0, 0]).readFloatLE(),
  1);
assert.strictEqual(
  Buffer.from([0x3f, 0xf0, 0, 0, 0, 0, 0, 1]).readDoubleBE(),
  1.0000000000000002);
assert.throws(() => Buffer.alloc(8).readUInt8(8), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "offset" is out of range. It must be >= 0 a' +
               'nd <= 7. Received 8',
});
assert.throws(() => Buffer.alloc(8).readUInt8(-1), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "offset" is out of range. It must be >= 0 a' +
               'nd <= 7. Received -1',
});
assert.throws(() => Buffer.alloc(8).readUInt8(1.5), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "offset" is out of range. It must be an int' +
               'eger. Received 1.5',
});
assert.throws(() => Buffer.alloc(8).readUInt8('1'), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "offset" argument must be of type number. Received t' +
               'ype string (\'1\')',
});
assert.throws(() => Buffer.alloc(8).readUInt8(NaN), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "offset" is out of range. It must be an int' +
               'eger. Received NaN',
});
assert.throws(() => Buffer.alloc(8).readUInt8(Infinity), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "offset" is out of range. It must be >= 0 a' +
               'nd <= 7. Received Infinity',
});
assert.throws(() => Buffer.alloc(8).readUInt8(null), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "offset" argument must be of type number. Received null',
});
assert.throws(() => Buffer.alloc(1).readUInt32BE(0), {
  code: 'ERR_BUFFER_OUT_OF_BOUNDS',
  name: 'RangeError',
  message: 'Attempt to access memory outside buffer bounds',
});
assert.throws(() => Buffer.alloc(8).readIntLE(0, 7), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "byteLength" is out of range. It must be >=' +
               ' 1 and <= 6. Received 7',
});
assert.throws(() => Buffer.alloc(8).readIntLE(0), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "byteLength" argument must be of type number. Receiv' +
               'ed undefined',
});
assert.throws(() => Buffer.alloc(8).readIntLE(0, 1.5), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "byteLength" is out of range. It must be an' +
               ' integer. Received 1.5',
});
assert.throws(() => Buffer.alloc(8).readIntLE(3, 6), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "offset" is out of range. It must be >= 0 a' +
               'nd <= 2. Received 3',
});
assert.throws(() => Buffer.alloc(8).readUIntLE(), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "offset" argument must be of type number. Received u' +
               'ndefined',
});
assert.throws(() => Buffer.alloc(8).readBigInt64LE(1), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "offset" is out of range. It must be >= 0 a' +
               'nd <= 0. Received 1',
});
assert.throws(() => Buffer.alloc(8).readDoubleLE(1), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "offset" is out of range. It must be >= 0 a' +
               'nd <= 0. Received 1',
});
assert.throws(() => Buffer.alloc(8).writeUInt8(256), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "value" is out of range. It must be >= 0 an' +
               'd <= 255. Received 256',
});
assert.throws(() => Buffer.alloc(8).writeUInt8(1, 8), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "offset" is out of range. It must be >= 0 a' +
               'nd <= 7. Received 8',
});
assert.throws(() => Buffer.alloc(8).writeUInt8(256, 'x'), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "offset" argument must be of type number. Received t' +
               'ype string (\'x\')',
});
assert.throws(() => Buffer.alloc(8).writeUInt32LE(2 ** 33, 'x'), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "value" is out of range. It must be >= 0 an' +
               'd <= 4294967295. Received 8_589_934_592',
});
assert.throws(() => Buffer.alloc(8).writeInt32LE(-(2 ** 31) - 1), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "value" is out of range. It must be >= -214' +
               '7483648 and <= 2147483647. Received -2147483649',
});
assert.throws(() => Buffer.alloc(8).writeUIntLE(2 ** 40, 0, 5), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "value" is out of range. It must be >= 0 an' +
               'd < 2 ** 40. Received 1_099_511_627_776',
});
assert.throws(() => Buffer.alloc(8).writeIntLE(2 ** 47, 0, 6), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "value" is out of range. It must be >= -(2 ' +
               '** 47) and < 2 ** 47. Received 140_737_488_355_328',
});
assert.throws(() => Buffer.alloc(8).writeIntBE(2 ** 23, 0, 3), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "value" is out of range. It must be >= -838' +
               '8608 and <= 8388607. Received 8388608',
});
assert.throws(() => Buffer.alloc(8).writeUIntLE(1, 0, 7), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "byteLength" is out of range. It must be >=' +
               ' 1 and <= 6. Received 7',
});
assert.throws(() => Buffer.alloc(8).writeUIntLE(1, 0), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "byteLength" argument must be of type number. Receiv' +
               'ed undefined',
});
assert.throws(() => Buffer.alloc(8).writeUIntLE(1, 3, 6), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "offset" is out of range. It must be >= 0 a' +
               'nd <= 2. Received 3',
});
assert.throws(() => Buffer.alloc(8).writeBigInt64LE(2n ** 63n), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "value" is out of range. It must be >= -(2n' +
               ' ** 63n) and < 2n ** 63n. Received 9_223_372_036_854_775' +
               '_808n',
});
assert.throws(() => Buffer.alloc(8).writeBigUInt64LE(-1n), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "value" is out of range. It must be >= 0n a' +
               'nd < 2n ** 64n. Received -1n',
});
assert.throws(() => Buffer.alloc(8).writeBigUInt64LE(1), {
  name: 'TypeError',
  message: 'Cannot mix BigInt and other types, use explicit conversions',
});
assert.throws(() => Buffer.alloc(8).writeUInt8(-0.5, 0), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "value" is out of range. It must be >= 0 an' +
               'd <= 255. Received -0.5',
});
assert.throws(() => Buffer.alloc(3).writeUInt32LE(1, 0), {
  code: 'ERR_BUFFER_OUT_OF_BOUNDS',
  name: 'RangeError',
  message: 'Attempt to access memory outside buffer bounds',
});
assert.strictEqual(Buffer.alloc(8).writeUInt16BE(0xabcd, 6), 8);
assert.strictEqual(Buffer.alloc(8).writeFloatLE('x', 0), 4);
assert.strictEqual(Buffer.alloc(8).writeDoubleLE(), 8);
assert.deepStrictEqual(
  bytes(written((b) => b.writeIntLE(-123456789012, 1, 6))),
  [0, 236, 229, 102, 65, 227, 255, 0]);
assert.deepStrictEqual(
  bytes(written((b) => b.writeUIntBE(0x123456789a, 2, 5))),
  [0, 0, 18, 52, 86, 120, 154, 0]);
assert.deepStrictEqual(
  bytes(written((b) => { b.writeInt16BE(-2, 1); b.writeInt32LE(-3, 3); })),
  [0, 255, 254, 253, 255, 255, 255, 0]);
assert.deepStrictEqual(
  bytes(written((b) => b.writeBigInt64BE(-(2n ** 40n)))),
  [255, 255, 255, 0, 0, 0, 0, 0]);
assert.deepStrictEqual(
  bytes(written((b) => b.writeBigUInt64LE(0x0123456789abcdefn))),
  [239, 205, 171, 137, 103, 69, 35, 1]);
assert.deepStrictEqual(
  bytes(written((b) => b.writeDoubleLE(Math.PI))),
  [24, 45, 68, 84, 251, 33, 9, 64]);
assert.deepStrictEqual(
  bytes(written((b) => b.writeFloatBE(-1.5, 2))),
  [0, 0, 191, 192, 0, 0, 0, 0]);
assert.throws(
  () => written((b) => { b.writeUInt8(3.7); b.writeUInt16LE(65535.9, 2); }),
  {
    code: 'ERR_OUT_OF_RANGE',
    name: 'RangeError',
    message: 'The value of "value" is out of range. It must be >= 0 an' +
               'd <= 65535. Received 65535.9',
  });
assert.strictEqual(Buffer.alloc(8).writeIntLE(-1, 2, 3), 5);
