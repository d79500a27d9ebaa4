// fs sync API: files, directories, stats and Node-shaped errors.
'use strict';
require('../common');
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nodus-fs-sync-'));
process.on('exit', () => fs.rmSync(root, { recursive: true, force: true }));
const p = (...parts) => path.join(root, ...parts);

// mkdirSync recursive returns the first directory it created.
assert.strictEqual(fs.mkdirSync(p('a', 'b', 'c'), { recursive: true }),
                   p('a'));
assert.strictEqual(fs.mkdirSync(p('a', 'b'), { recursive: true }), undefined);
assert.strictEqual(fs.mkdirSync(p('d')), undefined);

// writeFileSync / readFileSync with encodings and flags.
fs.writeFileSync(p('f.txt'), 'héllo');
assert.deepStrictEqual(fs.readFileSync(p('f.txt')),
                       Buffer.from([0x68, 0xc3, 0xa9, 0x6c, 0x6c, 0x6f]));
assert.strictEqual(fs.readFileSync(p('f.txt'), 'utf8'), 'héllo');
assert.strictEqual(fs.readFileSync(p('f.txt'), { encoding: 'hex' }),
                   '68c3a96c6c6f');
fs.writeFileSync(p('f.txt'), ' world', { flag: 'a' });
assert.strictEqual(fs.readFileSync(p('f.txt'), 'latin1'), 'hÃ©llo world');
fs.appendFileSync(p('f.txt'), Buffer.from('!'));
assert.strictEqual(fs.readFileSync(p('f.txt'), 'utf8'), 'héllo world!');
fs.writeFileSync(p('h.txt'), '6869', 'hex');
assert.strictEqual(fs.readFileSync(p('h.txt'), 'utf8'), 'hi');

// Reading through an fd starts at the current position.
{
  const fd = fs.openSync(p('f.txt'), 'r');
  const buf = Buffer.alloc(2);
  assert.strictEqual(fs.readSync(fd, buf, 0, 2, null), 2);
  assert.deepStrictEqual(buf, Buffer.from([0x68, 0xc3]));
  assert.strictEqual(fs.readFileSync(fd, 'latin1'), '\xa9llo world!');
  // readSync with an options object and an explicit position.
  assert.strictEqual(fs.readSync(fd, buf, { position: 8 }), 2);
  assert.strictEqual(buf.toString(), 'or');
  assert.strictEqual(fs.readSync(fd, buf, 0, 2, 100), 0);
  fs.closeSync(fd);
}

// writeSync forms: buffer with offset/length/position, string + position.
{
  const fd = fs.openSync(p('w.txt'), 'w+');
  assert.strictEqual(fs.writeSync(fd, Buffer.from('abcdef'), 1, 3), 3);
  assert.strictEqual(fs.writeSync(fd, 'XY', 0), 2);
  assert.strictEqual(fs.writeSync(fd, 'é'), 2);
  assert.strictEqual(fs.writevSync(fd, [Buffer.from('1'), Buffer.from('23')]),
                     3);
  fs.closeSync(fd);
  assert.strictEqual(fs.readFileSync(p('w.txt'), 'utf8'), 'XYdé123');
}

// existsSync never throws.
assert.strictEqual(fs.existsSync(p('f.txt')), true);
assert.strictEqual(fs.existsSync(p('nope')), false);
assert.strictEqual(fs.existsSync(), false);
assert.strictEqual(fs.existsSync('a\u0000b'), false);

// Stats: all fields, Dates and BigInt variants.
{
  const st = fs.statSync(p('f.txt'));
  assert.strictEqual(st.isFile(), true);
  assert.strictEqual(st.isDirectory(), false);
  assert.strictEqual(st.size, 13);
  for (const k of ['dev', 'mode', 'nlink', 'uid', 'gid', 'rdev', 'blksize',
                   'ino', 'size', 'blocks', 'atimeMs', 'mtimeMs', 'ctimeMs',
                   'birthtimeMs']) {
    assert.strictEqual(typeof st[k], 'number', k);
  }
  assert.ok(st.mtime instanceof Date);
  assert.strictEqual(st.mtime.getTime(), Math.round(st.mtimeMs));
  const big = fs.statSync(p('f.txt'), { bigint: true });
  assert.strictEqual(big.size, 13n);
  assert.strictEqual(typeof big.mtimeNs, 'bigint');
  assert.strictEqual(big.mtimeMs, big.mtimeNs / 1000000n);
  assert.ok(big.isFile());
  assert.strictEqual(fs.statSync(p('nope'), { throwIfNoEntry: false }),
                     undefined);
  assert.ok(fs.lstatSync(p('a')).isDirectory());
  const fd = fs.openSync(p('f.txt'), 'r');
  assert.strictEqual(fs.fstatSync(fd).ino, st.ino);
  fs.closeSync(fd);
}

// utimes with Dates and seconds.
fs.utimesSync(p('f.txt'), 1000, new Date(2000500));
assert.strictEqual(fs.statSync(p('f.txt')).atimeMs, 1000000);
assert.strictEqual(fs.statSync(p('f.txt')).mtimeMs, 2000500);

// readdir: names, Dirents, Buffers, recursive.
fs.writeFileSync(p('a', 'b', 'c', 'deep.txt'), '');
assert.deepStrictEqual(fs.readdirSync(p('a')), ['b']);
{
  const [dirent] = fs.readdirSync(p('a'), { withFileTypes: true });
  assert.ok(dirent instanceof fs.Dirent);
  assert.strictEqual(dirent.name, 'b');
  assert.strictEqual(dirent.path, p('a'));
  assert.ok(dirent.isDirectory());
  assert.deepStrictEqual(fs.readdirSync(p('a'), 'buffer'), [Buffer.from('b')]);
  assert.deepStrictEqual(fs.readdirSync(p('a'), { recursive: true }),
                         ['b', path.join('b', 'c'),
                          path.join('b', 'c', 'deep.txt')]);
}

// Links and realpath.
fs.symlinkSync(p('a', 'b'), p('lnk'));
assert.strictEqual(fs.readlinkSync(p('lnk')), p('a', 'b'));
assert.strictEqual(fs.realpathSync(p('lnk', 'c')), fs.realpathSync(p('a', 'b',
                                                                     'c')));
assert.strictEqual(fs.realpathSync.native(p('lnk')),
                   fs.realpathSync(p('a', 'b')));
assert.ok(fs.lstatSync(p('lnk')).isSymbolicLink());
fs.linkSync(p('f.txt'), p('hard.txt'));
assert.strictEqual(fs.statSync(p('hard.txt')).nlink, 2);

// copyFile with COPYFILE_EXCL, rename, truncate, chmod.
fs.copyFileSync(p('f.txt'), p('copy.txt'));
assert.throws(() => fs.copyFileSync(p('f.txt'), p('copy.txt'),
                                    fs.constants.COPYFILE_EXCL),
              { code: 'EEXIST', syscall: 'copyfile', path: p('f.txt'),
                dest: p('copy.txt') });
fs.renameSync(p('copy.txt'), p('moved.txt'));
fs.truncateSync(p('moved.txt'), 4);
assert.strictEqual(fs.readFileSync(p('moved.txt'), 'utf8'), 'hél');
fs.chmodSync(p('moved.txt'), '640');
assert.strictEqual(fs.statSync(p('moved.txt')).mode & 0o777, 0o640);

// mkdtemp appends six characters.
assert.match(path.basename(fs.mkdtempSync(p('tmp-'))), /^tmp-[\w]{6}$/);

// Errors carry Node's message, errno, code, syscall and path.
assert.throws(() => fs.openSync(p('missing')), {
  name: 'Error',
  message: `ENOENT: no such file or directory, open '${p('missing')}'`,
  errno: -2,
  code: 'ENOENT',
  syscall: 'open',
  path: p('missing'),
});
assert.throws(() => fs.renameSync(p('missing'), p('x')), {
  message: `ENOENT: no such file or directory, rename '${p('missing')}' -> ` +
           `'${p('x')}'`,
  dest: p('x'),
});
assert.throws(() => fs.readFileSync(root), {
  message: 'EISDIR: illegal operation on a directory, read',
  code: 'EISDIR',
  syscall: 'read',
});
assert.throws(() => fs.readdirSync(p('f.txt')), { code: 'ENOTDIR',
                                                 syscall: 'scandir' });
assert.throws(() => fs.rmdirSync(p('a')), { code: 'ENOTEMPTY' });
assert.throws(() => fs.rmSync(p('a')), { code: 'ERR_FS_EISDIR' });

// Validation errors match Node's.
assert.throws(() => fs.openSync(5), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "path" argument must be of type string or an instance of ' +
           'Buffer or URL. Received type number (5)',
});
assert.throws(() => fs.readFileSync('a\u0000b'), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'path' must be a string or Uint8Array without null " +
           "bytes. Received 'a\\x00b'",
});
assert.throws(() => fs.closeSync(-1), { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => fs.openSync(p('f.txt'), 'zz'), {
  message: "The argument 'flags' is invalid. Received 'zz'",
});
assert.throws(() => fs.readFileSync(p('f.txt'), 'bogus'), {
  message: "The argument 'bogus' is invalid encoding. Received 'encoding'",
});

// file: URLs are paths.
assert.strictEqual(fs.readFileSync(new URL(`file://${p('h.txt')}`), 'utf8'),
                   'hi');

// rmSync recursive removes trees (including non-UTF-8 names).
fs.writeFileSync(Buffer.from(`${p('a')}/\xff\xfe`, 'latin1'), '');
fs.rmSync(p('a'), { recursive: true });
assert.strictEqual(fs.existsSync(p('a')), false);
fs.rmSync(p('a'), { recursive: true, force: true });
assert.throws(() => fs.rmSync(p('a')), { code: 'ENOENT', syscall: 'lstat' });
