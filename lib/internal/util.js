// internal/util: small helpers shared by the core modules.
'use strict';

const {
  ArrayFrom,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ArrayPrototypeSort,
  Error,
  ObjectCreate,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectFreeze,
  ObjectGetOwnPropertyDescriptor,
  ObjectGetOwnPropertyDescriptors,
  ObjectGetPrototypeOf,
  ObjectPrototypeHasOwnProperty,
  ObjectSetPrototypeOf,
  ObjectValues,
  Promise,
  ReflectApply,
  ReflectConstruct,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolReplace,
  RegExpPrototypeSymbolSplit,
  SafeMap,
  SafeSet,
  StringPrototypeCharCodeAt,
  StringPrototypeToLowerCase,
  StringPrototypeToUpperCase,
  Symbol,
  SymbolFor,
  Uint8Array,
  ArrayPrototypePop,
} = primordials;

const { isNativeError } = internalBinding('types');
const { removeColors } = require('internal/util/inspect_text');

let errorsModule;
function lazyErrors() {
  errorsModule ??= require('internal/errors');
  return errorsModule;
}
let validatorsModule;
function lazyValidators() {
  validatorsModule ??= require('internal/validators');
  return validatorsModule;
}

const kEmptyObject = ObjectFreeze(ObjectCreate(null));
const kEnumerableProperty = ObjectCreate(null);
kEnumerableProperty.enumerable = true;
ObjectFreeze(kEnumerableProperty);

const customInspectSymbol = SymbolFor('nodejs.util.inspect.custom');
const kCustomPromisifiedSymbol = SymbolFor('nodejs.util.promisify.custom');
const kCustomPromisifyArgsSymbol = Symbol('customPromisifyArgs');
const kIsEncodingSymbol = Symbol('kIsEncodingSymbol');
const kVmBreakFirstLineSymbol = Symbol('kVmBreakFirstLineSymbol');

/* True for native errors (any realm) and objects inheriting Error. */
function isError(e) {
  return isNativeError(e) || e instanceof Error;
}

// Deprecation codes already warned about (each warns once per process).
const codesWarned = new SafeSet();

/**
 * deprecate(fn, msg, code): wraps `fn` so that its first call emits a
 * DeprecationWarning `msg` (only once per `code` when one is given).
 */
function deprecate(fn, msg, code, useEmitSync) {
  if (process.noDeprecation === true) {
    return fn;
  }
  if (code !== undefined) lazyValidators().validateString(code, 'code');

  let warned = false;
  function deprecated(...args) {
    if (!warned) {
      warned = true;
      if (code !== undefined) {
        if (!codesWarned.has(code)) {
          process.emitWarning(msg, 'DeprecationWarning', code, deprecated);
          codesWarned.add(code);
        }
      } else {
        process.emitWarning(msg, 'DeprecationWarning', deprecated);
      }
    }
    if (new.target) {
      return ReflectConstruct(fn, args, new.target);
    }
    return ReflectApply(fn, this, args);
  }

  // Keep the prototype chain (statics) and instanceof of the original.
  ObjectSetPrototypeOf(deprecated, fn);
  if (fn.prototype) {
    deprecated.prototype = fn.prototype;
  }
  return deprecated;
}

/* deprecate() only when --pending-deprecation is on. */
function pendingDeprecate(fn, msg, code) {
  const { getOptionValue } = require('internal/options');
  if (getOptionValue('--pending-deprecation')) return deprecate(fn, msg, code);
  return fn;
}

const experimentalWarnings = new SafeSet();

/* Emits `<feature> is an experimental feature ...` once per feature. */
function emitExperimentalWarning(feature) {
  if (experimentalWarnings.has(feature)) return;
  experimentalWarnings.add(feature);
  const msg = `${feature} is an experimental feature and might change at ` +
    'any time';
  process.emitWarning(msg, 'ExperimentalWarning');
}

/* Rebuilds the stack of a SyntaxError with the source arrow message the
 * runtime attached (if it did). */
function decorateErrorStack(err) {
  const symbols = internalBinding('util').privateSymbols;
  if (symbols === undefined) return;
  const arrowSym = symbols.arrow_message_private_symbol;
  const decoratedSym = symbols.decorated_private_symbol;
  if (!(isError(err) && err.stack) || err[decoratedSym]) return;
  const arrow = err[arrowSym];
  if (arrow) {
    err.stack = arrow + err.stack;
    err[decoratedSym] = true;
  }
}

/* Throws ERR_NO_CRYPTO when the runtime was built without crypto. */
function assertCrypto() {
  if (process.versions.openssl === undefined) {
    throw new (lazyErrors().codes.ERR_NO_CRYPTO)();
  }
}

/* Encoding names accepted by Buffer & co, lower-cased, to their
 * canonical name. */
const encodings = {
  __proto__: null,
  'utf8': 'utf8',
  'utf-8': 'utf8',
  'ucs2': 'utf16le',
  'ucs-2': 'utf16le',
  'utf16le': 'utf16le',
  'utf-16le': 'utf16le',
  'latin1': 'latin1',
  'binary': 'latin1',
  'base64': 'base64',
  'base64url': 'base64url',
  'hex': 'hex',
  'ascii': 'ascii',
};

/**
 * normalizeEncoding(enc): 'utf8' for null/undefined/'', the canonical name
 * for a known encoding (any case), undefined otherwise.
 */
function normalizeEncoding(enc) {
  if (enc == null || enc === 'utf8' || enc === 'utf-8') return 'utf8';
  const str = `${enc}`;
  // Non-strings only match when their own length agrees (as in Node).
  if (typeof enc !== 'string' && enc.length !== str.length) return undefined;
  if (str === '') return typeof enc === 'string' ? 'utf8' : undefined;
  return encodings[StringPrototypeToLowerCase(str)];
}

/* Returns a function returning a fresh copy of the array `fn()` computes
 * on the first call. */
function cachedResult(fn) {
  let cache;
  return () => {
    if (cache === undefined) cache = fn();
    return ArrayPrototypeSlice(cache);
  };
}

/* Of names differing only in case, keeps the upper-case one (or the lower
 * one with `low`); returns them sorted. */
function filterDuplicateStrings(items, low) {
  const seen = new SafeMap();
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const key = StringPrototypeToLowerCase(item);
    if (low) {
      seen.set(key, key);
    } else {
      seen.set(key, item);
    }
  }
  return ArrayPrototypeSort(ArrayFrom(seen.values()));
}

/* A plain function that constructs `type` (callable without `new`), with
 * its name, length, statics and prototype. */
function createClassWrapper(type) {
  function fn(...args) {
    return ReflectConstruct(type, args, new.target || type);
  }
  // Mask the wrapper function name and length values.
  ObjectDefineProperties(fn, {
    name: { __proto__: null, value: type.name },
    length: { __proto__: null, value: type.length },
  });
  ObjectSetPrototypeOf(fn, type);
  fn.prototype = type.prototype;
  return fn;
}

/* The first constructor found on `obj`'s prototype chain, or null. */
function getConstructorOf(obj) {
  while (obj) {
    const descriptor = ObjectGetOwnPropertyDescriptor(obj, 'constructor');
    if (descriptor !== undefined &&
        typeof descriptor.value === 'function' &&
        descriptor.value.name !== '') {
      return descriptor.value;
    }
    obj = ObjectGetPrototypeOf(obj);
  }
  return null;
}

let uvErrorMap;
function lazyUvErrorMap() {
  uvErrorMap ??= internalBinding('uv').getErrorMap();
  return uvErrorMap;
}

/* 'ENOENT' for -2 etc. (libuv's name), undefined if unknown. */
function getSystemErrorName(err) {
  const entry = lazyUvErrorMap().get(err);
  return entry ? entry[0] : `Unknown system error ${err}`;
}

/* Map of negative errno -> [name, description]. */
function getSystemErrorMap() {
  return lazyUvErrorMap();
}

/* { promise, resolve, reject } for a new promise. */
function createDeferredPromise() {
  let resolve;
  let reject;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/**
 * promisify(original): returns a function returning a promise for the
 * result of the callback-last function `original`; honours
 * original[util.promisify.custom] and the customPromisifyArgs names.
 */
function promisify(original) {
  const { validateFunction } = lazyValidators();
  validateFunction(original, 'original');

  if (original[kCustomPromisifiedSymbol]) {
    const fn = original[kCustomPromisifiedSymbol];
    validateFunction(fn, 'util.promisify.custom');
    return ObjectDefineProperty(fn, kCustomPromisifiedSymbol, {
      __proto__: null,
      value: fn, enumerable: false, writable: false, configurable: true,
    });
  }

  // Names for the callback's values when there are several (fs.read).
  const argumentNames = original[kCustomPromisifyArgsSymbol];

  function fn(...args) {
    return new Promise((resolve, reject) => {
      ArrayPrototypePush(args, (err, ...values) => {
        if (err) {
          return reject(err);
        }
        if (argumentNames !== undefined && values.length > 1) {
          const obj = {};
          for (let i = 0; i < argumentNames.length; i++)
            obj[argumentNames[i]] = values[i];
          resolve(obj);
        } else {
          resolve(values[0]);
        }
      });
      ReflectApply(original, this, args);
    });
  }

  ObjectSetPrototypeOf(fn, ObjectGetPrototypeOf(original));

  ObjectDefineProperty(fn, kCustomPromisifiedSymbol, {
    __proto__: null,
    value: fn, enumerable: false, writable: false, configurable: true,
  });

  const descriptors = ObjectGetOwnPropertyDescriptors(original);
  const values = ObjectValues(descriptors);
  for (let i = 0; i < values.length; i++) {
    // Null-prototype descriptors do not consult Object.prototype.
    ObjectSetPrototypeOf(values[i], null);
  }
  return ObjectDefineProperties(fn, descriptors);
}

promisify.custom = kCustomPromisifiedSymbol;

/* `output.join(separator)` without Array.prototype.join. */
function join(output, separator) {
  let str = '';
  if (output.length !== 0) {
    const lastIndex = output.length - 1;
    for (let i = 0; i < lastIndex; i++) {
      str += output[i];
      str += separator;
    }
    str += output[lastIndex];
  }
  return str;
}

/* Removes list[index] in place (faster than splice for one element). */
function spliceOne(list, index) {
  for (; index + 1 < list.length; index++)
    list[index] = list[index + 1];
  ArrayPrototypePop(list);
}

const unpairedSurrogateRe =
  /(?:[^\uD800-\uDBFF]|^)[\uDC00-\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])/;

/* `str` with lone surrogates replaced by U+FFFD. */
function toUSVString(str) {
  str = `${str}`;
  if (RegExpPrototypeExec(unpairedSurrogateRe, str) === null) return str;
  let out = '';
  for (let i = 0; i < str.length; i++) {
    const c = StringPrototypeCharCodeAt(str, i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = i + 1 < str.length ? StringPrototypeCharCodeAt(str, i + 1) :
        0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += str[i] + str[i + 1];
        i++;
      } else {
        out += '\ufffd';
      }
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      out += '\ufffd';
    } else {
      out += str[i];
    }
  }
  return out;
}

/* Validates `msec` (uint32) and blocks the thread that long. */
function sleep(msec) {
  lazyValidators().validateUint32(msec, 'msec');
  internalBinding('util').sleep(msec);
}

/* Signal name or number -> signal number; throws ERR_UNKNOWN_SIGNAL. */
function convertToValidSignal(signal) {
  const { signals } = internalBinding('constants').os;
  if (typeof signal === 'number') {
    for (const name in signals) {
      if (signals[name] === signal) return signal;
    }
  } else if (typeof signal === 'string') {
    const signalNumber = signals[StringPrototypeToUpperCase(signal)];
    if (signalNumber) return signalNumber;
  }
  throw new (lazyErrors().codes.ERR_UNKNOWN_SIGNAL)(signal);
}

/* Defines `name` on `target` as a method-like (non-enumerable) property
 * that behaves as a WebIDL operation. */
function defineOperation(target, name, method) {
  ObjectDefineProperty(target, name, {
    __proto__: null,
    writable: true,
    enumerable: true,
    configurable: true,
    value: method,
  });
}

/* Defines `name` on `target` as an interface object (WebIDL). */
function exposeInterface(target, name, interfaceObject) {
  ObjectDefineProperty(target, name, {
    __proto__: null,
    writable: true,
    enumerable: false,
    configurable: true,
    value: interfaceObject,
  });
}

/* Defines `keys` on `target` as getters that require module `id` on first
 * use and then keep the value (writable, like a plain property). */
function defineLazyProperties(target, id, keys, enumerable = true) {
  const descriptors = { __proto__: null };
  let mod;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    let lazyLoadedValue;
    function set(value) {
      ObjectDefineProperty(target, key, {
        __proto__: null,
        writable: true,
        value,
      });
    }
    ObjectDefineProperty(set, 'name', {
      __proto__: null,
      value: `set ${key}`,
    });
    function get() {
      mod ??= require(id);
      if (lazyLoadedValue === undefined) {
        lazyLoadedValue = mod[key];
        set(lazyLoadedValue);
      }
      return lazyLoadedValue;
    }
    ObjectDefineProperty(get, 'name', {
      __proto__: null,
      value: `get ${key}`,
    });
    descriptors[key] = {
      __proto__: null,
      configurable: true,
      enumerable,
      get,
      set,
    };
  }
  ObjectDefineProperties(target, descriptors);
}

/* Like defineLazyProperties with enumerable: false (WebIDL globals). */
function exposeLazyInterfaces(target, id, keys) {
  defineLazyProperties(target, id, keys, false);
}

/* Defines getter/setter pairs for `keys` of module `id` on `target`; a
 * set replaces the attribute with the given value. */
function defineReplaceableLazyAttribute(target, id, keys, writable = true) {
  let mod;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    let value;
    let setterCalled = false;
    function get() {
      if (setterCalled) return value;
      mod ??= require(id);
      value ??= mod[key];
      return value;
    }
    ObjectDefineProperty(get, 'name', {
      __proto__: null,
      value: `get ${key}`,
    });
    function set(val) {
      setterCalled = true;
      value = val;
    }
    ObjectDefineProperty(set, 'name', {
      __proto__: null,
      value: `set ${key}`,
    });
    ObjectDefineProperty(target, key, {
      __proto__: null,
      enumerable: true,
      configurable: true,
      get,
      set: writable ? set : undefined,
    });
  }
}

/* Returns a function that calls `initializer` once and caches its
 * result. */
function getLazy(initializer) {
  let value;
  let initialized = false;
  return function() {
    if (initialized === false) {
      value = initializer();
      initialized = true;
    }
    return value;
  };
}

/* Returns a wrapper that calls `callback` on its first call only. */
function once(callback) {
  let done = false;
  return function(...args) {
    if (done) return;
    done = true;
    return ReflectApply(callback, this, args);
  };
}

let DOMExceptionClass;
/* The DOMException class (from internal/per_context/domexception). */
function lazyDOMExceptionClass() {
  DOMExceptionClass ??= require('internal/per_context/domexception')
    .DOMException;
  return DOMExceptionClass;
}

/* new DOMException(message, name). */
function lazyDOMException(message, name) {
  const DOMException = lazyDOMExceptionClass();
  return new DOMException(message, name);
}

/* Defines an own data property (not going through setters on the
 * prototype chain). */
function setOwnProperty(obj, key, value) {
  return ObjectDefineProperty(obj, key, {
    __proto__: null,
    configurable: true,
    enumerable: true,
    value,
    writable: true,
  });
}

/* Returns a copy of `source` with only its own properties (no inherited
 * values), or `source` itself when it is null/undefined. */
function filterOwnProperties(source, keys) {
  const filtered = ObjectCreate(null);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (ObjectPrototypeHasOwnProperty(source, key)) {
      filtered[key] = source[key];
    }
  }
  return filtered;
}

/* True when `buffer` (an ArrayBuffer) has been detached/transferred. */
function isArrayBufferDetached(buffer) {
  const binding = internalBinding('util');
  if (typeof binding.isArrayBufferDetached === 'function')
    return binding.isArrayBufferDetached(buffer);
  if (buffer.byteLength !== 0) return false;
  try {
    new Uint8Array(buffer); // eslint-disable-line no-new
    return false;
  } catch {
    return true;
  }
}

/* True when the caller of the caller lives under node_modules. */
/* Whether the nearest caller outside core code lives in a node_modules
 * folder (used to silence some deprecations for dependencies). */
function isInsideNodeModules() {
  const savedPrepare = Error.prepareStackTrace;
  const savedLimit = Error.stackTraceLimit;
  let frames;
  try {
    Error.stackTraceLimit = 20;
    Error.prepareStackTrace = (err, callSites) => callSites;
    const holder = {};
    Error.captureStackTrace(holder, isInsideNodeModules);
    frames = holder.stack;
  } finally {
    Error.prepareStackTrace = savedPrepare;
    Error.stackTraceLimit = savedLimit;
  }
  if (!Array.isArray(frames)) return false;
  for (const frame of frames) {
    const filename = frame.getFileName();
    if (!filename || filename.startsWith('node:')) continue;
    return /[\\/]node_modules[\\/]/.test(filename);
  }
  return false;
}

let cwdURL;
/* file: URL of the working directory (with a trailing slash). */
function getCWDURL() {
  const { pathToFileURL } = require('internal/url');
  let cwd;
  try {
    cwd = process.cwd() + '/';
  } catch {
    // The directory was removed: keep the last known value.
  }
  if (cwd !== undefined && (cwdURL === undefined || cwdURL.cwd !== cwd)) {
    cwdURL = { cwd, href: pathToFileURL(cwd) };
  }
  return cwdURL.href;
}

// These run the RegExp through the same primordials; nodus has no separate
// realm for them, so legacy RegExp statics may still update.
function SideEffectFreeRegExpPrototypeExec(regex, string) {
  return RegExpPrototypeExec(regex, string);
}
function SideEffectFreeRegExpPrototypeSymbolReplace(regex, string, replace) {
  return RegExpPrototypeSymbolReplace(regex, string, replace);
}
function SideEffectFreeRegExpPrototypeSymbolSplit(regex, string, limit) {
  return RegExpPrototypeSymbolSplit(regex, string, limit);
}

module.exports = {
  getLazy,
  assertCrypto,
  cachedResult,
  convertToValidSignal,
  createClassWrapper,
  createDeferredPromise,
  decorateErrorStack,
  defineOperation,
  defineLazyProperties,
  defineReplaceableLazyAttribute,
  deprecate,
  emitExperimentalWarning,
  exposeInterface,
  exposeLazyInterfaces,
  filterDuplicateStrings,
  filterOwnProperties,
  getConstructorOf,
  getCWDURL,
  getSystemErrorMap,
  getSystemErrorName,
  isArrayBufferDetached,
  isError,
  isInsideNodeModules,
  join,
  lazyDOMException,
  lazyDOMExceptionClass,
  normalizeEncoding,
  once,
  promisify,
  SideEffectFreeRegExpPrototypeExec,
  SideEffectFreeRegExpPrototypeSymbolReplace,
  SideEffectFreeRegExpPrototypeSymbolSplit,
  sleep,
  spliceOne,
  toUSVString,
  removeColors,
  pendingDeprecate,
  setOwnProperty,

  // Symbols
  customInspectSymbol,
  customPromisifyArgs: kCustomPromisifyArgsSymbol,
  kCustomPromisifiedSymbol,
  kCustomPromisifyArgsSymbol,
  kIsEncodingSymbol,
  kVmBreakFirstLineSymbol,

  kEmptyObject,
  kEnumerableProperty,
};
