'use strict';
// Timers, immediates, nextTicks and promises run in Node's order.
const common = require('../common');
const assert = require('assert');

const order = [];
// Same-duration timers fire in insertion order.
for (let i = 0; i < 5; i++) setTimeout(() => order.push(`t${i}`), 50);
// A shorter timer scheduled later still fires first (the 49 ms margin keeps
// this true on a loaded machine, where scheduling itself can take a while).
setTimeout(() => order.push('short'), 1);

process.nextTick(() => order.push('tick1'));
Promise.resolve().then(() => order.push('promise1'));
queueMicrotask(() => order.push('micro1'));
process.nextTick(() => {
  order.push('tick2');
  // A nextTick queued from a nextTick still runs before promises.
  process.nextTick(() => order.push('tick3'));
});

setImmediate(() => {
  order.push('immediate');
  process.nextTick(() => order.push('tick-in-immediate'));
  Promise.resolve().then(() => order.push('promise-in-immediate'));
});

process.on('exit', () => {
  assert.deepStrictEqual(order.slice(0, 5),
                         ['tick1', 'tick2', 'tick3', 'promise1', 'micro1']);
  const i = order.indexOf('immediate');
  assert.deepStrictEqual(order.slice(i, i + 3),
                         ['immediate', 'tick-in-immediate',
                          'promise-in-immediate']);
  const timers = order.filter((x) => x[0] === 't' && /^t\d$/.test(x));
  assert.deepStrictEqual(timers, ['t0', 't1', 't2', 't3', 't4']);
  assert.ok(order.indexOf('short') < order.indexOf('t0'));
});

// clearTimeout before it fires; unref'd timers do not keep the process alive.
const cleared = setTimeout(common.mustNotCall(), 1);
clearTimeout(cleared);
const viaId = setTimeout(common.mustNotCall(), 1);
clearTimeout(+viaId);
setTimeout(common.mustNotCall(), 100000).unref();

// setInterval repeats until cleared; refresh() and hasRef() work.
let n = 0;
const iv = setInterval(common.mustCall(() => {
  if (++n === 3) clearInterval(iv);
}, 3), 1);
const t = setTimeout(() => {}, 1);
assert.strictEqual(t.hasRef(), true);
t.unref();
assert.strictEqual(t.hasRef(), false);
t.ref();
assert.strictEqual(t.refresh(), t);

// Arguments are passed through.
setTimeout(common.mustCall((a, b) => {
  assert.strictEqual(a, 'a');
  assert.strictEqual(b, 2);
}), 1, 'a', 2);
setImmediate(common.mustCall((x) => assert.strictEqual(x, 'x')), 'x');
clearImmediate(setImmediate(common.mustNotCall()));

assert.throws(() => setTimeout('not a function'),
              { code: 'ERR_INVALID_ARG_TYPE' });
