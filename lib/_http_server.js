'use strict';
// _http_server.js - http.Server and http.ServerResponse: per connection a
// parser turns socket bytes into IncomingMessages, responses go out in
// order (pipelining), keep-alive/request/header timeouts apply.

const {
  ArrayIsArray,
  Date,
  ObjectKeys,
  ObjectSetPrototypeOf,
  ReflectApply,
  Symbol,
  SymbolFor,
} = primordials;

const net = require('net');
const EE = require('events');
const { setInterval, clearInterval } = require('timers');
const {
  parsers,
  freeParser,
  continueExpression,
  chunkExpression,
  kIncomingMessage,
  HTTPParser,
  isLenient,
  _checkInvalidHeaderChar: checkInvalidHeaderChar,
  prepareError,
} = require('_http_common');
const {
  OutgoingMessage,
  kUniqueHeaders,
  parseUniqueHeadersOption,
} = require('_http_outgoing');
const { IncomingMessage } = require('_http_incoming');
const { kOutHeaders, kNeedDrain } = require('internal/http');
const {
  codes: {
    ERR_HTTP_HEADERS_SENT,
    ERR_HTTP_INVALID_STATUS_CODE,
    ERR_HTTP_REQUEST_TIMEOUT,
    ERR_HTTP_SOCKET_ASSIGNED,
    ERR_HTTP_SOCKET_ENCODING,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_CHAR,
    ERR_OUT_OF_RANGE,
  },
  connResetException,
} = require('internal/errors');
const {
  validateBoolean,
  validateInteger,
  validateLinkHeaderValue,
  validateObject,
} = require('internal/validators');
const { getOptionValue } = require('internal/options');
const { hasObserver, startPerf, stopPerf } = require('internal/perf/observe');
const dc = require('diagnostics_channel');
const requestStartChannel = dc.channel('http.server.request.start');
const responseFinishChannel = dc.channel('http.server.response.finish');
let debug = require('internal/util/debuglog').debuglog('http', (fn) => {
  debug = fn;
});

const kServerResponse = Symbol('ServerResponse');
const kConnections = Symbol('http.server.connections');
const kConnectionsCheckingInterval =
  Symbol('http.server.connectionsCheckingInterval');
const kState = Symbol('http.server.state');
const kServerResponseStatistics = Symbol('ServerResponseStatistics');

const STATUS_CODES = {
  100: 'Continue',
  101: 'Switching Protocols',
  102: 'Processing',
  103: 'Early Hints',
  200: 'OK',
  201: 'Created',
  202: 'Accepted',
  203: 'Non-Authoritative Information',
  204: 'No Content',
  205: 'Reset Content',
  206: 'Partial Content',
  207: 'Multi-Status',
  208: 'Already Reported',
  226: 'IM Used',
  300: 'Multiple Choices',
  301: 'Moved Permanently',
  302: 'Found',
  303: 'See Other',
  304: 'Not Modified',
  305: 'Use Proxy',
  307: 'Temporary Redirect',
  308: 'Permanent Redirect',
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  407: 'Proxy Authentication Required',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  411: 'Length Required',
  412: 'Precondition Failed',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  416: 'Range Not Satisfiable',
  417: 'Expectation Failed',
  418: 'I\'m a Teapot',
  421: 'Misdirected Request',
  422: 'Unprocessable Entity',
  423: 'Locked',
  424: 'Failed Dependency',
  425: 'Too Early',
  426: 'Upgrade Required',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  451: 'Unavailable For Legal Reasons',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
  505: 'HTTP Version Not Supported',
  506: 'Variant Also Negotiates',
  507: 'Insufficient Storage',
  508: 'Loop Detected',
  509: 'Bandwidth Limit Exceeded',
  510: 'Not Extended',
  511: 'Network Authentication Required',
};

/* new ServerResponse(req[, options]): the response to `req`. */
function ServerResponse(req, options) {
  OutgoingMessage.call(this, options);
  if (req.method === 'HEAD') this._hasBody = false;
  this.req = req;
  this.sendDate = true;
  this._sent100 = false;
  this._expect_continue = false;
  if (req.httpVersionMajor < 1 || req.httpVersionMinor < 1) {
    this.useChunkedEncodingByDefault = chunkExpression.test(req.headers.te);
    this.shouldKeepAlive = false;
  }
}
ObjectSetPrototypeOf(ServerResponse.prototype, OutgoingMessage.prototype);
ObjectSetPrototypeOf(ServerResponse, OutgoingMessage);

/* 'prefinish': the response is complete (an 'http' performance entry
 * ends here when someone observes them). */
ServerResponse.prototype._finish = function _finish() {
  if (this[kServerResponseStatistics] && hasObserver('http')) {
    stopPerf(this, kServerResponseStatistics, {
      detail: {
        res: {
          statusCode: this.statusCode,
          statusMessage: this.statusMessage,
          headers: typeof this.getHeaders === 'function' ?
            this.getHeaders() : {},
        },
      },
    });
  }
  ReflectApply(OutgoingMessage.prototype._finish, this, []);
};

ServerResponse.prototype.statusCode = 200;
ServerResponse.prototype.statusMessage = undefined;

function onServerResponseClose() {
  // The socket closed while this response was using it.
  const msg = this._httpMessage;
  if (msg) emitCloseNT(msg);
}

/* assignSocket(socket): this response now writes to `socket`. */
ServerResponse.prototype.assignSocket = function assignSocket(socket) {
  if (socket._httpMessage) throw new ERR_HTTP_SOCKET_ASSIGNED();
  socket._httpMessage = this;
  socket.on('close', onServerResponseClose);
  this.socket = socket;
  this.emit('socket', socket);
  this._flush();
};

/* detachSocket(socket): unties this response from `socket`. */
ServerResponse.prototype.detachSocket = function detachSocket(socket) {
  socket.removeListener('close', onServerResponseClose);
  socket._httpMessage = null;
  this.socket = null;
};

/* writeContinue([cb]): sends a 100 Continue interim response. */
ServerResponse.prototype.writeContinue = function writeContinue(cb) {
  this._writeRaw('HTTP/1.1 100 Continue\r\n\r\n', 'ascii', cb);
  this._sent100 = true;
};

/* writeProcessing([cb]): sends a 102 Processing interim response. */
ServerResponse.prototype.writeProcessing = function writeProcessing(cb) {
  this._writeRaw('HTTP/1.1 102 Processing\r\n\r\n', 'ascii', cb);
};

/* writeEarlyHints(hints[, cb]): sends a 103 Early Hints interim response
 * (hints.link is required). */
ServerResponse.prototype.writeEarlyHints = function writeEarlyHints(hints,
                                                                    cb) {
  let head = 'HTTP/1.1 103 Early Hints\r\n';
  validateObject(hints, 'hints');
  if (hints.link === null || hints.link === undefined) return;
  const link = validateLinkHeaderValue(hints.link);
  if (link.length === 0) return;
  head += 'Link: ' + link + '\r\n';
  const keys = ObjectKeys(hints);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key !== 'link') head += key + ': ' + hints[key] + '\r\n';
  }
  head += '\r\n';
  this._writeRaw(head, 'ascii', cb);
};

ServerResponse.prototype._implicitHeader = function _implicitHeader() {
  this.writeHead(this.statusCode);
};

/* writeHead(statusCode[, statusMessage][, headers]) -> this. headers: an
 * object, a flat [name, value, ...] array or an array of pairs. */
ServerResponse.prototype.writeHead = function writeHead(statusCode, reason,
                                                        obj) {
  if (this._header) throw new ERR_HTTP_HEADERS_SENT('render');
  const originalStatusCode = statusCode;
  statusCode |= 0;
  if (statusCode < 100 || statusCode > 999) {
    throw new ERR_HTTP_INVALID_STATUS_CODE(originalStatusCode);
  }
  if (typeof reason === 'string') {
    this.statusMessage = reason;
  } else {
    this.statusMessage ||= STATUS_CODES[statusCode] || 'unknown';
    obj ??= reason;
  }
  this.statusCode = statusCode;

  let headers;
  if (this[kOutHeaders]) {
    if (ArrayIsArray(obj)) {
      if (obj.length % 2 !== 0) {
        throw new ERR_INVALID_ARG_VALUE('headers', obj);
      }
      for (let n = 0; n < obj.length; n += 2) {
        const k = obj[n];
        if (k) this.setHeader(k, obj[n + 1]);
      }
    } else if (obj) {
      const keys = ObjectKeys(obj);
      for (let i = 0; i < keys.length; i++) {
        const k = keys[i];
        if (k) this.setHeader(k, obj[k]);
      }
    }
    headers = this[kOutHeaders];
  } else {
    headers = obj;
  }

  if (checkInvalidHeaderChar(this.statusMessage)) {
    throw new ERR_INVALID_CHAR('statusMessage');
  }
  const statusLine = `HTTP/1.1 ${statusCode} ${this.statusMessage}\r\n`;
  if (statusCode === 204 || statusCode === 304 ||
      (statusCode >= 100 && statusCode <= 199)) {
    this._hasBody = false;
  }
  // A client waiting for 100 Continue got a final status instead: the
  // connection cannot be reused (the body may still come).
  if (this._expect_continue && !this._sent100) this.shouldKeepAlive = false;
  this._storeHeader(statusLine, headers);
  return this;
};

ServerResponse.prototype.writeHeader = ServerResponse.prototype.writeHead;

function emitCloseNT(self) {
  if (!self._closed) {
    self.destroyed = true;
    self._closed = true;
    self.emit('close');
  }
}

/* Server-wide options shared with https (a later issue). */
function storeHTTPOptions(options) {
  this[kIncomingMessage] = options.IncomingMessage || IncomingMessage;
  this[kServerResponse] = options.ServerResponse || ServerResponse;

  const { maxHeaderSize } = options;
  if (maxHeaderSize !== undefined) {
    validateInteger(maxHeaderSize, 'maxHeaderSize', 0);
  }
  this.maxHeaderSize = maxHeaderSize;

  const { insecureHTTPParser } = options;
  if (insecureHTTPParser !== undefined) {
    validateBoolean(insecureHTTPParser, 'options.insecureHTTPParser');
  }
  this.insecureHTTPParser = insecureHTTPParser;

  const { requestTimeout } = options;
  if (requestTimeout !== undefined) {
    validateInteger(requestTimeout, 'requestTimeout', 0);
    this.requestTimeout = requestTimeout;
  } else {
    this.requestTimeout = 300000;
  }

  const { headersTimeout } = options;
  if (headersTimeout !== undefined) {
    validateInteger(headersTimeout, 'headersTimeout', 0);
    this.headersTimeout = headersTimeout;
  } else if (this.requestTimeout > 0 && this.requestTimeout < 60000) {
    this.headersTimeout = this.requestTimeout;
  } else {
    this.headersTimeout = 60000;
  }

  if (this.requestTimeout > 0 && this.headersTimeout > 0 &&
      this.headersTimeout > this.requestTimeout) {
    throw new ERR_OUT_OF_RANGE('headersTimeout', '<= requestTimeout',
                               headersTimeout);
  }

  const { keepAliveTimeout } = options;
  if (keepAliveTimeout !== undefined) {
    validateInteger(keepAliveTimeout, 'keepAliveTimeout', 0);
    this.keepAliveTimeout = keepAliveTimeout;
  } else {
    this.keepAliveTimeout = 5000;
  }

  const { connectionsCheckingInterval } = options;
  if (connectionsCheckingInterval !== undefined) {
    validateInteger(connectionsCheckingInterval,
                    'connectionsCheckingInterval', 0);
    this.connectionsCheckingInterval = connectionsCheckingInterval;
  } else {
    this.connectionsCheckingInterval = 30000;
  }

  const { joinDuplicateHeaders } = options;
  if (joinDuplicateHeaders !== undefined) {
    validateBoolean(joinDuplicateHeaders, 'options.joinDuplicateHeaders');
  }
  this.joinDuplicateHeaders = joinDuplicateHeaders;

  const { rejectNonStandardBodyWrites } = options;
  if (rejectNonStandardBodyWrites !== undefined) {
    validateBoolean(rejectNonStandardBodyWrites,
                    'options.rejectNonStandardBodyWrites');
    this.rejectNonStandardBodyWrites = rejectNonStandardBodyWrites;
  } else {
    this.rejectNonStandardBodyWrites = false;
  }
}

/* new Server([options][, requestListener]). */
function Server(options, requestListener) {
  if (!(this instanceof Server)) return new Server(options, requestListener);
  if (typeof options === 'function') {
    requestListener = options;
    options = {};
  } else if (options == null || typeof options === 'object') {
    options = { ...options };
  } else {
    validateObject(options, 'options');
  }
  storeHTTPOptions.call(this, options);
  ReflectApply(net.Server, this, [{
    allowHalfOpen: true,
    noDelay: options.noDelay ?? true,
    keepAlive: options.keepAlive,
    keepAliveInitialDelay: options.keepAliveInitialDelay,
    highWaterMark: options.highWaterMark,
  }]);
  if (requestListener) this.on('request', requestListener);
  // Allowed for compatibility: the http server never half-closes.
  this.httpAllowHalfOpen = false;
  this.on('connection', connectionListener);
  this.on('listening', setupConnectionsTracking);
  this.timeout = 0;
  this.maxHeadersCount = null;
  this.maxRequestsPerSocket = 0;
  this[kUniqueHeaders] = parseUniqueHeadersOption(options.uniqueHeaders);
}
ObjectSetPrototypeOf(Server.prototype, net.Server.prototype);
ObjectSetPrototypeOf(Server, net.Server);

/* close([cb]): stops accepting, closes idle connections. */
Server.prototype.close = function close() {
  httpServerPreClose(this);
  return ReflectApply(net.Server.prototype.close, this, arguments);
};

/* closeAllConnections(): destroys every connection with a parser. */
Server.prototype.closeAllConnections = function closeAllConnections() {
  const connections = this[kConnections];
  if (!connections) return;
  for (const socket of connections) socket.destroy();
};

/* closeIdleConnections(): destroys the keep-alive connections that are not
 * in the middle of a request or response. */
Server.prototype.closeIdleConnections = function closeIdleConnections() {
  const connections = this[kConnections];
  if (!connections) return;
  for (const socket of connections) {
    const state = socket[kState];
    const parser = socket.parser;
    if (state && state.incoming.length === 0 && !socket._httpMessage &&
        (!parser || parser.messageStart === 0)) {
      socket.destroy();
    }
  }
};

/* setTimeout([msecs][, callback]): idle timeout of new connections. */
Server.prototype.setTimeout = function setTimeout(msecs, callback) {
  this.timeout = msecs;
  if (callback) this.on('timeout', callback);
  return this;
};

Server.prototype[EE.captureRejectionSymbol] = function(err, event, ...args) {
  switch (event) {
    case 'request': {
      const res = args[1];
      if (!res.headersSent && !res.writableEnded) {
        // Nothing the handler set leaks into the error response.
        const names = res.getHeaderNames();
        for (let i = 0; i < names.length; i++) res.removeHeader(names[i]);
        res.statusCode = 500;
        res.end(STATUS_CODES[500]);
      } else {
        res.destroy();
      }
      break;
    }
    default:
      ReflectApply(net.Server.prototype[SymbolFor('nodejs.rejection')],
                   this, [err, event, ...args]);
  }
};

function httpServerPreClose(server) {
  server.closeIdleConnections();
  clearInterval(server[kConnectionsCheckingInterval]);
}

function setupConnectionsTracking() {
  this[kConnections] ??= new Set();
  if (this[kConnectionsCheckingInterval]) {
    clearInterval(this[kConnectionsCheckingInterval]);
  }
  this[kConnectionsCheckingInterval] = setInterval(
    checkConnections.bind(this),
    this.connectionsCheckingInterval).unref();
}

/* Fails the requests that exceeded headersTimeout or requestTimeout with a
 * 408. */
function checkConnections() {
  const { headersTimeout, requestTimeout } = this;
  if (headersTimeout === 0 && requestTimeout === 0) return;
  const now = Date.now();
  for (const socket of this[kConnections]) {
    const parser = socket.parser;
    if (!parser || parser.messageStart === 0) continue;
    const elapsed = now - parser.messageStart;
    if ((!parser.headersDone && headersTimeout > 0 &&
         elapsed > headersTimeout) ||
        (requestTimeout > 0 && elapsed > requestTimeout)) {
      parser.messageStart = 0;
      ReflectApply(socketOnError, socket, [new ERR_HTTP_REQUEST_TIMEOUT()]);
    }
  }
}

function connectionListener(socket) {
  connectionListenerInternal(this, socket);
}

function connectionListenerInternal(server, socket) {
  debug('SERVER new http connection');
  socket.server = server;
  if (server.timeout && typeof socket.setTimeout === 'function') {
    socket.setTimeout(server.timeout);
  }
  socket.on('timeout', socketOnTimeout);

  const parser = parsers.alloc();
  let lenient = server.insecureHTTPParser === undefined ?
    isLenient() : server.insecureHTTPParser;
  lenient = lenient ? HTTPParser.kLenientAll : 0;
  parser.initialize(HTTPParser.REQUEST, null,
                    server.maxHeaderSize ||
                    getOptionValue('--max-http-header-size'),
                    lenient);
  parser.socket = socket;
  socket.parser = parser;
  if (typeof server.maxHeadersCount === 'number') {
    parser.maxHeaderPairs = server.maxHeadersCount << 1;
  }

  const state = {
    onData: null,
    onEnd: null,
    onClose: null,
    onDrain: null,
    outgoing: [],
    incoming: [],
    // Bytes of responses queued while waiting for the socket (pipelining).
    outgoingData: 0,
    requestsCount: 0,
    keepAliveTimeoutSet: false,
  };
  state.onData = socketOnData.bind(undefined, server, socket, parser, state);
  state.onEnd = socketOnEnd.bind(undefined, server, socket, parser, state);
  state.onClose = socketOnClose.bind(undefined, socket, state);
  state.onDrain = socketOnDrain.bind(undefined, socket, state);
  socket.on('data', state.onData);
  socket.on('error', socketOnError);
  socket.on('end', state.onEnd);
  socket.on('close', state.onClose);
  socket.on('drain', state.onDrain);
  parser.onIncoming = parserOnIncoming.bind(undefined, server, socket,
                                            state);
  // A consumed socket gets no 'data': its pause()/resume() must stop and
  // start the handle itself.
  socket.on('resume', onSocketResume);
  socket.on('pause', onSocketPause);
  // Whoever listens for the socket's data takes the reads back from C.
  socket.on = unconsumingListenerMethod('on');
  socket.addListener = unconsumingListenerMethod('addListener');
  socket.prependListener = unconsumingListenerMethod('prependListener');
  // The parser reads the handle in C (no Buffer, no 'data' per read),
  // unless another parser did before (a handle is consumed only once).
  if (socket._handle?.isStreamBase && !socket._handle._consumed) {
    parser._consumed = true;
    socket._handle._consumed = true;
    parser.consume(socket._handle);
  }
  parser[HTTPParser.kOnExecute] = onParserExecute.bind(undefined, server,
                                                       socket, parser, state);
  parser[HTTPParser.kOnMessageBegin] = onParserMessageBegin;
  // The first request's clock starts with the connection.
  parser.messageStart = Date.now();
  parser[HTTPParser.kOnTimeout] = onParserTimeout.bind(undefined, server,
                                                         socket);
  socket[kState] = state;
  server[kConnections] ??= new Set();
  server[kConnections].add(socket);

  // The parser needs bytes: no encoding on this socket.
  socket.setEncoding = socketSetEncoding;
  socket._paused = false;
}

/* A request starts (`this` is the parser): its timeouts start too. */
function onParserMessageBegin() {
  this.messageStart = Date.now();
  this.headersDone = false;
}

/* The parser's idle timeout: like a socket timeout nobody handles. */
function onParserTimeout(server, socket) {
  const serverTimeout = server.emit('timeout', socket);
  if (!serverTimeout) socket.destroy();
}

function updateOutgoingData(socket, state, delta) {
  state.outgoingData += delta;
  socketOnDrain(socket, state);
}

function socketOnDrain(socket, state) {
  const needPause = state.outgoingData > socket.writableHighWaterMark;
  if (socket._paused && !needPause) {
    socket._paused = false;
    if (socket.parser) socket.parser.resume();
    socket.resume();
  }
  const msg = socket._httpMessage;
  if (msg && !msg.finished && msg[kNeedDrain]) {
    msg[kNeedDrain] = false;
    msg.emit('drain');
  }
}

function socketOnTimeout() {
  const req = this.parser && this.parser.incoming;
  const reqTimeout = req && !req.complete && req.emit('timeout', this);
  const res = this._httpMessage;
  const resTimeout = res && res.emit('timeout', this);
  const serverTimeout = this.server.emit('timeout', this);
  if (!reqTimeout && !resTimeout && !serverTimeout) this.destroy();
}

function socketOnClose(socket, state) {
  const server = socket.server;
  if (server && server[kConnections]) server[kConnections].delete(socket);
  freeParser(socket.parser, null, socket);
  abortIncoming(state.incoming);
}

function abortIncoming(incoming) {
  while (incoming.length) {
    const req = incoming.shift();
    req.destroy(connResetException('aborted'));
  }
}

function socketOnEnd(server, socket, parser, state) {
  const ret = parser.finish();
  if (ret instanceof Error) {
    ReflectApply(socketOnError, socket, [ret]);
    return;
  }
  if (!server.httpAllowHalfOpen) {
    abortIncoming(state.incoming);
    if (socket.writable) socket.end();
  } else if (state.outgoing.length) {
    state.outgoing[state.outgoing.length - 1]._last = true;
  } else if (socket._httpMessage) {
    socket._httpMessage._last = true;
  } else if (socket.writable) {
    socket.end();
  }
}

function socketOnData(server, socket, parser, state, d) {
  const ret = parser.execute(d);
  onParserExecuteCommon(server, socket, parser, state, ret, d);
}

/* The parser consumed a read of the socket in C (`ret`: bytes parsed or a
 * parse Error). */
function onParserExecute(server, socket, parser, state, ret) {
  socket._unrefTimer();
  onParserExecuteCommon(server, socket, parser, state, ret, undefined);
}

/* Reads go back from the parser to the socket's JS side. */
function unconsume(parser, socket) {
  if (!socket._handle) return;
  if (parser._consumed) parser.unconsume();
  parser._consumed = false;
  socket.removeListener('pause', onSocketPause);
  socket.removeListener('resume', onSocketResume);
}

/* socket.on/addListener/prependListener of a server socket: a 'data' or
 * 'readable' listener means someone wants the bytes as a stream. */
function unconsumingListenerMethod(name) {
  return function listenerMethod(event, listener) {
    const ret = ReflectApply(net.Socket.prototype[name], this, [event,
                                                               listener]);
    if (!this.parser) {
      this.on = net.Socket.prototype.on;
      this.addListener = net.Socket.prototype.addListener;
      this.prependListener = net.Socket.prototype.prependListener;
      return ret;
    }
    if (event === 'data' || event === 'readable') {
      unconsume(this.parser, this);
    }
    return ret;
  };
}

/* 'resume' of a consumed socket: start the handle (unless the server
 * paused the socket meanwhile: 'resume' is emitted a tick late). */
function onSocketResume() {
  if (this._paused) {
    this.pause();
    return;
  }
  if (this._handle && !this._handle.reading) {
    this._handle.reading = true;
    this._handle.readStart();
  }
}

/* 'pause' of a consumed socket: stop the handle. */
function onSocketPause() {
  if (this._handle && this._handle.reading) {
    this._handle.reading = false;
    this._handle.readStop();
  }
}

function onParserExecuteCommon(server, socket, parser, state, ret, d) {
  if (ret instanceof Error) {
    prepareError(ret, parser, d);
    debug('parse error', ret);
    ReflectApply(socketOnError, socket, [ret]);
    return;
  }
  const req = parser.incoming;
  if (req !== null && req.upgrade) {
    // An upgrade or CONNECT: the rest of the bytes belong to the new
    // protocol.
    const eventName = req.method === 'CONNECT' ? 'connect' : 'upgrade';
    if (eventName === 'upgrade' || server.listenerCount(eventName) > 0) {
      socket.removeListener('data', state.onData);
      socket.removeListener('end', state.onEnd);
      socket.removeListener('close', state.onClose);
      socket.removeListener('drain', state.onDrain);
      socket.removeListener('error', socketOnError);
      socket.removeListener('timeout', socketOnTimeout);
      if (server[kConnections]) server[kConnections].delete(socket);
      d ??= parser.getCurrentBuffer();
      unconsume(parser, socket);
      parser.finish();
      freeParser(parser, req, socket);
      const bodyHead = d.slice(ret, d.length);
      socket.readableFlowing = null;
      server.emit(eventName, req, socket, bodyHead);
    } else {
      // No one handles CONNECT: the connection ends.
      socket.destroy();
    }
    return;
  }
  if (socket._paused && socket.parser) socket.pause();
}

function onSocketErrorNoop() {}

const badRequestResponse = 'HTTP/1.1 400 Bad Request\r\n' +
  'Connection: close\r\n\r\n';
const requestTimeoutResponse = 'HTTP/1.1 408 Request Timeout\r\n' +
  'Connection: close\r\n\r\n';
const payloadTooLargeResponse = 'HTTP/1.1 413 Payload Too Large\r\n' +
  'Connection: close\r\n\r\n';
const requestHeaderFieldsTooLargeResponse =
  'HTTP/1.1 431 Request Header Fields Too Large\r\n' +
  'Connection: close\r\n\r\n';

/* An error on a server socket (`this`): 'clientError' when someone
 * listens, else a 400/408/431 answer (when nothing was sent yet) and the
 * socket is destroyed. */
function socketOnError(e) {
  // Later errors of this socket are of no interest.
  this.removeListener('error', socketOnError);
  this.on('error', onSocketErrorNoop);
  if (!this.server.emit('clientError', e, this)) {
    if (this.writable &&
        (!this._httpMessage || !this._httpMessage._headerSent)) {
      let response;
      switch (e.code) {
        case 'HPE_HEADER_OVERFLOW':
          response = requestHeaderFieldsTooLargeResponse;
          break;
        case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
          response = payloadTooLargeResponse;
          break;
        case 'ERR_HTTP_REQUEST_TIMEOUT':
          response = requestTimeoutResponse;
          break;
        default:
          response = badRequestResponse;
      }
      this.write(response);
    }
    this.destroy(e);
  }
}

function resetSocketTimeout(server, socket, state) {
  if (!state.keepAliveTimeoutSet) return;
  socket.setTimeout(server.timeout || 0);
  state.keepAliveTimeoutSet = false;
}

/* The parser has the head of a request: make its response and emit
 * 'request' (or checkContinue, checkExpectation, an upgrade). */
function parserOnIncoming(server, socket, state, req, keepAlive) {
  resetSocketTimeout(server, socket, state);

  if (req.upgrade) {
    req.upgrade = req.method === 'CONNECT' ||
      server.listenerCount('upgrade') > 0;
    if (req.upgrade) return 2;
  }

  state.incoming.push(req);

  // Pipelined requests pile up responses: stop reading while the socket
  // cannot take more.
  if (!socket._paused) {
    const ws = socket._writableState;
    if (ws.needDrain || state.outgoingData >= socket.writableHighWaterMark) {
      socket._paused = true;
      socket.pause();
    }
  }

  const res = new server[kServerResponse](req, {
    highWaterMark: socket.writableHighWaterMark,
    rejectNonStandardBodyWrites: server.rejectNonStandardBodyWrites,
  });
  if (hasObserver('http')) {
    startPerf(res, kServerResponseStatistics, {
      type: 'http',
      name: 'HttpRequest',
      detail: {
        req: { method: req.method, url: req.url, headers: req.headers },
      },
    });
  }
  res._keepAliveTimeout = server.keepAliveTimeout;
  res._maxRequestsPerSocket = server.maxRequestsPerSocket;
  res._onPendingData = updateOutgoingData.bind(undefined, socket, state);
  res.shouldKeepAlive = keepAlive;
  res[kUniqueHeaders] = server[kUniqueHeaders];

  if (socket._httpMessage) {
    state.outgoing.push(res);
  } else {
    res.assignSocket(socket);
  }

  res.on('finish', resOnFinish.bind(undefined, req, res, socket, state,
                                    server));
  if (requestStartChannel.hasSubscribers) {
    requestStartChannel.publish({ request: req, response: res, socket, server });
  }

  let handled = false;
  if (req.httpVersionMajor === 1 && req.httpVersionMinor === 1) {
    if (server.maxRequestsPerSocket > 0) {
      state.requestsCount++;
      res.maxRequestsOnConnectionReached =
        server.maxRequestsPerSocket <= state.requestsCount;
    }
    if (server.maxRequestsPerSocket > 0 &&
        server.maxRequestsPerSocket < state.requestsCount) {
      handled = true;
      server.emit('dropRequest', req, socket);
      res.writeHead(503);
      res.end();
    } else if (req.headers.expect !== undefined) {
      handled = true;
      if (continueExpression.test(req.headers.expect)) {
        res._expect_continue = true;
        if (server.listenerCount('checkContinue') > 0) {
          server.emit('checkContinue', req, res);
        } else {
          res.writeContinue();
          server.emit('request', req, res);
        }
      } else if (server.listenerCount('checkExpectation') > 0) {
        server.emit('checkExpectation', req, res);
      } else {
        res.writeHead(417);
        res.end();
      }
    }
  }
  if (!handled) server.emit('request', req, res);
  return 0;
}

/* Lets the parser drop its reference to `req` once its body has ended. */
function clearIncoming(req) {
  req = req || this;
  const parser = req.socket?.parser;
  if (parser && parser.incoming === req) {
    if (req.readableEnded) {
      parser.incoming = null;
    } else {
      req.on('end', clearIncoming);
    }
  }
}

function resOnFinish(req, res, socket, state, server) {
  if (responseFinishChannel.hasSubscribers) {
    responseFinishChannel.publish({ request: req, response: res, socket, server });
  }
  // The request is done too (its unread body is thrown away).
  const idx = state.incoming.indexOf(req);
  if (idx === 0) {
    state.incoming.shift();
  } else if (idx > 0) {
    state.incoming.splice(idx, 1);
  }
  if (!req._consuming && !req._readableState.resumeScheduled) req._dump();
  res.detachSocket(socket);
  clearIncoming(req);
  process.nextTick(emitCloseNT, res);

  if (res._last) {
    if (typeof socket.destroySoon === 'function') {
      socket.destroySoon();
    } else {
      socket.end();
    }
  } else if (state.outgoing.length === 0) {
    if (server.keepAliveTimeout && typeof socket.setTimeout === 'function') {
      socket.setTimeout(server.keepAliveTimeout);
      state.keepAliveTimeoutSet = true;
    }
  } else {
    const m = state.outgoing.shift();
    if (m) m.assignSocket(socket);
  }
}

/* setEncoding() of an http server socket: not allowed. */
function socketSetEncoding() {
  throw new ERR_HTTP_SOCKET_ENCODING();
}

module.exports = {
  STATUS_CODES,
  Server,
  ServerResponse,
  setupConnectionsTracking,
  storeHTTPOptions,
  _connectionListener: connectionListener,
  kServerResponse,
  kConnectionsCheckingInterval,
  httpServerPreClose,
};
