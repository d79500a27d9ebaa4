// internal/url/search_params: URLSearchParams and form-urlencoded coding.
'use strict';

const {
  ArrayIsArray,
  ArrayPrototypePush,
  ArrayPrototypeJoin,
  ArrayPrototypeSlice,
  ArrayPrototypeSplice,
  FunctionPrototypeCall,
  IteratorPrototype,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  ObjectSetPrototypeOf,
  ReflectGetOwnPropertyDescriptor,
  ReflectOwnKeys,
  RegExpPrototypeSymbolReplace,
  SafeMap,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  StringPrototypeSplit,
  SymbolFor,
  SymbolIterator,
  SymbolToStringTag,
} = primordials;

const {
  codes: {
    ERR_ARG_NOT_ITERABLE,
    ERR_INVALID_THIS,
    ERR_INVALID_TUPLE,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { validateFunction } = require('internal/validators');
const {
  FORM_URLENCODED,
  percentDecode,
  percentEncode,
  toUSVString,
} = require('internal/url/percent');

const kInspect = SymbolFor('nodejs.util.inspect.custom');

let inspectFn;
function lazyInspect() {
  if (inspectFn === undefined)
    inspectFn = require('internal/util/inspect').inspect;
  return inspectFn;
}

const plusRE = /\+/g;

function decodeFormComponent(str) {
  if (StringPrototypeIndexOf(str, '+') !== -1)
    str = RegExpPrototypeSymbolReplace(plusRE, str, ' ');
  return percentDecode(str);
}

/* parseParams(input): the application/x-www-form-urlencoded parser;
 * returns a flat [name, value, name, value, ...] list. */
function parseParams(input) {
  const list = [];
  if (input === '') return list;
  const parts = StringPrototypeSplit(input, '&');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part === '') continue;
    const eq = StringPrototypeIndexOf(part, '=');
    let name;
    let value;
    if (eq === -1) {
      name = part;
      value = '';
    } else {
      name = StringPrototypeSlice(part, 0, eq);
      value = StringPrototypeSlice(part, eq + 1);
    }
    ArrayPrototypePush(list, decodeFormComponent(name),
                       decodeFormComponent(value));
  }
  return list;
}

/* serializeParams(list): the application/x-www-form-urlencoded string of
 * a flat name/value list. */
function serializeParams(list) {
  let out = '';
  for (let i = 0; i < list.length; i += 2) {
    if (i !== 0) out += '&';
    out += percentEncode(list[i], FORM_URLENCODED, true) + '=' +
      percentEncode(list[i + 1], FORM_URLENCODED, true);
  }
  return out;
}

function removeColors(str) {
  return RegExpPrototypeSymbolReplace(
    // eslint-disable-next-line no-control-regex
    /\u001b\[\d\d?m/g, str, '');
}

/* Formats `output` (inspected entries) the way Node shows URLSearchParams
 * and its iterators. */
function formatEntries(prefix, output, ctx, emptyInner) {
  const separator = ', ';
  let length = -separator.length;
  for (let i = 0; i < output.length; i++)
    length += removeColors(output[i]).length + separator.length;
  if (length > ctx.breakLength)
    return `${prefix} {\n  ${ArrayPrototypeJoin(output, ',\n  ')} }`;
  if (output.length || emptyInner)
    return `${prefix} { ${ArrayPrototypeJoin(output, separator)} }`;
  return `${prefix} {}`;
}

class URLSearchParams {
  #list = [];
  #onUpdate = null;

  /* new URLSearchParams([init]): from a query string (a leading '?' is
   * ignored), a sequence of [name, value] pairs, or a record. */
  constructor(init = undefined) {
    if (init === undefined || init === null) {
      // Empty.
    } else if (typeof init === 'object' || typeof init === 'function') {
      const method = init[SymbolIterator];
      if (method === this[SymbolIterator] && #list in init) {
        const src = init.#list;
        for (let i = 0; i < src.length; i++) this.#list[i] = src[i];
      } else if (method !== undefined && method !== null) {
        if (typeof method !== 'function')
          throw new ERR_ARG_NOT_ITERABLE('Query pairs');
        for (const pair of init) {
          if ((typeof pair !== 'object' && typeof pair !== 'function') ||
              pair === null || typeof pair[SymbolIterator] !== 'function') {
            throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          }
          const converted = [];
          for (const element of pair)
            ArrayPrototypePush(converted, toUSVString(element));
          if (converted.length !== 2)
            throw new ERR_INVALID_TUPLE('Each query pair', '[name, value]');
          ArrayPrototypePush(this.#list, converted[0], converted[1]);
        }
      } else {
        const visited = new SafeMap();
        const keys = ReflectOwnKeys(init);
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i];
          const desc = ReflectGetOwnPropertyDescriptor(init, key);
          if (desc === undefined || !desc.enumerable) continue;
          const name = toUSVString(key);
          const value = toUSVString(init[key]);
          const at = visited.get(name);
          if (at !== undefined) {
            this.#list[at] = value;
          } else {
            visited.set(name, this.#list.length + 1);
            ArrayPrototypePush(this.#list, name, value);
          }
        }
      }
    } else {
      init = toUSVString(init);
      if (init[0] === '?') init = StringPrototypeSlice(init, 1);
      this.#list = parseParams(init);
    }
  }

  #update() {
    if (this.#onUpdate !== null) this.#onUpdate(serializeParams(this.#list));
  }

  static #check(self) {
    if (self === null || typeof self !== 'object' || !(#list in self))
      throw new ERR_INVALID_THIS('URLSearchParams');
  }

  /* size: the number of name/value pairs. */
  get size() {
    URLSearchParams.#check(this);
    return this.#list.length / 2;
  }

  /* append(name, value): adds a pair at the end. */
  append(name, value) {
    URLSearchParams.#check(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    ArrayPrototypePush(this.#list, toUSVString(name), toUSVString(value));
    this.#update();
  }

  /* delete(name[, value]): removes the pairs with that name (and value). */
  delete(name, value = undefined) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this.#list;
    name = toUSVString(name);
    if (value !== undefined) {
      value = toUSVString(value);
      for (let i = 0; i < list.length;) {
        if (list[i] === name && list[i + 1] === value)
          ArrayPrototypeSplice(list, i, 2);
        else
          i += 2;
      }
    } else {
      for (let i = 0; i < list.length;) {
        if (list[i] === name) ArrayPrototypeSplice(list, i, 2);
        else i += 2;
      }
    }
    this.#update();
  }

  /* get(name): the first value for `name`, or null. */
  get(name) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this.#list;
    name = toUSVString(name);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) return list[i + 1];
    }
    return null;
  }

  /* getAll(name): every value for `name`. */
  getAll(name) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this.#list;
    const values = [];
    name = toUSVString(name);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name) ArrayPrototypePush(values, list[i + 1]);
    }
    return values;
  }

  /* has(name[, value]): whether a pair with that name (and value)
   * exists. */
  has(name, value = undefined) {
    URLSearchParams.#check(this);
    if (arguments.length < 1) throw new ERR_MISSING_ARGS('name');
    const list = this.#list;
    name = toUSVString(name);
    if (value !== undefined) value = toUSVString(value);
    for (let i = 0; i < list.length; i += 2) {
      if (list[i] === name && (value === undefined || list[i + 1] === value))
        return true;
    }
    return false;
  }

  /* set(name, value): replaces the first pair named `name` and removes the
   * others, or appends. */
  set(name, value) {
    URLSearchParams.#check(this);
    if (arguments.length < 2) throw new ERR_MISSING_ARGS('name', 'value');
    const list = this.#list;
    name = toUSVString(name);
    value = toUSVString(value);
    let found = false;
    for (let i = 0; i < list.length;) {
      if (list[i] === name) {
        if (!found) {
          list[i + 1] = value;
          found = true;
          i += 2;
        } else {
          ArrayPrototypeSplice(list, i, 2);
        }
      } else {
        i += 2;
      }
    }
    if (!found) ArrayPrototypePush(list, name, value);
    this.#update();
  }

  /* sort(): orders the pairs by name (UTF-16 code units), stably. */
  sort() {
    URLSearchParams.#check(this);
    const list = this.#list;
    const pairs = [];
    for (let i = 0; i < list.length; i += 2)
      ArrayPrototypePush(pairs, [list[i], list[i + 1], i]);
    // Merge sort keeps equal names in their original order.
    const sorted = mergeSort(pairs);
    for (let i = 0; i < sorted.length; i++) {
      list[2 * i] = sorted[i][0];
      list[2 * i + 1] = sorted[i][1];
    }
    this.#update();
  }

  /* entries(): an iterator of [name, value] pairs. */
  entries() {
    URLSearchParams.#check(this);
    return new URLSearchParamsIterator(this, 'key+value');
  }

  /* forEach(callback[, thisArg]): calls callback(value, name, params) for
   * each pair, following changes made during the walk. */
  forEach(callback, thisArg = undefined) {
    URLSearchParams.#check(this);
    validateFunction(callback, 'callback');
    let list = this.#list;
    let i = 0;
    while (i < list.length) {
      const key = list[i];
      const value = list[i + 1];
      FunctionPrototypeCall(callback, thisArg, value, key, this);
      list = this.#list;
      i += 2;
    }
  }

  /* keys(): an iterator of names. */
  keys() {
    URLSearchParams.#check(this);
    return new URLSearchParamsIterator(this, 'key');
  }

  /* values(): an iterator of values. */
  values() {
    URLSearchParams.#check(this);
    return new URLSearchParamsIterator(this, 'value');
  }

  /* toString(): the application/x-www-form-urlencoded serialization. */
  toString() {
    URLSearchParams.#check(this);
    return serializeParams(this.#list);
  }

  [kInspect](recurseTimes, ctx) {
    URLSearchParams.#check(this);
    if (typeof recurseTimes === 'number' && recurseTimes < 0)
      return ctx.stylize('[Object]', 'special');
    const inspect = lazyInspect();
    const innerOpts = { ...ctx };
    if (recurseTimes !== null) innerOpts.depth = recurseTimes - 1;
    const list = this.#list;
    const output = [];
    for (let i = 0; i < list.length; i += 2) {
      ArrayPrototypePush(output, `${inspect(list[i], innerOpts)} => ` +
                                 `${inspect(list[i + 1], innerOpts)}`);
    }
    return formatEntries(this.constructor.name, output, ctx, false);
  }

  static getList(params) {
    return params.#list;
  }

  static setList(params, list) {
    params.#list = list;
  }

  static setOnUpdate(params, fn) {
    params.#onUpdate = fn;
  }
}

function mergeSort(a) {
  if (a.length <= 1) return a;
  const mid = a.length >> 1;
  const left = mergeSort(ArrayPrototypeSlice(a, 0, mid));
  const right = mergeSort(ArrayPrototypeSlice(a, mid));
  const out = [];
  let i = 0;
  let j = 0;
  while (i < left.length && j < right.length) {
    if (right[j][0] < left[i][0]) ArrayPrototypePush(out, right[j++]);
    else ArrayPrototypePush(out, left[i++]);
  }
  while (i < left.length) ArrayPrototypePush(out, left[i++]);
  while (j < right.length) ArrayPrototypePush(out, right[j++]);
  return out;
}

const getList = URLSearchParams.getList;
const setList = URLSearchParams.setList;
const setOnUpdate = URLSearchParams.setOnUpdate;
delete URLSearchParams.getList;
delete URLSearchParams.setList;
delete URLSearchParams.setOnUpdate;

/* Iterator objects: live views over a URLSearchParams' list. */
class URLSearchParamsIterator {
  #target;
  #kind;
  #index = 0;

  constructor(target, kind) {
    this.#target = target;
    this.#kind = kind;
  }

  next() {
    if (this === null || typeof this !== 'object' ||
        !(#target in this)) {
      throw new ERR_INVALID_THIS('URLSearchParamsIterator');
    }
    const list = getList(this.#target);
    const index = this.#index;
    if (index >= list.length) return { value: undefined, done: true };
    const name = list[index];
    const value = list[index + 1];
    this.#index = index + 2;
    let result;
    if (this.#kind === 'key') result = name;
    else if (this.#kind === 'value') result = value;
    else result = [name, value];
    return { value: result, done: false };
  }

  [kInspect](recurseTimes, ctx) {
    if (this === null || typeof this !== 'object' || !(#target in this))
      throw new ERR_INVALID_THIS('URLSearchParamsIterator');
    if (typeof recurseTimes === 'number' && recurseTimes < 0)
      return ctx.stylize('[Object]', 'special');
    const inspect = lazyInspect();
    const innerOpts = { ...ctx };
    if (recurseTimes !== null) innerOpts.depth = recurseTimes - 1;
    const list = getList(this.#target);
    const output = [];
    for (let i = this.#index; i < list.length; i += 2) {
      let entry;
      if (this.#kind === 'key') entry = list[i];
      else if (this.#kind === 'value') entry = list[i + 1];
      else entry = [list[i], list[i + 1]];
      ArrayPrototypePush(output, inspect(entry, innerOpts));
    }
    return formatEntries(this[SymbolToStringTag], output, ctx, true);
  }
}

// The iterator prototype has only `next` (plus symbols) and inherits
// from %IteratorPrototype%.
delete URLSearchParamsIterator.prototype.constructor;
ObjectSetPrototypeOf(URLSearchParamsIterator.prototype, IteratorPrototype);
ObjectDefineProperty(URLSearchParamsIterator.prototype, SymbolToStringTag, {
  __proto__: null,
  value: 'URLSearchParams Iterator',
  writable: false,
  enumerable: false,
  configurable: true,
});
ObjectDefineProperty(URLSearchParamsIterator.prototype, 'next', {
  __proto__: null,
  enumerable: true,
});
{
  const desc = ObjectGetOwnPropertyDescriptor(URLSearchParamsIterator.prototype,
                                              kInspect);
  ObjectDefineProperty(URLSearchParamsIterator.prototype, kInspect, {
    __proto__: null, ...desc, enumerable: false });
}

const enumerable = { __proto__: null, enumerable: true };
ObjectDefineProperties(URLSearchParams.prototype, {
  size: enumerable,
  append: enumerable,
  delete: enumerable,
  get: enumerable,
  getAll: enumerable,
  has: enumerable,
  set: enumerable,
  sort: enumerable,
  entries: enumerable,
  forEach: enumerable,
  keys: enumerable,
  values: enumerable,
  toString: enumerable,
  [SymbolToStringTag]: {
    __proto__: null,
    value: 'URLSearchParams',
    writable: false,
    enumerable: false,
    configurable: true,
  },
  [SymbolIterator]: {
    __proto__: null,
    value: URLSearchParams.prototype.entries,
    writable: true,
    enumerable: false,
    configurable: true,
  },
});

function isURLSearchParams(value) {
  return value !== null && typeof value === 'object' &&
    ArrayIsArray(tryGetList(value));
}

function tryGetList(value) {
  try {
    return getList(value);
  } catch {
    return undefined;
  }
}

module.exports = {
  URLSearchParams,
  isURLSearchParams,
  getParamsList: getList,
  setParamsList: setList,
  setParamsOnUpdate: setOnUpdate,
  parseParams,
  serializeParams,
};
