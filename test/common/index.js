'use strict';
/* common/index.js - helpers for nodus's own tests: call-count checks that
 * are verified at exit, error matchers and paths. */

const assert = require('assert');
const path = require('path');

const mustCallChecks = [];

function runCallChecks(exitCode) {
  if (exitCode !== 0) return;
  const failed = mustCallChecks.filter((c) => {
    if ('minimum' in c) return c.actual < c.minimum;
    return c.actual !== c.exact;
  });
  for (const c of failed) {
    const expected = 'minimum' in c ? `at least ${c.minimum}` : `exactly ${c.exact}`;
    console.error(`Mismatched ${c.name} function calls. Expected ${expected},` +
                  ` actual ${c.actual}.\n${c.stack}`);
  }
  if (failed.length) process.exit(1);
}

function makeCheck(fn, field, count) {
  if (typeof fn === 'number') {
    count = fn;
    fn = () => {};
  } else if (fn === undefined) {
    fn = () => {};
  }
  if (mustCallChecks.length === 0) process.on('exit', runCallChecks);
  const context = {
    [field]: count,
    actual: 0,
    stack: new Error().stack.split('\n').slice(2).join('\n'),
    name: fn.name || '<anonymous>',
  };
  mustCallChecks.push(context);
  const wrapped = function(...args) {
    context.actual++;
    return fn.apply(this, args);
  };
  /* Keep the arity: some APIs (readline completers) look at it. */
  Object.defineProperty(wrapped, 'length', { value: fn.length });
  return wrapped;
}

/* Returns a wrapper of fn that must be called exactly `exact` times. */
function mustCall(fn, exact = 1) {
  return makeCheck(fn, 'exact', typeof fn === 'number' ? fn : exact);
}

/* Returns a wrapper of fn that must be called at least `minimum` times. */
function mustCallAtLeast(fn, minimum = 1) {
  return makeCheck(fn, 'minimum', typeof fn === 'number' ? fn : minimum);
}

/* Returns a function that fails the test when called. */
function mustNotCall(msg) {
  const where = new Error().stack.split('\n').slice(2, 3).join('');
  return function mustNotCall(...args) {
    assert.fail(`${msg || 'function should not have been called'} at ${where}` +
                (args.length ? `\ncalled with arguments: ${args.join(', ')}` : ''));
  };
}

/* A node-style callback that must be called once, without an error. */
function mustSucceed(fn, exact) {
  return mustCall(function(err, ...args) {
    assert.ifError(err);
    if (typeof fn === 'function') return fn.apply(this, args);
  }, exact);
}

/* A validation function for assert.throws() that also must be called. */
function expectsError(validator, exact) {
  return mustCall((...args) => {
    if (args.length !== 1) assert.fail(`Expected one argument, got ${args}`);
    const error = args.pop();
    assert.throws(() => { throw error; }, validator);
    return true;
  }, exact);
}

/* Prints why the test is skipped (TAP-style) and exits 0. */
function skip(msg) {
  process.stdout.write(`1..0 # Skipped: ${msg}\n`);
  process.exit(0);
}

/* expectWarning(name, message[, code]) or expectWarning({ name: [[msg,
 * code], ...] }): each listed warning must be emitted, in order, and no
 * other. */
function expectWarning(nameOrMap, expected, code) {
  let map = nameOrMap;
  if (typeof nameOrMap === 'string') {
    map = { [nameOrMap]: code === undefined ? [expected] : [[expected, code]] };
  }
  const pending = {};
  for (const [name, list] of Object.entries(map)) {
    const items = Array.isArray(list) ? list : [list];
    pending[name] = items.map((i) => (Array.isArray(i) ? i : [i]));
  }
  process.on('warning', mustCallAtLeast((warning) => {
    const queue = pending[warning.name];
    assert.ok(queue && queue.length, `unexpected warning ${warning.name}: ` +
              warning.message);
    const [message, expectedCode] = queue.shift();
    if (message instanceof RegExp) assert.match(warning.message, message);
    else assert.strictEqual(warning.message, message);
    assert.strictEqual(warning.code, expectedCode);
  }, 0));
  process.on('exit', (c) => {
    if (c !== 0) return;
    for (const [name, queue] of Object.entries(pending)) {
      assert.strictEqual(queue.length, 0, `missing ${name} warnings`);
    }
  });
}

function platformTimeout(ms) {
  return ms;
}

module.exports = {
  mustCall,
  mustCallAtLeast,
  mustNotCall,
  mustSucceed,
  expectsError,
  platformTimeout,
  skip,
  expectWarning,
  isWindows: false,
  isLinux: true,
  isOSX: false,
  fixturesDir: path.join(__dirname, '..', 'fixtures'),
  nodusBin: process.execPath,
};
