// internal/url/parser: the URL Standard's basic URL parser and serializer.
'use strict';

const {
  ArrayPrototypePop,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  NumberParseInt,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolReplace,
  StringPrototypeCharCodeAt,
  StringPrototypeLastIndexOf,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeToLowerCase,
} = primordials;

const {
  C0_CONTROL,
  FRAGMENT,
  PATH,
  QUERY,
  SPECIAL_QUERY,
  USERINFO,
  percentEncode,
} = require('internal/url/percent');
const { parseHost } = require('internal/url/host');

// Parser states.
const SCHEME_START = 1;
const SCHEME = 2;
const NO_SCHEME = 3;
const SPECIAL_RELATIVE_OR_AUTHORITY = 4;
const PATH_OR_AUTHORITY = 5;
const RELATIVE = 6;
const RELATIVE_SLASH = 7;
const SPECIAL_AUTHORITY_SLASHES = 8;
const SPECIAL_AUTHORITY_IGNORE_SLASHES = 9;
const AUTHORITY = 10;
const HOST = 11;
const HOSTNAME = 12;
const PORT = 13;
const FILE = 14;
const FILE_SLASH = 15;
const FILE_HOST = 16;
const PATH_START = 17;
const PATH_STATE = 18;
const OPAQUE_PATH = 19;
const QUERY_STATE = 20;
const FRAGMENT_STATE = 21;

const specialPorts = {
  __proto__: null,
  'ftp': 21,
  'file': null,
  'http': 80,
  'https': 443,
  'ws': 80,
  'wss': 443,
};

function isSpecialScheme(scheme) {
  switch (scheme) {
    case 'http':
    case 'https':
    case 'ws':
    case 'wss':
    case 'ftp':
    case 'file':
      return true;
    default:
      return false;
  }
}

function defaultPort(scheme) {
  const port = specialPorts[scheme];
  return port === undefined ? null : port;
}

/* A fresh URL record. `path` is an array of segments, or a string for
 * an opaque path. `host` is the serialized host or null. */
function newRecord() {
  return {
    scheme: '',
    username: '',
    password: '',
    host: null,
    port: null,
    path: [],
    query: null,
    fragment: null,
  };
}

function cloneRecord(url) {
  return {
    scheme: url.scheme,
    username: url.username,
    password: url.password,
    host: url.host,
    port: url.port,
    path: typeof url.path === 'string' ?
      url.path : ArrayPrototypeSlice(url.path),
    query: url.query,
    fragment: url.fragment,
  };
}

function hasOpaquePath(url) {
  return typeof url.path === 'string';
}

function includesCredentials(url) {
  return url.username !== '' || url.password !== '';
}

function cannotHaveUsernamePasswordPort(url) {
  return url.host === null || url.host === '' || url.scheme === 'file';
}

function isASCIIAlpha(c) {
  if (c === undefined || c.length !== 1) return false;
  const n = StringPrototypeCharCodeAt(c, 0);
  return (n >= 0x41 && n <= 0x5A) || (n >= 0x61 && n <= 0x7A);
}

function isASCIIDigit(c) {
  if (c === undefined || c.length !== 1) return false;
  const n = StringPrototypeCharCodeAt(c, 0);
  return n >= 0x30 && n <= 0x39;
}

function isASCIIAlphanumeric(c) {
  return isASCIIAlpha(c) || isASCIIDigit(c);
}

function isWindowsDriveLetter(s) {
  return s.length === 2 && isASCIIAlpha(s[0]) && (s[1] === ':' || s[1] === '|');
}

function isNormalizedWindowsDriveLetter(s) {
  return s.length === 2 && isASCIIAlpha(s[0]) && s[1] === ':';
}

/* Whether cps[from...] starts with a Windows drive letter. */
function startsWithWindowsDriveLetter(cps, from) {
  if (cps.length - from < 2) return false;
  if (!isASCIIAlpha(cps[from]) ||
      (cps[from + 1] !== ':' && cps[from + 1] !== '|')) return false;
  if (cps.length - from === 2) return true;
  const c = cps[from + 2];
  return c === '/' || c === '\\' || c === '?' || c === '#';
}

function isSingleDot(s) {
  return s === '.' || StringPrototypeToLowerCase(s) === '%2e';
}

function isDoubleDot(s) {
  switch (StringPrototypeToLowerCase(s)) {
    case '..':
    case '.%2e':
    case '%2e.':
    case '%2e%2e':
      return true;
    default:
      return false;
  }
}

/* Removes the last path segment; returns whether one was removed. A
 * string path (see RELATIVE) loses its text from the last '/'. */
function shortenPath(url) {
  const path = url.path;
  if (typeof path === 'string') {
    const slash = StringPrototypeLastIndexOf(path, '/');
    if (slash === -1) return false;
    url.path = StringPrototypeSlice(path, 0, slash);
    return true;
  }
  if (url.scheme === 'file' && path.length === 1 &&
      isNormalizedWindowsDriveLetter(path[0])) return false;
  if (path.length === 0) return false;
  ArrayPrototypePop(path);
  return true;
}

function pushSegment(url, segment) {
  if (typeof url.path === 'string') url.path += '/' + segment;
  else ArrayPrototypePush(url.path, segment);
}

const surrogateRE = /[\uD800-\uDFFF]/;

/* The code points of a string, as an array of strings. */
function toCodePoints(str) {
  if (RegExpPrototypeExec(surrogateRE, str) === null)
    return StringPrototypeSplit(str, '');
  const out = [];
  const len = str.length;
  for (let i = 0; i < len; i++) {
    const c = StringPrototypeCharCodeAt(str, i);
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < len) {
      const d = StringPrototypeCharCodeAt(str, i + 1);
      if (d >= 0xDC00 && d <= 0xDFFF) {
        ArrayPrototypePush(out, StringPrototypeSlice(str, i, i + 2));
        i++;
        continue;
      }
    }
    ArrayPrototypePush(out, str[i]);
  }
  return out;
}

/* Whether a '#' occurs at or after cps[from]. */
function hasFragment(cps, from) {
  for (let i = from; i < cps.length; i++) {
    if (cps[i] === '#') return true;
  }
  return false;
}

function codePointLength(str) {
  let n = 0;
  for (let i = 0; i < str.length; i++) {
    const c = StringPrototypeCharCodeAt(str, i);
    if (c < 0xDC00 || c > 0xDFFF || i === 0) {
      n++;
    } else {
      const p = StringPrototypeCharCodeAt(str, i - 1);
      if (p < 0xD800 || p > 0xDBFF) n++;
    }
  }
  return n;
}

const trimRE = /^[\0-\x20]+|[\0-\x20]+$/g;
const tabNewlineRE = /[\t\n\r]/g;

/* basicParse(input, base, url, stateOverride): runs the basic URL parser.
 * Without `url`, returns a new URL record or null on failure. With `url`
 * and `stateOverride` (a setter), modifies `url` in place and returns
 * null on failure. */
function basicParse(input, base = null, url = null, stateOverride = 0) {
  if (url === null) {
    url = newRecord();
    input = RegExpPrototypeSymbolReplace(trimRE, input, '');
  }
  input = RegExpPrototypeSymbolReplace(tabNewlineRE, input, '');
  const cps = toCodePoints(input);
  const len = cps.length;
  let state = stateOverride || SCHEME_START;
  let buffer = '';
  let atSignSeen = false;
  let insideBrackets = false;
  let passwordTokenSeen = false;

  for (let pointer = 0; ; pointer++) {
    const c = cps[pointer];  // undefined at EOF.
    switch (state) {
      case SCHEME_START:
        if (isASCIIAlpha(c)) {
          buffer += StringPrototypeToLowerCase(c);
          state = SCHEME;
        } else if (!stateOverride) {
          state = NO_SCHEME;
          pointer--;
        } else {
          return null;
        }
        break;

      case SCHEME:
        if (isASCIIAlphanumeric(c) || c === '+' || c === '-' || c === '.') {
          buffer += StringPrototypeToLowerCase(c);
        } else if (c === ':') {
          if (stateOverride) {
            const urlSpecial = isSpecialScheme(url.scheme);
            const bufSpecial = isSpecialScheme(buffer);
            if (urlSpecial !== bufSpecial) return url;
            if ((includesCredentials(url) || url.port !== null) &&
                buffer === 'file') return url;
            if (url.scheme === 'file' && url.host === '') return url;
          }
          url.scheme = buffer;
          if (stateOverride) {
            if (url.port === defaultPort(url.scheme)) url.port = null;
            return url;
          }
          buffer = '';
          if (url.scheme === 'file') {
            state = FILE;
          } else if (isSpecialScheme(url.scheme) && base !== null &&
                     base.scheme === url.scheme) {
            state = SPECIAL_RELATIVE_OR_AUTHORITY;
          } else if (isSpecialScheme(url.scheme)) {
            state = SPECIAL_AUTHORITY_SLASHES;
          } else if (cps[pointer + 1] === '/') {
            state = PATH_OR_AUTHORITY;
            pointer++;
          } else {
            url.path = '';
            state = OPAQUE_PATH;
          }
        } else if (!stateOverride) {
          buffer = '';
          state = NO_SCHEME;
          pointer = -1;
        } else {
          return null;
        }
        break;

      case NO_SCHEME:
        if (base === null ||
            (hasOpaquePath(base) && !hasFragment(cps, pointer))) {
          return null;
        } else if (hasOpaquePath(base) && c === '#') {
          url.scheme = base.scheme;
          url.path = base.path;
          url.query = base.query;
          url.fragment = '';
          state = FRAGMENT_STATE;
        } else if (base.scheme !== 'file') {
          state = RELATIVE;
          pointer--;
        } else {
          state = FILE;
          pointer--;
        }
        break;

      case SPECIAL_RELATIVE_OR_AUTHORITY:
        if (c === '/' && cps[pointer + 1] === '/') {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          pointer++;
        } else {
          state = RELATIVE;
          pointer--;
        }
        break;

      case PATH_OR_AUTHORITY:
        if (c === '/') {
          state = AUTHORITY;
        } else {
          state = PATH_STATE;
          pointer--;
        }
        break;

      case RELATIVE:
        url.scheme = base.scheme;
        if (c === '/') {
          state = RELATIVE_SLASH;
        } else if (isSpecialScheme(url.scheme) && c === '\\') {
          state = RELATIVE_SLASH;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          /* An opaque base path stays a string here: Node (ada) resolves
           * 'x#y' against 'sc:a/b' to 'sc:a/x#y'. */
          url.path = typeof base.path === 'string' ?
            base.path : ArrayPrototypeSlice(base.path);
          url.query = base.query;
          if (c === '?') {
            url.query = '';
            state = QUERY_STATE;
          } else if (c === '#') {
            url.fragment = '';
            state = FRAGMENT_STATE;
          } else if (c !== undefined) {
            url.query = null;
            shortenPath(url);
            state = PATH_STATE;
            pointer--;
          }
        }
        break;

      case RELATIVE_SLASH:
        if (isSpecialScheme(url.scheme) && (c === '/' || c === '\\')) {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
        } else if (c === '/') {
          state = AUTHORITY;
        } else {
          url.username = base.username;
          url.password = base.password;
          url.host = base.host;
          url.port = base.port;
          state = PATH_STATE;
          pointer--;
        }
        break;

      case SPECIAL_AUTHORITY_SLASHES:
        if (c === '/' && cps[pointer + 1] === '/') {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          pointer++;
        } else {
          state = SPECIAL_AUTHORITY_IGNORE_SLASHES;
          pointer--;
        }
        break;

      case SPECIAL_AUTHORITY_IGNORE_SLASHES:
        if (c !== '/' && c !== '\\') {
          state = AUTHORITY;
          pointer--;
        }
        break;

      case AUTHORITY:
        if (c === '@') {
          if (atSignSeen) buffer = '%40' + buffer;
          atSignSeen = true;
          const bcps = toCodePoints(buffer);
          for (let i = 0; i < bcps.length; i++) {
            const bc = bcps[i];
            if (bc === ':' && !passwordTokenSeen) {
              passwordTokenSeen = true;
              continue;
            }
            const enc = percentEncode(bc, USERINFO);
            if (passwordTokenSeen) url.password += enc;
            else url.username += enc;
          }
          buffer = '';
        } else if (c === undefined || c === '/' || c === '?' || c === '#' ||
                   (isSpecialScheme(url.scheme) && c === '\\')) {
          if (atSignSeen && buffer === '') return null;
          pointer -= codePointLength(buffer) + 1;
          buffer = '';
          state = HOST;
        } else {
          buffer += c;
        }
        break;

      case HOST:
      case HOSTNAME:
        if (stateOverride && url.scheme === 'file') {
          pointer--;
          state = FILE_HOST;
        } else if (c === ':' && !insideBrackets) {
          if (buffer === '' && stateOverride === HOST && url.host !== null &&
              !isSpecialScheme(url.scheme)) {
            // Node (ada) quirk: the host setter of a non-special URL takes
            // ':port' as an empty host plus a port.
            url.host = '';
            state = PORT;
            break;
          }
          if (buffer === '') return null;
          if (stateOverride === HOSTNAME) return null;
          const host = parseHost(buffer, !isSpecialScheme(url.scheme));
          if (host === null) return null;
          url.host = host;
          buffer = '';
          state = PORT;
        } else if (c === undefined || c === '/' || c === '?' || c === '#' ||
                   (isSpecialScheme(url.scheme) && c === '\\')) {
          pointer--;
          if (isSpecialScheme(url.scheme) && buffer === '') {
            return null;
          } else if (stateOverride && buffer === '' &&
                     (includesCredentials(url) || url.port !== null)) {
            return null;
          } else if (stateOverride && buffer === '' && url.host === null &&
                     !(url.path.length > 1 && url.path[0] === '')) {
            // Node (ada) leaves a host-less URL alone unless its path
            // starts with '//'.
            return url;
          }
          const host = parseHost(buffer, !isSpecialScheme(url.scheme));
          if (host === null) return null;
          url.host = host;
          buffer = '';
          state = PATH_START;
          if (stateOverride) return url;
        } else {
          if (c === '[') insideBrackets = true;
          if (c === ']') insideBrackets = false;
          buffer += c;
        }
        break;

      case PORT:
        if (isASCIIDigit(c)) {
          buffer += c;
        } else if (c === undefined || c === '/' || c === '?' || c === '#' ||
                   (isSpecialScheme(url.scheme) && c === '\\') ||
                   stateOverride) {
          if (buffer !== '') {
            const port = NumberParseInt(buffer, 10);
            if (port > 65535) return null;
            url.port = port === defaultPort(url.scheme) ? null : port;
            buffer = '';
          }
          if (stateOverride) return url;
          state = PATH_START;
          pointer--;
        } else {
          return null;
        }
        break;

      case FILE:
        url.scheme = 'file';
        url.host = '';
        if (c === '/' || c === '\\') {
          state = FILE_SLASH;
        } else if (base !== null && base.scheme === 'file') {
          url.host = base.host;
          url.path = ArrayPrototypeSlice(base.path);
          url.query = base.query;
          if (c === '?') {
            url.query = '';
            state = QUERY_STATE;
          } else if (c === '#') {
            url.fragment = '';
            state = FRAGMENT_STATE;
          } else if (c !== undefined) {
            url.query = null;
            if (!startsWithWindowsDriveLetter(cps, pointer)) {
              shortenPath(url);
            } else {
              url.path = [];
            }
            state = PATH_STATE;
            pointer--;
          }
        } else {
          state = PATH_STATE;
          pointer--;
        }
        break;

      case FILE_SLASH:
        if (c === '/' || c === '\\') {
          state = FILE_HOST;
        } else {
          if (base !== null && base.scheme === 'file') {
            url.host = base.host;
            if (!startsWithWindowsDriveLetter(cps, pointer) &&
                typeof base.path !== 'string' && base.path.length > 0 &&
                isNormalizedWindowsDriveLetter(base.path[0])) {
              ArrayPrototypePush(url.path, base.path[0]);
            }
          }
          state = PATH_STATE;
          pointer--;
        }
        break;

      case FILE_HOST:
        if (c === undefined || c === '/' || c === '\\' || c === '?' ||
            c === '#') {
          pointer--;
          if (!stateOverride && isWindowsDriveLetter(buffer)) {
            // The drive letter quirk: the buffer becomes the first segment.
            state = PATH_STATE;
          } else if (buffer === '') {
            url.host = '';
            if (stateOverride) return url;
            state = PATH_START;
          } else {
            let host = parseHost(buffer, !isSpecialScheme(url.scheme));
            if (host === null) return null;
            if (host === 'localhost') host = '';
            url.host = host;
            if (stateOverride) return url;
            buffer = '';
            state = PATH_START;
          }
        } else {
          buffer += c;
        }
        break;

      case PATH_START:
        if (isSpecialScheme(url.scheme)) {
          state = PATH_STATE;
          if (c !== '/' && c !== '\\') pointer--;
        } else if (!stateOverride && c === '?') {
          url.query = '';
          state = QUERY_STATE;
        } else if (!stateOverride && c === '#') {
          url.fragment = '';
          state = FRAGMENT_STATE;
        } else if (c !== undefined) {
          state = PATH_STATE;
          if (c !== '/') pointer--;
        } else if (stateOverride && url.host === null) {
          ArrayPrototypePush(url.path, '');
        }
        break;

      case PATH_STATE: {
        const special = isSpecialScheme(url.scheme);
        if (c === undefined || c === '/' || (special && c === '\\') ||
            (!stateOverride && (c === '?' || c === '#'))) {
          const slash = c === '/' || (special && c === '\\');
          if (isDoubleDot(buffer)) {
            /* Node (ada) quirk: at the end of a non-special path, `..`
             * adds the empty segment only when it removed one. */
            const removed = shortenPath(url);
            if (!slash && (special || removed)) pushSegment(url, '');
          } else if (isSingleDot(buffer) && !slash) {
            pushSegment(url, '');
          } else if (!isSingleDot(buffer)) {
            if (url.scheme === 'file' && url.path.length === 0 &&
                isWindowsDriveLetter(buffer)) {
              buffer = buffer[0] + ':';
            }
            pushSegment(url, buffer);
          }
          buffer = '';
          if (c === '?') {
            url.query = '';
            state = QUERY_STATE;
          }
          if (c === '#') {
            url.fragment = '';
            state = FRAGMENT_STATE;
          }
        } else {
          buffer += percentEncode(c, PATH);
        }
        break;
      }

      case OPAQUE_PATH:
        if (c === '?') {
          url.query = '';
          state = QUERY_STATE;
        } else if (c === '#') {
          url.fragment = '';
          state = FRAGMENT_STATE;
        } else if (c !== undefined) {
          url.path += percentEncode(c, C0_CONTROL);
        }
        break;

      case QUERY_STATE:
        if ((!stateOverride && c === '#') || c === undefined) {
          const set = isSpecialScheme(url.scheme) ? SPECIAL_QUERY : QUERY;
          url.query += percentEncode(buffer, set);
          buffer = '';
          if (c === '#') {
            url.fragment = '';
            state = FRAGMENT_STATE;
          }
        } else {
          buffer += c;
        }
        break;

      case FRAGMENT_STATE:
        if (c !== undefined) url.fragment += percentEncode(c, FRAGMENT);
        break;
    }
    if (pointer >= len) break;
  }
  return url;
}

/* serializePath(url): the path part of the serialization. */
function serializePath(url) {
  if (typeof url.path === 'string') return url.path;
  let out = '';
  for (let i = 0; i < url.path.length; i++) out += '/' + url.path[i];
  return out;
}

/* serialize(url[, excludeFragment]): the href of a URL record. */
function serialize(url, excludeFragment = false) {
  let out = url.scheme + ':';
  if (url.host !== null) {
    out += '//';
    if (includesCredentials(url)) {
      out += url.username;
      if (url.password !== '') out += ':' + url.password;
      out += '@';
    }
    out += url.host;
    if (url.port !== null) out += ':' + url.port;
  } else if (typeof url.path !== 'string' && url.path.length > 1 &&
             url.path[0] === '') {
    out += '/.';
  }
  out += serializePath(url);
  if (url.query !== null) out += '?' + url.query;
  if (!excludeFragment && url.fragment !== null) out += '#' + url.fragment;
  return out;
}

/* serializeOrigin(url): the ASCII serialization of the URL's origin
 * ('null' for opaque origins). */
function serializeOrigin(url) {
  switch (url.scheme) {
    case 'blob': {
      const inner = basicParse(serializePath(url));
      if (inner !== null &&
          (inner.scheme === 'http' || inner.scheme === 'https')) {
        return serializeOrigin(inner);
      }
      return 'null';
    }
    case 'ftp':
    case 'http':
    case 'https':
    case 'ws':
    case 'wss':
      return url.scheme + '://' + url.host +
        (url.port !== null ? ':' + url.port : '');
    default:
      return 'null';
  }
}

const trailingSpacesRE = / +$/;

/* Drops trailing spaces of an opaque path once neither a query nor a
 * fragment follows it. */
function stripTrailingSpacesFromOpaquePath(url) {
  if (typeof url.path !== 'string') return;
  if (url.fragment !== null || url.query !== null) return;
  if (RegExpPrototypeExec(trailingSpacesRE, url.path) !== null)
    url.path = RegExpPrototypeSymbolReplace(trailingSpacesRE, url.path, '');
}

module.exports = {
  basicParse,
  cannotHaveUsernamePasswordPort,
  cloneRecord,
  defaultPort,
  hasOpaquePath,
  includesCredentials,
  isSpecialScheme,
  serialize,
  serializeOrigin,
  serializePath,
  stripTrailingSpacesFromOpaquePath,
  states: {
    SCHEME_START,
    AUTHORITY,
    HOST,
    HOSTNAME,
    PORT,
    PATH_START,
    QUERY: QUERY_STATE,
    FRAGMENT: FRAGMENT_STATE,
  },
};
