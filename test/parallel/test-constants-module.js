'use strict';
// The deprecated `constants` module: frozen, and holding the dlopen, errno,
// priority and signal constants of os.constants and every fs.constants
// entry, with the same values.
require('../common');
const assert = require('assert');
const constants = require('constants');
const os = require('os');
const fs = require('fs');

assert.ok(Object.isFrozen(constants));
assert.strictEqual(require('node:constants'), constants);
const expected = {
  ...os.constants.dlopen, ...os.constants.errno, ...os.constants.priority,
  ...os.constants.signals, ...fs.constants,
};
for (const [key, value] of Object.entries(expected)) {
  assert.strictEqual(constants[key], value, key);
}
// The OS groups come first, in Node's order.
const keys = Object.keys(constants);
assert.ok(keys.indexOf('RTLD_LAZY') < keys.indexOf('E2BIG'));
assert.ok(keys.indexOf('E2BIG') < keys.indexOf('PRIORITY_LOW'));
assert.ok(keys.indexOf('PRIORITY_LOW') < keys.indexOf('SIGHUP'));
assert.ok(keys.indexOf('SIGHUP') < keys.indexOf('O_RDONLY'));
assert.strictEqual(constants.SIGKILL, 9);
assert.strictEqual(constants.ENOENT, 2);
assert.ok(require('module').builtinModules.includes('constants'));
assert.ok(require('module').builtinModules.includes('diagnostics_channel'));
