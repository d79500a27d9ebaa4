'use strict';
// The v8 module: heap statistics shapes, setFlagsFromString (a run-time
// --abort-on-uncaught-exception does not abort a captured exception), the
// code cache tag, and the parts not implemented throwing clearly.
// Expected values come from the reference node 18.20.4.
const common = require('../common');
const assert = require('assert');
const v8 = require('v8');

assert.deepStrictEqual(Object.keys(v8), [
  'cachedDataVersionTag', 'getHeapSnapshot', 'getHeapStatistics',
  'getHeapSpaceStatistics', 'getHeapCodeStatistics', 'setFlagsFromString',
  'Serializer', 'Deserializer', 'DefaultSerializer', 'DefaultDeserializer',
  'deserialize', 'takeCoverage', 'stopCoverage', 'serialize',
  'writeHeapSnapshot', 'promiseHooks', 'startupSnapshot',
  'setHeapSnapshotNearHeapLimit', 'GCProfiler',
]);

const heap = v8.getHeapStatistics();
assert.deepStrictEqual(Object.keys(heap), [
  'total_heap_size', 'total_heap_size_executable', 'total_physical_size',
  'total_available_size', 'used_heap_size', 'heap_size_limit',
  'malloced_memory', 'peak_malloced_memory', 'does_zap_garbage',
  'number_of_native_contexts', 'number_of_detached_contexts',
  'total_global_handles_size', 'used_global_handles_size', 'external_memory',
]);
assert(heap.used_heap_size > 0 && heap.used_heap_size <= heap.total_heap_size);
assert(heap.heap_size_limit > heap.total_heap_size);
assert.strictEqual(heap.number_of_native_contexts >= 1, true);

const spaces = v8.getHeapSpaceStatistics();
assert.deepStrictEqual(spaces.map((s) => s.space_name), [
  'read_only_space', 'old_space', 'code_space', 'map_space',
  'large_object_space', 'code_large_object_space', 'new_large_object_space',
  'new_space',
]);
for (const s of spaces) {
  assert.deepStrictEqual(Object.keys(s), [
    'space_name', 'space_size', 'space_used_size', 'space_available_size',
    'physical_space_size',
  ]);
}
assert(spaces[1].space_used_size > 0);

const code = v8.getHeapCodeStatistics();
assert.deepStrictEqual(Object.keys(code), [
  'code_and_metadata_size', 'bytecode_and_metadata_size',
  'external_script_source_size', 'cpu_profiler_metadata_size',
]);
assert(code.code_and_metadata_size > 0);

const tag = v8.cachedDataVersionTag();
assert(Number.isInteger(tag) && tag >= 0 && tag <= 0xffffffff);
assert.strictEqual(v8.cachedDataVersionTag(), tag);

assert.throws(() => v8.setFlagsFromString(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "flags" argument must be of type string. Received type ' +
           'number (1)',
});
assert.throws(() => v8.setHeapSnapshotNearHeapLimit(0), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "limit" is out of range. It must be >= 1 && ' +
           '<= 4294967295. Received 0',
});
assert.throws(() => v8.startupSnapshot.addSerializeCallback(() => {}), {
  code: 'ERR_NOT_BUILDING_SNAPSHOT',
  message: 'Operation cannot be invoked when not building startup snapshot',
});
assert.strictEqual(v8.startupSnapshot.isBuildingSnapshot(), false);
assert.strictEqual(v8.takeCoverage(), undefined);
assert.strictEqual(v8.stopCoverage(), undefined);

// A V8 flag set at run time takes effect: --allow-natives-syntax.
v8.setFlagsFromString('--allow-natives-syntax');
assert.strictEqual(eval('%IsSmi(1)'), true);

v8.setFlagsFromString('--abort-on-uncaught-exception');
process.setUncaughtExceptionCaptureCallback(common.mustCall((err) => {
  assert.strictEqual(err.message, 'captured');
}));
setImmediate(() => { throw new Error('captured'); });
