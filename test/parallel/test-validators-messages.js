'use strict';
// Validator behaviour seen through public APIs (messages from Node 18.20.4).
const common = require('../common');
const assert = require('assert');
const events = require('events');

// validateUint32 through AbortSignal.timeout().
assert.throws(() => AbortSignal.timeout('1'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "delay" argument must be of type number. ' +
           "Received type string ('1')",
});
assert.throws(() => AbortSignal.timeout(1.5), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "delay" is out of range. It must be an integer. ' +
           'Received 1.5',
});
assert.throws(() => AbortSignal.timeout(-1), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "delay" is out of range. It must be >= 0 && <= ' +
           '4294967295. Received -1',
});
assert.throws(() => AbortSignal.timeout(2 ** 33), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "delay" is out of range. It must be >= 0 && <= ' +
           '4294967295. Received 8_589_934_592',
});

// validateAbortSignalArray through AbortSignal.any().
assert.throws(() => AbortSignal.any(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "signals" argument must be an instance of Array. ' +
           'Received type number (1)',
});
assert.throws(() => AbortSignal.any([AbortSignal.abort(), {}]), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "signals[1]" argument must be an instance of AbortSignal. ' +
           'Received an instance of Object',
});

// validateAbortSignal through events.once() and on(); once() does not
// validate the options object itself.
const ee = new events.EventEmitter();
events.once(ee, 'x', 1).then(common.mustCall((args) => {
  assert.deepStrictEqual(args, [5]);
}));
events.once(ee, 'x', null).then(common.mustCall());
ee.emit('x', 5);
assert.rejects(events.once(ee, 'x', { signal: 1 }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.signal" property must be an instance of ' +
           'AbortSignal. Received type number (1)',
}).then(common.mustCall());
assert.throws(() => events.on(ee, 'x', { signal: {} }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.signal" property must be an instance of ' +
           'AbortSignal. Received an instance of Object',
});
for (const signal of [1, null, false, 'hi']) {
  assert.throws(() => events.on(ee, 'x', { signal }), {
    code: 'ERR_INVALID_ARG_TYPE',
  });
}

// validateBoolean through the captureRejections option.
assert.throws(() => new events.EventEmitter({ captureRejections: 1 }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.captureRejections" property must be of type ' +
           'boolean. Received type number (1)',
});

// validateObject (no null, arrays or functions): Event options.
assert.throws(() => new Event('x', 'str'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options" argument must be of type object. ' +
           "Received type string ('str')",
});
assert.throws(() => new Event('x', null), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options" argument must be of type object. Received null',
});
assert.throws(() => new Event('x', []), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options" argument must be of type object. ' +
           'Received an instance of Array',
});
// addEventListener options do allow null, arrays and functions.
const et = new EventTarget();
et.addEventListener('x', () => {}, null);
et.addEventListener('x', () => {}, []);
et.addEventListener('x', () => {}, () => {});
