'use strict';
// internal/tls/secure_context.js - tls.createSecureContext(): turns the TLS
// options (protocol range, key/cert/pfx, ca, ciphers, curves, sessions)
// into a native SecureContext of internalBinding('tls_wrap').

const {
  ArrayIsArray,
  ArrayPrototypeFilter,
  ArrayPrototypeJoin,
  StringPrototypeSplit,
  StringPrototypeStartsWith,
} = primordials;

const {
  SecureContext: NativeSecureContext,
  constants: {
    TLS1_VERSION,
    TLS1_1_VERSION,
    TLS1_2_VERSION,
    TLS1_3_VERSION,
  },
} = internalBinding('tls_wrap');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_TLS_INVALID_PROTOCOL_METHOD,
    ERR_TLS_INVALID_PROTOCOL_VERSION,
    ERR_TLS_PROTOCOL_VERSION_CONFLICT,
  },
} = require('internal/errors');
const { isArrayBufferView } = require('internal/util/types');
const { validateInt32, validateString, validateObject } =
  require('internal/validators');

const kProtocolVersions = {
  __proto__: null,
  'TLSv1': TLS1_VERSION,
  'TLSv1.1': TLS1_1_VERSION,
  'TLSv1.2': TLS1_2_VERSION,
  'TLSv1.3': TLS1_3_VERSION,
};

// secureProtocol names -> [min, max]; null: tls.DEFAULT_MIN/MAX_VERSION.
const kMethods = {
  __proto__: null,
  TLS_method: [TLS1_VERSION, TLS1_3_VERSION],
  TLS_client_method: [TLS1_VERSION, TLS1_3_VERSION],
  TLS_server_method: [TLS1_VERSION, TLS1_3_VERSION],
  SSLv23_method: null,
  SSLv23_client_method: null,
  SSLv23_server_method: null,
  TLSv1_method: [TLS1_VERSION, TLS1_VERSION],
  TLSv1_client_method: [TLS1_VERSION, TLS1_VERSION],
  TLSv1_server_method: [TLS1_VERSION, TLS1_VERSION],
  TLSv1_1_method: [TLS1_1_VERSION, TLS1_1_VERSION],
  TLSv1_1_client_method: [TLS1_1_VERSION, TLS1_1_VERSION],
  TLSv1_1_server_method: [TLS1_1_VERSION, TLS1_1_VERSION],
  TLSv1_2_method: [TLS1_2_VERSION, TLS1_2_VERSION],
  TLSv1_2_client_method: [TLS1_2_VERSION, TLS1_2_VERSION],
  TLSv1_2_server_method: [TLS1_2_VERSION, TLS1_2_VERSION],
};

const kDisabledMethods = {
  __proto__: null,
  SSLv2_method: 'SSLv2',
  SSLv2_client_method: 'SSLv2',
  SSLv2_server_method: 'SSLv2',
  SSLv3_method: 'SSLv3',
  SSLv3_client_method: 'SSLv3',
  SSLv3_server_method: 'SSLv3',
};

/* The protocol version number named `version` ('TLSv1.2'); throws
 * ERR_TLS_INVALID_PROTOCOL_VERSION for anything else. */
function protocolVersion(version, which) {
  const v = kProtocolVersions[version];
  if (v === undefined) {
    throw new ERR_TLS_INVALID_PROTOCOL_VERSION(version, which);
  }
  return v;
}

/* [min, max] protocol numbers for the options, with tls.DEFAULT_* as the
 * defaults. */
function protocolRange(options, defaults) {
  const { secureProtocol, minVersion, maxVersion } = options;
  if (secureProtocol !== undefined && secureProtocol !== null) {
    validateString(secureProtocol, 'options.secureProtocol');
    if (minVersion !== undefined) {
      throw new ERR_TLS_PROTOCOL_VERSION_CONFLICT(minVersion, secureProtocol);
    }
    if (maxVersion !== undefined) {
      throw new ERR_TLS_PROTOCOL_VERSION_CONFLICT(maxVersion, secureProtocol);
    }
    const disabled = kDisabledMethods[secureProtocol];
    if (disabled !== undefined) {
      throw new ERR_TLS_INVALID_PROTOCOL_METHOD(`${disabled} methods disabled`);
    }
    const range = kMethods[secureProtocol];
    if (range === undefined) {
      throw new ERR_TLS_INVALID_PROTOCOL_METHOD(
        `Unknown method: ${secureProtocol}`);
    }
    if (range !== null) return range;
  }
  return [
    protocolVersion(minVersion ?? defaults.DEFAULT_MIN_VERSION, 'minimum'),
    protocolVersion(maxVersion ?? defaults.DEFAULT_MAX_VERSION, 'maximum'),
  ];
}

function isKeyMaterial(value) {
  return typeof value === 'string' || isArrayBufferView(value);
}

function validateKeyMaterial(value, name) {
  if (!isKeyMaterial(value)) {
    throw new ERR_INVALID_ARG_TYPE(
      name, ['string', 'Buffer', 'TypedArray', 'DataView'], value);
  }
}

/* Calls fn(item) for `value` or each entry of an array `value`. */
function forEachEntry(value, fn) {
  if (ArrayIsArray(value)) {
    for (let i = 0; i < value.length; i++) fn(value[i]);
  } else {
    fn(value);
  }
}

function setKeys(native, key, passphrase) {
  forEachEntry(key, (entry) => {
    if (entry !== null && typeof entry === 'object' &&
        !isArrayBufferView(entry)) {
      const pem = entry.pem;
      validateKeyMaterial(pem, 'options.key.pem');
      native.setKey(pem, entry.passphrase ?? passphrase);
    } else {
      validateKeyMaterial(entry, 'options.key');
      native.setKey(entry, passphrase);
    }
  });
}

function setPfx(native, pfx, passphrase) {
  forEachEntry(pfx, (entry) => {
    if (entry !== null && typeof entry === 'object' &&
        !isArrayBufferView(entry)) {
      native.loadPKCS12(toBuffer(entry.buf), entry.passphrase ?? passphrase);
    } else {
      native.loadPKCS12(toBuffer(entry), passphrase);
    }
  });
}

function toBuffer(value) {
  if (typeof value === 'string') {
    const { Buffer } = require('buffer');
    return Buffer.from(value, 'binary');
  }
  validateKeyMaterial(value, 'options.pfx');
  return value;
}

/* Splits a cipher string: 'TLS_*' names are TLSv1.3 suites, the rest the
 * TLSv1.2 cipher list. */
function setCiphers(native, ciphers) {
  validateString(ciphers, 'options.ciphers');
  const names = StringPrototypeSplit(ciphers, ':');
  const suites = ArrayPrototypeJoin(ArrayPrototypeFilter(
    names, (n) => StringPrototypeStartsWith(n, 'TLS_')), ':');
  const list = ArrayPrototypeJoin(ArrayPrototypeFilter(
    names, (n) => n !== '' && !StringPrototypeStartsWith(n, 'TLS_')), ':');
  if (suites === '' && list === '') {
    throw new ERR_INVALID_ARG_VALUE('options.ciphers', ciphers);
  }
  // Only TLSv1.2 names leave the TLSv1.3 suites at their defaults.
  if (suites !== '') native.setCipherSuites(suites);
  native.setCiphers(list);
}

/* new SecureContext(secureProtocol, secureOptions, minVersion, maxVersion)
 * as Node's tls.SecureContext; `context` is the native object. */
function SecureContext(secureProtocol, secureOptions, minVersion,
                       maxVersion) {
  if (!(this instanceof SecureContext)) {
    return new SecureContext(secureProtocol, secureOptions, minVersion,
                             maxVersion);
  }
  const tls = require('tls');
  const [min, max] = protocolRange(
    { secureProtocol, minVersion, maxVersion }, tls);
  this.context = new NativeSecureContext();
  this.context.init(min, max, secureProtocol ?? undefined);
  if (secureOptions) {
    validateInt32(secureOptions, 'secureOptions');
    this.context.setOptions(secureOptions);
  }
}

/* createSecureContext([options]) -> a SecureContext configured from the
 * options; throws Node's errors for bad ones. */
function createSecureContext(options) {
  if (options === undefined) options = {};
  else validateObject(options, 'options');
  const tls = require('tls');
  const sc = new SecureContext(options.secureProtocol, options.secureOptions,
                               options.minVersion, options.maxVersion);
  configure(sc.context, options, tls);
  return sc;
}

function configure(native, options, tls) {
  const { ca, cert, key, pfx, passphrase, crl } = options;
  if (ca) {
    forEachEntry(ca, (entry) => {
      validateKeyMaterial(entry, 'options.ca');
      native.addCACert(entry);
    });
  } else {
    native.addRootCerts();
  }
  if (cert) {
    forEachEntry(cert, (entry) => {
      validateKeyMaterial(entry, 'options.cert');
      native.setCert(entry);
    });
  }
  if (key) setKeys(native, key, passphrase);
  if (pfx) setPfx(native, pfx, passphrase);
  if (crl) {
    forEachEntry(crl, (entry) => {
      validateKeyMaterial(entry, 'options.crl');
      native.addCRL(entry);
    });
  }
  const ciphers = options.ciphers || tls.DEFAULT_CIPHERS;
  setCiphers(native, ciphers);
  if (options.sigalgs != null) {
    validateString(options.sigalgs, 'options.sigalgs');
    native.setSigalgs(options.sigalgs);
  }
  const curve = options.ecdhCurve ?? tls.DEFAULT_ECDH_CURVE;
  validateString(curve, 'options.ecdhCurve');
  native.setECDHCurve(curve);
  if (options.sessionIdContext != null) {
    validateString(options.sessionIdContext, 'options.sessionIdContext');
    native.setSessionIdContext(options.sessionIdContext);
  }
  if (options.sessionTimeout != null) {
    validateInt32(options.sessionTimeout, 'options.sessionTimeout');
    native.setSessionTimeout(options.sessionTimeout);
  }
}

module.exports = {
  SecureContext,
  createSecureContext,
  configure,
};
