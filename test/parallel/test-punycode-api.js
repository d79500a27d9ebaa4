// The punycode module: API shape, errors and conversions (expected values
// from Node 18's bundled punycode.js 2.1.0).
'use strict';
const common = require('../common');
const assert = require('assert');

// Without --pending-deprecation, requiring punycode does not warn.
process.on('warning', common.mustNotCall());

const punycode = require('punycode');

assert.strictEqual(punycode.version, '2.1.0');
assert.deepStrictEqual(Object.keys(punycode),
                       ['version', 'ucs2', 'decode', 'encode', 'toASCII',
                        'toUnicode']);

assert.strictEqual(punycode.encode('m\u00fcnchen'), 'mnchen-3ya');
assert.strictEqual(punycode.decode('mnchen-3ya'), 'm\u00fcnchen');
assert.strictEqual(punycode.encode(''), '');
assert.strictEqual(punycode.encode('abc'), 'abc-');
assert.strictEqual(punycode.decode('abc-'), 'abc');

// toASCII/toUnicode map every label (and keep an email's local part).
assert.strictEqual(punycode.toASCII('m\u00fcnchen.de'), 'xn--mnchen-3ya.de');
assert.strictEqual(punycode.toASCII('a\u3002\u00e9'), 'a.xn--9ca');
assert.strictEqual(punycode.toASCII('\u00e9@\u00e9.com'),
                   '\u00e9@xn--9ca.com');
assert.strictEqual(punycode.toUnicode('xn--mnchen-3ya.de'), 'm\u00fcnchen.de');
assert.strictEqual(punycode.toUnicode('xn--9CA.com'), '\u00e9.com');
assert.strictEqual(punycode.toUnicode('XN--9CA.com'), 'XN--9CA.com');
assert.strictEqual(punycode.toUnicode('a.b'), 'a.b');

// ucs2 keeps lone surrogates and validates code points.
assert.deepStrictEqual(punycode.ucs2.decode('\ud83d\ude00a\ud800'),
                       [0x1f600, 0x61, 0xd800]);
assert.strictEqual(punycode.ucs2.encode([0x1f600, 0xdc00]),
                   '\ud83d\ude00\udc00');
assert.throws(() => punycode.ucs2.encode([0x110000]), {
  name: 'RangeError',
  message: 'Invalid code point 1114112',
});

assert.throws(() => punycode.decode('\u00e9-'), {
  name: 'RangeError',
  message: 'Illegal input >= 0x80 (not a basic code point)',
});
assert.throws(() => punycode.decode('a-!'), {
  name: 'RangeError',
  message: 'Invalid input',
});
assert.throws(() => punycode.decode('99999999'), {
  name: 'RangeError',
  message: 'Overflow: input needs wider integers to process',
});
// Labels convert last to first, so the last bad label decides the error.
assert.throws(() => punycode.toUnicode('xn-- .xn--\u65e5-'), {
  message: 'Illegal input >= 0x80 (not a basic code point)',
});
