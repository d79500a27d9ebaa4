// IDNA (UTS #46) rules behind url.domainToASCII() and URL hosts, as
// Node 18.20 applies them (expected values from Node 18.20).
'use strict';
require('../common');
const assert = require('assert');

function check(fn, expected) {
  assert.deepStrictEqual(fn(), expected, fn.toString());
}

const { domainToASCII, domainToUnicode } = require('url');
const both = (domain) => [domainToASCII(domain), domainToUnicode(domain)];

check(() => both('xn--iñvalid.com'),
      ['', '']);
check(() => both('0x7f.1'),
      ['127.0.0.1', '127.0.0.1']);
check(() => both('xn--zca.COM'),
      ['xn--zca.com', '\u00df.com']);
check(() => both('xn--ab-'),
      ['xn--ab-', 'ab']);
check(() => both('xn--ls8h'),
      ['xn--ls8h', '\ud83d\udca9']);
check(() => both('a\u00adb'),
      ['ab', 'ab']);
check(() => both('\uff11\uff12\uff17.\uff10.\uff10.\uff11'),
      ['127.0.0.1', '127.0.0.1']);
check(() => both('a:b'),
      ['', '']);
check(() => both('\u2100'),
      ['', '']);
check(() => both('\ufffd.com'),
      ['', '']);
check(() => both('\u2260'),
      ['xn--1ch', '\u2260']);
check(() => both('\u064aa'),
      ['', '']);
check(() => both('a\u064a'),
      ['xn--a-zoc', 'a\u064a']);
check(() => both('a\u064a\u064a'),
      ['', '']);
check(() => both('1\u064a'),
      ['xn--1-zoc', '1\u064a']);
check(() => both('\u0661a'),
      ['', '']);
check(() => both('a\u0661'),
      ['xn--a-bqc', 'a\u0661']);
check(() => both('\u0661'),
      ['xn--9hb', '\u0661']);
check(() => both('1\u0661'),
      ['', '']);
check(() => both('\u064a\u0661' + '1'),
      ['', '']);
check(() => both('\u064a-'),
      ['', '']);
check(() => both('a\u0300\u064a'),
      ['xn--0ca68y', '\u00e0\u064a']);
check(() => both('\u0641\u200c\u0641'),
      ['xn--dhba229q', '\u0641\u200c\u0641']);
check(() => both('a\u200c\u0641'),
      ['', '']);
check(() => both('\u0641a\u200c\u0641'),
      ['xn--a-gocb525x', '\u0641a\u200c\u0641']);
check(() => both('\u0915\u094d\u200d'),
      ['xn--11b6iy14e', '\u0915\u094d\u200d']);
check(() => both('a\u200d'),
      ['', '']);
check(() => both('\u0915\u094d\u200c\u064aa'),
      ['xn--a-yoc85sogx35h', '\u0915\u094d\u200c\u064aa']);
check(() => both('\u064aa\u200c\u0641'),
      ['xn--a-hocz194x', '\u064aa\u200c\u0641']);
check(() => domainToASCII('\u0644\u0670\u200c\u06ed\u06ef'),
      'xn--ghb2gxqia7523a');
check(() => domainToASCII('\u0dc1\u0dca\u200d\u0dbb\u0dd3'),
      'xn--10cl1a0b660p');
check(() => domainToASCII('\u0646\u0627\u0645\u0647\u200c\u0627\u06cc'),
      'xn--mgba3gch31f060k');
check(() => both('\u1e9e'),
      ['ss', 'ss']);
check(() => both('\u13a0'),
      ['xn--58d', '\u13a0']);
check(() => both('\u1f80'),
      ['xn--uxa970l', '\u1f00\u03b9']);
check(() => both('\u0345'),
      ['xn--uxa', '\u03b9']);
check(() => both('a\ufe0fb'),
      ['ab', 'ab']);
check(() => both('\u03c2'),
      ['xn--3xa', '\u03c2']);

assert.throws(() => domainToASCII(), { code: 'ERR_MISSING_ARGS' });
assert.strictEqual(domainToASCII(undefined), 'undefined');
