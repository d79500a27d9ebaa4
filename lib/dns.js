'use strict';
// dns.js - name resolution: lookup()/lookupService() through the system
// resolver (getaddrinfo/getnameinfo), and Resolver / resolve*() through
// DNS queries to the configured nameservers.

const {
  ObjectDefineProperties,
  ObjectDefineProperty,
  ReflectApply,
} = primordials;

const {
  dnsException,
  codes: { ERR_INVALID_ARG_VALUE, ERR_MISSING_ARGS },
} = require('internal/errors');
const {
  validateFunction,
  validatePort,
  validateString,
} = require('internal/validators');
const { isIP } = require('internal/net');
const {
  errorCodes,
  emitInvalidHostnameWarning,
  getDefaultResolver,
  getDefaultResultOrder,
  parseLookupOptions,
  setDefaultResultOrder,
  setDefaultServers,
  startPerf,
  stopPerf,
  toASCII,
} = require('internal/dns/utils');
const { Resolver } = require('internal/dns/callback_resolver');
const cares = internalBinding('cares_wrap');
const { GetAddrInfoReqWrap, GetNameInfoReqWrap } = cares;

function onlookup(err, addresses) {
  if (err) {
    this.callback(dnsException(err, 'getaddrinfo', this.hostname));
    return;
  }
  this.callback(null, addresses[0], this.family || isIP(addresses[0]));
  stopPerf(this, { addresses });
}

function onlookupall(err, addresses) {
  if (err) {
    this.callback(dnsException(err, 'getaddrinfo', this.hostname));
    return;
  }
  const family = this.family;
  for (let i = 0; i < addresses.length; i++) {
    const address = addresses[i];
    addresses[i] = { address, family: family || isIP(address) };
  }
  this.callback(null, addresses);
  stopPerf(this, { addresses });
}

/* lookup(hostname[, options], callback): resolves a host name the way the
 * operating system does; callback(err, address, family), or
 * callback(err, [{ address, family }]) with options.all. options is a
 * family (0, 4, 6) or { family, hints, all, verbatim }. */
function lookup(hostname, options, callback) {
  if (hostname) validateString(hostname, 'hostname');
  let opts;
  if (typeof options === 'function') {
    callback = options;
    opts = parseLookupOptions(undefined);
  } else if (options !== undefined && options !== null &&
             typeof options !== 'object' && typeof options !== 'number') {
    validateFunction(arguments.length === 2 ? options : callback,
                     'callback');
    opts = parseLookupOptions(options);  // throws
  } else {
    validateFunction(callback, 'callback');
    opts = parseLookupOptions(options);
  }
  const { family, hints, all, verbatim } = opts;

  if (!hostname) {
    emitInvalidHostnameWarning(hostname);
    if (all) {
      process.nextTick(callback, null, []);
    } else {
      process.nextTick(callback, null, null, family === 6 ? 6 : 4);
    }
    return {};
  }

  const matchedFamily = isIP(hostname);
  if (matchedFamily) {
    if (all) {
      process.nextTick(callback, null,
                       [{ address: hostname, family: matchedFamily }]);
    } else {
      process.nextTick(callback, null, hostname, matchedFamily);
    }
    return {};
  }

  const req = new GetAddrInfoReqWrap();
  req.callback = callback;
  req.family = family;
  req.hostname = hostname;
  req.oncomplete = all ? onlookupall : onlookup;
  const err = cares.getaddrinfo(req, toASCII(hostname), family, hints,
                                verbatim);
  if (err) {
    process.nextTick(callback, dnsException(err, 'getaddrinfo', hostname));
    return {};
  }
  startPerf(req, 'lookup', { hostname, family, hints, verbatim });
  return req;
}

ObjectDefineProperty(lookup, require('internal/util').customPromisifyArgs, {
  __proto__: null, value: ['address', 'family'], enumerable: false,
});

function onlookupservice(err, hostname, service) {
  if (err) {
    this.callback(dnsException(err, 'getnameinfo', this.hostname));
    return;
  }
  this.callback(null, hostname, service);
  stopPerf(this, { hostname, service });
}

/* lookupService(address, port, callback): the host name and service of
 * address:port through getnameinfo; callback(err, hostname, service). */
function lookupService(address, port, callback) {
  if (arguments.length !== 3) {
    throw new ERR_MISSING_ARGS('address', 'port', 'callback');
  }
  validateString(address, 'address');
  if (isIP(address) === 0) throw new ERR_INVALID_ARG_VALUE('address', address);
  validatePort(port);
  validateFunction(callback, 'callback');
  port = +port;
  const req = new GetNameInfoReqWrap();
  req.callback = callback;
  req.hostname = address;
  req.port = port;
  req.oncomplete = onlookupservice;
  const err = cares.getnameinfo(req, address, port);
  if (err) throw dnsException(err, 'getnameinfo', address);
  startPerf(req, 'lookupService', { host: address, port });
  return req;
}

ObjectDefineProperty(lookupService,
                     require('internal/util').customPromisifyArgs, {
                       __proto__: null,
                       value: ['hostname', 'service'],
                       enumerable: false,
                     });

/* dns.setServers(servers): a new default resolver using `servers`. */
function setServers(servers) {
  setDefaultServers(servers);
}

/* A function calling Resolver.prototype[name] on the default resolver. */
function defaultMethod(name) {
  const method = Resolver.prototype[name];
  const fn = function(...args) {
    return ReflectApply(method, getDefaultResolver(), args);
  };
  ObjectDefineProperty(fn, 'name', { __proto__: null, value: name });
  return fn;
}

let promises = null;

module.exports = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder,
  setDefaultResultOrder,
  setServers,
  ADDRCONFIG: cares.AI_ADDRCONFIG,
  ALL: cares.AI_ALL,
  V4MAPPED: cares.AI_V4MAPPED,
  ...errorCodes,
  getServers: defaultMethod('getServers'),
  resolve: defaultMethod('resolve'),
  resolve4: defaultMethod('resolve4'),
  resolve6: defaultMethod('resolve6'),
  resolveAny: defaultMethod('resolveAny'),
  resolveCaa: defaultMethod('resolveCaa'),
  resolveCname: defaultMethod('resolveCname'),
  resolveMx: defaultMethod('resolveMx'),
  resolveNaptr: defaultMethod('resolveNaptr'),
  resolveNs: defaultMethod('resolveNs'),
  resolvePtr: defaultMethod('resolvePtr'),
  resolveSoa: defaultMethod('resolveSoa'),
  resolveSrv: defaultMethod('resolveSrv'),
  resolveTxt: defaultMethod('resolveTxt'),
  reverse: defaultMethod('reverse'),
};

ObjectDefineProperties(module.exports, {
  promises: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      promises ??= require('internal/dns/promises');
      return promises;
    },
  },
});
