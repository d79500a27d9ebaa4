'use strict';
// internal/cluster/child.js - cluster in a worker process: cluster.worker,
// servers that listen through the primary (a shared handle, or a faux
// handle fed round-robin connections), and disconnect/destroy.

const {
  ArrayPrototypeJoin,
  FunctionPrototype,
  ObjectAssign,
  ObjectDefineProperty,
  ReflectApply,
  SafeMap,
  SafeSet,
} = primordials;

const EventEmitter = require('events');
const path = require('path');
const Worker = require('internal/cluster/worker');
const { internal, sendHelper } = require('internal/cluster/utils');
const { kOwner } = require('internal/stream_base_commons');

const cluster = new EventEmitter();
const handles = new SafeMap();
const indexes = new SafeMap();
const noop = FunctionPrototype;
const TIMEOUT_MAX = 2 ** 31 - 1;

let dgramOwner;

module.exports = cluster;

cluster.isWorker = true;
cluster.isMaster = false;  // Deprecated alias.
cluster.isPrimary = false;
cluster.worker = null;
cluster.Worker = Worker;

/* The net.Server or dgram.Socket a handle belongs to, if any. */
function ownerOf(handle) {
  if (handle[kOwner]) return handle[kOwner];
  dgramOwner ??= require('internal/dgram').kOwnerSymbol;
  return handle[dgramOwner];
}

/* _setupWorker(): called at startup: cluster.worker, the primary's
 * messages, and 'online'. An unexpected disconnect ends the process. */
cluster._setupWorker = function() {
  const worker = new Worker({
    id: +process.env.NODE_UNIQUE_ID | 0,
    process,
    state: 'online',
  });

  cluster.worker = worker;

  process.once('disconnect', () => {
    worker.emit('disconnect');
    // The primary went away or some such: leave now.
    if (!worker.exitedAfterDisconnect) process.exit(0);
  });

  process.on('internalMessage', internal(worker, onmessage));
  send({ act: 'online' });

  function onmessage(message, handle) {
    if (message.act === 'newconn') {
      onconnection(message, handle);
    } else if (message.act === 'disconnect') {
      ReflectApply(_disconnect, worker, [true]);
    }
  }
};

/* _getServer(obj, options, cb): asks the primary to listen for `obj` (a
 * net.Server or dgram.Socket) with options { address, port, addressType,
 * fd, flags, backlog, ... }; cb(errno, handle) gets a real shared handle
 * or a round-robin faux handle. */
cluster._getServer = function(obj, options, cb) {
  let address = options.address;

  // Unix socket paths are absolute in the primary.
  if (options.port < 0 && typeof address === 'string' &&
      process.platform !== 'win32') {
    address = path.resolve(address);
  }

  const indexesKey = ArrayPrototypeJoin([
    address, options.port, options.addressType, options.fd,
  ], ':');

  let indexSet = indexes.get(indexesKey);
  if (indexSet === undefined) {
    indexSet = { nextIndex: 0, set: new SafeSet() };
    indexes.set(indexesKey, indexSet);
  }
  const index = indexSet.nextIndex++;
  indexSet.set.add(index);

  const message = {
    act: 'queryServer',
    index,
    data: null,
    ...options,
  };
  message.address = address;

  // Custom data for the server (e.g. TLS ticket keys).
  if (obj._getServerData) message.data = obj._getServerData();

  send(message, (reply, handle) => {
    if (typeof obj._setServerData === 'function') {
      obj._setServerData(reply.data);
    }
    if (handle) {
      shared(reply, { handle, indexesKey, index }, cb);
    } else {
      rr(reply, { indexesKey, index }, cb);
    }
  });

  obj.once('listening', () => {
    // A short-lived socket may be closed already.
    if (!indexes.has(indexesKey)) return;
    cluster.worker.state = 'listening';
    const address = obj.address();
    message.act = 'listening';
    message.port = (address && address.port) || options.port;
    send(message);
  });
};

function removeIndexesKey(indexesKey, index) {
  const indexSet = indexes.get(indexesKey);
  if (!indexSet) return;
  indexSet.set.delete(index);
  if (indexSet.set.size === 0) indexes.delete(indexesKey);
}

/* A listening handle shared by all workers: its close() also tells the
 * primary. */
function shared(message, { handle, indexesKey, index }, cb) {
  const key = message.key;
  const close = handle.close;

  // An own property: the binding's methods are read-only.
  ObjectDefineProperty(handle, 'close', {
    __proto__: null,
    configurable: true,
    enumerable: false,
    writable: true,
    value: function() {
      send({ act: 'close', key });
      handles.delete(key);
      removeIndexesKey(indexesKey, index);
      return ReflectApply(close, handle, arguments);
    },
  });
  handles.set(key, handle);
  cb(message.errno, handle);
}

/* Round-robin: the primary accepts; this faux handle stands for the
 * server (a timer keeps the process alive while it is ref'ed). */
function rr(message, { indexesKey, index }, cb) {
  if (message.errno) return cb(message.errno, null);

  let key = message.key;
  let fakeHandle = null;

  function ref() {
    if (!fakeHandle) fakeHandle = setInterval(noop, TIMEOUT_MAX);
  }

  function unref() {
    if (fakeHandle) {
      clearInterval(fakeHandle);
      fakeHandle = null;
    }
  }

  function listen(backlog) {
    // The primary listens with its own backlog.
    return 0;
  }

  function close() {
    // net treats close() as synchronous; connections that still arrive
    // go back to the primary (see onconnection).
    if (key === undefined) return;
    unref();
    send({ act: 'close', key });
    handles.delete(key);
    removeIndexesKey(indexesKey, index);
    key = undefined;
  }

  function getsockname(out) {
    if (key) ObjectAssign(out, message.sockname);
    return 0;
  }

  const handle = { close, listen, ref, unref };
  handle.ref();
  if (message.sockname) handle.getsockname = getsockname;  // TCP only.

  handles.set(key, handle);
  cb(0, handle);
}

/* The primary sent a round-robin connection. */
function onconnection(message, handle) {
  const key = message.key;
  const server = handles.get(key);
  let accepted = server !== undefined;

  if (accepted && server[kOwner]) {
    const self = server[kOwner];
    if (self.maxConnections && self._connections >= self.maxConnections) {
      accepted = false;
    }
  }

  send({ ack: message.seq, accepted });

  if (accepted) {
    server.onconnection(0, handle);
  } else {
    handle.close();
  }
}

function send(message, cb) {
  return sendHelper(process, message, null, cb);
}

/* Closes every server, then the channel (after telling the primary when
 * the worker started it). */
function _disconnect(primaryInitiated) {
  this.exitedAfterDisconnect = true;
  let waitingCount = 1;

  function checkWaitingCount() {
    waitingCount--;
    if (waitingCount === 0) {
      if (primaryInitiated) {
        process.disconnect();
      } else {
        send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
      }
    }
  }

  handles.forEach((handle) => {
    waitingCount++;
    const owner = ownerOf(handle);
    if (owner) {
      owner.close(checkWaitingCount);
    } else {
      handle.close(checkWaitingCount);
    }
  });

  handles.clear();
  checkWaitingCount();
}

/* disconnect(): closes the servers and the channel; the process then
 * ends once nothing else keeps it alive. */
Worker.prototype.disconnect = function() {
  if (this.state !== 'disconnecting' && this.state !== 'destroying') {
    this.state = 'disconnecting';
    ReflectApply(_disconnect, this, []);
  }
  return this;
};

/* destroy(): tells the primary, disconnects and exits. */
Worker.prototype.destroy = function() {
  if (this.state === 'destroying') return;

  this.exitedAfterDisconnect = true;
  if (!this.isConnected()) {
    process.exit(0);
  } else {
    this.state = 'destroying';
    send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
    process.once('disconnect', () => process.exit(0));
  }
};
