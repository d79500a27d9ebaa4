'use strict';
// domain.js - the deprecated `domain` module: a Domain groups emitters,
// callbacks and async operations whose errors go to its 'error' event.

const {
  ArrayPrototypeIndexOf,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ArrayPrototypeSplice,
  Error,
  ReflectApply,
} = primordials;

const EventEmitter = require('events');
const internal = require('internal/domain');
const {
  stack,
  defineDomain,
  updateExceptionCapture,
} = internal;

/* A domain: EventEmitters added to it (or created while it is active)
 * send it their unhandled 'error' events; callbacks scheduled while it is
 * active run in it and what they throw is emitted as its 'error'. */
class Domain extends EventEmitter {
  constructor() {
    super();
    this.members = [];
    this.on('removeListener', internal.onRemoveListener);
    this.on('newListener', internal.onNewListener);
  }
}

/* The methods are plain enumerable properties, in Node's order. */
const proto = Domain.prototype;
proto.members = undefined;

/* Handles an exception thrown while this domain was active: emits it as
 * 'error' outside this domain, passing it on to the next domain down the
 * stack if that throws. Returns whether it was handled. Empties the stack
 * (an uncaught exception ends the tick). */
proto._errorHandler = function(er) {
  if ((typeof er === 'object' && er !== null) || typeof er === 'function') {
    defineDomain(er, this);
    er.domainThrown = true;
  }
  internal.popDomain(this);
  let caught = false;
  if (stack.length === 0) {
    /* The outermost domain: no try/catch around its handler, so that what
     * it throws is fatal (and aborts when asked to). Without a handler the
     * exception goes on to process 'uncaughtException'. */
    if (this.listenerCount('error') > 0) {
      internal.suspendExceptionCapture();
      try {
        caught = this.emit('error', er);
      } catch (handlerError) {
        internal.handlerThrew(handlerError);
        throw handlerError;
      } finally {
        updateExceptionCapture();
      }
    }
  } else {
    try {
      caught = this.emit('error', er);
    } catch (er2) {
      /* This domain could not handle it: the next one down tries. */
      updateExceptionCapture();
      if (stack.length === 0) throw er2;
      const next = stack[stack.length - 1];
      internal.setActive(next);
      caught = next._errorHandler(er2);
    }
  }
  internal.clearStack();
  return caught;
};

/* Makes this the active domain (pushes it on the stack). */
proto.enter = function() {
  internal.enter(this);
};

/* Leaves this domain and any entered after it; no-op when not entered. */
proto.exit = function() {
  internal.exit(this);
};

/* Adds an EventEmitter (or timer) to this domain, taking it out of the
 * domain it was in. Throws a TypeError for a non-object. */
proto.add = function(ee) {
  if (ee.domain === this) return;
  if (ee.domain) ee.domain.remove(ee);
  /* A domain is not added to one of its own parents. */
  if (this.domain && ee instanceof Domain) {
    for (let d = this.domain; d; d = d.domain) {
      if (ee === d) return;
    }
  }
  defineDomain(ee, this);
  ArrayPrototypePush(this.members, ee);
  internal.bindResource(ee, this);
};

/* Takes `ee` out of this domain. */
proto.remove = function(ee) {
  ee.domain = null;
  const index = ArrayPrototypeIndexOf(this.members, ee);
  if (index !== -1) ArrayPrototypeSplice(this.members, index, 1);
  internal.unbindResource(ee);
};

/* Calls fn(...args) with this domain active (and as this); returns its
 * result. */
proto.run = function(fn, ...args) {
  this.enter();
  const ret = ReflectApply(fn, this, args);
  this.exit();
  return ret;
};

/* A function that runs `cb` in this domain, except that an Error passed
 * as first argument is emitted as this domain's 'error' instead (the
 * first argument is never passed on). */
proto.intercept = function(cb) {
  const domain = this;
  function runIntercepted(...args) {
    const first = args[0];
    if (first && first instanceof Error) {
      first.domainBound = cb;
      first.domainThrown = false;
      defineDomain(first, domain);
      domain.emit('error', first);
      return;
    }
    domain.enter();
    const ret = ReflectApply(cb, this, ArrayPrototypeSlice(args, 1));
    domain.exit();
    return ret;
  }
  return runIntercepted;
};

/* A function that runs `cb` (with its this and arguments) in this
 * domain. */
proto.bind = function(cb) {
  const domain = this;
  function runBound(...args) {
    domain.enter();
    const ret = ReflectApply(cb, this, args);
    domain.exit();
    return ret;
  }
  defineDomain(runBound, this);
  return runBound;
};

/* createDomain() / create(): a new Domain. */
function createDomain() {
  return new Domain();
}

module.exports = {
  _stack: stack,
  Domain,
  createDomain,
  create: createDomain,
  active: null,
};

internal.install(module.exports, Domain);
