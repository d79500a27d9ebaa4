'use strict';
// Readable: paused/flowing modes, read(n), 'readable' vs 'data', unshift,
// setEncoding, objectMode, highWaterMark and the push() return value.

const common = require('../common');
const assert = require('assert');
const { Readable } = require('stream');

{
  // push() returns false at the highWaterMark; read(n) takes exact sizes.
  const r = new Readable({ highWaterMark: 4, read() {} });
  assert.strictEqual(r.push('ab'), true);
  assert.strictEqual(r.push('cd'), false);
  assert.strictEqual(r.readableLength, 4);
  assert.strictEqual(r.read(3).toString(), 'abc');
  assert.strictEqual(r.read(3), null);           // only 1 byte left
  assert.strictEqual(r.read().toString(), 'd');  // read() takes what is left
  assert.strictEqual(r.readableFlowing, null);
}

{
  // read(n) larger than the highWaterMark raises it to a power of two.
  const r = new Readable({ highWaterMark: 4, read() {} });
  r.read(100);
  assert.strictEqual(r.readableHighWaterMark, 128);
  assert.throws(() => r.read(0x40000001), {
    code: 'ERR_OUT_OF_RANGE',
    message: 'The value of "size" is out of range. It must be <= 1GiB. ' +
             'Received 1073741825',
  });
}

{
  // A 'readable' listener puts the stream in paused mode; 'end' follows
  // the last read() returning null.
  const r = new Readable({ read() {} });
  const seen = [];
  r.push('x');
  r.push('y');
  r.push(null);
  r.on('readable', common.mustCall(() => {
    let chunk;
    while ((chunk = r.read()) !== null) seen.push(chunk.toString());
  }, 2));  // Once for the data, once more at EOF.
  r.on('end', common.mustCall(() => {
    assert.deepStrictEqual(seen, ['xy']);
    assert.strictEqual(r.readableEnded, true);
  }));
  assert.strictEqual(r.readableFlowing, false);
}

{
  // 'data' switches to flowing mode on the next tick; pause()/resume()
  // emit 'pause'/'resume' and isPaused() follows.
  const r = new Readable({ objectMode: true, read() {} });
  const order = [];
  r.on('resume', () => order.push('resume'));
  r.on('pause', () => order.push('pause'));
  r.on('data', (d) => {
    order.push(`data ${d}`);
    if (d === 1) r.pause();
  });
  r.push(1);
  r.push(2);
  assert.strictEqual(r.isPaused(), false);
  process.nextTick(common.mustCall(() => {
    assert.deepStrictEqual(order, ['resume', 'data 1', 'pause']);
    assert.strictEqual(r.isPaused(), true);
    r.resume();
    setImmediate(common.mustCall(() => {
      assert.deepStrictEqual(order,
                             ['resume', 'data 1', 'pause', 'resume', 'data 2']);
    }));
  }));
}

{
  // unshift() puts data back in front; after 'end' it is an error.
  const r = new Readable({ read() {} });
  r.push('world');
  r.unshift('hello ');
  assert.strictEqual(r.read().toString(), 'hello world');
  r.push(null);
  r.resume();
  r.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_STREAM_UNSHIFT_AFTER_END_EVENT');
    assert.strictEqual(err.message, 'stream.unshift() after end event');
  }));
  r.on('end', common.mustCall(() => r.unshift('late')));
}

{
  // push() after EOF errors the stream.
  const r = new Readable({ read() {} });
  r.push(null);
  r.push('more');
  r.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_STREAM_PUSH_AFTER_EOF');
    assert.strictEqual(err.message, 'stream.push() after EOF');
  }));
}

{
  // Invalid chunks in byte mode.
  const r = new Readable({ read() {} });
  r.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_INVALID_ARG_TYPE');
    assert.strictEqual(
      err.message,
      'The "chunk" argument must be of type string or an instance of ' +
      'Buffer or Uint8Array. Received type number (42)');
  }));
  r.push(42);
}

{
  // No _read(): ERR_METHOD_NOT_IMPLEMENTED through 'error'.
  const r = new Readable();
  r.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_METHOD_NOT_IMPLEMENTED');
    assert.strictEqual(err.message, 'The _read() method is not implemented');
  }));
  r.read();
}

{
  // setEncoding() decodes split multi-byte characters, including what
  // was buffered before the call.
  const r = new Readable({ read() {} });
  const euro = Buffer.from('€');
  r.push(euro.subarray(0, 1));
  r.setEncoding('UTF-8');
  assert.strictEqual(r.readableEncoding, 'utf8');
  r.push(euro.subarray(1));
  r.push(null);
  let out = '';
  r.on('data', (s) => { out += s; });
  r.on('end', common.mustCall(() => assert.strictEqual(out, '€')));
}

{
  // Uint8Arrays become Buffers; objectMode keeps any value but null.
  const r = new Readable({ read() {} });
  r.push(new Uint8Array([1, 2]));
  const chunk = r.read();
  assert.ok(Buffer.isBuffer(chunk));
  assert.deepStrictEqual([...chunk], [1, 2]);

  const o = new Readable({ objectMode: true, read() {} });
  o.push(0);
  o.push('');
  o.push(undefined);
  assert.strictEqual(o.readableLength, 3);
  assert.strictEqual(o.read(), 0);
  assert.strictEqual(o.read(), '');
  assert.strictEqual(o.read(), undefined);
}

{
  // Default highWaterMarks, and their validation.
  assert.strictEqual(new Readable().readableHighWaterMark, 16384);
  assert.strictEqual(new Readable({ objectMode: true }).readableHighWaterMark,
                     16);
  assert.throws(() => new Readable({ highWaterMark: -1 }), {
    code: 'ERR_INVALID_ARG_VALUE',
    message: "The property 'options.highWaterMark' is invalid. Received -1",
  });
}

{
  // _read() is called with the highWaterMark, and asynchronous pushes are
  // delivered in order.
  let n = 0;
  const r = new Readable({
    highWaterMark: 2,
    objectMode: true,
    read: common.mustCallAtLeast((size) => {
      assert.strictEqual(size, 2);
      setImmediate(() => r.push(n < 5 ? n++ : null));
    }),
  });
  const got = [];
  r.on('data', (d) => got.push(d));
  r.on('end', common.mustCall(() => assert.deepStrictEqual(got,
                                                           [0, 1, 2, 3, 4])));
}

{
  // Async iteration; breaking out destroys the stream.
  const r = Readable.from([1, 2, 3]);
  (async () => {
    const seen = [];
    for await (const v of r) {
      seen.push(v);
      if (v === 2) break;
    }
    assert.deepStrictEqual(seen, [1, 2]);
    assert.strictEqual(r.destroyed, true);
  })().then(common.mustCall());
}

{
  // iterator({ destroyOnReturn: false }) leaves the stream usable.
  const r = Readable.from([1, 2, 3]);
  (async () => {
    for await (const v of r.iterator({ destroyOnReturn: false })) {
      assert.strictEqual(v, 1);
      break;
    }
    assert.strictEqual(r.destroyed, false);
    const rest = [];
    for await (const v of r) rest.push(v);
    assert.deepStrictEqual(rest, [2, 3]);
  })().then(common.mustCall());
}

{
  // Readable.from() of a string pushes it whole; null items are errors.
  Readable.from('abc').toArray().then(common.mustCall((items) => {
    assert.deepStrictEqual(items, ['abc']);
  }));
  const bad = Readable.from([1, null]);
  bad.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_STREAM_NULL_VALUES');
  }));
  bad.resume();
  assert.throws(() => Readable.from(1), { code: 'ERR_INVALID_ARG_TYPE' });
}

{
  // wrap() adopts an old-style stream.
  const EE = require('events');
  const old = new EE();
  old.pause = () => {};
  old.resume = () => {};
  const r = new Readable().wrap(old);
  let text = '';
  r.setEncoding('utf8');
  r.on('data', (d) => { text += d; });
  r.on('end', common.mustCall(() => assert.strictEqual(text, 'ab')));
  old.emit('data', Buffer.from('a'));
  old.emit('data', Buffer.from('b'));
  old.emit('end');
}
