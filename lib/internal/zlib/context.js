'use strict';
// internal/zlib/context.js - zlib handles as async resources of type
// 'ZLIB' (while async hooks or an AsyncLocalStorage are enabled), so that
// their callbacks run in the context the stream was made in, as in Node.

const {
  ReflectApply,
} = primordials;

const {
  emitAfter,
  emitBefore,
  emitDestroy,
  emitInit,
  getDefaultTriggerAsyncId,
  initHooksExist,
  markAsyncStackDirty,
  newAsyncId,
  symbols: { async_id_symbol, trigger_async_id_symbol },
} = require('internal/async_hooks');

/* Makes the new native `handle` an async resource when init hooks are
 * enabled (nothing to do otherwise). */
function trackHandle(handle) {
  if (!initHooksExist()) return;
  const asyncId = newAsyncId();
  const triggerAsyncId = getDefaultTriggerAsyncId();
  handle[async_id_symbol] = asyncId;
  handle[trigger_async_id_symbol] = triggerAsyncId;
  emitInit(asyncId, 'ZLIB', triggerAsyncId, handle);
}

/* `fn` as the native side should call it for `handle`: inside the handle's
 * async context when it has one, else `fn` itself. */
function bindToHandle(handle, fn) {
  const asyncId = handle[async_id_symbol];
  if (asyncId === undefined) return fn;
  const triggerAsyncId = handle[trigger_async_id_symbol];
  return function inHandleContext(...args) {
    emitBefore(asyncId, triggerAsyncId, handle);
    let threw = true;
    try {
      const result = ReflectApply(fn, this, args);
      threw = false;
      return result;
    } finally {
      if (threw)
        markAsyncStackDirty();
      else
        emitAfter(asyncId);
    }
  };
}

/* The handle is closed: its resource is destroyed. */
function untrackHandle(handle) {
  const asyncId = handle[async_id_symbol];
  if (asyncId !== undefined) emitDestroy(asyncId);
}

module.exports = {
  bindToHandle,
  trackHandle,
  untrackHandle,
};
