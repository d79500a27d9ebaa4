'use strict';
// internal/worker/io.js - MessagePort, MessageChannel, MessageEvent and
// BroadcastChannel.

// A MessagePort object drives one end of a channel through an endpoint:
// a transport with post(msg), shift(), unshift(msg), size(), close() and
// an `owner` callback object. Endpoints wrap native channel ends (see
// internalBinding('messaging')), which work within a thread and between
// threads alike. Messages are serialized to bytes at send time
// (internal/worker/js_transferable) and rebuilt when they are delivered,
// in a later macrotask.

const {
  ArrayPrototypePush,
  FunctionPrototypeCall,
  ObjectCreate,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
  SafeSet,
  Symbol,
  SymbolFor,
  SymbolIterator,
} = primordials;

const {
  Event,
  EventTarget,
  NodeEventTarget,
  defineEventHandler,
  initNodeEventTarget,
  kCreateEvent,
  kNewListener,
  kRemoveListener,
  kHybridDispatch,
} = require('internal/event_target');
const {
  codes: {
    ERR_CLOSED_MESSAGE_PORT,
    ERR_CONSTRUCT_CALL_INVALID,
    ERR_CONSTRUCT_CALL_REQUIRED,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_THIS,
    ERR_METHOD_NOT_IMPLEMENTED,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const {
  portHooks,
  serializeMessage,
  deserializeMessage,
} = require('internal/worker/js_transferable');

const kState = Symbol('kState');
const kCurrentlyReceivingPorts =
  SymbolFor('nodejs.internal.kCurrentlyReceivingPorts');
const kInspect = SymbolFor('nodejs.util.inspect.custom');
const kEnumerable = { __proto__: null, enumerable: true };

function lazyInspect() {
  return require('internal/util/inspect').inspect;
}

// --- keeping the loop alive ------------------------------------------

// One long interval timer stands for every ref'd, open port: it is ref'd
// while at least one such port exists.
let holders = 0;
let holdTimer = null;

function noop() {}

function hold(delta) {
  holders += delta;
  if (holders > 0) {
    holdTimer ??= setInterval(noop, 2 ** 31 - 1);
    holdTimer.ref();
  } else if (holdTimer !== null) {
    holdTimer.unref();
  }
}

// Ports that keep the loop alive are kept alive themselves: a port that
// only its listeners know about is not collected while it may receive.
const heldPorts = new SafeSet();

/* Recomputes whether `port` keeps the loop alive. */
function updateHold(port) {
  const state = port[kState];
  const want = state.refed && !state.closed;
  if (want !== state.holding) {
    state.holding = want;
    if (want) {
      heldPorts.add(port);
    } else {
      heldPorts.delete(port);
    }
    hold(want ? 1 : -1);
  }
}

// --- the transport -----------------------------------------------------

/* One end of a channel, over a native port handle. `owner` is notified
 * through owner.onMessage() and owner.onPeerClose() (from the native
 * wake-up, on this thread). */
class NativeEndpoint {
  constructor(handle) {
    this.handle = handle;
    this.owner = null;
    this.closed = false;
    this.sawPeerClose = false;
    handle.onmessage = () => this.wake();
  }

  wake() {
    if (this.closed) return;
    if (this.handle.size() > 0) this.owner?.onMessage();
    if (!this.sawPeerClose && this.handle.peerClosed()) {
      this.sawPeerClose = true;
      this.owner?.onPeerClose();
    }
  }

  get peerClosed() { return !this.closed && this.handle.peerClosed(); }

  /* Queues `msg` (a serialized message) at the other end; false if the
   * channel is gone. */
  post(msg) { return !this.closed && this.handle.post(msg); }

  size() { return this.closed ? 0 : this.handle.size(); }

  shift() { return this.handle.shift(); }

  unshift(msg) { this.handle.unshift(msg); }

  /* Whether `other` is the other end of this channel. */
  entangled(other) {
    return other != null && !this.closed && !other.closed &&
      this.handle.entangled(other.handle);
  }

  /* Closes this end; the other end learns it after its queue. */
  close() {
    if (this.closed) return;
    this.closed = true;
    this.handle.close();
  }
}

/* Two entangled endpoints. */
function createEndpointPair() {
  const { 0: a, 1: b } = internalBinding('messaging').createChannel();
  return [new NativeEndpoint(a), new NativeEndpoint(b)];
}

// --- MessageEvent ---------------------------------------------------------

const kData = Symbol('kData');
const kOrigin = Symbol('kOrigin');
const kLastEventId = Symbol('kLastEventId');
const kSource = Symbol('kSource');
const kPorts = Symbol('kPorts');

/* MessageEvent(type[, { data, origin, lastEventId, source, ports }]) */
class MessageEvent extends Event {
  constructor(type, options = undefined) {
    super(type, options);
    const {
      data = null,
      origin = '',
      lastEventId = '',
      source = null,
      ports = [],
    } = options ?? {};
    if (source !== null && !isMessagePort(source)) {
      throw new ERR_INVALID_ARG_TYPE('init.source', 'MessagePort', source);
    }
    // Any iterable (a TypeError "ports is not iterable" otherwise).
    const list = [...ports];
    for (let i = 0; i < list.length; i++) {
      if (!isMessagePort(list[i])) {
        throw new ERR_INVALID_ARG_TYPE(`init.ports[${i}]`, 'MessagePort',
                                       list[i]);
      }
    }
    this[kData] = data;
    this[kOrigin] = `${origin}`;
    this[kLastEventId] = `${lastEventId}`;
    this[kSource] = source;
    this[kPorts] = list;
  }
}

function defineEventGetter(name, key) {
  ObjectDefineProperty(MessageEvent.prototype, name, {
    __proto__: null,
    enumerable: true,
    configurable: true,
    get() {
      if (this == null || !(kData in this)) {
        throw new ERR_INVALID_THIS('MessageEvent');
      }
      return this[key];
    },
  });
}
defineEventGetter('data', kData);
defineEventGetter('origin', kOrigin);
defineEventGetter('lastEventId', kLastEventId);
defineEventGetter('source', kSource);
defineEventGetter('ports', kPorts);

// --- MessagePort --------------------------------------------------------

/* MessagePort is not constructible by users: ports come from
 * MessageChannel or from received messages. */
function MessagePort() {
  throw new ERR_CONSTRUCT_CALL_INVALID();
}
ObjectSetPrototypeOf(MessagePort.prototype, NodeEventTarget.prototype);
ObjectSetPrototypeOf(MessagePort, NodeEventTarget);

function isMessagePort(value) {
  return value != null && typeof value === 'object' &&
    value[kState] !== undefined;
}

function validatePort(port) {
  if (!isMessagePort(port)) throw new ERR_INVALID_THIS('MessagePort');
}

/* A new MessagePort object driving `endpoint`. */
function createPort(endpoint) {
  const port = ObjectCreate(MessagePort.prototype);
  initNodeEventTarget(port);
  const state = {
    endpoint,
    started: false,
    refed: false,
    holding: false,
    closed: false,
    closeEmitted: false,
    immediate: null,
    asyncId: -1,
  };
  ObjectDefineProperty(port, kState, {
    __proto__: null, value: state, writable: false, enumerable: false,
    configurable: false,
  });
  port[kCurrentlyReceivingPorts] = undefined;
  // async_hooks see ports as MESSAGEPORT resources.
  const hooks = require('internal/async_hooks');
  if (hooks.initHooksExist()) {
    state.asyncId = hooks.newAsyncId();
    hooks.emitInit(state.asyncId, 'MESSAGEPORT',
                   hooks.getDefaultTriggerAsyncId(), port);
  }
  endpoint.owner = {
    onMessage() { if (state.started) scheduleDrain(port); },
    onPeerClose() {
      // A port that is not receiving closes at once when nothing is
      // queued; otherwise after its queue, once started.
      if (state.started) {
        scheduleDrain(port);
      } else if (endpoint.size() === 0) {
        closePort(port);
      }
    },
  };
  return port;
}

/* Runs drain(port) in a later macrotask (once). */
function scheduleDrain(port) {
  const state = port[kState];
  if (state.immediate !== null) return;
  state.immediate = setImmediate(drain, port);
  if (!state.refed) state.immediate.unref();
}

/* Delivers the messages queued when the drain began; messages posted
 * meanwhile wait for the next turn. */
function drain(port) {
  const state = port[kState];
  state.immediate = null;
  const endpoint = state.endpoint;
  if (endpoint === null) return;
  // The batch is taken out first: close() from a listener does not drop
  // messages that had already arrived.
  const batch = [];
  for (let n = endpoint.size(); n > 0; n--) {
    ArrayPrototypePush(batch, endpoint.shift());
  }
  for (let i = 0; i < batch.length; i++) {
    if (!state.started) {
      // Stopped by a listener: the rest wait for the next start().
      for (let j = batch.length - 1; j >= i; j--) {
        endpoint.unshift(batch[j]);
      }
      break;
    }
    deliver(port, batch[i]);
  }
  if (endpoint.size() > 0 && state.started && !state.closed) {
    scheduleDrain(port);
  } else if (endpoint.peerClosed && !state.closed && endpoint.size() === 0) {
    // Messages still queued wait for the next start().
    closePort(port);
  }
}

/* Dispatches one message ('message', or 'messageerror' if it cannot be
 * rebuilt). */
function deliver(port, msg) {
  let received;
  try {
    received = deserializeMessage(msg);
  } catch (err) {
    port[kCurrentlyReceivingPorts] = [];
    port[kHybridDispatch](err, 'messageerror');
    port[kCurrentlyReceivingPorts] = undefined;
    return;
  }
  port[kCurrentlyReceivingPorts] = received.ports;
  try {
    port[kHybridDispatch](received.value, 'message');
  } finally {
    port[kCurrentlyReceivingPorts] = undefined;
  }
}

/* Delivers every message queued at a started port now (a worker's
 * messages before its 'exit'). */
function drainMessagePort(port) {
  const state = port[kState];
  while (state.started && state.endpoint !== null &&
         state.endpoint.size() > 0) {
    deliver(port, state.endpoint.shift());
  }
}

/* Detaches `port` from its channel; 'close' follows in a later turn
 * (until then the port still counts as keeping the loop alive). */
function closePort(port) {
  const state = port[kState];
  if (state.closed) return;
  state.closed = true;
  state.endpoint?.close();
  state.endpoint = null;
  setImmediate(emitClose, port);
}

function emitClose(port) {
  const state = port[kState];
  if (state.closeEmitted) return;
  state.closeEmitted = true;
  updateHold(port);
  if (state.asyncId !== -1) {
    require('internal/async_hooks').emitDestroy(state.asyncId);
  }
  port[kHybridDispatch](undefined, 'close');
}

/* Reads postMessage's second argument into an array. */
function readTransferList(arg) {
  if (arg === undefined || arg === null) return [];
  let list = arg;
  let what = 'transferList';
  if (typeof arg === 'object' && typeof arg[SymbolIterator] !== 'function') {
    list = arg.transfer;
    what = 'options.transfer';
    if (list === undefined) return [];
  }
  const bad = () => {
    // eslint-disable-next-line no-restricted-syntax
    const err = new TypeError(`Optional ${what} argument must be an ` +
                              'iterable');
    err.code = 'ERR_INVALID_ARG_TYPE';
    return err;
  };
  if (list === null || typeof list !== 'object' ||
      typeof list[SymbolIterator] !== 'function') {
    throw bad();
  }
  const iterator = list[SymbolIterator]();
  if (iterator === null || typeof iterator !== 'object' ||
      typeof iterator.next !== 'function') {
    throw bad();
  }
  const out = [];
  for (;;) {
    const step = iterator.next();
    if (step === null || typeof step !== 'object') throw bad();
    if (step.done) break;
    ArrayPrototypePush(out, step.value);
  }
  return out;
}

ObjectDefineProperties(MessagePort.prototype, {
  postMessage: {
    __proto__: null, writable: true, enumerable: true, configurable: true,
    /* postMessage(value[, transferList | { transfer }]) */
    value: function postMessage(value, transfer = undefined) {
      validatePort(this);
      if (arguments.length === 0) throw new ERR_MISSING_ARGS('value');
      const list = readTransferList(transfer);
      const state = this[kState];
      let selfPost = false;
      for (let i = 0; i < list.length; i++) {
        if (isMessagePort(list[i]) && list[i] !== this &&
            state.endpoint?.entangled(list[i][kState].endpoint)) {
          selfPost = true;
        }
      }
      const msg = serializeMessage(value, list, this);
      if (selfPost) {
        process.emitWarning('The target port was posted to itself, and the ' +
                            'communication channel was lost');
        closePort(this);
        return;
      }
      state.endpoint?.post(msg);
    },
  },
  start: {
    __proto__: null, writable: true, enumerable: true, configurable: true,
    /* start(): begins delivering queued and future messages. */
    value: function start() {
      validatePort(this);
      const state = this[kState];
      if (state.closed) return;
      state.started = true;
      const ep = state.endpoint;
      if (ep.size() > 0 || ep.peerClosed) scheduleDrain(this);
    },
  },
  close: {
    __proto__: null, writable: true, enumerable: true, configurable: true,
    /* close([callback]): ends the channel; 'close' fires on both ends. */
    value: function close(callback) {
      validatePort(this);
      if (typeof callback === 'function') this.once('close', callback);
      closePort(this);
    },
  },
  ref: {
    __proto__: null, writable: true, enumerable: true, configurable: true,
    value: function ref() {
      validatePort(this);
      this[kState].refed = true;
      this[kState].immediate?.ref();
      updateHold(this);
      return this;
    },
  },
  unref: {
    __proto__: null, writable: true, enumerable: true, configurable: true,
    value: function unref() {
      validatePort(this);
      this[kState].refed = false;
      this[kState].immediate?.unref();
      updateHold(this);
      return this;
    },
  },
  hasRef: {
    __proto__: null, writable: true, enumerable: true, configurable: true,
    /* hasRef() -> whether this port keeps the event loop alive. */
    value: function hasRef() {
      validatePort(this);
      return this[kState].holding;
    },
  },
});

defineEventHandler(MessagePort.prototype, 'message');
defineEventHandler(MessagePort.prototype, 'messageerror');

MessagePort.prototype[kNewListener] = function(size, type, ...rest) {
  FunctionPrototypeCall(EventTarget.prototype[kNewListener], this, size,
                        type, ...rest);
  if (type === 'message' && size === 1 && isMessagePort(this) &&
      !this[kState].closed) {
    this.ref();
    this.start();
  }
};

MessagePort.prototype[kRemoveListener] = function(size, type) {
  if (type === 'message' && size === 0 && isMessagePort(this)) {
    const state = this[kState];
    state.started = false;
    if (!state.closed) this.unref();
  }
};

MessagePort.prototype[kCreateEvent] = function(value, type) {
  if (type === 'message' || type === 'messageerror') {
    return new MessageEvent(type, {
      data: value,
      ports: this[kCurrentlyReceivingPorts] ?? [],
    });
  }
  return FunctionPrototypeCall(NodeEventTarget.prototype[kCreateEvent], this,
                               value, type);
};

MessagePort.prototype[kInspect] = function(depth, options) {
  const name = this?.constructor?.name ?? 'MessagePort';
  if (!isMessagePort(this)) return this;
  if (depth < 0) return name;
  const state = this[kState];
  const view = { active: !state.closed, refed: state.holding };
  return `${name} [EventTarget] ${lazyInspect()(view, {
    ...options, depth: options.depth == null ? null : options.depth - 1,
  })}`;
};

portHooks.isPort = isMessagePort;
portHooks.isDetached = (port) => port[kState].closed;
portHooks.handleOf = (port) => port[kState].endpoint.handle;
portHooks.detach = (port) => {
  const state = port[kState];
  const endpoint = state.endpoint;
  endpoint.owner = null;
  endpoint.closed = true;
  state.endpoint = null;
  state.closed = true;
  updateHold(port);
  setImmediate(emitClose, port);
};
portHooks.adopt = (handle) => createPort(new NativeEndpoint(handle));

// --- MessageChannel -------------------------------------------------------

/* new MessageChannel() -> { port1, port2 }, two entangled ports. */
function MessageChannel() {
  if (new.target === undefined) {
    throw new ERR_CONSTRUCT_CALL_REQUIRED('MessageChannel');
  }
  const { 0: a, 1: b } = createEndpointPair();
  this.port1 = createPort(a);
  this.port2 = createPort(b);
}

/* receiveMessageOnPort(port) -> { message } | undefined: takes the
 * oldest queued message synchronously. */
function receiveMessageOnPort(port) {
  const isChannel = port != null && typeof port === 'object' &&
    port[kBcState] !== undefined;
  if (!isChannel && !isMessagePort(port)) {
    // eslint-disable-next-line no-restricted-syntax
    const err = new TypeError('The "port" argument must be a MessagePort ' +
                              'instance');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  const endpoint = isChannel ? port[kBcState].endpoint :
    port[kState].endpoint;
  if (endpoint === null || endpoint.size() === 0) return undefined;
  const { value } = deserializeMessage(endpoint.shift());
  return { message: value };
}

/* moveMessagePortToContext(port, context): not supported yet. */
function moveMessagePortToContext(port, context) {
  if (!isMessagePort(port)) {
    // eslint-disable-next-line no-restricted-syntax
    const err = new TypeError('The "port" argument must be a MessagePort ' +
                              'instance');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  if (port[kState].closed) throw new ERR_CLOSED_MESSAGE_PORT();
  throw new ERR_METHOD_NOT_IMPLEMENTED('moveMessagePortToContext()');
}

// --- BroadcastChannel ---------------------------------------------------

const kName = Symbol('kName');
const kBcState = Symbol('kBcState');

function validateChannel(bc) {
  if (bc == null || typeof bc !== 'object' || bc[kBcState] === undefined) {
    throw new ERR_INVALID_THIS('BroadcastChannel');
  }
}

/* BroadcastChannel(name): messages posted on one instance reach every
 * other open instance with the same name, in any thread of the process
 * (through a native feed registered under the name). */
class BroadcastChannel extends EventTarget {
  constructor(name) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    super();
    this[kName] = `${name}`;
    const endpoint = new NativeEndpoint(
      internalBinding('messaging').broadcastJoin(this[kName]));
    this[kBcState] = { closed: false, refed: false, endpoint,
                       immediate: null };
    endpoint.owner = {
      onMessage: () => scheduleBroadcast(this),
      onPeerClose() {},
    };
    this.ref();
  }

  get name() {
    validateChannel(this);
    return this[kName];
  }

  /* close(): leaves the channel; later postMessage() throws. */
  close() {
    validateChannel(this);
    const state = this[kBcState];
    if (state.closed) return;
    this.unref();
    state.closed = true;
    state.endpoint.close();
  }

  /* postMessage(message): a clone of message goes to the other
   * instances. */
  postMessage(message) {
    validateChannel(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('message');
    const state = this[kBcState];
    if (state.closed) {
      const { DOMException } = require('internal/per_context/domexception');
      throw new DOMException('BroadcastChannel is closed.');
    }
    // Serialized once up front (clone errors throw even with no other
    // instance), then once more per further receiver: a message is read
    // only once.
    let first = serializeMessage(message, [], null);
    internalBinding('messaging').broadcastPost(
      state.endpoint.handle, this[kName], () => {
        const msg = first ?? serializeMessage(message, [], null);
        first = null;
        return msg;
      });
  }

  ref() {
    validateChannel(this);
    const state = this[kBcState];
    if (!state.refed && !state.closed) {
      state.refed = true;
      hold(1);
    }
    return this;
  }

  unref() {
    validateChannel(this);
    const state = this[kBcState];
    if (state.refed) {
      state.refed = false;
      hold(-1);
    }
    return this;
  }

  [kInspect](depth, options) {
    validateChannel(this);
    if (depth < 0) return 'BroadcastChannel';
    const view = { name: this[kName], active: !this[kBcState].closed };
    return `BroadcastChannel ${lazyInspect()(view, {
      ...options, depth: options.depth == null ? null : options.depth - 1,
    })}`;
  }
}

function scheduleBroadcast(bc) {
  const state = bc[kBcState];
  if (state.immediate !== null || state.closed) return;
  state.immediate = setImmediate(drainBroadcast, bc);
  if (!state.refed) state.immediate.unref();
}

function drainBroadcast(bc) {
  const state = bc[kBcState];
  state.immediate = null;
  let count = state.endpoint.size();
  while (count-- > 0 && !state.closed && state.endpoint.size() > 0) {
    const msg = state.endpoint.shift();
    let event;
    try {
      const { value } = deserializeMessage(msg);
      event = new MessageEvent('message', { data: value });
    } catch (err) {
      event = new MessageEvent('messageerror', { data: err });
    }
    bc.dispatchEvent(event);
  }
  if (!state.closed && state.endpoint.size() > 0) scheduleBroadcast(bc);
}

ObjectDefineProperties(BroadcastChannel.prototype, {
  name: kEnumerable,
  close: kEnumerable,
  postMessage: kEnumerable,
  ref: kEnumerable,
  unref: kEnumerable,
});
defineEventHandler(BroadcastChannel.prototype, 'message');
defineEventHandler(BroadcastChannel.prototype, 'messageerror');

module.exports = {
  BroadcastChannel,
  MessageChannel,
  MessageEvent,
  MessagePort,
  createEndpointPair,
  createPort,
  drainMessagePort,
  NativeEndpoint,
  isMessagePort,
  moveMessagePortToContext,
  receiveMessageOnPort,
  kCurrentlyReceivingPorts,
};
