'use strict';
// tty: isatty(), ReadStream/WriteStream construction errors, colour depth
// from the environment, and (under a pseudo-terminal made by script(1))
// raw mode, window size and process.stdin as a tty.ReadStream.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const tty = require('tty');
const { spawnSync } = require('child_process');

if (process.argv[2] === 'child') {
  const ws = new tty.WriteStream(1);
  const result = {
    stdinClass: process.stdin.constructor.name,
    stdinIsTTY: process.stdin.isTTY,
    isatty0: tty.isatty(0),
    columns: typeof ws.columns,
    size: ws.getWindowSize().length,
    colorDepth: ws.getColorDepth({ TERM: 'xterm-256color' }),
  };
  process.stdin.setRawMode(true);
  result.raw = process.stdin.isRaw;
  process.stdin.setRawMode(false);
  result.rawAfter = process.stdin.isRaw;
  ws.write(`RESULT${JSON.stringify(result)}\n`);
  return;
}

assert.strictEqual(tty.isatty(-1), false);
assert.strictEqual(tty.isatty(1.5), false);
assert.strictEqual(tty.isatty('0'), false);

assert.throws(() => new tty.ReadStream(-1), {
  code: 'ERR_INVALID_FD',
  name: 'RangeError',
  message: '"fd" must be a positive integer: -1',
});
{
  const fd = fs.openSync(__filename, 'r');
  assert.strictEqual(tty.isatty(fd), false);
  assert.throws(() => new tty.WriteStream(fd), {
    code: 'ERR_TTY_INIT_FAILED',
    name: 'SystemError',
    message: 'TTY initialization failed: uv_tty_init returned EINVAL ' +
             '(invalid argument)',
  });
  fs.closeSync(fd);
}

const { getColorDepth, hasColors } = tty.WriteStream.prototype;
assert.strictEqual(getColorDepth({}), 1);
assert.strictEqual(getColorDepth({ TERM: 'xterm' }), 4);
assert.strictEqual(getColorDepth({ TERM: 'xterm-256color' }), 8);
assert.strictEqual(getColorDepth({ COLORTERM: 'truecolor' }), 24);
assert.strictEqual(getColorDepth({ TERM: 'dumb' }), 1);
assert.strictEqual(getColorDepth({ TERM: 'xterm', NO_COLOR: '1' }), 1);
assert.strictEqual(getColorDepth({ FORCE_COLOR: '3' }), 24);
assert.strictEqual(getColorDepth({ CI: '1', TRAVIS: '1' }), 8);
assert.strictEqual(hasColors(256, { TERM: 'xterm-256color' }), true);
assert.strictEqual(hasColors({ TERM: 'xterm' }), true);
assert.strictEqual(hasColors(17, { TERM: 'xterm' }), false);
assert.throws(() => hasColors('x'), { code: 'ERR_INVALID_ARG_TYPE' });

// Under a terminal.
const script = spawnSync('script', ['--version']);
if (script.status !== 0) {
  common.skip('script(1) is needed for a pseudo-terminal');
  return;
}
const r = spawnSync('script', [
  '-qec', `"${process.execPath}" "${__filename}" child`, '/dev/null',
], { encoding: 'utf8', input: '' });
assert.strictEqual(r.status, 0, r.stdout + r.stderr);
const line = r.stdout.split(/\r?\n/).find((l) => l.startsWith('RESULT'));
assert.deepStrictEqual(JSON.parse(line.slice(6)), {
  stdinClass: 'ReadStream',
  stdinIsTTY: true,
  isatty0: true,
  columns: 'number',
  size: 2,
  colorDepth: 8,
  raw: true,
  rawAfter: false,
});
