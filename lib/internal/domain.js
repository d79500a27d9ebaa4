'use strict';
/* internal/domain.js - what the `domain` module plugs into the rest of the
 * runtime once it is first required: the stack of entered domains (whose
 * top is process.domain), an async hook that runs callbacks in the domain
 * that was active when they were scheduled, the EventEmitter integration
 * (emitters remember the domain they were created in, their events run in
 * it and an 'error' nobody listens to goes to it), the uncaught-exception
 * capture callback, unhandled rejections of promises made in a domain, and
 * Node-API's make_callback without an async context. Nothing here costs
 * anything until require('domain') runs install(). */

const {
  ArrayPrototypeIndexOf,
  ArrayPrototypeLastIndexOf,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ArrayPrototypeSplice,
  Error,
  ErrorCaptureStackTrace,
  FunctionPrototypeCall,
  ObjectDefineProperty,
  Promise,
  ReflectApply,
  SafeWeakMap,
  StringPrototypeRepeat,
} = primordials;

const EventEmitter = require('events');
const {
  codes: {
    ERR_DOMAIN_CALLBACK_NOT_AVAILABLE,
    ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE,
    ERR_UNHANDLED_ERROR,
  },
} = require('internal/errors');
const execution = require('internal/process/execution');
const { createHook } = require('async_hooks');
const { currentResource } = require('internal/async_hooks');

/* The entered domains, innermost last (the `domain` module's _stack). */
const stack = [];
/* The `domain` module's exports, whose `active` mirrors the top. */
let moduleExports = null;
let DomainClass = null;
/* process.domain: the active domain, or whatever user code stored. */
let processDomain = null;
/* Whether our uncaught-exception capture callback is installed. */
let captureInstalled = false;
/* async resource -> the domain it was created in (or added to). */
const resourceDomains = new SafeWeakMap();
const plainEmit = EventEmitter.prototype.emit;
const plainInit = EventEmitter.init;
let deprecationEmitted = false;

/* Makes `domain` (a Domain, null or undefined) the active one. */
function setActive(domain) {
  moduleExports.active = domain;
  processDomain = domain;
}

/* Defines a non-enumerable `domain` property on `object`. */
function defineDomain(object, domain) {
  ObjectDefineProperty(object, 'domain', {
    __proto__: null,
    configurable: true,
    enumerable: false,
    value: domain,
    writable: true,
  });
}

/* ---- the stack ----------------------------------------------------------- */

/* domain.enter(): pushes `domain` and makes it active. */
function enter(domain) {
  setActive(domain);
  ArrayPrototypePush(stack, domain);
  updateExceptionCapture();
}

/* domain.exit(): pops `domain` and every domain entered after it; a domain
 * that is not on the stack is left alone. */
function exit(domain) {
  const index = ArrayPrototypeLastIndexOf(stack, domain);
  if (index === -1) return;
  ArrayPrototypeSplice(stack, index);
  // Never index -1: user code may define Array.prototype[-1].
  setActive(stack.length > 0 ? stack[stack.length - 1] : undefined);
  updateExceptionCapture();
}

/* An error handler never runs inside its own domain: pops the adjacent
 * copies of `domain` from the top of the stack, making the one below
 * active (undefined when none is left, as after exit()). */
function popDomain(domain) {
  let length = stack.length;
  while (length > 0 && stack[length - 1] === domain) length--;
  if (length === stack.length) return;
  stack.length = length;
  setActive(length > 0 ? stack[length - 1] : undefined);
  updateExceptionCapture();
}

/* Uncaught exceptions end the current tick: no domain stays entered. */
function clearStack() {
  stack.length = 0;
  setActive(null);
  updateExceptionCapture();
}

/* ---- uncaught exceptions ------------------------------------------------- */

/* The capture callback: the active domain handles the exception. */
function onCapturedException(er) {
  let domain = processDomain;
  if (!(domain instanceof DomainClass)) domain = stack[stack.length - 1];
  return domain._errorHandler(er);
}

/* Domains own the capture callback: it is installed exactly while some
 * entered domain has an 'error' listener (`adding`: a domain about to get
 * one), so that an exception no domain can handle reaches process
 * 'uncaughtException' (or aborts with --abort-on-uncaught-exception). */
function updateExceptionCapture(adding) {
  let wanted = false;
  for (let i = 0; i < stack.length; i++) {
    if (stack[i] === adding || stack[i].listenerCount('error') > 0) {
      wanted = true;
      break;
    }
  }
  if (wanted === captureInstalled) return;
  captureInstalled = wanted;
  execution.setUncaughtExceptionCaptureCallback(null);
  if (wanted) {
    execution.setUncaughtExceptionCaptureCallback(onCapturedException);
  }
}

/* A domain's 'newListener' and 'removeListener' listeners: its 'error'
 * listeners decide whether the capture callback is wanted ('newListener'
 * comes before the listener is added, 'removeListener' after removal). */
function onNewListener(name) {
  if (name === 'error') updateExceptionCapture(this);
}

function onRemoveListener(name) {
  if (name === 'error') updateExceptionCapture();
}

/* Removes the capture callback while the outermost domain's handler runs:
 * an exception it throws is then fatal. */
function suspendExceptionCapture() {
  if (!captureInstalled) return;
  captureInstalled = false;
  execution.setUncaughtExceptionCaptureCallback(null);
}

let abortOnUncaught;
/* An exception thrown by the outermost domain's error handler: with
 * --abort-on-uncaught-exception the process aborts (as V8 would at the
 * throw), otherwise it is fatal as usual. */
function handlerThrew(err) {
  abortOnUncaught ??= require('internal/options')
    .getOptionValue('--abort-on-uncaught-exception') === true;
  if (!abortOnUncaught) return;
  try {
    execution.printFatal(err);
  } finally {
    process.abort();
  }
}

/* The first 'uncaughtException' listener always empties the stack. */
function clearStackListener() {
  clearStack();
}

function onProcessNewListener(name, listener) {
  if (name !== 'uncaughtException' || listener === clearStackListener) return;
  process.removeListener(name, clearStackListener);
  process.prependListener(name, clearStackListener);
}

function onProcessRemoveListener(name, listener) {
  if (name !== 'uncaughtException' || listener === clearStackListener) return;
  const listeners = process.listeners(name);
  if (listeners.length === 1 && listeners[0] === clearStackListener) {
    process.removeListener(name, clearStackListener);
  }
}

/* ---- async resources ----------------------------------------------------- */

/* Resources created while a domain is active run their callbacks in it. */
function onInit(asyncId, type, triggerAsyncId, resource) {
  const domain = processDomain;
  if (!(domain instanceof DomainClass)) return;
  if (resource === null ||
      (typeof resource !== 'object' && typeof resource !== 'function')) {
    return;
  }
  resourceDomains.set(resource, domain);
  /* Promises of other contexts (vm) do not get the property: it would let
   * code there reach this context. */
  if (type === 'PROMISE' && !(resource instanceof Promise)) return;
  try {
    defineDomain(resource, domain);
  } catch {
    /* a frozen resource keeps no property; the map is enough */
  }
}

/* The domain of the resource whose callback starts or ends now. */
function currentDomain() {
  const resource = currentResource();
  return resource === undefined ? undefined : resourceDomains.get(resource);
}

function onBefore(asyncId) {
  const domain = currentDomain();
  if (domain !== undefined) domain.enter();
}

function onAfter(asyncId) {
  const domain = currentDomain();
  if (domain !== undefined) domain.exit();
}

/* domain.add(timer): the timer's callback runs in `domain`. */
function bindResource(resource, domain) {
  if (typeof resource === 'object' && resource !== null) {
    resourceDomains.set(resource, domain);
  }
}

/* domain.remove(timer) */
function unbindResource(resource) {
  if (typeof resource === 'object' && resource !== null) {
    resourceDomains.delete(resource);
  }
}

/* ---- EventEmitter -------------------------------------------------------- */

/* EventEmitter.init while domains are in use: every emitter gets a
 * `domain` property, the active domain for emitters made inside one. */
function domainInit(opts) {
  defineDomain(this, null);
  const active = moduleExports.active;
  if (active && !(this instanceof DomainClass)) this.domain = active;
  return FunctionPrototypeCall(plainInit, this, opts);
}

/* EventEmitter.prototype.emit while domains are in use: the events of an
 * emitter with a domain run inside it, except 'error', which its own
 * listeners get as usual, else the domain. */
function domainEmit(...args) {
  const domain = this.domain;
  if (domain === null || domain === undefined || this === process) {
    if (this === process && args[0] === 'unhandledRejection') {
      const owner = promiseDomain(args[2]);
      if (owner !== undefined) return owner.emit('error', args[1]);
    }
    return ReflectApply(plainEmit, this, args);
  }
  if (args[0] === 'error') {
    /* An emitter listening to its own errors handles them outside. */
    if (this.listenerCount('error') > 0) {
      return ReflectApply(plainEmit, this, args);
    }
    return emitErrorToDomain(this, domain, args);
  }
  domain.enter();
  const ret = ReflectApply(plainEmit, this, args);
  domain.exit();
  return ret;
}

/* An unhandled 'error' of `emitter` goes to its domain's handler, run
 * outside the active domain; the stack is restored afterwards. */
function emitErrorToDomain(emitter, domain, args) {
  let er = args[1];
  if (!er) er = new ERR_UNHANDLED_ERROR();
  if (typeof er === 'object') {
    er.domainEmitter = emitter;
    defineDomain(er, domain);
    er.domainThrown = false;
  }
  const savedStack = ArrayPrototypeSlice(stack);
  const savedActive = processDomain;
  const savedExportsActive = moduleExports.active;
  let length = stack.length;
  while (length > 0 && stack[length - 1] === savedActive) length--;
  stack.length = length;
  setActive(length > 0 ? stack[length - 1] : null);
  updateExceptionCapture();
  domain.emit('error', er);
  stack.length = 0;
  for (let i = 0; i < savedStack.length; i++) stack[i] = savedStack[i];
  processDomain = savedActive;
  moduleExports.active = savedExportsActive;
  updateExceptionCapture();
  return false;
}

/* The domain a promise was created in, if any. */
function promiseDomain(promise) {
  if (promise === null || typeof promise !== 'object') return undefined;
  const own = promise.domain;
  if (own instanceof DomainClass) return own;
  return resourceDomains.get(promise);
}

/* ---- Node-API ------------------------------------------------------------ */

/* napi_make_callback() without an async context: the callback runs in the
 * domain of its receiver (deprecated: DEP0097). */
function makeCallbackInDomain(callback, ...args) {
  const domain = this !== null && this !== undefined ? this.domain : undefined;
  if (!(domain instanceof DomainClass)) {
    return ReflectApply(callback, this, args);
  }
  if (moduleExports.active && !deprecationEmitted) {
    deprecationEmitted = true;
    const target = this?.constructor?.name ?? 'Object';
    process.emitWarning(
      'Using a domain property in MakeCallback is deprecated. Use the ' +
      'async_context variant of MakeCallback or the AsyncResource class ' +
      `instead. (Triggered by calling ${callback.name || '<anonymous>'} ` +
      `on ${target}.)`, 'DeprecationWarning', 'DEP0097');
  }
  domain.enter();
  const ret = ReflectApply(callback, this, args);
  domain.exit();
  return ret;
}

/* ---- installation -------------------------------------------------------- */

/* process.setUncaughtExceptionCaptureCallback() once domains are in use:
 * always throws, pointing at where `domain` was required. */
function makeCaptureSetterGuard(requireStack) {
  return function setUncaughtExceptionCaptureCallback(fn) {
    const err = new ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE();
    ErrorCaptureStackTrace(err, setUncaughtExceptionCaptureCallback);
    err.stack = `${err.stack}\n${StringPrototypeRepeat('-', 40)}\n` +
      requireStack;
    throw err;
  };
}

/* Called once when the `domain` module loads, with its exports and the
 * Domain class. Throws ERR_DOMAIN_CALLBACK_NOT_AVAILABLE (changing
 * nothing) when a capture callback is already set. */
function install(exports, Domain) {
  if (execution.hasUncaughtExceptionCaptureCallback()) {
    throw new ERR_DOMAIN_CALLBACK_NOT_AVAILABLE();
  }
  moduleExports = exports;
  DomainClass = Domain;
  exports._stack = stack;
  exports.active = null;

  /* Deep enough to reach the caller of require() past the loader. */
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 20;
  const marker = new Error('require(`domain`) at this point');
  ErrorCaptureStackTrace(marker, install);
  Error.stackTraceLimit = limit;
  process.setUncaughtExceptionCaptureCallback =
    makeCaptureSetterGuard(marker.stack);

  ObjectDefineProperty(process, 'domain', {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return processDomain; },
    set(value) { processDomain = value; },
  });

  createHook({
    init: onInit,
    before: onBefore,
    after: onAfter,
  }).enable();
  currentResource();

  EventEmitter.usingDomains = true;
  EventEmitter.init = domainInit;
  EventEmitter.prototype.emit = domainEmit;

  process.on('newListener', onProcessNewListener);
  process.on('removeListener', onProcessRemoveListener);
  if (ArrayPrototypeIndexOf(process.listeners('uncaughtException'),
                            clearStackListener) === -1 &&
      process.listenerCount('uncaughtException') > 0) {
    process.prependListener('uncaughtException', clearStackListener);
  }

  require('internal/napi_async_context').domainCallback =
    makeCallbackInDomain;
}

module.exports = {
  install,
  stack,
  setActive,
  enter,
  exit,
  popDomain,
  clearStack,
  defineDomain,
  updateExceptionCapture,
  onNewListener,
  onRemoveListener,
  suspendExceptionCapture,
  handlerThrew,
  bindResource,
  unbindResource,
};
