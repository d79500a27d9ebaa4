'use strict';
// internal/webstreams/readablestream_bytes.js - the abstract operations of
// ReadableByteStreamController: byte queues, BYOB pull-into descriptors
// and respond()/respondWithNewView().

const {
  ArrayBuffer,
  ArrayBufferPrototypeSlice,
  ArrayPrototypePush,
  ArrayPrototypeShift,
  DataView,
  FunctionPrototypeBind,
  MathMin,
  PromisePrototypeThen,
  PromiseResolve,
  TypedArrayPrototypeGetSymbolToStringTag,
  Uint8Array,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_STATE,
  },
} = require('internal/errors');
const { isArrayBufferDetached } = require('internal/util');
const { kControllerErrorFunction } = require('internal/streams/utils');
const {
  ArrayBufferViewGetBuffer,
  ArrayBufferViewGetByteLength,
  ArrayBufferViewGetByteOffset,
  arrayBufferByteLength,
  copyDataBlockBytes,
  kState,
  resetQueue,
  transferArrayBuffer,
} = require('internal/webstreams/util');
const {
  kChunk,
  kError,
  kClose,
  isReadableStreamLocked,
  readableStreamAddReadIntoRequest,
  readableStreamAddReadRequest,
  readableStreamClose,
  readableStreamError,
  readableStreamFulfillReadIntoRequest,
  readableStreamFulfillReadRequest,
  readableStreamGetNumReadIntoRequests,
  readableStreamGetNumReadRequests,
  readableStreamHasBYOBReader,
  readableStreamHasDefaultReader,
} = require('internal/webstreams/readablestream_ops');

let ReadableStreamBYOBRequest;
function lazyBYOBRequestClass() {
  ReadableStreamBYOBRequest ??=
    require('internal/webstreams/readablestream').ReadableStreamBYOBRequest;
  return ReadableStreamBYOBRequest;
}

// TypedArray constructors by tag, so that a patched view.constructor
// cannot change what read() resolves with.
const kViewConstructors = {
  __proto__: null,
  Int8Array, Uint8Array, Uint8ClampedArray, Int16Array, Uint16Array,
  Int32Array, Uint32Array, Float32Array, Float64Array, BigInt64Array,
  BigUint64Array,
};

function viewInfo(view) {
  const tag = TypedArrayPrototypeGetSymbolToStringTag(view);
  if (tag === undefined) return { ctor: DataView, elementSize: 1 };
  const ctor = kViewConstructors[tag];
  return { ctor, elementSize: ctor.BYTES_PER_ELEMENT };
}

function readableByteStreamControllerGetBYOBRequest(controller) {
  const state = controller[kState];
  if (state.byobRequest === null && state.pendingPullIntos.length) {
    const {
      buffer,
      byteOffset,
      bytesFilled,
      byteLength,
    } = state.pendingPullIntos[0];
    const view = new Uint8Array(
      buffer, byteOffset + bytesFilled, byteLength - bytesFilled);
    const Request = lazyBYOBRequestClass();
    const request = new Request(kSkipThrowToken());
    request[kState] = { controller, view };
    state.byobRequest = request;
  }
  return state.byobRequest;
}

let skipToken;
function kSkipThrowToken() {
  skipToken ??= require('internal/webstreams/readablestream').kSkipThrow;
  return skipToken;
}

function readableByteStreamControllerGetDesiredSize(controller) {
  const { stream, highWaterMark, queueTotalSize } = controller[kState];
  switch (stream[kState].state) {
    case 'errored': return null;
    case 'closed': return 0;
    default: return highWaterMark - queueTotalSize;
  }
}

function readableByteStreamControllerShouldCallPull(controller) {
  const { stream, closeRequested, started } = controller[kState];
  if (stream[kState].state !== 'readable' || closeRequested || !started) {
    return false;
  }
  if (readableStreamHasDefaultReader(stream) &&
      readableStreamGetNumReadRequests(stream) > 0) {
    return true;
  }
  if (readableStreamHasBYOBReader(stream) &&
      readableStreamGetNumReadIntoRequests(stream) > 0) {
    return true;
  }
  return readableByteStreamControllerGetDesiredSize(controller) > 0;
}

function readableByteStreamControllerCallPullIfNeeded(controller) {
  if (!readableByteStreamControllerShouldCallPull(controller)) return;
  if (controller[kState].pulling) {
    controller[kState].pullAgain = true;
    return;
  }
  controller[kState].pulling = true;
  PromisePrototypeThen(
    controller[kState].pullAlgorithm(controller),
    () => {
      controller[kState].pulling = false;
      if (controller[kState].pullAgain) {
        controller[kState].pullAgain = false;
        readableByteStreamControllerCallPullIfNeeded(controller);
      }
    },
    (error) => readableByteStreamControllerError(controller, error));
}

function readableByteStreamControllerClearAlgorithms(controller) {
  controller[kState].pullAlgorithm = undefined;
  controller[kState].cancelAlgorithm = undefined;
}

function readableByteStreamControllerInvalidateBYOBRequest(controller) {
  const request = controller[kState].byobRequest;
  if (request === null) return;
  request[kState].controller = undefined;
  request[kState].view = null;
  controller[kState].byobRequest = null;
}

function readableByteStreamControllerClearPendingPullIntos(controller) {
  readableByteStreamControllerInvalidateBYOBRequest(controller);
  controller[kState].pendingPullIntos = [];
}

function readableByteStreamControllerShiftPendingPullInto(controller) {
  return ArrayPrototypeShift(controller[kState].pendingPullIntos);
}

function readableByteStreamControllerError(controller, error) {
  const { stream } = controller[kState];
  if (stream[kState].state !== 'readable') return;
  readableByteStreamControllerClearPendingPullIntos(controller);
  resetQueue(controller);
  readableByteStreamControllerClearAlgorithms(controller);
  readableStreamError(stream, error);
}

/* Close: waits for the queue to drain; a partially filled BYOB view that
 * cannot be completed errors the stream. */
function readableByteStreamControllerClose(controller) {
  const {
    closeRequested,
    pendingPullIntos,
    queueTotalSize,
    stream,
  } = controller[kState];

  if (closeRequested || stream[kState].state !== 'readable') return;

  if (queueTotalSize) {
    controller[kState].closeRequested = true;
    return;
  }

  if (pendingPullIntos.length) {
    const firstPendingPullInto = pendingPullIntos[0];
    if (firstPendingPullInto.bytesFilled % firstPendingPullInto.elementSize) {
      const error = new ERR_INVALID_STATE.TypeError('Partial read');
      readableByteStreamControllerError(controller, error);
      throw error;
    }
  }

  readableByteStreamControllerClearAlgorithms(controller);
  readableStreamClose(stream);
}

function readableByteStreamControllerEnqueueChunkToQueue(
  controller, buffer, byteOffset, byteLength) {
  ArrayPrototypePush(controller[kState].queue, {
    buffer,
    byteOffset,
    byteLength,
  });
  controller[kState].queueTotalSize += byteLength;
}

function readableByteStreamControllerEnqueueClonedChunkToQueue(
  controller, buffer, byteOffset, byteLength) {
  let cloneResult;
  try {
    cloneResult = ArrayBufferPrototypeSlice(
      buffer, byteOffset, byteOffset + byteLength);
  } catch (error) {
    readableByteStreamControllerError(controller, error);
    throw error;
  }
  readableByteStreamControllerEnqueueChunkToQueue(
    controller, cloneResult, 0, byteLength);
}

function readableByteStreamControllerEnqueueDetachedPullIntoToQueue(
  controller, desc) {
  if (desc.bytesFilled > 0) {
    readableByteStreamControllerEnqueueClonedChunkToQueue(
      controller, desc.buffer, desc.byteOffset, desc.bytesFilled);
  }
  readableByteStreamControllerShiftPendingPullInto(controller);
}

/* The filled part of a pull-into descriptor, as a view of its type. */
function readableByteStreamControllerConvertPullIntoDescriptor(desc) {
  const {
    buffer,
    bytesFilled,
    byteLength,
    byteOffset,
    ctor,
    elementSize,
  } = desc;
  if (bytesFilled > byteLength) {
    throw new ERR_INVALID_STATE.RangeError('The buffer size is invalid');
  }
  if (bytesFilled % elementSize) {
    throw new ERR_INVALID_STATE.RangeError('The buffer size is invalid');
  }
  const transferredBuffer = transferArrayBuffer(buffer);
  return new ctor(transferredBuffer, byteOffset, bytesFilled / elementSize);
}

function readableByteStreamControllerCommitPullIntoDescriptor(stream, desc) {
  let done = false;
  if (stream[kState].state === 'closed') done = true;
  const filledView =
    readableByteStreamControllerConvertPullIntoDescriptor(desc);
  if (desc.type === 'default') {
    readableStreamFulfillReadRequest(stream, filledView, done);
  } else {
    readableStreamFulfillReadIntoRequest(stream, filledView, done);
  }
}

function readableByteStreamControllerFillHeadPullIntoDescriptor(
  controller, size, desc) {
  desc.bytesFilled += size;
}

/* Moves queued bytes into the descriptor. True when it now holds at
 * least one whole element. */
function readableByteStreamControllerFillPullIntoDescriptorFromQueue(
  controller, desc) {
  const { byteLength, bytesFilled, elementSize } = desc;
  const state = controller[kState];
  const currentAlignedBytes = bytesFilled - (bytesFilled % elementSize);
  const maxBytesToCopy = MathMin(
    state.queueTotalSize, byteLength - bytesFilled);
  const maxBytesFilled = bytesFilled + maxBytesToCopy;
  const maxAlignedBytes = maxBytesFilled - (maxBytesFilled % elementSize);
  let totalBytesToCopyRemaining = maxBytesToCopy;
  let ready = false;
  if (maxAlignedBytes > currentAlignedBytes) {
    totalBytesToCopyRemaining = maxAlignedBytes - bytesFilled;
    ready = true;
  }
  const { queue } = state;

  while (totalBytesToCopyRemaining) {
    const headOfQueue = queue[0];
    const bytesToCopy = MathMin(
      totalBytesToCopyRemaining, headOfQueue.byteLength);
    const destStart = desc.byteOffset + desc.bytesFilled;
    copyDataBlockBytes(desc.buffer, destStart,
                       headOfQueue.buffer, headOfQueue.byteOffset,
                       bytesToCopy);
    if (headOfQueue.byteLength === bytesToCopy) {
      ArrayPrototypeShift(queue);
    } else {
      headOfQueue.byteOffset += bytesToCopy;
      headOfQueue.byteLength -= bytesToCopy;
    }
    state.queueTotalSize -= bytesToCopy;
    readableByteStreamControllerFillHeadPullIntoDescriptor(
      controller, bytesToCopy, desc);
    totalBytesToCopyRemaining -= bytesToCopy;
  }

  return ready;
}

function readableByteStreamControllerHandleQueueDrain(controller) {
  const { closeRequested, queueTotalSize, stream } = controller[kState];
  if (!queueTotalSize && closeRequested) {
    readableByteStreamControllerClearAlgorithms(controller);
    readableStreamClose(stream);
    return;
  }
  readableByteStreamControllerCallPullIfNeeded(controller);
}

function readableByteStreamControllerFillReadRequestFromQueue(
  controller, readRequest) {
  const state = controller[kState];
  const { buffer, byteOffset, byteLength } = ArrayPrototypeShift(state.queue);
  state.queueTotalSize -= byteLength;
  readableByteStreamControllerHandleQueueDrain(controller);
  const view = new Uint8Array(buffer, byteOffset, byteLength);
  readRequest[kChunk](view);
}

function readableByteStreamControllerProcessPullIntoDescriptorsUsingQueue(
  controller) {
  const state = controller[kState];
  while (state.pendingPullIntos.length) {
    if (state.queueTotalSize === 0) return;
    const desc = state.pendingPullIntos[0];
    if (readableByteStreamControllerFillPullIntoDescriptorFromQueue(
      controller, desc)) {
      readableByteStreamControllerShiftPendingPullInto(controller);
      readableByteStreamControllerCommitPullIntoDescriptor(
        state.stream, desc);
    }
  }
}

function readableByteStreamControllerProcessReadRequestsUsingQueue(
  controller) {
  const state = controller[kState];
  const reader = state.stream[kState].reader;
  const requests = reader[kState].readRequests;
  while (requests.length) {
    if (state.queueTotalSize === 0) return;
    const readRequest = ArrayPrototypeShift(requests);
    readableByteStreamControllerFillReadRequestFromQueue(
      controller, readRequest);
  }
}

/* Enqueue: the chunk's buffer is transferred, then handed to a waiting
 * read, copied into pending BYOB views, or queued. */
function readableByteStreamControllerEnqueue(controller, chunk) {
  const state = controller[kState];
  const { closeRequested, stream } = state;

  if (closeRequested || stream[kState].state !== 'readable') return;

  const buffer = ArrayBufferViewGetBuffer(chunk);
  const byteOffset = ArrayBufferViewGetByteOffset(chunk);
  const byteLength = ArrayBufferViewGetByteLength(chunk);

  if (isArrayBufferDetached(buffer)) {
    throw new ERR_INVALID_STATE.TypeError(
      'chunk ArrayBuffer is zero-length or detached');
  }

  const transferredBuffer = transferArrayBuffer(buffer);

  if (state.pendingPullIntos.length) {
    const firstPendingPullInto = state.pendingPullIntos[0];

    if (isArrayBufferDetached(firstPendingPullInto.buffer)) {
      throw new ERR_INVALID_STATE.TypeError(
        'Destination ArrayBuffer is detached');
    }

    readableByteStreamControllerInvalidateBYOBRequest(controller);

    firstPendingPullInto.buffer = transferArrayBuffer(
      firstPendingPullInto.buffer);

    if (firstPendingPullInto.type === 'none') {
      readableByteStreamControllerEnqueueDetachedPullIntoToQueue(
        controller, firstPendingPullInto);
    }
  }

  if (readableStreamHasDefaultReader(stream)) {
    readableByteStreamControllerProcessReadRequestsUsingQueue(controller);
    if (!readableStreamGetNumReadRequests(stream)) {
      readableByteStreamControllerEnqueueChunkToQueue(
        controller, transferredBuffer, byteOffset, byteLength);
    } else {
      if (state.pendingPullIntos.length) {
        readableByteStreamControllerShiftPendingPullInto(controller);
      }
      const transferredView =
        new Uint8Array(transferredBuffer, byteOffset, byteLength);
      readableStreamFulfillReadRequest(stream, transferredView, false);
    }
  } else if (readableStreamHasBYOBReader(stream)) {
    readableByteStreamControllerEnqueueChunkToQueue(
      controller, transferredBuffer, byteOffset, byteLength);
    readableByteStreamControllerProcessPullIntoDescriptorsUsingQueue(
      controller);
  } else {
    readableByteStreamControllerEnqueueChunkToQueue(
      controller, transferredBuffer, byteOffset, byteLength);
  }
  readableByteStreamControllerCallPullIfNeeded(controller);
}

/* PullInto: a BYOB read into `view`. */
function readableByteStreamControllerPullInto(
  controller, view, readIntoRequest) {
  const state = controller[kState];
  const { closeRequested, stream, pendingPullIntos } = state;
  const { ctor, elementSize } = viewInfo(view);

  const buffer = ArrayBufferViewGetBuffer(view);
  const byteOffset = ArrayBufferViewGetByteOffset(view);
  const byteLength = ArrayBufferViewGetByteLength(view);

  let transferredBuffer;
  try {
    transferredBuffer = transferArrayBuffer(buffer);
  } catch (error) {
    readIntoRequest[kError](error);
    return;
  }

  const desc = {
    buffer: transferredBuffer,
    bufferByteLength: arrayBufferByteLength(transferredBuffer),
    byteOffset,
    byteLength,
    bytesFilled: 0,
    elementSize,
    ctor,
    type: 'byob',
  };

  if (pendingPullIntos.length) {
    ArrayPrototypePush(pendingPullIntos, desc);
    readableStreamAddReadIntoRequest(stream, readIntoRequest);
    return;
  }

  if (stream[kState].state === 'closed') {
    const emptyView = new ctor(desc.buffer, byteOffset, 0);
    readIntoRequest[kClose](emptyView);
    return;
  }

  if (state.queueTotalSize) {
    if (readableByteStreamControllerFillPullIntoDescriptorFromQueue(
      controller, desc)) {
      const filledView =
        readableByteStreamControllerConvertPullIntoDescriptor(desc);
      readableByteStreamControllerHandleQueueDrain(controller);
      readIntoRequest[kChunk](filledView);
      return;
    }
    if (closeRequested) {
      const error = new ERR_INVALID_STATE.TypeError('ReadableStream closed');
      readableByteStreamControllerError(controller, error);
      readIntoRequest[kError](error);
      return;
    }
  }
  ArrayPrototypePush(state.pendingPullIntos, desc);
  readableStreamAddReadIntoRequest(stream, readIntoRequest);
  readableByteStreamControllerCallPullIfNeeded(controller);
}

function readableByteStreamControllerRespondInClosedState(controller, desc) {
  if (desc.type === 'none') {
    readableByteStreamControllerShiftPendingPullInto(controller);
  }
  const { stream } = controller[kState];
  if (readableStreamHasBYOBReader(stream)) {
    while (readableStreamGetNumReadIntoRequests(stream) > 0) {
      readableByteStreamControllerCommitPullIntoDescriptor(
        stream,
        readableByteStreamControllerShiftPendingPullInto(controller));
    }
  }
}

function readableByteStreamControllerRespondInReadableState(
  controller, bytesWritten, desc) {
  const { stream } = controller[kState];
  if (desc.bytesFilled + bytesWritten > desc.byteLength) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('bytesWritten', bytesWritten);
  }

  readableByteStreamControllerFillHeadPullIntoDescriptor(
    controller, bytesWritten, desc);

  if (desc.type === 'none') {
    readableByteStreamControllerEnqueueDetachedPullIntoToQueue(
      controller, desc);
    readableByteStreamControllerProcessPullIntoDescriptorsUsingQueue(
      controller);
    return;
  }

  if (desc.bytesFilled < desc.elementSize) return;

  readableByteStreamControllerShiftPendingPullInto(controller);

  const remainderSize = desc.bytesFilled % desc.elementSize;

  if (remainderSize) {
    const end = desc.byteOffset + desc.bytesFilled;
    readableByteStreamControllerEnqueueClonedChunkToQueue(
      controller, desc.buffer, end - remainderSize, remainderSize);
  }
  desc.bytesFilled -= remainderSize;
  readableByteStreamControllerCommitPullIntoDescriptor(stream, desc);
  readableByteStreamControllerProcessPullIntoDescriptorsUsingQueue(
    controller);
}

function readableByteStreamControllerRespondInternal(
  controller, bytesWritten) {
  const { stream, pendingPullIntos } = controller[kState];
  const desc = pendingPullIntos[0];

  readableByteStreamControllerInvalidateBYOBRequest(controller);

  if (stream[kState].state === 'closed') {
    if (bytesWritten) {
      throw new ERR_INVALID_STATE.TypeError(
        'Controller is closed but view is not zero-length');
    }
    readableByteStreamControllerRespondInClosedState(controller, desc);
  } else {
    readableByteStreamControllerRespondInReadableState(
      controller, bytesWritten, desc);
  }
  readableByteStreamControllerCallPullIfNeeded(controller);
}

/* byobRequest.respond(bytesWritten). */
function readableByteStreamControllerRespond(controller, bytesWritten) {
  const { pendingPullIntos, stream } = controller[kState];
  const desc = pendingPullIntos[0];

  if (stream[kState].state === 'closed') {
    if (bytesWritten !== 0) {
      throw new ERR_INVALID_ARG_VALUE('bytesWritten', bytesWritten);
    }
  } else {
    if (!bytesWritten) {
      throw new ERR_INVALID_ARG_VALUE('bytesWritten', bytesWritten);
    }
    if ((desc.bytesFilled + bytesWritten) > desc.byteLength) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('bytesWritten', bytesWritten);
    }
  }

  desc.buffer = transferArrayBuffer(desc.buffer);

  readableByteStreamControllerRespondInternal(controller, bytesWritten);
}

/* byobRequest.respondWithNewView(view): view must cover the same bytes
 * of (a transfer of) the same buffer. */
function readableByteStreamControllerRespondWithNewView(controller, view) {
  const { stream, pendingPullIntos } = controller[kState];
  const desc = pendingPullIntos[0];

  const viewByteLength = ArrayBufferViewGetByteLength(view);
  const viewByteOffset = ArrayBufferViewGetByteOffset(view);
  const viewBuffer = ArrayBufferViewGetBuffer(view);
  const viewBufferByteLength = arrayBufferByteLength(viewBuffer);

  if (stream[kState].state === 'closed') {
    if (viewByteLength !== 0) {
      throw new ERR_INVALID_STATE.TypeError(
        'View is not zero-length');
    }
  } else if (viewByteLength === 0) {
    throw new ERR_INVALID_STATE.TypeError('View is zero-length');
  }

  if (desc.byteOffset + desc.bytesFilled !== viewByteOffset) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view);
  }

  if (desc.bufferByteLength !== viewBufferByteLength) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view);
  }

  if (desc.bytesFilled + viewByteLength > desc.byteLength) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('view', view);
  }

  desc.buffer = transferArrayBuffer(viewBuffer);

  readableByteStreamControllerRespondInternal(controller, viewByteLength);
}

function readableByteStreamControllerCancelSteps(controller, reason) {
  readableByteStreamControllerClearPendingPullIntos(controller);
  resetQueue(controller);
  const result = controller[kState].cancelAlgorithm(reason);
  readableByteStreamControllerClearAlgorithms(controller);
  return result;
}

function readableByteStreamControllerPullSteps(controller, readRequest) {
  const state = controller[kState];
  const { stream, autoAllocateChunkSize } = state;

  if (state.queueTotalSize) {
    readableByteStreamControllerFillReadRequestFromQueue(
      controller, readRequest);
    return;
  }

  if (autoAllocateChunkSize !== undefined) {
    let buffer;
    try {
      buffer = new ArrayBuffer(autoAllocateChunkSize);
    } catch (error) {
      readRequest[kError](error);
      return;
    }
    ArrayPrototypePush(state.pendingPullIntos, {
      buffer,
      bufferByteLength: autoAllocateChunkSize,
      byteOffset: 0,
      byteLength: autoAllocateChunkSize,
      bytesFilled: 0,
      elementSize: 1,
      ctor: Uint8Array,
      type: 'default',
    });
  }

  readableStreamAddReadRequest(stream, readRequest);
  readableByteStreamControllerCallPullIfNeeded(controller);
}

/* A released reader abandons its pending BYOB reads: the head descriptor
 * stays (type 'none') so that respond() still works. */
function readableByteStreamControllerRelease(controller) {
  const { pendingPullIntos } = controller[kState];
  if (pendingPullIntos.length > 0) {
    const firstPendingPullInto = pendingPullIntos[0];
    firstPendingPullInto.type = 'none';
    controller[kState].pendingPullIntos = [firstPendingPullInto];
  }
}

function setupReadableByteStreamController(
  stream,
  controller,
  startAlgorithm,
  pullAlgorithm,
  cancelAlgorithm,
  highWaterMark,
  autoAllocateChunkSize) {
  controller[kState] = {
    autoAllocateChunkSize,
    byobRequest: null,
    cancelAlgorithm,
    closeRequested: false,
    highWaterMark,
    pendingPullIntos: [],
    pullAgain: false,
    pullAlgorithm,
    pulling: false,
    queue: [],
    queueTotalSize: 0,
    started: false,
    stream,
  };
  stream[kState].controller = controller;
  stream[kControllerErrorFunction] = FunctionPrototypeBind(
    controller.error, controller);

  const startResult = startAlgorithm();

  PromisePrototypeThen(
    PromiseResolve(startResult),
    () => {
      controller[kState].started = true;
      readableByteStreamControllerCallPullIfNeeded(controller);
    },
    (error) => readableByteStreamControllerError(controller, error));
}

module.exports = {
  isReadableStreamLocked,
  readableByteStreamControllerCallPullIfNeeded,
  readableByteStreamControllerCancelSteps,
  readableByteStreamControllerClose,
  readableByteStreamControllerConvertPullIntoDescriptor,
  readableByteStreamControllerEnqueue,
  readableByteStreamControllerError,
  readableByteStreamControllerGetBYOBRequest,
  readableByteStreamControllerGetDesiredSize,
  readableByteStreamControllerPullInto,
  readableByteStreamControllerPullSteps,
  readableByteStreamControllerRelease,
  readableByteStreamControllerRespond,
  readableByteStreamControllerRespondWithNewView,
  setupReadableByteStreamController,
};
