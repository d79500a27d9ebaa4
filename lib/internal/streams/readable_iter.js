'use strict';
// internal/streams/readable_iter.js - the parts of Readable built on its
// public surface: async iteration and wrap() of old-style streams.

const {
  FunctionPrototypeBind,
  ObjectKeys,
  Promise,
} = primordials;

const { aggregateTwoErrors } = require('internal/errors');
const { validateObject } = require('internal/validators');
const eos = require('internal/streams/end-of-stream');
const destroyImpl = require('internal/streams/destroy');
const Readable = require('internal/streams/readable');

function nop() {}

/* wrap(readable, stream): readable reads from the old-style `stream`. */
function wrap(readable, stream) {
  let paused = false;

  stream.on('data', (chunk) => {
    if (!readable.push(chunk) && stream.pause) {
      paused = true;
      stream.pause();
    }
  });

  stream.on('end', () => {
    readable.push(null);
  });

  stream.on('error', (err) => {
    destroyImpl.errorOrDestroy(readable, err);
  });

  stream.on('close', () => {
    readable.destroy();
  });

  stream.on('destroy', () => {
    readable.destroy();
  });

  readable._read = () => {
    if (paused && stream.resume) {
      paused = false;
      stream.resume();
    }
  };

  // Proxy the wrapped stream's methods readable lacks (Node skips the
  // first own key).
  const streamKeys = ObjectKeys(stream);
  for (let j = 1; j < streamKeys.length; j++) {
    const i = streamKeys[j];
    if (readable[i] === undefined && typeof stream[i] === 'function') {
      readable[i] = FunctionPrototypeBind(stream[i], stream);
    }
  }

  return readable;
}

/* An async generator over stream's chunks; the generator has .stream. */
function streamToAsyncIterator(stream, options) {
  if (options !== undefined) validateObject(options, 'options');
  if (typeof stream.read !== 'function') {
    stream = Readable.wrap(stream, { objectMode: true });
  }
  const iter = createAsyncIterator(stream, options);
  iter.stream = stream;
  return iter;
}

async function* createAsyncIterator(stream, options) {
  let callback = nop;

  // As 'readable' listener (this === stream) wakes the waiting next();
  // as a promise executor, parks its resolve function.
  function next(resolve) {
    if (this === stream) {
      callback();
      callback = nop;
    } else {
      callback = resolve;
    }
  }

  stream.on('readable', next);

  let error;
  const cleanup = eos(stream, { writable: false }, (err) => {
    error = err ? aggregateTwoErrors(error, err) : null;
    callback();
    callback = nop;
  });

  try {
    while (true) {
      const chunk = stream.destroyed ? null : stream.read();
      if (chunk !== null) {
        yield chunk;
      } else if (error) {
        throw error;
      } else if (error === null) {
        return;
      } else {
        await new Promise(next);
      }
    }
  } catch (err) {
    error = aggregateTwoErrors(error, err);
    throw error;
  } finally {
    if (
      (error || options?.destroyOnReturn !== false) &&
      (error === undefined || stream._readableState.autoDestroy)
    ) {
      destroyImpl.destroyer(stream, null);
    } else {
      stream.off('readable', next);
      cleanup();
    }
  }
}

module.exports = {
  streamToAsyncIterator,
  wrap,
};
