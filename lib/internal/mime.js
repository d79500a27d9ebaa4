// internal/mime: util.MIMEType and util.MIMEParams (WHATWG MIME types).
'use strict';

const {
  FunctionPrototypeCall,
  ObjectDefineProperty,
  RegExpPrototypeExec,
  SafeMap,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  StringPrototypeToLowerCase,
  SymbolIterator,
} = primordials;

const {
  codes: {
    ERR_INVALID_MIME_SYNTAX,
  },
} = require('internal/errors');

// WHATWG: HTTP token code points, HTTP quoted-string token code points
// (tab, printable ASCII, U+0080-U+00FF) and HTTP whitespace.
const notTokenRe = /[^!#$%&'*+\-.^_`|~A-Za-z0-9]/;
const notQuotedStringTokenRe = /[^\t\u0020-\u007e\u0080-\u00ff]/;
const leadingWhitespaceRe = /^[\t\n\r ]+/;
const trailingWhitespaceRe = /[\t\n\r ]+$/;

/* Index of the first char of `str` matching `re`, or -1. */
function searchIndex(re, str) {
  const m = RegExpPrototypeExec(re, str);
  return m === null ? -1 : m.index;
}

function trimStart(str) {
  const m = RegExpPrototypeExec(leadingWhitespaceRe, str);
  return m === null ? str : StringPrototypeSlice(str, m[0].length);
}

function trimEnd(str) {
  const m = RegExpPrototypeExec(trailingWhitespaceRe, str);
  return m === null ? str : StringPrototypeSlice(str, 0, m.index);
}

/* `value` as it appears after `name=`: quoted (with \ escapes) unless it is
 * a non-empty token. */
function serializeValue(value) {
  if (value.length !== 0 && searchIndex(notTokenRe, value) === -1)
    return value;
  let out = '"';
  for (let i = 0; i < value.length; i++) {
    const ch = value[i];
    if (ch === '"' || ch === '\\') out += '\\';
    out += ch;
  }
  return `${out}"`;
}

/* Collects an HTTP quoted string starting at str[pos] === '"' (value
 * extracted). Returns [value, positionAfter]. */
function collectQuotedString(str, pos) {
  let value = '';
  pos++; // The opening quote.
  while (pos < str.length) {
    const ch = str[pos];
    if (ch === '"') {
      pos++;
      break;
    }
    if (ch === '\\') {
      pos++;
      if (pos >= str.length) {
        value += '\\';
        break;
      }
      value += str[pos++];
      continue;
    }
    value += ch;
    pos++;
  }
  return [value, pos];
}

/* Parses the `;name=value` list of `str` from `pos` into `params`, keeping
 * the first valid occurrence of each name. */
function parseParameters(str, pos, params) {
  const map = getMap(params);
  while (pos < str.length) {
    pos++; // ';'
    while (pos < str.length && (str[pos] === ' ' || str[pos] === '\t' ||
                                str[pos] === '\n' || str[pos] === '\r')) {
      pos++;
    }
    let end = pos;
    while (end < str.length && str[end] !== ';' && str[end] !== '=') end++;
    const name = StringPrototypeToLowerCase(StringPrototypeSlice(str, pos,
                                                                  end));
    pos = end;
    if (pos >= str.length) break;
    if (str[pos] === ';') continue;
    pos++; // '='
    if (pos >= str.length) break;
    let value;
    if (str[pos] === '"') {
      [value, pos] = collectQuotedString(str, pos);
      const semi = StringPrototypeIndexOf(str, ';', pos);
      pos = semi === -1 ? str.length : semi;
    } else {
      const semi = StringPrototypeIndexOf(str, ';', pos);
      end = semi === -1 ? str.length : semi;
      value = trimEnd(StringPrototypeSlice(str, pos, end));
      pos = end;
      if (value === '') continue;
    }
    if (name !== '' && searchIndex(notTokenRe, name) === -1 &&
        searchIndex(notQuotedStringTokenRe, value) === -1 &&
        !map.has(name)) {
      map.set(name, value);
    }
  }
}

// Reads a MIMEParams' private map (set up in the class's static block).
let getMap;

/**
 * MIMEParams: the ordered name -> value parameters of a MIME type.
 */
class MIMEParams {
  #map = new SafeMap();

  static {
    getMap = (params) => params.#map;
  }

  constructor() {} // eslint-disable-line no-useless-constructor

  /* Removes parameter `name`. */
  delete(name) {
    this.#map.delete(name);
  }

  /* The value of `name`, or null. */
  get(name) {
    const map = this.#map;
    return map.has(name) ? map.get(name) : null;
  }

  /* Whether `name` is set. */
  has(name) {
    return this.#map.has(name);
  }

  /* Sets `name` to `value`; both must be valid MIME syntax. */
  set(name, value) {
    name = `${name}`;
    value = `${value}`;
    const badName = searchIndex(notTokenRe, name);
    if (name.length === 0 || badName !== -1) {
      throw new ERR_INVALID_MIME_SYNTAX('parameter name', name, badName);
    }
    const badValue = searchIndex(notQuotedStringTokenRe, value);
    if (badValue !== -1) {
      throw new ERR_INVALID_MIME_SYNTAX('parameter value', value, badValue);
    }
    this.#map.set(name, value);
  }

  /* Iterates [name, value] pairs. */
  *entries() {
    yield* this.#map.entries();
  }

  /* Iterates names. */
  *keys() {
    for (const { 0: key } of this.#map.entries()) yield key;
  }

  /* Iterates values. */
  *values() {
    for (const { 1: value } of this.#map.entries()) yield value;
  }

  /* `name=value;...` */
  toString() {
    let out = '';
    for (const { 0: key, 1: value } of this.#map.entries()) {
      if (out !== '') out += ';';
      out += `${key}=${serializeValue(value)}`;
    }
    return out;
  }

  toJSON() {
    return this.toString();
  }
}

ObjectDefineProperty(MIMEParams.prototype, SymbolIterator, {
  __proto__: null,
  configurable: true,
  writable: true,
  value: MIMEParams.prototype.entries,
});

/**
 * MIMEType(string): a parsed MIME type (`type/subtype;params`); throws
 * ERR_INVALID_MIME_SYNTAX for invalid input.
 */
class MIMEType {
  #type;
  #subtype;
  #parameters;

  constructor(string) {
    const input = `${string}`;
    const str = trimEnd(trimStart(input));
    const slash = StringPrototypeIndexOf(str, '/');
    const type = StringPrototypeSlice(str, 0, slash === -1 ? str.length :
      slash);
    const badType = searchIndex(notTokenRe, type);
    if (type.length === 0 || badType !== -1 || slash === -1) {
      throw new ERR_INVALID_MIME_SYNTAX('type', input, badType);
    }
    const semi = StringPrototypeIndexOf(str, ';', slash + 1);
    const end = semi === -1 ? str.length : semi;
    const subtype = trimEnd(StringPrototypeSlice(str, slash + 1, end));
    if (subtype.length === 0 || searchIndex(notTokenRe, subtype) !== -1) {
      // Node reports the offending subtype text in place of an index.
      throw new ERR_INVALID_MIME_SYNTAX('subtype', input, subtype);
    }
    this.#type = StringPrototypeToLowerCase(type);
    this.#subtype = StringPrototypeToLowerCase(subtype);
    this.#parameters = new MIMEParams();
    parseParameters(str, end, this.#parameters);
  }

  get type() {
    return this.#type;
  }

  set type(v) {
    v = `${v}`;
    const bad = searchIndex(notTokenRe, v);
    if (v.length === 0 || bad !== -1) {
      throw new ERR_INVALID_MIME_SYNTAX('type', v, bad);
    }
    this.#type = StringPrototypeToLowerCase(v);
  }

  get subtype() {
    return this.#subtype;
  }

  set subtype(v) {
    v = `${v}`;
    const bad = searchIndex(notTokenRe, v);
    if (v.length === 0 || bad !== -1) {
      throw new ERR_INVALID_MIME_SYNTAX('subtype', v, bad);
    }
    this.#subtype = StringPrototypeToLowerCase(v);
  }

  /* `type/subtype` without parameters. */
  get essence() {
    return `${this.#type}/${this.#subtype}`;
  }

  get params() {
    return this.#parameters;
  }

  toString() {
    let ret = `${this.#type}/${this.#subtype}`;
    const paramStr = FunctionPrototypeCall(MIMEParams.prototype.toString,
                                           this.#parameters);
    if (paramStr.length) ret += `;${paramStr}`;
    return ret;
  }

  toJSON() {
    return this.toString();
  }
}

module.exports = {
  MIMEParams,
  MIMEType,
};
