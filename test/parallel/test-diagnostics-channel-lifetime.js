// Flags: --expose-gc
'use strict';
// diagnostics_channel: a channel with subscribers outlives every user
// reference (so channel(name) later finds the same subscribers), one with
// none can be collected, a publish reads the subscriber list afresh at
// each step (as Node does), and TracingChannel argument checks.
const common = require('../common');
const assert = require('assert');
const dc = require('diagnostics_channel');

async function main() {
  // Subscribed by name, no reference kept: still reachable after a GC.
  const seen = [];
  dc.subscribe('lifetime.kept', (msg, name) => seen.push([msg, name]));
  global.gc();
  await new Promise((resolve) => setImmediate(resolve));
  global.gc();
  dc.channel('lifetime.kept').publish(1);
  assert.deepStrictEqual(seen, [[1, 'lifetime.kept']]);
  assert.strictEqual(dc.hasSubscribers('lifetime.kept'), true);

  // Never subscribed and unreferenced: collected, so a later channel(name)
  // is a new object (observed through a WeakRef).
  let ref = new WeakRef(dc.channel('lifetime.idle'));
  global.gc();
  await new Promise((resolve) => setImmediate(resolve));
  global.gc();
  assert.strictEqual(ref.deref(), undefined);
  assert.strictEqual(dc.hasSubscribers('lifetime.idle'), false);

  // Unsubscribed again: collectable too.
  const fn = () => {};
  dc.subscribe('lifetime.was', fn);
  ref = new WeakRef(dc.channel('lifetime.was'));
  assert.strictEqual(dc.unsubscribe('lifetime.was', fn), true);
  global.gc();
  await new Promise((resolve) => setImmediate(resolve));
  global.gc();
  assert.strictEqual(ref.deref(), undefined);

  // A bound store alone keeps the channel active.
  const { AsyncLocalStorage } = require('async_hooks');
  const store = new AsyncLocalStorage();
  const bound = dc.channel('lifetime.store');
  assert.strictEqual(bound.hasSubscribers, false);
  bound.bindStore(store, (data) => data * 2);
  assert.strictEqual(bound.hasSubscribers, true);
  assert.strictEqual(bound.runStores(21, () => store.getStore()), 42);
  assert.strictEqual(bound.unbindStore(store), true);
  assert.strictEqual(bound.hasSubscribers, false);
  // Without stores runStores just calls the function.
  assert.strictEqual(bound.runStores(1, function(a) { return [this, a]; },
                                     'self', 'arg')[1], 'arg');
}

// A subscriber that changes the list during a publish changes which later
// positions that publish runs.
{
  const ch = dc.channel('lifetime.during');
  const calls = [];
  const late = () => calls.push('late');
  const second = () => calls.push('second');
  ch.subscribe(() => {
    calls.push('first');
    ch.subscribe(late);
    ch.unsubscribe(second);
  });
  ch.subscribe(second);
  ch.publish('x');
  assert.deepStrictEqual(calls, ['first', 'late']);
  calls.length = 0;
  ch.publish('y');
  assert.deepStrictEqual(calls, ['first', 'late', 'late']);
}

// Argument checks.
assert.throws(() => dc.channel(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "channel" argument must be one of type string or symbol. ' +
           'Received type number (1)',
});
assert.throws(() => dc.tracingChannel(5), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => dc.tracingChannel({ start: dc.channel('a'), end: {} }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: /"nameOrChannels\.end" property must be an instance of Channel/,
});
{
  const tc = dc.tracingChannel('lifetime.tc');
  assert.strictEqual(tc.start, dc.channel('tracing:lifetime.tc:start'));
  assert.strictEqual(tc.asyncEnd.name, 'tracing:lifetime.tc:asyncEnd');
  // The callback may be addressed from the end.
  tc.traceCallback(function(a, cb) { cb(null, a + 1); }, -1, {}, null, 1,
                   common.mustCall((err, value) => {
                     assert.strictEqual(err, null);
                     assert.strictEqual(value, 2);
                   }));
  const other = dc.tracingChannel({
    start: tc.start, end: tc.end, asyncStart: tc.asyncStart,
    asyncEnd: tc.asyncEnd, error: tc.error,
  });
  assert.strictEqual(other.error, tc.error);
  assert.strictEqual(tc.unsubscribe({ start() {} }), false);
}

main().then(common.mustCall());
