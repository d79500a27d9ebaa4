'use strict';
// Tests perf_hooks marks/measures, observers and histograms against values
// taken from Node 18.20.4's documented behaviour.
const common = require('../common');
const assert = require('assert');
const {
  performance, PerformanceObserver, createHistogram,
} = require('perf_hooks');

assert.strictEqual(globalThis.performance, performance);
assert.ok(Object.keys(globalThis).includes('performance'));
const t = performance.now();
assert.ok(t > 0 && t < 15000);
assert.ok(Math.abs(Date.now() - performance.timeOrigin - t) < 50);

performance.mark('a', { startTime: 0 });
performance.mark('b', { startTime: 10, detail: { x: 1 } });
const m = performance.measure('ab', 'a', 'b');
assert.strictEqual(m.duration, 10);
assert.strictEqual(m.startTime, 0);
assert.deepStrictEqual(performance.getEntriesByName('b')[0].detail, { x: 1 });
assert.throws(() => performance.measure('x', 'nope'),
              { name: 'SyntaxError',
                message: 'The "nope" performance mark has not been set' });
assert.throws(() => performance.mark('c', { startTime: -1 }),
              { code: 'ERR_PERFORMANCE_INVALID_TIMESTAMP',
                message: '-1 is not a valid timestamp' });
performance.clearMarks();
assert.strictEqual(performance.getEntriesByType('mark').length, 0);

const obs = new PerformanceObserver(common.mustCall((list, o) => {
  assert.strictEqual(o, obs);
  assert.deepStrictEqual(list.getEntries().map((e) => e.name), ['m1', 'm2']);
  obs.disconnect();
}));
obs.observe({ type: 'mark' });
performance.mark('m1');
performance.mark('m2');

const h = createHistogram();
for (const v of [5, 10, 1000]) h.record(v);
assert.deepStrictEqual(h.toJSON(), {
  count: 3, min: 5, max: 1000, mean: 338.3333333333333, exceeds: 0,
  stddev: 467.8734396773935,
  percentiles: { '0': 5, '50': 10, '75': 1000, '100': 1000 },
});
const g = createHistogram();
for (const v of [3000, 5001, 123456789]) g.record(v);
assert.strictEqual(g.max, 123469823);
assert.strictEqual(g.mean, 41148353);
assert.strictEqual(g.percentile(50), 5003);  // reference node 18
assert.throws(() => h.record(0), { code: 'ERR_OUT_OF_RANGE' });
