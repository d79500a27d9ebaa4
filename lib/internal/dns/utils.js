'use strict';
// internal/dns/utils.js - what dns and dns/promises share: the Resolver
// base (servers, local address, cancel), the default resolver, the
// default result order, lookup option parsing, error codes and perf hooks.

const {
  ArrayPrototypeForEach,
  ArrayPrototypeMap,
  ArrayPrototypePush,
  NumberParseInt,
  RegExpPrototypeExec,
  StringPrototypeIndexOf,
  StringPrototypeLastIndexOf,
  StringPrototypeSlice,
} = primordials;

const {
  codes: {
    ERR_DNS_SET_SERVERS_FAILED,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_IP_ADDRESS,
  },
} = require('internal/errors');
const {
  validateArray,
  validateBoolean,
  validateInt32,
  validateNumber,
  validateOneOf,
  validateString,
} = require('internal/validators');
const { isIP } = require('internal/net');
const { toASCII: idnaToASCII } = require('internal/idna');
const { ChannelWrap } = require('internal/dns/channel');
const {
  AI_ADDRCONFIG,
  AI_ALL,
  AI_V4MAPPED,
} = internalBinding('cares_wrap');

const IANA_DNS_PORT = 53;
const validFamilies = [0, 4, 6];

// Error codes as c-ares names them (exported by dns and dns/promises).
const errorCodes = {
  NODATA: 'ENODATA',
  FORMERR: 'EFORMERR',
  SERVFAIL: 'ESERVFAIL',
  NOTFOUND: 'ENOTFOUND',
  NOTIMP: 'ENOTIMP',
  REFUSED: 'EREFUSED',
  BADQUERY: 'EBADQUERY',
  BADNAME: 'EBADNAME',
  BADFAMILY: 'EBADFAMILY',
  BADRESP: 'EBADRESP',
  CONNREFUSED: 'ECONNREFUSED',
  TIMEOUT: 'ETIMEOUT',
  EOF: 'EOF',
  FILE: 'EFILE',
  NOMEM: 'ENOMEM',
  DESTRUCTION: 'EDESTRUCTION',
  BADSTR: 'EBADSTR',
  BADFLAGS: 'EBADFLAGS',
  NONAME: 'ENONAME',
  BADHINTS: 'EBADHINTS',
  NOTINITIALIZED: 'ENOTINITIALIZED',
  LOADIPHLPAPI: 'ELOADIPHLPAPI',
  ADDRGETNETWORKPARAMS: 'EADDRGETNETWORKPARAMS',
  CANCELLED: 'ECANCELLED',
};

const errorMessages = {
  ESETSRVPENDING: 'There are pending queries.',
  ENODATA: 'DNS server returned answer with no data',
  EFORMERR: 'DNS server claims query was misformatted',
  ESERVFAIL: 'DNS server returned general failure',
  ENOTFOUND: 'Domain name not found',
  ENOTIMP: 'DNS server does not implement requested operation',
  EREFUSED: 'DNS server refused query',
  EBADQUERY: 'Misformatted DNS query',
  EBADNAME: 'Misformatted domain name',
  EBADFAMILY: 'Unsupported address family',
  EBADRESP: 'Misformatted DNS reply',
  ECONNREFUSED: 'Could not contact DNS servers',
  ETIMEOUT: 'Timeout while contacting DNS servers',
  ECANCELLED: 'DNS query cancelled',
};

/* The c-ares style description of an error code. */
function strerror(code) {
  return errorMessages[code] ?? 'unknown';
}

/* The ASCII (punycode) form of a host name for the wire. */
function toASCII(name) {
  return idnaToASCII(name) ?? name;
}

/* Parses one setServers() entry: 'ip', 'ip:port', '[ipv6]' or
 * '[ipv6]:port' -> [family, ip, port]; throws ERR_INVALID_IP_ADDRESS. */
function parseServer(serv) {
  let family = isIP(serv);
  if (family !== 0) return [family, serv, IANA_DNS_PORT];
  if (serv[0] === '[') {
    const close = StringPrototypeIndexOf(serv, ']');
    if (close !== -1) {
      const ip = StringPrototypeSlice(serv, 1, close);
      family = isIP(ip);
      if (family !== 0) {
        const rest = StringPrototypeSlice(serv, close + 1);
        const port = rest[0] === ':' ?
          NumberParseInt(StringPrototypeSlice(rest, 1), 10) : NaN;
        return [family, ip, port || IANA_DNS_PORT];
      }
    }
  }
  const colon = StringPrototypeLastIndexOf(serv, ':');
  if (colon > 0) {
    const ip = StringPrototypeSlice(serv, 0, colon);
    const port = StringPrototypeSlice(serv, colon + 1);
    if (isIP(ip) === 4 && RegExpPrototypeExec(/^\d+$/, port) !== null) {
      return [4, ip, NumberParseInt(port, 10)];
    }
  }
  throw new ERR_INVALID_IP_ADDRESS(serv);
}

function validateTimeout(options) {
  const { timeout = -1 } = { ...options };
  validateInt32(timeout, 'options.timeout', -1);
  return timeout;
}

function validateTries(options) {
  const { tries = 4 } = { ...options };
  validateInt32(tries, 'options.tries', 1);
  return tries;
}

/* The part of dns.Resolver and dns.promises.Resolver that does not
 * depend on callbacks or promises. */
class ResolverBase {
  /* new Resolver([{ timeout, tries }]). */
  constructor(options = undefined) {
    const timeout = validateTimeout(options);
    const tries = validateTries(options);
    this._handle = new ChannelWrap(timeout, tries);
  }

  /* Ends every outstanding query with ECANCELLED. */
  cancel() {
    this._handle.cancel();
  }

  /* getServers() -> ['ip', 'ip:port', '[ipv6]:port', ...]. */
  getServers() {
    return ArrayPrototypeMap(this._handle.getServers() || [], (val) => {
      if (!val[1] || val[1] === IANA_DNS_PORT) return val[0];
      const host = isIP(val[0]) === 6 ? `[${val[0]}]` : val[0];
      return `${host}:${val[1]}`;
    });
  }

  /* setServers(servers): replaces the nameservers; throws while queries
   * are outstanding. */
  setServers(servers) {
    validateArray(servers, 'servers');
    const list = [];
    ArrayPrototypeForEach(servers, (serv, index) => {
      validateString(serv, `servers[${index}]`);
      ArrayPrototypePush(list, parseServer(serv));
    });
    const err = this._handle.setServers(list);
    if (err !== 0) {
      throw new ERR_DNS_SET_SERVERS_FAILED(strerror(err), servers);
    }
  }

  /* setLocalAddress(ipv4[, ipv6]): the source addresses of queries. */
  setLocalAddress(ipv4, ipv6) {
    validateString(ipv4, 'ipv4');
    if (ipv6 !== undefined) validateString(ipv6, 'ipv6');
    this._handle.setLocalAddress(ipv4, ipv6);
  }
}

let defaultResolver;
let ResolverClass;

/* The resolver behind dns.resolve*() (created on first use). */
function getDefaultResolver() {
  if (defaultResolver === undefined) {
    ResolverClass ??= require('internal/dns/callback_resolver').Resolver;
    defaultResolver = new ResolverClass();
  }
  return defaultResolver;
}

/* dns.setServers(): a fresh default resolver with `servers` (queries of
 * the old one run to completion). */
function setDefaultServers(servers) {
  ResolverClass ??= require('internal/dns/callback_resolver').Resolver;
  const resolver = new ResolverClass();
  resolver.setServers(servers);
  defaultResolver = resolver;
}

let defaultVerbatim;

function getDefaultVerbatim() {
  if (defaultVerbatim === undefined) {
    const { getOptionValue } = require('internal/options');
    defaultVerbatim = getOptionValue('--dns-result-order') !== 'ipv4first';
  }
  return defaultVerbatim;
}

/* setDefaultResultOrder('verbatim' | 'ipv4first'). */
function setDefaultResultOrder(order) {
  validateOneOf(order, 'dnsOrder', ['verbatim', 'ipv4first']);
  defaultVerbatim = order === 'verbatim';
}

function getDefaultResultOrder() {
  return getDefaultVerbatim() ? 'verbatim' : 'ipv4first';
}

function validateHints(hints) {
  if ((hints & ~(AI_ADDRCONFIG | AI_ALL | AI_V4MAPPED)) !== 0) {
    throw new ERR_INVALID_ARG_VALUE('hints', hints);
  }
}

/* Reads the options of lookup() (a family number or an object) into
 * { family, hints, all, verbatim }. Throws on invalid values. */
function parseLookupOptions(options) {
  const parsed = {
    family: 0, hints: 0, all: false, verbatim: getDefaultVerbatim(),
  };
  if (typeof options === 'number') {
    validateOneOf(options, 'family', validFamilies);
    parsed.family = options;
    return parsed;
  }
  if (options === undefined || options === null) return parsed;
  if (typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', ['integer', 'object'], options);
  }
  if (options.hints != null) {
    validateNumber(options.hints, 'options.hints');
    parsed.hints = options.hints >>> 0;
    validateHints(parsed.hints);
  }
  if (options.family != null) {
    switch (options.family) {
      case 'IPv4': parsed.family = 4; break;
      case 'IPv6': parsed.family = 6; break;
      default:
        validateOneOf(options.family, 'options.family', validFamilies);
        parsed.family = options.family;
    }
  }
  if (options.all != null) {
    validateBoolean(options.all, 'options.all');
    parsed.all = options.all;
  }
  if (options.verbatim != null) {
    validateBoolean(options.verbatim, 'options.verbatim');
    parsed.verbatim = options.verbatim;
  }
  return parsed;
}

let invalidHostnameWarned = false;

/* DEP0118: lookup() of a falsy host name. */
function emitInvalidHostnameWarning(hostname) {
  if (invalidHostnameWarned) return;
  invalidHostnameWarned = true;
  process.emitWarning(
    `The provided hostname "${hostname}" is not a valid ` +
    'hostname, and is supported in the dns module solely for compatibility.',
    'DeprecationWarning',
    'DEP0118',
  );
}

let perf = null;

/* Node's perf_hooks entry points for 'dns' entries, when nodus has them. */
function perfHooks() {
  if (perf === null) {
    const { BuiltinModule } = require('internal/bootstrap/realm');
    perf = BuiltinModule.exists('internal/perf/observe') ?
      require('internal/perf/observe') : false;
  }
  return perf;
}

/* Starts a 'dns' performance entry on `req` when someone observes them. */
function startPerf(req, name, detail) {
  const p = perfHooks();
  if (p && p.hasObserver('dns')) {
    p.startPerf(req, p.kPerfHooksDnsContext ?? 'dnsContext',
                { type: 'dns', name, detail });
    req.perfStarted = true;
  }
}

/* Ends the entry startPerf() began, adding `detail`. */
function stopPerf(req, detail) {
  if (req.perfStarted === true) {
    const p = perfHooks();
    p.stopPerf(req, p.kPerfHooksDnsContext ?? 'dnsContext', { detail });
  }
}

module.exports = {
  ResolverBase,
  errorCodes,
  emitInvalidHostnameWarning,
  getDefaultResolver,
  getDefaultResultOrder,
  getDefaultVerbatim,
  parseLookupOptions,
  setDefaultResultOrder,
  setDefaultServers,
  startPerf,
  stopPerf,
  strerror,
  toASCII,
  validFamilies,
  validateHints,
};
