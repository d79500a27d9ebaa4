'use strict';
// The experimental Readable operators of Node 18: map (with concurrency),
// filter, forEach, toArray, some, find, every, flatMap, drop, take,
// asIndexedPairs, reduce, compose.

const common = require('../common');
const assert = require('assert');
const { Readable, PassThrough } = require('stream');

const from = (items) => Readable.from(items);

(async () => {
  assert.deepStrictEqual(await from([1, 2, 3]).map((x) => x * 2).toArray(),
                         [2, 4, 6]);
  assert.deepStrictEqual(
    await from([1, 2, 3, 4]).filter(async (x) => x % 2 === 0).toArray(),
    [2, 4]);
  assert.deepStrictEqual(
    await from([1, 2]).flatMap((x) => [x, x * 10]).toArray(), [1, 10, 2, 20]);
  assert.deepStrictEqual(await from([1, 2, 3, 4]).drop(1).take(2).toArray(),
                         [2, 3]);
  assert.strictEqual(await from([1, 2, 3]).some((x) => x > 2), true);
  assert.strictEqual(await from([1, 2, 3]).every((x) => x > 2), false);
  assert.strictEqual(await from([1, 2, 3]).find((x) => x > 1), 2);
  assert.strictEqual(await from([1, 2, 3]).find((x) => x > 5), undefined);
  assert.strictEqual(await from([1, 2, 3]).reduce((a, b) => a + b), 6);
  assert.strictEqual(await from([1, 2, 3]).reduce((a, b) => a + b, 10), 16);
  await assert.rejects(from([]).reduce((a, b) => a + b), {
    code: 'ERR_MISSING_ARGS',
    name: 'TypeError',
    message: 'Reduce of an empty stream requires an initial value',
  });

  const seen = [];
  assert.strictEqual(await from([1, 2]).forEach((x) => { seen.push(x); }),
                     undefined);
  assert.deepStrictEqual(seen, [1, 2]);

  // The stream-returning operators give Readables.
  const mapped = from([1]).map((x) => x);
  assert.ok(mapped instanceof Readable);
  assert.strictEqual(Readable.prototype.map.name, 'map');
  assert.strictEqual(Readable.prototype.map.length, 2);
  assert.throws(() => new Readable.prototype.map(() => {}), {
    code: 'ERR_ILLEGAL_CONSTRUCTOR',
  });

  // compose() as an operator.
  const composed = from(['a', 'b']).compose(async function*(source) {
    for await (const chunk of source) yield chunk.toUpperCase();
  });
  assert.deepStrictEqual(await composed.toArray(), ['A', 'B']);
  assert.throws(() => from(['a']).compose(from(['b'])), {
    code: 'ERR_INVALID_ARG_VALUE',
  });
  assert.ok(from(['a']).compose(new PassThrough()) instanceof Readable);
})().then(common.mustCall());

(async () => {
  // map() with concurrency runs up to N calls at once, keeping order.
  let running = 0;
  let maxRunning = 0;
  const out = await from([30, 10, 20, 5]).map(async (ms) => {
    running++;
    maxRunning = Math.max(maxRunning, running);
    await new Promise((resolve) => setTimeout(resolve, ms));
    running--;
    return ms;
  }, { concurrency: 2 }).toArray();
  assert.deepStrictEqual(out, [30, 10, 20, 5]);
  assert.strictEqual(maxRunning, 2);
})().then(common.mustCall());

(async () => {
  // Errors from the mapper reject the consumer.
  await assert.rejects(
    from([1, 2]).map((x) => {
      if (x === 2) throw new Error('bad');
      return x;
    }).toArray(),
    /bad/);

  // An aborted signal rejects with an AbortError.
  const ac = new AbortController();
  ac.abort();
  await assert.rejects(from([1]).toArray({ signal: ac.signal }),
                       { name: 'AbortError' });
})().then(common.mustCall());

{
  // Argument validation.
  assert.throws(() => from([1]).map(1), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "fn" argument must be of type function or an instance of ' +
             'AsyncFunction. Received type number (1)',
  });
  assert.throws(() => from([1]).map((x) => x, { concurrency: 0 }), {
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "options.concurrency" is out of range. ' +
             'It must be >= 1 && <= 9007199254740991. Received 0',
  });
  assert.throws(() => from([1]).drop(-1), {
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "number" is out of range. It must be >= 0. ' +
             'Received -1',
  });
  assert.throws(() => from([1]).take(1, 1), { code: 'ERR_INVALID_ARG_TYPE' });
}

{
  // asIndexedPairs() works but is deprecated (without a code).
  process.on('warning', common.mustCall((warning) => {
    assert.strictEqual(warning.name, 'DeprecationWarning');
    assert.strictEqual(warning.message,
                       'readable.asIndexedPairs will be removed in a ' +
                       'future version.');
  }));
  from(['a', 'b']).asIndexedPairs().toArray()
    .then(common.mustCall((pairs) => {
      assert.deepStrictEqual(pairs, [[0, 'a'], [1, 'b']]);
    }));
}
