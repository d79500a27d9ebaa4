'use strict';
// atob/btoa (forgiving-base64 with DOMException errors), transcode,
// isUtf8/isAscii, the module constants and util.inspect of Buffers.
// Expected values come from the reference node 18.20.4.
const common = require('../common');
const assert = require('assert');

const bytes = (b) => Array.from(b);
const { transcode, isUtf8, isAscii } = require('buffer');

assert.strictEqual(atob('YQ'), 'a');
assert.throws(() => atob('YQ='), {
  code: 5,
  name: 'InvalidCharacterError',
  message: 'Invalid character',
});
assert.strictEqual(atob('YQ=='), 'a');
assert.throws(() => atob('YQ==='), {
  code: 5,
  name: 'InvalidCharacterError',
  message: 'Invalid character',
});
assert.throws(() => atob('Y'), {
  code: 5,
  name: 'InvalidCharacterError',
  message: 'The string to be decoded is not correctly encoded.',
});
assert.throws(() => atob('YQ=a'), {
  code: 5,
  name: 'InvalidCharacterError',
  message: 'Invalid character',
});
assert.strictEqual(atob(' Y Q \n'), 'a');
assert.throws(() => atob('Y\u00ffQ'), {
  code: 5,
  name: 'InvalidCharacterError',
  message: 'Invalid character',
});
assert.throws(() => atob('YQ-_'), {
  code: 5,
  name: 'InvalidCharacterError',
  message: 'Invalid character',
});
assert.throws(() => atob('YWJj='), {
  code: 5,
  name: 'InvalidCharacterError',
  message: 'Invalid character',
});
assert.strictEqual(atob(''), '');
assert.throws(() => atob(undefined), {
  code: 5,
  name: 'InvalidCharacterError',
  message: 'The string to be decoded is not correctly encoded.',
});
assert.strictEqual(atob(null), 'ée');
assert.throws(() => atob(), {
  code: 'ERR_MISSING_ARGS',
  name: 'TypeError',
  message: 'The "input" argument must be specified',
});
assert.throws(() => atob('YQ\u000b'), {
  code: 5,
  name: 'InvalidCharacterError',
  message: 'Invalid character',
});
assert.strictEqual(atob('  Y\fW\tJ\njZ A=\r= '), 'abcd');
assert.strictEqual(atob('//79'), 'ÿþý');
assert.throws(() => btoa('\u0100'), {
  code: 5,
  name: 'InvalidCharacterError',
  message: 'Invalid character',
});
assert.throws(() => btoa(), {
  code: 'ERR_MISSING_ARGS',
  name: 'TypeError',
  message: 'The "input" argument must be specified',
});
assert.strictEqual(btoa(null), 'bnVsbA==');
assert.strictEqual(btoa({ toString() { return 'ab'; } }), 'YWI=');
assert.strictEqual(btoa('\u00ff\u00fe\u0000'), '//4A');
assert.deepStrictEqual(
  bytes(transcode(Buffer.from('a\u20ac\u00e9'), 'utf8', 'ascii')),
  [97, 63, 63]);
assert.deepStrictEqual(
  bytes(transcode(Buffer.from('a\u20ac\u00e9'), 'utf8', 'latin1')),
  [97, 63, 233]);
assert.deepStrictEqual(
  bytes(transcode(Buffer.from('a\u20ac\ud83d\ude00'), 'utf8', 'ucs2')),
  [97, 0, 172, 32, 61, 216, 0, 222]);
assert.throws(
  () => transcode(Buffer.from([0x61, 0xff, 0xc3]), 'utf8', 'ucs2'),
  {
    code: 'U_INVALID_CHAR_FOUND',
    name: 'Error',
    message: 'Unable to transcode Buffer [U_INVALID_CHAR_FOUND]',
  });
assert.deepStrictEqual(
  bytes(transcode(Buffer.from([0x61, 0xff, 0xc3]), 'ascii', 'utf8')),
  [97, 239, 191, 189, 239, 191, 189]);
assert.throws(
  () => transcode(Buffer.from([0x61, 0x00, 0x00, 0xd8, 0x62]), 'ucs2', 'utf8'),
  {
    code: 'U_INVALID_CHAR_FOUND',
    name: 'Error',
    message: 'Unable to transcode Buffer [U_INVALID_CHAR_FOUND]',
  });
assert.deepStrictEqual(
  bytes(transcode(Buffer.from([0x61, 0, 0, 0xd8, 0x62]), 'ucs2', 'latin1')),
  [97, 63]);
assert.deepStrictEqual(
  bytes(transcode(Buffer.from([0x00, 0xd8, 0x61, 0x00]), 'ucs2', 'ucs2')),
  [253, 255, 97, 0]);
assert.deepStrictEqual(
  bytes(transcode(Buffer.from([0xff, 0x61]), 'utf8', 'utf8')),
  [239, 191, 189, 97]);
assert.deepStrictEqual(
  bytes(transcode(Buffer.from([0xff, 0x61]), 'latin1', 'latin1')),
  [255, 97]);
assert.deepStrictEqual(
  bytes(transcode(Buffer.from([0x80, 0x61]), 'ascii', 'ucs2')),
  [253, 255, 97, 0]);
assert.throws(() => transcode(Buffer.from('abc'), 'utf8', 'hex'), {
  code: 'U_ILLEGAL_ARGUMENT_ERROR',
  name: 'Error',
  message: 'Unable to transcode Buffer [U_ILLEGAL_ARGUMENT_ERROR]',
});
assert.throws(() => transcode('abc', 'utf8', 'ucs2'), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "source" argument must be an instance of Buffer or U' +
               'int8Array. Received type string (\'abc\')',
});
assert.strictEqual(isUtf8(Buffer.from([0xe2, 0x82, 0xac])), true);
assert.strictEqual(isUtf8(Buffer.from([0xed, 0xa0, 0x80])), false);
assert.strictEqual(isUtf8(new Uint8Array([0xc0, 0x80]).buffer), false);
assert.throws(() => isUtf8('abc'), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "input" argument must be an instance of TypedArray o' +
               'r Buffer. Received type string (\'abc\')',
});
assert.strictEqual(isAscii(Buffer.from('abc\u007f')), true);
assert.strictEqual(isAscii(new Uint16Array([0x80])), false);
assert.deepStrictEqual(
  require('buffer').constants,
  {"MAX_LENGTH":4294967296,"MAX_STRING_LENGTH":536870888});
assert.strictEqual(require('buffer').kMaxLength, 4294967296);
assert.strictEqual(require('buffer').kStringMaxLength, 536870888);
assert.strictEqual(
  Object.keys(require('buffer')).join(),
  'Buffer,SlowBuffer,transcode,isUtf8,isAscii,kMaxLength,kS' +
  'tringMaxLength,btoa,atob,constants,INSPECT_MAX_BYTES,Blo' +
  'b,resolveObjectURL,File');
assert.strictEqual(
  require('util').inspect(Buffer.from('x'.repeat(51))),
  '<Buffer 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 ' +
  '78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78' +
  ' 78 78 78 78 78 78 78 78 78 78 78 78 78 78 78 ... 1 more' +
  ' byte>');
assert.strictEqual(require('util').inspect(Buffer.alloc(0)), '<Buffer >');
assert.strictEqual(
  require('util').inspect(Object.assign(Buffer.from('ab'), { prop: 1 })),
  '<Buffer 61 62, prop: 1>');


// INSPECT_MAX_BYTES is settable (and, as in Node 18, not validated).
{
  const buffer = require('buffer');
  const util = require('util');
  assert.strictEqual(buffer.INSPECT_MAX_BYTES, 50);
  buffer.INSPECT_MAX_BYTES = 2;
  assert.strictEqual(util.inspect(Buffer.from('1234')),
                     '<Buffer 31 32 ... 2 more bytes>');
  buffer.INSPECT_MAX_BYTES = 2.5;
  assert.strictEqual(util.inspect(Buffer.from('abcd')),
                     '<Buffer 61 62 ... 1.5 more bytes>');
  buffer.INSPECT_MAX_BYTES = -1;
  assert.throws(() => util.inspect(Buffer.from('abc')),
                { code: 'ERR_OUT_OF_RANGE' });
  buffer.INSPECT_MAX_BYTES = 50;
}

// Small allocUnsafe/from results share the 8 KiB pool; big ones do not.
{
  const a = Buffer.allocUnsafe(10);
  const b = Buffer.from('hello');
  assert.strictEqual(a.buffer.byteLength, Buffer.poolSize);
  assert.strictEqual(b.buffer.byteLength, Buffer.poolSize);
  assert.strictEqual(b.byteOffset % 8, 0);
  assert.strictEqual(Buffer.allocUnsafe(4096).buffer.byteLength, 4096);
  assert.strictEqual(Buffer.allocUnsafeSlow(10).buffer.byteLength, 10);
  assert.strictEqual(Buffer.alloc(10).buffer.byteLength, 10);
}

common.expectWarning('DeprecationWarning',
                     'Buffer() is deprecated due to security and usability ' +
                     'issues. Please use the Buffer.alloc(), ' +
                     'Buffer.allocUnsafe(), or Buffer.from() methods ' +
                     'instead.', 'DEP0005');
assert.deepStrictEqual(bytes(new Buffer(3)), [0, 0, 0]);
assert.deepStrictEqual(bytes(Buffer('ab')), [97, 98]);
