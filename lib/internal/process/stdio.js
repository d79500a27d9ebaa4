'use strict';
/* stdio.js - process.stdout and process.stderr: writes go to the fd
 * synchronously (files, TTYs and pipes alike), so no output is ever lost at
 * exit, even after process.exit(). */

const {
  ObjectDefineProperty,
} = primordials;

const {
  writeString,
  writeBuffer,
  guessHandleType,
  getWindowSize,
} = internalBinding('fs');

const EventEmitter = require('events');

let colorEnv;

/* Colour depth of a terminal from the environment, as tty.WriteStream's
 * getColorDepth() computes it: 1, 4, 8 or 24 bits. */
function getColorDepth(env = process.env) {
  if (env.FORCE_COLOR !== undefined) {
    switch (env.FORCE_COLOR) {
      case '':
      case '1':
      case 'true':
        return 4;
      case '2':
        return 8;
      case '3':
        return 24;
      default:
        return 1;
    }
  }
  if (env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined ||
      env.TERM === 'dumb') {
    return 1;
  }
  if (env.TMUX) return 24;
  if (env.CI) return 8;
  if (env.COLORTERM === 'truecolor' || env.COLORTERM === '24bit') return 24;
  if (env.TERM) {
    if (/truecolor/.test(env.TERM)) return 24;
    if (/-256(color)?$/i.test(env.TERM)) return 8;
    if (/^(xterm|screen|vt100|vt220|rxvt|color|ansi|cygwin|linux|konsole)/i
      .test(env.TERM)) {
      return 4;
    }
  }
  if (env.COLORTERM) return 4;
  return 1;
}

/* A writable stream over a file descriptor that writes synchronously. */
class SyncWriteStream extends EventEmitter {
  constructor(fd) {
    super();
    this.fd = fd;
    this._type = guessHandleType(fd).toLowerCase();
    this.isTTY = this._type === 'tty' ? true : undefined;
    this.writable = true;
    this.destroyed = false;
    this._isStdio = true;
    this.writableHighWaterMark = 16384;
    this.writableLength = 0;
    this.writableCorked = 0;
    if (this.isTTY) {
      const size = getWindowSize(fd);
      this.columns = size ? size[0] : 80;
      this.rows = size ? size[1] : 24;
    }
  }

  /* write(chunk[, encoding][, callback]) -> true. Strings are written as
   * UTF-8 (other encodings go through Buffer). */
  write(chunk, encoding, cb) {
    if (typeof encoding === 'function') {
      cb = encoding;
      encoding = undefined;
    }
    if (this.destroyed) {
      const { codes } = require('internal/errors');
      const err = new codes.ERR_STREAM_DESTROYED('write');
      if (typeof cb === 'function') process.nextTick(cb, err);
      return false;
    }
    try {
      if (typeof chunk === 'string') {
        if (encoding && encoding !== 'utf8' && encoding !== 'utf-8') {
          const { Buffer } = require('buffer');
          const buf = Buffer.from(chunk, encoding);
          writeBuffer(this.fd, buf, 0, buf.length);
        } else {
          writeString(this.fd, chunk);
        }
      } else if (chunk !== null && typeof chunk === 'object' &&
                 typeof chunk.byteLength === 'number') {
        writeBuffer(this.fd, chunk, 0, chunk.byteLength);
      } else {
        const { codes } = require('internal/errors');
        throw new codes.ERR_INVALID_ARG_TYPE(
          'chunk', ['string', 'Buffer', 'Uint8Array'], chunk);
      }
    } catch (err) {
      if (err.code === 'ERR_INVALID_ARG_TYPE') throw err;
      if (typeof cb === 'function') process.nextTick(cb, err);
      process.nextTick(() => this.emit('error', err));
      return false;
    }
    if (typeof cb === 'function') process.nextTick(cb, null);
    return true;
  }

  end(chunk, encoding, cb) {
    if (typeof chunk === 'function') {
      cb = chunk;
      chunk = undefined;
    } else if (typeof encoding === 'function') {
      cb = encoding;
      encoding = undefined;
    }
    if (chunk !== undefined && chunk !== null) this.write(chunk, encoding);
    /* stdout and stderr are never really closed, as in Node. */
    process.nextTick(() => {
      this.emit('finish');
      if (typeof cb === 'function') cb();
    });
    return this;
  }

  cork() { this.writableCorked++; }
  uncork() { if (this.writableCorked > 0) this.writableCorked--; }
  setDefaultEncoding() { return this; }

  destroy(err) {
    if (err) process.nextTick(() => this.emit('error', err));
    return this;
  }

  destroySoon() { return this.destroy(); }

  getColorDepth(env) {
    return this.isTTY ? getColorDepth(env) : 1;
  }

  hasColors(count, env) {
    if (env === undefined &&
        (count === undefined || (typeof count === 'object' && count !== null))) {
      env = count;
      count = 16;
    }
    return count <= 2 ** this.getColorDepth(env);
  }

  getWindowSize() {
    return [this.columns, this.rows];
  }

  _refreshSize() {
    const size = getWindowSize(this.fd);
    if (size) {
      this.columns = size[0];
      this.rows = size[1];
    }
  }
}

function createWritableStdioStream(fd) {
  const stream = new SyncWriteStream(fd);
  ObjectDefineProperty(stream, 'isStdio', { __proto__: null, value: true });
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

function getStdin() {
  const { codes } = require('internal/errors');
  throw new codes.ERR_METHOD_NOT_IMPLEMENTED('process.stdin');
}

module.exports = {
  getStdout,
  getStderr,
  getStdin,
  getColorDepth,
  SyncWriteStream,
  colorEnv,
};
