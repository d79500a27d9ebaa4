'use strict';
// node --test and run(): file discovery, one child per file, reporters and
// destinations, sharding; node:test/reporters; mock.timers (expected
// values from Node 18.20.4).
const common = require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { run, mock } = require('node:test');
const { dot, tap } = require('node:test/reporters');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ntest-runner-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));
const write = (name, source) => {
  const file = path.join(dir, name);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, source);
  return file;
};
write('a.test.js', "require('node:test')('passes', () => {});\n");
write('test/inside.cjs', "require('node:test')('inside', () => {});\n");
write('helper.js', 'throw new Error("must not run");\n');
write('node_modules/x.test.js', 'throw new Error("must not run");\n');
const failing = write('b-test.js',
                      "require('node:test')('fails', () => { throw 1; });\n" +
                      "console.log('user output');\n");

{
  // Default discovery from the current directory; TAP by default.
  const r = spawnSync(process.execPath, ['--test'], { cwd: dir,
                                                      encoding: 'utf8' });
  assert.strictEqual(r.status, 1);
  assert.strictEqual(r.stderr, '');
  assert.match(r.stdout, /^TAP version 13\n/);
  assert.match(r.stdout, /\nok 1 - passes\n/);
  assert.match(r.stdout, /\n# user output\n/);
  assert.match(r.stdout, /\nnot ok 2 - fails\n/);
  assert.match(r.stdout, /\nok 3 - inside\n/);
  assert.match(r.stdout, /\n1\.\.3\n# tests 3\n# suites 0\n# pass 2\n# fail 1\n/);
  assert.doesNotMatch(r.stdout, /must not run/);
}

{
  // A file that fails without tests is reported as a test of its own.
  const file = write('exit.js', 'process.exitCode = 3;\n');
  const r = spawnSync(process.execPath, ['--test', file], { encoding: 'utf8' });
  assert.strictEqual(r.status, 1);
  assert.match(r.stdout, new RegExp(`\\nnot ok 1 - ${file}\\n`));
  assert.match(r.stdout, /\n {2}exitCode: 3\n {2}error: 'test failed'\n/);
}

{
  // Several reporters, each to its destination.
  const out = path.join(dir, 'dots.txt');
  const r = spawnSync(process.execPath, [
    '--test', '--test-reporter', 'dot', '--test-reporter-destination', out,
    '--test-reporter', 'tap', '--test-reporter-destination', 'stderr',
    failing,
  ], { encoding: 'utf8' });
  assert.strictEqual(r.status, 1);
  assert.strictEqual(r.stdout, '');
  assert.strictEqual(fs.readFileSync(out, 'utf8'), 'X\n');
  assert.match(r.stderr, /^TAP version 13\n/);

  const bad = spawnSync(process.execPath, [
    '--test', '--test-reporter', 'dot', '--test-reporter', 'tap', failing,
  ], { encoding: 'utf8' });
  assert.match(bad.stderr, /The argument '--test-reporter' must match the number of specified '--test-reporter-destination'\. Received \[ 'dot', 'tap' \]/);
}

{
  // --test-shard validation.
  const r = spawnSync(process.execPath, ['--test', '--test-shard=1', failing],
                      { encoding: 'utf8' });
  assert.strictEqual(r.status, 1);
  assert.match(r.stderr, /The argument '--test-shard' must be in the form of <index>\/<total>\. Received '1'/);
}

(async () => {
  const files = [path.join(dir, 'a.test.js'), failing];
  const dots = await run({ files }).compose(dot).toArray();
  assert.deepStrictEqual(dots, ['.', 'X', '\n']);

  const lines = await run({ files: [files[0]] }).compose(tap).toArray();
  assert.deepStrictEqual(lines.slice(0, 3), [
    'TAP version 13\n', '# Subtest: passes\n', 'ok 1 - passes\n',
  ]);
  assert.strictEqual(lines.length, 13);

  const events = [];
  const stream = run({ files, shard: { index: 2, total: 2 } });
  stream.on('test:fail', (data) => events.push(data));
  // eslint-disable-next-line no-unused-vars
  for await (const _ of stream);
  assert.strictEqual(events.length, 1);
  assert.strictEqual(events[0].name, 'fails');
  assert.strictEqual(events[0].file, failing);

  assert.throws(() => run({ files, shard: { total: 2, index: 3 } }), {
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "options.shard.index" is out of range. It must ' +
      'be >= 1 && <= 2 ("options.shard.total"). Received 3',
  });
  assert.throws(() => run({ files: 'a.js' }), { code: 'ERR_INVALID_ARG_TYPE' });
})().then(common.mustCall());

{
  // mock.timers fakes the global timers until reset().
  const realSetTimeout = globalThis.setTimeout;
  const order = [];
  mock.timers.enable(['setTimeout', 'setImmediate']);
  assert.notStrictEqual(globalThis.setTimeout, realSetTimeout);
  setTimeout(() => order.push('t100'), 100);
  setTimeout(() => order.push('t50'), 50);
  setImmediate(() => order.push('immediate'));
  mock.timers.tick(60);
  assert.deepStrictEqual(order, ['immediate', 't50']);
  mock.timers.tick(40);
  assert.deepStrictEqual(order, ['immediate', 't50', 't100']);
  assert.throws(() => mock.timers.enable(), { code: 'ERR_INVALID_STATE' });
  assert.throws(() => mock.timers.tick(-1), { code: 'ERR_INVALID_ARG_VALUE' });
  mock.timers.reset();
  assert.strictEqual(globalThis.setTimeout, realSetTimeout);
  assert.throws(() => mock.timers.tick(), { code: 'ERR_INVALID_STATE' });
  assert.throws(() => mock.timers.enable(['Date']),
                { code: 'ERR_INVALID_ARG_VALUE' });
}
