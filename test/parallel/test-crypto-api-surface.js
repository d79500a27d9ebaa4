'use strict';
// The whole crypto API exists. What nodus has not built yet either works
// (as on Node) or throws ERR_METHOD_NOT_IMPLEMENTED naming the function;
// it never silently misbehaves. Also: constants, algorithm lists,
// getCipherInfo, timingSafeEqual, FIPS/engines and process.versions.
const common = require('../common');
const assert = require('assert');
const crypto = require('crypto');

const ecKey = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg5gfItoA9kVG6oEz7
Zso/jPphvTiZccFPn6lC5Jef/bOhRANCAAQ8XCiZyuT/OSIMAcm4iW+lL/kKNy8i
RwilMRFv8Ar08J3TUXT4HhepX3e5V0HF2Ua1YF6oH7nz7S71frpVjZwa
-----END PRIVATE KEY-----`;
const rsaKey = `-----BEGIN PRIVATE KEY-----
MIIBVAIBADANBgkqhkiG9w0BAQEFAASCAT4wggE6AgEAAkEAudp86E4krCwMmzxX
2hcvdHwFw3JWynciShtRjrzVRumiZi3/wLnBUHqaXfrZ27fnXrM/NP6bo7kkY+LO
eUVcxQIDAQABAkATjCxpDpcC2Ns2lKE02g1utgCxLtx8DQ25N6hbV/cirxA4RIvc
1wWGNZbhJXPVUYPN0UnXvaAzpknteFA7Arl9AiEA2pDShncGhomeRNvxnuwq7Z+H
tUJ5uv0O8mL02Iydz5MCIQDZr19n2vSeOg/hPDPBWcr0y38wVFz+BJJLHl81fpzp
RwIgfA794CMJSi4s7qrlD66/gxctAV6VF+TxqfUvQwc1wA8CIQC+HbkQRh1AF2uJ
BgAZjKeBtjyF5Bg3TZzK+GKkoMi/vwIgErcQ7NtoK6uvwW+fUzTENFs2iJz24HHh
++nCxaq9rRQ=
-----END PRIVATE KEY-----`;

/* Runs fn: it must work, or throw ERR_METHOD_NOT_IMPLEMENTED whose
 * message names `name`. */
function worksOrNotImplemented(name, fn) {
  try {
    fn();
  } catch (err) {
    assert.strictEqual(err.code, 'ERR_METHOD_NOT_IMPLEMENTED',
                       `${name} threw ${err}`);
    assert.ok(err.message.includes(name), err.message);
    assert.match(err.message, /method is not implemented$/);
  }
}

// The 768-bit MODP prime of RFC 2409 (Oakley group 1).
const oakley1 =
  'ffffffffffffffffc90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74' +
  '020bbea63b139b22514a08798e3404ddef9519b3cd3a431b302b0a6df25f1437' +
  '4fe1356d6d51c245e485b576625e7ec6f44c42e9a63a3620ffffffffffffffff';

const key = Buffer.alloc(16);
const iv = Buffer.alloc(16);
const cases = {
  createCipheriv: () => crypto.createCipheriv('aes-128-cbc', key, iv),
  createDecipheriv: () => crypto.createDecipheriv('aes-128-cbc', key, iv),
  Cipheriv: () => new crypto.Cipheriv('aes-128-cbc', key, iv),
  Decipheriv: () => new crypto.Decipheriv('aes-128-cbc', key, iv),
  createSign: () => crypto.createSign('sha256'),
  createVerify: () => crypto.createVerify('sha256'),
  Sign: () => new crypto.Sign('sha256'),
  Verify: () => new crypto.Verify('sha256'),
  createPrivateKey: () => crypto.createPrivateKey(ecKey),
  createPublicKey: () => crypto.createPublicKey(ecKey),
  sign: () => crypto.sign('sha256', Buffer.from('x'), ecKey),
  verify: () => crypto.verify('sha256', Buffer.from('x'), ecKey,
                              Buffer.alloc(8)),
  privateEncrypt: () => crypto.privateEncrypt(rsaKey, Buffer.from('x')),
  publicEncrypt: () => crypto.publicEncrypt(rsaKey, Buffer.from('x')),
  generateKeySync: () => crypto.generateKeySync('hmac', { length: 64 }),
  generateKeyPairSync: () =>
    crypto.generateKeyPairSync('ec', { namedCurve: 'P-256' }),
  generatePrimeSync: () => crypto.generatePrimeSync(16),
  checkPrimeSync: () => crypto.checkPrimeSync(7n),
  createECDH: () => crypto.createECDH('prime256v1'),
  ECDH: () => new crypto.ECDH('prime256v1'),
  getDiffieHellman: () => crypto.getDiffieHellman('modp14'),
  createDiffieHellmanGroup: () => crypto.createDiffieHellmanGroup('modp14'),
  createDiffieHellman: () => crypto.createDiffieHellman(oakley1, 'hex'),
  verifySpkac: () => crypto.Certificate.verifySpkac(Buffer.from('')),
};
for (const [name, fn] of Object.entries(cases))
  worksOrNotImplemented(name, fn);

// Async ones: the callback runs (Node), or the call throws.
function asyncWorksOrNotImplemented(name, start) {
  let called = false;
  worksOrNotImplemented(name, () => {
    start(() => { called = true; });
    process.on('exit', () => assert.ok(called, `${name} never called back`));
  });
}
asyncWorksOrNotImplemented('generateKey', (cb) => {
  crypto.generateKey('hmac', { length: 64 }, cb);
});
asyncWorksOrNotImplemented('generateKeyPair', (cb) => {
  crypto.generateKeyPair('ec', { namedCurve: 'P-256' }, cb);
});
asyncWorksOrNotImplemented('generatePrime', (cb) => {
  crypto.generatePrime(16, cb);
});

// Every export Node 18 has is there.
for (const name of [
  'checkPrime', 'createCipheriv', 'createDiffieHellman', 'createHash',
  'createHmac', 'createSecretKey', 'diffieHellman', 'getCipherInfo',
  'hkdf', 'pbkdf2', 'privateDecrypt', 'publicDecrypt', 'randomBytes',
  'randomFill', 'randomInt', 'randomUUID', 'scrypt', 'setEngine',
  'timingSafeEqual', 'getFips', 'setFips', 'Certificate', 'Cipher',
  'Decipher', 'DiffieHellman', 'DiffieHellmanGroup', 'Hash', 'Hmac',
  'KeyObject', 'X509Certificate', 'secureHeapUsed', 'getRandomValues',
]) {
  assert.strictEqual(typeof crypto[name], 'function', name);
}
for (const name of ['pseudoRandomBytes', 'prng', 'rng', 'createCipher',
                    'createDecipher', 'DEFAULT_ENCODING', 'fips']) {
  const desc = Object.getOwnPropertyDescriptor(crypto, name);
  assert.ok(desc, name);
  assert.strictEqual(desc.enumerable, false, name);
}

// webcrypto: digest works; the rest works or rejects as not implemented.
{
  const { subtle } = crypto.webcrypto;
  assert.strictEqual(crypto.subtle, subtle);
  subtle.digest('SHA-256', Buffer.from('abc')).then(common.mustCall((ab) => {
    assert.strictEqual(
      Buffer.from(ab).toString('hex'),
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  }));
  subtle.generateKey({ name: 'HMAC', hash: 'SHA-256' }, true, ['sign'])
    .catch((err) => {
      assert.strictEqual(err.code, 'ERR_METHOD_NOT_IMPLEMENTED');
      assert.match(err.message, /generateKey/);
    }).then(common.mustCall());
}

// Constants come from OpenSSL's headers.
{
  const c = crypto.constants;
  assert.strictEqual(Object.getPrototypeOf(c), null);
  assert.ok(c.OPENSSL_VERSION_NUMBER >= 0x30000000);
  assert.strictEqual(c.RSA_PKCS1_PADDING, 1);
  assert.strictEqual(c.RSA_PKCS1_OAEP_PADDING, 4);
  assert.strictEqual(c.POINT_CONVERSION_UNCOMPRESSED, 4);
  assert.strictEqual(c.TLS1_3_VERSION, 0x304);
  assert.strictEqual(c.SSL_OP_NO_TLSv1_3, 0x20000000);
  assert.strictEqual(c.ENGINE_METHOD_ALL, 0xffff);
  assert.strictEqual(c.DH_CHECK_P_NOT_PRIME, 1);
  assert.strictEqual(c.ALPN_ENABLED, 1);
  assert.match(c.defaultCoreCipherList, /^TLS_AES_256_GCM_SHA384:/);
  assert.strictEqual(c.defaultCipherList, c.defaultCoreCipherList);
}

// Algorithm lists are OpenSSL's, sorted and without duplicates.
for (const [list, has] of [[crypto.getHashes(), ['sha256', 'sha3-512',
                                                 'shake256', 'RSA-SHA1']],
                           [crypto.getCiphers(), ['aes-256-gcm',
                                                  'chacha20-poly1305']],
                           [crypto.getCurves(), ['prime256v1',
                                                 'secp384r1']]]) {
  for (const name of has) assert.ok(list.includes(name), name);
  assert.deepStrictEqual([...list].sort(), list);
  assert.strictEqual(new Set(list).size, list.length);
}
assert.deepStrictEqual(crypto.getCipherInfo('aes-128-cbc'), {
  mode: 'cbc', name: 'aes-128-cbc', nid: 419, blockSize: 16, ivLength: 16,
  keyLength: 16,
});
assert.deepStrictEqual(crypto.getCipherInfo(419),
                       crypto.getCipherInfo('AES-128-CBC'));
assert.strictEqual(crypto.getCipherInfo('aes-128-gcm', { ivLength: 7 })
  .ivLength, 7);
assert.strictEqual(crypto.getCipherInfo('aes-128-ccm', { ivLength: 14 }),
                   undefined);
assert.strictEqual(crypto.getCipherInfo('nope'), undefined);

// timingSafeEqual.
assert.strictEqual(crypto.timingSafeEqual(Buffer.from('ab'),
                                          new Uint8Array([97, 98])), true);
assert.strictEqual(crypto.timingSafeEqual(new ArrayBuffer(2),
                                          Buffer.alloc(2)), true);
assert.strictEqual(crypto.timingSafeEqual(Buffer.from('ab'),
                                          Buffer.from('ac')), false);
assert.throws(() => crypto.timingSafeEqual(Buffer.alloc(1), Buffer.alloc(2)),
              { name: 'RangeError',
                code: 'ERR_CRYPTO_TIMING_SAFE_EQUAL_LENGTH',
                message: 'Input buffers must have the same byte length' });
assert.throws(() => crypto.timingSafeEqual('a', Buffer.alloc(1)),
              { code: 'ERR_INVALID_ARG_TYPE' });

// FIPS is off; unknown engines are reported.
assert.strictEqual(crypto.getFips(), 0);
assert.strictEqual(crypto.fips, 0);
assert.throws(() => crypto.setEngine('no-such-engine'), {
  code: 'ERR_CRYPTO_ENGINE_UNKNOWN',
  message: 'Engine "no-such-engine" was not found',
});
assert.deepStrictEqual(crypto.secureHeapUsed(),
                       { total: 0, used: 0, utilization: 0, min: 0 });

// The linked OpenSSL's version is reported.
assert.match(process.versions.openssl, /^3\.\d+\.\d+/);

// Works in a worker (per-isolate state), including async work there.
{
  const { Worker } = require('worker_threads');
  const w = new Worker(`
    const crypto = require('crypto');
    const { parentPort } = require('worker_threads');
    crypto.pbkdf2('p', 's', 1, 8, 'sha256', (err, key) => {
      parentPort.postMessage(crypto.createHash('sha1').update('x')
        .digest('hex') + ' ' + key.toString('hex'));
    });`, { eval: true });
  w.on('message', common.mustCall((msg) => {
    assert.strictEqual(
      msg,
      '11f6ad8ec52a2984abaafd7c3b516503785c2072 ' +
      crypto.pbkdf2Sync('p', 's', 1, 8, 'sha256').toString('hex'));
  }));
}
