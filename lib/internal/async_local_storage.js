'use strict';
// internal/async_local_storage.js - async_hooks.AsyncLocalStorage.

/* A store lives on the async resource that is current when run() or
 * enterWith() set it (under the instance's own symbol). One internal init
 * hook copies every enabled instance's store from the current resource to
 * each new resource (timers, ticks, promises, AsyncResources...), so the
 * store follows the async call graph. Promises carry it because their init,
 * before and after come from V8's promise hooks. The hook is enabled while
 * at least one instance is enabled. */

const {
  ArrayPrototypeIndexOf,
  ArrayPrototypePush,
  ArrayPrototypeSplice,
  ObjectIs,
  ReflectApply,
  Symbol,
} = primordials;

const { executionAsyncResource } = require('internal/async_hooks');

/* Enabled instances, in enabling order. */
const storageList = [];
let storageHook;

function propagateStores(asyncId, type, triggerAsyncId, resource) {
  const current = executionAsyncResource();
  for (let i = 0; i < storageList.length; ++i) {
    storageList[i]._propagate(resource, current, type);
  }
}

class AsyncLocalStorage {
  constructor() {
    this.kResourceStore = Symbol('kResourceStore');
    this.enabled = false;
  }

  /* fn bound to the current execution context. */
  static bind(fn) {
    const { AsyncResource } = require('async_hooks');
    return AsyncResource.bind(fn);
  }

  /* A function (fn, ...args) => fn(...args) that runs fn in the execution
   * context current now. */
  static snapshot() {
    const { AsyncResource } = require('async_hooks');
    return AsyncResource.bind((cb, ...args) => cb(...args));
  }

  /* Stops tracking: getStore() returns undefined until run()/enterWith(). */
  disable() {
    if (!this.enabled) return;
    this.enabled = false;
    const index = ArrayPrototypeIndexOf(storageList, this);
    if (index !== -1) ArrayPrototypeSplice(storageList, index, 1);
    if (storageList.length === 0) storageHook.disable();
  }

  _enable() {
    if (this.enabled) return;
    this.enabled = true;
    ArrayPrototypePush(storageList, this);
    if (storageHook === undefined) {
      const { createHook } = require('async_hooks');
      storageHook = createHook({ init: propagateStores });
    }
    storageHook.enable();
  }

  /* Copies this instance's store from triggerResource to resource. */
  _propagate(resource, triggerResource, type) {
    const store = triggerResource[this.kResourceStore];
    if (this.enabled) resource[this.kResourceStore] = store;
  }

  /* Sets the store for the rest of the current synchronous execution and
   * what it schedules. */
  enterWith(store) {
    this._enable();
    const resource = executionAsyncResource();
    resource[this.kResourceStore] = store;
  }

  /* Calls callback(...args) with `store` as the store; restored after. */
  run(store, callback, ...args) {
    if (ObjectIs(store, this.getStore())) {
      return ReflectApply(callback, null, args);
    }
    this._enable();
    const resource = executionAsyncResource();
    const key = this.kResourceStore;
    const oldStore = resource[key];
    resource[key] = store;
    try {
      return ReflectApply(callback, null, args);
    } finally {
      resource[key] = oldStore;
    }
  }

  /* Calls callback(...args) outside any store of this instance. */
  exit(callback, ...args) {
    if (!this.enabled) return ReflectApply(callback, null, args);
    this.disable();
    try {
      return ReflectApply(callback, null, args);
    } finally {
      this._enable();
    }
  }

  /* The current store, or undefined. */
  getStore() {
    if (this.enabled) {
      const resource = executionAsyncResource();
      return resource[this.kResourceStore];
    }
  }
}

module.exports = { AsyncLocalStorage };
