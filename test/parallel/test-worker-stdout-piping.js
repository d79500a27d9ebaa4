'use strict';
// A worker's process.stdout/stderr reach the parent: with stdout: true
// through worker.stdout only; by default piped into the parent's own
// stdout/stderr (checked in a child process).
const common = require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');
const { Worker } = require('worker_threads');

if (process.argv[2] === 'child') {
  const w = new Worker(`
    console.log('out from worker');
    console.error('err from worker');
    process.stdout.write(Buffer.from('bytes\\n'));
  `, { eval: true });
  w.on('exit', () => console.log('parent saw exit'));
  return;
}

{
  const w = new Worker(`
    console.log('hello %s', 'parent');
    process.stdout.write('no newline');
  `, { eval: true, stdout: true });
  let text = '';
  w.stdout.setEncoding('utf8');
  w.stdout.on('data', (chunk) => { text += chunk; });
  w.stdout.on('end', common.mustCall(() => {
    assert.strictEqual(text, 'hello parent\nno newline');
  }));
}

{
  const r = spawnSync(process.execPath, [__filename, 'child'],
                      { encoding: 'utf8' });
  assert.strictEqual(r.status, 0, r.stderr);
  assert.strictEqual(r.stdout, 'out from worker\nbytes\nparent saw exit\n');
  assert.strictEqual(r.stderr, 'err from worker\n');
}
