'use strict';
// AsyncLocalStorage: run/exit/enterWith/getStore/disable, static bind and
// snapshot, and which async boundaries carry the store (promises, await,
// nextTick, timers, immediates, queueMicrotask) and which do not
// (EventEmitter listeners run in the emitter's caller's context).
const common = require('../common');
const assert = require('assert');
const { AsyncLocalStorage, AsyncResource } = require('async_hooks');
const EventEmitter = require('events');

const als = new AsyncLocalStorage();
assert.deepStrictEqual(Object.keys(als), ['kResourceStore', 'enabled']);
assert.strictEqual(als.enabled, false);
assert.strictEqual(als.getStore(), undefined);

// run: arguments, this, return value, restore after return and throw.
{
  const ret = als.run('s1', function(a, b) {
    assert.strictEqual(this, null);
    assert.strictEqual(als.getStore(), 's1');
    return a + b;
  }, 1, 2);
  assert.strictEqual(ret, 3);
  assert.strictEqual(als.enabled, true);
  assert.strictEqual(als.getStore(), undefined);
  assert.throws(() => als.run('s2', () => { throw new Error('x'); }), /x/);
  assert.strictEqual(als.getStore(), undefined);
  assert.throws(() => als.run('s3'), {
    name: 'TypeError',
    message: 'Function.prototype.apply was called on undefined, which is ' +
      'a undefined and not a function',
  });
}

// Nested run and exit.
als.run('outer', () => {
  als.run('inner', () => assert.strictEqual(als.getStore(), 'inner'));
  assert.strictEqual(als.getStore(), 'outer');
  als.exit((arg) => {
    assert.strictEqual(arg, 'a');
    assert.strictEqual(als.getStore(), undefined);
  }, 'a');
  assert.strictEqual(als.getStore(), 'outer');
});

// Propagation through the core async boundaries.
const seen = {};
function record(name) {
  return common.mustCall(() => { seen[name] = als.getStore(); });
}
als.run('async', () => {
  process.nextTick(record('nextTick'));
  queueMicrotask(record('queueMicrotask'));
  setTimeout(record('setTimeout'), 1);
  setImmediate(record('setImmediate'));
  const interval = setInterval(common.mustCall(() => {
    seen.setInterval = als.getStore();
    clearInterval(interval);
  }), 1);
  Promise.resolve().then(record('then'));
  (async () => {
    await null;
    seen.await1 = als.getStore();
    await new Promise((resolve) => setTimeout(resolve, 2));
    seen.await2 = als.getStore();
  })().then(common.mustCall());
  const emitter = new EventEmitter();
  emitter.on('ev', common.mustCall(() => { seen.listener = als.getStore(); }));
  setImmediate(common.mustCall(() => {
    als.run('emitter-caller', () => emitter.emit('ev'));
  }));
});
// Other storage instances are independent.
const other = new AsyncLocalStorage();
other.run('other', () => {
  als.run('mine', () => {
    setImmediate(common.mustCall(() => {
      assert.strictEqual(other.getStore(), 'other');
      assert.strictEqual(als.getStore(), 'mine');
    }));
  });
});

// enterWith: lasts for the rest of the current callback and what it
// schedules, not for its siblings.
setTimeout(common.mustCall(() => {
  als.enterWith('entered');
  assert.strictEqual(als.getStore(), 'entered');
  setTimeout(common.mustCall(() => {
    assert.strictEqual(als.getStore(), 'entered');
  }), 1);
}), 5);
setTimeout(common.mustCall(() => {
  assert.strictEqual(als.getStore(), undefined);
}), 5);

// bind / snapshot capture the context at call time.
{
  const bound = als.run('bound', () =>
    AsyncLocalStorage.bind(() => als.getStore()));
  assert.strictEqual(bound(), 'bound');
  const snap = als.run('snap', () => AsyncLocalStorage.snapshot());
  assert.strictEqual(snap.name, 'bound');
  assert.strictEqual(als.run('other', () => snap(() => als.getStore())),
                     'snap');
  assert.strictEqual(snap((a, b) => a * b, 6, 7), 42);
  assert.throws(() => AsyncLocalStorage.bind(1), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "fn" argument must be of type function. ' +
      'Received type number (1)',
  });
  const resource = als.run('res', () => new AsyncResource('R'));
  assert.strictEqual(resource.runInAsyncScope(() => als.getStore()), 'res');
}

// disable: getStore() is undefined until the next run/enterWith; exit()
// while disabled does not re-enable.
{
  const a2 = new AsyncLocalStorage();
  a2.run('x', () => {
    a2.disable();
    assert.strictEqual(a2.enabled, false);
    assert.strictEqual(a2.getStore(), undefined);
    a2.exit(() => assert.strictEqual(a2.getStore(), undefined));
    assert.strictEqual(a2.enabled, false);
    a2.run('y', () => assert.strictEqual(a2.getStore(), 'y'));
  });
}

process.on('exit', () => {
  assert.deepStrictEqual(seen, {
    nextTick: 'async',
    queueMicrotask: 'async',
    then: 'async',
    await1: 'async',
    setImmediate: 'async',
    setTimeout: 'async',
    setInterval: 'async',
    await2: 'async',
    listener: 'emitter-caller',
  });
});
