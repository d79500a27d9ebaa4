'use strict';
// tls: a peer that answers the ClientHello with plain text makes the
// client fail with OpenSSL's reason as a Node-style error, and the
// process goes on; bad options throw Node's errors.
const common = require('../common');
const assert = require('assert');
const net = require('net');
const tls = require('tls');

const server = net.createServer((socket) => {
  socket.end('HTTP/1.1 400 Bad Request\r\n\r\nthis is not TLS at all');
});
server.listen(0, common.mustCall(() => {
  const c = tls.connect({ port: server.address().port },
                        common.mustNotCall());
  c.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_SSL_WRONG_VERSION_NUMBER');
    assert.strictEqual(err.library, 'SSL routines');
    assert.strictEqual(err.reason, 'wrong version number');
    assert.match(err.message, /wrong version number/);
    server.close();
  }));
}));

assert.throws(() => tls.createSecureContext({ minVersion: 'TLSv0' }), {
  code: 'ERR_TLS_INVALID_PROTOCOL_VERSION',
  message: '"TLSv0" is not a valid minimum TLS protocol version',
});
assert.throws(() => tls.createSecureContext({ secureProtocol: 'foo' }), {
  code: 'ERR_TLS_INVALID_PROTOCOL_METHOD',
  message: 'Unknown method: foo',
});
assert.throws(() => tls.createSecureContext({ key: 5 }), {
  code: 'ERR_INVALID_ARG_TYPE',
});
assert.throws(() => tls.createSecureContext({ ciphers: 'nope' }), {
  code: 'ERR_SSL_NO_CIPHER_MATCH',
});
assert.throws(() => tls.createSecureContext({ key: 'garbage' }),
              (err) => typeof err.code === 'string' &&
                err.code.startsWith('ERR_OSSL_'));
