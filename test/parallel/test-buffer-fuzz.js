'use strict';
// Fuzzes Buffer.from/toString/write/fill/indexOf/compare/copy and the
// numeric accessors with random encodings, offsets and lengths (negative,
// NaN, huge, fractional, wrong types): the process must never crash, every
// error must be a Node-style one (a `code` starting with ERR_), and the
// results must respect the documented invariants.
require('../common');
const assert = require('assert');

// Deterministic xorshift32, so a failure can be replayed.
let seed = 0x2545F491;
function rand(n) {
  seed ^= seed << 13;
  seed ^= seed >>> 17;
  seed ^= seed << 5;
  return (seed >>> 0) % n;
}
const pick = (list) => list[rand(list.length)];

const encodings = [
  'utf8', 'utf-8', 'UTF8', 'hex', 'HEX', 'base64', 'base64url', 'latin1',
  'binary', 'ascii', 'ucs2', 'ucs-2', 'utf16le', 'utf-16le',
  'foo', '', undefined, null, 5, {},
];
const numbers = [
  0, 1, 2, 3, 7, 8, 16, -1, -2, -100, 0.5, 1.5, -0.5, NaN, Infinity,
  -Infinity, 2 ** 31, 2 ** 32, 2 ** 32 + 1, -(2 ** 31), 2 ** 53, 1e300,
];
const others = [
  '1', '', null, undefined, {}, [], [3], true, { valueOf: () => 2 },
];
const strings = [
  '', 'a', 'hello', 'h\u00e9llo \u20ac', '\ud83d\ude00', '\ud83d',
  '\ude00x', 'abcdef0123', 'zz', 'YWJjZA==', 'Y W-_', '\u0000\u00ff\u0100',
  'x'.repeat(300), '\u00e9\u20ac'.repeat(40),
];
const anyArg = () => (rand(3) === 0 ? pick(others) : pick(numbers));

function randomBuffer() {
  const b = Buffer.alloc(rand(40));
  for (let i = 0; i < b.length; i++) b[i] = rand(256);
  return b;
}

function checkError(err, what) {
  assert(err instanceof Error, `${what}: threw a non-error ${err}`);
  assert.strictEqual(typeof err.code, 'string', `${what}: ${err.stack}`);
  assert(err.code.startsWith('ERR_'), `${what}: ${err.code}`);
}

function attempt(what, fn) {
  try {
    return { value: fn() };
  } catch (err) {
    checkError(err, what);
    return { error: err };
  }
}

for (let round = 0; round < 4000; round++) {
  const buf = randomBuffer();
  const copy = Buffer.from(buf);
  const enc = pick(encodings);
  const str = pick(strings);

  // Buffer.from(string, encoding)
  const from = attempt('from', () => Buffer.from(str, enc));
  if (from.value) assert(Buffer.isBuffer(from.value));

  // toString with random ranges never throws except for unknown encodings
  // and never returns more than the data allows.
  const s = attempt('toString',
                    () => buf.toString(enc, anyArg(), anyArg()));
  if (s.error) assert.strictEqual(s.error.code, 'ERR_UNKNOWN_ENCODING');
  else assert.strictEqual(typeof s.value, 'string');

  // write never writes past the buffer.
  const target = Buffer.alloc(buf.length);
  const w = attempt('write',
                    () => target.write(str, anyArg(), anyArg(), enc));
  if (w.value !== undefined) {
    assert(Number.isInteger(w.value) && w.value >= 0 &&
           w.value <= target.length, `write returned ${w.value}`);
  }

  // fill keeps the length; invalid values are ERR_INVALID_ARG_VALUE.
  const f = attempt('fill', () => Buffer.from(buf).fill(
    rand(2) ? str : anyArg(), anyArg(), anyArg(), enc));
  if (f.value) assert.strictEqual(f.value.length, buf.length);

  // indexOf/lastIndexOf results are positions or -1.
  for (const method of ['indexOf', 'lastIndexOf']) {
    const needle = rand(3) === 0 ? buf.subarray(rand(buf.length + 1)) :
      rand(2) ? str : anyArg();
    const r = attempt(method, () => buf[method](needle, anyArg(), enc));
    if (r.value !== undefined) {
      assert(Number.isInteger(r.value) && r.value >= -1 &&
             r.value <= buf.length, `${method} returned ${r.value}`);
    }
  }

  // compare/copy with random ranges.
  const other = randomBuffer();
  const c = attempt('compare', () => buf.compare(
    other, anyArg(), anyArg(), anyArg(), anyArg()));
  if (c.value !== undefined) assert([-1, 0, 1].includes(c.value));
  const n = attempt('copy', () => buf.copy(other, anyArg(), anyArg(),
                                           anyArg()));
  if (n.value !== undefined) {
    assert(n.value >= 0 && n.value <= Math.min(buf.length, other.length));
  }

  // Numeric accessors.
  attempt('readUIntLE', () => buf.readUIntLE(anyArg(), anyArg()));
  attempt('readDoubleBE', () => buf.readDoubleBE(anyArg()));
  attempt('writeInt32LE', () => Buffer.from(buf).writeInt32LE(
    anyArg(), anyArg()));
  attempt('writeIntBE', () => Buffer.from(buf).writeIntBE(
    anyArg(), anyArg(), anyArg()));

  // None of the reads above touched the source bytes.
  assert.deepStrictEqual(buf, copy);
}

// Lossless encodings round-trip any bytes.
for (let round = 0; round < 500; round++) {
  const buf = randomBuffer();
  for (const enc of ['hex', 'base64', 'base64url', 'latin1']) {
    assert.deepStrictEqual(Buffer.from(buf.toString(enc), enc), buf, enc);
  }
  if (buf.length % 2 === 0) {
    assert.deepStrictEqual(Buffer.from(buf.toString('ucs2'), 'ucs2'), buf);
  }
  const text = buf.toString('utf8');
  assert.strictEqual(Buffer.from(text).toString(), text);
  assert.strictEqual(Buffer.byteLength(text), Buffer.from(text).length);
}
