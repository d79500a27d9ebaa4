'use strict';
// domain: the module's surface, Domain members, add/remove, bind/intercept,
// run, enter/exit and the domain stack, process.domain and
// EventEmitter.usingDomains.
require('../common');
const assert = require('assert');
const EventEmitter = require('events');

assert.strictEqual(EventEmitter.usingDomains, false);
const domain = require('domain');
assert.strictEqual(EventEmitter.usingDomains, true);

assert.deepStrictEqual(Object.keys(domain),
                       ['_stack', 'Domain', 'createDomain', 'create',
                        'active']);
assert.strictEqual(domain.create, domain.createDomain);
assert.strictEqual(domain.create.name, 'createDomain');
assert.strictEqual(domain.active, null);
assert.strictEqual(process.domain, null);
assert.strictEqual(Object.getOwnPropertyDescriptor(process, 'domain')
  .enumerable, true);

const d = domain.create();
assert.ok(d instanceof domain.Domain);
assert.ok(d instanceof EventEmitter);
assert.deepStrictEqual(d.members, []);
assert.deepStrictEqual(Object.keys(d),
                       ['_events', '_eventsCount', '_maxListeners', 'members']);
assert.deepStrictEqual(
  Object.getOwnPropertyNames(domain.Domain.prototype),
  ['constructor', 'members', '_errorHandler', 'enter', 'exit', 'add',
   'remove', 'run', 'intercept', 'bind']);

// Every emitter has a non-enumerable `domain`: null outside any domain.
const outside = new EventEmitter();
assert.deepStrictEqual(Object.getOwnPropertyDescriptor(outside, 'domain'),
                       { value: null, writable: true, enumerable: false,
                         configurable: true });

// run(): this is the domain, arguments pass through, result returned.
assert.strictEqual(d.run(function(a, b) {
  assert.strictEqual(this, d);
  assert.strictEqual(process.domain, d);
  assert.strictEqual(domain.active, d);
  assert.deepStrictEqual(domain._stack, [d]);
  const inner = new EventEmitter();
  assert.strictEqual(inner.domain, d);
  assert.strictEqual(Object.keys(inner).includes('domain'), false);
  return a + b;
}, 2, 3), 5);
// Leaving the last domain makes the active one undefined.
assert.strictEqual(process.domain, undefined);
assert.strictEqual(domain.active, undefined);
assert.strictEqual(domain._stack.length, 0);

// enter/exit: exit() pops the domain and all entered after it; exiting a
// domain that is not on the stack does nothing.
const a = domain.create();
const b = domain.create();
const c = domain.create();
a.enter();
b.enter();
c.enter();
assert.deepStrictEqual(domain._stack, [a, b, c]);
domain.create().exit();
assert.deepStrictEqual(domain._stack, [a, b, c]);
b.exit();
assert.deepStrictEqual(domain._stack, [a]);
assert.strictEqual(process.domain, a);
a.exit();
assert.deepStrictEqual(domain._stack, []);

// process.domain can be assigned without touching domain.active.
process.domain = 5;
assert.strictEqual(process.domain, 5);
assert.strictEqual(domain.active, undefined);
process.domain = null;

// add/remove: `domain` stays non-enumerable; an emitter moves between
// domains; members are not duplicated.
const e = new EventEmitter();
a.add(e);
a.add(e);
assert.strictEqual(e.domain, a);
assert.deepStrictEqual(a.members, [e]);
assert.strictEqual(Object.keys(e).includes('domain'), false);
b.add(e);
assert.strictEqual(e.domain, b);
assert.deepStrictEqual(a.members, []);
assert.deepStrictEqual(b.members, [e]);
b.remove(e);
assert.strictEqual(e.domain, null);
assert.deepStrictEqual(b.members, []);
assert.throws(() => a.add(5), TypeError);

// bind(): runBound keeps the caller's this and arguments, runs in the
// domain and carries a non-enumerable `domain`.
const self = {};
const bound = a.bind(function(x) {
  assert.strictEqual(this, self);
  assert.strictEqual(process.domain, a);
  return x * 2;
});
assert.strictEqual(bound.name, 'runBound');
assert.strictEqual(bound.domain, a);
assert.strictEqual(Object.keys(bound).includes('domain'), false);
assert.strictEqual(bound.call(self, 21), 42);
assert.strictEqual(process.domain, undefined);

// intercept(): the first argument is dropped unless it is an Error, which
// becomes an 'error' of the domain instead.
const intercepted = a.intercept(function(x, y) {
  assert.strictEqual(this, self);
  assert.strictEqual(process.domain, a);
  return [x, y];
});
assert.strictEqual(intercepted.name, 'runIntercepted');
assert.strictEqual(intercepted.domain, undefined);
assert.deepStrictEqual(intercepted.call(self, null, 1, 2), [1, 2]);
assert.deepStrictEqual(intercepted.call(self, 'not an error', 1), [1,
                                                                   undefined]);
