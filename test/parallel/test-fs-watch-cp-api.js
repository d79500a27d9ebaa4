// fs.watch (inotify), fs.watchFile (polling) and fs.cp/cpSync.
'use strict';
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nodus-fs-wc-'));
process.on('exit', () => fs.rmSync(root, { recursive: true, force: true }));
const p = (...parts) => path.join(root, ...parts);

// fs.watch sees a change of a watched file, with its name.
{
  fs.writeFileSync(p('w.txt'), 'a');
  const watcher = fs.watch(root, common.mustCallAtLeast((type, name) => {
    if (name !== 'w.txt') return;
    assert.ok(type === 'change' || type === 'rename');
    watcher.close();
  }, 1));
  assert.ok(watcher instanceof require('events'));
  watcher.on('close', common.mustCall());
  setTimeout(() => fs.writeFileSync(p('w.txt'), 'b'), 50);
}
assert.throws(() => fs.watch(p('missing')), {
  code: 'ENOENT',
  syscall: 'watch',
  filename: p('missing'),
});
assert.throws(() => fs.watch(root, { recursive: true }), {
  code: 'ERR_FEATURE_UNAVAILABLE_ON_PLATFORM',
});

// fs.watchFile reports a missing file with zeroed stats, then its creation.
{
  let calls = 0;
  fs.watchFile(p('later.txt'), { interval: 20 },
               common.mustCall((curr, prev) => {
                 calls++;
                 if (calls === 1) {
                   assert.strictEqual(curr.ino, 0);
                   assert.strictEqual(curr.mtime.getTime(), 0);
                   fs.writeFileSync(p('later.txt'), 'x');
                 } else {
                   assert.ok(curr.ino > 0);
                   assert.strictEqual(prev.ino, 0);
                   fs.unwatchFile(p('later.txt'));
                 }
               }, 2));
}
assert.throws(() => fs.watchFile(p('x')), { code: 'ERR_INVALID_ARG_TYPE' });

// cpSync copies trees and symlinks, honours filter and errorOnExist.
fs.mkdirSync(p('src', 'sub'), { recursive: true });
fs.writeFileSync(p('src', 'one.txt'), '1');
fs.writeFileSync(p('src', 'sub', 'two.txt'), '2');
fs.writeFileSync(p('src', 'skip.log'), 'no');
fs.symlinkSync('one.txt', p('src', 'link'));
fs.cpSync(p('src'), p('dst'), {
  recursive: true,
  filter: (src) => !src.endsWith('.log'),
});
assert.strictEqual(fs.readFileSync(p('dst', 'sub', 'two.txt'), 'utf8'), '2');
assert.strictEqual(fs.existsSync(p('dst', 'skip.log')), false);
assert.strictEqual(fs.readlinkSync(p('dst', 'link')), p('src', 'one.txt'));
assert.throws(() => fs.cpSync(p('src'), p('dst2')), {
  code: 'ERR_FS_EISDIR',
});
assert.throws(() => fs.cpSync(p('src'), p('src', 'sub', 'inner'),
                              { recursive: true }), {
  code: 'ERR_FS_CP_EINVAL',
});
assert.throws(() => fs.cpSync(p('src', 'one.txt'), p('dst', 'one.txt'), {
  force: false, errorOnExist: true,
}), { code: 'ERR_FS_CP_EEXIST' });

// The callback and promise forms.
fs.cp(p('src'), p('dst3'), { recursive: true }, common.mustSucceed(() => {
  assert.strictEqual(fs.readFileSync(p('dst3', 'one.txt'), 'utf8'), '1');
}));
fs.promises.cp(p('src', 'one.txt'), p('single', 'copy.txt'))
  .then(common.mustCall(() => {
    assert.strictEqual(fs.readFileSync(p('single', 'copy.txt'), 'utf8'), '1');
  }));
