'use strict';
// internal/fetch/formdata.js - the FormData class of fetch(), its
// multipart/form-data encoding, and parsing a body back into FormData.

const {
  ArrayPrototypeFilter,
  ArrayPrototypeFindIndex,
  ArrayPrototypePush,
  ArrayPrototypeSplice,
  MathFloor,
  MathRandom,
  ObjectDefineProperties,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolReplace,
  StringPrototypeIndexOf,
  StringPrototypePadStart,
  StringPrototypeSlice,
  StringPrototypeToLowerCase,
  StringPrototypeTrim,
  StringPrototypeSplit,
  Symbol,
  SymbolIterator,
  SymbolToStringTag,
  FunctionPrototypeCall,
  TypedArrayPrototypeSubarray,
} = primordials;

const { Blob, File, isBlob } = require('internal/blob');
const { encodeUtf8String } = internalBinding('encoding');

const kEntries = Symbol('entries');

/* The Files FormData makes (a subclass, so File's experimental warning is
 * not printed for them). */
class FormDataFile extends File {}

function argumentsRequired(method, needed, found) {
  return new TypeError(`FormData.${method}: ${needed} argument` +
                       `${needed === 1 ? '' : 's'} required, but only ` +
                       `${found} found.`);
}

function checkBrand(value) {
  if (!(value instanceof FormData)) throw new TypeError('Illegal invocation');
}

/* The entry value for (value, filename): strings stay strings, a Blob
 * becomes a File named `filename` (default: its own name, or 'blob'). */
function entryValue(value, filename, method) {
  if (!isBlob(value)) {
    if (filename !== undefined) {
      throw new TypeError(`Failed to execute '${method}' on 'FormData': ` +
                          "parameter 2 is not of type 'Blob'.");
    }
    return `${value}`;
  }
  if (filename === undefined) {
    if (value instanceof File) return value;
    filename = 'blob';
  }
  return new FormDataFile([value], `${filename}`, {
    type: value.type,
    lastModified: value instanceof File ? value.lastModified : undefined,
  });
}

class FormData {
  /* new FormData(): an empty form (there are no HTML forms to read). */
  constructor(form = undefined) {
    if (form !== undefined) {
      throw new TypeError('FormData constructor: Argument 1 could not be ' +
                          'converted to: undefined.');
    }
    this[kEntries] = [];
  }

  append(name, value, filename = undefined) {
    checkBrand(this);
    if (arguments.length < 2) throw argumentsRequired('append', 2, arguments.length);
    ArrayPrototypePush(this[kEntries],
                       [`${name}`, entryValue(value, filename, 'append')]);
  }

  delete(name) {
    checkBrand(this);
    if (arguments.length < 1) throw argumentsRequired('delete', 1, 0);
    name = `${name}`;
    this[kEntries] = ArrayPrototypeFilter(this[kEntries], (e) => e[0] !== name);
  }

  /* The first value of `name`, or null. */
  get(name) {
    checkBrand(this);
    if (arguments.length < 1) throw argumentsRequired('get', 1, 0);
    name = `${name}`;
    const index = ArrayPrototypeFindIndex(this[kEntries], (e) => e[0] === name);
    return index === -1 ? null : this[kEntries][index][1];
  }

  getAll(name) {
    checkBrand(this);
    if (arguments.length < 1) throw argumentsRequired('getAll', 1, 0);
    name = `${name}`;
    const values = [];
    for (const entry of this[kEntries]) {
      if (entry[0] === name) ArrayPrototypePush(values, entry[1]);
    }
    return values;
  }

  has(name) {
    checkBrand(this);
    if (arguments.length < 1) throw argumentsRequired('has', 1, 0);
    name = `${name}`;
    return ArrayPrototypeFindIndex(this[kEntries], (e) => e[0] === name) !== -1;
  }

  /* Replaces the first entry of `name` and removes the others (appends
   * when there is none). */
  set(name, value, filename = undefined) {
    checkBrand(this);
    if (arguments.length < 2) throw argumentsRequired('set', 2, arguments.length);
    name = `${name}`;
    const entry = [name, entryValue(value, filename, 'set')];
    const index = ArrayPrototypeFindIndex(this[kEntries], (e) => e[0] === name);
    if (index === -1) {
      ArrayPrototypePush(this[kEntries], entry);
      return;
    }
    this[kEntries][index] = entry;
    for (let i = this[kEntries].length - 1; i > index; i--) {
      if (this[kEntries][i][0] === name) ArrayPrototypeSplice(this[kEntries], i, 1);
    }
  }

  * entries() {
    checkBrand(this);
    for (let i = 0; i < this[kEntries].length; i++) {
      yield [this[kEntries][i][0], this[kEntries][i][1]];
    }
  }

  * keys() {
    for (const entry of this.entries()) yield entry[0];
  }

  * values() {
    for (const entry of this.entries()) yield entry[1];
  }

  forEach(callback, thisArg = undefined) {
    checkBrand(this);
    if (typeof callback !== 'function') {
      throw new TypeError("Failed to execute 'forEach' on 'FormData': " +
                          "parameter 1 is not of type 'Function'.");
    }
    for (const { 0: name, 1: value } of this.entries()) {
      FunctionPrototypeCall(callback, thisArg, value, name, this);
    }
  }
}

ObjectDefineProperties(FormData.prototype, {
  [SymbolIterator]: {
    __proto__: null, value: FormData.prototype.entries, writable: true,
    configurable: true,
  },
  [SymbolToStringTag]: { __proto__: null, value: 'FormData', configurable: true },
});

const escapeNameRe = /["\n\r]/g;
function escapeName(name) {
  return RegExpPrototypeSymbolReplace(escapeNameRe, name, (ch) =>
    (ch === '"' ? '%22' : ch === '\n' ? '%0A' : '%0D'));
}

const lineBreakRe = /\r\n|\r(?!\n)|(?<!\r)\n/g;

/* { blob, type }: `form` encoded as multipart/form-data with a fresh
 * boundary, and the Content-Type naming that boundary. */
function serializeFormData(form) {
  const boundary = '----formdata-undici-0' +
    StringPrototypePadStart(`${MathFloor(MathRandom() * 1e11)}`, 11, '0');
  const prefix = `--${boundary}\r\nContent-Disposition: form-data`;
  const parts = [];
  for (const { 0: name, 1: value } of form[kEntries]) {
    if (typeof value === 'string') {
      ArrayPrototypePush(parts, encodeUtf8String(
        `${prefix}; name="${escapeName(name)}"\r\n\r\n` +
        `${RegExpPrototypeSymbolReplace(lineBreakRe, value, '\r\n')}\r\n`));
    } else {
      ArrayPrototypePush(parts, encodeUtf8String(
        `${prefix}; name="${escapeName(name)}"; ` +
        `filename="${escapeName(value.name)}"\r\n` +
        `Content-Type: ${value.type || 'application/octet-stream'}\r\n\r\n`));
      ArrayPrototypePush(parts, value, encodeUtf8String('\r\n'));
    }
  }
  ArrayPrototypePush(parts, encodeUtf8String(`--${boundary}--`));
  return {
    blob: new Blob(parts),
    type: `multipart/form-data; boundary=${boundary}`,
  };
}

function parseFailure() {
  return new TypeError('Response.formData: Could not parse content as ' +
                       'FormData.');
}

/* The parameter `name` of a header value like `form-data; name="x"`. */
function headerParam(value, name) {
  const re = new RegExp(`;\\s*${name}\\s*=\\s*(?:"((?:[^"\\\\]|\\\\.)*)"|([^;\\s]*))`, 'i');
  const match = RegExpPrototypeExec(re, value);
  if (match === null) return undefined;
  return match[1] !== undefined ?
    RegExpPrototypeSymbolReplace(/\\(.)/g, match[1], '$1') : match[2];
}

let decoder;
function utf8(bytes) {
  decoder ??= new (require('internal/encoding').TextDecoder)();
  return decoder.decode(bytes);
}

/* Index of `needle` (bytes) in `haystack` from `from`, or -1. */
function indexOfBytes(haystack, needle, from) {
  const last = haystack.length - needle.length;
  outer: for (let i = from; i <= last; i++) {
    for (let j = 0; j < needle.length; j++) {
      if (haystack[i + j] !== needle[j]) continue outer;
    }
    return i;
  }
  return -1;
}

function parseMultipart(bytes, boundary) {
  const form = new FormData();
  const delimiter = encodeUtf8String(`--${boundary}`);
  let at = indexOfBytes(bytes, delimiter, 0);
  if (at === -1) throw parseFailure();
  for (;;) {
    at += delimiter.length;
    // `--` after a delimiter ends the body.
    if (bytes[at] === 0x2d && bytes[at + 1] === 0x2d) return form;
    if (bytes[at] !== 0x0d || bytes[at + 1] !== 0x0a) throw parseFailure();
    at += 2;
    const headEnd = indexOfBytes(bytes, encodeUtf8String('\r\n\r\n'), at);
    if (headEnd === -1) throw parseFailure();
    const head = utf8(TypedArrayPrototypeSubarray(bytes, at, headEnd));
    const bodyStart = headEnd + 4;
    const next = indexOfBytes(bytes, encodeUtf8String(`\r\n--${boundary}`),
                              bodyStart);
    if (next === -1) throw parseFailure();
    const content = TypedArrayPrototypeSubarray(bytes, bodyStart, next);
    let disposition;
    let type = '';
    for (const line of StringPrototypeSplit(head, '\r\n')) {
      const colon = StringPrototypeIndexOf(line, ':');
      if (colon === -1) continue;
      const field = StringPrototypeToLowerCase(
        StringPrototypeTrim(StringPrototypeSlice(line, 0, colon)));
      const value = StringPrototypeTrim(StringPrototypeSlice(line, colon + 1));
      if (field === 'content-disposition') disposition = value;
      else if (field === 'content-type') type = value;
    }
    const name = disposition && headerParam(disposition, 'name');
    if (name === undefined) throw parseFailure();
    const filename = headerParam(disposition, 'filename');
    if (filename !== undefined) {
      form.append(name, new FormDataFile([content], filename, { type }));
    } else {
      form.append(name, utf8(content));
    }
    at = next + 2;
  }
}

/* A FormData from a body's bytes and Content-Type (multipart/form-data or
 * application/x-www-form-urlencoded); TypeError otherwise. */
function parseFormData(bytes, contentType) {
  const essence = StringPrototypeToLowerCase(StringPrototypeTrim(
    StringPrototypeSlice(contentType, 0,
                         (StringPrototypeIndexOf(contentType, ';') + 1 ||
                          contentType.length + 1) - 1)));
  if (essence === 'multipart/form-data') {
    const boundary = headerParam(contentType, 'boundary');
    if (!boundary) throw parseFailure();
    return parseMultipart(bytes, boundary);
  }
  if (essence === 'application/x-www-form-urlencoded') {
    const { URLSearchParams } = require('internal/url');
    const form = new FormData();
    for (const { 0: name, 1: value } of new URLSearchParams(utf8(bytes))) {
      form.append(name, value);
    }
    return form;
  }
  throw parseFailure();
}

module.exports = {
  FormData,
  parseFormData,
  serializeFormData,
};
