// comparisons.js - deep equality, loose and strict, for assert and util.
'use strict';

const {
  ArrayBufferIsView,
  ArrayIsArray,
  ArrayPrototypeFilter,
  ArrayPrototypePush,
  BigIntPrototypeValueOf,
  BooleanPrototypeValueOf,
  DatePrototypeGetTime,
  Error,
  NumberIsNaN,
  NumberPrototypeValueOf,
  ObjectGetOwnPropertySymbols,
  ObjectGetPrototypeOf,
  ObjectIs,
  ObjectKeys,
  ObjectPrototypeHasOwnProperty,
  ObjectPrototypePropertyIsEnumerable,
  ObjectPrototypeToString,
  ReflectGetPrototypeOf,
  RegExpPrototypeGetFlags,
  RegExpPrototypeGetSource,
  SafeMap,
  SafeSet,
  StringPrototypeValueOf,
  SymbolPrototypeValueOf,
  TypedArrayPrototypeGetSymbolToStringTag,
  Uint32Array,
  Uint8Array,
  uncurryThis,
} = primordials;

const {
  isAnyArrayBuffer,
  isBigIntObject,
  isBooleanObject,
  isBoxedPrimitive,
  isDate,
  isMap,
  isNativeError,
  isNumberObject,
  isRegExp,
  isSet,
  isStringObject,
  isSymbolObject,
} = internalBinding('types');

const {
  getOwnNonIndexProperties,
  constants: { ONLY_ENUMERABLE },
} = internalBinding('util');

/* Iteration over user Maps and Sets must not go through patchable
 * prototypes: capture the methods and the iterator `next`s once. */
const SetPrototype = ReflectGetPrototypeOf(new Set());
const MapPrototype = ReflectGetPrototypeOf(new Map());
const setValues = uncurryThis(SetPrototype.values);
const setHas = uncurryThis(SetPrototype.has);
const setSize = uncurryThis(
  primordials.ObjectGetOwnPropertyDescriptor(SetPrototype, 'size').get);
const mapEntries = uncurryThis(MapPrototype.entries);
const mapHas = uncurryThis(MapPrototype.has);
const mapGet = uncurryThis(MapPrototype.get);
const mapSize = uncurryThis(
  primordials.ObjectGetOwnPropertyDescriptor(MapPrototype, 'size').get);
const setIterNext = uncurryThis(
  ReflectGetPrototypeOf(new Set().values()).next);
const mapIterNext = uncurryThis(
  ReflectGetPrototypeOf(new Map().entries()).next);

const LOOSE = false;
const STRICT = true;

// What kind of indexed / iterable content an object carries besides keys.
const PLAIN = 0;
const ARRAY = 1;
const SET = 2;
const MAP = 3;

/* Collects the values of a Set into an array. */
function setToArray(set) {
  const out = [];
  const it = setValues(set);
  for (let r = setIterNext(it); !r.done; r = setIterNext(it))
    ArrayPrototypePush(out, r.value);
  return out;
}

/* Collects the [key, value] pairs of a Map into an array. */
function mapToArray(map) {
  const out = [];
  const it = mapEntries(map);
  for (let r = mapIterNext(it); !r.done; r = mapIterNext(it))
    ArrayPrototypePush(out, r.value);
  return out;
}

function isObjectLike(v) {
  return typeof v === 'object' && v !== null;
}

/* Own enumerable non-index keys; symbols only count in strict mode. */
function nonIndexKeys(obj, strict) {
  const keys = getOwnNonIndexProperties(obj, ONLY_ENUMERABLE);
  if (strict) return keys;
  return ArrayPrototypeFilter(keys, (k) => typeof k !== 'symbol');
}

function typedArrayTag(v) {
  return TypedArrayPrototypeGetSymbolToStringTag(v);
}

/* Byte equality of two Uint8Arrays, four bytes at a time when aligned. */
function sameBytes(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  const n = a.byteLength;
  let i = 0;
  if (n >= 64 && a.byteOffset % 4 === 0 && b.byteOffset % 4 === 0) {
    const words = n >>> 2;
    const wa = new Uint32Array(a.buffer, a.byteOffset, words);
    const wb = new Uint32Array(b.buffer, b.byteOffset, words);
    for (let w = 0; w < words; w++) {
      if (wa[w] !== wb[w]) return false;
    }
    i = words << 2;
  }
  for (; i < n; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

/* Views of the same type with identical bytes (DataView included). */
function sameViewBytes(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  return sameBytes(new Uint8Array(a.buffer, a.byteOffset, a.byteLength),
                   new Uint8Array(b.buffer, b.byteOffset, b.byteLength));
}

/* Float arrays in loose mode: element-wise ==, so +0 equals -0. */
function sameFloats(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function sameBuffers(a, b) {
  return sameBytes(new Uint8Array(a), new Uint8Array(b));
}

function sameRegExps(a, b) {
  return RegExpPrototypeGetSource(a) === RegExpPrototypeGetSource(b) &&
    RegExpPrototypeGetFlags(a) === RegExpPrototypeGetFlags(b) &&
    a.lastIndex === b.lastIndex;
}

/* Boxed primitives compare their [[PrimitiveValue]] (never valueOf()). */
function sameBoxed(a, b) {
  if (isNumberObject(a)) {
    return isNumberObject(b) &&
      ObjectIs(NumberPrototypeValueOf(a), NumberPrototypeValueOf(b));
  }
  if (isStringObject(a)) {
    return isStringObject(b) &&
      StringPrototypeValueOf(a) === StringPrototypeValueOf(b);
  }
  if (isBooleanObject(a)) {
    return isBooleanObject(b) &&
      BooleanPrototypeValueOf(a) === BooleanPrototypeValueOf(b);
  }
  if (isBigIntObject(a)) {
    return isBigIntObject(b) &&
      BigIntPrototypeValueOf(a) === BigIntPrototypeValueOf(b);
  }
  if (isSymbolObject(a)) {
    return isSymbolObject(b) &&
      SymbolPrototypeValueOf(a) === SymbolPrototypeValueOf(b);
  }
  return false;
}

function isErrorLike(v) {
  return isNativeError(v) || v instanceof Error;
}

/* True when `v` is of a kind that `a` (a plain keyed object) can never
 * equal. */
function isSpecialKind(v) {
  return ArrayIsArray(v) || ArrayBufferIsView(v) || isSet(v) || isMap(v) ||
    isDate(v) || isRegExp(v) || isAnyArrayBuffer(v) || isBoxedPrimitive(v) ||
    isErrorLike(v);
}

/* Compares two values; `memos` tracks the object pairs being compared so
 * that cycles terminate. */
function innerDeepEqual(a, b, strict, memos) {
  if (a === b) {
    if (a !== 0) return true;
    return strict ? ObjectIs(a, b) : true;
  }

  if (strict) {
    if (typeof a !== 'object') {
      return typeof a === 'number' && NumberIsNaN(a) && NumberIsNaN(b);
    }
    if (typeof b !== 'object' || a === null || b === null) return false;
    if (ObjectGetPrototypeOf(a) !== ObjectGetPrototypeOf(b)) return false;
  } else {
    if (!isObjectLike(a)) {
      if (isObjectLike(b)) return false;
      // eslint-disable-next-line eqeqeq
      return a == b || (NumberIsNaN(a) && NumberIsNaN(b));
    }
    if (!isObjectLike(b)) return false;
  }

  const tag = ObjectPrototypeToString(a);
  if (tag !== ObjectPrototypeToString(b)) return false;

  if (ArrayIsArray(a)) {
    if (!ArrayIsArray(b) || a.length !== b.length) return false;
    const keysA = nonIndexKeys(a, strict);
    const keysB = nonIndexKeys(b, strict);
    if (keysA.length !== keysB.length) return false;
    return compareKeyed(a, b, strict, memos, ARRAY, keysA);
  }
  if (tag === '[object Object]') {
    return compareKeyed(a, b, strict, memos, PLAIN);
  }
  if (isDate(a)) {
    if (!isDate(b) || DatePrototypeGetTime(a) !== DatePrototypeGetTime(b))
      return false;
  } else if (isRegExp(a)) {
    if (!isRegExp(b) || !sameRegExps(a, b)) return false;
  } else if (isErrorLike(a)) {
    // The stack is not compared; message and name are, although they are
    // usually not enumerable.
    if (!isErrorLike(b) || a.message !== b.message || a.name !== b.name)
      return false;
  } else if (ArrayBufferIsView(a)) {
    const t = typedArrayTag(a);
    if (t !== typedArrayTag(b)) return false;
    if (!strict && (t === 'Float32Array' || t === 'Float64Array')) {
      if (!sameFloats(a, b)) return false;
    } else if (!sameViewBytes(a, b)) {
      return false;
    }
    const keysA = nonIndexKeys(a, strict);
    const keysB = nonIndexKeys(b, strict);
    if (keysA.length !== keysB.length) return false;
    return compareKeyed(a, b, strict, memos, PLAIN, keysA);
  } else if (isSet(a)) {
    if (!isSet(b) || setSize(a) !== setSize(b)) return false;
    return compareKeyed(a, b, strict, memos, SET);
  } else if (isMap(a)) {
    if (!isMap(b) || mapSize(a) !== mapSize(b)) return false;
    return compareKeyed(a, b, strict, memos, MAP);
  } else if (isAnyArrayBuffer(a)) {
    if (!isAnyArrayBuffer(b) || !sameBuffers(a, b)) return false;
  } else if (isBoxedPrimitive(a)) {
    if (!sameBoxed(a, b)) return false;
  } else if (isSpecialKind(b)) {
    return false;
  }
  return compareKeyed(a, b, strict, memos, PLAIN);
}

function enumerableSymbolCount(obj, symbols) {
  let n = 0;
  for (let i = 0; i < symbols.length; i++) {
    if (ObjectPrototypePropertyIsEnumerable(obj, symbols[i])) n++;
  }
  return n;
}

/* Checks the own enumerable keys (given as `keysA`, or computed here) and
 * then the content selected by `kind`. */
function compareKeyed(a, b, strict, memos, kind, keysA) {
  const computed = keysA === undefined;
  if (computed) {
    keysA = ObjectKeys(a);
    if (keysA.length !== ObjectKeys(b).length) return false;
  }

  for (let i = 0; i < keysA.length; i++) {
    if (!ObjectPrototypePropertyIsEnumerable(b, keysA[i])) return false;
  }

  if (strict && computed) {
    const symsA = ObjectGetOwnPropertySymbols(a);
    let count = 0;
    for (let i = 0; i < symsA.length; i++) {
      const sym = symsA[i];
      if (ObjectPrototypePropertyIsEnumerable(a, sym)) {
        if (!ObjectPrototypePropertyIsEnumerable(b, sym)) return false;
        ArrayPrototypePush(keysA, sym);
        count++;
      } else if (ObjectPrototypePropertyIsEnumerable(b, sym)) {
        return false;
      }
    }
    const symsB = ObjectGetOwnPropertySymbols(b);
    if (symsB.length !== symsA.length &&
        enumerableSymbolCount(b, symsB) !== count) {
      return false;
    }
  }

  if (keysA.length === 0) {
    if (kind === PLAIN) return true;
    if (kind === ARRAY && a.length === 0) return true;
    if (kind === SET && setSize(a) === 0) return true;
    if (kind === MAP && mapSize(a) === 0) return true;
  }

  // Cycle detection: each side maps object -> depth at which it was
  // entered; a pair seen before is equal iff both were entered together.
  if (memos === undefined) {
    memos = { a: new SafeMap(), b: new SafeMap(), depth: 0 };
  } else {
    const seenA = memos.a.get(a);
    if (seenA !== undefined) {
      const seenB = memos.b.get(b);
      if (seenB !== undefined) return seenA === seenB;
    }
    memos.depth++;
  }
  memos.a.set(a, memos.depth);
  memos.b.set(b, memos.depth);
  const equal = compareContent(a, b, strict, keysA, memos, kind);
  memos.a.delete(a);
  memos.b.delete(b);
  return equal;
}

function compareContent(a, b, strict, keys, memos, kind) {
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (!innerDeepEqual(a[k], b[k], strict, memos)) return false;
  }
  if (kind === ARRAY) return compareArrayItems(a, b, strict, memos);
  if (kind === SET) return compareSets(a, b, strict, memos);
  if (kind === MAP) return compareMaps(a, b, strict, memos);
  return true;
}

function compareArrayItems(a, b, strict, memos) {
  for (let i = 0; i < a.length; i++) {
    if (ObjectPrototypeHasOwnProperty(a, i)) {
      if (!ObjectPrototypeHasOwnProperty(b, i) ||
          !innerDeepEqual(a[i], b[i], strict, memos)) {
        return false;
      }
    } else if (ObjectPrototypeHasOwnProperty(b, i)) {
      return false;
    } else {
      // A hole: from here on, compare what the sparse arrays really hold.
      const keysA = ObjectKeys(a);
      for (let j = i; j < keysA.length; j++) {
        const k = keysA[j];
        if (!ObjectPrototypeHasOwnProperty(b, k) ||
            !innerDeepEqual(a[k], b[k], strict, memos)) {
          return false;
        }
      }
      return keysA.length === ObjectKeys(b).length;
    }
  }
  return true;
}

/* For a primitive that has no identical twin in the other collection,
 * returns: false (no loose twin can exist), true (a loose twin may be an
 * object; keep looking) or the one primitive (null/undefined) that needs a
 * direct lookup. */
function looseTwinOf(prim) {
  switch (typeof prim) {
    case 'undefined':
      return null;
    case 'object': // null
      return undefined;
    case 'symbol':
      return false;
    case 'string':
      return !NumberIsNaN(+prim);
    case 'number':
      return !NumberIsNaN(prim);
    default:
      return true;
  }
}

function setMayHoldLooseTwin(a, b, prim) {
  const twin = looseTwinOf(prim);
  if (twin !== null && twin !== undefined) return twin;
  return setHas(b, twin) && !setHas(a, twin);
}

function mapMayHoldLooseTwin(a, b, prim, value, memos) {
  const twin = looseTwinOf(prim);
  if (twin !== null && twin !== undefined) return twin;
  const other = mapGet(b, twin);
  if ((other === undefined && !mapHas(b, twin)) ||
      !innerDeepEqual(value, other, LOOSE, memos)) {
    return false;
  }
  return !mapHas(a, twin) && innerDeepEqual(value, other, LOOSE, memos);
}

/* Removes from `pending` one element deep-equal to `v`; false if none. */
function takeEqual(pending, v, strict, memos) {
  for (const candidate of pending) {
    if (innerDeepEqual(v, candidate, strict, memos)) {
      pending.delete(candidate);
      return true;
    }
  }
  return false;
}

function compareSets(a, b, strict, memos) {
  // Elements of `a` that need a deep (O(n^2)) match in `b`.
  let pending = null;
  const valuesA = setToArray(a);
  for (let i = 0; i < valuesA.length; i++) {
    const v = valuesA[i];
    if (isObjectLike(v)) {
      pending ??= new SafeSet();
      pending.add(v);
    } else if (!setHas(b, v)) {
      if (strict || !setMayHoldLooseTwin(a, b, v)) return false;
      pending ??= new SafeSet();
      pending.add(v);
    }
  }
  if (pending === null) return true;

  const valuesB = setToArray(b);
  for (let i = 0; i < valuesB.length; i++) {
    const v = valuesB[i];
    if (isObjectLike(v)) {
      if (!takeEqual(pending, v, strict, memos)) return false;
    } else if (!strict && !setHas(a, v) &&
               !takeEqual(pending, v, strict, memos)) {
      return false;
    }
  }
  return pending.size === 0;
}

/* Removes from `pending` (keys of `map`) one key deep-equal to `key` whose
 * value is deep-equal to `value`; false if none. */
function takeEqualEntry(pending, map, key, value, strict, memos) {
  for (const candidate of pending) {
    if (innerDeepEqual(key, candidate, strict, memos) &&
        innerDeepEqual(value, mapGet(map, candidate), strict, memos)) {
      pending.delete(candidate);
      return true;
    }
  }
  return false;
}

function compareMaps(a, b, strict, memos) {
  let pending = null;
  const entriesA = mapToArray(a);
  for (let i = 0; i < entriesA.length; i++) {
    const { 0: key, 1: value } = entriesA[i];
    if (isObjectLike(key)) {
      pending ??= new SafeSet();
      pending.add(key);
      continue;
    }
    const other = mapGet(b, key);
    if ((other === undefined && !mapHas(b, key)) ||
        !innerDeepEqual(value, other, strict, memos)) {
      if (strict || !mapMayHoldLooseTwin(a, b, key, value, memos))
        return false;
      pending ??= new SafeSet();
      pending.add(key);
    }
  }
  if (pending === null) return true;

  const entriesB = mapToArray(b);
  for (let i = 0; i < entriesB.length; i++) {
    const { 0: key, 1: value } = entriesB[i];
    if (isObjectLike(key)) {
      if (!takeEqualEntry(pending, a, key, value, strict, memos)) return false;
    } else if (!strict &&
               (!mapHas(a, key) ||
                !innerDeepEqual(mapGet(a, key), value, LOOSE, memos)) &&
               !takeEqualEntry(pending, a, key, value, LOOSE, memos)) {
      return false;
    }
  }
  return pending.size === 0;
}

/* isDeepEqual(a, b) -> boolean: the comparison of assert.deepEqual
 * (== for primitives, prototypes ignored). */
function isDeepEqual(a, b) {
  return innerDeepEqual(a, b, LOOSE);
}

/* isDeepStrictEqual(a, b) -> boolean: the comparison of
 * assert.deepStrictEqual and util.isDeepStrictEqual. */
function isDeepStrictEqual(a, b) {
  return innerDeepEqual(a, b, STRICT);
}

module.exports = {
  isDeepEqual,
  isDeepStrictEqual,
};
