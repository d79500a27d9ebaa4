'use strict';
// Closing or destroying a zlib stream while its chunk is being compressed
// on the thread pool is safe: the close callback runs, nothing more is
// emitted, the process stays up. Streams work in worker threads too.
const common = require('../common');
const assert = require('assert');
const zlib = require('zlib');
const { Worker } = require('worker_threads');

const big = Buffer.alloc(8 * 1024 * 1024, 'zlib ');

for (const create of [zlib.createGzip, zlib.createDeflateRaw,
                      zlib.createBrotliCompress, zlib.createGunzip]) {
  // close() right after the write went to the thread pool.
  const stream = create({ params: {
    [zlib.constants.BROTLI_PARAM_QUALITY]: 4,
  } });
  stream.on('error', () => {}); // gunzip of non-gzip input may fail first
  stream.write(big);
  stream.close(common.mustCall(() => {
    assert.strictEqual(stream._handle, null);
    assert.strictEqual(stream.destroyed, true);
  }));

  // destroy() from inside the first 'data' event, while more is queued.
  const other = create();
  other.on('error', () => {});
  other.on('data', common.mustCallAtLeast(() => other.destroy(), 0));
  other.on('close', common.mustCall());
  other.end(big);
}

// Closing from the write callback of a flush, many times over.
for (let i = 0; i < 20; i++) {
  const deflate = zlib.createDeflate();
  deflate.resume();
  deflate.write(big.subarray(0, 100000));
  deflate.flush(common.mustCall(() => deflate.close(common.mustCall())));
}

// A worker compresses and decompresses with its own handles.
const worker = new Worker(`
  const zlib = require('zlib');
  const { parentPort } = require('worker_threads');
  zlib.gzip('from the worker', (err, packed) => {
    if (err) throw err;
    parentPort.postMessage(zlib.gunzipSync(packed).toString());
  });
`, { eval: true });
worker.on('message', common.mustCall((text) => {
  assert.strictEqual(text, 'from the worker');
}));
worker.on('exit', common.mustCall((code) => assert.strictEqual(code, 0)));
