'use strict';
// internal/worker/cwd.js - process.cwd() in workers: the directory is
// cached and re-read only after some thread of the process changed it,
// which a counter in shared memory announces.

const {
  Int32Array,
} = primordials;

// As they were at startup (either may be switched off by V8 flags;
// process.cwd() reads Atomics by name).
const { Atomics, SharedArrayBuffer } = globalThis;

let changes = null;

/* The shared change counter of this process (made on first use, then
 * handed to every worker); null when shared memory or Atomics are
 * switched off (workers then read the directory every time). */
function counter() {
  if (typeof SharedArrayBuffer !== 'function' || Atomics === undefined) {
    return null;
  }
  changes ??= new Int32Array(new SharedArrayBuffer(4));
  return changes;
}

/* Called after process.chdir(): workers re-read the directory. */
function announceChange() {
  if (changes !== null) Atomics.add(changes, 0, 1);
}

/* In a worker: adopts the parent's counter and caches process.cwd(). */
function setupWorkerCwd(shared) {
  if (shared === null || Atomics === undefined) return;
  changes = shared;
  const rawCwd = process.cwd;
  let cached = null;
  let seen = -1;
  process.cwd = function cwd() {
    const now = Atomics.load(changes, 0);
    if (cached === null || now !== seen) {
      seen = now;
      cached = rawCwd();
    }
    return cached;
  };
}

module.exports = { counter, announceChange, setupWorkerCwd };
