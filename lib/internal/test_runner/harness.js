'use strict';
/* harness.js (test_runner) - the in-process root of node:test: test(),
 * describe(), it() and the global hooks; the process handlers that give
 * uncaught errors to the test that caused them; the summary at the end
 * and exit code 1 when a test failed. */

const {
  ArrayPrototypePush,
  PromiseResolve,
  SafeWeakMap,
} = primordials;

const {
  createHook,
  executionAsyncResource,
} = require('async_hooks');
const {
  codes: { ERR_TEST_FAILURE },
} = require('internal/errors');
const {
  createRoot,
  kCancelledByParent,
  Suite,
  Test,
} = require('internal/test_runner/test');
const { TestsStream } = require('internal/test_runner/tests_stream');
const {
  getCallerLocation,
  parseCommandLine,
} = require('internal/test_runner/utils');

const testOwners = new SafeWeakMap();
let ownerHook;

function ownerOf(resource) {
  if (resource instanceof Test) return resource;
  return resource == null ? undefined : testOwners.get(resource);
}

/* Follows async resources back to the test that created them. */
function enableOwnerTracking() {
  if (ownerHook !== undefined) return;
  ownerHook = createHook({
    __proto__: null,
    init(asyncId, type, triggerAsyncId, resource) {
      const owner = ownerOf(executionAsyncResource());
      if (owner !== undefined && resource != null &&
          (typeof resource === 'object' || typeof resource === 'function')) {
        testOwners.set(resource, owner);
      }
    },
  });
  ownerHook.enable();
}

function errorString(err) {
  try {
    return `${err}`;
  } catch {
    return require('internal/util/inspect').inspect(err);
  }
}

/* uncaughtException / unhandledRejection: the failing test gets the
 * error; after the test ended it becomes a warning. */
function createProcessEventHandler(eventName, root) {
  return (err, promise) => {
    let test = eventName === 'unhandledRejection' ? ownerOf(promise) :
      undefined;
    test ??= ownerOf(executionAsyncResource());
    if (test !== undefined && test.root !== root) test = undefined;
    /* Errors the runner caught still make the process fail. */
    process.exitCode = 1;
    if (test === undefined || test === root) {
      ArrayPrototypePush(root.diagnostics,
                         'Warning: A resource generated asynchronous ' +
                         'activity after the test ended. This activity ' +
                         `created the error "${errorString(err)}" which ` +
                         `triggered an ${eventName} event, caught by the ` +
                         'test runner.');
      return;
    }
    if (test.finished || test.endTime !== null) {
      ArrayPrototypePush(root.diagnostics,
                         `Warning: Test "${test.name}" generated ` +
                         'asynchronous activity after the test ended. This ' +
                         `activity created the error "${errorString(err)}" ` +
                         'and would have caused the test to fail, but ' +
                         `instead triggered an ${eventName} event.`);
      return;
    }
    test.fail(new ERR_TEST_FAILURE(err, eventName));
    test.abortController.abort();
  };
}

/* Ends a root: cancels what still runs, reports the plan, diagnostics and
 * summary, ends the stream; returns whether every test passed. */
function finishRoot(root, cancelError) {
  if (root.finished) return root.counters.failed === 0;
  root.endTime ??= process.hrtime.bigint();
  for (let i = 0; i < root.subtests.length; i++) {
    const subtest = root.subtests[i];
    if (!subtest.finished) {
      subtest.cancel(cancelError);
      subtest.postRun(cancelError);
    }
  }
  root.finished = true;
  root.flushSubtests();
  const reporter = root.reporter;
  const counters = root.counters;
  if (root.error !== null && root.harness?.file !== undefined) {
    /* A failing global hook: reported as a test named after the file. */
    const loc = { __proto__: null, line: 1, column: 1,
                  file: root.harness.file };
    reporter.fail(0, loc, root.subtests.length + 1, root.harness.file,
                  { __proto__: null, duration_ms: root.duration(),
                    error: root.error }, undefined);
  }
  reporter.plan(0, { __proto__: null },
                root.topLevelCount ?? root.subtests.length);
  for (let i = 0; i < root.diagnostics.length; i++) {
    reporter.diagnostic(0, { __proto__: null }, root.diagnostics[i]);
  }
  if (!root.harness?.isChild) {
    const loc = { __proto__: null };
    reporter.diagnostic(0, loc, `tests ${counters.all}`);
    reporter.diagnostic(0, loc, `suites ${counters.suites}`);
    reporter.diagnostic(0, loc, `pass ${counters.passed}`);
    reporter.diagnostic(0, loc, `fail ${counters.failed}`);
    reporter.diagnostic(0, loc, `cancelled ${counters.cancelled}`);
    reporter.diagnostic(0, loc, `skipped ${counters.skipped}`);
    reporter.diagnostic(0, loc, `todo ${counters.todo}`);
    reporter.diagnostic(0, loc, `duration_ms ${root.duration()}`);
  }
  root.harness?.onFinish?.();
  reporter.end();
  return counters.failed === 0 && counters.cancelled === 0 &&
    root.error === null;
}

let globalRoot;

function runRootAfterHooks(root) {
  if (root.afterHooksPromise !== undefined) return root.afterHooksPromise;
  const args = root.getRunArgs();
  root.afterHooksPromise = root.runHook('after', args).then(
    () => {},
    (err) => {
      root.error ??= err;
    });
  return root.afterHooksPromise;
}

function rootIdle(root) {
  return root.activeSubtests === 0 && root.pendingSubtests.length === 0;
}

/* The root of the tests of this process, made on first use: installs the
 * process handlers and the reporters. */
function getGlobalRoot() {
  if (globalRoot !== undefined) return globalRoot;
  const cfg = parseCommandLine();
  const reporter = new TestsStream();
  const harness = {
    __proto__: null,
    isChild: cfg.isChildProcess,
    file: process.argv[1],
    canCreateLate: true,
    onTestFinished(test) {
      if (test.parent === globalRoot && rootIdle(globalRoot) &&
          globalRoot.hooks.after.length > 0) {
        setImmediate(() => {
          if (rootIdle(globalRoot)) runRootAfterHooks(globalRoot);
        });
      }
    },
  };
  globalRoot = createRoot({ __proto__: null, reporter, harness });
  globalRoot.startTime = process.hrtime.bigint();
  if (cfg.coverage) {
    process.emitWarning('coverage could not be collected: code coverage ' +
                        'needs the inspector, which nodus does not have');
  }
  enableOwnerTracking();

  const onUncaught = createProcessEventHandler('uncaughtException',
                                               globalRoot);
  const onRejection = createProcessEventHandler('unhandledRejection',
                                                globalRoot);
  process.on('uncaughtException', onUncaught);
  process.on('unhandledRejection', onRejection);

  const pendingError = () => new ERR_TEST_FAILURE(
    'Promise resolution is still pending but the event loop has already ' +
    'resolved', kCancelledByParent);
  let ending = false;
  process.on('beforeExit', () => {
    if (ending) return;
    if (globalRoot.hooks.after.length > 0 &&
        globalRoot.afterHooksPromise === undefined) {
      runRootAfterHooks(globalRoot).then(() => endGlobalRoot(pendingError()));
      return;
    }
    endGlobalRoot(pendingError());
  });
  function endGlobalRoot(error) {
    if (ending) return;
    ending = true;
    const ok = finishRoot(globalRoot, error);
    if (!ok) process.exitCode = 1;
  }
  process.on('exit', () => {
    if (!ending) endGlobalRoot(pendingError());
  });

  const { setupReporters } = require('internal/test_runner/reporters');
  setupReporters(reporter, cfg);
  return globalRoot;
}

/* The test whose code is running now (it gets new tests as subtests),
 * else the global root. */
function currentParent() {
  const root = getGlobalRoot();
  const owner = ownerOf(executionAsyncResource());
  if (owner !== undefined && !owner.isHook && owner.root === root) {
    return owner;
  }
  return root;
}

/* test(), describe() or it() for tests of class Factory, with
 * .skip/.todo/.only variants. */
function runInParentContext(Factory) {
  function run(name, options, fn, overrides) {
    const parent = currentParent();
    const subtest = parent.createSubtest(Factory, name, options, fn,
                                         overrides);
    if (subtest.parent instanceof Suite) {
      /* Declared in a suite: runs when the suite runs. */
      return PromiseResolve();
    }
    return subtest.start();
  }

  const test = (name, options, fn) => {
    const overrides = { __proto__: null, loc: getCallerLocation() };
    return run(name, options, fn, overrides);
  };
  for (const keyword of ['skip', 'todo', 'only']) {
    test[keyword] = (name, options, fn) => {
      const overrides = { __proto__: null, [keyword]: true,
                          loc: getCallerLocation() };
      return run(name, options, fn, overrides);
    };
  }
  return test;
}

/* before(), after(), beforeEach() or afterEach() of the running suite or
 * test, else of the root. */
function hook(name) {
  return (fn, options) => {
    const parent = currentParent();
    const loc = getCallerLocation();
    parent.createHook(name, fn, { __proto__: null, ...options, loc });
  };
}

module.exports = {
  createProcessEventHandler,
  enableOwnerTracking,
  finishRoot,
  getGlobalRoot,
  hook,
  runInParentContext,
};
