'use strict';
// Exact messages of the module loaders' errors (as Node 18 words them):
// ERR_REQUIRE_ESM in its three forms, MODULE_NOT_FOUND from a bad "main",
// require()'s JSON parse errors, ERR_MODULE_NOT_FOUND for files and
// packages with the CommonJS "Did you mean" hint, directory imports,
// unknown extensions, invalid package.json for import, and the named
// export hint for CommonJS modules.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');

const root = fs.realpathSync(fs.mkdtempSync(
  path.join(os.tmpdir(), 'nodus-module-errors-')));
process.on('exit', () => fs.rmSync(root, { recursive: true, force: true }));

function write(rel, content) {
  const file = path.join(root, rel);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  return file;
}

const mjs = write('m.mjs', 'export default 1;');
const esmSyntax = write('pkg/esm.js', 'export const a = 1;');
const noSyntax = write('pkg/plain.js', 'const b = 2;');
write('pkg/package.json', '{"type":"module"}');
const parent = write('parent.js', '');
const { createRequire } = require('module');
const req = createRequire(parent);

// .mjs: no parent named, the full path in the advice.
assert.throws(() => req('./m.mjs'), {
  code: 'ERR_REQUIRE_ESM',
  message: `require() of ES Module ${mjs} not supported.\n` +
    `Instead change the require of ${mjs} to a dynamic import() which is ` +
    'available in all CommonJS modules.',
});

// "type": "module" .js with ES syntax: basename and parent.
assert.throws(() => req('./pkg/esm.js'), {
  code: 'ERR_REQUIRE_ESM',
  message: `require() of ES Module ${esmSyntax} from ${parent} not ` +
    'supported.\nInstead change the require of esm.js in ' +
    `${parent} to a dynamic import() which is available in all CommonJS ` +
    'modules.',
});

// ... and without ES syntax: the long explanation.
assert.throws(() => req('./pkg/plain.js'), {
  code: 'ERR_REQUIRE_ESM',
  message: `require() of ES Module ${noSyntax} from ${parent} not ` +
    'supported.\nplain.js is treated as an ES module file as it is a .js ' +
    'file whose nearest parent package.json contains "type": "module" ' +
    'which declares all .js files in that package scope as ES modules.\n' +
    'Instead either rename plain.js to end in .cjs, change the requiring ' +
    'code to use dynamic import() which is available in all CommonJS ' +
    'modules, or change "type": "module" to "type": "commonjs" in ' +
    `${path.join(root, 'pkg', 'package.json')} to treat all .js files as ` +
    'CommonJS (using .mjs for all ES modules instead).\n',
});

// A "main" that points nowhere (and no index.js).
write('node_modules/badmain/package.json', '{"main":"nope.js"}');
assert.throws(() => req('badmain'), {
  code: 'MODULE_NOT_FOUND',
  message: `Cannot find module '${path.join(root, 'node_modules', 'badmain',
                                          'nope.js')}'. Please verify that ` +
    'the package.json has a valid "main" entry',
  path: path.join(root, 'node_modules', 'badmain', 'package.json'),
  requestPath: 'badmain',
});

// JSON that does not parse.
const badJson = write('bad.json', '{"a":');
assert.throws(() => req('./bad.json'), (err) => {
  assert.strictEqual(err.name, 'SyntaxError');
  assert.ok(err.message.startsWith(`${badJson}: Unexpected end of JSON`),
            err.message);
  return true;
});

// A malformed package.json that matters to require(): "Error parsing".
write('node_modules/badpkg/package.json', '{"main": ');
assert.throws(() => req('badpkg'), (err) => {
  const jsonPath = path.join(root, 'node_modules', 'badpkg', 'package.json');
  assert.strictEqual(err.path, jsonPath);
  assert.ok(err.message.startsWith(`Error parsing ${jsonPath}: Unexpected`),
            err.message);
  return true;
});

write('dir/index.js', '');
write('file.js', '');
write('x.unknown', '');
write('cjs-named.cjs', 'module.exports = { later: 1 };\n');
write('imports-named.mjs', "import { missing } from './cjs-named.cjs';\n");
const importFile = write('import-file.mjs', 'import "./file";');
const importDir = write('import-dir.mjs', 'import "./dir";');
const importPkg = write('import-pkg.mjs', 'import "nothere";');
const importUnknown = write('import-unknown.mjs', 'import "./x.unknown";');
const url = (file) => pathToFileURL(file).href;

(async () => {
  // A missing file: "Cannot find module". (Node's "Did you mean" hint looks
  // the request up from the current directory, where there is no ./file.)
  await assert.rejects(import(url(importFile)), {
    code: 'ERR_MODULE_NOT_FOUND',
    message: `Cannot find module '${path.join(root, 'file')}' imported from ` +
      `${importFile}`,
  });
  // A missing package: "Cannot find package".
  await assert.rejects(import(url(importPkg)), {
    code: 'ERR_MODULE_NOT_FOUND',
    message: `Cannot find package 'nothere' imported from ${importPkg}`,
  });
  // Directory imports.
  await assert.rejects(import(url(importDir)), {
    code: 'ERR_UNSUPPORTED_DIR_IMPORT',
    message: `Directory import '${path.join(root, 'dir')}' is not ` +
      `supported resolving ES modules imported from ${importDir}`,
  });
  // Run from the importing file's folder, the hint appears, relative to
  // the importing file (so with a surprising ../).
  const { spawnSync } = require('child_process');
  const child = spawnSync(process.execPath, [importFile],
                          { cwd: root, encoding: 'utf8' });
  assert.strictEqual(child.status, 1);
  assert.ok(child.stderr.includes(
    `Cannot find module '${path.join(root, 'file')}' imported from ` +
    `${importFile}\nDid you mean to import ../file.js?`), child.stderr);
  // Unknown file extensions.
  await assert.rejects(import(url(importUnknown)), {
    code: 'ERR_UNKNOWN_FILE_EXTENSION',
    message: `Unknown file extension ".unknown" for ${path.join(root,
                                                               'x.unknown')}`,
  });
  // A package.json that does not parse, when import needs it.
  write('node_modules/brokenpkg/package.json', '{"exports": ');
  const importer = write('import-broken.mjs', 'import "brokenpkg";');
  await assert.rejects(import(pathToFileURL(importer).href), (err) => {
    assert.strictEqual(err.code, 'ERR_INVALID_PACKAGE_CONFIG');
    const jsonPath = path.join(root, 'node_modules', 'brokenpkg',
                               'package.json');
    assert.ok(err.message.startsWith(
      `Invalid package config ${jsonPath} while importing "brokenpkg" ` +
      `from ${importer}. Unexpected end of JSON`), err.message);
    return true;
  });
  // A named import a CommonJS module does not provide.
  await assert.rejects(
    import(pathToFileURL(path.join(root, 'imports-named.mjs')).href), {
      name: 'SyntaxError',
      message: "Named export 'missing' not found. The requested module " +
        "'./cjs-named.cjs' is a CommonJS module, which may not support all " +
        'module.exports as named exports.\nCommonJS modules can always be ' +
        'imported via the default export, for example using:\n\n' +
        "import pkg from './cjs-named.cjs';\nconst { missing } = pkg;\n",
    });
})().then(common.mustCall());
