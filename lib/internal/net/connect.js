'use strict';
// internal/net/connect.js - how a net.Socket connects: option checks, DNS
// lookup (skipped for IP literals), optional local bind, the connect
// request, and happy eyeballs (autoSelectFamily) over several addresses.

const {
  ArrayPrototypePush,
  MathMax,
} = primordials;

const {
  aggregateErrors,
  codes: {
    ERR_INVALID_ADDRESS_FAMILY,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_IP_ADDRESS,
  },
  exceptionWithHostPort,
} = require('internal/errors');
const {
  validateBoolean,
  validateFunction,
  validateInt32,
  validateNumber,
  validatePort,
  validateString,
} = require('internal/validators');
const { isIP } = require('internal/net');
const {
  autoSelect,
  getDefaultAutoSelectFamily,
  pipeWrap,
  tcpWrap,
} = require('internal/net/common');
const {
  kOwner,
  kTimeout,
} = require('internal/stream_base_commons');

let dns;
let socketMod;
let perf;
// A 'net' PerformanceEntry ('connect') is timed per TCP connection while
// an observer watches that entry type.
const kPerfHooksNetConnectContext = Symbol('kPerfHooksNetConnectContext');
function lazyPerf() {
  perf ??= require('internal/perf/observe');
  return perf;
}
function lazySocket() {
  socketMod ??= require('internal/net/socket');
  return socketMod;
}

/* Validates the TCP options of connect() and starts the lookup (or, for
 * an IP literal, the connection on the next tick). */
function lookupAndConnect(self, options) {
  const { localAddress, localPort } = options;
  const host = options.host || 'localhost';
  let { port, autoSelectFamilyAttemptTimeout, autoSelectFamily } = options;

  validateString(host, 'options.host');
  if (localAddress && !isIP(localAddress)) {
    throw new ERR_INVALID_IP_ADDRESS(localAddress);
  }
  if (localPort) validateNumber(localPort, 'options.localPort');
  if (port !== undefined) {
    if (typeof port !== 'number' && typeof port !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('options.port', ['number', 'string'],
                                     port);
    }
    validatePort(port);
  }
  port |= 0;

  if (autoSelectFamily != null) {
    validateBoolean(autoSelectFamily, 'options.autoSelectFamily');
  } else {
    autoSelectFamily = getDefaultAutoSelectFamily();
  }
  if (autoSelectFamilyAttemptTimeout != null) {
    validateInt32(autoSelectFamilyAttemptTimeout,
                  'options.autoSelectFamilyAttemptTimeout', 1);
    if (autoSelectFamilyAttemptTimeout < 10) {
      autoSelectFamilyAttemptTimeout = 10;
    }
  } else {
    autoSelectFamilyAttemptTimeout = autoSelect.attemptTimeout;
  }

  const addressType = isIP(host);
  if (addressType) {
    process.nextTick(() => {
      if (self.connecting) {
        internalConnect(self, host, port, addressType, localAddress,
                        localPort);
      }
    });
    return;
  }

  if (options.lookup != null) {
    validateFunction(options.lookup, 'options.lookup');
  }
  dns ??= require('dns');
  const dnsopts = {
    family: socketToDnsFamily(options.family),
    hints: options.hints || 0,
  };
  if (dnsopts.family !== 4 && dnsopts.family !== 6 && dnsopts.hints === 0) {
    dnsopts.hints = dns.ADDRCONFIG;
  }
  self._host = host;
  const lookup = options.lookup || dns.lookup;

  if (dnsopts.family !== 4 && dnsopts.family !== 6 && !localAddress &&
      autoSelectFamily) {
    dnsopts.all = true;
    lookupAndConnectMultiple(self, lookup, host, options, dnsopts, port,
                             localAddress, localPort,
                             autoSelectFamilyAttemptTimeout);
    return;
  }

  lookup(host, dnsopts, function emitLookup(err, ip, family) {
    self.emit('lookup', err, ip, family, host);
    if (!self.connecting) return;
    if (err) {
      process.nextTick(connectErrorNT, self, err);
    } else if (!isIP(ip)) {
      process.nextTick(connectErrorNT, self, new ERR_INVALID_IP_ADDRESS(ip));
    } else if (family !== 4 && family !== 6) {
      process.nextTick(connectErrorNT, self,
                       new ERR_INVALID_ADDRESS_FAMILY(family, options.host,
                                                      options.port));
    } else {
      self._unrefTimer();
      internalConnect(self, ip, port, family, localAddress, localPort);
    }
  });
}

function socketToDnsFamily(family) {
  switch (family) {
    case 'IPv4': return 4;
    case 'IPv6': return 6;
    default: return family;
  }
}

function connectErrorNT(self, err) {
  self.destroy(err);
}

/* Binds (when a local address/port is asked for) and connects the socket's
 * handle to `address` (an IP with port, or a pipe path). */
function internalConnect(self, address, port, addressType, localAddress,
                         localPort, flags) {
  const handle = self._handle;
  let err;
  if (localAddress || localPort) {
    if (addressType === 4) {
      localAddress ||= '0.0.0.0';
      err = handle.bind(localAddress, localPort);
    } else {
      localAddress ||= '::';
      err = handle.bind6(localAddress, localPort, flags);
    }
    if (err) {
      self.destroy(exceptionWithHostPort(err, 'bind', localAddress,
                                         localPort));
      return;
    }
  }
  if (self.autoSelectFamilyAttemptedAddresses !== undefined &&
      addressType) {
    ArrayPrototypePush(self.autoSelectFamilyAttemptedAddresses,
                       `${address}:${port}`);
  }
  if (addressType === 4 || addressType === 6) {
    const { TCPConnectWrap } = tcpWrap();
    const req = new TCPConnectWrap();
    req.oncomplete = afterConnect;
    req.address = address;
    req.port = port;
    req.localAddress = localAddress;
    req.localPort = localPort;
    err = addressType === 4 ? handle.connect(req, address, port) :
      handle.connect6(req, address, port);
    if (!err && lazyPerf().hasObserver('net')) {
      perf.startPerf(self, kPerfHooksNetConnectContext, {
        type: 'net', name: 'connect', detail: { host: address, port },
      });
    }
  } else {
    const { PipeConnectWrap } = pipeWrap();
    const req = new PipeConnectWrap();
    req.address = address;
    req.oncomplete = afterConnect;
    err = handle.connect(req, address);
  }
  if (err) {
    const sockname = self._getsockname();
    let details;
    if (sockname) details = `${sockname.address}:${sockname.port}`;
    self.destroy(exceptionWithHostPort(err, 'connect', address, port,
                                       details));
  }
}

/* The connect request completed on the socket's handle. */
function afterConnect(status, handle, req, readable, writable) {
  const self = handle[kOwner];
  if (self === undefined || self.destroyed) return;
  self.connecting = false;
  self._sockname = null;
  if (status === 0) {
    if (self.readable && !readable) {
      self.push(null);
      self.read();
    }
    if (self.writable && !writable) self.end();
    self._unrefTimer();
    const { kSetNoDelay, kSetKeepAlive, kSetKeepAliveInitialDelay } =
      lazySocket();
    if (self[kSetNoDelay] && self._handle.setNoDelay) {
      self._handle.setNoDelay(true);
    }
    if (self[kSetKeepAlive] && self._handle.setKeepAlive) {
      self._handle.setKeepAlive(true, self[kSetKeepAliveInitialDelay]);
    }
    if (self[kPerfHooksNetConnectContext] !== undefined) {
      perf.stopPerf(self, kPerfHooksNetConnectContext);
    }
    self.emit('connect');
    self.emit('ready');
    if (readable && !self.isPaused()) self.read(0);
  } else {
    let details;
    if (req.localAddress && req.localPort) {
      details = `${req.localAddress}:${req.localPort}`;
    }
    const ex = exceptionWithHostPort(status, 'connect', req.address, req.port,
                                     details);
    if (details) {
      ex.localAddress = req.localAddress;
      ex.localPort = req.localPort;
    }
    self.destroy(ex);
  }
}

/* autoSelectFamily: looks up every address, then tries them alternating
 * families, each for at most `timeout` ms before moving on. */
function lookupAndConnectMultiple(self, lookup, host, options, dnsopts, port,
                                  localAddress, localPort, timeout) {
  lookup(host, dnsopts, function emitLookup(err, addresses) {
    if (!self.connecting) return;
    if (err) {
      self.emit('lookup', err, undefined, undefined, host);
      process.nextTick(connectErrorNT, self, err);
      return;
    }
    const byFamily = { 4: [], 6: [] };
    for (let i = 0; i < addresses.length; i++) {
      const { address, family } = addresses[i];
      if ((family === 4 || family === 6) && isIP(address) === family) {
        ArrayPrototypePush(byFamily[family], addresses[i]);
      }
    }
    if (byFamily[4].length === 0 && byFamily[6].length === 0) {
      const first = addresses[0] || {};
      self.emit('lookup', null, first.address, first.family, host);
      if (!isIP(first.address)) {
        err = new ERR_INVALID_IP_ADDRESS(first.address);
      } else {
        err = new ERR_INVALID_ADDRESS_FAMILY(first.family, options.host,
                                             options.port);
      }
      process.nextTick(connectErrorNT, self, err);
      return;
    }
    const firstFamily = byFamily[6].length > 0 && addresses[0].family === 6 ||
      byFamily[4].length === 0 ? 6 : 4;
    const otherFamily = firstFamily === 6 ? 4 : 6;
    const toAttempt = [];
    const n = MathMax(byFamily[4].length, byFamily[6].length);
    for (let i = 0; i < n; i++) {
      if (i < byFamily[firstFamily].length) {
        ArrayPrototypePush(toAttempt, byFamily[firstFamily][i]);
      }
      if (i < byFamily[otherFamily].length) {
        ArrayPrototypePush(toAttempt, byFamily[otherFamily][i]);
      }
    }
    self.autoSelectFamilyAttemptedAddresses = [];
    const { address, family } = toAttempt[0];
    self.emit('lookup', null, address, family, host);
    self._unrefTimer();
    if (toAttempt.length === 1) {
      internalConnect(self, address, port, family, localAddress, localPort);
      return;
    }
    const context = {
      socket: self,
      addresses: toAttempt,
      current: 0,
      port,
      localPort,
      timeout,
      [kTimeout]: null,
      errors: [],
    };
    internalConnectMultiple(context);
  });
}

/* Starts the next attempt of a happy-eyeballs connect, or fails the socket
 * when none is left. */
function internalConnectMultiple(context) {
  const { clearTimeout, setTimeout } = require('timers');
  clearTimeout(context[kTimeout]);
  const self = context.socket;
  if (!self.connecting || self.destroyed) return;
  if (context.current === context.addresses.length) {
    if (context.errors.length === 0) {
      self.destroy(connectionTimeoutError());
    } else {
      self.destroy(aggregateErrors(context.errors, ''));
    }
    return;
  }
  const current = context.current++;
  const { address, family } = context.addresses[current];
  const { port, localPort } = context;
  const { TCP, TCPConnectWrap, constants } = tcpWrap();
  const handle = new TCP(constants.SOCKET);
  let err;
  if (localPort) {
    const localAddress = family === 4 ? '0.0.0.0' : '::';
    err = family === 4 ? handle.bind(localAddress, localPort) :
      handle.bind6(localAddress, localPort, 0);
    if (err) {
      handle.close();
      ArrayPrototypePush(context.errors,
                         exceptionWithHostPort(err, 'bind', localAddress,
                                               localPort));
      internalConnectMultiple(context);
      return;
    }
  }
  ArrayPrototypePush(self.autoSelectFamilyAttemptedAddresses,
                     `${address}:${port}`);
  const req = new TCPConnectWrap();
  req.oncomplete = (status, h, r, readable, writable) =>
    afterConnectMultiple(context, current, status, h, r, readable, writable);
  req.address = address;
  req.port = port;
  err = family === 4 ? handle.connect(req, address, port) :
    handle.connect6(req, address, port);
  if (err) {
    const out = {};
    handle.getsockname(out);
    const details = `${out.address}:${out.port}`;
    handle.close();
    ArrayPrototypePush(context.errors,
                       exceptionWithHostPort(err, 'connect', address, port,
                                             details));
    internalConnectMultiple(context);
    return;
  }
  if (current < context.addresses.length - 1) {
    context[kTimeout] = setTimeout(() => {
      req.oncomplete = undefined;
      handle.close();
      internalConnectMultiple(context);
    }, context.timeout);
    context[kTimeout].unref();
  }
}

function afterConnectMultiple(context, current, status, handle, req,
                              readable, writable) {
  const self = context.socket;
  if (current !== context.current - 1 || self.destroyed || !self.connecting) {
    handle.close();
    return;
  }
  const { clearTimeout } = require('timers');
  clearTimeout(context[kTimeout]);
  if (status !== 0) {
    ArrayPrototypePush(context.errors,
                       exceptionWithHostPort(status, 'connect', req.address,
                                             req.port));
    handle.close();
    internalConnectMultiple(context);
    return;
  }
  const old = self._handle;
  if (old && old !== handle) old.close();
  self._handle = handle;
  lazySocket().attachHandle(self);
  afterConnect(status, handle, req, readable, writable);
}

function connectionTimeoutError() {
  const { codes } = require('internal/errors');
  if (codes.ERR_SOCKET_CONNECTION_TIMEOUT) {
    return new codes.ERR_SOCKET_CONNECTION_TIMEOUT();
  }
  // eslint-disable-next-line no-restricted-syntax
  const err = new Error('Socket connection timeout');
  err.code = 'ERR_SOCKET_CONNECTION_TIMEOUT';
  return err;
}

module.exports = {
  afterConnect,
  internalConnect,
  lookupAndConnect,
};
