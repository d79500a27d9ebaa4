// WHATWG URL edge cases, incl. Node 18's ada quirks (expected values
// from Node 18.20).
'use strict';
require('../common');
const assert = require('assert');

function check(fn, expected) {
  assert.deepStrictEqual(fn(), expected, fn.toString());
}

const href = (input, base) => {
  try {
    return new URL(input, base).href;
  } catch (err) {
    return err.code;
  }
};
const set = (input, prop, value) => {
  const url = new URL(input);
  url[prop] = value;
  return url.href;
};
const emptyHostPort = () => {
  const url = new URL('sc://x:5/');
  url.host = ':1';
  return [url.host, url.port];
};
const deleteParams = (input, ...names) => {
  const url = new URL(input);
  for (const name of names) url.searchParams.delete(name);
  return url.href;
};

check(() => href('http://1.2.3.4.5'),
      'ERR_INVALID_URL');
check(() => href('http://0x7f.1'),
      'http://127.0.0.1/');
check(() => href('http://0300.0250.1'),
      'http://192.168.0.1/');
check(() => href('http://[0:0:0:0:0:0:13.1.68.3]'),
      'http://[::d01:4403]/');
check(() => href('http://[1:0::]/'),
      'http://[1::]/');
check(() => href('http://a/^{}`|'),
      'http://a/^%7B%7D%60|');
check(() => href('sc:a b ?x#y'),
      'sc:a b ?x#y');
check(() => href("http://a/?'x"),
      'http://a/?%27x');
check(() => href("sc://a/?'x"),
      'sc://a/?\'x');
check(() => href('http://xn--/'),
      'ERR_INVALID_URL');
check(() => href('http://xn--a.com/'),
      'ERR_INVALID_URL');
check(() => href('http://xn--xn--/'),
      'http://xn--xn--/');
check(() => href('http://ß.de/'),
      'http://xn--zca.de/');
check(() => href('file://localhost/x'),
      'file:///x');
check(() => href('file:c:/x/../..'),
      'file:///c:/');
check(() => href('non-spec:/..//p'),
      'non-spec:/.//p');
check(() => href('x#y', 'about:blank'),
      'about:blank/x#y');
check(() => href('x', 'about:blank'),
      'ERR_INVALID_URL');
check(() => href('../x#', 'sc:a/b/c'),
      'sc:a/x#');
check(() => href('..#', 'sc:a'),
      'sc:a#');
check(() => href('sc://h/x/..'),
      'sc://h/');
check(() => href('sc://h/x/../..'),
      'sc://h');
check(() => href('sc:/..'),
      'sc:');
check(() => href('http://h/..'),
      'http://h/');
check(() => set('sc://x', 'host', ':1'),
      'sc://:1');
check(() => set('sc://x/', 'host', ':'),
      'sc:///');
check(() => set('c:/x', 'host', ''),
      'c:/x');
check(() => set('non-spec:/.//p', 'hostname', ''),
      'non-spec:////p');
check(() => set('sc:/..', 'pathname', 'x'),
      'sc:');
check(() => set('sc:opaque  #f', 'hash', ''),
      'sc:opaque');
check(() => set('http://h:80/', 'port', '8080abc'),
      'http://h:8080/');
check(() => set('http://h/', 'port', '65536'),
      'http://h/');
check(() => set('http://h/p', 'host', 'example.com:65536'),
      'http://example.com/p');
check(() => set('https://h/', 'protocol', 'file'),
      'file://h/');
check(() => set('http://h/', 'username', 'a@b:c'),
      'http://a%40b%3Ac@h/');
check(() => new URL('sc://x:5').host,
      'x:5');
check(() => emptyHostPort(),
      ['', '1']);
check(() => new URL('blob:https://a:443/x').origin,
      'https://a');
check(() => new URL('blob:ftp://a/x').origin,
      'null');
check(() => deleteParams('http://a/?b=c&d=e', 'b', 'd'),
      'http://a/');
check(() => deleteParams('sc:x ?q', 'q'),
      'sc:x');
check(() => [URL.canParse('x'), URL.canParse('x', 'http://a/')],
      [false, true]);
check(() => Object.keys(require('url')),
      [
        'Url',
        'parse',
        'resolve',
        'resolveObject',
        'format',
        'URL',
        'URLSearchParams',
        'domainToASCII',
        'domainToUnicode',
        'pathToFileURL',
        'fileURLToPath',
        'urlToHttpOptions',
      ]);
check(() => require('url').domainToASCII('a/b'),
      'a');
check(() => require('url').domainToUnicode('xn--ZCA.xn--zca'),
      '\u00df.\u00df');

assert.throws(() => new URL('/x', 'bad base'), {
  code: 'ERR_INVALID_URL',
  name: 'TypeError',
  message: 'Invalid URL',
  input: '/x',
});
assert.throws(() => new URL(), { code: 'ERR_MISSING_ARGS' });
assert.throws(() => Reflect.get(URL.prototype, 'href', {}), {
  code: 'ERR_INVALID_THIS',
  message: 'Value of "this" must be of type URL',
});
