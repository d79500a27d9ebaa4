'use strict';
/* active_resources.js - process._getActiveHandles(), _getActiveRequests()
 * and getActiveResourcesInfo(): what keeps the event loop alive, from the
 * realm's lists of referenced handles and in-flight requests
 * (internalBinding('process_methods')) and the timer queues. */

const {
  ArrayPrototypePush,
} = primordials;

const binding = internalBinding('process_methods');

let ownerSymbols;
/* The symbols through which binding handles point at their public owner
 * (net.Socket, net.Server, dgram.Socket, ChildProcess...). */
function getOwnerSymbols() {
  ownerSymbols ??= [
    require('internal/stream_base_commons').kOwner,
    require('internal/dgram').kOwnerSymbol,
    require('internal/async_hooks').symbols.owner_symbol,
  ];
  return ownerSymbols;
}

/* The user-facing object of a handle: its owner when it has one. */
function ownerOf(handle) {
  const symbols = getOwnerSymbols();
  for (let i = 0; i < symbols.length; i++) {
    const owner = handle[symbols[i]];
    if (owner != null) return owner;
  }
  return handle;
}

/* What _getActiveRequests() shows for an fs request made with a callback
 * (the binding holds the callback, not a request object). */
class FSReqCallback {
  constructor(oncomplete) {
    this.oncomplete = oncomplete;
  }
}

/* An fs request of the promises API. */
class FSReqPromise {}

/* process._getActiveHandles() -> the owners of the referenced handles
 * (sockets, servers, child processes, ...), oldest first. */
function getActiveHandles() {
  const list = binding.getActiveHandles();
  const result = [];
  for (let i = 1; i < list.length; i += 2) {
    ArrayPrototypePush(result, ownerOf(list[i]));
  }
  return result;
}

/* process._getActiveRequests() -> the in-flight request objects. */
function getActiveRequests() {
  const list = binding.getActiveRequests();
  const result = [];
  for (let i = 0; i < list.length; i += 2) {
    const type = list[i];
    const object = list[i + 1];
    let req;
    if (type === 'FSReqCallback') req = new FSReqCallback(object);
    else if (type === 'FSReqPromise') req = new FSReqPromise();
    else req = object;
    ArrayPrototypePush(result, req);
  }
  return result;
}

/* process.getActiveResourcesInfo() -> the type names of what keeps the
 * loop alive: requests, then handles, then one 'Timeout' per referenced
 * timer and one 'Immediate' per referenced immediate. */
function getActiveResourcesInfo() {
  const result = [];
  const requests = binding.getActiveRequests();
  for (let i = 0; i < requests.length; i += 2) {
    ArrayPrototypePush(result, requests[i]);
  }
  const handles = binding.getActiveHandles();
  for (let i = 0; i < handles.length; i += 2) {
    ArrayPrototypePush(result, handles[i]);
  }
  const timers = require('internal/timers');
  for (let i = timers.refedTimerCount(); i > 0; i--) {
    ArrayPrototypePush(result, 'Timeout');
  }
  const info = timers.immediateInfo();
  for (let i = info[timers.immediateInfoFields.kRefCount]; i > 0; i--) {
    ArrayPrototypePush(result, 'Immediate');
  }
  return result;
}

module.exports = {
  getActiveHandles,
  getActiveRequests,
  getActiveResourcesInfo,
};
