'use strict';
/* napi_async_context.js - JS services of the Node-API runtime: async_hooks
 * for Node-API async resources (napi_async_init/napi_async_destroy, async
 * work, thread-safe functions and callback scopes, so that native
 * callbacks run inside their resource's async context as in Node), and the
 * marking of external array buffers as untransferable. */

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

/* Array buffers over an addon's external memory are never transferred
 * (postMessage copies them), as in Node. */
function markUntransferable(arrayBuffer) {
  require('internal/buffer').markAsUntransferable(arrayBuffer);
}

module.exports = {
  __proto__: null, init, before, after, destroy, markUntransferable,
  /* Set by the domain module: domainCallback(fn, ...args), called with
   * recv as this, runs napi_make_callback()s that have no async context
   * (in recv.domain). */
  domainCallback: undefined,
};
