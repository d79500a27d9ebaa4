// A timer's _idleStart is the loop clock measured from process start (as
// Node's timer base), not from machine boot: it stays a small integer, and
// timers still fire after their delay.
'use strict';
const common = require('../common');
const assert = require('assert');

const before = process.uptime() * 1000;
// Taken before the timer starts, so a pause in between cannot make the
// measured delay look shorter than it was.
const started = process.hrtime.bigint();
const t = setTimeout(common.mustCall(() => {
  const elapsed = Number(process.hrtime.bigint() - started) / 1e6;
  // The loop clock has millisecond granularity: allow one tick of rounding.
  assert.ok(elapsed >= 20 - 1, `fired after ${elapsed} ms`);
}), 20);
const after = process.uptime() * 1000;

assert.ok(Number.isInteger(t._idleStart), `_idleStart ${t._idleStart}`);
// Measured from when the timers were set up, which is after the process
// started: never more than the uptime (a boot-based clock is far larger
// on any machine up for more than a moment).
assert.ok(t._idleStart >= 0, `_idleStart ${t._idleStart}`);
assert.ok(t._idleStart <= after + 1,
          `_idleStart ${t._idleStart} > uptime ${after} ms (before ${before})`);

// Intervals and refreshed timers take their start from the same clock.
const i = setInterval(common.mustCall(() => {
  assert.ok(i._idleStart <= process.uptime() * 1000 + 1);
  clearInterval(i);
}), 5);
