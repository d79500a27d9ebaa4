'use strict';
// internal/events/async_resource.js - events.EventEmitterAsyncResource.

// An EventEmitter whose emit() runs listeners inside its own async_hooks
// resource, so async context follows the emitter rather than the emitter's
// caller. Built on first access (async_hooks is loaded lazily).

const {
  ReflectApply,
  Symbol,
} = primordials;

const {
  codes: { ERR_INVALID_THIS },
} = require('internal/errors');
const { validateString } = require('internal/validators');

const kAsyncResource = Symbol('kAsyncResource');
const kEventEmitter = Symbol('kEventEmitter');

let cached;

/* The EventEmitterAsyncResource class (created once, on demand). */
function getEventEmitterAsyncResource(EventEmitter) {
  if (cached !== undefined) return cached;
  const { AsyncResource } = require('async_hooks');

  function ownResource(self) {
    const resource = self?.[kAsyncResource];
    if (resource === undefined) {
      throw new ERR_INVALID_THIS('EventEmitterAsyncResource');
    }
    return resource;
  }

  class EventEmitterReferencingAsyncResource extends AsyncResource {
    constructor(ee, type, options) {
      super(type, options);
      this[kEventEmitter] = ee;
    }

    /* The EventEmitterAsyncResource this resource belongs to. */
    get eventEmitter() {
      if (this[kEventEmitter] === undefined) {
        throw new ERR_INVALID_THIS('EventEmitterReferencingAsyncResource');
      }
      return this[kEventEmitter];
    }
  }

  class EventEmitterAsyncResource extends EventEmitter {
    /* options: a resource name string, or { name, triggerAsyncId,
     * requireManualDestroy, captureRejections }. */
    constructor(options = undefined) {
      let name;
      if (typeof options === 'string') {
        name = options;
        options = undefined;
      } else {
        if (new.target === EventEmitterAsyncResource) {
          validateString(options?.name, 'options.name');
        }
        name = options?.name || new.target.name;
      }
      super(options);
      this[kAsyncResource] =
        new EventEmitterReferencingAsyncResource(this, name, options);
    }

    /* emit() inside this emitter's async scope. */
    emit(event, ...args) {
      const resource = ownResource(this);
      const superEmit = super.emit;
      return resource.runInAsyncScope(
        () => ReflectApply(superEmit, this, [event, ...args]));
    }

    /* Emits the async_hooks destroy event for the resource. */
    emitDestroy() {
      ownResource(this).emitDestroy();
    }

    get asyncId() {
      return ownResource(this).asyncId();
    }

    get triggerAsyncId() {
      return ownResource(this).triggerAsyncId();
    }

    get asyncResource() {
      return ownResource(this);
    }
  }

  cached = EventEmitterAsyncResource;
  return cached;
}

module.exports = { getEventEmitterAsyncResource };
