'use strict';
// internal/worker/io.js - MessagePort, MessageChannel, MessageEvent and
// BroadcastChannel for ports living in this thread.

// A MessagePort object drives one end of a channel through an endpoint:
// a transport with post(msg), shift(), size(), close() and an `owner`
// callback object. LocalEndpoint pairs two ends inside this thread; a
// cross-thread transport only has to offer the same surface. Messages are
// serialized at send time (internal/worker/js_transferable) and rebuilt
// when they are delivered, in a later macrotask.

const {
  ArrayIsArray,
  ArrayPrototypePush,
  ArrayPrototypeShift,
  ArrayPrototypeUnshift,
  FunctionPrototypeCall,
  ObjectCreate,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
  SafeMap,
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

/* Recomputes whether `port` keeps the loop alive. */
function updateHold(port) {
  const state = port[kState];
  const want = state.refed && !state.closed;
  if (want !== state.holding) {
    state.holding = want;
    hold(want ? 1 : -1);
  }
}

// --- the in-thread transport ------------------------------------------

/* One end of an in-thread channel. `owner` is notified through
 * owner.onMessage() and owner.onPeerClose(). */
class LocalEndpoint {
  constructor() {
    this.queue = [];
    this.peer = null;
    this.owner = null;
    this.closed = false;
    this.peerClosed = false;
  }

  /* Queues `msg` at the other end; false if the channel is gone. */
  post(msg) {
    const peer = this.peer;
    if (this.closed || peer === null || peer.closed) return false;
    ArrayPrototypePush(peer.queue, msg);
    peer.owner?.onMessage();
    return true;
  }

  size() { return this.queue.length; }

  shift() { return ArrayPrototypeShift(this.queue); }

  /* Closes this end; the other end learns it after its queue. */
  close() {
    if (this.closed) return;
    this.closed = true;
    this.queue = [];
    const peer = this.peer;
    if (peer !== null && !peer.closed) {
      peer.peerClosed = true;
      peer.owner?.onPeerClose();
    }
  }
}

function createLocalPair() {
  const a = new LocalEndpoint();
  const b = new LocalEndpoint();
  a.peer = b;
  b.peer = a;
  return [a, b];
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
    if (!ArrayIsArray(ports)) {
      throw new ERR_INVALID_ARG_TYPE('init.ports', 'Array', ports);
    }
    for (let i = 0; i < ports.length; i++) {
      if (!isMessagePort(ports[i])) {
        throw new ERR_INVALID_ARG_TYPE(`init.ports[${i}]`, 'MessagePort',
                                       ports[i]);
      }
    }
    this[kData] = data;
    this[kOrigin] = `${origin}`;
    this[kLastEventId] = `${lastEventId}`;
    this[kSource] = source;
    this[kPorts] = [...ports];
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
  };
  ObjectDefineProperty(port, kState, {
    __proto__: null, value: state, writable: false, enumerable: false,
    configurable: false,
  });
  port[kCurrentlyReceivingPorts] = undefined;
  endpoint.owner = {
    onMessage() { if (state.started) scheduleDrain(port); },
    onPeerClose() { if (state.started) scheduleDrain(port); },
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
        ArrayPrototypeUnshift(endpoint.queue, batch[j]);
      }
      break;
    }
    deliver(port, batch[i]);
  }
  if (endpoint.size() > 0 && state.started && !state.closed) {
    scheduleDrain(port);
  } else if (endpoint.peerClosed && !state.closed &&
             (endpoint.size() === 0 || !state.started)) {
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

/* Detaches `port` from its channel; 'close' follows in a later turn. */
function closePort(port) {
  const state = port[kState];
  if (state.closed) return;
  state.closed = true;
  state.endpoint?.close();
  state.endpoint = null;
  updateHold(port);
  setImmediate(emitClose, port);
}

function emitClose(port) {
  const state = port[kState];
  if (state.closeEmitted) return;
  state.closeEmitted = true;
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
      const peerEndpoint = state.endpoint?.peer;
      let selfPost = false;
      for (let i = 0; i < list.length; i++) {
        if (isMessagePort(list[i]) && list[i] !== this &&
            peerEndpoint != null && list[i][kState].endpoint === peerEndpoint) {
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
portHooks.detach = (port) => {
  const state = port[kState];
  const endpoint = state.endpoint;
  endpoint.owner = null;
  state.endpoint = null;
  state.closed = true;
  updateHold(port);
  setImmediate(emitClose, port);
  return endpoint;
};
portHooks.adopt = (endpoint) => createPort(endpoint);

// --- MessageChannel -------------------------------------------------------

/* new MessageChannel() -> { port1, port2 }, two entangled ports. */
function MessageChannel() {
  if (new.target === undefined) {
    throw new ERR_CONSTRUCT_CALL_REQUIRED('MessageChannel');
  }
  const { 0: a, 1: b } = createLocalPair();
  this.port1 = createPort(a);
  this.port2 = createPort(b);
}

/* receiveMessageOnPort(port) -> { message } | undefined: takes the
 * oldest queued message synchronously. */
function receiveMessageOnPort(port) {
  if (!isMessagePort(port)) {
    // eslint-disable-next-line no-restricted-syntax
    const err = new TypeError('The "port" argument must be a MessagePort ' +
                              'instance');
    err.code = 'ERR_INVALID_ARG_TYPE';
    throw err;
  }
  const endpoint = port[kState].endpoint;
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
const channelsByName = new SafeMap();

function validateChannel(bc) {
  if (bc == null || typeof bc !== 'object' || bc[kBcState] === undefined) {
    throw new ERR_INVALID_THIS('BroadcastChannel');
  }
}

/* BroadcastChannel(name): messages posted on one instance reach every
 * other open instance with the same name. */
class BroadcastChannel extends EventTarget {
  constructor(name) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('name');
    super();
    this[kName] = `${name}`;
    this[kBcState] = { closed: false, refed: false, queue: [],
                       immediate: null };
    let set = channelsByName.get(this[kName]);
    if (set === undefined) {
      set = new SafeSet();
      channelsByName.set(this[kName], set);
    }
    set.add(this);
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
    state.queue = [];
    const set = channelsByName.get(this[kName]);
    set?.delete(this);
    if (set?.size === 0) channelsByName.delete(this[kName]);
  }

  /* postMessage(message): a clone of message goes to the other
   * instances. */
  postMessage(message) {
    validateChannel(this);
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('message');
    if (this[kBcState].closed) {
      const { DOMException } = require('internal/per_context/domexception');
      throw new DOMException('BroadcastChannel is closed.');
    }
    const msg = serializeMessage(message, [], null);
    const set = channelsByName.get(this[kName]);
    if (set === undefined) return;
    for (const other of set) {
      if (other === this) continue;
      ArrayPrototypePush(other[kBcState].queue, msg);
      scheduleBroadcast(other);
    }
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
  if (state.immediate !== null) return;
  state.immediate = setImmediate(drainBroadcast, bc);
  if (!state.refed) state.immediate.unref();
}

function drainBroadcast(bc) {
  const state = bc[kBcState];
  state.immediate = null;
  let count = state.queue.length;
  while (count-- > 0 && !state.closed && state.queue.length > 0) {
    const msg = ArrayPrototypeShift(state.queue);
    let event;
    try {
      const { value } = deserializeMessage(msg);
      event = new MessageEvent('message', { data: value });
    } catch (err) {
      event = new MessageEvent('messageerror', { data: err });
    }
    bc.dispatchEvent(event);
  }
  if (state.queue.length > 0 && !state.closed) scheduleBroadcast(bc);
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
  createLocalPair,
  isMessagePort,
  moveMessagePortToContext,
  receiveMessageOnPort,
  kCurrentlyReceivingPorts,
};
