'use strict';
// dgram.js - UDP datagram sockets: dgram.createSocket() and dgram.Socket
// over internalBinding('udp_wrap') handles.

const {
  ArrayIsArray,
  ArrayPrototypePush,
  FunctionPrototypeBind,
  FunctionPrototypeCall,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
  Promise,
  PromiseResolve,
  ReflectApply,
  SymbolFor,
} = primordials;

const EventEmitter = require('events');
const { Buffer } = require('buffer');
const {
  errnoException,
  exceptionWithHostPort,
  codes: {
    ERR_BUFFER_OUT_OF_BOUNDS,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_FD_TYPE,
    ERR_MISSING_ARGS,
    ERR_SOCKET_ALREADY_BOUND,
    ERR_SOCKET_BAD_BUFFER_SIZE,
    ERR_SOCKET_BUFFER_SIZE,
    ERR_SOCKET_DGRAM_IS_CONNECTED,
    ERR_SOCKET_DGRAM_NOT_CONNECTED,
    ERR_SOCKET_DGRAM_NOT_RUNNING,
  },
} = require('internal/errors');
const {
  isInt32,
  validateAbortSignal,
  validateNumber,
  validatePort,
  validateString,
} = require('internal/validators');
const { deprecate } = require('internal/util');
const { isArrayBufferView } = require('internal/util/types');
const {
  kStateSymbol,
  kOwnerSymbol,
  _createSocketHandle,
  newHandle,
} = require('internal/dgram');
const {
  UDP,
  SendWrap,
  constants: { UV_UDP_IPV6ONLY, UV_UDP_REUSEADDR },
} = internalBinding('udp_wrap');

const BIND_STATE_UNBOUND = 0;
const BIND_STATE_BINDING = 1;
const BIND_STATE_BOUND = 2;

const CONNECT_STATE_DISCONNECTED = 0;
const CONNECT_STATE_CONNECTING = 1;
const CONNECT_STATE_CONNECTED = 2;

const RECV_BUFFER = true;
const SEND_BUFFER = false;

const kBufferTypes = ['Buffer', 'TypedArray', 'DataView', 'string'];

const kAsyncDispose = SymbolFor('nodejs.asyncDispose');

let cluster;
let guessHandleType;
const socketChannel = require('diagnostics_channel').channel('udp.socket');

/* new Socket(type | options[, listener]): an unbound UDP socket of type
 * 'udp4' or 'udp6'; options: { type, reuseAddr, ipv6Only, recvBufferSize,
 * sendBufferSize, lookup, signal }. `listener` listens for 'message'. */
function Socket(type, listener) {
  FunctionPrototypeCall(EventEmitter, this);
  let lookup;
  let options;
  let recvBufferSize;
  let sendBufferSize;
  if (type !== null && typeof type === 'object') {
    options = type;
    type = options.type;
    lookup = options.lookup;
    if (options.recvBufferSize) recvBufferSize = options.recvBufferSize;
    if (options.sendBufferSize) sendBufferSize = options.sendBufferSize;
  }
  const handle = newHandle(type, lookup);
  handle[kOwnerSymbol] = this;
  this.type = type;
  if (typeof listener === 'function') this.on('message', listener);

  this[kStateSymbol] = {
    handle,
    receiving: false,
    bindState: BIND_STATE_UNBOUND,
    connectState: CONNECT_STATE_DISCONNECTED,
    queue: undefined,
    reuseAddr: options?.reuseAddr,
    ipv6Only: options?.ipv6Only,
    recvBufferSize,
    sendBufferSize,
  };

  if (options?.signal !== undefined) {
    const { signal } = options;
    validateAbortSignal(signal, 'options.signal');
    const onAborted = () => {
      if (this[kStateSymbol].handle) this.close();
    };
    if (signal.aborted) {
      onAborted();
    } else {
      signal.addEventListener('abort', onAborted);
      this.once('close', () => signal.removeEventListener('abort',
                                                          onAborted));
    }
  }
  if (socketChannel.hasSubscribers) socketChannel.publish({ socket: this });
}
ObjectSetPrototypeOf(Socket.prototype, EventEmitter.prototype);
ObjectSetPrototypeOf(Socket, EventEmitter);

/* createSocket(type | options[, listener]) -> a new dgram.Socket. */
function createSocket(type, listener) {
  return new Socket(type, listener);
}

function healthCheck(socket) {
  if (!socket[kStateSymbol].handle) {
    throw new ERR_SOCKET_DGRAM_NOT_RUNNING();
  }
}

function stopReceiving(socket) {
  const state = socket[kStateSymbol];
  if (!state.receiving) return;
  state.handle.recvStop();
  state.receiving = false;
}

function onMessage(nread, handle, buf, rinfo) {
  const self = handle[kOwnerSymbol];
  if (nread < 0) {
    self.emit('error', errnoException(nread, 'recvmsg'));
    return;
  }
  rinfo.size = buf.length;
  self.emit('message', buf, rinfo);
}

/* Reads (size 0) or sets a socket buffer size; returns the size. */
function bufferSize(socket, size, which) {
  if (size >>> 0 !== size) throw new ERR_SOCKET_BAD_BUFFER_SIZE();
  const ctx = {};
  const ret = socket[kStateSymbol].handle.bufferSize(size, which, ctx);
  if (ret === undefined) throw new ERR_SOCKET_BUFFER_SIZE(ctx);
  return ret;
}

function startListening(socket) {
  const state = socket[kStateSymbol];
  state.handle.onmessage = onMessage;
  state.handle.recvStart();
  state.receiving = true;
  state.bindState = BIND_STATE_BOUND;
  if (state.recvBufferSize) {
    bufferSize(socket, state.recvBufferSize, RECV_BUFFER);
  }
  if (state.sendBufferSize) {
    bufferSize(socket, state.sendBufferSize, SEND_BUFFER);
  }
  socket.emit('listening');
}

/* Swaps in a handle bound elsewhere (cluster primary, or bind(handle)),
 * keeping the family-specific methods of the old one. */
function replaceHandle(socket, handle) {
  const state = socket[kStateSymbol];
  const old = state.handle;
  handle.lookup = old.lookup;
  handle.bind = old.bind;
  handle.connect = old.connect;
  handle.send = old.send;
  handle[kOwnerSymbol] = socket;
  old.close();
  state.handle = handle;
}

function onQueueListening() {
  this.removeListener(EventEmitter.errorMonitor, onQueueError);
  const state = this[kStateSymbol];
  const queue = state.queue;
  state.queue = undefined;
  for (let i = 0; i < queue.length; i++) queue[i]();
}

function onQueueError() {
  this.removeListener('listening', onQueueListening);
  this[kStateSymbol].queue = undefined;
}

/* Runs `fn` once the socket is bound (dropped if binding fails). */
function enqueue(socket, fn) {
  const state = socket[kStateSymbol];
  if (state.queue === undefined) {
    state.queue = [];
    socket.once(EventEmitter.errorMonitor, onQueueError);
    socket.once('listening', onQueueListening);
  }
  ArrayPrototypePush(state.queue, fn);
}

function bindFlags(state) {
  let flags = 0;
  if (state.reuseAddr) flags |= UV_UDP_REUSEADDR;
  if (state.ipv6Only) flags |= UV_UDP_IPV6ONLY;
  return flags;
}

/* In a cluster worker: asks the primary for a shared handle. */
function bindShared(socket, options) {
  const state = socket[kStateSymbol];
  cluster._getServer(socket, options, (err, handle) => {
    if (err) {
      const ex = exceptionWithHostPort(err, 'bind', options.address,
                                       options.port);
      state.bindState = BIND_STATE_UNBOUND;
      socket.emit('error', ex);
      return;
    }
    if (!state.handle) {
      handle.close();  // closed while the primary was binding
      return;
    }
    replaceHandle(socket, handle);
    startListening(socket);
  });
}

/* True in a cluster worker. */
function isClusterWorker() {
  cluster ??= require('cluster');
  return cluster.isWorker === true;
}

/* bind([port][, address][, callback]) | bind(options[, callback]):
 * binds the socket (address resolved through the socket's lookup) and
 * emits 'listening'. options: { port, address, exclusive, fd }. */
Socket.prototype.bind = function bind(port_, address_ /* , callback */) {
  let port = port_;
  healthCheck(this);
  const state = this[kStateSymbol];
  if (state.bindState !== BIND_STATE_UNBOUND) {
    throw new ERR_SOCKET_ALREADY_BOUND();
  }
  state.bindState = BIND_STATE_BINDING;

  const callback = arguments.length > 0 ?
    arguments[arguments.length - 1] : undefined;
  if (typeof callback === 'function') {
    const removeListeners = () => {
      this.removeListener('error', removeListeners);
      this.removeListener('listening', onListening);
    };
    const onListening = () => {
      removeListeners();
      FunctionPrototypeCall(callback, this);
    };
    this.on('error', removeListeners);
    this.on('listening', onListening);
  }

  if (port instanceof UDP) {
    replaceHandle(this, port);
    startListening(this);
    return this;
  }

  if (port !== null && typeof port === 'object' && isInt32(port.fd) &&
      port.fd > 0) {
    const fd = port.fd;
    const exclusive = !!port.exclusive;
    if (!exclusive && isClusterWorker()) {
      bindShared(this, { address: null, port: 0, addressType: this.type,
                         fd, flags: null });
      return this;
    }
    guessHandleType ??= internalBinding('fs').guessHandleType;
    const type = guessHandleType(fd);
    if (type !== 'UDP') throw new ERR_INVALID_FD_TYPE(type);
    const err = state.handle.open(fd);
    if (err) throw errnoException(err, 'open');
    startListening(this);
    return this;
  }

  let address;
  let exclusive;
  if (port !== null && typeof port === 'object') {
    address = port.address || '';
    exclusive = !!port.exclusive;
    port = port.port;
  } else {
    address = typeof address_ === 'function' ? '' : address_;
    exclusive = false;
  }
  if (typeof port === 'function') port = 0;
  if (!address) address = this.type === 'udp4' ? '0.0.0.0' : '::';

  state.handle.lookup(address, (err, ip) => {
    if (!state.handle) return;  // closed while resolving
    if (err) {
      state.bindState = BIND_STATE_UNBOUND;
      this.emit('error', err);
      return;
    }
    const flags = bindFlags(state);
    if (!exclusive && isClusterWorker()) {
      bindShared(this, { address: ip, port, addressType: this.type,
                         fd: -1, flags });
      return;
    }
    const bindErr = state.handle.bind(ip, port || 0, flags);
    if (bindErr) {
      const ex = exceptionWithHostPort(bindErr, 'bind', ip, port);
      state.bindState = BIND_STATE_UNBOUND;
      this.emit('error', ex);
      return;
    }
    startListening(this);
  });
  return this;
};

function doConnect(ex, socket, ip, address, port, callback) {
  const state = socket[kStateSymbol];
  if (!state.handle) return;
  if (!ex) {
    const err = state.handle.connect(ip, port);
    if (err) ex = exceptionWithHostPort(err, 'connect', address, port);
  }
  if (ex) {
    state.connectState = CONNECT_STATE_DISCONNECTED;
    process.nextTick(() => {
      if (callback) {
        socket.removeListener('connect', callback);
        callback(ex);
      } else {
        socket.emit('error', ex);
      }
    });
    return;
  }
  state.connectState = CONNECT_STATE_CONNECTED;
  process.nextTick(() => socket.emit('connect'));
}

function connectBound(port, address, callback) {
  const state = this[kStateSymbol];
  if (callback) this.once('connect', callback);
  state.handle.lookup(address, (ex, ip) => {
    doConnect(ex, this, ip, address, port, callback);
  });
}

/* connect(port[, address][, callback]): fixes the peer of the socket
 * (binding it first if needed); emits 'connect'. */
Socket.prototype.connect = function connect(port, address, callback) {
  port = validatePort(port, 'Port', false);
  if (typeof address === 'function') {
    callback = address;
    address = '';
  } else if (address === undefined) {
    address = '';
  }
  validateString(address, 'address');
  const state = this[kStateSymbol];
  if (state.connectState !== CONNECT_STATE_DISCONNECTED) {
    throw new ERR_SOCKET_DGRAM_IS_CONNECTED();
  }
  state.connectState = CONNECT_STATE_CONNECTING;
  if (state.bindState === BIND_STATE_UNBOUND) {
    this.bind({ port: 0, exclusive: true }, null);
  }
  if (state.bindState !== BIND_STATE_BOUND) {
    enqueue(this, FunctionPrototypeBind(connectBound, this, port, address,
                                        callback));
    return;
  }
  ReflectApply(connectBound, this, [port, address, callback]);
};

/* disconnect(): forgets the peer of a connected socket. */
Socket.prototype.disconnect = function disconnect() {
  const state = this[kStateSymbol];
  if (state.connectState !== CONNECT_STATE_CONNECTED) {
    throw new ERR_SOCKET_DGRAM_NOT_CONNECTED();
  }
  const err = state.handle.disconnect();
  if (err) throw errnoException(err, 'connect');
  state.connectState = CONNECT_STATE_DISCONNECTED;
};

/* sendto(buffer, offset, length, port, address[, callback]): send() with
 * every argument required. */
Socket.prototype.sendto = function sendto(buffer, offset, length, port,
                                          address, callback) {
  validateNumber(offset, 'offset');
  validateNumber(length, 'length');
  validateNumber(port, 'port');
  validateString(address, 'address');
  this.send(buffer, offset, length, port, address, callback);
};

/* The bytes offset..offset+length of a string or ArrayBufferView. */
function sliceBuffer(buffer, offset, length) {
  if (typeof buffer === 'string') {
    buffer = Buffer.from(buffer);
  } else if (!isArrayBufferView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE('buffer', kBufferTypes, buffer);
  }
  offset = offset >>> 0;
  length = length >>> 0;
  if (offset > buffer.byteLength) {
    throw new ERR_BUFFER_OUT_OF_BOUNDS('offset');
  }
  if (offset + length > buffer.byteLength) {
    throw new ERR_BUFFER_OUT_OF_BOUNDS('length');
  }
  return Buffer.from(buffer.buffer, buffer.byteOffset + offset, length);
}

/* A fresh list of buffers (strings encoded as UTF-8), or null when an
 * entry is neither a string nor an ArrayBufferView. */
function fixBufferList(list) {
  const out = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (typeof item === 'string') {
      out[i] = Buffer.from(item);
    } else if (isArrayBufferView(item)) {
      out[i] = item;
    } else {
      return null;
    }
  }
  return out;
}

function afterSend(err, sent) {
  const ex = err ?
    exceptionWithHostPort(err, 'send', this.address, this.port) : null;
  this.callback(ex, sent);
}

function doSend(ex, socket, ip, list, address, port, callback) {
  const state = socket[kStateSymbol];
  if (ex) {
    if (typeof callback === 'function') {
      process.nextTick(callback, ex);
    } else {
      process.nextTick(() => socket.emit('error', ex));
    }
    return;
  }
  if (!state.handle) return;  // closed meanwhile

  const req = new SendWrap();
  req.list = list;
  req.address = address;
  req.port = port;
  if (callback) {
    req.callback = callback;
    req.oncomplete = afterSend;
  }
  const err = port ?
    state.handle.send(req, list, list.length, port, ip, !!callback) :
    state.handle.send(req, list, list.length, !!callback);
  if (err) {
    if (callback) {
      process.nextTick(callback,
                       exceptionWithHostPort(err, 'send', address, port));
    }
    return;
  }
  if (callback && req.async === false) {
    process.nextTick(callback, null, req.bytes);
  }
}

/* send(msg[, offset, length][, port][, address][, callback]): sends one
 * datagram made of msg (a string, ArrayBufferView or a list of them);
 * port/address are required unless the socket is connected. */
Socket.prototype.send = function send(buffer, offset, length, port, address,
                                      callback) {
  const state = this[kStateSymbol];
  const connected = state.connectState === CONNECT_STATE_CONNECTED;
  if (connected) {
    if (typeof length === 'number') {
      buffer = sliceBuffer(buffer, offset, length);
      if (typeof port === 'function') {
        callback = port;
        port = null;
      }
    } else {
      callback = offset;
    }
    if (port || address) throw new ERR_SOCKET_DGRAM_IS_CONNECTED();
  } else if (address || (port && typeof port !== 'function')) {
    buffer = sliceBuffer(buffer, offset, length);
  } else {
    callback = port;
    port = offset;
    address = length;
  }

  let list;
  if (ArrayIsArray(buffer)) {
    list = fixBufferList(buffer);
    if (list === null) {
      throw new ERR_INVALID_ARG_TYPE('buffer list arguments', kBufferTypes,
                                     buffer);
    }
  } else if (typeof buffer === 'string') {
    list = [Buffer.from(buffer)];
  } else if (isArrayBufferView(buffer)) {
    list = [buffer];
  } else {
    throw new ERR_INVALID_ARG_TYPE('buffer', kBufferTypes, buffer);
  }

  if (!connected) port = validatePort(port, 'Port', false);
  if (typeof callback !== 'function') callback = undefined;
  if (typeof address === 'function') {
    callback = address;
    address = undefined;
  } else if (address != null) {
    validateString(address, 'address');
  }

  healthCheck(this);
  if (state.bindState === BIND_STATE_UNBOUND) {
    this.bind({ port: 0, exclusive: true }, null);
  }
  if (list.length === 0) ArrayPrototypePush(list, Buffer.alloc(0));
  if (state.bindState !== BIND_STATE_BOUND) {
    enqueue(this, FunctionPrototypeBind(this.send, this, list, port, address,
                                        callback));
    return;
  }
  const afterLookup = (ex, ip) => {
    doSend(ex, this, ip, list, address, port, callback);
  };
  if (connected) {
    afterLookup(null, null);
  } else {
    state.handle.lookup(address, afterLookup);
  }
};

function socketCloseNT(socket) {
  socket.emit('close');
}

/* close([callback]): closes the socket; 'close' is emitted on the next
 * tick (after a pending bind completes). */
Socket.prototype.close = function close(callback) {
  const state = this[kStateSymbol];
  if (typeof callback === 'function') this.on('close', callback);
  if (state.queue !== undefined) {
    ArrayPrototypePush(state.queue, FunctionPrototypeBind(this.close, this));
    return this;
  }
  healthCheck(this);
  stopReceiving(this);
  state.handle.close();
  state.handle = null;
  process.nextTick(socketCloseNT, this);
  return this;
};

/* Closes the socket; resolves once it is closed (at once if it was). */
Socket.prototype[kAsyncDispose] = function() {
  if (!this[kStateSymbol].handle) return PromiseResolve();
  return new Promise((resolve) => this.close(resolve));
};

/* address() -> { address, family, port } of the bound socket. */
Socket.prototype.address = function address() {
  healthCheck(this);
  const out = {};
  const err = this[kStateSymbol].handle.getsockname(out);
  if (err) throw errnoException(err, 'getsockname');
  return out;
};

/* remoteAddress() -> { address, family, port } of the connected peer. */
Socket.prototype.remoteAddress = function remoteAddress() {
  healthCheck(this);
  const state = this[kStateSymbol];
  if (state.connectState !== CONNECT_STATE_CONNECTED) {
    throw new ERR_SOCKET_DGRAM_NOT_CONNECTED();
  }
  const out = {};
  const err = state.handle.getpeername(out);
  if (err) throw errnoException(err, 'getpeername');
  return out;
};

Socket.prototype.setBroadcast = function setBroadcast(arg) {
  const err = this[kStateSymbol].handle.setBroadcast(arg ? 1 : 0);
  if (err) throw errnoException(err, 'setBroadcast');
};

Socket.prototype.setTTL = function setTTL(ttl) {
  validateNumber(ttl, 'ttl');
  const err = this[kStateSymbol].handle.setTTL(ttl);
  if (err) throw errnoException(err, 'setTTL');
  return ttl;
};

Socket.prototype.setMulticastTTL = function setMulticastTTL(ttl) {
  validateNumber(ttl, 'ttl');
  const err = this[kStateSymbol].handle.setMulticastTTL(ttl);
  if (err) throw errnoException(err, 'setMulticastTTL');
  return ttl;
};

Socket.prototype.setMulticastLoopback = function setMulticastLoopback(arg) {
  const err = this[kStateSymbol].handle.setMulticastLoopback(arg ? 1 : 0);
  if (err) throw errnoException(err, 'setMulticastLoopback');
  return arg;
};

Socket.prototype.setMulticastInterface =
  function setMulticastInterface(interfaceAddress) {
    healthCheck(this);
    validateString(interfaceAddress, 'interfaceAddress');
    const err =
      this[kStateSymbol].handle.setMulticastInterface(interfaceAddress);
    if (err) throw errnoException(err, 'setMulticastInterface');
  };

Socket.prototype.addMembership = function addMembership(multicastAddress,
                                                        interfaceAddress) {
  healthCheck(this);
  if (!multicastAddress) throw new ERR_MISSING_ARGS('multicastAddress');
  const err = this[kStateSymbol].handle.addMembership(multicastAddress,
                                                      interfaceAddress);
  if (err) throw errnoException(err, 'addMembership');
};

Socket.prototype.dropMembership = function dropMembership(multicastAddress,
                                                          interfaceAddress) {
  healthCheck(this);
  if (!multicastAddress) throw new ERR_MISSING_ARGS('multicastAddress');
  const err = this[kStateSymbol].handle.dropMembership(multicastAddress,
                                                       interfaceAddress);
  if (err) throw errnoException(err, 'dropMembership');
};

function sourceMembership(socket, method, source, group, iface) {
  healthCheck(socket);
  validateString(source, 'sourceAddress');
  validateString(group, 'groupAddress');
  const err = socket[kStateSymbol].handle[method](source, group, iface);
  if (err) throw errnoException(err, method);
}

Socket.prototype.addSourceSpecificMembership =
  function addSourceSpecificMembership(sourceAddress, groupAddress,
                                       interfaceAddress) {
    sourceMembership(this, 'addSourceSpecificMembership', sourceAddress,
                     groupAddress, interfaceAddress);
  };

Socket.prototype.dropSourceSpecificMembership =
  function dropSourceSpecificMembership(sourceAddress, groupAddress,
                                        interfaceAddress) {
    sourceMembership(this, 'dropSourceSpecificMembership', sourceAddress,
                     groupAddress, interfaceAddress);
  };

Socket.prototype.ref = function ref() {
  const handle = this[kStateSymbol].handle;
  if (handle) handle.ref();
  return this;
};

Socket.prototype.unref = function unref() {
  const handle = this[kStateSymbol].handle;
  if (handle) handle.unref();
  return this;
};

Socket.prototype.setRecvBufferSize = function setRecvBufferSize(size) {
  bufferSize(this, size, RECV_BUFFER);
};

Socket.prototype.setSendBufferSize = function setSendBufferSize(size) {
  bufferSize(this, size, SEND_BUFFER);
};

Socket.prototype.getRecvBufferSize = function getRecvBufferSize() {
  return bufferSize(this, 0, RECV_BUFFER);
};

Socket.prototype.getSendBufferSize = function getSendBufferSize() {
  return bufferSize(this, 0, SEND_BUFFER);
};

Socket.prototype.getSendQueueSize = function getSendQueueSize() {
  return this[kStateSymbol].handle.getSendQueueSize();
};

Socket.prototype.getSendQueueCount = function getSendQueueCount() {
  return this[kStateSymbol].handle.getSendQueueCount();
};

// Legacy underscore accessors (DEP0112).
function deprecatedState(name, key) {
  const msg = `Socket.prototype.${name} is deprecated`;
  ObjectDefineProperty(Socket.prototype, name, {
    __proto__: null,
    configurable: true,
    get: deprecate(function() { return this[kStateSymbol][key]; }, msg,
                   'DEP0112'),
    set: deprecate(function(v) { this[kStateSymbol][key] = v; }, msg,
                   'DEP0112'),
  });
}
deprecatedState('_handle', 'handle');
deprecatedState('_receiving', 'receiving');
deprecatedState('_bindState', 'bindState');
deprecatedState('_queue', 'queue');
deprecatedState('_reuseAddr', 'reuseAddr');

Socket.prototype._healthCheck = deprecate(function() {
  healthCheck(this);
}, 'Socket.prototype._healthCheck() is deprecated', 'DEP0112');

Socket.prototype._stopReceiving = deprecate(function() {
  stopReceiving(this);
}, 'Socket.prototype._stopReceiving() is deprecated', 'DEP0112');

module.exports = {
  _createSocketHandle: deprecate(
    _createSocketHandle,
    'dgram._createSocketHandle() is deprecated',
    'DEP0112',
  ),
  createSocket,
  Socket,
};
