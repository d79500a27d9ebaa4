'use strict';
// Random values: randomBytes/randomFill(Sync) ranges and errors, randomInt
// bounds and messages, randomUUID's format, getRandomValues' DOMExceptions,
// and async calls completing later through the callback.
const common = require('../common');
const assert = require('assert');
const crypto = require('crypto');

// randomBytes: fresh ArrayBuffer of exactly `size`, sync and async.
{
  const buf = crypto.randomBytes(16);
  assert.ok(Buffer.isBuffer(buf));
  assert.strictEqual(buf.length, 16);
  assert.strictEqual(buf.buffer.byteLength, 16);
  assert.notDeepStrictEqual(buf, crypto.randomBytes(16));
  assert.strictEqual(crypto.randomBytes(0).length, 0);
  assert.strictEqual(crypto.randomBytes(3.7).length, 3);
  let sync = true;
  crypto.randomBytes(32, common.mustSucceed((b) => {
    assert.strictEqual(sync, false);
    assert.strictEqual(b.length, 32);
  }));
  sync = false;
  assert.throws(() => crypto.randomBytes(-1), {
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "size" is out of range. It must be >= 0 && <= ' +
             '2147483647. Received -1',
  });
  assert.throws(() => crypto.randomBytes('1'), {
    code: 'ERR_INVALID_ARG_TYPE',
  });
  assert.throws(() => crypto.randomBytes(1, null), {
    code: 'ERR_INVALID_ARG_TYPE',
  });
}

// randomFillSync / randomFill: offsets and sizes in elements.
{
  const buf = Buffer.alloc(10);
  crypto.randomFillSync(buf, 5, 5);
  assert.deepStrictEqual(buf.subarray(0, 5), Buffer.alloc(5));
  assert.notDeepStrictEqual(buf.subarray(5), Buffer.alloc(5));

  const words = new Uint32Array(4);
  crypto.randomFillSync(words, 1, 2);
  assert.strictEqual(words[0], 0);
  assert.strictEqual(words[3], 0);
  assert.ok(words[1] !== 0 || words[2] !== 0);

  const ab = new ArrayBuffer(16);
  assert.strictEqual(crypto.randomFillSync(ab), ab);
  assert.notDeepStrictEqual(Buffer.from(ab), Buffer.alloc(16));

  assert.throws(() => crypto.randomFillSync(buf, 1, 10), {
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "size + offset" is out of range. It must be ' +
             '<= 10. Received 11',
  });
  assert.throws(() => crypto.randomFillSync(buf, 11), {
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "offset" is out of range. It must be >= 0 && ' +
             '<= 10. Received 11',
  });
  assert.throws(() => crypto.randomFillSync('str'), {
    code: 'ERR_INVALID_ARG_TYPE',
  });
  assert.throws(() => crypto.randomFill(buf, 0, 10), {
    code: 'ERR_INVALID_ARG_TYPE',
  });

  const target = Buffer.alloc(8);
  crypto.randomFill(target, 4, common.mustSucceed((b) => {
    assert.strictEqual(b, target);
    assert.deepStrictEqual(b.subarray(0, 4), Buffer.alloc(4));
    assert.notDeepStrictEqual(b.subarray(4), Buffer.alloc(4));
  }));
}

// randomInt: bounds, sync and async, errors.
{
  const seen = new Set();
  for (let i = 0; i < 200; i++) {
    const n = crypto.randomInt(-2, 2);
    assert.ok(Number.isInteger(n) && n >= -2 && n < 2);
    seen.add(n);
  }
  assert.deepStrictEqual([...seen].sort(), [-1, -2, 0, 1]);
  assert.strictEqual(crypto.randomInt(1), 0);
  const big = crypto.randomInt(2 ** 47, 2 ** 48);
  assert.ok(big >= 2 ** 47 && big < 2 ** 48);

  let pending = 50;
  for (let i = 0; i < 50; i++) {
    crypto.randomInt(10, common.mustCall((err, n) => {
      assert.strictEqual(err, undefined);
      assert.ok(n >= 0 && n < 10);
      pending--;
    }));
  }
  assert.strictEqual(pending, 50);

  assert.throws(() => crypto.randomInt(3, 2), {
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "max" is out of range. It must be greater than ' +
             'the value of "min" (3). Received 2',
  });
  assert.throws(() => crypto.randomInt(1, 2 ** 48 + 2), {
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "max - min" is out of range. It must be <= ' +
             '281474976710655. Received 281_474_976_710_657',
  });
  assert.throws(() => crypto.randomInt(1.5), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "max" argument must be a safe integer. Received type ' +
             'number (1.5)',
  });
  assert.throws(() => crypto.randomInt('1', 10), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: /^The "min" argument must be a safe integer/,
  });
  assert.throws(() => crypto.randomInt(0, 1, 'cb'), {
    code: 'ERR_INVALID_ARG_TYPE',
  });
}

// randomUUID: version 4, variant 10xx, unique.
{
  const re =
    /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
  const ids = new Set();
  for (let i = 0; i < 300; i++) {
    const id = crypto.randomUUID();
    assert.match(id, re);
    ids.add(id);
  }
  assert.strictEqual(ids.size, 300);
  assert.match(crypto.randomUUID({ disableEntropyCache: true }), re);
  assert.throws(() => crypto.randomUUID({ disableEntropyCache: 1 }),
                { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => crypto.randomUUID(null),
                { code: 'ERR_INVALID_ARG_TYPE' });
  assert.match(crypto.webcrypto.randomUUID(), re);
}

// getRandomValues: integer typed arrays up to 64 KiB.
{
  const a = new Uint8Array(32);
  assert.strictEqual(crypto.getRandomValues(a), a);
  assert.notDeepStrictEqual(a, new Uint8Array(32));
  crypto.webcrypto.getRandomValues(new BigInt64Array(4));
  assert.throws(() => crypto.getRandomValues(new Float64Array(1)),
                { name: 'TypeMismatchError', code: 17 });
  assert.throws(() => crypto.getRandomValues(new Uint8Array(65537)),
                { name: 'QuotaExceededError', code: 22 });
  const { getRandomValues } = crypto.webcrypto;
  assert.throws(() => getRandomValues(new Uint8Array(1)),
                { code: 'ERR_INVALID_THIS' });
}
