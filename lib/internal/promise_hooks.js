'use strict';
// internal/promise_hooks: the one owner of V8's promise hooks (a context
// has a single set): async_hooks installs its own functions here, and
// v8.promiseHooks adds any number of user hooks; the functions installed in
// V8 call all of them.

const {
  ArrayPrototypeFilter,
  ArrayPrototypePush,
} = primordials;

const { setPromiseHooks } = internalBinding('util');
const { validatePlainFunction } = require('internal/validators');

const kinds = ['init', 'before', 'after', 'settled'];

// User hooks per kind; replaced (never edited in place) on every change, so
// a hook that stops itself does not disturb the loop running it.
const lists = { __proto__: null, init: [], before: [], after: [], settled: [] };
// async_hooks' function per kind, or undefined.
const internal = {
  __proto__: null, init: undefined, before: undefined, after: undefined,
  settled: undefined,
};

function rethrow(err) {
  throw err;
}

/* The function V8 calls for `kind`: async_hooks' first, then each user
 * hook; an exception from a user hook becomes an uncaught exception on the
 * next tick (the promise machinery goes on). */
function runnerFor(kind) {
  const own = internal[kind];
  const list = lists[kind];
  if (list.length === 0) return own;
  return function runPromiseHooks(promise, parent) {
    if (own !== undefined) own(promise, parent);
    for (let i = 0; i < list.length; i++) {
      try {
        list[i](promise, parent);
      } catch (err) {
        process.nextTick(rethrow, err);
      }
    }
  };
}

function install() {
  setPromiseHooks(runnerFor('init'), runnerFor('before'), runnerFor('after'),
                  runnerFor('settled'));
}

/* setInternalPromiseHooks(init, before, after, settled): async_hooks' own
 * functions (undefined for none). */
function setInternalPromiseHooks(init, before, after, settled) {
  internal.init = init;
  internal.before = before;
  internal.after = after;
  internal.settled = settled;
  install();
}

function addHook(kind, hook) {
  const list = [...lists[kind]];
  ArrayPrototypePush(list, hook);
  lists[kind] = list;
  install();
  let stopped = false;
  return function stop() {
    if (stopped) return;
    stopped = true;
    lists[kind] = ArrayPrototypeFilter(lists[kind], (h) => h !== hook);
    install();
  };
}

function makeUseHook(kind) {
  return function useHook(hook) {
    validatePlainFunction(hook, `${kind}Hook`);
    return addHook(kind, hook);
  };
}

/* createHook({ init, before, after, settled }) -> stop(): registers the
 * given hooks together; stop() removes them all. */
function createHook(callbacks = {}) {
  const stops = [];
  for (const kind of kinds) {
    const hook = callbacks?.[kind];
    if (hook !== undefined) validatePlainFunction(hook, `${kind}Hook`);
  }
  for (const kind of kinds) {
    const hook = callbacks?.[kind];
    if (hook !== undefined) ArrayPrototypePush(stops, addHook(kind, hook));
  }
  return function stop() {
    for (let i = 0; i < stops.length; i++) stops[i]();
  };
}

module.exports = {
  setInternalPromiseHooks,
  // v8.promiseHooks
  promiseHooks: {
    createHook,
    onInit: makeUseHook('init'),
    onBefore: makeUseHook('before'),
    onAfter: makeUseHook('after'),
    onSettled: makeUseHook('settled'),
  },
};
