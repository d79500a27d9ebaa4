'use strict';
/* reporters.js (test_runner) - connects a run's TestsStream to its
 * reporters (--test-reporter / --test-reporter-destination, TAP or spec by
 * default, the event protocol in a child of `node --test`). */

const {
  ArrayPrototypePush,
  ObjectGetOwnPropertyDescriptor,
  SafePromiseAllReturnVoid,
} = primordials;

const {
  codes: { ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const {
  defaultReporter,
  loadReporter,
} = require('internal/test_runner/utils');

function destinationStream(name) {
  if (name === 'stdout') return process.stdout;
  if (name === 'stderr') return process.stderr;
  const fs = require('fs');
  return fs.createWriteStream(name);
}

/* A readable of the reporter's output for the events of `source`. */
function applyReporter(source, reporter, name) {
  if (reporter?.prototype !== undefined &&
      ObjectGetOwnPropertyDescriptor(reporter.prototype, 'constructor')) {
    reporter = new reporter();
  }
  if (!reporter) {
    throw new ERR_INVALID_ARG_VALUE('Reporter', name,
                                    'is not a valid reporter');
  }
  const { compose } = require('stream');
  return compose(source, reporter);
}

/* Pipes `stream` (a TestsStream) through every configured reporter to
 * its destination. Returns a promise settled when all are set up; a
 * reporter that cannot be loaded rejects it. */
async function setupReporters(stream, cfg) {
  let names = cfg.reporters;
  let destinations = cfg.destinations;
  if (cfg.isChildProcess) {
    names = [];
    destinations = [];
    const { childReporter } = require('internal/test_runner/child_protocol');
    connect(stream, [{ reporter: childReporter, name: 'child',
                       destination: process.stdout }]);
    return;
  }
  if (names.length === 0) names = [defaultReporter()];
  if (destinations.length === 0) destinations = ['stdout'];
  const entries = [];
  const loads = [];
  for (let i = 0; i < names.length; i++) {
    const entry = { reporter: null, name: names[i],
                    destination: destinations[i] };
    ArrayPrototypePush(entries, entry);
    ArrayPrototypePush(loads, (async () => {
      entry.reporter = await loadReporter(names[i]);
    })());
  }
  await SafePromiseAllReturnVoid(loads);
  for (const entry of entries) {
    entry.destination = destinationStream(entry.destination);
  }
  connect(stream, entries);
}

/* Copies every event of `stream` to one PassThrough per reporter. */
function connect(stream, entries) {
  const { PassThrough } = require('stream');
  const outputs = [];
  for (const entry of entries) {
    const source = new PassThrough({ __proto__: null, objectMode: true });
    const output = applyReporter(source, entry.reporter, entry.name);
    output.pipe(entry.destination);
    ArrayPrototypePush(outputs, source);
  }
  stream.on('data', (event) => {
    for (let i = 0; i < outputs.length; i++) outputs[i].write(event);
  });
  stream.on('end', () => {
    for (let i = 0; i < outputs.length; i++) outputs[i].end();
  });
}

module.exports = { setupReporters };
