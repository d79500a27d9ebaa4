'use strict';
// internal/readline/callbacks.js - cursor moves and clears on a stream.

// Each writes one ANSI escape sequence to `stream` and returns what
// stream.write() returned. A null/undefined stream (or nothing to do) is
// not an error: the optional callback then runs on the next tick with null.

const { NumberIsNaN } = primordials;

const {
  codes: { ERR_INVALID_ARG_VALUE, ERR_INVALID_CURSOR_POS },
} = require('internal/errors');
const { validateFunction } = require('internal/validators');
const { CSI } = require('internal/readline/utils');

const { kClearLine, kClearScreenDown, kClearToLineBeginning,
        kClearToLineEnd } = CSI;

function skip(callback) {
  if (typeof callback === 'function') process.nextTick(callback, null);
  return true;
}

/* Moves the cursor to column x (and row y when given), 0-based. */
function cursorTo(stream, x, y, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (typeof y === 'function') {
    callback = y;
    y = undefined;
  }
  if (NumberIsNaN(x)) throw new ERR_INVALID_ARG_VALUE('x', x);
  if (NumberIsNaN(y)) throw new ERR_INVALID_ARG_VALUE('y', y);

  if (stream == null || (typeof x !== 'number' && typeof y !== 'number')) {
    return skip(callback);
  }
  if (typeof x !== 'number') throw new ERR_INVALID_CURSOR_POS();

  const data = typeof y === 'number' ? CSI`${y + 1};${x + 1}H` :
    CSI`${x + 1}G`;
  return stream.write(data, callback);
}

/* Moves the cursor dx columns and dy rows relative to where it is. */
function moveCursor(stream, dx, dy, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (stream == null || !(dx || dy)) return skip(callback);

  let data = '';
  if (dx < 0) data += CSI`${-dx}D`;
  else if (dx > 0) data += CSI`${dx}C`;
  if (dy < 0) data += CSI`${-dy}A`;
  else if (dy > 0) data += CSI`${dy}B`;
  return stream.write(data, callback);
}

/* Clears the current line: dir < 0 to its start, > 0 to its end, 0 all. */
function clearLine(stream, dir, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (stream == null) return skip(callback);

  const data = dir < 0 ? kClearToLineBeginning :
    dir > 0 ? kClearToLineEnd : kClearLine;
  return stream.write(data, callback);
}

/* Clears from the cursor to the end of the screen. */
function clearScreenDown(stream, callback) {
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (stream == null) return skip(callback);
  return stream.write(kClearScreenDown, callback);
}

module.exports = {
  clearLine,
  clearScreenDown,
  cursorTo,
  moveCursor,
};
