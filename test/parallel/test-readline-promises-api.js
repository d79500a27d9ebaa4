'use strict';
// readline/promises: Interface.question (with AbortSignal) and the
// Readline class (queueing, commit, rollback, autoCommit, validation).

const common = require('../common');
const assert = require('assert');
const readline = require('readline');
const readlinePromises = require('readline/promises');
const { Writable } = require('stream');
const EventEmitter = require('events');

class FakeInput extends EventEmitter {
  constructor() {
    super();
    this.written = [];
  }
  resume() {}
  pause() {}
  write(data) { this.written.push(data); }
  end() {}
}

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

assert.strictEqual(readline.promises, readlinePromises);
assert.deepStrictEqual(Object.keys(readlinePromises),
                       ['Interface', 'Readline', 'createInterface']);
assert.ok(readlinePromises.createInterface({ input: new FakeInput() })
  instanceof readlinePromises.Interface);

(async () => {
  const input = new FakeInput();
  const rl = new readlinePromises.Interface({ input, output: input });
  const answer = rl.question('name? ');
  input.emit('data', 'bob\n');
  assert.strictEqual(await answer, 'bob');
  assert.deepStrictEqual(input.written, ['name? ']);
  assert.strictEqual(rl.getPrompt(), '> ');

  // Aborting rejects with the signal's reason as cause and gives the
  // next line back to 'line'.
  const ac = new AbortController();
  const pending = rl.question('x? ', { signal: ac.signal });
  ac.abort('why');
  await assert.rejects(pending, {
    name: 'AbortError',
    code: 'ABORT_ERR',
    message: 'The operation was aborted',
    cause: 'why',
  });
  rl.once('line', common.mustCall((line) => assert.strictEqual(line, 'z')));
  input.emit('data', 'z\n');

  await assert.rejects(rl.question('y', { signal: AbortSignal.abort() }),
                       { name: 'AbortError' });
  await assert.rejects(rl.question('y', { signal: {} }), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "options.signal" property must be an instance of ' +
             'AbortSignal. Received an instance of Object',
  });
  rl.close();
  await assert.rejects(rl.question('late'), {
    code: 'ERR_USE_AFTER_CLOSE',
    message: 'readline was closed',
  });

  // Readline: actions queue up until commit().
  const sink = new Sink();
  const tty = new readlinePromises.Readline(sink);
  assert.strictEqual(
    tty.cursorTo(1, 2).moveCursor(-1, 3).clearLine(1).clearScreenDown(),
    tty);
  assert.strictEqual(sink.data, '');
  await tty.commit();
  assert.strictEqual(sink.data, '\x1b[3;2H\x1b[1D\x1b[3B\x1b[0K\x1b[0J');
  sink.data = '';
  await tty.cursorTo(0).clearLine(-1).clearLine(0).rollback().commit();
  assert.strictEqual(sink.data, '');

  // autoCommit writes on the next tick.
  const auto = new readlinePromises.Readline(sink, { autoCommit: true });
  auto.cursorTo(4);
  assert.strictEqual(sink.data, '');
  await new Promise(setImmediate);
  assert.strictEqual(sink.data, '\x1b[5G');
})().then(common.mustCall());

assert.throws(() => new readlinePromises.Readline({}), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "stream" argument must be an instance of Writable. ' +
           'Received an instance of Object',
});
{
  const tty = new readlinePromises.Readline(new Sink());
  assert.throws(() => tty.clearLine(2), {
    name: 'RangeError',
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "dir" is out of range. It must be >= -1 && <= 1. ' +
             'Received 2',
  });
  assert.throws(() => tty.cursorTo(1.5), {
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "x" is out of range. It must be an integer. ' +
             'Received 1.5',
  });
  assert.throws(() => tty.moveCursor('a', 1), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "dx" argument must be of type number. ' +
             "Received type string ('a')",
  });
  assert.throws(() => new readlinePromises.Readline(new Sink(),
                                                    { autoCommit: 1 }), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "options.autoCommit" property must be of type boolean. ' +
             'Received type number (1)',
  });
}
