// Checks util.debuglog against NODE_DEBUG patterns (run in child processes).
'use strict';
require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');
const util = require('util');

if (process.argv[2] === 'child') {
  const log = util.debuglog(process.argv[3]);
  log('hello %s', 'world', { n: 1 });
  process.stdout.write(`${log.enabled}`);
  return;
}

function run(nodeDebug, section) {
  const env = { ...process.env, NODE_DEBUG: nodeDebug };
  const child = spawnSync(process.execPath, [__filename, 'child', section],
                          { env, encoding: 'utf8' });
  assert.strictEqual(child.status, 0, child.stderr);
  return { pid: child.pid, out: child.stdout, err: child.stderr };
}

for (const [env, section, enabled] of [
  ['foo,bar', 'foo', true],
  ['foo,bar', 'BAR', true],
  ['foo', 'foobar', false],
  ['foo*', 'foobar', true],
  ['*-x', 'a-x', true],
  ['f.o', 'foo', false],
  ['', 'foo', false],
]) {
  const { pid, out, err } = run(env, section);
  assert.strictEqual(out, `${enabled}`, `${env} / ${section}`);
  assert.strictEqual(
    err,
    enabled ? `${section.toUpperCase()} ${pid}: hello world { n: 1 }\n` : '');
}

// The logger is a function with an `enabled` getter; the callback gets the
// real logger on first use.
{
  let got;
  const log = util.debuglog('nodus-unused-section', (fn) => { got = fn; });
  assert.strictEqual(typeof log, 'function');
  assert.strictEqual(log.enabled, false);
  log('nothing');
  assert.strictEqual(typeof got, 'function');
  assert.strictEqual(util.debug, util.debuglog);
}
