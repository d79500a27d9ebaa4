// Checks util.inspect layout, options and errors (expected: Node 18).
'use strict';
require('../common');
const assert = require('assert');
const util = require('util');
const { inspect } = util;

// Arrays of more than six short entries are grouped in columns.
assert.strictEqual(
  inspect(Array.from({ length: 26 }, (_, i) => i * 37)),
  '[\n' +
  '    0,  37,  74, 111, 148, 185,\n' +
  '  222, 259, 296, 333, 370, 407,\n' +
  '  444, 481, 518, 555, 592, 629,\n' +
  '  666, 703, 740, 777, 814, 851,\n' +
  '  888, 925\n' +
  ']');
assert.strictEqual(
  inspect(Array.from({ length: 10 }, (_, i) => `str${i}`)),
  '[\n' +
  "  'str0', 'str1',\n" +
  "  'str2', 'str3',\n" +
  "  'str4', 'str5',\n" +
  "  'str6', 'str7',\n" +
  "  'str8', 'str9'\n" +
  ']');
assert.strictEqual(
  inspect(Array.from({ length: 8 }, (_, i) => -i * 1.5)),
  '[\n' +
  '    -0,  -1.5,   -3,\n' +
  '  -4.5,    -6, -7.5,\n' +
  '    -9, -10.5\n' +
  ']');
assert.strictEqual(
  inspect(Array.from({ length: 30 }, (_, i) => i), { compact: 1 }),
  '[\n' +
  '   0,  1,  2,  3,\n' +
  '   4,  5,  6,  7,\n' +
  '   8,  9, 10, 11,\n' +
  '  12, 13, 14, 15,\n' +
  '  16, 17, 18, 19,\n' +
  '  20, 21, 22, 23,\n' +
  '  24, 25, 26, 27,\n' +
  '  28, 29\n' +
  ']');
assert.strictEqual(
  inspect(Array.from({ length: 12 }, (_, i) => 'x'.repeat(i))),
  '[\n' +
  "  '',           'x',\n" +
  "  'xx',         'xxx',\n" +
  "  'xxxx',       'xxxxx',\n" +
  "  'xxxxxx',     'xxxxxxx',\n" +
  "  'xxxxxxxx',   'xxxxxxxxx',\n" +
  "  'xxxxxxxxxx', 'xxxxxxxxxxx'\n" +
  ']');
assert.strictEqual(
  inspect(Array.from({ length: 12 }, (_, i) => i), { maxArrayLength: 7 }),
  '[\n' +
  '  0, 1, 2, 3,\n' +
  '  4, 5, 6,\n' +
  '  ... 5 more items\n' +
  ']');
assert.strictEqual(
  inspect(new Uint16Array(40).fill(7)),
  'Uint16Array(40) [\n' +
  '  7, 7, 7, 7, 7, 7, 7, 7, 7, 7,\n' +
  '  7, 7, 7, 7, 7, 7, 7, 7, 7, 7,\n' +
  '  7, 7, 7, 7, 7, 7, 7, 7, 7, 7,\n' +
  '  7, 7, 7, 7, 7, 7, 7, 7, 7, 7\n' +
  ']');

// compact and breakLength.
var nested = { a: 1, b: { c: [1, 2, { d: 'e' }] }, f: 'g' };
assert.strictEqual(
  inspect(nested),
  "{ a: 1, b: { c: [ 1, 2, [Object] ] }, f: 'g' }");
assert.strictEqual(
  inspect(nested, { compact: false }),
  '{\n' +
  '  a: 1,\n' +
  '  b: {\n' +
  '    c: [\n' +
  '      1,\n' +
  '      2,\n' +
  '      [Object]\n' +
  '    ]\n' +
  '  },\n' +
  "  f: 'g'\n" +
  '}');
assert.strictEqual(
  inspect(nested, { compact: true }),
  "{ a: 1, b: { c: [ 1, 2, [Object] ] }, f: 'g' }");
assert.strictEqual(
  inspect(nested, { compact: 1 }),
  '{\n' +
  '  a: 1,\n' +
  '  b: {\n' +
  '    c: [ 1, 2, [Object] ]\n' +
  '  },\n' +
  "  f: 'g'\n" +
  '}');
assert.strictEqual(
  inspect(nested, { breakLength: 20 }),
  '{\n' +
  '  a: 1,\n' +
  '  b: {\n' +
  '    c: [\n' +
  '      1,\n' +
  '      2,\n' +
  '      [Object]\n' +
  '    ]\n' +
  '  },\n' +
  "  f: 'g'\n" +
  '}');
assert.strictEqual(
  inspect(nested, { compact: true, breakLength: 20 }),
  '{ a: 1,\n' +
  '  b:\n' +
  '   { c: [ 1, 2, [Object] ] },\n' +
  "  f: 'g' }");
var wide = {};
for (let i = 0; i < 12; i++) wide[`property${i}`] = i;
assert.strictEqual(
  inspect(wide),
  '{\n' +
  '  property0: 0,\n' +
  '  property1: 1,\n' +
  '  property2: 2,\n' +
  '  property3: 3,\n' +
  '  property4: 4,\n' +
  '  property5: 5,\n' +
  '  property6: 6,\n' +
  '  property7: 7,\n' +
  '  property8: 8,\n' +
  '  property9: 9,\n' +
  '  property10: 10,\n' +
  '  property11: 11\n' +
  '}');
assert.strictEqual(
  inspect(wide, { breakLength: Infinity }),
  '{ property0: 0, property1: 1, property2: 2, property3: 3, pr' +
  'operty4: 4, property5: 5, property6: 6, property7: 7, proper' +
  'ty8: 8, property9: 9, property10: 10, property11: 11 }');
assert.strictEqual(
  inspect({ long: 'y'.repeat(90) }),
  '{\n' +
  "  long: 'yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy" +
  "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy'\n" +
  '}');
assert.strictEqual(
  inspect(['y'.repeat(30), 'z'.repeat(30), 'w'.repeat(30)]),
  '[\n' +
  "  'yyyyyyyyyyyyyyyyyyyyyyyyyyyyyy',\n" +
  "  'zzzzzzzzzzzzzzzzzzzzzzzzzzzzzz',\n" +
  "  'wwwwwwwwwwwwwwwwwwwwwwwwwwwwww'\n" +
  ']');
assert.strictEqual(
  inspect(new Map([['k', { a: [1, { b: 2 }] }]]), { compact: false }),
  'Map(1) {\n' +
  "  'k' => {\n" +
  '    a: [\n' +
  '      1,\n' +
  '      [Object]\n' +
  '    ]\n' +
  '  }\n' +
  '}');
assert.strictEqual(
  inspect(new Set([[1, 2], [3, 4]]), { compact: true, breakLength: 5 }),
  'Set(2) {\n' +
  '  [ 1, 2 ],\n' +
  '  [ 3, 4 ] }');

// Sorting, numeric separators and truncation.
assert.strictEqual(
  inspect({ b: 1, c: 2, a: 3 }, { sorted: true }),
  '{ a: 3, b: 1, c: 2 }');
assert.strictEqual(
  inspect({ b: 1, c: 2, a: 3 }, { sorted: (a, b) => (a < b ? 1 : -1) }),
  '{ c: 2, b: 1, a: 3 }');
assert.strictEqual(
  inspect(Object.assign([3, 1], { z: 1, y: 2 }), { sorted: true }),
  '[ 3, 1, y: 2, z: 1 ]');
assert.strictEqual(
  inspect(new Set(['b', 'a']), { sorted: true }),
  "Set(2) { 'a', 'b' }");
assert.strictEqual(
  inspect(1234567.891, { numericSeparator: true }),
  '1_234_567.891');
assert.strictEqual(inspect(-1234567, { numericSeparator: true }), '-1_234_567');
assert.strictEqual(
  inspect(123456789n, { numericSeparator: true }),
  '123_456_789n');
assert.strictEqual(
  inspect([1000, 10000], { numericSeparator: true }),
  '[ 1_000, 10_000 ]');
assert.strictEqual(
  inspect('abcdef', { maxStringLength: 2 }),
  "'ab'... 4 more characters");
assert.strictEqual(
  inspect(['abc', 'd'], { maxStringLength: 1 }),
  "[ 'a'... 2 more characters, 'd' ]");
assert.strictEqual(
  inspect(new Set([1, 2, 3]).values(), { maxArrayLength: 1 }),
  '[Set Iterator] { 1, ... 2 more items }');
assert.strictEqual(
  inspect(new ArrayBuffer(5), { maxArrayLength: 2 }),
  'ArrayBuffer {\n' +
  '  [Uint8Contents]: <00 00 ... 3 more bytes>,\n' +
  '  byteLength: 5\n' +
  '}');
assert.strictEqual(inspect([1, 2, 3], { maxArrayLength: null }), '[ 1, 2, 3 ]');

// Colors.
assert.strictEqual(
  inspect([1, 'a', null, undefined, true, 1n, Symbol('s')], { colors: true }),
  "[ \u001b[33m1\u001b[39m, \u001b[32m'a'\u001b[39m, \u001b[1mn" +
  'ull\u001b[22m, \u001b[90mundefined\u001b[39m, \u001b[33mtrue' +
  '\u001b[39m, \u001b[33m1n\u001b[39m, \u001b[32mSymbol(s)\u001b[39m ]');
assert.strictEqual(
  inspect({ d: new Date(0), r: /x/, f() {} }, { colors: true }),
  '{ d: \u001b[35m1970-01-01T00:00:00.000Z\u001b[39m, r: \u001b[31m/' +
  'x/\u001b[39m, f: \u001b[36m[Function: f]\u001b[39m }');
assert.strictEqual(
  inspect({ a: { b: { c: {} } } }, { colors: true, depth: 0 }),
  '{ a: \u001b[36m[Object]\u001b[39m }');
assert.strictEqual(inspect.styles.number, 'yellow');
assert.strictEqual(inspect.colors.yellow.join(), '33,39');
assert.strictEqual(
  inspect.colors.grey === inspect.colors.gray ? 'alias' : 'copy',
  'alias');
assert.strictEqual(
  Object.keys(inspect.colors).includes('grey') ? 'enumerable' : 'hidden',
  'hidden');

// Errors (stacks fixed so the output does not depend on the file).
var fake = new Error('boom');
fake.stack = 'Error: boom\n    at one (file.js:1:1)\n    at two (file.js:2:2)';
assert.strictEqual(
  inspect(fake),
  'Error: boom\n' +
  '    at one (file.js:1:1)\n' +
  '    at two (file.js:2:2)');
assert.strictEqual(
  inspect({ e: fake }),
  '{\n' +
  '  e: Error: boom\n' +
  '      at one (file.js:1:1)\n' +
  '      at two (file.js:2:2)\n' +
  '}');
var withCode = new TypeError('bad');
withCode.stack = 'TypeError: bad\n    at x (a.js:1:1)';
withCode.code = 'ERR_X';
assert.strictEqual(
  inspect(withCode),
  'TypeError: bad\n' +
  '    at x (a.js:1:1) {\n' +
  "  code: 'ERR_X'\n" +
  '}');
var noFrames = new RangeError('short');
noFrames.stack = 'RangeError: short';
assert.strictEqual(inspect(noFrames), '[RangeError: short]');
assert.strictEqual(inspect([noFrames]), '[ [RangeError: short] ]');
var renamed = new Error('msg');
renamed.stack = 'Error: msg\n    at f (b.js:1:1)';
renamed.name = 'Custom';
assert.strictEqual(
  inspect(renamed),
  'Error: msg\n' +
  '    at f (b.js:1:1) {\n' +
  "  name: 'Custom'\n" +
  '}');
var Sub = class Sub extends Error {};
var sub = new Sub('s');
sub.stack = 'Error: s\n    at g (c.js:3:3)';
assert.strictEqual(inspect(sub), 'Sub [Error]: s\n    at g (c.js:3:3)');
var inner = new Error('inner');
inner.stack = 'Error: inner\n    at i (d.js:1:1)';
var outer = new Error('outer', { cause: inner });
outer.stack = 'Error: outer\n    at o (d.js:2:2)';
assert.strictEqual(
  inspect(outer),
  'Error: outer\n' +
  '    at o (d.js:2:2) {\n' +
  '  [cause]: Error: inner\n' +
  '      at i (d.js:1:1)\n' +
  '}');
var agg = new AggregateError([noFrames], 'many');
agg.stack = 'AggregateError: many\n    at a (e.js:1:1)';
assert.strictEqual(
  inspect(agg),
  'AggregateError: many\n' +
  '    at a (e.js:1:1) {\n' +
  '  [errors]: [ [RangeError: short] ]\n' +
  '}');
var causeOnly = new Error('c', { cause: 'text' });
causeOnly.stack = 'Error: c';
assert.strictEqual(inspect(causeOnly), "[Error: c] { [cause]: 'text' }");
var emptyStack = new Error('no stack');
emptyStack.stack = '';
assert.strictEqual(inspect(emptyStack), '[Error: no stack]');
var nullErr = Object.setPrototypeOf(new Error('np'), null);
nullErr.stack = 'Error: np\n    at n (f.js:1:1)';
assert.strictEqual(
  inspect(nullErr),
  '[Error: null prototype]: np\n' +
  '    at n (f.js:1:1)');

