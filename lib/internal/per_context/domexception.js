'use strict';
// internal/per_context/domexception.js - the WebIDL DOMException class.

// new DOMException(message = '', nameOrOptions = 'Error'): options are
// { name, cause }. name/message/code are enumerable prototype getters over
// private state; the legacy *_ERR constants sit on both the class and its
// prototype. Instances are Errors (the prototype inherits Error.prototype)
// and carry a stack captured at construction.
// Self-contained on purpose (no internal/errors): usable in any context.

const {
  ErrorCaptureStackTrace,
  ErrorPrototype,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
  SafeMap,
  SafeWeakMap,
  SymbolToStringTag,
  TypeError,
} = primordials;

// [constant name, code, error name] in code order; legacy codes 2, 6 and
// 16 have no error name of their own.
const legacyCodes = [
  ['INDEX_SIZE_ERR', 1, 'IndexSizeError'],
  ['DOMSTRING_SIZE_ERR', 2],
  ['HIERARCHY_REQUEST_ERR', 3, 'HierarchyRequestError'],
  ['WRONG_DOCUMENT_ERR', 4, 'WrongDocumentError'],
  ['INVALID_CHARACTER_ERR', 5, 'InvalidCharacterError'],
  ['NO_DATA_ALLOWED_ERR', 6],
  ['NO_MODIFICATION_ALLOWED_ERR', 7, 'NoModificationAllowedError'],
  ['NOT_FOUND_ERR', 8, 'NotFoundError'],
  ['NOT_SUPPORTED_ERR', 9, 'NotSupportedError'],
  ['INUSE_ATTRIBUTE_ERR', 10, 'InUseAttributeError'],
  ['INVALID_STATE_ERR', 11, 'InvalidStateError'],
  ['SYNTAX_ERR', 12, 'SyntaxError'],
  ['INVALID_MODIFICATION_ERR', 13, 'InvalidModificationError'],
  ['NAMESPACE_ERR', 14, 'NamespaceError'],
  ['INVALID_ACCESS_ERR', 15, 'InvalidAccessError'],
  ['VALIDATION_ERR', 16],
  ['TYPE_MISMATCH_ERR', 17, 'TypeMismatchError'],
  ['SECURITY_ERR', 18, 'SecurityError'],
  ['NETWORK_ERR', 19, 'NetworkError'],
  ['ABORT_ERR', 20, 'AbortError'],
  ['URL_MISMATCH_ERR', 21, 'URLMismatchError'],
  ['QUOTA_EXCEEDED_ERR', 22, 'QuotaExceededError'],
  ['TIMEOUT_ERR', 23, 'TimeoutError'],
  ['INVALID_NODE_TYPE_ERR', 24, 'InvalidNodeTypeError'],
  ['DATA_CLONE_ERR', 25, 'DataCloneError'],
];

const codeByName = new SafeMap();
for (let i = 0; i < legacyCodes.length; i++) {
  const { 1: code, 2: name } = legacyCodes[i];
  if (name !== undefined) codeByName.set(name, code);
}

// instance -> { name, message }
const internals = new SafeWeakMap();

function stateOf(self) {
  const state = internals.get(self);
  if (state === undefined) {
    // eslint-disable-next-line no-restricted-syntax
    const err = new TypeError('Value of "this" must be of DOMException');
    err.code = 'ERR_INVALID_THIS';
    throw err;
  }
  return state;
}

class DOMException {
  constructor(message = '', options = 'Error') {
    ErrorCaptureStackTrace(this);
    if (options !== null && typeof options === 'object') {
      internals.set(this, {
        message: `${message}`,
        name: `${options.name}`,
      });
      if ('cause' in options) {
        ObjectDefineProperty(this, 'cause', {
          __proto__: null,
          value: options.cause,
          configurable: true,
          writable: true,
          enumerable: false,
        });
      }
    } else {
      internals.set(this, { message: `${message}`, name: `${options}` });
    }
  }

  get name() {
    return stateOf(this).name;
  }

  get message() {
    return stateOf(this).message;
  }

  /* The legacy numeric code of `name`, 0 for modern names. */
  get code() {
    return codeByName.get(stateOf(this).name) ?? 0;
  }
}

ObjectSetPrototypeOf(DOMException.prototype, ErrorPrototype);

const enumerable = { __proto__: null, enumerable: true };
ObjectDefineProperties(DOMException.prototype, {
  [SymbolToStringTag]: {
    __proto__: null,
    configurable: true,
    value: 'DOMException',
  },
  name: enumerable,
  message: enumerable,
  code: enumerable,
});

for (let i = 0; i < legacyCodes.length; i++) {
  const { 0: constant, 1: code } = legacyCodes[i];
  const desc = {
    __proto__: null,
    enumerable: true,
    writable: false,
    configurable: false,
    value: code,
  };
  ObjectDefineProperty(DOMException, constant, desc);
  ObjectDefineProperty(DOMException.prototype, constant, desc);
}

module.exports = { DOMException };
