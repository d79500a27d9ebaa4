'use strict';
// zlib round trips: every format through the sync functions, the async
// functions and piped streams, from strings, Buffers, other TypedArrays,
// DataViews and ArrayBuffers; output known from the reference node 18.20.4.
const common = require('../common');
const assert = require('assert');
const zlib = require('zlib');
const { pipeline, Readable } = require('stream');

const text = 'Ωlorem ipsum dolor sit amet, '.repeat(2000);
const input = Buffer.from(text);

const pairs = [
  ['deflate', 'inflate', 'Deflate', 'Inflate'],
  ['gzip', 'gunzip', 'Gzip', 'Gunzip'],
  ['gzip', 'unzip', 'Gzip', 'Unzip'],
  ['deflate', 'unzip', 'Deflate', 'Unzip'],
  ['deflateRaw', 'inflateRaw', 'DeflateRaw', 'InflateRaw'],
  ['brotliCompress', 'brotliDecompress', 'BrotliCompress', 'BrotliDecompress'],
];

// Fixed bytes: the libraries and the defaults are the same as node's.
assert.strictEqual(zlib.deflateSync('hello').toString('base64'),
                   'eJzLSM3JyQcABiwCFQ==');
assert.strictEqual(zlib.gzipSync('hello').toString('base64'),
                   'H4sIAAAAAAAAA8tIzcnJBwCGphA2BQAAAA==');
assert.strictEqual(zlib.deflateRawSync('hello').toString('base64'),
                   'y0jNyckHAA==');
assert.strictEqual(zlib.brotliCompressSync('hello').toString('base64'),
                   'CwKAaGVsbG8D');

for (const [compress, decompress, Compressor, Decompressor] of pairs) {
  // Sync, from every kind of input.
  const packed = zlib[`${compress}Sync`](text);
  assert(packed.length < input.length / 10, compress);
  for (const source of [
    text,
    input,
    new Uint8Array(input),
    new Uint16Array(input.buffer.slice(input.byteOffset,
                                       input.byteOffset + input.length)),
    new DataView(input.buffer, input.byteOffset, input.length),
    input.buffer.slice(input.byteOffset, input.byteOffset + input.length),
  ]) {
    const out = zlib[`${decompress}Sync`](zlib[`${compress}Sync`](source));
    assert(Buffer.isBuffer(out));
    assert.strictEqual(out.toString(), text, `${compress}/${decompress}`);
  }
  assert.strictEqual(zlib[`${decompress}Sync`](packed, { chunkSize: 64 })
    .toString(), text);

  // Empty input round trips to empty output.
  assert.strictEqual(
    zlib[`${decompress}Sync`](zlib[`${compress}Sync`]('')).length, 0);

  // Async, with and without options; info returns the engine.
  zlib[compress](input, common.mustSucceed((out) => {
    zlib[decompress](out, { chunkSize: 1024 }, common.mustSucceed((back) => {
      assert.strictEqual(back.toString(), text);
    }));
  }));
  zlib[compress](text, { info: true }, common.mustSucceed((res) => {
    assert(res.engine instanceof zlib[Compressor]);
    assert.strictEqual(res.engine.bytesWritten, input.length);
    assert.strictEqual(res.engine._handle, null);
    assert.deepStrictEqual(res.buffer, packed);
  }));

  // Streams, fed in small pieces.
  const chunks = [];
  for (let i = 0; i < input.length; i += 1000)
    chunks.push(input.subarray(i, i + 1000));
  const received = [];
  let packedLength = 0;
  const compressor = zlib[`create${Compressor}`]();
  const decompressor = zlib[`create${Decompressor}`]();
  compressor.on('data', (d) => { packedLength += d.length; });
  decompressor.on('data', (d) => received.push(d));
  pipeline(Readable.from(chunks), compressor, decompressor,
           common.mustSucceed(() => {
             assert.strictEqual(Buffer.concat(received).toString(), text);
             assert.strictEqual(compressor.bytesWritten, input.length);
             assert.strictEqual(decompressor.bytesWritten, packedLength);
           }));
}

// Classes work with and without new, and the factories make instances.
for (const name of ['Deflate', 'Inflate', 'Gzip', 'Gunzip', 'DeflateRaw',
                    'InflateRaw', 'Unzip', 'BrotliCompress',
                    'BrotliDecompress']) {
  assert(new zlib[name]() instanceof zlib[name]);
  assert(zlib[name]() instanceof zlib[name]);
  assert(zlib[`create${name}`]() instanceof zlib[name]);
}

// A dictionary round trips for deflate and raw deflate, sync and streamed.
const dictionary = Buffer.from('lorem ipsum dolor sit amet');
for (const [compress, decompress] of [['deflate', 'inflate'],
                                      ['deflateRaw', 'inflateRaw']]) {
  const packed = zlib[`${compress}Sync`](text, { dictionary });
  assert.strictEqual(
    zlib[`${decompress}Sync`](packed, { dictionary }).toString(), text);
}

// flush() hands out what was written so far; params() changes the level.
{
  const deflate = zlib.createDeflate({ level: 0 });
  const inflate = zlib.createInflate();
  deflate.pipe(inflate);
  let got = '';
  inflate.setEncoding('utf8');
  inflate.on('data', (d) => { got += d; });
  deflate.write('first part ', common.mustCall(() => {
    deflate.flush(common.mustCall(() => {
      deflate.params(9, zlib.constants.Z_DEFAULT_STRATEGY,
                     common.mustCall(() => {
                       assert.strictEqual(deflate._level, 9);
                       deflate.end('second part');
                     }));
    }));
  }));
  inflate.on('end', common.mustCall(() => {
    assert.strictEqual(got, 'first part second part');
  }));
}

// _processChunk without a callback runs synchronously and closes.
{
  const gzip = new zlib.Gzip();
  const out = gzip._processChunk(input, zlib.constants.Z_FINISH);
  assert.strictEqual(zlib.gunzipSync(out).toString(), text);
  assert.strictEqual(gzip._closed, true);
  assert.strictEqual(gzip.bytesWritten, input.length);
}
