'use strict';
/* test.js - node:test (only with the node: scheme): test, describe/it,
 * hooks, skip/todo/only, mocks, and a TAP report on stdout. */

const harness = require('internal/test_runner/harness');
const { mock } = require('internal/test_runner/mock');

/* run() (the programmatic runner of test files) is not available yet. */
function run() {
  const { codes: { ERR_METHOD_NOT_IMPLEMENTED } } = require('internal/errors');
  throw new ERR_METHOD_NOT_IMPLEMENTED('run');
}

const test = harness.test;
module.exports = test;
Object.assign(module.exports, {
  after: harness.after,
  afterEach: harness.afterEach,
  before: harness.before,
  beforeEach: harness.beforeEach,
  describe: harness.describe,
  it: harness.it,
  mock,
  run,
  test,
});
