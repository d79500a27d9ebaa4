'use strict';
// child_process.exec/execFile: the callback's (err, stdout, stderr), the
// error's fields, encodings, maxBuffer, timeouts and util.promisify.
const common = require('../common');
const assert = require('assert');
const cp = require('child_process');
const util = require('util');

cp.exec('echo out; echo err >&2', common.mustSucceed((stdout, stderr) => {
  assert.strictEqual(stdout, 'out\n');
  assert.strictEqual(stderr, 'err\n');
}));

cp.exec('echo oops >&2; exit 3', common.mustCall((err, stdout, stderr) => {
  assert.ok(err instanceof Error);
  assert.strictEqual(err.message,
                     'Command failed: echo oops >&2; exit 3\noops\n');
  assert.strictEqual(err.code, 3);
  assert.strictEqual(err.killed, false);
  assert.strictEqual(err.signal, null);
  assert.strictEqual(err.cmd, 'echo oops >&2; exit 3');
  assert.strictEqual(stdout, '');
  assert.strictEqual(stderr, 'oops\n');
}));

// Arguments join the command in the message; Buffers with 'buffer'.
cp.execFile('/bin/sh', ['-c', 'printf ab; exit 1'], { encoding: 'buffer' },
            common.mustCall((err, stdout) => {
              assert.strictEqual(err.cmd, '/bin/sh -c printf ab; exit 1');
              assert.deepStrictEqual(stdout, Buffer.from('ab'));
            }));

// A missing file reports the spawn error itself.
cp.execFile('no-such-command-xyz', common.mustCall((err, stdout) => {
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.syscall, 'spawn no-such-command-xyz');
  assert.strictEqual(err.cmd, 'no-such-command-xyz');
  assert.strictEqual(stdout, '');
}));

// maxBuffer: output beyond it is cut off and the child killed.
cp.exec('printf 0123456789', { maxBuffer: 4 },
        common.mustCall((err, stdout) => {
          assert.strictEqual(err.code, 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER');
          assert.strictEqual(err.message, 'stdout maxBuffer length exceeded');
          assert.strictEqual(stdout, '0123');
        }));

// timeout: killed with killSignal.
cp.execFile('sleep', ['10'], { timeout: 30, killSignal: 'SIGKILL' },
            common.mustCall((err) => {
              assert.strictEqual(err.killed, true);
              assert.strictEqual(err.signal, 'SIGKILL');
              assert.strictEqual(err.code, null);
            }));

assert.throws(() => cp.exec('true', { timeout: -1 }),
              { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => cp.execFile('true', [], { maxBuffer: 'x' }),
              { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => cp.exec('true', { killSignal: 'SIGNOPE' }),
              { code: 'ERR_UNKNOWN_SIGNAL' });

// util.promisify resolves { stdout, stderr } and exposes .child.
{
  const promise = util.promisify(cp.exec)('echo hi');
  assert.ok(promise.child instanceof cp.ChildProcess);
  promise.then(common.mustCall((result) => {
    assert.deepStrictEqual(result, { stdout: 'hi\n', stderr: '' });
  }));
  util.promisify(cp.execFile)('/bin/sh', ['-c', 'echo x; exit 2'])
    .catch(common.mustCall((err) => {
      assert.strictEqual(err.code, 2);
      assert.strictEqual(err.stdout, 'x\n');
      assert.strictEqual(err.stderr, '');
    }));
}

// An AbortSignal ends execFile with an AbortError.
{
  const ac = new AbortController();
  cp.execFile('sleep', ['10'], { signal: ac.signal },
              common.mustCall((err) => {
                assert.strictEqual(err.name, 'AbortError');
              }));
  ac.abort();
}
