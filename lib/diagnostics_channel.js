'use strict';
// diagnostics_channel.js - named pub/sub channels for diagnostics (channel(),
// subscribe(), Channel with bindStore/runStores) and TracingChannel.

/* A channel is registered by name through a weak reference, so a channel
 * nobody holds and nobody listens to can be collected (its entry is dropped
 * by a FinalizationRegistry). While it has subscribers or bound stores it is
 * also in `activeChannels`, which keeps it alive: subscribing by name and
 * later publishing through a fresh channel(name) must reach the same
 * subscribers. Subscriber lists and store maps are replaced, never
 * mutated. */

const {
  ArrayPrototypeAt,
  ArrayPrototypeIndexOf,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ArrayPrototypeSplice,
  ObjectDefineProperty,
  Promise,
  PromisePrototypeThen,
  PromiseReject,
  PromiseResolve,
  ReflectApply,
  SafeFinalizationRegistry,
  SafeMap,
  SafeSet,
  SafeWeakRef,
} = primordials;

const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { validateFunction } = require('internal/validators');
const { triggerUncaughtException } = internalBinding('errors');

const registry = new SafeMap(); // name -> SafeWeakRef(Channel)
const activeChannels = new SafeSet();
const forgetCollected = new SafeFinalizationRegistry((name) => {
  const ref = registry.get(name);
  if (ref !== undefined && ref.deref() === undefined) registry.delete(name);
});

/* Reports an exception thrown by a subscriber or a store transform as
 * uncaught, on the next tick, without stopping the publisher. */
function reportLater(err) {
  process.nextTick(triggerUncaughtException, err, false);
}

function identity(data) {
  return data;
}

class Channel {
  /* A channel named `name` (string or symbol), registered so channel(name)
   * finds it while it is alive. */
  constructor(name) {
    this._subscribers = [];
    this._stores = new SafeMap();
    this.name = name;
    registry.set(name, new SafeWeakRef(this));
    forgetCollected.register(this, name);
  }

  /* True while the channel has a subscriber or a bound store. */
  get hasSubscribers() {
    return this._subscribers.length > 0 || this._stores.size > 0;
  }

  /* Calls every subscriber with (data, name); a throwing subscriber becomes
   * an uncaught exception on the next tick and the others still run. As in
   * Node, each step reads the current list, so a subscriber that changes
   * the list changes which later positions run. */
  publish(data) {
    for (let i = 0; i < this._subscribers.length; i++) {
      try {
        const onMessage = this._subscribers[i];
        onMessage(data, this.name);
      } catch (err) {
        reportLater(err);
      }
    }
  }

  /* Adds `subscription` (a function) to the subscribers. */
  subscribe(subscription) {
    validateFunction(subscription, 'subscription');
    const next = ArrayPrototypeSlice(this._subscribers);
    ArrayPrototypePush(next, subscription);
    this._subscribers = next;
    activeChannels.add(this);
  }

  /* Removes `subscription`; false when it was not subscribed. */
  unsubscribe(subscription) {
    const index = ArrayPrototypeIndexOf(this._subscribers, subscription);
    if (index === -1) return false;
    const next = ArrayPrototypeSlice(this._subscribers);
    ArrayPrototypeSplice(next, index, 1);
    this._subscribers = next;
    this._forgetIfIdle();
    return true;
  }

  /* Makes runStores() run inside store.run(transform(data)), where
   * transform defaults to passing the published data through. */
  bindStore(store, transform) {
    const next = new SafeMap(this._stores);
    next.set(store, transform ?? identity);
    this._stores = next;
    activeChannels.add(this);
  }

  /* Undoes bindStore(store); false when the store was not bound. */
  unbindStore(store) {
    if (!this._stores.has(store)) return false;
    const next = new SafeMap(this._stores);
    next.delete(store);
    this._stores = next;
    this._forgetIfIdle();
    return true;
  }

  /* Enters every bound store with its transform of `data`, publishes
   * `data`, then returns fn.apply(thisArg, args), all inside the stores.
   * A throwing transform is reported as uncaught on the next tick and its
   * store is skipped. */
  runStores(data, fn, thisArg, ...args) {
    let run = () => {
      this.publish(data);
      return ReflectApply(fn, thisArg, args);
    };
    for (const { 0: store, 1: transform } of this._stores) {
      run = enterStoreThen(store, transform, data, run);
    }
    return run();
  }

  _forgetIfIdle() {
    if (!this.hasSubscribers) activeChannels.delete(this);
  }
}

function enterStoreThen(store, transform, data, next) {
  return () => {
    let context;
    try {
      context = transform(data);
    } catch (err) {
      reportLater(err);
      return next();
    }
    return store.run(context, next);
  };
}

/* The live channel named `name`, created when there is none. */
function channel(name) {
  const existing = registry.get(name)?.deref();
  if (existing !== undefined) return existing;
  if (typeof name !== 'string' && typeof name !== 'symbol') {
    throw new ERR_INVALID_ARG_TYPE('channel', ['string', 'symbol'], name);
  }
  return new Channel(name);
}

/* True when the channel named `name` exists and has subscribers. */
function hasSubscribers(name) {
  const existing = registry.get(name)?.deref();
  return existing !== undefined && existing.hasSubscribers;
}

/* channel(name).subscribe(subscription). */
function subscribe(name, subscription) {
  channel(name).subscribe(subscription);
}

/* channel(name).unsubscribe(subscription); false if it was not there. */
function unsubscribe(name, subscription) {
  return channel(name).unsubscribe(subscription);
}

const traceEvents = ['start', 'end', 'asyncStart', 'asyncEnd', 'error'];

function checkChannel(value, name) {
  if (!(value instanceof Channel)) {
    throw new ERR_INVALID_ARG_TYPE(name, ['Channel'], value);
  }
}

class TracingChannel {
  /* Five channels for one traced operation: from a name (channels
   * `tracing:<name>:start` …) or from an object holding five Channels. */
  constructor(nameOrChannels) {
    if (typeof nameOrChannels === 'string') {
      for (const event of traceEvents) {
        ObjectDefineProperty(this, event, {
          __proto__: null,
          value: channel(`tracing:${nameOrChannels}:${event}`),
        });
      }
    } else if (typeof nameOrChannels === 'object' && nameOrChannels !== null) {
      for (const event of traceEvents) {
        const ch = nameOrChannels[event];
        checkChannel(ch, `nameOrChannels.${event}`);
        ObjectDefineProperty(this, event, { __proto__: null, value: ch });
      }
    } else {
      throw new ERR_INVALID_ARG_TYPE('nameOrChannels',
                                     ['string', 'object', 'Channel'],
                                     nameOrChannels);
    }
  }

  /* Subscribes each handler in `handlers` ({ start, end, asyncStart,
   * asyncEnd, error }, any subset) to its channel. */
  subscribe(handlers) {
    for (const event of traceEvents) {
      if (handlers[event]) this[event].subscribe(handlers[event]);
    }
  }

  /* Unsubscribes each handler; false if any of them was not subscribed. */
  unsubscribe(handlers) {
    let all = true;
    for (const event of traceEvents) {
      if (handlers[event] && !this[event].unsubscribe(handlers[event])) {
        all = false;
      }
    }
    return all;
  }

  /* Runs fn.apply(thisArg, args) inside start's stores: start before, end
   * after, error (with context.error) if it throws; context.result holds
   * what it returned. */
  traceSync(fn, context = {}, thisArg, ...args) {
    return runTraced(this, context, () => {
      const result = ReflectApply(fn, thisArg, args);
      context.result = result;
      return result;
    });
  }

  /* Like traceSync for a function returning a promise (or thenable): once
   * it settles, error (on rejection), asyncStart and asyncEnd are published
   * and the returned promise settles the same way. */
  tracePromise(fn, context = {}, thisArg, ...args) {
    const { asyncStart, asyncEnd, error } = this;
    const settled = () => {
      asyncStart.publish(context);
      asyncEnd.publish(context);
    };
    const onFulfilled = (result) => {
      context.result = result;
      settled();
      return result;
    };
    const onRejected = (err) => {
      context.error = err;
      error.publish(context);
      settled();
      return PromiseReject(err);
    };
    return runTraced(this, context, () => {
      let promise = ReflectApply(fn, thisArg, args);
      if (!(promise instanceof Promise)) promise = PromiseResolve(promise);
      return PromisePrototypeThen(promise, onFulfilled, onRejected);
    });
  }

  /* Like traceSync for a function taking a callback at args[position]
   * (negative counts from the end): the callback is wrapped so that error
   * (when called with an error) is published, then it runs inside
   * asyncStart's stores, then asyncEnd is published. */
  traceCallback(fn, position = -1, context = {}, thisArg, ...args) {
    const { asyncStart, asyncEnd, error } = this;
    const callback = ArrayPrototypeAt(args, position);
    validateFunction(callback, 'callback');
    function tracedCallback(err, result) {
      if (err) {
        context.error = err;
        error.publish(context);
      } else {
        context.result = result;
      }
      const callbackArgs = arguments;
      return asyncStart.runStores(context, () => {
        try {
          return ReflectApply(callback, this, callbackArgs);
        } finally {
          asyncEnd.publish(context);
        }
      });
    }
    ArrayPrototypeSplice(args, position, 1, tracedCallback);
    return runTraced(this, context, () => ReflectApply(fn, thisArg, args));
  }
}

/* Runs fn() inside the stores of tracing.start (which publishes
 * `context` first); if fn throws, context.error is set, published on
 * tracing.error and the exception rethrown; tracing.end is published last
 * either way. */
function runTraced(tracing, context, fn) {
  const { start, end, error } = tracing;
  return start.runStores(context, () => {
    try {
      return fn();
    } catch (err) {
      context.error = err;
      error.publish(context);
      throw err;
    } finally {
      end.publish(context);
    }
  });
}

/* A TracingChannel over `nameOrChannels` (see the class). */
function tracingChannel(nameOrChannels) {
  return new TracingChannel(nameOrChannels);
}

module.exports = {
  channel,
  hasSubscribers,
  subscribe,
  tracingChannel,
  unsubscribe,
  Channel,
};
