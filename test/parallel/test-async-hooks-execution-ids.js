'use strict';
// executionAsyncId / triggerAsyncId / executionAsyncResource without any
// hook enabled: the main script is 1 (trigger 0); each timer, immediate and
// tick runs as itself, triggered by whatever scheduled it.
const common = require('../common');
const assert = require('assert');
const {
  executionAsyncId,
  triggerAsyncId,
  executionAsyncResource,
} = require('async_hooks');

assert.strictEqual(executionAsyncId(), 1);
assert.strictEqual(triggerAsyncId(), 0);
const top = executionAsyncResource();
assert.deepStrictEqual(top, {});
assert.strictEqual(executionAsyncResource(), top);

const timeout = setTimeout(common.mustCall(function() {
  // A Timeout's id is also what it converts to.
  assert.strictEqual(executionAsyncId(), +timeout);
  assert.strictEqual(triggerAsyncId(), 1);
  assert.strictEqual(executionAsyncResource(), timeout);
  const outer = executionAsyncId();
  const immediate = setImmediate(common.mustCall(() => {
    assert.strictEqual(triggerAsyncId(), outer);
    assert.strictEqual(executionAsyncResource(), immediate);
    assert.ok(executionAsyncId() > outer);
  }));
}), 1);

process.nextTick(common.mustCall(() => {
  const tickId = executionAsyncId();
  assert.ok(tickId > 1);
  assert.strictEqual(triggerAsyncId(), 1);
  const resource = executionAsyncResource();
  assert.strictEqual(typeof resource.callback, 'function');
  process.nextTick(common.mustCall(() => {
    assert.strictEqual(triggerAsyncId(), tickId);
    assert.notStrictEqual(executionAsyncId(), tickId);
  }));
  process.nextTick(common.mustCall(() => {
    assert.strictEqual(triggerAsyncId(), tickId);
  }));
}));

queueMicrotask(common.mustCall(() => {
  assert.ok(executionAsyncId() > 1);
  assert.strictEqual(triggerAsyncId(), 1);
  assert.strictEqual(executionAsyncResource().constructor.name,
                     'AsyncResource');
}));
