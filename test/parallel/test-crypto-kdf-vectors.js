'use strict';
// pbkdf2, scrypt and hkdf: RFC 6070, RFC 7914 and RFC 5869 vectors, sync
// and async (on the thread pool, called back later) agreeing, and the
// argument errors.
const common = require('../common');
const assert = require('assert');
const crypto = require('crypto');

const b = (hex) => Buffer.from(hex, 'hex');

/* Checks the sync result, then that the async one matches. */
function both(syncFn, asyncFn, args, expectedHex,
              toHex = (r) => r.toString('hex')) {
  assert.strictEqual(toHex(syncFn(...args)), expectedHex);
  let sync = true;
  asyncFn(...args, common.mustSucceed((r) => {
    assert.strictEqual(sync, false);
    assert.strictEqual(toHex(r), expectedHex);
  }));
  sync = false;
}

// PBKDF2-HMAC-SHA1, RFC 6070.
const pbkdf2 = [
  ['password', 'salt', 1, 20, '0c60c80f961f0e71f3a9b524af6012062fe037a6'],
  ['password', 'salt', 2, 20, 'ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957'],
  ['password', 'salt', 4096, 20, '4b007901b765489abead49d926f721d065a429c1'],
  ['passwordPASSWORDpassword', 'saltSALTsaltSALTsaltSALTsaltSALTsalt', 4096,
   25, '3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038'],
  ['pass\0word', 'sa\0lt', 4096, 16, '56fa6aa75548099dcc37d7f03425e0c3'],
];
for (const [p, s, c, len, want] of pbkdf2)
  both(crypto.pbkdf2Sync, crypto.pbkdf2, [p, s, c, len, 'sha1'], want);
// Buffers and typed arrays work as password and salt; keylen 0 is legal.
{
  const words = new Uint16Array(new Uint8Array(Buffer.from('password')).buffer);
  assert.deepStrictEqual(crypto.pbkdf2Sync(words, 'salt', 1, 20, 'sha1'),
                         b('0c60c80f961f0e71f3a9b524af6012062fe037a6'));
}
assert.deepStrictEqual(crypto.pbkdf2Sync('', '', 1, 0, 'sha256'),
                       Buffer.alloc(0));
assert.throws(() => crypto.pbkdf2Sync('p', 's', 1, 1, 'md55'), {
  name: 'TypeError', code: 'ERR_CRYPTO_INVALID_DIGEST',
  message: 'Invalid digest: md55',
});
assert.throws(() => crypto.pbkdf2Sync('p', 's', 0, 1, 'sha1'),
              { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => crypto.pbkdf2('p', 's', 1, 1, 'sha1'),
              { code: 'ERR_INVALID_ARG_TYPE' });

// scrypt, RFC 7914 section 12 (the N = 2^20 vector takes 1 GiB: left out).
const scrypt = [
  ['', '', { N: 16, r: 1, p: 1 }, 64,
   '77d6576238657b203b19ca42c18a0497f16b4844e3074ae8dfdffa3fede21442' +
   'fcd0069ded0948f8326a753a0fc81f17e8d3e0fb2e0d3628cf35e20c38d18906'],
  ['password', 'NaCl', { cost: 1024, blockSize: 8, parallelization: 16 }, 64,
   'fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162' +
   '2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640'],
  ['pleaseletmein', 'SodiumChloride', { N: 16384, r: 8, p: 1 }, 64,
   '7023bdcb3afd7348461c06cd81fd38ebfda8fbba904f8e3ea9b543f6545da1f2' +
   'd5432955613f0fcf62d49705242a9af9e61e85dc0d651e40dfcf017b45575887'],
];
for (const [p, s, opts, len, want] of scrypt) {
  assert.strictEqual(crypto.scryptSync(p, s, len, opts).toString('hex'),
                     want);
  crypto.scrypt(p, s, len, opts, common.mustSucceed((key) => {
    assert.strictEqual(key.toString('hex'), want);
  }));
}
assert.strictEqual(crypto.scryptSync('', '', 0).length, 0);
assert.throws(() => crypto.scryptSync('p', 's', 1, { N: 3 }), {
  name: 'RangeError', code: 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS',
  message: 'Invalid scrypt params',
});
assert.throws(() => crypto.scryptSync('p', 's', 1, { N: 1024, r: 8,
                                                      maxmem: 2 ** 20 }),
              { code: 'ERR_CRYPTO_INVALID_SCRYPT_PARAMS' });
assert.throws(() => crypto.scryptSync('p', 's', 1, { N: 16, cost: 16 }), {
  code: 'ERR_CRYPTO_SCRYPT_INVALID_PARAMETER',
  message: 'Invalid scrypt parameter',
});
assert.throws(() => crypto.scrypt('p', 's', 1, {}),
              { code: 'ERR_INVALID_ARG_TYPE' });

// HKDF, RFC 5869 appendix A (cases 1, 3, 4 and 7).
const hkdf = [
  ['sha256', b('0b'.repeat(22)), b('000102030405060708090a0b0c'),
   b('f0f1f2f3f4f5f6f7f8f9'), 42,
   '3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf' +
   '34007208d5b887185865'],
  ['sha256', b('0b'.repeat(22)), '', '', 42,
   '8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d' +
   '9d201395faa4b61a96c8'],
  ['sha1', b('0b'.repeat(11)), b('000102030405060708090a0b0c'),
   b('f0f1f2f3f4f5f6f7f8f9'), 42,
   '085a01ea1b10f36933068b56efa5ad81a4f14b822f5b091568a9cdd4f155fda2' +
   'c22e422478d305f3f896'],
  ['sha1', b('0c'.repeat(22)), '', '', 42,
   '2c91117204d745f3500d636a62f64f0ab3bae548aa53d423b0d1f27ebba6f5e5' +
   '673a081d70cce7acfc48'],
];
const abHex = (ab) => {
  assert.ok(ab instanceof ArrayBuffer);
  return Buffer.from(ab).toString('hex');
};
for (const [hash, ikm, salt, info, len, want] of hkdf) {
  both(crypto.hkdfSync, crypto.hkdf, [hash, ikm, salt, info, len], want,
       abHex);
  assert.strictEqual(
    abHex(crypto.hkdfSync(hash, crypto.createSecretKey(ikm), salt, info,
                          len)),
    want);
}
assert.strictEqual(crypto.hkdfSync('sha256', '', '', '', 0).byteLength, 0);
assert.throws(() => crypto.hkdfSync('sha512', 'a', '', '', 64 * 255 + 1), {
  name: 'RangeError', code: 'ERR_CRYPTO_INVALID_KEYLEN',
  message: 'Invalid key length',
});
assert.throws(() => crypto.hkdfSync('nope', 'a', '', '', 10),
              { code: 'ERR_CRYPTO_INVALID_DIGEST' });
assert.throws(() => crypto.hkdfSync('sha256', 'a', '', Buffer.alloc(1025),
                                    10),
              { code: 'ERR_OUT_OF_RANGE' });
assert.throws(() => crypto.hkdfSync('sha256', 1, '', '', 10), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: /^The "ikm" argument must be of type string or an instance of /,
});
