// fs/promises and FileHandle: reads, writes, stats, closing rules.
'use strict';
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const fsp = require('fs/promises');
const os = require('os');
const path = require('path');

assert.strictEqual(fs.promises, fsp);

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nodus-fs-p-'));
process.on('exit', () => fs.rmSync(root, { recursive: true, force: true }));
const p = (...parts) => path.join(root, ...parts);

(async () => {
  await fsp.writeFile(p('a.txt'), 'hello world');
  assert.strictEqual(await fsp.readFile(p('a.txt'), 'utf8'), 'hello world');
  await fsp.appendFile(p('a.txt'), '!');
  assert.strictEqual((await fsp.stat(p('a.txt'))).size, 12);

  // writeFile accepts (async) iterables of chunks.
  await fsp.writeFile(p('it.txt'), (async function*() {
    yield 'ab';
    yield Buffer.from('cd');
  })());
  assert.strictEqual(fs.readFileSync(p('it.txt'), 'utf8'), 'abcd');

  // FileHandle basics.
  const fh = await fsp.open(p('a.txt'), 'r+');
  assert.strictEqual(typeof fh.fd, 'number');
  const r = await fh.read(Buffer.alloc(5), 0, 5, 0);
  assert.strictEqual(r.bytesRead, 5);
  assert.strictEqual(r.buffer.toString(), 'hello');
  const r2 = await fh.read({ buffer: Buffer.alloc(3), position: 6 });
  assert.strictEqual(r2.buffer.toString(), 'wor');
  const w = await fh.write('HELLO', 0);
  assert.deepStrictEqual(w, { bytesWritten: 5, buffer: 'HELLO' });
  const wv = await fh.writev([Buffer.from('x'), Buffer.from('y')], 5);
  assert.strictEqual(wv.bytesWritten, 2);
  assert.strictEqual((await fh.stat()).size, 12);
  await fh.truncate(7);
  assert.strictEqual(await fh.readFile('utf8'), 'HELLOxy');
  await fh.close();
  assert.strictEqual(fh.fd, -1);

  // Operations on a closed handle fail with EBADF 'file closed'.
  await assert.rejects(fh.stat(), {
    message: 'file closed', code: 'EBADF', syscall: 'fstat',
  });
  // A second close() resolves quietly.
  await fh.close();

  // close() waits for operations in flight.
  const fh2 = await fsp.open(p('a.txt'));
  const pending = fh2.readFile('utf8');
  const closing = fh2.close();
  assert.strictEqual(await pending, 'HELLOxy');
  await closing;
  assert.strictEqual(fh2.fd, -1);

  // 'close' is emitted by close().
  const fh3 = await fsp.open(p('a.txt'));
  fh3.on('close', common.mustCall());
  await fh3.close();

  // Errors from the thread pool reject with Node's shape.
  await assert.rejects(fsp.readFile(p('missing')), {
    message: `ENOENT: no such file or directory, open '${p('missing')}'`,
    code: 'ENOENT', syscall: 'open', errno: -2,
  });
  await assert.rejects(fsp.stat(5), { code: 'ERR_INVALID_ARG_TYPE' });
  await assert.rejects(fsp.lchmod(p('a.txt'), 0o644), {
    code: 'ERR_METHOD_NOT_IMPLEMENTED',
  });

  // Directories, links and temp dirs.
  assert.strictEqual(await fsp.mkdir(p('d', 'e'), { recursive: true }),
                     p('d'));
  await fsp.symlink(p('d'), p('ln'));
  assert.strictEqual(await fsp.readlink(p('ln')), p('d'));
  assert.strictEqual(await fsp.realpath(p('ln', 'e')),
                     fs.realpathSync(p('d', 'e')));
  const ents = await fsp.readdir(p('d'), { withFileTypes: true });
  assert.deepStrictEqual(ents.map((e) => [e.name, e.isDirectory()]),
                         [['e', true]]);
  const tmp = await fsp.mkdtemp(p('t-'));
  assert.ok(fs.statSync(tmp).isDirectory());
  await fsp.rm(p('d'), { recursive: true });
  await assert.rejects(fsp.access(p('d')), { code: 'ENOENT' });

  // readFile with an already aborted signal.
  await assert.rejects(fsp.readFile(p('a.txt'), {
    signal: AbortSignal.abort(),
  }), { name: 'AbortError' });

  // Dir: async iteration closes the directory.
  fs.writeFileSync(p('d1'), '');
  const dir = await fsp.opendir(root);
  const names = [];
  for await (const ent of dir) names.push(ent.name);
  assert.ok(names.includes('d1'));
  assert.throws(() => dir.read(), { code: 'ERR_DIR_CLOSED' });
})().then(common.mustCall());
