'use strict';
// Exact ERR_* messages, codes, names and stacks (Node 18.20.4's texts),
// reached through public APIs backed by internal/errors.
require('../common');
const assert = require('assert');
const EventEmitter = require('events');

const ee = new EventEmitter();
const target = new EventTarget();
const listenerMessage = (received) =>
  'The "listener" argument must be of type function. Received ' + received;
const eventMessage = (received) =>
  'The "event" argument must be an instance of Event. Received ' + received;

// determineSpecificType() tails.
const cases = [
  [null, 'null'],
  [undefined, 'undefined'],
  [42, 'type number (42)'],
  [-0, 'type number (-0)'],
  [NaN, 'type number (NaN)'],
  [10n, 'type bigint (10n)'],
  [true, 'type boolean (true)'],
  [Symbol('s'), 'type symbol (Symbol(s))'],
  ['', "type string ('')"],
  ["it's", 'type string ("it\'s")'],
  ['x'.repeat(25), `type string ('${'x'.repeat(25)}')`],
  ['x'.repeat(30), `type string ('${'x'.repeat(24)}...)`],
  [{}, 'an instance of Object'],
  [[], 'an instance of Array'],
  [new Map(), 'an instance of Map'],
  [Object.create(null), '[Object: null prototype] {}'],
  [function foo() {}, 'function foo'],
  [class Bar {}, 'function Bar'],
];
for (const [value, received] of cases) {
  assert.throws(() => target.dispatchEvent(value), {
    code: 'ERR_INVALID_ARG_TYPE',
    name: 'TypeError',
    message: eventMessage(received),
  });
  if (typeof value === 'function') continue;
  assert.throws(() => ee.on('event', value), {
    code: 'ERR_INVALID_ARG_TYPE',
    name: 'TypeError',
    message: listenerMessage(received),
  });
}

// The shape of a Node error.
{
  let err;
  try {
    ee.on('event', 1);
  } catch (e) {
    err = e;
  }
  assert.ok(err instanceof TypeError);
  assert.strictEqual(Object.getPrototypeOf(err), TypeError.prototype);
  assert.deepStrictEqual(Object.keys(err), ['code']);
  assert.strictEqual(err.name, 'TypeError');
  assert.strictEqual(
    err.toString(),
    'TypeError [ERR_INVALID_ARG_TYPE]: ' + listenerMessage('type number (1)'));
  assert.strictEqual(
    err.stack.split('\n')[0],
    'TypeError [ERR_INVALID_ARG_TYPE]: ' + listenerMessage('type number (1)'));
  assert.strictEqual(
    Object.getOwnPropertyDescriptor(err, 'message').enumerable, false);
}

// Lists of expected types and instances.
assert.throws(() => EventEmitter.setMaxListeners(1, {}), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "eventTargets" argument must be an instance of ' +
           'EventEmitter or EventTarget. Received an instance of Object',
});
assert.throws(() => EventEmitter.getEventListeners(5, 'x'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "emitter" argument must be an instance of EventEmitter or ' +
           'EventTarget. Received type number (5)',
});

// ERR_OUT_OF_RANGE, with numeric separators past 2 ** 32.
assert.throws(() => ee.setMaxListeners(-1), {
  code: 'ERR_OUT_OF_RANGE',
  name: 'RangeError',
  message: 'The value of "n" is out of range. It must be a non-negative ' +
           'number. Received -1',
});
assert.throws(() => ee.setMaxListeners(-(2 ** 33)), {
  message: 'The value of "n" is out of range. It must be a non-negative ' +
           'number. Received -8_589_934_592',
});
assert.throws(() => { EventEmitter.defaultMaxListeners = 'x'; }, {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "defaultMaxListeners" is out of range. It must ' +
           "be a non-negative number. Received 'x'",
});

// ERR_UNHANDLED_ERROR.
assert.throws(() => ee.emit('error', 'text'), {
  code: 'ERR_UNHANDLED_ERROR',
  name: 'Error',
  message: "Unhandled error. ('text')",
});
assert.throws(() => ee.emit('error'), {
  code: 'ERR_UNHANDLED_ERROR',
  message: 'Unhandled error. (undefined)',
});

// ERR_MISSING_ARGS and ERR_INVALID_THIS.
const et = new EventTarget();
assert.throws(() => et.addEventListener(), {
  code: 'ERR_MISSING_ARGS',
  name: 'TypeError',
  message: 'The "type" and "listener" arguments must be specified',
});
assert.throws(() => et.dispatchEvent(), {
  code: 'ERR_MISSING_ARGS',
  message: 'The "event" argument must be specified',
});
const { dispatchEvent } = EventTarget.prototype;
assert.throws(() => dispatchEvent.call({}, new Event('x')), {
  code: 'ERR_INVALID_THIS',
  message: 'Value of "this" must be of type EventTarget',
});
assert.throws(() => new AbortSignal(), {
  code: 'ERR_ILLEGAL_CONSTRUCTOR',
  name: 'TypeError',
  message: 'Illegal constructor',
});
