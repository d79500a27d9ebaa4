'use strict';
// ES modules: static and dynamic import of ESM, CommonJS (with named
// exports found by the lexer), JSON (with its assertion), builtins and
// packages through "exports" conditions; require() of the same package
// picks the "require" condition; the errors are Node's.
const common = require('../common');
const assert = require('assert');
const path = require('path');

const dir = path.join(__dirname, '..', 'fixtures', 'esm');
const { createRequire } = require('module');
const req = createRequire(path.join(dir, 'x.js'));
assert.strictEqual(req('pkg'), 'pkg-cjs');
assert.throws(() => req('pkg/nope'), {
  code: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
  message: `Package subpath './nope' is not defined by "exports" in ${dir}` +
    '/node_modules/pkg/package.json',
});
assert.throws(() => require('../fixtures/esm/main.mjs'),
              { code: 'ERR_REQUIRE_ESM' });

import(path.join(dir, 'main.mjs')).then(common.mustCall());
import('node:path').then(common.mustCall((fs) => {
  assert.strictEqual(typeof fs.default.join, 'function');
}));
