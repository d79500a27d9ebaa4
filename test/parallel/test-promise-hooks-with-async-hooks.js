// v8.promiseHooks and async_hooks share V8's single set of promise hooks:
// each sees every promise, and stopping one leaves the other working.
'use strict';
require('../common');
const assert = require('assert');
const asyncHooks = require('async_hooks');
const { promiseHooks } = require('v8');

const asyncInits = [];
const hook = asyncHooks.createHook({
  init(id, type) { if (type === 'PROMISE') asyncInits.push(id); },
}).enable();

const v8Inits = [];
const settled = [];
const stopInit = promiseHooks.onInit((promise) => v8Inits.push(promise));
const stopSettled = promiseHooks.onSettled((promise) => settled.push(promise));

const p = Promise.resolve(1);
assert.strictEqual(v8Inits.at(-1), p);
assert.strictEqual(settled.at(-1), p);
assert.strictEqual(asyncInits.length, 1);

// Stopping a v8 hook keeps async_hooks going.
stopInit();
Promise.resolve(2);
assert.strictEqual(v8Inits.length, 1);
assert.strictEqual(asyncInits.length, 2);
assert.strictEqual(settled.length, 2);

// Disabling async_hooks keeps the remaining v8 hook going (async_hooks
// removes its hooks from a microtask).
hook.disable();
queueMicrotask(() => {
  const before = asyncInits.length;
  const q = Promise.resolve(3);
  assert.strictEqual(asyncInits.length, before);
  assert.strictEqual(settled.at(-1), q);
  stopSettled();
  Promise.resolve(4);
  assert.strictEqual(settled.at(-1), q);
});

// Hooks must be plain functions; createHook validates every callback.
assert.throws(() => promiseHooks.onBefore(async () => {}), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: /The "beforeHook" argument must be of type function/,
});
assert.throws(() => promiseHooks.createHook({ after: 1 }), {
  code: 'ERR_INVALID_ARG_TYPE',
});
