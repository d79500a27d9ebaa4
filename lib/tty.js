'use strict';
// tty.js - the tty module: isatty(); the ReadStream and WriteStream classes
// are not built yet.

const { NumberIsInteger } = primordials;

const {
  codes: { ERR_METHOD_NOT_IMPLEMENTED },
} = require('internal/errors');

/* isatty(fd) -> true when fd is an open terminal; false for anything that
 * is not an integer fd in [0, 2^31). */
function isatty(fd) {
  return NumberIsInteger(fd) && fd >= 0 && fd <= 2147483647 &&
    internalBinding('fs').isatty(fd);
}

/* ReadStream(fd[, options]): constructing one throws for now. */
class ReadStream {
  constructor(fd, options) {
    throw new ERR_METHOD_NOT_IMPLEMENTED('tty.ReadStream()');
  }
}

/* WriteStream(fd): constructing one throws for now. */
class WriteStream {
  constructor(fd) {
    throw new ERR_METHOD_NOT_IMPLEMENTED('tty.WriteStream()');
  }
}

module.exports = { isatty, ReadStream, WriteStream };
