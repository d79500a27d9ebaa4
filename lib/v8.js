'use strict';
/* v8.js - the v8 module: V8 flags, heap statistics, the code cache tag,
 * promise hooks and the GC profiler. Heap snapshots and the serialization
 * API are not implemented yet and throw ERR_METHOD_NOT_IMPLEMENTED. */

const {
  Float64Array,
  JSONParse,
} = primordials;

const binding = internalBinding('v8');
const {
  codes: {
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_NOT_BUILDING_SNAPSHOT,
  },
} = require('internal/errors');
const {
  validateString,
  validateUint32,
} = require('internal/validators');

const heapValues = new Float64Array(14);
const spaceValues = new Float64Array(4);
const codeValues = new Float64Array(4);

/* v8.cachedDataVersionTag() -> an integer that changes with the V8
 * version and flags (code caches from another tag are rejected). */
function cachedDataVersionTag() {
  return binding.cachedDataVersionTag();
}

/* v8.setFlagsFromString(flags): sets V8 command-line flags at run time. */
function setFlagsFromString(flags) {
  validateString(flags, 'flags');
  binding.setFlagsFromString(flags);
}

/* v8.getHeapStatistics() */
function getHeapStatistics() {
  binding.heapStatistics(heapValues);
  return {
    total_heap_size: heapValues[0],
    total_heap_size_executable: heapValues[1],
    total_physical_size: heapValues[2],
    total_available_size: heapValues[3],
    used_heap_size: heapValues[4],
    heap_size_limit: heapValues[5],
    malloced_memory: heapValues[6],
    peak_malloced_memory: heapValues[7],
    does_zap_garbage: heapValues[8],
    number_of_native_contexts: heapValues[9],
    number_of_detached_contexts: heapValues[10],
    total_global_handles_size: heapValues[11],
    used_global_handles_size: heapValues[12],
    external_memory: heapValues[13],
  };
}

/* v8.getHeapSpaceStatistics() -> one entry per heap space. */
function getHeapSpaceStatistics() {
  const count = binding.heapSpaceCount();
  const result = [];
  for (let i = 0; i < count; i++) {
    const name = binding.heapSpaceStatistics(i, spaceValues);
    if (name === undefined) continue;
    result[result.length] = {
      space_name: name,
      space_size: spaceValues[0],
      space_used_size: spaceValues[1],
      space_available_size: spaceValues[2],
      physical_space_size: spaceValues[3],
    };
  }
  return result;
}

/* v8.getHeapCodeStatistics() */
function getHeapCodeStatistics() {
  binding.heapCodeStatistics(codeValues);
  return {
    code_and_metadata_size: codeValues[0],
    bytecode_and_metadata_size: codeValues[1],
    external_script_source_size: codeValues[2],
    cpu_profiler_metadata_size: codeValues[3],
  };
}

function notImplemented(name) {
  throw new ERR_METHOD_NOT_IMPLEMENTED(name);
}

function getHeapSnapshot() {
  notImplemented('getHeapSnapshot()');
}

function writeHeapSnapshot(filename) {
  notImplemented('writeHeapSnapshot()');
}

/* v8.setHeapSnapshotNearHeapLimit(limit) */
function setHeapSnapshotNearHeapLimit(limit) {
  validateUint32(limit, 'limit', true);
  notImplemented('setHeapSnapshotNearHeapLimit()');
}

/* Coverage is collected only under NODE_V8_COVERAGE (not supported):
 * without it, as in Node, these do nothing. */
function takeCoverage() {
  if (process.env.NODE_V8_COVERAGE) notImplemented('takeCoverage()');
}

function stopCoverage() {
  if (process.env.NODE_V8_COVERAGE) notImplemented('stopCoverage()');
}

function serialize(value) {
  notImplemented('serialize()');
}

function deserialize(buffer) {
  notImplemented('deserialize()');
}

class Serializer {
  constructor() {
    notImplemented('Serializer()');
  }
}

class Deserializer {
  constructor(buffer) {
    notImplemented('Deserializer()');
  }
}

class DefaultSerializer extends Serializer {}

class DefaultDeserializer extends Deserializer {}

/* new GCProfiler(): start() records every garbage collection until stop(),
 * which returns { version, startTime, endTime, statistics: [{ gcType,
 * cost, beforeGC, afterGC }] } (undefined when it was not started). */
class GCProfiler {
  #handle = null;

  start() {
    if (this.#handle === null) this.#handle = binding.startGCProfile();
  }

  stop() {
    if (this.#handle === null) return undefined;
    const json = binding.stopGCProfile(this.#handle);
    this.#handle = null;
    return json === undefined ? undefined : JSONParse(json);
  }
}

const { promiseHooks } = require('internal/promise_hooks');

/* nodus never builds a startup snapshot: as Node outside --build-snapshot,
 * the callbacks cannot be registered. */
function notBuildingSnapshot() {
  throw new ERR_NOT_BUILDING_SNAPSHOT();
}

const startupSnapshot = {
  addDeserializeCallback: notBuildingSnapshot,
  addSerializeCallback: notBuildingSnapshot,
  setDeserializeMainFunction: notBuildingSnapshot,
  isBuildingSnapshot: () => false,
};

module.exports = {
  cachedDataVersionTag,
  getHeapSnapshot,
  getHeapStatistics,
  getHeapSpaceStatistics,
  getHeapCodeStatistics,
  setFlagsFromString,
  Serializer,
  Deserializer,
  DefaultSerializer,
  DefaultDeserializer,
  deserialize,
  takeCoverage,
  stopCoverage,
  serialize,
  writeHeapSnapshot,
  promiseHooks,
  startupSnapshot,
  setHeapSnapshotNearHeapLimit,
  GCProfiler,
};
