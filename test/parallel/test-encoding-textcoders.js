'use strict';
// TextEncoder/TextDecoder: WHATWG labels, UTF-8/UTF-16/windows-1252 and the
// ICU-backed legacy encodings, BOM handling, fatal mode, streaming, and
// encodeInto. Expected values come from the reference node 18.20.4.
const common = require('../common');
const assert = require('assert');

const dec = (enc, bytes) => new TextDecoder(enc).decode(new Uint8Array(bytes));
const fatal = (enc, bytes) =>
  new TextDecoder(enc, { fatal: true }).decode(new Uint8Array(bytes));
function stream(enc, opts, chunks) {
  const d = new TextDecoder(enc, opts);
  const out = chunks.map((c) => d.decode(new Uint8Array(c), { stream: true }));
  out.push(d.decode());
  return out;
}
function into(s, n) {
  const dest = new Uint8Array(n + 2).fill(7);
  const r = new TextEncoder().encodeInto(s, dest.subarray(1, n + 1));
  return [r.read, r.written, Array.from(dest)];
}

if (typeof Intl !== 'object') common.skip('missing Intl');

assert.strictEqual(new TextDecoder('latin1').encoding, 'windows-1252');
assert.strictEqual(new TextDecoder(' UTF8\n').encoding, 'utf-8');
assert.strictEqual(new TextDecoder('unicode-1-1-utf-8').encoding, 'utf-8');
assert.strictEqual(new TextDecoder('utf-16').encoding, 'utf-16le');
assert.strictEqual(new TextDecoder('x-sjis').encoding, 'shift_jis');
assert.strictEqual(new TextDecoder('ks_c_5601-1987').encoding, 'euc-kr');
assert.throws(() => new TextDecoder('\u000butf-8'), {
  code: 'ERR_ENCODING_NOT_SUPPORTED',
  name: 'RangeError',
  message: 'The "\u000butf-8" encoding is not supported',
});
assert.throws(() => new TextDecoder('x-user-defined'), {
  code: 'ERR_ENCODING_NOT_SUPPORTED',
  name: 'RangeError',
  message: 'The "x-user-defined" encoding is not supported',
});
assert.throws(() => new TextDecoder('replacement'), {
  code: 'ERR_ENCODING_NOT_SUPPORTED',
  name: 'RangeError',
  message: 'The "replacement" encoding is not supported',
});
assert.throws(() => new TextDecoder('utf-8', 1), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "options" argument must be of type object. Received ' +
               'type number (1)',
});
assert.throws(() => new TextDecoder().decode(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "list" argument must be an instance of SharedArrayBu' +
               'ffer, ArrayBuffer or ArrayBufferView.',
});
assert.throws(() => new TextDecoder('utf-16le').decode('x'), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "input" argument must be an instance of SharedArrayB' +
               'uffer, ArrayBuffer or ArrayBufferView.',
});
assert.strictEqual(dec('latin1', [0x80, 0x81, 0x9f, 0xe9, 0x41]), '€ŸéA');
assert.strictEqual(dec('utf-8', [0xef, 0xbb, 0xbf, 0x61, 0xc3]), 'a�');
assert.strictEqual(dec('utf-8', [0x66, 0x6f, 0x6f, 0xed]), 'foo�');
assert.strictEqual(
  dec('utf-16le', [0xff, 0xfe, 0x61, 0x00, 0x00, 0xd8, 0x62]),
  'a�');
assert.strictEqual(dec('utf-16be', [0xfe, 0xff, 0x00, 0x61, 0xdc, 0x00]),
                   'a\ufffd');
assert.strictEqual(
  dec('shift_jis', [0x41, 0xff, 0x82, 0xa0, 0x93, 0xfa]),
  'A�あ日');
assert.strictEqual(dec('gbk', [0x41, 0x80, 0xc4, 0xe3, 0xba, 0xc3]),
                   'A\u20ac\u4f60\u597d');
assert.strictEqual(dec('euc-kr', [0xc7, 0xd1, 0xb1, 0xdb, 0xff]), '한글�');
assert.strictEqual(dec('big5', [0xa4, 0xa4, 0xa4, 0xe5]), '中文');
assert.strictEqual(dec('iso-8859-2', [0xa1, 0xb1, 0xe9]), 'Ąąé');
assert.strictEqual(dec('koi8-r', [0xc1, 0xc2, 0xd7]), 'абв');
assert.strictEqual(dec('windows-1251', [0xc0, 0xe0, 0x88]), 'Аа€');
assert.strictEqual(dec('macintosh', [0x80, 0xa5]), 'Ä•');
assert.strictEqual(
  dec('iso-2022-jp', [0x1b, 0x24, 0x42, 0x30, 0x21, 0x1b, 0x28, 0x42, 0x41]),
  '亜A');
assert.deepStrictEqual(
  stream('utf-8', {}, [[0xef, 0xbb], [0xbf, 0x41, 0xe2], [0x82, 0xac]]),
  ["","A","€",""]);
assert.deepStrictEqual(
  stream('utf-8', { ignoreBOM: true }, [[0xef, 0xbb, 0xbf], [0x41]]),
  ["﻿","A",""]);
assert.deepStrictEqual(
  stream('utf-16le', {}, [[0x3d], [0xd8, 0x4d], [0xdc, 0x41]]),
  ["","","👍","�"]);
assert.deepStrictEqual(stream('utf-16le', {}, [[0x3d, 0xd8]]), ["","�"]);
assert.deepStrictEqual(
  stream('gbk', {}, [[0xc4], [0xe3, 0xba], [0xc3]]),
  ["","你","好",""]);
assert.deepStrictEqual(stream('shift_jis', {}, [[0x82], [0xa0]]),
                       ['', '\u3042', '']);
assert.throws(() => fatal('utf-8', [0xc0, 0x80]), {
  code: 'ERR_ENCODING_INVALID_ENCODED_DATA',
  name: 'TypeError',
  message: 'The encoded data was not valid for encoding utf-8',
});
assert.throws(() => fatal('utf-8', [0xed, 0xa0, 0x80]), {
  code: 'ERR_ENCODING_INVALID_ENCODED_DATA',
  name: 'TypeError',
  message: 'The encoded data was not valid for encoding utf-8',
});
assert.throws(() => fatal('utf-16le', [0x00]), {
  code: 'ERR_ENCODING_INVALID_ENCODED_DATA',
  name: 'TypeError',
  message: 'The encoded data was not valid for encoding utf-16le',
});
assert.throws(() => fatal('utf-16le', [0x00, 0xdc]), {
  code: 'ERR_ENCODING_INVALID_ENCODED_DATA',
  name: 'TypeError',
  message: 'The encoded data was not valid for encoding utf-16le',
});
assert.throws(() => fatal('shift_jis', [0x82]), {
  code: 'ERR_ENCODING_INVALID_ENCODED_DATA',
  name: 'TypeError',
  message: 'The encoded data was not valid for encoding shift_jis',
});
assert.strictEqual(fatal('utf-8', [0xe2, 0x82, 0xac]), '€');
assert.deepStrictEqual(
  Array.from(new TextEncoder().encode('a\u00e9\u20ac\ud83d\ude00\ud800')),
  [97,195,169,226,130,172,240,159,152,128,239,191,189]);
assert.deepStrictEqual(Array.from(new TextEncoder().encode()), []);
assert.deepStrictEqual(
  Array.from(new TextEncoder().encode(null)),
  [110,117,108,108]);
assert.deepStrictEqual(into('\u20ac\u20ac', 4), [1,3,[7,226,130,172,7,7]]);
assert.deepStrictEqual(into('a\ud83d\ude00', 4), [1,1,[7,97,7,7,7,7]]);
assert.deepStrictEqual(
  into('a\ud83d\ude00', 5),
  [3,5,[7,97,240,159,152,128,7]]);
assert.deepStrictEqual(into('\ud800\u00e9', 3), [1,3,[7,239,191,189,7]]);
assert.deepStrictEqual(into('', 2), [0,0,[7,7,7,7]]);
assert.throws(() => new TextEncoder().encodeInto('a', []), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "dest" argument must be an instance of Uint8Array. R' +
               'eceived an instance of Array',
});
assert.throws(() => new TextEncoder().encodeInto(1, new Uint8Array(1)), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "src" argument must be of type string. Received type' +
               ' number (1)',
});
assert.throws(() => TextEncoder.prototype.encode.call({}, 'a'), {
  code: 'ERR_INVALID_THIS',
  name: 'TypeError',
  message: 'Value of "this" must be of type TextEncoder',
});
assert.strictEqual(
  Object.prototype.toString.call(new TextDecoder()),
  '[object TextDecoder]');
assert.strictEqual(
  require('util').inspect(new TextDecoder('utf-8', { ignoreBOM: true })),
  'TextDecoder { encoding: \'utf-8\', fatal: false, ignoreBOM: true }');
assert.strictEqual(
  require('util').inspect(new TextDecoder(), { depth: -1 }),
  '[TextDecoder]');
assert.strictEqual(
  require('util').inspect(new TextEncoder()),
  '{ encoding: \'utf-8\' }');

// A fatal decoder that threw starts over on the next call.
{
  const d = new TextDecoder('utf-8', { fatal: true });
  d.decode(new Uint8Array([0xe2]), { stream: true });
  assert.throws(() => d.decode(new Uint8Array([0x41])),
                { code: 'ERR_ENCODING_INVALID_ENCODED_DATA' });
  assert.strictEqual(d.decode(new Uint8Array([0xef, 0xbb, 0xbf, 0x42])), 'B');
}

// Large inputs round-trip.
{
  const text = 'h\u00e9llo \u20ac \ud83d\ude00 '.repeat(3000);
  const bytes = new TextEncoder().encode(text);
  assert.strictEqual(bytes.length, Buffer.byteLength(text));
  assert.strictEqual(new TextDecoder().decode(bytes), text);
  const u16 = Buffer.from(text, 'utf16le');
  assert.strictEqual(new TextDecoder('utf-16le').decode(u16), text);
  const out = new Uint8Array(bytes.length);
  assert.deepStrictEqual(new TextEncoder().encodeInto(text, out),
                         { read: text.length, written: bytes.length });
}
