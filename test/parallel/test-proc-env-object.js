'use strict';
// process.env: an ordinary-looking object over the real environment (named
// interceptors): string coercion, delete, `in`, enumeration, defineProperty
// rules, index keys, JSON/spread copies and child processes.
// Expected values come from the reference node 18.20.4.
const common = require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');

const env = process.env;
assert.strictEqual(Object.prototype.toString.call(env), '[object Object]');
assert.notStrictEqual(Object.getPrototypeOf(env), Object.prototype);
assert.strictEqual(Object.getPrototypeOf(Object.getPrototypeOf(env)),
                   Object.prototype);
assert.strictEqual(require('util').types.isProxy(env), false);

// Values become strings; unset names fall back to the prototype chain.
env.PROC_T_NUM = 42;
assert.strictEqual(env.PROC_T_NUM, '42');
env.PROC_T_OBJ = {};
assert.strictEqual(env.PROC_T_OBJ, '[object Object]');
env.PROC_T_NULL = null;
assert.strictEqual(env.PROC_T_NULL, 'null');
env.PROC_T_BIG = 10n;
assert.strictEqual(env.PROC_T_BIG, '10');
assert.strictEqual(env.hasOwnProperty, Object.prototype.hasOwnProperty);
assert.strictEqual(Object.hasOwn(env, 'PROC_T_NUM'), true);
assert.deepStrictEqual(Object.getOwnPropertyDescriptor(env, 'PROC_T_NUM'),
                       { value: '42', writable: true, enumerable: true,
                         configurable: true });
assert.strictEqual(Object.getOwnPropertyDescriptor(env, 'PROC_T_NOPE'),
                   undefined);

// Symbols cannot be keys or values.
const symbolError = { name: 'TypeError',
                      message: 'Cannot convert a Symbol value to a string' };
assert.throws(() => { env.PROC_T_SYM = Symbol('a'); }, symbolError);
assert.throws(() => { env[Symbol('k')] = 'v'; }, symbolError);
assert.strictEqual(env[Symbol('k')], undefined);
assert.deepStrictEqual(Object.getOwnPropertySymbols(env), []);

// `in`, delete (always true), names libc refuses.
assert.strictEqual('PROC_T_NUM' in env, true);
assert.strictEqual(delete env.PROC_T_NUM, true);
assert.strictEqual('PROC_T_NUM' in env, false);
assert.strictEqual(delete env.PROC_T_NEVER_SET, true);
env[''] = 'x';
assert.strictEqual(env[''], undefined);
env['A=B'] = 'c';
assert.strictEqual(env['A=B'], undefined);

// Index keys stay ordinary properties of the object, as in Node.
env[7] = 8;
assert.strictEqual(env[7], 8);
assert.strictEqual(delete env[7], true);

// defineProperty accepts only a full data descriptor.
Object.defineProperty(env, 'PROC_T_DEF', { value: 1, writable: true,
                                          enumerable: true,
                                          configurable: true });
assert.strictEqual(env.PROC_T_DEF, '1');
for (const [desc, message] of [
  [{ get() {} }, '\'process.env\' does not accept an ' +
                 'accessor(getter/setter) descriptor'],
  [{ value: 1 }, '\'process.env\' only accepts a configurable, writable, ' +
                 'and enumerable data descriptor'],
  [{}, '\'process.env\' only accepts a configurable, writable, ' +
       'and enumerable data descriptor'],
]) {
  assert.throws(() => Object.defineProperty(env, 'PROC_T_DEF2', desc), {
    name: 'TypeError', code: 'ERR_INVALID_OBJECT_DEFINE_PROPERTY', message,
  });
}
try {
  Object.defineProperty(env, 'PROC_T_DEF2', {});
} catch (err) {
  // Thrown the way Node's C++ throws: no code in the stack's first line.
  assert.deepStrictEqual(Object.keys(err), ['code']);
  assert.match(err.stack, /^TypeError: 'process.env'/);
}
assert.throws(() => Object.freeze(env), { name: 'TypeError' });

// Enumeration, copies.
env.PROC_T_KEY = 'v';
assert(Object.keys(env).includes('PROC_T_KEY'));
assert.strictEqual(JSON.parse(JSON.stringify(env)).PROC_T_KEY, 'v');
assert.strictEqual({ ...env }.PROC_T_KEY, 'v');
let seen = false;
for (const k in env) if (k === 'PROC_T_KEY') seen = true;
assert(seen);

// TZ reaches Date at once.
env.TZ = 'Europe/Amsterdam';
assert.strictEqual(new Date('Fri, 10 Sep 1982 03:15:00 GMT').getHours(), 5);
env.TZ = 'UTC';
assert.strictEqual(new Date('Fri, 10 Sep 1982 03:15:00 GMT').getHours(), 3);
delete env.TZ;

// Children see the changes.
env.PROC_T_CHILD = 'seen';
const r = spawnSync(process.execPath,
                    ['-p', 'process.env.PROC_T_CHILD + (process.env.PROC_T_' +
                     'NUM === undefined)']);
assert.strictEqual(r.stdout.toString().trim(), 'seentrue');

// DEP0104 only with --pending-deprecation (and once).
if (process.argv[2] !== 'child') {
  const out = spawnSync(process.execPath,
                        ['--pending-deprecation', __filename, 'child']);
  const warnings = out.stderr.toString().match(/DEP0104/g) || [];
  assert.strictEqual(warnings.length, 1);
  const quiet = spawnSync(process.execPath, [__filename, 'child']);
  assert.doesNotMatch(quiet.stderr.toString(), /DEP0104/);
} else {
  env.PROC_T_W1 = undefined;
  env.PROC_T_W2 = {};
  env.PROC_T_W3 = 1;
}
common.mustCall()();
