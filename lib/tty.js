'use strict';
// tty.js - the tty module: isatty(), and ReadStream/WriteStream, the
// net.Sockets over terminal handles behind process.stdin/stdout on a TTY.

const {
  FunctionPrototypeCall,
  NumberIsInteger,
  ObjectSetPrototypeOf,
} = primordials;

const net = require('net');
const {
  codes: { ERR_INVALID_FD, ERR_TTY_INIT_FAILED },
  errnoException,
} = require('internal/errors');
const { getColorDepth, hasColors } = require('internal/tty');

let ttyBinding;
function binding() {
  ttyBinding ??= internalBinding('tty_wrap');
  return ttyBinding;
}

let readlineCallbacks;
function cursorHelpers() {
  readlineCallbacks ??= require('internal/readline/callbacks');
  return readlineCallbacks;
}

/* isatty(fd) -> true when fd is an open terminal; false for anything that
 * is not an integer fd in [0, 2^31). */
function isatty(fd) {
  return NumberIsInteger(fd) && fd >= 0 && fd <= 2147483647 &&
    binding().isTTY(fd);
}

/* A TTY handle on fd, or throws ERR_INVALID_FD / ERR_TTY_INIT_FAILED. */
function openTTY(fd) {
  if (fd >> 0 !== fd || fd < 0) throw new ERR_INVALID_FD(fd);
  const ctx = {};
  const handle = new (binding().TTY)(fd, ctx);
  if (ctx.code !== undefined) throw new ERR_TTY_INIT_FAILED(ctx);
  return handle;
}

/* new ReadStream(fd[, options]): the readable side of a terminal; starts
 * paused, setRawMode() switches line discipline. */
function ReadStream(fd, options) {
  if (!(this instanceof ReadStream)) return new ReadStream(fd, options);
  const handle = openTTY(fd);
  FunctionPrototypeCall(net.Socket, this, {
    readableHighWaterMark: 0,
    handle,
    manualStart: true,
    ...options,
  });
  this.isRaw = false;
  this.isTTY = true;
}
ObjectSetPrototypeOf(ReadStream.prototype, net.Socket.prototype);
ObjectSetPrototypeOf(ReadStream, net.Socket);

/* setRawMode(flag): raw (true) or cooked (false) mode; emits 'error' on
 * failure. Returns this. */
ReadStream.prototype.setRawMode = function(flag) {
  flag = !!flag;
  const err = this._handle?.setRawMode(flag);
  if (err) {
    this.emit('error', errnoException(err, 'setRawMode'));
    return this;
  }
  this.isRaw = flag;
  return this;
};

/* new WriteStream(fd): the writable side of a terminal, with its size in
 * columns/rows (refreshed on SIGWINCH by the stdio code) and colour
 * support queries. Writes block, so output is never interleaved or lost. */
function WriteStream(fd) {
  if (!(this instanceof WriteStream)) return new WriteStream(fd);
  const handle = openTTY(fd);
  FunctionPrototypeCall(net.Socket, this, {
    readableHighWaterMark: 0,
    handle,
    manualStart: true,
  });
  if (typeof this._handle.setBlocking === 'function') {
    this._handle.setBlocking(true);
  }
  const winSize = [0, 0];
  const err = this._handle.getWindowSize(winSize);
  if (!err) {
    this.columns = winSize[0];
    this.rows = winSize[1];
  }
}
ObjectSetPrototypeOf(WriteStream.prototype, net.Socket.prototype);
ObjectSetPrototypeOf(WriteStream, net.Socket);

WriteStream.prototype.isTTY = true;

/* getColorDepth([env]) -> 1, 4, 8 or 24. */
WriteStream.prototype.getColorDepth = getColorDepth;

/* hasColors([count][, env]) -> boolean. */
WriteStream.prototype.hasColors = hasColors;

/* Re-reads the window size; emits 'resize' when it changed. */
WriteStream.prototype._refreshSize = function() {
  const oldCols = this.columns;
  const oldRows = this.rows;
  const winSize = [0, 0];
  const err = this._handle.getWindowSize(winSize);
  if (err) {
    this.emit('error', errnoException(err, 'getWindowSize'));
    return;
  }
  const [newCols, newRows] = winSize;
  if (oldCols !== newCols || oldRows !== newRows) {
    this.columns = newCols;
    this.rows = newRows;
    this.emit('resize');
  }
};

WriteStream.prototype.cursorTo = function(x, y, cb) {
  return cursorHelpers().cursorTo(this, x, y, cb);
};

WriteStream.prototype.moveCursor = function(dx, dy, cb) {
  return cursorHelpers().moveCursor(this, dx, dy, cb);
};

WriteStream.prototype.clearLine = function(dir, cb) {
  return cursorHelpers().clearLine(this, dir, cb);
};

WriteStream.prototype.clearScreenDown = function(cb) {
  return cursorHelpers().clearScreenDown(this, cb);
};

/* getWindowSize() -> [columns, rows] */
WriteStream.prototype.getWindowSize = function() {
  return [this.columns, this.rows];
};

module.exports = { isatty, ReadStream, WriteStream };
