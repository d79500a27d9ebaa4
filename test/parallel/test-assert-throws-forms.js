'use strict';
// assert.throws / rejects / doesNotThrow / doesNotReject argument forms and
// assert.CallTracker, with Node.js 18.20.4's messages.
const common = require('../common');
const assert = require('assert');

const thrower = () => { throw new TypeError('bad thing'); };

// Validation objects may hold regular expressions.
assert.throws(thrower, { name: 'TypeError', message: /bad/ });
assert.throws(
  () => assert.throws(thrower, { name: 'TypeError', message: /good/ }),
  {
    code: 'ERR_ASSERTION',
    operator: 'throws',
    message: 'Expected values to be strictly deep-equal:\n' +
             '+ actual - expected\n\n' +
             '  Comparison {\n' +
             "+   message: 'bad thing',\n" +
             '-   message: /good/,\n' +
             "    name: 'TypeError'\n" +
             '  }',
  });
assert.throws(() => assert.throws(thrower, {}), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'error' may not be an empty object. Received {}",
});
assert.throws(() => assert.throws(thrower, 'bad thing'), {
  code: 'ERR_AMBIGUOUS_ARGUMENT',
  message: 'The "error/message" argument is ambiguous. ' +
           'The error message "bad thing" is identical to the message.',
});
assert.throws(() => assert.throws(thrower, 5), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "error" argument must be of type function or an instance ' +
           'of Error, RegExp, or Object. Received type number (5)',
});
assert.throws(() => assert.throws('nope'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "fn" argument must be of type function. ' +
           "Received type string ('nope')",
});
assert.throws(() => assert.throws(() => {}), {
  message: 'Missing expected exception.',
  generatedMessage: false,
  operator: 'throws',
});
assert.throws(() => assert.doesNotThrow(thrower, TypeError, 'oops'), {
  message: 'Got unwanted exception: oops\nActual message: "bad thing"',
  operator: 'doesNotThrow',
});
// A non-matching error passes through doesNotThrow untouched.
assert.throws(() => assert.doesNotThrow(thrower, RangeError), TypeError);

// ifError keeps the original error's frames.
{
  const original = new Error('inner');
  try {
    assert.ifError(original);
  } catch (err) {
    assert.strictEqual(err.message, 'ifError got unwanted exception: inner');
    assert.strictEqual(err.actual, original);
    assert.strictEqual(err.expected, null);
    const originalFrames = original.stack.split('\n').slice(1).join('\n');
    assert.ok(err.stack.endsWith(originalFrames));
  }
}

// Promises.
const pending = [
  assert.rejects(Promise.reject(new RangeError('r')), RangeError),
  assert.rejects(async () => { throw new Error('x'); }, /x/),
  assert.doesNotReject(Promise.resolve(1)),
  assert.rejects(assert.rejects(Promise.resolve(), RangeError), {
    message: 'Missing expected rejection (RangeError).',
    operator: 'rejects',
  }),
  assert.rejects(assert.doesNotReject(Promise.reject(new Error('no'))), {
    message: 'Got unwanted rejection.\nActual message: "no"',
    operator: 'doesNotReject',
  }),
  assert.rejects(assert.rejects(() => 5), {
    code: 'ERR_INVALID_RETURN_VALUE',
    message: 'Expected instance of Promise to be returned from the ' +
             '"promiseFn" function but got type number (5).',
  }),
];
Promise.all(pending).then(common.mustCall());

// CallTracker.
{
  const tracker = new assert.CallTracker();
  function foo(a, b) { return a + b; }
  const tracked = tracker.calls(foo, 2);
  assert.strictEqual(tracked(1, 2), 3);
  assert.deepStrictEqual(tracker.getCalls(tracked),
                         [{ thisArg: undefined, arguments: [1, 2] }]);
  const report = tracker.report();
  assert.strictEqual(report.length, 1);
  assert.strictEqual(report[0].message, 'Expected the foo function to be ' +
                     'executed 2 time(s) but was executed 1 time(s).');
  assert.strictEqual(report[0].actual, 1);
  assert.strictEqual(report[0].expected, 2);
  assert.throws(() => tracker.verify(), {
    message: report[0].message,
    'operator 0': 'foo',
  });
  tracked(3, 4);
  tracker.verify();
  tracker.reset(tracked);
  assert.deepStrictEqual(tracker.getCalls(tracked), []);
  assert.throws(() => tracker.calls(foo, 0), { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => tracker.getCalls(foo), {
    code: 'ERR_INVALID_ARG_VALUE',
  });
}
