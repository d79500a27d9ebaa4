'use strict';
// child_process.execSync() and execFileSync(): return values, encodings,
// `Command failed` errors and spawn errors as Node builds them.
require('../common');
const assert = require('assert');
const { execSync, execFileSync, spawnSync } = require('child_process');

assert.deepStrictEqual(execSync('echo hi'), Buffer.from('hi\n'));
assert.strictEqual(execSync('echo hi', { encoding: 'utf8' }), 'hi\n');
assert.strictEqual(execSync('echo $0', { shell: '/bin/sh' }).toString(),
                   '/bin/sh\n');
assert.strictEqual(execSync('pwd', { cwd: '/' }).toString(), '/\n');
assert.strictEqual(execSync('cat', { input: 'in' }).toString(), 'in');
assert.deepStrictEqual(execFileSync('echo', ['a', 'b']), Buffer.from('a b\n'));
assert.strictEqual(execFileSync('echo', { encoding: 'latin1' }), '\n');

// A non-zero exit: the message names the command and carries stderr.
assert.throws(() => execSync('echo oops >&2; exit 2', { stdio: 'pipe' }),
              (err) => {
                assert.strictEqual(err.message,
                                   'Command failed: echo oops >&2; exit 2\n' +
                                   'oops\n');
                assert.deepStrictEqual(Object.keys(err),
                                       ['status', 'signal', 'output', 'pid',
                                        'stdout', 'stderr']);
                assert.strictEqual(err.status, 2);
                assert.strictEqual(err.signal, null);
                assert.deepStrictEqual(err.stderr, Buffer.from('oops\n'));
                assert.ok(err.pid > 0);
                return true;
              });
assert.throws(() => execFileSync('sh', ['-c', 'exit 3'], { argv0: 'zz' }),
              { message: 'Command failed: zz -c exit 3', status: 3 });
assert.throws(() => execSync('kill -9 $$'),
              { message: 'Command failed: kill -9 $$', status: null,
                signal: 'SIGKILL' });
assert.throws(() => execSync('exit 1', { stdio: 'ignore' }),
              { message: 'Command failed: exit 1', stdout: null });

// A spawn error is thrown itself, with the result merged in.
assert.throws(() => execFileSync('no_such_command_xyz', ['q']), (err) => {
  assert.strictEqual(err.message, 'spawnSync no_such_command_xyz ENOENT');
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.error, err);
  assert.strictEqual(err.pid, 0);
  assert.strictEqual(err.output, null);
  assert.deepStrictEqual(err.spawnargs, ['q']);
  return true;
});
assert.throws(() => execSync('exit 1', { shell: 'bad_shell' }),
              /spawnSync bad_shell ENOENT/);
assert.throws(() => execSync('sleep 10', { timeout: 100 }),
              { code: 'ETIMEDOUT', signal: 'SIGTERM' });
assert.throws(() => execSync('yes', { maxBuffer: 10 }), { code: 'ENOBUFS' });

// The error's fields equal spawnSync's result.
{
  const args = ['-c', 'echo o; echo e >&2; exit 4'];
  const ret = spawnSync('sh', args);
  assert.throws(() => execFileSync('sh', args, { stdio: 'pipe' }), (err) => {
    for (const key of ['status', 'signal', 'output', 'stdout', 'stderr'])
      assert.deepStrictEqual(err[key], ret[key]);
    return true;
  });
}

// Without options.stdio, the child's stderr is passed on to ours.
if (process.argv[2] === 'child') {
  execSync('echo to-stderr >&2');
} else {
  const r = spawnSync(process.execPath, [__filename, 'child']);
  assert.strictEqual(r.status, 0);
  assert.strictEqual(r.stderr.toString(), 'to-stderr\n');
}
