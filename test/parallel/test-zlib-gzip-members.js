'use strict';
// gunzip and unzip read every member of a multi-member gzip, ignore zero
// padding after the last one and fail on other trailing bytes, whether the
// input comes at once (sync, async) or one byte at a time; behaviour of the
// reference node 18.20.4.
const common = require('../common');
const assert = require('assert');
const zlib = require('zlib');

const members = Buffer.concat([zlib.gzipSync('abc'), zlib.gzipSync('def'),
                               zlib.gzipSync(''), zlib.gzipSync('ghi')]);

for (const decompress of ['gunzip', 'unzip']) {
  assert.strictEqual(zlib[`${decompress}Sync`](members).toString(),
                     'abcdefghi');
  zlib[decompress](members, common.mustSucceed((out) => {
    assert.strictEqual(out.toString(), 'abcdefghi');
  }));

  // Zero padding after the members is ignored.
  const padded = Buffer.concat([members, Buffer.alloc(100)]);
  assert.strictEqual(zlib[`${decompress}Sync`](padded).toString(),
                     'abcdefghi');

  // Anything else is read as a member, and fails as one.
  assert.throws(
    () => zlib[`${decompress}Sync`](Buffer.concat([members,
                                                   Buffer.from('junk')])),
    { code: 'Z_DATA_ERROR', message: 'incorrect header check' });
  assert.throws(
    () => zlib[`${decompress}Sync`](
      Buffer.concat([members, Buffer.from([0x1f, 0x8b, 0xff, 0xff])])),
    { code: 'Z_DATA_ERROR', message: 'unknown compression method' });

  // One byte per write: the gzip magic and the member boundaries may fall
  // anywhere.
  const stream = zlib[`create${decompress === 'gunzip' ? 'Gunzip' :
    'Unzip'}`]();
  const out = [];
  stream.on('data', (d) => out.push(d));
  stream.on('end', common.mustCall(() => {
    assert.strictEqual(Buffer.concat(out).toString(), 'abcdefghi');
    assert.strictEqual(stream.bytesWritten, members.length);
  }));
  for (let i = 0; i < members.length; i++)
    stream.write(members.subarray(i, i + 1));
  stream.end();
}

// unzip of zlib streams reads only the first one (as node does).
zlib.unzip(Buffer.concat([zlib.deflateSync('abc'), zlib.deflateSync('def')]),
           common.mustSucceed((out) => {
             assert.strictEqual(out.toString(), 'abc');
           }));

// A deflate stream followed by trailing bytes: the data, then the end.
{
  const packed = zlib.deflateRawSync('0123456789'.repeat(4));
  const inflate = zlib.createInflateRaw();
  let got = '';
  inflate.setEncoding('utf8');
  inflate.on('data', (d) => { got += d; });
  inflate.on('end', common.mustCall(() => {
    assert.strictEqual(got, '0123456789'.repeat(4));
    assert.strictEqual(inflate.bytesWritten, packed.length);
  }));
  inflate.write(Buffer.concat([packed, Buffer.from('trailing bytes')]));
}
