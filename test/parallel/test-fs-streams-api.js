// fs.ReadStream / fs.WriteStream: ranges, fds, FileHandles, custom fs.
'use strict';
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'nodus-fs-st-'));
process.on('exit', () => fs.rmSync(root, { recursive: true, force: true }));
const p = (...parts) => path.join(root, ...parts);
fs.writeFileSync(p('src.txt'), 'abcdefghijklmnopqrstuvwxyz');

// start/end are inclusive; chunks never exceed highWaterMark.
{
  const chunks = [];
  const rs = fs.createReadStream(p('src.txt'), { start: 2, end: 11,
                                                 highWaterMark: 4 });
  assert.ok(rs instanceof fs.ReadStream);
  assert.strictEqual(rs.pending, true);
  rs.on('open', common.mustCall((fd) => assert.strictEqual(typeof fd,
                                                           'number')));
  rs.on('ready', common.mustCall());
  rs.on('data', (c) => chunks.push(c.toString()));
  rs.on('end', common.mustCall(() => {
    assert.deepStrictEqual(chunks, ['cdef', 'ghij', 'kl']);
    assert.strictEqual(rs.bytesRead, 10);
  }));
  rs.on('close', common.mustCall());
}

// encoding option; start > end is a RangeError.
fs.createReadStream(p('src.txt'), { encoding: 'hex', end: 1 })
  .on('data', common.mustCall((d) => assert.strictEqual(d, '6162')));
assert.throws(() => fs.createReadStream(p('src.txt'), { start: 5, end: 2 }), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "start" is out of range. It must be <= "end" ' +
           '(here: 2). Received 5',
});
assert.throws(() => fs.createReadStream(p('src.txt'), { fd: 'x' }), {
  message: 'The "options.fd" property must be of type number or an ' +
           "instance of FileHandle. Received type string ('x')",
});

// A missing file errors (then closes) the stream.
fs.createReadStream(p('missing')).on('error', common.mustCall((err) => {
  assert.strictEqual(err.code, 'ENOENT');
  assert.strictEqual(err.syscall, 'open');
}));

// WriteStream: pipe, bytesWritten, flags and start.
{
  const ws = fs.createWriteStream(p('dst.txt'));
  fs.createReadStream(p('src.txt')).pipe(ws);
  ws.on('finish', common.mustCall(() => {
    assert.strictEqual(ws.bytesWritten, 26);
  }));
  ws.on('close', common.mustCall(() => {
    assert.strictEqual(fs.readFileSync(p('dst.txt'), 'utf8'),
                       'abcdefghijklmnopqrstuvwxyz');
    const ws2 = fs.createWriteStream(p('dst.txt'), { flags: 'r+', start: 3 });
    ws2.end('XYZ', common.mustCall(() => {
      ws2.on('close', common.mustCall(() => {
        assert.strictEqual(fs.readFileSync(p('dst.txt'), 'utf8'),
                           'abcXYZghijklmnopqrstuvwxyz');
      }));
    }));
  }));
}

// Writes made from the 'open' listener keep their order.
{
  const ws = fs.createWriteStream(p('order.txt'));
  ws.on('open', common.mustCall(() => {
    ws.write('hello');
    process.nextTick(() => {
      ws.write('world');
      ws.end();
    });
  }));
  ws.on('close', common.mustCall(() => {
    assert.strictEqual(fs.readFileSync(p('order.txt'), 'utf8'),
                       'helloworld');
  }));
}

// An fd option skips open(); autoClose: false leaves the fd open.
{
  const fd = fs.openSync(p('src.txt'), 'r');
  const rs = fs.createReadStream(null, { fd, autoClose: false, start: 23 });
  rs.on('data', common.mustCall((d) => assert.strictEqual(d.toString(),
                                                          'xyz')));
  rs.on('end', common.mustCall(() => {
    setImmediate(common.mustCall(() => {
      assert.ok(fs.fstatSync(fd).isFile());
      fs.closeSync(fd);
    }));
  }));
}

// The fs option replaces the functions the stream calls.
{
  const custom = { ...fs, read: common.mustCallAtLeast(fs.read, 1) };
  fs.createReadStream(p('src.txt'), { fs: custom }).resume()
    .on('end', common.mustCall());
  assert.throws(() => fs.createWriteStream(p('x'), {
    fs: { open() {}, close() {} },
  }), {
    message: 'The "options.fs.write" property must be of type function. ' +
             'Received undefined',
  });
}

// FileHandle streams.
fs.promises.open(p('src.txt')).then(common.mustCall((fh) => {
  const chunks = [];
  fh.createReadStream({ start: 24 })
    .on('data', (c) => chunks.push(c))
    .on('close', common.mustCall(() => {
      assert.strictEqual(Buffer.concat(chunks).toString(), 'yz');
      assert.strictEqual(fh.fd, -1);
    }));
}));
