'use strict';
// Duplex (allowHalfOpen), Transform/_flush, PassThrough, pipe()/unpipe()
// with backpressure, and the legacy Stream class.

const common = require('../common');
const assert = require('assert');
const stream = require('stream');
const { Duplex, PassThrough, Readable, Transform, Writable } = stream;

{
  // require('stream') is the legacy Stream constructor itself.
  const EE = require('events');
  assert.strictEqual(typeof stream, 'function');
  assert.strictEqual(stream.Stream, stream);
  assert.ok(new stream() instanceof EE);
  assert.ok(new Readable() instanceof stream);
  assert.strictEqual(require('_stream_readable'), Readable);
  assert.strictEqual(require('_stream_passthrough'), PassThrough);
  assert.deepStrictEqual(Object.keys(stream), [
    'isDestroyed', 'isDisturbed', 'isErrored', 'isReadable', 'isWritable',
    'Readable', 'Writable', 'Duplex', 'Transform', 'PassThrough', 'pipeline',
    'addAbortSignal', 'finished', 'destroy', 'compose',
    'setDefaultHighWaterMark', 'getDefaultHighWaterMark', 'promises',
    'Stream', '_isUint8Array', '_uint8ArrayToBuffer',
  ]);
}

{
  // allowHalfOpen: false ends the writable side after 'end'.
  const d = new Duplex({
    allowHalfOpen: false,
    read() {},
    write(c, e, cb) { cb(); },
  });
  d.on('finish', common.mustCall());
  d.on('close', common.mustCall(() => {
    assert.strictEqual(d.writableEnded, true);
  }));
  d.push(null);
  d.resume();
}

{
  // With the default allowHalfOpen, 'end' leaves the writable side open.
  const d = new Duplex({ read() {}, write(c, e, cb) { cb(); } });
  assert.strictEqual(d.allowHalfOpen, true);
  d.push(null);
  d.resume();
  d.on('end', common.mustCall(() => {
    setImmediate(common.mustCall(() => {
      assert.strictEqual(d.writable, true);
      assert.strictEqual(d.destroyed, false);
      d.end();
    }));
  }));
}

{
  // Separate object modes and highWaterMarks per side.
  const d = new Duplex({
    readableObjectMode: true,
    writableHighWaterMark: 5,
  });
  assert.strictEqual(d.readableObjectMode, true);
  assert.strictEqual(d.writableObjectMode, false);
  assert.strictEqual(d.readableHighWaterMark, 16);
  assert.strictEqual(d.writableHighWaterMark, 5);
}

{
  // Transform with _flush; data in order, flush output last.
  const upper = new Transform({
    transform(chunk, encoding, cb) {
      cb(null, chunk.toString().toUpperCase());
    },
    flush(cb) {
      this.push('!');
      cb(null, '?');
    },
  });
  let out = '';
  upper.setEncoding('utf8');
  upper.on('data', (d) => { out += d; });
  upper.on('end', common.mustCall(() => assert.strictEqual(out, 'AB!?')));
  upper.write('a');
  upper.end('b');
}

{
  // Transform without _transform: the write throws synchronously.
  const t = new Transform();
  assert.throws(() => t.end('x'), {
    code: 'ERR_METHOD_NOT_IMPLEMENTED',
    message: 'The _transform() method is not implemented',
  });
}

{
  // pipe() respects the destination's backpressure: the source pauses
  // while the destination is full and resumes on 'drain'.
  let reads = 0;
  const src = new Readable({
    highWaterMark: 1,
    read() {
      this.push(reads++ < 20 ? Buffer.alloc(10) : null);
    },
  });
  let inFlight = 0;
  let maxInFlight = 0;
  const dst = new Writable({
    highWaterMark: 30,
    write(chunk, encoding, cb) {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, dst.writableLength);
      setImmediate(() => { inFlight--; cb(); });
    },
  });
  src.on('pause', common.mustCallAtLeast(() => {}, 1));
  src.pipe(dst);
  dst.on('pipe', common.mustNotCall());  // Added after pipe() ran.
  dst.on('finish', common.mustCall(() => {
    assert.strictEqual(reads, 21);
    assert.ok(maxInFlight <= 30, `${maxInFlight}`);
  }));
}

{
  // 'pipe' and 'unpipe' events; unpipe() pauses the source.
  const src = new Readable({ read() {} });
  const dst = new PassThrough();
  dst.on('pipe', common.mustCall((s) => assert.strictEqual(s, src)));
  dst.on('unpipe', common.mustCall((s) => assert.strictEqual(s, src)));
  src.pipe(dst);
  assert.strictEqual(src._readableState.pipes.length, 1);
  src.unpipe(dst);
  assert.strictEqual(src._readableState.pipes.length, 0);
  assert.strictEqual(src.isPaused(), true);
}

{
  // One source piped to two destinations gets both full copies.
  const src = Readable.from(['a', 'b', 'c'], { objectMode: false });
  const got = [[], []];
  for (const i of [0, 1]) {
    src.pipe(new Writable({
      write(chunk, encoding, cb) {
        got[i].push(chunk.toString());
        cb();
      },
      final: common.mustCall((cb) => cb()),
    }));
  }
  src.on('end', common.mustCall(() => setImmediate(() => {
    assert.deepStrictEqual(got, [['a', 'b', 'c'], ['a', 'b', 'c']]);
  })));
}

{
  // pipe(dest, { end: false }) leaves the destination open.
  const src = Readable.from(['x']);
  const dst = new PassThrough({ objectMode: true });
  src.pipe(dst, { end: false });
  dst.on('finish', common.mustNotCall());
  src.on('end', common.mustCall(() => {
    setImmediate(() => assert.strictEqual(dst.writableEnded, false));
  }));
}

{
  // Writables cannot be piped from.
  const w = new Writable();
  w.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_STREAM_CANNOT_PIPE');
  }));
  w.pipe(new PassThrough());
}

{
  // Legacy Stream.prototype.pipe with plain emitters.
  const src = new stream();
  const dst = new stream();
  dst.writable = true;
  const written = [];
  dst.write = (chunk) => { written.push(chunk); return true; };
  dst.end = common.mustCall();
  src.pipe(dst);
  src.emit('data', 'a');
  src.emit('data', 'b');
  src.emit('end');
  assert.deepStrictEqual(written, ['a', 'b']);
}

{
  // Duplex.from() of an async generator function.
  const d = Duplex.from(async function*(source) {
    for await (const chunk of source) yield String(chunk).toUpperCase();
  });
  d.end('hi');
  d.toArray().then(common.mustCall((items) => {
    assert.deepStrictEqual(items, ['HI']);
  }));
}
