'use strict';
// _http_common.js - what the http server and client share: the parser pool,
// the parser callbacks that build IncomingMessages, and header token checks.

const {
  MathMin,
  Symbol,
} = primordials;

const { setImmediate } = require('timers');
const { methods, allMethods, HTTPParser } =
  internalBinding('http_parser');
const { getOptionValue } = require('internal/options');
const { IncomingMessage, readStart, readStop } = require('_http_incoming');

const kIncomingMessage = Symbol('IncomingMessage');
const kOnMessageBegin = HTTPParser.kOnMessageBegin | 0;
const kOnHeaders = HTTPParser.kOnHeaders | 0;
const kOnHeadersComplete = HTTPParser.kOnHeadersComplete | 0;
const kOnBody = HTTPParser.kOnBody | 0;
const kOnMessageComplete = HTTPParser.kOnMessageComplete | 0;
const kOnExecute = HTTPParser.kOnExecute | 0;
const kOnTimeout = HTTPParser.kOnTimeout | 0;

const MAX_HEADER_PAIRS = 2000;

/* Trailers (or headers past the parser's batch): collected until the
 * message completes. */
function parserOnHeaders(headers, url) {
  if (this.maxHeaderPairs <= 0 ||
      this._headers.length < this.maxHeaderPairs) {
    this._headers = this._headers.concat(headers);
  }
  this._url += url;
}

/* The start line and headers are in: makes the IncomingMessage and hands
 * it to parser.onIncoming, whose return value tells the parser to skip the
 * body (1) or stop for an upgrade (2). */
function parserOnHeadersComplete(versionMajor, versionMinor, headers, method,
                                 url, statusCode, statusMessage, upgrade,
                                 shouldKeepAlive) {
  const parser = this;
  const { socket } = parser;
  if (headers === undefined) {
    headers = parser._headers;
    parser._headers = [];
  }
  if (url === undefined) {
    url = parser._url;
    parser._url = '';
  }
  let Incoming = parser[kIncomingMessage];
  if (!Incoming) {
    Incoming = (socket && socket.server &&
                socket.server[kIncomingMessage]) || IncomingMessage;
  }
  parser.headersDone = true;
  const incoming = parser.incoming = new Incoming(socket);
  incoming.httpVersionMajor = versionMajor;
  incoming.httpVersionMinor = versionMinor;
  incoming.httpVersion = versionMajor === 1 && versionMinor === 1 ? '1.1' :
    `${versionMajor}.${versionMinor}`;
  incoming.joinDuplicateHeaders = socket?.server?.joinDuplicateHeaders ||
    parser.joinDuplicateHeaders;
  incoming.url = url;
  incoming.upgrade = upgrade;
  let n = headers.length;
  if (parser.maxHeaderPairs > 0) n = MathMin(n, parser.maxHeaderPairs);
  incoming._addHeaderLines(headers, n);
  if (typeof method === 'number') {
    incoming.method = allMethods[method];
  } else {
    incoming.statusCode = statusCode;
    incoming.statusMessage = statusMessage;
  }
  return parser.onIncoming(incoming, shouldKeepAlive);
}

/* A piece of body: pushed to the message (pausing the socket when the
 * message's buffer is full). */
function parserOnBody(b) {
  const stream = this.incoming;
  if (stream === null) return;
  if (!stream._dumped) {
    const ret = stream.push(b);
    if (!ret) readStop(this.socket);
  }
}

/* The message is complete: trailers are added and the stream ends. */
function parserOnMessageComplete() {
  const parser = this;
  const stream = parser.incoming;
  if (stream !== null) {
    stream.complete = true;
    const headers = parser._headers;
    if (headers.length) {
      stream._addHeaderLines(headers, headers.length);
      parser._headers = [];
      parser._url = '';
    }
    stream.push(null);
  }
  parser.messageStart = 0;
  readStart(parser.socket);
}

/* A small pool of reusable objects (parsers): alloc() takes one or makes
 * one with `ctor`, free(obj) keeps it unless the pool is full. */
class FreeList {
  constructor(name, max, ctor) {
    this.name = name;
    this.ctor = ctor;
    this.max = max;
    this.list = [];
  }

  hasItems() { return this.list.length > 0; }

  alloc() {
    return this.list.length > 0 ? this.list.pop() : this.ctor();
  }

  free(obj) {
    if (this.list.length < this.max) {
      this.list.push(obj);
      return true;
    }
    return false;
  }
}

const parsers = new FreeList('parsers', 1000, function parsersCb() {
  const parser = new HTTPParser();
  cleanParser(parser);
  parser[kOnHeaders] = parserOnHeaders;
  parser[kOnHeadersComplete] = parserOnHeadersComplete;
  parser[kOnBody] = parserOnBody;
  parser[kOnMessageComplete] = parserOnMessageComplete;
  return parser;
});

function closeParserInstance(parser) { parser.close(); }

function cleanParser(parser) {
  parser._headers = [];
  parser._url = '';
  parser.socket = null;
  parser.incoming = null;
  parser.outgoing = null;
  parser.maxHeaderPairs = MAX_HEADER_PAIRS;
  parser[kOnMessageBegin] = null;
  parser[kOnExecute] = null;
  parser[kOnTimeout] = null;
  parser._consumed = false;
  parser.onIncoming = null;
  parser.joinDuplicateHeaders = null;
  // When the message being parsed began (ms; 0 between messages): set by
  // the server's kOnMessageBegin, for headersTimeout/requestTimeout.
  parser.messageStart = 0;
  parser.headersDone = false;
}

/* Returns `parser` to the pool and unties it from its socket and
 * request. */
function freeParser(parser, req, socket) {
  if (parser) {
    if (parser._consumed) parser.unconsume();
    cleanParser(parser);
    parser.remove();
    if (parsers.free(parser) === false) {
      // Closed on the next turn: it may still be executing now.
      setImmediate(closeParserInstance, parser);
    } else {
      parser.free();
    }
  }
  if (req) req.parser = null;
  if (socket) socket.parser = null;
}

const tokenRegExp = /^[\^_`a-zA-Z\-0-9!#$%&'*+.|~]+$/;
/* Whether `val` is an HTTP token (RFC 7230 tchar+). */
function checkIsHttpToken(val) {
  return tokenRegExp.test(val);
}

const headerCharRegex = /[^\t\x20-\x7e\x80-\xff]/;
/* Whether `val` holds a character not allowed in a header value. */
function checkInvalidHeaderChar(val) {
  return headerCharRegex.test(val);
}

/* Adds the bytes that failed to parse to a parse error. */
function prepareError(err, parser, rawPacket) {
  err.rawPacket = rawPacket || parser.getCurrentBuffer();
  if (typeof err.reason === 'string') {
    err.message = `Parse Error: ${err.reason}`;
  }
}

let warnedLenient = false;

/* Whether --insecure-http-parser is on (warns once). */
function isLenient() {
  if (getOptionValue('--insecure-http-parser') && !warnedLenient) {
    warnedLenient = true;
    process.emitWarning('Using insecure HTTP parsing');
  }
  return getOptionValue('--insecure-http-parser');
}

module.exports = {
  _checkInvalidHeaderChar: checkInvalidHeaderChar,
  _checkIsHttpToken: checkIsHttpToken,
  chunkExpression: /(?:^|\W)chunked(?:$|\W)/i,
  continueExpression: /(?:^|\W)100-continue(?:$|\W)/i,
  CRLF: '\r\n',
  freeParser,
  methods,
  parsers,
  kIncomingMessage,
  HTTPParser,
  isLenient,
  prepareError,
};
