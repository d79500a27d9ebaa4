'use strict';
// https.js - the https module's surface while TLS is not built: requests
// take their arguments exactly as http does (so bad URLs and options get
// Node's errors), then opening the TLS connection throws
// ERR_METHOD_NOT_IMPLEMENTED; creating a server throws it too.

const {
  ArrayPrototypeShift,
  ArrayPrototypeUnshift,
  FunctionPrototypeCall,
  ObjectAssign,
  ObjectSetPrototypeOf,
  ReflectConstruct,
} = primordials;

const { Agent: HttpAgent } = require('_http_agent');
const { ClientRequest } = require('_http_client');
const { URL, urlToHttpOptions, isURL } = require('internal/url');
const {
  notImplemented,
  notImplementedClass,
} = require('internal/crypto/unimplemented');

/* new https.Agent([options]): an http Agent for 'https:' on port 443. */
function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  FunctionPrototypeCall(HttpAgent, this, options);
  this.defaultPort = 443;
  this.protocol = 'https:';
  this.maxCachedSessions = this.options.maxCachedSessions;
  if (this.maxCachedSessions === undefined) this.maxCachedSessions = 100;
  this._sessionCache = { map: {}, list: [] };
}
ObjectSetPrototypeOf(Agent.prototype, HttpAgent.prototype);
ObjectSetPrototypeOf(Agent, HttpAgent);

// Connections would be tls.connect(): not built yet.
Agent.prototype.createConnection = notImplemented('tls.connect()');

const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo',
                                timeout: 5000 });

/* https.request(url[, options][, callback]) or (options[, callback]). */
function request(...args) {
  let options = {};
  if (typeof args[0] === 'string') {
    options = urlToHttpOptions(new URL(ArrayPrototypeShift(args)));
  } else if (isURL(args[0])) {
    options = urlToHttpOptions(ArrayPrototypeShift(args));
  }
  if (args[0] && typeof args[0] !== 'function')
    ObjectAssign(options, ArrayPrototypeShift(args));
  options._defaultAgent = module.exports.globalAgent;
  ArrayPrototypeUnshift(args, options);
  return ReflectConstruct(ClientRequest, args);
}

/* https.get(): request() ended at once. */
function get(input, options, cb) {
  const req = request(input, options, cb);
  req.end();
  return req;
}

module.exports = {
  Agent,
  globalAgent,
  Server: notImplementedClass('https.Server'),
  createServer: notImplemented('https.createServer()'),
  get,
  request,
};
