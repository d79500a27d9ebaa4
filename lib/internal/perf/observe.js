'use strict';
/* perf/observe.js - PerformanceObserver, PerformanceObserverEntryList, the
 * per-type observer counts and the hooks other modules use to emit entries
 * (hasObserver/startPerf/stopPerf/enqueue). */

const {
  ArrayIsArray,
  ArrayPrototypeFilter,
  ArrayPrototypeIncludes,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ArrayPrototypeSort,
  ObjectDefineProperty,
  ObjectDefineProperties,
  ObjectFreeze,
  ReflectApply,
  SafeSet,
  Symbol,
  SymbolFor,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { validateFunction, validateObject } = require('internal/validators');
const { now, hrtimeToNow } = require('internal/perf/utils');
const {
  createPerformanceNodeEntry,
  isPerformanceEntry,
} = require('internal/perf/performance_entry');

const kBuffer = Symbol('kBuffer');
const kCallback = Symbol('kCallback');
const kTypes = Symbol('kTypes');
const kMode = Symbol('kMode');
const kMaybeBuffer = Symbol('kMaybeBuffer');
const kDispatch = Symbol('kDispatch');
const kEntries = Symbol('kEntries');
const kCounted = Symbol('kCounted');
const kPerfHooksDnsContext = Symbol('kPerfHooksDnsContext');
const kPerfHooksNetConnectContext = Symbol('kPerfHooksNetConnectContext');

const kSupportedEntryTypes = ObjectFreeze([
  'dns', 'function', 'gc', 'http', 'http2', 'mark', 'measure', 'net',
  'resource',
]);

/* entryType -> number of observers watching it. */
const observerCounts = { __proto__: null };
for (const type of kSupportedEntryTypes) observerCounts[type] = 0;

const observers = new SafeSet();
const pending = new SafeSet();
let dispatchQueued = false;

/* True when some PerformanceObserver watches entries of `type`. */
function hasObserver(type) {
  return observerCounts[type] > 0;
}

/* Sorted by startTime, stable. */
function sortByStart(list) {
  return ArrayPrototypeSort(list, (a, b) => a.startTime - b.startTime);
}

/* Entries of `list` matching `name` and/or `type` (undefined: any). */
function filterEntries(list, name, type) {
  return ArrayPrototypeFilter(list, (e) =>
    (name === undefined || e.name === name) &&
    (type === undefined || e.entryType === type));
}

class PerformanceObserverEntryList {
  constructor(token, entries) {
    if (token !== kEntries) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_ILLEGAL_CONSTRUCTOR();
    }
    this[kBuffer] = sortByStart(entries);
  }

  getEntries() {
    return ArrayPrototypeSlice(this[kBuffer]);
  }

  getEntriesByType(type) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('type');
    return filterEntries(this[kBuffer], undefined, `${type}`);
  }

  getEntriesByName(name, type) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    return filterEntries(this[kBuffer], `${name}`,
                         type === undefined ? undefined : `${type}`);
  }

  [SymbolFor('nodejs.util.inspect.custom')](depth, options) {
    if (depth < 0) return this;
    const { inspect } = require('internal/util/inspect');
    return `PerformanceObserverEntryList ${inspect(this[kBuffer], {
      ...options,
      depth: options.depth == null ? null : options.depth - 1,
    })}`;
  }
}

function queueDispatch(observer) {
  pending.add(observer);
  if (dispatchQueued) return;
  dispatchQueued = true;
  setImmediate(() => {
    dispatchQueued = false;
    const list = [...pending];
    pending.clear();
    for (const o of list) o[kDispatch]();
  });
}

function addCounts(types, delta) {
  const gcBefore = observerCounts.gc;
  for (const type of types) observerCounts[type] += delta;
  // 'gc' entries cost a callback per collection: only while observed.
  if (gcBefore === 0 && observerCounts.gc > 0) {
    internalBinding('v8').watchGC(onGC);
  } else if (gcBefore > 0 && observerCounts.gc === 0) {
    internalBinding('v8').unwatchGC();
  }
}

let gcDeprecations;
/* A finished collection (V8's GC type and callback flags, uv_hrtime() at
 * its start and end) becomes a 'gc' entry with detail { kind, flags }. */
function onGC(kind, flags, startNs, endNs) {
  const entry = createPerformanceNodeEntry('gc', 'gc', hrtimeToNow(startNs),
                                           (endNs - startNs) / 1e6,
                                           { kind, flags });
  if (gcDeprecations === undefined) {
    const { deprecate } = require('internal/util');
    gcDeprecations = {
      kind: deprecate(function() { return this.detail.kind; },
                      'PerformanceEntry.kind is deprecated. ' +
                      'Use PerformanceEntry.detail.kind', 'DEP0152'),
      flags: deprecate(function() { return this.detail.flags; },
                       'PerformanceEntry.flags is deprecated. ' +
                       'Use PerformanceEntry.detail.flags', 'DEP0152'),
    };
  }
  ObjectDefineProperties(entry, {
    kind: { __proto__: null, configurable: true, enumerable: false,
            get: gcDeprecations.kind },
    flags: { __proto__: null, configurable: true, enumerable: false,
             get: gcDeprecations.flags },
  });
  enqueue(entry);
}

class PerformanceObserver {
  constructor(callback) {
    validateFunction(callback, 'callback');
    this[kCallback] = callback;
    this[kBuffer] = [];
    this[kTypes] = new SafeSet();
    this[kMode] = undefined;
  }

  /* observe({ entryTypes } | { type, buffered }) */
  observe(options = {}) {
    validateObject(options, 'options');
    const { entryTypes, type, buffered } = options;
    if (entryTypes === undefined && type === undefined)
      throw new ERR_MISSING_ARGS('options.entryTypes', 'options.type');
    if (entryTypes != null && type != null) {
      throw new ERR_INVALID_ARG_VALUE('options.entryTypes', entryTypes,
                                      'options.entryTypes can not set with ' +
                                      'options.type together');
    }
    if (entryTypes !== undefined) {
      if (!ArrayIsArray(entryTypes))
        throw new ERR_INVALID_ARG_TYPE('options.entryTypes', 'string[]',
                                       entryTypes);
      this.disconnect();
      this[kMode] = 'multiple';
      for (const t of entryTypes) {
        if (ArrayPrototypeIncludes(kSupportedEntryTypes, t))
          this[kTypes].add(t);
      }
    } else {
      const t = `${type}`;
      if (this[kMode] === 'multiple') this.disconnect();
      if (!ArrayPrototypeIncludes(kSupportedEntryTypes, t)) return;
      this[kMode] = 'single';
      if (!this[kTypes].has(t)) this[kTypes].add(t);
      if (buffered) {
        const { getBufferedEntries } = require('internal/perf/performance');
        const entries = getBufferedEntries(t);
        if (entries.length > 0) {
          for (const e of entries) ArrayPrototypePush(this[kBuffer], e);
          queueDispatch(this);
        }
      }
    }
    if (observers.has(this)) addCounts(this[kCounted], -1);
    if (this[kTypes].size === 0) {
      observers.delete(this);
      this[kCounted] = undefined;
      return;
    }
    observers.add(this);
    this[kCounted] = new SafeSet(this[kTypes]);
    addCounts(this[kCounted], 1);
  }

  /* disconnect(): stops observing; drops queued entries. */
  disconnect() {
    if (observers.has(this)) {
      observers.delete(this);
      addCounts(this[kCounted] ?? [], -1);
    }
    pending.delete(this);
    this[kTypes].clear();
    this[kCounted] = undefined;
    this[kBuffer] = [];
    this[kMode] = undefined;
  }

  /* takeRecords() -> the queued entries, emptying the queue. */
  takeRecords() {
    const list = this[kBuffer];
    this[kBuffer] = [];
    return list;
  }

  static get supportedEntryTypes() {
    return kSupportedEntryTypes;
  }

  [kMaybeBuffer](entry) {
    if (!this[kTypes].has(entry.entryType)) return;
    ArrayPrototypePush(this[kBuffer], entry);
    queueDispatch(this);
  }

  [kDispatch]() {
    const entries = this.takeRecords();
    if (entries.length === 0) return;
    ReflectApply(this[kCallback], this,
                 [new PerformanceObserverEntryList(kEntries, entries), this]);
  }

  [SymbolFor('nodejs.util.inspect.custom')](depth, options) {
    if (depth < 0) return this;
    const { inspect } = require('internal/util/inspect');
    return `PerformanceObserver ${inspect({
      connected: observers.has(this),
      pending: pending.has(this),
      entryTypes: [...this[kTypes]],
      buffer: this[kBuffer],
    }, { ...options, depth: options.depth == null ? null :
      options.depth - 1 })}`;
  }
}

/* Hands `entry` to every observer of its type. */
function enqueue(entry) {
  if (!isPerformanceEntry(entry))
    throw new ERR_INVALID_ARG_TYPE('entry', 'PerformanceEntry', entry);
  if (observerCounts[entry.entryType] > 0) {
    for (const o of observers) o[kMaybeBuffer](entry);
  }
}

/* startPerf(target, key, { type, name, detail }): remembers the start of
 * a node entry on target[key]. */
function startPerf(target, key, context) {
  target[key] = { ...context, startTime: now() };
}

/* stopPerf(target, key, { detail }): ends the entry startPerf() began and
 * enqueues it, its detail merged with `context.detail`. */
function stopPerf(target, key, context = {}) {
  const ctx = target[key];
  if (ctx === undefined) return;
  target[key] = undefined;
  const { type, name, detail, startTime } = ctx;
  enqueue(createPerformanceNodeEntry(name, type, startTime,
                                     now() - startTime,
                                     { ...detail, ...context.detail }));
}

ObjectDefineProperty(PerformanceObserver, 'supportedEntryTypes', {
  __proto__: null, enumerable: true, configurable: true,
  get() { return kSupportedEntryTypes; },
});

module.exports = {
  PerformanceObserver,
  PerformanceObserverEntryList,
  enqueue,
  hasObserver,
  observerCounts,
  startPerf,
  stopPerf,
  filterEntries,
  sortByStart,
  kPerfHooksDnsContext,
  kPerfHooksNetConnectContext,
  kSupportedEntryTypes,
};
