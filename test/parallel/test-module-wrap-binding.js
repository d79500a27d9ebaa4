// Flags: --expose-internals
'use strict';
// The module_wrap binding: source and synthetic modules, linking,
// instantiation, top-level await, namespaces, import.meta and import().
const common = require('../common');
const assert = require('assert');
const { internalBinding } = require('internal/test/binding');
const { ModuleWrap, setModuleHooks, kEvaluated } =
  internalBinding('module_wrap');

const dep = new ModuleWrap('file:///dep.mjs', ['x', 'default'], function() {
  this.setExport('x', 42);
  this.setExport('default', 'dflt');
});
const main = new ModuleWrap('file:///main.mjs', `
import d, { x } from 'dep';
export const y = x + 1;
export const meta = import.meta.url;
export const dyn = import('dep', { assert: { type: 'json' } });
await null;
export default d;
`);
assert.strictEqual(main.url, 'file:///main.mjs');
assert.deepStrictEqual(main.getModuleRequests(),
                       [{ specifier: 'dep', assertions: { __proto__: null } }]);
main.link(['dep'], [dep]);
setModuleHooks(common.mustCall(async (specifier, referrer, assertions) => {
  assert.strictEqual(specifier, 'dep');
  assert.strictEqual(referrer, 'file:///main.mjs');
  assert.deepStrictEqual({ ...assertions }, { type: 'json' });
  return dep.getNamespace();
}), common.mustCall((meta, wrap) => {
  assert.strictEqual(wrap, main);
  meta.url = wrap.url;
}));
main.instantiate();
main.evaluate().then(common.mustCall(async () => {
  assert.strictEqual(main.getStatus(), kEvaluated);
  const ns = main.getNamespace();
  assert.strictEqual(ns.y, 43);
  assert.strictEqual(ns.default, 'dflt');
  assert.strictEqual(ns.meta, 'file:///main.mjs');
  assert.strictEqual((await ns.dyn).x, 42);
}));

assert.throws(() => new ModuleWrap('file:///bad.mjs', 'export const = 1'),
              { name: 'SyntaxError' });
const unlinked = new ModuleWrap('file:///u.mjs', 'import "nowhere";');
assert.throws(() => unlinked.instantiate(), /not yet fulfilled/);
