'use strict';
// crypto.createHmac(): RFC 4231 and RFC 2202 vectors, keys of every kind
// (string, buffers, secret KeyObject), the finalized state and errors.
require('../common');
const assert = require('assert');
const crypto = require('crypto');

const h = (alg, key, data) =>
  crypto.createHmac(alg, key).update(data).digest('hex');

// RFC 4231 test case 1.
{
  const key = Buffer.alloc(20, 0x0b);
  assert.strictEqual(
    h('sha224', key, 'Hi There'),
    '896fb1128abbdf196832107cd49df33f47b4b1169912ba4f53684b22');
  assert.strictEqual(
    h('sha256', key, 'Hi There'),
    'b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7');
  assert.strictEqual(
    h('sha512', key, 'Hi There'),
    '87aa7cdea5ef619d4ff0b4241a1d6cb02379f4e2ce4ec2787ad0b30545e17cde' +
    'daa833b7d6b8a702038b274eaea3f4e4be9d914eeb61f1702e696c203a126854');
}
// RFC 4231 test case 2 (a key shorter than the output).
assert.strictEqual(
  h('sha256', 'Jefe', 'what do ya want for nothing?'),
  '5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843');
assert.strictEqual(
  h('sha384', 'Jefe', 'what do ya want for nothing?'),
  'af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e' +
  '8e2240ca5e69e2c78b3239ecfab21649');
// RFC 4231 test case 6 (a key longer than the block size).
assert.strictEqual(
  h('sha256', Buffer.alloc(131, 0xaa),
    'Test Using Larger Than Block-Size Key - Hash Key First'),
  '60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54');
// RFC 2202 (HMAC-MD5 and HMAC-SHA1).
assert.strictEqual(h('md5', Buffer.alloc(16, 0x0b), 'Hi There'),
                   '9294727a3638bb1c13f48ef8158bfc9d');
assert.strictEqual(h('sha1', 'Jefe', 'what do ya want for nothing?'),
                   'effcdf6ae5eb2fa2d27416d5f184df9c259a7c79');
// Empty key and data (Wikipedia's vectors).
assert.strictEqual(h('sha1', '', ''),
                   'fbdb1d1b18aa6c08324b7d64b71fb76370690e1d');
assert.strictEqual(h('md5', '', ''), '74e6f7298a9c2d168935f58c001bad88');

// Every form of the same key gives the same HMAC.
{
  const want = h('sha256', 'key', 'data');
  const bytes = Buffer.from('key');
  assert.strictEqual(h('sha256', bytes, 'data'), want);
  assert.strictEqual(h('sha256', new Uint8Array(bytes), 'data'), want);
  assert.strictEqual(h('sha256', new Uint8Array(bytes).buffer, 'data'), want);
  assert.strictEqual(h('sha256', crypto.createSecretKey(bytes), 'data'),
                     want);
  assert.strictEqual(
    crypto.createHmac('sha256', '6b6579', { encoding: 'hex' })
      .update('data').digest('hex'),
    want);
}

// Multiple updates, and the stream interface.
{
  const want = h('sha1', 'Node', 'some datato hmac');
  assert.strictEqual(
    crypto.createHmac('sha1', 'Node').update('some data').update('to hmac')
      .digest('hex'),
    want);
  const s = crypto.createHmac('sha1', 'Node');
  s.end('some datato hmac');
  assert.strictEqual(s.read().toString('hex'), want);
}

// digest() twice: the second is empty.
{
  const mac = crypto.createHmac('sha1', 'key').update('data');
  assert.strictEqual(mac.digest('hex'),
                     '104152c5bfdca07bc633eebd46199f0255c9f49d');
  assert.strictEqual(mac.digest('hex'), '');
  assert.deepStrictEqual(mac.digest(), Buffer.alloc(0));
}

// KeyObject.
{
  const key = crypto.createSecretKey(Buffer.from('secret'));
  assert.strictEqual(key.type, 'secret');
  assert.strictEqual(key.symmetricKeySize, 6);
  assert.deepStrictEqual(key.export(), Buffer.from('secret'));
  assert.deepStrictEqual(key.export({ format: 'jwk' }),
                         { kty: 'oct', k: 'c2VjcmV0' });
  assert.ok(key.equals(crypto.createSecretKey('secret')));
  assert.ok(!key.equals(crypto.createSecretKey('secreT')));
  assert.ok(key instanceof crypto.KeyObject);
  assert.ok(require('util').types.isKeyObject(key));
  assert.throws(() => crypto.createSecretKey(1), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "key" argument must be an instance of ArrayBuffer, ' +
             'Buffer, TypedArray, or DataView. Received type number (1)',
  });
}

// Errors.
assert.throws(() => crypto.createHmac('sha7', 'key'), {
  name: 'TypeError',
  code: 'ERR_CRYPTO_INVALID_DIGEST',
  message: 'Invalid digest: sha7',
});
assert.throws(() => crypto.createHmac(null), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "hmac" argument must be of type string. Received null',
});
assert.throws(() => crypto.createHmac('sha1', null), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "key" argument must be of type string or an instance of ' +
           'ArrayBuffer, Buffer, TypedArray, DataView, KeyObject, or ' +
           'CryptoKey. Received null',
});
assert.ok(crypto.Hmac('sha256', 'k') instanceof crypto.Hmac);
