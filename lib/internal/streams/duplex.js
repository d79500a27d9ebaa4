'use strict';
// internal/streams/duplex.js - stream.Duplex: a Readable that is also a
// Writable (Writable's methods are mixed in).

const {
  ObjectDefineProperties,
  ObjectGetOwnPropertyDescriptor,
  ObjectKeys,
  ObjectSetPrototypeOf,
} = primordials;

module.exports = Duplex;

const Readable = require('internal/streams/readable');
const Writable = require('internal/streams/writable');

ObjectSetPrototypeOf(Duplex.prototype, Readable.prototype);
ObjectSetPrototypeOf(Duplex, Readable);

{
  const keys = ObjectKeys(Writable.prototype);
  // Allow the keys array to be GC'ed.
  for (let i = 0; i < keys.length; i++) {
    const method = keys[i];
    if (!Duplex.prototype[method]) {
      Duplex.prototype[method] = Writable.prototype[method];
    }
  }
}

/* new Duplex([options]): Readable and Writable options, plus
 * allowHalfOpen (default true: 'end' does not end the writable side),
 * readable/writable: false to start with that side finished. */
function Duplex(options) {
  if (!(this instanceof Duplex)) return new Duplex(options);

  Readable.call(this, options);
  Writable.call(this, options);

  if (options) {
    this.allowHalfOpen = options.allowHalfOpen !== false;

    if (options.readable === false) {
      this._readableState.readable = false;
      this._readableState.ended = true;
      this._readableState.endEmitted = true;
    }

    if (options.writable === false) {
      this._writableState.writable = false;
      this._writableState.ending = true;
      this._writableState.ended = true;
      this._writableState.finished = true;
    }
  } else {
    this.allowHalfOpen = true;
  }
}

// The writable-side accessors are Writable's, shared as they are.
function writableAccessor(name) {
  return {
    __proto__: null,
    ...ObjectGetOwnPropertyDescriptor(Writable.prototype, name),
  };
}

ObjectDefineProperties(Duplex.prototype, {
  writable: writableAccessor('writable'),
  writableHighWaterMark: writableAccessor('writableHighWaterMark'),
  writableObjectMode: writableAccessor('writableObjectMode'),
  writableBuffer: writableAccessor('writableBuffer'),
  writableLength: writableAccessor('writableLength'),
  writableFinished: writableAccessor('writableFinished'),
  writableCorked: writableAccessor('writableCorked'),
  writableEnded: writableAccessor('writableEnded'),
  writableNeedDrain: writableAccessor('writableNeedDrain'),

  destroyed: {
    __proto__: null,
    get() {
      if (this._readableState === undefined ||
          this._writableState === undefined) {
        return false;
      }
      return this._readableState.destroyed && this._writableState.destroyed;
    },
    set(value) {
      // Backward compatibility: the value can be set explicitly.
      if (this._readableState && this._writableState) {
        this._readableState.destroyed = value;
        this._writableState.destroyed = value;
      }
    },
  },
});

let webStreamsAdapters;

function lazyWebStreams() {
  if (webStreamsAdapters === undefined) {
    webStreamsAdapters = require('internal/webstreams/adapters');
  }
  return webStreamsAdapters;
}

/* Duplex.fromWeb({ readable, writable }[, options]) -> Duplex. */
Duplex.fromWeb = function(pair, options) {
  return lazyWebStreams().newStreamDuplexFromReadableWritablePair(
    pair,
    options);
};

/* Duplex.toWeb(duplex) -> { readable, writable } web streams. */
Duplex.toWeb = function(duplex) {
  return lazyWebStreams().newReadableWritablePairFromDuplex(duplex);
};

let duplexify;

/* Duplex.from(body): a Duplex from a stream, web stream, iterable, async
 * generator function, promise, Blob or { readable, writable } pair. */
Duplex.from = function(body) {
  if (!duplexify) {
    duplexify = require('internal/streams/duplexify');
  }
  return duplexify(body, 'body');
};
