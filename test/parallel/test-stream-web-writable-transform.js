'use strict';
// WHATWG WritableStream and TransformStream from stream/web: writer
// backpressure, close/abort, pipeTo/pipeThrough (with AbortSignal),
// queuing strategies, TextEncoderStream/TextDecoderStream.

const common = require('../common');
const assert = require('assert');
const { inspect } = require('util');
const {
  ByteLengthQueuingStrategy,
  CountQueuingStrategy,
  ReadableStream,
  TextDecoderStream,
  TextEncoderStream,
  TransformStream,
  WritableStream,
} = require('stream/web');

{
  // The writer sees backpressure through desiredSize and ready.
  const written = [];
  let release;
  const ws = new WritableStream({
    write(chunk) {
      written.push(chunk);
      return new Promise((resolve) => { release = resolve; });
    },
  }, new CountQueuingStrategy({ highWaterMark: 2 }));
  const writer = ws.getWriter();
  assert.strictEqual(writer.desiredSize, 2);
  writer.write('a');
  writer.write('b');
  assert.strictEqual(writer.desiredSize, 0);
  (async () => {
    await new Promise(setImmediate);
    assert.deepStrictEqual(written, ['a']);
    release();
    await new Promise(setImmediate);
    assert.deepStrictEqual(written, ['a', 'b']);
    release();
    await writer.ready;
    assert.strictEqual(writer.desiredSize, 2);
    await writer.close();
    await writer.closed;
  })().then(common.mustCall());
}

{
  // abort() rejects pending writes and calls the sink's abort().
  const ws = new WritableStream({
    write() { return new Promise(() => {}); },
    abort: common.mustCall((reason) => assert.strictEqual(reason, 'stop')),
  });
  const writer = ws.getWriter();
  writer.write(1).catch(common.mustCall());
  writer.write(2).then(common.mustNotCall(), common.mustCall((err) => {
    assert.strictEqual(err, 'stop');
  }));
  writer.abort('stop');
  writer.closed.then(common.mustNotCall(), common.mustCall());
}

{
  // Writer errors with Node's codes.
  const ws = new WritableStream();
  const writer = ws.getWriter();
  assert.throws(() => ws.getWriter(), {
    code: 'ERR_INVALID_STATE',
    message: 'Invalid state: WritableStream is locked',
  });
  writer.close();
  writer.write('late').then(common.mustNotCall(), common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_INVALID_STATE');
    assert.strictEqual(err.message, 'Invalid state: WritableStream is closed');
  }));
  writer.releaseLock();
  writer.write(1).then(common.mustNotCall(), common.mustCall((err) => {
    assert.strictEqual(
      err.message, 'Invalid state: Writer is not bound to a WritableStream');
  }));
  assert.strictEqual(inspect(new WritableStream()),
                     "WritableStream { locked: false, state: 'writable' }");
}

{
  // pipeThrough() a TransformStream, then pipeTo() a sink.
  const out = [];
  const rs = new ReadableStream({
    start(c) {
      c.enqueue(1);
      c.enqueue(2);
      c.close();
    },
  });
  const double = new TransformStream({
    transform(chunk, controller) { controller.enqueue(chunk * 2); },
    flush(controller) { controller.enqueue('end'); },
  });
  rs.pipeThrough(double)
    .pipeTo(new WritableStream({ write(c) { out.push(c); } }))
    .then(common.mustCall(() => assert.deepStrictEqual(out, [2, 4, 'end'])));
}

{
  // pipeTo() with an aborted signal rejects with the abort reason.
  const ac = new AbortController();
  const rs = new ReadableStream({ cancel: common.mustCall() });
  const ws = new WritableStream({ abort: common.mustCall() });
  rs.pipeTo(ws, { signal: ac.signal })
    .then(common.mustNotCall(), common.mustCall((err) => {
      assert.strictEqual(err.name, 'AbortError');
      assert.strictEqual(rs.locked, false);
      assert.strictEqual(ws.locked, false);
    }));
  ac.abort();
}

{
  // An error in transform() errors both sides.
  const ts = new TransformStream({
    transform() { throw new Error('nope'); },
  });
  const writer = ts.writable.getWriter();
  writer.write('x').then(common.mustNotCall(), common.mustCall((err) => {
    assert.strictEqual(err.message, 'nope');
  }));
  ts.readable.getReader().read()
    .then(common.mustNotCall(), common.mustCall((err) => {
      assert.strictEqual(err.message, 'nope');
    }));
}

{
  // Queuing strategies.
  const count = new CountQueuingStrategy({ highWaterMark: 5 });
  assert.strictEqual(count.highWaterMark, 5);
  assert.strictEqual(count.size('anything'), 1);
  const bytes = new ByteLengthQueuingStrategy({ highWaterMark: 10 });
  assert.strictEqual(bytes.size(new Uint8Array(7)), 7);
  assert.strictEqual(inspect(bytes),
                     'ByteLengthQueuingStrategy { highWaterMark: 10 }');
  assert.throws(() => new CountQueuingStrategy({}), {
    code: 'ERR_MISSING_OPTION',
    message: 'init.highWaterMark is required',
  });
}

{
  // Text streams: UTF-8 encode and decode across chunk boundaries.
  const enc = new TextEncoderStream();
  const dec = new TextDecoderStream();
  assert.strictEqual(enc.encoding, 'utf-8');
  assert.strictEqual(dec.fatal, false);
  const rs = new ReadableStream({
    start(c) {
      c.enqueue('h€');
      c.enqueue('llo');
      c.close();
    },
  });
  (async () => {
    const bytes = [];
    for await (const chunk of rs.pipeThrough(enc)) {
      assert.ok(chunk instanceof Uint8Array);
      bytes.push(...chunk);
    }
    assert.deepStrictEqual(bytes, [...Buffer.from('h€llo')]);
    // Feed the bytes one at a time to the decoder.
    const src = new ReadableStream({
      start(c) {
        for (const b of bytes) c.enqueue(new Uint8Array([b]));
        c.close();
      },
    });
    let text = '';
    for await (const s of src.pipeThrough(dec)) text += s;
    assert.strictEqual(text, 'h€llo');
  })().then(common.mustCall());
}
