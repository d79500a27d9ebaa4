'use strict';
// structuredClone() shares SharedArrayBuffers with the original rather
// than copying them: each cloned buffer maps the memory of the very buffer
// it replaces, also with several distinct buffers, repeated ones, and
// buffers reached through typed arrays and nested objects.
require('../common');
const assert = require('assert');

const a = new SharedArrayBuffer(16);
const b = new SharedArrayBuffer(32);
const c = new SharedArrayBuffer(8);
const original = {
  first: a,
  list: [b, c, a, b],
  nested: { view: new Int32Array(c), again: b, more: [a, { deep: c }] },
  bytes: new Uint8Array(b, 4, 8),
};

// Enough values that V8's serializer works through many handle scopes.
for (let i = 0; i < 200; i++) original[`k${i}`] = { i, s: `v${i}` };

const clone = structuredClone(original);

assert.notStrictEqual(clone, original);
assert.ok(clone.first instanceof SharedArrayBuffer);
assert.strictEqual(clone.first.byteLength, 16);
assert.strictEqual(clone.list[0].byteLength, 32);
assert.strictEqual(clone.list[1].byteLength, 8);

// Repeated buffers stay one object in the clone.
assert.strictEqual(clone.list[2], clone.first);
assert.strictEqual(clone.list[3], clone.list[0]);
assert.strictEqual(clone.nested.again, clone.list[0]);
assert.strictEqual(clone.nested.more[0], clone.first);
assert.strictEqual(clone.nested.more[1].deep, clone.list[1]);
assert.strictEqual(clone.nested.view.buffer, clone.list[1]);
assert.strictEqual(clone.bytes.buffer, clone.list[0]);
assert.strictEqual(clone.bytes.byteOffset, 4);
assert.strictEqual(clone.bytes.length, 8);
assert.strictEqual(clone.k199.s, 'v199');

// Each cloned buffer maps the memory of its own original.
const pairs = [[a, clone.first], [b, clone.list[0]], [c, clone.list[1]]];
pairs.forEach(([orig, copy], n) => {
  const o = new Uint8Array(orig);
  const k = new Uint8Array(copy);
  o[0] = 11 + n;
  assert.strictEqual(k[0], 11 + n);
  k[orig.byteLength - 1] = 101 + n;
  assert.strictEqual(o[orig.byteLength - 1], 101 + n);
});
assert.strictEqual(new Uint8Array(a)[0], 11);
assert.strictEqual(new Uint8Array(b)[0], 12);
assert.strictEqual(new Uint8Array(c)[0], 13);

// Through the clone's views too.
clone.nested.view[1] = 0x01020304;
assert.strictEqual(new Int32Array(c)[1], 0x01020304);
clone.bytes[0] = 77;
assert.strictEqual(new Uint8Array(b)[4], 77);

// As in Node 18: the clone is a new SharedArrayBuffer object over the same
// memory, and a WebAssembly.Module clones as a module.
assert.notStrictEqual(clone.first, original.first);
const wasm = new WebAssembly.Module(
  new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
assert.ok(structuredClone(wasm) instanceof WebAssembly.Module);
