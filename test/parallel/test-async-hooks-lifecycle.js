'use strict';
// async_hooks: init/before/after/destroy/promiseResolve for the core
// resources (Timeout, Immediate, TickObject, Microtask, PROMISE), in Node
// 18's order, with execution and trigger ids seen inside each callback.
const common = require('../common');
const assert = require('assert');
const ah = require('async_hooks');

const events = [];
const promiseIds = new Set();
let base = null;
/* Ids relative to the first resource, so the test does not depend on how
 * many resources the runtime created before. */
const rel = (id) => (id >= base ? `+${id - base}` : String(id));

ah.createHook({
  init(id, type, triggerId, resource) {
    if (base === null) base = id;
    if (type === 'PROMISE') promiseIds.add(id);
    events.push(`init ${rel(id)} ${type} ${rel(triggerId)} ` +
                `${rel(ah.executionAsyncId())} ${resource.constructor.name}`);
  },
  before(id) {
    events.push(`before ${rel(id)} ${rel(ah.executionAsyncId())} ` +
                `${rel(ah.triggerAsyncId())}`);
  },
  after(id) { events.push(`after ${rel(id)}`); },
  /* Promises are destroyed when collected: whenever GC runs. */
  destroy(id) { if (!promiseIds.has(id)) events.push(`destroy ${rel(id)}`); },
  promiseResolve(id) { events.push(`resolve ${rel(id)}`); },
}).enable();

assert.strictEqual(ah.executionAsyncId(), 1);
assert.strictEqual(ah.triggerAsyncId(), 0);

const mark = (name) => events.push(
  `${name} ${rel(ah.executionAsyncId())} ${rel(ah.triggerAsyncId())}`);

setTimeout(common.mustCall(() => mark('timeout')), 1);
setImmediate(common.mustCall(() => mark('immediate')));
process.nextTick(common.mustCall(() => mark('tick')));
queueMicrotask(common.mustCall(() => mark('micro')));
Promise.resolve(1).then(common.mustCall(() => mark('then')));
// The 1 ms timeout is due before the loop starts, so it fires before the
// immediate (otherwise their order depends on how fast startup was).
const spinUntil = Date.now() + 3;
while (Date.now() < spinUntil);
events.push('end');

/* What node 18.20.4 prints for the same program. */
const expected = [
  'init +0 Timeout 1 1 Timeout',
  'init +1 Immediate 1 1 Immediate',
  'init +2 TickObject 1 1 Object',
  'init +3 Microtask 1 1 AsyncResource',
  'init +4 PROMISE 1 1 Promise',
  'resolve +4',
  'init +5 PROMISE +4 1 Promise',
  'end',
  'before +2 +2 1', 'tick +2 1', 'after +2',
  'before +3 +3 1', 'micro +3 1', 'after +3',
  'before +5 +5 +4', 'then +5 +4', 'resolve +5', 'after +5',
  'before +0 +0 1', 'timeout +0 1', 'after +0',
  'destroy +2', 'destroy +3', 'destroy +0',
  'before +1 +1 1', 'immediate +1 1', 'after +1',
  'destroy +1',
];

process.on('exit', () => {
  assert.deepStrictEqual(events, expected);
});
