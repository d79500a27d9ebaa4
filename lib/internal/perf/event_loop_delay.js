'use strict';
/* perf/event_loop_delay.js - monitorEventLoopDelay(): an ELDHistogram fed
 * by an unref'd interval timer of `resolution` ms, recording the observed
 * interval between its ticks in nanoseconds. */

const { Symbol } = primordials;

const { validateInteger, validateObject } = require('internal/validators');
const {
  Histogram,
  hrtimeNs,
  kConstruct,
  kRecord,
  makeHistogram,
} = require('internal/histogram');

const kTimer = Symbol('kTimer');
const kResolution = Symbol('kResolution');

class ELDHistogram extends Histogram {
  constructor(token) {
    super(token);
  }

  /* enable() -> false if already enabled. */
  enable() {
    if (this[kTimer] !== undefined) return false;
    let prev = hrtimeNs();
    this[kTimer] = setInterval(() => {
      const t = hrtimeNs();
      const delta = t - prev;
      prev = t;
      if (delta > 0) this[kRecord](delta);
    }, this[kResolution]);
    this[kTimer].unref();
    return true;
  }

  /* disable() -> false if not enabled. */
  disable() {
    if (this[kTimer] === undefined) return false;
    clearInterval(this[kTimer]);
    this[kTimer] = undefined;
    return true;
  }
}

/* monitorEventLoopDelay([{ resolution = 10 }]) -> ELDHistogram. */
function monitorEventLoopDelay(options = {}) {
  validateObject(options, 'options');
  const { resolution = 10 } = options;
  validateInteger(resolution, 'options.resolution', 1);
  const h = makeHistogram(ELDHistogram);
  h[kResolution] = resolution;
  return h;
}

module.exports = { ELDHistogram, monitorEventLoopDelay, kConstruct };
