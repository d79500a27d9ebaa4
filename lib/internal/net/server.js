'use strict';
// internal/net/server.js - net.Server: listening TCP and Unix-socket
// servers, listen() in all its forms, accepting connections into
// net.Sockets, maxConnections, close and ref/unref.

const {
  Boolean,
  FunctionPrototypeCall,
  ObjectAssign,
  ObjectCreate,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
  Promise,
  SymbolFor,
} = primordials;

const EventEmitter = require('events');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_SERVER_ALREADY_LISTEN,
    ERR_SERVER_NOT_RUNNING,
  },
  errnoException,
  exceptionWithHostPort,
  uvExceptionWithHostPort,
} = require('internal/errors');
const {
  validateAbortSignal,
  validateNumber,
  validatePort,
} = require('internal/validators');
const {
  createHandle,
  isPipeName,
  normalizeArgs,
  pipeWrap,
  tcpWrap,
  toNumber,
} = require('internal/net/common');
const { kOwner } = require('internal/stream_base_commons');
const { isIP } = require('internal/net');
const serverSocketChannel =
  require('diagnostics_channel').channel('net.server.socket');
const {
  Socket,
  kSetNoDelay,
  kSetKeepAlive,
  kSetKeepAliveInitialDelay,
} = require('internal/net/socket');

const { UV_EADDRINUSE, UV_EINVAL } = internalBinding('uv');

const kAsyncDispose = SymbolFor('nodejs.asyncDispose');

let cluster;
let dns;

function defaultHighWaterMark() {
  const { getDefaultHighWaterMark } = require('internal/streams/state');
  return typeof getDefaultHighWaterMark === 'function' ?
    getDefaultHighWaterMark(false) : 16 * 1024;
}

/* new Server([options][, connectionListener]): options allowHalfOpen,
 * pauseOnConnect, noDelay, keepAlive, keepAliveInitialDelay,
 * highWaterMark. */
function Server(options, connectionListener) {
  if (!(this instanceof Server)) return new Server(options, connectionListener);
  FunctionPrototypeCall(EventEmitter, this, options);
  if (typeof options === 'function') {
    connectionListener = options;
    options = {};
    this.on('connection', connectionListener);
  } else if (options == null || typeof options === 'object') {
    options = ObjectAssign({}, options);
    if (typeof connectionListener === 'function') {
      this.on('connection', connectionListener);
    }
  } else {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  if (options.keepAliveInitialDelay !== undefined) {
    validateNumber(options.keepAliveInitialDelay,
                   'options.keepAliveInitialDelay');
    if (options.keepAliveInitialDelay < 0) options.keepAliveInitialDelay = 0;
  }
  if (options.highWaterMark !== undefined) {
    validateNumber(options.highWaterMark, 'options.highWaterMark');
    if (options.highWaterMark < 0) {
      options.highWaterMark = defaultHighWaterMark();
    }
  }
  this._connections = 0;
  this._handle = null;
  this._usingWorkers = false;
  this._workers = [];
  this._unref = false;
  this.allowHalfOpen = options.allowHalfOpen || false;
  this.pauseOnConnect = !!options.pauseOnConnect;
  this.noDelay = Boolean(options.noDelay);
  this.keepAlive = Boolean(options.keepAlive);
  this.keepAliveInitialDelay = ~~(options.keepAliveInitialDelay / 1000);
  this.highWaterMark = options.highWaterMark ?? defaultHighWaterMark();
}
ObjectSetPrototypeOf(Server.prototype, EventEmitter.prototype);
ObjectSetPrototypeOf(Server, EventEmitter);

/* A bound (not yet listening) server handle, or a negative UV error. With
 * no address, '::' is tried before '0.0.0.0'. */
function createServerHandle(address, port, addressType, fd, flags) {
  let err = 0;
  let handle;
  let isTCP = false;
  if (typeof fd === 'number' && fd >= 0) {
    try {
      handle = createHandle(fd, true);
    } catch {
      return UV_EINVAL;
    }
    err = handle.open(fd);
    if (err) return err;
  } else if (port === -1 && addressType === -1) {
    const { Pipe, constants } = pipeWrap();
    handle = new Pipe(constants.SERVER);
  } else {
    const { TCP, constants } = tcpWrap();
    handle = new TCP(constants.SERVER);
    isTCP = true;
  }
  if (address || port || isTCP) {
    if (!address) {
      err = handle.bind6('::', port, flags);
      if (err) {
        handle.close();
        return createServerHandle('0.0.0.0', port);
      }
    } else if (addressType === 6) {
      err = handle.bind6(address, port, flags);
    } else {
      err = handle.bind(address, port);
    }
  }
  if (err) {
    handle.close();
    return err;
  }
  return handle;
}

/* A connection arrived (or accept failed) on the listening handle. */
function onconnection(err, clientHandle) {
  const self = this[kOwner];
  if (err) {
    self.emit('error', errnoException(err, 'accept'));
    return;
  }
  if (self.maxConnections && self._connections >= self.maxConnections) {
    if (clientHandle.getsockname || clientHandle.getpeername) {
      const data = ObjectCreate(null);
      if (clientHandle.getsockname) {
        const local = ObjectCreate(null);
        clientHandle.getsockname(local);
        data.localAddress = local.address;
        data.localPort = local.port;
        data.localFamily = local.family;
      }
      if (clientHandle.getpeername) {
        const remote = ObjectCreate(null);
        clientHandle.getpeername(remote);
        data.remoteAddress = remote.address;
        data.remotePort = remote.port;
        data.remoteFamily = remote.family;
      }
      self.emit('drop', data);
    } else {
      self.emit('drop');
    }
    clientHandle.close();
    return;
  }
  const socket = new Socket({
    handle: clientHandle,
    allowHalfOpen: self.allowHalfOpen,
    pauseOnConnect: self.pauseOnConnect,
    readable: true,
    writable: true,
    highWaterMark: self.highWaterMark,
  });
  if (self.noDelay && clientHandle.setNoDelay) {
    socket[kSetNoDelay] = true;
    clientHandle.setNoDelay(true);
  }
  if (self.keepAlive && clientHandle.setKeepAlive) {
    socket[kSetKeepAlive] = true;
    socket[kSetKeepAliveInitialDelay] = self.keepAliveInitialDelay;
    clientHandle.setKeepAlive(true, self.keepAliveInitialDelay);
  }
  self._connections++;
  socket.server = self;
  socket._server = self;
  if (serverSocketChannel.hasSubscribers) {
    serverSocketChannel.publish({ socket });
  }
  self.emit('connection', socket);
}

/* Binds (unless the server already has a handle), listens and schedules
 * 'listening' or 'error'. */
function setupListenHandle(address, port, addressType, backlog, fd, flags) {
  if (!this._handle) {
    let rval = null;
    if (!address && typeof fd !== 'number') {
      rval = createServerHandle('::', port, 6, fd, flags);
      if (typeof rval === 'number') {
        rval = null;
        address = '0.0.0.0';
        addressType = 4;
      } else {
        address = '::';
        addressType = 6;
      }
    }
    if (rval === null) {
      rval = createServerHandle(address, port, addressType, fd, flags);
    }
    if (typeof rval === 'number') {
      const error = uvExceptionWithHostPort(rval, 'listen', address, port);
      process.nextTick(emitErrorNT, this, error);
      return;
    }
    this._handle = rval;
  }
  this._handle.onconnection = onconnection;
  this._handle[kOwner] = this;
  const err = this._handle.listen(backlog || 511);
  if (err) {
    const ex = uvExceptionWithHostPort(err, 'listen', address, port);
    this._handle.close();
    this._handle = null;
    process.nextTick(emitErrorNT, this, ex);
    return;
  }
  this._connectionKey = `${addressType}:${address}:${port}`;
  if (this._unref) this.unref();
  process.nextTick(emitListeningNT, this);
}
Server.prototype._listen2 = setupListenHandle;

function emitErrorNT(self, err) {
  self.emit('error', err);
}

function emitListeningNT(self) {
  if (!self._handle) return;
  self.emit('listening');
}

/* Listens directly in a primary (or with exclusive), else asks the cluster
 * primary for a shared handle. */
function listenInCluster(server, address, port, addressType, backlog, fd,
                         exclusive, flags, options) {
  exclusive = !!exclusive;
  cluster ??= require('cluster');
  if (cluster.isPrimary || exclusive) {
    server._listen2(address, port, addressType, backlog, fd, flags);
    return;
  }
  const serverQuery = {
    address, port, addressType, fd, flags, backlog, ...options,
  };
  cluster._getServer(server, serverQuery, (err, handle) => {
    if (err === 0 && port > 0 && handle.getsockname) {
      const out = {};
      err = handle.getsockname(out);
      if (err === 0 && port !== out.port) err = UV_EADDRINUSE;
    }
    if (err) {
      server.emit('error', exceptionWithHostPort(err, 'bind', address, port));
      return;
    }
    server._handle = handle;
    server._listen2(address, port, addressType, backlog, fd, flags);
  });
}

function lookupAndListen(self, port, address, backlog, exclusive, flags) {
  const family = isIP(address);
  if (family !== 0) {
    // What dns.lookup() would answer, on the same later tick.
    process.nextTick(listenInCluster, self, address, port, family, backlog,
                     undefined, exclusive, flags);
    return;
  }
  dns ??= require('dns');
  dns.lookup(address, (err, ip, addressType) => {
    if (err) {
      self.emit('error', err);
      return;
    }
    addressType = ip ? addressType : 4;
    listenInCluster(self, ip, port, addressType, backlog, undefined,
                    exclusive, flags);
  });
}

/* listen([port[, host[, backlog]]][, cb]) / listen(path[, backlog][, cb])
 * / listen(handle[, backlog][, cb]) / listen(options[, cb]). */
Server.prototype.listen = function(...args) {
  const normalized = normalizeArgs(args);
  let options = normalized[0];
  const cb = normalized[1];
  if (this._handle) throw new ERR_SERVER_ALREADY_LISTEN();
  if (cb !== null) this.once('listening', cb);
  const backlogFromArgs = toNumber(args.length > 1 && args[1]) ||
    toNumber(args.length > 2 && args[2]);
  options = options._handle || options.handle || options;
  const flags = options.ipv6Only ? tcpWrap().constants.UV_TCP_IPV6ONLY : 0;

  const { TCP } = tcpWrap();
  const { Pipe } = pipeWrap();
  if (options instanceof TCP || options instanceof Pipe) {
    this._handle = options;
    listenInCluster(this, null, -1, -1, backlogFromArgs);
    return this;
  }
  if (options.signal !== undefined) {
    validateAbortSignal(options.signal, 'options.signal');
    if (options.signal.aborted) {
      process.nextTick(() => this.close());
      return this;
    }
    const signal = options.signal;
    const onAborted = () => this.close();
    signal.addEventListener('abort', onAborted, { once: true });
    this.once('close', () => signal.removeEventListener('abort', onAborted));
  }
  if (typeof options.fd === 'number' && options.fd >= 0) {
    listenInCluster(this, null, null, null, backlogFromArgs, options.fd);
    return this;
  }
  if (args.length === 0 || typeof args[0] === 'function' ||
      (options.port === undefined && 'port' in options) ||
      options.port === null) {
    options.port = 0;
  }
  let backlog;
  if (typeof options.port === 'number' || typeof options.port === 'string') {
    validatePort(options.port, 'options.port');
    backlog = options.backlog || backlogFromArgs;
    if (options.host) {
      lookupAndListen(this, options.port | 0, options.host, backlog,
                      options.exclusive, flags);
    } else {
      listenInCluster(this, null, options.port | 0, 4, backlog, undefined,
                      options.exclusive);
    }
    return this;
  }
  if (options.path && isPipeName(options.path)) {
    const pipeName = this._pipeName = options.path;
    backlog = options.backlog || backlogFromArgs;
    listenInCluster(this, pipeName, -1, -1, backlog, undefined,
                    options.exclusive);
    if (!this._handle) return this;
    let mode = 0;
    const { constants } = pipeWrap();
    if (options.readableAll === true) mode |= constants.UV_READABLE;
    if (options.writableAll === true) mode |= constants.UV_WRITABLE;
    if (mode !== 0) {
      const err = this._handle.fchmod(mode);
      if (err) {
        this._handle.close();
        this._handle = null;
        throw errnoException(err, 'uv_pipe_chmod');
      }
    }
    return this;
  }
  if (!('port' in options || 'path' in options)) {
    throw new ERR_INVALID_ARG_VALUE('options', options,
                                    'must have the property "port" or "path"');
  }
  throw new ERR_INVALID_ARG_VALUE('options', options);
};

ObjectDefineProperty(Server.prototype, 'listening', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() { return !!(this._handle && this._connectionKey); },
});

/* address() -> { address, family, port }, the pipe path, or null. */
Server.prototype.address = function() {
  if (this._handle && this._handle.getsockname) {
    const out = {};
    const err = this._handle.getsockname(out);
    if (err) throw errnoException(err, 'address');
    return out;
  } else if (this._pipeName) {
    return this._pipeName;
  }
  return null;
};

/* getConnections(cb): cb(null, count) on a later tick. */
Server.prototype.getConnections = function(cb) {
  const self = this;
  function end(err, connections) {
    process.nextTick(cb, err, connections);
  }
  if (!this._usingWorkers) {
    end(null, this._connections);
    return this;
  }
  let left = this._workers.length;
  let total = this._connections;
  function oncount(err, count) {
    if (err) {
      left = -1;
      return end(err);
    }
    total += count;
    if (--left === 0) return end(null, total);
  }
  for (let n = 0; n < this._workers.length; n++) {
    this._workers[n].getConnections(oncount);
  }
  void self;
  return this;
};

/* close([cb]): stops accepting; 'close' once every connection ended. */
Server.prototype.close = function(cb) {
  if (typeof cb === 'function') {
    if (!this._handle) {
      this.once('close', function close() {
        cb(new ERR_SERVER_NOT_RUNNING());
      });
    } else {
      this.once('close', cb);
    }
  }
  if (this._handle) {
    this._handle.close();
    this._handle = null;
  }
  if (this._usingWorkers) {
    let left = this._workers.length;
    const onWorkerClose = () => {
      if (--left !== 0) return;
      this._connections = 0;
      this._emitCloseIfDrained();
    };
    this._connections++;
    for (let n = 0; n < this._workers.length; n++) {
      this._workers[n].close(onWorkerClose);
    }
  } else {
    this._emitCloseIfDrained();
  }
  return this;
};

Server.prototype[kAsyncDispose] = function() {
  return new Promise((resolve, reject) => {
    if (!this._handle) {
      resolve();
      return;
    }
    this.close((err) => (err ? reject(err) : resolve()));
  });
};

Server.prototype._emitCloseIfDrained = function() {
  if (this._handle || this._connections) return;
  process.nextTick(emitCloseNT, this);
};

function emitCloseNT(self) {
  self.emit('close');
}

Server.prototype[EventEmitter.captureRejectionSymbol] = function(err, event,
                                                                 sock) {
  if (event === 'connection') {
    sock.destroy(err);
  } else {
    this.emit('error', err);
  }
};

/* Used by cluster workers sharing this server. */
Server.prototype._setupWorker = function(socketList) {
  this._usingWorkers = true;
  this._workers.push(socketList);
  socketList.once('exit', (socketList) => {
    const index = this._workers.indexOf(socketList);
    this._workers.splice(index, 1);
  });
};

Server.prototype.ref = function() {
  this._unref = false;
  if (this._handle) this._handle.ref();
  return this;
};

Server.prototype.unref = function() {
  this._unref = true;
  if (this._handle) this._handle.unref();
  return this;
};

module.exports = {
  Server,
  createServerHandle,
};
