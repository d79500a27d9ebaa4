'use strict';
/* histogram.js - Histogram / RecordableHistogram: an HdrHistogram-shaped
 * recorder in JS (buckets with `figures` significant digits), as
 * perf_hooks.createHistogram() and monitorEventLoopDelay() return. */

const {
  ArrayPrototypeSort,
  BigInt,
  MathCeil,
  MathFloor,
  MathLog2,
  MathMax,
  MathMin,
  MathSqrt,
  NumberIsInteger,
  NumberIsNaN,
  NumberIsSafeInteger,
  NumberMAX_SAFE_INTEGER,
  ObjectFromEntries,
  SafeMap,
  Symbol,
  SymbolFor,
  Uint32Array,
} = primordials;

const {
  codes: {
    ERR_ILLEGAL_CONSTRUCTOR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const {
  validateInteger,
  validateNumber,
  validateObject,
} = require('internal/validators');

const kState = Symbol('kState');
const kConstruct = Symbol('kConstruct');
const kRecord = Symbol('kRecord');
const kInt64Max = 9223372036854775807n;

/* The bucket layout of an HdrHistogram for [lowest, highest] at `figures`
 * significant decimal digits. */
function makeState(lowest, highest, figures) {
  const single = 2 * 10 ** figures;
  const countMag = MathMax(MathCeil(MathLog2(single)), 1);
  const halfMag = countMag - 1;
  return {
    lowest, highest, figures,
    unitMag: MathFloor(MathLog2(lowest)),
    subCount: 2 ** (halfMag + 1),
    counts: new SafeMap(),  // lowest equivalent value -> count
    total: 0,
    min: -1,
    max: 0,
    exceeds: 0,
    prevDelta: 0,
  };
}

/* [lowest equivalent value, size of its equivalent range] of `v`. */
function bucketOf(s, v) {
  let shift = s.unitMag;
  while (MathFloor(v / 2 ** shift) >= s.subCount) shift++;
  const scale = 2 ** shift;
  return [MathFloor(v / scale) * scale, scale];
}

function highestEquivalent(s, v) {
  const { 0: low, 1: size } = bucketOf(s, v);
  return low + size - 1;
}

/* Records `count` occurrences of `v` (a non-negative Number); false when out
 * of range. */
function recordValue(s, v, count = 1) {
  if (v > s.highest || v < 0) return false;
  const low = bucketOf(s, v)[0];
  s.counts.set(low, (s.counts.get(low) ?? 0) + count);
  s.total += count;
  if (s.min === -1 || low < s.min) s.min = low;
  if (v > s.max) s.max = v;
  return true;
}

/* The recorded buckets, ascending: [[lowest equivalent, count], ...]. */
function sortedBuckets(s) {
  return ArrayPrototypeSort([...s.counts], (a, b) => a[0] - b[0]);
}

function meanOf(s) {
  if (s.total === 0) return NaN;
  let sum = 0;
  for (const { 0: v, 1: c } of s.counts) {
    const size = bucketOf(s, v)[1];
    sum += (v + MathFloor(size / 2)) * c;
  }
  return sum / s.total;
}

function stddevOf(s) {
  if (s.total === 0) return NaN;
  const mean = meanOf(s);
  let sum = 0;
  for (const { 0: v, 1: c } of s.counts) {
    const size = bucketOf(s, v)[1];
    const d = v + MathFloor(size / 2) - mean;
    sum += d * d * c;
  }
  return MathSqrt(sum / s.total);
}

function valueAtPercentile(s, p) {
  const wanted = MathMax(MathFloor(MathMin(p, 100) / 100 * s.total + 0.5), 1);
  let seen = 0;
  for (const { 0: v, 1: c } of sortedBuckets(s)) {
    seen += c;
    if (seen >= wanted) return highestEquivalent(s, v);
  }
  return 0;
}

/* HdrHistogram's percentile iteration (one tick per half distance). */
function percentilesOf(s) {
  const out = new SafeMap();
  const buckets = sortedBuckets(s);
  let next = 0;
  let seen = 0;
  let last = 0;
  for (const { 0: v, 1: c } of buckets) {
    seen += c;
    last = v;
    while (seen < s.total && next <= 100 * seen / s.total) {
      out.set(next, v);
      next += 100 / 2 ** (MathFloor(MathLog2(100 / (100 - next))) + 1);
    }
    if (seen >= s.total && next <= 100) {
      out.set(next, v);
    }
  }
  out.set(100, last);
  return out;
}

function validatePercentile(percentile) {
  validateNumber(percentile, 'percentile');
  if (NumberIsNaN(percentile) || percentile <= 0 || percentile > 100)
    throw new ERR_INVALID_ARG_VALUE('percentile', percentile);
}

class Histogram {
  constructor(token) {
    if (token !== kConstruct) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get count() { return this[kState].total; }
  get countBigInt() { return BigInt(this[kState].total); }
  get min() {
    const s = this[kState];
    return s.min === -1 ? 9223372036854776000 : s.min;
  }
  get minBigInt() {
    const s = this[kState];
    return s.min === -1 ? kInt64Max : BigInt(s.min);
  }
  get max() {
    const s = this[kState];
    return s.total === 0 ? 0 : highestEquivalent(s, s.max);
  }
  get maxBigInt() { return BigInt(this.max); }
  get mean() { return meanOf(this[kState]); }
  get exceeds() { return this[kState].exceeds; }
  get exceedsBigInt() { return BigInt(this[kState].exceeds); }
  get stddev() { return stddevOf(this[kState]); }

  /* percentile(p) -> the value at percentile p (0 < p <= 100). */
  percentile(percentile) {
    validatePercentile(percentile);
    return valueAtPercentile(this[kState], percentile);
  }
  percentileBigInt(percentile) {
    validatePercentile(percentile);
    return BigInt(valueAtPercentile(this[kState], percentile));
  }
  get percentiles() { return percentilesOf(this[kState]); }
  get percentilesBigInt() {
    const map = new SafeMap();
    for (const { 0: k, 1: v } of percentilesOf(this[kState]))
      map.set(k, BigInt(v));
    return map;
  }

  /* reset(): forgets every recorded value. */
  reset() {
    const s = this[kState];
    s.counts.clear();
    s.total = 0;
    s.min = -1;
    s.max = 0;
    s.exceeds = 0;
  }

  [kRecord](val) {
    const s = this[kState];
    if (!recordValue(s, val)) s.exceeds++;
  }

  toJSON() {
    return {
      count: this.count,
      min: this.min,
      max: this.max,
      mean: this.mean,
      exceeds: this.exceeds,
      stddev: this.stddev,
      percentiles: ObjectFromEntries(this.percentiles),
    };
  }

  [SymbolFor('nodejs.util.inspect.custom')](depth, options) {
    if (depth < 0) return `[${this.constructor.name}]`;
    const { inspect } = require('internal/util/inspect');
    return `Histogram ${inspect({
      min: this.min,
      max: this.max,
      mean: this.mean,
      exceeds: this.exceeds,
      stddev: this.stddev,
      count: this.count,
      percentiles: this.percentiles,
    }, { ...options, depth: options.depth == null ? null :
      options.depth - 1 })}`;
  }
}

class RecordableHistogram extends Histogram {
  constructor(token) {
    super(token);
  }

  /* record(val): records an integer or bigint val >= 1. */
  record(val) {
    if (typeof val === 'bigint') {
      if (val < 1n || val > BigInt(NumberMAX_SAFE_INTEGER))
        throw new ERR_OUT_OF_RANGE('val', 'a safe integer greater than 0',
                                   val);
      val = Number(val);
    } else {
      if (typeof val !== 'number' || !NumberIsInteger(val))
        throw new ERR_INVALID_ARG_TYPE('val', ['integer', 'bigint'], val);
      if (val < 1 || !NumberIsSafeInteger(val))
        throw new ERR_OUT_OF_RANGE('val', 'a safe integer greater than 0',
                                   val);
    }
    this[kRecord](val);
  }

  /* recordDelta(): records the nanoseconds since the previous call. */
  recordDelta() {
    const s = this[kState];
    const now = hrtimeNs();
    if (s.prevDelta > 0) {
      const delta = now - s.prevDelta;
      if (delta > 0) this[kRecord](delta);
    }
    s.prevDelta = now;
  }

  /* add(other): merges the counts of another RecordableHistogram. */
  add(other) {
    if (other === null || typeof other !== 'object' || !(kState in other) ||
        !(other instanceof RecordableHistogram))
      throw new ERR_INVALID_ARG_TYPE('other', 'RecordableHistogram', other);
    const s = this[kState];
    const o = other[kState];
    for (const { 0: v, 1: c } of o.counts) {
      if (!recordValue(s, v, c)) s.exceeds += c;
    }
    if (o.total > 0 && o.max > s.max && o.max <= s.highest) s.max = o.max;
    s.exceeds += o.exceeds;
  }
}

let hrValues;
let hrBinding;
/* uv_hrtime() in nanoseconds, as a Number. */
function hrtimeNs() {
  if (hrValues === undefined) {
    hrValues = new Uint32Array(3);
    hrBinding = internalBinding('process_methods');
  }
  hrBinding.hrtime(hrValues);
  return (hrValues[0] * 0x100000000 + hrValues[1]) * 1e9 + hrValues[2];
}

function validateBound(value, name, min, max) {
  if (typeof value === 'bigint') {
    if (value < BigInt(min) || value > BigInt(max))
      throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
    return Number(value);
  }
  validateInteger(value, name, min, max);
  return value;
}

/* Makes a histogram of class `Class` (Histogram subclasses) for the given
 * bounds; used by createHistogram() and monitorEventLoopDelay(). */
function makeHistogram(Class, lowest = 1, highest = NumberMAX_SAFE_INTEGER,
                       figures = 3) {
  const h = new Class(kConstruct);
  h[kState] = makeState(lowest, highest, figures);
  return h;
}

/* createHistogram([options]) -> RecordableHistogram. */
function createHistogram(options = {}) {
  validateObject(options, 'options');
  let {
    lowest = 1,
    highest = NumberMAX_SAFE_INTEGER,
    figures = 3,
  } = options;
  lowest = validateBound(lowest, 'options.lowest', 1,
                         NumberMAX_SAFE_INTEGER);
  highest = validateBound(highest, 'options.highest', 2 * lowest,
                          NumberMAX_SAFE_INTEGER);
  validateInteger(figures, 'options.figures', 1, 5);
  return makeHistogram(RecordableHistogram, lowest, highest, figures);
}

module.exports = {
  Histogram,
  RecordableHistogram,
  createHistogram,
  makeHistogram,
  hrtimeNs,
  kConstruct,
  kRecord,
  kState,
};
