'use strict';
// readline.Interface construction and lifecycle: option validation,
// pause/resume/close events, raw mode, SIGINT, signals, the legacy
// underscore API and util.promisify(question).

const common = require('../common');
const assert = require('assert');
const readline = require('readline');
const util = require('util');
const EventEmitter = require('events');

class FakeTTY extends EventEmitter {
  constructor() {
    super();
    this.written = [];
  }
  resume() { this.written.push('<resume>'); }
  pause() { this.written.push('<pause>'); }
  write(data) { this.written.push(data); }
  end() {}
}

function create(options) {
  return readline.createInterface({ input: new FakeTTY(), ...options });
}

// Option validation, with Node's messages.
assert.throws(() => create({ historySize: -1 }), {
  name: 'RangeError',
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'historySize' is invalid. Received -1",
});
assert.throws(() => create({ completer: 5 }), {
  name: 'TypeError',
  message: "The argument 'completer' is invalid. Received 5",
});
assert.throws(() => create({ history: 5 }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "history" argument must be an instance of Array. ' +
           'Received type number (5)',
});
assert.throws(() => create({ escapeCodeTimeout: 'x' }), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The property 'input.escapeCodeTimeout' is invalid. Received 500",
});
assert.throws(() => create({ tabSize: 0 }), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "tabSize" is out of range. ' +
           'It must be >= 1 && <= 4294967295. Received 0',
});
assert.throws(() => create({ signal: 5 }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.signal" property must be an instance of ' +
           'AbortSignal. Received type number (5)',
});
assert.strictEqual(create({ escapeCodeTimeout: 25 }).escapeCodeTimeout, 25);
assert.strictEqual(create({ tabSize: 3 }).tabSize, 3);
assert.strictEqual(create({}).historySize, 30);

// `terminal` follows output.isTTY unless given.
{
  const output = new FakeTTY();
  output.isTTY = true;
  assert.strictEqual(create({ output }).terminal, true);
  assert.strictEqual(create({ output, terminal: false }).terminal, false);
  assert.strictEqual(create({}).terminal, false);
}

// Callable without new; positional arguments; prototype chain.
{
  const input = new FakeTTY();
  const rl = readline.Interface(input, null, undefined, false);
  assert.ok(rl instanceof readline.Interface);
  assert.ok(rl instanceof EventEmitter);
  assert.strictEqual(rl.input, input);
  assert.strictEqual(rl.output, null);
  assert.strictEqual(typeof rl._ttyWrite, 'function');
  assert.strictEqual(typeof rl._refreshLine, 'function');
  assert.strictEqual(rl._prompt, '> ');
  assert.strictEqual(Object.getPrototypeOf(readline.Interface).name,
                     'Interface');
}

// pause/resume/close events and the stream calls behind them.
{
  const tty = new FakeTTY();
  let raw = [];
  tty.setRawMode = (mode) => raw.push(mode);
  const rl = readline.createInterface({ input: tty, output: tty,
                                        terminal: true });
  assert.deepStrictEqual(raw, [true]);
  const events = [];
  for (const name of ['pause', 'resume', 'close', 'line', 'history'])
    rl.on(name, (...args) => events.push(name + JSON.stringify(args)));
  assert.strictEqual(rl.pause(), rl);
  assert.strictEqual(rl.pause(), undefined);
  assert.strictEqual(rl.paused, true);
  assert.strictEqual(rl.resume(), rl);
  rl.write('hi\n');
  rl.on('SIGINT', common.mustCall(() => events.push('SIGINT')));
  tty.emit('keypress', '\x03', { name: 'c', ctrl: true });
  rl.removeAllListeners('SIGINT');
  raw = [];
  tty.emit('keypress', '\x04', { name: 'd', ctrl: true });
  assert.deepStrictEqual(raw, [false]);
  assert.strictEqual(rl.closed, true);
  assert.deepStrictEqual(tty.written, [
    '<resume>', '<pause>', '<resume>', 'hi', '\r\n', '', '<pause>',
  ]);
  assert.deepStrictEqual(events, [
    'pause[]', 'resume[]', 'history[["hi"]]', 'line["hi"]', 'SIGINT',
    'pause[]', 'close[]',
  ]);
  rl.close(); // A second close does nothing.
  assert.strictEqual(tty.listenerCount('keypress'), 0);
}

// An AbortSignal closes the interface.
{
  const ac = new AbortController();
  const rl = create({ signal: ac.signal });
  rl.on('close', common.mustCall());
  ac.abort();
  assert.strictEqual(rl.closed, true);
  const early = create({ signal: AbortSignal.abort() });
  assert.strictEqual(early.closed, undefined);
  early.on('close', common.mustCall());
}

// Overriding an underscore method takes effect (password masking idiom).
{
  const tty = new FakeTTY();
  const rl = readline.createInterface({ input: tty, output: tty,
                                        terminal: true });
  rl._writeToOutput = (s) => tty.written.push('*' + s);
  tty.written = [];
  tty.emit('data', 'ab');
  assert.deepStrictEqual(tty.written, ['*a', '*b']);
  rl.close();
}

// util.promisify(question) resolves with the answer.
{
  const tty = new FakeTTY();
  const rl = readline.createInterface({ input: tty, output: tty });
  const question = util.promisify(rl.question).bind(rl);
  question('q? ').then(common.mustCall((answer) => {
    assert.strictEqual(answer, 'yes');
  }));
  tty.emit('data', 'yes\n');
  const ac = new AbortController();
  question('again? ', { signal: ac.signal })
    .then(common.mustNotCall(), common.mustCall((err) => {
      assert.strictEqual(err.name, 'AbortError');
    }));
  ac.abort();
  rl.close();
}
