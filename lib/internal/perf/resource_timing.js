'use strict';
/* perf/resource_timing.js - PerformanceResourceTiming entries: their
 * buffer (with 'resourcetimingbufferfull'), markResourceTiming() and
 * clearResourceTimings()/setResourceTimingBufferSize(). */

const {
  ArrayPrototypeFilter,
  ArrayPrototypePush,
} = primordials;

const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR },
} = require('internal/errors');
const { validateInteger } = require('internal/validators');
const {
  PerformanceEntry,
  kSkipThrow,
} = require('internal/perf/performance_entry');

const kToken = Symbol('kToken');
let entries = [];
let bufferSize = 250;
let target;

class PerformanceResourceTiming extends PerformanceEntry {
  constructor(token, name, type, start, duration) {
    if (token !== kToken) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super(kSkipThrow, name, type, start, duration, undefined);
  }
}

/* The buffered resource entries. */
function buffer() {
  return entries;
}

/* markResourceTiming(timingInfo, requestedUrl, initiatorType, global,
 * cacheMode) -> PerformanceResourceTiming, buffered and observed. */
function markResourceTiming(timingInfo, requestedUrl) {
  const start = timingInfo?.startTime ?? 0;
  const end = timingInfo?.endTime ?? start;
  const entry = new PerformanceResourceTiming(kToken, `${requestedUrl}`,
                                              'resource', start,
                                              end - start);
  if (entries.length >= bufferSize && target !== undefined) {
    const { Event } = require('internal/event_target');
    target.dispatchEvent(new Event('resourcetimingbufferfull'));
  }
  if (entries.length < bufferSize) ArrayPrototypePush(entries, entry);
  require('internal/perf/observe').enqueue(entry);
  return entry;
}

/* clearResourceTimings([name]) */
function clearResourceTimings(name = undefined) {
  if (name === undefined) {
    entries = [];
    return;
  }
  name = `${name}`;
  entries = ArrayPrototypeFilter(entries, (e) => e.name !== name);
}

/* setResourceTimingBufferSize(maxSize) */
function setResourceTimingBufferSize(maxSize) {
  validateInteger(maxSize, 'maxSize', 0);
  bufferSize = maxSize;
}

function setTarget(t) {
  target = t;
}

module.exports = {
  PerformanceResourceTiming,
  buffer,
  clearResourceTimings,
  markResourceTiming,
  setResourceTimingBufferSize,
  setTarget,
};
