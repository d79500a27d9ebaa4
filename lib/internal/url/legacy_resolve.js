// internal/url/legacy_resolve: legacy Url#resolveObject() with its quirks.
'use strict';

const {
  ArrayPrototypeJoin,
  ArrayPrototypePop,
  ArrayPrototypePush,
  ArrayPrototypeShift,
  ArrayPrototypeSplice,
  ArrayPrototypeUnshift,
  ObjectKeys,
  RegExpPrototypeExec,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  StringPrototypeSplit,
} = primordials;

const fileProtocolRE = /^file:?$/;

function finish(result) {
  result.href = result.format();
  return result;
}

function updatePath(result) {
  if (result.pathname !== null || result.search !== null)
    result.path = (result.pathname || '') + (result.search || '');
}

/* A host such as 'user@host' (left over from a scheme without slashes)
 * gives its user part back to `auth`. */
function takeAuthFromHost(result) {
  const host = result.host;
  if (!host || StringPrototypeIndexOf(host, '@') <= 0) return;
  const parts = StringPrototypeSplit(host, '@');
  result.auth = parts[0];
  result.host = result.hostname = parts[1];
}

/* '//host/path' relative to anything: keeps only the protocol. */
function resolveNetworkPath(result, relative, env) {
  const keys = ObjectKeys(relative);
  for (let i = 0; i < keys.length; i++) {
    if (keys[i] !== 'protocol') result[keys[i]] = relative[keys[i]];
  }
  if (env.slashedProtocol.has(result.protocol) && result.hostname &&
      !result.pathname) {
    result.path = result.pathname = '/';
  }
  return finish(result);
}

/* A relative URL with its own (different) protocol. */
function resolveOtherScheme(result, relative, env) {
  if (!env.slashedProtocol.has(relative.protocol)) {
    const keys = ObjectKeys(relative);
    for (let i = 0; i < keys.length; i++) result[keys[i]] = relative[keys[i]];
    return finish(result);
  }
  result.protocol = relative.protocol;
  if (!relative.host &&
      RegExpPrototypeExec(fileProtocolRE, relative.protocol) === null &&
      !env.hostlessProtocol.has(relative.protocol)) {
    // 'http:foo/bar': the first non-empty segment becomes the host.
    const segs = StringPrototypeSplit(relative.pathname || '', '/');
    let host;
    while (segs.length > 0 && !(host = ArrayPrototypeShift(segs)));
    relative.host = host || '';
    if (!relative.hostname) relative.hostname = '';
    if (segs[0] !== '') ArrayPrototypeUnshift(segs, '');
    if (segs.length < 2) ArrayPrototypeUnshift(segs, '');
    result.pathname = ArrayPrototypeJoin(segs, '/');
  } else {
    result.pathname = relative.pathname;
  }
  result.search = relative.search;
  result.query = relative.query;
  result.host = relative.host || '';
  result.auth = relative.auth;
  result.hostname = relative.hostname || relative.host;
  result.port = relative.port;
  if (result.pathname || result.search)
    result.path = (result.pathname || '') + (result.search || '');
  result.slashes = result.slashes || relative.slashes;
  return finish(result);
}

function startsWithSlash(str) {
  return typeof str === 'string' && str[0] === '/';
}

/* Drops '.' segments and folds '..' into the segment before it, walking
 * from the end; returns how many '..' went past the start. */
function collapseDots(segs) {
  let up = 0;
  for (let i = segs.length - 1; i >= 0; i--) {
    const seg = segs[i];
    if (seg === '.') {
      ArrayPrototypeSplice(segs, i, 1);
    } else if (seg === '..') {
      ArrayPrototypeSplice(segs, i, 1);
      up++;
    } else if (up > 0) {
      ArrayPrototypeSplice(segs, i, 1);
      up--;
    }
  }
  return up;
}

/* A relative URL without a protocol of its own: merge paths. */
function resolvePath(result, relative, env) {
  const srcAbsolute = startsWithSlash(result.pathname);
  const relAbsolute = relative.host || startsWithSlash(relative.pathname);
  let mustEndAbs = relAbsolute || srcAbsolute ||
    (result.host && relative.pathname);
  const keepNoDots = mustEndAbs;
  let srcPath = (result.pathname &&
                 StringPrototypeSplit(result.pathname, '/')) || [];
  const relPath = (relative.pathname &&
                   StringPrototypeSplit(relative.pathname, '/')) || [];
  // Schemes like mailto: keep their "host" as the first path segment.
  const hostInPath = result.protocol &&
    !env.slashedProtocol.has(result.protocol);

  if (hostInPath) {
    result.hostname = '';
    result.port = null;
    if (result.host) {
      if (srcPath[0] === '') srcPath[0] = result.host;
      else ArrayPrototypeUnshift(srcPath, result.host);
    }
    result.host = '';
    if (relative.protocol) {
      relative.hostname = null;
      relative.port = null;
      result.auth = null;
      if (relative.host) {
        if (relPath[0] === '') relPath[0] = relative.host;
        else ArrayPrototypeUnshift(relPath, relative.host);
      }
      relative.host = null;
    }
    mustEndAbs = mustEndAbs && (relPath[0] === '' || srcPath[0] === '');
  }

  if (relAbsolute) {
    if (relative.host || relative.host === '') {
      if (result.host !== relative.host) result.auth = null;
      result.host = relative.host;
      result.port = relative.port;
    }
    if (relative.hostname || relative.hostname === '') {
      if (result.hostname !== relative.hostname) result.auth = null;
      result.hostname = relative.hostname;
    }
    result.search = relative.search;
    result.query = relative.query;
    srcPath = relPath;
  } else if (relPath.length > 0) {
    // Replace the last segment of the base with the relative path.
    ArrayPrototypePop(srcPath);
    for (let i = 0; i < relPath.length; i++)
      ArrayPrototypePush(srcPath, relPath[i]);
    result.search = relative.search;
    result.query = relative.query;
  } else if (relative.search !== null && relative.search !== undefined) {
    // Only a new query ('?foo').
    if (hostInPath) {
      result.hostname = result.host = ArrayPrototypeShift(srcPath);
      takeAuthFromHost(result);
    }
    result.search = relative.search;
    result.query = relative.query;
    updatePath(result);
    return finish(result);
  }

  if (srcPath.length === 0) {
    result.pathname = null;
    result.path = result.search ? '/' + result.search : null;
    return finish(result);
  }

  // A path ending in '.', '..' (or '/') keeps a trailing slash.
  const lastSeg = srcPath[srcPath.length - 1];
  const trailingSlash =
    ((result.host || relative.host || srcPath.length > 1) &&
     (lastSeg === '.' || lastSeg === '..')) || lastSeg === '';

  let up = collapseDots(srcPath);
  if (!mustEndAbs && !keepNoDots) {
    while (up-- > 0) ArrayPrototypeUnshift(srcPath, '..');
  }
  if (mustEndAbs && srcPath[0] !== '' && !startsWithSlash(srcPath[0]))
    ArrayPrototypeUnshift(srcPath, '');
  if (trailingSlash &&
      StringPrototypeSlice(ArrayPrototypeJoin(srcPath, '/'), -1) !== '/') {
    ArrayPrototypePush(srcPath, '');
  }

  const isAbsolute = srcPath[0] === '' || startsWithSlash(srcPath[0]);
  if (hostInPath) {
    let host = '';
    if (!isAbsolute && srcPath.length > 0) host = ArrayPrototypeShift(srcPath);
    result.hostname = result.host = host;
    takeAuthFromHost(result);
  }

  mustEndAbs = mustEndAbs || (result.host && srcPath.length);
  if (mustEndAbs && !isAbsolute) ArrayPrototypeUnshift(srcPath, '');

  if (srcPath.length > 0) {
    result.pathname = ArrayPrototypeJoin(srcPath, '/');
  } else {
    result.pathname = null;
    result.path = null;
  }
  updatePath(result);
  result.auth = relative.auth || result.auth;
  result.slashes = result.slashes || relative.slashes;
  return finish(result);
}

/* resolveObject(result, relative, env): resolves the Url `relative`
 * against `result` (a copy of the base Url, modified and returned).
 * `env` = { Url, slashedProtocol, hostlessProtocol }. */
function resolveObject(result, relative, env) {
  result.hash = relative.hash;
  if (relative.href === '') return finish(result);
  if (relative.slashes && !relative.protocol)
    return resolveNetworkPath(result, relative, env);
  if (relative.protocol && relative.protocol !== result.protocol)
    return resolveOtherScheme(result, relative, env);
  return resolvePath(result, relative, env);
}

module.exports = resolveObject;
