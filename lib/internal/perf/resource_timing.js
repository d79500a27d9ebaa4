'use strict';
/* perf/resource_timing.js - PerformanceResourceTiming entries: their
 * buffer as the Resource Timing spec keeps it (a size limit, a secondary
 * buffer while a 'resourcetimingbufferfull' event is pending),
 * markResourceTiming() and clearResourceTimings() /
 * setResourceTimingBufferSize(). */

const {
  ArrayPrototypeFilter,
  ArrayPrototypePush,
  ArrayPrototypeShift,
  MathTrunc,
  NumberIsFinite,
} = primordials;

const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR },
} = require('internal/errors');
const {
  PerformanceEntry,
  kSkipThrow,
} = require('internal/perf/performance_entry');

const kToken = Symbol('kToken');
let entries = [];
let secondary = [];
let bufferSize = 250;
let fullEventPending = false;
let target;

const kTiming = Symbol('kTiming');
const kInitiatorType = Symbol('kInitiatorType');
const kCacheMode = Symbol('kCacheMode');

/* A fetch's timings (the Fetch spec's timing info: startTime, endTime,
 * redirectStartTime, finalConnectionTimingInfo, ...) read through the
 * Resource Timing attributes. */
class PerformanceResourceTiming extends PerformanceEntry {
  constructor(token, name, type, start, duration, timing, initiatorType,
              cacheMode) {
    if (token !== kToken) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super(kSkipThrow, name, type, start, duration, undefined);
    this[kTiming] = timing ?? {};
    this[kInitiatorType] = initiatorType;
    this[kCacheMode] = cacheMode;
  }

  get initiatorType() { return this[kInitiatorType]; }
  get workerStart() { return this[kTiming].finalServiceWorkerStartTime; }
  get redirectStart() { return this[kTiming].redirectStartTime; }
  get redirectEnd() { return this[kTiming].redirectEndTime; }
  get fetchStart() { return this[kTiming].postRedirectStartTime; }
  get domainLookupStart() {
    return this[kTiming].finalConnectionTimingInfo?.domainLookupStartTime;
  }
  get domainLookupEnd() {
    return this[kTiming].finalConnectionTimingInfo?.domainLookupEndTime;
  }
  get connectStart() {
    return this[kTiming].finalConnectionTimingInfo?.connectionStartTime;
  }
  get connectEnd() {
    return this[kTiming].finalConnectionTimingInfo?.connectionEndTime;
  }
  get secureConnectionStart() {
    return this[kTiming].finalConnectionTimingInfo?.secureConnectionStartTime;
  }
  get nextHopProtocol() {
    return this[kTiming].finalConnectionTimingInfo?.ALPNNegotiatedProtocol;
  }
  get requestStart() { return this[kTiming].finalNetworkRequestStartTime; }
  get responseStart() { return this[kTiming].finalNetworkResponseStartTime; }
  get responseEnd() { return this[kTiming].endTime; }
  get encodedBodySize() { return this[kTiming].encodedBodySize; }
  get decodedBodySize() { return this[kTiming].decodedBodySize; }
  /* 0 from the local cache, 300 (headers) when revalidated, else headers
   * plus the encoded body. */
  get transferSize() {
    if (this[kCacheMode] === 'local') return 0;
    if (this[kCacheMode] === 'validated') return 300;
    return this[kTiming].encodedBodySize + 300;
  }

  toJSON() {
    return {
      name: this.name,
      entryType: this.entryType,
      startTime: this.startTime,
      duration: this.duration,
      initiatorType: this.initiatorType,
      nextHopProtocol: this.nextHopProtocol,
      workerStart: this.workerStart,
      redirectStart: this.redirectStart,
      redirectEnd: this.redirectEnd,
      fetchStart: this.fetchStart,
      domainLookupStart: this.domainLookupStart,
      domainLookupEnd: this.domainLookupEnd,
      connectStart: this.connectStart,
      connectEnd: this.connectEnd,
      secureConnectionStart: this.secureConnectionStart,
      requestStart: this.requestStart,
      responseStart: this.responseStart,
      responseEnd: this.responseEnd,
      transferSize: this.transferSize,
      encodedBodySize: this.encodedBodySize,
      decodedBodySize: this.decodedBodySize,
    };
  }
}

/* The buffered resource entries. */
function buffer() {
  return entries;
}

/* markResourceTiming(timingInfo, requestedUrl, initiatorType, global,
 * cacheMode) -> PerformanceResourceTiming, buffered and observed. */
function markResourceTiming(timingInfo, requestedUrl, initiatorType,
                            global, cacheMode) {
  const start = timingInfo?.startTime ?? 0;
  const end = timingInfo?.endTime ?? start;
  const entry = new PerformanceResourceTiming(kToken, `${requestedUrl}`,
                                              'resource', start,
                                              end - start, timingInfo,
                                              initiatorType, cacheMode);
  if (!fullEventPending && entries.length < bufferSize) {
    ArrayPrototypePush(entries, entry);
  } else {
    if (!fullEventPending) {
      fullEventPending = true;
      setImmediate(fireBufferFull);
    }
    ArrayPrototypePush(secondary, entry);
  }
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

/* The spec's "fire a buffer full event": while entries wait in the
 * secondary buffer, announce a full buffer (listeners may clear it or raise
 * the limit), move what fits; entries that still find no room are
 * dropped. */
function fireBufferFull() {
  while (secondary.length > 0) {
    const before = secondary.length;
    if (entries.length >= bufferSize && target !== undefined) {
      const { Event } = require('internal/event_target');
      target.dispatchEvent(new Event('resourcetimingbufferfull'));
    }
    while (secondary.length > 0 && entries.length < bufferSize) {
      ArrayPrototypePush(entries, ArrayPrototypeShift(secondary));
    }
    if (secondary.length >= before) secondary = [];
  }
  fullEventPending = false;
}

/* setResourceTimingBufferSize(maxSize): maxSize as a WebIDL unsigned long
 * (anything not a finite number counts as 0). Entries already buffered
 * stay. */
function setResourceTimingBufferSize(maxSize) {
  const n = +maxSize;
  bufferSize = NumberIsFinite(n) ? MathTrunc(n) >>> 0 : 0;
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
