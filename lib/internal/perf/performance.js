'use strict';
/* perf/performance.js - the Performance class and the `performance`
 * object (globalThis.performance and perf_hooks.performance). */

const {
  ArrayPrototypeConcat,
  ObjectDefineProperties,
  ObjectSetPrototypeOf,
  SymbolFor,
  SymbolToStringTag,
} = primordials;

const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR, ERR_MISSING_ARGS },
} = require('internal/errors');
const { EventTarget } = require('internal/event_target');
const { now, timeOrigin } = require('internal/perf/utils');
const { nodeTiming } = require('internal/perf/nodetiming');
const usertiming = require('internal/perf/usertiming');
const { filterEntries, sortByStart } = require('internal/perf/observe');
const { eventLoopUtilization } =
  require('internal/perf/event_loop_utilization');
const { timerify } = require('internal/perf/timerify');
const resource = require('internal/perf/resource_timing');

/* The buffered entries of one type (for observe({ buffered: true })). */
function getBufferedEntries(type) {
  if (type === 'mark' || type === 'measure')
    return [...usertiming.buffers[type]];
  if (type === 'resource') return [...resource.buffer()];
  return [];
}

function allEntries() {
  return sortByStart(ArrayPrototypeConcat(usertiming.buffers.mark,
                                          usertiming.buffers.measure,
                                          resource.buffer()));
}

class Performance extends EventTarget {
  constructor() {
    throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  [SymbolFor('nodejs.util.inspect.custom')](depth, options) {
    if (depth < 0) return this;
    const { inspect } = require('internal/util/inspect');
    return `Performance ${inspect({
      nodeTiming: this.nodeTiming,
      timeOrigin: this.timeOrigin,
    }, { ...options, depth: options.depth == null ? null :
      options.depth - 1 })}`;
  }
}

const methods = {
  clearMarks: usertiming.clearMarks,
  clearMeasures: usertiming.clearMeasures,
  clearResourceTimings: resource.clearResourceTimings,
  eventLoopUtilization,
  getEntries() { return allEntries(); },
  getEntriesByName(name, type) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    return filterEntries(allEntries(), `${name}`,
                         type === undefined ? undefined : `${type}`);
  },
  getEntriesByType(type) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    return filterEntries(allEntries(), undefined, `${type}`);
  },
  mark: usertiming.mark,
  measure: usertiming.measure,
  markResourceTiming: resource.markResourceTiming,
  now,
  setResourceTimingBufferSize: resource.setResourceTimingBufferSize,
  timerify,
  toJSON() {
    return {
      nodeTiming: this.nodeTiming,
      timeOrigin: this.timeOrigin,
      eventLoopUtilization: eventLoopUtilization(),
    };
  },
};

const descriptors = { __proto__: null };
for (const name of ['clearMarks', 'clearMeasures', 'clearResourceTimings',
                    'eventLoopUtilization', 'getEntries', 'getEntriesByName',
                    'getEntriesByType', 'mark', 'measure']) {
  descriptors[name] = { __proto__: null, value: methods[name],
                        writable: true, enumerable: false,
                        configurable: true };
}
descriptors.nodeTiming = { __proto__: null, value: nodeTiming,
                           writable: false, enumerable: false,
                           configurable: true };
for (const name of ['markResourceTiming', 'now',
                    'setResourceTimingBufferSize', 'timerify', 'toJSON']) {
  descriptors[name] = { __proto__: null, value: methods[name],
                        writable: false, enumerable: false,
                        configurable: true };
  if (name === 'now') {
    descriptors.timeOrigin = { __proto__: null, value: timeOrigin,
                               writable: false, enumerable: false,
                               configurable: true };
  }
}
ObjectDefineProperties(Performance.prototype, descriptors);
ObjectDefineProperties(Performance.prototype, {
  [SymbolToStringTag]: { __proto__: null, value: 'Performance',
                         writable: false, enumerable: false,
                         configurable: true },
});

/* The one Performance instance, an EventTarget. */
function createPerformance() {
  function Maker() {
    return ReflectConstruct(EventTarget, [], Maker);
  }
  Maker.prototype = Performance.prototype;
  ObjectSetPrototypeOf(Maker, EventTarget);
  return new Maker();
}
const { ReflectConstruct } = primordials;

const performance = createPerformance();
resource.setTarget(performance);

module.exports = {
  Performance,
  performance,
  getBufferedEntries,
};
