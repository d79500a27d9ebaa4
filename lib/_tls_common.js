'use strict';
// _tls_common.js - tls.SecureContext and createSecureContext() (Node keeps
// them in this module; the work is in internal/tls/secure_context.js).

const {
  ArrayPrototypePush,
  ObjectCreate,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  StringPrototypeSplit,
} = primordials;

const {
  SecureContext,
  createSecureContext,
} = require('internal/tls/secure_context');

/* The native certificate object as getPeerCertificate() returns it:
 * issuerCertificate translated too ('' becomes null, a self-signed root
 * keeps pointing at itself) and infoAccess ("key:value" lines) turned into
 * a null-prototype object of arrays. Falsy input gives null. */
function translatePeerCertificate(c) {
  if (!c) return null;
  if (c.issuerCertificate != null && c.issuerCertificate !== c) {
    c.issuerCertificate = translatePeerCertificate(c.issuerCertificate);
  }
  if (c.infoAccess != null && typeof c.infoAccess === 'string') {
    const info = c.infoAccess;
    c.infoAccess = ObjectCreate(null);
    const lines = StringPrototypeSplit(info, '\n');
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const colon = StringPrototypeIndexOf(line, ':');
      if (colon === -1) continue;
      const key = StringPrototypeSlice(line, 0, colon);
      const value = StringPrototypeSlice(line, colon + 1);
      if (c.infoAccess[key] === undefined) c.infoAccess[key] = [value];
      else ArrayPrototypePush(c.infoAccess[key], value);
    }
  }
  return c;
}

module.exports = {
  SecureContext,
  createSecureContext,
  translatePeerCertificate,
};
