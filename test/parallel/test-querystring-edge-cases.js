// querystring edge cases (expected values from Node 18).
'use strict';
require('../common');
const assert = require('assert');

function check(fn, expected) {
  assert.deepStrictEqual(fn(), expected, fn.toString());
}

const qs = require('querystring');
const id = (s) => s;
const tag = (s) => '<' + s + '>';
const P = (...args) => ({ ...qs.parse(...args) });

check(() => P('a+b=c+d', null, null, { decodeURIComponent: id }),
      { 'a%20b': 'c%20d' });
check(() => P('a%41=b', null, null, { decodeURIComponent: tag }),
      { '<a%41>': '<b>' });
check(() => P('a=b&c', []),
      { a: '' });
check(() => P('aaab=c', 'aab'),
      { aaab: 'c' });
check(() => P('a=1&&b', '&', '=', { maxKeys: 2 }),
      { a: '1' });
check(() => P('a=%%41'),
      { a: '%A' });
check(() => P('%41%42=é%'),
      { AB: '\ufffd%' });
check(() => P('a%41=é%'),
      { aA: '\u00e9%' });
check(() => P('%4=1é%'),
      { '%4': '1\u00e9%' });
check(() => P('zbb%+éb'),
      { 'zbb% \u00e9b': '' });
check(() => P('a=%C3'),
      { a: '\ufffd' });
check(() => P('a=%zz\ud800'),
      { a: '%zz\ud800' });
check(() => P('a=', null, null, { decodeURIComponent: tag }),
      { '<a>': '' });
check(() => qs.escape('\ud800a'),
      '%F0%90%81%A1');
check(() => qs.escape({ toString() { return 'x y'; } }),
      'x%20y');
check(() => qs.escape('\ud83d\ude00é!*()~\''),
      '%F0%9F%98%80%C3%A9!*()~\'');
check(() => [...qs.unescapeBuffer('é%C3%A9%\u0100+')],
      [233, 195, 169, 37, 0, 43]);
check(() => [...qs.unescapeBuffer('%%2a%2%2af', true)],
      [37, 42, 37, 50, 42, 102]);
check(() => qs.unescape('a+b%zz', true),
      'a b%zz');
check(() => qs.unescape('a+b'),
      'a+b');
check(() => qs.stringify({ a: [1, [2]], b: {}, c: 1e21, d: -0, e: 2n, f: NaN }),
      'a=1&a=&b=&c=1e%2B21&d=0&e=2&f=');
check(() => qs.stringify({ a: '' }, null, null, { encodeURIComponent: tag }),
      '<a>=<>');
check(() => qs.stringify({ a: 'b c' }, ';', ':'),
      'a:b%20c');
check(() => Object.keys(qs),
      [
        'unescapeBuffer',
        'unescape',
        'escape',
        'stringify',
        'encode',
        'parse',
        'decode',
      ]);
check(() => [qs.unescape.name, qs.escape.name, qs.decode === qs.parse],
      ['qsUnescape', 'qsEscape', true]);

assert.throws(() => qs.escape('\udc00'), {
  code: 'ERR_INVALID_URI',
  name: 'URIError',
  message: 'URI malformed',
});
assert.strictEqual(Object.getPrototypeOf(qs.parse('a=b')), null);
