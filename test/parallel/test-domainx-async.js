'use strict';
// domain: callbacks of timers, immediates, nextTick, queueMicrotask,
// promises, fs and vm-context promises run in the domain that was active
// when they were scheduled; what they throw becomes its 'error' (with
// err.domain and err.domainThrown), and so do unhandled rejections.
const common = require('../common');
const assert = require('assert');
const domain = require('domain');
const fs = require('fs');
const vm = require('vm');

const d = domain.create();
const seen = [];
function check(name) {
  return common.mustCall(() => {
    assert.strictEqual(process.domain, d, name);
    assert.strictEqual(domain._stack[domain._stack.length - 1], d, name);
    seen.push(name);
  });
}

d.run(() => {
  setTimeout(check('timeout'), 1);
  setImmediate(check('immediate'));
  process.nextTick(check('tick'));
  queueMicrotask(check('microtask'));
  Promise.resolve().then(check('then'));
  fs.stat(__filename, check('fs.stat'));
  fs.readFile(__filename, check('fs.readFile'));
  vm.runInNewContext('Promise.resolve().then(cb)', { cb: check('vm then') });
  const interval = setInterval(common.mustCall(() => {
    clearInterval(interval);
    assert.strictEqual(process.domain, d);
  }), 1);
  // A promise made in a domain does carry it; one from a vm context not.
  assert.strictEqual(Promise.resolve().domain, d);
  assert.strictEqual(vm.runInNewContext('Promise.resolve()').domain,
                     undefined);
  // Timers get a non-enumerable `domain`.
  const t = setTimeout(() => {}, 1);
  assert.strictEqual(t.domain, d);
  assert.strictEqual(Object.keys(t).includes('domain'), false);
  clearTimeout(t);
});
// Outside the domain again; a callback scheduled now runs in none.
assert.strictEqual(process.domain, undefined);
setTimeout(common.mustCall(() => {
  assert.strictEqual(process.domain ?? null, null);
  assert.strictEqual(domain._stack.length, 0);
}), 1);

// What a callback throws goes to the domain's 'error' listener.
const thrower = domain.create();
const messages = [];
thrower.on('error', common.mustCall((err) => {
  assert.strictEqual(err.domain, thrower);
  assert.strictEqual(Object.keys(err).includes('domain'), false);
  assert.strictEqual(err.domainThrown, true);
  assert.strictEqual(err.domainEmitter, undefined);
  assert.strictEqual(err.domainBound, undefined);
  // Error handlers run outside their domain.
  assert.notStrictEqual(process.domain, thrower);
  messages.push(err.message);
}, 4));
thrower.run(() => {
  setTimeout(() => { throw new Error('timeout'); }, 1);
  setImmediate(() => { throw new Error('immediate'); });
  process.nextTick(() => { throw new Error('tick'); });
  fs.stat(__filename, () => { throw new Error('fs'); });
});

// Primitives thrown are passed on as they are.
const prim = domain.create();
prim.on('error', common.mustCall((err) => {
  assert.strictEqual(err, 42);
}));
prim.run(() => process.nextTick(() => { throw 42; })); // eslint-disable-line

// An unhandled rejection of a promise made in a domain is its 'error'.
const rejecter = domain.create();
rejecter.on('error', common.mustCall((err) => {
  assert.strictEqual(err.message, 'rejected');
}));
rejecter.run(() => { Promise.reject(new Error('rejected')); });

// A bound callback run by a timer: thrown errors are not domainBound.
const binder = domain.create();
binder.on('error', common.mustCall((err) => {
  assert.strictEqual(err.domainThrown, true);
  assert.strictEqual(err.domainBound, undefined);
}));
setTimeout(binder.bind(() => { throw new Error('bound'); }), 1);

process.on('exit', () => {
  assert.deepStrictEqual(seen.sort(), [
    'fs.readFile', 'fs.stat', 'immediate', 'microtask', 'then', 'tick',
    'timeout', 'vm then',
  ]);
  assert.deepStrictEqual(messages.sort(),
                         ['fs', 'immediate', 'tick', 'timeout']);
  assert.strictEqual(domain._stack.length, 0);
});
