'use strict';
// zlib failures: truncated and corrupt input (sync throws, async callbacks
// and stream 'error' events with zlib's message, errno and code, the
// process staying up), dictionaries, maxOutputLength, and the option
// checks; every message as the reference node 18.20.4 gives it.
const common = require('../common');
const assert = require('assert');
const zlib = require('zlib');

const text = 'The quick brown fox jumps over the lazy dog. '.repeat(50);
const gz = zlib.gzipSync(text);
const truncated = gz.subarray(0, gz.length >> 1);
const eof = { name: 'Error', message: 'unexpected end of file',
              code: 'Z_BUF_ERROR', errno: -5 };

// Truncated input, for every decompressor.
for (const [compress, decompress] of [['gzip', 'gunzip'], ['gzip', 'unzip'],
                                      ['deflate', 'inflate'],
                                      ['deflateRaw', 'inflateRaw'],
                                      ['brotliCompress',
                                       'brotliDecompress']]) {
  const packed = zlib[`${compress}Sync`](text);
  const cut = packed.subarray(0, packed.length >> 1);
  assert.throws(() => zlib[`${decompress}Sync`](cut), eof);
  zlib[decompress](cut, common.mustCall((err, result) => {
    assert.strictEqual(result, undefined);
    assert.strictEqual(err.message, eof.message);
    assert.strictEqual(err.code, eof.code);
    assert.strictEqual(err.errno, eof.errno);
    assert.deepStrictEqual(Object.keys(err), ['errno', 'code']);
  }));
}

// A truncated stream fails with 'error' and is closed; the process goes on.
{
  const gunzip = zlib.createGunzip();
  gunzip.on('data', () => {});
  gunzip.on('end', common.mustNotCall());
  gunzip.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'Z_BUF_ERROR');
    assert.strictEqual(gunzip._closed, true);
    assert.strictEqual(gunzip._handle, null);
    setImmediate(common.mustCall(() => {
      assert.strictEqual(zlib.gunzipSync(gz).toString(), text);
    }));
  }));
  gunzip.end(truncated);
}

// With Z_SYNC_FLUSH as the finish flag, truncated input gives what it has.
{
  const part = zlib.gunzipSync(truncated,
                               { finishFlush: zlib.constants.Z_SYNC_FLUSH });
  assert(part.length > 0);
  assert.strictEqual(part.toString(), text.slice(0, part.length));
}

// Corrupt input.
const dataError = (message) => ({ name: 'Error', message,
                                  code: 'Z_DATA_ERROR', errno: -3 });
assert.throws(() => zlib.gunzipSync(Buffer.from('not gzip at all')),
              dataError('incorrect header check'));
assert.throws(() => zlib.inflateSync(Buffer.from('not zlib at all')),
              dataError('incorrect header check'));
assert.throws(() => zlib.inflateRawSync(Buffer.from('garbage')),
              dataError('invalid block type'));
assert.throws(() => zlib.brotliDecompressSync(Buffer.from('garbage data')), {
  name: 'Error',
  message: 'Decompression failed',
  code: 'ERR_PADDING_1',
  errno: -14,
});
zlib.unzip(Buffer.from('garbage'), common.mustCall((err) => {
  assert.strictEqual(err.message, 'incorrect header check');
}));
for (const Ctor of [zlib.Unzip, zlib.Gunzip, zlib.Inflate, zlib.InflateRaw,
                    zlib.BrotliDecompress]) {
  const stream = new Ctor();
  stream.on('error', common.mustCall((err) => assert(err.code)));
  stream.on('end', common.mustNotCall());
  stream.write('this is not valid compressed data.');
}

// Dictionaries: missing, wrong.
{
  const dictionary = Buffer.from('the quick brown fox');
  const packed = zlib.deflateSync(text, { dictionary });
  const needDict = { code: 'Z_NEED_DICT', errno: 2 };
  assert.throws(() => zlib.inflateSync(packed),
                { ...needDict, message: 'Missing dictionary' });
  assert.throws(() => zlib.inflateSync(packed,
                                       { dictionary: Buffer.from('wrong') }),
                { ...needDict, message: 'Bad dictionary' });
}

// maxOutputLength: RangeError sync, ERR_BUFFER_TOO_LARGE async.
assert.throws(() => zlib.gunzipSync(gz, { maxOutputLength: 100 }), {
  name: 'RangeError',
  code: 'ERR_BUFFER_TOO_LARGE',
  message: 'Cannot create a Buffer larger than 100 bytes',
});
zlib.gunzip(gz, { maxOutputLength: 100 }, common.expectsError({
  code: 'ERR_BUFFER_TOO_LARGE',
  message: 'Cannot create a Buffer larger than 100 bytes',
}));
assert.strictEqual(
  zlib.gunzipSync(gz, { maxOutputLength: text.length }).toString(), text);
zlib.brotliDecompress(zlib.brotliCompressSync(text),
                      { maxOutputLength: text.length },
                      common.mustSucceed((out) => {
                        assert.strictEqual(out.toString(), text);
                      }));

// Option checks.
assert.throws(() => zlib.createGzip({ chunkSize: 0 }), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "options.chunkSize" is out of range. ' +
           'It must be >= 64. Received 0',
});
assert.throws(() => zlib.createGzip({ windowBits: 8 }), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "options.windowBits" is out of range. ' +
           'It must be >= 9 and <= 15. Received 8',
});
assert.throws(() => zlib.createDeflate({ level: 'x' }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.level" property must be of type number. ' +
           "Received type string ('x')",
});
assert.throws(() => zlib.createDeflate({ memLevel: Infinity }), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "options.memLevel" is out of range. ' +
           'It must be a finite number. Received Infinity',
});
assert.throws(() => zlib.createBrotliCompress({ params: { 99: 1 } }), {
  name: 'RangeError',
  code: 'ERR_BROTLI_INVALID_PARAM',
  message: '99 is not a valid Brotli parameter',
});
assert.throws(() => zlib.createBrotliDecompress({ params: { 5: 1 } }), {
  code: 'ERR_ZLIB_INITIALIZATION_FAILED',
  message: 'Initialization failed',
});
assert.throws(() => zlib.deflateSync(42), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "buffer" argument must be of type string or an instance ' +
           'of Buffer, TypedArray, DataView, or ArrayBuffer. ' +
           'Received type number (42)',
});
assert.throws(() => zlib.gzip('abc'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "callback" argument must be of type function. ' +
           'Received undefined',
});

// constants are read-only, codes frozen; the old top-level constants are
// there.
assert.throws(() => { zlib.constants.Z_OK = 1; }, TypeError);
assert.strictEqual(zlib.constants.Z_OK, 0);
assert.strictEqual(Object.isFrozen(zlib.codes), true);
assert.strictEqual(zlib.codes.Z_DATA_ERROR, -3);
assert.strictEqual(zlib.codes['-3'], 'Z_DATA_ERROR');
assert.strictEqual(zlib.Z_BEST_COMPRESSION, 9);
assert.strictEqual(zlib.BROTLI_MODE_TEXT, undefined);
assert.strictEqual(zlib.constants.BROTLI_MODE_TEXT, 1);
assert.strictEqual(zlib.constants.Z_MAX_CHUNK, Infinity);

// Stream options still apply to the one-shot functions: highWaterMarks are
// checked, an aborted signal fails the async call (the sync call ignores
// it, and the stream's later 'error' goes nowhere).
assert.throws(() => zlib.gzipSync('x', { highWaterMark: 'abc' }), {
  code: 'ERR_INVALID_ARG_VALUE',
});
{
  const controller = new AbortController();
  controller.abort();
  zlib.gzip('x', { signal: controller.signal }, common.mustCall((err, out) => {
    assert.strictEqual(err.name, 'AbortError');
    assert.strictEqual(out, undefined);
  }));
  assert.strictEqual(
    zlib.gunzipSync(zlib.gzipSync('x', { signal: controller.signal }))
      .toString(), 'x');
}
