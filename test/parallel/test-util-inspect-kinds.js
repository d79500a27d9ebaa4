// Checks util.inspect output for values of each kind (expected: Node 18).
'use strict';
require('../common');
const assert = require('assert');
const util = require('util');
const { inspect } = util;

// Primitives and strings.
assert.strictEqual(inspect(1), '1');
assert.strictEqual(inspect(-0), '-0');
assert.strictEqual(inspect(123n), '123n');
assert.strictEqual(inspect(NaN), 'NaN');
assert.strictEqual(inspect(undefined), 'undefined');
assert.strictEqual(inspect(null), 'null');
assert.strictEqual(inspect(Symbol('sym')), 'Symbol(sym)');
assert.strictEqual(inspect('plain'), "'plain'");
assert.strictEqual(inspect("it's"), '"it\'s"');
assert.strictEqual(inspect('it\'s "quoted"'), '`it\'s "quoted"`');
assert.strictEqual(
  inspect('it\'s "quoted" `tick`'),
  '\'it\\\'s "quoted" `tick`\'');
assert.strictEqual(
  inspect('a\nb\t\x00\x7f\u009f\\'),
  "'a\\nb\\t\\x00\\x7F\\x9F\\\\'");
assert.strictEqual(
  inspect('lone \ud800 and \udc00 ok \u{1f600}'),
  "'lone \\ud800 and \\udc00 ok 😀'");
assert.strictEqual(
  inspect('x'.repeat(20), { maxStringLength: 4 }),
  "'xxxx'... 16 more characters");
var lines = 'first line\nsecond line\nthird line, a bit longer\n' +
  'fourth line is here and it goes on and on';
assert.strictEqual(
  inspect(lines),
  "'first line\\n' +\n" +
  "  'second line\\n' +\n" +
  "  'third line, a bit longer\\n' +\n" +
  "  'fourth line is here and it goes on and on'");

// Objects and arrays.
assert.strictEqual(inspect({}), '{}');
assert.strictEqual(
  inspect({ a: 1, 'b-c': 2, 3: 'x', [Symbol('s')]: true }),
  "{ '3': 'x', a: 1, 'b-c': 2, [Symbol(s)]: true }");
assert.strictEqual(
  inspect({ ['__proto__']: { a: 1 } }),
  "{ ['__proto__']: { a: 1 } }");
assert.strictEqual(
  inspect([1, [2, [3, [4, [5]]]]]),
  '[ 1, [ 2, [ 3, [Array] ] ] ]');
assert.strictEqual(
  inspect({ a: { b: { c: { d: {} } } } }),
  '{ a: { b: { c: [Object] } } }');
assert.strictEqual(
  inspect({ a: { b: { c: { d: {} } } } }, { depth: 0 }),
  '{ a: [Object] }');
assert.strictEqual(
  inspect({ a: { b: { c: { d: 1 } } } }, { depth: null }),
  '{\n' +
  '  a: { b: { c: { d: 1 } } }\n' +
  '}');
assert.strictEqual(
  inspect([1, , 3, , , 6]),
  '[ 1, <1 empty item>, 3, <2 empty items>, 6 ]');
assert.strictEqual(inspect(new Array(5)), '[ <5 empty items> ]');
var extra = [1, 2]; extra.key = 'v';
assert.strictEqual(inspect(extra), "[ 1, 2, key: 'v' ]");
assert.strictEqual(
  inspect(extra, { showHidden: true }),
  "[ 1, 2, [length]: 2, key: 'v' ]");
assert.strictEqual(
  inspect(Array.from({ length: 102 }, (_, i) => i)),
  '[\n' +
  '   0,  1,  2,  3,  4,  5,  6,  7,  8,  9, 10, 11,\n' +
  '  12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23,\n' +
  '  24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35,\n' +
  '  36, 37, 38, 39, 40, 41, 42, 43, 44, 45, 46, 47,\n' +
  '  48, 49, 50, 51, 52, 53, 54, 55, 56, 57, 58, 59,\n' +
  '  60, 61, 62, 63, 64, 65, 66, 67, 68, 69, 70, 71,\n' +
  '  72, 73, 74, 75, 76, 77, 78, 79, 80, 81, 82, 83,\n' +
  '  84, 85, 86, 87, 88, 89, 90, 91, 92, 93, 94, 95,\n' +
  '  96, 97, 98, 99,\n' +
  '  ... 2 more items\n' +
  ']');
assert.strictEqual(
  inspect([1, 2, 3, 4], { maxArrayLength: 2 }),
  '[ 1, 2, ... 2 more items ]');
assert.strictEqual(inspect(Object.create(null)), '[Object: null prototype] {}');
assert.strictEqual(
  inspect(Object.assign(Object.create(null), { a: 1 })),
  '[Object: null prototype] { a: 1 }');
assert.strictEqual(
  inspect(Object.setPrototypeOf([1, 2], null)),
  '[Array(2): null prototype] [ 1, 2 ]');
var circular = { name: 'root' };
circular.self = circular;
circular.list = [circular];
assert.strictEqual(
  inspect(circular),
  "<ref *1> { name: 'root', self: [Circular *1], list: [ [Circular *1] ] }");
var a1 = {}; var b1 = { a1 }; a1.b1 = b1;
assert.strictEqual(
  inspect([a1, b1]),
  '[\n' +
  '  <ref *1> { b1: { a1: [Circular *1] } },\n' +
  '  <ref *2> { a1: <ref *1> { b1: [Circular *2] } }\n' +
  ']');

// Classes and functions.
var Foo = class Foo { constructor() { this.x = 1; } };
var Bar = class Bar extends Foo {};
assert.strictEqual(inspect(new Foo()), 'Foo { x: 1 }');
assert.strictEqual(inspect(new Bar()), 'Bar { x: 1 }');
assert.strictEqual(inspect(Foo), '[class Foo]');
assert.strictEqual(inspect(Bar), '[class Bar extends Foo]');
assert.strictEqual(inspect(class {}), '[class (anonymous)]');
assert.strictEqual(
  inspect(class extends Foo {}),
  '[class (anonymous) extends Foo]');
assert.strictEqual(inspect(function named() {}), '[Function: named]');
assert.strictEqual(inspect(() => {}), '[Function (anonymous)]');
assert.strictEqual(inspect(async function af() {}), '[AsyncFunction: af]');
assert.strictEqual(inspect(function* gen() {}), '[GeneratorFunction: gen]');
assert.strictEqual(
  inspect(async function* agen() {}),
  '[AsyncGeneratorFunction: agen]');
assert.strictEqual(
  inspect(Object.assign(function withProps() {}, { p: 1 })),
  '[Function: withProps] { p: 1 }');
assert.strictEqual(
  inspect(function named() {}, { showHidden: true }),
  '<ref *1> [Function: named] {\n' +
  '  [length]: 0,\n' +
  "  [name]: 'named',\n" +
  '  [prototype]: { [constructor]: [Circular *1] }\n' +
  '}');
var Tagged = class Tagged { get [Symbol.toStringTag]() { return 'Tag'; } };
assert.strictEqual(inspect(new Tagged()), 'Tagged [Tag] {}');
assert.strictEqual(
  inspect({ [Symbol.toStringTag]: 'Own' }),
  "{ [Symbol(Symbol.toStringTag)]: 'Own' }");
var hiddenTag = { a: 1 };
Object.defineProperty(hiddenTag, Symbol.toStringTag, { value: 'Hidden' });
assert.strictEqual(inspect(hiddenTag), 'Object [Hidden] { a: 1 }');

// Getters and setters.
var accessors = {
  get a() { return 1; }, set b(v) {}, get c() { return 2; }, set c(v) {},
};
assert.strictEqual(
  inspect(accessors),
  '{ a: [Getter], b: [Setter], c: [Getter/Setter] }');
assert.strictEqual(
  inspect(accessors, { getters: 'set' }),
  '{ a: [Getter], b: [Setter], c: [Getter/Setter: 2] }');
assert.strictEqual(
  inspect(accessors, { getters: 'get' }),
  '{ a: [Getter: 1], b: [Setter], c: [Getter/Setter] }');
var objGetter = { get a() { return 1; }, get o() { return { x: 1 }; } };
assert.strictEqual(
  inspect(objGetter, { getters: true }),
  '{ a: [Getter: 1], o: [Getter] { x: 1 } }');
var throwing = { get a() { throw new Error('nope'); } };
assert.strictEqual(
  inspect(throwing, { getters: true }),
  '{ a: [Getter: <Inspection threw (nope)>] }');

// Built-ins.
assert.strictEqual(
  inspect(new Map([[1, 'one'], [{ k: 1 }, [2]]])),
  "Map(2) { 1 => 'one', { k: 1 } => [ 2 ] }");
assert.strictEqual(
  inspect(new Set([1, 'two', { three: 3 }])),
  "Set(3) { 1, 'two', { three: 3 } }");
assert.strictEqual(inspect(new Map()), 'Map(0) {}');
assert.strictEqual(
  inspect(new Set([1, 2]).values()),
  '[Set Iterator] { 1, 2 }');
assert.strictEqual(
  inspect(new Map([[1, 2]]).entries()),
  '[Map Entries] { [ 1, 2 ] }');
assert.strictEqual(inspect(new Map([[1, 2]]).keys()), '[Map Iterator] { 1 }');
assert.strictEqual(
  inspect(new WeakMap([[{}, 1]])),
  'WeakMap { <items unknown> }');
assert.strictEqual(inspect(new WeakSet()), 'WeakSet { <items unknown> }');
assert.strictEqual(
  inspect(new Uint8Array([1, 2, 3])),
  'Uint8Array(3) [ 1, 2, 3 ]');
assert.strictEqual(inspect(new Float64Array(0)), 'Float64Array(0) []');
assert.strictEqual(
  inspect(new BigInt64Array([1n, -2n])),
  'BigInt64Array(2) [ 1n, -2n ]');
assert.strictEqual(
  inspect(new Uint8Array(2), { showHidden: true }),
  'Uint8Array(2) [\n' +
  '  0,\n' +
  '  0,\n' +
  '  [BYTES_PER_ELEMENT]: 1,\n' +
  '  [length]: 2,\n' +
  '  [byteLength]: 2,\n' +
  '  [byteOffset]: 0,\n' +
  '  [buffer]: ArrayBuffer { byteLength: 2 }\n' +
  ']');
assert.strictEqual(
  inspect(new Uint8Array([1, 2, 3, 255]).buffer),
  'ArrayBuffer { [Uint8Contents]: <01 02 03 ff>, byteLength: 4 }');
assert.strictEqual(
  inspect(new ArrayBuffer(0)),
  'ArrayBuffer { [Uint8Contents]: <>, byteLength: 0 }');
assert.strictEqual(
  inspect(new DataView(new ArrayBuffer(2), 1)),
  'DataView {\n' +
  '  byteLength: 1,\n' +
  '  byteOffset: 1,\n' +
  '  buffer: ArrayBuffer { [Uint8Contents]: <00 00>, byteLength: 2 }\n' +
  '}');
assert.strictEqual(inspect(Promise.resolve(42)), 'Promise { 42 }');
assert.strictEqual(inspect(new Promise(() => {})), 'Promise { <pending> }');
var rejected = Promise.reject(3); rejected.catch(() => {});
assert.strictEqual(inspect(rejected), 'Promise { <rejected> 3 }');
assert.strictEqual(inspect(new Proxy({ t: 1 }, {})), '{ t: 1 }');
assert.strictEqual(
  inspect(new Proxy({ t: 1 }, {}), { showProxy: true }),
  'Proxy [ { t: 1 }, {} ]');
var revocable = Proxy.revocable({}, {}); revocable.revoke();
assert.strictEqual(inspect(revocable.proxy), '<Revoked Proxy>');
var boxes = [new Number(3), new String('ab'), new Boolean(true),
             Object(5n), Object(Symbol('b'))];
assert.strictEqual(
  inspect(boxes),
  '[\n' +
  '  [Number: 3],\n' +
  "  [String: 'ab'],\n" +
  '  [Boolean: true],\n' +
  '  [BigInt: 5n],\n' +
  '  [Symbol: Symbol(b)]\n' +
  ']');
assert.strictEqual(
  inspect(new String('ab'), { showHidden: true }),
  "[String: 'ab'] { [length]: 2 }");
assert.strictEqual(
  inspect(Object.assign(new Number(-0), { p: 1 })),
  '[Number: -0] { p: 1 }');
assert.strictEqual(inspect(new Date(86400000)), '1970-01-02T00:00:00.000Z');
assert.strictEqual(inspect(new Date(NaN)), 'Invalid Date');
assert.strictEqual(
  inspect(Object.assign(new Date(0), { p: 1 })),
  '1970-01-01T00:00:00.000Z { p: 1 }');
assert.strictEqual(inspect(/ab+c/gi), '/ab+c/gi');
assert.strictEqual(inspect(Object.assign(/x/, { p: 1 })), '/x/ { p: 1 }');
assert.strictEqual(
  inspect((function() { return arguments; })(1, 'a')),
  "[Arguments] { '0': 1, '1': 'a' }");
assert.strictEqual(inspect(Math), 'Object [Math] {}');
assert.strictEqual(inspect(globalThis.JSON), 'Object [JSON] {}');

// Custom inspection.
assert.strictEqual(
  inspect({ [inspect.custom]() { return 'custom!'; } }),
  'custom!');
assert.strictEqual(
  inspect({ [inspect.custom]() { return { replaced: true }; } }),
  '{ replaced: true }');
var reporter = {
  [inspect.custom](depth, opts) { return `depth=${depth} ${opts.colors}`; },
};
assert.strictEqual(inspect({ inner: reporter }), '{ inner: depth=1 false }');
assert.strictEqual(
  inspect({ a: { inner: reporter } }, { depth: 5, colors: true }),
  '{ a: { inner: depth=3 true } }');
var multi = { [inspect.custom]() { return 'multi\nline'; } };
assert.strictEqual(inspect({ inner: multi }), '{\n  inner: multi\n  line\n}');
var plainFn = { [inspect.custom]: function c() { return 'x'; } };
assert.strictEqual(inspect(plainFn), 'x');
assert.strictEqual(
  inspect(plainFn, { customInspect: false }),
  '{ [Symbol(nodejs.util.inspect.custom)]: [Function: c] }');
var args3 = { [inspect.custom](d, o, i) { return typeof o.stylize; } };
assert.strictEqual(inspect(args3), 'function');

