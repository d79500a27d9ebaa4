'use strict';
// child_process.spawn: stdio pipes, 'spawn'/'exit'/'close' ordering, exit
// codes and signals, kill(), spawn errors, stdio options and timeouts.
// Expected values are Node 18's documented behaviour.
const common = require('../common');
const assert = require('assert');
const cp = require('child_process');

// Output through pipes; 'exit' comes before 'close', which waits for the
// streams to end.
{
  const child = cp.spawn('/bin/sh', ['-c', 'cat; echo err >&2; exit 7']);
  assert.ok(child instanceof cp.ChildProcess);
  assert.strictEqual(typeof child.pid, 'number');
  assert.strictEqual(child.stdin.readable, false);
  assert.strictEqual(child.stdin.writable, true);
  assert.strictEqual(child.stdout.readable, true);
  assert.deepStrictEqual(child.stdio,
                         [child.stdin, child.stdout, child.stderr]);
  let out = '';
  let err = '';
  const events = [];
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d) => { out += d; });
  child.stderr.on('data', (d) => { err += d; });
  child.on('spawn', common.mustCall(() => events.push('spawn')));
  child.on('exit', common.mustCall((code, signal) => {
    events.push('exit');
    assert.strictEqual(code, 7);
    assert.strictEqual(signal, null);
    assert.strictEqual(child.exitCode, 7);
    assert.strictEqual(child.signalCode, null);
  }));
  child.on('close', common.mustCall((code, signal) => {
    assert.deepStrictEqual(events, ['spawn', 'exit']);
    assert.strictEqual(code, 7);
    assert.strictEqual(signal, null);
    assert.strictEqual(out, 'hello\n');
    assert.strictEqual(String(err), 'err\n');
    assert.ok(child.stdout.destroyed);
  }));
  child.stdin.end('hello\n');
}

// kill(): the signal is reported; an unknown signal throws.
{
  const child = cp.spawn('sleep', ['10']);
  assert.throws(() => child.kill('SIGNOPE'),
                { code: 'ERR_UNKNOWN_SIGNAL', name: 'TypeError' });
  assert.strictEqual(child.kill('SIGKILL'), true);
  assert.strictEqual(child.killed, true);
  child.on('exit', common.mustCall((code, signal) => {
    assert.strictEqual(code, null);
    assert.strictEqual(signal, 'SIGKILL');
    assert.strictEqual(child.kill(), false);
  }));
}

// A missing file: 'error' on a later tick, never 'spawn'; 'close' follows
// with the negative errno.
{
  const child = cp.spawn('no-such-command-xyz', ['a', 'b']);
  assert.strictEqual(child.pid, undefined);
  child.on('spawn', common.mustNotCall());
  child.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ENOENT');
    assert.strictEqual(err.errno, -2);
    assert.strictEqual(err.syscall, 'spawn no-such-command-xyz');
    assert.strictEqual(err.path, 'no-such-command-xyz');
    assert.deepStrictEqual(err.spawnargs, ['a', 'b']);
    assert.strictEqual(err.message, 'spawn no-such-command-xyz ENOENT');
  }));
  child.on('close', common.mustCall((code, signal) => {
    assert.strictEqual(code, -2);
    assert.strictEqual(signal, null);
  }));
}

// stdio: 'ignore' and 'inherit' leave no streams; fds and arrays work.
{
  const child = cp.spawn('true', { stdio: ['ignore', 'inherit', 2] });
  assert.strictEqual(child.stdin, null);
  assert.strictEqual(child.stdout, null);
  assert.strictEqual(child.stderr, null);
  assert.deepStrictEqual(child.stdio, [null, null, null]);
  child.on('close', common.mustCall((code) => assert.strictEqual(code, 0)));
}
assert.throws(() => cp.spawn('true', { stdio: 'bogus' }),
              { code: 'ERR_INVALID_ARG_VALUE' });
assert.throws(() => cp.spawn('true', { stdio: ['ipc', 'ipc'] }),
              { code: 'ERR_IPC_ONE_PIPE',
                message: 'Child process can have only one IPC pipe' });
assert.throws(() => cp.spawn('true', { stdio: [Buffer.from('x')] }),
              { code: 'ERR_INVALID_SYNC_FORK_INPUT' });
assert.throws(() => cp.spawn('true', { serialization: 'xml' }),
              { code: 'ERR_INVALID_ARG_VALUE',
                message: "The property 'options.serialization' must be one " +
                         "of: undefined, 'json', 'advanced'. Received 'xml'" });

// timeout and killSignal.
{
  const child = cp.spawn('sleep', ['10'], { timeout: 50,
                                            killSignal: 'SIGUSR2' });
  child.on('exit', common.mustCall((code, signal) => {
    assert.strictEqual(signal, 'SIGUSR2');
  }));
}

// cwd, env and shell.
{
  const child = cp.spawn('echo "$FOO" && pwd', {
    shell: true, cwd: '/tmp', env: { FOO: 'bar' },
  });
  let out = '';
  child.stdout.on('data', (d) => { out += d; });
  child.on('close', common.mustCall(() => {
    assert.strictEqual(out, 'bar\n/tmp\n');
    assert.deepStrictEqual(child.spawnargs,
                           ['/bin/sh', '-c', 'echo "$FOO" && pwd']);
    assert.strictEqual(child.spawnfile, '/bin/sh');
  }));
}

// An aborted signal kills the child and reports an AbortError.
{
  const ac = new AbortController();
  const child = cp.spawn('sleep', ['10'], { signal: ac.signal });
  child.on('error', common.mustCall((err) => {
    assert.strictEqual(err.name, 'AbortError');
    assert.strictEqual(err.code, 'ABORT_ERR');
  }));
  child.on('exit', common.mustCall((code, signal) => {
    assert.strictEqual(signal, 'SIGTERM');
  }));
  ac.abort();
}

// unref(): the child no longer keeps the loop alive (checked by the test
// finishing well before the child would).
{
  const child = cp.spawn('sleep', ['30'], { stdio: 'ignore' });
  child.unref();
  process.on('exit', () => child.kill('SIGKILL'));
}
