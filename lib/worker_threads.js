'use strict';
// worker_threads.js - the worker_threads module as seen from the main
// thread; message ports work within this thread, Worker is not built yet.

const {
  ArrayIsArray,
  ObjectDefineProperty,
  RegExpPrototypeExec,
  SafeMap,
  SymbolFor,
} = primordials;

const EventEmitter = require('events');
const { isAbsolute } = require('path');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_URL_SCHEME,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_WORKER_PATH,
  },
} = require('internal/errors');
const { kEmptyObject } = require('internal/util');
const { isURL } = require('internal/url');
const { validateString } = require('internal/validators');

const SHARE_ENV = SymbolFor('nodejs.worker_threads.SHARE_ENV');
const { kUntransferable } = require('internal/buffer');

const {
  BroadcastChannel,
  MessageChannel,
  MessagePort,
  moveMessagePortToContext,
  receiveMessageOnPort,
} = require('internal/worker/io');

const environmentData = new SafeMap();

/* Worker(filename[, options]): the filename and options are validated as
 * Node does (path forms, URL schemes, execArgv, argv, env, name, a
 * cloneable workerData), then construction throws
 * ERR_METHOD_NOT_IMPLEMENTED: threads are not built yet. */
class Worker extends EventEmitter {
  constructor(filename, options = kEmptyObject) {
    super();
    if (options.execArgv && !ArrayIsArray(options.execArgv)) {
      throw new ERR_INVALID_ARG_TYPE('options.execArgv', 'Array',
                                     options.execArgv);
    }
    if (options.argv && !ArrayIsArray(options.argv)) {
      throw new ERR_INVALID_ARG_TYPE('options.argv', 'Array', options.argv);
    }
    if (options.eval) {
      if (typeof filename !== 'string') {
        throw new ERR_INVALID_ARG_VALUE(
          'options.eval', options.eval,
          'must be false when \'filename\' is not a string');
      }
    } else {
      validateWorkerFilename(filename);
    }
    const { env } = options;
    if (env != null && env !== SHARE_ENV && typeof env !== 'object') {
      throw new ERR_INVALID_ARG_TYPE(
        'options.env',
        ['object', 'undefined', 'null', 'worker_threads.SHARE_ENV'], env);
    }
    if (options.name != null) validateString(options.name, 'options.name');
    if (options.workerData !== undefined) {
      internalBinding('messaging').structuredClone(options.workerData);
    }
    throw new ERR_METHOD_NOT_IMPLEMENTED('Worker()');
  }
}

/* A worker script is an absolute path, a ./ or ../ relative path, or a
 * file: or data: URL object. */
function validateWorkerFilename(filename) {
  if (isURL(filename)) {
    if (filename.protocol !== 'file:' && filename.protocol !== 'data:') {
      throw new ERR_INVALID_URL_SCHEME('file');
    }
    return;
  }
  if (typeof filename !== 'string') {
    throw new ERR_INVALID_ARG_TYPE('filename', ['string', 'URL'], filename);
  }
  if (!isAbsolute(filename) &&
      !RegExpPrototypeExec(/^\.\.?[\\/]/, filename)) {
    throw new ERR_WORKER_PATH(filename);
  }
}

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
