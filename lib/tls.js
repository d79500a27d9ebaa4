'use strict';
// tls.js - the tls module's surface while TLS is not built: its constants
// and convertALPNProtocols() work (so modules that load tls, like ws,
// load); sockets, servers, secure contexts, the cipher list, root
// certificates and identity checks throw ERR_METHOD_NOT_IMPLEMENTED.

const {
  ArrayIsArray,
  ObjectDefineProperty,
} = primordials;

const { Buffer } = require('buffer');
const { getOptionValue } = require('internal/options');
const {
  codes: { ERR_OUT_OF_RANGE },
} = require('internal/errors');
const {
  isArrayBufferView,
  isUint8Array,
} = require('internal/util/types');
const {
  notImplemented,
  notImplementedClass,
} = require('internal/crypto/unimplemented');

/* The lowest protocol version clients and servers accept by default. */
function defaultMinVersion() {
  if (getOptionValue('--tls-min-v1.0')) return 'TLSv1';
  if (getOptionValue('--tls-min-v1.1')) return 'TLSv1.1';
  if (getOptionValue('--tls-min-v1.3')) return 'TLSv1.3';
  return 'TLSv1.2';
}

/* The highest protocol version used by default. */
function defaultMaxVersion() {
  if (getOptionValue('--tls-max-v1.3')) return 'TLSv1.3';
  if (getOptionValue('--tls-max-v1.2')) return 'TLSv1.2';
  return 'TLSv1.3';
}

/* The ALPN wire format of a list of protocol names: each one preceded by
 * its byte length (at most 255). */
function alpnWireFormat(protocols) {
  const lengths = [];
  let total = 0;
  for (let i = 0; i < protocols.length; i++) {
    const len = Buffer.byteLength(protocols[i]);
    if (len > 255) {
      throw new ERR_OUT_OF_RANGE(
        'The byte length of the protocol at index ' +
        `${i} exceeds the maximum length.`, '<= 255', len, true);
    }
    lengths[i] = len;
    total += 1 + len;
  }
  const out = Buffer.allocUnsafe(total);
  let offset = 0;
  for (let i = 0; i < protocols.length; i++) {
    out[offset++] = lengths[i];
    offset += out.write(protocols[i], offset);
  }
  return out;
}

/* tls.convertALPNProtocols(protocols, out): sets out.ALPNProtocols to the
 * wire format of an array of names, or to a copy of given bytes. */
function convertALPNProtocols(protocols, out) {
  if (ArrayIsArray(protocols)) {
    out.ALPNProtocols = alpnWireFormat(protocols);
  } else if (isUint8Array(protocols)) {
    out.ALPNProtocols = Buffer.from(protocols);
  } else if (isArrayBufferView(protocols)) {
    out.ALPNProtocols = Buffer.from(protocols.buffer.slice(
      protocols.byteOffset, protocols.byteOffset + protocols.byteLength));
  }
}

module.exports = {
  CLIENT_RENEG_LIMIT: 3,
  CLIENT_RENEG_WINDOW: 600,
  DEFAULT_CIPHERS: getOptionValue('--tls-cipher-list') ||
    internalBinding('constants').crypto.defaultCoreCipherList,
  DEFAULT_ECDH_CURVE: 'auto',
  DEFAULT_MIN_VERSION: defaultMinVersion(),
  DEFAULT_MAX_VERSION: defaultMaxVersion(),
  getCiphers: notImplemented('tls.getCiphers()'),
  convertALPNProtocols,
  checkServerIdentity: notImplemented('tls.checkServerIdentity()'),
  createSecureContext: notImplemented('tls.createSecureContext()'),
  SecureContext: notImplementedClass('tls.SecureContext'),
  TLSSocket: notImplementedClass('tls.TLSSocket'),
  Server: notImplementedClass('tls.Server'),
  createServer: notImplemented('tls.createServer()'),
  connect: notImplemented('tls.connect()'),
  createSecurePair: notImplemented('tls.createSecurePair()'),
};

const rootCertificates = notImplemented('tls.rootCertificates');
ObjectDefineProperty(module.exports, 'rootCertificates', {
  __proto__: null,
  configurable: false,
  enumerable: true,
  get: rootCertificates,
});
