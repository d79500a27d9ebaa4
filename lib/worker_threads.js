'use strict';
// worker_threads.js - the worker_threads module: Worker, message ports
// and channels, and what this thread knows about itself (in a worker,
// internal/main/worker_thread fills in parentPort and workerData).

const {
  ObjectDefineProperty,
} = primordials;

const {
  Worker,
  SHARE_ENV,
  environmentData,
  limitsObject,
} = require('internal/worker/worker');
const { kUntransferable } = require('internal/buffer');
const {
  BroadcastChannel,
  MessageChannel,
  MessagePort,
  moveMessagePortToContext,
  receiveMessageOnPort,
} = require('internal/worker/io');

const {
  isMainThread,
  threadId,
  resourceLimits: limits,
} = internalBinding('worker');

/* Marks an object (or ArrayBuffer) so that postMessage will never transfer
 * it (it is copied instead). Primitives are ignored. */
function markAsUntransferable(obj) {
  if ((typeof obj !== 'object' && typeof obj !== 'function') || obj === null)
    return;
  ObjectDefineProperty(obj, kUntransferable, {
    __proto__: null,
    value: true,
    configurable: true,
  });
}

/* setEnvironmentData(key, value): value undefined deletes the key. New
 * workers start with a copy of this data. */
function setEnvironmentData(key, value) {
  if (value === undefined) {
    environmentData.delete(key);
  } else {
    environmentData.set(key, value);
  }
}

/* getEnvironmentData(key) -> the value set for key, or undefined. */
function getEnvironmentData(key) {
  return environmentData.get(key);
}

module.exports = {
  isMainThread,
  MessagePort,
  MessageChannel,
  markAsUntransferable,
  moveMessagePortToContext,
  receiveMessageOnPort,
  resourceLimits: isMainThread ? {} : limitsObject(limits),
  threadId,
  SHARE_ENV,
  Worker,
  parentPort: null,
  workerData: null,
  BroadcastChannel,
  setEnvironmentData,
  getEnvironmentData,
};
