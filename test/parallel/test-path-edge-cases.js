// Edge cases of path.posix and path.win32 (expected values from Node 18).
'use strict';
require('../common');
const assert = require('assert');
const path = require('path');

// [flavour, function, arguments, expected]
const cases = [
  ['win32', 'resolve', ['//server/share', '..', 'x'], '\\\\server\\share\\x'],
  ['win32', 'normalize', ['//server/share'], '\\\\server\\share\\'],
  ['win32', 'normalize', ['c:'], 'c:.'],
  ['win32', 'normalize', ['\\\\?\\c:\\a\\..\\b'], '\\\\?\\c:\\b'],
  ['win32', 'join', ['//server', 'share'], '\\\\server\\share\\'],
  ['win32', 'join', ['\\\\\\a', 'b'], '\\a\\b'],
  ['win32', 'relative', ['c:\\a\\b', 'c:\\a\\bc'], '..\\bc'],
  ['win32', 'relative', ['\\\\s\\sh\\a', '\\\\s\\sh2\\b'], '..\\..\\sh2\\b'],
  ['win32', 'relative', ['/x ', '/x'], '..x'],
  ['win32', 'relative', ['c:\\a', 'd:\\a'], 'd:\\a'],
  ['win32', 'dirname', ['\\\\s\\sh'], '\\\\s\\sh'],
  ['win32', 'dirname', ['c:\\\\\\x'], 'c:\\\\'],
  ['win32', 'dirname', ['//a'], '/'],
  ['win32', 'basename', ['c:foo.js', '.js'], 'foo'],
  ['win32', 'extname', ['C:.foo'], ''],
  ['win32', 'parse', ['\\\\s\\sh\\x.y'],
   { root: '\\\\s\\sh\\', dir: '\\\\s\\sh\\', base: 'x.y', ext: '.y',
     name: 'x' }],
  ['win32', 'parse', ['c:'],
   { root: 'c:', dir: 'c:', base: '', ext: '', name: '' }],
  ['win32', 'toNamespacedPath', ['//foo//bar'], '\\\\?\\UNC\\foo\\bar\\'],
  ['win32', 'toNamespacedPath', ['c:/x'], '\\\\?\\c:\\x'],
  ['win32', 'isAbsolute', ['c:x'], false],
  ['win32', 'format', [{ root: 'c:\\', name: 'a', ext: '.b' }], 'c:\\a.b'],
  ['posix', 'dirname', ['/a//b'], '/a/'],
  ['posix', 'dirname', ['//a'], '//'],
  ['posix', 'basename', ['://', 'C:'], '://'],
  ['posix', 'basename', ['aaa/bbb//', 'bbb'], 'bbb'],
  ['posix', 'basename', ['a/b', 'b'], 'b'],
  ['posix', 'parse', ['/..'],
   { root: '/', dir: '/', base: '..', ext: '.', name: '.' }],
  ['posix', 'parse', ['///a//b.c.'],
   { root: '/', dir: '///a/', base: 'b.c.', ext: '.', name: 'b.c' }],
  ['posix', 'extname', ['..bashrc'], '.bashrc'],
  ['posix', 'normalize', ['a/..//'], './'],
  ['posix', 'normalize', ['//a/./b/../'], '/a/'],
  ['posix', 'relative', ['/a/b/c', '/a/bc'], '../../bc'],
  ['posix', 'join', ['', ''], '.'],
  ['posix', 'format', [{ name: 'a', ext: 'js' }], 'ajs'],
  ['posix', 'resolve', ['/a', '../..', 'b'], '/b'],
];

for (const [flavour, fn, args, expected] of cases) {
  assert.deepStrictEqual(path[flavour][fn](...args), expected,
                         `path.${flavour}.${fn}(${args.join(', ')})`);
}

// A drive-relative win32 path resolves against the (POSIX) cwd.
assert.strictEqual(path.win32.resolve('c:a'),
                   `c:${process.cwd().replace(/\//g, '\\')}\\a`);

// Cross references and the legacy alias.
assert.strictEqual(path.posix.win32, path.win32);
assert.strictEqual(path.win32.posix, path.posix);
assert.strictEqual(path.win32._makeLong, path.win32.toNamespacedPath);
assert.strictEqual(path.format.name, 'bound _format');

// Validation errors name the argument.
assert.throws(() => path.resolve('a', 1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "paths[1]" argument must be of type string. ' +
           'Received type number (1)',
});
assert.throws(() => path.basename('a', 1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "ext" argument must be of type string. ' +
           'Received type number (1)',
});
assert.throws(() => path.win32.format('x'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "pathObject" argument must be of type object. ' +
           "Received type string ('x')",
});
