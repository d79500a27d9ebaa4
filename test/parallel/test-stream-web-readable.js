'use strict';
// WHATWG ReadableStream from stream/web: default readers, pull and
// backpressure, cancel, tee, async iteration, byte streams with BYOB
// readers, and Node's error codes and inspect output.

const common = require('../common');
const assert = require('assert');
const { inspect } = require('util');
const {
  ReadableStream,
  ReadableStreamDefaultReader,
  ReadableStreamBYOBReader,
  ReadableByteStreamController,
  CountQueuingStrategy,
} = require('stream/web');

{
  // Enqueued chunks come out in order, then done.
  const rs = new ReadableStream({
    start(controller) {
      controller.enqueue('a');
      controller.enqueue('b');
      controller.close();
    },
  });
  const reader = rs.getReader();
  assert.ok(reader instanceof ReadableStreamDefaultReader);
  assert.strictEqual(rs.locked, true);
  (async () => {
    assert.deepStrictEqual(await reader.read(), { value: 'a', done: false });
    assert.deepStrictEqual(await reader.read(), { value: 'b', done: false });
    assert.deepStrictEqual(await reader.read(),
                           { value: undefined, done: true });
    await reader.closed;
    reader.releaseLock();
    assert.strictEqual(rs.locked, false);
  })().then(common.mustCall());
}

{
  // pull() is called until desiredSize reaches 0 (highWaterMark 3).
  let pulls = 0;
  let controller;
  new ReadableStream({
    start(c) { controller = c; },
    pull(c) {
      pulls++;
      c.enqueue(pulls);
    },
  }, new CountQueuingStrategy({ highWaterMark: 3 }));
  setImmediate(common.mustCall(() => {
    assert.strictEqual(pulls, 3);
    assert.strictEqual(controller.desiredSize, 0);
  }));
}

{
  // cancel() reaches the source and closes the stream.
  const rs = new ReadableStream({
    cancel: common.mustCall((reason) => assert.strictEqual(reason, 'why')),
  });
  rs.cancel('why').then(common.mustCall());
}

{
  // An error in start() errors the stream.
  const rs = new ReadableStream({
    start(c) { c.error(new Error('broken')); },
  });
  rs.getReader().read().then(common.mustNotCall(), common.mustCall((err) => {
    assert.strictEqual(err.message, 'broken');
  }));
}

{
  // tee() gives two branches with all the data.
  const rs = new ReadableStream({
    start(c) {
      c.enqueue(1);
      c.enqueue(2);
      c.close();
    },
  });
  const [a, b] = rs.tee();
  assert.strictEqual(rs.locked, true);
  (async () => {
    const got = [];
    for await (const v of a) got.push(`a${v}`);
    for await (const v of b) got.push(`b${v}`);
    assert.deepStrictEqual(got, ['a1', 'a2', 'b1', 'b2']);
  })().then(common.mustCall());
}

{
  // Breaking out of async iteration cancels, unless preventCancel.
  const rs = new ReadableStream({
    pull(c) { c.enqueue(1); },
    cancel: common.mustCall(),
  });
  (async () => {
    for await (const v of rs) {
      assert.strictEqual(v, 1);
      break;
    }
    assert.strictEqual(rs.locked, false);
  })().then(common.mustCall());

  const kept = new ReadableStream({
    pull(c) { c.enqueue(2); },
    cancel: common.mustNotCall(),
  });
  (async () => {
    for await (const v of kept.values({ preventCancel: true })) {
      assert.strictEqual(v, 2);
      break;
    }
  })().then(common.mustCall());
}

{
  // Byte stream with a BYOB reader: respond() fills the caller's view.
  const rs = new ReadableStream({
    type: 'bytes',
    pull(controller) {
      const view = controller.byobRequest.view;
      view[0] = 7;
      view[1] = 8;
      controller.byobRequest.respond(2);
      controller.close();
    },
  });
  const reader = rs.getReader({ mode: 'byob' });
  assert.ok(reader instanceof ReadableStreamBYOBReader);
  (async () => {
    const { value, done } = await reader.read(new Uint8Array(4));
    assert.strictEqual(done, false);
    assert.ok(value instanceof Uint8Array);
    assert.deepStrictEqual([...value], [7, 8]);
    const end = await reader.read(new Uint8Array(4));
    assert.strictEqual(end.done, true);
  })().then(common.mustCall());
}

{
  // Byte stream read by a default reader; enqueue() takes views.
  let ctrl;
  const rs = new ReadableStream({
    type: 'bytes',
    start(c) { ctrl = c; },
  });
  assert.ok(ctrl instanceof ReadableByteStreamController);
  ctrl.enqueue(new Uint8Array([1, 2, 3]));
  ctrl.close();
  rs.getReader().read().then(common.mustCall(({ value }) => {
    assert.deepStrictEqual([...value], [1, 2, 3]);
  }));
  assert.throws(() => ctrl.enqueue(new Uint8Array(1)), {
    code: 'ERR_INVALID_STATE',
    message: 'Invalid state: Controller is already closed',
  });
}

{
  // Errors with Node's codes and messages.
  assert.throws(() => new ReadableStream({ type: 'other' }), {
    code: 'ERR_INVALID_ARG_VALUE',
    message: "The property 'source.type' is invalid. Received 'other'",
  });
  assert.throws(() => new ReadableStream({}, { highWaterMark: -1 }), {
    code: 'ERR_INVALID_ARG_VALUE',
    name: 'RangeError',
  });
  const rs = new ReadableStream();
  rs.getReader();
  assert.throws(() => rs.getReader(), {
    code: 'ERR_INVALID_STATE',
    name: 'TypeError',
    message: 'Invalid state: ReadableStream is locked',
  });
  assert.throws(() => new ReadableStream().getReader({ mode: 'byob' }), {
    code: 'ERR_INVALID_ARG_VALUE',
  });
  assert.throws(() => ReadableStream.prototype.getReader.call({}), {
    code: 'ERR_INVALID_THIS',
    message: 'Value of "this" must be of type ReadableStream',
  });
  rs.cancel().then(common.mustNotCall(), common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_INVALID_STATE');
  }));
  const rs2 = new ReadableStream();
  const reader = rs2.getReader();
  const pending = reader.read();
  reader.releaseLock();
  pending.then(common.mustNotCall(), common.mustCall((err) => {
    assert.strictEqual(err.message, 'Invalid state: Releasing reader');
  }));
}

{
  // inspect() and Symbol.toStringTag.
  const rs = new ReadableStream();
  assert.strictEqual(
    inspect(rs),
    "ReadableStream { locked: false, state: 'readable', supportsBYOB: false }");
  assert.strictEqual(inspect(rs, { depth: 0 }), 'ReadableStream [Object]');
  assert.strictEqual(Object.prototype.toString.call(rs),
                     '[object ReadableStream]');
  assert.strictEqual(
    inspect(new ReadableStream({ type: 'bytes' })),
    "ReadableStream { locked: false, state: 'readable', supportsBYOB: true }");
}
