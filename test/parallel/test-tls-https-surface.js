'use strict';
// tls and https load (packages such as ws require them at load time) and
// keep Node's argument handling; what needs TLS itself either works (as on
// Node) or throws ERR_METHOD_NOT_IMPLEMENTED naming the function.
require('../common');
const assert = require('assert');
const https = require('https');
const tls = require('tls');

function worksOrNotImplemented(name, fn) {
  try {
    fn();
  } catch (err) {
    assert.strictEqual(err.code, 'ERR_METHOD_NOT_IMPLEMENTED',
                       `${name} threw ${err}`);
    assert.ok(err.message.includes(name), err.message);
  }
}

// Constants and ALPN helpers work.
assert.strictEqual(tls.DEFAULT_MIN_VERSION, 'TLSv1.2');
assert.strictEqual(tls.DEFAULT_MAX_VERSION, 'TLSv1.3');
assert.strictEqual(tls.DEFAULT_ECDH_CURVE, 'auto');
assert.strictEqual(tls.DEFAULT_CIPHERS,
                   require('crypto').constants.defaultCipherList);
{
  const out = {};
  tls.convertALPNProtocols(['h2', 'http/1.1'], out);
  assert.deepStrictEqual(out.ALPNProtocols,
                         Buffer.from('\x02h2\x08http/1.1', 'latin1'));
  const raw = new Uint8Array([1, 97]);
  tls.convertALPNProtocols(raw, out);
  assert.deepStrictEqual(out.ALPNProtocols, Buffer.from([1, 97]));
  assert.throws(() => tls.convertALPNProtocols(['x'.repeat(256)], {}),
                { code: 'ERR_OUT_OF_RANGE' });
}
for (const name of ['connect', 'createServer', 'createSecureContext',
                    'checkServerIdentity', 'getCiphers', 'TLSSocket',
                    'Server', 'SecureContext']) {
  assert.strictEqual(typeof tls[name], 'function', name);
}

// TLS itself.
worksOrNotImplemented('tls.connect', () => {
  const socket = tls.connect({ port: 1, host: '127.0.0.1' });
  socket.on('error', () => {});
  socket.destroy();
});
worksOrNotImplemented('tls.createServer', () => tls.createServer().close());
worksOrNotImplemented('tls.createSecureContext',
                      () => tls.createSecureContext());
worksOrNotImplemented('tls.getCiphers', () => {
  assert.ok(tls.getCiphers().includes('aes128-gcm-sha256'));
});

// https checks its arguments as http does, before any connection.
assert.throws(() => https.get('localhost'), { code: 'ERR_INVALID_URL' });
assert.throws(() => https.request('http://127.0.0.1/'),
              { code: 'ERR_INVALID_PROTOCOL' });
assert.ok(https.globalAgent instanceof https.Agent);
assert.strictEqual(https.globalAgent.defaultPort, 443);
assert.strictEqual(https.globalAgent.protocol, 'https:');
worksOrNotImplemented('tls.connect', () => {
  const req = https.request('https://127.0.0.1:1/');
  req.on('error', () => {});
  req.destroy();
});
worksOrNotImplemented('https.createServer',
                      () => https.createServer().close());
