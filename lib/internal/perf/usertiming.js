'use strict';
/* perf/usertiming.js - performance.mark()/measure()/clearMarks()/
 * clearMeasures(): PerformanceMark, PerformanceMeasure and their buffers. */

const {
  ArrayPrototypeFilter,
  ArrayPrototypePush,
  SafeMap,
  Symbol,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS,
  },
} = require('internal/errors');
const { validateNumber, validateObject } = require('internal/validators');
const { now } = require('internal/perf/utils');
const {
  PerformanceEntry,
  kSkipThrow,
} = require('internal/perf/performance_entry');
const { enqueue } = require('internal/perf/observe');
const { nodeTiming, isMilestone } = require('internal/perf/nodetiming');

const kMeasure = Symbol('kMeasure');

/* Buffered marks and measures, in creation order. */
const buffers = { mark: [], measure: [] };
/* mark name -> startTime of its latest mark. */
const markTimes = new SafeMap();

let InvalidTimestamp;
/* ERR_PERFORMANCE_INVALID_TIMESTAMP, made here if internal/errors lacks it. */
function invalidTimestamp(value) {
  const { codes } = require('internal/errors');
  if (codes.ERR_PERFORMANCE_INVALID_TIMESTAMP !== undefined)
    return new codes.ERR_PERFORMANCE_INVALID_TIMESTAMP(value);
  InvalidTimestamp ??= class extends TypeError {
    constructor(v) {
      super(`${v} is not a valid timestamp`);
      this.code = 'ERR_PERFORMANCE_INVALID_TIMESTAMP';
    }
    get name() { return 'TypeError'; }
    toString() { return `TypeError [${this.code}]: ${this.message}`; }
  };
  return new InvalidTimestamp(value);
}

function cloneDetail(detail) {
  return detail == null ? null : structuredClone(detail);
}

class PerformanceMark extends PerformanceEntry {
  /* new PerformanceMark(name[, { detail, startTime }]) */
  constructor(name, options = undefined) {
    name = `${name}`;
    if (options !== undefined) validateObject(options, 'options');
    if (isMilestone(name)) throw new ERR_INVALID_ARG_VALUE('name', name);
    const startTime = options?.startTime ?? now();
    validateNumber(startTime, 'startTime');
    if (startTime < 0) throw invalidTimestamp(startTime);
    super(kSkipThrow, name, 'mark', startTime, 0,
          cloneDetail(options?.detail));
  }
}

class PerformanceMeasure extends PerformanceEntry {
  constructor(token, name, start, duration, detail) {
    if (token !== kMeasure) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
    }
    super(kSkipThrow, name, 'measure', start, duration, detail);
  }
}

/* A timestamp: a number (>= 0), a milestone name or a mark name. */
function markTime(name) {
  if (typeof name === 'number') {
    if (name < 0) throw invalidTimestamp(name);
    return name;
  }
  name = `${name}`;
  if (isMilestone(name)) return nodeTiming[name];
  const t = markTimes.get(name);
  if (t === undefined) {
    const { DOMException } = require('internal/per_context/domexception');
    throw new DOMException(`The "${name}" performance mark has not been set`,
                           'SyntaxError');
  }
  return t;
}

/* mark(name[, options]) -> PerformanceMark, buffered and observed. */
function mark(name, options = undefined) {
  const entry = new PerformanceMark(name, options);
  markTimes.set(entry.name, entry.startTime);
  ArrayPrototypePush(buffers.mark, entry);
  enqueue(entry);
  return entry;
}

/* measure(name[, startMarkOrOptions[, endMark]]) -> PerformanceMeasure. */
function measure(name, startOrOptions, endMark) {
  name = `${name}`;
  let start;
  let end;
  let duration;
  let detail = null;
  if (startOrOptions !== null && typeof startOrOptions === 'object') {
    ({ start, end, duration } = startOrOptions);
    const hasTiming = start !== undefined || end !== undefined ||
      duration !== undefined;
    if (hasTiming && endMark !== undefined) {
      throw new ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS(
        'endMark must not be specified');
    }
    if (start !== undefined && end !== undefined && duration !== undefined) {
      throw new ERR_PERFORMANCE_MEASURE_INVALID_OPTIONS(
        'Must not have options.start, options.end, and ' +
        'options.duration specified');
    }
    if (end === undefined) end = endMark;
    detail = cloneDetail(startOrOptions.detail);
  } else {
    start = startOrOptions;
    end = endMark;
  }
  let endTime;
  if (end !== undefined) {
    endTime = markTime(end);
  } else if (start !== undefined && duration !== undefined) {
    endTime = markTime(start) + markTime(duration);
  } else {
    endTime = now();
  }
  let startTime;
  if (start !== undefined) {
    startTime = markTime(start);
  } else if (duration !== undefined && end !== undefined) {
    startTime = endTime - markTime(duration);
  } else {
    startTime = 0;
  }
  const entry = new PerformanceMeasure(kMeasure, name, startTime,
                                       endTime - startTime, detail);
  ArrayPrototypePush(buffers.measure, entry);
  enqueue(entry);
  return entry;
}

/* clearMarks([name]) */
function clearMarks(name = undefined) {
  if (name === undefined) {
    buffers.mark = [];
    markTimes.clear();
    return;
  }
  name = `${name}`;
  markTimes.delete(name);
  buffers.mark = ArrayPrototypeFilter(buffers.mark, (e) => e.name !== name);
}

/* clearMeasures([name]) */
function clearMeasures(name = undefined) {
  if (name === undefined) {
    buffers.measure = [];
    return;
  }
  name = `${name}`;
  buffers.measure = ArrayPrototypeFilter(buffers.measure,
                                         (e) => e.name !== name);
}

module.exports = {
  PerformanceMark,
  PerformanceMeasure,
  buffers,
  clearMarks,
  clearMeasures,
  mark,
  measure,
};
