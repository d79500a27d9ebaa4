'use strict';
// Tab completion of readline.Interface and readline/promises' Interface:
// common-prefix insertion, rewriting, the column listing on a second tab,
// pasted tabs and completer errors.

const common = require('../common');
const assert = require('assert');
const readline = require('readline');
const readlinePromises = require('readline/promises');
const EventEmitter = require('events');

class FakeTTY extends EventEmitter {
  constructor(columns) {
    super();
    this.written = [];
    if (columns) this.columns = columns;
  }
  resume() {}
  pause() {}
  write(data) { this.written.push(data); }
  end() {}
}

const words = ['alpha', 'alpine', 'beta', 'gamma', '', 'delta'];
function complete(line) {
  const hits = words.filter((w) => w && w.startsWith(line));
  return [hits.length ? hits : words, line];
}

// Each step: [typed, written, line, cursor].
const steps = [
  ['al', ['a', 'l'], 'al', 2],
  ['\t', ['p'], 'alp', 3],
  ['\t', ['\r\nalpha   alpine\r\n\r\n', '\x1b[1G', '\x1b[0J', '> alp',
          '\x1b[6G'], 'alp', 3],
  ['x', ['x'], 'alpx', 4],
  ['\t', [], 'alpx', 4],
  // Column width is the widest entry + 2; '' starts a new group.
  ['\t', ['\r\nalpha   alpine  beta\r\ngamma\r\n\r\ndelta\r\n\r\n',
          '\x1b[1G', '\x1b[0J', '> alpx', '\x1b[7G'], 'alpx', 4],
];

{
  const tty = new FakeTTY(30);
  const rl = readline.createInterface({ input: tty, output: tty,
                                        terminal: true, completer: complete });
  for (const [typed, written, line, cursor] of steps) {
    tty.written = [];
    tty.emit('data', typed);
    assert.deepStrictEqual(tty.written, written, JSON.stringify(typed));
    assert.strictEqual(rl.line, line);
    assert.strictEqual(rl.cursor, cursor);
  }
  rl.close();
}

// The same with the promises Interface and an async completer; results
// arrive a microtask later.
(async () => {
  const tty = new FakeTTY(30);
  const rl = new readlinePromises.Interface({
    input: tty, output: tty, terminal: true,
    completer: async (line) => complete(line),
  });
  for (const [typed, written, line] of steps) {
    tty.written = [];
    tty.emit('data', typed);
    await null;
    assert.deepStrictEqual(tty.written, written, JSON.stringify(typed));
    assert.strictEqual(rl.line, line);
  }
  rl.close();
})().then(common.mustCall());

// A node-style completer may rewrite what was typed; tabs that are not the
// last character of a chunk are inserted as text.
{
  const tty = new FakeTTY();
  const rl = readline.createInterface({
    input: tty, output: tty, terminal: true,
    completer: (line, cb) => cb(null, [['Hello'], line]),
  });
  tty.emit('data', 'hel');
  tty.written = [];
  tty.emit('data', '\t');
  assert.deepStrictEqual(tty.written,
                         ['\x1b[1G', '\x1b[0J', '> Hello', '\x1b[8G']);
  assert.strictEqual(rl.line, 'Hello');
  tty.written = [];
  tty.emit('data', 'ab\tcd\t');
  assert.deepStrictEqual(tty.written, ['a', 'b', '\t', 'c', 'd']);
  assert.strictEqual(rl.line, 'Helloab\tcd');
  rl.close();
}

// Without a completer a tab is an ordinary character.
{
  const tty = new FakeTTY();
  const rl = readline.createInterface({ input: tty, output: tty,
                                        terminal: true });
  tty.emit('data', '\t');
  assert.strictEqual(rl.line, '\t');
  rl.close();
}

// Completer errors are written to the output.
{
  const tty = new FakeTTY();
  const rl = readline.createInterface({
    input: tty, output: tty, terminal: true,
    completer: (line, cb) => cb(new Error('nope')),
  });
  tty.emit('data', '\t');
  assert.match(tty.written[0], /^Tab completion error: Error: nope\n/);
  rl.close();
}
{
  const tty = new FakeTTY();
  const rl = new readlinePromises.Interface({
    input: tty, output: tty, terminal: true,
    completer: () => Promise.reject(new Error('async nope')),
  });
  tty.emit('data', '\t');
  assert.strictEqual(tty.written.length, 0);
  setImmediate(common.mustCall(() => {
    assert.match(tty.written[0], /^Tab completion error: Error: async nope/);
    rl.close();
  }));
}
