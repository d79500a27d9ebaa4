'use strict';
/* v8.js - the v8 module: V8 flags, heap statistics, the code cache tag,
 * promise hooks, the GC profiler and the serialization API (serialize,
 * deserialize and the Serializer classes, over internalBinding('serdes')).
 * Heap snapshots are not implemented yet and throw
 * ERR_METHOD_NOT_IMPLEMENTED. */

const {
  ArrayBuffer,
  BigInt64Array,
  BigUint64Array,
  DataView,
  Error,
  Float32Array,
  Float64Array,
  Int16Array,
  Int32Array,
  Int8Array,
  JSONParse,
  ObjectPrototypeToString,
  SafeMap,
  TypedArrayPrototypeSet,
  Uint16Array,
  Uint32Array,
  Uint8Array,
  Uint8ClampedArray,
} = primordials;

const binding = internalBinding('v8');
const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer');
const { inspect } = require('internal/util/inspect');
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

const { Serializer, Deserializer } = internalBinding('serdes');

/* What the ArrayBufferViews a DefaultSerializer writes are: the index is
 * the first uint32 of a host object (Node's wire format: a Buffer is 10,
 * the BigInt arrays come after it). */
const viewTypes = [
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array,
  Int32Array, Uint32Array, Float32Array, Float64Array, DataView,
  FastBuffer, BigInt64Array, BigUint64Array,
];
const kBufferIndex = 10;
const viewTypeIndexByTag = new SafeMap();
for (let i = 0; i < viewTypes.length; i++) {
  if (i === kBufferIndex) continue;
  const tag = ObjectPrototypeToString(new viewTypes[i](new ArrayBuffer(0)));
  viewTypeIndexByTag.set(tag, i);
}

/* A Serializer's DataCloneErrors are plain Errors unless overridden. */
Serializer.prototype._getDataCloneError = Error;

/* Reads `length` raw bytes: a Buffer over them in this.buffer's memory. */
Deserializer.prototype.readRawBytes = function readRawBytes(length) {
  const offset = this._readRawBytes(length);
  return new FastBuffer(this.buffer.buffer, this.buffer.byteOffset + offset,
                        length);
};

/* Writes TypedArrays, DataViews and Buffers as host objects: their own
 * bytes only (a pooled Buffer's neighbours stay out), with their type. */
class DefaultSerializer extends Serializer {
  constructor() {
    super();
    this._setTreatArrayBufferViewsAsHostObjects(true);
  }

  _writeHostObject(view) {
    let index = kBufferIndex;
    if (view.constructor !== Buffer) {
      index = viewTypeIndexByTag.get(ObjectPrototypeToString(view));
      if (index === undefined) {
        throw new this._getDataCloneError(
          `Unserializable host object: ${inspect(view)}`);
      }
    }
    this.writeUint32(index);
    this.writeUint32(view.byteLength);
    this.writeRawBytes(new Uint8Array(view.buffer, view.byteOffset,
                                      view.byteLength));
  }
}

/* Reads what DefaultSerializer wrote: views over the input's memory when
 * it is aligned for the type, over a copy otherwise. */
class DefaultDeserializer extends Deserializer {
  _readHostObject() {
    const ViewType = viewTypes[this.readUint32()];
    const byteLength = this.readUint32();
    const at = this._readRawBytes(byteLength);
    const elementSize = ViewType.BYTES_PER_ELEMENT || 1;
    const offset = this.buffer.byteOffset + at;
    if (offset % elementSize === 0) {
      return new ViewType(this.buffer.buffer, offset,
                          byteLength / elementSize);
    }
    const copy = Buffer.allocUnsafe(byteLength);
    TypedArrayPrototypeSet(copy, new Uint8Array(this.buffer.buffer, offset,
                                                byteLength));
    return new ViewType(copy.buffer, copy.byteOffset,
                        byteLength / elementSize);
  }
}

/* v8.serialize(value) -> a Buffer in V8's format (with Node's host
 * objects for views). */
function serialize(value) {
  const ser = new DefaultSerializer();
  ser.writeHeader();
  ser.writeValue(value);
  return ser.releaseBuffer();
}

/* v8.deserialize(buffer) -> the value serialize() wrote. */
function deserialize(buffer) {
  const des = new DefaultDeserializer(buffer);
  des.readHeader();
  return des.readValue();
}

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
