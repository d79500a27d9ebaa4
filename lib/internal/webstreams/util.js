'use strict';
// internal/webstreams/util.js - shared pieces of the WHATWG streams:
// internal slots, brand checks, value queues, strategies, buffer helpers.

const {
  ArrayBuffer,
  ArrayBufferPrototypeGetByteLength,
  ArrayBufferPrototypeSlice,
  ArrayPrototypePush,
  ArrayPrototypeShift,
  DataView,
  DataViewPrototypeGetBuffer,
  DataViewPrototypeGetByteLength,
  DataViewPrototypeGetByteOffset,
  FunctionPrototypeCall,
  MathMax,
  NumberIsNaN,
  ObjectAssign,
  PromiseReject,
  PromiseResolve,
  PromisePrototypeThen,
  Symbol,
  TypedArrayPrototypeGetBuffer,
  TypedArrayPrototypeGetByteLength,
  TypedArrayPrototypeGetByteOffset,
  TypedArrayPrototypeGetSymbolToStringTag,
  TypedArrayPrototypeSet,
  Uint8Array,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_OPERATION_FAILED,
  },
} = require('internal/errors');
const { validateFunction } = require('internal/validators');
const { isArrayBufferDetached } = require('internal/util');
const { isPromise } = require('internal/util/types');

const kState = Symbol('kState');
const kType = Symbol('kType');

let inspect;
function lazyInspect() {
  inspect ??= require('internal/util/inspect').inspect;
  return inspect;
}

/* The [util.inspect.custom] body of the stream classes: `Name { ... }`
 * showing `obj`, or the default rendering when nested too deep. */
function customInspect(self, obj, depth, options) {
  if (depth < 0) return self;

  const opts = ObjectAssign({}, options, {
    depth: options.depth === null ? null : options.depth - 1,
  });

  return `${self.constructor.name} ${lazyInspect()(obj, opts)}`;
}

/* A predicate true for objects made by the class tagged `brand`. */
function isBrandCheck(brand) {
  return (value) => {
    return value != null &&
           value[kState] !== undefined &&
           value[kType] === brand;
  };
}

/* ArrayBufferView accessors that work on both TypedArrays and DataViews
 * without consulting (patchable) prototype getters. */
function isDataView(view) {
  return TypedArrayPrototypeGetSymbolToStringTag(view) === undefined;
}

function ArrayBufferViewGetBuffer(view) {
  return isDataView(view) ?
    DataViewPrototypeGetBuffer(view) : TypedArrayPrototypeGetBuffer(view);
}

function ArrayBufferViewGetByteLength(view) {
  return isDataView(view) ?
    DataViewPrototypeGetByteLength(view) :
    TypedArrayPrototypeGetByteLength(view);
}

function ArrayBufferViewGetByteOffset(view) {
  return isDataView(view) ?
    DataViewPrototypeGetByteOffset(view) :
    TypedArrayPrototypeGetByteOffset(view);
}

/* A copy of the bytes `view` covers, as a Uint8Array of a new buffer. */
function cloneAsUint8Array(view) {
  const buffer = ArrayBufferViewGetBuffer(view);
  const byteOffset = ArrayBufferViewGetByteOffset(view);
  const byteLength = ArrayBufferViewGetByteLength(view);
  return new Uint8Array(
    ArrayBufferPrototypeSlice(buffer, byteOffset, byteOffset + byteLength),
  );
}

function isViewedArrayBufferDetached(view) {
  return isArrayBufferDetached(ArrayBufferViewGetBuffer(view));
}

let detachBinding;
function lazyDetach() {
  if (detachBinding === undefined) {
    const binding = internalBinding('buffer');
    detachBinding = typeof binding.detachArrayBuffer === 'function' ?
      binding.detachArrayBuffer : null;
  }
  return detachBinding;
}

/* TransferArrayBuffer(): a new ArrayBuffer owning `buffer`'s memory, with
 * `buffer` detached. Falls back to copying when the runtime offers no way
 * to detach. */
function transferArrayBuffer(buffer) {
  const detach = lazyDetach();
  if (detach !== null) {
    const res = detach(buffer);
    if (res === undefined) {
      throw new ERR_OPERATION_FAILED.TypeError(
        'The ArrayBuffer could not be transferred');
    }
    return res;
  }
  if (isArrayBufferDetached(buffer)) {
    throw new ERR_OPERATION_FAILED.TypeError(
      'The ArrayBuffer could not be transferred');
  }
  try {
    const moved = globalThis.structuredClone(buffer, { transfer: [buffer] });
    if (isArrayBufferDetached(buffer)) return moved;
  } catch {
    // Not transferable here: copy instead.
  }
  return ArrayBufferPrototypeSlice(buffer, 0);
}

function canTransferArrayBuffer(buffer) {
  return !isArrayBufferDetached(buffer);
}

/* Copies `count` bytes between ArrayBuffers. */
function copyDataBlockBytes(toBuffer, toIndex, fromBuffer, fromIndex, count) {
  TypedArrayPrototypeSet(
    new Uint8Array(toBuffer, toIndex, count),
    new Uint8Array(fromBuffer, fromIndex, count));
}

function arrayBufferByteLength(buffer) {
  return ArrayBufferPrototypeGetByteLength(buffer);
}

/* DequeueValue: removes the head of the controller's queue. */
function dequeueValue(controller) {
  const state = controller[kState];
  const { value, size } = ArrayPrototypeShift(state.queue);
  state.queueTotalSize = MathMax(0, state.queueTotalSize - size);
  return value;
}

function resetQueue(controller) {
  controller[kState].queue = [];
  controller[kState].queueTotalSize = 0;
}

function peekQueueValue(controller) {
  return controller[kState].queue[0].value;
}

/* EnqueueValueWithSize: throws a RangeError for a bad size. */
function enqueueValueWithSize(controller, value, size) {
  size = +size;
  if (typeof size !== 'number' ||
      size < 0 ||
      NumberIsNaN(size) ||
      size === Infinity) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('size', size);
  }
  const state = controller[kState];
  ArrayPrototypePush(state.queue, { value, size });
  state.queueTotalSize += size;
}

/* The strategy's highWaterMark as a number, or `defaultHWM`. */
function extractHighWaterMark(value, defaultHWM) {
  if (value === undefined) return defaultHWM;
  value = +value;
  if (typeof value !== 'number' ||
      NumberIsNaN(value) ||
      value < 0) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('strategy.highWaterMark', value);
  }
  return value;
}

function defaultSize() {
  return 1;
}

/* The strategy's size function, or one that counts chunks. */
function extractSizeAlgorithm(size) {
  if (size === undefined) return defaultSize;
  validateFunction(size, 'strategy.size');
  return size;
}

/* Whether `promise` is a promise that has not settled yet. */
function isPromisePending(promise) {
  if (!isPromise(promise)) return false;
  const { getPromiseDetails, constants } = internalBinding('util');
  const details = getPromiseDetails(promise);
  return details?.[0] === constants.kPending;
}

/* Marks a promise as handled so that its rejection is never reported. */
function setPromiseHandled(promise) {
  PromisePrototypeThen(promise, () => {}, () => {});
}

/* fn.call(thisArg, ...args) as a promise (throws become rejections). */
function ensureIsPromise(fn, thisArg, ...args) {
  try {
    const value = FunctionPrototypeCall(fn, thisArg, ...args);
    return isPromise(value) ? value : PromiseResolve(value);
  } catch (error) {
    return PromiseReject(error);
  }
}

/* Wraps an underlying source/sink method into a promise-returning one. */
function createPromiseCallback(name, fn, thisArg) {
  validateFunction(fn, name);
  return (...args) => ensureIsPromise(fn, thisArg, ...args);
}

/* Calls fn.call(thisArg, arg) when fn is a function (start methods). */
function invokeStart(name, fn, thisArg, arg) {
  if (fn === undefined) return undefined;
  validateFunction(fn, name);
  return FunctionPrototypeCall(fn, thisArg, arg);
}

function nonOpFlush() {
  return PromiseResolve();
}

function nonOpStart() {}

function nonOpPull() {
  return PromiseResolve();
}

function nonOpCancel() {
  return PromiseResolve();
}

function nonOpWrite() {
  return PromiseResolve();
}

function newArrayBuffer(size) {
  return new ArrayBuffer(size);
}

const kEnumerableProperty = { __proto__: null, enumerable: true };

module.exports = {
  ArrayBufferViewGetBuffer,
  ArrayBufferViewGetByteLength,
  ArrayBufferViewGetByteOffset,
  DataView,
  arrayBufferByteLength,
  canTransferArrayBuffer,
  cloneAsUint8Array,
  copyDataBlockBytes,
  createPromiseCallback,
  customInspect,
  dequeueValue,
  ensureIsPromise,
  enqueueValueWithSize,
  extractHighWaterMark,
  extractSizeAlgorithm,
  invokeStart,
  isBrandCheck,
  isDataView,
  isPromisePending,
  isViewedArrayBufferDetached,
  kEnumerableProperty,
  kState,
  kType,
  newArrayBuffer,
  nonOpCancel,
  nonOpFlush,
  nonOpPull,
  nonOpStart,
  nonOpWrite,
  peekQueueValue,
  resetQueue,
  setPromiseHandled,
  transferArrayBuffer,
};
