'use strict';
// async_hooks.js - the public async_hooks module: hooks, resources, ALS.

const {
  ArrayPrototypeUnshift,
  FunctionPrototypeBind,
  NumberIsSafeInteger,
  ObjectDefineProperties,
  ObjectFreeze,
  ReflectApply,
  Symbol,
} = primordials;

const {
  codes: {
    ERR_ASYNC_CALLBACK,
    ERR_ASYNC_TYPE,
    ERR_INVALID_ASYNC_ID,
  },
} = require('internal/errors');
const { validateFunction, validateString } = require('internal/validators');
const internal = require('internal/async_hooks');
const {
  executionAsyncId,
  triggerAsyncId,
  executionAsyncResource,
  enableHook,
  disableHook,
  newAsyncId,
  getDefaultTriggerAsyncId,
  initHooksExist,
  destroyHooksExist,
  emitInit,
  emitBefore,
  emitAfter,
  emitDestroy,
  hasAsyncIdStack,
  registerDestroyHook,
  symbols: {
    async_id_symbol,
    trigger_async_id_symbol,
    init_symbol,
    before_symbol,
    after_symbol,
    destroy_symbol,
    promise_resolve_symbol,
  },
} = internal;
const { AsyncLocalStorage } = require('internal/async_local_storage');

const destroyedSymbol = Symbol('destroyed');

function checkHook(fn, name) {
  if (fn !== undefined && typeof fn !== 'function') {
    throw new ERR_ASYNC_CALLBACK(`hook.${name}`);
  }
}

/* A set of lifecycle callbacks; inert until enable(). */
class AsyncHook {
  constructor({ init, before, after, destroy, promiseResolve }) {
    checkHook(init, 'init');
    checkHook(before, 'before');
    checkHook(after, 'after');
    checkHook(destroy, 'destroy');
    checkHook(promiseResolve, 'promiseResolve');
    this[init_symbol] = init;
    this[before_symbol] = before;
    this[after_symbol] = after;
    this[destroy_symbol] = destroy;
    this[promise_resolve_symbol] = promiseResolve;
  }

  /* Starts calling the callbacks for every resource. Returns this. */
  enable() {
    enableHook(this);
    return this;
  }

  /* Stops calling them. Returns this. */
  disable() {
    disableHook(this);
    return this;
  }
}

/* createHook({ init, before, after, destroy, promiseResolve }) */
function createHook(fns) {
  return new AsyncHook(fns);
}

/* A user-made async resource (embedder API). */
class AsyncResource {
  /* opts: a trigger async id, or { triggerAsyncId, requireManualDestroy }. */
  constructor(type, opts = {}) {
    validateString(type, 'type');
    let triggerId = opts;
    let requireManualDestroy = false;
    if (typeof opts !== 'number') {
      triggerId = opts.triggerAsyncId === undefined ?
        getDefaultTriggerAsyncId() : opts.triggerAsyncId;
      requireManualDestroy = !!opts.requireManualDestroy;
    }
    if (!NumberIsSafeInteger(triggerId) || triggerId < -1) {
      throw new ERR_INVALID_ASYNC_ID('triggerAsyncId', triggerId);
    }
    const asyncId = newAsyncId();
    this[async_id_symbol] = asyncId;
    this[trigger_async_id_symbol] = triggerId;
    if (initHooksExist()) {
      if (type.length === 0) throw new ERR_ASYNC_TYPE(type);
      emitInit(asyncId, type, triggerId, this);
    }
    if (!requireManualDestroy && destroyHooksExist()) {
      const state = { destroyed: false };
      this[destroyedSymbol] = state;
      registerDestroyHook(this, asyncId, state);
    }
  }

  /* Calls fn.apply(thisArg, args) as this resource's callback. */
  runInAsyncScope(fn, thisArg, ...args) {
    const asyncId = this[async_id_symbol];
    emitBefore(asyncId, this[trigger_async_id_symbol], this);
    try {
      return ReflectApply(fn, thisArg, args);
    } finally {
      if (hasAsyncIdStack()) emitAfter(asyncId);
    }
  }

  /* Emits destroy for this resource. Returns this. */
  emitDestroy() {
    const state = this[destroyedSymbol];
    if (state !== undefined) state.destroyed = true;
    emitDestroy(this[async_id_symbol]);
    return this;
  }

  asyncId() {
    return this[async_id_symbol];
  }

  triggerAsyncId() {
    return this[trigger_async_id_symbol];
  }

  /* A function calling fn inside this resource's scope (with thisArg, or
   * the caller's this when thisArg is undefined). */
  bind(fn, thisArg) {
    validateFunction(fn, 'fn');
    let bound;
    if (thisArg === undefined) {
      const resource = this;
      bound = function(...args) {
        ArrayPrototypeUnshift(args, fn, this);
        return ReflectApply(resource.runInAsyncScope, resource, args);
      };
    } else {
      bound = FunctionPrototypeBind(this.runInAsyncScope, this, fn, thisArg);
    }
    ObjectDefineProperties(bound, {
      length: {
        __proto__: null,
        configurable: true,
        enumerable: false,
        value: fn.length,
        writable: false,
      },
      asyncResource: {
        __proto__: null,
        configurable: true,
        enumerable: true,
        value: this,
        writable: true,
      },
    });
    return bound;
  }

  /* fn bound to a new resource named `type` (default: fn's name). */
  static bind(fn, type, thisArg) {
    type = type || fn.name;
    return (new AsyncResource(type || 'bound-anonymous-fn')).bind(fn,
                                                                  thisArg);
  }
}

module.exports = {
  AsyncLocalStorage,
  createHook,
  executionAsyncId,
  triggerAsyncId,
  executionAsyncResource,
  asyncWrapProviders: ObjectFreeze({
    __proto__: null,
    ...internal.asyncWrap.Providers,
  }),
  AsyncResource,
};
