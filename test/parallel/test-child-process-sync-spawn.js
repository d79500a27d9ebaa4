'use strict';
// child_process.spawnSync(): result shape, stdio modes, input, timeout,
// maxBuffer, encoding, cwd/env/argv0/shell and spawn errors.
require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');

// A successful run: status, signal, output with stdin's slot null.
{
  const r = spawnSync('sh', ['-c', 'printf out; printf err >&2; exit 3']);
  assert.deepStrictEqual(Object.keys(r),
                         ['status', 'signal', 'output', 'pid', 'stdout',
                          'stderr']);
  assert.strictEqual(r.status, 3);
  assert.strictEqual(r.signal, null);
  assert.ok(Buffer.isBuffer(r.stdout));
  assert.deepStrictEqual(r.output, [null, Buffer.from('out'),
                                    Buffer.from('err')]);
  assert.strictEqual(r.stdout, r.output[1]);
  assert.ok(r.pid > 0);
}

// Killed by a signal: status null, signal name.
{
  const r = spawnSync('sh', ['-c', 'kill -9 $$']);
  assert.strictEqual(r.status, null);
  assert.strictEqual(r.signal, 'SIGKILL');
}

// A missing command: an ENOENT error, no output.
{
  const r = spawnSync('no_such_command_xyz', ['a', 'b']);
  assert.deepStrictEqual(Object.keys(r),
                         ['error', 'status', 'signal', 'output', 'pid',
                          'stdout', 'stderr']);
  assert.strictEqual(r.error.message, 'spawnSync no_such_command_xyz ENOENT');
  assert.strictEqual(r.error.code, 'ENOENT');
  assert.strictEqual(r.error.errno, -2);
  assert.strictEqual(r.error.syscall, 'spawnSync no_such_command_xyz');
  assert.strictEqual(r.error.path, 'no_such_command_xyz');
  assert.deepStrictEqual(r.error.spawnargs, ['a', 'b']);
  assert.strictEqual(r.status, null);
  assert.strictEqual(r.output, null);
  assert.strictEqual(r.pid, 0);
}

// input as string (encoded with options.encoding), Buffer, TypedArray and
// DataView; encoding decodes every output.
{
  assert.strictEqual(spawnSync('cat', { input: 'héllo' }).stdout.toString(),
                     'héllo');
  const hex = spawnSync('cat', { input: '616263', encoding: 'hex' });
  assert.strictEqual(hex.stdout, '616263');
  const u16 = new Uint16Array([0x6261, 0x6463]);
  assert.strictEqual(spawnSync('cat', { input: u16 }).stdout.toString(),
                     'abcd');
  const dv = new DataView(Buffer.from('xyz!').buffer, 0, 3);
  assert.strictEqual(spawnSync('cat', { input: dv }).stdout.toString(),
                     Buffer.from(dv.buffer, 0, 3).toString());
  const r = spawnSync('cat', { input: 'x', encoding: 'utf8' });
  assert.deepStrictEqual(r.output, [null, 'x', '']);
  // Falsy input is ignored.
  assert.strictEqual(spawnSync('cat', { input: 0 }).stdout.length, 0);
  assert.throws(() => spawnSync('cat', { input: 1234 }), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "options.stdio[0]" property must be of type string or ' +
             'an instance of Buffer, TypedArray, or DataView. Received ' +
             'type number (1234)',
  });
}

// Large input through a pipe (more than a pipe buffer holds).
{
  const big = Buffer.alloc(3 * 1024 * 1024 + 7, 'q');
  const r = spawnSync('cat', { input: big, maxBuffer: Infinity });
  assert.strictEqual(r.stdout.length, big.length);
  assert.ok(r.stdout.equals(big));
}

// Input the child never reads: EPIPE.
{
  const r = spawnSync('true', { input: 'x'.repeat(1024 * 1024) });
  assert.strictEqual(r.error.code, 'EPIPE');
  assert.strictEqual(r.status, 0);
}

// stdio: 'ignore', extra pipes, fds.
{
  const r = spawnSync('sh', ['-c', 'echo a; echo b >&3'], {
    stdio: ['pipe', 'ignore', 'pipe', 'pipe'],
  });
  assert.deepStrictEqual(r.output, [null, null, Buffer.alloc(0),
                                    Buffer.from('b\n')]);
  const inherit = spawnSync('true', { stdio: 'inherit' });
  assert.deepStrictEqual(inherit.output, [null, null, null]);
  assert.strictEqual(inherit.stdout, null);
}

// timeout kills with killSignal and reports ETIMEDOUT.
{
  const start = Date.now();
  const r = spawnSync('sleep', ['10'], { timeout: 100 });
  assert.ok(Date.now() - start < 5000);
  assert.strictEqual(r.error.code, 'ETIMEDOUT');
  assert.strictEqual(r.error.message, 'spawnSync sleep ETIMEDOUT');
  assert.strictEqual(r.signal, 'SIGTERM');
  assert.strictEqual(r.status, null);
  const k = spawnSync('sleep', ['10'], { timeout: 100, killSignal: 'SIGINT' });
  assert.strictEqual(k.signal, 'SIGINT');
  const n = spawnSync('sleep', ['10'], { timeout: 100, killSignal: 9 });
  assert.strictEqual(n.signal, 'SIGKILL');
}

// maxBuffer: ENOBUFS and a kill; 0 and Infinity mean no limit.
{
  const r = spawnSync('sh', ['-c', 'echo 12345678901'], { maxBuffer: 10 });
  assert.strictEqual(r.error.code, 'ENOBUFS');
  assert.strictEqual(r.stdout.toString(), '12345678901\n');
  const y = spawnSync('yes', { maxBuffer: 100 });
  assert.strictEqual(y.error.code, 'ENOBUFS');
  assert.strictEqual(y.signal, 'SIGTERM');
  assert.strictEqual(spawnSync('echo', ['hi'], { maxBuffer: 1 }).error.code,
                     'ENOBUFS');
  assert.strictEqual(spawnSync('echo', ['hi'], { maxBuffer: 0 }).error,
                     undefined);
  assert.strictEqual(spawnSync('echo', ['hi'], { maxBuffer: Infinity }).error,
                     undefined);
}

// cwd (string, Buffer, URL), env (inherited keys too), argv0, shell.
{
  const pwd = (cwd) => spawnSync('pwd', { cwd }).stdout.toString().trim();
  assert.strictEqual(pwd('/'), '/');
  assert.strictEqual(pwd(Buffer.from('/usr')), '/usr');
  assert.strictEqual(pwd(new URL('file:///etc')), '/etc');
  assert.strictEqual(spawnSync('pwd', { cwd: '/no/such/dir' }).error.code,
                     'ENOENT');

  const env = { __proto__: { INHERITED: 'yes' }, OWN: 'o', SKIP: undefined };
  const out = spawnSync('/usr/bin/env', { env }).stdout.toString();
  assert.deepStrictEqual(out.trim().split('\n').sort(),
                         ['INHERITED=yes', 'OWN=o']);

  const a0 = spawnSync('sh', ['-c', 'echo $0'], { argv0: 'named' });
  assert.strictEqual(a0.stdout.toString(), 'named\n');
  const sh = spawnSync('echo', ['$((1 + 2))'], { shell: true });
  assert.strictEqual(sh.stdout.toString(), '3\n');
  const bash = spawnSync('echo $0', { shell: '/bin/sh', encoding: 'utf8' });
  assert.strictEqual(bash.stdout, '/bin/sh\n');
  // Non-string args are stringified.
  assert.strictEqual(spawnSync('echo', [1, true]).stdout.toString(),
                     '1 true\n');
}

// args placeholders: undefined, null, [] keep the options.
for (const args of [undefined, null, []]) {
  const r = spawnSync('pwd', args, { cwd: '/' });
  assert.strictEqual(r.stdout.toString(), '/\n');
}
