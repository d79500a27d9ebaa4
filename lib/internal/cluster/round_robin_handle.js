'use strict';
// internal/cluster/round_robin_handle.js - a server the primary listens on
// itself and whose connections it hands to the workers in turn (the
// default scheduling policy outside Windows).

const {
  ArrayPrototypePush,
  ArrayPrototypeShift,
  Boolean,
  SafeMap,
} = primordials;

const net = require('net');
const { sendHelper } = require('internal/cluster/utils');
const { constants } = internalBinding('tcp_wrap');

function fail() {
  throw new Error('a round-robin server accepts connections itself');
}

/* RoundRobinHandle(key, address, { port, fd, flags, backlog, readableAll,
 * writableAll }): starts listening on a TCP port, an fd or a Unix socket
 * path. */
function RoundRobinHandle(key, address, options) {
  const { port, fd, flags, backlog, readableAll, writableAll } = options;
  this.key = key;
  this.all = new SafeMap();   // worker id -> worker sharing the server
  this.free = new SafeMap();  // workers waiting for a connection
  this.handles = [];          // accepted connections no worker took yet
  this.handle = null;
  this.server = net.createServer(fail);

  if (fd >= 0) {
    this.server.listen({ fd, backlog });
  } else if (port >= 0) {
    this.server.listen({
      port,
      host: address,
      ipv6Only: Boolean(flags & constants.UV_TCP_IPV6ONLY),
      backlog,
    });
  } else {
    this.server.listen({ path: address, backlog, readableAll, writableAll });
  }

  this.server.once('listening', () => {
    this.handle = this.server._handle;
    this.handle.onconnection = (err, handle) => this.distribute(err, handle);
    this.server._handle = null;
    this.server = null;
  });
}

/* add(worker, send): `worker` shares the server; send(errno, reply,
 * handle) answers its query once the server listens (or failed). */
RoundRobinHandle.prototype.add = function add(worker, send) {
  this.all.set(worker.id, worker);
  const done = () => {
    if (this.handle.getsockname) {
      const out = {};
      this.handle.getsockname(out);
      send(null, { sockname: out }, null);
    } else {
      send(null, null, null);  // A Unix socket.
    }
    this.handoff(worker);  // Connections may be waiting already.
  };
  if (this.server === null) return done();
  this.server.once('listening', done);
  this.server.once('error', (err) => {
    send(err.errno, null);
  });
};

/* remove(worker) -> true when it was the last worker (the server is then
 * closed with the connections nobody took). */
RoundRobinHandle.prototype.remove = function remove(worker) {
  const existed = this.all.delete(worker.id);
  if (!existed) return false;
  this.free.delete(worker.id);
  if (this.all.size !== 0) return false;
  while (this.handles.length !== 0) {
    ArrayPrototypeShift(this.handles).close();
  }
  if (this.handle) {
    this.handle.close();
    this.handle = null;
  }
  if (this.server) {
    this.server.close();
    this.server = null;
  }
  return true;
};

/* A connection arrived: queue it and wake a free worker. */
RoundRobinHandle.prototype.distribute = function distribute(err, handle) {
  if (err) return;  // accept() failed
  ArrayPrototypePush(this.handles, handle);
  for (const { 0: workerId, 1: worker } of this.free) {
    this.free.delete(workerId);
    this.handoff(worker);
    break;
  }
};

/* Sends `worker` the oldest waiting connection, or marks it free. */
RoundRobinHandle.prototype.handoff = function handoff(worker) {
  if (!this.all.has(worker.id)) return;  // It closed the server.
  if (this.handles.length === 0) {
    this.free.set(worker.id, worker);
    return;
  }
  const handle = ArrayPrototypeShift(this.handles);
  const message = { act: 'newconn', key: this.key };
  sendHelper(worker.process, message, handle, (reply) => {
    if (reply.accepted) {
      handle.close();
    } else {
      this.distribute(0, handle);  // Shutting down: another one takes it.
    }
    this.handoff(worker);
  });
};

module.exports = RoundRobinHandle;
