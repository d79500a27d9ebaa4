'use strict';
// Blob and File: construction from every kind of part, type and endings
// options, slicing, text()/arrayBuffer(), errors and util.inspect output.
// Expected values come from the reference node 18.20.4.
const common = require('../common');
const assert = require('assert');
const { Blob, File, resolveObjectURL } = require('buffer');
const { inspect } = require('util');

(async () => {
  const b = new Blob(['ab', Buffer.from('cd'), new Uint16Array([0x6665]),
                      new Blob(['gh']), new ArrayBuffer(1), 42]);
  assert.strictEqual(b.size, 11);
  assert.strictEqual(await b.text(), 'abcdefgh\u000042');
  const ab = await b.arrayBuffer();
  assert.strictEqual(ab.byteLength, 11);
  assert.deepStrictEqual(Array.from(new Uint8Array(ab, 0, 3)), [97, 98, 99]);

  const s = b.slice(1, -2, 'Text/Plain');
  assert.strictEqual(s.type, 'text/plain');
  assert.strictEqual(await s.text(), 'bcdefgh\u0000');
  assert.strictEqual(await b.slice(-3).text(), '\u000042');
  assert.strictEqual(b.slice(5, 2).size, 0);
  assert.strictEqual(b.slice(0, 1, 'x\u0100').type, '');

  // A BOM is dropped by text(), bad UTF-8 becomes U+FFFD.
  assert.strictEqual(
    await new Blob([new Uint8Array([0xef, 0xbb, 0xbf, 0x41, 0xed])]).text(),
    'A\ufffd');

  const native = new Blob(['a\r\nb\nc\r'], { endings: 'native' });
  assert.strictEqual(await native.text(), 'a\nb\nc\r');

  // Concurrent arrayBuffer() calls share the pending copy.
  const big = new Blob(['x'.repeat(10000)]);
  assert.strictEqual(big.arrayBuffer(), big.arrayBuffer());
})().then(common.mustCall());

assert.strictEqual(new Blob([], { type: 'A/B' }).type, 'a/b');
assert.strictEqual(new Blob([], { type: {} }).type, '[object object]');
assert.strictEqual(new Blob([], null).type, '');
assert.strictEqual(inspect(new Blob(['abc'], { type: 'x' })),
                   "Blob { size: 3, type: 'x' }");
assert.strictEqual(inspect(new Blob(), { depth: -1 }), '[Blob]');
assert.strictEqual(Object.prototype.toString.call(new Blob()),
                   '[object Blob]');

assert.throws(() => new Blob(5), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "sources" argument must be a sequence. Received type ' +
           'number (5)',
});
assert.throws(() => new Blob('abc'), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => new Blob([], { endings: 'x' }), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The property 'options.endings' is invalid. Received 'x'",
});
assert.throws(() => new Blob([], 1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => Blob.prototype.slice.call({}), {
  code: 'ERR_INVALID_THIS',
  message: 'Value of "this" must be of type Blob',
});
assert.rejects(Blob.prototype.text.call({}), { code: 'ERR_INVALID_THIS' })
  .then(common.mustCall());

// File
{
  const f = new File(['ab'], 'name.txt', { type: 'a', lastModified: 5 });
  assert.strictEqual(f.name, 'name.txt');
  assert.strictEqual(f.lastModified, 5);
  assert.strictEqual(f.size, 2);
  assert(f instanceof Blob);
  assert.strictEqual(inspect(f),
                     "File { size: 2, type: 'a', name: 'name.txt', " +
                     'lastModified: 5 }');
  assert(new File([], 'x').lastModified > 1e12);
  assert.strictEqual(new File([], 'x', { lastModified: 'y' }).lastModified,
                     0);
  assert.throws(() => new File(['a']), {
    code: 'ERR_MISSING_ARGS',
    message: 'The "fileBits" and "fileName" arguments must be specified',
  });
}

for (const url of ['not a url', undefined, 1, 'blob:nodedata:1:wrong', {}])
  assert.strictEqual(resolveObjectURL(url), undefined);
