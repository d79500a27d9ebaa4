// Checks util.MIMEType / util.MIMEParams parsing and serialization (Node 18).
'use strict';
require('../common');
const assert = require('assert');
const { MIMEType, MIMEParams } = require('util');

const mime = new MIMEType('Text/HTML; Charset="ut\\f-8"; x=a b;bad=(; x=2');
assert.strictEqual(mime.type, 'text');
assert.strictEqual(mime.subtype, 'html');
assert.strictEqual(mime.essence, 'text/html');
assert.strictEqual(`${mime}`, 'text/html;charset=utf-8;x="a b";bad="("');
assert.strictEqual(JSON.stringify(mime),
                   '"text/html;charset=utf-8;x=\\"a b\\";bad=\\"(\\""');
assert.deepStrictEqual([...mime.params.keys()], ['charset', 'x', 'bad']);
assert.strictEqual(mime.params.get('missing'), null);

mime.type = 'APPLICATION';
mime.params.set('charset', 'latin1');
mime.params.delete('bad');
assert.strictEqual(`${mime}`, 'application/html;charset=latin1;x="a b"');

assert.throws(() => new MIMEType('x y/z'), {
  code: 'ERR_INVALID_MIME_SYNTAX',
  name: 'TypeError',
  message: 'The MIME syntax for a type in "x y/z" is invalid at 1',
});
assert.throws(() => new MIMEType('text'), {
  message: 'The MIME syntax for a type in "text" is invalid',
});
assert.throws(() => { mime.subtype = 'a;b'; }, {
  message: 'The MIME syntax for a subtype in "a;b" is invalid at 1',
});
assert.throws(() => mime.params.set('a', 'line\n'), {
  message: 'The MIME syntax for a parameter value in "line\n" is invalid ' +
           'at 4',
});

const params = new MIMEParams();
params.set('empty', '');
params.set('quote', 'a"b\\');
assert.strictEqual(`${params}`, 'empty="";quote="a\\"b\\\\"');
assert.deepStrictEqual([...params], [['empty', ''], ['quote', 'a"b\\']]);
