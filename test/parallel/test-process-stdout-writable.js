'use strict';
// process.stdout and process.stderr are stream.Writables whose writes are
// synchronous: nothing is lost at process.exit(), and they survive end()
// and destroy() as in Node.

const common = require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');
const { Writable, Readable, pipeline } = require('stream');

if (process.argv[2] === 'child-exit') {
  // A lot of output, then exit at once: all of it must arrive.
  for (let i = 0; i < 2000; i++) process.stdout.write(`line ${i}\n`);
  process.stdout.write(Buffer.from('buffer\n'));
  process.stdout.write(new Uint8Array([0x75, 0x38, 0x0a]));
  process.stdout.write('Zm9vCg==', 'base64');
  process.exit(0);
}

if (process.argv[2] === 'child-end') {
  process.stdout.on('finish', () => process.stderr.write('finish\n'));
  process.stdout.on('close', () => {
    // stdout is never really closed: writable again once 'close' is out.
    process.stdout.write('second\n');
  });
  process.stdout.end('first\n');
  return;
}

if (process.argv[2] === 'child-pipeline') {
  pipeline(Readable.from(['a', 'b', 'c\n']), process.stdout, (err) => {
    process.stderr.write(`done ${err}\n`);
  });
  return;
}

{
  assert.ok(process.stdout instanceof Writable);
  assert.ok(process.stderr instanceof Writable);
  assert.strictEqual(process.stdout.fd, 1);
  assert.strictEqual(process.stderr.fd, 2);
  assert.strictEqual(process.stdout._isStdio, true);
  assert.strictEqual(process.stdout.writableHighWaterMark, 16384);
  assert.strictEqual(process.stdout.write('', common.mustCall((err) => {
    assert.strictEqual(err, undefined);
  })), true);
  assert.throws(() => process.stdout.write(1), {
    code: 'ERR_INVALID_ARG_TYPE',
  });
}

{
  const child = spawnSync(process.execPath, [__filename, 'child-exit']);
  assert.strictEqual(child.status, 0);
  const lines = child.stdout.toString().split('\n');
  assert.strictEqual(lines[0], 'line 0');
  assert.strictEqual(lines[1999], 'line 1999');
  assert.deepStrictEqual(lines.slice(2000), ['buffer', 'u8', 'foo', '']);
}

{
  const child = spawnSync(process.execPath, [__filename, 'child-end']);
  assert.strictEqual(child.status, 0);
  assert.strictEqual(child.stdout.toString(), 'first\nsecond\n');
  assert.strictEqual(child.stderr.toString(), 'finish\n');
}

{
  const child = spawnSync(process.execPath, [__filename, 'child-pipeline']);
  assert.strictEqual(child.status, 0);
  assert.strictEqual(child.stdout.toString(), 'abc\n');
  assert.strictEqual(child.stderr.toString(), 'done undefined\n');
}
