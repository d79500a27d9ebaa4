// Flags: --expose-gc --no-warnings
// perf_hooks 'gc' entries: one per collection while observed (a forced
// full GC shows as kind MAJOR with the FORCED flag), none after disconnect,
// and watching never keeps the process alive.
'use strict';
const common = require('../common');
const assert = require('assert');
const { PerformanceObserver, constants } = require('perf_hooks');

const seen = [];
const obs = new PerformanceObserver(common.mustCallAtLeast((list) => {
  for (const entry of list.getEntries()) seen.push(entry);
}));
obs.observe({ entryTypes: ['gc'] });
global.gc();

setTimeout(common.mustCall(() => {
  obs.disconnect();
  const full = seen.find((e) =>
    e.detail.kind === constants.NODE_PERFORMANCE_GC_MAJOR &&
    e.detail.flags === constants.NODE_PERFORMANCE_GC_FLAGS_FORCED);
  assert.ok(full, 'the forced gc() gave a MAJOR/FORCED entry');
  assert.strictEqual(full.name, 'gc');
  assert.strictEqual(full.entryType, 'gc');
  assert.strictEqual(full.kind, full.detail.kind); // deprecated aliases
  assert.strictEqual(full.flags, full.detail.flags);
  assert.ok(full.startTime > 0 && full.startTime < performance.now());
  assert.ok(full.duration >= 0);

  const count = seen.length;
  global.gc();
  setTimeout(common.mustCall(() => {
    assert.strictEqual(seen.length, count, 'no entries after disconnect');
  }), 20);
}), 50);
