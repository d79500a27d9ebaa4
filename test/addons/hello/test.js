'use strict';
// A Node-API addon built with plain gcc loads with require() and with
// process.dlopen(), and its functions work (values, errors, callbacks).
require('../../common');
const assert = require('assert');
const path = require('path');

const file = path.join(__dirname, '../../../out/test/addons/hello/hello.node');
const addon = require(file);
assert.strictEqual(addon.hello(), 'hello, world');
assert.strictEqual(addon.hello('nodus'), 'hello, nodus');
assert.strictEqual(addon.add(2, 40), 42);
assert.throws(() => addon.hello(1), { code: 'ERR_HELLO', name: 'TypeError' });
assert.strictEqual(addon.call(() => 7), 7);
assert.throws(() => addon.call(() => { throw new RangeError('inner'); }),
              { name: 'RangeError', message: 'inner' });

const m = { exports: {} };
process.dlopen(m, file);
assert.strictEqual(m.exports.add(1, 1), 2);

assert.throws(() => process.dlopen({ exports: {} }, '/nonexistent.node'),
              { code: 'ERR_DLOPEN_FAILED' });
