'use strict';
// async_hooks hook registry: enable/disable (idempotent, deferred while
// hooks run), when destroy hooks run (batched before setImmediate
// callbacks, flushed before 'beforeExit'), and hook exceptions being fatal.
const common = require('../common');
const assert = require('assert');
const ah = require('async_hooks');
const { spawnSync } = require('child_process');

if (process.argv[2] === 'child') {
  const kind = process.argv[3];
  ah.createHook({
    [kind]() {
      // eslint-disable-next-line no-throw-literal
      if (process.argv[4] === 'null') throw null;
      throw new Error('boom');
    },
  }).enable();
  process.on('exit', () => process._rawDebug('exit event'));
  const r = new ah.AsyncResource('Child');
  r.runInAsyncScope(() => {});
  r.emitDestroy();
  Promise.resolve().then(() => {});
  return;
}

// A hook throwing is fatal: its error printed, 'exit' emitted, status 1.
for (const [kind, how, first] of [
  ['init', 'error', 'Error: boom'],
  ['before', 'error', 'Error: boom'],
  ['after', 'null', 'Error: null'],
  ['destroy', 'error', 'Error: boom'],
  ['promiseResolve', 'null', 'Error: null'],
]) {
  const child = spawnSync(process.execPath,
                          [__filename, 'child', kind, how],
                          { encoding: 'utf8' });
  assert.strictEqual(child.status, 1, `${kind}: ${child.stderr}`);
  const lines = child.stderr.split('\n');
  assert.strictEqual(lines[0], first, kind);
  assert.ok(lines.includes('exit event'), kind);
}

// enable()/disable() return the hook and may be repeated.
{
  const hook = ah.createHook({ init: common.mustCall(1) });
  assert.strictEqual(hook.enable(), hook);
  assert.strictEqual(hook.enable(), hook);
  new ah.AsyncResource('Once');
  assert.strictEqual(hook.disable(), hook);
  assert.strictEqual(hook.disable(), hook);
  new ah.AsyncResource('NotSeen');
}

// A hook enabled by another hook's callback takes effect after that emit.
{
  const lateTypes = [];
  const late = ah.createHook({ init(id, type) { lateTypes.push(type); } });
  const first = ah.createHook({
    init(id, type) {
      if (type === 'First') late.enable();
    },
  }).enable();
  new ah.AsyncResource('First');
  new ah.AsyncResource('Second');
  first.disable();
  late.disable();
  assert.deepStrictEqual(lateTypes, ['Second']);
}

// Destroy hooks: batched after ticks and microtasks, before immediates.
{
  const order = [];
  const hook = ah.createHook({
    destroy(id) { if (id === res.asyncId()) order.push('destroy'); },
  }).enable();
  const res = new ah.AsyncResource('Batched');
  res.emitDestroy();
  process.nextTick(() => order.push('tick'));
  queueMicrotask(() => order.push('microtask'));
  setImmediate(common.mustCall(() => {
    order.push('immediate');
    hook.disable();
    assert.deepStrictEqual(order,
                           ['tick', 'microtask', 'destroy', 'immediate']);
    scheduleLast();
  }));
}

// Destroys still queued when the loop runs dry are emitted before the
// 'beforeExit' listeners; one queued by a listener is not (no extra turn).
function scheduleLast() {
  const order = [];
  const hook = ah.createHook({
    destroy(id) { order.push(`destroy ${id === last.asyncId()}`); },
  }).enable();
  const last = new ah.AsyncResource('Last');
  // Only the destroy batch is pending: clearImmediate leaves nothing else.
  clearImmediate(setImmediate(common.mustNotCall()));
  order.length = 0;
  last.emitDestroy();
  let rounds = 0;
  process.on('beforeExit', () => {
    order.push(`beforeExit ${++rounds}`);
    if (rounds === 1) new ah.AsyncResource('Late').emitDestroy();
  });
  process.on('exit', () => {
    hook.disable();
    assert.deepStrictEqual(order.filter((e) => e !== 'destroy false'),
                           ['destroy true', 'beforeExit 1']);
  });
}
