'use strict';
// internal/webstreams/readablestream_ops.js - the abstract operations of
// ReadableStream, its readers and its default controller (WHATWG Streams,
// "ReadableStream" section).

const {
  ArrayPrototypePush,
  ArrayPrototypeShift,
  FunctionPrototypeBind,
  PromisePrototypeThen,
  PromiseReject,
  PromiseResolve,
  Symbol,
} = primordials;

const {
  codes: {
    ERR_INVALID_STATE,
  },
} = require('internal/errors');
const { createDeferredPromise } = require('internal/util');
const {
  kIsClosedPromise,
  kControllerErrorFunction,
} = require('internal/streams/utils');
const {
  dequeueValue,
  enqueueValueWithSize,
  isBrandCheck,
  kState,
  resetQueue,
  setPromiseHandled,
} = require('internal/webstreams/util');

// Internal methods every controller and read request implements.
const kCancel = Symbol('kCancel');
const kClose = Symbol('kClose');
const kChunk = Symbol('kChunk');
const kError = Symbol('kError');
const kPull = Symbol('kPull');
const kRelease = Symbol('kRelease');

const isReadableStream = isBrandCheck('ReadableStream');
const isReadableByteStreamController =
  isBrandCheck('ReadableByteStreamController');
const isReadableStreamBYOBRequest = isBrandCheck('ReadableStreamBYOBRequest');
const isReadableStreamDefaultReader =
  isBrandCheck('ReadableStreamDefaultReader');
const isReadableStreamBYOBReader = isBrandCheck('ReadableStreamBYOBReader');
const isReadableStreamDefaultController =
  isBrandCheck('ReadableStreamDefaultController');

/* A read request settling a promise with { value, done }. */
class DefaultReadRequest {
  constructor() {
    this.promise = createDeferredPromise();
  }

  [kChunk](value) {
    this.promise.resolve({ value, done: false });
  }

  [kClose]() {
    this.promise.resolve({ value: undefined, done: true });
  }

  [kError](error) {
    this.promise.reject(error);
  }
}

/* A BYOB read-into request: close steps carry the (empty) view. */
class ReadIntoRequest {
  constructor() {
    this.promise = createDeferredPromise();
  }

  [kChunk](value) {
    this.promise.resolve({ value, done: false });
  }

  [kClose](value) {
    this.promise.resolve({ value, done: true });
  }

  [kError](error) {
    this.promise.reject(error);
  }
}

// ---- ReadableStream ----------------------------------------------------

function isReadableStreamLocked(stream) {
  return stream[kState].reader !== undefined;
}

/* ReadableStreamCancel: closes the stream and runs the source's cancel. */
function readableStreamCancel(stream, reason) {
  stream[kState].disturbed = true;
  switch (stream[kState].state) {
    case 'closed':
      return PromiseResolve();
    case 'errored':
      return PromiseReject(stream[kState].storedError);
  }
  readableStreamClose(stream);
  const { reader } = stream[kState];
  if (reader !== undefined && readableStreamHasBYOBReader(stream)) {
    const pending = reader[kState].readIntoRequests;
    reader[kState].readIntoRequests = [];
    for (let n = 0; n < pending.length; ++n) pending[n][kClose]();
  }
  return PromisePrototypeThen(
    stream[kState].controller[kCancel](reason),
    () => {});
}

function readableStreamClose(stream) {
  stream[kState].state = 'closed';
  stream[kIsClosedPromise].resolve();

  const { reader } = stream[kState];
  if (reader === undefined) return;

  reader[kState].close.resolve();

  if (readableStreamHasDefaultReader(stream)) {
    const requests = reader[kState].readRequests;
    reader[kState].readRequests = [];
    for (let n = 0; n < requests.length; ++n) requests[n][kClose]();
  }
}

function readableStreamError(stream, error) {
  stream[kState].state = 'errored';
  stream[kState].storedError = error;
  stream[kIsClosedPromise].reject(error);
  setPromiseHandled(stream[kIsClosedPromise].promise);

  const { reader } = stream[kState];
  if (reader === undefined) return;

  reader[kState].close.reject(error);
  setPromiseHandled(reader[kState].close.promise);

  if (readableStreamHasDefaultReader(stream)) {
    readableStreamDefaultReaderErrorReadRequests(reader, error);
  } else {
    readableStreamBYOBReaderErrorReadIntoRequests(reader, error);
  }
}

function readableStreamHasDefaultReader(stream) {
  const { reader } = stream[kState];
  return reader !== undefined && isReadableStreamDefaultReader(reader);
}

function readableStreamHasBYOBReader(stream) {
  const { reader } = stream[kState];
  return reader !== undefined && isReadableStreamBYOBReader(reader);
}

function readableStreamGetNumReadRequests(stream) {
  return stream[kState].reader[kState].readRequests.length;
}

function readableStreamGetNumReadIntoRequests(stream) {
  return stream[kState].reader[kState].readIntoRequests.length;
}

function readableStreamAddReadRequest(stream, readRequest) {
  ArrayPrototypePush(stream[kState].reader[kState].readRequests, readRequest);
}

function readableStreamAddReadIntoRequest(stream, readIntoRequest) {
  ArrayPrototypePush(stream[kState].reader[kState].readIntoRequests,
                     readIntoRequest);
}

function readableStreamFulfillReadRequest(stream, chunk, done) {
  const { reader } = stream[kState];
  const readRequest = ArrayPrototypeShift(reader[kState].readRequests);
  if (done) {
    readRequest[kClose]();
  } else {
    readRequest[kChunk](chunk);
  }
}

function readableStreamFulfillReadIntoRequest(stream, chunk, done) {
  const { reader } = stream[kState];
  const readIntoRequest = ArrayPrototypeShift(reader[kState].readIntoRequests);
  if (done) {
    readIntoRequest[kClose](chunk);
  } else {
    readIntoRequest[kChunk](chunk);
  }
}

// ---- Readers -----------------------------------------------------------

/* Binds `reader` to `stream` and sets up its closed promise. */
function readableStreamReaderGenericInitialize(reader, stream) {
  reader[kState].stream = stream;
  stream[kState].reader = reader;
  switch (stream[kState].state) {
    case 'readable':
      reader[kState].close = createDeferredPromise();
      break;
    case 'closed':
      reader[kState].close = {
        promise: PromiseResolve(),
        resolve: undefined,
        reject: undefined,
      };
      break;
    case 'errored':
      reader[kState].close = {
        promise: PromiseReject(stream[kState].storedError),
        resolve: undefined,
        reject: undefined,
      };
      setPromiseHandled(reader[kState].close.promise);
      break;
  }
}

function readableStreamReaderGenericCancel(reader, reason) {
  return readableStreamCancel(reader[kState].stream, reason);
}

/* Unbinds the reader; its closed promise rejects with 'Reader released'. */
function readableStreamReaderGenericRelease(reader) {
  const { stream } = reader[kState];
  const releasedStateError = new ERR_INVALID_STATE.TypeError(
    'Reader released');
  if (stream[kState].state === 'readable') {
    reader[kState].close.reject?.(releasedStateError);
  } else {
    reader[kState].close = {
      promise: PromiseReject(releasedStateError),
      resolve: undefined,
      reject: undefined,
    };
  }
  setPromiseHandled(reader[kState].close.promise);

  stream[kState].controller[kRelease]();

  stream[kState].reader = undefined;
  reader[kState].stream = undefined;
}

function readableStreamDefaultReaderRead(reader, readRequest) {
  const { stream } = reader[kState];
  stream[kState].disturbed = true;
  switch (stream[kState].state) {
    case 'closed':
      readRequest[kClose]();
      break;
    case 'errored':
      readRequest[kError](stream[kState].storedError);
      break;
    case 'readable':
      stream[kState].controller[kPull](readRequest);
  }
}

function readableStreamDefaultReaderErrorReadRequests(reader, error) {
  const requests = reader[kState].readRequests;
  reader[kState].readRequests = [];
  for (let n = 0; n < requests.length; ++n) requests[n][kError](error);
}

function readableStreamDefaultReaderRelease(reader) {
  readableStreamReaderGenericRelease(reader);
  readableStreamDefaultReaderErrorReadRequests(
    reader,
    new ERR_INVALID_STATE.TypeError('Releasing reader'));
}

function readableStreamBYOBReaderErrorReadIntoRequests(reader, error) {
  const requests = reader[kState].readIntoRequests;
  reader[kState].readIntoRequests = [];
  for (let n = 0; n < requests.length; ++n) requests[n][kError](error);
}

function readableStreamBYOBReaderRelease(reader) {
  readableStreamReaderGenericRelease(reader);
  readableStreamBYOBReaderErrorReadIntoRequests(
    reader,
    new ERR_INVALID_STATE.TypeError('Releasing reader'));
}

// ---- ReadableStreamDefaultController -----------------------------------

function readableStreamDefaultControllerCanCloseOrEnqueue(controller) {
  const { closeRequested, stream } = controller[kState];
  return !closeRequested && stream[kState].state === 'readable';
}

function readableStreamDefaultControllerGetDesiredSize(controller) {
  const { stream, highWaterMark, queueTotalSize } = controller[kState];
  switch (stream[kState].state) {
    case 'errored': return null;
    case 'closed': return 0;
    default:
      return highWaterMark - queueTotalSize;
  }
}

function readableStreamDefaultControllerShouldCallPull(controller) {
  const { stream } = controller[kState];
  if (!readableStreamDefaultControllerCanCloseOrEnqueue(controller) ||
      !controller[kState].started) {
    return false;
  }
  if (isReadableStreamLocked(stream) &&
      readableStreamGetNumReadRequests(stream)) {
    return true;
  }
  return readableStreamDefaultControllerGetDesiredSize(controller) > 0;
}

function readableStreamDefaultControllerHasBackpressure(controller) {
  return !readableStreamDefaultControllerShouldCallPull(controller);
}

function readableStreamDefaultControllerCallPullIfNeeded(controller) {
  if (!readableStreamDefaultControllerShouldCallPull(controller)) return;
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
        readableStreamDefaultControllerCallPullIfNeeded(controller);
      }
    },
    (error) => readableStreamDefaultControllerError(controller, error));
}

function readableStreamDefaultControllerClearAlgorithms(controller) {
  controller[kState].pullAlgorithm = undefined;
  controller[kState].cancelAlgorithm = undefined;
  controller[kState].sizeAlgorithm = undefined;
}

function readableStreamDefaultControllerClose(controller) {
  if (!readableStreamDefaultControllerCanCloseOrEnqueue(controller)) return;
  controller[kState].closeRequested = true;
  if (!controller[kState].queue.length) {
    readableStreamDefaultControllerClearAlgorithms(controller);
    readableStreamClose(controller[kState].stream);
  }
}

/* Hands the chunk to a waiting read, else queues it (sized by the
 * strategy; a throwing size() errors the stream and rethrows). */
function readableStreamDefaultControllerEnqueue(controller, chunk) {
  if (!readableStreamDefaultControllerCanCloseOrEnqueue(controller)) return;

  const { stream } = controller[kState];

  if (isReadableStreamLocked(stream) &&
      readableStreamGetNumReadRequests(stream)) {
    readableStreamFulfillReadRequest(stream, chunk, false);
  } else {
    try {
      const chunkSize =
        FunctionPrototypeCallSize(controller[kState].sizeAlgorithm, chunk);
      enqueueValueWithSize(controller, chunk, chunkSize);
    } catch (error) {
      readableStreamDefaultControllerError(controller, error);
      throw error;
    }
  }
  readableStreamDefaultControllerCallPullIfNeeded(controller);
}

// The strategy's size() is called without a receiver.
function FunctionPrototypeCallSize(size, chunk) {
  return size(chunk);
}

function readableStreamDefaultControllerError(controller, error) {
  const { stream } = controller[kState];
  if (stream[kState].state === 'readable') {
    resetQueue(controller);
    readableStreamDefaultControllerClearAlgorithms(controller);
    readableStreamError(stream, error);
  }
}

function readableStreamDefaultControllerCancelSteps(controller, reason) {
  resetQueue(controller);
  const result = controller[kState].cancelAlgorithm(reason);
  readableStreamDefaultControllerClearAlgorithms(controller);
  return result;
}

function readableStreamDefaultControllerPullSteps(controller, readRequest) {
  const { stream, queue } = controller[kState];
  if (queue.length) {
    const chunk = dequeueValue(controller);
    if (controller[kState].closeRequested && !queue.length) {
      readableStreamDefaultControllerClearAlgorithms(controller);
      readableStreamClose(stream);
    } else {
      readableStreamDefaultControllerCallPullIfNeeded(controller);
    }
    readRequest[kChunk](chunk);
    return;
  }
  readableStreamAddReadRequest(stream, readRequest);
  readableStreamDefaultControllerCallPullIfNeeded(controller);
}

/* SetUpReadableStreamDefaultController: runs start() now, pulls once it
 * has settled. */
function setupReadableStreamDefaultController(
  stream,
  controller,
  startAlgorithm,
  pullAlgorithm,
  cancelAlgorithm,
  highWaterMark,
  sizeAlgorithm) {
  controller[kState] = {
    cancelAlgorithm,
    closeRequested: false,
    highWaterMark,
    pullAgain: false,
    pullAlgorithm,
    pulling: false,
    queue: [],
    queueTotalSize: 0,
    started: false,
    sizeAlgorithm,
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
      readableStreamDefaultControllerCallPullIfNeeded(controller);
    },
    (error) => readableStreamDefaultControllerError(controller, error));
}

module.exports = {
  DefaultReadRequest,
  ReadIntoRequest,
  isReadableStream,
  isReadableByteStreamController,
  isReadableStreamBYOBRequest,
  isReadableStreamDefaultReader,
  isReadableStreamBYOBReader,
  isReadableStreamDefaultController,
  isReadableStreamLocked,
  kCancel,
  kChunk,
  kClose,
  kError,
  kPull,
  kRelease,
  readableStreamAddReadIntoRequest,
  readableStreamAddReadRequest,
  readableStreamBYOBReaderErrorReadIntoRequests,
  readableStreamBYOBReaderRelease,
  readableStreamCancel,
  readableStreamClose,
  readableStreamDefaultControllerCallPullIfNeeded,
  readableStreamDefaultControllerCanCloseOrEnqueue,
  readableStreamDefaultControllerCancelSteps,
  readableStreamDefaultControllerClearAlgorithms,
  readableStreamDefaultControllerClose,
  readableStreamDefaultControllerEnqueue,
  readableStreamDefaultControllerError,
  readableStreamDefaultControllerGetDesiredSize,
  readableStreamDefaultControllerHasBackpressure,
  readableStreamDefaultControllerPullSteps,
  readableStreamDefaultControllerShouldCallPull,
  readableStreamDefaultReaderErrorReadRequests,
  readableStreamDefaultReaderRead,
  readableStreamDefaultReaderRelease,
  readableStreamError,
  readableStreamFulfillReadIntoRequest,
  readableStreamFulfillReadRequest,
  readableStreamGetNumReadIntoRequests,
  readableStreamGetNumReadRequests,
  readableStreamHasBYOBReader,
  readableStreamHasDefaultReader,
  readableStreamReaderGenericCancel,
  readableStreamReaderGenericInitialize,
  readableStreamReaderGenericRelease,
  setupReadableStreamDefaultController,
};
