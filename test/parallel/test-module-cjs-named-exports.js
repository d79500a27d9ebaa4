'use strict';
// Named exports of CommonJS modules imported from ES modules: the names the
// export lexer finds in the source (exports.x =, defineProperty forms,
// module.exports = { ... } literals, re-exports through require(),
// __exportStar and Babel loops), ignoring strings, comments, templates and
// regular expressions. Expected names are what Node 18 reports.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { pathToFileURL } = require('url');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nodus-cjs-lexer-'));
process.on('exit', () => fs.rmSync(dir, { recursive: true, force: true }));

/* Makes every name the sources use exist, so that they run. */
const prelude =
    'var a=1,b=1,c=1,e=1,g=1,q={p:1},alpha=1,beta=1,own2=1; function ' +
    'compute(){return 1} function __exportStar(m, e){for (const k in ' +
    'm) if(k!==\'default\'&&!Object.prototype.hasOwnProperty.call(e,k' +
    ')) e[k]=m[k]} function _interopRequireWildcard(m){return m} func' +
    'tion __toCommonJS(x){return x} var x = {alpha:1, beta:2};\n';

const cases = {
  dot:
    'exports.a = 1; exports.b = 2; module.exports.c = 3; exports[\'d ' +
    'e\'] = 4; exports.f == 5;',
  define:
    'Object.defineProperty(exports, \'g\', { enumerable: true, get: f' +
    'unction () { return q.p; } });Object.defineProperty(exports, \'h' +
    '\', { value: 1 });Object.defineProperty(exports, \'i\', { enumer' +
    'able: true, get() { return compute(); } });Object.defineProperty' +
    '(exports, \'__esModule\', { value: true });',
  literal: 'module.exports = { a, b: c, \'d\': e, f: \'no\', g };',
  literal2: 'module.exports = { a, b: require(\'./x.js\'), c };',
  method: 'module.exports = { a() {}, b };',
  strings:
    'var s = \'exports.fake = 1\'; /* exports.alsoFake = 2 */ // expo' +
    'rts.fake3 = 3\n var t = `exports.tpl = ${ 1 } exports.tpl2 = 1`;' +
    ' exports.real = 1;',
  regex: 'var r = /exports.nope = 1/; var d = 4 / 2; exports.yes = r;',
  reexp: 'module.exports = require(\'./dot.cjs\');',
  star: '__exportStar(require(\'./dot.cjs\'), exports); exports.own = 1;',
  tsc:
    '\'use strict\';\nvar __createBinding = 1;\nObject.defineProperty' +
    '(exports, \'__esModule\', { value: true });\nexports.z = void 0;' +
    '\nexports.z = 1;',
  babel:
    'var _mod = _interopRequireWildcard(require(\'./literal.cjs\'));\n' +
    'Object.keys(_mod).forEach(function (key) { if (key === \'default' +
    '\') return; exports[key] = _mod[key]; });',
  esbuild:
    '0 && (module.exports = { alpha, beta });\nmodule.exports = __toC' +
    'ommonJS(x);',
  spread: 'module.exports = { ...require(\'./dot.cjs\'), own2 };',
  unicode: 'exports[\'\\u0061b\'] = 1; exports[\'\\ud800\'] = 2;',
  babel2:
    '\'use strict\';\nObject.defineProperty(exports, \'__esModule\', ' +
    '{ value: true });\nvar _foo = require(\'./dot.cjs\');\nObject.ke' +
    'ys(_foo).forEach(function (key) {\n  if (key === \'default\' || ' +
    'key === \'__esModule\') return;\n  if (key in exports && exports' +
    '[key] === _foo[key]) return;\n  Object.defineProperty(exports, k' +
    'ey, {\n    enumerable: true,\n    get: function () {\n      retu' +
    'rn _foo[key];\n    }\n  });\n});\n',
  babel3:
    '\'use strict\';\nvar _bar = _interopRequireWildcard(require(\'./' +
    'literal.cjs\'));\nfunction _interopRequireWildcard(m) { return m' +
    '; }\nObject.keys(_bar).forEach(function (key) {\n  if (key === \'' +
    'default\' || key === \'__esModule\') return;\n  exports[key] = _' +
    'bar[key];\n});\n',
};

const expected = {
  dot: ['a','b','c','d e','default','f'],
  define: ['__esModule','default','g','h'],
  literal: ['a','b','d','default'],
  literal2: ['a','b','default'],
  method: ['a','default'],
  strings: ['default','real'],
  regex: ['default','yes'],
  reexp: ['a','b','c','d e','default','f'],
  star: ['a','b','c','d e','default','f','own'],
  tsc: ['__esModule','default','z'],
  babel: ['default'],
  esbuild: ['alpha','beta','default'],
  spread: ['a','b','c','d e','default','f','own2'],
  unicode: ['ab','default'],
  babel2: ['__esModule','a','b','c','d e','default','f'],
  babel3: ['a','b','d','default'],
};

fs.writeFileSync(path.join(dir, 'x.js'), 'module.exports = 1;');
for (const [name, source] of Object.entries(cases)) {
  fs.writeFileSync(path.join(dir, `${name}.cjs`), prelude + source);
}

(async () => {
  for (const name of Object.keys(cases)) {
    const ns = await import(pathToFileURL(path.join(dir, `${name}.cjs`)).href);
    assert.deepStrictEqual(Object.keys(ns), expected[name], name);
  }
})().then(common.mustCall());
