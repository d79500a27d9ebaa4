'use strict';
/* perf/nodetiming.js - performance.nodeTiming: the process milestones
 * nodus can measure; the ones it cannot are -1 (as Node reports absent
 * milestones). */

const {
  ObjectDefineProperties,
  ObjectSetPrototypeOf,
  SymbolFor,
} = primordials;

const { now } = require('internal/perf/utils');
const { PerformanceEntry } = require('internal/perf/performance_entry');

/* Milestones in ms since timeOrigin. nodus measures the process start
 * (= timeOrigin, so nodeStart is 0); V8/environment/bootstrap/loop
 * milestones need a native recorder and are -1 until one exists. */
const milestones = {
  nodeStart: 0,
  v8Start: -1,
  environment: -1,
  bootstrapComplete: -1,
  loopStart: -1,
  loopExit: -1,
};

class PerformanceNodeTiming {
  constructor() {
    const get = (name) => ({
      __proto__: null, enumerable: true, configurable: true,
      get() { return milestones[name]; },
    });
    ObjectDefineProperties(this, {
      name: { __proto__: null, enumerable: true, configurable: true,
              value: 'node' },
      entryType: { __proto__: null, enumerable: true, configurable: true,
                   value: 'node' },
      startTime: { __proto__: null, enumerable: true, configurable: true,
                   value: 0 },
      duration: { __proto__: null, enumerable: true, configurable: true,
                  get: now },
      nodeStart: get('nodeStart'),
      v8Start: get('v8Start'),
      bootstrapComplete: get('bootstrapComplete'),
      environment: get('environment'),
      loopStart: get('loopStart'),
      loopExit: get('loopExit'),
      idleTime: { __proto__: null, enumerable: true, configurable: true,
                  get() { return 0; } },
    });
  }

  [SymbolFor('nodejs.util.inspect.custom')](depth, options) {
    if (depth < 0) return this;
    const { inspect } = require('internal/util/inspect');
    return `PerformanceNodeTiming ${inspect({ ...this }, {
      ...options,
      depth: options.depth == null ? null : options.depth - 1,
    })}`;
  }

  toJSON() {
    return { ...this };
  }
}
ObjectSetPrototypeOf(PerformanceNodeTiming.prototype,
                     PerformanceEntry.prototype);

/* True when `name` is a nodeTiming milestone usable as a measure() mark. */
function isMilestone(name) {
  return name === 'nodeStart' || name === 'v8Start' ||
    name === 'environment' || name === 'bootstrapComplete' ||
    name === 'loopStart' || name === 'loopExit';
}

module.exports = {
  nodeTiming: new PerformanceNodeTiming(),
  milestones,
  isMilestone,
};
