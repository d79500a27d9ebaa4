// The URLContext offsets behind URL objects (shown by util.inspect with
// showHidden; expected values from Node 18.20).
'use strict';
require('../common');
const assert = require('assert');

function check(fn, expected) {
  assert.deepStrictEqual(fn(), expected, fn.toString());
}

const ctx = (input) => {
  const url = new URL(input);
  const symbol = Object.getOwnPropertySymbols(url)[0];
  const c = url[symbol];
  return [symbol.description, c.href, c.protocol_end, c.username_end,
          c.host_start, c.host_end, c.pathname_start, c.search_start,
          c.hash_start, c.port, c.scheme_type, c.hasPort, c.hasSearch,
          c.hasHash];
};

check(() => ctx('https://user:pass@host.name:8080/p/?q=r#h'),
      [
        'context',
        'https://user:pass@host.name:8080/p/?q=r#h',
        6,
        12,
        17,
        27,
        32,
        35,
        39,
        8080,
        2,
        true,
        true,
        true,
      ]);
check(() => ctx('http://u@h/'),
      [
        'context',
        'http://u@h/',
        5,
        8,
        8,
        10,
        10,
        4294967295,
        4294967295,
        4294967295,
        0,
        false,
        false,
        false,
      ]);
check(() => ctx('http://:p@h/'),
      [
        'context',
        'http://:p@h/',
        5,
        7,
        9,
        11,
        11,
        4294967295,
        4294967295,
        4294967295,
        0,
        false,
        false,
        false,
      ]);
check(() => ctx('a:b'),
      [
        'context',
        'a:b',
        2,
        2,
        2,
        2,
        2,
        4294967295,
        4294967295,
        4294967295,
        1,
        false,
        false,
        false,
      ]);
check(() => ctx('a:/b?c#d'),
      [
        'context',
        'a:/b?c#d',
        2,
        2,
        2,
        2,
        2,
        4,
        6,
        4294967295,
        1,
        false,
        true,
        true,
      ]);
check(() => ctx('file:///x'),
      [
        'context',
        'file:///x',
        5,
        7,
        7,
        7,
        7,
        4294967295,
        4294967295,
        4294967295,
        6,
        false,
        false,
        false,
      ]);
check(() => ctx('sc://h:12'),
      [
        'context',
        'sc://h:12',
        3,
        5,
        5,
        6,
        9,
        4294967295,
        4294967295,
        12,
        1,
        true,
        false,
        false,
      ]);
check(() => ctx('http://h:80/?'),
      [
        'context',
        'http://h/?',
        5,
        7,
        7,
        8,
        8,
        9,
        4294967295,
        4294967295,
        0,
        false,
        true,
        false,
      ]);
check(() => ctx('http://h/#'),
      [
        'context',
        'http://h/#',
        5,
        7,
        7,
        8,
        8,
        4294967295,
        9,
        4294967295,
        0,
        false,
        false,
        true,
      ]);
check(() => ctx('non-spec:/.//p'),
      [
        'context',
        'non-spec:/.//p',
        9,
        9,
        9,
        9,
        11,
        4294967295,
        4294967295,
        4294967295,
        1,
        false,
        false,
        false,
      ]);
check(() => ctx('ws://[::1]:8/'),
      [
        'context',
        'ws://[::1]:8/',
        3,
        5,
        5,
        10,
        12,
        4294967295,
        4294967295,
        8,
        3,
        true,
        false,
        false,
      ]);
check(() => ctx('wss://h/'),
      [
        'context',
        'wss://h/',
        4,
        6,
        6,
        7,
        7,
        4294967295,
        4294967295,
        4294967295,
        5,
        false,
        false,
        false,
      ]);
check(() => ctx('ftp://h/'),
      [
        'context',
        'ftp://h/',
        4,
        6,
        6,
        7,
        7,
        4294967295,
        4294967295,
        4294967295,
        4,
        false,
        false,
        false,
      ]);

{
  const url = new URL('http://a/?b=c');
  const keys = Object.keys(url[Object.getOwnPropertySymbols(url)[0]]);
  assert.deepStrictEqual(keys, [
    'href', 'protocol_end', 'username_end', 'host_start', 'host_end',
    'pathname_start', 'search_start', 'hash_start', 'port', 'scheme_type',
  ]);
  url.search = '';
  assert.strictEqual(url[Object.getOwnPropertySymbols(url)[0]].href,
                     'http://a/');
}
