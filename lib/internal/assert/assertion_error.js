// assertion_error.js - assert.AssertionError and its generated messages.
'use strict';

const {
  ArrayPrototypeJoin,
  ArrayPrototypePop,
  Error,
  ErrorCaptureStackTrace,
  MathMax,
  ObjectCreate,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  ObjectGetPrototypeOf,
  ObjectIsExtensible,
  ObjectKeys,
  RegExpPrototypeSymbolReplace,
  String,
  StringPrototypeEndsWith,
  StringPrototypeRepeat,
  StringPrototypeSlice,
  StringPrototypeSplit,
} = primordials;

const { inspect } = require('internal/util/inspect');
const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');

// Colours of the diff; set per error from the state of process.stderr.
let blue = '';
let green = '';
let red = '';
let white = '';

const kReadableOperator = {
  __proto__: null,
  deepStrictEqual: 'Expected values to be strictly deep-equal:',
  strictEqual: 'Expected values to be strictly equal:',
  strictEqualObject: 'Expected "actual" to be reference-equal to "expected":',
  deepEqual: 'Expected values to be loosely deep-equal:',
  notDeepStrictEqual: 'Expected "actual" not to be strictly deep-equal to:',
  notStrictEqual: 'Expected "actual" to be strictly unequal to:',
  notStrictEqualObject:
    'Expected "actual" not to be reference-equal to "expected":',
  notDeepEqual: 'Expected "actual" not to be loosely deep-equal to:',
  notIdentical: 'Values have same structure but are not reference-equal:',
  notDeepEqualUnequal: 'Expected values not to be loosely deep-equal:',
};

// Both one-line values together shorter than this: `a !== b` form.
const kMaxShortLength = 12;
// Past this many output lines the diff is cut.
const kMaxDiffLines = 50;

const colorCodes = /\u001b\[\d\d?m/g;

function stripColors(str) {
  return RegExpPrototypeSymbolReplace(colorCodes, str, '');
}

function isStackTraceLimitWritable() {
  const desc = ObjectGetOwnPropertyDescriptor(Error, 'stackTraceLimit');
  if (desc === undefined) return ObjectIsExtensible(Error);
  return desc.writable === true || typeof desc.set === 'function';
}

/* A shallow copy of an error whose stack is not shown by inspect. */
function copyError(source) {
  const target = ObjectCreate(ObjectGetPrototypeOf(source));
  const keys = ObjectKeys(source);
  for (let i = 0; i < keys.length; i++) target[keys[i]] = source[keys[i]];
  ObjectDefineProperty(target, 'message',
                       { __proto__: null, value: source.message });
  return target;
}

/* The multi-line, sorted, non-custom view that messages are built from. */
function inspectValue(val) {
  return inspect(val, {
    compact: false,
    customInspect: false,
    depth: 1000,
    maxArrayLength: Infinity,
    showHidden: false,
    showProxy: false,
    sorted: true,
    getters: true,
  });
}

function isObjectOrFunction(v) {
  return (typeof v === 'object' && v !== null) || typeof v === 'function';
}

/* Lines of `text`, cut to ~47 when it has more than 50. */
function cutLines(text) {
  const lines = StringPrototypeSplit(text, '\n');
  if (lines.length > kMaxDiffLines) {
    lines[46] = `${blue}...${white}`;
    while (lines.length > 47) ArrayPrototypePop(lines);
  }
  return lines;
}

/* Context lines printed when a run of `same` identical lines (the last
 * one at lines[i - 1]) ends: the first two of the run were printed as it
 * went; up to three more are printed, a longer run collapses to `...`. */
function flushIdentical(lines, i, same, out) {
  if (same <= 2) return;
  if (same > 3) {
    if (same > 4) {
      if (same === 5) {
        out.text += `\n  ${lines[i - 3]}`;
        out.printed++;
      } else {
        out.text += `\n${blue}...${white}`;
        out.skipped = true;
      }
    }
    out.text += `\n  ${lines[i - 2]}`;
    out.printed++;
  }
  out.text += `\n  ${lines[i - 1]}`;
  out.printed++;
}

/* The `+ actual - expected` message of strictEqual / deepStrictEqual. */
function createErrDiff(actual, expected, operator) {
  if (operator === 'strictEqual' &&
      ((typeof actual === 'object' && actual !== null &&
        typeof expected === 'object' && expected !== null) ||
       (typeof actual === 'function' && typeof expected === 'function'))) {
    operator = 'strictEqualObject';
  }
  const actualText = inspectValue(actual);
  const actualLines = StringPrototypeSplit(actualText, '\n');
  const expectedLines = StringPrototypeSplit(inspectValue(expected), '\n');
  let indicator = '';

  if (actualLines.length === 1 && expectedLines.length === 1 &&
      actualLines[0] !== expectedLines[0]) {
    const colored = inspect.defaultOptions.colors;
    const a = colored ? stripColors(actualLines[0]) : actualLines[0];
    const e = colored ? stripColors(expectedLines[0]) : expectedLines[0];
    const length = a.length + e.length;
    if (length <= kMaxShortLength) {
      if ((typeof actual !== 'object' || actual === null) &&
          (typeof expected !== 'object' || expected === null) &&
          (actual !== 0 || expected !== 0)) {
        return `${kReadableOperator[operator]}\n\n` +
          `${actualLines[0]} !== ${expectedLines[0]}\n`;
      }
    } else if (operator !== 'strictEqualObject') {
      const stderr = process.stderr;
      const columns = stderr.isTTY ? stderr.columns : 80;
      if (length < columns) {
        let pos = 0;
        while (a[pos] === e[pos]) pos++;
        // A mismatch in the first characters needs no pointer.
        if (pos > 2) indicator = `\n  ${StringPrototypeRepeat(' ', pos)}^`;
      }
    }
  }

  // Identical trailing lines: keep three, then the topmost one and `...`.
  let end = '';
  let topmost = '';
  let trailing = 0;
  while (actualLines.length > 0 && expectedLines.length > 0) {
    const last = actualLines[actualLines.length - 1];
    if (last !== expectedLines[expectedLines.length - 1]) break;
    if (trailing++ < 3) {
      end = `\n  ${last}${end}`;
    } else {
      topmost = last;
    }
    ArrayPrototypePop(actualLines);
    ArrayPrototypePop(expectedLines);
  }

  const maxLines = MathMax(actualLines.length, expectedLines.length);
  if (maxLines === 0) {
    // Same inspection, different identity (e.g. { a: Symbol() } twice).
    const lines = cutLines(actualText);
    return `${kReadableOperator.notIdentical}\n\n` +
      `${ArrayPrototypeJoin(lines, '\n')}\n`;
  }

  const out = { text: '', printed: 0, skipped: false };
  if (trailing >= 5) {
    end = `\n${blue}...${white}${end}`;
    out.skipped = true;
  }
  if (topmost !== '') end = `\n  ${topmost}${end}`;

  const header = `${kReadableOperator[operator]}\n` +
    `${green}+ actual${white} ${red}- expected${white}`;
  const skippedNote = ` ${blue}...${white} Lines skipped`;

  // `longer` holds the lines past the end of the shorter side.
  let longer = actualLines;
  let sign = `${green}+${white}`;
  let shorterLength = expectedLines.length;
  if (actualLines.length < maxLines) {
    longer = expectedLines;
    sign = `${red}-${white}`;
    shorterLength = actualLines.length;
  }

  // Removed (expected) lines wait here so that a diverging block reads
  // `+ + - -` rather than `+ - + -`.
  let pending = '';
  let same = 0;
  for (let i = 0; i < maxLines; i++) {
    if (i >= shorterLength) {
      flushIdentical(longer, i, same, out);
      same = 0;
      if (longer === actualLines) {
        out.text += `\n${sign} ${longer[i]}`;
      } else {
        pending += `\n${sign} ${longer[i]}`;
      }
      out.printed++;
    } else {
      const expectedLine = expectedLines[i];
      let actualLine = actualLines[i];
      let diverging = actualLine !== expectedLine &&
        (!StringPrototypeEndsWith(actualLine, ',') ||
         StringPrototypeSlice(actualLine, 0, -1) !== expectedLine);
      // `1` against `1,`: the same line, one merely followed by another.
      if (diverging && StringPrototypeEndsWith(expectedLine, ',') &&
          StringPrototypeSlice(expectedLine, 0, -1) === actualLine) {
        diverging = false;
        actualLine += ',';
      }
      if (diverging) {
        flushIdentical(actualLines, i, same, out);
        same = 0;
        out.text += `\n${green}+${white} ${actualLine}`;
        pending += `\n${red}-${white} ${expectedLine}`;
        out.printed += 2;
      } else {
        out.text += pending;
        pending = '';
        same++;
        if (same <= 2) {
          out.text += `\n  ${actualLine}`;
          out.printed++;
        }
      }
    }
    if (out.printed > kMaxDiffLines && i < maxLines - 2) {
      return `${header}${skippedNote}\n${out.text}\n${blue}...${white}` +
        `${pending}\n${blue}...${white}`;
    }
  }

  return `${header}${out.skipped ? skippedNote : ''}\n` +
    `${out.text}${pending}${end}${indicator}`;
}

/* Message of notStrictEqual / notDeepStrictEqual: the one value shown. */
function createUnequalMessage(actual, operator) {
  let base = kReadableOperator[operator];
  if (operator === 'notStrictEqual' && isObjectOrFunction(actual)) {
    base = kReadableOperator.notStrictEqualObject;
  }
  const lines = cutLines(inspectValue(actual));
  if (lines.length === 1) {
    return `${base}${lines[0].length > 5 ? '\n\n' : ' '}${lines[0]}`;
  }
  return `${base}\n\n${ArrayPrototypeJoin(lines, '\n')}\n`;
}

/* Message of every other operator (deepEqual, ==, fail's operator...). */
function createOtherMessage(actual, expected, operator) {
  let res = inspectValue(actual);
  let other = inspectValue(expected);
  const known = kReadableOperator[operator];
  if (operator === 'notDeepEqual' && res === other) {
    res = `${known}\n\n${res}`;
    if (res.length > 1024) res = `${StringPrototypeSlice(res, 0, 1021)}...`;
    return res;
  }
  if (res.length > 512) res = `${StringPrototypeSlice(res, 0, 509)}...`;
  if (other.length > 512) other = `${StringPrototypeSlice(other, 0, 509)}...`;
  if (operator === 'deepEqual') {
    res = `${known}\n\n${res}\n\nshould loosely deep-equal\n\n`;
  } else {
    const unequal = kReadableOperator[`${operator}Unequal`];
    if (unequal) {
      res = `${unequal}\n\n${res}\n\nshould not loosely deep-equal\n\n`;
    } else {
      other = ` ${operator} ${other}`;
    }
  }
  return `${res}${other}`;
}

function pickColors() {
  const stderr = process.stderr;
  if (!stderr.isTTY) return;
  if (typeof stderr.hasColors === 'function' && stderr.hasColors()) {
    blue = '\u001b[34m';
    green = '\u001b[32m';
    white = '\u001b[39m';
    red = '\u001b[31m';
  } else {
    blue = '';
    green = '';
    white = '';
    red = '';
  }
}

/* Shortens a long string for the inspection of an AssertionError. */
function addEllipsis(string) {
  const lines = StringPrototypeSplit(string, '\n', 11);
  if (lines.length > 10) {
    lines.length = 10;
    return `${ArrayPrototypeJoin(lines, '\n')}\n...`;
  } else if (string.length > 512) {
    return `${StringPrototypeSlice(string, 512)}...`;
  }
  return string;
}

class AssertionError extends Error {
  /* new AssertionError({ message, actual, expected, operator, stackStartFn,
   * details }): an error with code 'ERR_ASSERTION'; without `message`, the
   * message describes how actual and expected differ. */
  constructor(options) {
    if (typeof options !== 'object' || options === null) {
      throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    const {
      message, operator, stackStartFn, details, stackStartFunction,
    } = options;
    let { actual, expected } = options;

    const limit = Error.stackTraceLimit;
    const limitWritable = isStackTraceLimitWritable();
    if (limitWritable) Error.stackTraceLimit = 0;

    if (message != null) {
      super(String(message));
    } else {
      pickColors();
      if (typeof actual === 'object' && actual !== null &&
          typeof expected === 'object' && expected !== null &&
          'stack' in actual && actual instanceof Error &&
          'stack' in expected && expected instanceof Error) {
        actual = copyError(actual);
        expected = copyError(expected);
      }
      if (operator === 'deepStrictEqual' || operator === 'strictEqual') {
        super(createErrDiff(actual, expected, operator));
      } else if (operator === 'notDeepStrictEqual' ||
                 operator === 'notStrictEqual') {
        super(createUnequalMessage(actual, operator));
      } else {
        super(createOtherMessage(actual, expected, operator));
      }
    }

    if (limitWritable) Error.stackTraceLimit = limit;

    this.generatedMessage = !message;
    ObjectDefineProperty(this, 'name', {
      __proto__: null,
      value: 'AssertionError [ERR_ASSERTION]',
      enumerable: false,
      writable: true,
      configurable: true,
    });
    this.code = 'ERR_ASSERTION';
    if (details) {
      this.actual = undefined;
      this.expected = undefined;
      this.operator = undefined;
      for (let i = 0; i < details.length; i++) {
        this['message ' + i] = details[i].message;
        this['actual ' + i] = details[i].actual;
        this['expected ' + i] = details[i].expected;
        this['operator ' + i] = details[i].operator;
        this['stack trace ' + i] = details[i].stack;
      }
    } else {
      this.actual = actual;
      this.expected = expected;
      this.operator = operator;
    }
    ErrorCaptureStackTrace(this, stackStartFn || stackStartFunction);
    // Format the stack now, while the name still carries the code.
    this.stack; // eslint-disable-line no-unused-expressions
    this.name = 'AssertionError';
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  [inspect.custom](recurseTimes, ctx) {
    // actual/expected are shown shallowly, long strings shortened.
    const savedActual = this.actual;
    const savedExpected = this.expected;
    if (typeof this.actual === 'string') {
      this.actual = addEllipsis(this.actual);
    }
    if (typeof this.expected === 'string') {
      this.expected = addEllipsis(this.expected);
    }
    const result = inspect(this, { ...ctx, customInspect: false, depth: 0 });
    this.actual = savedActual;
    this.expected = savedExpected;
    return result;
  }
}

module.exports = AssertionError;
