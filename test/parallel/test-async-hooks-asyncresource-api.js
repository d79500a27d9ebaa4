'use strict';
// async_hooks.AsyncResource: constructor checks, ids, runInAsyncScope,
// bind (instance and static), emitDestroy, and the module's surface.
const common = require('../common');
const assert = require('assert');
const ah = require('async_hooks');
const { AsyncResource } = ah;

assert.deepStrictEqual(Object.keys(ah), [
  'AsyncLocalStorage', 'createHook', 'executionAsyncId', 'triggerAsyncId',
  'executionAsyncResource', 'asyncWrapProviders', 'AsyncResource',
]);
assert.strictEqual(Object.isFrozen(ah.asyncWrapProviders), true);
assert.strictEqual(Object.getPrototypeOf(ah.asyncWrapProviders), null);
assert.strictEqual(ah.asyncWrapProviders.NONE, 0);
assert.strictEqual(ah.asyncWrapProviders.PROMISE, 26);
assert.strictEqual(ah.asyncWrapProviders.INSPECTORJSBINDING, 59);
assert.strictEqual(Object.keys(ah.asyncWrapProviders).length, 60);

// Constructor validation.
assert.throws(() => new AsyncResource(), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "type" argument must be of type string. Received undefined',
});
assert.throws(() => new AsyncResource('x', -2), {
  code: 'ERR_INVALID_ASYNC_ID',
  name: 'RangeError',
  message: 'Invalid triggerAsyncId value: -2',
});
assert.throws(() => new AsyncResource('x', { triggerAsyncId: 1.5 }), {
  code: 'ERR_INVALID_ASYNC_ID',
});
assert.throws(() => new AsyncResource('x', null), {
  name: 'TypeError',
  message: "Cannot read properties of null (reading 'triggerAsyncId')",
});
// An empty type is only rejected while init hooks exist.
new AsyncResource('');

// Ids: new ones increase; the trigger defaults to the current execution.
const r1 = new AsyncResource('R1');
const r2 = new AsyncResource('R2', { triggerAsyncId: 77 });
const r3 = new AsyncResource('R3', 5);
assert.strictEqual(r2.asyncId(), r1.asyncId() + 1);
assert.strictEqual(r1.triggerAsyncId(), ah.executionAsyncId());
assert.strictEqual(r2.triggerAsyncId(), 77);
assert.strictEqual(r3.triggerAsyncId(), 5);
assert.deepStrictEqual(Object.getOwnPropertySymbols(r1).map(String),
                       ['Symbol(async_id_symbol)',
                        'Symbol(trigger_async_id_symbol)']);

// runInAsyncScope: this, arguments, return value, scope restored after a
// throw.
{
  const thisArg = {};
  const ret = r2.runInAsyncScope(function(a, b) {
    assert.strictEqual(this, thisArg);
    assert.strictEqual(ah.executionAsyncId(), r2.asyncId());
    assert.strictEqual(ah.triggerAsyncId(), 77);
    assert.strictEqual(ah.executionAsyncResource(), r2);
    return a + b;
  }, thisArg, 2, 3);
  assert.strictEqual(ret, 5);
  assert.throws(() => r1.runInAsyncScope(() => { throw new Error('in'); }),
                /^Error: in$/);
  assert.strictEqual(ah.executionAsyncId(), 1);
  assert.throws(() => r1.runInAsyncScope(5), {
    name: 'TypeError',
    message: 'Function.prototype.apply was called on 5, which is a number ' +
      'and not a function',
  });
  assert.strictEqual(ah.executionAsyncId(), 1);
}

// bind: without thisArg the bound function keeps the caller's this.
{
  function add(a, b) { return [this, a + b, ah.executionAsyncId()]; }
  const bound = r1.bind(add);
  assert.strictEqual(bound.name, 'bound');
  assert.strictEqual(bound.length, 2);
  assert.deepStrictEqual(Object.getOwnPropertyDescriptor(bound, 'length'), {
    value: 2, writable: false, enumerable: false, configurable: true,
  });
  assert.deepStrictEqual(
    Object.getOwnPropertyDescriptor(bound, 'asyncResource'), {
      value: r1, writable: true, enumerable: true, configurable: true,
    });
  const self = {};
  assert.deepStrictEqual(bound.call(self, 1, 2), [self, 3, r1.asyncId()]);
  const withThis = r1.bind(add, self);
  assert.strictEqual(withThis.name, 'bound runInAsyncScope');
  assert.strictEqual(withThis.length, 2);
  assert.deepStrictEqual(withThis.call({}, 4, 5), [self, 9, r1.asyncId()]);
  assert.throws(() => r1.bind(3), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "fn" argument must be of type function. ' +
      'Received type number (3)',
  });
}

// Static bind names the resource after the function.
{
  const types = [];
  const hook = ah.createHook({
    init(id, type) { types.push(type); },
  }).enable();
  const f = AsyncResource.bind(function named() { return 1; });
  const g = AsyncResource.bind(() => 2);
  const h = AsyncResource.bind(() => 3, 'Custom');
  hook.disable();
  assert.deepStrictEqual(types, ['named', 'bound-anonymous-fn', 'Custom']);
  assert.strictEqual(f(), 1);
  assert.strictEqual(g(), 2);
  assert.strictEqual(h(), 3);
  assert.ok(f.asyncResource instanceof AsyncResource);
}

// While an init hook exists an empty type throws.
{
  const hook = ah.createHook({ init() {} }).enable();
  assert.throws(() => new AsyncResource(''), {
    code: 'ERR_ASYNC_TYPE',
    name: 'TypeError',
    message: 'Invalid name for async "type": ',
  });
  hook.disable();
}

// createHook validation.
assert.throws(() => ah.createHook({ before: 1 }), {
  code: 'ERR_ASYNC_CALLBACK',
  message: 'hook.before must be a function',
});
assert.throws(() => ah.createHook(), {
  name: 'TypeError',
  message: "Cannot destructure property 'init' of 'undefined' as it is " +
    'undefined.',
});

// emitDestroy: returns this; destroy hooks see it once, in a later turn;
// a manually destroyed resource is not destroyed again when collected.
{
  const destroyed = [];
  const hook = ah.createHook({ destroy(id) { destroyed.push(id); } });
  hook.enable();
  const r = new AsyncResource('D');
  assert.strictEqual(r.emitDestroy(), r);
  assert.deepStrictEqual(destroyed, []);
  process.nextTick(common.mustCall(() => {
    assert.deepStrictEqual(destroyed, []);
  }));
  setImmediate(common.mustCall(() => {
    // The tick above was destroyed too.
    assert.deepStrictEqual(destroyed, [r.asyncId(), r.asyncId() + 1]);
    hook.disable();
  }));
}
