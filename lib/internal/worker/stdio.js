'use strict';
// internal/worker/stdio.js - the stdio streams between a worker and its
// parent: what the worker writes to process.stdout/stderr travels as
// control messages and comes out of worker.stdout/stderr in the parent;
// worker.stdin (with the stdin option) feeds the worker's process.stdin.

const {
  ArrayPrototypePush,
  ObjectSetPrototypeOf,
} = primordials;

const { Readable, Writable } = require('stream');
const { serializeMessage } = require('internal/worker/js_transferable');

/* Posts one control message on a NativeEndpoint. */
function post(control, message) {
  control.post(serializeMessage(message, [], null));
}

/* The parent's worker.stdout / worker.stderr (and the worker's
 * process.stdin): data is pushed by the control channel. */
function ReadableWorkerStdio(name) {
  Readable.call(this);
  this.name = name;
}
ObjectSetPrototypeOf(ReadableWorkerStdio.prototype, Readable.prototype);
ObjectSetPrototypeOf(ReadableWorkerStdio, Readable);
ReadableWorkerStdio.prototype._read = function() {};

/* The parent's worker.stdin (name 'stdin': writes go to the worker's
 * process.stdin) and the worker's process.stdout/stderr (writes come out
 * of worker.stdout/stderr). Every write is posted at once: nothing is
 * lost when the worker exits. */
function WritableWorkerStdio(control, name) {
  Writable.call(this, { decodeStrings: false });
  this.control = control;
  this.name = name;
}
ObjectSetPrototypeOf(WritableWorkerStdio.prototype, Writable.prototype);
ObjectSetPrototypeOf(WritableWorkerStdio, Writable);

WritableWorkerStdio.prototype._post = function(chunks) {
  if (this.name === 'stdin') {
    post(this.control, { type: 'stdin', chunks });
  } else {
    post(this.control, { type: 'stdio', stream: this.name, chunks });
  }
};

WritableWorkerStdio.prototype._writev = function(chunks, cb) {
  const list = [];
  for (let i = 0; i < chunks.length; i++) {
    ArrayPrototypePush(list, { chunk: chunks[i].chunk,
                               encoding: chunks[i].encoding });
  }
  this._post(list);
  cb();
};

WritableWorkerStdio.prototype._write = function(chunk, encoding, cb) {
  this._post([{ chunk, encoding }]);
  cb();
};

WritableWorkerStdio.prototype._final = function(cb) {
  if (this.name === 'stdin') this._post(null);
  cb();
};

module.exports = {
  ReadableWorkerStdio,
  WritableWorkerStdio,
};
