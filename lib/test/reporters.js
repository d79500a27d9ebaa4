'use strict';
/* reporters.js (test) - node:test/reporters: the builtin reporters (dot,
 * junit, spec, tap), loaded on first use. */

const { ObjectDefineProperties } = primordials;

function lazy(id) {
  let value;
  return {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      value ??= require(id);
      return value;
    },
  };
}

module.exports = {};
ObjectDefineProperties(module.exports, {
  dot: lazy('internal/test_runner/reporter/dot'),
  junit: lazy('internal/test_runner/reporter/junit'),
  spec: lazy('internal/test_runner/reporter/spec'),
  tap: lazy('internal/test_runner/reporter/tap'),
});
