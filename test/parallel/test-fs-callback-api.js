// fs callback API: thread-pool calls, argument forms and async errors.
'use strict';
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const util = require('util');

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nodus-fs-cb-'));
process.on('exit', () => fs.rmSync(root, { recursive: true, force: true }));
const p = (...parts) => path.join(root, ...parts);
fs.writeFileSync(p('f.txt'), 'abcdefgh');

// Callbacks never run synchronously.
let sync = true;
fs.stat(p('f.txt'), common.mustSucceed((st) => {
  assert.strictEqual(sync, false);
  assert.ok(st instanceof fs.Stats);
  assert.strictEqual(st.size, 8);
}));
sync = false;

fs.stat(p('f.txt'), { bigint: true }, common.mustSucceed((st) => {
  assert.strictEqual(st.size, 8n);
}));

// Successful void operations call back with exactly one (null) argument.
fs.access(p('f.txt'), common.mustCall((...args) => {
  assert.deepStrictEqual(args, [null]);
}));

// Async errors: Node's message and properties, message-only stack.
fs.open(p('missing'), common.mustCall((err, fd) => {
  assert.strictEqual(fd, undefined);
  assert.strictEqual(
    err.message, `ENOENT: no such file or directory, open '${p('missing')}'`);
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.errno, -2);
  assert.strictEqual(err.syscall, 'open');
  assert.strictEqual(err.path, p('missing'));
  assert.deepStrictEqual(Object.keys(err),
                         ['errno', 'code', 'syscall', 'path']);
}));

// read() forms: (fd, buffer, offset, length, position, cb),
// (fd, buffer, options, cb), (fd, options, cb), (fd, cb).
fs.open(p('f.txt'), 'r', common.mustSucceed((fd) => {
  const buf = Buffer.alloc(4);
  fs.read(fd, buf, 1, 2, 3, common.mustSucceed((n, b) => {
    assert.strictEqual(n, 2);
    assert.strictEqual(b, buf);
    assert.deepStrictEqual(buf, Buffer.from('\0de\0', 'latin1'));
    fs.read(fd, buf, { position: 6 }, common.mustSucceed((n) => {
      assert.strictEqual(n, 2);
      assert.strictEqual(buf.toString('latin1', 0, 2), 'gh');
      fs.read(fd, { buffer: Buffer.alloc(3), position: 0 },
              common.mustSucceed((n, b) => {
                assert.strictEqual(n, 3);
                assert.strictEqual(b.toString(), 'abc');
                fs.read(fd, common.mustSucceed((n, b) => {
                  assert.strictEqual(b.length, 16384);
                  assert.strictEqual(n, 8);
                  fs.close(fd, common.mustSucceed());
                }));
              }));
    }));
  }));
}));

// write() forms and promisify's named results.
{
  const fd = fs.openSync(p('w.txt'), 'w+');
  fs.write(fd, 'héllo', null, 'latin1', common.mustSucceed((n, s) => {
    assert.strictEqual(n, 5);
    assert.strictEqual(s, 'héllo');
    fs.write(fd, Buffer.from('XY'), common.mustSucceed(async (n) => {
      assert.strictEqual(n, 2);
      const r = await util.promisify(fs.write)(fd, Buffer.from('!'));
      assert.deepStrictEqual(Object.keys(r), ['bytesWritten', 'buffer']);
      const rd = await util.promisify(fs.read)(fd, Buffer.alloc(8), 0, 8, 0);
      assert.strictEqual(rd.bytesRead, 8);
      assert.strictEqual(rd.buffer.toString('latin1'), 'hélloXY!');
      fs.closeSync(fd);
      assert.deepStrictEqual(fs.readFileSync(p('w.txt')),
                             Buffer.from([0x68, 0xe9, 0x6c, 0x6c, 0x6f, 0x58,
                                          0x59, 0x21]));
    }));
  }));
}

// readFile / writeFile / appendFile in one trip each.
fs.writeFile(p('g.txt'), 'one', common.mustSucceed(() => {
  fs.appendFile(p('g.txt'), Buffer.from(' two'), common.mustSucceed(() => {
    fs.readFile(p('g.txt'), 'utf8', common.mustSucceed((data) => {
      assert.strictEqual(data, 'one two');
    }));
    fs.readFile(p('g.txt'), common.mustSucceed((data) => {
      assert.ok(Buffer.isBuffer(data));
      assert.strictEqual(data.length, 7);
    }));
  }));
}));

// readFile with an aborted signal fails with an AbortError.
{
  const controller = new AbortController();
  fs.readFile(p('f.txt'), { signal: controller.signal },
              common.mustCall((err) => {
                assert.strictEqual(err.name, 'AbortError');
                assert.strictEqual(err.code, 'ABORT_ERR');
              }));
  controller.abort();
}

// mkdir recursive, readdir withFileTypes, rm recursive.
fs.mkdir(p('x', 'y', 'z'), { recursive: true }, common.mustSucceed((first) => {
  assert.strictEqual(first, p('x'));
  fs.readdir(p('x'), { withFileTypes: true }, common.mustSucceed((ents) => {
    assert.strictEqual(ents.length, 1);
    assert.ok(ents[0].isDirectory());
    fs.rm(p('x'), { recursive: true }, common.mustSucceed(() => {
      assert.strictEqual(fs.existsSync(p('x')), false);
    }));
  }));
}));

// realpath (JS walk) reports the failing component through lstat.
fs.realpath(p('nope', 'deeper'), common.mustCall((err) => {
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.syscall, 'lstat');
  assert.strictEqual(err.path, p('nope'));
}));

// exists() passes a boolean only; promisified it resolves.
fs.exists(p('f.txt'), common.mustCall((...args) => {
  assert.deepStrictEqual(args, [true]);
}));
util.promisify(fs.exists)(p('zzz')).then(common.mustCall((v) => {
  assert.strictEqual(v, false);
}));

// A missing callback is a TypeError thrown synchronously.
assert.throws(() => fs.stat(p('f.txt')), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "cb" argument must be of type function. Received undefined',
});
