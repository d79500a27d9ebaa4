'use strict';
// async_hooks after an uncaught exception: the handler runs inside the
// throwing resource, its 'after' hook fires once the exception is handled,
// and the callbacks that follow run with a clean execution stack.
const common = require('../common');
const assert = require('assert');
const ah = require('async_hooks');

const labels = new Map();
const log = [];
let pending = null;
ah.createHook({
  init(id, type) {
    if (pending !== null && type === pending.type) {
      labels.set(id, pending.label);
      pending = null;
    }
  },
  before(id) { if (labels.has(id)) log.push(`before ${labels.get(id)}`); },
  after(id) { if (labels.has(id)) log.push(`after ${labels.get(id)}`); },
}).enable();

function label(type, name) { pending = { type, label: name }; }
function idOf(name) {
  for (const [id, l] of labels) if (l === name) return id;
}

process.on('uncaughtException', common.mustCall((err) => {
  const current = labels.get(ah.executionAsyncId());
  log.push(`handler ${err.message} in ${current}`);
}, 3));

label('Timeout', 'T1');
setTimeout(() => { throw new Error('timer'); }, 1);

label('Timeout', 'T2');
setTimeout(common.mustCall(() => {
  assert.strictEqual(ah.executionAsyncId(), idOf('T2'));
  assert.strictEqual(ah.triggerAsyncId(), 1);
  label('TickObject', 'N1');
  process.nextTick(() => { throw new Error('tick'); });
  label('TickObject', 'N2');
  process.nextTick(common.mustCall(() => {
    assert.strictEqual(ah.executionAsyncId(), idOf('N2'));
    assert.strictEqual(ah.triggerAsyncId(), idOf('T2'));
    label('Immediate', 'I1');
    setImmediate(() => {
      label('Immediate', 'I2');
      setImmediate(common.mustCall(() => {
        assert.strictEqual(ah.executionAsyncId(), idOf('I2'));
        assert.strictEqual(ah.triggerAsyncId(), idOf('I1'));
      }));
      throw new Error('immediate');
    });
  }));
}), 30);

process.on('exit', () => {
  assert.deepStrictEqual(log, [
    'before T1', 'handler timer in T1', 'after T1',
    'before T2', 'after T2',
    'before N1', 'handler tick in N1', 'after N1',
    'before N2', 'after N2',
    'before I1', 'handler immediate in I1', 'after I1',
    'before I2', 'after I2',
  ]);
});
