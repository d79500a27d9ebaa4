'use strict';
// internal/fetch/headers.js - the WHATWG Headers class of fetch(), with the
// name/value checks and the sorted, combined iteration Node 18 gives.

const {
  ArrayPrototypePush,
  ArrayPrototypeSort,
  FunctionPrototypeCall,
  MapPrototypeGet,
  ObjectDefineProperties,
  ObjectKeys,
  ObjectPrototype,
  ObjectSetPrototypeOf,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolReplace,
  SafeMap,
  StringPrototypeToLowerCase,
  Symbol,
  SymbolIterator,
  SymbolToStringTag,
} = primordials;

const { inspect } = require('internal/util/inspect');

const kList = Symbol('headers list');
const kGuard = Symbol('guard');

/* RFC 9110 token characters. */
const tokenRe = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/* Leading or trailing HTTP whitespace (tab, space, CR, LF). */
const outerWhitespaceRe = /^[\t\n\r ]+|[\t\n\r ]+$/g;
const badValueRe = /[\0\r\n]/;

/* True when `name` is an HTTP token (a valid header name or method). */
function isToken(name) {
  return RegExpPrototypeExec(tokenRe, name) !== null;
}

function checkName(name, method) {
  if (!isToken(name)) {
    throw new TypeError(`Headers.${method}: "${name}" is an invalid header ` +
                        'name.');
  }
}

/* A header value with its outer whitespace removed; throws for NUL, CR or
 * LF inside it. */
function normalizeValue(value, method) {
  const normalized =
    RegExpPrototypeSymbolReplace(outerWhitespaceRe, `${value}`, '');
  if (RegExpPrototypeExec(badValueRe, normalized) !== null) {
    throw new TypeError(`Headers.${method}: "${normalized}" is an invalid ` +
                        'header value.');
  }
  return normalized;
}

function checkMutable(headers) {
  if (headers[kGuard] === 'immutable') throw new TypeError('immutable');
}

function checkBrand(value) {
  if (value === null || typeof value !== 'object' || !(kList in value)) {
    throw new TypeError('Illegal invocation');
  }
}

class Headers {
  /* new Headers([init]): init is a Headers, an iterable of [name, value]
   * pairs or a record of name -> value. */
  constructor(init = undefined) {
    // lowercased name -> { name: as first given, value: combined }
    this[kList] = new SafeMap();
    this[kGuard] = 'none';
    if (init !== undefined) fillHeaders(this, init);
  }

  /* Adds a value; values of one name are combined with ", ". */
  append(name, value) {
    checkBrand(this);
    appendHeader(this, `${name}`, value, 'append');
  }

  delete(name) {
    checkBrand(this);
    name = `${name}`;
    checkName(name, 'delete');
    checkMutable(this);
    this[kList].delete(StringPrototypeToLowerCase(name));
  }

  /* The combined value of `name`, or null. */
  get(name) {
    checkBrand(this);
    name = `${name}`;
    checkName(name, 'get');
    const entry = MapPrototypeGet(this[kList], StringPrototypeToLowerCase(name));
    return entry === undefined ? null : entry.value;
  }

  has(name) {
    checkBrand(this);
    name = `${name}`;
    checkName(name, 'has');
    return this[kList].has(StringPrototypeToLowerCase(name));
  }

  /* Replaces every value of `name` with `value`. */
  set(name, value) {
    checkBrand(this);
    name = `${name}`;
    checkName(name, 'set');
    value = normalizeValue(value, 'set');
    checkMutable(this);
    this[kList].set(StringPrototypeToLowerCase(name), { name, value });
  }

  /* Calls callback(value, name, headers) for each name in sorted order. */
  forEach(callback, thisArg = undefined) {
    checkBrand(this);
    if (typeof callback !== 'function') {
      throw new TypeError("Failed to execute 'forEach' on 'Headers': " +
                          "parameter 1 is not of type 'Function'.");
    }
    for (const { 0: name, 1: value } of sortedEntries(this)) {
      FunctionPrototypeCall(callback, thisArg, value, name, this);
    }
  }

  keys() {
    checkBrand(this);
    return new HeadersIterator(this, 'key');
  }

  values() {
    checkBrand(this);
    return new HeadersIterator(this, 'value');
  }

  entries() {
    checkBrand(this);
    return new HeadersIterator(this, 'key+value');
  }

  [inspect.custom](depth, options) {
    const record = { __proto__: null };
    for (const { 0: name, 1: value } of sortedEntries(this)) {
      record[name] = value;
    }
    ObjectSetPrototypeOf(record, ObjectPrototype);
    return `Headers ${inspect(record, { ...options, depth })}`;
  }
}

ObjectDefineProperties(Headers.prototype, {
  [SymbolIterator]: {
    __proto__: null, value: Headers.prototype.entries, writable: true,
    configurable: true,
  },
  [SymbolToStringTag]: {
    __proto__: null, value: 'Headers', configurable: true,
  },
});

function appendHeader(headers, name, value, method) {
  checkName(name, method);
  value = normalizeValue(value, method);
  checkMutable(headers);
  const key = StringPrototypeToLowerCase(name);
  const entry = MapPrototypeGet(headers[kList], key);
  if (entry === undefined) {
    headers[kList].set(key, { name, value });
  } else {
    entry.value = `${entry.value}, ${value}`;
  }
}

/* Appends every header of `init` (see the constructor) to `headers`. */
function fillHeaders(headers, init) {
  if (init === null || typeof init !== 'object') {
    throw new TypeError("Failed to construct 'Headers': The provided value " +
                        'is not of type \'(record<ByteString, ByteString> ' +
                        'or sequence<sequence<ByteString>>)\'.');
  }
  if (typeof init[SymbolIterator] === 'function') {
    for (const pair of init) {
      if (pair === null || typeof pair !== 'object' ||
          typeof pair[SymbolIterator] !== 'function') {
        throw new TypeError('Headers constructor: expected name/value pair ' +
                            'to be an iterable.');
      }
      const items = [...pair];
      if (items.length !== 2) {
        throw new TypeError('Headers constructor: expected name/value pair ' +
                            `to be length 2, found ${items.length}.`);
      }
      appendHeader(headers, `${items[0]}`, items[1], 'append');
    }
    return;
  }
  for (const name of ObjectKeys(init)) {
    appendHeader(headers, name, init[name], 'append');
  }
}

/* [lowercased name, value] pairs sorted by name. */
function sortedEntries(headers) {
  const entries = [];
  for (const { 0: key, 1: entry } of headers[kList]) {
    ArrayPrototypePush(entries, [key, entry.value]);
  }
  return ArrayPrototypeSort(entries, (a, b) => (a[0] < b[0] ? -1 : 1));
}

/* Iterates a Headers live: each step sorts the list as it is then. */
class HeadersIterator {
  constructor(headers, kind) {
    this.headers = headers;
    this.kind = kind;
    this.index = 0;
  }

  next() {
    if (!(this instanceof HeadersIterator)) {
      throw new TypeError("'next' called on an object that does not " +
                          'implement interface Headers Iterator.');
    }
    const entries = sortedEntries(this.headers);
    if (this.index >= entries.length) return { value: undefined, done: true };
    const pair = entries[this.index++];
    const value = this.kind === 'key' ? pair[0] :
      this.kind === 'value' ? pair[1] : pair;
    return { value, done: false };
  }

  [SymbolIterator]() {
    return this;
  }
}
ObjectDefineProperties(HeadersIterator.prototype, {
  [SymbolToStringTag]: {
    __proto__: null, value: 'Headers Iterator', configurable: true,
  },
});

/* A Headers holding `init`, with the given guard ('none' | 'immutable'). */
function createHeaders(init, guard = 'none') {
  const headers = new Headers(init);
  headers[kGuard] = guard;
  return headers;
}

/* Makes `headers` immutable (the headers of a fetched Response). */
function freezeHeaders(headers) {
  headers[kGuard] = 'immutable';
}

/* The [name as given, value] pairs of `headers`, in insertion order (for
 * sending them). */
function headerPairs(headers) {
  const pairs = [];
  for (const entry of headers[kList].values()) {
    ArrayPrototypePush(pairs, [entry.name, entry.value]);
  }
  return pairs;
}

/* A mutable copy of `headers` keeping each name as it was given. */
function copyHeaders(headers) {
  const copy = new Headers(undefined);
  for (const { 0: key, 1: entry } of headers[kList]) {
    copy[kList].set(key, { name: entry.name, value: entry.value });
  }
  return copy;
}

/* Removes `name` regardless of the guard (redirect handling). */
function dropHeader(headers, name) {
  headers[kList].delete(StringPrototypeToLowerCase(name));
}

module.exports = {
  Headers,
  copyHeaders,
  createHeaders,
  dropHeader,
  fillHeaders,
  freezeHeaders,
  headerPairs,
  isToken,
};
