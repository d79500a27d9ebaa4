// Legacy url.parse/format/resolve quirks (expected values from Node 18).
'use strict';
require('../common');
const assert = require('assert');

function check(fn, expected) {
  assert.deepStrictEqual(fn(), expected, fn.toString());
}

const url = require('url');
const parse = (...args) => {
  try {
    return { ...url.parse(...args) };
  } catch (err) {
    return err.code || err.name;
  }
};
const pick = (input, ...keys) => {
  const parsed = parse(input);
  if (typeof parsed === 'string') return parsed;
  return keys.map((key) => parsed[key]);
};
const auth = (from, to) => {
  const result = url.resolveObject(url.parse(from), to);
  return [result.auth, result.href];
};
const allOff = { unicode: true, auth: false, search: false, fragment: false };

check(() => parse('http://user:pw@h:8/p?q#h'),
      {
        protocol: 'http:',
        slashes: true,
        auth: 'user:pw',
        host: 'h:8',
        port: '8',
        hostname: 'h',
        hash: '#h',
        search: '?q',
        query: 'q',
        pathname: '/p',
        path: '/p?q',
        href: 'http://user:pw@h:8/p?q#h',
      });
check(() => pick('http://a:b:c@d:1:2/', 'host', 'pathname', 'href'),
      ['d:2', '/:1/', 'http://a:b:c@d:2/:1/']);
check(() => pick('http://a.com:80x/', 'host', 'pathname'),
      ['a.com', '/:80x/']);
check(() => pick('HTTP:example.com', 'host', 'href'),
      ['example.com', 'http://example.com/']);
check(() => pick('http:example.com', 'host', 'pathname'),
      [null, 'example.com']);
check(() => pick('foo:example.com', 'host', 'pathname'),
      ['example.com', null]);
check(() => pick('mailto:\tx@y', 'auth', 'host'),
      ['x', 'y']);
check(() => pick('http://a\r" \t\n<\'b:b@c\r\nd/e?f', 'auth', 'host'),
      ['a" <\'b:b', 'cd']);
check(() => pick('http://a/b\tc?d#e\tf', 'pathname', 'hash'),
      ['/b%09c', '#e%09f']);
check(() => pick(' http://x/a\\b?c\\d ', 'pathname', 'search'),
      ['/a/b', '?c%5Cd']);
check(() => pick('http://a@b@c/', 'auth', 'href'),
      ['a@b', 'http://a%40b@c/']);
check(() => pick('http://a\u0000b/x', 'host', 'pathname'),
      ['a', '/x']);
check(() => pick('http://\u00e9\u0000B/', 'hostname'),
      ['xn--']);
check(() => pick('http://[::1]/x', 'host', 'hostname'),
      ['[::1]', '::1']);
check(() => pick('http://' + 'a'.repeat(256) + '/x', 'host', 'href'),
      ['', 'http:///x']);
check(() => pick('http://a*b_c/', 'hostname'),
      ['a*b_c']);
check(() => pick('http://a\u064a/', 'hostname'),
      ['xn--a-zoc']);
check(() => pick('javascript:a\tb', 'pathname'),
      ['a\tb']);
check(() => pick('JavaScript://x/y', 'protocol', 'pathname'),
      ['javascript:', '//x/y']);
check(() => pick('file:x', 'pathname', 'href'),
      ['x', 'file://x']);
check(() => pick('/a b?c d', 'pathname', 'search'),
      ['/a%20b', '?c%20d']);
check(() => ({ ...parse('a=b?c', true).query }),
      { c: '' });
check(() => parse('//a/b', false, true).host,
      'a');
check(() => parse('http://%@host/'),
      'URIError');
check(() => parse('http://a[b]/'),
      'ERR_INVALID_URL');
check(() => parse('http://[::1]x/'),
      'ERR_INVALID_URL');
check(() => parse('http://xn--a/'),
      'ERR_INVALID_URL');
check(() => parse('http://\u2100.com/'),
      'ERR_INVALID_URL');
check(() => url.format({ auth: 'a b:c@d', host: 'h', protocol: 'http' }),
      'http://a%20b:c%40d@h');
check(() => url.format({ hostname: '::1', port: 8, pathname: 'p#q?' }),
      '[::1]:8p%23q%3F');
check(() => url.format({ protocol: 'file', pathname: '/x' }),
      'file:///x');
check(() => url.format({ protocol: 'mailto', host: 'h', search: 'a#b' }),
      'mailto:h?a%23b');
check(() => url.format({ query: { a: [1, 2], b: 'c d' } }),
      '?a=1&a=2&b=c%20d');
check(() => url.format({ href: 'http://a/b#c', protocol: 'http:' }, {}),
      'http:');
check(() => url.format(new URL('http://u:p@xn--9ca.com/a?b#c'), allOff),
      'http://\u00e9.com/a');
check(() => url.format(new URL('sc://xn--ZCA.xn--zca/'), { unicode: true }),
      'sc://xn--ZCA.\u00df/');
check(() => url.resolve('http://a/b/c', '../../../d'),
      'http://a/d');
check(() => url.resolve('mailto:local1@domain1', 'local2@domain2'),
      'mailto:local2@domain2');
check(() => url.resolve('http://a/b', '//c/d'),
      'http://c/d');
check(() => url.resolve('http://a/b', 'https:c/d'),
      'https://c/d');
check(() => url.resolve('f:/a', './/g'),
      'f://g');
check(() => auth('mailto:u@h', 'mailto:'),
      [null, 'mailto:h']);
check(() => auth('mailto:user@example.org', 'foo'),
      ['user', 'mailto:user@foo']);
check(() => auth('http://u@h/a', '//h2/b'),
      [null, 'http://h2/b']);
check(() => auth('http://u@h/a', 'http:b'),
      ['u', 'http://u@h/b']);

assert.throws(() => url.parse(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "url" argument must be of type string. ' +
           'Received type number (1)',
});
assert.throws(() => url.format(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "urlObject" argument must be one of type object or ' +
           'string. Received type number (1)',
});
assert.deepStrictEqual(Object.keys(new url.Url()), [
  'protocol', 'slashes', 'auth', 'host', 'port', 'hostname', 'hash',
  'search', 'query', 'pathname', 'path', 'href',
]);
