'use strict';
// internal/webstreams/writablestream.js - the WHATWG WritableStream, its
// default writer and default controller.

const {
  ArrayPrototypePush,
  ArrayPrototypeShift,
  FunctionPrototypeBind,
  ObjectCreate,
  ObjectDefineProperties,
  Promise,
  PromisePrototypeThen,
  PromiseReject,
  PromiseResolve,
  Symbol,
  SymbolToStringTag,
} = primordials;

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_STATE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const {
  customInspectSymbol: kInspect,
  kEmptyObject,
} = require('internal/util');
const { AbortController } = require('internal/abort_controller');
const {
  kIsClosedPromise,
  kControllerErrorFunction,
} = require('internal/streams/utils');
const {
  createPromiseCallback,
  customInspect,
  dequeueValue,
  enqueueValueWithSize,
  extractHighWaterMark,
  extractSizeAlgorithm,
  invokeStart,
  isBrandCheck,
  kEnumerableProperty,
  kState,
  kType,
  nonOpCancel,
  nonOpStart,
  nonOpWrite,
  peekQueueValue,
  resetQueue,
  setPromiseHandled,
} = require('internal/webstreams/util');

const kAbort = Symbol('kAbort');
const kCloseSentinel = Symbol('kCloseSentinel');
const kError = Symbol('kError');
const kSkipThrow = Symbol('kSkipThrow');

const isWritableStream = isBrandCheck('WritableStream');
const isWritableStreamDefaultWriter =
  isBrandCheck('WritableStreamDefaultWriter');
const isWritableStreamDefaultController =
  isBrandCheck('WritableStreamDefaultController');

/* A deferred promise that knows whether it is still pending. */
function newDeferred() {
  const d = {
    promise: undefined,
    resolve: undefined,
    reject: undefined,
    pending: true,
  };
  d.promise = new Promise((resolve, reject) => {
    d.resolve = (value) => {
      d.pending = false;
      resolve(value);
    };
    d.reject = (error) => {
      d.pending = false;
      reject(error);
    };
  });
  return d;
}

function settledDeferred(promise) {
  return { promise, resolve: undefined, reject: undefined, pending: false };
}

function initializeWritableStream(stream) {
  stream[kType] = 'WritableStream';
  stream[kState] = {
    closeRequest: undefined,
    inFlightWriteRequest: undefined,
    inFlightCloseRequest: undefined,
    pendingAbortRequest: undefined,
    backpressure: false,
    controller: undefined,
    state: 'writable',
    storedError: undefined,
    writeRequests: [],
    writer: undefined,
    transfer: {
      readable: undefined,
      port1: undefined,
      port2: undefined,
      promise: undefined,
    },
  };
  stream[kIsClosedPromise] = newDeferred();
  stream[kControllerErrorFunction] = () => {};
}

/* new WritableStream([sink[, strategy]]): sink has start, write, close,
 * abort; strategy is { highWaterMark, size }. */
class WritableStream {
  constructor(sink = null, strategy = kEmptyObject) {
    const type = sink?.type;
    if (type !== undefined) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('type', type);
    }

    initializeWritableStream(this);

    const size = strategy?.size;
    const highWaterMark = strategy?.highWaterMark;

    const sizeAlgorithm = extractSizeAlgorithm(size);
    setupWritableStreamDefaultControllerFromSink(
      this,
      sink,
      extractHighWaterMark(highWaterMark, 1),
      sizeAlgorithm);
  }

  /* Whether a writer holds the stream. */
  get locked() {
    if (!isWritableStream(this)) throw new ERR_INVALID_THIS('WritableStream');
    return isWritableStreamLocked(this);
  }

  /* abort([reason]) -> Promise: errors the stream, dropping queued
   * writes. */
  abort(reason = undefined) {
    if (!isWritableStream(this)) {
      return PromiseReject(new ERR_INVALID_THIS('WritableStream'));
    }
    if (isWritableStreamLocked(this)) {
      return PromiseReject(
        new ERR_INVALID_STATE.TypeError('WritableStream is locked'));
    }
    return writableStreamAbort(this, reason);
  }

  /* close() -> Promise settled once everything was written. */
  close() {
    if (!isWritableStream(this)) {
      return PromiseReject(new ERR_INVALID_THIS('WritableStream'));
    }
    if (isWritableStreamLocked(this)) {
      return PromiseReject(
        new ERR_INVALID_STATE.TypeError('WritableStream is locked'));
    }
    if (writableStreamCloseQueuedOrInFlight(this)) {
      return PromiseReject(
        new ERR_INVALID_STATE.TypeError('Failure closing WritableStream'));
    }
    return writableStreamClose(this);
  }

  /* getWriter(): a writer locking the stream. */
  getWriter() {
    if (!isWritableStream(this)) throw new ERR_INVALID_THIS('WritableStream');
    return new WritableStreamDefaultWriter(this);
  }

  [kInspect](depth, options) {
    return customInspect(this, {
      locked: this.locked,
      state: this[kState].state,
    }, depth, options);
  }
}

ObjectDefineProperties(WritableStream.prototype, {
  locked: kEnumerableProperty,
  abort: kEnumerableProperty,
  close: kEnumerableProperty,
  getWriter: kEnumerableProperty,
  [SymbolToStringTag]: {
    __proto__: null,
    configurable: true,
    value: 'WritableStream',
  },
});

/* new WritableStreamDefaultWriter(stream): locks the stream. */
class WritableStreamDefaultWriter {
  constructor(stream) {
    if (!isWritableStream(stream)) {
      throw new ERR_INVALID_ARG_TYPE('stream', 'WritableStream', stream);
    }
    this[kType] = 'WritableStreamDefaultWriter';
    this[kState] = {
      stream: undefined,
      close: undefined,
      ready: undefined,
    };
    setupWritableStreamDefaultWriter(this, stream);
  }

  get closed() {
    if (!isWritableStreamDefaultWriter(this)) {
      return PromiseReject(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));
    }
    return this[kState].close.promise;
  }

  get desiredSize() {
    if (!isWritableStreamDefaultWriter(this)) {
      throw new ERR_INVALID_THIS('WritableStreamDefaultWriter');
    }
    if (this[kState].stream === undefined) {
      throw new ERR_INVALID_STATE.TypeError(
        'Writer is not bound to a WritableStream');
    }
    return writableStreamDefaultWriterGetDesiredSize(this);
  }

  /* Resolves when the stream wants more data (no backpressure). */
  get ready() {
    if (!isWritableStreamDefaultWriter(this)) {
      return PromiseReject(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));
    }
    return this[kState].ready.promise;
  }

  abort(reason = undefined) {
    if (!isWritableStreamDefaultWriter(this)) {
      return PromiseReject(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));
    }
    if (this[kState].stream === undefined) {
      return PromiseReject(
        new ERR_INVALID_STATE.TypeError(
          'Writer is not bound to a WritableStream'));
    }
    return writableStreamDefaultWriterAbort(this, reason);
  }

  close() {
    if (!isWritableStreamDefaultWriter(this)) {
      return PromiseReject(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));
    }
    const { stream } = this[kState];
    if (stream === undefined) {
      return PromiseReject(
        new ERR_INVALID_STATE.TypeError(
          'Writer is not bound to a WritableStream'));
    }
    if (writableStreamCloseQueuedOrInFlight(stream)) {
      return PromiseReject(
        new ERR_INVALID_STATE.TypeError('Failure to close WritableStream'));
    }
    return writableStreamDefaultWriterClose(this);
  }

  releaseLock() {
    if (!isWritableStreamDefaultWriter(this)) {
      throw new ERR_INVALID_THIS('WritableStreamDefaultWriter');
    }
    const { stream } = this[kState];
    if (stream === undefined) return;
    writableStreamDefaultWriterRelease(this);
  }

  /* write([chunk]) -> Promise settled once the sink wrote it. */
  write(chunk = undefined) {
    if (!isWritableStreamDefaultWriter(this)) {
      return PromiseReject(new ERR_INVALID_THIS('WritableStreamDefaultWriter'));
    }
    if (this[kState].stream === undefined) {
      return PromiseReject(
        new ERR_INVALID_STATE.TypeError(
          'Writer is not bound to a WritableStream'));
    }
    return writableStreamDefaultWriterWrite(this, chunk);
  }

  [kInspect](depth, options) {
    return customInspect(this, {
      stream: this[kState].stream,
      close: this[kState].close.promise,
      ready: this[kState].ready.promise,
      desiredSize: this.desiredSize,
    }, depth, options);
  }
}

ObjectDefineProperties(WritableStreamDefaultWriter.prototype, {
  closed: kEnumerableProperty,
  ready: kEnumerableProperty,
  desiredSize: kEnumerableProperty,
  abort: kEnumerableProperty,
  close: kEnumerableProperty,
  releaseLock: kEnumerableProperty,
  write: kEnumerableProperty,
  [SymbolToStringTag]: {
    __proto__: null,
    configurable: true,
    value: 'WritableStreamDefaultWriter',
  },
});

/* The controller handed to a sink's start/write/close. */
class WritableStreamDefaultController {
  constructor(skipThrowSymbol = undefined) {
    if (skipThrowSymbol !== kSkipThrow) {
      throw new ERR_ILLEGAL_CONSTRUCTOR();
    }
    this[kType] = 'WritableStreamDefaultController';
    this[kState] = {};
  }

  [kAbort](reason) {
    const result = this[kState].abortAlgorithm(reason);
    writableStreamDefaultControllerClearAlgorithms(this);
    return result;
  }

  [kError]() {
    resetQueue(this);
  }

  /* An AbortSignal aborted when the stream is aborted. */
  get signal() {
    if (!isWritableStreamDefaultController(this)) {
      throw new ERR_INVALID_THIS('WritableStreamDefaultController');
    }
    return this[kState].abortController.signal;
  }

  error(error = undefined) {
    if (!isWritableStreamDefaultController(this)) {
      throw new ERR_INVALID_THIS('WritableStreamDefaultController');
    }
    if (this[kState].stream[kState].state !== 'writable') return;
    writableStreamDefaultControllerError(this, error);
  }

  [kInspect](depth, options) {
    return customInspect(this, {
      stream: this[kState].stream,
    }, depth, options);
  }
}

ObjectDefineProperties(WritableStreamDefaultController.prototype, {
  signal: kEnumerableProperty,
  error: kEnumerableProperty,
  [SymbolToStringTag]: {
    __proto__: null,
    configurable: true,
    value: 'WritableStreamDefaultController',
  },
});

// ---- WritableStream abstract operations --------------------------------

function isWritableStreamLocked(stream) {
  return stream[kState].writer !== undefined;
}

function setupWritableStreamDefaultWriter(writer, stream) {
  if (isWritableStreamLocked(stream)) {
    throw new ERR_INVALID_STATE.TypeError('WritableStream is locked');
  }
  writer[kState].stream = stream;
  stream[kState].writer = writer;
  const { state, storedError } = stream[kState];
  switch (state) {
    case 'writable':
      if (!writableStreamCloseQueuedOrInFlight(stream) &&
          stream[kState].backpressure) {
        writer[kState].ready = newDeferred();
      } else {
        writer[kState].ready = settledDeferred(PromiseResolve());
      }
      writer[kState].close = newDeferred();
      break;
    case 'erroring':
      writer[kState].ready = settledDeferred(PromiseReject(storedError));
      setPromiseHandled(writer[kState].ready.promise);
      writer[kState].close = newDeferred();
      break;
    case 'closed':
      writer[kState].ready = settledDeferred(PromiseResolve());
      writer[kState].close = settledDeferred(PromiseResolve());
      break;
    default:
      writer[kState].ready = settledDeferred(PromiseReject(storedError));
      writer[kState].close = settledDeferred(PromiseReject(storedError));
      setPromiseHandled(writer[kState].ready.promise);
      setPromiseHandled(writer[kState].close.promise);
  }
}

/* WritableStreamAbort: starts erroring; the sink's abort() runs once the
 * in-flight operation (if any) is done. */
function writableStreamAbort(stream, reason) {
  const { state, controller } = stream[kState];
  if (state === 'closed' || state === 'errored') return PromiseResolve();

  controller[kState].abortController.abort(reason);

  // Abort listeners may have changed the state.
  if (stream[kState].state === 'closed' ||
      stream[kState].state === 'errored') {
    return PromiseResolve();
  }

  if (stream[kState].pendingAbortRequest !== undefined) {
    return stream[kState].pendingAbortRequest.promise.promise;
  }

  let wasAlreadyErroring = false;
  if (stream[kState].state === 'erroring') {
    wasAlreadyErroring = true;
    reason = undefined;
  }

  const promise = newDeferred();
  stream[kState].pendingAbortRequest = {
    promise,
    reason,
    wasAlreadyErroring,
  };

  if (!wasAlreadyErroring) writableStreamStartErroring(stream, reason);

  return promise.promise;
}

function writableStreamClose(stream) {
  const { state, writer, backpressure, controller } = stream[kState];
  if (state === 'closed' || state === 'errored') {
    return PromiseReject(
      new ERR_INVALID_STATE.TypeError('WritableStream is closed'));
  }
  const promise = newDeferred();
  stream[kState].closeRequest = promise;
  if (writer !== undefined && backpressure && state === 'writable') {
    writer[kState].ready.resolve?.();
  }
  writableStreamDefaultControllerClose(controller);
  return promise.promise;
}

function writableStreamAddWriteRequest(stream) {
  const promise = newDeferred();
  ArrayPrototypePush(stream[kState].writeRequests, promise);
  return promise.promise;
}

function writableStreamDealWithRejection(stream, error) {
  const { state } = stream[kState];
  if (state === 'writable') {
    writableStreamStartErroring(stream, error);
    return;
  }
  writableStreamFinishErroring(stream);
}

function writableStreamStartErroring(stream, reason) {
  const { controller, writer } = stream[kState];
  stream[kState].state = 'erroring';
  stream[kState].storedError = reason;

  if (writer !== undefined) {
    writableStreamDefaultWriterEnsureReadyPromiseRejected(writer, reason);
  }

  if (!writableStreamHasOperationMarkedInFlight(stream) &&
      controller[kState].started) {
    writableStreamFinishErroring(stream);
  }
}

function writableStreamFinishErroring(stream) {
  stream[kState].state = 'errored';
  stream[kState].controller[kError]();
  const { storedError } = stream[kState];
  const requests = stream[kState].writeRequests;
  stream[kState].writeRequests = [];
  for (let n = 0; n < requests.length; n++) requests[n].reject(storedError);

  const abortRequest = stream[kState].pendingAbortRequest;
  if (abortRequest === undefined) {
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }

  stream[kState].pendingAbortRequest = undefined;

  if (abortRequest.wasAlreadyErroring) {
    abortRequest.promise.reject(storedError);
    writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
    return;
  }

  PromisePrototypeThen(
    stream[kState].controller[kAbort](abortRequest.reason),
    () => {
      abortRequest.promise.resolve();
      writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
    },
    (error) => {
      abortRequest.promise.reject(error);
      writableStreamRejectCloseAndClosedPromiseIfNeeded(stream);
    });
}

function writableStreamFinishInFlightWrite(stream) {
  stream[kState].inFlightWriteRequest.resolve();
  stream[kState].inFlightWriteRequest = undefined;
}

function writableStreamFinishInFlightWriteWithError(stream, error) {
  stream[kState].inFlightWriteRequest.reject(error);
  stream[kState].inFlightWriteRequest = undefined;
  writableStreamDealWithRejection(stream, error);
}

function writableStreamFinishInFlightClose(stream) {
  stream[kState].inFlightCloseRequest.resolve();
  stream[kState].inFlightCloseRequest = undefined;
  if (stream[kState].state === 'erroring') {
    stream[kState].storedError = undefined;
    if (stream[kState].pendingAbortRequest !== undefined) {
      stream[kState].pendingAbortRequest.promise.resolve();
      stream[kState].pendingAbortRequest = undefined;
    }
  }
  stream[kState].state = 'closed';
  const { writer } = stream[kState];
  if (writer !== undefined) writer[kState].close.resolve?.();
  stream[kIsClosedPromise].resolve?.();
}

function writableStreamFinishInFlightCloseWithError(stream, error) {
  stream[kState].inFlightCloseRequest.reject(error);
  stream[kState].inFlightCloseRequest = undefined;
  if (stream[kState].pendingAbortRequest !== undefined) {
    stream[kState].pendingAbortRequest.promise.reject(error);
    stream[kState].pendingAbortRequest = undefined;
  }
  writableStreamDealWithRejection(stream, error);
}

function writableStreamCloseQueuedOrInFlight(stream) {
  return stream[kState].closeRequest !== undefined ||
         stream[kState].inFlightCloseRequest !== undefined;
}

function writableStreamHasOperationMarkedInFlight(stream) {
  return stream[kState].inFlightWriteRequest !== undefined ||
         stream[kState].inFlightCloseRequest !== undefined;
}

function writableStreamMarkCloseRequestInFlight(stream) {
  stream[kState].inFlightCloseRequest = stream[kState].closeRequest;
  stream[kState].closeRequest = undefined;
}

function writableStreamMarkFirstWriteRequestInFlight(stream) {
  stream[kState].inFlightWriteRequest =
    ArrayPrototypeShift(stream[kState].writeRequests);
}

function writableStreamRejectCloseAndClosedPromiseIfNeeded(stream) {
  const { storedError, writer } = stream[kState];
  if (stream[kState].closeRequest !== undefined) {
    stream[kState].closeRequest.reject(storedError);
    stream[kState].closeRequest = undefined;
  }
  stream[kIsClosedPromise].reject(storedError);
  setPromiseHandled(stream[kIsClosedPromise].promise);
  if (writer !== undefined) {
    writer[kState].close.reject?.(storedError);
    setPromiseHandled(writer[kState].close.promise);
  }
}

function writableStreamUpdateBackpressure(stream, backpressure) {
  const { writer } = stream[kState];
  if (writer !== undefined && backpressure !== stream[kState].backpressure) {
    if (backpressure) {
      writer[kState].ready = newDeferred();
    } else {
      writer[kState].ready.resolve?.();
    }
  }
  stream[kState].backpressure = backpressure;
}

// ---- Writer abstract operations ----------------------------------------

function writableStreamDefaultWriterAbort(writer, reason) {
  return writableStreamAbort(writer[kState].stream, reason);
}

function writableStreamDefaultWriterClose(writer) {
  return writableStreamClose(writer[kState].stream);
}

function writableStreamDefaultWriterCloseWithErrorPropagation(writer) {
  const { stream } = writer[kState];
  const { state, storedError } = stream[kState];
  if (writableStreamCloseQueuedOrInFlight(stream) || state === 'closed') {
    return PromiseResolve();
  }
  if (state === 'errored') return PromiseReject(storedError);
  return writableStreamDefaultWriterClose(writer);
}

function writableStreamDefaultWriterEnsureClosedPromiseRejected(
  writer, error) {
  if (writer[kState].close.pending) {
    writer[kState].close.reject(error);
  } else {
    writer[kState].close = settledDeferred(PromiseReject(error));
  }
  setPromiseHandled(writer[kState].close.promise);
}

function writableStreamDefaultWriterEnsureReadyPromiseRejected(
  writer, error) {
  if (writer[kState].ready.pending) {
    writer[kState].ready.reject(error);
  } else {
    writer[kState].ready = settledDeferred(PromiseReject(error));
  }
  setPromiseHandled(writer[kState].ready.promise);
}

function writableStreamDefaultWriterGetDesiredSize(writer) {
  const { stream } = writer[kState];
  switch (stream[kState].state) {
    case 'errored':
    case 'erroring':
      return null;
    case 'closed':
      return 0;
  }
  return writableStreamDefaultControllerGetDesiredSize(
    stream[kState].controller);
}

function writableStreamDefaultWriterRelease(writer) {
  const { stream } = writer[kState];
  const releasedError =
    new ERR_INVALID_STATE.TypeError('Writer has been released');
  writableStreamDefaultWriterEnsureReadyPromiseRejected(writer, releasedError);
  writableStreamDefaultWriterEnsureClosedPromiseRejected(writer, releasedError);
  stream[kState].writer = undefined;
  writer[kState].stream = undefined;
}

function writableStreamDefaultWriterWrite(writer, chunk) {
  const { stream } = writer[kState];
  const { controller } = stream[kState];
  const chunkSize = writableStreamDefaultControllerGetChunkSize(
    controller, chunk);
  if (stream !== writer[kState].stream) {
    return PromiseReject(
      new ERR_INVALID_STATE.TypeError('Mismatched WritableStreams'));
  }
  const { state } = stream[kState];

  if (state === 'errored') return PromiseReject(stream[kState].storedError);

  if (writableStreamCloseQueuedOrInFlight(stream) || state === 'closed') {
    return PromiseReject(
      new ERR_INVALID_STATE.TypeError('WritableStream is closed'));
  }

  if (state === 'erroring') return PromiseReject(stream[kState].storedError);

  const promise = writableStreamAddWriteRequest(stream);
  writableStreamDefaultControllerWrite(controller, chunk, chunkSize);
  return promise;
}

// ---- Controller abstract operations ------------------------------------

function setupWritableStreamDefaultController(
  stream,
  controller,
  startAlgorithm,
  writeAlgorithm,
  closeAlgorithm,
  abortAlgorithm,
  highWaterMark,
  sizeAlgorithm) {
  controller[kState] = {
    abortAlgorithm,
    abortController: new AbortController(),
    closeAlgorithm,
    highWaterMark,
    queue: [],
    queueTotalSize: 0,
    started: false,
    sizeAlgorithm,
    stream,
    writeAlgorithm,
  };
  stream[kState].controller = controller;
  stream[kControllerErrorFunction] = FunctionPrototypeBind(
    controller.error, controller);

  writableStreamUpdateBackpressure(
    stream,
    writableStreamDefaultControllerGetBackpressure(controller));

  const startResult = startAlgorithm();

  PromisePrototypeThen(
    PromiseResolve(startResult),
    () => {
      controller[kState].started = true;
      writableStreamDefaultControllerAdvanceQueueIfNeeded(controller);
    },
    (error) => {
      controller[kState].started = true;
      writableStreamDealWithRejection(stream, error);
    });
}

function setupWritableStreamDefaultControllerFromSink(
  stream, sink, highWaterMark, sizeAlgorithm) {
  const controller = new WritableStreamDefaultController(kSkipThrow);
  const start = sink?.start;
  const write = sink?.write;
  const close = sink?.close;
  const abort = sink?.abort;
  const startAlgorithm = start ?
    () => invokeStart('sink.start', start, sink, controller) :
    nonOpStart;
  const writeAlgorithm = write ?
    createPromiseCallback('sink.write', write, sink) :
    nonOpWrite;
  const closeAlgorithm = close ?
    createPromiseCallback('sink.close', close, sink) :
    nonOpCancel;
  const abortAlgorithm = abort ?
    createPromiseCallback('sink.abort', abort, sink) :
    nonOpCancel;
  setupWritableStreamDefaultController(
    stream,
    controller,
    startAlgorithm,
    writeAlgorithm,
    closeAlgorithm,
    abortAlgorithm,
    highWaterMark,
    sizeAlgorithm);
}

function writableStreamDefaultControllerAdvanceQueueIfNeeded(controller) {
  const { queue, started, stream } = controller[kState];
  if (!started || stream[kState].inFlightWriteRequest !== undefined) return;

  if (stream[kState].state === 'erroring') {
    writableStreamFinishErroring(stream);
    return;
  }

  if (!queue.length) return;

  const value = peekQueueValue(controller);
  if (value === kCloseSentinel) {
    writableStreamDefaultControllerProcessClose(controller);
  } else {
    writableStreamDefaultControllerProcessWrite(controller, value);
  }
}

function writableStreamDefaultControllerClearAlgorithms(controller) {
  controller[kState].writeAlgorithm = undefined;
  controller[kState].closeAlgorithm = undefined;
  controller[kState].abortAlgorithm = undefined;
  controller[kState].sizeAlgorithm = undefined;
}

function writableStreamDefaultControllerClose(controller) {
  enqueueValueWithSize(controller, kCloseSentinel, 0);
  writableStreamDefaultControllerAdvanceQueueIfNeeded(controller);
}

function writableStreamDefaultControllerError(controller, error) {
  const { stream } = controller[kState];
  writableStreamDefaultControllerClearAlgorithms(controller);
  writableStreamStartErroring(stream, error);
}

function writableStreamDefaultControllerErrorIfNeeded(controller, error) {
  const { stream } = controller[kState];
  if (stream[kState].state === 'writable') {
    writableStreamDefaultControllerError(controller, error);
  }
}

function writableStreamDefaultControllerGetBackpressure(controller) {
  return writableStreamDefaultControllerGetDesiredSize(controller) <= 0;
}

function writableStreamDefaultControllerGetChunkSize(controller, chunk) {
  const { sizeAlgorithm } = controller[kState];
  if (sizeAlgorithm === undefined) return 1;
  try {
    return sizeAlgorithm(chunk);
  } catch (error) {
    writableStreamDefaultControllerErrorIfNeeded(controller, error);
    return 1;
  }
}

function writableStreamDefaultControllerGetDesiredSize(controller) {
  const { highWaterMark, queueTotalSize } = controller[kState];
  return highWaterMark - queueTotalSize;
}

function writableStreamDefaultControllerProcessClose(controller) {
  const { closeAlgorithm, stream } = controller[kState];
  writableStreamMarkCloseRequestInFlight(stream);
  dequeueValue(controller);
  const sinkClosePromise = closeAlgorithm();
  writableStreamDefaultControllerClearAlgorithms(controller);
  PromisePrototypeThen(
    sinkClosePromise,
    () => writableStreamFinishInFlightClose(stream),
    (error) => writableStreamFinishInFlightCloseWithError(stream, error));
}

function writableStreamDefaultControllerProcessWrite(controller, chunk) {
  const { stream, writeAlgorithm } = controller[kState];
  writableStreamMarkFirstWriteRequestInFlight(stream);

  PromisePrototypeThen(
    writeAlgorithm(chunk, controller),
    () => {
      writableStreamFinishInFlightWrite(stream);
      const { state } = stream[kState];
      dequeueValue(controller);
      if (!writableStreamCloseQueuedOrInFlight(stream) &&
          state === 'writable') {
        writableStreamUpdateBackpressure(
          stream,
          writableStreamDefaultControllerGetBackpressure(controller));
      }
      writableStreamDefaultControllerAdvanceQueueIfNeeded(controller);
    },
    (error) => {
      if (stream[kState].state === 'writable') {
        writableStreamDefaultControllerClearAlgorithms(controller);
      }
      writableStreamFinishInFlightWriteWithError(stream, error);
    });
}

function writableStreamDefaultControllerWrite(controller, chunk, chunkSize) {
  try {
    enqueueValueWithSize(controller, chunk, chunkSize);
  } catch (error) {
    writableStreamDefaultControllerErrorIfNeeded(controller, error);
    return;
  }
  const { stream } = controller[kState];
  if (!writableStreamCloseQueuedOrInFlight(stream) &&
      stream[kState].state === 'writable') {
    writableStreamUpdateBackpressure(
      stream,
      writableStreamDefaultControllerGetBackpressure(controller));
  }
  writableStreamDefaultControllerAdvanceQueueIfNeeded(controller);
}

/* CreateWritableStream(start, write, close, abort[, hwm[, size]]). */
function createWritableStream(
  start, write, close, abort, highWaterMark = 1, size = () => 1) {
  const stream = ObjectCreate(WritableStream.prototype);
  initializeWritableStream(stream);
  const controller = new WritableStreamDefaultController(kSkipThrow);
  setupWritableStreamDefaultController(
    stream, controller, start, write, close, abort, highWaterMark, size);
  return stream;
}

module.exports = {
  WritableStream,
  WritableStreamDefaultWriter,
  WritableStreamDefaultController,
  createWritableStream,
  isWritableStream,
  isWritableStreamDefaultWriter,
  isWritableStreamDefaultController,
  isWritableStreamLocked,
  setupWritableStreamDefaultWriter,
  writableStreamAbort,
  writableStreamClose,
  writableStreamCloseQueuedOrInFlight,
  writableStreamDefaultControllerClose,
  writableStreamDefaultControllerError,
  writableStreamDefaultControllerErrorIfNeeded,
  writableStreamDefaultControllerGetDesiredSize,
  writableStreamDefaultWriterAbort,
  writableStreamDefaultWriterClose,
  writableStreamDefaultWriterCloseWithErrorPropagation,
  writableStreamDefaultWriterGetDesiredSize,
  writableStreamDefaultWriterRelease,
  writableStreamDefaultWriterWrite,
  kCloseSentinel,
};
