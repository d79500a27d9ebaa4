'use strict';
// http.js - the http module: HTTP/1.1 servers and clients (see
// _http_server, _http_client, _http_agent, _http_incoming,
// _http_outgoing).

const {
  ArrayPrototypeSlice,
  ArrayPrototypeSort,
  ObjectDefineProperty,
} = primordials;

const { validateInteger } = require('internal/validators');
const httpAgent = require('_http_agent');
const { ClientRequest } = require('_http_client');
const { methods, parsers } = require('_http_common');
const { IncomingMessage } = require('_http_incoming');
const {
  validateHeaderName,
  validateHeaderValue,
  OutgoingMessage,
} = require('_http_outgoing');
const {
  _connectionListener,
  STATUS_CODES,
  Server,
  ServerResponse,
} = require('_http_server');
const { getOptionValue } = require('internal/options');

let maxHeaderSize;

/* createServer([options][, requestListener]) -> a new Server. */
function createServer(opts, requestListener) {
  return new Server(opts, requestListener);
}

/* request(url[, options][, cb]) / request(options[, cb]) -> a
 * ClientRequest (call end() to send it). */
function request(url, options, cb) {
  return new ClientRequest(url, options, cb);
}

/* get(...): request() with method GET, already ended. */
function get(url, options, cb) {
  const req = request(url, options, cb);
  req.end();
  return req;
}

/* setMaxIdleHTTPParsers(max): how many parsers the pool keeps. */
function setMaxIdleHTTPParsers(max) {
  validateInteger(max, 'max', 1);
  parsers.max = max;
}

module.exports = {
  _connectionListener,
  METHODS: ArrayPrototypeSort(ArrayPrototypeSlice(methods)),
  STATUS_CODES,
  Agent: httpAgent.Agent,
  ClientRequest,
  IncomingMessage,
  OutgoingMessage,
  Server,
  ServerResponse,
  createServer,
  validateHeaderName,
  validateHeaderValue,
  get,
  request,
  setMaxIdleHTTPParsers,
};

ObjectDefineProperty(module.exports, 'maxHeaderSize', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    if (maxHeaderSize === undefined) {
      maxHeaderSize = getOptionValue('--max-http-header-size');
    }
    return maxHeaderSize;
  },
});

ObjectDefineProperty(module.exports, 'globalAgent', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    return httpAgent.globalAgent;
  },
  set(value) {
    httpAgent.globalAgent = value;
  },
});
