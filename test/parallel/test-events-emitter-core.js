'use strict';
// EventEmitter: ordering, once/prepend, removal semantics, counts, errors,
// errorMonitor, captureRejections and the max-listeners warning.
const common = require('../common');
const assert = require('assert');
const EventEmitter = require('events');

{
  const ee = new EventEmitter();
  assert.deepStrictEqual(Object.keys(ee), ['_events', '_eventsCount',
                                          '_maxListeners']);
  const order = [];
  const a = () => order.push('a');
  const b = () => order.push('b');
  const c = () => order.push('c');
  assert.strictEqual(ee.on('x', a), ee);
  ee.prependListener('x', b);
  ee.once('x', c);
  ee.prependOnceListener('x', () => order.push('d'));
  assert.strictEqual(ee.emit('x'), true);
  assert.deepStrictEqual(order, ['d', 'b', 'a', 'c']);
  assert.strictEqual(ee.listenerCount('x'), 2);
  assert.deepStrictEqual(ee.listeners('x'), [b, a]);
  assert.strictEqual(ee.emit('nothing'), false);
  // A single listener is stored unwrapped, two as an array.
  ee.removeListener('x', b);
  assert.strictEqual(ee._events.x, a);
}

{
  // listeners() unwraps once-wrappers; rawListeners() does not.
  const ee = new EventEmitter();
  const fn = common.mustCall();
  ee.once('y', fn);
  const raw = ee.rawListeners('y');
  assert.notStrictEqual(raw[0], fn);
  assert.strictEqual(raw[0].listener, fn);
  assert.deepStrictEqual(ee.listeners('y'), [fn]);
  assert.strictEqual(ee.listenerCount('y', fn), 1);
  raw[0]();
  raw[0]();
  assert.strictEqual(ee.listenerCount('y'), 0);
}

{
  // newListener fires before insertion; removeListener after removal.
  const ee = new EventEmitter();
  const seen = [];
  const fn = () => {};
  ee.on('newListener', (name, listener) => {
    seen.push(['new', name, listener === fn, ee.listenerCount(name)]);
  });
  ee.on('removeListener', (name, listener) => {
    seen.push(['remove', name, listener === fn, ee.listenerCount(name)]);
  });
  ee.once('z', fn);
  ee.removeListener('z', fn);
  assert.deepStrictEqual(seen, [
    ['new', 'removeListener', false, 0],
    ['new', 'z', true, 0],
    ['remove', 'z', true, 0],
  ]);
  ee.on('z', fn);
  ee.on('w', fn);
  seen.length = 0;
  ee.removeAllListeners();
  // The 'removeListener' listener is gone before it could hear about itself.
  assert.deepStrictEqual(seen.map((s) => s[1]), ['newListener', 'z', 'w']);
  assert.deepStrictEqual(ee.eventNames(), []);
}

{
  // The listener list is snapshotted at emit time.
  const ee = new EventEmitter();
  const calls = [];
  const second = () => calls.push(2);
  ee.on('e', () => {
    calls.push(1);
    ee.removeListener('e', second);
    ee.on('e', () => calls.push(3));
  });
  ee.on('e', second);
  ee.emit('e');
  assert.deepStrictEqual(calls, [1, 2]);
}

{
  // Symbols as event names; `this` and arguments.
  const ee = new EventEmitter();
  const sym = Symbol('s');
  ee.on(sym, common.mustCall(function(x, y) {
    assert.strictEqual(this, ee);
    assert.deepStrictEqual([x, y], [1, 2]);
  }));
  ee.emit(sym, 1, 2);
  assert.deepStrictEqual(ee.eventNames(), [sym]);
}

{
  // Errors: thrown as-is, through errorMonitor first.
  const ee = new EventEmitter();
  const err = new Error('boom');
  ee.on(EventEmitter.errorMonitor, common.mustCall((e) => {
    assert.strictEqual(e, err);
  }, 2));
  assert.throws(() => ee.emit('error', err), err);
  ee.on('error', common.mustCall());
  ee.emit('error', err);
  const e2 = new EventEmitter();
  assert.throws(() => e2.emit('error', { message: 'x' }), {
    code: 'ERR_UNHANDLED_ERROR',
    message: "Unhandled error. ({ message: 'x' })",
    context: { message: 'x' },
  });
}

{
  // Defaults and limits.
  assert.strictEqual(EventEmitter.defaultMaxListeners, 10);
  const ee = new EventEmitter();
  assert.strictEqual(ee.getMaxListeners(), 10);
  assert.strictEqual(EventEmitter.getMaxListeners(ee), 10);
  EventEmitter.setMaxListeners(3, ee);
  assert.strictEqual(ee.getMaxListeners(), 3);
  assert.strictEqual(EventEmitter.usingDomains, false);
  assert.strictEqual(EventEmitter.EventEmitter, EventEmitter);
  assert.strictEqual(EventEmitter.captureRejectionSymbol,
                     Symbol.for('nodejs.rejection'));
  assert.strictEqual(EventEmitter.listenerCount(ee, 'x'), 0);
}

{
  // The leak warning, once per event name.
  class Leaky extends EventEmitter {}
  const ee = new Leaky();
  ee.setMaxListeners(1);
  process.on('warning', common.mustCall((w) => {
    assert.strictEqual(w.name, 'MaxListenersExceededWarning');
    assert.strictEqual(w.message,
                       'Possible EventEmitter memory leak detected. 2 foo ' +
                       'listeners added to [Leaky]. Use ' +
                       'emitter.setMaxListeners() to increase limit');
    assert.strictEqual(w.emitter, ee);
    assert.strictEqual(w.type, 'foo');
    assert.strictEqual(w.count, 2);
  }));
  ee.on('foo', () => {});
  ee.on('foo', () => {});
  ee.on('foo', () => {});
}

{
  // captureRejections routes rejected listener promises.
  const ee = new EventEmitter({ captureRejections: true });
  const err = new Error('async');
  ee.on('go', async () => { throw err; });
  ee.on('error', common.mustCall((e) => assert.strictEqual(e, err)));
  ee.emit('go');

  const ee2 = new EventEmitter({ captureRejections: true });
  ee2[Symbol.for('nodejs.rejection')] = common.mustCall((e, type, arg) => {
    assert.strictEqual(e, err);
    assert.strictEqual(type, 'go');
    assert.strictEqual(arg, 7);
  });
  ee2.on('go', async () => { throw err; });
  ee2.emit('go', 7);
}
