'use strict';
/* test.js (test_runner) - the test tree of node:test: Test (test() and
 * t.test()), Suite (describe()), their contexts and hooks; running with
 * concurrency, timeouts, abort signals and cancellation, and reporting
 * every finished test in definition order to the root's TestsStream. */

const {
  ArrayPrototypePush,
  Error,
  ArrayPrototypeShift,
  FunctionPrototype,
  Number,
  ObjectSeal,
  Promise,
  PromisePrototypeThen,
  PromiseResolve,
  ReflectApply,
  RegExpPrototypeExec,
  SafePromiseRace,
  Symbol,
} = primordials;

const { AsyncResource } = require('async_hooks');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_TEST_FAILURE,
  },
  AbortError,
} = require('internal/errors');
const {
  validateAbortSignal,
  validateNumber,
  validateObject,
  validateOneOf,
  validateUint32,
} = require('internal/validators');
const {
  countCompletedTest,
  createCounters,
  getCallerLocation,
  isTestFailureError,
  kMultipleCallbackInvocations,
  parseCommandLine,
} = require('internal/test_runner/utils');
const { isPromise } = require('internal/util/types');

const kCallbackAndPromisePresent = 'callbackAndPromisePresent';
const kCancelledByParent = 'cancelledByParent';
const kAborted = 'testAborted';
const kHookFailure = 'hookFailed';
const kParentAlreadyFinished = 'parentAlreadyFinished';
const kSubtestsFailed = 'subtestsFailed';
const kTestCodeFailure = 'testCodeFailure';
const kTestTimeoutFailure = 'testTimeoutFailure';
const kHookNames = ['before', 'after', 'beforeEach', 'afterEach'];
const kTimeoutMax = 2 ** 31 - 1;
const kOnlyWarning = '\'only\' and \'runOnly\' require the --test-only ' +
  'command-line option.';
const kUnwrapErrors = [kTestCodeFailure, kHookFailure, 'uncaughtException',
                       'unhandledRejection', kAborted];
const noop = FunctionPrototype;

const { hrtime } = process;

function hrtimeMs() {
  return hrtime.bigint();
}

/* An ERR_TEST_FAILURE of the runner's own (no stack of runner frames). */
function runnerFailure(message, failureType) {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new ERR_TEST_FAILURE(message, failureType);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

function config() {
  return parseCommandLine();
}

/* A promise rejected when the timeout passes, resolved when `signal`
 * aborts; dispose() clears it. Its timer keeps the loop alive only with
 * `keepAlive` (a test in this process must not; a child's may). */
function stopTest(timeout, signal, keepAlive = false) {
  let timer;
  let onAbort;
  const promise = new Promise((resolve, reject) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    onAbort = () => resolve();
    signal.addEventListener('abort', onAbort, { once: true });
    if (timeout !== Infinity) {
      timer = setTimeout(() => reject(runnerFailure(
        `test timed out after ${timeout}ms`, kTestTimeoutFailure)), timeout);
      if (!keepAlive) timer.unref();
    }
  });
  promise.dispose = () => {
    if (timer !== undefined) clearTimeout(timer);
    if (onAbort !== undefined) signal.removeEventListener('abort', onAbort);
  };
  return promise;
}

/* The `t` of a test function (and `this`). */
class TestContext {
  #test;

  constructor(test) {
    this.#test = test;
  }

  get signal() {
    return this.#test.signal;
  }

  get name() {
    return this.#test.name;
  }

  get mock() {
    return require('internal/test_runner/mock').getMock(this.#test);
  }

  /* Adds a TAP diagnostic line reported after the test's result. */
  diagnostic(message) {
    ArrayPrototypePush(this.#test.diagnostics, message);
  }

  /* With --test-only, whether only subtests with `only` run. */
  runOnly(value) {
    this.#test.runOnlySubtests = !!value;
  }

  skip(message) {
    this.#test.skip(message);
  }

  todo(message) {
    this.#test.todo(message);
  }

  /* t.test([name][, options][, fn]) -> Promise<undefined> */
  test(name, options, fn) {
    const overrides = { __proto__: null, loc: getCallerLocation() };
    const subtest = this.#test.createSubtest(
      // eslint-disable-next-line no-use-before-define
      Test, name, options, fn, overrides);
    return subtest.start();
  }

  before(fn, options) {
    this.#test.createHook('before', fn, options);
  }

  after(fn, options) {
    this.#test.createHook('after', fn, options);
  }

  beforeEach(fn, options) {
    this.#test.createHook('beforeEach', fn, options);
  }

  afterEach(fn, options) {
    this.#test.createHook('afterEach', fn, options);
  }
}

/* The argument (and `this`) of a describe() function. */
class SuiteContext {
  #suite;

  constructor(suite) {
    this.#suite = suite;
  }

  get signal() {
    return this.#suite.signal;
  }

  get name() {
    return this.#suite.name;
  }
}

class Test extends AsyncResource {
  abortController;
  outerSignal;
  #reportedSubtestCount = 0;

  constructor(options) {
    super('Test');
    let { fn, name, parent, skip } = options;
    const { concurrency, loc, only, timeout, todo, signal } = options;

    if (typeof fn !== 'function') fn = noop;
    if (typeof name !== 'string' || name === '') {
      name = fn.name || '<anonymous>';
    }
    if (!(parent instanceof Test)) parent = null;
    if (signal != null) validateAbortSignal(signal, 'options.signal');
    this.loc = loc ?? { __proto__: null };

    const { testOnlyFlag, testNamePatterns } = config();
    if (parent === null) {
      this.concurrency = 1;
      this.nesting = 0;
      this.only = testOnlyFlag;
      this.reporter = options.reporter;
      this.runOnlySubtests = this.only;
      this.testNumber = 0;
      this.timeout = Infinity;
      this.root = this;
      this.harness = options.harness ?? null;
      this.nameMatched = false;
    } else {
      const nesting = parent.parent === null ? parent.nesting :
        parent.nesting + 1;
      this.concurrency = parent.concurrency;
      this.nesting = nesting;
      this.only = only ?? !parent.runOnlySubtests;
      this.reporter = parent.reporter;
      this.runOnlySubtests = !this.only;
      this.testNumber = parent.subtests.length + 1;
      this.timeout = parent.timeout;
      this.root = parent.root;
      this.harness = parent.harness;
      this.nameMatched = parent.nameMatched;

      if (testNamePatterns !== null && !this.nameMatched && !this.isHook) {
        let match = false;
        for (let i = 0; i < testNamePatterns.length; i++) {
          if (RegExpPrototypeExec(testNamePatterns[i], name) !== null) {
            match = true;
            break;
          }
        }
        this.nameMatched = match;
        /* A suite runs to find matching tests, unless skipped anyway. */
        if (!match && (!this.constructor.runsUnmatched || skip)) {
          skip = 'test name does not match pattern';
        }
      }
      if (testOnlyFlag && !this.only) {
        skip = '\'only\' option not set';
      }
    }

    switch (typeof concurrency) {
      case 'number':
        validateUint32(concurrency, 'options.concurrency', 1);
        this.concurrency = concurrency;
        break;
      case 'boolean':
        this.concurrency = concurrency ? Infinity : 1;
        break;
      default:
        if (concurrency != null) {
          throw new ERR_INVALID_ARG_TYPE('options.concurrency',
                                         ['boolean', 'number'], concurrency);
        }
    }

    if (timeout != null && timeout !== Infinity) {
      validateNumber(timeout, 'options.timeout', 0, kTimeoutMax);
      this.timeout = timeout;
    } else if (timeout === Infinity) {
      this.timeout = Infinity;
    }

    if (skip) fn = noop;

    this.abortController = new AbortController();
    this.outerSignal = signal;
    this.signal = this.abortController.signal;
    this.onOuterAbort = () => {
      const reason = this.outerSignal?.reason ??
        new AbortError('The test was aborted');
      this.cancel(runnerFailure(reason, kAborted));
    };
    this.outerSignal?.addEventListener('abort', this.onOuterAbort);

    this.fn = fn;
    this.name = name;
    this.parent = parent;
    this.cancelled = false;
    this.skipped = skip !== undefined && skip !== false;
    this.isTodo = todo !== undefined && todo !== false;
    this.startTime = null;
    this.endTime = null;
    this.passed = false;
    this.error = null;
    this.diagnostics = [];
    this.message = typeof skip === 'string' ? skip :
      typeof todo === 'string' ? todo : null;
    this.activeSubtests = 0;
    this.pendingSubtests = [];
    this.subtests = [];
    this.waitingOn = 0;
    this.finished = false;
    this.reportedStart = false;
    this.reportedEnd = false;
    this.hooks = {
      __proto__: null, before: [], after: [], beforeEach: [], afterEach: [],
    };
    this.beforePromise = null;
    this.reportedType = 'test';

    if (!testOnlyFlag && (only || parent?.runOnlySubtests === true) &&
        parent !== null) {
      ArrayPrototypePush(this.diagnostics, kOnlyWarning);
    }
  }

  get isHook() {
    return false;
  }

  /* Whether a new subtest may still join this test. */
  acceptsSubtests() {
    return !this.finished;
  }

  hasConcurrency() {
    return this.concurrency > this.activeSubtests;
  }

  /* Makes a subtest of this test; one made after this test finished
   * fails at once under the root. */
  createSubtest(Factory, name, options, fn, overrides) {
    if (typeof name === 'function') {
      fn = name;
    } else if (name !== null && typeof name === 'object') {
      fn = options;
      options = name;
    } else if (typeof options === 'function') {
      fn = options;
    }
    if (options === null || typeof options !== 'object') {
      options = { __proto__: null };
    }

    let parent = this;
    const late = !parent.acceptsSubtests();
    if (late) {
      const root = parent.root;
      if (!root.finished || root.harness?.canCreateLate) parent = root;
    }
    const test = new Factory({ __proto__: null, fn, name, parent,
                               ...options, ...overrides });
    if (parent.waitingOn === 0) parent.waitingOn = test.testNumber;
    if (late) {
      test.startTime = test.startTime ?? hrtimeMs();
      test.fail(runnerFailure(
        'test could not be started because its parent finished',
        kParentAlreadyFinished));
    }
    ArrayPrototypePush(parent.subtests, test);
    return test;
  }

  createHook(name, fn, options) {
    validateOneOf(name, 'hook name', kHookNames);
    // eslint-disable-next-line no-use-before-define
    const hook = new TestHook(fn, options);
    if (name === 'before' || name === 'after') hook.run = runOnce(hook.run);
    ArrayPrototypePush(this.hooks[name], hook);
    return hook;
  }

  /* The hooks of kind beforeEach/afterEach that apply to a child of this
   * test: the ancestors' first, then this test's own. */
  eachHooks(name) {
    const chain = [];
    for (let t = this; t !== null; t = t.parent) chain.unshift(t);
    const hooks = [];
    for (let i = 0; i < chain.length; i++) {
      const own = chain[i].hooks[name];
      for (let j = 0; j < own.length; j++) ArrayPrototypePush(hooks, own[j]);
    }
    return hooks;
  }

  fail(err) {
    if (this.error !== null) return;
    this.endTime = hrtimeMs();
    this.passed = false;
    this.error = err;
  }

  pass() {
    if (this.endTime !== null) return;
    this.endTime = hrtimeMs();
    this.passed = true;
  }

  skip(message) {
    this.skipped = true;
    this.message = message ?? null;
  }

  todo(message) {
    this.isTodo = true;
    this.message = message ?? null;
  }

  /* Stops a test that has not ended: it fails with `error` (by default a
   * cancellation by its parent) and counts as cancelled. */
  cancel(error) {
    if (this.endTime !== null) return;
    this.fail(error ?? runnerFailure(
      'test did not finish before its parent and was cancelled',
      kCancelledByParent));
    this.cancelled = true;
    this.abortController.abort();
  }

  shouldAbort() {
    return this.signal.aborted || !!this.outerSignal?.aborted;
  }

  getRunArgs() {
    const ctx = new TestContext(this);
    return { __proto__: null, ctx, args: [ctx] };
  }

  /* Runs the hooks `name` of this test with `args`; a failing hook is an
   * ERR_TEST_FAILURE of type hookFailed. */
  async runHook(name, { args, ctx }, hooks = this.hooks[name]) {
    for (let i = 0; i < hooks.length; i++) {
      const hook = hooks[i];
      try {
        await hook.run(args, ctx);
      } catch (err) {
        const error = runnerFailure(`failed running ${name} hook`,
                                    kHookFailure);
        error.cause = isTestFailureError(err) ? err.cause : err;
        throw error;
      }
    }
  }

  /* The parent's before hooks, once for all its children. */
  runParentBefore() {
    const parent = this.parent;
    if (parent === null || parent.hooks.before.length === 0) return null;
    parent.beforePromise ??= parent.runHook('before', parent.getRunArgs());
    return parent.beforePromise;
  }

  /* Starts this subtest now if its parent has room, else queues it.
   * Returns a promise settled (with undefined) when the test ended. */
  start() {
    this.reporter.enqueue(this.nesting, this.loc, this.name);
    if (!this.parent.hasConcurrency()) {
      let resolve;
      const promise = new Promise((r) => { resolve = r; });
      ArrayPrototypePush(this.parent.pendingSubtests,
                         { __proto__: null, test: this, resolve });
      return promise;
    }
    this.reporter.dequeue(this.nesting, this.loc, this.name);
    return this.run();
  }

  async run() {
    if (this.parent !== null) this.parent.activeSubtests++;
    this.startTime ??= hrtimeMs();

    if (this.shouldAbort()) {
      if (this.outerSignal?.aborted) this.onOuterAbort();
      this.postRun();
      return;
    }

    const { args, ctx } = this.getRunArgs();
    const parent = this.parent;
    const afterEach = runOnce(async () => {
      if (parent !== null && !this.skipped) {
        const hooks = parent.eachHooks('afterEach');
        if (hooks.length > 0) await parent.runHook('afterEach', { args, ctx },
                                                   hooks);
      }
    });
    const after = runOnce(async () => {
      if (this.hooks.after.length > 0) {
        await this.runHook('after', { args, ctx });
      }
    });

    let stopPromise;
    try {
      const before = this.runParentBefore();
      if (before !== null) await before;
      if (parent !== null && !this.skipped) {
        const hooks = parent.eachHooks('beforeEach');
        if (hooks.length > 0) await parent.runHook('beforeEach', { args, ctx },
                                                   hooks);
      }
      stopPromise = stopTest(this.timeout, this.signal);
      const fn = this.fn;
      if (fn.length === 2) {
        // Callback style: (t, done).
        let resolveDone;
        let rejectDone;
        const donePromise = new Promise((resolve, reject) => {
          resolveDone = resolve;
          rejectDone = reject;
        });
        let calls = 0;
        const done = (err) => {
          calls++;
          if (calls > 1) {
            throw new ERR_TEST_FAILURE('callback invoked multiple times',
                                       kMultipleCallbackInvocations);
          }
          if (err) rejectDone(err);
          else resolveDone();
        };
        const ret = ReflectApply(this.runInAsyncScope, this,
                                 [fn, ctx, ctx, done]);
        if (isPromise(ret)) {
          this.fail(runnerFailure(
            'passed a callback but also returned a Promise',
            kCallbackAndPromisePresent));
          await SafePromiseRace([ret, stopPromise]);
        } else {
          await SafePromiseRace([donePromise, stopPromise]);
        }
      } else {
        const ret = ReflectApply(this.runInAsyncScope, this, [fn, ctx, ctx]);
        await SafePromiseRace([PromiseResolve(ret), stopPromise]);
      }

      if (this.shouldAbort()) {
        this.postRun();
        return;
      }
      await afterEach();
      await after();
      this.pass();
    } catch (err) {
      try {
        await afterEach();
        await after();
      } catch {
        // The first error is the one reported.
      }
      if (isTestFailureError(err)) {
        if (err.failureType === kTestTimeoutFailure) {
          this.cancel(err);
        } else {
          this.fail(err);
        }
      } else {
        this.fail(runnerFailure(err, kTestCodeFailure));
      }
    } finally {
      stopPromise?.dispose();
    }
    if (this.parent !== null) this.abortController.abort();
    this.postRun();
  }

  /* Ends the test: cancels subtests still pending or running, fails it if
   * a subtest failed, reports what can be reported and starts queued
   * siblings. */
  postRun(pendingSubtestsError) {
    if (this.finished) return;
    this.endTime ??= hrtimeMs();
    this.startTime ??= this.endTime;

    const pending = this.pendingSubtests;
    this.pendingSubtests = [];
    let failed = 0;
    for (let i = 0; i < this.subtests.length; i++) {
      const subtest = this.subtests[i];
      if (!subtest.finished) {
        subtest.cancel(pendingSubtestsError);
        subtest.postRun(pendingSubtestsError);
      }
      if (!subtest.passed && !subtest.isTodo) failed++;
    }
    for (let i = 0; i < pending.length; i++) pending[i].resolve();

    if (this.passed && failed > 0 && this.parent !== null) {
      const word = failed > 1 ? 'subtests' : 'subtest';
      this.passed = false;
      this.error = runnerFailure(`${failed} ${word} failed`,
                                        kSubtestsFailed);
    }
    this.outerSignal?.removeEventListener('abort', this.onOuterAbort);
    require('internal/test_runner/mock').resetMock?.(this);
    this.finished = true;

    if (this.parent !== null) {
      this.parent.activeSubtests--;
      this.root.flushReports();
      this.parent.processPendingSubtests();
      this.root.harness?.onTestFinished?.(this);
    }
  }

  processPendingSubtests() {
    while (this.pendingSubtests.length > 0 && this.hasConcurrency()) {
      const deferred = ArrayPrototypeShift(this.pendingSubtests);
      const test = deferred.test;
      this.reporter.dequeue(test.nesting, test.loc, test.name);
      PromisePrototypeThen(test.run(), deferred.resolve);
    }
  }

  /* Whether something in this subtree can be reported now. */
  hasReportable() {
    if (this.finished) return true;
    const next = this.subtests[this.#reportedSubtestCount];
    return next !== undefined && next.hasReportable();
  }

  /* Reports, in definition order, every subtest that is ready; the test
   * itself must already have been announced (test:start). */
  flushSubtests() {
    while (this.#reportedSubtestCount < this.subtests.length) {
      const subtest = this.subtests[this.#reportedSubtestCount];
      if (!subtest.hasReportable()) return;
      subtest.reportStarted();
      subtest.flushSubtests();
      if (!subtest.finished ||
          subtest.#reportedSubtestCount < subtest.subtests.length) return;
      subtest.report();
      this.#reportedSubtestCount++;
    }
  }

  reportStarted() {
    if (this.reportedStart) return;
    this.reportedStart = true;
    this.reporter.start(this.nesting, this.loc, this.name);
  }

  /* Reports the end of this test: its plan, result and diagnostics. */
  report() {
    if (this.reportedEnd) return;
    this.reportedEnd = true;
    countCompletedTest(this, this.root.counters);
    if (this.subtests.length > 0) {
      this.reporter.plan(this.subtests[0].nesting, this.loc,
                         this.subtests.length);
    }
    let directive;
    const details = { __proto__: null, duration_ms: this.duration() };
    if (this.reportedType === 'suite') details.type = 'suite';
    if (this.skipped) {
      directive = this.reporter.getSkip(this.message ?? undefined);
    } else if (this.isTodo) {
      directive = this.reporter.getTodo(this.message ?? undefined);
    }
    if (this.passed) {
      this.reporter.ok(this.nesting, this.loc, this.testNumber, this.name,
                       details, directive);
    } else {
      details.error = this.error;
      this.reporter.fail(this.nesting, this.loc, this.testNumber, this.name,
                         details, directive);
    }
    for (let i = 0; i < this.diagnostics.length; i++) {
      this.reporter.diagnostic(this.nesting, this.loc, this.diagnostics[i]);
    }
  }

  duration() {
    const ns = this.endTime - this.startTime;
    return ns > 0n ? Number(ns) / 1e6 : 0;
  }
}

/* before/after/beforeEach/afterEach functions, run like tests. */
class TestHook extends Test {
  #args;

  constructor(fn, options) {
    if (options === null || typeof options !== 'object') {
      options = { __proto__: null };
    }
    const { loc, timeout, signal } = options;
    super({ __proto__: null, fn, loc, timeout, signal, name: fn?.name });
    this.parent = null;
  }

  get isHook() {
    return true;
  }

  /* Runs the hook with the arguments of the test it belongs to. */
  run(args, ctx) {
    return this.runWith(args, ctx);
  }

  async runWith(args, ctx) {
    this.#args = args;
    const fn = this.fn;
    const aborted = () => {
      if (this.outerSignal?.aborted) {
        throw this.outerSignal.reason ?? new AbortError();
      }
    };
    aborted();
    const stop = stopTest(this.timeout, this.signal);
    try {
      if (fn.length === 2) {
        await SafePromiseRace([new Promise((resolve, reject) => {
          ReflectApply(fn, ctx, [ctx, (err) => (err ? reject(err) :
            resolve())]);
        }), stop]);
      } else {
        await SafePromiseRace([PromiseResolve(ReflectApply(fn, ctx, [ctx])),
                               stop]);
      }
    } finally {
      stop.dispose();
    }
    aborted();
  }

  getRunArgs() {
    return this.#args;
  }
}

/* describe(): its function runs at once to declare the subtests, which
 * then run in order (or concurrently with `concurrency`). */
class Suite extends Test {
  static runsUnmatched = true;

  constructor(options) {
    super(options);
    this.reportedType = 'suite';
    this.runOnlySubtests = config().testOnlyFlag;
    const ctx = new SuiteContext(this);
    try {
      const result = ReflectApply(this.runInAsyncScope, this,
                                  [this.fn, ctx, ctx]);
      this.buildSuite = PromisePrototypeThen(PromiseResolve(result),
                                             undefined, (err) => {
                                               this.fail(runnerFailure(
                                                 err, kTestCodeFailure));
                                             });
    } catch (err) {
      this.fail(runnerFailure(err, kTestCodeFailure));
      this.buildSuite = PromiseResolve();
    }
    this.fn = noop;
    PromisePrototypeThen(this.buildSuite, () => {
      this.buildPhaseFinished = true;
    });
  }

  acceptsSubtests() {
    return !this.buildPhaseFinished && !this.finished;
  }

  getRunArgs() {
    const ctx = new SuiteContext(this);
    return { __proto__: null, ctx, args: [ctx] };
  }

  async run() {
    if (this.parent !== null) this.parent.activeSubtests++;
    await this.buildSuite;
    this.startTime = hrtimeMs();
    if (this.shouldAbort()) {
      if (this.outerSignal?.aborted) this.onOuterAbort();
      this.subtests = [];
      this.postRun();
      return;
    }
    const hookArgs = this.getRunArgs();
    const after = runOnce(() => this.runHook('after', hookArgs));
    let stopPromise;
    try {
      const before = this.runParentBefore();
      if (before !== null) await before;
      stopPromise = stopTest(this.timeout, this.signal);
      if (!this.skipped && this.error === null) {
        await this.runHook('before', hookArgs);
        this.beforePromise = PromiseResolve();
      }
      const subtests = this.skipped || this.error !== null ? [] :
        this.subtests;
      const promises = [];
      for (let i = 0; i < subtests.length; i++) {
        ArrayPrototypePush(promises, subtests[i].start());
      }
      const all = Promise.all(promises);
      await SafePromiseRace([all, stopPromise]);
      await after();
      this.pass();
    } catch (err) {
      try {
        await after();
      } catch {
        // The first error is the one reported.
      }
      if (isTestFailureError(err)) {
        if (err.failureType === kTestTimeoutFailure) this.cancel(err);
        else this.fail(err);
      } else {
        this.fail(runnerFailure(err, kTestCodeFailure));
      }
    } finally {
      stopPromise?.dispose();
    }
    this.postRun();
  }
}

function runOnce(fn) {
  let value;
  let ran = false;
  return function(...args) {
    if (ran) return value;
    ran = true;
    value = ReflectApply(fn, this, args);
    return value;
  };
}

/* Makes a root test with its own counters and report stream. */
function createRoot(options) {
  const root = new Test({ __proto__: null, name: '<root>', ...options });
  root.counters = createCounters();
  root.flushReports = function flushReports() {
    this.flushSubtests();
  };
  ObjectSeal(root.counters);
  return root;
}

module.exports = {
  createRoot,
  runnerFailure,
  stopTest,
  kAborted,
  kCancelledByParent,
  kHookFailure,
  kSubtestsFailed,
  kTestCodeFailure,
  kTestTimeoutFailure,
  kUnwrapErrors,
  Suite,
  Test,
  TestContext,
  TestHook,
  validateObject,
};
