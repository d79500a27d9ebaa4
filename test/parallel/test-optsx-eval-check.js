'use strict';
// -e/-p code and --check as Node 18 runs them: process._eval, lazy builtin
// globals that user code made non-configurable, "\-" values, import()
// after chdir, and --check finding files as require() does.
require('../common');
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

function run(args, options) {
  return spawnSync(process.execPath, args, { encoding: 'utf8', ...options });
}

// process._eval: the -e code, read-only but configurable.
{
  const r = run(['-p', 'JSON.stringify(Object.getOwnPropertyDescriptor(' +
                 'process, "_eval"))']);
  assert.strictEqual(r.status, 0, r.stderr);
  assert.deepStrictEqual(JSON.parse(r.stdout), {
    value: 'JSON.stringify(Object.getOwnPropertyDescriptor(' +
      'process, "_eval"))',
    writable: false, enumerable: true, configurable: true,
  });
}

// A lazy builtin global made non-configurable still answers the module.
{
  const r = run(['-p', 'Object.defineProperty(global, "fs", ' +
                 '{ configurable: false });fs === require("node:fs")']);
  assert.strictEqual(r.stderr, '');
  assert.strictEqual(r.stdout, 'true\n');
}

// "\-42" is code, not an option.
assert.strictEqual(run(['-p', '\\-42']).stdout, '-42\n');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'optsx-'));
try {
  // import() in -e code resolves against the starting directory.
  fs.mkdirSync(path.join(dir, 'sub'));
  fs.writeFileSync(path.join(dir, 'sub', 'm.mjs'), 'console.log("m");\n');
  const r = run(['-e', 'process.chdir("..");import("./sub/m.mjs")'],
                { cwd: path.join(dir, 'sub', '..') });
  assert.strictEqual(r.stderr, '');
  assert.strictEqual(r.stdout, 'm\n');

  // --check: extension optional, "#!" line allowed, missing file reported.
  fs.writeFileSync(path.join(dir, 'good.js'), '#!/usr/bin/env node\nf();\n');
  fs.writeFileSync(path.join(dir, 'bad.js'), 'var a b;\n');
  assert.strictEqual(run(['--check', path.join(dir, 'good')]).status, 0);
  const bad = run(['-c', path.join(dir, 'bad')]);
  assert.strictEqual(bad.status, 1);
  assert.match(bad.stderr, /^SyntaxError: Unexpected identifier$/m);
  assert.ok(bad.stderr.startsWith(path.join(dir, 'bad.js') + ':1\n'));
  const missing = run(['-c', path.join(dir, 'nope')]);
  assert.strictEqual(missing.status, 1);
  assert.match(missing.stderr, /^Error: Cannot find module/m);

  // --check with -e is refused.
  const both = run(['-c', '-e', 'foo']);
  assert.strictEqual(both.status, 9);
  assert.strictEqual(both.stderr,
                     `${process.execPath}: either --check or --eval can be ` +
                     'used, not both\n');
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
