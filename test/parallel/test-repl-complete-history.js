'use strict';
// REPL TAB completion (globals, let/const names, properties, commands,
// require() names), editor mode and persistent history (setupHistory).

const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const repl = require('repl');
const { PassThrough } = require('stream');
const os = require('os');

function start(options) {
  const input = new PassThrough();
  const output = new PassThrough();
  output.setEncoding('utf8');
  let text = '';
  output.on('data', (d) => { text += d; });
  const server = repl.start({ input, output, prompt: '> ', terminal: false,
                              useColors: false, ...options });
  return { server, input, text: () => text };
}

function completions(server, line) {
  let result;
  server.complete(line, (err, data) => {
    assert.ifError(err);
    result = data;
  });
  return result;
}

{
  const { server } = start();
  server.write('var someVariable = { alpha: 1, beta: 2 };\n');
  server.write('const someConstant = 3;\n');

  assert.deepStrictEqual(completions(server, 'someV'),
                         [['someVariable'], 'someV']);
  assert.deepStrictEqual(completions(server, 'someC'),
                         [['someConstant'], 'someC']);
  assert.deepStrictEqual(completions(server, 'someVariable.al'),
                         [['someVariable.alpha'], 'someVariable.al']);
  assert.deepStrictEqual(completions(server, 'someVariable?.b'),
                         [['someVariable?.beta'], 'someVariable?.b']);
  const members = completions(server, 'someVariable.')[0];
  assert.ok(members.includes('someVariable.hasOwnProperty'));
  assert.deepStrictEqual(completions(server, 'nosuchthing.'),
                         [[], 'nosuchthing.']);
  assert.deepStrictEqual(completions(server, '.ed'), [[], 'ed']);
  assert.deepStrictEqual(completions(server, '.he'), [['help'], 'he']);
  assert.ok(completions(server, 'require("fs')[0].includes('fs'));
  assert.ok(completions(server, 'require("fs')[0].includes('fs/promises'));
  assert.ok(completions(server, 'retu')[0].includes('return'));
  server.close();
}

// Editor mode (terminal): lines collect until Ctrl+D, then run at once.
{
  const input = new PassThrough();
  const output = new PassThrough();
  output.setEncoding('utf8');
  let text = '';
  output.on('data', (d) => { text += d; });
  const server = repl.start({ input, output, terminal: true,
                              useColors: false });
  server.write('.editor\n');
  server.write('function twice(x) {\n');
  server.write('  return 2 * x;\n');
  server.write('}\n');
  server.write('twice(21)');
  server.write('', { ctrl: true, name: 'd' });
  assert.match(text, /Entering editor mode/);
  assert.match(text, /\n42\n/);
  assert.strictEqual(server.editorMode, false);
  server.close();
}

// Persistent history: loaded newest first, rewritten as lines are entered;
// an empty path turns it off.
{
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodus-repl-'));
  process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'repl_history');
  fs.writeFileSync(file, 'newest\noldest');
  const input = new PassThrough();
  const output = new PassThrough();
  output.resume();
  const server = repl.start({ input, output, terminal: true,
                              useColors: false });
  server.setupHistory(file, common.mustSucceed((s) => {
    assert.strictEqual(s, server);
    assert.deepStrictEqual(server.history, ['newest', 'oldest']);
    server.write('1 + 1\n');
    setTimeout(common.mustCall(() => {
      assert.deepStrictEqual(
        fs.readFileSync(file, 'utf8').split('\n'),
        ['1 + 1', 'newest', 'oldest']);
      server.close();
    }), 200);
  }));

  const off = start({ terminal: true }).server;
  off.setupHistory('', common.mustSucceed(() => {
    assert.deepStrictEqual(off.history, []);
    off.close();
  }));
}

// With breakEvalOnSigint, Ctrl+C gives up on a top-level await that never
// settles; keys typed meanwhile are kept for the next prompt.
{
  const input = new PassThrough();
  const output = new PassThrough();
  output.setEncoding('utf8');
  let text = '';
  output.on('data', (d) => { text += d; });
  const server = repl.start({ input, output, terminal: true,
                              useColors: false, breakEvalOnSigint: true });
  input.write('await new Promise(() => {})\r');
  setTimeout(common.mustCall(() => {
    input.write('6 *');
    input.write('\x03');
    input.write(' 7\r');
    setTimeout(common.mustCall(() => {
      assert.match(text,
                   /Uncaught:\r?\nError \[ERR_SCRIPT_EXECUTION_INTERRUPTED\]/);
      assert.match(text, /\n42\r?\n/);
      server.close();
    }), 100);
  }), 100);
}

// Ctrl+R finds an earlier line; Enter runs it.
{
  const input = new PassThrough();
  const output = new PassThrough();
  output.setEncoding('utf8');
  let text = '';
  output.on('data', (d) => { text += d; });
  const server = repl.start({ input, output, terminal: true,
                              useColors: false });
  input.write('var hits = 0\r');
  input.write('hits += 10\r');
  input.write('"unrelated"\r');
  setTimeout(common.mustCall(() => {
    input.write('\x12');
    input.write('+= 1');
    setTimeout(common.mustCall(() => {
      assert.match(text, /bck-i-search: \+= 1_/);
      input.write('\r');
      setTimeout(common.mustCall(() => {
        assert.strictEqual(server.context.hits, 20);
        server.close();
      }), 50);
    }), 50);
  }), 50);
}
