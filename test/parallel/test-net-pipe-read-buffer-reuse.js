// socket.pipe(socket) hands a chunk's read memory back for the next read
// once the chunk is written out; that must never touch data a script can
// still see or that is still being written: echoed bytes arrive exactly,
// chunks kept by another 'data' listener or by another kind of stream stay
// intact, also while the echo's writes are queued (a reader that pauses).
'use strict';
const common = require('../common');
const assert = require('assert');
const net = require('net');
const { PassThrough } = require('stream');

const TOTAL = 24 << 20;
const CHUNK = 64 * 1024;

// Byte i of the stream: position-dependent, so a lost, repeated or
// overwritten block shows.
function fill(buf, offset) {
  for (let i = 0; i < buf.length; i++) {
    const p = offset + i;
    buf[i] = (p * 7 + (p >>> 11) * 13 + (p >>> 19)) & 0xff;
  }
  return buf;
}

function check(chunk, offset, what) {
  for (let i = 0; i < chunk.length; i++) {
    const p = offset + i;
    const want = (p * 7 + (p >>> 11) * 13 + (p >>> 19)) & 0xff;
    if (chunk[i] !== want) {
      assert.fail(`${what}: byte ${p} is ${chunk[i]}, expected ${want}`);
    }
  }
}

// Writes the TOTAL bytes of the stream to `c` as the socket takes them,
// then calls finished().
function sendAll(c, finished) {
  let sent = 0;
  const pump = () => {
    while (sent < TOTAL) {
      const n = Math.min(CHUNK, TOTAL - sent);
      const ok = c.write(fill(Buffer.allocUnsafe(n), sent));
      sent += n;
      if (!ok) return;
    }
    c.off('drain', pump);
    finished();
  };
  c.on('drain', pump);
  pump();
}

// Sends TOTAL bytes to `port` and checks what comes back; the reader
// pauses now and then so that the far end's writes queue up.
function echoThrough(port, done) {
  const c = net.connect(port, '127.0.0.1');
  let got = 0;
  sendAll(c, () => {});
  let reads = 0;
  c.on('data', (d) => {
    check(d, got, 'echoed');
    got += d.length;
    if (++reads % 16 === 0) {
      c.pause();
      setTimeout(() => c.resume(), 5);
    }
    if (got === TOTAL) {
      c.end();
      done();
    }
  });
}

// 1. A plain echo server.
{
  const server = net.createServer((s) => s.pipe(s));
  server.listen(0, '127.0.0.1', common.mustCall(() => {
    echoThrough(server.address().port, common.mustCall(() => {
      server.close();
      keptByListener();
    }));
  }));
}

// 2. The same with a second 'data' listener that keeps every chunk: the
// kept chunks are still whole and right at the end.
function keptByListener() {
  const kept = [];
  const server = net.createServer((s) => {
    let offset = 0;
    s.on('data', (d) => {
      kept.push({ d, offset });
      offset += d.length;
    });
    s.pipe(s);
  });
  server.listen(0, '127.0.0.1', common.mustCall(() => {
    echoThrough(server.address().port, common.mustCall(() => {
      server.close();
      let total = 0;
      for (const { d, offset } of kept) {
        check(d, offset, 'kept');
        total += d.length;
      }
      assert.strictEqual(total, TOTAL);
      pipedElsewhere();
    }));
  }));
}

// 3. Chunks piped into another kind of stream (kept there unread until
// the end) are left alone.
function pipedElsewhere() {
  const collected = new PassThrough({ highWaterMark: TOTAL * 2 });
  const server = net.createServer((s) => s.pipe(collected));
  server.listen(0, '127.0.0.1', common.mustCall(() => {
    const c = net.connect(server.address().port, '127.0.0.1', () => {
      sendAll(c, () => c.end());
    });
    c.resume();
    collected.on('finish', common.mustCall(() => {
      let offset = 0;
      let chunk;
      while ((chunk = collected.read()) !== null) {
        check(chunk, offset, 'collected');
        offset += chunk.length;
      }
      assert.strictEqual(offset, TOTAL);
      server.close();
    }));
  }));
}
