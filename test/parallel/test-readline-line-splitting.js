'use strict';
// readline.Interface without a terminal: splitting input into lines
// (\n, \r\n, lone \r, chunk boundaries, crlfDelay), questions, prompts,
// end of input and the async iterator.

const common = require('../common');
const assert = require('assert');
const readline = require('readline');
const EventEmitter = require('events');
const { PassThrough } = require('stream');

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

function linesOf(chunks, options = {}) {
  const input = new FakeInput();
  const rl = readline.createInterface({ input, crlfDelay: Infinity,
                                        ...options });
  const lines = [];
  rl.on('line', (line) => lines.push(line));
  for (const chunk of chunks) input.emit('data', chunk);
  input.emit('end');
  assert.strictEqual(rl.closed, true);
  return lines;
}

assert.deepStrictEqual(linesOf(['a\nb\r\nc\rd']), ['a', 'b', 'c', 'd']);
assert.deepStrictEqual(linesOf(['a\r', '\nb\r', '\r\n']), ['a', 'b', '']);
assert.deepStrictEqual(linesOf(['\n\n']), ['', '']);
assert.deepStrictEqual(linesOf(['par', 'tial', '']), ['partial']);
assert.deepStrictEqual(linesOf(['x\r\n', '\n']), ['x', '']);
// A UTF-8 character split across chunks.
assert.deepStrictEqual(
  linesOf([Buffer.from([0xe2, 0x98]), Buffer.from([0x83, 0x0a])]), ['☃']);

// Past crlfDelay, a \n after a chunk-final \r is a line of its own.
{
  const input = new FakeInput();
  const rl = readline.createInterface({ input, crlfDelay: 100 });
  const lines = [];
  rl.on('line', (line) => lines.push(line));
  input.emit('data', 'one\r');
  input.emit('data', '\ntwo\r');
  assert.deepStrictEqual(lines, ['one', 'two']);
  assert.strictEqual(rl.crlfDelay, 100);
  setTimeout(common.mustCall(() => {
    input.emit('data', '\n');
    assert.deepStrictEqual(lines, ['one', 'two', '']);
    rl.close();
  }), 400);
}

// crlfDelay is at least 100.
assert.strictEqual(
  readline.createInterface({ input: new FakeInput(), crlfDelay: 5 })
    .crlfDelay, 100);

// Prompts, questions and the line the end of input completes.
{
  const input = new FakeInput();
  const rl = readline.createInterface({ input, output: input,
                                        terminal: false, prompt: 'P$ ' });
  const seen = [];
  rl.on('line', (line) => seen.push('line:' + line));
  rl.prompt();
  rl.question('Q1 ', (answer) => seen.push('a1:' + answer));
  rl.question('Q2 ', common.mustNotCall());
  input.emit('data', 'one\ntwo\n');
  rl.question('Q3 ', (answer) => seen.push('a3:' + answer));
  rl.write('three\r\nfour\r');
  input.emit('data', 'five');
  input.emit('end');
  assert.deepStrictEqual(input.written, ['P$ ', 'Q1 ', 'Q1 ', 'Q3 ']);
  assert.deepStrictEqual(seen, ['a1:one', 'line:two', 'a3:three',
                                'line:four', 'line:five']);
  assert.strictEqual(rl.getPrompt(), 'P$ ');
  assert.throws(() => rl.question('late', () => {}), {
    name: 'Error',
    code: 'ERR_USE_AFTER_CLOSE',
    message: 'readline was closed',
  });
}

// History is only kept in terminal mode.
{
  const input = new FakeInput();
  const rl = readline.createInterface({ input, terminal: false });
  input.emit('data', 'x\n');
  assert.deepStrictEqual(rl.history, []);
  assert.strictEqual(rl.terminal, false);
  assert.strictEqual(rl.cursor, undefined);
}

// Async iteration over a stream's lines.
(async () => {
  const input = new PassThrough();
  const rl = readline.createInterface({ input, crlfDelay: Infinity });
  // Lines emitted before the iterator exists would be lost: write later.
  setImmediate(() => input.end('first\r\nsecond\nthird'));
  const lines = [];
  for await (const line of rl) lines.push(line);
  assert.deepStrictEqual(lines, ['first', 'second', 'third']);
  assert.strictEqual(rl.closed, true);
})().then(common.mustCall());
