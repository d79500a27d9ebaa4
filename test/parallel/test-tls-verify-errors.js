'use strict';
// tls: certificate verification failures carry Node's codes: a
// self-signed server (DEPTH_ZERO_SELF_SIGNED_CERT), a CA the client does
// not trust (UNABLE_TO_VERIFY_LEAF_SIGNATURE), a name mismatch
// (ERR_TLS_CERT_ALTNAME_INVALID); rejectUnauthorized: false connects but
// reports authorizationError.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const tls = require('tls');

const keys = path.join(common.fixturesDir, 'keys');
const read = (name) => fs.readFileSync(path.join(keys, name));

function withServer(key, cert, fn) {
  const server = tls.createServer({ key: read(key), cert: read(cert) },
                                  (s) => s.end());
  server.on('tlsClientError', () => {});
  server.listen(0, () => fn(server.address().port, () => server.close()));
}

withServer('selfsigned-key.pem', 'selfsigned-cert.pem',
           common.mustCall((port, done) => {
             const c = tls.connect({ port, host: 'localhost' },
                                   common.mustNotCall());
             c.on('error', common.mustCall((err) => {
               assert.strictEqual(err.code, 'DEPTH_ZERO_SELF_SIGNED_CERT');
               assert.strictEqual(err.message, 'self-signed certificate');
               const c2 = tls.connect({
                 port, host: 'localhost', rejectUnauthorized: false,
               }, common.mustCall(() => {
                 assert.strictEqual(c2.authorized, false);
                 assert.strictEqual(c2.authorizationError,
                                    'DEPTH_ZERO_SELF_SIGNED_CERT');
                 c2.end();
                 done();
               }));
             }));
           }));

withServer('agent-key.pem', 'agent-cert.pem',
           common.mustCall((port, done) => {
             const c = tls.connect({ port, host: 'localhost' },
                                   common.mustNotCall());
             c.on('error', common.mustCall((err) => {
               assert.strictEqual(err.code, 'UNABLE_TO_VERIFY_LEAF_SIGNATURE');
               const c2 = tls.connect({
                 port, host: '127.0.0.1', servername: 'wrong.example',
                 ca: read('ca-cert.pem'),
               }, common.mustNotCall());
               c2.on('error', common.mustCall((err) => {
                 assert.strictEqual(err.code, 'ERR_TLS_CERT_ALTNAME_INVALID');
                 assert.strictEqual(err.reason,
                                    'Host: wrong.example. is not in the ' +
                                    'cert\'s altnames: DNS:localhost, ' +
                                    'DNS:*.example.test, ' +
                                    'IP Address:127.0.0.1');
                 done();
               }));
             }));
           }));

// checkServerIdentity on its own.
assert.strictEqual(tls.checkServerIdentity('a.example.test', {
  subject: { CN: 'x' }, subjectaltname: 'DNS:*.example.test',
}), undefined);
assert.strictEqual(
  tls.checkServerIdentity('a.com', { subject: {} }).message,
  'Hostname/IP does not match certificate\'s altnames: ' +
  'Cert does not contain a DNS name');
