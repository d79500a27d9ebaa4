'use strict';
// internal/webstreams/adapters.js - conversions between Node streams and
// WHATWG streams (Readable.toWeb/fromWeb, Writable.toWeb/fromWeb,
// Duplex.toWeb/fromWeb).

const {
  PromisePrototypeThen,
  PromiseResolve,
  SafePromiseAll,
  SafePromisePrototypeFinally,
  Uint8Array,
} = primordials;

const {
  ReadableStream,
  isReadableStream,
} = require('internal/webstreams/readablestream');
const {
  WritableStream,
  isWritableStream,
} = require('internal/webstreams/writablestream');
const {
  CountQueuingStrategy,
} = require('internal/webstreams/queuingstrategies');

const Writable = require('internal/streams/writable');
const Readable = require('internal/streams/readable');
const Duplex = require('internal/streams/duplex');
const {
  destroyer: destroy,
} = require('internal/streams/destroy');
const {
  isDestroyed,
  isReadable,
  isWritable,
  isWritableEnded,
} = require('internal/streams/utils');
const { Buffer } = require('buffer');
const {
  AbortError,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_STREAM_PREMATURE_CLOSE,
  },
} = require('internal/errors');
const {
  createDeferredPromise,
  kEmptyObject,
} = require('internal/util');
const {
  validateBoolean,
  validateObject,
} = require('internal/validators');
const finished = require('internal/streams/end-of-stream');

// Runs a Node-style callback, turning a throw into a destroy of `stream`.
function callbackOrDestroy(stream, callback, error) {
  try {
    callback(error);
  } catch (err) {
    process.nextTick(() => destroy(stream, err));
  }
}

// Runs a _destroy callback; a throw becomes an uncaught exception.
function callbackOrThrow(callback, error) {
  try {
    callback(error);
  } catch (err) {
    process.nextTick(() => { throw err; });
  }
}

/* newWritableStreamFromStreamWritable(streamWritable): a WritableStream
 * writing into a Node Writable, honouring its backpressure. */
function newWritableStreamFromStreamWritable(streamWritable) {
  // Anything with write() and on() qualifies (a Writable, or an
  // http.OutgoingMessage, which has no _writableState); not checked with
  // isWritableNodeStream so that a Duplex with writable: false gives a
  // closed WritableStream.
  if (typeof streamWritable?.write !== 'function' ||
      typeof streamWritable?.on !== 'function') {
    throw new ERR_INVALID_ARG_TYPE(
      'streamWritable',
      'stream.Writable',
      streamWritable);
  }

  if (isDestroyed(streamWritable) || !isWritable(streamWritable)) {
    const writable = new WritableStream();
    writable.close();
    return writable;
  }

  const highWaterMark = streamWritable.writableHighWaterMark;
  const strategy =
    streamWritable.writableObjectMode ?
      new CountQueuingStrategy({ highWaterMark }) :
      { highWaterMark };

  let controller;
  let backpressurePromise;
  let closed;

  function onDrain() {
    if (backpressurePromise !== undefined) backpressurePromise.resolve();
  }

  const cleanup = finished(streamWritable, (error) => {
    if (error?.code === 'ERR_STREAM_PREMATURE_CLOSE') {
      error = new AbortError(undefined, { cause: error });
    }

    cleanup();
    // Some legacy streams emit 'error' again after finishing.
    streamWritable.on('error', () => {});
    if (error != null) {
      if (backpressurePromise !== undefined) {
        backpressurePromise.reject(error);
      }
      // A close() already in progress fails too.
      if (closed !== undefined) {
        closed.reject(error);
        closed = undefined;
      }
      controller.error(error);
      controller = undefined;
      return;
    }

    if (closed !== undefined) {
      closed.resolve();
      closed = undefined;
      return;
    }
    controller.error(new AbortError());
    controller = undefined;
  });

  streamWritable.on('drain', onDrain);

  return new WritableStream({
    start(c) { controller = c; },

    write(chunk) {
      if (streamWritable.writableNeedDrain || !streamWritable.write(chunk)) {
        backpressurePromise = createDeferredPromise();
        return SafePromisePrototypeFinally(
          backpressurePromise.promise, () => {
            backpressurePromise = undefined;
          });
      }
    },

    abort(reason) {
      destroy(streamWritable, reason);
    },

    close() {
      if (closed === undefined && !isWritableEnded(streamWritable)) {
        closed = createDeferredPromise();
        streamWritable.end();
        return closed.promise;
      }

      controller = undefined;
      return PromiseResolve();
    },
  }, strategy);
}

/* newStreamWritableFromWritableStream(writableStream[, options]): a Node
 * Writable writing into a WritableStream. options: highWaterMark,
 * decodeStrings, objectMode, signal. */
function newStreamWritableFromWritableStream(writableStream,
  options = kEmptyObject) {
  if (!isWritableStream(writableStream)) {
    throw new ERR_INVALID_ARG_TYPE(
      'writableStream',
      'WritableStream',
      writableStream);
  }

  validateObject(options, 'options');
  const {
    highWaterMark,
    decodeStrings = true,
    objectMode = false,
    signal,
  } = options;

  validateBoolean(objectMode, 'options.objectMode');
  validateBoolean(decodeStrings, 'options.decodeStrings');

  const writer = writableStream.getWriter();
  let closed = false;

  const writable = new Writable({
    highWaterMark,
    objectMode,
    decodeStrings,
    signal,

    writev(chunks, callback) {
      function done(error) {
        error = error.filter((e) => e);
        callbackOrDestroy(writable, callback,
                          error.length === 0 ? undefined : error);
      }

      PromisePrototypeThen(
        writer.ready,
        () => PromisePrototypeThen(
          SafePromiseAll(chunks, (data) => writer.write(data.chunk)),
          done,
          done),
        done);
    },

    write(chunk, encoding, callback) {
      if (typeof chunk === 'string' && decodeStrings && !objectMode) {
        chunk = Buffer.from(chunk, encoding);
        chunk = new Uint8Array(
          chunk.buffer,
          chunk.byteOffset,
          chunk.byteLength);
      }

      function done(error) {
        try {
          callback(error);
        } catch (err) {
          destroy(writable, err);
        }
      }

      PromisePrototypeThen(
        writer.ready,
        () => PromisePrototypeThen(writer.write(chunk), done, done),
        done);
    },

    destroy(error, callback) {
      function done() {
        callbackOrThrow(callback, error);
      }

      if (!closed) {
        if (error != null) {
          PromisePrototypeThen(writer.abort(error), done, done);
        } else {
          PromisePrototypeThen(writer.close(), done, done);
        }
        return;
      }

      done();
    },

    final(callback) {
      function done(error) {
        callbackOrDestroy(writable, callback, error);
      }

      if (!closed) {
        PromisePrototypeThen(writer.close(), done, done);
      }
    },
  });

  PromisePrototypeThen(
    writer.closed,
    () => {
      // The WritableStream closed on its own: nothing more can be written.
      closed = true;
      if (!isWritableEnded(writable)) {
        destroy(writable, new ERR_STREAM_PREMATURE_CLOSE());
      }
    },
    (error) => {
      closed = true;
      destroy(writable, error);
    });

  return writable;
}

/* newReadableStreamFromStreamReadable(streamReadable[, { strategy }]):
 * a ReadableStream reading a Node Readable (paused when full). */
function newReadableStreamFromStreamReadable(streamReadable,
  options = kEmptyObject) {
  // Checked on _readableState rather than with isReadableNodeStream, so
  // that a Duplex with readable: false gives a canceled ReadableStream.
  if (typeof streamReadable?._readableState !== 'object') {
    throw new ERR_INVALID_ARG_TYPE(
      'streamReadable',
      'stream.Readable',
      streamReadable);
  }

  if (isDestroyed(streamReadable) || !isReadable(streamReadable)) {
    const readable = new ReadableStream();
    readable.cancel();
    return readable;
  }

  const objectMode = streamReadable.readableObjectMode;
  const highWaterMark = streamReadable.readableHighWaterMark;

  function evaluateStrategyOrFallback(strategy) {
    if (strategy) return strategy;
    if (objectMode) return new CountQueuingStrategy({ highWaterMark });
    return { highWaterMark };
  }

  const strategy = evaluateStrategyOrFallback(options?.strategy);

  let controller;

  function onData(chunk) {
    // Copy Buffers so that the stream owns its bytes (pool slices).
    if (Buffer.isBuffer(chunk) && !objectMode) chunk = new Uint8Array(chunk);
    controller.enqueue(chunk);
    if (controller.desiredSize <= 0) streamReadable.pause();
  }

  function onFinished(error) {
    if (error?.code === 'ERR_STREAM_PREMATURE_CLOSE') {
      error = new AbortError(undefined, { cause: error });
    }

    cleanup();
    // Some legacy streams emit 'error' again after finishing.
    streamReadable.on('error', () => {});
    if (error) return controller.error(error);
    controller.close();
  }

  // Start paused: data flows only when the ReadableStream pulls.
  streamReadable.pause();
  const cleanup = finished(streamReadable, onFinished);
  streamReadable.on('data', onData);

  return new ReadableStream({
    start(c) { controller = c; },

    pull() { streamReadable.resume(); },

    cancel(reason) {
      destroy(streamReadable, reason);
    },
  }, strategy);
}

/* newStreamReadableFromReadableStream(readableStream[, options]): a Node
 * Readable reading a ReadableStream. options: highWaterMark, encoding,
 * objectMode, signal. */
function newStreamReadableFromReadableStream(readableStream,
  options = kEmptyObject) {
  if (!isReadableStream(readableStream)) {
    throw new ERR_INVALID_ARG_TYPE(
      'readableStream',
      'ReadableStream',
      readableStream);
  }

  validateObject(options, 'options');
  const {
    highWaterMark,
    encoding,
    objectMode = false,
    signal,
  } = options;

  if (encoding !== undefined && !Buffer.isEncoding(encoding)) {
    throw new ERR_INVALID_ARG_VALUE(encoding, 'options.encoding');
  }
  validateBoolean(objectMode, 'options.objectMode');

  const reader = readableStream.getReader();
  let closed = false;

  const readable = new Readable({
    objectMode,
    highWaterMark,
    encoding,
    signal,

    read() {
      PromisePrototypeThen(
        reader.read(),
        (chunk) => {
          if (chunk.done) {
            readable.push(null);
          } else {
            readable.push(chunk.value);
          }
        },
        (error) => destroy(readable, error));
    },

    destroy(error, callback) {
      function done() {
        callbackOrThrow(callback, error);
      }

      if (!closed) {
        PromisePrototypeThen(reader.cancel(error), done, done);
        return;
      }
      done();
    },
  });

  PromisePrototypeThen(
    reader.closed,
    () => {
      closed = true;
    },
    (error) => {
      closed = true;
      destroy(readable, error);
    });

  return readable;
}

/* newReadableWritablePairFromDuplex(duplex) -> { readable, writable }. */
function newReadableWritablePairFromDuplex(duplex) {
  // Not using the isDuplexNodeStream check: a Duplex with one side
  // disabled still converts (that side comes back closed/canceled).
  if (typeof duplex?._writableState !== 'object' ||
      typeof duplex?._readableState !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('duplex', 'stream.Duplex', duplex);
  }

  if (isDestroyed(duplex)) {
    const writable = new WritableStream();
    const readable = new ReadableStream();
    writable.close();
    readable.cancel();
    return { readable, writable };
  }

  const writable =
    isWritable(duplex) ?
      newWritableStreamFromStreamWritable(duplex) :
      new WritableStream();

  if (!isWritable(duplex)) writable.close();

  const readable =
    isReadable(duplex) ?
      newReadableStreamFromStreamReadable(duplex) :
      new ReadableStream();

  if (!isReadable(duplex)) readable.cancel();

  return { writable, readable };
}

/* newStreamDuplexFromReadableWritablePair(pair[, options]): a Duplex
 * reading pair.readable and writing pair.writable. */
function newStreamDuplexFromReadableWritablePair(
  pair = kEmptyObject, options = kEmptyObject) {
  validateObject(pair, 'pair');
  const {
    readable: readableStream,
    writable: writableStream,
  } = pair;

  if (!isReadableStream(readableStream)) {
    throw new ERR_INVALID_ARG_TYPE(
      'pair.readable',
      'ReadableStream',
      readableStream);
  }
  if (!isWritableStream(writableStream)) {
    throw new ERR_INVALID_ARG_TYPE(
      'pair.writable',
      'WritableStream',
      writableStream);
  }

  validateObject(options, 'options');
  const {
    allowHalfOpen = false,
    objectMode = false,
    encoding,
    decodeStrings = true,
    highWaterMark,
    signal,
  } = options;

  validateBoolean(objectMode, 'options.objectMode');
  if (encoding !== undefined && !Buffer.isEncoding(encoding)) {
    throw new ERR_INVALID_ARG_VALUE(encoding, 'options.encoding');
  }

  const writer = writableStream.getWriter();
  const reader = readableStream.getReader();
  let writableClosed = false;
  let readableClosed = false;

  const duplex = new Duplex({
    allowHalfOpen,
    highWaterMark,
    objectMode,
    encoding,
    decodeStrings,
    signal,

    writev(chunks, callback) {
      function done(error) {
        error = error.filter((e) => e);
        callbackOrDestroy(duplex, callback,
                          error.length === 0 ? undefined : error);
      }

      PromisePrototypeThen(
        writer.ready,
        () => PromisePrototypeThen(
          SafePromiseAll(chunks, (data) => writer.write(data.chunk)),
          done,
          done),
        done);
    },

    write(chunk, encoding, callback) {
      if (typeof chunk === 'string' && decodeStrings && !objectMode) {
        chunk = Buffer.from(chunk, encoding);
        chunk = new Uint8Array(
          chunk.buffer,
          chunk.byteOffset,
          chunk.byteLength);
      }

      function done(error) {
        callbackOrDestroy(duplex, callback, error);
      }

      PromisePrototypeThen(
        writer.ready,
        () => PromisePrototypeThen(writer.write(chunk), done, done),
        done);
    },

    final(callback) {
      function done(error) {
        callbackOrDestroy(duplex, callback, error);
      }

      if (!writableClosed) {
        PromisePrototypeThen(writer.close(), done, done);
      }
    },

    read() {
      PromisePrototypeThen(
        reader.read(),
        (chunk) => {
          if (chunk.done) {
            duplex.push(null);
          } else {
            duplex.push(chunk.value);
          }
        },
        (error) => destroy(duplex, error));
    },

    destroy(error, callback) {
      function done() {
        callbackOrThrow(callback, error);
      }

      async function closeWriter() {
        if (!writableClosed) await writer.abort(error);
      }

      async function closeReader() {
        if (!readableClosed) await reader.cancel(error);
      }

      if (!writableClosed || !readableClosed) {
        PromisePrototypeThen(
          SafePromiseAll([
            closeWriter(),
            closeReader(),
          ]),
          done,
          done);
        return;
      }

      done();
    },
  });

  PromisePrototypeThen(
    writer.closed,
    () => {
      writableClosed = true;
      if (!isWritableEnded(duplex)) {
        destroy(duplex, new ERR_STREAM_PREMATURE_CLOSE());
      }
    },
    (error) => {
      writableClosed = true;
      readableClosed = true;
      destroy(duplex, error);
    });

  PromisePrototypeThen(
    reader.closed,
    () => {
      readableClosed = true;
    },
    (error) => {
      writableClosed = true;
      readableClosed = true;
      destroy(duplex, error);
    });

  return duplex;
}

module.exports = {
  newWritableStreamFromStreamWritable,
  newReadableStreamFromStreamReadable,
  newStreamWritableFromWritableStream,
  newStreamReadableFromReadableStream,
  newReadableWritablePairFromDuplex,
  newStreamDuplexFromReadableWritablePair,
};
