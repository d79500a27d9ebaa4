'use strict';
// internal/fs/rw_args: the argument forms of read()/write() and their
// sync and promise twins, checked and normalised in one place.

const {
  BigInt,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
  },
  hideStackFrames,
} = require('internal/errors');
const { isArrayBufferView } = require('internal/util/types');
const {
  validateBuffer,
  validateEncoding,
  validateInteger,
} = require('internal/validators');
const {
  validateOffsetLengthRead,
  validateOffsetLengthWrite,
  validateStringAfterArrayBufferView,
} = require('internal/fs/utils');

const kMaxPosition = 2n ** 63n - 1n;
const kMinPosition = -(2n ** 63n);

/* A read position: null/undefined become -1 (the current position); an
 * integer number, or a BigInt that leaves room for `length` bytes. */
const checkReadPosition = hideStackFrames((position, length) => {
  if (position == null) return -1;
  if (typeof position === 'number') {
    validateInteger(position, 'position');
    return position;
  }
  if (typeof position === 'bigint') {
    const max = kMaxPosition - BigInt(length);
    if (!(position >= kMinPosition && position <= max)) {
      throw new ERR_OUT_OF_RANGE('position',
                                 `>= ${kMinPosition} && <= ${max}`, position);
    }
    return position;
  }
  throw new ERR_INVALID_ARG_TYPE('position', ['integer', 'bigint'], position);
});

/* Reads {offset, length, position} from an options object (missing keys
 * get defaults: offset 0, the rest of the buffer, the current position). */
function fromReadOptions(buffer, options) {
  const o = typeof options === 'object' && options !== null ? options : {};
  const offset = o.offset === undefined ? 0 : o.offset;
  const length = o.length === undefined ? buffer.byteLength - offset :
    o.length;
  const position = o.position === undefined ? null : o.position;
  return { offset, length, position };
}

/* checkRead(buffer, offset, length, position) -> {buffer, offset, length,
 * position}, validated; length 0 means "nothing to read". */
const checkRead = hideStackFrames((buffer, offset, length, position) => {
  validateBuffer(buffer);
  if (offset == null) {
    offset = 0;
  } else {
    validateInteger(offset, 'offset', 0);
  }
  length |= 0;
  if (length === 0) return { buffer, offset, length: 0, position: -1 };
  if (buffer.byteLength === 0) {
    throw new ERR_INVALID_ARG_VALUE('buffer', buffer,
                                    'is empty and cannot be written');
  }
  validateOffsetLengthRead(offset, length, buffer.byteLength);
  position = checkReadPosition(position, length);
  return { buffer, offset, length, position };
});

/* readSync(fd, buffer, offset, length, position) and
 * readSync(fd, buffer[, options]): `argc` is the call's argument count. */
function readSyncArgs(buffer, offsetOrOptions, length, position, argc) {
  let offset = offsetOrOptions;
  if (argc <= 3 || typeof offsetOrOptions === 'object') {
    validateBuffer(buffer);
    ({ offset, length, position } = fromReadOptions(buffer, offsetOrOptions));
  }
  return checkRead(buffer, offset, length, position);
}

/* Position of a write: numbers (and BigInts) are used, anything else means
 * the current position. */
function writePosition(position) {
  return typeof position === 'number' || typeof position === 'bigint' ?
    position : -1;
}

/* write(fd, view, offset, length, position) / write(fd, view, options):
 * returns {offset, length, position}. */
const checkWriteView = hideStackFrames((buffer, offsetOrOptions, length,
                                        position) => {
  let offset = offsetOrOptions;
  if (offset !== null && typeof offset === 'object') {
    const o = offset;
    offset = o.offset === undefined ? 0 : o.offset;
    length = o.length === undefined ? buffer.byteLength - offset : o.length;
    position = o.position === undefined ? null : o.position;
  }
  if (offset == null) {
    offset = 0;
  } else {
    validateInteger(offset, 'offset', 0);
  }
  if (typeof length !== 'number') length = buffer.byteLength - offset;
  validateOffsetLengthWrite(offset, length, buffer.byteLength);
  return { offset, length, position: writePosition(position) };
});

/* Checks the string form write(fd, string[, position[, encoding]]);
 * returns the string (with `coerce`, objects with an own toString() are
 * converted, deprecated). */
const checkWriteString = hideStackFrames((string, encoding, coerce) => {
  if (typeof string !== 'string' && !coerce) {
    throw new ERR_INVALID_ARG_TYPE(
      'buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], string);
  }
  string = validateStringAfterArrayBufferView(string, 'buffer');
  validateEncoding(string, encoding);
  return string;
});

module.exports = {
  checkRead,
  checkReadPosition,
  checkWriteString,
  checkWriteView,
  fromReadOptions,
  isArrayBufferView,
  readSyncArgs,
  writePosition,
};
