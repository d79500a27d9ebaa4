'use strict';
// internal/child_process/handles.js - what travels with an IPC message as
// a handle: net.Socket, net.Server, dgram.Socket and raw TCP/Pipe/UDP
// handles (send: the native handle to pass; got: rebuild the object on
// the receiving side), and the socket lists that let a server count and
// close the connections it handed to other processes.

const EventEmitter = require('events');
const {
  codes: {
    ERR_CHILD_CLOSED_BEFORE_REPLY,
    ERR_INVALID_HANDLE_TYPE,
  },
} = require('internal/errors');

let net;
let dgram;
let dgramState;

function lazyNet() {
  net ??= require('net');
  return net;
}

function lazyDgram() {
  dgram ??= require('dgram');
  return dgram;
}

function nop() {}

/* The message type naming how `handle` travels; throws
 * ERR_INVALID_HANDLE_TYPE for anything that cannot. */
function handleType(handle) {
  const { Socket, Server } = lazyNet();
  if (handle instanceof Socket) return 'net.Socket';
  if (handle instanceof Server) return 'net.Server';
  const { TCP } = internalBinding('tcp_wrap');
  const { Pipe } = internalBinding('pipe_wrap');
  if (handle instanceof TCP || handle instanceof Pipe) return 'net.Native';
  if (handle instanceof lazyDgram().Socket) return 'dgram.Socket';
  const { UDP } = internalBinding('udp_wrap');
  if (handle instanceof UDP) return 'dgram.Native';
  throw new ERR_INVALID_HANDLE_TYPE();
}

/* SocketListSend(child, key): the sender's view of the sockets of one
 * server (key) that went to `child`: close(cb) waits until the child
 * closed them all; getConnections(cb) asks how many are open. */
class SocketListSend extends EventEmitter {
  constructor(child, key) {
    super();
    this.key = key;
    this.child = child;
    child.once('exit', () => this.emit('exit', this));
  }

  _request(msg, cmd, swallowErrors, callback) {
    const self = this;
    if (!this.child.connected) return onclose();
    this.child._send(msg, undefined, swallowErrors);

    function onclose() {
      self.child.removeListener('internalMessage', onreply);
      callback(new ERR_CHILD_CLOSED_BEFORE_REPLY());
    }

    function onreply(msg) {
      if (!(msg.cmd === cmd && msg.key === self.key)) return;
      self.child.removeListener('disconnect', onclose);
      self.child.removeListener('internalMessage', onreply);
      callback(null, msg);
    }

    this.child.once('disconnect', onclose);
    this.child.on('internalMessage', onreply);
  }

  close(callback) {
    this._request({ cmd: 'NODE_SOCKET_NOTIFY_CLOSE', key: this.key },
                  'NODE_SOCKET_ALL_CLOSED', true, callback);
  }

  getConnections(callback) {
    this._request({ cmd: 'NODE_SOCKET_GET_COUNT', key: this.key },
                  'NODE_SOCKET_COUNT', false, (err, msg) => {
                    if (err) return callback(err);
                    callback(null, msg.count);
                  });
  }
}

/* SocketListReceive(child, key): the receiver's count of the sockets of
 * server `key` it got; answers the sender's questions about them. */
class SocketListReceive extends EventEmitter {
  constructor(child, key) {
    super();
    this.connections = 0;
    this.key = key;
    this.child = child;

    function onempty(self) {
      if (!self.child.connected) return;
      self.child._send({ cmd: 'NODE_SOCKET_ALL_CLOSED', key: self.key },
                       undefined, true);
    }

    this.child.on('internalMessage', (msg) => {
      if (msg.key !== this.key) return;
      if (msg.cmd === 'NODE_SOCKET_NOTIFY_CLOSE') {
        if (this.connections === 0) return onempty(this);
        this.once('empty', onempty);
      } else if (msg.cmd === 'NODE_SOCKET_GET_COUNT') {
        if (!this.child.connected) return;
        this.child._send({
          cmd: 'NODE_SOCKET_COUNT', key: this.key, count: this.connections,
        });
      }
    });
  }

  add(obj) {
    this.connections++;
    obj.socket.once('close', () => {
      this.connections--;
      if (this.connections === 0) this.emit('empty', this);
    });
  }
}

/* The socket list of `type` ('send' | 'got') for server `key` on the
 * channel of `target`. */
function getSocketList(type, target, key) {
  const { kChannelHandle } = require('internal/child_process/channel');
  const sockets = target[kChannelHandle].sockets[type];
  let socketList = sockets[key];
  if (!socketList) {
    const Construct = type === 'send' ? SocketListSend : SocketListReceive;
    socketList = sockets[key] = new Construct(target, key);
  }
  return socketList;
}

/* Per message type: send(message, object, options) -> the native handle
 * to pass (called with `this` = the sending target); postSend(message,
 * handle, options, callback, target) after the write; got(message,
 * handle, emit) rebuilds the object and calls emit(object). */
const handleConversion = {
  'net.Native': {
    simultaneousAccepts: true,
    send(message, handle, options) {
      return handle;
    },
    got(message, handle, emit) {
      emit(handle);
    },
  },

  'net.Server': {
    simultaneousAccepts: true,
    send(message, server, options) {
      return server._handle;
    },
    got(message, handle, emit) {
      const server = new (lazyNet().Server)();
      server.listen(handle, () => {
        emit(server);
      });
    },
  },

  'net.Socket': {
    send(message, socket, options) {
      if (!socket._handle) return;
      // A server's connection: the server now counts it over there.
      if (socket.server) {
        message.key = socket.server._connectionKey;
        const { kChannelHandle } = require('internal/child_process/channel');
        const firstTime = !this[kChannelHandle].sockets.send[message.key];
        const socketList = getSocketList('send', this, message.key);
        if (firstTime) socket.server._setupWorker(socketList);
        if (!options.keepOpen) socket.server._connections--;
      }
      const handle = socket._handle;
      // The socket lets go of its handle; it closes once it arrived.
      if (!options.keepOpen) {
        handle.onread = nop;
        socket._handle = null;
        socket.setTimeout(0);
      }
      return handle;
    },

    postSend(message, handle, options, callback, target) {
      // Kept until NODE_HANDLE_ACK; closed right away when not sent.
      if (handle && !options.keepOpen) {
        if (target) {
          target._pendingMessage = {
            callback, message, handle, options, retransmissions: 0,
          };
        } else {
          handle.close();
        }
      }
    },

    got(message, handle, emit) {
      const socket = new (lazyNet().Socket)({
        handle, readable: true, writable: true,
      });
      if (message.key) {
        const socketList = getSocketList('got', this, message.key);
        socketList.add({ socket });
      }
      emit(socket);
    },
  },

  'dgram.Native': {
    simultaneousAccepts: false,
    send(message, handle, options) {
      return handle;
    },
    got(message, handle, emit) {
      emit(handle);
    },
  },

  'dgram.Socket': {
    simultaneousAccepts: false,
    send(message, socket, options) {
      message.dgramType = socket.type;
      dgramState ??= require('internal/dgram').kStateSymbol;
      return socket[dgramState].handle;
    },
    got(message, handle, emit) {
      const socket = new (lazyDgram().Socket)(message.dgramType);
      socket.bind(handle, () => {
        emit(socket);
      });
    },
  },
};

module.exports = {
  getSocketList,
  handleConversion,
  handleType,
  SocketListReceive,
  SocketListSend,
};
