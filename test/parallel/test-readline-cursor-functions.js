'use strict';
// readline.cursorTo/moveCursor/clearLine/clearScreenDown: bytes written,
// return values, callbacks and argument validation.

const common = require('../common');
const assert = require('assert');
const readline = require('readline');
const { Writable } = require('stream');

class Sink extends Writable {
  constructor() {
    super();
    this.data = '';
  }
  _write(chunk, encoding, callback) {
    this.data += chunk;
    callback();
  }
}

function written(fn) {
  const sink = new Sink();
  assert.strictEqual(fn(sink), true);
  return sink.data;
}

assert.strictEqual(written((s) => readline.cursorTo(s, 0)), '\x1b[1G');
assert.strictEqual(written((s) => readline.cursorTo(s, 4, 0)), '\x1b[1;5H');
assert.strictEqual(written((s) => readline.cursorTo(s, 4, 'x')), '\x1b[5G');
assert.strictEqual(written((s) => readline.cursorTo(s, 'x')), '');
assert.strictEqual(written((s) => readline.moveCursor(s, 3, -2)),
                   '\x1b[3C\x1b[2A');
assert.strictEqual(written((s) => readline.moveCursor(s, -3, 2)),
                   '\x1b[3D\x1b[2B');
assert.strictEqual(written((s) => readline.moveCursor(s, 0, 0)), '');
assert.strictEqual(written((s) => readline.clearLine(s, -5)), '\x1b[1K');
assert.strictEqual(written((s) => readline.clearLine(s, 5)), '\x1b[0K');
assert.strictEqual(written((s) => readline.clearLine(s)), '\x1b[2K');
assert.strictEqual(written((s) => readline.clearScreenDown(s)), '\x1b[0J');

// The callback goes to stream.write(), or to nextTick when nothing is
// written.
{
  const sink = new Sink();
  readline.cursorTo(sink, 2, common.mustCall((err) => {
    assert.strictEqual(err, undefined);
  }));
  assert.strictEqual(sink.data, '\x1b[3G');
  let sync = true;
  readline.moveCursor(sink, 0, 0, common.mustCall((err) => {
    assert.strictEqual(err, null);
    assert.strictEqual(sync, false);
  }));
  readline.clearLine(null, 0, common.mustCall((err) => {
    assert.strictEqual(err, null);
  }));
  readline.clearScreenDown(undefined, common.mustCall());
  sync = false;
}

// A full stream makes write() return false, and so these functions.
{
  const slow = new Writable({ highWaterMark: 1, write() {} });
  assert.strictEqual(readline.cursorTo(slow, 1), false);
}

assert.throws(() => readline.cursorTo(new Sink(), 'a', 1), {
  name: 'TypeError',
  code: 'ERR_INVALID_CURSOR_POS',
  message: 'Cannot set cursor row without setting its column',
});
assert.throws(() => readline.cursorTo(new Sink(), NaN), {
  name: 'TypeError',
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'x' is invalid. Received NaN",
});
assert.throws(() => readline.cursorTo(new Sink(), 1, NaN), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'y' is invalid. Received NaN",
});
for (const fn of [readline.cursorTo, readline.moveCursor]) {
  assert.throws(() => fn(new Sink(), 1, 1, 5), {
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "callback" argument must be of type function. ' +
             'Received type number (5)',
  });
}
assert.throws(() => readline.clearLine(new Sink(), 0, 'x'),
              { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => readline.clearScreenDown(new Sink(), null),
              { code: 'ERR_INVALID_ARG_TYPE' });
