'use strict';
// tls: a handshake against a local tls.Server with a CA-signed certificate,
// data both ways, ALPN and SNI seen on both sides, peer certificate
// details, protocol and cipher, and a clean end.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const tls = require('tls');

const keys = path.join(common.fixturesDir, 'keys');
const read = (name) => fs.readFileSync(path.join(keys, name));

const server = tls.createServer({
  key: read('agent-key.pem'),
  cert: read('agent-cert.pem'),
  ALPNProtocols: ['h2', 'echo/1'],
}, common.mustCall((socket) => {
  assert.strictEqual(socket.alpnProtocol, 'echo/1');
  assert.strictEqual(socket.servername, 'localhost');
  assert.strictEqual(socket.encrypted, true);
  socket.on('data', common.mustCall((data) => {
    assert.strictEqual(data.toString(), 'ping');
    socket.end('pong');
  }));
}));

server.listen(0, common.mustCall(() => {
  const client = tls.connect({
    port: server.address().port,
    host: 'localhost',
    servername: 'localhost',
    ca: read('ca-cert.pem'),
    ALPNProtocols: ['echo/1', 'other'],
  }, common.mustCall(() => {
    assert.strictEqual(client.authorized, true);
    assert.strictEqual(client.authorizationError, null);
    assert.strictEqual(client.alpnProtocol, 'echo/1');
    assert.match(client.getProtocol(), /^TLSv1\.[23]$/);
    assert.strictEqual(typeof client.getCipher().name, 'string');
    const cert = client.getPeerCertificate(true);
    assert.strictEqual(cert.subject.CN, 'localhost');
    assert.strictEqual(cert.issuer.CN, 'nodus test CA');
    assert.match(cert.subjectaltname, /DNS:localhost/);
    assert.match(cert.subjectaltname, /IP Address:127\.0\.0\.1/);
    assert.match(cert.fingerprint256, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    assert.match(cert.valid_to, /GMT$/);
    assert.ok(Buffer.isBuffer(cert.raw));
    assert.strictEqual(cert.bits, 2048);
    assert.strictEqual(cert.issuerCertificate.subject.CN, 'nodus test CA');
    assert.strictEqual(cert.issuerCertificate.issuerCertificate,
                       cert.issuerCertificate);
    client.write('ping');
  }));
  let received = '';
  client.setEncoding('utf8');
  client.on('data', (d) => { received += d; });
  client.on('end', common.mustCall(() => {
    assert.strictEqual(received, 'pong');
    server.close();
  }));
}));
