'use strict';
// https.js - the https module: HTTP over TLS. https.Agent pools TLS
// connections (TLS options are part of the pool key, sessions are cached
// for resumption), https.Server is an http server over tls.Server.

const {
  ArrayPrototypeIndexOf,
  ArrayPrototypePush,
  ArrayPrototypeShift,
  ArrayPrototypeSplice,
  FunctionPrototypeCall,
  JSONStringify,
  ObjectAssign,
  ObjectSetPrototypeOf,
  ReflectApply,
} = primordials;

const tls = require('tls');
const { Agent: HttpAgent } = require('_http_agent');
const { ClientRequest } = require('_http_client');
const {
  Server: HttpServer,
  setupConnectionsTracking,
  storeHTTPOptions,
  _connectionListener,
  httpServerPreClose,
} = require('_http_server');
const { URL, urlToHttpOptions, isURL } = require('internal/url');
const { validateObject } = require('internal/validators');

/* new Server([options][, requestListener]): TLS options plus the http
 * server's. */
function Server(opts, requestListener) {
  if (!(this instanceof Server)) return new Server(opts, requestListener);
  if (typeof opts === 'function') {
    requestListener = opts;
    opts = {};
  } else if (opts == null) {
    opts = {};
  } else {
    validateObject(opts, 'options');
  }
  opts = { ...opts };
  if (!opts.ALPNProtocols) opts.ALPNProtocols = ['http/1.1'];
  FunctionPrototypeCall(storeHTTPOptions, this, opts);
  // Unlike Node, connections are not paused on connect: the http server
  // reads a TLS socket through its 'data' events.
  FunctionPrototypeCall(tls.Server, this, {
    noDelay: true,
    ...opts,
  }, _connectionListener);
  this.httpAllowHalfOpen = false;
  if (requestListener) this.addListener('request', requestListener);
  this.addListener('tlsClientError', function onClientError(err, conn) {
    if (!this.emit('clientError', err, conn)) conn.destroy(err);
  });
  this.timeout = 0;
  this.maxHeadersCount = null;
  this.on('listening', setupConnectionsTracking);
}
ObjectSetPrototypeOf(Server.prototype, tls.Server.prototype);
ObjectSetPrototypeOf(Server, tls.Server);

Server.prototype.closeAllConnections = HttpServer.prototype.closeAllConnections;
Server.prototype.closeIdleConnections =
  HttpServer.prototype.closeIdleConnections;
Server.prototype.setTimeout = HttpServer.prototype.setTimeout;

Server.prototype.close = function close() {
  httpServerPreClose(this);
  return ReflectApply(tls.Server.prototype.close, this, arguments);
};

/* createServer([options][, requestListener]) */
function createServer(opts, requestListener) {
  return new Server(opts, requestListener);
}

/* new Agent([options]): http.Agent for https: plus maxCachedSessions. */
function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  FunctionPrototypeCall(HttpAgent, this, options);
  this.defaultPort = 443;
  this.protocol = 'https:';
  this.maxCachedSessions = this.options.maxCachedSessions;
  if (this.maxCachedSessions === undefined) this.maxCachedSessions = 100;
  this._sessionCache = { map: { __proto__: null }, list: [] };
}
ObjectSetPrototypeOf(Agent.prototype, HttpAgent.prototype);
ObjectSetPrototypeOf(Agent, HttpAgent);

/* createConnection(options[, cb]) (also (port, host, options)): a TLS
 * connection resuming a cached session for the same pool key. */
Agent.prototype.createConnection = function createConnection(port, host,
                                                             options) {
  if (port !== null && typeof port === 'object') {
    options = port;
  } else if (host !== null && typeof host === 'object') {
    options = { ...host };
  } else if (options === null || typeof options !== 'object') {
    options = {};
  } else {
    options = { ...options };
  }
  if (typeof port === 'number') options.port = port;
  if (typeof host === 'string') options.host = host;
  const key = options._agentKey;
  if (key) {
    const session = this._getSession(key);
    if (session) options = { session, ...options };
  }
  const socket = tls.connect(options);
  if (key) {
    socket.on('session', (session) => this._cacheSession(key, session));
    socket.once('close', (err) => {
      if (err) this._evictSession(key);
    });
  }
  return socket;
};

/* getName(options) -> http's key plus every TLS option that changes the
 * connection. */
Agent.prototype.getName = function getName(options = {}) {
  let name = FunctionPrototypeCall(HttpAgent.prototype.getName, this,
                                   options);
  const keys = ['ca', 'cert', 'clientCertEngine', 'ciphers', 'key', 'pfx',
                'rejectUnauthorized', 'servername', 'minVersion',
                'maxVersion', 'secureProtocol', 'crl', 'honorCipherOrder',
                'ecdhCurve', 'dhparam', 'secureOptions', 'sessionIdContext',
                'sigalgs', 'privateKeyIdentifier', 'privateKeyEngine'];
  for (let i = 0; i < keys.length; i++) {
    name += ':';
    const key = keys[i];
    const value = options[key];
    if (value === undefined || value === null) continue;
    if (key === 'servername' && value === options.host) continue;
    name += key === 'sigalgs' ? JSONStringify(value) : value;
  }
  return name;
};

Agent.prototype._getSession = function _getSession(key) {
  return this._sessionCache.map[key];
};

Agent.prototype._cacheSession = function _cacheSession(key, session) {
  if (this.maxCachedSessions === 0) return;
  const cache = this._sessionCache;
  if (cache.map[key]) {
    cache.map[key] = session;
    return;
  }
  if (cache.list.length >= this.maxCachedSessions) {
    const oldKey = ArrayPrototypeShift(cache.list);
    delete cache.map[oldKey];
  }
  ArrayPrototypePush(cache.list, key);
  cache.map[key] = session;
};

Agent.prototype._evictSession = function _evictSession(key) {
  const cache = this._sessionCache;
  const index = ArrayPrototypeIndexOf(cache.list, key);
  if (index === -1) return;
  ArrayPrototypeSplice(cache.list, index, 1);
  delete cache.map[key];
};

const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo',
                                timeout: 5000 });

/* request(url[, options][, cb]) / request(options[, cb]) */
function request(...args) {
  let options = {};
  if (typeof args[0] === 'string') {
    options = urlToHttpOptions(new URL(ArrayPrototypeShift(args)));
  } else if (isURL(args[0])) {
    options = urlToHttpOptions(ArrayPrototypeShift(args));
  }
  if (args[0] && typeof args[0] !== 'function') {
    ObjectAssign(options, ArrayPrototypeShift(args));
  }
  options._defaultAgent = module.exports.globalAgent;
  ArrayPrototypeUnshiftOptions(args, options);
  return ReflectApply(construct, null, args);
}

function ArrayPrototypeUnshiftOptions(args, options) {
  ArrayPrototypeSplice(args, 0, 0, options);
}

function construct(options, cb) {
  return new ClientRequest(options, cb);
}

/* get(...): request() already ended. */
function get(input, options, cb) {
  const req = request(input, options, cb);
  req.end();
  return req;
}

module.exports = {
  Agent,
  globalAgent,
  Server,
  createServer,
  get,
  request,
};
