'use strict';
// CommonJS: relative/absolute paths, .js/.json/.cjs, directory index,
// node_modules main, require.cache/resolve, module fields, cycles, exact
// line numbers in stacks, MODULE_NOT_FOUND with its require stack.
require('../common');
const assert = require('assert');
const path = require('path');

const dir = path.join(__dirname, '..', 'fixtures', 'modules');

assert.strictEqual(require('../fixtures/modules/dir-index'), 'index of dir');
assert.deepStrictEqual(require(path.join(dir, 'data.json')), { answer: 42 });
assert.strictEqual(require('../fixtures/modules/ext.cjs'), 'cjs');

const a = require('../fixtures/modules/cycle/a');
assert.strictEqual(a.bSawA, 'a-early');  // b saw a's partial exports
assert.strictEqual(a.fromA, 'a-late');

const resolved = require.resolve('../fixtures/modules/data.json');
assert.strictEqual(resolved, path.join(dir, 'data.json'));
assert.ok(require.cache[resolved]);
assert.strictEqual(require.cache[resolved].loaded, true);

assert.strictEqual(module.loaded, false);
assert.strictEqual(require.main, module);
assert.strictEqual(module.id, '.');
assert.strictEqual(__filename, path.join(__dirname, path.basename(__filename)));
assert.strictEqual(__dirname, path.dirname(__filename));
const child = module.children.find((m) => m.filename === resolved);
assert.ok(child);
assert.strictEqual(child.parent, module);

// node_modules lookup from the fixture's directory and package.json main.
const { createRequire } = require('module');
const req = createRequire(path.join(dir, 'x.js'));
assert.strictEqual(req('pkg-main'), 'pkg main');

// Builtins with and without the node: scheme, and no internals for users.
assert.strictEqual(require('node:path'), path);
assert.throws(() => require('internal/errors'), { code: 'MODULE_NOT_FOUND' });
assert.throws(() => require('node:nope'),
              { code: 'ERR_UNKNOWN_BUILTIN_MODULE' });

// Stacks point at the real line of the module source.
const thrower = require('../fixtures/modules/throws-at-5');
try {
  thrower();
  assert.fail('should throw');
} catch (err) {
  assert.match(err.stack.split('\n')[1],
               /throws-at-5\.js:5:9\)$/);
}

assert.throws(() => require('./no-such-module'), (err) => {
  assert.strictEqual(err.code, 'MODULE_NOT_FOUND');
  assert.deepStrictEqual(err.requireStack, [__filename]);
  assert.match(err.message, /^Cannot find module '\.\/no-such-module'\nRequire stack:\n- /);
  return true;
});
