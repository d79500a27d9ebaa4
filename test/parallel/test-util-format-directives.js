// Checks util.format and util.formatWithOptions (expected: Node 18).
'use strict';
require('../common');
const assert = require('assert');
const util = require('util');
const { format } = util;

// Directives.
assert.strictEqual(format('%s|%s|%s', 'str', 42, -0), 'str|42|-0');
assert.strictEqual(
  format('%s', 12345678901234567890n),
  '12345678901234567890n');
assert.strictEqual(format('%s', Symbol('x')), 'Symbol(x)');
assert.strictEqual(format('%s', { a: { b: { c: 1 } } }), '{ a: [Object] }');
assert.strictEqual(format('%s', [1, [2, [3]]]), '[ 1, [Array] ]');
assert.strictEqual(format('%s', { toString() { return 'custom'; } }), 'custom');
assert.strictEqual(
  format('%s', new (class Foo { toString() { return 'Foo!'; } })()),
  'Foo!');
assert.strictEqual(format('%s', new (class Bar { x = 1; })()), 'Bar { x: 1 }');
assert.strictEqual(format('%s', new Date(0)), '1970-01-01T00:00:00.000Z');
assert.strictEqual(format('%s', null, undefined), 'null undefined');
assert.strictEqual(format('%d %d %d %d', 42, '42.5', '', {}), '42 42.5 0 NaN');
assert.strictEqual(format('%d %d', 5n, Symbol('s')), '5n NaN');
assert.strictEqual(format('%i %i %i', 42.9, '-0.5', 'x'), '42 -0 NaN');
assert.strictEqual(format('%i', 10n), '10n');
assert.strictEqual(format('%f %f', '1.5e3', Symbol('s')), '1500 NaN');
assert.strictEqual(format('%j', { a: [1, 'two'] }), '{"a":[1,"two"]}');
assert.strictEqual(format('%j', undefined), 'undefined');
var loop = {}; loop.loop = loop;
assert.strictEqual(format('%j', loop), '[Circular]');
assert.strictEqual(
  format('%O', { a: { b: { c: { d: 1 } } } }),
  '{ a: { b: { c: [Object] } } }');
assert.strictEqual(format('%o', [1]), '[ 1, [length]: 1 ]');
assert.strictEqual(
  format('%o', { f() {} }),
  "{ f: [Function: f] { [length]: 0, [name]: 'f' } }");
assert.strictEqual(format('%c%s', 'color: red', 'styled'), 'styled');
assert.strictEqual(format('100%% sure %s', 'yes'), '100% sure yes');
assert.strictEqual(format('%x %s', 'unknown'), '%x unknown');
assert.strictEqual(format('%s'), '%s');
assert.strictEqual(format('%s %s', 'only one'), 'only one %s');
assert.strictEqual(format('trailing %', 1), 'trailing % 1');
assert.strictEqual(format('a', 'b', 1, { c: 2 }), 'a b 1 { c: 2 }');
assert.strictEqual(format(1, 'x', [2]), '1 x [ 2 ]');
assert.strictEqual(format(), '');
assert.strictEqual(format(''), '');
assert.strictEqual(format('%s', 'x', 'extra', 3), 'x extra 3');

// formatWithOptions.
assert.strictEqual(
  util.formatWithOptions({ colors: true }, '%s %O', 1, { a: 'b' }),
  "1 { a: \u001b[32m'b'\u001b[39m }");
assert.strictEqual(
  util.formatWithOptions({ depth: 0 }, { a: { b: 1 } }),
  '{ a: [Object] }');
assert.strictEqual(
  util.formatWithOptions({ numericSeparator: true }, '%d %i %s', 1e6, 2e6, 3e6),
  '1_000_000 2_000_000 3_000_000');
assert.strictEqual(
  util.formatWithOptions({ compact: false }, 'x', [1]),
  'x [\n' +
  '  1\n' +
  ']');


// Errors from JSON.stringify other than circularity propagate.
assert.throws(() => format('%j', { toJSON() { throw new Error('x'); } }),
              { message: 'x' });

// formatWithOptions validates its first argument.
for (const bad of [undefined, null, 1, 'str']) {
  assert.throws(() => util.formatWithOptions(bad, 'x'), {
    code: 'ERR_INVALID_ARG_TYPE',
    name: 'TypeError',
  });
}
