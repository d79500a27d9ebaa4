'use strict';
// internal/webstreams/readablestream.js - the WHATWG ReadableStream class
// with its default and BYOB readers, default and byte controllers and
// BYOB requests.

const {
  MathTrunc,
  NumberIsInteger,
  ObjectCreate,
  ObjectDefineProperties,
  ObjectSetPrototypeOf,
  PromisePrototypeThen,
  PromiseReject,
  PromiseResolve,
  Symbol,
  SymbolAsyncIterator,
  SymbolToStringTag,
} = primordials;

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_STATE,
    ERR_INVALID_THIS,
  },
} = require('internal/errors');
const {
  customInspectSymbol: kInspect,
  createDeferredPromise,
  kEmptyObject,
} = require('internal/util');
const { isArrayBufferView } = require('internal/util/types');
const {
  validateAbortSignal,
  validateObject,
  kValidateObjectAllowNullable,
  kValidateObjectAllowFunction,
} = require('internal/validators');
const {
  kIsDisturbed,
  kIsErrored,
  kIsReadable,
  kIsClosedPromise,
  kControllerErrorFunction,
} = require('internal/streams/utils');
const {
  ArrayBufferViewGetBuffer,
  ArrayBufferViewGetByteLength,
  arrayBufferByteLength,
  createPromiseCallback,
  customInspect,
  extractHighWaterMark,
  extractSizeAlgorithm,
  invokeStart,
  isViewedArrayBufferDetached,
  kEnumerableProperty,
  kState,
  kType,
  nonOpCancel,
  nonOpPull,
  nonOpStart,
  setPromiseHandled,
} = require('internal/webstreams/util');
const ops = require('internal/webstreams/readablestream_ops');
const bytes = require('internal/webstreams/readablestream_bytes');
const {
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
  readableStreamCancel,
  readableStreamReaderGenericCancel,
  readableStreamReaderGenericInitialize,
  readableStreamReaderGenericRelease,
  readableStreamDefaultReaderRead,
  readableStreamDefaultReaderRelease,
  readableStreamBYOBReaderRelease,
  readableStreamDefaultControllerCanCloseOrEnqueue,
  readableStreamDefaultControllerCancelSteps,
  readableStreamDefaultControllerClose,
  readableStreamDefaultControllerEnqueue,
  readableStreamDefaultControllerError,
  readableStreamDefaultControllerGetDesiredSize,
  readableStreamDefaultControllerPullSteps,
  setupReadableStreamDefaultController,
} = ops;

// Lets internal code construct the classes whose constructors throw.
const kSkipThrow = Symbol('kSkipThrow');

let pipeModule;
function lazyPipe() {
  pipeModule ??= require('internal/webstreams/readablestream_pipe');
  return pipeModule;
}

let writableModule;
function lazyWritable() {
  writableModule ??= require('internal/webstreams/writablestream');
  return writableModule;
}

/* Sets the internal slots of a new ReadableStream. */
function initializeReadableStream(stream) {
  stream[kType] = 'ReadableStream';
  stream[kState] = {
    disturbed: false,
    reader: undefined,
    state: 'readable',
    storedError: undefined,
    stream: undefined,
    transfer: {
      writable: undefined,
      port1: undefined,
      port2: undefined,
      promise: undefined,
    },
  };
  stream[kIsClosedPromise] = createDeferredPromise();
  stream[kControllerErrorFunction] = () => {};
}

/* new ReadableStream([source[, strategy]]): source.type 'bytes' makes a
 * byte stream; strategy is { highWaterMark, size }. */
class ReadableStream {
  constructor(source = {}, strategy = kEmptyObject) {
    if (source === null) {
      throw new ERR_INVALID_ARG_VALUE('source', 'Object', source);
    }
    initializeReadableStream(this);

    const size = strategy?.size;
    const highWaterMark = strategy?.highWaterMark;
    const type = source?.type;

    if (`${type}` === 'bytes') {
      if (size !== undefined) {
        throw new ERR_INVALID_ARG_VALUE.RangeError('strategy.size', size);
      }
      setupReadableByteStreamControllerFromSource(
        this,
        source,
        extractHighWaterMark(highWaterMark, 0));
      return;
    }

    if (type !== undefined) {
      throw new ERR_INVALID_ARG_VALUE('source.type', type);
    }
    const sizeAlgorithm = extractSizeAlgorithm(size);
    setupReadableStreamDefaultControllerFromSource(
      this,
      source,
      extractHighWaterMark(highWaterMark, 1),
      sizeAlgorithm);
  }

  get [kIsDisturbed]() {
    return this[kState].disturbed;
  }

  get [kIsErrored]() {
    return this[kState].state === 'errored';
  }

  get [kIsReadable]() {
    return this[kState].state === 'readable';
  }

  /* Whether a reader holds the stream. */
  get locked() {
    if (!isReadableStream(this)) throw new ERR_INVALID_THIS('ReadableStream');
    return isReadableStreamLocked(this);
  }

  /* cancel([reason]) -> Promise: discards the stream's data. */
  cancel(reason = undefined) {
    if (!isReadableStream(this)) {
      return PromiseReject(new ERR_INVALID_THIS('ReadableStream'));
    }
    if (isReadableStreamLocked(this)) {
      return PromiseReject(
        new ERR_INVALID_STATE.TypeError('ReadableStream is locked'));
    }
    return readableStreamCancel(this, reason);
  }

  /* getReader([{ mode }]): a default reader, or a BYOB reader for
   * mode 'byob' (byte streams only). */
  getReader(options = kEmptyObject) {
    if (!isReadableStream(this)) throw new ERR_INVALID_THIS('ReadableStream');
    validateObject(options, 'options',
                   kValidateObjectAllowNullable | kValidateObjectAllowFunction);
    const mode = options?.mode;

    if (mode === undefined) return new ReadableStreamDefaultReader(this);

    if (`${mode}` !== 'byob') {
      throw new ERR_INVALID_ARG_VALUE('options.mode', mode);
    }
    return new ReadableStreamBYOBReader(this);
  }

  /* pipeThrough({ readable, writable }[, options]) -> readable. */
  pipeThrough(transform, options = kEmptyObject) {
    if (!isReadableStream(this)) throw new ERR_INVALID_THIS('ReadableStream');
    const readable = transform?.readable;
    if (!isReadableStream(readable)) {
      throw new ERR_INVALID_ARG_TYPE(
        'transform.readable',
        'ReadableStream',
        readable);
    }
    const writable = transform?.writable;
    const { isWritableStream, isWritableStreamLocked } = lazyWritable();
    if (!isWritableStream(writable)) {
      throw new ERR_INVALID_ARG_TYPE(
        'transform.writable',
        'WritableStream',
        writable);
    }

    validateObject(options, 'options', kValidateObjectAllowNullable);
    const preventAbort = options?.preventAbort;
    const preventCancel = options?.preventCancel;
    const preventClose = options?.preventClose;
    const signal = options?.signal;

    if (signal !== undefined) validateAbortSignal(signal, 'options.signal');

    if (isReadableStreamLocked(this)) {
      throw new ERR_INVALID_STATE.TypeError('The ReadableStream is locked');
    }
    if (isWritableStreamLocked(writable)) {
      throw new ERR_INVALID_STATE.TypeError('The WritableStream is locked');
    }

    const promise = lazyPipe().readableStreamPipeTo(
      this,
      writable,
      !!preventClose,
      !!preventAbort,
      !!preventCancel,
      signal);
    setPromiseHandled(promise);

    return readable;
  }

  /* pipeTo(destination[, { preventClose, preventAbort, preventCancel,
   * signal }]) -> Promise settled when the pipe is done. */
  pipeTo(destination, options = kEmptyObject) {
    try {
      if (!isReadableStream(this)) throw new ERR_INVALID_THIS('ReadableStream');
      const { isWritableStream, isWritableStreamLocked } = lazyWritable();
      if (!isWritableStream(destination)) {
        throw new ERR_INVALID_ARG_TYPE(
          'transform.writable',
          'WritableStream',
          destination);
      }

      validateObject(options, 'options', kValidateObjectAllowNullable);
      const preventAbort = options?.preventAbort;
      const preventCancel = options?.preventCancel;
      const preventClose = options?.preventClose;
      const signal = options?.signal;

      if (signal !== undefined) validateAbortSignal(signal, 'options.signal');

      if (isReadableStreamLocked(this)) {
        throw new ERR_INVALID_STATE.TypeError('The ReadableStream is locked');
      }
      if (isWritableStreamLocked(destination)) {
        throw new ERR_INVALID_STATE.TypeError('The WritableStream is locked');
      }

      return lazyPipe().readableStreamPipeTo(
        this,
        destination,
        !!preventClose,
        !!preventAbort,
        !!preventCancel,
        signal);
    } catch (error) {
      return PromiseReject(error);
    }
  }

  /* tee() -> [branch1, branch2], each seeing all the data. */
  tee() {
    if (!isReadableStream(this)) throw new ERR_INVALID_THIS('ReadableStream');
    return lazyPipe().readableStreamTee(this, false);
  }

  /* values([{ preventCancel }]): an async iterator over the chunks. */
  values(options = kEmptyObject) {
    if (!isReadableStream(this)) throw new ERR_INVALID_THIS('ReadableStream');
    validateObject(options, 'options');
    const {
      preventCancel = false,
    } = options;

    return createAsyncIterator(this, !!preventCancel);
  }

  [kInspect](depth, options) {
    return customInspect(this, {
      locked: this.locked,
      state: this[kState].state,
      supportsBYOB:
        this[kState].controller instanceof ReadableByteStreamController,
    }, depth, options);
  }
}

ObjectDefineProperties(ReadableStream.prototype, {
  [SymbolAsyncIterator]: {
    __proto__: null,
    configurable: true,
    enumerable: false,
    writable: true,
    value: ReadableStream.prototype.values,
  },
  locked: kEnumerableProperty,
  cancel: kEnumerableProperty,
  getReader: kEnumerableProperty,
  pipeThrough: kEnumerableProperty,
  pipeTo: kEnumerableProperty,
  tee: kEnumerableProperty,
  values: kEnumerableProperty,
  [SymbolToStringTag]: {
    __proto__: null,
    configurable: true,
    value: 'ReadableStream',
  },
});

// ---- Async iteration ---------------------------------------------------

const kIterState = Symbol('kIterState');

/* The iterator of ReadableStream.prototype.values(). next() calls are
 * chained so that each starts after the previous one settled. */
const ReadableStreamAsyncIteratorPrototype = ObjectSetPrototypeOf({
  next() {
    const state = this[kIterState];
    if (state === undefined) {
      return PromiseReject(new ERR_INVALID_THIS('ReadableStreamAsyncIterator'));
    }
    // The first read waits one microtask, so that the stream's start()
    // and first pull() have run (as Node does).
    if (!state.started) {
      state.current = PromiseResolve();
      state.started = true;
    }
    state.current = state.current !== undefined ?
      PromisePrototypeThen(state.current,
                           () => iteratorNextSteps(state),
                           () => iteratorNextSteps(state)) :
      iteratorNextSteps(state);
    return state.current;
  },

  return(value) {
    const state = this[kIterState];
    if (state === undefined) {
      return PromiseReject(new ERR_INVALID_THIS('ReadableStreamAsyncIterator'));
    }
    return state.current !== undefined ?
      PromisePrototypeThen(state.current,
                           () => iteratorReturnSteps(state, value),
                           () => iteratorReturnSteps(state, value)) :
      iteratorReturnSteps(state, value);
  },

  [SymbolAsyncIterator]() { return this; },
}, primordials.AsyncIteratorPrototype);

function createAsyncIterator(stream, preventCancel) {
  const reader = new ReadableStreamDefaultReader(stream);
  const iterator = ObjectCreate(ReadableStreamAsyncIteratorPrototype);
  iterator[kIterState] = {
    reader,
    preventCancel,
    done: false,
    started: false,
    current: undefined,
  };
  return iterator;
}

function iteratorNextSteps(state) {
  if (state.done) return PromiseResolve({ done: true, value: undefined });

  const { reader } = state;
  if (reader[kState].stream === undefined) {
    return PromiseReject(
      new ERR_INVALID_STATE.TypeError(
        'The reader is not bound to a ReadableStream'));
  }
  const promise = createDeferredPromise();
  readableStreamDefaultReaderRead(reader, {
    [kChunk](value) {
      state.current = undefined;
      promise.resolve({ value, done: false });
    },
    [kClose]() {
      state.current = undefined;
      state.done = true;
      readableStreamReaderGenericRelease(reader);
      promise.resolve({ done: true, value: undefined });
    },
    [kError](error) {
      state.current = undefined;
      state.done = true;
      readableStreamReaderGenericRelease(reader);
      promise.reject(error);
    },
  });
  return promise.promise;
}

async function iteratorReturnSteps(state, value) {
  if (state.done) return { done: true, value };
  state.done = true;

  const { reader } = state;
  if (reader[kState].stream === undefined) {
    throw new ERR_INVALID_STATE.TypeError(
      'The reader is not bound to a ReadableStream');
  }
  if (!state.preventCancel) {
    const result = readableStreamReaderGenericCancel(reader, value);
    readableStreamReaderGenericRelease(reader);
    await result;
    return { done: true, value };
  }

  readableStreamReaderGenericRelease(reader);
  return { done: true, value };
}

// ---- Readers -----------------------------------------------------------

/* new ReadableStreamDefaultReader(stream): locks the stream. */
class ReadableStreamDefaultReader {
  constructor(stream) {
    if (!isReadableStream(stream)) {
      throw new ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
    }
    this[kType] = 'ReadableStreamDefaultReader';
    this[kState] = {
      readRequests: [],
      stream: undefined,
      close: {
        promise: undefined,
        resolve: undefined,
        reject: undefined,
      },
    };
    setupReadableStreamDefaultReader(this, stream);
  }

  /* read() -> Promise<{ value, done }>. */
  read() {
    if (!isReadableStreamDefaultReader(this)) {
      return PromiseReject(new ERR_INVALID_THIS('ReadableStreamDefaultReader'));
    }
    if (this[kState].stream === undefined) {
      return PromiseReject(
        new ERR_INVALID_STATE.TypeError(
          'The reader is not attached to a stream'));
    }
    const readRequest = new DefaultReadRequest();
    readableStreamDefaultReaderRead(this, readRequest);
    return readRequest.promise.promise;
  }

  /* releaseLock(): unlocks the stream; pending reads reject. */
  releaseLock() {
    if (!isReadableStreamDefaultReader(this)) {
      throw new ERR_INVALID_THIS('ReadableStreamDefaultReader');
    }
    if (this[kState].stream === undefined) return;
    readableStreamDefaultReaderRelease(this);
  }

  get closed() {
    if (!isReadableStreamDefaultReader(this)) {
      return PromiseReject(new ERR_INVALID_THIS('ReadableStreamDefaultReader'));
    }
    return this[kState].close.promise;
  }

  cancel(reason = undefined) {
    if (!isReadableStreamDefaultReader(this)) {
      return PromiseReject(new ERR_INVALID_THIS('ReadableStreamDefaultReader'));
    }
    if (this[kState].stream === undefined) {
      return PromiseReject(new ERR_INVALID_STATE.TypeError(
        'The reader is not attached to a stream'));
    }
    return readableStreamReaderGenericCancel(this, reason);
  }

  [kInspect](depth, options) {
    return customInspect(this, {
      stream: this[kState].stream,
      readRequests: this[kState].readRequests.length,
      close: this[kState].close.promise,
    }, depth, options);
  }
}

ObjectDefineProperties(ReadableStreamDefaultReader.prototype, {
  closed: kEnumerableProperty,
  read: kEnumerableProperty,
  releaseLock: kEnumerableProperty,
  cancel: kEnumerableProperty,
  [SymbolToStringTag]: {
    __proto__: null,
    configurable: true,
    value: 'ReadableStreamDefaultReader',
  },
});

function setupReadableStreamDefaultReader(reader, stream) {
  if (isReadableStreamLocked(stream)) {
    throw new ERR_INVALID_STATE.TypeError('ReadableStream is locked');
  }
  readableStreamReaderGenericInitialize(reader, stream);
  reader[kState].readRequests = [];
}

/* new ReadableStreamBYOBReader(stream): locks a byte stream. */
class ReadableStreamBYOBReader {
  constructor(stream) {
    if (!isReadableStream(stream)) {
      throw new ERR_INVALID_ARG_TYPE('stream', 'ReadableStream', stream);
    }
    this[kType] = 'ReadableStreamBYOBReader';
    this[kState] = {
      stream: undefined,
      readIntoRequests: [],
      close: {
        promise: undefined,
        resolve: undefined,
        reject: undefined,
      },
    };
    setupReadableStreamBYOBReader(this, stream);
  }

  /* read(view) -> Promise<{ value, done }>: value is a view of the same
   * type over (a transfer of) view's buffer. */
  read(view = undefined) {
    if (!isReadableStreamBYOBReader(this)) {
      return PromiseReject(new ERR_INVALID_THIS('ReadableStreamBYOBReader'));
    }
    if (!isArrayBufferView(view)) {
      return PromiseReject(
        new ERR_INVALID_ARG_TYPE(
          'view',
          [
            'Buffer',
            'TypedArray',
            'DataView',
          ],
          view));
    }

    const viewByteLength = ArrayBufferViewGetByteLength(view);
    const viewBuffer = ArrayBufferViewGetBuffer(view);
    const viewBufferByteLength = arrayBufferByteLength(viewBuffer);

    if (viewByteLength === 0 || viewBufferByteLength === 0) {
      return PromiseReject(
        new ERR_INVALID_STATE.TypeError(
          'View or Viewed ArrayBuffer is zero-length or detached'));
    }

    if (this[kState].stream === undefined) {
      return PromiseReject(
        new ERR_INVALID_STATE.TypeError(
          'The reader is not attached to a stream'));
    }
    const readIntoRequest = new ReadIntoRequest();
    readableStreamBYOBReaderRead(this, view, readIntoRequest);
    return readIntoRequest.promise.promise;
  }

  releaseLock() {
    if (!isReadableStreamBYOBReader(this)) {
      throw new ERR_INVALID_THIS('ReadableStreamBYOBReader');
    }
    if (this[kState].stream === undefined) return;
    readableStreamBYOBReaderRelease(this);
  }

  get closed() {
    if (!isReadableStreamBYOBReader(this)) {
      return PromiseReject(new ERR_INVALID_THIS('ReadableStreamBYOBReader'));
    }
    return this[kState].close.promise;
  }

  cancel(reason = undefined) {
    if (!isReadableStreamBYOBReader(this)) {
      return PromiseReject(new ERR_INVALID_THIS('ReadableStreamBYOBReader'));
    }
    if (this[kState].stream === undefined) {
      return PromiseReject(new ERR_INVALID_STATE.TypeError(
        'The reader is not attached to a stream'));
    }
    return readableStreamReaderGenericCancel(this, reason);
  }

  [kInspect](depth, options) {
    return customInspect(this, {
      stream: this[kState].stream,
      requestIntoRequests: this[kState].readIntoRequests.length,
      close: this[kState].close.promise,
    }, depth, options);
  }
}

ObjectDefineProperties(ReadableStreamBYOBReader.prototype, {
  closed: kEnumerableProperty,
  read: kEnumerableProperty,
  releaseLock: kEnumerableProperty,
  cancel: kEnumerableProperty,
  [SymbolToStringTag]: {
    __proto__: null,
    configurable: true,
    value: 'ReadableStreamBYOBReader',
  },
});

function setupReadableStreamBYOBReader(reader, stream) {
  if (isReadableStreamLocked(stream)) {
    throw new ERR_INVALID_STATE.TypeError('ReadableStream is locked');
  }
  const { controller } = stream[kState];
  if (!isReadableByteStreamController(controller)) {
    throw new ERR_INVALID_ARG_VALUE('stream', stream, 'must be a byte stream');
  }
  readableStreamReaderGenericInitialize(reader, stream);
  reader[kState].readIntoRequests = [];
}

function readableStreamBYOBReaderRead(reader, view, readIntoRequest) {
  const { stream } = reader[kState];
  stream[kState].disturbed = true;
  if (stream[kState].state === 'errored') {
    readIntoRequest[kError](stream[kState].storedError);
    return;
  }
  bytes.readableByteStreamControllerPullInto(
    stream[kState].controller, view, readIntoRequest);
}

// ---- BYOB request ------------------------------------------------------

/* The view a byte source fills for a pending BYOB read. */
class ReadableStreamBYOBRequest {
  constructor(skipThrowSymbol = undefined) {
    if (skipThrowSymbol !== kSkipThrow) {
      throw new ERR_ILLEGAL_CONSTRUCTOR();
    }
    this[kType] = 'ReadableStreamBYOBRequest';
    this[kState] = { controller: undefined, view: null };
  }

  get view() {
    if (!isReadableStreamBYOBRequest(this)) {
      throw new ERR_INVALID_THIS('ReadableStreamBYOBRequest');
    }
    return this[kState].view;
  }

  /* respond(bytesWritten): that many bytes were written into view. */
  respond(bytesWritten) {
    if (!isReadableStreamBYOBRequest(this)) {
      throw new ERR_INVALID_THIS('ReadableStreamBYOBRequest');
    }
    const { view, controller } = this[kState];
    if (controller === undefined) {
      throw new ERR_INVALID_STATE.TypeError(
        'This BYOB request has been invalidated');
    }

    const viewByteLength = ArrayBufferViewGetByteLength(view);
    const viewBuffer = ArrayBufferViewGetBuffer(view);
    const viewBufferByteLength = arrayBufferByteLength(viewBuffer);

    if (viewByteLength === 0 || viewBufferByteLength === 0) {
      throw new ERR_INVALID_STATE.TypeError(
        'View or Viewed ArrayBuffer is zero-length or detached');
    }

    bytes.readableByteStreamControllerRespond(
      controller, toUnsignedLongLong(bytesWritten, 'bytesWritten'));
  }

  /* respondWithNewView(view): the data is in `view` instead. */
  respondWithNewView(view) {
    if (!isReadableStreamBYOBRequest(this)) {
      throw new ERR_INVALID_THIS('ReadableStreamBYOBRequest');
    }
    const { controller } = this[kState];
    if (controller === undefined) {
      throw new ERR_INVALID_STATE.TypeError(
        'This BYOB request has been invalidated');
    }
    if (!isArrayBufferView(view)) {
      throw new ERR_INVALID_ARG_TYPE(
        'view', ['Buffer', 'TypedArray', 'DataView'], view);
    }
    if (isViewedArrayBufferDetached(view)) {
      throw new ERR_INVALID_STATE.TypeError('Viewed ArrayBuffer is detached');
    }

    bytes.readableByteStreamControllerRespondWithNewView(controller, view);
  }

  [kInspect](depth, options) {
    return customInspect(this, {
      view: this.view,
      controller: this[kState].controller,
    }, depth, options);
  }
}

ObjectDefineProperties(ReadableStreamBYOBRequest.prototype, {
  view: kEnumerableProperty,
  respond: kEnumerableProperty,
  respondWithNewView: kEnumerableProperty,
  [SymbolToStringTag]: {
    __proto__: null,
    configurable: true,
    value: 'ReadableStreamBYOBRequest',
  },
});

// WebIDL `[EnforceRange] unsigned long long`.
function toUnsignedLongLong(value, name) {
  const n = +value;
  if (!NumberIsInteger(MathTrunc(n)) || n < 0) {
    throw new ERR_INVALID_ARG_VALUE.RangeError(name, value);
  }
  return MathTrunc(n);
}

// ---- Controllers -------------------------------------------------------

/* The controller handed to a default source's start/pull/cancel. */
class ReadableStreamDefaultController {
  constructor(skipThrowSymbol = undefined) {
    if (skipThrowSymbol !== kSkipThrow) {
      throw new ERR_ILLEGAL_CONSTRUCTOR();
    }
    this[kType] = 'ReadableStreamDefaultController';
    this[kState] = {};
  }

  /* highWaterMark minus what is queued (null when errored). */
  get desiredSize() {
    if (!isReadableStreamDefaultController(this)) {
      throw new ERR_INVALID_THIS('ReadableStreamDefaultController');
    }
    return readableStreamDefaultControllerGetDesiredSize(this);
  }

  close() {
    if (!isReadableStreamDefaultController(this)) {
      throw new ERR_INVALID_THIS('ReadableStreamDefaultController');
    }
    if (!readableStreamDefaultControllerCanCloseOrEnqueue(this)) {
      throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    }
    readableStreamDefaultControllerClose(this);
  }

  enqueue(chunk = undefined) {
    if (!isReadableStreamDefaultController(this)) {
      throw new ERR_INVALID_THIS('ReadableStreamDefaultController');
    }
    if (!readableStreamDefaultControllerCanCloseOrEnqueue(this)) {
      throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    }
    readableStreamDefaultControllerEnqueue(this, chunk);
  }

  error(error = undefined) {
    if (!isReadableStreamDefaultController(this)) {
      throw new ERR_INVALID_THIS('ReadableStreamDefaultController');
    }
    readableStreamDefaultControllerError(this, error);
  }

  [kCancel](reason) {
    return readableStreamDefaultControllerCancelSteps(this, reason);
  }

  [kPull](readRequest) {
    readableStreamDefaultControllerPullSteps(this, readRequest);
  }

  [kRelease]() {}

  [kInspect](depth, options) {
    return customInspect(this, { }, depth, options);
  }
}

ObjectDefineProperties(ReadableStreamDefaultController.prototype, {
  desiredSize: kEnumerableProperty,
  close: kEnumerableProperty,
  enqueue: kEnumerableProperty,
  error: kEnumerableProperty,
  [SymbolToStringTag]: {
    __proto__: null,
    configurable: true,
    value: 'ReadableStreamDefaultController',
  },
});

/* The controller handed to a byte source ('bytes' type). */
class ReadableByteStreamController {
  constructor(skipThrowSymbol = undefined) {
    if (skipThrowSymbol !== kSkipThrow) {
      throw new ERR_ILLEGAL_CONSTRUCTOR();
    }
    this[kType] = 'ReadableByteStreamController';
    this[kState] = {};
  }

  /* The pending BYOB read's request, or null. */
  get byobRequest() {
    if (!isReadableByteStreamController(this)) {
      throw new ERR_INVALID_THIS('ReadableByteStreamController');
    }
    return bytes.readableByteStreamControllerGetBYOBRequest(this);
  }

  get desiredSize() {
    if (!isReadableByteStreamController(this)) {
      throw new ERR_INVALID_THIS('ReadableByteStreamController');
    }
    return bytes.readableByteStreamControllerGetDesiredSize(this);
  }

  close() {
    if (!isReadableByteStreamController(this)) {
      throw new ERR_INVALID_THIS('ReadableByteStreamController');
    }
    if (this[kState].closeRequested) {
      throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    }
    if (this[kState].stream[kState].state !== 'readable') {
      throw new ERR_INVALID_STATE.TypeError('ReadableStream is already closed');
    }
    bytes.readableByteStreamControllerClose(this);
  }

  /* enqueue(chunk): chunk is an ArrayBufferView; its buffer is
   * transferred (detached). */
  enqueue(chunk = undefined) {
    if (!isReadableByteStreamController(this)) {
      throw new ERR_INVALID_THIS('ReadableByteStreamController');
    }
    if (!isArrayBufferView(chunk)) {
      throw new ERR_INVALID_ARG_TYPE(
        'buffer',
        [
          'Buffer',
          'TypedArray',
          'DataView',
        ],
        chunk);
    }
    const chunkByteLength = ArrayBufferViewGetByteLength(chunk);
    const chunkBuffer = ArrayBufferViewGetBuffer(chunk);
    const chunkBufferByteLength = arrayBufferByteLength(chunkBuffer);
    if (chunkByteLength === 0 || chunkBufferByteLength === 0) {
      throw new ERR_INVALID_STATE.TypeError(
        'chunk ArrayBuffer is zero-length or detached');
    }
    if (this[kState].closeRequested) {
      throw new ERR_INVALID_STATE.TypeError('Controller is already closed');
    }
    if (this[kState].stream[kState].state !== 'readable') {
      throw new ERR_INVALID_STATE.TypeError('ReadableStream is already closed');
    }
    bytes.readableByteStreamControllerEnqueue(this, chunk);
  }

  error(error = undefined) {
    if (!isReadableByteStreamController(this)) {
      throw new ERR_INVALID_THIS('ReadableByteStreamController');
    }
    bytes.readableByteStreamControllerError(this, error);
  }

  [kCancel](reason) {
    return bytes.readableByteStreamControllerCancelSteps(this, reason);
  }

  [kPull](readRequest) {
    bytes.readableByteStreamControllerPullSteps(this, readRequest);
  }

  [kRelease]() {
    bytes.readableByteStreamControllerRelease(this);
  }

  [kInspect](depth, options) {
    return customInspect(this, { }, depth, options);
  }
}

ObjectDefineProperties(ReadableByteStreamController.prototype, {
  byobRequest: kEnumerableProperty,
  desiredSize: kEnumerableProperty,
  close: kEnumerableProperty,
  enqueue: kEnumerableProperty,
  error: kEnumerableProperty,
  [SymbolToStringTag]: {
    __proto__: null,
    configurable: true,
    value: 'ReadableByteStreamController',
  },
});

// ---- Construction from sources and algorithms --------------------------

function setupReadableStreamDefaultControllerFromSource(
  stream, source, highWaterMark, sizeAlgorithm) {
  const controller = new ReadableStreamDefaultController(kSkipThrow);
  const start = source?.start;
  const pull = source?.pull;
  const cancel = source?.cancel;
  const startAlgorithm = start ?
    () => invokeStart('source.start', start, source, controller) :
    nonOpStart;
  const pullAlgorithm = pull ?
    createPromiseCallback('source.pull', pull, source) :
    nonOpPull;
  const cancelAlgorithm = cancel ?
    createPromiseCallback('source.cancel', cancel, source) :
    nonOpCancel;

  setupReadableStreamDefaultController(
    stream,
    controller,
    startAlgorithm,
    pullAlgorithm,
    cancelAlgorithm,
    highWaterMark,
    sizeAlgorithm);
}

function setupReadableByteStreamControllerFromSource(
  stream, source, highWaterMark) {
  const controller = new ReadableByteStreamController(kSkipThrow);
  const start = source?.start;
  const pull = source?.pull;
  const cancel = source?.cancel;
  const startAlgorithm = start ?
    () => invokeStart('source.start', start, source, controller) :
    nonOpStart;
  const pullAlgorithm = pull ?
    createPromiseCallback('source.pull', pull, source) :
    nonOpPull;
  const cancelAlgorithm = cancel ?
    createPromiseCallback('source.cancel', cancel, source) :
    nonOpCancel;

  let autoAllocateChunkSize = source?.autoAllocateChunkSize;
  if (autoAllocateChunkSize !== undefined) {
    autoAllocateChunkSize = +autoAllocateChunkSize;
    if (!NumberIsInteger(MathTrunc(autoAllocateChunkSize)) ||
        MathTrunc(autoAllocateChunkSize) <= 0) {
      throw new ERR_INVALID_ARG_VALUE(
        'source.autoAllocateChunkSize',
        source.autoAllocateChunkSize);
    }
    autoAllocateChunkSize = MathTrunc(autoAllocateChunkSize);
  }

  bytes.setupReadableByteStreamController(
    stream,
    controller,
    startAlgorithm,
    pullAlgorithm,
    cancelAlgorithm,
    highWaterMark,
    autoAllocateChunkSize);
}

/* CreateReadableStream(start, pull, cancel[, hwm[, size]]): a default
 * stream driven by internal algorithms. */
function createReadableStream(
  start, pull, cancel, highWaterMark = 1, size = () => 1) {
  const stream = ObjectCreate(ReadableStream.prototype);
  initializeReadableStream(stream);
  const controller = new ReadableStreamDefaultController(kSkipThrow);
  setupReadableStreamDefaultController(
    stream, controller, start, pull, cancel, highWaterMark, size);
  return stream;
}

/* CreateReadableByteStream(start, pull, cancel): a byte stream driven
 * by internal algorithms. */
function createReadableByteStream(start, pull, cancel) {
  const stream = ObjectCreate(ReadableStream.prototype);
  initializeReadableStream(stream);
  const controller = new ReadableByteStreamController(kSkipThrow);
  bytes.setupReadableByteStreamController(
    stream, controller, start, pull, cancel, 0, undefined);
  return stream;
}

function readableStreamPipeTo(...args) {
  return lazyPipe().readableStreamPipeTo(...args);
}

function readableStreamTee(...args) {
  return lazyPipe().readableStreamTee(...args);
}

function readableByteStreamControllerEnqueue(controller, chunk) {
  return bytes.readableByteStreamControllerEnqueue(controller, chunk);
}

module.exports = {
  ReadableStream,
  ReadableStreamDefaultReader,
  ReadableStreamBYOBReader,
  ReadableStreamBYOBRequest,
  ReadableByteStreamController,
  ReadableStreamDefaultController,
  createReadableStream,
  createReadableByteStream,
  isReadableStream,
  isReadableByteStreamController,
  isReadableStreamBYOBRequest,
  isReadableStreamDefaultReader,
  isReadableStreamBYOBReader,
  isReadableStreamLocked,
  isReadableStreamDefaultController,
  kSkipThrow,
  readableStreamPipeTo,
  readableStreamTee,
  readableByteStreamControllerConvertPullIntoDescriptor:
    bytes.readableByteStreamControllerConvertPullIntoDescriptor,
  readableByteStreamControllerEnqueue,
  readableByteStreamControllerClose: bytes.readableByteStreamControllerClose,
  readableByteStreamControllerRespond:
    bytes.readableByteStreamControllerRespond,
  readableByteStreamControllerError: bytes.readableByteStreamControllerError,
  readableByteStreamControllerPullInto:
    bytes.readableByteStreamControllerPullInto,
  readableStreamBYOBReaderRead,
  readableStreamCancel,
  readableStreamClose: ops.readableStreamClose,
  readableStreamError: ops.readableStreamError,
  readableStreamDefaultControllerEnqueue,
  readableStreamDefaultControllerCanCloseOrEnqueue,
  readableStreamDefaultControllerClose,
  readableStreamDefaultControllerError,
  readableStreamDefaultControllerGetDesiredSize,
  readableStreamDefaultControllerHasBackpressure:
    ops.readableStreamDefaultControllerHasBackpressure,
  readableStreamDefaultReaderRead,
  readableStreamDefaultReaderRelease,
  readableStreamReaderGenericRelease,
  readableStreamReaderGenericCancel,
  setupReadableStreamDefaultReader,
  setupReadableStreamBYOBReader,
};
