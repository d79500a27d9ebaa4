'use strict';
// _http_incoming.js - http.IncomingMessage: a received request (server) or
// response (client) as a Readable of its body, with lazily built headers.

const {
  ObjectDefineProperty,
  ObjectPrototypeHasOwnProperty,
  ObjectSetPrototypeOf,
  StringPrototypeCharCodeAt,
  StringPrototypeToLowerCase,
  Symbol,
} = primordials;

const { Readable, finished } = require('stream');

const kHeaders = Symbol('kHeaders');
const kHeadersDistinct = Symbol('kHeadersDistinct');
const kHeadersCount = Symbol('kHeadersCount');
const kTrailers = Symbol('kTrailers');
const kTrailersDistinct = Symbol('kTrailersDistinct');
const kTrailersCount = Symbol('kTrailersCount');

/* Resumes reading from `socket` (after the body consumer caught up). */
function readStart(socket) {
  if (socket && !socket._paused && socket.readable) socket.resume();
}

/* Stops reading from `socket` (the body consumer is behind). */
function readStop(socket) {
  if (socket) socket.pause();
}

/* new IncomingMessage(socket): an empty message read from `socket`. */
function IncomingMessage(socket) {
  let streamOptions;
  if (socket) {
    streamOptions = { highWaterMark: socket.readableHighWaterMark };
  }
  Readable.call(this, streamOptions);
  this._readableState.readingMore = true;
  this.socket = socket;
  this.httpVersionMajor = null;
  this.httpVersionMinor = null;
  this.httpVersion = null;
  this.complete = false;
  this[kHeaders] = null;
  this[kHeadersCount] = 0;
  this.rawHeaders = [];
  this[kTrailers] = null;
  this[kTrailersCount] = 0;
  this.rawTrailers = [];
  this.joinDuplicateHeaders = false;
  this.aborted = false;
  this.upgrade = null;
  this.url = '';
  this.method = null;
  this.statusCode = null;
  this.statusMessage = null;
  this.client = socket;
  this._consuming = false;
  this._dumped = false;
}
ObjectSetPrototypeOf(IncomingMessage.prototype, Readable.prototype);
ObjectSetPrototypeOf(IncomingMessage, Readable);

ObjectDefineProperty(IncomingMessage.prototype, 'connection', {
  __proto__: null,
  get() { return this.socket; },
  set(val) { this.socket = val; },
});

/* Builds the headers object from `raw` lines (Node's joining rules). */
function buildHeaders(msg, raw, count) {
  const dest = {};
  for (let n = 0; n < count; n += 2) {
    msg._addHeaderLine(raw[n], raw[n + 1], dest);
  }
  return dest;
}

function buildDistinct(msg, raw) {
  const dest = {};
  for (let n = 0; n < raw.length; n += 2) {
    msg._addHeaderLineDistinct(raw[n], raw[n + 1], dest);
  }
  return dest;
}

ObjectDefineProperty(IncomingMessage.prototype, 'headers', {
  __proto__: null,
  get() {
    if (!this[kHeaders]) {
      this[kHeaders] = buildHeaders(this, this.rawHeaders,
                                    this[kHeadersCount]);
    }
    return this[kHeaders];
  },
  set(val) { this[kHeaders] = val; },
});

ObjectDefineProperty(IncomingMessage.prototype, 'headersDistinct', {
  __proto__: null,
  get() {
    if (!this[kHeadersDistinct]) {
      this[kHeadersDistinct] = buildDistinct(this, this.rawHeaders);
    }
    return this[kHeadersDistinct];
  },
  set(val) { this[kHeadersDistinct] = val; },
});

ObjectDefineProperty(IncomingMessage.prototype, 'trailers', {
  __proto__: null,
  get() {
    if (!this[kTrailers]) {
      this[kTrailers] = buildHeaders(this, this.rawTrailers,
                                     this[kTrailersCount]);
    }
    return this[kTrailers];
  },
  set(val) { this[kTrailers] = val; },
});

ObjectDefineProperty(IncomingMessage.prototype, 'trailersDistinct', {
  __proto__: null,
  get() {
    if (!this[kTrailersDistinct]) {
      this[kTrailersDistinct] = buildDistinct(this, this.rawTrailers);
    }
    return this[kTrailersDistinct];
  },
  set(val) { this[kTrailersDistinct] = val; },
});

/* setTimeout(msecs[, callback]): the socket's idle timeout. */
IncomingMessage.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (callback) this.on('timeout', callback);
  this.socket.setTimeout(msecs);
  return this;
};

IncomingMessage.prototype._read = function _read(n) {
  if (!this._consuming) {
    this._readableState.readingMore = false;
    this._consuming = true;
  }
  // The socket may have been paused because this message's buffer was
  // full; read on.
  if (this.socket && this.socket.readable) readStart(this.socket);
};

/* Destroying an incomplete message aborts it ('aborted') and destroys the
 * socket; the error reaches 'error' only when someone listens. */
IncomingMessage.prototype._destroy = function _destroy(err, cb) {
  if (!this.readableEnded || !this.complete) {
    this.aborted = true;
    this.emit('aborted');
  }
  if (this.socket && !this.socket.destroyed && this.aborted) {
    this.socket.destroy(err);
    const cleanup = finished(this.socket, (e) => {
      if (e?.code === 'ERR_STREAM_PREMATURE_CLOSE') e = null;
      cleanup();
      process.nextTick(onError, this, e || err, cb);
    });
  } else {
    process.nextTick(onError, this, err, cb);
  }
};

function onError(self, error, cb) {
  // Errors reach 'error' only when there is a listener (the socket has
  // reported them already).
  if (self.listenerCount('error') === 0) {
    cb();
  } else {
    cb(error);
  }
}

/* _addHeaderLines(headers, n): the first n entries of [name, value, ...]
 * become rawHeaders (or rawTrailers once the message is complete). */
IncomingMessage.prototype._addHeaderLines = function _addHeaderLines(
  headers, n) {
  if (headers && headers.length) {
    if (this.complete) {
      this.rawTrailers = headers;
      this[kTrailersCount] = n;
      this[kTrailers] = null;
    } else {
      this.rawHeaders = headers;
      this[kHeadersCount] = n;
      this[kHeaders] = null;
    }
  }
};

// The lower-cased name of a known header and how duplicates combine:
// flag 0 keeps the first, 1 makes an array (set-cookie), 2 joins with
// '; ' (cookie), 3 joins with ', '.
const knownFirst = new Set([
  'content-type', 'content-length', 'user-agent', 'referer', 'host',
  'authorization', 'proxy-authorization', 'if-modified-since',
  'if-unmodified-since', 'from', 'location', 'max-forwards',
  'retry-after', 'etag', 'last-modified', 'server', 'age', 'expires',
]);

function duplicateRule(lower) {
  if (knownFirst.has(lower)) return 0;
  if (lower === 'set-cookie') return 1;
  if (lower === 'cookie') return 2;
  return 3;
}

/* Lower-cases a header name, fast for already lower-case names. */
function lowerName(field) {
  for (let i = 0; i < field.length; i++) {
    const c = StringPrototypeCharCodeAt(field, i);
    if (c >= 65 && c <= 90) return StringPrototypeToLowerCase(field);
  }
  return field;
}

/* _addHeaderLine(field, value, dest): adds one header to `dest` with
 * Node's rules for duplicates. */
IncomingMessage.prototype._addHeaderLine = function _addHeaderLine(
  field, value, dest) {
  field = lowerName(field);
  const rule = duplicateRule(field);
  const existing = dest[field];
  if (existing === undefined ||
      (typeof existing === 'function' && !ObjectPrototypeHasOwnProperty(
        dest, field))) {
    dest[field] = rule === 1 ? [value] : value;
    return;
  }
  if (this.joinDuplicateHeaders) {
    if (rule === 1) existing.push(value);
    else dest[field] += (rule === 2 ? '; ' : ', ') + value;
    return;
  }
  switch (rule) {
    case 0: break;
    case 1: existing.push(value); break;
    case 2: dest[field] += '; ' + value; break;
    default: dest[field] += ', ' + value;
  }
};

/* _addHeaderLineDistinct(field, value, dest): every value in an array. */
IncomingMessage.prototype._addHeaderLineDistinct = function(field, value,
                                                            dest) {
  field = StringPrototypeToLowerCase(field);
  if (!ObjectPrototypeHasOwnProperty(dest, field)) {
    dest[field] = [value];
  } else {
    dest[field].push(value);
  }
};

/* Reads and discards the rest of the body (nobody consumes it). */
IncomingMessage.prototype._dump = function _dump() {
  if (!this._dumped) {
    this._dumped = true;
    this.removeAllListeners('data');
    this.resume();
  }
};

module.exports = {
  IncomingMessage,
  readStart,
  readStop,
};
