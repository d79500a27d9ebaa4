// fs writes to regular files done on the loop thread (page cache) keep the
// asynchronous contract: callbacks later, in order, errors as Node's.
'use strict';
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nodus-fs-inline-'));
process.on('exit', () => fs.rmSync(root, { recursive: true, force: true }));
const p = (name) => path.join(root, name);

// The callback never runs before fs.write returns, and sequential writes at
// the file position land one after the other.
{
  const fd = fs.openSync(p('seq'), 'w');
  let sync = true;
  const order = [];
  fs.write(fd, Buffer.from('abc'), common.mustSucceed((n) => {
    assert.strictEqual(sync, false);
    assert.strictEqual(n, 3);
    order.push(1);
    fs.write(fd, 'déf', null, 'utf8', common.mustSucceed((n2) => {
      assert.strictEqual(n2, 4);
      order.push(2);
      fs.writev(fd, [Buffer.from('x'), Buffer.from('yz')], common.mustSucceed(
        (n3) => {
          assert.strictEqual(n3, 3);
          fs.closeSync(fd);
          assert.deepStrictEqual(order, [1, 2]);
          assert.strictEqual(fs.readFileSync(p('seq'), 'utf8'), 'abcdéfxyz');
        }));
    }));
  }));
  sync = false;
}

// Positioned writes do not move the file position.
{
  const fd = fs.openSync(p('pos'), 'w+');
  fs.writeSync(fd, '0123456789');
  fs.write(fd, Buffer.from('AB'), 0, 2, 4, common.mustSucceed((n) => {
    assert.strictEqual(n, 2);
    fs.write(fd, 'Z', common.mustSucceed(() => {
      fs.closeSync(fd);
      assert.strictEqual(fs.readFileSync(p('pos'), 'latin1'), '0123AB6789Z');
    }));
  }));
}

// Many writes issued without waiting all complete (Node promises no order).
{
  const fd = fs.openSync(p('many'), 'w');
  const seen = [];
  const N = 50;
  for (let i = 0; i < N; i++) {
    fs.write(fd, Buffer.alloc(1000, i), 0, 1000, i * 1000,
             common.mustSucceed((n) => {
               assert.strictEqual(n, 1000);
               seen.push(i);
               if (seen.length === N) {
                 fs.closeSync(fd);
                 assert.deepStrictEqual(seen.sort((a, b) => a - b),
                                        [...Array(N).keys()]);
                 const data = fs.readFileSync(p('many'));
                 for (let j = 0; j < N; j++) assert.strictEqual(data[j * 1000 + 999], j);
               }
             }));
  }
}

// Synchronous-I/O files (O_SYNC) and a write larger than one inline write
// still work (the thread pool takes them).
{
  fs.open(p('sync'), 'as', common.mustSucceed((fd) => {
    const big = Buffer.alloc(3 << 20, 0x61);
    fs.write(fd, big, common.mustSucceed((n) => {
      assert.strictEqual(n, big.length);
      fs.closeSync(fd);
      assert.strictEqual(fs.statSync(p('sync')).size, big.length);
    }));
  }));
}

// Writes to a FIFO are not regular-file writes and still complete.
{
  const fifo = p('fifo');
  const { status } = require('child_process').spawnSync('mkfifo', [fifo]);
  assert.strictEqual(status, 0);
  {
    const fd = fs.openSync(fifo, 'r+');
    fs.write(fd, 'through the pipe', common.mustSucceed((n) => {
      assert.strictEqual(n, 16);
      const buf = Buffer.alloc(32);
      fs.read(fd, buf, 0, 32, null, common.mustSucceed((got) => {
        assert.strictEqual(buf.toString('utf8', 0, got), 'through the pipe');
        fs.closeSync(fd);
      }));
    }));
  }
}

// A closed descriptor is reported through the callback with Node's error.
{
  const fd = fs.openSync(p('closed'), 'w');
  fs.closeSync(fd);
  fs.write(fd, 'x', common.mustCall((err) => {
    assert.strictEqual(err.code, 'EBADF');
    assert.strictEqual(err.syscall, 'write');
  }));
}

// fs/promises FileHandle writes resolve with the byte count and land.
(async () => {
  const fh = await fs.promises.open(p('fh'), 'w');
  const { bytesWritten } = await fh.write(Buffer.from('hello'));
  assert.strictEqual(bytesWritten, 5);
  await fh.writev([Buffer.from(' '), Buffer.from('world')]);
  await fh.close();
  assert.strictEqual(fs.readFileSync(p('fh'), 'utf8'), 'hello world');
})().then(common.mustCall());

// A stream copy through createReadStream/createWriteStream keeps every byte.
{
  const src = Buffer.alloc((1 << 20) + 12345);
  for (let i = 0; i < src.length; i++) src[i] = (i * 7) & 0xff;
  fs.writeFileSync(p('src'), src);
  fs.createReadStream(p('src')).pipe(fs.createWriteStream(p('dst')))
    .on('finish', common.mustCall(() => {
      assert.ok(fs.readFileSync(p('dst')).equals(src));
    }));
}
