'use strict';
/* binding.js (internal/test) - internalBinding for tests run with
 * --expose-internals, with the warning Node prints. */

process.emitWarning(
  'These APIs are for internal testing only. Do not use them.',
  'internal/test/binding');

module.exports = { internalBinding, primordials };
