'use strict';
// domain: an 'error' event without listeners on an emitter of a domain
// goes to the domain (err.domainEmitter, no domainThrown), run outside the
// active domain with the stack restored afterwards; other events run
// inside the emitter's domain; a failing handler hands the error on to
// the domain below.
const common = require('../common');
const assert = require('assert');
const domain = require('domain');
const EventEmitter = require('events');

const d1 = domain.create();
const d2 = domain.create();

d1.on('error', common.mustCall((err) => {
  assert.strictEqual(err.message, 'first');
  assert.strictEqual(err.domain, d1);
  assert.strictEqual(err.domainThrown, false);
  assert.ok(err.domainEmitter instanceof EventEmitter);
  // Handlers run outside the domain that emitted.
  assert.strictEqual(process.domain, null);
  assert.strictEqual(domain._stack.length, 0);
}));

d1.run(() => {
  const ee = new EventEmitter();
  assert.strictEqual(ee.domain, d1);
  assert.strictEqual(ee.emit('error', new Error('first')), false);
  // The stack is back as it was.
  assert.strictEqual(process.domain, d1);
  assert.deepStrictEqual(domain._stack, [d1]);
});

d2.on('error', common.mustCall((err) => {
  assert.strictEqual(process.domain, d1);
  assert.deepStrictEqual(domain._stack, [d1]);
}));
d1.run(() => d2.run(() => d2.run(() => {
  new EventEmitter().emit('error', new Error('nested'));
  assert.deepStrictEqual(domain._stack, [d1, d2, d2]);
})));

// Missing or falsy errors become ERR_UNHANDLED_ERROR; other values pass.
for (const value of [undefined, null, false, 0, '']) {
  const d = domain.create();
  const ee = new EventEmitter();
  d.add(ee);
  d.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_UNHANDLED_ERROR');
    assert.strictEqual(err.message, 'Unhandled error.');
    assert.strictEqual(err.domainEmitter, ee);
  }));
  ee.emit('error', value);
}
for (const value of [42, 'str', true]) {
  const d = domain.create();
  const ee = new EventEmitter();
  d.add(ee);
  d.on('error', common.mustCall((err) => assert.strictEqual(err, value)));
  ee.emit('error', value);
}

// An emitter with its own 'error' listener keeps its errors (and the
// listener runs outside the domain).
{
  const d = domain.create();
  d.on('error', common.mustNotCall());
  const ee = new EventEmitter();
  d.add(ee);
  ee.on('error', common.mustCall((err) => {
    assert.notStrictEqual(process.domain, d);
    assert.strictEqual(err.domain, undefined);
  }));
  ee.emit('error', new Error('own'));
}

// Other events of an emitter run in its domain, even when emitted from
// outside it.
{
  const d = domain.create();
  const ee = new EventEmitter();
  d.add(ee);
  ee.on('data', common.mustCall(() => assert.strictEqual(process.domain, d)));
  ee.emit('data');
  assert.strictEqual(domain._stack.length, 0);
}

// The domain takes the error before errorMonitor listeners would see it.
{
  const d = domain.create();
  d.on('error', common.mustCall());
  const ee = new EventEmitter();
  d.add(ee);
  ee.on(EventEmitter.errorMonitor, common.mustNotCall());
  ee.emit('error', new Error('monitored'));
}

// intercept(): an Error first argument is emitted with domainBound.
{
  const d = domain.create();
  const cb = common.mustNotCall();
  d.on('error', common.mustCall((err) => {
    assert.strictEqual(err.domainBound, cb);
    assert.strictEqual(err.domainThrown, false);
    assert.strictEqual(err.domain, d);
  }));
  d.intercept(cb)(new Error('intercepted'));
}

// A domain's handler that throws passes the new error to the domain
// below, in a callback thrown from both.
{
  const outer = domain.create();
  const inner = domain.create();
  inner.on('error', common.mustCall(() => {
    throw new Error('from inner handler');
  }));
  outer.on('error', common.mustCall((err) => {
    assert.strictEqual(err.message, 'from inner handler');
    assert.strictEqual(err.domain, outer);
    assert.strictEqual(process.domain, undefined);
    process.nextTick(common.mustCall(() => {
      assert.strictEqual(domain._stack.length, 0);
    }));
  }));
  setTimeout(() => {
    outer.run(() => inner.run(() => { throw new Error('original'); }));
  }, 1);
}
