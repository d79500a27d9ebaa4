'use strict';
// internal/errors.js - Node's error machinery: ERR_* codes and system errors.

// Every core module throws through `codes.ERR_*` so messages match Node's.
// An error built by `new codes.ERR_X(...args)` is a plain instance of its
// base class (TypeError, RangeError, ...) with an enumerable `code`, a
// non-enumerable `message`, a `toString` giving `Name [CODE]: message`, and a
// stack whose first line reads `TypeError [ERR_X]: message`.

const {
  AggregateError,
  ArrayIsArray,
  ArrayPrototypeIncludes,
  ArrayPrototypeIndexOf,
  ArrayPrototypeJoin,
  ArrayPrototypeMap,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ArrayPrototypeSplice,
  Error,
  ErrorCaptureStackTrace,
  JSONStringify,
  MathAbs,
  NumberIsInteger,
  ObjectAssign,
  ObjectDefineProperty,
  ObjectDefineProperties,
  ObjectGetOwnPropertyDescriptor,
  ObjectIsExtensible,
  ObjectKeys,
  ObjectPrototypeHasOwnProperty,
  RangeError,
  ReflectApply,
  RegExpPrototypeExec,
  SafeMap,
  String,
  StringPrototypeEndsWith,
  StringPrototypeIncludes,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
  StringPrototypeToLowerCase,
  Symbol,
  SymbolFor,
  SyntaxError,
  TypeError,
} = primordials;

const kIsNodeError = Symbol('kIsNodeError');
const kNoOverride = Symbol('kNoOverride');
const kEnhanceStackBeforeInspector = Symbol('kEnhanceStackBeforeInspector');

const messages = new SafeMap();
const codes = {};

const internalAssertionSuffix =
  'This is caused by either a bug in Node.js or incorrect usage of ' +
  'Node.js internals.\nPlease open an issue with this stack trace at ' +
  'https://github.com/nodejs/node/issues\n';

let inspectModule;
function lazyInspectModule() {
  if (inspectModule === undefined) {
    try {
      inspectModule = require('internal/util/inspect');
    } catch {
      inspectModule = null;
    }
  }
  return inspectModule;
}

/* util.inspect(value, options), or a crude String() before util exists. */
function inspect(value, options) {
  const mod = lazyInspectModule();
  if (mod) return mod.inspect(value, options);
  if (typeof value === 'string') return `'${value}'`;
  try {
    return String(value);
  } catch {
    return '[object]';
  }
}

/* util.format(...args), or a plain %s substitution before util exists. */
function format(...args) {
  const mod = lazyInspectModule();
  if (mod) return ReflectApply(mod.format, undefined, args);
  let i = 1;
  return args[0].replace(/%[sdjifoO%]/g, (m) => {
    if (m === '%%') return '%';
    return String(args[i++]);
  });
}

let bufferModule;
function lazyBuffer() {
  bufferModule ??= require('buffer').Buffer;
  return bufferModule;
}

let uvBinding;
function lazyUv() {
  uvBinding ??= internalBinding('uv');
  return uvBinding;
}

let uvErrmap;
/* [name, message] for a negative libuv errno, or undefined. */
function uvErrmapGet(name) {
  uvErrmap ??= lazyUv().getErrorMap();
  return uvErrmap.get(name);
}

const uvUnmappedError = ['UNKNOWN', 'unknown error'];

/* `Unknown system error N` or the libuv name of errno N (e.g. 'ENOENT'). */
function getSystemErrorName(err) {
  const entry = uvErrmapGet(err);
  return entry ? entry[0] : `Unknown system error ${err}`;
}

/* Throws ERR_INTERNAL_ASSERTION when `value` is falsy. */
function assert(value, message) {
  if (!value) throw new codes.ERR_INTERNAL_ASSERTION(message);
}

/* True when setting Error.stackTraceLimit would take effect. */
function isErrorStackTraceLimitWritable() {
  const desc = ObjectGetOwnPropertyDescriptor(Error, 'stackTraceLimit');
  if (desc === undefined) return ObjectIsExtensible(Error);
  return ObjectPrototypeHasOwnProperty(desc, 'writable') ?
    desc.writable :
    desc.set !== undefined;
}

/* Builds `new Base()` without paying for a stack trace; the caller captures
 * the real one once the message is in place. */
function makeBareError(Base, args) {
  if (!isErrorStackTraceLimitWritable()) return new Base(...args);
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return new Base(...args);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/* (Re)captures err's stack above `fn`, writing `name [code]` into the first
 * line when the error is a Node error. */
function captureStack(err, fn) {
  const code = err.code;
  const withCode = err[kIsNodeError] === true && typeof code === 'string';
  const nameDesc = ObjectGetOwnPropertyDescriptor(err, 'name');
  if (withCode) {
    ObjectDefineProperty(err, 'name', {
      __proto__: null,
      value: `${err.name} [${code}]`,
      enumerable: false,
      writable: true,
      configurable: true,
    });
  }
  ErrorCaptureStackTrace(err, fn);
  // Formats the stack now, while `name` still carries the code.
  err.stack; // eslint-disable-line no-unused-expressions
  if (withCode) {
    if (nameDesc === undefined) delete err.name;
    else ObjectDefineProperty(err, 'name', nameDesc);
  }
  return err;
}

/* Stamps `code` into `name` for the stack's first line, then restores
 * `name` (Node's addCodeToName). */
function addCodeToName(err, name, code) {
  const nameDesc = ObjectGetOwnPropertyDescriptor(err, 'name');
  err.name = `${name} [${code}]`;
  err.stack; // eslint-disable-line no-unused-expressions
  if (nameDesc === undefined) delete err.name;
  else ObjectDefineProperty(err, 'name', nameDesc);
}

/* The message for `key` with `args`; function messages run with `self` as
 * `this` so they can attach extra properties to the error. */
function getMessage(key, args, self) {
  const msg = messages.get(key);
  if (typeof msg === 'function') {
    assert(msg.length <= args.length,
           `Code: ${key}; The provided arguments length (${args.length}) ` +
           `does not match the required ones (${msg.length}).`);
    return ReflectApply(msg, self, args);
  }
  const expectedLength = countFormatSpecifiers(msg);
  assert(expectedLength === args.length,
         `Code: ${key}; The provided arguments length (${args.length}) ` +
         `does not match the required ones (${expectedLength}).`);
  if (args.length === 0) return msg;
  return ReflectApply(format, null, [msg, ...args]);
}

/* How many printf slots (%s, %d, ...) a template has. */
function countFormatSpecifiers(msg) {
  let count = 0;
  for (let i = 0; i < msg.length - 1; i++) {
    if (msg[i] !== '%') continue;
    const c = msg[i + 1];
    if (c === '%') {
      i++;
    } else if (StringPrototypeIncludes('dfijoOs', c)) {
      count++;
    }
  }
  return count;
}

function makeNodeErrorWithCode(Base, key) {
  return function NodeError(...args) {
    const error = makeBareError(Base, []);
    const message = getMessage(key, args, error);
    ObjectDefineProperties(error, {
      message: {
        __proto__: null,
        value: message,
        enumerable: false,
        writable: true,
        configurable: true,
      },
      toString: {
        __proto__: null,
        value() {
          return `${this.name} [${key}]: ${this.message}`;
        },
        enumerable: false,
        writable: true,
        configurable: true,
      },
    });
    error.code = key;
    ObjectDefineProperty(error, kIsNodeError, {
      __proto__: null,
      value: true,
      enumerable: false,
      writable: false,
      configurable: true,
    });
    captureStack(error, NodeError);
    return error;
  };
}

/* A system error: `${prefix}: ${syscall} returned ${code} (${message})`
 * plus ` ${path}` and ` => ${dest}`; `info` holds the context, and errno,
 * syscall, path, dest are accessors onto it. */
class SystemError extends Error {
  constructor(key, context) {
    const syscall = context.syscall;
    const limitWritable = isErrorStackTraceLimitWritable();
    let limit;
    if (limitWritable) {
      limit = Error.stackTraceLimit;
      Error.stackTraceLimit = 0;
    }
    super();
    if (limitWritable) Error.stackTraceLimit = limit;
    const prefix = getMessage(key, [], this);
    let message = `${prefix}: ${syscall} returned ` +
                  `${context.code} (${context.message})`;
    if (context.path !== undefined) message += ` ${context.path}`;
    if (context.dest !== undefined) message += ` => ${context.dest}`;

    this.code = key;
    ObjectDefineProperties(this, {
      [kIsNodeError]: {
        __proto__: null,
        value: true,
        enumerable: false,
        writable: false,
        configurable: true,
      },
      name: {
        __proto__: null,
        value: 'SystemError',
        enumerable: false,
        writable: true,
        configurable: true,
      },
      message: {
        __proto__: null,
        value: message,
        enumerable: false,
        writable: true,
        configurable: true,
      },
      info: {
        __proto__: null,
        value: context,
        enumerable: true,
        configurable: true,
        writable: false,
      },
      errno: {
        __proto__: null,
        get() { return context.errno; },
        set(value) { context.errno = value; },
        enumerable: true,
        configurable: true,
      },
      syscall: {
        __proto__: null,
        get() { return context.syscall; },
        set(value) { context.syscall = value; },
        enumerable: true,
        configurable: true,
      },
    });
    if (context.path !== undefined) {
      ObjectDefineProperty(this, 'path', {
        __proto__: null,
        get() {
          return context.path != null ? context.path.toString() :
            context.path;
        },
        set(value) {
          context.path = value ?
            lazyBuffer().from(value.toString()) : undefined;
        },
        enumerable: true,
        configurable: true,
      });
    }
    if (context.dest !== undefined) {
      ObjectDefineProperty(this, 'dest', {
        __proto__: null,
        get() {
          return context.dest != null ? context.dest.toString() :
            context.dest;
        },
        set(value) {
          context.dest = value ?
            lazyBuffer().from(value.toString()) : undefined;
        },
        enumerable: true,
        configurable: true,
      });
    }
    captureStack(this, new.target);
  }

  toString() {
    return `${this.name} [${this.code}]: ${this.message}`;
  }

  [SymbolFor('nodejs.util.inspect.custom')](recurseTimes, ctx) {
    return inspect(this, {
      ...ctx,
      getters: true,
      customInspect: false,
    });
  }
}

function makeSystemErrorWithCode(key) {
  return class NodeError extends SystemError {
    constructor(ctx) {
      super(key, ctx);
    }
  };
}

/* Registers code `sym`: `val` is a printf template or a message function,
 * `def` the base class (or SystemError); each of `otherClasses` becomes
 * codes[sym][Class.name], the same code over another base. */
function E(sym, val, def, ...otherClasses) {
  messages.set(sym, val);
  if (def === SystemError) {
    def = makeSystemErrorWithCode(sym);
  } else {
    def = makeNodeErrorWithCode(def, sym);
  }
  for (let i = 0; i < otherClasses.length; i++) {
    const clazz = otherClasses[i];
    def[clazz.name] = makeNodeErrorWithCode(clazz, sym);
  }
  codes[sym] = def;
}

/* Wraps `fn` so that a Node error thrown from inside it (or anything it
 * calls) gets a stack starting at fn's caller. */
function hideStackFrames(fn) {
  function wrappedFn(...args) {
    try {
      return ReflectApply(fn, this, args);
    } catch (err) {
      if (err !== null && typeof err === 'object' &&
          err[kIsNodeError] === true && isErrorStackTraceLimitWritable()) {
        captureStack(err, wrappedFn);
      }
      throw err;
    }
  }
  ObjectDefineProperty(wrappedFn, 'name', {
    __proto__: null, value: fn.name, configurable: true,
  });
  ObjectDefineProperty(wrappedFn, 'length', {
    __proto__: null, value: fn.length, configurable: true,
  });
  wrappedFn.withoutStackTrace = fn;
  return wrappedFn;
}

/* Kept for API parity: Node widened the captured stack here; the stack is
 * captured whole by captureStack already. */
function captureLargerStackTrace(err) {
  return err;
}

/* `a`, `a and b`, `a, b, and c` (`type` replaces `and`). */
function formatList(array, type = 'and') {
  return array.length < 3 ? ArrayPrototypeJoin(array, ` ${type} `) :
    `${ArrayPrototypeJoin(ArrayPrototypeSlice(array, 0, -1), ', ')}, ${type} ` +
    `${array[array.length - 1]}`;
}

/* The `Received ...` description of a value: `null`, `undefined`,
 * `function f`, `an instance of Foo`, `type number (42)`, ... */
function determineSpecificType(value) {
  if (value == null) {
    return '' + value;
  }
  if (typeof value === 'function' && value.name) {
    return `function ${value.name}`;
  }
  if (typeof value === 'object') {
    if (value.constructor?.name) {
      return `an instance of ${value.constructor.name}`;
    }
    return `${inspect(value, { depth: -1 })}`;
  }
  let inspected = inspect(value, { colors: false });
  if (inspected.length > 28) {
    inspected = `${StringPrototypeSlice(inspected, 0, 25)}...`;
  }
  return `type ${typeof value} (${inspected})`;
}

/* Inserts `_` every three digits: 8589934592 -> 8_589_934_592. */
function addNumericalSeparator(val) {
  let res = '';
  let i = val.length;
  const start = val[0] === '-' ? 1 : 0;
  for (; i >= start + 4; i -= 3) {
    res = `_${StringPrototypeSlice(val, i - 3, i)}${res}`;
  }
  return `${StringPrototypeSlice(val, 0, i)}${res}`;
}

/* util.inspect, retried without custom inspectors if one throws. */
function inspectWithNoCustomRetry(obj, options) {
  try {
    return inspect(obj, options);
  } catch {
    return inspect(obj, { ...options, customInspect: false });
  }
}

/* Combines a cleanup error with the original: the original (outer) error
 * leads, both are listed in `errors`. */
function aggregateTwoErrors(innerError, outerError) {
  if (innerError && outerError && innerError !== outerError) {
    if (ArrayIsArray(outerError.errors)) {
      ArrayPrototypePush(outerError.errors, innerError);
      return outerError;
    }
    // eslint-disable-next-line no-restricted-syntax
    const err = new AggregateError([outerError, innerError],
                                   outerError.message);
    err.code = outerError.code;
    return err;
  }
  return innerError || outerError;
}

/* An AggregateError of `errors` whose code is the first error's. */
function aggregateErrors(errors, message, code) {
  // eslint-disable-next-line no-restricted-syntax
  const err = new AggregateError(errors, message);
  err.code = errors[0]?.code;
  return err;
}

/* new Error(message) with `errorProperties` copied on. */
function genericNodeError(message, errorProperties) {
  // eslint-disable-next-line no-restricted-syntax
  const err = new Error(message);
  ObjectAssign(err, errorProperties);
  return err;
}

/* An `Error` for libuv failure ctx = { errno, syscall, path?, dest?,
 * message? }: `ENOENT: no such file or directory, open 'x'`. */
function uvException(ctx) {
  const { 0: code, 1: uvmsg } = uvErrmapGet(ctx.errno) || uvUnmappedError;
  let message = `${code}: ${ctx.message || uvmsg}, ${ctx.syscall}`;
  let path;
  let dest;
  if (ctx.path) {
    path = ctx.path.toString();
    message += ` '${path}'`;
  }
  if (ctx.dest) {
    dest = ctx.dest.toString();
    message += ` -> '${dest}'`;
  }
  // eslint-disable-next-line no-restricted-syntax
  const err = makeBareError(Error, [message]);
  for (const prop of ObjectKeys(ctx)) {
    if (prop === 'message' || prop === 'path' || prop === 'dest') continue;
    err[prop] = ctx[prop];
  }
  err.code = code;
  if (path) err.path = path;
  if (dest) err.dest = dest;
  return captureStack(err, uvException);
}

/* `${syscall} ${code}: ${uvmsg} ${address}:${port}` for a libuv errno. */
function uvExceptionWithHostPort(err, syscall, address, port) {
  const { 0: code, 1: uvmsg } = uvErrmapGet(err) || uvUnmappedError;
  const message = `${syscall} ${code}: ${uvmsg}`;
  let details = '';
  if (port && port > 0) {
    details = ` ${address}:${port}`;
  } else if (address) {
    details = ` ${address}`;
  }
  // eslint-disable-next-line no-restricted-syntax
  const ex = makeBareError(Error, [`${message}${details}`]);
  ex.code = code;
  ex.errno = err;
  ex.syscall = syscall;
  ex.address = address;
  if (port) ex.port = port;
  return captureStack(ex, uvExceptionWithHostPort);
}

/* `${syscall} ${code}[ ${original}]` for an errno. */
function errnoException(err, syscall, original) {
  const code = getSystemErrorName(err);
  const message = original ?
    `${syscall} ${code} ${original}` : `${syscall} ${code}`;
  // eslint-disable-next-line no-restricted-syntax
  const ex = makeBareError(Error, [message]);
  ex.errno = err;
  ex.code = code;
  ex.syscall = syscall;
  return captureStack(ex, errnoException);
}

/* `${syscall} ${code} ${address}:${port}[ - Local (${additional})]`. */
function exceptionWithHostPort(err, syscall, address, port, additional) {
  const code = getSystemErrorName(err);
  let details = '';
  if (port && port > 0) {
    details = ` ${address}:${port}`;
  } else if (address) {
    details = ` ${address}`;
  }
  if (additional) {
    details += ` - Local (${additional})`;
  }
  // eslint-disable-next-line no-restricted-syntax
  const ex = makeBareError(Error, [`${syscall} ${code}${details}`]);
  ex.errno = err;
  ex.code = code;
  ex.syscall = syscall;
  ex.address = address;
  if (port) ex.port = port;
  return captureStack(ex, exceptionWithHostPort);
}

/* A DNS failure: `${syscall} ${code}[ ${hostname}]`; numeric codes are
 * mapped to names, EAI_NODATA/EAI_NONAME to ENOTFOUND. */
function dnsException(code, syscall, hostname) {
  let errno;
  if (typeof code === 'number') {
    errno = code;
    const uv = lazyUv();
    if (code === uv.UV_EAI_NODATA || code === uv.UV_EAI_NONAME) {
      code = 'ENOTFOUND';
    } else {
      code = getSystemErrorName(code);
    }
  }
  const message = `${syscall} ${code}${hostname ? ` ${hostname}` : ''}`;
  // eslint-disable-next-line no-restricted-syntax
  const ex = makeBareError(Error, [message]);
  ex.errno = errno;
  ex.code = code;
  ex.syscall = syscall;
  if (hostname) ex.hostname = hostname;
  return captureStack(ex, dnsException);
}

/* An ECONNRESET error (sockets hung up). */
function connResetException(msg) {
  // eslint-disable-next-line no-restricted-syntax
  const ex = new Error(msg);
  ex.code = 'ECONNRESET';
  return ex;
}

let maxStackErrorName;
let maxStackErrorMessage;
/* True when `err` is V8's "Maximum call stack size exceeded" RangeError. */
function isStackOverflowError(err) {
  if (maxStackErrorMessage === undefined) {
    try {
      const overflow = () => overflow();
      overflow();
    } catch (e) {
      maxStackErrorMessage = e.message;
      maxStackErrorName = e.name;
    }
  }
  return err && err.name === maxStackErrorName &&
         err.message === maxStackErrorMessage;
}

/* AbortError: what aborted operations reject with (code 'ABORT_ERR'). */
class AbortError extends Error {
  constructor(message = 'The operation was aborted', options = undefined) {
    if (options !== undefined && typeof options !== 'object') {
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    super(message, options);
    this.code = 'ABORT_ERR';
    this.name = 'AbortError';
  }
}

/* `a`, `a or b`, `a, b, or c`. */
function alternatives(list) {
  if (list.length > 2) return formatList(list, 'or');
  return ArrayPrototypeJoin(list, ' or ');
}

// Type names that ERR_INVALID_ARG_TYPE reports as `of type x`.
const kTypes = [
  'string',
  'function',
  'number',
  'object',
  'Function',
  'Object',
  'boolean',
  'bigint',
  'symbol',
];

const classRegExp = /^([A-Z][a-z0-9]*)+$/;

E('ERR_INVALID_ARG_TYPE', (name, expected, actual) => {
  assert(typeof name === 'string', "'name' must be a string");
  if (!ArrayIsArray(expected)) {
    expected = [expected];
  }

  let msg = 'The ';
  if (StringPrototypeEndsWith(name, ' argument')) {
    msg += `${name} `;
  } else {
    const type = StringPrototypeIncludes(name, '.') ? 'property' : 'argument';
    msg += `"${name}" ${type} `;
  }
  msg += 'must be ';

  const types = [];
  const instances = [];
  const other = [];
  for (const value of expected) {
    assert(typeof value === 'string',
           'All expected entries have to be of type string');
    if (ArrayPrototypeIncludes(kTypes, value)) {
      ArrayPrototypePush(types, StringPrototypeToLowerCase(value));
    } else if (RegExpPrototypeExec(classRegExp, value) !== null) {
      ArrayPrototypePush(instances, value);
    } else {
      ArrayPrototypePush(other, value);
    }
  }

  // With instances around, `object` reads better as `an instance of Object`.
  if (instances.length > 0) {
    const pos = ArrayPrototypeIndexOf(types, 'object');
    if (pos !== -1) {
      ArrayPrototypeSplice(types, pos, 1);
      ArrayPrototypePush(instances, 'Object');
    }
  }

  const phrases = [];
  if (types.length > 0) {
    ArrayPrototypePush(phrases, (types.length > 1 ? 'one of type ' :
      'of type ') + alternatives(types));
  }
  if (instances.length > 0) {
    ArrayPrototypePush(phrases, `an instance of ${alternatives(instances)}`);
  }
  if (other.length > 1) {
    ArrayPrototypePush(phrases, `one of ${alternatives(other)}`);
  } else if (other.length === 1) {
    // A lone free-form entry reads as-is; capitalized ones get an article.
    const lower = StringPrototypeToLowerCase(other[0]) === other[0];
    ArrayPrototypePush(phrases, `${lower ? '' : 'an '}${other[0]}`);
  }
  msg += ArrayPrototypeJoin(phrases, ' or ');

  msg += `. Received ${determineSpecificType(actual)}`;
  return msg;
}, TypeError);

E('ERR_INVALID_ARG_VALUE', (name, value, reason = 'is invalid') => {
  let inspected = inspect(value);
  if (inspected.length > 128) {
    inspected = `${StringPrototypeSlice(inspected, 0, 128)}...`;
  }
  const type = StringPrototypeIncludes(name, '.') ? 'property' : 'argument';
  return `The ${type} '${name}' ${reason}. Received ${inspected}`;
}, TypeError, RangeError);

E('ERR_OUT_OF_RANGE', (str, range, input, replaceDefaultBoolean = false) => {
  assert(range, 'Missing "range" argument');
  let msg = replaceDefaultBoolean ? str :
    `The value of "${str}" is out of range.`;
  let received;
  if (NumberIsInteger(input) && MathAbs(input) > 2 ** 32) {
    received = addNumericalSeparator(String(input));
  } else if (typeof input === 'bigint') {
    received = String(input);
    if (input > 2n ** 32n || input < -(2n ** 32n)) {
      received = addNumericalSeparator(received);
    }
    received += 'n';
  } else {
    received = inspect(input);
  }
  msg += ` It must be ${range}. Received ${received}`;
  return msg;
}, RangeError);

E('ERR_MISSING_ARGS', (...args) => {
  assert(args.length > 0, 'At least one arg needs to be specified');
  let msg = 'The ';
  const len = args.length;
  const wrap = (a) => `"${a}"`;
  args = ArrayPrototypeMap(args, (a) => (ArrayIsArray(a) ?
    ArrayPrototypeJoin(ArrayPrototypeMap(a, wrap), ' or ') : wrap(a)));
  switch (len) {
    case 1:
      msg += `${args[0]} argument`;
      break;
    case 2:
      msg += `${args[0]} and ${args[1]} arguments`;
      break;
    default:
      msg += ArrayPrototypeJoin(ArrayPrototypeSlice(args, 0, len - 1), ', ');
      msg += `, and ${args[len - 1]} arguments`;
      break;
  }
  return `${msg} must be specified`;
}, TypeError);

E('ERR_UNHANDLED_ERROR', (err = undefined) => {
  const msg = 'Unhandled error.';
  if (err === undefined) return msg;
  return `${msg} (${err})`;
}, Error);

E('ERR_INTERNAL_ASSERTION', (message) => {
  if (message === undefined) return internalAssertionSuffix;
  return `${message}\n${internalAssertionSuffix}`;
}, Error);

E('ERR_INVALID_RETURN_VALUE', (input, name, value) => {
  return `Expected ${input} to be returned from the "${name}"` +
         ` function but got ${determineSpecificType(value)}.`;
}, TypeError, RangeError);

E('ERR_INVALID_RETURN_PROPERTY', (input, name, prop, value) => {
  return `Expected a valid ${input} to be returned for the "${prop}" from the` +
         ` "${name}" function but got ${value}.`;
}, TypeError);

E('ERR_INVALID_RETURN_PROPERTY_VALUE', (input, name, prop, value) => {
  let type;
  if (value?.constructor?.name) {
    type = `instance of ${value.constructor.name}`;
  } else {
    type = `type ${typeof value}`;
  }
  return `Expected ${input} to be returned for the "${prop}" from the` +
         ` "${name}" function but got ${type}.`;
}, TypeError);

E('ERR_SOCKET_BAD_PORT', (name, port, allowZero = true) => {
  assert(typeof allowZero === 'boolean',
         "The 'allowZero' argument must be of type boolean.");
  const operator = allowZero ? '>=' : '>';
  return `${name} should be ${operator} 0 and < 65536. Received ` +
         `${determineSpecificType(port)}.`;
}, RangeError);

E('ERR_BUFFER_OUT_OF_BOUNDS', (name = undefined) => {
  if (name) return `"${name}" is outside of buffer bounds`;
  return 'Attempt to access memory outside buffer bounds';
}, RangeError);

E('ERR_INVALID_URL', function(input) {
  this.input = input;
  return 'Invalid URL';
}, TypeError);

E('ERR_INVALID_URL_SCHEME', (expected) => {
  if (typeof expected === 'string') expected = [expected];
  assert(expected.length <= 2);
  const res = expected.length === 2 ?
    `one of scheme ${expected[0]} or ${expected[1]}` :
    `of scheme ${expected[0]}`;
  return `The URL must be ${res}`;
}, TypeError);

E('ERR_INVALID_CHAR', (name, field = undefined) => {
  let msg = `Invalid character in ${name}`;
  if (field !== undefined) msg += ` ["${field}"]`;
  return msg;
}, TypeError);

E('ERR_FALSY_VALUE_REJECTION', function(reason) {
  this.reason = reason;
  return 'Promise was rejected with falsy value';
}, Error);

E('ERR_HTTP2_STREAM_CANCEL', function(error) {
  let msg = 'The pending stream has been canceled';
  if (typeof error?.message === 'string') {
    msg += ` (caused by: ${error.message})`;
  }
  this.cause = error;
  return msg;
}, Error);

E('ERR_HTTP2_INVALID_SETTING_VALUE',
  function(name, actual, min = undefined, max = undefined) {
    this.actual = actual;
    if (min !== undefined) {
      this.min = min;
      this.max = max;
    }
    return `Invalid value for setting "${name}": ${actual}`;
  }, TypeError, RangeError);

E('ERR_ENCODING_INVALID_ENCODED_DATA', function(encoding, ret) {
  this.errno = ret;
  return `The encoded data was not valid for encoding ${encoding}`;
}, TypeError);

E('ERR_INVALID_ADDRESS_FAMILY', function(addressType, host, port) {
  this.host = host;
  this.port = port;
  return `Invalid address family: ${addressType} ${host}:${port}`;
}, RangeError);

E('ERR_INSPECTOR_COMMAND', 'Inspector error %d: %s', Error);
E('ERR_PERFORMANCE_INVALID_TIMESTAMP',
  '%d is not a valid timestamp', TypeError);
E('ERR_SRI_PARSE',
  'Subresource Integrity string %j had an unexpected %j at position %d',
  SyntaxError);
E('ERR_TLS_INVALID_PROTOCOL_VERSION',
  '%j is not a valid %s TLS protocol version', TypeError);
E('ERR_TLS_PROTOCOL_VERSION_CONFLICT',
  'TLS protocol version %j conflicts with secureProtocol %j', TypeError);

E('ERR_UNHANDLED_REJECTION',
  'This error originated either by throwing inside of an async function ' +
  'without a catch block, or by rejecting a promise which was not handled ' +
  'with .catch(). The promise rejected with the reason "%s".', Error);

require('internal/errors/codes').registerTemplateCodes(E, SystemError);
require('internal/errors/function_codes').registerFunctionCodes(E, {
  assert,
  formatList,
  inspectWithNoCustomRetry,
});

module.exports = {
  AbortError,
  aggregateErrors,
  aggregateTwoErrors,
  addCodeToName,
  addNumericalSeparator,
  captureLargerStackTrace,
  codes,
  connResetException,
  determineSpecificType,
  dnsException,
  E,
  errnoException,
  exceptionWithHostPort,
  formatList,
  genericNodeError,
  getMessage,
  getSystemErrorName,
  hideStackFrames,
  inspectWithNoCustomRetry,
  isErrorStackTraceLimitWritable,
  isStackOverflowError,
  kEnhanceStackBeforeInspector,
  kIsNodeError,
  kNoOverride,
  SystemError,
  uvErrmapGet,
  uvException,
  uvExceptionWithHostPort,
};
