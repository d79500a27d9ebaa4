'use strict';
// EventTarget and Event: options, handleEvent objects, ordering, removal
// during dispatch, errors reported as uncaught exceptions, brand checks.
const common = require('../common');
const assert = require('assert');
const { inspect } = require('util');

{
  const ev = new Event('foo');
  assert.strictEqual(ev.type, 'foo');
  assert.strictEqual(ev.cancelable, false);
  assert.strictEqual(ev.bubbles, false);
  assert.strictEqual(ev.composed, false);
  assert.strictEqual(ev.isTrusted, false);
  assert.strictEqual(ev.eventPhase, Event.NONE);
  assert.strictEqual(ev.returnValue, true);
  assert.strictEqual(ev.target, null);
  assert.deepStrictEqual(ev.composedPath(), []);
  assert.strictEqual(typeof ev.timeStamp, 'number');
  assert.strictEqual(String(ev), '[object Event]');
  assert.strictEqual(inspect(ev, { depth: -1 }), 'Event');
  assert.deepStrictEqual(Object.getOwnPropertyNames(ev), []);
  ev.preventDefault();
  assert.strictEqual(ev.defaultPrevented, false);
  assert.strictEqual(new Event(1).type, '1');
  assert.throws(() => new Event(), { code: 'ERR_MISSING_ARGS' });
  assert.throws(() => new Event(Symbol()), TypeError);
  assert.strictEqual(Event.AT_TARGET, 2);
  assert.strictEqual(Event.length, 1);
}

{
  // Options are read in WebIDL order.
  const read = [];
  new Event('x', {
    get composed() { read.push('composed'); },
    get cancelable() { read.push('cancelable'); },
    get bubbles() { read.push('bubbles'); },
  });
  assert.deepStrictEqual(read, ['bubbles', 'cancelable', 'composed']);
}

{
  const target = new EventTarget();
  assert.deepStrictEqual(Object.getOwnPropertyNames(target), []);
  assert.deepStrictEqual(
    Object.keys(EventTarget.prototype).sort(),
    ['addEventListener', 'dispatchEvent', 'removeEventListener']);
  const order = [];
  const fn = common.mustCall(function(event) {
    assert.strictEqual(this, target);
    assert.strictEqual(event.target, target);
    assert.strictEqual(event.currentTarget, target);
    assert.strictEqual(event.eventPhase, Event.AT_TARGET);
    assert.deepStrictEqual(event.composedPath(), [target]);
    order.push('fn');
  }, 2);
  const obj = {
    handleEvent: common.mustCall(function() {
      assert.strictEqual(this, obj);
      order.push('obj');
    }),
  };
  target.addEventListener('foo', fn);
  target.addEventListener('foo', fn); // duplicate: ignored
  target.addEventListener('foo', obj, { once: true });
  assert.strictEqual(target.dispatchEvent(new Event('foo')), true);
  target.dispatchEvent(new Event('foo'));
  assert.deepStrictEqual(order, ['fn', 'obj', 'fn']);
  target.removeEventListener('foo', fn);
  target.dispatchEvent(new Event('foo'));
}

{
  // Capture is part of the key; removal during dispatch is honoured.
  const target = new EventTarget();
  const a = common.mustCall(2);
  target.addEventListener('foo', a, { capture: true });
  target.addEventListener('foo', a, { capture: false });
  target.dispatchEvent(new Event('foo'));
  target.removeEventListener('foo', a, { capture: true });
  target.removeEventListener('foo', a);
  target.dispatchEvent(new Event('foo'));

  const later = common.mustNotCall();
  target.addEventListener('bar', () => {
    target.removeEventListener('bar', later);
  });
  target.addEventListener('bar', later);
  target.dispatchEvent(new Event('bar'));
}

{
  // Cancelation, passive listeners and stopImmediatePropagation.
  const target = new EventTarget();
  target.addEventListener('c', (e) => e.preventDefault());
  assert.strictEqual(
    target.dispatchEvent(new Event('c', { cancelable: true })), false);
  // Node 18 records `passive` but does not enforce it.
  target.addEventListener('p', (e) => e.preventDefault(), { passive: true });
  const ev = new Event('p', { cancelable: true });
  assert.strictEqual(target.dispatchEvent(ev), false);
  assert.strictEqual(ev.defaultPrevented, true);
  target.addEventListener('s', (e) => e.stopImmediatePropagation());
  target.addEventListener('s', common.mustNotCall());
  target.dispatchEvent(new Event('s'));
}

{
  // An AbortSignal removes the listener.
  const target = new EventTarget();
  const ac = new AbortController();
  const fn = common.mustCall();
  target.addEventListener('x', fn, { signal: ac.signal });
  target.dispatchEvent(new Event('x'));
  ac.abort();
  target.dispatchEvent(new Event('x'));
  target.addEventListener('x', common.mustNotCall(), { signal: ac.signal });
  target.dispatchEvent(new Event('x'));
}

{
  // Throwing or rejecting listeners surface as uncaught exceptions and do
  // not stop the others.
  const onUncaught = common.mustCall((err, origin) => {
    assert.strictEqual(err.message, 'boom');
    assert.strictEqual(origin, 'uncaughtException');
  }, 2);
  process.on('uncaughtException', onUncaught);
  const target = new EventTarget();
  target.addEventListener('e', () => { throw new Error('boom'); });
  target.addEventListener('e', async () => { throw new Error('boom'); });
  target.addEventListener('e', common.mustCall());
  target.dispatchEvent(new Event('e'));
}

{
  // Argument checks.
  const target = new EventTarget();
  assert.throws(() => target.dispatchEvent('foo'), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "event" argument must be an instance of Event. ' +
             "Received type string ('foo')",
  });
  assert.throws(() => target.addEventListener('foo', 'x'), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "listener" argument must be an instance of ' +
             "EventListener. Received type string ('x')",
  });
  assert.throws(() => target.addEventListener('foo', () => {}, 5), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "options" argument must be of type object. ' +
             'Received type number (5)',
  });
  target.addEventListener('foo', null);
  const event = new Event('r');
  const other = new EventTarget();
  target.addEventListener('r', common.mustCall(() => {
    assert.throws(() => other.dispatchEvent(event), {
      code: 'ERR_EVENT_RECURSION',
      message: 'The event "r" is already being dispatched',
    });
  }));
  target.dispatchEvent(event);
  assert.throws(() => Reflect.get(Event.prototype, 'type', {}), {
    code: 'ERR_INVALID_THIS',
    message: 'Value of "this" must be of type Event',
  });
}
