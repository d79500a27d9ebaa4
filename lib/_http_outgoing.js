'use strict';
// _http_outgoing.js - http.OutgoingMessage, the common base of
// ServerResponse and ClientRequest: header storage and validation, the
// rendered header block, chunked/Content-Length bodies and the writes to
// the socket (header and first body bytes leave in one write).

const {
  ArrayIsArray,
  ArrayPrototypePush,
  MathFloor,
  NumberPrototypeToString,
  ObjectCreate,
  ObjectDefineProperty,
  ObjectKeys,
  ObjectSetPrototypeOf,
  ObjectValues,
  RegExpPrototypeExec,
  StringPrototypeToLowerCase,
  Symbol,
} = primordials;

const Stream = require('stream');
const { Buffer } = require('buffer');
const {
  _checkIsHttpToken: checkIsHttpToken,
  _checkInvalidHeaderChar: checkInvalidHeaderChar,
  chunkExpression: RE_TE_CHUNKED,
} = require('_http_common');
const { kOutHeaders, kNeedDrain, utcDate } = require('internal/http');
const {
  codes: {
    ERR_HTTP_CONTENT_LENGTH_MISMATCH,
    ERR_HTTP_HEADERS_SENT,
    ERR_HTTP_INVALID_HEADER_VALUE,
    ERR_HTTP_TRAILER_INVALID,
    ERR_HTTP_BODY_NOT_ALLOWED,
    ERR_INVALID_HTTP_TOKEN,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_CHAR,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_STREAM_ALREADY_FINISHED,
    ERR_STREAM_CANNOT_PIPE,
    ERR_STREAM_DESTROYED,
    ERR_STREAM_NULL_VALUES,
    ERR_STREAM_WRITE_AFTER_END,
  },
  hideStackFrames,
} = require('internal/errors');
const { validateString } = require('internal/validators');
const { isUint8Array } = require('internal/util/types');
const { deprecate } = require('internal/util');

const kCorked = Symbol('corked');
const kHeaderAscii = Symbol('kHeaderAscii');
const nonAsciiRegex = /[^\x00-\x7f]/;
const kUniqueHeaders = Symbol('kUniqueHeaders');
const kBytesWritten = Symbol('kBytesWritten');
const kErrored = Symbol('errored');
const kHighWaterMark = Symbol('kHighWaterMark');
const kRejectNonStandardBodyWrites = Symbol('kRejectNonStandardBodyWrites');

const nop = () => {};
const RE_CONN_CLOSE = /(?:^|\W)close(?:$|\W)/i;
const crlfBuf = Buffer.from('\r\n');
const kDefaultHighWaterMark = 16 * 1024;

/* new OutgoingMessage([options]): options.highWaterMark,
 * options.rejectNonStandardBodyWrites. */
function OutgoingMessage(options) {
  Stream.call(this);
  this.outputData = [];
  this.outputSize = 0;
  this.writable = true;
  this.destroyed = false;
  this._last = false;
  this.chunkedEncoding = false;
  this.shouldKeepAlive = true;
  this.maxRequestsOnConnectionReached = false;
  this._defaultKeepAlive = true;
  this.useChunkedEncodingByDefault = true;
  this.sendDate = false;
  this._removedConnection = false;
  this._removedContLen = false;
  this._removedTE = false;
  this.strictContentLength = false;
  this[kBytesWritten] = 0;
  this._contentLength = null;
  this._hasBody = true;
  this._trailer = '';
  this[kNeedDrain] = false;
  this.finished = false;
  this._headerSent = false;
  this[kCorked] = 0;
  this._closed = false;
  this.socket = null;
  this._header = null;
  this[kOutHeaders] = null;
  this._keepAliveTimeout = 0;
  this._onPendingData = nop;
  this[kErrored] = null;
  this[kHighWaterMark] = options?.highWaterMark ?? kDefaultHighWaterMark;
  this[kRejectNonStandardBodyWrites] =
    options?.rejectNonStandardBodyWrites ?? false;
}
ObjectSetPrototypeOf(OutgoingMessage.prototype, Stream.prototype);
ObjectSetPrototypeOf(OutgoingMessage, Stream);

function defineGetter(name, get, set) {
  ObjectDefineProperty(OutgoingMessage.prototype, name, {
    __proto__: null, configurable: true, enumerable: false, get, set,
  });
}

defineGetter('errored', function() { return this[kErrored]; });
defineGetter('closed', function() { return this._closed; });
defineGetter('writableFinished', function() {
  return this.finished && this.outputSize === 0 &&
    (!this.socket || this.socket.writableLength === 0);
});
defineGetter('writableObjectMode', function() { return false; });
defineGetter('writableLength', function() {
  return this.outputSize + (this.socket ? this.socket.writableLength : 0);
});
defineGetter('writableHighWaterMark', function() {
  return this.socket ? this.socket.writableHighWaterMark :
    this[kHighWaterMark];
});
defineGetter('writableCorked', function() {
  const corked = this.socket ? this.socket.writableCorked : 0;
  return corked + this[kCorked];
});
defineGetter('_headers', deprecate(function() {
  return this.getHeaders();
}, 'OutgoingMessage.prototype._headers is deprecated', 'DEP0066'),
deprecate(function(val) {
  if (val == null) {
    this[kOutHeaders] = null;
  } else if (typeof val === 'object') {
    const headers = this[kOutHeaders] = ObjectCreate(null);
    const keys = ObjectKeys(val);
    for (let i = 0; i < keys.length; ++i) {
      const name = keys[i];
      headers[StringPrototypeToLowerCase(name)] = [name, val[name]];
    }
  }
}, 'OutgoingMessage.prototype._headers is deprecated', 'DEP0066'));
defineGetter('connection', function() { return this.socket; },
             function(val) { this.socket = val; });
defineGetter('_headerNames', deprecate(function() {
  const headers = this[kOutHeaders];
  if (headers === null) return null;
  const out = ObjectCreate(null);
  const keys = ObjectKeys(headers);
  for (let i = 0; i < keys.length; ++i) out[keys[i]] = headers[keys[i]][0];
  return out;
}, 'OutgoingMessage.prototype._headerNames is deprecated', 'DEP0066'),
deprecate(function(val) {
  if (typeof val === 'object' && val !== null) {
    const headers = this[kOutHeaders];
    if (!headers) return;
    const keys = ObjectKeys(val);
    for (let i = 0; i < keys.length; ++i) {
      const header = headers[keys[i]];
      if (header) header[0] = val[keys[i]];
    }
  }
}, 'OutgoingMessage.prototype._headerNames is deprecated', 'DEP0066'));
defineGetter('headersSent', function() { return !!this._header; });
defineGetter('writableEnded', function() { return this.finished; });
defineGetter('writableNeedDrain', function() {
  return !this.destroyed && !this.finished && this[kNeedDrain];
});

/* _renderHeaders() -> { name: value } as they will be sent. */
OutgoingMessage.prototype._renderHeaders = function _renderHeaders() {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('render');
  const headersMap = this[kOutHeaders];
  const headers = {};
  if (headersMap !== null) {
    const keys = ObjectKeys(headersMap);
    for (let i = 0; i < keys.length; ++i) {
      const entry = headersMap[keys[i]];
      headers[entry[0]] = entry[1];
    }
  }
  return headers;
};

OutgoingMessage.prototype.cork = function cork() {
  if (this.socket) {
    this.socket.cork();
  } else {
    this[kCorked]++;
  }
};

OutgoingMessage.prototype.uncork = function uncork() {
  if (this.socket) {
    this.socket.uncork();
  } else if (this[kCorked]) {
    this[kCorked]--;
  }
};

/* setTimeout(msecs[, callback]): the socket's idle timeout (once there is
 * a socket). */
OutgoingMessage.prototype.setTimeout = function setTimeout(msecs, callback) {
  if (callback) this.on('timeout', callback);
  if (!this.socket) {
    this.once('socket', function socketSetTimeoutOnConnect(socket) {
      socket.setTimeout(msecs);
    });
  } else {
    this.socket.setTimeout(msecs);
  }
  return this;
};

/* destroy([error]): destroys the socket (now or once it is assigned). */
OutgoingMessage.prototype.destroy = function destroy(error) {
  if (this.destroyed) return this;
  this.destroyed = true;
  this[kErrored] = error;
  if (this.socket) {
    this.socket.destroy(error);
  } else {
    this.once('socket', function socketDestroyOnConnect(socket) {
      socket.destroy(error);
    });
  }
  return this;
};

/* _send(data, encoding, callback[, byteLength]): writes body bytes, with
 * the header block in front of the first ones. */
OutgoingMessage.prototype._send = function _send(data, encoding, callback,
                                                 byteLength) {
  if (!this._headerSent && this._header !== null) {
    if (typeof data === 'string' &&
        (encoding === 'latin1' ||
         (this[kHeaderAscii] && (encoding === 'utf8' || !encoding)))) {
      data = this._header + data;
    } else {
      const header = this._header;
      this.outputData.unshift({
        data: header,
        encoding: 'latin1',
        callback: null,
      });
      this.outputSize += header.length;
      this._onPendingData(header.length);
    }
    this._headerSent = true;
  }
  return this._writeRaw(data, encoding, callback, byteLength);
};

/* _writeRaw(data, encoding, callback): to the socket when it is ours and
 * writable, else kept in outputData until it is. */
OutgoingMessage.prototype._writeRaw = function _writeRaw(data, encoding,
                                                         callback, size) {
  const conn = this.socket;
  if (conn && conn.destroyed) return false;
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  if (conn && conn._httpMessage === this && conn.writable) {
    if (this.outputData.length) this._flushOutput(conn);
    return conn.write(data, encoding, callback);
  }
  this.outputData.push({ data, encoding, callback });
  this.outputSize += data.length;
  this._onPendingData(data.length);
  return this.outputSize < this[kHighWaterMark];
};

/* _storeHeader(firstLine, headers): renders the header block into
 * this._header, adding Date, Connection, Content-Length or
 * Transfer-Encoding as the message needs. */
OutgoingMessage.prototype._storeHeader = function _storeHeader(firstLine,
                                                               headers) {
  const state = {
    connection: false,
    contLen: false,
    te: false,
    date: false,
    expect: false,
    trailer: false,
    header: firstLine,
  };
  if (headers) {
    if (headers === this[kOutHeaders]) {
      for (const key in headers) {
        const entry = headers[key];
        processHeader(this, state, entry[0], entry[1], false);
      }
    } else if (ArrayIsArray(headers)) {
      if (headers.length && ArrayIsArray(headers[0])) {
        for (let i = 0; i < headers.length; i++) {
          const entry = headers[i];
          processHeader(this, state, entry[0], entry[1], true);
        }
      } else {
        if (headers.length % 2 !== 0) {
          throw new ERR_INVALID_ARG_VALUE('headers', headers);
        }
        for (let n = 0; n < headers.length; n += 2) {
          processHeader(this, state, headers[n], headers[n + 1], true);
        }
      }
    } else {
      for (const key in headers) {
        processHeader(this, state, key, headers[key], true);
      }
    }
  }

  let { header } = state;
  if (this.sendDate && !state.date) {
    header += 'Date: ' + utcDate() + '\r\n';
  }

  // 204 and 304 have no body, not even an empty chunked one; a chunked
  // framing the user asked for cannot be honoured, so the connection
  // closes.
  if (this.chunkedEncoding && (this.statusCode === 204 ||
                               this.statusCode === 304)) {
    this._hasBody = false;
    this.shouldKeepAlive = false;
  }

  if (this._removedConnection) {
    if (!this.shouldKeepAlive) this._last = true;
  } else if (!state.connection) {
    const shouldSendKeepAlive = this.shouldKeepAlive &&
      (state.contLen || this.useChunkedEncodingByDefault || this.agent);
    if (shouldSendKeepAlive && this.maxRequestsOnConnectionReached) {
      header += 'Connection: close\r\n';
    } else if (shouldSendKeepAlive) {
      header += 'Connection: keep-alive\r\n';
      if (this._keepAliveTimeout && this._defaultKeepAlive) {
        const timeoutSeconds = MathFloor(this._keepAliveTimeout / 1000);
        let max = '';
        if (this._maxRequestsPerSocket > 0) {
          max = `, max=${this._maxRequestsPerSocket}`;
        }
        header += `Keep-Alive: timeout=${timeoutSeconds}${max}\r\n`;
      }
    } else {
      this._last = true;
      header += 'Connection: close\r\n';
    }
  }

  if (!state.contLen && !state.te) {
    if (!this._hasBody) {
      this.chunkedEncoding = false;
    } else if (!this.useChunkedEncodingByDefault) {
      this._last = true;
    } else if (!state.trailer && !this._removedContLen &&
               typeof this._contentLength === 'number') {
      header += 'Content-Length: ' + this._contentLength + '\r\n';
    } else if (!this._removedTE) {
      header += 'Transfer-Encoding: chunked\r\n';
      this.chunkedEncoding = true;
    } else {
      this._last = true;
    }
  }

  if (this.chunkedEncoding !== true && state.trailer) {
    throw new ERR_HTTP_TRAILER_INVALID();
  }

  this._header = header + '\r\n';
  this._headerSent = false;
  // The header block goes out as latin1: it can share a write with a utf8
  // body only when it is ASCII.
  this[kHeaderAscii] = RegExpPrototypeExec(nonAsciiRegex, header) === null;

  // An Expect: 100-continue request goes out at once, so that the server
  // can answer before the body is written.
  if (state.expect) this._send('');
};

/* One header line into state.header, noting the headers that change how
 * the message is framed. */
function processHeader(self, state, key, value, validate) {
  if (validate) validateHeaderName(key);
  if (ArrayIsArray(value)) {
    if ((value.length < 2 || !isCookieField(key)) &&
        (!self[kUniqueHeaders] ||
         !self[kUniqueHeaders].has(StringPrototypeToLowerCase(key)))) {
      for (let i = 0; i < value.length; i++) {
        storeHeader(self, state, key, value[i], validate);
      }
      return;
    }
    value = value.join('; ');
  }
  storeHeader(self, state, key, value, validate);
}

function isCookieField(s) {
  return s.length === 6 && StringPrototypeToLowerCase(s) === 'cookie';
}

function storeHeader(self, state, key, value, validate) {
  if (validate) validateHeaderValue(key, value);
  state.header += key + ': ' + value + '\r\n';
  matchHeader(self, state, key, value);
}

function matchHeader(self, state, field, value) {
  if (field.length < 4 || field.length > 17) return;
  field = StringPrototypeToLowerCase(field);
  switch (field) {
    case 'connection':
      state.connection = true;
      self._removedConnection = false;
      if (RE_CONN_CLOSE.test(value)) {
        self._last = true;
      } else {
        self.shouldKeepAlive = true;
      }
      break;
    case 'transfer-encoding':
      state.te = true;
      self._removedTE = false;
      if (RE_TE_CHUNKED.test(value)) self.chunkedEncoding = true;
      break;
    case 'content-length':
      state.contLen = true;
      self._contentLength = +value;
      self._removedContLen = false;
      break;
    case 'date':
    case 'expect':
    case 'trailer':
      state[field] = true;
      break;
    case 'keep-alive':
      self._defaultKeepAlive = false;
      break;
  }
}

/* validateHeaderName(name[, label]): throws ERR_INVALID_HTTP_TOKEN unless
 * `name` is an HTTP token. */
const validateHeaderName = hideStackFrames((name, label) => {
  if (typeof name !== 'string' || !name || !checkIsHttpToken(name)) {
    throw new ERR_INVALID_HTTP_TOKEN(label || 'Header name', name);
  }
});

/* validateHeaderValue(name, value): throws for an undefined value or one
 * with characters not allowed in headers. */
const validateHeaderValue = hideStackFrames((name, value) => {
  if (value === undefined) {
    throw new ERR_HTTP_INVALID_HEADER_VALUE(value, name);
  }
  if (checkInvalidHeaderChar(value)) {
    throw new ERR_INVALID_CHAR('header content', name);
  }
});

function parseUniqueHeadersOption(headers) {
  if (!ArrayIsArray(headers)) return null;
  const unique = new Set();
  for (let i = 0; i < headers.length; i++) {
    unique.add(StringPrototypeToLowerCase(headers[i]));
  }
  return unique;
}

/* setHeader(name, value): replaces a header to send; returns this. */
OutgoingMessage.prototype.setHeader = function setHeader(name, value) {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('set');
  validateHeaderName(name);
  validateHeaderValue(name, value);
  let headers = this[kOutHeaders];
  if (headers === null) this[kOutHeaders] = headers = ObjectCreate(null);
  headers[StringPrototypeToLowerCase(name)] = [name, value];
  return this;
};

/* setHeaders(headers): setHeader for each entry of a Headers or Map. */
OutgoingMessage.prototype.setHeaders = function setHeaders(headers) {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('set');
  if (!headers || ArrayIsArray(headers) ||
      typeof headers.keys !== 'function' ||
      typeof headers.get !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('headers', ['Headers', 'Map'], headers);
  }
  const cookies = [];
  for (const { 0: key, 1: value } of headers) {
    if (key === 'set-cookie') {
      if (ArrayIsArray(value)) {
        for (const v of value) ArrayPrototypePush(cookies, v);
      } else {
        ArrayPrototypePush(cookies, value);
      }
      continue;
    }
    this.setHeader(key, value);
  }
  if (cookies.length) this.setHeader('set-cookie', cookies);
  return this;
};

/* appendHeader(name, value): adds values to a header to send. */
OutgoingMessage.prototype.appendHeader = function appendHeader(name, value) {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('append');
  validateHeaderName(name);
  validateHeaderValue(name, value);
  const field = StringPrototypeToLowerCase(name);
  let headers = this[kOutHeaders];
  if (headers === null) this[kOutHeaders] = headers = ObjectCreate(null);
  if (headers[field] === undefined) {
    headers[field] = [name, value];
    return this;
  }
  const existing = headers[field][1];
  const values = ArrayIsArray(existing) ? existing : [existing];
  if (ArrayIsArray(value)) {
    for (let i = 0; i < value.length; i++) ArrayPrototypePush(values, value[i]);
  } else {
    ArrayPrototypePush(values, value);
  }
  headers[field][1] = values;
  return this;
};

/* getHeader(name) -> the value set for `name` (any case), or undefined. */
OutgoingMessage.prototype.getHeader = function getHeader(name) {
  validateString(name, 'name');
  const headers = this[kOutHeaders];
  if (headers === null) return;
  const entry = headers[StringPrototypeToLowerCase(name)];
  return entry && entry[1];
};

/* getHeaderNames() -> the lower-cased names set. */
OutgoingMessage.prototype.getHeaderNames = function getHeaderNames() {
  return this[kOutHeaders] !== null ? ObjectKeys(this[kOutHeaders]) : [];
};

/* getRawHeaderNames() -> the names set, in the case they were given. */
OutgoingMessage.prototype.getRawHeaderNames = function getRawHeaderNames() {
  const headersMap = this[kOutHeaders];
  if (headersMap === null) return [];
  const values = ObjectValues(headersMap);
  const headers = new Array(values.length);
  for (let i = 0; i < values.length; i++) headers[i] = values[i][0];
  return headers;
};

/* getHeaders() -> a null-prototype { lowercased name: value }. */
OutgoingMessage.prototype.getHeaders = function getHeaders() {
  const headers = this[kOutHeaders];
  const ret = ObjectCreate(null);
  if (headers) {
    const keys = ObjectKeys(headers);
    for (let i = 0; i < keys.length; ++i) {
      ret[keys[i]] = headers[keys[i]][1];
    }
  }
  return ret;
};

/* hasHeader(name) -> whether a header `name` (any case) is set. */
OutgoingMessage.prototype.hasHeader = function hasHeader(name) {
  validateString(name, 'name');
  return this[kOutHeaders] !== null &&
    !!this[kOutHeaders][StringPrototypeToLowerCase(name)];
};

/* removeHeader(name): forgets a header; removing Connection,
 * Content-Length, Transfer-Encoding or Date also stops their automatic
 * version. */
OutgoingMessage.prototype.removeHeader = function removeHeader(name) {
  validateString(name, 'name');
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('remove');
  const key = StringPrototypeToLowerCase(name);
  switch (key) {
    case 'connection':
      this._removedConnection = true;
      break;
    case 'content-length':
      this._removedContLen = true;
      break;
    case 'transfer-encoding':
      this._removedTE = true;
      break;
    case 'date':
      this.sendDate = false;
      break;
  }
  if (this[kOutHeaders] !== null) delete this[kOutHeaders][key];
};

OutgoingMessage.prototype._implicitHeader = function _implicitHeader() {
  throw new ERR_METHOD_NOT_IMPLEMENTED('_implicitHeader()');
};

/* write(chunk[, encoding][, callback]) -> false when the caller should
 * wait for 'drain'. */
OutgoingMessage.prototype.write = function write(chunk, encoding, callback) {
  if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }
  const ret = write_(this, chunk, encoding, callback, false);
  if (!ret) this[kNeedDrain] = true;
  return ret;
};

/* Reports a failed write: callback(err), then 'error' unless destroyed. */
function onError(msg, err, callback) {
  if (msg.destroyed) return;
  process.nextTick(emitErrorNt, msg, err, callback);
}

function emitErrorNt(msg, err, callback) {
  callback(err);
  if (typeof msg.emit === 'function' && !msg.destroyed) msg.emit('error', err);
}

function strictContentLength(msg) {
  return msg.strictContentLength && msg._contentLength != null &&
    msg._hasBody && !msg._removedContLen && !msg.chunkedEncoding &&
    !msg.hasHeader('transfer-encoding');
}

function write_(msg, chunk, encoding, callback, fromEnd) {
  if (typeof callback !== 'function') callback = nop;
  if (chunk === null) {
    throw new ERR_STREAM_NULL_VALUES();
  } else if (typeof chunk !== 'string' && !isUint8Array(chunk)) {
    throw new ERR_INVALID_ARG_TYPE('chunk', ['string', 'Buffer', 'Uint8Array'],
                                   chunk);
  }
  let err;
  if (msg.finished) {
    err = new ERR_STREAM_WRITE_AFTER_END();
  } else if (msg.destroyed) {
    err = new ERR_STREAM_DESTROYED('write');
  }
  if (err) {
    if (!msg.destroyed) {
      onError(msg, err, callback);
    } else {
      process.nextTick(callback, err);
    }
    return false;
  }

  let len;
  if (msg.strictContentLength) {
    len ??= typeof chunk === 'string' ?
      Buffer.byteLength(chunk, encoding) : chunk.byteLength;
    if (strictContentLength(msg) &&
        (fromEnd ? msg[kBytesWritten] + len !== msg._contentLength :
          msg[kBytesWritten] + len > msg._contentLength)) {
      throw new ERR_HTTP_CONTENT_LENGTH_MISMATCH(
        len + msg[kBytesWritten], msg._contentLength);
    }
    msg[kBytesWritten] += len;
  }

  if (!msg._header) {
    if (fromEnd) {
      len ??= typeof chunk === 'string' ?
        Buffer.byteLength(chunk, encoding) : chunk.byteLength;
      msg._contentLength = len;
    }
    msg._implicitHeader();
  }

  if (!msg._hasBody) {
    if (msg[kRejectNonStandardBodyWrites]) {
      throw new ERR_HTTP_BODY_NOT_ALLOWED();
    }
    process.nextTick(callback);
    return true;
  }

  if (!fromEnd && msg.socket && !msg.socket.writableCorked) {
    msg.socket.cork();
    process.nextTick(connectionCorkNT, msg.socket);
  }

  let ret;
  if (msg.chunkedEncoding && chunk.length !== 0) {
    len ??= typeof chunk === 'string' ?
      Buffer.byteLength(chunk, encoding) : chunk.byteLength;
    if (typeof chunk === 'string' &&
        (!encoding || encoding === 'utf8' || encoding === 'latin1' ||
         encoding === 'utf-8')) {
      // One write: size line, data and CRLF.
      ret = msg._send(NumberPrototypeToString(len, 16) + '\r\n' + chunk +
                      '\r\n', encoding, callback);
    } else {
      msg._send(NumberPrototypeToString(len, 16), 'latin1', null);
      msg._send(crlfBuf, null, null);
      msg._send(chunk, encoding, null, len);
      ret = msg._send(crlfBuf, null, callback);
    }
  } else {
    ret = msg._send(chunk, encoding, callback, len);
  }
  return ret;
}

function connectionCorkNT(conn) {
  conn.uncork();
}

/* addTrailers(headers): trailer fields for a chunked message. */
OutgoingMessage.prototype.addTrailers = function addTrailers(headers) {
  this._trailer = '';
  const keys = ObjectKeys(headers);
  const isArray = ArrayIsArray(headers);
  for (let i = 0, l = keys.length; i < l; i++) {
    let field, value;
    const key = keys[i];
    if (isArray) {
      field = headers[key][0];
      value = headers[key][1];
    } else {
      field = key;
      value = headers[key];
    }
    validateHeaderName(field, 'Trailer name');
    if (ArrayIsArray(value) && value.length > 1 &&
        (!this[kUniqueHeaders] ||
         !this[kUniqueHeaders].has(StringPrototypeToLowerCase(field)))) {
      for (let j = 0, l = value.length; j < l; j++) {
        if (checkInvalidHeaderChar(value[j])) {
          throw new ERR_INVALID_CHAR('trailer content', field);
        }
        this._trailer += field + ': ' + value[j] + '\r\n';
      }
    } else {
      if (ArrayIsArray(value)) value = value.join('; ');
      if (checkInvalidHeaderChar(value)) {
        throw new ERR_INVALID_CHAR('trailer content', field);
      }
      this._trailer += field + ': ' + value + '\r\n';
    }
  }
};

function onFinish(outmsg) {
  if (outmsg && outmsg.socket && outmsg.socket._hadError) return;
  outmsg.emit('finish');
}

/* end([chunk][, encoding][, callback]): the last write; 'finish' follows
 * once everything is handed to the socket. */
OutgoingMessage.prototype.end = function end(chunk, encoding, callback) {
  if (typeof chunk === 'function') {
    callback = chunk;
    chunk = null;
    encoding = null;
  } else if (typeof encoding === 'function') {
    callback = encoding;
    encoding = null;
  }

  const finish = onFinish.bind(undefined, this);
  if (chunk) {
    if (this.finished) {
      onError(this, new ERR_STREAM_WRITE_AFTER_END(),
              typeof callback !== 'function' ? nop : callback);
      return this;
    }
    if (this.socket) this.socket.cork();
    if (typeof callback === 'function') this.once('finish', callback);
    if (!this._header) {
      if (typeof chunk !== 'string' && !isUint8Array(chunk)) {
        throw new ERR_INVALID_ARG_TYPE(
          'chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
      }
      this._contentLength = typeof chunk === 'string' ?
        Buffer.byteLength(chunk, encoding) : chunk.byteLength;
      this._implicitHeader();
    }
    write_(this, chunk, encoding, null, true);
  } else if (this.finished) {
    if (typeof callback === 'function') {
      if (!this.writableFinished) {
        this.on('finish', callback);
      } else {
        callback(new ERR_STREAM_ALREADY_FINISHED('end'));
      }
    }
    return this;
  } else {
    if (!this._header) {
      if (this.socket) this.socket.cork();
      this._contentLength = 0;
      this._implicitHeader();
    }
    if (typeof callback === 'function') this.once('finish', callback);
  }

  if (strictContentLength(this) && this[kBytesWritten] !==
      this._contentLength) {
    throw new ERR_HTTP_CONTENT_LENGTH_MISMATCH(this[kBytesWritten],
                                               this._contentLength);
  }

  if (this._hasBody && this.chunkedEncoding) {
    this._send('0\r\n' + this._trailer + '\r\n', 'latin1', finish);
  } else if (!this._headerSent || this.writableLength || chunk) {
    this._send('', 'latin1', finish);
  } else {
    process.nextTick(finish);
  }

  if (this.socket) {
    // Fully uncork the socket so that everything leaves in one writev.
    this.socket._writableState.corked = 1;
    this.socket.uncork();
  }
  this[kCorked] = 0;

  this.finished = true;

  // Everything already went to the socket: this message is done, the
  // next pipelined one can have the socket.
  if (this.outputData.length === 0 && this.socket &&
      this.socket._httpMessage === this) {
    this._finish();
  }
  return this;
};

/* Emits 'prefinish' (ServerResponse and ClientRequest build on it). */
OutgoingMessage.prototype._finish = function _finish() {
  this.emit('prefinish');
};

/* Sends the data kept while the message had no socket. */
OutgoingMessage.prototype._flush = function _flush() {
  const socket = this.socket;
  if (socket && socket.writable) {
    const ret = this._flushOutput(socket);
    if (this.finished) {
      this._finish();
    } else if (ret && this[kNeedDrain]) {
      this[kNeedDrain] = false;
      this.emit('drain');
    }
  }
};

/* _flushOutput(socket) -> the last write's result; writes outputData in
 * one corked batch. */
OutgoingMessage.prototype._flushOutput = function _flushOutput(socket) {
  while (this[kCorked]) {
    this[kCorked]--;
    socket.cork();
  }
  const outputLength = this.outputData.length;
  if (outputLength <= 0) return undefined;
  const outputData = this.outputData;
  socket.cork();
  let ret;
  for (let i = 0; i < outputLength; i++) {
    const { data, encoding, callback } = outputData[i];
    outputData[i].data = null;
    ret = socket.write(data, encoding, callback);
  }
  socket.uncork();
  this.outputData = [];
  this._onPendingData(-this.outputSize);
  this.outputSize = 0;
  return ret;
};

/* flushHeaders(): sends the header block now. */
OutgoingMessage.prototype.flushHeaders = function flushHeaders() {
  if (!this._header) this._implicitHeader();
  this._send('');
};

OutgoingMessage.prototype.pipe = function pipe() {
  this.emit('error', new ERR_STREAM_CANNOT_PIPE());
};

OutgoingMessage.prototype[EE().captureRejectionSymbol] =
function(err, event) {
  this.destroy(err);
};

function EE() { return require('events'); }

module.exports = {
  kHighWaterMark,
  kUniqueHeaders,
  parseUniqueHeadersOption,
  validateHeaderName,
  validateHeaderValue,
  OutgoingMessage,
};
