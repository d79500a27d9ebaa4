'use strict';
// _http_agent.js - http.Agent: pools client sockets per host:port, queues
// requests beyond maxSockets, keeps idle keep-alive sockets for reuse.

const {
  ArrayPrototypeIndexOf,
  ArrayPrototypePush,
  ArrayPrototypeShift,
  ArrayPrototypeSplice,
  NumberParseInt,
  ObjectKeys,
  ObjectSetPrototypeOf,
  RegExpPrototypeExec,
  Symbol,
} = primordials;

const net = require('net');
const EventEmitter = require('events');
const {
  codes: { ERR_OUT_OF_RANGE },
} = require('internal/errors');
const { once } = require('internal/util');
const { validateNumber, validateOneOf, validateString } =
  require('internal/validators');

const kRequestOptions = Symbol('requestOptions');

function freeSocketErrorListener(err) {
  const socket = this;
  socket.destroy();
  socket.emit('agentRemove');
}

/* totalSocketCount counts the open sockets, in use or free. A request
 * waiting for another origin gets a new socket when one becomes free (the
 * free one is then dropped rather than kept past maxTotalSockets). */

/* new Agent([options]): keepAlive, keepAliveMsecs, maxSockets,
 * maxFreeSockets, maxTotalSockets, scheduling ('lifo'|'fifo'), timeout,
 * plus options every socket gets. */
function Agent(options) {
  if (!(this instanceof Agent)) return new Agent(options);
  EventEmitter.call(this);
  this.defaultPort = 80;
  this.protocol = 'http:';
  this.options = { __proto__: null, ...options };
  if (this.options.noDelay === undefined) this.options.noDelay = true;
  // Agent options are not for the connection's path.
  this.options.path = null;
  this.requests = { __proto__: null };
  this.sockets = { __proto__: null };
  this.freeSockets = { __proto__: null };
  this.keepAliveMsecs = this.options.keepAliveMsecs || 1000;
  this.keepAlive = this.options.keepAlive || false;
  this.maxSockets = this.options.maxSockets || Agent.defaultMaxSockets;
  this.maxFreeSockets = this.options.maxFreeSockets || 256;
  this.scheduling = this.options.scheduling || 'lifo';
  this.maxTotalSockets = this.options.maxTotalSockets;
  this.totalSocketCount = 0;

  validateOneOf(this.scheduling, 'scheduling', ['fifo', 'lifo']);

  if (this.maxTotalSockets !== undefined) {
    validateNumber(this.maxTotalSockets, 'maxTotalSockets');
    if (this.maxTotalSockets <= 0 ||
        this.maxTotalSockets !== this.maxTotalSockets) {
      throw new ERR_OUT_OF_RANGE('maxTotalSockets', '> 0',
                                 this.maxTotalSockets);
    }
  } else {
    this.maxTotalSockets = Infinity;
  }

  this.on('free', (socket, options) => onFree(this, socket, options));
}
ObjectSetPrototypeOf(Agent.prototype, EventEmitter.prototype);
ObjectSetPrototypeOf(Agent, EventEmitter);

Agent.defaultMaxSockets = Infinity;

/* A socket finished its request: give it to a queued request, keep it as
 * a free socket, or destroy it. */
function onFree(agent, socket, options) {
  const name = agent.getName(options);
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const requests = agent.requests[name];
  if (requests && requests.length) {
    const req = ArrayPrototypeShift(requests);
    setRequestSocket(agent, req, socket);
    if (requests.length === 0) delete agent.requests[name];
    return;
  }
  const req = socket._httpMessage;
  if (!req || !req.shouldKeepAlive || !agent.keepAlive) {
    socket.destroy();
    return;
  }
  const freeSockets = agent.freeSockets[name] || [];
  const freeLen = freeSockets.length;
  let count = freeLen;
  if (agent.sockets[name]) count += agent.sockets[name].length;
  if (agent.totalSocketCount > agent.maxTotalSockets ||
      count > agent.maxSockets ||
      freeLen >= agent.maxFreeSockets ||
      !agent.keepSocketAlive(socket)) {
    socket.destroy();
    return;
  }
  agent.freeSockets[name] = freeSockets;
  socket._httpMessage = null;
  agent.removeSocket(socket, options);
  socket.once('error', freeSocketErrorListener);
  ArrayPrototypePush(freeSockets, socket);
}

Agent.prototype.createConnection = net.createConnection;

/* getName([options]) -> the pool key "host:port:localAddress[:family]
 * [:socketPath]". */
Agent.prototype.getName = function getName(options = {}) {
  let name = options.host || 'localhost';
  name += ':';
  if (options.port) name += options.port;
  name += ':';
  if (options.localAddress) name += options.localAddress;
  if (options.family === 4 || options.family === 6) {
    name += `:${options.family}`;
  }
  if (options.socketPath) name += `:${options.socketPath}`;
  return name;
};

/* addRequest(req, options): gives `req` a socket now (free or new) or
 * queues it. */
Agent.prototype.addRequest = function addRequest(req, options, port,
                                                 localAddress) {
  if (typeof options === 'string') {
    // Legacy signature addRequest(req, host, port, localAddress).
    options = { __proto__: null, host: options, port, localAddress };
  }
  options = { __proto__: null, ...options, ...this.options };
  if (options.socketPath) options.path = options.socketPath;
  normalizeServerName(options, req);

  const name = this.getName(options);
  this.sockets[name] ||= [];

  const freeSockets = this.freeSockets[name];
  let socket;
  if (freeSockets) {
    while (freeSockets.length && freeSockets[0].destroyed) {
      ArrayPrototypeShift(freeSockets);
    }
    socket = this.scheduling === 'fifo' ?
      ArrayPrototypeShift(freeSockets) : freeSockets.pop();
    if (!freeSockets.length) delete this.freeSockets[name];
  }

  const freeLen = freeSockets ? freeSockets.length : 0;
  const sockLen = freeLen + this.sockets[name].length;

  if (socket) {
    socket.removeListener('error', freeSocketErrorListener);
    this.reuseSocket(socket, req);
    setRequestSocket(this, req, socket);
    ArrayPrototypePush(this.sockets[name], socket);
  } else if (sockLen < this.maxSockets &&
             this.totalSocketCount < this.maxTotalSockets) {
    this.createSocket(req, options, (err, s) => {
      if (err) {
        req.onSocket(s, err);
      } else {
        setRequestSocket(this, req, s);
      }
    });
  } else {
    this.requests[name] ||= [];
    req[kRequestOptions] = options;
    ArrayPrototypePush(this.requests[name], req);
  }
};

/* createSocket(req, options, cb): a new connection, counted in
 * this.sockets; cb(err, socket). */
Agent.prototype.createSocket = function createSocket(req, options, cb) {
  options = { __proto__: null, ...options, ...this.options };
  if (options.socketPath) options.path = options.socketPath;
  normalizeServerName(options, req);
  const name = this.getName(options);
  options._agentKey = name;
  options.encoding = null;

  const oncreate = once((err, s) => {
    if (err) return cb(err);
    this.sockets[name] ||= [];
    ArrayPrototypePush(this.sockets[name], s);
    this.totalSocketCount++;
    installListeners(this, s, options);
    cb(null, s);
  });
  if (this.keepAlive) {
    options.keepAlive = this.keepAlive;
    options.keepAliveInitialDelay = this.keepAliveMsecs;
  }
  const newSocket = this.createConnection(options, oncreate);
  if (newSocket) oncreate(null, newSocket);
};

function normalizeServerName(options, req) {
  if (!options.servername && options.servername !== '') {
    options.servername = calculateServerName(options, req);
  }
}

function calculateServerName(options, req) {
  let servername = options.host;
  const hostHeader = req.getHeader('host');
  if (hostHeader) {
    validateString(hostHeader, 'options.headers.host');
    if (hostHeader[0] === '[') {
      const index = hostHeader.indexOf(']');
      servername = index === -1 ? hostHeader : hostHeader.slice(1, index);
    } else {
      servername = hostHeader.split(':', 1)[0];
    }
  }
  if (net.isIP(servername)) servername = '';
  return servername;
}

function installListeners(agent, s, options) {
  function onFreeSocket() {
    agent.emit('free', s, options);
  }
  s.on('free', onFreeSocket);

  function onClose(err) {
    // The socket is gone: whatever list it was in, forget it.
    agent.totalSocketCount--;
    agent.removeSocket(s, options);
  }
  s.on('close', onClose);

  function onTimeout() {
    // Idle free sockets die on timeout; busy ones are the request's
    // business.
    const sockets = agent.freeSockets;
    if (ObjectKeys(sockets).some((name) =>
      ArrayPrototypeIndexOf(sockets[name], s) !== -1)) {
      s.destroy();
    }
  }
  s.on('timeout', onTimeout);

  function onRemove() {
    // The socket leaves the pool (upgrade, CONNECT).
    agent.totalSocketCount--;
    agent.removeSocket(s, options);
    s.removeListener('close', onClose);
    s.removeListener('free', onFreeSocket);
    s.removeListener('timeout', onTimeout);
    s.removeListener('agentRemove', onRemove);
  }
  s.on('agentRemove', onRemove);
}

/* removeSocket(socket, options): drops `socket` from the pool lists; a
 * queued request then gets a new socket. */
Agent.prototype.removeSocket = function removeSocket(s, options) {
  const name = this.getName(options);
  const sets = [this.sockets];
  // A destroyed socket may still be in the free list.
  if (!s.writable) ArrayPrototypePush(sets, this.freeSockets);
  for (let sk = 0; sk < sets.length; sk++) {
    const sockets = sets[sk];
    if (sockets[name]) {
      const index = ArrayPrototypeIndexOf(sockets[name], s);
      if (index !== -1) {
        ArrayPrototypeSplice(sockets[name], index, 1);
        if (sockets[name].length === 0) delete sockets[name];
      }
    }
  }

  let req;
  if (this.requests[name] && this.requests[name].length) {
    req = this.requests[name][0];
  } else {
    // Another pool key may be waiting for any socket (maxTotalSockets).
    const keys = ObjectKeys(this.requests);
    for (let i = 0; i < keys.length; i++) {
      const prop = keys[i];
      if (this.sockets[prop] &&
          this.sockets[prop].length >= this.maxSockets) continue;
      req = this.requests[prop][0];
      options = req[kRequestOptions];
      break;
    }
  }
  if (req && options) {
    req[kRequestOptions] = undefined;
    const sockLen = (this.sockets[this.getName(options)] || []).length;
    if (sockLen < this.maxSockets) {
      this.createSocket(req, options, (err, socket) => {
        if (err) {
          req.onSocket(socket, err);
        } else {
          socket.emit('free');
        }
      });
    }
  }
};

/* keepSocketAlive(socket) -> true when `socket` may wait in the free
 * list (TCP keep-alive on, unref'd, idle timeout set). */
Agent.prototype.keepSocketAlive = function keepSocketAlive(socket) {
  socket.setKeepAlive(true, this.keepAliveMsecs);
  socket.unref();
  let agentTimeout = this.options.timeout || 0;
  const res = socket._httpMessage?.res;
  if (res) {
    const hint = res.headers['keep-alive'];
    if (hint) {
      const m = RegExpPrototypeExec(/^timeout=(\d+)/, hint);
      if (m) {
        const serverHint = NumberParseInt(m[1]) * 1000 - 1000;
        if (serverHint > 0 && (agentTimeout === 0 ||
                               serverHint < agentTimeout)) {
          agentTimeout = serverHint;
        }
      }
    }
  }
  if (socket.timeout !== agentTimeout) socket.setTimeout(agentTimeout);
  return true;
};

/* reuseSocket(socket, req): a free socket goes back to work. */
Agent.prototype.reuseSocket = function reuseSocket(socket, req) {
  req.reusedSocket = true;
  socket.ref();
};

/* destroy(): destroys every socket of the pool. */
Agent.prototype.destroy = function destroy() {
  const sets = [this.freeSockets, this.sockets];
  for (let s = 0; s < sets.length; s++) {
    const set = sets[s];
    const keys = ObjectKeys(set);
    for (let v = 0; v < keys.length; v++) {
      const setName = set[keys[v]];
      for (let n = 0; n < setName.length; n++) setName[n].destroy();
    }
  }
};

function setRequestSocket(agent, req, socket) {
  req.onSocket(socket);
  const agentTimeout = agent.options.timeout || 0;
  if (req.timeout === undefined || req.timeout === agentTimeout) return;
  socket.setTimeout(req.timeout);
}

module.exports = {
  Agent,
  globalAgent: new Agent(),
};
