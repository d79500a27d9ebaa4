'use strict';
// http: the exact bytes a server sends (Content-Length vs chunked, HEAD,
// 204, keep-alive headers, trailers) and how request headers are joined.
const common = require('../common');
const assert = require('assert');
const http = require('http');
const net = require('net');

const handlers = {
  '/len': (req, res) => res.end('hello'),
  '/chunked': (req, res) => { res.write('ab'); res.end('cde'); },
  '/head': (req, res) => res.end('body'),
  '/nocontent': (req, res) => { res.statusCode = 204; res.end(); },
  '/trailers': (req, res) => {
    res.writeHead(200, { 'Trailer': 'X-T' });
    res.addTrailers({ 'X-T': 'v' });
    res.end('x');
  },
  '/headers': (req, res) => {
    assert.deepStrictEqual(req.headers, {
      'host': 'a',
      'x-dup': '1, 2',
      'cookie': 'a=1; b=2',
      'set-cookie': ['s1', 's2'],
      'content-type': 'first',
    });
    assert.deepStrictEqual(req.rawHeaders, [
      'Host', 'a', 'X-Dup', '1', 'x-dup', '2', 'Cookie', 'a=1', 'cookie',
      'b=2', 'Set-Cookie', 's1', 'set-cookie', 's2', 'Content-Type', 'first',
      'content-type', 'second',
    ]);
    res.end();
  },
};

const server = http.createServer((req, res) => {
  res.sendDate = false;
  handlers[req.url](req, res);
});

function exchange(request, cb) {
  const c = net.connect(server.address().port, () => c.write(request));
  let data = '';
  c.setEncoding('latin1');
  c.on('data', (d) => {
    data += d;
    if (cb.until(data)) {
      c.destroy();
      cb(data);
    }
  });
}

function expect(request, response) {
  return new Promise((resolve) => {
    const cb = (data) => {
      assert.strictEqual(data, response);
      resolve();
    };
    cb.until = (data) => data.length >= response.length;
    exchange(request, cb);
  });
}

const ka = 'Connection: keep-alive\r\nKeep-Alive: timeout=5\r\n';
server.listen(0, common.mustCall(async () => {
  await expect('GET /len HTTP/1.1\r\n\r\n',
               `HTTP/1.1 200 OK\r\n${ka}Content-Length: 5\r\n\r\nhello`);
  await expect('GET /chunked HTTP/1.1\r\n\r\n',
               `HTTP/1.1 200 OK\r\n${ka}Transfer-Encoding: chunked\r\n\r\n` +
               '2\r\nab\r\n3\r\ncde\r\n0\r\n\r\n');
  await expect('HEAD /head HTTP/1.1\r\n\r\n',
               `HTTP/1.1 200 OK\r\n${ka}\r\n`);
  await expect('GET /nocontent HTTP/1.1\r\n\r\n',
               `HTTP/1.1 204 No Content\r\n${ka}\r\n`);
  await expect('GET /trailers HTTP/1.1\r\n\r\n',
               `HTTP/1.1 200 OK\r\nTrailer: X-T\r\n${ka}` +
               'Transfer-Encoding: chunked\r\n\r\n1\r\nx\r\n0\r\nX-T: v\r\n\r\n');
  await expect('GET /len HTTP/1.0\r\n\r\n',
               'HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nhello');
  await expect('GET /headers HTTP/1.1\r\nHost: a\r\nX-Dup: 1\r\nx-dup: 2\r\n' +
               'Cookie: a=1\r\ncookie: b=2\r\nSet-Cookie: s1\r\n' +
               'set-cookie: s2\r\nContent-Type: first\r\n' +
               'content-type: second\r\n\r\n',
               `HTTP/1.1 200 OK\r\n${ka}Content-Length: 0\r\n\r\n`);
  server.close();
}));
