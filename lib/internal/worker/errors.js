'use strict';
// internal/worker/errors.js - how an uncaught exception of a worker
// travels to its parent: errors become plain records (constructor name,
// message, stack, own properties) that survive a message, and are
// rebuilt as errors of the same kind in the parent.

const {
  ArrayPrototypeIncludes,
  ObjectDefineProperty,
  ObjectGetPrototypeOf,
  ObjectKeys,
  ObjectPrototypeHasOwnProperty,
  ObjectSetPrototypeOf,
} = primordials;

// Constructors rebuilt by name; anything else becomes a plain Error.
const kKnown = [
  'Error', 'EvalError', 'RangeError', 'ReferenceError', 'SyntaxError',
  'TypeError', 'URIError', 'AggregateError',
];

function isErrorLike(value) {
  if (value === null || typeof value !== 'object') return false;
  return internalBinding('types').isNativeError(value) ||
    value instanceof Error;
}

/* Name of the nearest standard error constructor in value's chain. */
function knownCtorName(value) {
  let proto = ObjectGetPrototypeOf(value);
  while (proto !== null) {
    const ctor = ObjectPrototypeHasOwnProperty(proto, 'constructor') ?
      proto.constructor : undefined;
    const name = typeof ctor === 'function' ? ctor.name : undefined;
    if (ArrayPrototypeIncludes(kKnown, name) && globalThis[name] === ctor) {
      return name;
    }
    proto = ObjectGetPrototypeOf(proto);
  }
  return 'Error';
}

/* serializeError(value) -> a record for deserializeError(): errors are
 * described field by field, other values are carried as they are. */
function serializeError(value) {
  if (!isErrorLike(value)) return { kind: 'value', value };
  const record = {
    kind: 'error',
    ctor: knownCtorName(value),
    message: undefined,
    stack: undefined,
    props: {},
  };
  try {
    record.message = value.message;
    record.stack = value.stack;
    const keys = ObjectKeys(value);
    for (let i = 0; i < keys.length; i++) {
      const v = value[keys[i]];
      if (typeof v !== 'function' && typeof v !== 'symbol') {
        record.props[keys[i]] = v;
      }
    }
    if (value.name !== undefined &&
        !ObjectPrototypeHasOwnProperty(value, 'name')) {
      record.name = `${value.name}`;
    }
  } catch {
    // a throwing getter: keep what could be read
  }
  return record;
}

/* deserializeError(record) -> the value the worker threw. */
function deserializeError(record) {
  if (record === null || typeof record !== 'object') return record;
  if (record.kind === 'value') return record.value;
  if (record.kind === 'inspected') {
    // eslint-disable-next-line no-restricted-syntax
    const err = new Error(record.text);
    return err;
  }
  const Ctor = globalThis[record.ctor] ?? Error;
  const err = ObjectSetPrototypeOf({}, Ctor.prototype);
  const hidden = { __proto__: null, writable: true, configurable: true,
                   enumerable: false };
  if (record.message !== undefined) {
    ObjectDefineProperty(err, 'message', { ...hidden,
                                           value: record.message });
  }
  ObjectDefineProperty(err, 'stack', { ...hidden, value: record.stack });
  if (record.name !== undefined && record.name !== Ctor.prototype.name) {
    ObjectDefineProperty(err, 'name', { ...hidden, value: record.name });
  }
  const keys = ObjectKeys(record.props);
  for (let i = 0; i < keys.length; i++) {
    err[keys[i]] = record.props[keys[i]];
  }
  return err;
}

module.exports = { serializeError, deserializeError };
