'use strict';
// internal/cluster/worker.js - cluster.Worker: the handle on one cluster
// worker process (its id, state and ChildProcess), shared by both sides.

const {
  ObjectSetPrototypeOf,
  ReflectApply,
} = primordials;

const EventEmitter = require('events');
const { kEmptyObject } = require('internal/util');

/* Worker([options]): options = { id, state, process }. Callable without
 * `new`. Re-emits the process's 'error' and 'message' events. */
function Worker(options) {
  if (!(this instanceof Worker)) return new Worker(options);
  ReflectApply(EventEmitter, this, []);
  if (options === null || typeof options !== 'object') options = kEmptyObject;

  this.exitedAfterDisconnect = undefined;
  this.state = options.state || 'none';
  this.id = options.id | 0;

  if (options.process) {
    this.process = options.process;
    this.process.on('error', (code, signal) =>
      this.emit('error', code, signal));
    this.process.on('message', (message, handle) =>
      this.emit('message', message, handle));
  }
}

ObjectSetPrototypeOf(Worker.prototype, EventEmitter.prototype);
ObjectSetPrototypeOf(Worker, EventEmitter);

/* kill([signal = 'SIGTERM']): destroy(), which the primary and the
 * worker side each define (with disconnect()). */
Worker.prototype.kill = function kill(...args) {
  ReflectApply(this.destroy, this, args);
};

/* send(message[, handle][, options][, callback]) over the IPC channel. */
Worker.prototype.send = function send(...args) {
  return ReflectApply(this.process.send, this.process, args);
};

/* True once the worker process has exited or was killed by a signal. */
Worker.prototype.isDead = function isDead() {
  return this.process.exitCode != null || this.process.signalCode != null;
};

/* True while the IPC channel to the worker is open. */
Worker.prototype.isConnected = function isConnected() {
  return this.process.connected;
};

module.exports = Worker;
