// internal/assert.js - assert() for core invariants (ERR_INTERNAL_ASSERTION).
'use strict';

let ERR_INTERNAL_ASSERTION;

function lazyError() {
  ERR_INTERNAL_ASSERTION ??=
    require('internal/errors').codes.ERR_INTERNAL_ASSERTION;
  return ERR_INTERNAL_ASSERTION;
}

/* assert(value[, message]): throws ERR_INTERNAL_ASSERTION (a bug in core,
 * never a user error) when value is falsy. */
function assert(value, message) {
  if (!value) {
    const Err = lazyError();
    throw new Err(message);
  }
}

/* assert.fail([message]): throws ERR_INTERNAL_ASSERTION. */
function fail(message) {
  const Err = lazyError();
  throw new Err(message);
}

assert.fail = fail;

module.exports = assert;
