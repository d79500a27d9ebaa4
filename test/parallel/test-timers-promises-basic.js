'use strict';
// timers/promises: setTimeout/setImmediate resolve with their value, abort
// with an AbortError, and setInterval iterates until the loop breaks.
const common = require('../common');
const assert = require('assert');
const timers = require('timers/promises');
const util = require('util');

(async () => {
  assert.strictEqual(await timers.setTimeout(1, 'v'), 'v');
  assert.strictEqual(await timers.setImmediate('i'), 'i');
  assert.strictEqual(util.promisify(setTimeout), timers.setTimeout);
  assert.strictEqual(await util.promisify(setImmediate)('p'), 'p');

  const ac = new AbortController();
  const p = timers.setTimeout(10000, 'never', { signal: ac.signal });
  ac.abort();
  await assert.rejects(p, { name: 'AbortError', code: 'ABORT_ERR' });
  await assert.rejects(timers.setTimeout(1, 1, { signal: ac.signal }),
                       { name: 'AbortError' });
  await assert.rejects(timers.setTimeout(1, 1, { ref: 'no' }),
                       { code: 'ERR_INVALID_ARG_TYPE' });

  let n = 0;
  for await (const v of timers.setInterval(1, 'tick')) {
    assert.strictEqual(v, 'tick');
    if (++n === 3) break;
  }
  assert.strictEqual(n, 3);

  await timers.scheduler.wait(1);
  assert.throws(() => new timers.scheduler.constructor(),
                { code: 'ERR_ILLEGAL_CONSTRUCTOR' });
})().then(common.mustCall());
