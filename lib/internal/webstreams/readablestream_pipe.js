'use strict';
// internal/webstreams/readablestream_pipe.js - ReadableStream pipeTo()
// and tee() (default and byte streams).

const {
  PromisePrototypeThen,
  PromiseResolve,
  SafePromiseAll,
} = primordials;

const { queueMicrotask } = require('internal/process/task_queues');

const {
  AbortError,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_STATE,
  },
} = require('internal/errors');
const { createDeferredPromise } = require('internal/util');
const { validateAbortSignal } = require('internal/validators');
const {
  cloneAsUint8Array,
  kState,
  setPromiseHandled,
} = require('internal/webstreams/util');
const {
  isReadableStream,
  isReadableByteStreamController,
  isReadableStreamBYOBReader,
  kChunk,
  kClose,
  kError,
  readableStreamCancel,
  readableStreamDefaultControllerClose,
  readableStreamDefaultControllerEnqueue,
  readableStreamDefaultControllerError,
  readableStreamDefaultReaderRead,
  readableStreamReaderGenericRelease,
} = require('internal/webstreams/readablestream_ops');
const bytes = require('internal/webstreams/readablestream_bytes');
const {
  WritableStreamDefaultWriter,
  isWritableStream,
  writableStreamAbort,
  writableStreamCloseQueuedOrInFlight,
  writableStreamDefaultWriterCloseWithErrorPropagation,
  writableStreamDefaultWriterRelease,
  writableStreamDefaultWriterWrite,
} = require('internal/webstreams/writablestream');

let classes;
function lazyClasses() {
  classes ??= require('internal/webstreams/readablestream');
  return classes;
}

/* ReadableStreamPipeTo: copies source into dest, propagating errors and
 * closing forwards and backwards unless prevented. The returned promise
 * settles when the pipe is done. */
function readableStreamPipeTo(
  source,
  dest,
  preventClose,
  preventAbort,
  preventCancel,
  signal) {
  let reader;
  let writer;
  try {
    if (!isReadableStream(source)) {
      throw new ERR_INVALID_ARG_TYPE('source', 'ReadableStream', source);
    }
    if (!isWritableStream(dest)) {
      throw new ERR_INVALID_ARG_TYPE('dest', 'WritableStream', dest);
    }
    if (signal !== undefined) validateAbortSignal(signal, 'signal');
    const { ReadableStreamDefaultReader } = lazyClasses();
    reader = new ReadableStreamDefaultReader(source);
    writer = new WritableStreamDefaultWriter(dest);
  } catch (error) {
    return PromiseRejectNow(error);
  }

  source[kState].disturbed = true;

  let shuttingDown = false;
  let currentWrite = PromiseResolve();
  const promise = createDeferredPromise();

  function abortAlgorithm() {
    let error = signal.reason;
    if (error instanceof AbortError) {
      // The pipe rejects with a DOMException, not Node's AbortError.
      const { DOMException } = require('internal/per_context/domexception');
      error = new DOMException(error.message, 'AbortError');
    }
    const actions = [];
    if (!preventAbort) {
      actions.push(() => {
        if (dest[kState].state === 'writable') {
          return writableStreamAbort(dest, error);
        }
        return PromiseResolve();
      });
    }
    if (!preventCancel) {
      actions.push(() => {
        if (source[kState].state === 'readable') {
          return readableStreamCancel(source, error);
        }
        return PromiseResolve();
      });
    }
    shutdownWithAnAction(
      () => SafePromiseAll(actions, (action) => action()),
      true,
      error);
  }

  function waitForCurrentWrite() {
    const write = currentWrite;
    return PromisePrototypeThen(
      write,
      () => (write !== currentWrite ? waitForCurrentWrite() : undefined));
  }

  function shutdownWithAnAction(action, originalIsError, originalError) {
    function complete() {
      PromisePrototypeThen(
        action(),
        () => finalize(originalIsError, originalError),
        (error) => finalize(true, error));
    }

    if (shuttingDown) return;
    shuttingDown = true;

    if (dest[kState].state === 'writable' &&
        !writableStreamCloseQueuedOrInFlight(dest)) {
      PromisePrototypeThen(
        waitForCurrentWrite(),
        complete,
        (error) => finalize(true, error));
      return;
    }
    complete();
  }

  function shutdown(isError, error) {
    if (shuttingDown) return;
    shuttingDown = true;

    if (dest[kState].state === 'writable' &&
        !writableStreamCloseQueuedOrInFlight(dest)) {
      PromisePrototypeThen(
        waitForCurrentWrite(),
        () => finalize(isError, error),
        (error) => finalize(true, error));
      return;
    }
    finalize(isError, error);
  }

  function finalize(isError, error) {
    writableStreamDefaultWriterRelease(writer);
    readableStreamReaderGenericRelease(reader);
    if (signal !== undefined) {
      signal.removeEventListener('abort', abortAlgorithm);
    }
    if (isError) {
      promise.reject(error);
    } else {
      promise.resolve();
    }
  }

  function watchErrored(stream, promise, action) {
    if (stream[kState].state === 'errored') {
      action(stream[kState].storedError);
    } else {
      PromisePrototypeThen(promise, undefined, action);
    }
  }

  function watchClosed(stream, promise, action) {
    if (stream[kState].state === 'closed') {
      action();
    } else {
      PromisePrototypeThen(promise, action, () => {});
    }
  }

  // Reads one chunk and starts writing it; resolves true when done.
  function step() {
    if (shuttingDown) return PromiseResolve(true);
    return PromisePrototypeThen(writer[kState].ready.promise, () => {
      const result = createDeferredPromise();
      readableStreamDefaultReaderRead(reader, {
        [kChunk](chunk) {
          currentWrite = writableStreamDefaultWriterWrite(writer, chunk);
          setPromiseHandled(currentWrite);
          result.resolve(false);
        },
        [kClose]() {
          result.resolve(true);
        },
        [kError](error) {
          result.reject(error);
        },
      });
      return result.promise;
    });
  }

  function run() {
    return PromisePrototypeThen(step(), (done) => (done ? undefined : run()));
  }

  if (signal !== undefined) {
    if (signal.aborted) {
      abortAlgorithm();
      return promise.promise;
    }
    signal.addEventListener('abort', abortAlgorithm, { once: true });
  }

  setPromiseHandled(run());

  // Errors propagate forward...
  watchErrored(source, reader[kState].close.promise, (error) => {
    if (!preventAbort) {
      return shutdownWithAnAction(
        () => writableStreamAbort(dest, error),
        true,
        error);
    }
    shutdown(true, error);
  });

  // ...and backward.
  watchErrored(dest, writer[kState].close.promise, (error) => {
    if (!preventCancel) {
      return shutdownWithAnAction(
        () => readableStreamCancel(source, error),
        true,
        error);
    }
    shutdown(true, error);
  });

  // Closing propagates forward...
  watchClosed(source, reader[kState].close.promise, () => {
    if (!preventClose) {
      return shutdownWithAnAction(
        () => writableStreamDefaultWriterCloseWithErrorPropagation(writer));
    }
    shutdown();
  });

  // ...and backward.
  if (writableStreamCloseQueuedOrInFlight(dest) ||
      dest[kState].state === 'closed') {
    const error = new ERR_INVALID_STATE.TypeError(
      'Destination WritableStream is closed');
    if (!preventCancel) {
      shutdownWithAnAction(
        () => readableStreamCancel(source, error), true, error);
    } else {
      shutdown(true, error);
    }
  }

  return promise.promise;
}

function PromiseRejectNow(error) {
  const d = createDeferredPromise();
  d.reject(error);
  return d.promise;
}

/* ReadableStreamTee: two branches over one reader. */
function readableStreamTee(stream, cloneForBranch2) {
  if (isReadableByteStreamController(stream[kState].controller)) {
    return readableByteStreamTee(stream);
  }
  return readableStreamDefaultTee(stream, cloneForBranch2);
}

function readableStreamDefaultTee(stream, cloneForBranch2) {
  const { ReadableStreamDefaultReader, createReadableStream } = lazyClasses();
  const reader = new ReadableStreamDefaultReader(stream);
  let reading = false;
  let readAgain = false;
  let canceled1 = false;
  let canceled2 = false;
  let reason1;
  let reason2;
  let branch1;
  let branch2;
  const cancelPromise = createDeferredPromise();

  function pullAlgorithm() {
    if (reading) {
      readAgain = true;
      return PromiseResolve();
    }
    reading = true;
    readableStreamDefaultReaderRead(reader, {
      [kChunk](value) {
        // Let the read's promise settle before the branches get data.
        queueMicrotask(() => {
          readAgain = false;
          const value1 = value;
          let value2 = value;
          if (!canceled2 && cloneForBranch2) {
            value2 = globalThis.structuredClone(value2);
          }
          if (!canceled1) {
            readableStreamDefaultControllerEnqueue(
              branch1[kState].controller, value1);
          }
          if (!canceled2) {
            readableStreamDefaultControllerEnqueue(
              branch2[kState].controller, value2);
          }
          reading = false;
          if (readAgain) pullAlgorithm();
        });
      },
      [kClose]() {
        reading = false;
        if (!canceled1) {
          readableStreamDefaultControllerClose(branch1[kState].controller);
        }
        if (!canceled2) {
          readableStreamDefaultControllerClose(branch2[kState].controller);
        }
        if (!canceled1 || !canceled2) cancelPromise.resolve();
      },
      [kError]() {
        reading = false;
      },
    });
    return PromiseResolve();
  }

  function cancel1Algorithm(reason) {
    canceled1 = true;
    reason1 = reason;
    if (canceled2) {
      const compositeReason = [reason1, reason2];
      cancelPromise.resolve(readableStreamCancel(stream, compositeReason));
    }
    return cancelPromise.promise;
  }

  function cancel2Algorithm(reason) {
    canceled2 = true;
    reason2 = reason;
    if (canceled1) {
      const compositeReason = [reason1, reason2];
      cancelPromise.resolve(readableStreamCancel(stream, compositeReason));
    }
    return cancelPromise.promise;
  }

  function startAlgorithm() {}

  branch1 = createReadableStream(startAlgorithm, pullAlgorithm,
                                 cancel1Algorithm);
  branch2 = createReadableStream(startAlgorithm, pullAlgorithm,
                                 cancel2Algorithm);

  PromisePrototypeThen(
    reader[kState].close.promise,
    undefined,
    (error) => {
      readableStreamDefaultControllerError(branch1[kState].controller, error);
      readableStreamDefaultControllerError(branch2[kState].controller, error);
      if (!canceled1 || !canceled2) cancelPromise.resolve();
    });

  return [branch1, branch2];
}

/* ReadableByteStreamTee: both branches are byte streams; branch reads
 * may use BYOB readers. */
function readableByteStreamTee(stream) {
  const {
    ReadableStreamDefaultReader,
    ReadableStreamBYOBReader,
    createReadableByteStream,
  } = lazyClasses();
  let reader = new ReadableStreamDefaultReader(stream);
  let reading = false;
  let readAgainForBranch1 = false;
  let readAgainForBranch2 = false;
  let canceled1 = false;
  let canceled2 = false;
  let reason1;
  let reason2;
  let branch1;
  let branch2;
  const cancelPromise = createDeferredPromise();

  function forwardReaderError(thisReader) {
    PromisePrototypeThen(thisReader[kState].close.promise, undefined, (r) => {
      if (thisReader !== reader) return;
      bytes.readableByteStreamControllerError(branch1[kState].controller, r);
      bytes.readableByteStreamControllerError(branch2[kState].controller, r);
      if (!canceled1 || !canceled2) cancelPromise.resolve();
    });
  }

  function enqueueTo(branch, chunk) {
    bytes.readableByteStreamControllerEnqueue(
      branch[kState].controller, chunk);
  }

  function respondClosed(branch) {
    const controller = branch[kState].controller;
    if (controller[kState].pendingPullIntos.length > 0) {
      bytes.readableByteStreamControllerRespond(controller, 0);
    }
  }

  function pullWithDefaultReader() {
    if (isReadableStreamBYOBReader(reader)) {
      readableStreamReaderGenericRelease(reader);
      reader = new ReadableStreamDefaultReader(stream);
      forwardReaderError(reader);
    }
    readableStreamDefaultReaderRead(reader, {
      [kChunk](chunk) {
        queueMicrotask(() => {
          readAgainForBranch1 = false;
          readAgainForBranch2 = false;
          const chunk1 = chunk;
          let chunk2 = chunk;
          if (!canceled1 && !canceled2) {
            try {
              chunk2 = cloneAsUint8Array(chunk);
            } catch (error) {
              bytes.readableByteStreamControllerError(
                branch1[kState].controller, error);
              bytes.readableByteStreamControllerError(
                branch2[kState].controller, error);
              cancelPromise.resolve(readableStreamCancel(stream, error));
              return;
            }
          }
          if (!canceled1) enqueueTo(branch1, chunk1);
          if (!canceled2) enqueueTo(branch2, chunk2);
          reading = false;
          if (readAgainForBranch1) {
            pull1Algorithm();
          } else if (readAgainForBranch2) {
            pull2Algorithm();
          }
        });
      },
      [kClose]() {
        reading = false;
        if (!canceled1) {
          bytes.readableByteStreamControllerClose(branch1[kState].controller);
        }
        if (!canceled2) {
          bytes.readableByteStreamControllerClose(branch2[kState].controller);
        }
        if (!canceled1) respondClosed(branch1);
        if (!canceled2) respondClosed(branch2);
        if (!canceled1 || !canceled2) cancelPromise.resolve();
      },
      [kError]() {
        reading = false;
      },
    });
  }

  function pullWithBYOBReader(view, forBranch2) {
    if (!isReadableStreamBYOBReader(reader)) {
      readableStreamReaderGenericRelease(reader);
      reader = new ReadableStreamBYOBReader(stream);
      forwardReaderError(reader);
    }
    const byobBranch = forBranch2 ? branch2 : branch1;
    const otherBranch = forBranch2 ? branch1 : branch2;
    lazyClasses().readableStreamBYOBReaderRead(reader, view, {
      [kChunk](chunk) {
        queueMicrotask(() => {
          readAgainForBranch1 = false;
          readAgainForBranch2 = false;
          const byobCanceled = forBranch2 ? canceled2 : canceled1;
          const otherCanceled = forBranch2 ? canceled1 : canceled2;
          if (!otherCanceled) {
            let clonedChunk;
            try {
              clonedChunk = cloneAsUint8Array(chunk);
            } catch (error) {
              bytes.readableByteStreamControllerError(
                byobBranch[kState].controller, error);
              bytes.readableByteStreamControllerError(
                otherBranch[kState].controller, error);
              cancelPromise.resolve(readableStreamCancel(stream, error));
              return;
            }
            if (!byobCanceled) {
              bytes.readableByteStreamControllerRespondWithNewView(
                byobBranch[kState].controller, chunk);
            }
            enqueueTo(otherBranch, clonedChunk);
          } else if (!byobCanceled) {
            bytes.readableByteStreamControllerRespondWithNewView(
              byobBranch[kState].controller, chunk);
          }
          reading = false;
          if (readAgainForBranch1) {
            pull1Algorithm();
          } else if (readAgainForBranch2) {
            pull2Algorithm();
          }
        });
      },
      [kClose](chunk) {
        reading = false;
        const byobCanceled = forBranch2 ? canceled2 : canceled1;
        const otherCanceled = forBranch2 ? canceled1 : canceled2;
        if (!byobCanceled) {
          bytes.readableByteStreamControllerClose(
            byobBranch[kState].controller);
        }
        if (!otherCanceled) {
          bytes.readableByteStreamControllerClose(
            otherBranch[kState].controller);
        }
        if (chunk !== undefined) {
          if (!byobCanceled) {
            bytes.readableByteStreamControllerRespondWithNewView(
              byobBranch[kState].controller, chunk);
          }
          if (!otherCanceled) respondClosed(otherBranch);
        }
        if (!byobCanceled || !otherCanceled) cancelPromise.resolve();
      },
      [kError]() {
        reading = false;
      },
    });
  }

  function pull1Algorithm() {
    if (reading) {
      readAgainForBranch1 = true;
      return PromiseResolve();
    }
    reading = true;
    const byobRequest = bytes.readableByteStreamControllerGetBYOBRequest(
      branch1[kState].controller);
    if (byobRequest === null) {
      pullWithDefaultReader();
    } else {
      pullWithBYOBReader(byobRequest[kState].view, false);
    }
    return PromiseResolve();
  }

  function pull2Algorithm() {
    if (reading) {
      readAgainForBranch2 = true;
      return PromiseResolve();
    }
    reading = true;
    const byobRequest = bytes.readableByteStreamControllerGetBYOBRequest(
      branch2[kState].controller);
    if (byobRequest === null) {
      pullWithDefaultReader();
    } else {
      pullWithBYOBReader(byobRequest[kState].view, true);
    }
    return PromiseResolve();
  }

  function cancel1Algorithm(reason) {
    canceled1 = true;
    reason1 = reason;
    if (canceled2) {
      cancelPromise.resolve(readableStreamCancel(stream, [reason1, reason2]));
    }
    return cancelPromise.promise;
  }

  function cancel2Algorithm(reason) {
    canceled2 = true;
    reason2 = reason;
    if (canceled1) {
      cancelPromise.resolve(readableStreamCancel(stream, [reason1, reason2]));
    }
    return cancelPromise.promise;
  }

  function startAlgorithm() {}

  branch1 = createReadableByteStream(
    startAlgorithm, pull1Algorithm, cancel1Algorithm);
  branch2 = createReadableByteStream(
    startAlgorithm, pull2Algorithm, cancel2Algorithm);

  forwardReaderError(reader);

  return [branch1, branch2];
}

module.exports = {
  readableStreamPipeTo,
  readableStreamTee,
};
