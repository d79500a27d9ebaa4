'use strict';
// node:test's MockTracker: fn/method/getter/setter, times, restore, and the
// argument validation messages of Node 18.
require('../common');
const assert = require('assert');
const { mock } = require('node:test');

// fn(): records calls, copies name/length, `times` then the original.
const f = mock.fn(function add(a, b) { return a + b; },
                  (a, b) => a * b, { times: 2 });
assert.strictEqual(f.name, 'add');
assert.strictEqual(f.length, 2);
assert.deepStrictEqual([f(2, 3), f(2, 3), f(2, 3)], [6, 6, 5]);
assert.strictEqual(f.mock.callCount(), 3);
const call = f.mock.calls[0];
assert.deepStrictEqual(Object.keys(call),
                       ['arguments', 'error', 'result', 'stack', 'target',
                        'this']);
assert.deepStrictEqual(call.arguments, [2, 3]);
assert.ok(call.stack instanceof Error);
assert.strictEqual('mock' in f, false);

// Constructing through a mock: target is the original class.
class K { constructor(x) { this.x = x; } }
const C = mock.fn(K);
const inst = new C(3);
assert.ok(inst instanceof K);
assert.strictEqual(C.mock.calls[0].target, K);
assert.strictEqual(C.mock.calls[0].this, inst);

// Errors are recorded and rethrown.
const thrower = mock.fn(() => { throw new Error('boom'); });
assert.throws(thrower, /boom/);
assert.strictEqual(thrower.mock.calls[0].error.message, 'boom');

// mockImplementationOnce at a given call index.
const g = mock.fn();
g.mock.mockImplementationOnce(() => 'once');
assert.deepStrictEqual([g(), g()], ['once', undefined]);
g.mock.mockImplementationOnce(() => 'at3', 3);
assert.deepStrictEqual([g(), g()], [undefined, 'at3']);

// getter/setter mocks and their restoration.
const obj = {
  v: 1,
  get p() { return this.v; },
  set p(x) { this.v = x; },
};
const getter = mock.getter(obj, 'p', () => 42);
assert.strictEqual(obj.p, 42);
getter.mock.restore();
assert.strictEqual(obj.p, 1);
const setter = mock.setter(obj, 'p', function(x) { this.v = x * 2; });
obj.p = 5;
assert.strictEqual(obj.v, 10);
assert.deepStrictEqual(setter.mock.calls[0].arguments, [5]);
mock.restoreAll();
obj.p = 5;
assert.strictEqual(obj.v, 5);

// A method found on the prototype is mocked on the object itself.
class P { pm() { return 'p'; } }
const pi = new P();
const pm = mock.method(pi, 'pm', () => 'mocked');
assert.strictEqual(pi.pm(), 'mocked');
pm.mock.restore();
assert.strictEqual(pi.pm(), 'p');

// Validation, with Node 18's messages.
const cases = [
  [() => mock.fn('x'), 'ERR_INVALID_ARG_TYPE',
   'The "original" argument must be of type function. Received type ' +
   "string ('x')"],
  [() => mock.fn(() => {}, () => {}, { times: 0 }), 'ERR_OUT_OF_RANGE',
   'The value of "options.times" is out of range. It must be >= 1 && <= ' +
   '9007199254740991. Received 0'],
  [() => mock.method(null, 'x'), 'ERR_INVALID_ARG_TYPE',
   'The "object" argument must be of type object. Received null'],
  [() => mock.method({}, 5), 'ERR_INVALID_ARG_TYPE',
   'The "methodName" argument must be one of type string or symbol. ' +
   'Received type number (5)'],
  [() => mock.method({ x: 1 }, 'x'), 'ERR_INVALID_ARG_VALUE',
   "The argument 'methodName' must be a method. Received 1"],
  [() => mock.method({ x() {} }, 'x', { getter: true, setter: true }),
   'ERR_INVALID_ARG_VALUE',
   "The property 'options.setter' cannot be used with 'options.getter'. " +
   'Received true'],
  [() => mock.getter({ get x() { return 1; } }, 'x', { getter: false }),
   'ERR_INVALID_ARG_VALUE',
   "The property 'options.getter' cannot be false. Received false"],
];
for (const [fn, code, message] of cases) {
  assert.throws(fn, { code, message });
}

// reset() restores but keeps the recorded calls readable.
mock.reset();
assert.strictEqual(f.mock.callCount(), 3);
