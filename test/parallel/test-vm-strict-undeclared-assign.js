'use strict';
// Strict code in a vm context: assigning an undeclared name throws a
// ReferenceError, while declared names, `this.x`, var and function
// declarations still reach the sandbox.

require('../common');
const assert = require('assert');
const vm = require('vm');

const sandbox = { declared: 1 };
const context = vm.createContext(sandbox);

assert.throws(() => vm.runInContext('"use strict"; undeclared = 1', context),
              { name: 'ReferenceError' });
assert.strictEqual('undeclared' in sandbox, false);

assert.strictEqual(vm.runInContext('"use strict"; declared = 5; declared',
                                   context), 5);
vm.runInContext('"use strict"; this.viaThis = 2; var viaVar = 3;' +
                'function viaFunction() {}', context);
assert.strictEqual(sandbox.declared, 5);
assert.strictEqual(sandbox.viaThis, 2);
assert.strictEqual(sandbox.viaVar, 3);
assert.strictEqual(typeof sandbox.viaFunction, 'function');

// Sloppy code still creates the global.
vm.runInContext('sloppy = 4', context);
assert.strictEqual(sandbox.sloppy, 4);
