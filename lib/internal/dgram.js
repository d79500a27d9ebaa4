'use strict';
// internal/dgram.js - UDP handle creation for dgram (and cluster's primary,
// which binds shared UDP handles for its workers): the per-socket state
// symbol, handles whose lookup/bind/connect/send follow the socket family.

const {
  FunctionPrototypeBind,
  Symbol,
} = primordials;

const {
  codes: { ERR_SOCKET_BAD_TYPE },
} = require('internal/errors');
const { validateFunction, isInt32 } = require('internal/validators');
const { UDP } = internalBinding('udp_wrap');
const { UV_EINVAL } = internalBinding('uv');

const kStateSymbol = Symbol('state symbol');
const kOwnerSymbol = Symbol('owner symbol');

let dns;
let guessHandleType;

/* Resolves `address` (default loopback) as IPv4 through `lookup`. */
function lookup4(lookup, address, callback) {
  return lookup(address || '127.0.0.1', 4, callback);
}

/* Resolves `address` (default loopback) as IPv6 through `lookup`. */
function lookup6(lookup, address, callback) {
  return lookup(address || '::1', 6, callback);
}

/* Returns a new UDP handle for `type` ('udp4' | 'udp6') with a `lookup`
 * method bound to `lookup` (dns.lookup as it is now when omitted); for
 * udp6 its bind/connect/send are the IPv6 variants. Throws
 * ERR_SOCKET_BAD_TYPE for any other type. */
function newHandle(type, lookup) {
  if (lookup === undefined) {
    dns ??= require('dns');
    lookup = dns.lookup;
  } else {
    validateFunction(lookup, 'lookup');
  }
  if (type === 'udp4') {
    const handle = new UDP();
    handle.lookup = FunctionPrototypeBind(lookup4, handle, lookup);
    return handle;
  }
  if (type === 'udp6') {
    const handle = new UDP();
    handle.lookup = FunctionPrototypeBind(lookup6, handle, lookup);
    handle.bind = handle.bind6;
    handle.connect = handle.connect6;
    handle.send = handle.send6;
    return handle;
  }
  throw new ERR_SOCKET_BAD_TYPE();
}

/* Returns a UDP handle of `addressType` that adopts `fd` (when a positive
 * int32) or is bound to address:port with `flags` (when either is set),
 * or a negative UV error code. */
function _createSocketHandle(address, port, addressType, fd, flags) {
  const handle = newHandle(addressType);
  let err = 0;
  if (isInt32(fd) && fd > 0) {
    guessHandleType ??= internalBinding('fs').guessHandleType;
    err = guessHandleType(fd) === 'UDP' ? handle.open(fd) : UV_EINVAL;
  } else if (port || address) {
    err = handle.bind(address, port || 0, flags);
  }
  if (err) {
    handle.close();
    return err;
  }
  return handle;
}

module.exports = {
  kStateSymbol,
  kOwnerSymbol,
  _createSocketHandle,
  newHandle,
};
