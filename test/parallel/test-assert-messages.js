'use strict';
// The exact messages, generatedMessage flags and operators of assert's
// errors, as produced by Node.js 18.20.4.
const common = require('../common');
const assert = require('assert');

// DEP0094 comes from the assert.fail() case below.
common.expectWarning('DeprecationWarning',
                     'assert.fail() with more than one argument is ' +
                     'deprecated. Please use assert.strictEqual() instead ' +
                     'or only pass a message.', 'DEP0094');

const big = Array.from({ length: 30 }, (_, i) => i);
const bigOther = Array.from({ length: 30 }, (_, i) => (i === 15 ? -1 : i));
const cases = {
  strictShort: () => assert.strictEqual(1, 2),
  strictStrings: () => assert.strictEqual('test test', 'test foobar'),
  strictObj: () => assert.strictEqual({ a: 1 }, { a: 1 }),
  strictArrSame: () => assert.strictEqual([], []),
  deepStrictNested: () => assert.deepStrictEqual({ a: [1, 2, 3], b: 'x' },
                                                 { a: [1, 2, 4], b: 'x' }),
  deepStrictLong: () => assert.deepStrictEqual(big, bigOther),
  deepStrictExtra: () => assert.deepStrictEqual([1, 2, 3], [1, 2]),
  deepStrictType: () => assert.deepStrictEqual([1], { 0: 1 }),
  notStrictPrim: () => assert.notStrictEqual(5, 5),
  notDeepStrict: () => assert.notDeepStrictEqual({ a: 1, b: 2 },
                                                 { a: 1, b: 2 }),
  deepLoose: () => assert.deepEqual({ a: 1 }, { a: 2 }),
  notDeepLoose: () => assert.notDeepEqual(1, '1'),
  notDeepLooseSame: () => assert.notDeepEqual([1], [1]),
  equal: () => assert.equal('a', 'b'),
  notEqual: () => assert.notEqual(1, '1'),
  failOp: () => assert.fail(1, 2, undefined, '>'),
  match: () => assert.match('abc', /x/),
  doesNotMatch: () => assert.doesNotMatch('abc', /b/),
  ifError: () => assert.ifError('boom'),
  throwsClass: () => assert.throws(() => { throw new TypeError('t'); },
                                   RangeError),
  throwsObj: () => assert.throws(() => { throw new TypeError('t'); },
                                 { message: 't', name: 'RangeError' }),
  throwsNone: () => assert.throws(() => {}, RangeError, 'msg'),
  doesNotThrow: () => assert.doesNotThrow(() => { throw new Error('x'); },
                                          'because'),
  validateFn: () => assert.throws(() => { throw new Error('x'); },
                                  function check() { return 1; }),
};

// [message, generatedMessage, operator] per case, from Node.js 18.20.4.
const expected = {
  strictShort: [
    'Expected values to be strictly equal:\n\n1 !== 2\n',
    true, 'strictEqual',
  ],
  strictStrings: [
    'Expected values to be strictly equal:\n+ actual - expected\n\n' +
    '+ \'test test\'\n- \'test foobar\'\n        ^',
    true, 'strictEqual',
  ],
  strictObj: [
    'Values have same structure but are not reference-equal:\n\n{\n  a: 1\n' +
    '}\n',
    true, 'strictEqual',
  ],
  strictArrSame: [
    'Values have same structure but are not reference-equal:\n\n[]\n',
    true, 'strictEqual',
  ],
  deepStrictNested: [
    'Expected values to be strictly deep-equal:\n+ actual - expected\n\n' +
    '  {\n    a: [\n      1,\n      2,\n+     3\n-     4\n    ],\n' +
    '    b: \'x\'\n  }',
    true, 'deepStrictEqual',
  ],
  deepStrictLong: [
    'Expected values to be strictly deep-equal:\n' +
    '+ actual - expected ... Lines skipped\n\n  [\n    0,\n...\n    13,\n' +
    '    14,\n+   15,\n-   -1,\n    16,\n...\n    28,\n    29\n  ]',
    true, 'deepStrictEqual',
  ],
  deepStrictExtra: [
    'Expected values to be strictly deep-equal:\n+ actual - expected\n\n' +
    '  [\n    1,\n    2,\n+   3\n  ]',
    true, 'deepStrictEqual',
  ],
  deepStrictType: [
    'Expected values to be strictly deep-equal:\n+ actual - expected\n\n' +
    '+ [\n+   1\n+ ]\n- {\n-   \'0\': 1\n- }',
    true, 'deepStrictEqual',
  ],
  notStrictPrim: [
    'Expected "actual" to be strictly unequal to: 5',
    true, 'notStrictEqual',
  ],
  notDeepStrict: [
    'Expected "actual" not to be strictly deep-equal to:\n\n{\n  a: 1,\n' +
    '  b: 2\n}\n',
    true, 'notDeepStrictEqual',
  ],
  deepLoose: [
    'Expected values to be loosely deep-equal:\n\n{\n  a: 1\n}\n\n' +
    'should loosely deep-equal\n\n{\n  a: 2\n}',
    true, 'deepEqual',
  ],
  notDeepLoose: [
    'Expected values not to be loosely deep-equal:\n\n1\n\n' +
    'should not loosely deep-equal\n\n\'1\'',
    true, 'notDeepEqual',
  ],
  notDeepLooseSame: [
    'Expected "actual" not to be loosely deep-equal to:\n\n[\n  1\n]',
    true, 'notDeepEqual',
  ],
  equal: [
    '\'a\' == \'b\'',
    true, '==',
  ],
  notEqual: [
    '1 != \'1\'',
    true, '!=',
  ],
  failOp: [
    '1 > 2',
    true, '>',
  ],
  match: [
    'The input did not match the regular expression /x/. Input:\n\n\'abc\'\n',
    true, 'match',
  ],
  doesNotMatch: [
    'The input was expected to not match the regular expression /b/. Input:\n' +
    '\n\'abc\'\n',
    true, 'doesNotMatch',
  ],
  ifError: [
    'ifError got unwanted exception: \'boom\'',
    false, 'ifError',
  ],
  throwsClass: [
    'The error is expected to be an instance of "RangeError". ' +
    'Received "TypeError"\n' +
    '\nError message:\n\nt',
    true, 'throws',
  ],
  throwsObj: [
    'Expected values to be strictly deep-equal:\n+ actual - expected\n\n' +
    '  Comparison {\n    message: \'t\',\n+   name: \'TypeError\'\n' +
    '-   name: \'RangeError\'\n  }',
    true, 'throws',
  ],
  throwsNone: [
    'Missing expected exception (RangeError): msg',
    false, 'throws',
  ],
  doesNotThrow: [
    'Got unwanted exception: because\nActual message: "x"',
    false, 'doesNotThrow',
  ],
  validateFn: [
    'The "check" validation function is expected to return "true". ' +
    'Received 1\n' +
    '\nCaught error:\n\nError: x',
    true, 'throws',
  ],
};

for (const [name, fn] of Object.entries(cases)) {
  let error;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  assert.ok(error instanceof assert.AssertionError, name);
  assert.deepStrictEqual(
    [error.message, error.generatedMessage, error.operator],
    expected[name], name);
  assert.strictEqual(error.code, 'ERR_ASSERTION');
  assert.strictEqual(error.name, 'AssertionError');
  assert.ok(error.stack.startsWith('AssertionError [ERR_ASSERTION]: '), name);
}
