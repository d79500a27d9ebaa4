'use strict';
/* primordials.js - frozen copies of the JS builtins that core code uses, taken
 * before any user code runs, so that user code patching Array.prototype.push
 * or Promise.prototype.then cannot change how core modules behave.
 *
 * Naming (the same convention Node uses, so readers of Node's docs feel at
 * home): for a global constructor `Foo`,
 *   Foo                       the constructor itself
 *   FooBar                    static method Foo.bar          (FooIsArray)
 *   FooPrototypeBar(self,...) uncurried Foo.prototype.bar    (ArrayPrototypePush)
 *   FooPrototypeGetBar(self)  uncurried getter of Foo.prototype.bar
 *   FooPrototypeSymbolIterator(self)  well-known symbol methods
 *   FooBAR                    static constants               (NumberMAX_SAFE_INTEGER)
 * plus SafeMap/SafeSet/SafeWeakMap/... whose methods do not consult the
 * (patchable) prototype chain, and a few helpers (uncurryThis, applyBind,
 * makeSafe, SafePromiseAll...).
 *
 * Runs once per context with `primordials` (an empty object) to fill. */

/* eslint-disable no-restricted-globals */
const { apply: ReflectApplyFn, bind: ReflectBindFn, call: FunctionCall } =
  Function.prototype;
const uncurryThis = ReflectBindFn.bind(FunctionCall);
const applyBind = (fn) => ReflectBindFn.call(ReflectApplyFn, fn);
primordials.uncurryThis = uncurryThis;
primordials.applyBind = applyBind;

function upperFirst(name) {
  return name[0].toUpperCase() + name.slice(1);
}

function keyName(key) {
  if (typeof key === 'symbol') {
    const d = key.description;
    return 'Symbol' + upperFirst(d.startsWith('Symbol.') ? d.slice(7) : d);
  }
  return upperFirst(key);
}

/* Copies the own properties of `src` onto primordials as `prefix + Key`.
 * Methods are uncurried when `uncurry` is set; accessors become
 * `prefixGetKey` / `prefixSetKey`. */
function copyProps(src, prefix, uncurry, bindStatics = false) {
  for (const key of Reflect.ownKeys(src)) {
    if (key === 'constructor' || key === 'caller' || key === 'arguments')
      continue;
    const desc = Reflect.getOwnPropertyDescriptor(src, key);
    const name = prefix + keyName(key);
    if ('get' in desc) {
      if (desc.get) primordials[prefix + 'Get' + keyName(key)] =
        uncurryThis(desc.get);
      if (desc.set) primordials[prefix + 'Set' + keyName(key)] =
        uncurryThis(desc.set);
      continue;
    }
    const v = desc.value;
    if (typeof v === 'function') {
      /* Statics keep their receiver: PromiseResolve(x) is Promise.resolve. */
      primordials[name] = uncurry ? uncurryThis(v) :
        (bindStatics ? ReflectBindFn.call(v, src) : v);
      if (uncurry) primordials[name + 'Apply'] = applyBind(v);
    } else if (!uncurry) {
      /* Static constants: NumberMAX_SAFE_INTEGER, MathPI, SymbolIterator. */
      primordials[name] = v;
    }
  }
}

/* Namespaces without a prototype. */
for (const name of ['JSON', 'Math', 'Proxy', 'Reflect']) {
  primordials[name] = globalThis[name];
  copyProps(globalThis[name], name, false);
}
primordials.globalThis = globalThis;
for (const name of ['decodeURI', 'decodeURIComponent', 'encodeURI',
                    'encodeURIComponent', 'escape', 'unescape', 'eval',
                    'isFinite', 'isNaN', 'parseFloat', 'parseInt']) {
  if (typeof globalThis[name] === 'function')
    primordials[upperFirst(name)] = globalThis[name];
}

const constructors = [
  'AggregateError', 'Array', 'ArrayBuffer', 'BigInt', 'BigInt64Array',
  'BigUint64Array', 'Boolean', 'DataView', 'Date', 'Error', 'EvalError',
  'FinalizationRegistry', 'Float32Array', 'Float64Array', 'Function',
  'Int16Array', 'Int32Array', 'Int8Array', 'Map', 'Number', 'Object',
  'RangeError', 'ReferenceError', 'RegExp', 'Set', 'String', 'Symbol',
  'SyntaxError', 'TypeError', 'URIError', 'Uint16Array', 'Uint32Array',
  'Uint8Array', 'Uint8ClampedArray', 'WeakMap', 'WeakRef', 'WeakSet',
  'Promise', 'SharedArrayBuffer',
];
for (const name of constructors) {
  const ctor = globalThis[name];
  if (ctor === undefined) continue;
  primordials[name] = ctor;
  copyProps(ctor, name, false, true);
  copyProps(ctor.prototype, name + 'Prototype', true);
  primordials[name + 'Prototype'] = ctor.prototype;
}

/* %TypedArray% and the iterator prototypes are not globals. */
{
  const TypedArray = Reflect.getPrototypeOf(Uint8Array);
  primordials.TypedArray = TypedArray;
  primordials.TypedArrayPrototype = TypedArray.prototype;
  copyProps(TypedArray, 'TypedArray', false);
  copyProps(TypedArray.prototype, 'TypedArrayPrototype', true);

  const ArrayIteratorPrototype =
    Reflect.getPrototypeOf([][Symbol.iterator]());
  const IteratorPrototype = Reflect.getPrototypeOf(ArrayIteratorPrototype);
  primordials.IteratorPrototype = IteratorPrototype;
  primordials.ArrayIteratorPrototype = ArrayIteratorPrototype;
  copyProps(ArrayIteratorPrototype, 'ArrayIteratorPrototype', true);
  const StringIteratorPrototype =
    Reflect.getPrototypeOf(''[Symbol.iterator]());
  primordials.StringIteratorPrototype = StringIteratorPrototype;
  copyProps(StringIteratorPrototype, 'StringIteratorPrototype', true);
  primordials.AsyncIteratorPrototype = Reflect.getPrototypeOf(
    Reflect.getPrototypeOf(async function* () {}).prototype);
  primordials.AsyncFunction = Reflect.getPrototypeOf(async function() {})
    .constructor;
  primordials.GeneratorFunction = Reflect.getPrototypeOf(function*() {})
    .constructor;
  primordials.AsyncGeneratorFunction =
    Reflect.getPrototypeOf(async function*() {}).constructor;
}

const {
  ArrayPrototypeForEach, FunctionPrototypeCall, ObjectDefineProperty,
  ObjectFreeze, ObjectGetOwnPropertyDescriptor, ObjectSetPrototypeOf,
  Promise, PromisePrototypeThen, ReflectApply, ReflectOwnKeys,
  SymbolIterator, ArrayPrototypeMap, ArrayIteratorPrototypeNext,
  StringIteratorPrototypeNext,
} = primordials;

/* An iterator class that drives `next` through the captured function rather
 * than through the (patchable) iterator prototype. */
function createSafeIterator(factory, next) {
  class SafeIterator {
    constructor(iterable) {
      this._iterator = factory(iterable);
    }
    next() {
      return next(this._iterator);
    }
    [SymbolIterator]() {
      return this;
    }
  }
  ObjectSetPrototypeOf(SafeIterator.prototype, null);
  ObjectFreeze(SafeIterator.prototype);
  ObjectFreeze(SafeIterator);
  return SafeIterator;
}
primordials.SafeArrayIterator = createSafeIterator(
  primordials.ArrayPrototypeSymbolIterator, ArrayIteratorPrototypeNext);
primordials.SafeStringIterator = createSafeIterator(
  primordials.StringPrototypeSymbolIterator, StringIteratorPrototypeNext);

/* Copies every own method of `src` onto `dst` (own, non-writable), so
 * instances of a Safe class never reach the original prototype. */
function copyOwn(src, dst) {
  for (const key of ReflectOwnKeys(src)) {
    if (ObjectGetOwnPropertyDescriptor(dst, key) === undefined) {
      ObjectDefineProperty(dst, key,
                           { __proto__: null,
                             ...ObjectGetOwnPropertyDescriptor(src, key) });
    }
  }
}

/* Returns `safe` (a subclass of `unsafe`) whose prototype holds its own
 * copies of every method, and whose iterators are safe too. */
function makeSafe(unsafe, safe) {
  if (SymbolIterator in unsafe.prototype) {
    const dummy = new unsafe();
    let next;
    ArrayPrototypeForEach(ReflectOwnKeys(unsafe.prototype), (key) => {
      if (ObjectGetOwnPropertyDescriptor(safe.prototype, key) !== undefined)
        return;
      const desc = ObjectGetOwnPropertyDescriptor(unsafe.prototype, key);
      if (typeof desc.value === 'function' && desc.value.length === 0 &&
          SymbolIterator in (FunctionPrototypeCall(desc.value, dummy) ?? {})) {
        const createIterator = uncurryThis(desc.value);
        next ??= uncurryThis(createIterator(dummy).next);
        const SafeIterator = createSafeIterator(createIterator, next);
        desc.value = function() {
          return new SafeIterator(this);
        };
      }
      ObjectDefineProperty(safe.prototype, key, { __proto__: null, ...desc });
    });
  } else {
    copyOwn(unsafe.prototype, safe.prototype);
  }
  copyOwn(unsafe, safe);
  ObjectSetPrototypeOf(safe.prototype, null);
  ObjectFreeze(safe.prototype);
  ObjectFreeze(safe);
  return safe;
}
primordials.makeSafe = makeSafe;

primordials.SafeMap = makeSafe(Map, class SafeMap extends Map {
  constructor(i) { super(i); } // eslint-disable-line no-useless-constructor
});
primordials.SafeWeakMap = makeSafe(WeakMap, class SafeWeakMap extends WeakMap {
  constructor(i) { super(i); } // eslint-disable-line no-useless-constructor
});
primordials.SafeSet = makeSafe(Set, class SafeSet extends Set {
  constructor(i) { super(i); } // eslint-disable-line no-useless-constructor
});
primordials.SafeWeakSet = makeSafe(WeakSet, class SafeWeakSet extends WeakSet {
  constructor(i) { super(i); } // eslint-disable-line no-useless-constructor
});
primordials.SafeFinalizationRegistry = makeSafe(
  FinalizationRegistry,
  class SafeFinalizationRegistry extends FinalizationRegistry {
    constructor(cleanup) { super(cleanup); } // eslint-disable-line
  });
primordials.SafeWeakRef = makeSafe(WeakRef, class SafeWeakRef extends WeakRef {
  constructor(target) { super(target); } // eslint-disable-line
});

/* A Promise subclass whose `then` is the original one: awaiting core
 * promises does not run user-patched Promise.prototype.then. */
const SafePromise = makeSafe(Promise, class SafePromise extends Promise {
  constructor(executor) { super(executor); } // eslint-disable-line
});
primordials.SafePromise = SafePromise;

primordials.SafePromisePrototypeFinally = (thisPromise, onFinally) =>
  new Promise((resolve, reject) => {
    new SafePromise((a, b) => PromisePrototypeThen(thisPromise, a, b))
      .finally(onFinally)
      .then(resolve, reject);
  });

function toSafePromises(promises, mapFn) {
  return ArrayPrototypeMap(promises, (p, i) => new SafePromise((a, b) => {
    PromisePrototypeThen(mapFn === undefined ? p : mapFn(p, i), a, b);
  }));
}
primordials.SafePromiseAll = (promises, mapFn) =>
  new Promise((resolve, reject) => {
    PromisePrototypeThen(
      SafePromise.all(toSafePromises(promises, mapFn)), resolve, reject);
  });
primordials.SafePromiseAllReturnVoid = (promises, mapFn) =>
  new Promise((resolve, reject) => {
    PromisePrototypeThen(SafePromise.all(toSafePromises(promises, mapFn)),
                         () => resolve(), reject);
  });
primordials.SafePromiseAllSettled = (promises, mapFn) =>
  new Promise((resolve, reject) => {
    PromisePrototypeThen(
      SafePromise.allSettled(toSafePromises(promises, mapFn)), resolve, reject);
  });
primordials.SafePromiseAny = (promises, mapFn) =>
  new Promise((resolve, reject) => {
    PromisePrototypeThen(
      SafePromise.any(toSafePromises(promises, mapFn)), resolve, reject);
  });
primordials.SafePromiseRace = (promises, mapFn) =>
  new Promise((resolve, reject) => {
    PromisePrototypeThen(
      SafePromise.race(toSafePromises(promises, mapFn)), resolve, reject);
  });

/* A RegExp whose Symbol.* methods and flags cannot be patched through
 * RegExp.prototype. */
primordials.hardenRegExp = function hardenRegExp(pattern) {
  ObjectDefineProperty(pattern, 'exec',
                       { __proto__: null, value: pattern.exec });
  for (const sym of [Symbol.match, Symbol.matchAll, Symbol.replace,
                     Symbol.search, Symbol.split]) {
    ObjectDefineProperty(pattern, sym,
                         { __proto__: null, value: RegExp.prototype[sym] });
  }
  for (const flag of ['dotAll', 'flags', 'global', 'hasIndices', 'ignoreCase',
                      'multiline', 'source', 'sticky', 'unicode']) {
    ObjectDefineProperty(pattern, flag,
                         { __proto__: null, value: pattern[flag] });
  }
  return pattern;
};

ObjectFreeze(primordials);
