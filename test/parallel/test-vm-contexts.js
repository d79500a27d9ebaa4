'use strict';
// vm: contexts forward their globals to the contextified object, scripts
// run in any context, timeouts stop runaway code, syntax errors name the
// file.
require('../common');
const assert = require('assert');
const vm = require('vm');

const ctx = vm.createContext({ a: 1 });
assert.strictEqual(vm.isContext(ctx), true);
assert.strictEqual(vm.isContext({}), false);
assert.strictEqual(vm.runInContext('var b = a + 1; globalThis.c = 3; b', ctx), 2);
assert.strictEqual(ctx.b, 2);
assert.strictEqual(ctx.c, 3);
assert.strictEqual(vm.runInContext('typeof require', ctx), 'undefined');
assert.strictEqual(vm.runInNewContext('x * 2', { x: 21 }), 42);
assert.strictEqual(vm.runInThisContext('typeof process'), 'object');

const script = new vm.Script('n = (typeof n === "number" ? n : 0) + 1');
const c2 = vm.createContext({});
script.runInContext(c2);
script.runInContext(c2);
assert.strictEqual(c2.n, 2);
// Each context has its own builtins.
assert.notStrictEqual(vm.runInNewContext('Array'), Array);

assert.throws(() => vm.runInNewContext('while (true) {}', {}, { timeout: 20 }),
              { code: 'ERR_SCRIPT_EXECUTION_TIMEOUT',
                message: 'Script execution timed out after 20ms' });
// The isolate keeps working after a timeout.
assert.strictEqual(vm.runInThisContext('1 + 1'), 2);

assert.throws(() => new vm.Script('let = ;', { filename: 'bad.js' }),
              { name: 'SyntaxError' });
assert.strictEqual(vm.compileFunction('return a + b', ['a', 'b'])(1, 2), 3);
assert.throws(() => vm.runInContext('1', {}), { code: 'ERR_INVALID_ARG_TYPE' });
