'use strict';
/* stdio.js - process.stdout and process.stderr: stream.Writables whose
 * writes go to the fd synchronously (files, TTYs and pipes alike), so no
 * output is ever lost at exit, even after process.exit(). */

const {
  ObjectSetPrototypeOf,
} = primordials;

const {
  writeString,
  writeBuffer,
  guessHandleType,
  getWindowSize,
} = internalBinding('fs');

const Writable = require('internal/streams/writable');

/* new SyncWriteStream(fd): a Writable over a file descriptor whose _write
 * completes synchronously. Strings reach _write undecoded, so UTF-8 text
 * is written straight from the string. */
function SyncWriteStream(fd) {
  if (!(this instanceof SyncWriteStream)) return new SyncWriteStream(fd);
  Writable.call(this, { autoDestroy: true, decodeStrings: false });
  this.fd = fd;
  this.readable = false;
  this.autoClose = false;
  const type = guessHandleType(fd).toLowerCase();
  // Node names a file 'fs'.
  this._type = type === 'file' ? 'fs' : type;
  if (this._type === 'tty') {
    this.isTTY = true;
    const size = getWindowSize(fd);
    this.columns = size ? size[0] : 80;
    this.rows = size ? size[1] : 24;
  }
}
ObjectSetPrototypeOf(SyncWriteStream.prototype, Writable.prototype);
ObjectSetPrototypeOf(SyncWriteStream, Writable);

SyncWriteStream.prototype._write = function(chunk, encoding, cb) {
  try {
    if (typeof chunk === 'string') {
      if (encoding === 'utf8' || encoding === 'utf-8') {
        writeString(this.fd, chunk);
      } else {
        const { Buffer } = require('buffer');
        const buf = Buffer.from(chunk, encoding);
        writeBuffer(this.fd, buf, 0, buf.length);
      }
    } else {
      writeBuffer(this.fd, chunk, 0, chunk.length);
    }
  } catch (err) {
    // I/O errors (EPIPE & co.) go through 'error'; anything else, such as
    // a stack overflow inside console.log(), propagates to the caller.
    if (err === null || typeof err !== 'object' ||
        typeof err.syscall !== 'string') {
      throw err;
    }
    cb(err);
    return;
  }
  cb();
};

/* stdio is never really closed: destroy() reports completion (and
 * 'close', so that finished() and pipeline() settle) but leaves the
 * stream usable. */
SyncWriteStream.prototype._destroy = function dummyDestroy(err, cb) {
  cb(err);
  this._undestroy();
  if (!this._writableState.emitClose) {
    process.nextTick(() => {
      this.emit('close');
    });
  }
};

SyncWriteStream.prototype.destroySoon = function destroySoon() {
  return this.destroy();
};

/* Colour support as tty.WriteStream reports it (internal/tty). */
SyncWriteStream.prototype.getColorDepth = function(env) {
  return this.isTTY ? require('internal/tty').getColorDepth(env) : 1;
};

SyncWriteStream.prototype.hasColors = function(count, env) {
  if (env === undefined &&
      (count === undefined || (typeof count === 'object' && count !== null))) {
    env = count;
    count = 16;
  }
  return count <= 2 ** this.getColorDepth(env);
};

SyncWriteStream.prototype.getWindowSize = function() {
  return [this.columns, this.rows];
};

SyncWriteStream.prototype._refreshSize = function() {
  const size = getWindowSize(this.fd);
  if (size && (size[0] !== this.columns || size[1] !== this.rows)) {
    this.columns = size[0];
    this.rows = size[1];
    this.emit('resize');
  }
};

/* Synchronous stdio holds no handle on the loop: ref/unref do nothing. */
SyncWriteStream.prototype.ref = function ref() { return this; };
SyncWriteStream.prototype.unref = function unref() { return this; };

function createWritableStdioStream(fd) {
  const stream = new SyncWriteStream(fd);
  stream._isStdio = true;
  /* A terminal's size follows SIGWINCH ('resize' on change), as Node's
   * tty.WriteStream does for stdout/stderr. */
  if (stream.isTTY) process.on('SIGWINCH', () => stream._refreshSize());
  return stream;
}

let stdout;
let stderr;

function getStdout() {
  stdout ??= createWritableStdioStream(1);
  return stdout;
}

function getStderr() {
  stderr ??= createWritableStdioStream(2);
  return stderr;
}

/* process.stdin comes from internal/process/stdin. */
function getStdin() {
  return require('internal/process/stdin').getStdin();
}

module.exports = {
  getStdout,
  getStderr,
  getStdin,
  SyncWriteStream,
};
