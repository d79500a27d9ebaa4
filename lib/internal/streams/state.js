'use strict';
// internal/streams/state.js - highWaterMark defaults and option validation.

const {
  MathFloor,
  NumberIsInteger,
} = primordials;

const { validateInteger } = require('internal/validators');
const { ERR_INVALID_ARG_VALUE } = require('internal/errors').codes;

let defaultBytesHWM = 16 * 1024;
let defaultObjectsHWM = 16;

/* The highWaterMark used when none is given: 16 objects or 16 KiB. */
function getDefaultHighWaterMark(objectMode) {
  return objectMode ? defaultObjectsHWM : defaultBytesHWM;
}

/* Changes the default for new streams of that mode (a non-negative int). */
function setDefaultHighWaterMark(objectMode, value) {
  validateInteger(value, 'value', 0);
  if (objectMode) {
    defaultObjectsHWM = value;
  } else {
    defaultBytesHWM = value;
  }
}

/* options.highWaterMark, else options[duplexKey] for duplex sides, else
 * null when neither is set. */
function highWaterMarkFrom(options, isDuplex, duplexKey) {
  if (options.highWaterMark != null) return options.highWaterMark;
  return isDuplex ? options[duplexKey] : null;
}

/* The validated highWaterMark for a new stream state. Throws
 * ERR_INVALID_ARG_VALUE for anything but a non-negative integer. */
function getHighWaterMark(state, options, duplexKey, isDuplex) {
  const hwm = highWaterMarkFrom(options, isDuplex, duplexKey);
  if (hwm != null) {
    if (!NumberIsInteger(hwm) || hwm < 0) {
      const name = isDuplex ? `options.${duplexKey}` : 'options.highWaterMark';
      throw new ERR_INVALID_ARG_VALUE(name, hwm);
    }
    return MathFloor(hwm);
  }
  return getDefaultHighWaterMark(state.objectMode);
}

module.exports = {
  getHighWaterMark,
  getDefaultHighWaterMark,
  setDefaultHighWaterMark,
};
