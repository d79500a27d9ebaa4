'use strict';
// _tls_common.js - tls.SecureContext and createSecureContext() (Node keeps
// them in this module; the work is in internal/tls/secure_context.js).

const {
  SecureContext,
  createSecureContext,
} = require('internal/tls/secure_context');

/* The certificate object as getPeerCertificate() returns it (the native
 * side already builds Node's shape); null stays null. */
function translatePeerCertificate(c) {
  if (!c) return null;
  return c;
}

module.exports = {
  SecureContext,
  createSecureContext,
  translatePeerCertificate,
};
