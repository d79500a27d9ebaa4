'use strict';
// StringDecoder: characters split across writes in every encoding, the
// lastNeed/lastTotal state, end(), and Node 18's exact errors. Expected
// values come from the reference node 18.20.4.
require('../common');
const assert = require('assert');
const { StringDecoder } = require('string_decoder');

// Writes each chunk, recording output, lastNeed and lastTotal; then end().
function run(enc, chunks) {
  const d = new StringDecoder(enc);
  const out = [];
  for (const c of chunks) {
    out.push(d.write(Buffer.from(c)), d.lastNeed, d.lastTotal);
  }
  out.push(d.end());
  return out;
}

assert.deepStrictEqual(run('utf8', [[0xe0], [0x80]]), ["",2,3,"",1,3,"��"]);
assert.deepStrictEqual(run('utf8', [[0xf4, 0xbd]]), ["",2,4,"��"]);
assert.deepStrictEqual(run('utf8', [[0xf8], [0x80]]), ["�",0,0,"�",0,0,""]);
assert.deepStrictEqual(run('utf8', [[0x41, 0xc3]]), ["A",1,2,"�"]);
assert.deepStrictEqual(
  run('utf8', [[0xe2, 0x82], [0xac, 0xe2], [0x82, 0xac]]),
  ["",1,3,"€",2,3,"€",0,0,""]);
assert.deepStrictEqual(
  run('utf8', [[0xf0, 0x9f], [0x98], [0x80, 0x41]]),
  ["",2,4,"",1,4,"😀A",0,0,""]);
assert.deepStrictEqual(run('utf8', [[0xc0], [0x80]]), ["",1,2,"��",0,0,""]);
assert.deepStrictEqual(run('utf8', [[0xe2, 0x82, 0xf0]]), ["�",3,4,"�"]);
assert.deepStrictEqual(
  run('utf8', [[0xf1], [0x41, 0xf2]]),
  ["",3,4,"�A",3,4,"�"]);
assert.deepStrictEqual(
  run('utf8', [[0xf6, 0x9b], [0xd1]]),
  ["",2,4,"��",1,2,"�"]);
assert.deepStrictEqual(
  run('utf16le', [[0x3d], [0xd8]]),
  ["",1,2,"\ud83d",0,0,""]);
assert.deepStrictEqual(
  run('utf16le', [[0x3d, 0xd8], [0x4d], [0xdc]]),
  ["",2,4,"",1,4,"👍",0,0,""]);
assert.deepStrictEqual(run('utf16le', [[0x3d, 0xd8, 0x4d]]), ["\ud83d",1,2,""]);
assert.deepStrictEqual(
  run('utf16le', [[0x3d, 0xd8], [0x61, 0x00]]),
  ["",2,4,"\ud83da",0,0,""]);
assert.deepStrictEqual(
  run('base64', [[0x61, 0x62], [0x63, 0x64]]),
  ["",1,3,"YWJj",2,3,"ZA=="]);
assert.deepStrictEqual(
  run('base64url', [[0x61], [0xff, 0xfe, 0xfd, 0xfc]]),
  ["",2,3,"Yf_-",1,3,"_fw"]);
assert.deepStrictEqual(run('hex', [[0xab], [0xcd]]), ["ab",0,0,"cd",0,0,""]);
assert.deepStrictEqual(run('latin1', [[0xe9], [0x41]]), ["é",0,0,"A",0,0,""]);
assert.deepStrictEqual(run('ascii', [[0xe9], [0x41]]), ["i",0,0,"A",0,0,""]);
assert.strictEqual(new StringDecoder('UCS-2').encoding, 'utf16le');
assert.strictEqual(new StringDecoder('binary').encoding, 'latin1');
assert.strictEqual(new StringDecoder(null).encoding, 'utf8');
assert.deepStrictEqual(Object.keys(new StringDecoder('hex')), ["encoding"]);
assert.strictEqual(
  new StringDecoder('utf8').write('already a string'),
  'already a string');
assert.strictEqual(
  new StringDecoder('utf8').write(new Uint16Array([0x6261])),
  'ab');
assert.strictEqual(
  new StringDecoder('utf8').end(Buffer.from([0xe2, 0x82])),
  '�');
assert.throws(() => new StringDecoder('foo'), {
  code: 'ERR_UNKNOWN_ENCODING',
  name: 'TypeError',
  message: 'Unknown encoding: foo',
});
assert.throws(() => new StringDecoder(1), {
  code: 'ERR_UNKNOWN_ENCODING',
  name: 'TypeError',
  message: 'Unknown encoding: 1',
});
assert.throws(() => new StringDecoder('utf8').write(null), {
  code: 'ERR_INVALID_ARG_TYPE',
  name: 'TypeError',
  message: 'The "buf" argument must be an instance of Buffer, TypedA' +
               'rray, or DataView. Received null',
});
assert.throws(() => StringDecoder.prototype.write.call({}, Buffer.from('a')), {
  code: 'ERR_INVALID_THIS',
  name: 'TypeError',
  message: 'Value of "this" must be of type StringDecoder',
});

// Chunked decoding matches one-shot decoding for whole characters.
{
  const text = 'a\u00e9\u20ac\ud83d\ude00z'.repeat(20);
  for (const enc of ['utf8', 'utf16le', 'base64', 'hex', 'latin1']) {
    const bytes = Buffer.from(text, enc === 'latin1' ? 'latin1' : 'utf8');
    const whole = bytes.toString(enc);
    for (const size of [1, 2, 3, 5, 7]) {
      const d = new StringDecoder(enc);
      let out = '';
      for (let i = 0; i < bytes.length; i += size)
        out += d.write(bytes.subarray(i, i + size));
      out += d.end();
      assert.strictEqual(out, whole, `${enc} in chunks of ${size}`);
    }
  }
}

// lastChar is the 4-byte pending-character buffer.
{
  const d = new StringDecoder('utf8');
  assert.strictEqual(d.write(Buffer.from([0xe1])), '');
  assert.deepStrictEqual(Array.from(d.lastChar), [0xe1, 0, 0, 0]);
  assert.strictEqual(d.end(), '\ufffd');
  assert.strictEqual(d.lastNeed, 0);
}
