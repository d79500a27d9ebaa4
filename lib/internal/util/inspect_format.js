// internal/util/inspect_format: util.format and util.formatWithOptions.
'use strict';

const {
  JSONStringify,
  NumberParseFloat,
  NumberParseInt,
  ObjectGetOwnPropertyDescriptor,
  ObjectGetPrototypeOf,
  ObjectPrototypeHasOwnProperty,
  String,
  StringPrototypeCharCodeAt,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  Symbol,
} = primordials;

const { getProxyDetails } = internalBinding('util');
const {
  formatBigInt,
  formatNumber,
} = require('internal/util/inspect_text');

let inspectModule;
function lazyInspect() {
  inspectModule ??= require('internal/util/inspect');
  return inspectModule;
}

function stylizeNoColor(str) {
  return str;
}

/* True when `value`'s toString is the one of a built-in class (or it has
 * none), i.e. `%s` should inspect it rather than call toString. */
function hasBuiltInToString(value) {
  // Look at a proxy's target so that no trap runs.
  const proxyTarget = getProxyDetails(value, false);
  if (proxyTarget !== undefined) {
    if (proxyTarget === null) return true;
    value = proxyTarget;
  }
  if (typeof value.toString !== 'function') return true;
  if (ObjectPrototypeHasOwnProperty(value, 'toString')) return false;
  let pointer = value;
  do {
    pointer = ObjectGetPrototypeOf(pointer);
  } while (!ObjectPrototypeHasOwnProperty(pointer, 'toString'));
  const descriptor = ObjectGetOwnPropertyDescriptor(pointer, 'constructor');
  return descriptor !== undefined &&
    typeof descriptor.value === 'function' &&
    lazyInspect().builtInObjects.has(descriptor.value.name);
}

let circularErrorMessage;

function firstErrorLine(error) {
  const msg = `${error.message}`;
  const nl = StringPrototypeIndexOf(msg, '\n');
  return nl === -1 ? msg : StringPrototypeSlice(msg, 0, nl);
}

/* JSON.stringify for `%j`; circular structures give '[Circular]'. */
function tryStringify(arg) {
  try {
    return JSONStringify(arg);
  } catch (err) {
    if (!circularErrorMessage) {
      try {
        const a = {};
        a.a = a;
        JSONStringify(a);
      } catch (circularError) {
        circularErrorMessage = firstErrorLine(circularError);
      }
    }
    if (err.name === 'TypeError' &&
        firstErrorLine(err) === circularErrorMessage) {
      return '[Circular]';
    }
    throw err;
  }
}

const kUnknown = Symbol('kUnknown');

/* Renders one `%x` directive; returns kUnknown for unknown letters. */
function formatDirective(code, arg, inspectOptions, separator) {
  const { inspect } = lazyInspect();
  switch (code) {
    case 115: // 's'
      if (typeof arg === 'number')
        return formatNumber(stylizeNoColor, arg, separator);
      if (typeof arg === 'bigint')
        return formatBigInt(stylizeNoColor, arg, separator);
      if (typeof arg !== 'object' || arg === null || !hasBuiltInToString(arg))
        return String(arg);
      return inspect(arg, {
        ...inspectOptions,
        depth: 0,
        colors: false,
        compact: 3,
      });
    case 106: // 'j'
      return tryStringify(arg);
    case 100: // 'd'
      if (typeof arg === 'bigint')
        return formatBigInt(stylizeNoColor, arg, separator);
      if (typeof arg === 'symbol') return 'NaN';
      return formatNumber(stylizeNoColor, Number(arg), separator);
    case 79: // 'O'
      return inspect(arg, inspectOptions);
    case 111: // 'o'
      return inspect(arg, {
        ...inspectOptions,
        showHidden: true,
        showProxy: true,
        depth: 4,
      });
    case 105: // 'i'
      if (typeof arg === 'bigint')
        return formatBigInt(stylizeNoColor, arg, separator);
      if (typeof arg === 'symbol') return 'NaN';
      return formatNumber(stylizeNoColor, NumberParseInt(arg), separator);
    case 102: // 'f'
      if (typeof arg === 'symbol') return 'NaN';
      return formatNumber(stylizeNoColor, NumberParseFloat(arg), separator);
    case 99: // 'c': CSS is ignored
      return '';
    default:
      return kUnknown;
  }
}

/* The shared body of format and formatWithOptions. */
function formatWithOptionsInternal(inspectOptions, args) {
  const first = args[0];
  let a = 0;
  let str = '';
  let join = '';

  if (typeof first === 'string') {
    if (args.length === 1) {
      return first;
    }
    const separator = inspectOptions?.numericSeparator ??
      lazyInspect().inspectDefaultOptions.numericSeparator;
    let lastPos = 0;
    for (let i = 0; i < first.length - 1; i++) {
      if (StringPrototypeCharCodeAt(first, i) !== 37) continue; // '%'
      const nextChar = StringPrototypeCharCodeAt(first, ++i);
      if (a + 1 !== args.length) {
        if (nextChar === 37) {
          str += StringPrototypeSlice(first, lastPos, i);
          lastPos = i + 1;
          continue;
        }
        const tempStr = formatDirective(nextChar, args[a + 1],
                                        inspectOptions, separator);
        if (tempStr === kUnknown) continue;
        a++;
        if (lastPos !== i - 1) {
          str += StringPrototypeSlice(first, lastPos, i - 1);
        }
        str += tempStr;
        lastPos = i + 1;
      } else if (nextChar === 37) {
        str += StringPrototypeSlice(first, lastPos, i);
        lastPos = i + 1;
      }
    }
    if (lastPos !== 0) {
      a++;
      join = ' ';
      if (lastPos < first.length) {
        str += StringPrototypeSlice(first, lastPos);
      }
    }
  }

  while (a < args.length) {
    const value = args[a];
    str += join;
    str += typeof value !== 'string' ?
      lazyInspect().inspect(value, inspectOptions) : value;
    join = ' ';
    a++;
  }
  return str;
}

/**
 * formatWithOptions(inspectOptions, format, ...args): like format, with
 * `inspectOptions` passed on to every inspect call.
 */
function formatWithOptions(inspectOptions, ...args) {
  const v = require('internal/validators');
  v.validateObject(inspectOptions, 'inspectOptions',
                   v.kValidateObjectAllowObjects ??
                   (v.kValidateObjectAllowArray |
                    v.kValidateObjectAllowFunction));
  return formatWithOptionsInternal(inspectOptions, args);
}

/**
 * format(format, ...args): printf-like formatting with %s %d %i %f %j %o
 * %O %c and %%; leftover arguments are appended, inspected.
 */
function format(...args) {
  return formatWithOptionsInternal(undefined, args);
}

module.exports = {
  format,
  formatWithOptions,
  formatWithOptionsInternal,
  hasBuiltInToString,
};
