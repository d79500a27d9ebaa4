// Flags: --expose-gc
// v8.GCProfiler records the collections between start() and stop(): type,
// cost and heap statistics before and after each; nested GCs (the weak
// callback phase of a full GC) still give well-formed entries.
'use strict';
require('../common');
const assert = require('assert');
const { GCProfiler } = require('v8');

const idle = new GCProfiler();
assert.strictEqual(idle.stop(), undefined);

const profiler = new GCProfiler();
profiler.start();
profiler.start(); // already recording: no second recording
let keep = [];
for (let i = 0; i < 20000; i++) keep.push({ i, s: `x${i}` });
keep = null;
global.gc();
const profile = profiler.stop();
assert.strictEqual(profiler.stop(), undefined);

assert.strictEqual(profile.version, 1);
assert.ok(profile.startTime > 1.6e12 && profile.endTime >= profile.startTime);
assert.ok(profile.statistics.length >= 1);
const full = profile.statistics.find((s) => s.gcType === 'MarkSweepCompact');
assert.ok(full, 'the forced gc() is a full collection');
for (const entry of profile.statistics) {
  assert.ok(['Scavenge', 'MarkSweepCompact', 'IncrementalMarking',
             'ProcessWeakCallbacks', 'MinorMarkCompact'].includes(entry.gcType));
  assert.ok(entry.cost >= 0);
  for (const side of [entry.beforeGC, entry.afterGC]) {
    assert.ok(side.heapStatistics.totalHeapSize > 0);
    assert.ok(side.heapStatistics.usedHeapSize > 0);
    const names = side.heapSpaceStatistics.map((s) => s.spaceName);
    assert.ok(names.includes('new_space') && names.includes('old_space'));
  }
}
// A full GC frees the 20000 objects dropped above.
assert.ok(full.afterGC.heapStatistics.usedHeapSize <
          full.beforeGC.heapStatistics.usedHeapSize);

// A profiler can record again after stop().
profiler.start();
global.gc();
assert.ok(profiler.stop().statistics.length >= 1);
