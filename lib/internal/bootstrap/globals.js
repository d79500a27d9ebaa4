'use strict';
/* globals.js (bootstrap) - the globals Node 18 has: timers, queueMicrotask,
 * structuredClone, console, Buffer, URL, TextEncoder, AbortController, ...
 * Most load their module on first access. */

const {
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  SymbolFor,
} = primordials;


/* globalThis[name] as a data property. */
function defineValue(name, value, enumerable) {
  ObjectDefineProperty(globalThis, name, {
    __proto__: null, value, writable: true, configurable: true, enumerable,
  });
}

const { defineLazyDataProperty } = internalBinding('util');

/* globalThis[name] is a data property whose value, require(id)[key], is
 * computed on first access (so unused globals cost nothing at start-up). */
function defineLazy(name, id, key, enumerable = false) {
  defineLazyDataProperty(globalThis, name, () => require(id)[key],
                         enumerable);
}

defineValue('global', globalThis, true);
ObjectDefineProperty(globalThis, Symbol.toStringTag, {
  __proto__: null, value: 'global', writable: false, enumerable: false,
  configurable: true,
});
ObjectDefineProperty(globalThis, 'process', {
  __proto__: null, value: process, writable: true, configurable: true,
  enumerable: false,
});

const { queueMicrotask } = require('internal/process/task_queues');
defineValue('queueMicrotask', queueMicrotask, true);

const timers = require('timers');
defineValue('clearImmediate', timers.clearImmediate, true);
defineValue('setImmediate', timers.setImmediate, true);

defineValue('structuredClone', function structuredClone(value, options) {
  if (arguments.length === 0) {
    const { codes } = require('internal/errors');
    throw new codes.ERR_MISSING_ARGS('value');
  }
  let transfer;
  if (options !== undefined && options !== null) {
    if (typeof options !== 'object') {
      const { codes } = require('internal/errors');
      throw new codes.ERR_INVALID_ARG_TYPE('options', 'Object', options);
    }
    transfer = options.transfer;
    if (transfer !== undefined && transfer !== null &&
        typeof transfer[Symbol.iterator] !== 'function') {
      const { codes } = require('internal/errors');
      throw new codes.ERR_INVALID_ARG_TYPE('options.transfer', 'Iterable',
                                           transfer);
    }
    if (transfer != null) transfer = [...transfer];
  }
  try {
    return internalBinding('messaging').structuredClone(value, transfer);
  } catch (err) {
    if (err !== null && typeof err === 'object' &&
        err.name === 'DataCloneError') {
      const { DOMException } = require('internal/per_context/domexception');
      throw new DOMException(err.message, 'DataCloneError');
    }
    throw err;
  }
}, true);

/* Node's order of enumerable globals. */
defineValue('clearInterval', timers.clearInterval, true);
defineValue('clearTimeout', timers.clearTimeout, true);
defineValue('setInterval', timers.setInterval, true);
defineValue('setTimeout', timers.setTimeout, true);

/* console is created lazily: the first use binds it to process.stdout. */
ObjectDefineProperty(globalThis, 'console', {
  __proto__: null,
  configurable: true,
  enumerable: false,
  get() {
    const value = require('internal/console/global');
    ObjectDefineProperty(globalThis, 'console', {
      __proto__: null, value, writable: true, configurable: true,
      enumerable: false,
    });
    return value;
  },
  set(value) {
    ObjectDefineProperty(globalThis, 'console', {
      __proto__: null, value, writable: true, configurable: true,
      enumerable: false,
    });
  },
});

defineLazy('Buffer', 'buffer', 'Buffer');
defineLazy('atob', 'buffer', 'atob', true);
defineLazy('btoa', 'buffer', 'btoa', true);
defineLazy('performance', 'internal/perf/performance', 'performance',
           true);
defineLazy('Performance', 'internal/perf/performance', 'Performance');
defineLazy('Blob', 'buffer', 'Blob');
defineLazy('URL', 'internal/url', 'URL');
defineLazy('URLSearchParams', 'internal/url', 'URLSearchParams');
defineLazy('TextEncoder', 'internal/encoding', 'TextEncoder');
defineLazy('TextDecoder', 'internal/encoding', 'TextDecoder');
defineLazy('AbortController', 'internal/abort_controller', 'AbortController');
defineLazy('AbortSignal', 'internal/abort_controller', 'AbortSignal');
defineLazy('EventTarget', 'internal/event_target', 'EventTarget');
defineLazy('Event', 'internal/event_target', 'Event');
defineLazy('MessageChannel', 'internal/worker/io', 'MessageChannel');
defineLazy('MessagePort', 'internal/worker/io', 'MessagePort');
defineLazy('MessageEvent', 'internal/worker/io', 'MessageEvent');
defineLazy('BroadcastChannel', 'internal/worker/io', 'BroadcastChannel');
defineLazy('DOMException', 'internal/per_context/domexception',
           'DOMException');

// fetch() and its classes, unless --no-experimental-fetch.
if (require('internal/options').getOptionValue('--experimental-fetch')) {
  defineLazy('fetch', 'internal/fetch/fetch', 'fetch', true);
  defineLazy('Headers', 'internal/fetch/headers', 'Headers');
  defineLazy('Request', 'internal/fetch/request', 'Request');
  defineLazy('Response', 'internal/fetch/response', 'Response');
  defineLazy('FormData', 'internal/fetch/formdata', 'FormData');
  internalBinding('wasm_web_api').setImplementation((source, streaming) =>
    require('internal/wasm_web_api').compileStreaming(source, streaming));
} else {
  // Node has WebAssembly.compileStreaming only together with fetch().
  delete globalThis.WebAssembly.compileStreaming;
  delete globalThis.WebAssembly.instantiateStreaming;
}

for (const name of ['ReadableStream', 'ReadableStreamDefaultReader',
                    'ReadableStreamBYOBReader', 'ReadableStreamBYOBRequest',
                    'ReadableByteStreamController',
                    'ReadableStreamDefaultController', 'TransformStream',
                    'TransformStreamDefaultController', 'WritableStream',
                    'WritableStreamDefaultWriter',
                    'WritableStreamDefaultController',
                    'ByteLengthQueuingStrategy', 'CountQueuingStrategy',
                    'TextEncoderStream', 'TextDecoderStream',
                    'CompressionStream', 'DecompressionStream']) {
  defineLazy(name, 'stream/web', name);
}

/* Symbol.dispose and Symbol.asyncDispose, as Node 18.20 defines them. */
if (ObjectGetOwnPropertyDescriptor(Symbol, 'dispose') === undefined) {
  ObjectDefineProperty(Symbol, 'dispose', {
    __proto__: null, value: SymbolFor('nodejs.dispose'), enumerable: false,
    writable: false, configurable: false,
  });
}
if (ObjectGetOwnPropertyDescriptor(Symbol, 'asyncDispose') === undefined) {
  ObjectDefineProperty(Symbol, 'asyncDispose', {
    __proto__: null, value: SymbolFor('nodejs.asyncDispose'),
    enumerable: false, writable: false, configurable: false,
  });
}

/* --experimental-global-webcrypto: globalThis.crypto (read-only, as in
 * Node 18) and the Web Crypto classes. */
if (require('internal/options')
  .getOptionValue('--experimental-global-webcrypto')) {
  const {
    defineReplaceableLazyAttribute,
    exposeLazyInterfaces,
  } = require('internal/util');
  defineReplaceableLazyAttribute(globalThis, 'internal/crypto/webcrypto',
                                 ['crypto'], false);
  exposeLazyInterfaces(globalThis, 'internal/crypto/webcrypto',
                       ['Crypto', 'CryptoKey', 'SubtleCrypto']);
}
