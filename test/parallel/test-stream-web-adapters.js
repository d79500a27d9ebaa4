'use strict';
// Node streams <-> WHATWG streams: Readable/Writable/Duplex toWeb and
// fromWeb, stream/consumers, and pipeline()/finished() over web streams.

const common = require('../common');
const assert = require('assert');
const {
  Duplex, PassThrough, Readable, Writable, finished, pipeline,
} = require('stream');
const { pipeline: pipelinePromise } = require('stream/promises');
const {
  ReadableStream,
  TransformStream,
  WritableStream,
} = require('stream/web');
const consumers = require('stream/consumers');

{
  // Readable.toWeb(): chunks arrive as Uint8Arrays (copies of Buffers).
  const readable = Readable.from([Buffer.from('ab'), Buffer.from('c')],
                                 { objectMode: false });
  const rs = Readable.toWeb(readable);
  assert.ok(rs instanceof ReadableStream);
  (async () => {
    const parts = [];
    for await (const chunk of rs) {
      assert.ok(chunk instanceof Uint8Array);
      assert.ok(!Buffer.isBuffer(chunk));
      parts.push(Buffer.from(chunk).toString());
    }
    assert.deepStrictEqual(parts, ['ab', 'c']);
  })().then(common.mustCall());
}

{
  // Readable.fromWeb(): a Node Readable over a ReadableStream.
  const rs = new ReadableStream({
    start(c) {
      c.enqueue('x');
      c.enqueue('y');
      c.close();
    },
  });
  const readable = Readable.fromWeb(rs, { objectMode: true });
  readable.toArray().then(common.mustCall((items) => {
    assert.deepStrictEqual(items, ['x', 'y']);
  }));
  assert.throws(() => Readable.fromWeb({}), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "readableStream" argument must be an instance of ' +
             'ReadableStream. Received an instance of Object',
  });
}

{
  // Writable.toWeb(): writes reach the Node Writable, close() ends it.
  const got = [];
  const writable = new Writable({
    write(chunk, encoding, cb) {
      got.push(chunk.toString());
      cb();
    },
  });
  writable.on('finish', common.mustCall());
  const ws = Writable.toWeb(writable);
  assert.ok(ws instanceof WritableStream);
  const writer = ws.getWriter();
  (async () => {
    await writer.write(new Uint8Array([104, 105]));
    await writer.close();
    assert.deepStrictEqual(got, ['hi']);
  })().then(common.mustCall());
}

{
  // Writable.fromWeb(): strings are encoded to Uint8Arrays.
  const chunks = [];
  const ws = new WritableStream({ write(chunk) { chunks.push(chunk); } });
  const writable = Writable.fromWeb(ws);
  writable.end('ok', common.mustCall(() => {
    assert.strictEqual(chunks.length, 1);
    assert.ok(chunks[0] instanceof Uint8Array);
    assert.strictEqual(Buffer.from(chunks[0]).toString(), 'ok');
  }));
}

{
  // Duplex.toWeb() / Duplex.fromWeb() round trip through a transform.
  const { readable, writable } = Duplex.toWeb(new PassThrough());
  assert.ok(readable instanceof ReadableStream);
  assert.ok(writable instanceof WritableStream);

  const upper = new TransformStream({
    transform(chunk, controller) {
      controller.enqueue(String(chunk).toUpperCase());
    },
  });
  const duplex = Duplex.fromWeb(upper, { objectMode: true });
  duplex.end('abc');
  duplex.toArray().then(common.mustCall((items) => {
    assert.deepStrictEqual(items, ['ABC']);
  }));
}

{
  // stream/consumers read whole streams, Node or web.
  (async () => {
    assert.strictEqual(await consumers.text(Readable.from(['a', 'b'])), 'ab');
    assert.deepStrictEqual(
      await consumers.json(Readable.from(['{"k":', '[1]}'])), { k: [1] });
    const buf = await consumers.buffer(Readable.from([Buffer.from([1, 2])]));
    assert.ok(Buffer.isBuffer(buf));
    assert.deepStrictEqual([...buf], [1, 2]);
    const ab = await consumers.arrayBuffer(new ReadableStream({
      start(c) {
        c.enqueue(new Uint8Array([3]));
        c.close();
      },
    }));
    assert.ok(ab instanceof ArrayBuffer);
    assert.strictEqual(ab.byteLength, 1);
    const blob = await consumers.blob(Readable.from(['zz']));
    assert.strictEqual(blob.size, 2);
  })().then(common.mustCall());
}

{
  // pipeline() mixes Node and web streams.
  const out = [];
  pipelinePromise(
    new ReadableStream({
      start(c) {
        c.enqueue('w');
        c.close();
      },
    }),
    new TransformStream({
      transform(chunk, controller) { controller.enqueue(chunk + '!'); },
    }),
    new Writable({
      objectMode: true,
      write(chunk, encoding, cb) {
        out.push(chunk);
        cb();
      },
    }),
  ).then(common.mustCall(() => assert.deepStrictEqual(out, ['w!'])));

  const sinkChunks = [];
  pipeline(
    Readable.from(['n']),
    new WritableStream({ write(c) { sinkChunks.push(c); } }),
    common.mustSucceed(() => assert.deepStrictEqual(sinkChunks, ['n'])));
}

{
  // finished() works on web streams too.
  const rs = new ReadableStream({ start(c) { c.close(); } });
  finished(rs, common.mustSucceed());
  const errored = new ReadableStream({ start(c) { c.error(new Error('e')); } });
  finished(errored, common.mustCall((err) => {
    assert.strictEqual(err.message, 'e');
  }));
}
