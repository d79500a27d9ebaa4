'use strict';
// http server sockets are read by the parser in C (parser.consume()): what
// JS sees of those reads must still be right. A parse error carries the
// bytes that failed as err.rawPacket, an upgrade hands over the bytes after
// the head, bytesRead counts consumed reads, and a 'data' listener added to
// the socket takes the reads back (unconsume) and gets the raw bytes.
const common = require('../common');
const assert = require('assert');
const http = require('http');
const net = require('net');

function rawRequest(port, chunks, onData) {
  const c = net.connect(port, '127.0.0.1', () => {
    for (const chunk of chunks) c.write(chunk);
  });
  let got = '';
  c.setEncoding('latin1');
  c.on('data', (d) => {
    got += d;
    if (onData) onData(got, c);
  });
  c.on('error', () => {});
  return c;
}

// A parse error: rawPacket is the read that failed.
{
  const bad = 'GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n';
  const server = http.createServer(common.mustNotCall());
  server.on('clientError', common.mustCall((err, socket) => {
    assert.strictEqual(err.code, 'HPE_INVALID_HEADER_TOKEN');
    assert.ok(Buffer.isBuffer(err.rawPacket));
    assert.strictEqual(err.rawPacket.toString('latin1'), bad);
    assert.strictEqual(socket.bytesRead, bad.length);
    socket.destroy();
    server.close();
  }));
  server.listen(0, common.mustCall(() => {
    rawRequest(server.address().port, [bad]);
  }));
}

// An upgrade: the bytes after the head arrive as `head`, then the socket
// is a plain stream again and later bytes come as 'data'.
{
  const server = http.createServer(common.mustNotCall());
  server.on('upgrade', common.mustCall((req, socket, head) => {
    assert.strictEqual(req.headers.upgrade, 'echo');
    assert.strictEqual(head.toString('latin1'), 'early-bytes');
    socket.write('HTTP/1.1 101 Switching Protocols\r\n' +
                 'Connection: Upgrade\r\nUpgrade: echo\r\n\r\n');
    socket.on('data', common.mustCall((d) => {
      assert.strictEqual(d.toString('latin1'), 'later-bytes');
      socket.end('bye');
      server.close();
    }));
  }));
  server.listen(0, common.mustCall(() => {
    let sentLater = false;
    const c = rawRequest(server.address().port, [
      'GET / HTTP/1.1\r\nHost: x\r\nConnection: Upgrade\r\n' +
      'Upgrade: echo\r\n\r\nearly-bytes',
    ], (got, sock) => {
      if (!sentLater && got.includes('\r\n\r\n')) {
        sentLater = true;
        sock.write('later-bytes');
      }
    });
    c.on('end', common.mustCall());
  }));
}

// A 'data' listener on the server socket: reads go back to JS, so the
// listener sees the raw request bytes, and the parser still gets them.
{
  const request = 'GET /raw HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n';
  const server = http.createServer(common.mustCall((req, res) => {
    assert.strictEqual(req.url, '/raw');
    res.end('served');
  }));
  server.on('connection', common.mustCall((socket) => {
    socket.on('data', common.mustCall((d) => {
      assert.strictEqual(d.toString('latin1'), request);
    }));
  }));
  server.listen(0, common.mustCall(() => {
    const c = rawRequest(server.address().port, [request]);
    c.on('end', common.mustCall(() => server.close()));
  }));
}

// Keep-alive requests over one consumed socket, sent in pieces.
{
  let served = 0;
  const server = http.createServer((req, res) => {
    served++;
    res.end(`${req.url}:${served}`);
  });
  server.listen(0, common.mustCall(() => {
    const req = 'GET /a HTTP/1.1\r\nHost: x\r\n\r\n';
    const last = 'GET /b HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n';
    rawRequest(server.address().port,
               [req.slice(0, 7), req.slice(7), last],
               (got, sock) => {
                 if (got.includes('/b:2')) {
                   assert.match(got, /\r\n\r\n\/a:1/);
                   sock.destroy();
                   server.close();
                 }
               });
  }));
}

// Ticks of the 'request' handler run once the first body chunk of the same
// read is pushed, before the message completes (Node's order for consumed
// reads: the task queues run after body chunks, not after the head).
{
  const server = http.createServer(common.mustCall((req, res) => {
    process.nextTick(common.mustCall(() => {
      assert.strictEqual(req.complete, false);
      assert.strictEqual(req.readableLength, 5);
    }));
    req.resume();
    req.on('end', common.mustCall(() => res.end('ok')));
  }));
  server.listen(0, common.mustCall(() => {
    const c = rawRequest(server.address().port, [
      'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\n' +
      'Connection: close\r\n\r\nhello',
    ]);
    c.on('end', common.mustCall(() => server.close()));
  }));
}
