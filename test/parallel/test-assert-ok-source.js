'use strict';
// assert.ok() / assert() without a message quote the failing call's source,
// as Node.js 18.20.4 does (expected texts taken from it).
require('../common');
const assert = require('assert');
const a = assert;
const out = [];
function t(fn) {
  try {
    fn();
    out.push(null);
  } catch (e) {
    out.push(e.message);
  }
}

/* eslint-disable */
t(() => assert.ok(false));
t(() => assert(0, undefined));
t(() => { assert.ok(typeof 123 === 'string'); });
t(() => {
  assert.ok(
    [1, 2,
      3].includes(4),
  );
});
t(() => assert.strict.ok(null));
t(() => a.strict(''));
t(() => { const x = { y: { z: assert } }; x.y.z.ok(0); });
t(() => { const x = [assert]; x[0](0); });
t(() => { const f = () => assert; f()(0); });
t(() => { const f = () => assert; f().ok(0); });
t(() => assert?.ok(0));
t(() => assert.ok?.(0));
t(() => assert.ok(`template ${1 + 1} ${`nested ${'x'}`}` === 'y'));
t(() => assert.ok(/re(gex)/.test('nope') /* comment ( */));
t(() => assert.ok('str with ) paren' === 'x'));
t(() => assert.ok(0) // trailing
);
t(() => { if (assert.ok(0)) {} });
t(() => { const v = 1 / 2 / 3; assert.ok(v > 5); });
t(() => { for (const x of [0]) assert.ok(x); });
t(() => { [0].forEach((x) => assert.ok(x)); });
t(() => { [0].forEach(function(x) { assert(x, undefined); }); });
t(() => { new Promise(() => {}); assert.ok(new Boolean(false) == false); });
t(() => { assert.ok(0, null); });
t(() => { assert.ok.call(null, 0); });
t(() => { Reflect.apply(assert.ok, null, [0]); });
t(() => { const { ok } = assert; ok(0); });
t(() => { const { ok } = assert; ok((0)); });
t(() => { assert.ok((() => { return 0; })()); });
t(() => { assert.ok((function() {
  return 0;
})()); });
t(() => {
	assert.ok(
		0
	);
});
t(() => { assert.ok(0 ? 1 : 0); });
t(() => { const \u0061b = 0; assert.ok(\u0061b); });
t(() => { a.ok(({ a: 1 }).b); });
t(() => { a.ok([1, 2][5]); });
t(() => { a.ok(new Array(0).length); });
t(() => { class X { m() { assert(0); } } new X().m(); });
t(() => { a.ok(`a
b` === 'c'); });
t(() => { a.ok(0
  // comment
  ); });
t(() => { a.ok(0x0); });
t(() => { a.ok(1e-5 > 1); });
t(() => { a.ok(.5 > 1); });
t(() => { a.ok(a.ok.name === 'x'); });
/* eslint-enable */

// Source text of each call (null: did not throw).
const expected = [
  'assert.ok(false)',
  'assert(0, undefined)',
  'assert.ok(typeof 123 === \'string\')',
  'assert.ok(\n    [1, 2,\n      3].includes(4),\n  )',
  'assert.strict.ok(null)',
  'a.strict(\'\')',
  'x.y.z.ok(0)',
  'x[0](0)',
  'f()',
  'f().ok(0)',
  'assert?.ok(0)',
  'assert.ok?.(0)',
  'assert.ok(`template ${1 + 1} ${`nested ${\'x\'}`}` === \'y\')',
  'assert.ok(/re(gex)/.test(\'nope\') /* comment ( */)',
  'assert.ok(\'str with ) paren\' === \'x\')',
  'assert.ok(0)',
  'assert.ok(0)',
  'assert.ok(v > 5)',
  'assert.ok(x)',
  'assert.ok(x)',
  'assert(x, undefined)',
  null,
  'assert.ok(0, null)',
  'assert.ok.call(null, 0)',
  'Reflect.apply(assert.ok, null, [0])',
  'ok(0)',
  'ok((0))',
  'assert.ok((() => { return 0; })())',
  'assert.ok((function() {\n  return 0;\n  })())',
  'assert.ok(\n  \t0\n  )',
  'assert.ok(0 ? 1 : 0)',
  'assert.ok(\\u0061b)',
  'a.ok(({ a: 1 }).b)',
  'a.ok([1, 2][5])',
  'a.ok(new Array(0).length)',
  'assert(0)',
  'a.ok(`a\n  b` === \'c\')',
  'a.ok(0\n  // comment\n  )',
  'a.ok(0x0)',
  'a.ok(1e-5 > 1)',
  'a.ok(.5 > 1)',
  'a.ok(a.ok.name === \'x\')',
];

const prefix = 'The expression evaluated to a falsy value:\n\n  ';
assert.strictEqual(out.length, expected.length);
for (let i = 0; i < out.length; i++) {
  const want = expected[i] === null ? null : `${prefix}${expected[i]}\n`;
  assert.strictEqual(out[i], want, `case ${i}`);
}

// Code that cannot be read back (eval) and `new` calls fall back to the
// `value == true` form.
assert.throws(() => eval('assert.ok(1 === 2)'), { message: 'false == true' });
function newOk() {
  return new assert.ok(0);
}
assert.throws(newOk, { message: '0 == true' });
assert.throws(() => assert.ok(), {
  message: 'No value argument passed to `assert.ok()`',
  generatedMessage: true,
});
