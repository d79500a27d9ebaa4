'use strict';
/* test.js - node:test (only with the node: scheme): test(), describe()
 * and it() with their skip/todo/only forms, the hooks, run() for test
 * files, and the mocks. */

const {
  ObjectAssign,
  ObjectDefineProperty,
} = primordials;

const { hook, runInParentContext } = require('internal/test_runner/harness');
const { Suite, Test } = require('internal/test_runner/test');
const { run } = require('internal/test_runner/runner');

const test = runInParentContext(Test);
const describe = runInParentContext(Suite);
const it = runInParentContext(Test);

module.exports = test;
ObjectAssign(module.exports, {
  after: hook('after'),
  afterEach: hook('afterEach'),
  before: hook('before'),
  beforeEach: hook('beforeEach'),
  describe,
  it,
  run,
  test,
});

let lazyMock;
ObjectDefineProperty(module.exports, 'mock', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get() {
    lazyMock ??= require('internal/test_runner/mock').mock;
    return lazyMock;
  },
});
