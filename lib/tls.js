'use strict';
// tls.js - the tls module: TLS sockets and servers over OpenSSL, secure
// contexts, the defaults, server identity checks and root certificates.

const {
  ArrayIsArray,
  ArrayPrototypeIncludes,
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  ArrayPrototypeSome,
  ObjectDefineProperty,
  ObjectFreeze,
  RegExpPrototypeExec,
  StringPrototypeIncludes,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeStartsWith,
  StringPrototypeToLowerCase,
  StringPrototypeReplace,
} = primordials;

const { Buffer } = require('buffer');
const net = require('net');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_OUT_OF_RANGE,
    ERR_TLS_CERT_ALTNAME_INVALID,
  },
} = require('internal/errors');
const { isArrayBufferView } = require('internal/util/types');
const { getOptionValue } = require('internal/options');
const { getCiphers: nativeGetCiphers } = internalBinding('tls_wrap');
const { SecureContext, createSecureContext } = require('_tls_common');
const { TLSSocket, Server, createServer, connect } = require('_tls_wrap');

const SYSTEM_CA_FILE = '/etc/ssl/certs/ca-certificates.crt';

let ciphers;
/* getCiphers() -> the lower-case names of the supported ciphers. */
function getCiphers() {
  if (ciphers === undefined) {
    const names = nativeGetCiphers();
    const list = [];
    for (let i = 0; i < names.length; i++) {
      const name = StringPrototypeToLowerCase(names[i]);
      if (!ArrayPrototypeIncludes(list, name)) ArrayPrototypePush(list, name);
    }
    ciphers = list.sort();
  }
  return ciphers;
}

let rootCertificates;
/* The system's trusted roots as PEM strings (frozen). */
function loadRootCertificates() {
  if (rootCertificates !== undefined) return rootCertificates;
  let text = '';
  try {
    text = require('fs').readFileSync(SYSTEM_CA_FILE, 'latin1');
  } catch {
    // No system store: no roots.
  }
  const list = [];
  const re = /-----BEGIN CERTIFICATE-----[^-]+-----END CERTIFICATE-----/g;
  let m;
  while ((m = RegExpPrototypeExec(re, text)) !== null) {
    ArrayPrototypePush(list, m[0]);
  }
  rootCertificates = ObjectFreeze(list);
  return rootCertificates;
}

/* convertALPNProtocols(protocols, out): out.ALPNProtocols = the protocols
 * (array of strings/Buffers, or a wire-format buffer) in wire format. */
function convertALPNProtocols(protocols, out) {
  if (ArrayIsArray(protocols)) {
    const parts = [];
    let total = 0;
    for (let i = 0; i < protocols.length; i++) {
      const p = protocols[i];
      const bytes = typeof p === 'string' ? Buffer.from(p) : p;
      if (bytes.length > 255) {
        throw new ERR_OUT_OF_RANGE('The byte length of the protocol at index ' +
          `${i} exceeds the maximum length.`, '<= 255', bytes.length, true);
      }
      ArrayPrototypePush(parts, Buffer.from([bytes.length]), bytes);
      total += bytes.length + 1;
    }
    out.ALPNProtocols = Buffer.concat(parts, total);
  } else if (isArrayBufferView(protocols)) {
    out.ALPNProtocols = Buffer.from(protocols.buffer, protocols.byteOffset,
                                    protocols.byteLength);
  }
}

function unfqdn(host) {
  return StringPrototypeReplace(host, /[.]$/, '');
}

function splitHost(host) {
  return StringPrototypeSplit(StringPrototypeToLowerCase(unfqdn(host)), '.');
}

/* Whether `hostParts` match the certificate name `pattern` (a leftmost
 * '*' wildcard only when `wildcards`, never in IDNA labels). */
function matchHost(hostParts, pattern, wildcards) {
  if (!pattern) return false;
  const patternParts = splitHost(pattern);
  if (hostParts.length !== patternParts.length) return false;
  if (ArrayPrototypeIncludes(patternParts, '')) return false;
  const isBad = (s) => RegExpPrototypeExec(/[^\u0021-\u007F]/u, s) !== null;
  if (ArrayPrototypeSome(patternParts, isBad)) return false;
  for (let i = hostParts.length - 1; i > 0; i--) {
    if (hostParts[i] !== patternParts[i]) return false;
  }
  const hostSub = hostParts[0];
  const patternSub = patternParts[0];
  const pieces = StringPrototypeSplit(patternSub, '*');
  if (pieces.length === 1 || StringPrototypeIncludes(patternSub, 'xn--')) {
    return hostSub === patternSub;
  }
  if (!wildcards) return false;
  if (pieces.length > 2) return false;
  if (patternParts.length <= 2) return false;
  const [prefix, suffix] = pieces;
  if (prefix.length + suffix.length > hostSub.length) return false;
  return StringPrototypeStartsWith(hostSub, prefix) &&
    StringPrototypeSlice(hostSub, hostSub.length - suffix.length) === suffix;
}

/* Canonical text of an IP address (IPv6 compressed, lower case);
 * undefined for anything else. */
function canonicalizeIP(ip) {
  if (net.isIPv4(ip)) return ip;
  if (!net.isIPv6(ip)) return undefined;
  try {
    return new (require('internal/url').URL)(`http://[${ip}]`).hostname
      .slice(1, -1);
  } catch {
    return ip;
  }
}

/* checkServerIdentity(hostname, cert) -> undefined when `cert` is valid
 * for `hostname`, else an ERR_TLS_CERT_ALTNAME_INVALID error. */
function checkServerIdentity(hostname, cert) {
  const subject = cert.subject;
  const altNames = cert.subjectaltname;
  const dnsNames = [];
  const ips = [];
  hostname = '' + hostname;
  if (altNames) {
    const names = StringPrototypeSplit(altNames, ', ');
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      if (StringPrototypeStartsWith(name, 'DNS:')) {
        ArrayPrototypePush(dnsNames, StringPrototypeSlice(name, 4));
      } else if (StringPrototypeStartsWith(name, 'IP Address:')) {
        ArrayPrototypePush(ips, canonicalizeIP(StringPrototypeSlice(name, 11)));
      }
    }
  }
  let valid = false;
  let reason = 'Unknown reason';
  if (net.isIP(hostname)) {
    valid = ArrayPrototypeIncludes(ips, canonicalizeIP(hostname));
    if (!valid) {
      reason = `IP: ${hostname} is not in the cert's list: ` +
        ArrayPrototypeJoin(ips, ', ');
    }
  } else if (dnsNames.length > 0 || subject?.CN) {
    const hostParts = splitHost(hostname);
    const wildcard = (pattern) => matchHost(hostParts, pattern, true);
    if (dnsNames.length > 0) {
      valid = ArrayPrototypeSome(dnsNames, wildcard);
      if (!valid) {
        reason = `Host: ${hostname}. is not in the cert's altnames: ` +
          altNames;
      }
    } else {
      const cn = subject.CN;
      valid = ArrayIsArray(cn) ? ArrayPrototypeSome(cn, wildcard) :
        wildcard(cn);
      if (!valid) reason = `Host: ${hostname}. is not cert's CN: ${cn}`;
    }
  } else {
    reason = 'Cert does not contain a DNS name';
  }
  if (!valid) return new ERR_TLS_CERT_ALTNAME_INVALID(reason, hostname, cert);
}

function createSecurePair() {
  throw new ERR_INVALID_ARG_TYPE('createSecurePair', 'supported', undefined);
}

const kDefaultCiphers =
    'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:' +
    'TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256:' +
    'ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:' +
    'ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:' +
    'ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:' +
    'ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:' +
    'ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:!aNULL:!eNULL:' +
    '!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA';

/* The defaults the --tls-min-v1.x / --tls-max-v1.x / --tls-cipher-list
 * options choose. */
function defaultMinVersion() {
  if (getOptionValue('--tls-min-v1.0')) return 'TLSv1';
  if (getOptionValue('--tls-min-v1.1')) return 'TLSv1.1';
  if (getOptionValue('--tls-min-v1.2')) return 'TLSv1.2';
  if (getOptionValue('--tls-min-v1.3')) return 'TLSv1.3';
  return 'TLSv1.2';
}

function defaultMaxVersion() {
  if (getOptionValue('--tls-max-v1.3')) return 'TLSv1.3';
  if (getOptionValue('--tls-max-v1.2')) return 'TLSv1.2';
  return 'TLSv1.3';
}

module.exports = {
  CLIENT_RENEG_LIMIT: 3,
  CLIENT_RENEG_WINDOW: 600,
  DEFAULT_CIPHERS: getOptionValue('--tls-cipher-list') || kDefaultCiphers,
  DEFAULT_ECDH_CURVE: 'auto',
  DEFAULT_MIN_VERSION: defaultMinVersion(),
  DEFAULT_MAX_VERSION: defaultMaxVersion(),
  getCiphers,
  rootCertificates: undefined,
  convertALPNProtocols,
  checkServerIdentity,
  createSecureContext,
  SecureContext,
  TLSSocket,
  Server,
  createServer,
  connect,
  createSecurePair,
};

ObjectDefineProperty(module.exports, 'rootCertificates', {
  __proto__: null,
  configurable: false,
  enumerable: true,
  get: loadRootCertificates,
});
