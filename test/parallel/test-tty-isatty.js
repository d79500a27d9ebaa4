'use strict';
// tty.isatty(): false for anything that is not an open terminal fd.
require('../common');
const assert = require('assert');
const tty = require('tty');
const { spawnSync } = require('child_process');

for (const fd of [-1, 1.5, '1', null, undefined, NaN, 2 ** 31, 2 ** 40, {}]) {
  assert.strictEqual(tty.isatty(fd), false);
}
// A pipe and /dev/null are not terminals.
assert.strictEqual(spawnSync(process.execPath, [
  '-e', 'process.exit(require("tty").isatty(1) ? 1 : 0)',
], { stdio: ['ignore', 'pipe', 'inherit'] }).status, 0);
assert.strictEqual(spawnSync(process.execPath, [
  '-e', 'process.exit(require("tty").isatty(0) ? 1 : 0)',
], { stdio: 'ignore' }).status, 0);
// A closed fd is not one either.
assert.strictEqual(tty.isatty(1234), false);
assert.deepStrictEqual(Object.keys(tty), ['isatty', 'ReadStream',
                                          'WriteStream']);
// A real terminal, when `script` can provide one.
const script = spawnSync('script', ['-qec',
  `${process.execPath} -p "require('tty').isatty(1)"`, '/dev/null']);
if (!script.error && script.status === 0) {
  assert.match(script.stdout.toString(), /true/);
}
