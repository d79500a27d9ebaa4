'use strict';
// internal/dns/promises.js - dns.promises (also require('dns/promises')):
// lookup, lookupService and a Resolver whose methods return promises.

const {
  ObjectDefineProperty,
  Promise,
  PromiseResolve,
  ReflectApply,
} = primordials;

const {
  dnsException,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { validatePort, validateString } = require('internal/validators');
const { isIP } = require('internal/net');
const {
  ResolverBase,
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
const { QueryReqWrap } = require('internal/dns/callback_resolver');
const {
  getaddrinfo,
  getnameinfo,
  GetAddrInfoReqWrap,
  GetNameInfoReqWrap,
} = internalBinding('cares_wrap');

function onlookup(err, addresses) {
  if (err) {
    this.reject(dnsException(err, 'getaddrinfo', this.hostname));
    return;
  }
  const family = this.family || isIP(addresses[0]);
  this.resolve({ address: addresses[0], family });
  stopPerf(this, { addresses });
}

function onlookupall(err, addresses) {
  if (err) {
    this.reject(dnsException(err, 'getaddrinfo', this.hostname));
    return;
  }
  const family = this.family;
  for (let i = 0; i < addresses.length; i++) {
    const address = addresses[i];
    addresses[i] = { address, family: family || isIP(address) };
  }
  this.resolve(addresses);
  stopPerf(this, { addresses });
}

/* lookup(hostname[, options]) -> Promise of { address, family }, or of
 * [{ address, family }] with options.all. */
function lookup(hostname, options) {
  if (hostname) validateString(hostname, 'hostname');
  const { family, hints, all, verbatim } = parseLookupOptions(options);
  if (!hostname) {
    emitInvalidHostnameWarning(hostname);
    return PromiseResolve(all ? [] :
      { address: null, family: family === 6 ? 6 : 4 });
  }
  const matched = isIP(hostname);
  if (matched !== 0) {
    const result = { address: hostname, family: matched };
    return PromiseResolve(all ? [result] : result);
  }
  return new Promise((resolve, reject) => {
    const req = new GetAddrInfoReqWrap();
    req.family = family;
    req.hostname = hostname;
    req.oncomplete = all ? onlookupall : onlookup;
    req.resolve = resolve;
    req.reject = reject;
    const err = getaddrinfo(req, toASCII(hostname), family, hints,
                            verbatim);
    if (err) {
      reject(dnsException(err, 'getaddrinfo', hostname));
    } else {
      startPerf(req, 'lookup', { hostname, family, hints, verbatim });
    }
  });
}

function onlookupservice(err, hostname, service) {
  if (err) {
    this.reject(dnsException(err, 'getnameinfo', this.host));
    return;
  }
  this.resolve({ hostname, service });
  stopPerf(this, { hostname, service });
}

/* lookupService(address, port) -> Promise of { hostname, service }. */
function lookupService(address, port) {
  if (arguments.length !== 2) throw new ERR_MISSING_ARGS('address', 'port');
  validateString(address, 'address');
  if (isIP(address) === 0) throw new ERR_INVALID_ARG_VALUE('address', address);
  validatePort(port);
  port = +port;
  return new Promise((resolve, reject) => {
    const req = new GetNameInfoReqWrap();
    req.hostname = address;
    req.host = address;
    req.port = port;
    req.oncomplete = onlookupservice;
    req.resolve = resolve;
    req.reject = reject;
    const err = getnameinfo(req, address, port);
    if (err) {
      reject(dnsException(err, 'getnameinfo', address));
    } else {
      startPerf(req, 'lookupService', { host: address, port });
    }
  });
}

function onresolve(err, result, ttls) {
  if (err) {
    this.reject(dnsException(err, this.bindingName, this.hostname));
    return;
  }
  if (ttls && this.ttl) {
    const addresses = result;
    result = [];
    for (let i = 0; i < addresses.length; i++) {
      result[i] = { address: addresses[i], ttl: ttls[i] };
    }
  }
  this.resolve(result);
  stopPerf(this, { result });
}

/* A promise-returning resolve method over channel call `bindingName`:
 * method(name[, options]). */
function resolver(bindingName) {
  function query(name, options) {
    validateString(name, 'name');
    const ttl = !!(options && options.ttl);
    return new Promise((resolve, reject) => {
      const req = new QueryReqWrap();
      req.bindingName = bindingName;
      req.hostname = name;
      req.oncomplete = onresolve;
      req.resolve = resolve;
      req.reject = reject;
      req.ttl = ttl;
      const err = this._handle[bindingName](req, toASCII(name));
      if (err) {
        reject(dnsException(err, bindingName, name));
      } else {
        startPerf(req, bindingName, { host: name, ttl });
      }
    });
  }
  ObjectDefineProperty(query, 'name', { __proto__: null, value: bindingName });
  return query;
}

class Resolver extends ResolverBase {}

Resolver.prototype.resolveAny = resolver('queryAny');
Resolver.prototype.resolve4 = resolver('queryA');
Resolver.prototype.resolve6 = resolver('queryAaaa');
Resolver.prototype.resolveCaa = resolver('queryCaa');
Resolver.prototype.resolveCname = resolver('queryCname');
Resolver.prototype.resolveMx = resolver('queryMx');
Resolver.prototype.resolveNs = resolver('queryNs');
Resolver.prototype.resolveTxt = resolver('queryTxt');
Resolver.prototype.resolveSrv = resolver('querySrv');
Resolver.prototype.resolvePtr = resolver('queryPtr');
Resolver.prototype.resolveNaptr = resolver('queryNaptr');
Resolver.prototype.resolveSoa = resolver('querySoa');
Resolver.prototype.reverse = resolver('getHostByAddr');
Resolver.prototype.resolve = resolve;

const resolveMap = {
  __proto__: null,
  A: Resolver.prototype.resolve4,
  AAAA: Resolver.prototype.resolve6,
  ANY: Resolver.prototype.resolveAny,
  CAA: Resolver.prototype.resolveCaa,
  CNAME: Resolver.prototype.resolveCname,
  MX: Resolver.prototype.resolveMx,
  NAPTR: Resolver.prototype.resolveNaptr,
  NS: Resolver.prototype.resolveNs,
  PTR: Resolver.prototype.resolvePtr,
  SOA: Resolver.prototype.resolveSoa,
  SRV: Resolver.prototype.resolveSrv,
  TXT: Resolver.prototype.resolveTxt,
};

/* resolve(hostname[, rrtype]) -> the promise of the rrtype's method. */
function resolve(hostname, rrtype) {
  let method;
  if (rrtype === undefined) {
    method = resolveMap.A;
  } else {
    if (typeof rrtype !== 'string') {
      throw new ERR_INVALID_ARG_TYPE('rrtype', 'string', rrtype);
    }
    method = resolveMap[rrtype];
    if (typeof method !== 'function') {
      throw new ERR_INVALID_ARG_VALUE('rrtype', rrtype);
    }
  }
  return ReflectApply(method, this, [hostname]);
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

module.exports = {
  lookup,
  lookupService,
  Resolver,
  getDefaultResultOrder,
  setDefaultResultOrder,
  setServers: setDefaultServers,
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
