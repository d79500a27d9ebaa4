'use strict';
/* perf/performance_entry.js - PerformanceEntry and the node-made entries
 * ('dns', 'function', 'net', ...) that carry a detail object. */

const {
  ObjectSetPrototypeOf,
  Symbol,
  SymbolFor,
} = primordials;

const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR },
} = require('internal/errors');

const kName = Symbol('kName');
const kType = Symbol('kType');
const kStart = Symbol('kStart');
const kDuration = Symbol('kDuration');
const kDetail = Symbol('kDetail');
const kSkipThrow = Symbol('kSkipThrow');
const kInspect = SymbolFor('nodejs.util.inspect.custom');

/* True when `obj` was made by one of the entry constructors. */
function isPerformanceEntry(obj) {
  return obj != null && typeof obj === 'object' && kName in obj;
}

class PerformanceEntry {
  constructor(skipThrow = undefined, name, type, start, duration, detail) {
    if (skipThrow !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    this[kName] = name;
    this[kType] = type;
    this[kStart] = start;
    this[kDuration] = duration;
    this[kDetail] = detail;
  }

  get name() { return this[kName]; }
  get entryType() { return this[kType]; }
  get startTime() { return this[kStart]; }
  get duration() { return this[kDuration]; }
  get detail() { return this[kDetail]; }

  [kInspect](depth, options) {
    if (depth < 0) return `[${this.constructor.name}]`;
    const { inspect } = require('internal/util/inspect');
    return `${this.constructor.name} ${inspect(this.toJSON(), {
      ...options,
      depth: options.depth == null ? null : options.depth - 1,
    })}`;
  }

  toJSON() {
    return {
      name: this[kName],
      entryType: this[kType],
      startTime: this[kStart],
      duration: this[kDuration],
      detail: this[kDetail],
    };
  }
}

/* The class of node-made entries; shows as PerformanceEntry. */
function InternalPerformanceEntry(name, type, start, duration, detail) {
  this[kName] = name;
  this[kType] = type;
  this[kStart] = start;
  this[kDuration] = duration;
  this[kDetail] = detail;
}
InternalPerformanceEntry.prototype = PerformanceEntry.prototype;
ObjectSetPrototypeOf(InternalPerformanceEntry, PerformanceEntry);

/* A 'dns'/'function'/'net'/... entry with `detail`. */
function createPerformanceNodeEntry(name, type, start, duration, detail) {
  return new InternalPerformanceEntry(name, type, start, duration, detail);
}

module.exports = {
  PerformanceEntry,
  createPerformanceNodeEntry,
  isPerformanceEntry,
  kSkipThrow,
};
