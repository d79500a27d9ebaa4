'use strict';
/* harness.js (test_runner) - node:test's tests and suites: the Test and
 * Suite classes, their context (t.test, hooks, skip/todo, diagnostics,
 * signal), running in order with timeouts, and the TAP report with the
 * summary and exit code 1 on failure. */

const {
  ArrayPrototypePush,
  ArrayPrototypeShift,
  FunctionPrototypeCall,
  MathMax,
  Promise,
  PromiseResolve,
  SafePromiseRace,
  StringPrototypeReplace,
  StringPrototypeSplit,
} = primordials;

const { hrtime } = process;
const {
  codes: { ERR_TEST_FAILURE, ERR_INVALID_ARG_TYPE },
} = require('internal/errors');

let inspect;
function lazyInspect(value) {
  inspect ??= require('internal/util/inspect').inspect;
  return inspect(value, { colors: false, breakLength: Infinity });
}

const kDefaultTimeout = Infinity;

/* Output, synchronous so nothing is lost at exit. */
function out(line) {
  process.stdout.write(line + '\n');
}

function indent(nesting) {
  return '    '.repeat(nesting);
}

function yamlString(s) {
  return StringPrototypeReplace(`${s}`, /\n/g, '\n');
}

const stats = {
  tests: 0, suites: 0, pass: 0, fail: 0, cancelled: 0, skipped: 0, todo: 0,
};

class TestContext {
  #test;
  constructor(test) { this.#test = test; }
  get name() { return this.#test.name; }
  get signal() { return this.#test.signal; }
  diagnostic(message) { ArrayPrototypePush(this.#test.diagnostics, message); }
  runOnly(value) { this.#test.runOnlySubtests = !!value; }
  skip(message) { this.#test.skipReason = message ?? true; }
  todo(message) { this.#test.todoReason = message ?? true; }
  test(name, options, fn) {
    return this.#test.createSubtest(Test, name, options, fn).awaitDone();
  }
  before(fn, options) { this.#test.addHook('before', fn, options); }
  after(fn, options) { this.#test.addHook('after', fn, options); }
  beforeEach(fn, options) { this.#test.addHook('beforeEach', fn, options); }
  afterEach(fn, options) { this.#test.addHook('afterEach', fn, options); }
  get mock() {
    return require('internal/test_runner/mock').getMock(this.#test);
  }
}

function normalizeArgs(name, options, fn) {
  if (typeof name === 'function') {
    fn = name;
    name = fn.name || '<anonymous>';
    options = {};
  } else if (typeof name === 'object' && name !== null) {
    fn = options;
    options = name;
    name = fn?.name || '<anonymous>';
  } else if (typeof options === 'function') {
    fn = options;
    options = {};
  }
  options ??= {};
  if (typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', 'object', options);
  }
  if (name === undefined || name === '') name = fn?.name || '<anonymous>';
  return { name: `${name}`, options, fn: fn ?? (() => {}) };
}

/* One test: runs its function (sync, promise, or done-callback style),
 * then its subtests in order, then reports. */
class Test {
  constructor(parent, name, options, fn) {
    this.parent = parent;
    this.name = name;
    this.fn = fn;
    this.nesting = parent === null ? -1 : (parent.isRoot ? 0 : parent.nesting + 1);
    this.isRoot = parent === null;
    this.subtests = [];
    this.queue = [];
    this.diagnostics = [];
    this.hooks = { before: [], after: [], beforeEach: [], afterEach: [] };
    this.skipReason = options.skip ? (options.skip === true ? true :
      `${options.skip}`) : undefined;
    this.todoReason = options.todo ? (options.todo === true ? true :
      `${options.todo}`) : undefined;
    this.only = !!options.only;
    this.timeout = options.timeout ?? parent?.timeout ?? kDefaultTimeout;
    this.error = null;
    this.passed = false;
    this.started = false;
    this.finished = false;
    this.index = 0;
    this.controller = new AbortController();
    this.signal = this.controller.signal;
    if (options.signal) {
      options.signal.addEventListener('abort', () => {
        this.controller.abort(options.signal.reason);
      });
    }
    this.done = new Promise((resolve) => { this.resolveDone = resolve; });
  }

  createSubtest(Factory, name, options, fn) {
    const args = normalizeArgs(name, options, fn);
    const test = new Factory(this, args.name, args.options, args.fn);
    test.index = this.subtests.length + 1;
    ArrayPrototypePush(this.subtests, test);
    ArrayPrototypePush(this.queue, test);
    this.schedule();
    return test;
  }

  addHook(kind, fn, options) {
    ArrayPrototypePush(this.hooks[kind], { fn, timeout: options?.timeout });
  }

  awaitDone() {
    return this.done.then(() => undefined);
  }

  /* Subtests of a running test start when their parent awaits them or
   * finishes its own function; the root starts them on the next tick. */
  schedule() {
    if (this.isRoot && !this.scheduled) {
      this.scheduled = true;
      setImmediate(() => this.drain());
    } else if (this.bodyDone) {
      this.drain();
    } else if (!this.isRoot && this.started) {
      this.drain();
    }
  }

  async drain() {
    if (this.draining) return;
    this.draining = true;
    while (this.queue.length > 0) {
      const sub = ArrayPrototypeShift(this.queue);
      await sub.run();
    }
    this.draining = false;
    if (this.isRoot) this.finishRoot();
  }

  async runHooks(kind, context) {
    for (const hook of this.hooks[kind]) {
      await FunctionPrototypeCall(hook.fn, context, context);
    }
  }

  async runEachHooks(kind, test) {
    const chain = [];
    for (let p = test.parent; p && !p.isRoot; p = p.parent) chain.unshift(p);
    if (kind === 'afterEach') chain.reverse();
    for (const p of chain) await p.runHooks(kind, new TestContext(test));
  }

  async runFn(context) {
    const fn = this.fn;
    if (fn.length >= 2) {
      /* Callback style: (t, done). */
      await new Promise((resolve, reject) => {
        const result = FunctionPrototypeCall(fn, context, context, (err) => {
          if (err) reject(err); else resolve();
        });
        if (result && typeof result.then === 'function') {
          reject(new ERR_TEST_FAILURE(
            'passed a callback but also returned a Promise',
            'callbackAndPromisePresent'));
        }
      });
    } else {
      await FunctionPrototypeCall(fn, context, context);
    }
  }

  async run() {
    this.started = true;
    out(`${indent(this.nesting)}# Subtest: ${this.name}`);
    const start = hrtime();
    const context = new TestContext(this);
    if (this.skipReason === undefined) {
      try {
        await this.runEachHooks('beforeEach', this);
        const body = this.runBody(context);
        if (this.timeout !== Infinity) {
          let timer;
          const timeout = new Promise((resolve, reject) => {
            timer = setTimeout(() => reject(new ERR_TEST_FAILURE(
              `test timed out after ${this.timeout}ms`, 'testTimeoutFailure')),
                               this.timeout);
          });
          try {
            await SafePromiseRace([body, timeout]);
          } finally {
            clearTimeout(timer);
          }
        } else {
          await body;
        }
        await this.runEachHooks('afterEach', this);
      } catch (err) {
        this.error = err;
      }
    }
    this.bodyDone = true;
    await this.drain();
    for (const sub of this.subtests) {
      if (!sub.passed && !sub.skipped && this.error === null &&
          sub.todoReason === undefined) {
        this.error = new ERR_TEST_FAILURE(
          `${this.subtests.filter((s) => !s.passed && !s.skipped &&
            s.todoReason === undefined).length} subtest failed`,
          'subtestsFailed');
      }
    }
    try {
      await this.runHooks('after', context);
    } catch (err) {
      this.error ??= err;
    }
    const [s, ns] = hrtime(start);
    this.duration = s * 1e3 + ns / 1e6;
    this.skipped = this.skipReason !== undefined;
    this.passed = this.error === null;
    this.finished = true;
    this.report();
    this.resolveDone();
  }

  async runBody(context) {
    await this.runHooks('before', context);
    await this.runFn(context);
  }

  report() {
    const pad = indent(this.nesting);
    if (this.isSuite) stats.suites++;
    else stats.tests++;
    let directive = '';
    if (this.skipReason !== undefined) {
      directive = ' # SKIP' + (this.skipReason === true ? '' :
        ` ${this.skipReason}`);
      if (!this.isSuite) stats.skipped++;
    } else if (this.todoReason !== undefined) {
      directive = ' # TODO' + (this.todoReason === true ? '' :
        ` ${this.todoReason}`);
      if (!this.isSuite) stats.todo++;
    } else if (!this.isSuite) {
      if (this.passed) stats.pass++;
      else stats.fail++;
    }
    if (this.subtests.length > 0) out(`${pad}    1..${this.subtests.length}`);
    const ok = this.passed || this.todoReason !== undefined;
    out(`${pad}${ok ? 'ok' : 'not ok'} ${this.index} - ${this.name}` +
        directive);
    out(`${pad}  ---`);
    out(`${pad}  duration_ms: ${this.duration}`);
    if (this.isSuite) out(`${pad}  type: 'suite'`);
    if (this.error !== null) {
      const err = this.error;
      out(`${pad}  failureType: '${err.failureType ?? 'testCodeFailure'}'`);
      const message = err?.message ?? lazyInspect(err);
      out(`${pad}  error: |-`);
      for (const line of StringPrototypeSplit(yamlString(message), '\n'))
        out(`${pad}    ${line}`);
      if (err?.code) out(`${pad}  code: '${err.code}'`);
      if (typeof err?.stack === 'string') {
        out(`${pad}  stack: |-`);
        for (const line of StringPrototypeSplit(err.stack, '\n').slice(1))
          out(`${pad}    ${line.trim()}`);
      }
      if (!this.isSuite && this.todoReason === undefined) process.exitCode = 1;
    }
    out(`${pad}  ...`);
    for (const d of this.diagnostics) out(`${pad}# ${d}`);
  }

  finishRoot() {
    if (this.rootReported) return;
    this.rootReported = true;
    out(`1..${this.subtests.length}`);
    out(`# tests ${stats.tests}`);
    out(`# suites ${stats.suites}`);
    out(`# pass ${stats.pass}`);
    out(`# fail ${stats.fail}`);
    out(`# cancelled ${stats.cancelled}`);
    out(`# skipped ${stats.skipped}`);
    out(`# todo ${stats.todo}`);
    const [s, ns] = hrtime(rootStart);
    out(`# duration_ms ${s * 1e3 + ns / 1e6}`);
    if (stats.fail > 0) process.exitCode = 1;
  }
}

/* describe(): its function runs at once to declare its tests. */
class Suite extends Test {
  constructor(parent, name, options, fn) {
    super(parent, name, options, fn);
    this.isSuite = true;
    this.declared = false;
  }

  async runFn(context) {
    /* Already declared in the constructor path (declare()). */
    void context;
  }

  declare() {
    try {
      const result = FunctionPrototypeCall(this.fn, new TestContext(this),
                                           new TestContext(this));
      if (result && typeof result.then === 'function') {
        this.declaration = PromiseResolve(result).catch((err) => {
          this.error = err;
        });
      }
    } catch (err) {
      this.error = err;
    }
  }

  async run() {
    await this.declaration;
    return super.run();
  }
}

let root;
let rootStart;
let currentSuite = null;

function getRoot() {
  if (root === undefined) {
    rootStart = hrtime();
    out('TAP version 13');
    root = new Test(null, '<root>', {}, () => {});
    root.started = true;
    process.on('exit', () => {
      if (!root.rootReported) {
        /* Tests that never finished (an unsettled promise). */
        for (const t of root.subtests) {
          if (!t.finished) {
            stats.cancelled++;
            process.exitCode = 1;
          }
        }
        root.finishRoot();
      }
    });
  }
  return root;
}

function parentForNew() {
  return currentSuite ?? getRoot();
}

/* test([name][, options][, fn]) -> Promise */
function test(name, options, fn) {
  const parent = parentForNew();
  const t = parent.createSubtest(Test, name, options, fn);
  return t.awaitDone();
}

function describe(name, options, fn) {
  const parent = parentForNew();
  const args = normalizeArgs(name, options, fn);
  const suite = new Suite(parent, args.name, args.options, args.fn);
  suite.index = parent.subtests.length + 1;
  ArrayPrototypePush(parent.subtests, suite);
  const previous = currentSuite;
  currentSuite = suite;
  try {
    suite.declare();
  } finally {
    currentSuite = previous;
  }
  ArrayPrototypePush(parent.queue, suite);
  parent.schedule();
  return suite.awaitDone();
}

function it(name, options, fn) {
  return test(name, options, fn);
}

function hook(kind) {
  return (fn, options) => parentForNew().addHook(kind, fn, options);
}

function withVariants(fn) {
  fn.skip = (name, options, f) => {
    const a = normalizeArgs(name, options, f);
    return fn(a.name, { ...a.options, skip: true }, a.fn);
  };
  fn.todo = (name, options, f) => {
    const a = normalizeArgs(name, options, f);
    return fn(a.name, { ...a.options, todo: true }, a.fn);
  };
  fn.only = (name, options, f) => {
    const a = normalizeArgs(name, options, f);
    return fn(a.name, { ...a.options, only: true }, a.fn);
  };
  return fn;
}

void MathMax;

module.exports = {
  test: withVariants(test),
  describe: withVariants(describe),
  it: withVariants(it),
  before: hook('before'),
  after: hook('after'),
  beforeEach: hook('beforeEach'),
  afterEach: hook('afterEach'),
  TestContext,
};
