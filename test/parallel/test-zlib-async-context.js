'use strict';
// zlib handles are async resources of type 'ZLIB': an AsyncLocalStorage
// store set where a stream or a one-shot call began is seen in its
// callbacks and events (data, errors), as in node 18.20.4.
const common = require('../common');
const assert = require('assert');
const { AsyncLocalStorage, createHook } = require('async_hooks');
const zlib = require('zlib');

const als = new AsyncLocalStorage();
const types = new Set();
const hook = createHook({ init(id, type) { types.add(type); } }).enable();

als.run('one-shot', () => {
  zlib.gzip('abc', common.mustSucceed(() => {
    assert.strictEqual(als.getStore(), 'one-shot');
  }));
  zlib.gunzip(Buffer.from('not gzip'), common.mustCall((err) => {
    assert.strictEqual(err.code, 'Z_DATA_ERROR');
    assert.strictEqual(als.getStore(), 'one-shot');
  }));
});

als.run('stream', () => {
  const gzip = zlib.createGzip();
  gzip.on('data', common.mustCallAtLeast(() => {
    assert.strictEqual(als.getStore(), 'stream');
  }));
  gzip.end('some text', common.mustCall(() => {
    assert.strictEqual(als.getStore(), 'stream');
  }));
});

als.run('failing stream', () => {
  const inflate = zlib.createInflate();
  inflate.on('error', common.mustCall(() => {
    assert.strictEqual(als.getStore(), 'failing stream');
  }));
  inflate.write('not deflate data');
});

als.run('brotli', () => {
  const brotli = zlib.createBrotliCompress();
  brotli.resume();
  brotli.end('text', common.mustCall(() => {
    assert.strictEqual(als.getStore(), 'brotli');
  }));
});

process.on('exit', () => {
  hook.disable();
  assert(types.has('ZLIB'));
});
