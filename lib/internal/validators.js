'use strict';
// internal/validators.js - argument checks that throw Node's exact errors.

const {
  ArrayIsArray,
  ArrayPrototypeIncludes,
  ArrayPrototypeJoin,
  ArrayPrototypeMap,
  NumberIsInteger,
  NumberIsNaN,
  NumberMAX_SAFE_INTEGER,
  NumberMIN_SAFE_INTEGER,
  NumberParseInt,
  ObjectPrototypeHasOwnProperty,
  RegExpPrototypeExec,
  String,
  StringPrototypeIncludes,
  StringPrototypeToLowerCase,
  StringPrototypeToUpperCase,
  StringPrototypeTrim,
  TypedArrayPrototypeGetSymbolToStringTag,
} = primordials;

const {
  hideStackFrames,
  codes: {
    ERR_SOCKET_BAD_PORT,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
    ERR_UNKNOWN_SIGNAL,
  },
} = require('internal/errors');

/* True for integers in [-2^31, 2^31). */
function isInt32(value) {
  return value === (value | 0);
}

/* True for integers in [0, 2^32). */
function isUint32(value) {
  return value === (value >>> 0);
}

function isArrayBufferView(value) {
  if (value === null || typeof value !== 'object') return false;
  if (TypedArrayPrototypeGetSymbolToStringTag(value) !== undefined) {
    return true;
  }
  return internalBinding('types').isDataView(value);
}

const octalReg = /^[0-7]+$/;
const modeDesc = 'must be a 32-bit unsigned integer or an octal string';

/* A file mode from a number or an octal string ('0o' not allowed);
 * `def` replaces null/undefined. Returns the numeric mode. */
function parseFileMode(value, name, def) {
  value ??= def;
  if (typeof value === 'string') {
    if (RegExpPrototypeExec(octalReg, value) === null) {
      throw new ERR_INVALID_ARG_VALUE(name, value, modeDesc);
    }
    value = NumberParseInt(value, 8);
  }
  validateUint32(value, name);
  return value;
}

/* Throws unless value is a safe integer in [min, max]. */
const validateInteger = hideStackFrames(
  (value, name, min = NumberMIN_SAFE_INTEGER,
   max = NumberMAX_SAFE_INTEGER) => {
    if (typeof value !== 'number')
      throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
    if (!NumberIsInteger(value))
      throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
    if (value < min || value > max)
      throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
  },
);

/* Throws unless value is an int32 in [min, max]. */
const validateInt32 = hideStackFrames(
  (value, name, min = -2147483648, max = 2147483647) => {
    if (typeof value !== 'number') {
      throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
    }
    if (!NumberIsInteger(value)) {
      throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
    }
    if (value < min || value > max) {
      throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
    }
  },
);

/* Throws unless value is a uint32 (>= 1 when `positive`). */
const validateUint32 = hideStackFrames((value, name, positive = false) => {
  if (typeof value !== 'number') {
    throw new ERR_INVALID_ARG_TYPE(name, 'number', value);
  }
  if (!NumberIsInteger(value)) {
    throw new ERR_OUT_OF_RANGE(name, 'an integer', value);
  }
  const min = positive ? 1 : 0;
  const max = 4294967295;
  if (value < min || value > max) {
    throw new ERR_OUT_OF_RANGE(name, `>= ${min} && <= ${max}`, value);
  }
});

/* Throws unless typeof value is 'string'. */
function validateString(value, name) {
  if (typeof value !== 'string')
    throw new ERR_INVALID_ARG_TYPE(name, 'string', value);
}

/* Throws unless value is a number within [min, max] (either bound
 * optional; NaN fails when a bound is given). */
function validateNumber(value, name, min = undefined, max) {
  if (typeof value !== 'number')
    throw new ERR_INVALID_ARG_TYPE(name, 'number', value);

  if ((min != null && value < min) || (max != null && value > max) ||
      ((min != null || max != null) && NumberIsNaN(value))) {
    throw new ERR_OUT_OF_RANGE(
      name,
      `${min != null ? `>= ${min}` : ''}${min != null && max != null ?
        ' && ' : ''}${max != null ? `<= ${max}` : ''}`,
      value);
  }
}

/* Throws ERR_INVALID_ARG_VALUE unless value is one of `oneOf`. */
const validateOneOf = hideStackFrames((value, name, oneOf) => {
  if (!ArrayPrototypeIncludes(oneOf, value)) {
    const allowed = ArrayPrototypeJoin(
      ArrayPrototypeMap(oneOf, (v) =>
        (typeof v === 'string' ? `'${v}'` : String(v))),
      ', ');
    const reason = 'must be one of: ' + allowed;
    throw new ERR_INVALID_ARG_VALUE(name, value, reason);
  }
});

/* Throws unless typeof value is 'boolean'. */
function validateBoolean(value, name) {
  if (typeof value !== 'boolean')
    throw new ERR_INVALID_ARG_TYPE(name, 'boolean', value);
}

// Flag form of validateObject's options (Node 20 style; 18's is an object).
const kValidateObjectNone = 0;
const kValidateObjectAllowNullable = 1 << 0;
const kValidateObjectAllowArray = 1 << 1;
const kValidateObjectAllowFunction = 1 << 2;

function ownOption(options, key, defaultValue) {
  return options == null || !ObjectPrototypeHasOwnProperty(options, key) ?
    defaultValue :
    options[key];
}

/* Throws unless value is a non-null, non-array object. `options` is
 * { nullable, allowArray, allowFunction } (own properties) or a bitmask of
 * kValidateObjectAllow* flags. */
const validateObject = hideStackFrames(
  (value, name, options = null) => {
    let allowArray;
    let allowFunction;
    let nullable;
    if (typeof options === 'number') {
      allowArray = (options & kValidateObjectAllowArray) !== 0;
      allowFunction = (options & kValidateObjectAllowFunction) !== 0;
      nullable = (options & kValidateObjectAllowNullable) !== 0;
    } else {
      allowArray = ownOption(options, 'allowArray', false);
      allowFunction =
        ownOption(options, 'allowFunction', false);
      nullable = ownOption(options, 'nullable', false);
    }
    if ((!nullable && value === null) ||
        (!allowArray && ArrayIsArray(value)) ||
        (typeof value !== 'object' && (
          !allowFunction || typeof value !== 'function'
        ))) {
      throw new ERR_INVALID_ARG_TYPE(name, 'Object', value);
    }
  });

/* Throws unless value is null, undefined, an object or a function
 * (a WebIDL dictionary). */
const validateDictionary = hideStackFrames(
  (value, name) => {
    if (value != null && typeof value !== 'object' &&
        typeof value !== 'function') {
      throw new ERR_INVALID_ARG_TYPE(name, 'a dictionary', value);
    }
  });

/* Throws unless value is an array of at least `minLength` items. */
const validateArray = hideStackFrames((value, name, minLength = 0) => {
  if (!ArrayIsArray(value)) {
    throw new ERR_INVALID_ARG_TYPE(name, 'Array', value);
  }
  if (value.length < minLength) {
    const reason = `must be longer than ${minLength}`;
    throw new ERR_INVALID_ARG_VALUE(name, value, reason);
  }
});

/* Throws unless value is an array of strings. */
function validateStringArray(value, name) {
  validateArray(value, name);
  for (let i = 0; i < value.length; i++) {
    validateString(value[i], `${name}[${i}]`);
  }
}

/* Throws unless value is an array of booleans. */
function validateBooleanArray(value, name) {
  validateArray(value, name);
  for (let i = 0; i < value.length; i++) {
    validateBoolean(value[i], `${name}[${i}]`);
  }
}

/* Throws unless value is an array of AbortSignals. */
function validateAbortSignalArray(value, name) {
  validateArray(value, name);
  for (let i = 0; i < value.length; i++) {
    const indexedName = `${name}[${i}]`;
    /* Unlike a lone optional signal, array entries must be signals. */
    if (value[i] == null) {
      throw new ERR_INVALID_ARG_TYPE(indexedName, 'AbortSignal', value[i]);
    }
    validateAbortSignal(value[i], indexedName);
  }
}

let signalsCache;
function lazySignals() {
  if (signalsCache === undefined) {
    let signals;
    try {
      signals = internalBinding('constants').os.signals;
    } catch {
      signals = undefined;
    }
    signalsCache = signals ?? require('os').constants.signals;
  }
  return signalsCache;
}

/* Throws unless `signal` names a known signal ('SIGTERM'); lowercase
 * names get a hint. */
function validateSignalName(signal, name = 'signal') {
  validateString(signal, name);

  const signals = lazySignals();
  if (signals[signal] === undefined) {
    if (signals[StringPrototypeToUpperCase(signal)] !== undefined) {
      throw new ERR_UNKNOWN_SIGNAL(signal +
                                   ' (signals must use all capital letters)');
    }

    throw new ERR_UNKNOWN_SIGNAL(signal);
  }
}

/* Throws unless buffer is a Buffer, TypedArray or DataView. */
const validateBuffer = hideStackFrames((buffer, name = 'buffer') => {
  if (!isArrayBufferView(buffer)) {
    throw new ERR_INVALID_ARG_TYPE(name,
                                   ['Buffer', 'TypedArray', 'DataView'],
                                   buffer);
  }
});

/* Throws when hex-encoded `data` has an odd length. */
function validateEncoding(data, encoding) {
  const normalized = typeof encoding === 'string' ?
    StringPrototypeToLowerCase(encoding) : encoding;
  const length = data.length;

  if (normalized === 'hex' && length % 2 !== 0) {
    throw new ERR_INVALID_ARG_VALUE('encoding', encoding,
                                    `is invalid for data of length ${length}`);
  }
}

/* Returns `port` as an int when it is a number or numeric string in
 * [0, 65535] (0 excluded unless allowZero); else ERR_SOCKET_BAD_PORT. */
function validatePort(port, name = 'Port', allowZero = true) {
  if ((typeof port !== 'number' && typeof port !== 'string') ||
      (typeof port === 'string' && StringPrototypeTrim(port).length === 0) ||
      +port !== (+port >>> 0) ||
      port > 0xFFFF ||
      (port === 0 && !allowZero)) {
    throw new ERR_SOCKET_BAD_PORT(name, port, allowZero);
  }
  return port | 0;
}

/* Throws unless signal is undefined or AbortSignal-like (has
 * `aborted`). */
const validateAbortSignal = hideStackFrames((signal, name) => {
  if (signal !== undefined &&
      (signal === null ||
       typeof signal !== 'object' ||
       !('aborted' in signal))) {
    throw new ERR_INVALID_ARG_TYPE(name, 'AbortSignal', signal);
  }
});

/* Throws unless value is a function. */
const validateFunction = hideStackFrames((value, name) => {
  if (typeof value !== 'function')
    throw new ERR_INVALID_ARG_TYPE(name, 'Function', value);
});

/* Throws unless value is a non-async function. */
const validatePlainFunction = hideStackFrames((value, name) => {
  if (typeof value !== 'function' ||
      internalBinding('types').isAsyncFunction(value))
    throw new ERR_INVALID_ARG_TYPE(name, 'Function', value);
});

/* Throws unless value is undefined. */
const validateUndefined = hideStackFrames((value, name) => {
  if (value !== undefined)
    throw new ERR_INVALID_ARG_TYPE(name, 'undefined', value);
});

/* Throws unless value itself is one of `union`'s entries (Node 18 compares
 * the value, not its type, despite the type-list message). */
function validateUnion(value, name, union) {
  if (!ArrayPrototypeIncludes(union, value)) {
    throw new ERR_INVALID_ARG_TYPE(name,
                                   `('${ArrayPrototypeJoin(union, '|')}')`,
                                   value);
  }
}

/* Throws unless value is a string without NUL characters. */
function validateStringWithoutNullBytes(value, name) {
  validateString(value, name);
  if (StringPrototypeIncludes(value, '\u0000')) {
    throw new ERR_INVALID_ARG_VALUE(name, value,
                                    'must be a string without null bytes');
  }
}

const linkValueRegExp = /^(?:<[^>]*>)(?:\s*;\s*[^;"\s]+(?:=(")?[^;"\s]*\1)?)*$/;
const linkFormatReason =
  'must be an array or string of format "</styles.css>; rel=preload; ' +
  'as=style"';

function validateLinkHeaderFormat(value, name) {
  if (typeof value === 'undefined' ||
      RegExpPrototypeExec(linkValueRegExp, value) === null) {
    throw new ERR_INVALID_ARG_VALUE(name, value, linkFormatReason);
  }
}

/* The HTTP Link header value for early hints: a checked string, or an
 * array of them joined with ', '. */
function validateLinkHeaderValue(hints) {
  if (typeof hints === 'string') {
    validateLinkHeaderFormat(hints, 'hints');
    return hints;
  } else if (ArrayIsArray(hints)) {
    const hintsLength = hints.length;
    let result = '';

    if (hintsLength === 0) {
      return result;
    }

    for (let i = 0; i < hintsLength; i++) {
      const link = hints[i];
      validateLinkHeaderFormat(link, 'hints');
      result += link;

      if (i !== hintsLength - 1) {
        result += ', ';
      }
    }

    return result;
  }

  throw new ERR_INVALID_ARG_VALUE('hints', hints, linkFormatReason);
}

module.exports = {
  isInt32,
  isUint32,
  parseFileMode,
  validateArray,
  validateStringArray,
  validateBooleanArray,
  validateAbortSignalArray,
  validateBoolean,
  validateBuffer,
  validateDictionary,
  validateEncoding,
  validateFunction,
  validateInt32,
  validateInteger,
  validateNumber,
  validateObject,
  validateOneOf,
  validatePlainFunction,
  validatePort,
  validateSignalName,
  validateString,
  validateStringWithoutNullBytes,
  validateUint32,
  validateUndefined,
  validateUnion,
  validateAbortSignal,
  validateLinkHeaderValue,
  kValidateObjectNone,
  kValidateObjectAllowNullable,
  kValidateObjectAllowArray,
  kValidateObjectAllowFunction,
};
