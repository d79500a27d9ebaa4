'use strict';
/* utils.js (test_runner) - shared pieces of node:test: the command-line
 * configuration, name-pattern regexps, test-file name filter, source
 * locations of test() calls, summary counters, and loading reporters. */

const {
  ArrayPrototypeJoin,
  ArrayPrototypeMap,
  ArrayPrototypePush,
  ArrayPrototypeSome,
  Error,
  ObjectFreeze,
  RegExp,
  RegExpPrototypeExec,
  SafeMap,
  StringPrototypeSplit,
  StringPrototypeStartsWith,
} = primordials;

const path = require('path');
const { getOptionValue } = require('internal/options');
const {
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_TEST_FAILURE,
  },
  kIsNodeError,
} = require('internal/errors');

const kMultipleCallbackInvocations = 'multipleCallbackInvocations';
const kRegExpPattern = /^\/(.*)\/([a-z]*)$/;
const kPatterns = ['test', 'test/**/*', 'test-*', '*[.-_]test'];
const kFileNameRegExp = /^(?:test|test-.+|.+[.\-_]test)\.(?:js|cjs|mjs)$/;
const kSupportedExtensions = /\.(?:js|cjs|mjs)$/;
const kFrameRegExp = /(?:\((.+):(\d+):(\d+)\)|at (.+):(\d+):(\d+))$/;

/* Whether a file name follows the test-file naming convention. */
function doesPathMatchFilter(p) {
  return RegExpPrototypeExec(kFileNameRegExp, path.basename(p)) !== null;
}

/* Whether a file under a `test` directory may run as a test. */
function isSupportedFileType(p) {
  return RegExpPrototypeExec(kSupportedExtensions, p) !== null;
}

/* '/re/flags' or a plain string -> RegExp, as --test-name-pattern reads
 * it; throws ERR_INVALID_ARG_VALUE naming `name` on a bad expression. */
function convertStringToRegExp(str, name) {
  const match = RegExpPrototypeExec(kRegExpPattern, str);
  const pattern = match?.[1] ?? str;
  const flags = match?.[2] || '';
  try {
    return new RegExp(pattern, flags);
  } catch (err) {
    const msg = err?.message;
    throw new ERR_INVALID_ARG_VALUE(
      name, str, `is an invalid regular expression.${msg ? ` ${msg}` : ''}`);
  }
}

let cachedConfig;
/* The runner configuration from the command line, read once. */
function parseCommandLine() {
  if (cachedConfig !== undefined) return cachedConfig;
  const isTestRunner = getOptionValue('--test');
  const coverage = getOptionValue('--experimental-test-coverage');
  const destinations = getOptionValue('--test-reporter-destination');
  const reporters = getOptionValue('--test-reporter');
  const isChildProcess = process.env.NODE_TEST_CONTEXT === 'child';
  let testNamePatterns = null;
  const patterns = getOptionValue('--test-name-pattern');
  if (patterns.length > 0) {
    testNamePatterns = ArrayPrototypeMap(
      patterns, (re) => convertStringToRegExp(re, '--test-name-pattern'));
  }
  let concurrency;
  let shard;
  if (isTestRunner) {
    const c = getOptionValue('--test-concurrency');
    concurrency = c > 0 ? c : true;
    const shardOption = getOptionValue('--test-shard');
    if (shardOption) {
      if (RegExpPrototypeExec(/^\d+\/\d+$/, shardOption) === null) {
        throw new ERR_INVALID_ARG_VALUE(
          '--test-shard', shardOption,
          'must be in the form of <index>/<total>');
      }
      const parts = StringPrototypeSplit(shardOption, '/');
      shard = { __proto__: null, index: +parts[0], total: +parts[1] };
    }
  }
  if (!isChildProcess &&
      (reporters.length > 0 || destinations.length > 0) &&
      reporters.length !== destinations.length &&
      !(reporters.length === 1 && destinations.length === 0)) {
    throw new ERR_INVALID_ARG_VALUE(
      '--test-reporter', reporters,
      'must match the number of specified \'--test-reporter-destination\'');
  }
  cachedConfig = ObjectFreeze({
    __proto__: null,
    isTestRunner,
    isChildProcess,
    coverage,
    testOnlyFlag: getOptionValue('--test-only'),
    testNamePatterns,
    reporters,
    destinations,
    concurrency,
    shard,
  });
  return cachedConfig;
}

/* { line, column, file } of the first user frame of the current stack,
 * or an empty object. */
function getCallerLocation() {
  const limit = Error.stackTraceLimit;
  const holder = {};
  try {
    Error.stackTraceLimit = 30;
    Error.captureStackTrace(holder, getCallerLocation);
  } finally {
    Error.stackTraceLimit = limit;
  }
  const lines = StringPrototypeSplit(`${holder.stack}`, '\n');
  for (let i = 1; i < lines.length; i++) {
    const m = RegExpPrototypeExec(kFrameRegExp, lines[i]);
    if (m === null) continue;
    const file = m[1] ?? m[4];
    if (StringPrototypeStartsWith(file, 'node:') ||
        StringPrototypeStartsWith(file, 'nodus:')) continue;
    const fileName = file;
    return { __proto__: null, line: +(m[2] ?? m[5]), column: +(m[3] ?? m[6]),
             file: fileName };
  }
  return { __proto__: null };
}

/* Whether err is an ERR_TEST_FAILURE made by the runner. */
function isTestFailureError(err) {
  return err?.code === 'ERR_TEST_FAILURE' && err?.[kIsNodeError] === true;
}

/* Wraps anything thrown by test code in an ERR_TEST_FAILURE. */
function toTestFailure(err, failureType) {
  if (isTestFailureError(err)) return err;
  return new ERR_TEST_FAILURE(err, failureType);
}

/* Counts one finished test (not a suite) into harness counters. */
function countCompletedTest(test, counters) {
  if (test.reportedType === 'suite') {
    counters.suites++;
    return;
  }
  if (test.skipped) {
    counters.skipped++;
  } else if (test.isTodo) {
    counters.todo++;
  } else if (test.cancelled) {
    counters.cancelled++;
  } else if (!test.passed) {
    counters.failed++;
  } else {
    counters.passed++;
  }
  counters.all++;
}

function createCounters() {
  return {
    __proto__: null, all: 0, failed: 0, passed: 0, cancelled: 0, skipped: 0,
    todo: 0, suites: 0,
  };
}

const kBuiltinReporters = new SafeMap([
  ['spec', 'internal/test_runner/reporter/spec'],
  ['dot', 'internal/test_runner/reporter/dot'],
  ['tap', 'internal/test_runner/reporter/tap'],
  ['junit', 'internal/test_runner/reporter/junit'],
]);

/* The default reporter: spec on a terminal, TAP otherwise. */
function defaultReporter() {
  return process.stdout.isTTY ? 'spec' : 'tap';
}

/* Loads one reporter by name: a builtin, a package, a path or a URL.
 * Returns a promise of the reporter (a function or a stream class). */
async function loadReporter(name) {
  const builtin = kBuiltinReporters.get(name);
  if (builtin !== undefined) return require(builtin);
  let specifier = name;
  if (StringPrototypeStartsWith(name, '.') ||
      StringPrototypeStartsWith(name, '/')) {
    const { pathToFileURL } = require('internal/url');
    specifier = pathToFileURL(path.resolve(name)).href;
  }
  const parentURL = require('internal/url').pathToFileURL(
    `${process.cwd()}/`).href;
  const loader = require('internal/modules/esm/loader');
  loader.initializeHooks();
  const ns = await loader.importModule(specifier, parentURL);
  return ns.default ?? ns;
}

module.exports = {
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  ArrayPrototypeSome,
  convertStringToRegExp,
  countCompletedTest,
  createCounters,
  defaultReporter,
  doesPathMatchFilter,
  getCallerLocation,
  isSupportedFileType,
  isTestFailureError,
  kBuiltinReporters,
  kMultipleCallbackInvocations,
  kPatterns,
  loadReporter,
  parseCommandLine,
  toTestFailure,
};
