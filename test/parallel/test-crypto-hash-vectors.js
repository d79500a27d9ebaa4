'use strict';
// crypto.createHash(): known-answer digests (FIPS 180, FIPS 202 and RFC
// 1321 vectors), output encodings, XOF output lengths, copy(), the stream
// interface and Node's errors.
const common = require('../common');
const assert = require('assert');
const crypto = require('crypto');
const { PassThrough } = require('stream');

const hex = (alg, data, opts) =>
  crypto.createHash(alg, opts).update(data).digest('hex');

// Known answers for "abc" and the empty string.
assert.strictEqual(hex('md5', ''), 'd41d8cd98f00b204e9800998ecf8427e');
assert.strictEqual(hex('md5', 'abc'), '900150983cd24fb0d6963f7d28e17f72');
assert.strictEqual(hex('sha1', 'abc'),
                   'a9993e364706816aba3e25717850c26c9cd0d89d');
assert.strictEqual(
  hex('sha256', 'abc'),
  'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
assert.strictEqual(
  hex('sha256', ''),
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
assert.strictEqual(
  hex('sha512', 'abc'),
  'ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a' +
  '2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f');
assert.strictEqual(
  hex('sha3-256', 'abc'),
  '3a985da74fe225b2045c172d6bd390bd855f086e3e9d525b46bfe24511431532');
assert.strictEqual(
  hex('sha1', 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq'),
  '84983e441c3bd26ebaae4aa1f95129e5e54670f1');
// A million 'a's, fed in pieces.
{
  const h = crypto.createHash('sha1');
  const chunk = Buffer.alloc(1000, 'a');
  for (let i = 0; i < 1000; i++) h.update(chunk);
  assert.strictEqual(h.digest('hex'),
                     '34aa973cd4c4daa4f61eeb2bdbad27316534016f');
}

// Names: aliases and case do not matter.
assert.strictEqual(hex('SHA256', 'abc'), hex('sha256', 'abc'));
assert.strictEqual(hex('RSA-SHA256', 'abc'), hex('sha256', 'abc'));

// XOFs: default and chosen output lengths.
assert.strictEqual(hex('shake128', ''), '7f9c2ba4e88f827d616045507605853e');
assert.strictEqual(
  hex('shake256', 'abc'),
  '483366601360a8771c6863080cc4114d8db44530f8f1e1ee4f94ea37e78b5739');
assert.strictEqual(hex('shake128', '', { outputLength: 5 }), '7f9c2ba4e8');
assert.strictEqual(hex('shake128', '', { outputLength: 0 }), '');
assert.strictEqual(
  hex('shake256', '', { outputLength: 64 }).slice(0, 32),
  '46b9dd2b0ba88d13233b3feb743eeb24');
assert.strictEqual(hex('sha256', 'abc', { outputLength: 32 }),
                   hex('sha256', 'abc'));
assert.throws(() => crypto.createHash('sha256', { outputLength: 28 }),
              { code: 'ERR_OSSL_EVP_NOT_XOF_OR_INVALID_LENGTH',
                reason: 'not XOF or invalid length',
                library: 'digital envelope routines' });
assert.throws(() => crypto.createHash('sha256', { outputLength: -1 }),
              { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => crypto.createHash('sha256', { outputLength: 'x' }),
              { code: 'ERR_INVALID_ARG_TYPE' });

// Input forms and encodings give the same bytes.
{
  const want = hex('sha256', Buffer.from('héllo'));
  assert.strictEqual(hex('sha256', 'héllo'), want);
  assert.strictEqual(
    crypto.createHash('sha256').update('68c3a96c6c6f', 'hex').digest('hex'),
    want);
  assert.strictEqual(
    crypto.createHash('sha256').update('aMOpbGxv', 'base64').digest('hex'),
    want);
  assert.strictEqual(hex('sha256', new Uint8Array(Buffer.from('héllo'))),
                     want);
  const dv = Buffer.from('xhéllox');
  assert.strictEqual(
    hex('sha256', new DataView(dv.buffer, dv.byteOffset + 1, 6)), want);
  // latin1 takes the low byte of each code unit.
  assert.strictEqual(
    crypto.createHash('md5').update('\u00e9', 'latin1').digest('hex'),
    hex('md5', Buffer.from([0xe9])));
  // A long string (past any stack buffer) hashes as its UTF-8 bytes.
  const long = 'é'.repeat(5000);
  assert.strictEqual(hex('sha1', long), hex('sha1', Buffer.from(long)));
}

// Output encodings.
{
  const buf = crypto.createHash('md5').update('a').digest();
  assert.ok(Buffer.isBuffer(buf));
  const enc = (e) => crypto.createHash('md5').update('a').digest(e);
  assert.strictEqual(enc('hex'), buf.toString('hex'));
  assert.strictEqual(enc('HEX'), buf.toString('hex'));
  assert.strictEqual(enc('base64'), buf.toString('base64'));
  assert.strictEqual(enc('base64url'), 'DMF1ucDxtqgxw5niaXcmYQ');
  assert.strictEqual(enc('latin1'), buf.toString('latin1'));
  assert.strictEqual(enc('binary'), buf.toString('latin1'));
  assert.strictEqual(enc('ucs2'), buf.toString('ucs2'));
  assert.strictEqual(enc('utf8'), buf.toString('utf8'));
  assert.deepStrictEqual(enc('buffer'), buf);
  assert.deepStrictEqual(enc('no-such-encoding'), buf);
}

// copy() forks the state; digest() finalizes.
{
  const a = crypto.createHash('sha512').update('abc');
  const b = a.copy();
  const c = b.copy().update('def');
  assert.strictEqual(a.digest('hex'), b.digest('hex'));
  assert.strictEqual(c.digest('hex'), hex('sha512', 'abcdef'));
  assert.throws(() => a.digest(), { code: 'ERR_CRYPTO_HASH_FINALIZED' });
  assert.throws(() => a.update('x'), { code: 'ERR_CRYPTO_HASH_FINALIZED' });
  assert.throws(() => a.copy(), { code: 'ERR_CRYPTO_HASH_FINALIZED' });
  assert.strictEqual(
    crypto.createHash('shake128', { outputLength: 4 }).update('abc')
      .copy({ outputLength: 8 }).digest('hex').length, 16);
}

// Errors.
assert.throws(() => crypto.createHash('no-such-hash'), (err) => {
  assert.strictEqual(err.message, 'Digest method not supported');
  assert.strictEqual(err.code, undefined);
  return true;
});
assert.throws(() => crypto.createHash(), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "algorithm" argument must be of type string. ' +
           'Received undefined',
});
assert.throws(() => crypto.createHash('sha1').update(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "data" argument must be of type string or an instance of ' +
           'Buffer, TypedArray, or DataView. Received type number (1)',
});
assert.throws(() => crypto.createHash('sha1').update('abc', 'hex'),
              { code: 'ERR_INVALID_ARG_VALUE' });
assert.ok(crypto.Hash('sha1') instanceof crypto.Hash);

// The stream interface: written data in, the digest (a Buffer) out.
{
  const h = crypto.createHash('sha256');
  h.on('data', common.mustCall((d) => {
    assert.strictEqual(d.toString('hex'), hex('sha256', 'abcdef'));
  }));
  const src = new PassThrough();
  src.pipe(h);
  src.write('abc');
  src.end('def');
}

// Inputs are taken at update() time: changing a caller's buffer (or HMAC
// key) afterwards changes nothing.
{
  const buf = Buffer.from('abc');
  const h = crypto.createHash('sha256').update(buf);
  buf.fill(0);
  assert.strictEqual(h.digest('hex'), hex('sha256', 'abc'));
  const key = Buffer.from('key');
  const mac = crypto.createHmac('sha256', key).update('data');
  key.fill(0);
  assert.strictEqual(
    mac.digest('hex'),
    '5031fe3d989c6d1537a013fa6e739da23463fdaec3b70137d828e36ace221bd0');
}

// A copy after one update, and several updates, agree with one update.
{
  const a = crypto.createHash('md5').update('ab');
  assert.strictEqual(a.copy().update('c').digest('hex'), hex('md5', 'abc'));
  assert.strictEqual(a.update('c').digest('hex'), hex('md5', 'abc'));
  const mac = crypto.createHmac('md5', 'k').update('a', 'latin1')
    .update('6263', 'hex');
  assert.strictEqual(mac.digest('hex'),
                     crypto.createHmac('md5', 'k').update('abc').digest('hex'));
}

// digest() then end(): a Hash's stream still yields the digest, an Hmac's
// yields nothing more (its digest was taken).
{
  const h = crypto.createHash('sha1').update('x');
  const d = h.digest();
  h.end();
  assert.deepStrictEqual(h.read(), d);
  const mac = crypto.createHmac('sha1', 'k').update('x');
  mac.digest();
  mac.end();
  assert.strictEqual(mac.read(), null);
}
