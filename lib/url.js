// url: the WHATWG URL API plus Node's legacy url.parse/format/resolve.
'use strict';

const {
  Boolean,
  Int8Array,
  ObjectCreate,
  ObjectKeys,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolReplace,
  StringPrototypeCharCodeAt,
  StringPrototypeIncludes,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  StringPrototypeToLowerCase,
  DecodeURIComponent: decodeURIComponent,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_URL,
  },
} = require('internal/errors');
const { validateObject, validateString } = require('internal/validators');
const {
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  fileURLToPath,
  pathToFileURL,
  urlToHttpOptions,
  unsafeProtocol,
  hostlessProtocol,
  slashedProtocol,
} = require('internal/url');
const { encodeStr, hexTable } = require('internal/querystring');
const { basicParse, serialize } = require('internal/url/parser');
const { hostToUnicode } = require('internal/url/host');
const resolveObjectImpl = require('internal/url/legacy_resolve');

let querystring;
function lazyQuerystring() {
  if (querystring === undefined) querystring = require('querystring');
  return querystring;
}

/* Url(): a legacy URL object; every field starts as null. */
function Url() {
  this.protocol = null;
  this.slashes = null;
  this.auth = null;
  this.host = null;
  this.port = null;
  this.hostname = null;
  this.hash = null;
  this.search = null;
  this.query = null;
  this.pathname = null;
  this.path = null;
  this.href = null;
}

const protocolRE = /^[a-z0-9.+-]+:/i;
const portRE = /:[0-9]*$/;
const hostLikeRE = /^\/\/[^@/]+@[^@/]+/;
// A path (or '//host/path' lookalike) with an optional query and no
// whitespace: parse() takes it as is.
const simplePathRE = /^(\/\/?(?!\/)[^?\s]*)(\?[^\s]*)?$/;
const hostnameMaxLen = 255;
// Characters that cannot end up in a hostname (after IDNA mapping).
const forbiddenHostChars = /[\0\t\n\r #%/:<>?@[\\\]^|]/;
const forbiddenHostCharsIpv6 = /[\0\t\n\r #%/<>?@\\^|]/;

function isLegacyWhitespace(code) {
  return code < 33 || code === 0xA0 || code === 0xFEFF;
}

/* Trims legacy whitespace around `url` and turns the backslashes that come
 * before the first '?' or '#' into '/'. Also reports whether the string
 * holds a '#' and whether an '@' comes before the first '?'/'#'. */
function prepare(url) {
  let start = 0;
  let end = url.length;
  const codeAt = (i) => StringPrototypeCharCodeAt(url, i);
  while (start < end && isLegacyWhitespace(codeAt(start))) start++;
  while (end > start && isLegacyWhitespace(codeAt(end - 1))) end--;
  let hasHash = false;
  let hasAt = false;
  let split = false;
  let rest = '';
  let last = start;
  for (let i = start; i < url.length; i++) {
    const code = StringPrototypeCharCodeAt(url, i);
    if (split) {
      if (code === 35 /* # */) {
        hasHash = true;
        break;
      }
      continue;
    }
    if (code === 64 /* @ */) {
      hasAt = true;
    } else if (code === 35 /* # */) {
      hasHash = true;
      split = true;
    } else if (code === 63 /* ? */) {
      split = true;
    } else if (code === 92 /* \ */ && i < end) {
      rest += StringPrototypeSlice(url, last, i) + '/';
      last = i + 1;
    }
  }
  if (last < end) rest += StringPrototypeSlice(url, last, end);
  return { rest, hasHash, hasAt };
}

// Characters escaped in the path/query/hash even when the input did not.
const autoEscapeMap = {
  __proto__: null,
  '\t': '%09',
  '\n': '%0A',
  '\r': '%0D',
  ' ': '%20',
  '"': '%22',
  '\'': '%27',
  '<': '%3C',
  '>': '%3E',
  '\\': '%5C',
  '^': '%5E',
  '`': '%60',
  '{': '%7B',
  '|': '%7C',
  '}': '%7D',
};
const autoEscapeRE = /[\t\n\r "'<>\\^`{|}]/g;

function autoEscape(rest) {
  return RegExpPrototypeSymbolReplace(autoEscapeRE, rest,
                                      (ch) => autoEscapeMap[ch]);
}

/* Scans the authority at the start of `rest`: returns `rest` with tabs
 * and newlines dropped from that part (as WHATWG URL does), the index
 * where the host stops (`nonHost`, -1 for the end) and the last '@'
 * before it. A '@' forgives the non-host characters before it; '/', '?'
 * and '#' always end the host. */
function scanAuthority(rest) {
  let atSign = -1;
  let nonHost = -1;
  let cleaned = '';
  let last = 0;
  let removed = 0;
  let i = 0;
  scan: for (; i < rest.length; i++) {
    const at = i - removed;  // Index in the cleaned string.
    switch (StringPrototypeCharCodeAt(rest, i)) {
      case 9: case 10: case 13:  // Tab, LF, CR: dropped.
        cleaned += StringPrototypeSlice(rest, last, i);
        last = i + 1;
        removed++;
        break;
      case 32: case 34: case 37: case 39: case 59: case 60: case 62:
      case 92: case 94: case 96: case 123: case 124: case 125:
        // Never allowed in a hostname (RFC 2396).
        if (nonHost === -1) nonHost = at;
        break;
      case 35: case 47: case 63:  // # / ?
        if (nonHost === -1) nonHost = at;
        break scan;
      case 64:  // @
        atSign = at;
        nonHost = -1;
        break;
    }
  }
  if (removed > 0) rest = cleaned + StringPrototypeSlice(rest, last);
  return { rest, atSign, nonHost };
}

function isIpv6Hostname(hostname) {
  return StringPrototypeCharCodeAt(hostname, 0) === 91 /* [ */ &&
    StringPrototypeCharCodeAt(hostname, hostname.length - 1) === 93; /* ] */
}

/* Legacy IDNA: UTS #46 ToASCII; '' on failure. Node's native converter
 * hands its result back as a C string, so it ends at the first NUL. */
function legacyToASCII(hostname) {
  let result = require('internal/idna').toASCII(hostname);
  if (result === null) return '';
  const nul = StringPrototypeIndexOf(result, '\0');
  if (nul !== -1) result = StringPrototypeSlice(result, 0, nul);
  return result;
}

let urlParseWarned = false;

/* url.parse(urlString[, parseQueryString[, slashesDenoteHost]]): a Url
 * object for `urlString` (lenient legacy parsing). Warns once (DEP0169)
 * under --pending-deprecation. */
function urlParse(url, parseQueryString, slashesDenoteHost) {
  if (!urlParseWarned &&
      require('internal/options').getOptionValue('--pending-deprecation')) {
    urlParseWarned = true;
    process.emitWarning(
      '`url.parse()` behavior is not standardized and prone to errors that ' +
      'have security implications. Use the WHATWG URL API instead. CVEs ' +
      'are not issued for `url.parse()` vulnerabilities.',
      'DeprecationWarning', 'DEP0169');
  }
  if (url instanceof Url) return url;
  const urlObject = new Url();
  urlObject.parse(url, parseQueryString, slashesDenoteHost);
  return urlObject;
}

function setQuery(self, query, parseQueryString) {
  self.query = parseQueryString ? lazyQuerystring().parse(query) : query;
}

Url.prototype.parse = function parse(url, parseQueryString,
                                     slashesDenoteHost) {
  validateString(url, 'url');
  let { rest, hasHash, hasAt } = prepare(url);

  if (!slashesDenoteHost && !hasHash && !hasAt) {
    const simple = RegExpPrototypeExec(simplePathRE, rest);
    if (simple !== null) {
      this.path = rest;
      this.href = rest;
      this.pathname = simple[1];
      if (simple[2]) {
        this.search = simple[2];
        setQuery(this, StringPrototypeSlice(simple[2], 1), parseQueryString);
      } else if (parseQueryString) {
        this.search = null;
        this.query = ObjectCreate(null);
      }
      return this;
    }
  }

  let proto = RegExpPrototypeExec(protocolRE, rest);
  let lowerProto;
  if (proto !== null) {
    proto = proto[0];
    lowerProto = StringPrototypeToLowerCase(proto);
    this.protocol = lowerProto;
    rest = StringPrototypeSlice(rest, proto.length);
  }

  let slashes;
  if (slashesDenoteHost || proto ||
      RegExpPrototypeExec(hostLikeRE, rest) !== null) {
    slashes = StringPrototypeCharCodeAt(rest, 0) === 47 &&
      StringPrototypeCharCodeAt(rest, 1) === 47;
    if (slashes && !(proto && hostlessProtocol.has(lowerProto))) {
      rest = StringPrototypeSlice(rest, 2);
      this.slashes = true;
    }
  }

  if (!hostlessProtocol.has(lowerProto) &&
      (slashes || (proto && !slashedProtocol.has(proto)))) {
    rest = parseAuthority(this, rest, url);
  }

  if (!unsafeProtocol.has(lowerProto)) rest = autoEscape(rest);

  let questionIdx = -1;
  let hashIdx = -1;
  for (let i = 0; i < rest.length; i++) {
    const code = StringPrototypeCharCodeAt(rest, i);
    if (code === 35 /* # */) {
      this.hash = StringPrototypeSlice(rest, i);
      hashIdx = i;
      break;
    } else if (code === 63 /* ? */ && questionIdx === -1) {
      questionIdx = i;
    }
  }
  if (questionIdx !== -1) {
    const end = hashIdx === -1 ? rest.length : hashIdx;
    this.search = StringPrototypeSlice(rest, questionIdx, end);
    setQuery(this, StringPrototypeSlice(rest, questionIdx + 1, end),
             parseQueryString);
  } else if (parseQueryString) {
    this.search = null;
    this.query = ObjectCreate(null);
  }

  const firstIdx = questionIdx !== -1 ? questionIdx : hashIdx;
  if (firstIdx === -1) {
    if (rest.length > 0) this.pathname = rest;
  } else if (firstIdx > 0) {
    this.pathname = StringPrototypeSlice(rest, 0, firstIdx);
  }
  if (slashedProtocol.has(lowerProto) && this.hostname && !this.pathname)
    this.pathname = '/';

  if (this.pathname || this.search)
    this.path = (this.pathname || '') + (this.search || '');

  this.href = this.format();
  return this;
};

/* Pulls auth, host, port and hostname off the front of `rest`; returns
 * what follows the host. Throws ERR_INVALID_URL for hostnames that IDNA
 * cannot make safe. */
function parseAuthority(self, rest, url) {
  const scan = scanAuthority(rest);
  const { atSign, nonHost } = scan;
  rest = scan.rest;
  let start = 0;
  if (atSign !== -1) {
    self.auth = decodeURIComponent(StringPrototypeSlice(rest, 0, atSign));
    start = atSign + 1;
  }
  if (nonHost === -1) {
    self.host = StringPrototypeSlice(rest, start);
    rest = '';
  } else {
    self.host = StringPrototypeSlice(rest, start, nonHost);
    rest = StringPrototypeSlice(rest, nonHost);
  }
  self.parseHost();
  if (typeof self.hostname !== 'string') self.hostname = '';
  let hostname = self.hostname;
  const ipv6 = isIpv6Hostname(hostname);
  if (!ipv6) {
    // A ':' (or a slash-like character) ends the hostname; the remainder
    // joins the path.
    for (let i = 0; i < hostname.length; i++) {
      const code = StringPrototypeCharCodeAt(hostname, i);
      if (code === 47 || code === 92 || code === 35 || code === 63 ||
          code === 58) {
        self.hostname = StringPrototypeSlice(hostname, 0, i);
        rest = `/${StringPrototypeSlice(hostname, i)}${rest}`;
        break;
      }
    }
  }
  hostname = self.hostname;
  if (hostname.length > hostnameMaxLen) self.hostname = '';
  else self.hostname = StringPrototypeToLowerCase(hostname);

  if (self.hostname !== '') {
    if (ipv6) {
      if (RegExpPrototypeExec(forbiddenHostCharsIpv6, self.hostname) !== null)
        throw new ERR_INVALID_URL(url);
    } else {
      self.hostname = legacyToASCII(self.hostname);
      if (self.hostname === '' ||
          RegExpPrototypeExec(forbiddenHostChars, self.hostname) !== null) {
        throw new ERR_INVALID_URL(url);
      }
    }
  }

  self.host = (self.hostname || '') + (self.port ? ':' + self.port : '');
  if (ipv6) {
    self.hostname = StringPrototypeSlice(self.hostname, 1, -1);
    if (rest[0] !== '/') rest = '/' + rest;
  }
  return rest;
}

/* Url#parseHost(): splits this.host into hostname and a trailing ':port'. */
Url.prototype.parseHost = function parseHost() {
  let host = this.host;
  const port = RegExpPrototypeExec(portRE, host);
  if (port !== null) {
    const p = port[0];
    if (p !== ':') this.port = StringPrototypeSlice(p, 1);
    host = StringPrototypeSlice(host, 0, host.length - p.length);
  }
  if (host) this.hostname = host;
};

// Characters of `auth` that format() leaves unescaped.
const noEscapeAuth = new Int8Array(128);
{
  const keep = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz' +
    "0123456789!'()*-._~:";
  for (let i = 0; i < keep.length; i++)
    noEscapeAuth[StringPrototypeCharCodeAt(keep, i)] = 1;
}

const hashRE = /#/g;

/* url.format(urlObject[, options]): the URL string of a Url-like object,
 * a string (parsed first) or a WHATWG URL (with options auth, fragment,
 * search, unicode). */
function urlFormat(urlObject, options) {
  if (typeof urlObject === 'string') {
    urlObject = urlParse(urlObject);
  } else if (typeof urlObject !== 'object' || urlObject === null) {
    throw new ERR_INVALID_ARG_TYPE('urlObject', ['Object', 'string'],
                                   urlObject);
  } else if (urlObject instanceof URL) {
    let fragment = true;
    let unicode = false;
    let search = true;
    let auth = true;
    if (options) {
      validateObject(options, 'options');
      if (options.fragment != null) fragment = Boolean(options.fragment);
      if (options.unicode != null) unicode = Boolean(options.unicode);
      if (options.search != null) search = Boolean(options.search);
      if (options.auth != null) auth = Boolean(options.auth);
    }
    return formatWHATWG(urlObject, fragment, unicode, search, auth);
  }
  return Url.prototype.format.call(urlObject);
}

/* The href of a WHATWG URL without its fragment, search or credentials,
 * and with a Unicode host, as the flags ask. */
function formatWHATWG(url, fragment, unicode, search, auth) {
  const record = basicParse(url.href);
  if (!fragment) record.fragment = null;
  if (!search) record.query = null;
  if (!auth) {
    record.username = '';
    record.password = '';
  }
  if (unicode && record.host !== null) record.host = hostToUnicode(record.host);
  return serialize(record);
}

/* Url#format(): the URL string of this object's fields. */
Url.prototype.format = function format() {
  let auth = this.auth || '';
  if (auth) auth = encodeStr(auth, noEscapeAuth, hexTable) + '@';

  let protocol = this.protocol || '';
  let pathname = this.pathname || '';
  let hash = this.hash || '';
  let host = '';
  let query = '';

  if (this.host) {
    host = auth + this.host;
  } else if (this.hostname) {
    host = auth + (StringPrototypeIncludes(this.hostname, ':') &&
                   !isIpv6Hostname(this.hostname) ?
      '[' + this.hostname + ']' : this.hostname);
    if (this.port) host += ':' + this.port;
  }

  if (this.query !== null && typeof this.query === 'object')
    query = lazyQuerystring().stringify(this.query);

  let search = this.search || (query && ('?' + query)) || '';

  if (protocol && StringPrototypeCharCodeAt(protocol, protocol.length - 1) !==
      58 /* : */) {
    protocol += ':';
  }

  // '#' and '?' in the pathname would be read back as hash/search.
  let escaped = '';
  let last = 0;
  for (let i = 0; i < pathname.length; i++) {
    const code = StringPrototypeCharCodeAt(pathname, i);
    if (code === 35 || code === 63) {
      escaped += StringPrototypeSlice(pathname, last, i) +
        (code === 35 ? '%23' : '%3F');
      last = i + 1;
    }
  }
  if (last > 0) pathname = escaped + StringPrototypeSlice(pathname, last);

  // Only slashed protocols get '//' unless the object had slashes.
  if (this.slashes || slashedProtocol.has(protocol)) {
    if (this.slashes || host) {
      if (pathname && StringPrototypeCharCodeAt(pathname, 0) !== 47)
        pathname = '/' + pathname;
      host = '//' + host;
    } else if (protocol.length >= 4 &&
               StringPrototypeSlice(protocol, 0, 4) === 'file') {
      host = '//';
    }
  }

  search = RegExpPrototypeSymbolReplace(hashRE, search, '%23');

  if (hash && StringPrototypeCharCodeAt(hash, 0) !== 35) hash = '#' + hash;
  if (search && StringPrototypeCharCodeAt(search, 0) !== 63)
    search = '?' + search;

  return protocol + host + pathname + search + hash;
};

/* url.resolve(from, to): `to` resolved against `from`, as a string. */
function urlResolve(source, relative) {
  return urlParse(source, false, true).resolve(relative);
}

Url.prototype.resolve = function resolve(relative) {
  return this.resolveObject(urlParse(relative, false, true)).format();
};

/* url.resolveObject(from, to): like resolve() but returns a Url. */
function urlResolveObject(source, relative) {
  if (!source) return relative;
  return urlParse(source, false, true).resolveObject(relative);
}

Url.prototype.resolveObject = function resolveObject(relative) {
  if (typeof relative === 'string') {
    const rel = new Url();
    rel.parse(relative, false, true);
    relative = rel;
  }
  const result = new Url();
  const keys = ObjectKeys(this);
  for (let i = 0; i < keys.length; i++) result[keys[i]] = this[keys[i]];
  return resolveObjectImpl(result, relative, {
    Url, slashedProtocol, hostlessProtocol,
  });
};

module.exports = {
  // Original API
  Url,
  parse: urlParse,
  resolve: urlResolve,
  resolveObject: urlResolveObject,
  format: urlFormat,

  // WHATWG API
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,

  // Utilities
  pathToFileURL,
  fileURLToPath,
  urlToHttpOptions,
};
