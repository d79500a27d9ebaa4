'use strict';
/* spec.js (test_runner reporter) - the spec reporter: one line per test
 * with symbols and durations, parents shown with an arrow, errors
 * inspected, and the failing tests listed again at the end. */

const {
  ArrayPrototypeJoin,
  ArrayPrototypePop,
  ArrayPrototypePush,
  ArrayPrototypeShift,
  ArrayPrototypeUnshift,
  ObjectSetPrototypeOf,
  ReflectApply,
  RegExpPrototypeSymbolSplit,
  StringPrototypeRepeat,
} = primordials;

const { relative } = require('path');
const Transform = require('internal/streams/transform');
const { inspectWithNoCustomRetry } = require('internal/errors');
const {
  coverageTable,
  getColors,
  symbols,
} = require('internal/test_runner/reporter/utils');

/* new SpecReporter() or SpecReporter(): a Transform from test events to
 * text. */
function SpecReporter() {
  if (!new.target) return new SpecReporter();
  ReflectApply(Transform, this, [{ __proto__: null,
                                   writableObjectMode: true }]);
  this.started = [];
  this.announced = [];
  this.failed = [];
  this.cwd = process.cwd();
  this.colors = getColors();
  this.inspectOptions = { __proto__: null, colors: !!this.colors.red,
                          breakLength: Infinity };
}
ObjectSetPrototypeOf(SpecReporter.prototype, Transform.prototype);
ObjectSetPrototypeOf(SpecReporter, Transform);

function pad(nesting) {
  return StringPrototypeRepeat('  ', nesting);
}

SpecReporter.prototype.formatError = function formatError(error, indent) {
  if (!error || error.failureType === 'subtestsFailed') return '';
  const err = error.code === 'ERR_TEST_FAILURE' ? error.cause : error;
  const text = inspectWithNoCustomRetry(err, this.inspectOptions);
  const lines = RegExpPrototypeSymbolSplit(/\r?\n/, text);
  return `\n${indent}  ${ArrayPrototypeJoin(lines, `\n${indent}  `)}\n`;
};

SpecReporter.prototype.formatReport = function formatReport(
  type, data, prefix = '', indent = '', hasChildren = false) {
  const c = this.colors;
  let color = type === 'test:fail' ? c.red : c.green;
  let symbol = symbols[type];
  const ms = data.details?.duration_ms;
  let title = `${data.name}${ms ? ` ${c.gray}(${ms}ms)${c.white}` : ''}`;
  const { skip, todo } = data;
  if (skip !== undefined) {
    title += ` # ${typeof skip === 'string' && skip.length ? skip : 'SKIP'}`;
  } else if (todo !== undefined) {
    title += ` # ${typeof todo === 'string' && todo.length ? todo : 'TODO'}`;
  }
  const error = this.formatError(data.details?.error, indent);
  if (hasChildren) {
    return `${prefix}${indent}${color}${symbols['arrow:right']}${c.white}` +
      `${title}\n${error}`;
  }
  if (skip !== undefined) {
    color = c.gray;
    symbol = symbols['hyphen:minus'];
  }
  return `${prefix}${indent}${color}${symbol}${title}${c.white}${error}`;
};

SpecReporter.prototype.reportTest = function reportTest(type, data) {
  ArrayPrototypeShift(this.started);
  let prefix = '';
  while (this.started.length > 0) {
    const parent = ArrayPrototypePop(this.started);
    ArrayPrototypeUnshift(this.announced, parent);
    prefix += `${pad(parent.nesting)}${symbols['arrow:right']}` +
      `${parent.name}\n`;
  }
  let hasChildren = false;
  const first = this.announced[0];
  if (first !== undefined && first.nesting === data.nesting &&
      first.name === data.name) {
    ArrayPrototypeShift(this.announced);
    hasChildren = true;
  }
  return `${this.formatReport(type, data, prefix, pad(data.nesting),
                              hasChildren)}\n`;
};

SpecReporter.prototype.handle = function handle(type, data) {
  switch (type) {
    case 'test:fail':
      if (data.details?.error?.failureType !== 'subtestsFailed') {
        ArrayPrototypePush(this.failed, data);
      }
      return this.reportTest(type, data);
    case 'test:pass':
      return this.reportTest(type, data);
    case 'test:start':
      ArrayPrototypeUnshift(this.started, data);
      return '';
    case 'test:stderr':
    case 'test:stdout':
      return `${data.message}`;
    case 'test:diagnostic':
      return `${this.colors.blue}${pad(data.nesting)}` +
        `${symbols['test:diagnostic']}${data.message}${this.colors.white}\n`;
    case 'test:coverage':
      return coverageTable(pad(data.nesting), data.summary,
                           symbols['test:coverage'], this.colors.blue);
  }
  return '';
};

SpecReporter.prototype._transform = function(event, encoding, callback) {
  const out = this.handle(event.type, event.data);
  callback(null, out === '' ? undefined : out);
};

SpecReporter.prototype._flush = function(callback) {
  if (this.failed.length === 0) {
    callback();
    return;
  }
  const c = this.colors;
  const parts = [`\n${c.red}${symbols['test:fail']}failing tests:${c.white}\n`];
  for (let i = 0; i < this.failed.length; i++) {
    const test = this.failed[i];
    const file = test.file !== undefined ? relative(this.cwd, test.file) :
      undefined;
    ArrayPrototypePush(parts, `test at ${file}:${test.line}:${test.column}`,
                       this.formatReport('test:fail', test));
  }
  callback(null, ArrayPrototypeJoin(parts, '\n'));
};

module.exports = SpecReporter;
