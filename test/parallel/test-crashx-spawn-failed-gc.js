// Flags: --expose-gc
'use strict';
// A child that fails to spawn (ENOENT) leaves a libuv process handle that
// must be closed before its memory goes: once the ChildProcess objects of
// failed spawns are garbage collected, later handles (the pipes and
// processes of children that do start) keep working, and the runtime does
// not crash (a freed handle left in the loop's queue used to corrupt
// memory: segfaults, assertion failures inside libuv's write path).
const common = require('../common');
const assert = require('assert');
const cp = require('child_process');

const ROUNDS = 6;
const FAILED_PER_ROUND = 20;
const STARTED_PER_ROUND = 4;
let round = 0;

function spawnMissing() {
  let pending = FAILED_PER_ROUND;
  return new Promise((resolve) => {
    for (let i = 0; i < FAILED_PER_ROUND; i++) {
      const child = cp.spawn(`./nosuchdir/crashx-nosuchfile-${i}`);
      child.on('error', common.mustCall((err) => {
        assert.strictEqual(err.code, 'ENOENT');
        assert.strictEqual(err.syscall,
                           `spawn ./nosuchdir/crashx-nosuchfile-${i}`);
        if (--pending === 0) resolve();
      }));
    }
  });
}

function runEchoes() {
  const runs = [];
  for (let i = 0; i < STARTED_PER_ROUND; i++) {
    runs.push(new Promise((resolve) => {
      cp.exec(`echo crashx-${i}`, common.mustCall((err, stdout) => {
        assert.ifError(err);
        assert.strictEqual(stdout, `crashx-${i}\n`);
        resolve();
      }));
    }));
  }
  return Promise.all(runs);
}

async function main() {
  while (round++ < ROUNDS) {
    await spawnMissing();
    // Let the failed ChildProcess objects become garbage and collect them.
    await new Promise((resolve) => setImmediate(resolve));
    global.gc();
    await runEchoes();
  }
}

main().then(common.mustCall());
