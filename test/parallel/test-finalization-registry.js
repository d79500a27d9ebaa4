// Flags: --expose-gc
'use strict';
// FinalizationRegistry callbacks run (V8's platform tasks are pumped by
// the event loop).
const common = require('../common');

const registry = new FinalizationRegistry(common.mustCall((held) => {
  if (held !== 'held value') throw new Error(`unexpected ${held}`);
}));
(function() {
  registry.register({}, 'held value');
})();
setTimeout(() => {
  global.gc();
  setTimeout(() => {}, 20);
}, 1);
