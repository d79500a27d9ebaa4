'use strict';
// worker_threads.js - the worker_threads module as seen from the main
// thread; worker threads and message ports are not built yet.

const {
  ObjectDefineProperty,
  SafeMap,
  SymbolFor,
  TypeError,
} = primordials;

const EventEmitter = require('events');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_METHOD_NOT_IMPLEMENTED },
} = require('internal/errors');

const SHARE_ENV = SymbolFor('nodejs.worker_threads.SHARE_ENV');
const kUntransferable = SymbolFor('nodejs.worker_threads.untransferable');

const environmentData = new SafeMap();

/* Worker(filename[, options]): the filename is validated as Node does,
 * then construction throws ERR_METHOD_NOT_IMPLEMENTED. */
class Worker extends EventEmitter {
  constructor(filename, options) {
    if (typeof filename !== 'string' && !isURL(filename)) {
      throw new ERR_INVALID_ARG_TYPE('filename', ['string', 'URL'], filename);
    }
    super();
    throw new ERR_METHOD_NOT_IMPLEMENTED('Worker()');
  }
}

function isURL(value) {
  return value != null && typeof value === 'object' &&
    typeof value.href === 'string' && typeof value.protocol === 'string';
}

/* MessagePort, MessageChannel and BroadcastChannel: constructing one throws
 * ERR_METHOD_NOT_IMPLEMENTED. */
class MessagePort extends EventEmitter {
  constructor() {
    super();
    throw new ERR_METHOD_NOT_IMPLEMENTED('MessagePort()');
  }
}

class MessageChannel {
  constructor() {
    throw new ERR_METHOD_NOT_IMPLEMENTED('MessageChannel()');
  }
}

class BroadcastChannel extends EventEmitter {
  constructor(name) {
    super();
    throw new ERR_METHOD_NOT_IMPLEMENTED('BroadcastChannel()');
  }
}

/* Marks an object (or ArrayBuffer) so that postMessage will never transfer
 * it. Primitives are ignored. */
function markAsUntransferable(obj) {
  if ((typeof obj !== 'object' && typeof obj !== 'function') || obj === null)
    return;
  ObjectDefineProperty(obj, kUntransferable, {
    __proto__: null,
    value: true,
    configurable: true,
  });
}

/* No MessagePort can exist yet, so any argument is the wrong type; the
 * error is the one Node's native side throws (no "Received" part). */
function checkPort(port) {
  // eslint-disable-next-line no-restricted-syntax
  const err = new TypeError('The "port" argument must be a MessagePort ' +
                            'instance');
  err.code = 'ERR_INVALID_ARG_TYPE';
  throw err;
}

/* moveMessagePortToContext(port, contextifiedSandbox) */
function moveMessagePortToContext(port, context) {
  checkPort(port);
}

/* receiveMessageOnPort(port) -> { message } | undefined */
function receiveMessageOnPort(port) {
  checkPort(port);
}

/* setEnvironmentData(key, value): value undefined deletes the key. The
 * data would be copied into new workers. */
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
  isMainThread: true,
  MessagePort,
  MessageChannel,
  markAsUntransferable,
  moveMessagePortToContext,
  receiveMessageOnPort,
  resourceLimits: {},
  threadId: 0,
  SHARE_ENV,
  Worker,
  parentPort: null,
  workerData: null,
  BroadcastChannel,
  setEnvironmentData,
  getEnvironmentData,
};
