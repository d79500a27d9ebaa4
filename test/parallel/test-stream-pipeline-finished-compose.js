'use strict';
// pipeline() (callback and promise forms, async generator stages,
// AbortSignal), finished(), compose(), addAbortSignal(), destroy and the
// is*() helpers.

const common = require('../common');
const assert = require('assert');
const stream = require('stream');
const {
  PassThrough, Readable, Transform, Writable,
  addAbortSignal, compose, finished, pipeline,
} = stream;
const { pipeline: pipelinePromise, finished: finishedPromise } =
  require('stream/promises');

function collector(out) {
  return new Writable({
    objectMode: true,
    write(chunk, encoding, cb) {
      out.push(chunk);
      cb();
    },
  });
}

{
  // Callback form; the last stream is returned.
  const out = [];
  const sink = collector(out);
  const ret = pipeline(
    Readable.from([1, 2, 3]),
    new Transform({
      objectMode: true,
      transform(n, e, cb) { cb(null, n * 10); },
    }),
    sink,
    common.mustSucceed(() => {
      assert.deepStrictEqual(out, [10, 20, 30]);
    }));
  assert.strictEqual(ret, sink);
}

{
  // An error anywhere destroys every stream and reaches the callback once.
  const src = new Readable({ read() {} });
  const mid = new PassThrough();
  const dst = new PassThrough();
  pipeline(src, mid, dst, common.mustCall((err) => {
    assert.strictEqual(err.message, 'kaboom');
    assert.strictEqual(src.destroyed, true);
    assert.strictEqual(mid.destroyed, true);
    assert.strictEqual(dst.destroyed, true);
  }));
  mid.destroy(new Error('kaboom'));
}

{
  // A stream destroyed without an error is a premature close.
  const src = new Readable({ read() {} });
  pipeline(src, new PassThrough(), common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_STREAM_PREMATURE_CLOSE');
    assert.strictEqual(err.message, 'Premature close');
  }));
  src.destroy();
}

{
  // Async generator stages and a final async function whose value the
  // promise form resolves with.
  pipelinePromise(
    async function*() {
      yield 'a';
      yield 'b';
    },
    async function*(source) {
      for await (const chunk of source) yield chunk.toUpperCase();
    },
    async function(source) {
      let all = '';
      for await (const chunk of source) all += chunk;
      return all;
    },
  ).then(common.mustCall((value) => assert.strictEqual(value, 'AB')));
}

{
  // AbortSignal: aborting rejects with an AbortError.
  const ac = new AbortController();
  const src = new Readable({ read() {} });
  pipelinePromise(src, new PassThrough(), { signal: ac.signal })
    .then(common.mustNotCall(), common.mustCall((err) => {
      assert.strictEqual(err.name, 'AbortError');
      assert.strictEqual(err.code, 'ABORT_ERR');
      assert.strictEqual(src.destroyed, true);
    }));
  setImmediate(() => ac.abort());
}

{
  // Argument checks.
  assert.throws(() => pipeline(), {
    code: 'ERR_INVALID_ARG_TYPE',
  });
  assert.throws(() => pipeline(new PassThrough(), () => {}), {
    code: 'ERR_MISSING_ARGS',
    message: 'The "streams" argument must be specified',
  });
}

{
  // finished(): once for end, with ERR_STREAM_PREMATURE_CLOSE on early
  // close, and the cleanup function removes its listeners.
  const r = Readable.from(['x']);
  finished(r, common.mustSucceed());
  r.resume();

  const r2 = new Readable({ read() {} });
  finished(r2, common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_STREAM_PREMATURE_CLOSE');
  }));
  r2.destroy();

  const w = new Writable({ write(c, e, cb) { cb(); } });
  const before = w.listenerCount('finish');
  const cleanup = finished(w, common.mustNotCall());
  assert.strictEqual(w.listenerCount('finish'), before + 1);
  cleanup();
  assert.strictEqual(w.listenerCount('finish'), before);
  w.end();

  assert.throws(() => finished({}, () => {}), {
    code: 'ERR_INVALID_ARG_TYPE',
  });
}

{
  // stream/promises finished.
  const w = new Writable({ write(c, e, cb) { cb(); } });
  finishedPromise(w).then(common.mustCall());
  w.end('done');
}

{
  // compose(): one Duplex writing into the first stage and reading from
  // the last.
  const d = compose(
    new Transform({
      transform(chunk, e, cb) { cb(null, chunk.toString() + '1'); },
    }),
    async function*(source) {
      for await (const chunk of source) yield chunk.toString() + '2';
    },
  );
  d.end('x');
  let out = '';
  d.on('data', (c) => { out += c; });
  d.on('end', common.mustCall(() => assert.strictEqual(out, 'x12')));
  assert.throws(() => compose(), { code: 'ERR_MISSING_ARGS' });
}

{
  // addAbortSignal() destroys the stream with an AbortError.
  const ac = new AbortController();
  const r = addAbortSignal(ac.signal, new Readable({ read() {} }));
  r.on('error', common.mustCall((err) => {
    assert.strictEqual(err.name, 'AbortError');
  }));
  r.on('close', common.mustCall(() => {
    assert.strictEqual(r.destroyed, true);
  }));
  ac.abort();
  assert.throws(() => addAbortSignal('x', r), { code: 'ERR_INVALID_ARG_TYPE' });
}

{
  // The helpers of the stream module.
  const r = new Readable({ read() {} });
  assert.strictEqual(stream.isReadable(r), true);
  assert.strictEqual(stream.isDisturbed(r), false);
  assert.strictEqual(stream.isErrored(r), false);
  r.read(0);
  r.push('a');
  r.read();
  assert.strictEqual(stream.isDisturbed(r), true);
  stream.destroy(r, new Error('x'));
  r.on('error', common.mustCall(() => {
    assert.strictEqual(stream.isErrored(r), true);
    assert.strictEqual(stream.isDestroyed(r), true);
    assert.strictEqual(stream.isReadable(r), false);
  }));
  assert.strictEqual(stream.isWritable(new PassThrough()), true);
}

{
  // Default highWaterMarks can be changed.
  const was = stream.getDefaultHighWaterMark(true);
  assert.strictEqual(was, 16);
  stream.setDefaultHighWaterMark(true, 4);
  assert.strictEqual(new Readable({ objectMode: true }).readableHighWaterMark,
                     4);
  stream.setDefaultHighWaterMark(true, was);
  assert.throws(() => stream.setDefaultHighWaterMark(false, -1), {
    code: 'ERR_OUT_OF_RANGE',
  });
}
