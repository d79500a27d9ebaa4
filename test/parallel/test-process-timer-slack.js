// nodus sleeps with 1 us of timer slack instead of the kernel's default
// 50 us, so that timers fire when due; a slack the parent chose is kept.
// (nodus-specific: node 18 leaves the default, so this fails there.)
'use strict';
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const { spawnSync } = require('child_process');

const file = '/proc/self/timerslack_ns';
if (!fs.existsSync(file)) common.skip(`no ${file}`);

assert.strictEqual(Number(fs.readFileSync(file, 'utf8')), 1000);

// Started with a slack of 20 us set by its parent (prctl PR_SET_TIMERSLACK
// = 29, then exec), nodus keeps it.
const python = spawnSync('python3', ['-c', 'pass']);
if (python.error || python.status !== 0) {
  common.printSkipMessage('python3 is needed to set a parent slack');
  return;
}
const script = [
  'import ctypes, os, sys',
  'ctypes.CDLL(None).prctl(29, 20000, 0, 0, 0)',
  'os.execv(sys.argv[1], sys.argv[1:])',
].join('\n');
const child = spawnSync('python3', [
  '-c', script, process.execPath, '-e',
  `process.stdout.write(require('fs').readFileSync('${file}', 'utf8'))`,
], { encoding: 'utf8' });
assert.strictEqual(child.status, 0, child.stderr);
assert.strictEqual(Number(child.stdout), 20000);
