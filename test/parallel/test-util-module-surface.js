// Checks the util module's helpers besides inspect/format (Node 18 behaviour).
'use strict';
const common = require('../common');
const assert = require('assert');
const util = require('util');

// Export list (as in Node 18.20.4).
for (const name of [
  '_errnoException', '_exceptionWithHostPort', '_extend', 'callbackify',
  'debug', 'debuglog', 'deprecate', 'format', 'formatWithOptions',
  'getSystemErrorMap', 'getSystemErrorName', 'inherits', 'inspect',
  'isArray', 'isBoolean', 'isBuffer', 'isDeepStrictEqual', 'isNull',
  'isNullOrUndefined', 'isNumber', 'isString', 'isSymbol', 'isUndefined',
  'isRegExp', 'isObject', 'isDate', 'isError', 'isFunction', 'isPrimitive',
  'log', 'promisify', 'stripVTControlCharacters', 'toUSVString', 'types',
  'parseArgs',
]) {
  assert.strictEqual(typeof util[name], name === 'types' ? 'object' :
    'function', name);
}
assert.strictEqual(util.types, require('util/types'));
assert.strictEqual(util.inspect.custom,
                   Symbol.for('nodejs.util.inspect.custom'));
assert.strictEqual(util.promisify.custom,
                   Symbol.for('nodejs.util.promisify.custom'));

// Legacy type checks.
assert.strictEqual(util.isArray([]), true);
assert.strictEqual(util.isArray({ length: 0 }), false);
assert.strictEqual(util.isPrimitive(null), true);
assert.strictEqual(util.isPrimitive(Object(1)), false);
assert.strictEqual(util.isObject(null), false);
assert.strictEqual(util.isObject(() => {}), false);
assert.strictEqual(util.isError(Object.create(Error.prototype)), true);
assert.strictEqual(util.isError({ name: 'Error', message: '' }), false);
assert.strictEqual(util.isNullOrUndefined(0), false);
assert.deepStrictEqual(util._extend({ a: 1 }, { b: 2 }), { a: 1, b: 2 });
assert.deepStrictEqual(util._extend({ a: 1 }, 'str'), { a: 1 });

// inherits.
{
  function A() {}
  A.prototype.hi = () => 'hi';
  function B() {}
  util.inherits(B, A);
  assert.strictEqual(new B().hi(), 'hi');
  assert.deepStrictEqual(Object.getOwnPropertyDescriptor(B, 'super_'),
                         { value: A, writable: true, enumerable: false,
                           configurable: true });
  assert.throws(() => util.inherits(B, {}), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "superCtor.prototype" property must be of type object. ' +
             'Received undefined',
  });
  assert.throws(() => util.inherits(null, A), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "ctor" argument must be of type function. Received null',
  });
}

// Strings.
assert.strictEqual(util.toUSVString('a\ud800b\udc00'), 'a\ufffdb\ufffd');
assert.strictEqual(util.toUSVString('\ud83d\ude00'), '\ud83d\ude00');
assert.strictEqual(
  util.stripVTControlCharacters('\u001b[31mred\u001b[39m \u001b]8;;x\u0007'),
  'red ');
assert.throws(() => util.stripVTControlCharacters(1), {
  code: 'ERR_INVALID_ARG_TYPE',
});

// System errors.
assert.strictEqual(util.getSystemErrorName(-2), 'ENOENT');
assert.deepStrictEqual(util.getSystemErrorMap().get(-2),
                       ['ENOENT', 'no such file or directory']);
assert.throws(() => util.getSystemErrorName(2), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "err" is out of range. It must be a negative ' +
           'integer. Received 2',
});
assert.throws(() => util.getSystemErrorName('x'), {
  code: 'ERR_INVALID_ARG_TYPE',
});

// inspect.defaultOptions.
{
  const saved = { ...util.inspect.defaultOptions };
  assert.strictEqual(saved.breakLength, 80);
  assert.strictEqual(saved.depth, 2);
  util.inspect.defaultOptions = { depth: 0 };
  assert.strictEqual(util.inspect({ a: { b: 1 } }), '{ a: [Object] }');
  util.inspect.defaultOptions = saved;
  assert.strictEqual(util.inspect({ a: { b: 1 } }), '{ a: { b: 1 } }');
  assert.throws(() => { util.inspect.defaultOptions = null; }, {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "options" argument must be of type object. Received null',
  });
}

// deprecate: warns once per code, keeps behaviour and prototype.
{
  const warnings = [];
  process.on('warning', (w) => warnings.push([w.name, w.message, w.code]));
  class Base { m() { return 'base'; } }
  const Dep = util.deprecate(Base, 'Base is old', 'DEP_TEST_1');
  const dep2 = util.deprecate(() => 7, 'second', 'DEP_TEST_1');
  assert.strictEqual(new Dep().m(), 'base');
  assert.ok(new Dep() instanceof Base);
  assert.strictEqual(dep2(), 7);
  assert.throws(() => util.deprecate(() => {}, 'x', 1), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "code" argument must be of type string. ' +
             'Received type number (1)',
  });
  process.on('exit', () => {
    assert.deepStrictEqual(warnings,
                           [['DeprecationWarning', 'Base is old',
                             'DEP_TEST_1']]);
  });
}

// promisify.
{
  function cbFn(a, cb) { cb(null, a * 2); }
  util.promisify(cbFn)(21).then(common.mustCall((v) => {
    assert.strictEqual(v, 42);
  }));
  function failing(cb) { cb(new Error('fail')); }
  util.promisify(failing)().catch(common.mustCall((e) => {
    assert.strictEqual(e.message, 'fail');
  }));
  function custom() {}
  const replacement = () => {};
  custom[util.promisify.custom] = replacement;
  assert.strictEqual(util.promisify(custom), replacement);
  const p = util.promisify(cbFn);
  assert.strictEqual(util.promisify(p), p);
  assert.throws(() => util.promisify(1), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "original" argument must be of type function. ' +
             'Received type number (1)',
  });
}

// callbackify.
{
  async function fn(x) { return x + 1; }
  const cbified = util.callbackify(fn);
  assert.strictEqual(cbified.name, 'fnCallbackified');
  assert.strictEqual(cbified.length, 2);
  cbified(1, common.mustSucceed((v) => assert.strictEqual(v, 2)));
  util.callbackify(() => Promise.reject(null))(common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_FALSY_VALUE_REJECTION');
    assert.strictEqual(err.reason, null);
    assert.strictEqual(err.message, 'Promise was rejected with falsy value');
  }));
  assert.throws(() => cbified(1), { code: 'ERR_INVALID_ARG_TYPE' });
}

// isDeepStrictEqual.
assert.strictEqual(util.isDeepStrictEqual({ a: [1] }, { a: [1] }), true);
assert.strictEqual(util.isDeepStrictEqual([1], ['1']), false);

// types.
{
  const { types } = util;
  assert.strictEqual(types.isUint8Array(new Uint8Array()), true);
  assert.strictEqual(types.isUint8Array(new Int8Array()), false);
  assert.strictEqual(
    types.isUint8Array({ [Symbol.toStringTag]: 'Uint8Array' }), false);
  assert.strictEqual(types.isTypedArray(new DataView(new ArrayBuffer(1))),
                     false);
  assert.strictEqual(types.isArrayBufferView(new DataView(new ArrayBuffer(1))),
                     true);
  assert.strictEqual(types.isBigUint64Array(new BigUint64Array()), true);
  assert.strictEqual(types.isPromise(Promise.resolve()), true);
  assert.strictEqual(types.isKeyObject({}), false);
  assert.strictEqual(types.isCryptoKey({}), false);
  assert.strictEqual(types.isBoxedPrimitive(Object(1n)), true);
}
