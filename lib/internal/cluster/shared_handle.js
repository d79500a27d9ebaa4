'use strict';
// internal/cluster/shared_handle.js - a server handle the primary binds
// once and passes to every worker, which all accept on it themselves
// (scheduling policy SCHED_NONE, and always for UDP).

const { SafeMap } = primordials;

/* SharedHandle(key, address, { port, addressType, fd, flags }): binds a
 * TCP/Unix server handle, or a UDP one for addressType 'udp4'/'udp6';
 * a bind failure is kept in this.errno for every worker. */
function SharedHandle(key, address, { port, addressType, fd, flags }) {
  this.key = key;
  this.workers = new SafeMap();
  this.handle = null;
  this.errno = 0;

  let rval;
  if (addressType === 'udp4' || addressType === 'udp6') {
    rval = require('internal/dgram')._createSocketHandle(
      address, port, addressType, fd, flags);
  } else {
    rval = require('net')._createServerHandle(address, port, addressType,
                                              fd, flags);
  }
  if (typeof rval === 'number') {
    this.errno = rval;
  } else {
    this.handle = rval;
  }
}

/* add(worker, send): send(errno, null, handle) right away. */
SharedHandle.prototype.add = function add(worker, send) {
  this.workers.set(worker.id, worker);
  send(this.errno, null, this.handle);
};

/* remove(worker) -> true when it was the last worker (handle closed). */
SharedHandle.prototype.remove = function remove(worker) {
  if (!this.workers.has(worker.id)) return false;
  this.workers.delete(worker.id);
  if (this.workers.size !== 0) return false;
  if (this.handle) this.handle.close();
  this.handle = null;
  return true;
};

module.exports = SharedHandle;
