'use strict';
/* tap.js (test_runner reporter) - the TAP version 13 reporter: an async
 * generator turning test events into TAP lines with YAML details. */

const {
  ArrayPrototypeForEach,
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  NumberPrototypeToFixed,
  ObjectEntries,
  RegExpPrototypeSymbolReplace,
  SafeMap,
  SafeSet,
  StringPrototypeRepeat,
  StringPrototypeReplaceAll,
  StringPrototypeSplit,
} = primordials;

const { inspectWithNoCustomRetry } = require('internal/errors');
const { isError } = require('internal/util');

const kDefaultIndent = '    ';
const kInspect = { __proto__: null, colors: false };
const kFrameStartRegExp = /^ {4}at /;
const kLineBreakRegExp = /\n|\r\n/;
const kUnwrapErrors = new SafeSet(['testCodeFailure', 'hookFailed',
                                   'uncaughtException', 'unhandledRejection',
                                   'testAborted']);
const kErrorKeysHandled = new SafeSet(['cause', 'code', 'message', 'stack',
                                       'name', 'expected', 'actual',
                                       'operator', 'generatedMessage']);
const kEscapes = new SafeMap([
  ['\b', '\\b'], ['\f', '\\f'], ['\t', '\\t'], ['\n', '\\n'],
  ['\r', '\\r'], ['\v', '\\v'],
]);

/* TAP output for a stream of test events. */
async function* tapReporter(source) {
  yield 'TAP version 13\n';
  for await (const { type, data } of source) {
    switch (type) {
      case 'test:fail': {
        yield reportTest(data.nesting, data.testNumber, 'not ok', data.name,
                         data.skip, data.todo);
        const location = data.file !== undefined ?
          `${data.file}:${data.line}:${data.column}` : null;
        yield reportDetails(data.nesting, data.details, location);
        break;
      }
      case 'test:pass':
        yield reportTest(data.nesting, data.testNumber, 'ok', data.name,
                         data.skip, data.todo);
        yield reportDetails(data.nesting, data.details, null);
        break;
      case 'test:plan':
        yield `${indent(data.nesting)}1..${data.count}\n`;
        break;
      case 'test:start':
        yield `${indent(data.nesting)}# Subtest: ${tapEscape(data.name)}\n`;
        break;
      case 'test:stderr':
      case 'test:stdout': {
        const lines = StringPrototypeSplit(`${data.message}`, kLineBreakRegExp);
        for (let i = 0; i < lines.length; i++) {
          if (lines[i].length === 0) continue;
          yield `# ${tapEscape(lines[i])}\n`;
        }
        break;
      }
      case 'test:diagnostic':
        yield `${indent(data.nesting)}# ${tapEscape(data.message)}\n`;
        break;
      case 'test:coverage':
        yield coverageReport(data.summary);
        break;
    }
  }
}

function reportTest(nesting, testNumber, status, name, skip, todo) {
  let line = `${indent(nesting)}${status} ${testNumber}`;
  if (name) line += ` - ${tapEscape(name)}`;
  if (skip !== undefined) {
    line += ` # SKIP${typeof skip === 'string' && skip.length ?
      ` ${tapEscape(skip)}` : ''}`;
  } else if (todo !== undefined) {
    line += ` # TODO${typeof todo === 'string' && todo.length ?
      ` ${tapEscape(todo)}` : ''}`;
  }
  return `${line}\n`;
}

function reportDetails(nesting, data = {}, location) {
  const { error, duration_ms } = data;
  const pad = indent(nesting);
  let details = `${pad}  ---\n`;
  details += jsToYaml(pad, 'duration_ms', duration_ms);
  details += jsToYaml(pad, 'type', data.type);
  if (location) details += jsToYaml(pad, 'location', location);
  details += jsToYaml(pad, null, error, new SafeSet());
  details += `${pad}  ...\n`;
  return details;
}

const memo = new SafeMap();
function indent(nesting) {
  let value = memo.get(nesting);
  if (value === undefined) {
    value = StringPrototypeRepeat(kDefaultIndent, nesting);
    memo.set(nesting, value);
  }
  return value;
}

/* Escapes '\', '#' and control characters as TAP 14 says. */
function tapEscape(input) {
  let result = StringPrototypeReplaceAll(`${input}`, '\\', '\\\\');
  result = StringPrototypeReplaceAll(result, '#', '\\#');
  for (const { 0: ch, 1: esc } of kEscapes) {
    result = StringPrototypeReplaceAll(result, ch, `\\${esc}`);
  }
  return result;
}

function isAssertionLike(value) {
  return value && typeof value === 'object' && 'expected' in value &&
    'actual' in value;
}

/* One YAML entry `name: value` at `indent` (objects nest; errors are
 * flattened into error, code, name, expected/actual, stack). */
function jsToYaml(indent, name, value, seen) {
  if (value === undefined) return '';
  const prefix = `${indent}  ${name}:`;
  if (value === null) return `${prefix} ~\n`;
  if (typeof value !== 'object') {
    if (typeof value !== 'string') {
      return `${prefix} ${inspectWithNoCustomRetry(value, kInspect)}\n`;
    }
    const lines = StringPrototypeSplit(value, kLineBreakRegExp);
    if (lines.length === 1) {
      return `${prefix} ${inspectWithNoCustomRetry(value, kInspect)}\n`;
    }
    let str = `${prefix} |-\n`;
    for (let i = 0; i < lines.length; i++) {
      str += `${indent}    ${lines[i]}\n`;
    }
    return str;
  }

  seen.add(value);
  const entries = ObjectEntries(value);
  const isErrorObj = isError(value);
  let propsIndent = indent;
  let result = '';
  if (name != null) {
    result += prefix;
    result += '\n';
    propsIndent += '  ';
  }
  for (let i = 0; i < entries.length; i++) {
    const { 0: key, 1: entryValue } = entries[i];
    if (isErrorObj && (kErrorKeysHandled.has(key) || entryValue == null)) {
      continue;
    }
    if (seen.has(entryValue)) {
      result += `${propsIndent}  ${key}: <Circular>\n`;
      continue;
    }
    result += jsToYaml(propsIndent, key, entryValue, seen);
  }

  if (isErrorObj) {
    const { cause, code, failureType, message, expected, actual, operator,
            stack, name: errName } = value;
    let errMsg = message ?? '<unknown error>';
    let errorName = errName;
    let errStack = stack;
    let errCode = code;
    let errExpected = expected;
    let errActual = actual;
    let errOperator = operator;
    let errIsAssertion = isAssertionLike(value);

    if (code === 'ERR_TEST_FAILURE' && kUnwrapErrors.has(failureType)) {
      errStack = cause?.stack ?? errStack;
      errCode = cause?.code ?? errCode;
      errorName = cause?.name ?? errorName;
      if (isAssertionLike(cause)) {
        errExpected = cause.expected;
        errActual = cause.actual;
        errOperator = cause.operator ?? errOperator;
        errIsAssertion = true;
      }
      if (failureType === 'testCodeFailure' || failureType === 'hookFailed') {
        errMsg = cause?.message ?? errMsg;
      }
    }
    result += jsToYaml(indent, 'error', errMsg, seen);
    if (errCode) result += jsToYaml(indent, 'code', errCode, seen);
    if (errorName && errorName !== 'Error') {
      result += jsToYaml(indent, 'name', errorName, seen);
    }
    if (errIsAssertion) {
      result += jsToYaml(indent, 'expected', errExpected, seen);
      result += jsToYaml(indent, 'actual', errActual, seen);
      if (errOperator) {
        result += jsToYaml(indent, 'operator', errOperator, seen);
      }
    }
    if (typeof errStack === 'string') {
      const frames = [];
      ArrayPrototypeForEach(
        StringPrototypeSplit(errStack, kLineBreakRegExp),
        (frame) => {
          const processed = RegExpPrototypeSymbolReplace(
            kFrameStartRegExp, frame, '');
          if (processed.length > 0 && processed.length !== frame.length) {
            ArrayPrototypePush(frames, processed);
          }
        });
      if (frames.length > 0) {
        const frameDelimiter = `\n${indent}    `;
        result += `${indent}  stack: |-${frameDelimiter}`;
        result += `${ArrayPrototypeJoin(frames, frameDelimiter)}\n`;
      }
    }
  }
  return result;
}

/* The coverage summary as TAP comments. */
function coverageReport(summary) {
  const pct = (n) => NumberPrototypeToFixed(n, 2);
  let report = '# start of coverage report\n';
  report += '# file | line % | branch % | funcs % | uncovered lines\n';
  for (const file of summary.files) {
    report += `# ${file.path} | ${pct(file.coveredLinePercent)} | ` +
      `${pct(file.coveredBranchPercent)} | ` +
      `${pct(file.coveredFunctionPercent)}` +
      ` | ${ArrayPrototypeJoin(file.uncoveredLineNumbers ?? [], ', ')}\n`;
  }
  const t = summary.totals;
  report += `# all files | ${pct(t.coveredLinePercent)} | ` +
    `${pct(t.coveredBranchPercent)} | ${pct(t.coveredFunctionPercent)} |\n`;
  report += '# end of coverage report\n';
  return report;
}

module.exports = tapReporter;
module.exports.tapEscape = tapEscape;
