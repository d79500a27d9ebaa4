'use strict';
/* test_runner.js (main) - `node --test [paths...]`: runs the test files
 * found there in child processes and reports them; exit code 1 when a
 * test failed. */

const { getOptionValue } = require('internal/options');
const { debuglog } = require('internal/util/debuglog');
const { parseCommandLine } = require('internal/test_runner/utils');
const { createTestFileList, run } = require('internal/test_runner/runner');
const { setupReporters } = require('internal/test_runner/reporters');

const debug = debuglog('test_runner');

/* Runs the test runner over `paths` (the command line's file operands). */
function main(paths) {
  const cfg = parseCommandLine();
  const options = {
    __proto__: null,
    concurrency: cfg.concurrency,
    shard: cfg.shard,
    only: cfg.testOnlyFlag,
    testNamePatterns: getOptionValue('--test-name-pattern'),
  };
  debug('test runner configuration:', options);
  if (options.testNamePatterns.length === 0) {
    options.testNamePatterns = undefined;
  }
  options.files = createTestFileList(paths);
  const stream = run(options);

  /* From here an uncaught error is the runner's (or a reporter's) own. */
  process.on('uncaughtException', (err) => {
    throw err;
  });
  setupReporters(stream, cfg).catch((err) => {
    process.nextTick(() => {
      throw err;
    });
  });
  stream.once('nodus:finished', (ok) => {
    if (!ok) process.exitCode = 1;
  });
  const terminate = () => {
    stream.killAll();
  };
  process.on('SIGINT', terminate);
  process.on('SIGTERM', terminate);
}

module.exports = { main };
