'use strict';
/* perf/timerify.js - performance.timerify(fn[, { histogram }]): a wrapper
 * that emits a 'function' entry per call. */

const {
  FunctionPrototypeBind,
  MathCeil,
  ObjectDefineProperties,
  ReflectApply,
  ReflectConstruct,
} = primordials;

const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { validateFunction, validateObject } = require('internal/validators');
const { now } = require('internal/perf/utils');
const { createPerformanceNodeEntry } = require('internal/perf/performance_entry');
const { enqueue, hasObserver } = require('internal/perf/observe');


function finish(fn, start, args, histogram) {
  const duration = now() - start;
  if (histogram !== undefined) histogram.record(MathCeil(duration * 1e6) || 1);
  if (hasObserver('function')) {
    const entry = createPerformanceNodeEntry(fn.name, 'function', start,
                                             duration, args);
    // The call's arguments are also the entry's indexed properties.
    for (let i = 0; i < args.length; i++) entry[i] = args[i];
    enqueue(entry);
  }
}

/* timerify(fn[, options]) -> a new timed wrapper on every call (a wrapper
 * can be wrapped again). */
function timerify(fn, options = {}) {
  validateFunction(fn, 'fn');
  validateObject(options, 'options');
  const { histogram } = options;
  if (histogram !== undefined) {
    const { RecordableHistogram } = require('internal/histogram');
    if (!(histogram instanceof RecordableHistogram))
      throw new ERR_INVALID_ARG_TYPE('options.histogram',
                                     'RecordableHistogram', histogram);
  }
  function timerified(...args) {
    const start = now();
    const result = new.target ? ReflectConstruct(fn, args, fn) :
      ReflectApply(fn, this, args);
    if (!new.target && result != null &&
        typeof result.finally === 'function') {
      return result.finally(FunctionPrototypeBind(finish, undefined, fn,
                                                  start, args, histogram));
    }
    finish(fn, start, args, histogram);
    return result;
  }
  ObjectDefineProperties(timerified, {
    length: { __proto__: null, configurable: true, enumerable: false,
              writable: false, value: fn.length },
    name: { __proto__: null, configurable: true, enumerable: false,
            writable: false, value: `timerified ${fn.name}` },
  });
  return timerified;
}

module.exports = { timerify };
