'use strict';
// After an exception handled by 'uncaughtException', queued nextTicks,
// later timers and immediates still run.
const common = require('../common');
const assert = require('assert');

const seen = [];
process.on('uncaughtException', common.mustCall((err) => {
  seen.push(`caught ${err.message}`);
}, 3));

process.nextTick(() => { throw new Error('tick'); });
process.nextTick(common.mustCall(() => seen.push('next tick after throw')));
setTimeout(() => { throw new Error('timer'); }, 1);
setTimeout(common.mustCall(() => seen.push('timer after throw')), 1);
setImmediate(() => { throw new Error('immediate'); });
setImmediate(common.mustCall(() => seen.push('immediate after throw')));

process.on('exit', () => {
  assert.deepStrictEqual(seen.filter((s) => s.startsWith('caught')).sort(),
                         ['caught immediate', 'caught tick', 'caught timer']);
  assert.ok(seen.includes('next tick after throw'));
  assert.ok(seen.includes('timer after throw'));
  assert.ok(seen.includes('immediate after throw'));
});
