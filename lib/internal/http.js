'use strict';
// internal/http.js - helpers the http modules share: the cached Date header
// value, the symbols for outgoing headers and drain state, and unref'd
// timers.

const {
  Date,
  Symbol,
} = primordials;

const { setUnrefTimeout } = require('internal/stream_base_commons');

const kOutHeaders = Symbol('kOutHeaders');
const kNeedDrain = Symbol('kNeedDrain');

let utcCache;

/* utcDate() -> the current time as an HTTP Date value, recomputed at most
 * once per second. */
function utcDate() {
  if (!utcCache) cache();
  return utcCache;
}

function cache() {
  const d = new Date();
  utcCache = d.toUTCString();
  setUnrefTimeout(resetCache, 1000 - d.getMilliseconds());
}

function resetCache() {
  utcCache = undefined;
}

module.exports = {
  kOutHeaders,
  kNeedDrain,
  utcDate,
  setUnrefTimeout,
};
