'use strict';
/* perf/utils.js - the performance clock: now() in milliseconds since the
 * process started (timeOrigin), read from uv_hrtime() into a shared buffer. */

const {
  DateNow,
  Uint32Array,
} = primordials;

const binding = internalBinding('process_methods');
const hr = new Uint32Array(3);

/* The uv_hrtime() of process start, as [seconds, nanoseconds]. */
binding.hrtime(hr);
const startNs = (hr[0] * 0x100000000 + hr[1]) * 1e9 + hr[2] -
  binding.uptime() * 1e9;
const startSec = Math.floor(startNs / 1e9);
const startNsec = startNs - startSec * 1e9;

/* now() -> milliseconds elapsed since timeOrigin (sub-millisecond). */
function now() {
  binding.hrtime(hr);
  return ((hr[0] * 0x100000000 + hr[1]) - startSec) * 1e3 +
    (hr[2] - startNsec) / 1e6;
}

/* The wall-clock time (ms since the epoch) of process start. */
const timeOrigin = DateNow() - now();

/* Converts a uv_hrtime() reading in ns to the now() scale. */
function hrtimeToNow(ns) {
  return (ns - startSec * 1e9 - startNsec) / 1e6;
}

module.exports = { now, timeOrigin, hrtimeToNow };
