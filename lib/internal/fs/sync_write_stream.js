'use strict';
// internal/fs/sync_write_stream: SyncWriteStream, a Writable that writes
// each chunk synchronously to an fd; what process.stdout/stderr are when
// they point to files.

const {
  ObjectSetPrototypeOf,
  ReflectApply,
} = primordials;

const { Writable } = require('stream');
const { closeSync, writeSync } = require('fs');

/* new SyncWriteStream(fd[, {autoClose}]): autoClose (default true) closes
 * fd when the stream is destroyed. */
function SyncWriteStream(fd, options) {
  ReflectApply(Writable, this, [{ autoDestroy: true }]);
  options = options || {};
  this.fd = fd;
  this.readable = false;
  this.autoClose = options.autoClose === undefined ? true : options.autoClose;
}

ObjectSetPrototypeOf(SyncWriteStream.prototype, Writable.prototype);
ObjectSetPrototypeOf(SyncWriteStream, Writable);

SyncWriteStream.prototype._write = function(chunk, encoding, cb) {
  writeSync(this.fd, chunk);
  cb();
};

SyncWriteStream.prototype._destroy = function(err, cb) {
  if (this.fd === null) return cb(err);
  if (this.autoClose) closeSync(this.fd);
  this.fd = null;
  cb(err);
};

SyncWriteStream.prototype.destroySoon = SyncWriteStream.prototype.destroy;

module.exports = SyncWriteStream;
