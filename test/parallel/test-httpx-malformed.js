'use strict';
// http: garbage on a raw socket gets a 400 (431 for huge headers) and the
// connection closes; the server keeps serving; clientError carries Node's
// parse error fields.
const common = require('../common');
const assert = require('assert');
const http = require('http');
const net = require('net');

const server = http.createServer((req, res) => res.end('fine'));

function rawExchange(payload, cb) {
  const c = net.connect(server.address().port, () => c.end(payload));
  let data = '';
  c.setEncoding('latin1');
  c.on('data', (d) => { data += d; });
  c.on('close', () => cb(data));
}

server.listen(0, common.mustCall(() => {
  rawExchange('\x00\x01garbage\r\n\r\n', common.mustCall((data) => {
    assert.strictEqual(data,
                       'HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
    rawExchange(`GET / HTTP/1.1\r\nX: ${'a'.repeat(20000)}\r\n\r\n`,
                common.mustCall((data) => {
                  assert.strictEqual(
                    data, 'HTTP/1.1 431 Request Header Fields Too Large\r\n' +
                    'Connection: close\r\n\r\n');
                  withClientError();
                }));
  }));
}));

function withClientError() {
  server.once('clientError', common.mustCall((err, socket) => {
    assert.strictEqual(err.code, 'HPE_INVALID_HEADER_TOKEN');
    assert.strictEqual(err.message, 'Parse Error: Invalid header token');
    assert.strictEqual(err.reason, 'Invalid header token');
    assert.strictEqual(err.bytesParsed, 35);
    assert.strictEqual(err.rawPacket.toString(),
                       'GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n');
    socket.end('HTTP/1.1 400 Bad Request\r\n\r\n');
  }));
  rawExchange('GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n',
              common.mustCall((data) => {
                assert.strictEqual(data, 'HTTP/1.1 400 Bad Request\r\n\r\n');
                // Still serving.
                http.get({ port: server.address().port }, common.mustCall(
                  (res) => {
                    res.setEncoding('utf8');
                    let body = '';
                    res.on('data', (d) => { body += d; });
                    res.on('end', common.mustCall(() => {
                      assert.strictEqual(body, 'fine');
                      server.close();
                    }));
                  }));
              }));
}
