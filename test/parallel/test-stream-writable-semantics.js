'use strict';
// Writable: backpressure and 'drain', cork/uncork/_writev, _final and
// 'finish', end() callbacks, destroy() and Node's error codes.

const common = require('../common');
const assert = require('assert');
const { Writable } = require('stream');

{
  // write() returns false at the highWaterMark; 'drain' follows once the
  // buffer is empty.
  const chunks = [];
  const w = new Writable({
    highWaterMark: 3,
    write(chunk, encoding, cb) {
      chunks.push(chunk.toString());
      setImmediate(cb);
    },
  });
  assert.strictEqual(w.write('ab'), true);
  assert.strictEqual(w.write('cd'), false);
  assert.strictEqual(w.writableNeedDrain, true);
  assert.strictEqual(w.writableLength, 4);
  w.on('drain', common.mustCall(() => {
    assert.deepStrictEqual(chunks, ['ab', 'cd']);
    assert.strictEqual(w.writableLength, 0);
    assert.strictEqual(w.writableNeedDrain, false);
  }));
}

{
  // Strings become Buffers unless decodeStrings is false; the encoding
  // passed to _write follows.
  const w = new Writable({
    decodeStrings: false,
    write: common.mustCall((chunk, encoding, cb) => {
      assert.strictEqual(chunk, 'aGk=');
      assert.strictEqual(encoding, 'base64');
      cb();
    }),
  });
  w.write('aGk=', 'base64');

  const w2 = new Writable({
    write: common.mustCall((chunk, encoding, cb) => {
      assert.ok(Buffer.isBuffer(chunk));
      assert.strictEqual(chunk.toString(), 'hi');
      assert.strictEqual(encoding, 'buffer');
      cb();
    }),
  });
  w2.write('aGk=', 'base64');
  assert.throws(() => w2.write('x', 'nope'), {
    code: 'ERR_UNKNOWN_ENCODING',
    message: 'Unknown encoding: nope',
  });
  assert.throws(() => w2.setDefaultEncoding('nope'), {
    code: 'ERR_UNKNOWN_ENCODING',
  });
  assert.strictEqual(w2.setDefaultEncoding('HEX'), w2);
  assert.strictEqual(w2._writableState.defaultEncoding, 'hex');
}

{
  // cork() buffers writes; uncork() flushes them through one _writev().
  const w = new Writable({
    write: common.mustNotCall(),
    writev: common.mustCall((chunks, cb) => {
      assert.deepStrictEqual(chunks.map((c) => c.chunk.toString()),
                             ['a', 'b', 'c']);
      cb();
    }),
  });
  w.cork();
  w.write('a');
  w.write('b');
  w.write('c');
  assert.strictEqual(w.writableCorked, 1);
  assert.strictEqual(w._writableState.bufferedRequestCount, 3);
  process.nextTick(() => w.uncork());
}

{
  // _final runs before 'finish'; end(cb) gets 'finish'; order of events.
  const order = [];
  const w = new Writable({
    write(chunk, encoding, cb) {
      order.push('write');
      cb();
    },
    final(cb) {
      order.push('final');
      setImmediate(cb);
    },
  });
  w.on('prefinish', () => order.push('prefinish'));
  w.on('finish', () => order.push('finish'));
  w.on('close', common.mustCall(() => {
    assert.deepStrictEqual(order,
                           ['write', 'final', 'prefinish', 'end-cb', 'finish']);
    assert.strictEqual(w.writableFinished, true);
    assert.strictEqual(w.destroyed, true);  // autoDestroy
  }));
  w.end('x', () => order.push('end-cb'));
  assert.strictEqual(w.writableEnded, true);
  assert.strictEqual(w.writable, false);
}

{
  // write after end: callback and 'error' get ERR_STREAM_WRITE_AFTER_END.
  const w = new Writable({ write(c, e, cb) { cb(); } });
  w.end();
  w.write('x', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_STREAM_WRITE_AFTER_END');
    assert.strictEqual(err.message, 'write after end');
  }));
  w.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_STREAM_WRITE_AFTER_END');
  }));
}

{
  // null chunks and bad chunk types throw synchronously.
  const w = new Writable({ write(c, e, cb) { cb(); } });
  assert.throws(() => w.write(null), {
    code: 'ERR_STREAM_NULL_VALUES',
    name: 'TypeError',
    message: 'May not write null values to stream',
  });
  assert.throws(() => w.write(1), { code: 'ERR_INVALID_ARG_TYPE' });
  const o = new Writable({ objectMode: true, write(c, e, cb) { cb(); } });
  assert.strictEqual(o.write(1), true);
  assert.throws(() => o.write(null), { code: 'ERR_STREAM_NULL_VALUES' });
}

{
  // Calling the write callback twice is ERR_MULTIPLE_CALLBACK.
  const w = new Writable({
    write(chunk, encoding, cb) {
      cb();
      cb();
    },
  });
  w.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_MULTIPLE_CALLBACK');
    assert.strictEqual(err.message, 'Callback called multiple times');
  }));
  w.write('a');
}

{
  // An error from _write fails the write, then 'error' and 'close'.
  const order = [];
  const w = new Writable({
    write(chunk, encoding, cb) { cb(new Error('boom')); },
  });
  w.write('a', (err) => order.push(`cb ${err.message}`));
  w.on('error', (err) => order.push(`error ${err.message}`));
  w.on('close', common.mustCall(() => {
    assert.deepStrictEqual(order, ['cb boom', 'error boom']);
    assert.strictEqual(w.errored.message, 'boom');
    assert.strictEqual(w.writableAborted, true);
  }));
}

{
  // destroy() fails queued writes with ERR_STREAM_DESTROYED.
  const w = new Writable({ write(c, e, cb) { setImmediate(cb); } });
  w.write('a');
  w.write('b', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_STREAM_DESTROYED');
    assert.strictEqual(err.message,
                       'Cannot call write after a stream was destroyed');
  }));
  w.destroy();
  assert.strictEqual(w.destroyed, true);
  w.on('close', common.mustCall());
  w.on('error', common.mustNotCall());
}

{
  // _construct delays _write until it calls back.
  const order = [];
  const w = new Writable({
    construct(cb) {
      order.push('construct');
      setImmediate(cb);
    },
    write(chunk, encoding, cb) {
      order.push('write');
      cb();
    },
  });
  w.write('a');
  w.end(common.mustCall(() => {
    assert.deepStrictEqual(order, ['construct', 'write']);
  }));
}

{
  // The write callback of synchronous writes runs on a later tick.
  let sync = true;
  const w = new Writable({ write(c, e, cb) { cb(); } });
  w.write('a', common.mustCall(() => assert.strictEqual(sync, false)));
  sync = false;
}

{
  // instanceof Writable holds for Duplex streams too.
  const { Duplex } = require('stream');
  assert.ok(new Duplex() instanceof Writable);
  assert.ok(!({} instanceof Writable));
}
