'use strict';
// internal/dns/callback_resolver.js - dns.Resolver: resolve*() and
// reverse() with Node-style callbacks over the resolver channel.

const {
  ObjectDefineProperty,
  ReflectApply,
} = primordials;

const {
  dnsException,
  codes: { ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { validateFunction, validateString } = require('internal/validators');
const {
  ResolverBase,
  startPerf,
  stopPerf,
  toASCII,
} = require('internal/dns/utils');

/* The request object a query reports to (Node calls it QueryReqWrap). */
class QueryReqWrap {}

function onresolve(err, result, ttls) {
  if (ttls && this.ttl) {
    const addresses = result;
    result = [];
    for (let i = 0; i < addresses.length; i++) {
      result[i] = { address: addresses[i], ttl: ttls[i] };
    }
  }
  if (err) {
    this.callback(dnsException(err, this.bindingName, this.hostname));
    return;
  }
  this.callback(null, result);
  stopPerf(this, { result });
}

/* A resolve method over channel call `bindingName`:
 * method(name[, options], callback). */
function resolver(bindingName) {
  function query(name, /* options, */ callback) {
    let options;
    if (arguments.length > 2) {
      options = callback;
      callback = arguments[2];
    }
    validateString(name, 'name');
    validateFunction(callback, 'callback');
    const req = new QueryReqWrap();
    req.bindingName = bindingName;
    req.callback = callback;
    req.hostname = name;
    req.oncomplete = onresolve;
    req.ttl = !!(options && options.ttl);
    const err = this._handle[bindingName](req, toASCII(name));
    if (err) throw dnsException(err, bindingName, name);
    startPerf(req, bindingName, { host: name, ttl: req.ttl });
    return req;
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

/* resolve(hostname[, rrtype], callback): the resolve method for rrtype
 * (default 'A'). */
function resolve(hostname, rrtype, callback) {
  let method;
  if (typeof rrtype === 'string') {
    method = resolveMap[rrtype];
  } else if (typeof rrtype === 'function') {
    method = resolveMap.A;
    callback = rrtype;
  } else {
    throw new ERR_INVALID_ARG_TYPE('rrtype', 'string', rrtype);
  }
  if (typeof method !== 'function') {
    throw new ERR_INVALID_ARG_VALUE('rrtype', rrtype);
  }
  return ReflectApply(method, this, [hostname, callback]);
}

module.exports = { Resolver, QueryReqWrap };
