'use strict';
// node:test in one process: TAP lines, YAML details, summary counters, exit
// code, hooks order, only/skip/todo, name patterns (expected output taken
// from Node 18.20.4).
const common = require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ntest-tap-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

function runFile(source, args = []) {
  const file = path.join(dir, `f${Math.random().toString(36).slice(2)}.js`);
  fs.writeFileSync(file, source);
  const r = spawnSync(process.execPath, [...args, file], { encoding: 'utf8' });
  return { ...r, file,
           out: r.stdout.replace(/duration_ms:? [0-9.]+/g, 'duration_ms *') };
}

{
  const r = runFile(`
    const { test, describe, it } = require('node:test');
    test('a', async (t) => { t.diagnostic('d1'); await t.test('sub', () => {}); });
    describe('s', () => { it('x', () => { throw new Error('boom'); }); it.todo('y'); });
    test('sk', { skip: 'why' });
    test('esc # \\\\ x');
  `);
  assert.strictEqual(r.status, 1);
  assert.strictEqual(r.stderr, '');
  const expected = [
    'TAP version 13',
    '# Subtest: a',
    '    # Subtest: sub',
    '    ok 1 - sub',
    '      ---',
    '      duration_ms *',
    '      ...',
    '    1..1',
    'ok 1 - a',
    '  ---',
    '  duration_ms *',
    '  ...',
    '# d1',
    '# Subtest: s',
    '    # Subtest: x',
    '    not ok 1 - x',
    '      ---',
    '      duration_ms *',
    `      location: '${r.file}:4:27'`,
    "      failureType: 'testCodeFailure'",
    "      error: 'boom'",
    "      code: 'ERR_TEST_FAILURE'",
  ];
  assert.deepStrictEqual(r.out.split('\n').slice(0, expected.length),
                         expected);
  assert.match(r.out, /\n {4}ok 2 - y # TODO\n/);
  assert.match(r.out, /\nnot ok 2 - s\n {2}---\n {2}duration_ms \*\n {2}type: 'suite'\n/);
  assert.match(r.out, /\n {2}failureType: 'subtestsFailed'\n {2}error: '1 subtest failed'\n/);
  assert.match(r.out, /\nok 3 - sk # SKIP why\n/);
  assert.match(r.out, /\n# Subtest: esc \\# \\\\ x\nok 4 - esc \\# \\\\ x\n/);
  assert.match(r.out, /\n1\.\.4\n# tests 6\n# suites 1\n# pass 3\n# fail 1\n# cancelled 0\n# skipped 1\n# todo 1\n# duration_ms \*\n$/);
}

{
  // Assertion errors show expected/actual/operator; timeouts are cancelled.
  const r = runFile(`
    const test = require('node:test');
    const assert = require('assert');
    test('eq', () => assert.strictEqual(1, 2));
    test('slow', { timeout: 5 }, () => new Promise((r) => setTimeout(r, 200)));
  `);
  assert.strictEqual(r.status, 1);
  assert.match(r.out, /  code: 'ERR_ASSERTION'\n  name: 'AssertionError'\n  expected: 2\n  actual: 1\n  operator: 'strictEqual'\n/);
  assert.match(r.out, /  failureType: 'testTimeoutFailure'\n  error: 'test timed out after 5ms'\n/);
  assert.match(r.out, /# pass 0\n# fail 1\n# cancelled 1\n/);
}

{
  // Hooks run outer first for beforeEach and afterEach; t.after runs last.
  const r = runFile(`
    const { describe, it, before, after, beforeEach, afterEach } = require('node:test');
    const log = [];
    describe('outer', () => {
      before(() => log.push('before'));
      beforeEach(function() { log.push('be ' + this.name); });
      afterEach(function() { log.push('ae ' + this.name); });
      after(() => { log.push('after'); console.log(JSON.stringify(log)); });
      it('1', () => log.push('1'));
      describe('inner', () => {
        beforeEach(() => log.push('inner be'));
        afterEach(() => log.push('inner ae'));
        it('2', () => log.push('2'));
      });
    });
  `);
  assert.strictEqual(r.status, 0);
  assert.strictEqual(r.stdout.split('\n')[0], JSON.stringify([
    'before', 'be 1', '1', 'ae 1', 'be 2', 'inner be', '2', 'ae 2',
    'inner ae', 'after',
  ]));
}

{
  // --test-only and --test-name-pattern.
  const r = runFile(`
    const test = require('node:test');
    test('a enabled', { only: true }, async (t) => {
      await t.test('child');
    });
    test('b enabled');
    test('c only', { only: true });
  `, ['--test-only', '--test-name-pattern=enabled']);
  assert.strictEqual(r.status, 0);
  assert.match(r.out, /\n {4}ok 1 - child\n/);
  assert.match(r.out, /\nok 2 - b enabled # SKIP 'only' option not set\n/);
  assert.match(r.out, /\nok 3 - c only # SKIP test name does not match pattern\n/);
}

{
  // Unfinished promises are cancelled when the event loop empties; an error
  // thrown after a test ended is a warning and still fails the process.
  const r = runFile(`
    const test = require('node:test');
    test('late', () => { setImmediate(() => { throw new Error('late'); }); });
    test('never', () => new Promise(() => {}));
  `);
  assert.strictEqual(r.status, 1);
  assert.match(r.out, /error: 'Promise resolution is still pending but the event loop has already resolved'/);
  assert.match(r.out, /# Warning: Test "late" generated asynchronous activity after the test ended\. This activity created the error "Error: late" and would have caused the test to fail, but instead triggered an uncaughtException event\.\n/);
  assert.match(r.out, /# cancelled 1\n/);
}

{
  // --test cannot be combined with -e.
  const r = spawnSync(process.execPath, ['-e', '1', '--test'],
                      { encoding: 'utf8' });
  assert.strictEqual(r.status, 9);
  assert.match(r.stderr, /either --test or --eval can be used, not both/);
}

common.mustCall()();
