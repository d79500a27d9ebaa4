// Flags: --expose-gc
'use strict';
// Backpressure end to end: 2 GiB of freshly allocated chunks go through
// pipeline() into a slow consumer, and the process's RSS stays under
// 100 MiB because the producer only runs when the consumer keeps up.
// (A periodic gc() keeps garbage out of the picture: what stays is what
// the streams hold on to.)

const common = require('../common');
const assert = require('assert');
const { Readable, Transform, Writable, pipeline } = require('stream');

const CHUNK = 256 * 1024;
const TOTAL = 2 * 1024 * 1024 * 1024;
const LIMIT = 100 * 1024 * 1024;

let produced = 0;
let consumed = 0;
let maxRss = 0;

function sampleRss() {
  const rss = process.memoryUsage().rss;
  if (rss > maxRss) maxRss = rss;
}

const source = new Readable({
  read() {
    if (produced >= TOTAL) {
      this.push(null);
      return;
    }
    produced += CHUNK;
    // A new chunk each time: without backpressure they would pile up.
    this.push(Buffer.allocUnsafe(CHUNK).fill(produced & 0xff));
  },
});

const passThrough = new Transform({
  transform(chunk, encoding, cb) {
    cb(null, chunk);
  },
});

let writes = 0;
const slowSink = new Writable({
  highWaterMark: 4 * CHUNK,
  write(chunk, encoding, cb) {
    consumed += chunk.length;
    // Never more than a few highWaterMarks ahead of the consumer.
    assert.ok(produced - consumed <= 16 * CHUNK,
              `producer ran ahead by ${produced - consumed} bytes`);
    if (++writes % 16 === 0) {
      sampleRss();
      if (writes % 64 === 0) global.gc();
    }
    // Slow: every chunk waits for the event loop to go round.
    setImmediate(cb);
  },
});

pipeline(source, passThrough, slowSink, common.mustSucceed(() => {
  sampleRss();
  assert.strictEqual(consumed, TOTAL);
  assert.ok(maxRss < LIMIT,
            `RSS peaked at ${(maxRss / 1048576).toFixed(1)} MiB`);
}));
