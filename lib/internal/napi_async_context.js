'use strict';
/* napi_async_context.js - async_hooks for Node-API async resources: the
 * runtime calls these for napi_async_init/napi_async_destroy, async work,
 * thread-safe functions and callback scopes, so that native callbacks run
 * inside their resource's async context as in Node. */

const {
  executionAsyncId,
  getDefaultTriggerAsyncId,
  newAsyncId,
  emitInit,
  emitBefore,
  emitAfter,
  emitDestroy,
} = require('internal/async_hooks');

/* A new async resource of `type`: [asyncId, triggerAsyncId, resource]
 * (a fresh object when `resource` is not one). */
function init(resource, type) {
  if (resource === null ||
      (typeof resource !== 'object' && typeof resource !== 'function')) {
    resource = {};
  }
  const asyncId = newAsyncId();
  let triggerAsyncId = getDefaultTriggerAsyncId();
  if (!(triggerAsyncId >= 0)) triggerAsyncId = executionAsyncId();
  emitInit(asyncId, `${type}`, triggerAsyncId, resource);
  return [asyncId, triggerAsyncId, resource];
}

/* The resource's callback starts. */
function before(asyncId, triggerAsyncId, resource) {
  emitBefore(asyncId, triggerAsyncId, resource);
}

/* The resource's callback ended. */
function after(asyncId) {
  emitAfter(asyncId);
}

/* The resource is gone. */
function destroy(asyncId) {
  emitDestroy(asyncId);
}

module.exports = { __proto__: null, init, before, after, destroy };
