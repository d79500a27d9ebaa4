'use strict';
// node_modules trees as npm lays them out, built in a temp dir: hoisted and
// nested versions of one package, scoped @a/b packages with "exports", an
// `npm link`-ed package (a symlink resolved to its real path, or kept with
// --preserve-symlinks), require.resolve.paths from inside packages, and the
// same tree imported from an ES module. Expected values follow Node 18.
require('../common');
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { pathToFileURL } = require('url');

const root = fs.realpathSync(fs.mkdtempSync(
  path.join(os.tmpdir(), 'nodus-npm-tree-')));
process.on('exit', () => fs.rmSync(root, { recursive: true, force: true }));

function write(rel, content) {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, typeof content === 'string' ? content :
    JSON.stringify(content));
}

const proj = path.join(root, 'proj');
const nm = path.join(proj, 'node_modules');

// Hoisted: a depends on b@1, found next to it; c has its own b@2 nested.
write('proj/package.json', { name: 'proj', version: '1.0.0' });
write('proj/node_modules/a/package.json', { name: 'a', main: 'lib/a.js' });
write('proj/node_modules/a/lib/a.js',
      'module.exports = { b: require("b").version, file: __filename };');
write('proj/node_modules/b/package.json', { name: 'b', version: '1.0.0' });
write('proj/node_modules/b/index.js', 'exports.version = "1";');
write('proj/node_modules/c/package.json', { name: 'c' });
write('proj/node_modules/c/index.js',
      'exports.b = require("b").version; exports.a = require("a").b;');
write('proj/node_modules/c/node_modules/b/package.json',
      { name: 'b', version: '2.0.0' });
write('proj/node_modules/c/node_modules/b/index.js',
      'exports.version = "2";');

// Scoped packages; @scope/pkg has conditional "exports".
write('proj/node_modules/@scope/pkg/package.json', {
  name: '@scope/pkg',
  exports: {
    '.': { import: './esm.mjs', require: './cjs.js' },
    './feature': './lib/feature.js',
    './data/*': './data/*.json',
    './package.json': './package.json',
  },
});
write('proj/node_modules/@scope/pkg/cjs.js', 'exports.kind = "cjs";');
write('proj/node_modules/@scope/pkg/esm.mjs', 'export const kind = "esm";');
write('proj/node_modules/@scope/pkg/lib/feature.js',
      'module.exports = require("@scope/pkg").kind + "-feature";');
write('proj/node_modules/@scope/pkg/lib/hidden.js', '');
write('proj/node_modules/@scope/pkg/data/x.json', '{"x":1}');
write('proj/node_modules/@scope/other/package.json',
      { name: '@scope/other', main: './main' });
write('proj/node_modules/@scope/other/main.js',
      'module.exports = require("@scope/pkg/feature");');

// `npm link`: node_modules/linked -> ../../linked-src, which has its own
// node_modules (with dep); its peer dependency is installed only in proj,
// the classic npm link trap.
write('linked-src/package.json', { name: 'linked', main: 'index.js' });
write('linked-src/index.js', `
let peer;
try {
  peer = require('peer').where;
} catch (err) {
  peer = err.code;
}
module.exports = {
  file: __filename,
  dep: require('dep').where,
  depFile: require.resolve('dep'),
  peer,
  paths: require.resolve.paths('dep'),
};`);
write('linked-src/node_modules/dep/index.js', 'exports.where = "linked-src";');
write('proj/node_modules/dep/index.js', 'exports.where = "proj";');
write('proj/node_modules/peer/index.js', 'exports.where = "proj";');
fs.symlinkSync(path.join('..', '..', 'linked-src'),
               path.join(nm, 'linked'), 'dir');

write('proj/index.js', 'module.exports = { loaded: true };');

const { createRequire } = require('module');
const requireFromProj = createRequire(path.join(proj, 'index.js'));

// Hoisting and nesting.
const a = requireFromProj('a');
assert.strictEqual(a.b, '1');
assert.strictEqual(a.file, path.join(nm, 'a', 'lib', 'a.js'));
const c = requireFromProj('c');
assert.strictEqual(c.b, '2');
assert.strictEqual(c.a, '1');
assert.strictEqual(requireFromProj.resolve('b'),
                   path.join(nm, 'b', 'index.js'));
assert.ok(requireFromProj.cache[path.join(nm, 'c', 'node_modules', 'b',
                                          'index.js')]);

// Scoped packages and "exports" (require condition).
assert.strictEqual(requireFromProj('@scope/pkg').kind, 'cjs');
assert.strictEqual(requireFromProj('@scope/other'), 'cjs-feature');
assert.deepStrictEqual(requireFromProj('@scope/pkg/data/x'), { x: 1 });
assert.strictEqual(requireFromProj.resolve('@scope/pkg/package.json'),
                   path.join(nm, '@scope', 'pkg', 'package.json'));
assert.throws(() => requireFromProj('@scope/pkg/lib/hidden.js'), {
  code: 'ERR_PACKAGE_PATH_NOT_EXPORTED',
  message: "Package subpath './lib/hidden.js' is not defined by \"exports\" " +
    `in ${path.join(nm, '@scope', 'pkg')}/package.json`,
});

// Missing packages: MODULE_NOT_FOUND with the require stack.
write('proj/node_modules/broken/index.js', 'require("not-installed");');
assert.throws(() => requireFromProj('broken'), (err) => {
  assert.strictEqual(err.code, 'MODULE_NOT_FOUND');
  assert.deepStrictEqual(err.requireStack, [
    path.join(nm, 'broken', 'index.js'),
    path.join(proj, 'index.js'),
  ]);
  assert.strictEqual(err.message,
                     "Cannot find module 'not-installed'\nRequire stack:\n" +
                     `- ${path.join(nm, 'broken', 'index.js')}\n` +
                     `- ${path.join(proj, 'index.js')}`);
  return true;
});

// npm link: the symlink resolves to the real path, so the linked package
// finds its own dependencies and lives once in the cache.
const linked = requireFromProj('linked');
assert.strictEqual(linked.file, path.join(root, 'linked-src', 'index.js'));
assert.strictEqual(linked.dep, 'linked-src');
assert.strictEqual(linked.depFile,
                   path.join(root, 'linked-src', 'node_modules', 'dep',
                             'index.js'));
assert.strictEqual(linked.peer, 'MODULE_NOT_FOUND');
assert.strictEqual(linked.paths[0],
                   path.join(root, 'linked-src', 'node_modules'));
assert.strictEqual(requireFromProj.resolve('linked'),
                   path.join(root, 'linked-src', 'index.js'));
assert.strictEqual(require(path.join(nm, 'linked', 'index.js')), linked);

// --preserve-symlinks keeps the link's path: the module is cached under
// it and its lookups go up from there (so the peer is found in proj).
const child = spawnSync(process.execPath, [
  '--preserve-symlinks', '-p',
  'JSON.stringify(require("module").createRequire(' +
  JSON.stringify(path.join(proj, 'index.js')) + ')("linked"))',
], { encoding: 'utf8' });
assert.strictEqual(child.status, 0, child.stderr);
const preserved = JSON.parse(child.stdout);
assert.strictEqual(preserved.file, path.join(nm, 'linked', 'index.js'));
assert.strictEqual(preserved.dep, 'linked-src');
assert.strictEqual(preserved.depFile,
                   path.join(nm, 'linked', 'node_modules', 'dep', 'index.js'));
assert.strictEqual(preserved.peer, 'proj');
assert.strictEqual(preserved.paths[0],
                   path.join(nm, 'linked', 'node_modules'));

// The same tree from an ES module: "import" condition, real paths.
write('proj/main.mjs', `
import { kind } from '@scope/pkg';
import linked from 'linked';
import cjsA from 'a';
console.log(JSON.stringify({
  kind,
  linkedFile: linked.file,
  a: cjsA.b,
  resolved: import.meta.resolve('linked'),
}));`);
const esm = spawnSync(process.execPath, [path.join(proj, 'main.mjs')],
                      { encoding: 'utf8' });
assert.strictEqual(esm.status, 0, esm.stderr);
assert.deepStrictEqual(JSON.parse(esm.stdout), {
  kind: 'esm',
  linkedFile: path.join(root, 'linked-src', 'index.js'),
  a: '1',
  resolved: pathToFileURL(path.join(root, 'linked-src', 'index.js')).href,
});

// ES resolution of a missing package names the importing file.
write('proj/missing.mjs', 'import "not-installed";');
const missing = spawnSync(process.execPath, [path.join(proj, 'missing.mjs')],
                          { encoding: 'utf8' });
assert.strictEqual(missing.status, 1);
assert.match(missing.stderr,
             new RegExp("Error \\[ERR_MODULE_NOT_FOUND\\]: Cannot find " +
                        "package 'not-installed' imported from " +
                        path.join(proj, 'missing.mjs').replace(
                          /[.*+?^${}()|[\]\\/]/g, '\\$&')));
