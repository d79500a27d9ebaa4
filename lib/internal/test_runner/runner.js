'use strict';
/* runner.js (test_runner) - run() and `node --test`: finds test files,
 * runs each in a child process (NODE_TEST_CONTEXT=child), turns the
 * child's event protocol back into events of one TestsStream, and reports
 * a file as a test of its own when it failed or had no tests. */

const {
  ArrayIsArray,
  ArrayPrototypeFilter,
  ArrayPrototypeIncludes,
  ArrayPrototypePush,
  ArrayPrototypeSort,
  Number,
  ObjectAssign,
  Promise,
  PromisePrototypeThen,
  SafePromiseAllReturnVoid,
  SafePromiseRace,
} = primordials;

const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
  },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateArray,
  validateBoolean,
  validateFunction,
  validateInteger,
  validateNumber,
  validateObject,
} = require('internal/validators');
const { createRoot, runnerFailure, stopTest, Test, kTestCodeFailure } =
  require('internal/test_runner/test');
const { TestsStream } = require('internal/test_runner/tests_stream');
const { ChildOutputParser } = require('internal/test_runner/child_protocol');
const { finishRoot } = require('internal/test_runner/harness');
const {
  doesPathMatchFilter,
  isSupportedFileType,
} = require('internal/test_runner/utils');

const kCancelledTypes = ['cancelledByParent', 'testTimeoutFailure',
                         'testAborted'];
/* Options of the parent that a child must not get. */
const kRunnerOnlyFlags = ['--test', '--test-reporter',
                          '--test-reporter-destination', '--test-concurrency',
                          '--test-shard', '--watch', '--watch-path',
                          '--experimental-test-coverage', '--test-only',
                          '--test-name-pattern'];

/* The test files under the paths given (or the current directory), as
 * Node's test runner finds them. Exits with "Could not find" when a given
 * path does not exist. */
function createTestFileList(paths) {
  const cwd = process.cwd();
  const hasUserSuppliedPaths = paths.length > 0;
  const testPaths = hasUserSuppliedPaths ? paths : [cwd];
  const found = new Set();

  function processPath(p, testFiles, options) {
    const absolute = path.resolve(cwd, p);
    if (testFiles.has(absolute)) return;
    let stat;
    try {
      stat = fs.statSync(absolute);
    } catch (err) {
      if (err?.code === 'ENOENT') {
        process.stderr.write(`Could not find '${err.path ?? absolute}'\n`);
        process.exit(1);
      }
      throw err;
    }
    if (!stat.isDirectory()) {
      if (options.userSupplied ||
          (options.underTestDir && isSupportedFileType(absolute)) ||
          doesPathMatchFilter(absolute)) {
        testFiles.add(absolute);
      }
      return;
    }
    const entries = fs.readdirSync(absolute);
    if (path.basename(absolute) === 'test' && !options.underTestDir) {
      options = { ...options, underTestDir: true };
    }
    options = { ...options, userSupplied: false };
    ArrayPrototypeSort(entries);
    for (const entry of entries) {
      if (entry === 'node_modules') continue;
      processPath(path.join(absolute, entry), testFiles, options);
    }
  }

  for (const p of testPaths) {
    processPath(p, found, { __proto__: null, userSupplied:
                            hasUserSuppliedPaths, underTestDir: false });
  }
  return ArrayPrototypeSort([...found]);
}

function filterExecArgv(args) {
  const out = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    const name = arg.split('=')[0];
    if (ArrayPrototypeIncludes(kRunnerOnlyFlags, name)) {
      if (!arg.includes('=') && name !== '--test' &&
          name !== '--test-only' && name !== '--experimental-test-coverage' &&
          name !== '--watch' && i + 1 < args.length) {
        i++;
      }
      continue;
    }
    ArrayPrototypePush(out, arg);
  }
  return out;
}

/* One test file, run in a child process. */
class FileTest extends Test {
  #buffer = [];
  #live = false;
  #reportedTests = 0;
  #failedTests = 0;
  #child = null;

  constructor(options) {
    super(options);
    /* Name patterns and --test-only select tests inside the file. */
    this.skipped = false;
    this.message = null;
    this.filePath = options.filePath;
    this.childArgs = options.childArgs;
  }

  hasReportable() {
    return this.finished || this.#buffer.length > 0;
  }

  reportStarted() {
    // A file is announced only when reported as a test of its own.
  }

  flushSubtests() {
    this.#live = true;
    const buffer = this.#buffer;
    this.#buffer = [];
    for (let i = 0; i < buffer.length; i++) {
      this.#forward(buffer[i].type, buffer[i].data);
    }
  }

  #onEvent(type, data) {
    if (this.#live) {
      this.#forward(type, data);
    } else {
      ArrayPrototypePush(this.#buffer, { __proto__: null, type, data });
      this.root.flushReports();
    }
  }

  #forward(type, data) {
    const root = this.root;
    if ((type === 'test:pass' || type === 'test:fail') && data.nesting === 0) {
      data.testNumber = ++root.topLevelCount;
      this.#reportedTests++;
      if (type === 'test:fail') this.#failedTests++;
    }
    if (type === 'test:plan' && data.nesting === 0) return;
    if (type === 'test:pass' || type === 'test:fail') {
      countEvent(type, data, root.counters);
    }
    this.reporter.forward(type, data);
  }

  async run() {
    this.parent.activeSubtests++;
    this.startTime = process.hrtime.bigint();
    if (this.shouldAbort()) {
      if (this.outerSignal?.aborted) this.onOuterAbort();
      this.postRun();
      return;
    }
    const loc = { __proto__: null, file: this.loc.file };
    const child = spawn(process.execPath, this.childArgs, {
      __proto__: null,
      env: { __proto__: null, ...process.env, NODE_TEST_CONTEXT: 'child' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.#child = child;
    child.stdin.end();
    const parser = new ChildOutputParser(
      (type, data) => this.#onEvent(type, data),
      (text) => this.#onEvent('test:stdout', ObjectAssign(
        { __proto__: null }, loc, { message: text })));
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => parser.push(chunk));
    let stderrPending = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      stderrPending += chunk;
      let nl;
      while ((nl = stderrPending.indexOf('\n')) !== -1) {
        const line = stderrPending.slice(0, nl + 1);
        stderrPending = stderrPending.slice(nl + 1);
        this.#onEvent('test:stderr', ObjectAssign({ __proto__: null }, loc,
                                                  { message: line }));
      }
    });
    const exited = new Promise((resolve) => {
      let code;
      let signal;
      let pending = 3;
      const done = () => {
        if (--pending === 0) resolve({ __proto__: null, code, signal });
      };
      child.on('exit', (c, s) => {
        code = c;
        signal = s;
        done();
      });
      child.on('error', (err) => {
        code = 1;
        signal = null;
        this.#onEvent('test:stderr', ObjectAssign(
          { __proto__: null }, loc, { message: `${err}\n` }));
        pending = 1;
        done();
      });
      child.stdout.on('close', done);
      child.stderr.on('close', done);
    });

    const stop = stopTest(this.timeout, this.signal, true);
    let result;
    try {
      result = await SafePromiseRace([exited, stop]);
    } catch (err) {
      child.kill();
      await exited;
      parser.end();
      this.cancel(err);
      stop.dispose();
      this.postRun();
      return;
    }
    stop.dispose();
    if (result === undefined) {
      // Aborted: stop the child.
      child.kill();
      await exited;
      parser.end();
      this.postRun();
      return;
    }
    parser.end();
    if (stderrPending.length > 0) {
      this.#onEvent('test:stderr', ObjectAssign({ __proto__: null }, loc,
                                                { message: stderrPending }));
    }
    if (result.code === 0 && result.signal === null) {
      this.pass();
    } else {
      const err = runnerFailure('test failed', kTestCodeFailure);
      err.exitCode = result.code;
      err.signal = result.signal;
      this.fail(err);
    }
    this.postRun();
  }

  /* Reported only when it failed or produced no test. */
  report() {
    if (this.reportedEnd) return;
    if (this.#reportedTests > 0 && (this.passed || this.#failedTests > 0)) {
      this.reportedEnd = true;
      return;
    }
    this.reporter.start(this.nesting, this.loc, this.name);
    this.root.topLevelCount++;
    super.report();
  }

  killChild() {
    this.#child?.kill();
  }
}

/* Counts a child's reported test into the parent's summary. */
function countEvent(type, data, counters) {
  if (data.details?.type === 'suite') {
    counters.suites++;
    return;
  }
  counters.all++;
  if (data.skip !== undefined) {
    counters.skipped++;
  } else if (data.todo !== undefined) {
    counters.todo++;
  } else if (type === 'test:pass') {
    counters.passed++;
  } else if (ArrayPrototypeIncludes(kCancelledTypes,
                                    data.details?.error?.failureType)) {
    counters.cancelled++;
  } else {
    counters.failed++;
  }
}

function validateRunOptions(options) {
  validateObject(options, 'options');
  const { concurrency, files, shard, signal, timeout, watch, setup,
          testNamePatterns, only } = options;
  if (files !== undefined) validateArray(files, 'options.files');
  if (files !== undefined) {
    for (let i = 0; i < files.length; i++) {
      if (typeof files[i] !== 'string') {
        throw new ERR_INVALID_ARG_TYPE(`options.files[${i}]`, 'string',
                                       files[i]);
      }
    }
  }
  if (watch !== undefined) validateBoolean(watch, 'options.watch');
  if (only !== undefined) validateBoolean(only, 'options.only');
  if (shard != null) {
    validateObject(shard, 'options.shard');
    if (watch) {
      throw new ERR_INVALID_ARG_VALUE('options.shard', watch,
                                      'shards not supported with watch mode');
    }
    validateInteger(shard.total, 'options.shard.total', 1);
    validateInteger(shard.index, 'options.shard.index');
    if (shard.index < 1 || shard.index > shard.total) {
      throw new ERR_OUT_OF_RANGE(
        'options.shard.index',
        `>= 1 && <= ${shard.total} ("options.shard.total")`, shard.index);
    }
  }
  if (setup != null) validateFunction(setup, 'options.setup');
  if (signal !== undefined) validateAbortSignal(signal, 'options.signal');
  if (timeout != null && timeout !== Infinity) {
    validateNumber(timeout, 'options.timeout', 0, 2 ** 31 - 1);
  }
  if (concurrency !== undefined && typeof concurrency !== 'boolean') {
    validateInteger(concurrency, 'options.concurrency', 1);
  }
  if (testNamePatterns != null) {
    const list = ArrayIsArray(testNamePatterns) ? testNamePatterns :
      [testNamePatterns];
    for (let i = 0; i < list.length; i++) {
      const p = list[i];
      if (typeof p !== 'string' && !(p instanceof RegExp)) {
        throw new ERR_INVALID_ARG_TYPE(`options.testNamePatterns[${i}]`,
                                       ['string', 'RegExp'], p);
      }
    }
  }
}

/* run(options) -> TestsStream: runs test files in child processes. */
function run(options = { __proto__: null }) {
  validateRunOptions(options);
  const { concurrency, inspectPort, setup, shard, signal, timeout, watch,
          only } = options;
  void inspectPort;
  let files = options.files;
  if (files === undefined) files = createTestFileList([]);
  if (shard != null) {
    files = ArrayPrototypeFilter(files, (_, i) => i % shard.total ===
                                 shard.index - 1);
  }

  let fileConcurrency = 1;
  if (concurrency === true) {
    fileConcurrency = Math.max(require('os').availableParallelism() - 1, 1);
  } else if (typeof concurrency === 'number') {
    fileConcurrency = concurrency;
  }

  const childArgs = filterExecArgv(process.execArgv);
  if (only) ArrayPrototypePush(childArgs, '--test-only');
  if (options.testNamePatterns != null) {
    const list = ArrayIsArray(options.testNamePatterns) ?
      options.testNamePatterns : [options.testNamePatterns];
    for (const p of list) {
      ArrayPrototypePush(childArgs, `--test-name-pattern=${
        p instanceof RegExp ? `${p}` : p}`);
    }
  }

  const reporter = new TestsStream();
  const root = createRoot({ __proto__: null, reporter, timeout, signal,
                            concurrency: fileConcurrency });
  root.topLevelCount = 0;
  root.startTime = process.hrtime.bigint();
  root.harness = { __proto__: null };
  if (setup != null) setup(reporter);

  const startFile = (file) => {
    const test = root.createSubtest(FileTest, file, {
      __proto__: null,
      filePath: path.resolve(file),
      childArgs: [...childArgs, file],
      loc: { __proto__: null, line: 1, column: 1,
             file: path.resolve(file) },
    });
    return test.start();
  };

  const runAll = async () => {
    await SafePromiseAllReturnVoid(files, startFile);
    if (watch) {
      await watchFiles(files, root, startFile, reporter, signal);
    }
    root.endTime = process.hrtime.bigint();
    const ok = finishRoot(root);
    reporter.emit('nodus:finished', ok);
  };
  const killAll = () => {
    for (const t of root.subtests) t.killChild?.();
  };
  signal?.addEventListener('abort', killAll, { once: true });
  reporter.killAll = killAll;
  PromisePrototypeThen(runAll(), undefined, (err) => {
    process.nextTick(() => { throw err; });
  });
  return reporter;
}

/* Watch mode: reruns a file when it changes, until `signal` aborts. */
async function watchFiles(files, root, startFile, reporter, signal) {
  reporter.watchDrained();
  if (signal?.aborted) return;
  const watchers = [];
  await new Promise((resolve) => {
    let running = 0;
    for (const file of files) {
      try {
        const w = fs.watch(file, () => {
          running++;
          PromisePrototypeThen(startFile(file), () => {
            if (--running === 0) reporter.watchDrained();
          });
        });
        ArrayPrototypePush(watchers, w);
      } catch {
        // A file that cannot be watched is not rerun.
      }
    }
    if (signal === undefined) return;
    signal.addEventListener('abort', resolve, { once: true });
  });
  for (const w of watchers) w.close();
}

module.exports = { createTestFileList, filterExecArgv, run };
