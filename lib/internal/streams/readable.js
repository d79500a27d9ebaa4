'use strict';
// internal/streams/readable.js - stream.Readable: buffering, paused and
// flowing modes, 'readable'/'data'/'end', pipe() and async iteration.

const {
  ArrayPrototypeIndexOf,
  ArrayPrototypePush,
  ArrayPrototypeSplice,
  NumberIsInteger,
  NumberIsNaN,
  NumberParseInt,
  ObjectDefineProperties,
  ObjectSetPrototypeOf,
  Promise,
  SafeSet,
  SymbolAsyncIterator,
  Symbol,
} = primordials;

module.exports = Readable;
Readable.ReadableState = ReadableState;

const EE = require('events');
const { Stream, prependListener } = require('internal/streams/legacy');
const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer');
const { isUint8Array } = require('internal/util/types');

const { addAbortSignal } = require('internal/streams/add-abort-signal');
const eos = require('internal/streams/end-of-stream');
const destroyImpl = require('internal/streams/destroy');
const {
  getHighWaterMark,
  getDefaultHighWaterMark,
} = require('internal/streams/state');
const BufferList = require('internal/streams/buffer_list');
const { kPipedChunkWritten } = require('internal/streams/utils');

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_OUT_OF_RANGE,
    ERR_STREAM_PUSH_AFTER_EOF,
    ERR_STREAM_UNSHIFT_AFTER_END_EVENT,
  },
  AbortError,
} = require('internal/errors');

const kPaused = Symbol('kPaused');
const SymbolAsyncDispose = primordials.SymbolAsyncDispose ??
  Symbol.asyncDispose ?? Symbol.for('nodejs.asyncDispose');

let StringDecoder;
let from;
let iter;

function lazyIter() {
  iter ??= require('internal/streams/readable_iter');
  return iter;
}
let Duplex;

function lazyDuplex() {
  Duplex ??= require('internal/streams/duplex');
  return Duplex;
}

ObjectSetPrototypeOf(Readable.prototype, Stream.prototype);
ObjectSetPrototypeOf(Readable, Stream);
function nop() {}

// A Buffer viewing the same memory as the Uint8Array `chunk`.
function uint8ArrayToBuffer(chunk) {
  return new FastBuffer(chunk.buffer, chunk.byteOffset, chunk.byteLength);
}

const { errorOrDestroy } = destroyImpl;

// Boolean fields of ReadableState live as bits of `state.state`.
const kObjectMode = 1 << 0;
const kEnded = 1 << 1;
const kEndEmitted = 1 << 2;
const kReading = 1 << 3;
const kConstructed = 1 << 4;
const kSync = 1 << 5;
const kNeedReadable = 1 << 6;
const kEmittedReadable = 1 << 7;
const kReadableListening = 1 << 8;
const kResumeScheduled = 1 << 9;
const kErrorEmitted = 1 << 10;
const kEmitClose = 1 << 11;
const kAutoDestroy = 1 << 12;
const kDestroyed = 1 << 13;
const kClosed = 1 << 14;
const kCloseEmitted = 1 << 15;
const kMultiAwaitDrain = 1 << 16;
const kReadingMore = 1 << 17;
const kDataEmitted = 1 << 18;

function makeBitMapDescriptor(bit) {
  return {
    enumerable: false,
    get() { return (this.state & bit) !== 0; },
    set(value) {
      if (value) this.state |= bit;
      else this.state &= ~bit;
    },
  };
}

ObjectDefineProperties(ReadableState.prototype, {
  objectMode: makeBitMapDescriptor(kObjectMode),
  ended: makeBitMapDescriptor(kEnded),
  endEmitted: makeBitMapDescriptor(kEndEmitted),
  reading: makeBitMapDescriptor(kReading),
  // Stream is still being constructed and cannot be destroyed until
  // construction completes or fails.
  constructed: makeBitMapDescriptor(kConstructed),
  // Set while _read() runs synchronously: 'readable' and 'data' are then
  // deferred to a later tick.
  sync: makeBitMapDescriptor(kSync),
  // Whether a 'readable' event is wanted once data arrives.
  needReadable: makeBitMapDescriptor(kNeedReadable),
  emittedReadable: makeBitMapDescriptor(kEmittedReadable),
  readableListening: makeBitMapDescriptor(kReadableListening),
  resumeScheduled: makeBitMapDescriptor(kResumeScheduled),
  errorEmitted: makeBitMapDescriptor(kErrorEmitted),
  emitClose: makeBitMapDescriptor(kEmitClose),
  autoDestroy: makeBitMapDescriptor(kAutoDestroy),
  destroyed: makeBitMapDescriptor(kDestroyed),
  closed: makeBitMapDescriptor(kClosed),
  closeEmitted: makeBitMapDescriptor(kCloseEmitted),
  multiAwaitDrain: makeBitMapDescriptor(kMultiAwaitDrain),
  // Set while maybeReadMore is scheduled or running.
  readingMore: makeBitMapDescriptor(kReadingMore),
  dataEmitted: makeBitMapDescriptor(kDataEmitted),
});

/* The internal state of a Readable (stream._readableState). */
function ReadableState(options, stream, isDuplex) {
  // Duplex streams are both readable and writable, and share the same
  // options object; readableObjectMode configures only this side.
  if (typeof isDuplex !== 'boolean') {
    isDuplex = stream instanceof lazyDuplex();
  }

  this.state = kEmitClose | kAutoDestroy | kConstructed | kSync;

  if (options && options.objectMode) this.state |= kObjectMode;
  if (isDuplex && options && options.readableObjectMode) {
    this.state |= kObjectMode;
  }

  this.highWaterMark = options ?
    getHighWaterMark(this, options, 'readableHighWaterMark', isDuplex) :
    getDefaultHighWaterMark(false);

  this.buffer = new BufferList();
  this.length = 0;
  this.pipes = [];
  // null: never set; true: flowing; false: paused explicitly.
  this.flowing = null;
  this[kPaused] = null;

  if (options && options.emitClose === false) this.state &= ~kEmitClose;
  if (options && options.autoDestroy === false) this.state &= ~kAutoDestroy;

  this.errored = null;

  // The encoding strings are converted with, when none is given to push().
  this.defaultEncoding = (options && options.defaultEncoding) || 'utf8';

  // The destination(s) a pipe() is waiting on for 'drain': one Writable,
  // or a Set of them when piping to several.
  this.awaitDrainWriters = null;

  this.decoder = null;
  this.encoding = null;
  if (options && options.encoding) {
    if (!StringDecoder) StringDecoder = require('string_decoder').StringDecoder;
    this.decoder = new StringDecoder(options.encoding);
    this.encoding = options.encoding;
  }
}

ObjectDefineProperties(ReadableState.prototype, {
  pipesCount: {
    __proto__: null,
    get() { return this.pipes.length; },
  },
  paused: {
    __proto__: null,
    get() { return this[kPaused] !== false; },
    set(value) { this[kPaused] = !!value; },
  },
});

/* new Readable([options]): options.read/destroy/construct become _read,
 * _destroy and _construct; options.signal destroys the stream on abort. */
function Readable(options) {
  if (!(this instanceof Readable)) return new Readable(options);

  const isDuplex = this instanceof lazyDuplex();

  this._readableState = new ReadableState(options, this, isDuplex);

  if (options) {
    if (typeof options.read === 'function') this._read = options.read;
    if (typeof options.destroy === 'function') this._destroy = options.destroy;
    if (typeof options.construct === 'function') {
      this._construct = options.construct;
    }
    if (options.signal && !isDuplex) addAbortSignal(options.signal, this);
  }

  Stream.call(this, options);

  destroyImpl.construct(this, () => {
    if (this._readableState.needReadable) {
      maybeReadMore(this, this._readableState);
    }
  });
}

Readable.prototype.destroy = destroyImpl.destroy;
Readable.prototype._undestroy = destroyImpl.undestroy;
Readable.prototype._destroy = function(err, cb) {
  cb(err);
};

Readable.prototype[EE.captureRejectionSymbol] = function(err) {
  this.destroy(err);
};

Readable.prototype[SymbolAsyncDispose] = function() {
  let error;
  if (!this.destroyed) {
    error = this.readableEnded ? null : new AbortError();
    this.destroy(error);
  }
  return new Promise((resolve, reject) => eos(this, (err) => {
    if (err && err !== error) reject(err);
    else resolve(null);
  }));
};

/* push(chunk[, encoding]) -> whether more data may be pushed now.
 * push(null) signals the end of the data. */
Readable.prototype.push = function(chunk, encoding) {
  return readableAddChunk(this, chunk, encoding, false);
};

/* unshift(chunk[, encoding]): puts data back at the front of the buffer. */
Readable.prototype.unshift = function(chunk, encoding) {
  return readableAddChunk(this, chunk, encoding, true);
};

function readableAddChunk(stream, chunk, encoding, addToFront) {
  const state = stream._readableState;

  let err;
  if ((state.state & kObjectMode) === 0) {
    if (typeof chunk === 'string') {
      encoding = encoding || state.defaultEncoding;
      if (state.encoding !== encoding) {
        if (addToFront && state.encoding) {
          // Unshifted strings must match what read() returns.
          chunk = Buffer.from(chunk, encoding).toString(state.encoding);
        } else {
          chunk = Buffer.from(chunk, encoding);
          encoding = '';
        }
      }
    } else if (chunk instanceof Buffer) {
      encoding = '';
    } else if (isUint8Array(chunk)) {
      chunk = uint8ArrayToBuffer(chunk);
      encoding = '';
    } else if (chunk != null) {
      err = new ERR_INVALID_ARG_TYPE(
        'chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
    }
  }

  if (err) {
    errorOrDestroy(stream, err);
  } else if (chunk === null) {
    state.state &= ~kReading;
    onEofChunk(stream, state);
  } else if ((state.state & kObjectMode) !== 0 ||
             (chunk && chunk.length > 0)) {
    if (addToFront) {
      if ((state.state & kEndEmitted) !== 0) {
        errorOrDestroy(stream, new ERR_STREAM_UNSHIFT_AFTER_END_EVENT());
      } else if ((state.state & kDestroyed) !== 0 || state.errored) {
        return false;
      } else {
        addChunk(stream, state, chunk, true);
      }
    } else if ((state.state & kEnded) !== 0) {
      errorOrDestroy(stream, new ERR_STREAM_PUSH_AFTER_EOF());
    } else if ((state.state & kDestroyed) !== 0 || state.errored) {
      return false;
    } else {
      state.state &= ~kReading;
      if (state.decoder !== null && !encoding) {
        chunk = state.decoder.write(chunk);
        if ((state.state & kObjectMode) !== 0 || chunk.length !== 0) {
          addChunk(stream, state, chunk, false);
        } else {
          maybeReadMore(stream, state);
        }
      } else {
        addChunk(stream, state, chunk, false);
      }
    }
  } else if (!addToFront) {
    state.state &= ~kReading;
    maybeReadMore(stream, state);
  }

  // More may be pushed while below the highWaterMark, or while empty (so
  // that a highWaterMark of 0 still lets data through).
  return (state.state & kEnded) === 0 &&
    (state.length < state.highWaterMark || state.length === 0);
}

function addChunk(stream, state, chunk, addToFront) {
  if (state.flowing && state.length === 0 &&
      (state.state & kSync) === 0 &&
      stream.listenerCount('data') > 0) {
    // Flowing with an empty buffer: hand the chunk straight to 'data'.
    if ((state.state & kMultiAwaitDrain) !== 0) {
      state.awaitDrainWriters.clear();
    } else {
      state.awaitDrainWriters = null;
    }
    state.state |= kDataEmitted;
    stream.emit('data', chunk);
  } else {
    state.length += (state.state & kObjectMode) !== 0 ? 1 : chunk.length;
    if (addToFront) {
      state.buffer.unshift(chunk);
    } else {
      state.buffer.push(chunk);
    }
    if ((state.state & kNeedReadable) !== 0) emitReadable(stream);
  }
  maybeReadMore(stream, state);
}

Readable.prototype.isPaused = function() {
  const state = this._readableState;
  return state[kPaused] === true || state.flowing === false;
};

/* setEncoding(enc): read() and 'data' yield strings decoded as `enc`. */
Readable.prototype.setEncoding = function(enc) {
  if (!StringDecoder) StringDecoder = require('string_decoder').StringDecoder;
  const decoder = new StringDecoder(enc);
  const state = this._readableState;
  state.decoder = decoder;
  // The decoder normalises the name ('UTF-8' -> 'utf8').
  state.encoding = decoder.encoding;

  // Re-decode what is already buffered.
  const buffer = state.buffer;
  let content = '';
  for (const data of buffer) {
    content += decoder.write(data);
  }
  buffer.clear();
  if (content !== '') buffer.push(content);
  state.length = content.length;
  return this;
};

// Don't raise the highWaterMark above 1 GiB.
const MAX_HWM = 0x40000000;
function computeNewHighWaterMark(n) {
  if (n > MAX_HWM) {
    throw new ERR_OUT_OF_RANGE('size', '<= 1GiB', n);
  }
  // Next power of two, to avoid growing in tiny steps.
  n--;
  n |= n >>> 1;
  n |= n >>> 2;
  n |= n >>> 4;
  n |= n >>> 8;
  n |= n >>> 16;
  n++;
  return n;
}

// How many bytes (or objects) a read(n) call may return.
function howMuchToRead(n, state) {
  if (n <= 0 || (state.length === 0 && (state.state & kEnded) !== 0)) {
    return 0;
  }
  if ((state.state & kObjectMode) !== 0) return 1;
  if (NumberIsNaN(n)) {
    // Everything, or only the first chunk when flowing.
    if (state.flowing && state.length) return state.buffer.first().length;
    return state.length;
  }
  if (n <= state.length) return n;
  return (state.state & kEnded) !== 0 ? state.length : 0;
}

/* read([size]) -> chunk or null. Takes data from the buffer and asks
 * _read() for more when below the highWaterMark. */
Readable.prototype.read = function(n) {
  // read(0) only triggers a refill; read() returns whatever is buffered.
  if (n === undefined) {
    n = NaN;
  } else if (!NumberIsInteger(n)) {
    n = NumberParseInt(n, 10);
  }
  const state = this._readableState;
  const nOrig = n;

  if (n > state.highWaterMark) {
    state.highWaterMark = computeNewHighWaterMark(n);
  }

  if (n !== 0) state.state &= ~kEmittedReadable;

  // read(0) with enough data buffered (or at EOF) just emits 'readable'.
  if (n === 0 &&
      (state.state & kNeedReadable) !== 0 &&
      ((state.highWaterMark !== 0 ?
        state.length >= state.highWaterMark :
        state.length > 0) ||
       (state.state & kEnded) !== 0)) {
    if (state.length === 0 && (state.state & kEnded) !== 0) {
      endReadable(this);
    } else {
      emitReadable(this);
    }
    return null;
  }

  n = howMuchToRead(n, state);

  if (n === 0 && (state.state & kEnded) !== 0) {
    if (state.length === 0) endReadable(this);
    return null;
  }

  // Call _read() when below the highWaterMark after this read, unless
  // ended, already reading, destroyed, errored or not yet constructed.
  let doRead = (state.state & kNeedReadable) !== 0;
  if (state.length === 0 || state.length - n < state.highWaterMark) {
    doRead = true;
  }

  if ((state.state & (kEnded | kReading | kDestroyed)) !== 0 ||
      state.errored || (state.state & kConstructed) === 0) {
    doRead = false;
  } else if (doRead) {
    state.state |= kReading | kSync;
    if (state.length === 0) state.state |= kNeedReadable;
    try {
      this._read(state.highWaterMark);
    } catch (error) {
      errorOrDestroy(this, error);
    }
    state.state &= ~kSync;
    // A synchronous push() may have changed how much is available.
    if ((state.state & kReading) === 0) n = howMuchToRead(nOrig, state);
  }

  let ret;
  if (n > 0) {
    ret = fromList(n, state);
  } else {
    ret = null;
  }

  if (ret === null) {
    if (state.length <= state.highWaterMark) {
      state.state |= kNeedReadable;
    } else {
      state.state &= ~kNeedReadable;
    }
    n = 0;
  } else {
    state.length -= n;
    if ((state.state & kMultiAwaitDrain) !== 0) {
      state.awaitDrainWriters.clear();
    } else {
      state.awaitDrainWriters = null;
    }
  }

  if (state.length === 0) {
    // Nothing left: ask for 'readable' once something arrives.
    if ((state.state & kEnded) === 0) state.state |= kNeedReadable;
    // Reading to EOF in one go ends the stream.
    if (nOrig !== n && (state.state & kEnded) !== 0) endReadable(this);
  }

  if (ret !== null && (state.state & (kErrorEmitted | kCloseEmitted)) === 0) {
    state.state |= kDataEmitted;
    this.emit('data', ret);
  }

  return ret;
};

function onEofChunk(stream, state) {
  if ((state.state & kEnded) !== 0) return;
  if (state.decoder) {
    const chunk = state.decoder.end();
    if (chunk && chunk.length) {
      state.buffer.push(chunk);
      state.length += (state.state & kObjectMode) !== 0 ? 1 : chunk.length;
    }
  }
  state.state |= kEnded;

  if ((state.state & kSync) !== 0) {
    // Inside _read(): let the caller finish before 'readable'.
    emitReadable(stream);
  } else {
    state.state &= ~kNeedReadable;
    state.state |= kEmittedReadable;
    emitReadable_(stream);
  }
}

// Schedules a 'readable' event (at most one pending at a time).
function emitReadable(stream) {
  const state = stream._readableState;
  state.state &= ~kNeedReadable;
  if ((state.state & kEmittedReadable) === 0) {
    state.state |= kEmittedReadable;
    process.nextTick(emitReadable_, stream);
  }
}

function emitReadable_(stream) {
  const state = stream._readableState;
  if ((state.state & kDestroyed) === 0 && !state.errored &&
      (state.length || (state.state & kEnded) !== 0)) {
    stream.emit('readable');
    state.state &= ~kEmittedReadable;
  }

  // Another 'readable' is wanted unless flowing, ended or over the mark.
  if (!state.flowing && (state.state & kEnded) === 0 &&
      state.length <= state.highWaterMark) {
    state.state |= kNeedReadable;
  } else {
    state.state &= ~kNeedReadable;
  }
  flow(stream);
}

// Prefetch up to the highWaterMark on a later tick, so data is ready when
// the consumer asks.
function maybeReadMore(stream, state) {
  if ((state.state & (kReadingMore | kConstructed)) === kConstructed) {
    state.state |= kReadingMore;
    process.nextTick(maybeReadMore_, stream, state);
  }
}

function maybeReadMore_(stream, state) {
  // Keep calling read(0) while it makes progress and we are below the
  // mark (or flowing with nothing buffered, where the mark is moot).
  while ((state.state & (kReading | kEnded)) === 0 &&
         (state.length < state.highWaterMark ||
          (state.flowing && state.length === 0))) {
    const len = state.length;
    stream.read(0);
    if (len === state.length) break;
  }
  state.state &= ~kReadingMore;
}

/* _read(size): implementations call push(); the default throws. */
Readable.prototype._read = function(n) {
  throw new ERR_METHOD_NOT_IMPLEMENTED('_read()');
};

/* pipe(dest[, { end }]) -> dest. Writes everything to dest with
 * backpressure; ends dest at 'end' unless end === false (or stdio). */
Readable.prototype.pipe = function(dest, pipeOpts) {
  const src = this;
  const state = this._readableState;

  if (state.pipes.length === 1) {
    if ((state.state & kMultiAwaitDrain) === 0) {
      state.state |= kMultiAwaitDrain;
      state.awaitDrainWriters = new SafeSet(
        state.awaitDrainWriters ? [state.awaitDrainWriters] : [],
      );
    }
  }

  ArrayPrototypePush(state.pipes, dest);

  const doEnd = (!pipeOpts || pipeOpts.end !== false) &&
              dest !== process.stdout &&
              dest !== process.stderr;

  const endFn = doEnd ? onend : unpipe;
  if ((state.state & kEndEmitted) !== 0) {
    process.nextTick(endFn);
  } else {
    src.once('end', endFn);
  }

  dest.on('unpipe', onunpipe);
  function onunpipe(readable, unpipeInfo) {
    if (readable === src) {
      if (unpipeInfo && unpipeInfo.hasUnpiped === false) {
        unpipeInfo.hasUnpiped = true;
        cleanup();
      }
    }
  }

  function onend() {
    dest.end();
  }

  let ondrain;

  let cleanedUp = false;
  function cleanup() {
    dest.removeListener('close', onclose);
    dest.removeListener('finish', onfinish);
    if (ondrain) dest.removeListener('drain', ondrain);
    dest.removeListener('error', onerror);
    dest.removeListener('unpipe', onunpipe);
    src.removeListener('end', onend);
    src.removeListener('end', unpipe);
    src.removeListener('data', ondata);

    cleanedUp = true;

    // A 'drain' this pipe was waiting for will never come now.
    if (ondrain && state.awaitDrainWriters &&
        (!dest._writableState || dest._writableState.needDrain)) {
      ondrain();
    }
  }

  function pause() {
    if (!cleanedUp) {
      if (state.pipes.length === 1 && state.pipes[0] === dest) {
        state.awaitDrainWriters = dest;
        state.state &= ~kMultiAwaitDrain;
      } else if (state.pipes.length > 1 &&
                 ArrayPrototypeIndexOf(state.pipes, dest) !== -1) {
        state.awaitDrainWriters.add(dest);
      }
      src.pause();
    }
    if (!ondrain) {
      // Installed lazily: only once dest pushed back at least once.
      ondrain = pipeOnDrain(src, dest);
      dest.on('drain', ondrain);
    }
  }

  src.on('data', ondata);
  function ondata(chunk) {
    const ret = dest.write(chunk);
    if (ret === false) pause();
    if (src[kPipedChunkWritten] !== undefined) {
      src[kPipedChunkWritten](chunk, dest);
    }
  }

  // Unpipe on dest errors; rethrow only when nobody else listens.
  function onerror(er) {
    unpipe();
    dest.removeListener('error', onerror);
    if (dest.listenerCount('error') === 0) {
      const s = dest._writableState || dest._readableState;
      if (s && !s.errorEmitted) {
        errorOrDestroy(dest, er);
      } else {
        dest.emit('error', er);
      }
    }
  }

  // Runs before the user's handlers.
  prependListener(dest, 'error', onerror);

  function onclose() {
    dest.removeListener('finish', onfinish);
    unpipe();
  }
  dest.once('close', onclose);
  function onfinish() {
    dest.removeListener('close', onclose);
    unpipe();
  }
  dest.once('finish', onfinish);

  function unpipe() {
    src.unpipe(dest);
  }

  dest.emit('pipe', src);

  if (dest.writableNeedDrain === true) {
    // Wait for dest's 'drain' even when not flowing yet.
    pause();
  } else if (!state.flowing) {
    src.resume();
  }

  return dest;
};

function pipeOnDrain(src, dest) {
  return function pipeOnDrainFunctionResult() {
    const state = src._readableState;
    if (state.awaitDrainWriters === dest) {
      state.awaitDrainWriters = null;
    } else if ((state.state & kMultiAwaitDrain) !== 0) {
      state.awaitDrainWriters.delete(dest);
    }

    if ((!state.awaitDrainWriters || state.awaitDrainWriters.size === 0) &&
        src.listenerCount('data')) {
      src.resume();
    }
  };
}

/* unpipe([dest]): stops piping to dest (or to all destinations). */
Readable.prototype.unpipe = function(dest) {
  const state = this._readableState;
  const unpipeInfo = { hasUnpiped: false };

  if (state.pipes.length === 0) return this;

  if (!dest) {
    const dests = state.pipes;
    state.pipes = [];
    this.pause();

    for (let i = 0; i < dests.length; i++) {
      dests[i].emit('unpipe', this, { hasUnpiped: false });
    }
    return this;
  }

  const index = ArrayPrototypeIndexOf(state.pipes, dest);
  if (index === -1) return this;

  ArrayPrototypeSplice(state.pipes, index, 1);

  if (state.pipes.length === 0) this.pause();

  dest.emit('unpipe', this, unpipeInfo);

  return this;
};

/* Adding a 'data' listener starts the flow (unless paused explicitly);
 * adding a 'readable' listener switches to paused mode. */
Readable.prototype.on = function(ev, fn) {
  const res = Stream.prototype.on.call(this, ev, fn);
  const state = this._readableState;

  if (ev === 'data') {
    if (this.listenerCount('readable') > 0) {
      state.state |= kReadableListening;
    } else {
      state.state &= ~kReadableListening;
    }
    if (state.flowing !== false) this.resume();
  } else if (ev === 'readable') {
    if ((state.state & (kEndEmitted | kReadableListening)) === 0) {
      state.state |= kReadableListening | kNeedReadable;
      state.flowing = false;
      state.state &= ~kEmittedReadable;
      if (state.length) {
        emitReadable(this);
      } else if ((state.state & kReading) === 0) {
        process.nextTick(nReadingNextTick, this);
      }
    }
  }

  return res;
};
Readable.prototype.addListener = Readable.prototype.on;

Readable.prototype.removeListener = function(ev, fn) {
  const res = Stream.prototype.removeListener.call(this, ev, fn);
  if (ev === 'readable') {
    // Later, so that a listener added in the same tick keeps paused mode.
    process.nextTick(updateReadableListening, this);
  }
  return res;
};
Readable.prototype.off = Readable.prototype.removeListener;

Readable.prototype.removeAllListeners = function(ev) {
  const res = Stream.prototype.removeAllListeners.apply(this, arguments);
  if (ev === 'readable' || ev === undefined) {
    process.nextTick(updateReadableListening, this);
  }
  return res;
};

function updateReadableListening(self) {
  const state = self._readableState;
  if (self.listenerCount('readable') > 0) {
    state.state |= kReadableListening;
  } else {
    state.state &= ~kReadableListening;
  }

  if ((state.state & kResumeScheduled) !== 0 && state[kPaused] === false) {
    // A resume() is pending: flowing again.
    state.flowing = true;
  } else if (self.listenerCount('data') > 0) {
    self.resume();
  } else if ((state.state & kReadableListening) === 0) {
    state.flowing = null;
  }
}

function nReadingNextTick(self) {
  self.read(0);
}

/* resume(): switches to flowing mode ('data' events). */
Readable.prototype.resume = function() {
  const state = this._readableState;
  if (!state.flowing) {
    // With 'readable' listeners, resume() only schedules; they keep the
    // stream paused.
    state.flowing = (state.state & kReadableListening) === 0;
    resume(this, state);
  }
  state[kPaused] = false;
  return this;
};

function resume(stream, state) {
  if ((state.state & kResumeScheduled) === 0) {
    state.state |= kResumeScheduled;
    process.nextTick(resume_, stream, state);
  }
}

function resume_(stream, state) {
  if ((state.state & kReading) === 0) stream.read(0);
  state.state &= ~kResumeScheduled;
  stream.emit('resume');
  flow(stream);
  if (state.flowing && (state.state & kReading) === 0) stream.read(0);
}

/* pause(): stops 'data' events; data stays buffered. */
Readable.prototype.pause = function() {
  const state = this._readableState;
  if (state.flowing !== false) {
    state.flowing = false;
    this.emit('pause');
  }
  state[kPaused] = true;
  return this;
};

function flow(stream) {
  const state = stream._readableState;
  while (state.flowing && stream.read() !== null);
}

/* wrap(stream): makes this Readable read from an old-style stream. */
/* wrap(stream): makes this Readable read from an old-style stream. */
Readable.prototype.wrap = function(stream) {
  return lazyIter().wrap(this, stream);
};

Readable.prototype[SymbolAsyncIterator] = function() {
  return lazyIter().streamToAsyncIterator(this);
};

/* iterator([{ destroyOnReturn }]): an async iterator over the chunks;
 * breaking out destroys the stream unless destroyOnReturn is false. */
Readable.prototype.iterator = function(options) {
  return lazyIter().streamToAsyncIterator(this, options);
};

ObjectDefineProperties(Readable.prototype, {
  readable: {
    __proto__: null,
    get() {
      const r = this._readableState;
      // readable is false once ended, destroyed or errored, and stays
      // settable for compatibility with code that assigns it.
      return !!r && r.readable !== false && !r.destroyed &&
        !r.errorEmitted && !r.endEmitted;
    },
    set(val) {
      if (this._readableState) {
        this._readableState.readable = !!val;
      }
    },
  },

  readableDidRead: {
    __proto__: null,
    enumerable: false,
    get: function() {
      return this._readableState.dataEmitted;
    },
  },

  readableAborted: {
    __proto__: null,
    enumerable: false,
    get: function() {
      return !!(
        this._readableState.readable !== false &&
        (this._readableState.destroyed || this._readableState.errored) &&
        !this._readableState.endEmitted
      );
    },
  },

  readableHighWaterMark: {
    __proto__: null,
    enumerable: false,
    get: function() {
      return this._readableState.highWaterMark;
    },
  },

  readableBuffer: {
    __proto__: null,
    enumerable: false,
    get: function() {
      return this._readableState && this._readableState.buffer;
    },
  },

  readableFlowing: {
    __proto__: null,
    enumerable: false,
    get: function() {
      return this._readableState.flowing;
    },
    set: function(state) {
      if (this._readableState) {
        this._readableState.flowing = state;
      }
    },
  },

  readableLength: {
    __proto__: null,
    enumerable: false,
    get() {
      return this._readableState.length;
    },
  },

  readableObjectMode: {
    __proto__: null,
    enumerable: false,
    get() {
      return this._readableState ? this._readableState.objectMode : false;
    },
  },

  readableEncoding: {
    __proto__: null,
    enumerable: false,
    get() {
      return this._readableState ? this._readableState.encoding : null;
    },
  },

  errored: {
    __proto__: null,
    enumerable: false,
    get() {
      return this._readableState ? this._readableState.errored : null;
    },
  },

  closed: {
    __proto__: null,
    get() {
      return this._readableState ? this._readableState.closed : false;
    },
  },

  destroyed: {
    __proto__: null,
    enumerable: false,
    get() {
      return this._readableState ? this._readableState.destroyed : false;
    },
    set(value) {
      // Backward compatibility: the value can be set explicitly.
      if (!this._readableState) return;
      this._readableState.destroyed = value;
    },
  },

  readableEnded: {
    __proto__: null,
    enumerable: false,
    get() {
      return this._readableState ? this._readableState.endEmitted : false;
    },
  },

});

// Exposed for testing purposes only.
Readable._fromList = fromList;

// Takes n bytes/characters (or one object) off the buffer. The caller
// has already checked that n is available.
function fromList(n, state) {
  if (state.length === 0) return null;

  let ret;
  if ((state.state & kObjectMode) !== 0) {
    ret = state.buffer.shift();
  } else if (!n || n >= state.length) {
    // Everything.
    if (state.decoder) {
      ret = state.buffer.join('');
    } else if (state.buffer.length === 1) {
      ret = state.buffer.first();
    } else {
      ret = state.buffer.concat(state.length);
    }
    state.buffer.clear();
  } else {
    ret = state.buffer.consume(n, state.decoder);
  }

  return ret;
}

function endReadable(stream) {
  const state = stream._readableState;
  if ((state.state & kEndEmitted) === 0) {
    state.state |= kEnded;
    process.nextTick(endReadableNT, state, stream);
  }
}

function endReadableNT(state, stream) {
  // 'end' only when nothing is left and nothing went wrong.
  if (!state.errored &&
      (state.state & (kCloseEmitted | kEndEmitted)) === 0 &&
      state.length === 0) {
    state.state |= kEndEmitted;
    stream.emit('end');

    if (stream.writable && stream.allowHalfOpen === false) {
      process.nextTick(endWritableNT, stream);
    } else if ((state.state & kAutoDestroy) !== 0) {
      // Destroy now unless the writable side still has work to do.
      const wState = stream._writableState;
      const autoDestroy = !wState || (
        wState.autoDestroy &&
        (wState.finished || wState.writable === false)
      );

      if (autoDestroy) stream.destroy();
    }
  }
}

function endWritableNT(stream) {
  const writable = stream.writable && !stream.writableEnded &&
    !stream.destroyed;
  if (writable) stream.end();
}

/* Readable.from(iterable[, options]): a Readable yielding its items. */
Readable.from = function(iterable, opts) {
  if (from === undefined) from = require('internal/streams/from');
  return from(Readable, iterable, opts);
};

let webStreamsAdapters;

function lazyWebStreams() {
  if (webStreamsAdapters === undefined) {
    webStreamsAdapters = require('internal/webstreams/adapters');
  }
  return webStreamsAdapters;
}

/* Readable.fromWeb(readableStream[, options]) -> Readable. */
Readable.fromWeb = function(readableStream, options) {
  return lazyWebStreams().newStreamReadableFromReadableStream(
    readableStream, options);
};

/* Readable.toWeb(streamReadable[, options]) -> ReadableStream. */
Readable.toWeb = function(streamReadable, options) {
  return lazyWebStreams().newReadableStreamFromStreamReadable(
    streamReadable, options);
};

/* Readable.wrap(src[, options]): a Readable over an old-style stream. */
Readable.wrap = function(src, options) {
  return new Readable({
    objectMode: src.readableObjectMode ?? src.objectMode ?? true,
    ...options,
    destroy(err, callback) {
      destroyImpl.destroyer(src, err);
      callback(err);
    },
  }).wrap(src);
};
