'use strict';
// repl.start() over streams: results, multi-line input, `_`/`_error`,
// uncaught errors, let/const across lines, top-level await, commands.

const common = require('../common');
const assert = require('assert');
const repl = require('repl');
const { PassThrough } = require('stream');

function session(lines, options, check, setup) {
  const input = new PassThrough();
  const output = new PassThrough();
  let text = '';
  output.setEncoding('utf8');
  output.on('data', (d) => { text += d; });
  const server = repl.start({ input, output, prompt: '> ', terminal: false,
                              useColors: false, ...options });
  server.on('exit', common.mustCall(() => check(text, server)));
  if (setup) setup(server);
  input.end(lines.join('\n') + '\n');
  return server;
}

session([
  '1 + 1',
  'let a = 40',
  'const b = 2',
  'a + b',
  'function f() {',
  '  return 7;',
  '}',
  'f()',
  '`one',
  'two`',
  '{ x: 1 }',
  '_',
  'throw new Error("boom")',
  '_error.message',
  'null.x',
  'throw null',
  'class K { get v() { return 3; } }',
  'new K().v',
  'await Promise.resolve(5)',
  'const w = await Promise.resolve(6)',
  'w * 2',
  'path.sep',
  '.nope',
  '_ = 9',
  '1',
  '_',
], {}, common.mustCall((text) => {
  const lines = text.split('\n');
  assert.deepStrictEqual(lines, [
    '> 2',
    '> undefined',
    '> undefined',
    '> 42',
    '> ... ... undefined',
    '> 7',
    "> ... 'one\\ntwo'",
    '> { x: 1 }',
    '> { x: 1 }',
    '> Uncaught Error: boom',
    "> 'boom'",
    "> Uncaught TypeError: Cannot read properties of null (reading 'x')",
    '> Uncaught null',
    '> undefined',
    '> 3',
    '> 5',
    '> undefined',
    '> 12',
    "> '/'",
    '> Invalid REPL keyword',
    '> Expression assignment to _ now disabled.',
    '9',
    '> 1',
    '> 9',
    '> ',
  ]);
}));

// Commands: .break drops a pending multi-line input, .help lists commands,
// custom commands run with their argument, .exit closes.
session([
  'if (true) {',
  '.break',
  '.greet world',
  '.help',
  '.exit',
], {}, common.mustCall((text) => {
  assert.match(text, /^> \.\.\. > hello world\n> /);
  assert.match(text, /\.break {3}Sometimes you get stuck/);
  assert.match(text, /\.greet {3}Says hello/);
}), (server) => {
  server.defineCommand('greet', {
    help: 'Says hello',
    action(name) {
      this.output.write(`hello ${name}\n`);
      this.displayPrompt();
    },
  });
});

// A context of its own: globals set in it stay out of the process's, and
// 'reset' (.clear) gives a fresh one.
session([
  'globalThis.leaked = 1',
  'typeof require("fs").readFileSync',
  '.clear',
  'typeof leaked',
], {}, common.mustCall((text) => {
  assert.strictEqual(globalThis.leaked, undefined);
  assert.match(text, /'function'/);
  assert.match(text, /Clearing context\.\.\.\n> 'undefined'/);
}), (server) => {
  server.on('reset', common.mustCall((context) => {
    assert.strictEqual(context, server.context);
  }));
});

// Strict mode, ignoreUndefined and a custom writer.
session([
  'undeclared = 1',
  'var quiet',
  '"x"',
], { replMode: repl.REPL_MODE_STRICT, ignoreUndefined: true,
     writer: (v) => `<${v}>` }, common.mustCall((text) => {
  assert.match(text, /^> Uncaught <ReferenceError: undeclared is not defined>/);
  assert.match(text, /\n> > <x>\n> $/);
}));

// A custom eval returning Recoverable asks for more lines.
{
  let calls = 0;
  session(['first', 'second'], {
    eval(code, context, file, cb) {
      calls++;
      if (calls === 1) return cb(new repl.Recoverable(new SyntaxError('x')));
      cb(null, code);
    },
  }, common.mustCall((text) => {
    assert.strictEqual(text, "> ... 'first\\nsecond\\n'\n> ");
  }));
}

assert.ok(repl.builtinModules.includes('fs'));
assert.ok(!repl.builtinModules.some((name) => name.startsWith('_')));

// Input the REPL must wait on or keep apart: an object literal and a
// template substitution still being typed, RegExp.$1 between inputs,
// SyntaxErrors with an arrow into the input (but not into eval() code),
// whitespace, npm commands.
session([
  '{ "a": ',
  '1 }',
  '`v${ 1 +',
  '1 }`',
  '/(\\d+)-(\\d+)/.test("12-34")',
  'RegExp.$2 + RegExp.$1',
  'let x y',
  'eval("function broken() {")',
  ' \t ',
  'npm install left-pad',
], {}, common.mustCall((text) => {
  assert.strictEqual(text, [
    "> ... { a: 1 }",
    "> ... 'v2'",
    '> true',
    "> '3412'",
    '> let x y',
    '      ^',
    '',
    'Uncaught SyntaxError: Unexpected identifier',
    '> Uncaught SyntaxError: Unexpected end of input',
    '> undefined',
    '> npm should be run outside of the Node.js REPL, in your normal shell.',
    '(Press Ctrl+D to exit.)',
    '> ',
  ].join('\n'));
}));
