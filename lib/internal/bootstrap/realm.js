'use strict';
/* realm.js - the loader of builtin modules (lib/**), run first with
 * (process, internalBinding, primordials). It bootstraps the process and
 * returns the function the runtime calls to run the main script. */

const {
  ObjectFreeze,
  ReflectApply,
  SafeMap,
  SafeSet,
  StringPrototypeStartsWith,
} = primordials;

const { builtinIds, compileFunction } = internalBinding('builtins');

const ids = new SafeSet(builtinIds);
const cache = new SafeMap();

/* Modules that exist only with the node: scheme (none is hidden otherwise). */
const schemeOnly = new SafeSet(['test', 'test/reporters']);

let exposeInternals;

/* Ids users may require: everything outside internal/ (everything with
 * --expose-internals). */
function canBeRequiredByUsers(id) {
  if (!ids.has(id)) return false;
  if (!StringPrototypeStartsWith(id, 'internal/')) return true;
  exposeInternals ??= requireBuiltin('internal/options')
    .getOptionValue('--expose-internals');
  return exposeInternals;
}

function canBeRequiredWithoutScheme(id) {
  return canBeRequiredByUsers(id) && !schemeOnly.has(id);
}

/* Loads builtin `id` once and returns its exports (partial exports while it
 * is still loading, as CommonJS cycles do). */
function requireBuiltin(id) {
  const cached = cache.get(id);
  if (cached !== undefined) return cached.exports;
  if (!ids.has(id)) {
    const err = new Error(`No such built-in module: ${id}`);
    err.code = 'ERR_UNKNOWN_BUILTIN_MODULE';
    throw err;
  }
  const mod = { id, exports: {}, loaded: false };
  cache.set(id, mod);
  const fn = compileFunction(id);
  let threw = true;
  try {
    ReflectApply(fn, undefined, [mod.exports, requireBuiltin, mod, process,
                                 internalBinding, primordials]);
    threw = false;
  } finally {
    if (threw) cache.delete(id);
  }
  mod.loaded = true;
  return mod.exports;
}

const BuiltinModule = ObjectFreeze({
  __proto__: null,
  ids: builtinIds,
  exists: (id) => ids.has(id),
  isLoaded: (id) => cache.has(id),
  canBeRequiredByUsers,
  canBeRequiredWithoutScheme,
  require: requireBuiltin,
  schemeOnly: (id) => schemeOnly.has(id),
});

cache.set('internal/bootstrap/realm', {
  id: 'internal/bootstrap/realm',
  exports: { BuiltinModule, internalBinding, requireBuiltin },
  loaded: true,
});

requireBuiltin('internal/bootstrap/node');

/* Runs the main script (file, -e, -p, stdin, --check, --help), or in a
 * worker thread what its parent asked for. */
return function runMain() {
  requireBuiltin(internalBinding('worker').isMainThread ?
    'internal/main/run' : 'internal/main/worker_thread');
};
