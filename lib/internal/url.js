// internal/url: WHATWG URL, file URL helpers, domainTo*, blob: URLs.
'use strict';

const {
  Boolean,
  Number,
  ObjectDefineProperties,
  ObjectGetPrototypeOf,
  SafeMap,
  SafeSet,
  StringPrototypeCharCodeAt,
  StringPrototypeIncludes,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeStartsWith,
  Symbol,
  SymbolFor,
  SymbolToStringTag,
  DecodeURIComponent,
  RegExpPrototypeSymbolReplace,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_FILE_URL_HOST,
    ERR_INVALID_FILE_URL_PATH,
    ERR_INVALID_THIS,
    ERR_INVALID_URL,
    ERR_INVALID_URL_SCHEME,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const { validateString } = require('internal/validators');
const { encodeStr } = require('internal/querystring');
const {
  USERINFO,
  percentEncode,
  toUSVString,
} = require('internal/url/percent');
const parser = require('internal/url/parser');
const { hostToUnicode } = require('internal/url/host');
const {
  URLSearchParams,
  parseParams,
  setParamsList,
  setParamsOnUpdate,
} = require('internal/url/search_params');

const {
  basicParse,
  cannotHaveUsernamePasswordPort,
  hasOpaquePath,
  includesCredentials,
  serialize,
  serializeOrigin,
  serializePath,
  stripTrailingSpacesFromOpaquePath,
  states,
} = parser;

const kInspect = SymbolFor('nodejs.util.inspect.custom');
const context = Symbol('context');
const isWindows = process.platform === 'win32';

// ada's "omitted" offset value (uint32 -1).
const OMITTED = 4294967295;

const schemeTypes = {
  __proto__: null,
  'http': 0,
  'https': 2,
  'ws': 3,
  'ftp': 4,
  'wss': 5,
  'file': 6,
};

/* The component offsets of a URL's href, shown by util.inspect with
 * showHidden (same layout as Node's ada-based URLContext). */
class URLContext {
  href = '';
  protocol_end = 0;
  username_end = 0;
  host_start = 0;
  host_end = 0;
  pathname_start = 0;
  search_start = 0;
  hash_start = 0;
  port = 0;
  scheme_type = 1;

  get hasPort() {
    return this.port !== OMITTED;
  }

  get hasSearch() {
    return this.search_start !== OMITTED;
  }

  get hasHash() {
    return this.hash_start !== OMITTED;
  }
}

/* Recomputes `ctx` from a URL record. */
function fillContext(ctx, url) {
  ctx.href = serialize(url);
  const protocolEnd = url.scheme.length + 1;
  ctx.protocol_end = protocolEnd;
  let pathnameStart;
  if (url.host !== null) {
    const usernameEnd = protocolEnd + 2 + url.username.length;
    let hostStart = usernameEnd;
    if (url.password !== '') hostStart += 1 + url.password.length;
    const creds = includesCredentials(url);
    const hostEnd = hostStart + (creds ? 1 : 0) + url.host.length;
    ctx.username_end = usernameEnd;
    ctx.host_start = hostStart;
    ctx.host_end = hostEnd;
    pathnameStart = hostEnd;
    if (url.port !== null) pathnameStart += 1 + `${url.port}`.length;
  } else {
    ctx.username_end = ctx.host_start = ctx.host_end = protocolEnd;
    pathnameStart = protocolEnd;
    if (!hasOpaquePath(url) && url.path.length > 1 && url.path[0] === '')
      pathnameStart += 2;  // The '/.' that keeps `//` out of the path.
  }
  ctx.pathname_start = pathnameStart;
  const pathEnd = pathnameStart + serializePath(url).length;
  ctx.search_start = url.query !== null ? pathEnd : OMITTED;
  if (url.fragment !== null) {
    ctx.hash_start = url.query !== null ? pathEnd + 1 + url.query.length :
      pathEnd;
  } else {
    ctx.hash_start = OMITTED;
  }
  ctx.port = url.port !== null ? url.port : OMITTED;
  const type = schemeTypes[url.scheme];
  ctx.scheme_type = type === undefined ? 1 : type;
}

let inspectFn;
function lazyInspect() {
  if (inspectFn === undefined)
    inspectFn = require('internal/util/inspect').inspect;
  return inspectFn;
}

/* Whether the host/hostname/pathname setters treat `url` as having an
 * opaque path: Node (ada) also does so for a host-less URL whose path
 * ended up empty ('sc:/..' serializes as 'sc:'). */
function looksOpaque(url) {
  return hasOpaquePath(url) || (url.host === null && url.path.length === 0);
}

function isObjectLike(v) {
  return v !== null && (typeof v === 'object' || typeof v === 'function');
}

class URL {
  #url;
  #searchParams = null;

  /* new URL(input[, base]): parses `input` (relative to `base`); throws
   * ERR_INVALID_URL when either does not parse. */
  constructor(input, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    input = toUSVString(input);
    let baseURL = null;
    if (base !== undefined) {
      baseURL = basicParse(toUSVString(base));
      if (baseURL === null) throw new ERR_INVALID_URL(input);
    }
    const url = basicParse(input, baseURL);
    if (url === null) throw new ERR_INVALID_URL(input);
    this[context] = new URLContext();
    this.#url = url;
    fillContext(this[context], url);
  }

  static #check(self) {
    if (!isObjectLike(self) || !(#url in self))
      throw new ERR_INVALID_THIS('URL');
  }

  /* Re-serializes after a change; `syncParams` refreshes searchParams
   * from the new query. */
  #changed(syncParams) {
    fillContext(this[context], this.#url);
    if (syncParams && this.#searchParams !== null) {
      const q = this.#url.query;
      setParamsList(this.#searchParams, q ? parseParams(q) : []);
    }
  }

  [kInspect](depth, opts) {
    if (typeof depth === 'number' && depth < 0) return this;
    URL.#check(this);
    const inspect = lazyInspect();
    const ctor = ObjectGetPrototypeOf(this)?.constructor;
    const name = typeof ctor === 'function' && ctor.name ? ctor.name : 'URL';
    const obj = {};
    obj.href = this.href;
    obj.origin = this.origin;
    obj.protocol = this.protocol;
    obj.username = this.username;
    obj.password = this.password;
    obj.host = this.host;
    obj.hostname = this.hostname;
    obj.port = this.port;
    obj.pathname = this.pathname;
    obj.search = this.search;
    obj.searchParams = this.searchParams;
    obj.hash = this.hash;
    if (opts.showHidden) obj[context] = this[context];
    return `${name} ${inspect(obj, opts)}`;
  }

  /* toString(): the href. */
  toString() {
    URL.#check(this);
    return this[context].href;
  }

  /* href: the whole serialized URL; setting it reparses (and throws
   * ERR_INVALID_URL on failure). */
  get href() {
    URL.#check(this);
    return this[context].href;
  }

  set href(value) {
    URL.#check(this);
    value = toUSVString(value);
    const url = basicParse(value);
    if (url === null) throw new ERR_INVALID_URL(value);
    this.#url = url;
    this.#changed(true);
  }

  /* origin: the serialized origin ('null' when opaque). */
  get origin() {
    URL.#check(this);
    return serializeOrigin(this.#url);
  }

  /* protocol: the scheme plus ':'. */
  get protocol() {
    URL.#check(this);
    return this.#url.scheme + ':';
  }

  set protocol(value) {
    URL.#check(this);
    basicParse(toUSVString(value) + ':', null, this.#url,
               states.SCHEME_START);
    this.#changed(false);
  }

  /* username: percent-encoded user name. */
  get username() {
    URL.#check(this);
    return this.#url.username;
  }

  set username(value) {
    URL.#check(this);
    value = toUSVString(value);
    if (cannotHaveUsernamePasswordPort(this.#url)) return;
    this.#url.username = percentEncode(value, USERINFO);
    this.#changed(false);
  }

  /* password: percent-encoded password. */
  get password() {
    URL.#check(this);
    return this.#url.password;
  }

  set password(value) {
    URL.#check(this);
    value = toUSVString(value);
    if (cannotHaveUsernamePasswordPort(this.#url)) return;
    this.#url.password = percentEncode(value, USERINFO);
    this.#changed(false);
  }

  /* host: hostname plus ':port' when a port is set. */
  get host() {
    URL.#check(this);
    const url = this.#url;
    // An empty host hides the port (Node/ada; see the host setter quirk).
    if (url.host === null || url.host === '') return '';
    if (url.port === null) return url.host;
    return `${url.host}:${url.port}`;
  }

  set host(value) {
    URL.#check(this);
    value = toUSVString(value);
    if (looksOpaque(this.#url)) return;
    basicParse(value, null, this.#url, states.HOST);
    this.#changed(false);
  }

  /* hostname: the serialized host ('' when none). */
  get hostname() {
    URL.#check(this);
    const host = this.#url.host;
    return host === null ? '' : host;
  }

  set hostname(value) {
    URL.#check(this);
    value = toUSVString(value);
    if (looksOpaque(this.#url)) return;
    basicParse(value, null, this.#url, states.HOSTNAME);
    this.#changed(false);
  }

  /* port: the port as a string ('' for none or the scheme's default). */
  get port() {
    URL.#check(this);
    const port = this.#url.port;
    return port === null ? '' : `${port}`;
  }

  set port(value) {
    URL.#check(this);
    value = toUSVString(value);
    if (cannotHaveUsernamePasswordPort(this.#url)) return;
    if (value === '') this.#url.port = null;
    else basicParse(value, null, this.#url, states.PORT);
    this.#changed(false);
  }

  /* pathname: the serialized path. */
  get pathname() {
    URL.#check(this);
    return serializePath(this.#url);
  }

  set pathname(value) {
    URL.#check(this);
    value = toUSVString(value);
    const url = this.#url;
    if (looksOpaque(url)) return;
    url.path = [];
    basicParse(value, null, url, states.PATH_START);
    this.#changed(false);
  }

  /* search: '?' plus the query ('' when empty or absent). */
  get search() {
    URL.#check(this);
    const query = this.#url.query;
    return query === null || query === '' ? '' : '?' + query;
  }

  set search(value) {
    URL.#check(this);
    value = toUSVString(value);
    const url = this.#url;
    if (value === '') {
      url.query = null;
      stripTrailingSpacesFromOpaquePath(url);
      this.#changed(true);
      return;
    }
    const input = value[0] === '?' ? StringPrototypeSlice(value, 1) : value;
    url.query = '';
    basicParse(input, null, url, states.QUERY);
    this.#changed(true);
  }

  /* searchParams: the live URLSearchParams of the query. */
  get searchParams() {
    URL.#check(this);
    if (this.#searchParams === null) {
      const params = new URLSearchParams();
      const query = this.#url.query;
      setParamsList(params, query ? parseParams(query) : []);
      setParamsOnUpdate(params, (serialized) => {
        const url = this.#url;
        url.query = serialized === '' ? null : serialized;
        if (url.query === null) stripTrailingSpacesFromOpaquePath(url);
        this.#changed(false);
      });
      this.#searchParams = params;
    }
    return this.#searchParams;
  }

  /* hash: '#' plus the fragment ('' when empty or absent). */
  get hash() {
    URL.#check(this);
    const fragment = this.#url.fragment;
    return fragment === null || fragment === '' ? '' : '#' + fragment;
  }

  set hash(value) {
    URL.#check(this);
    value = toUSVString(value);
    const url = this.#url;
    if (value === '') {
      url.fragment = null;
      stripTrailingSpacesFromOpaquePath(url);
      this.#changed(false);
      return;
    }
    const input = value[0] === '#' ? StringPrototypeSlice(value, 1) : value;
    url.fragment = '';
    basicParse(input, null, url, states.FRAGMENT);
    this.#changed(false);
  }

  /* toJSON(): the href. */
  toJSON() {
    URL.#check(this);
    return this[context].href;
  }

  /* URL.canParse(input[, base]): whether new URL(input, base) would
   * succeed. */
  static canParse(url, base = undefined) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    url = toUSVString(url);
    let baseURL = null;
    if (base !== undefined) {
      baseURL = basicParse(toUSVString(base));
      if (baseURL === null) return false;
    }
    return basicParse(url, baseURL) !== null;
  }

  /* URL.createObjectURL(blob): a 'blob:nodedata:<uuid>' URL registered
   * in blobURLRegistry. */
  static createObjectURL(obj) {
    if (!isBlob(obj)) throw new ERR_INVALID_ARG_TYPE('obj', 'Blob', obj);
    const id = randomUUID();
    blobURLRegistry.set(id, obj);
    return `blob:nodedata:${id}`;
  }

  /* URL.revokeObjectURL(url): forgets a URL made by createObjectURL. */
  static revokeObjectURL(url) {
    if (arguments.length === 0) throw new ERR_MISSING_ARGS('url');
    url = `${url}`;
    let parsed;
    try {
      parsed = new URL(url);
    } catch {
      return;
    }
    if (parsed.protocol !== 'blob:') return;
    const split = StringPrototypeSplit(parsed.pathname, ':');
    if (split.length === 2 && split[0] === 'nodedata')
      blobURLRegistry.delete(split[1]);
  }
}

const enumerable = { __proto__: null, enumerable: true };
ObjectDefineProperties(URL.prototype, {
  [SymbolToStringTag]: {
    __proto__: null,
    configurable: true,
    value: 'URL',
  },
  toString: enumerable,
  href: enumerable,
  origin: enumerable,
  protocol: enumerable,
  username: enumerable,
  password: enumerable,
  host: enumerable,
  hostname: enumerable,
  port: enumerable,
  pathname: enumerable,
  search: enumerable,
  searchParams: enumerable,
  hash: enumerable,
  toJSON: enumerable,
});
ObjectDefineProperties(URL, {
  canParse: enumerable,
  createObjectURL: enumerable,
  revokeObjectURL: enumerable,
});

/* blobURLRegistry: Map of blob: URL ids ('<uuid>' of
 * 'blob:nodedata:<uuid>') to Blob objects. Shared with the Blob code
 * (buffer.resolveObjectURL looks ids up here). */
const blobURLRegistry = new SafeMap();

/* resolveObjectURL(url): the Blob registered for a blob:nodedata: URL,
 * or undefined. */
function resolveObjectURL(url) {
  url = `${url}`;
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'blob:') return undefined;
  const split = StringPrototypeSplit(parsed.pathname, ':');
  if (split.length !== 2 || split[0] !== 'nodedata') return undefined;
  return blobURLRegistry.get(split[1]);
}

function isBlob(obj) {
  let blobModule;
  try {
    blobModule = require('internal/blob');
  } catch {
    blobModule = undefined;
  }
  if (blobModule !== undefined && typeof blobModule.isBlob === 'function')
    return blobModule.isBlob(obj);
  const { Blob } = require('buffer');
  return typeof Blob === 'function' && obj instanceof Blob;
}

function randomUUID() {
  return require('crypto').randomUUID();
}

/* isURL(value): whether `value` looks like a WHATWG URL object (has href
 * and protocol but not the legacy url.parse() fields auth and path). */
function isURL(self) {
  return Boolean(self?.href && self.protocol && self.auth === undefined &&
                 self.path === undefined);
}

/* domainToASCII(domain): the ASCII (punycode) serialization of a host,
 * or '' when it is not a valid host. */
function domainToASCII(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  const host = hostnameOf(`${domain}`);
  return host === null ? '' : host;
}

/* domainToUnicode(domain): the Unicode serialization of a host, or ''
 * when it is not a valid host. */
function domainToUnicode(domain) {
  if (arguments.length < 1) throw new ERR_MISSING_ARGS('domain');
  const host = hostnameOf(`${domain}`);
  return host === null ? '' : hostToUnicode(host);
}

/* The host `value` gives when set as the hostname of a special URL. */
function hostnameOf(value) {
  const url = basicParse('ws://x');
  const res = basicParse(toUSVString(value), null, url, states.HOSTNAME);
  if (res === null) return null;
  return url.host;
}

/* urlToHttpOptions(url): http.request() options from a URL object. */
function urlToHttpOptions(url) {
  const options = {
    __proto__: null,
    ...url,
    protocol: url.protocol,
    hostname: typeof url.hostname === 'string' &&
      StringPrototypeStartsWith(url.hostname, '[') ?
      StringPrototypeSlice(url.hostname, 1, -1) :
      url.hostname,
    hash: url.hash,
    search: url.search,
    pathname: url.pathname,
    path: `${url.pathname || ''}${url.search || ''}`,
    href: url.href,
  };
  if (url.port !== '') options.port = Number(url.port);
  if (url.username || url.password) {
    options.auth = `${DecodeURIComponent(url.username)}:` +
      `${DecodeURIComponent(url.password)}`;
  }
  return options;
}

const forwardSlashRE = /\//g;

function getPathFromURLWin32(url) {
  const hostname = url.hostname;
  let pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = StringPrototypeCharCodeAt(pathname, n + 2) | 0x20;
      if ((pathname[n + 1] === '2' && third === 102) ||  // 2f 2F /
          (pathname[n + 1] === '5' && third === 99)) {   // 5c 5C \
        throw new ERR_INVALID_FILE_URL_PATH(
          'must not include encoded \\ or / characters');
      }
    }
  }
  pathname = RegExpPrototypeSymbolReplace(forwardSlashRE, pathname, '\\');
  pathname = DecodeURIComponent(pathname);
  if (hostname !== '') {
    // A UNC path: file://server/share/file.
    return `\\\\${domainToUnicode(hostname)}${pathname}`;
  }
  const letter = StringPrototypeCharCodeAt(pathname, 1) | 0x20;
  const sep = pathname[2];
  if (letter < 97 || letter > 122 || sep !== ':')
    throw new ERR_INVALID_FILE_URL_PATH('must be absolute');
  return StringPrototypeSlice(pathname, 1);
}

function getPathFromURLPosix(url) {
  if (url.hostname !== '')
    throw new ERR_INVALID_FILE_URL_HOST(process.platform);
  const pathname = url.pathname;
  for (let n = 0; n < pathname.length; n++) {
    if (pathname[n] === '%') {
      const third = StringPrototypeCharCodeAt(pathname, n + 2) | 0x20;
      if (pathname[n + 1] === '2' && third === 102) {
        throw new ERR_INVALID_FILE_URL_PATH(
          'must not include encoded / characters');
      }
    }
  }
  return DecodeURIComponent(pathname);
}

/* fileURLToPath(url): the platform path of a file: URL (string or URL
 * object). */
function fileURLToPath(path) {
  if (typeof path === 'string') path = new URL(path);
  else if (!isURL(path))
    throw new ERR_INVALID_ARG_TYPE('path', ['string', 'URL'], path);
  if (path.protocol !== 'file:') throw new ERR_INVALID_URL_SCHEME('file');
  return isWindows ? getPathFromURLWin32(path) : getPathFromURLPosix(path);
}

const percentRE = /%/g;
const backslashRE = /\\/g;
const newlineRE = /\n/g;
const carriageReturnRE = /\r/g;
const tabRE = /\t/g;

/* Escapes the characters the URL parser would drop or misread in a
 * path: %, \ (POSIX only), newline, carriage return and tab. */
function encodePathChars(filepath) {
  if (StringPrototypeIncludes(filepath, '%'))
    filepath = RegExpPrototypeSymbolReplace(percentRE, filepath, '%25');
  if (!isWindows && StringPrototypeIncludes(filepath, '\\'))
    filepath = RegExpPrototypeSymbolReplace(backslashRE, filepath, '%5C');
  if (StringPrototypeIncludes(filepath, '\n'))
    filepath = RegExpPrototypeSymbolReplace(newlineRE, filepath, '%0A');
  if (StringPrototypeIncludes(filepath, '\r'))
    filepath = RegExpPrototypeSymbolReplace(carriageReturnRE, filepath, '%0D');
  if (StringPrototypeIncludes(filepath, '\t'))
    filepath = RegExpPrototypeSymbolReplace(tabRE, filepath, '%09');
  return filepath;
}

/* pathToFileURL(path): the file: URL of a path (resolved against the
 * cwd; a trailing separator is kept). */
function pathToFileURL(filepath) {
  validateString(filepath, 'path');
  const path = require('path');
  const outURL = new URL('file://');
  if (isWindows && StringPrototypeStartsWith(filepath, '\\\\')) {
    // UNC path: \\server\share\resource.
    const paths = StringPrototypeSplit(filepath, '\\');
    if (paths.length <= 3) {
      throw new ERR_INVALID_ARG_VALUE('path', filepath,
                                      'Missing UNC resource path');
    }
    const hostname = paths[2];
    if (hostname.length === 0) {
      throw new ERR_INVALID_ARG_VALUE('path', filepath,
                                      'Empty UNC servername');
    }
    outURL.hostname = domainToASCII(hostname);
    outURL.pathname = encodePathChars(
      RegExpPrototypeSymbolReplace(backslashRE,
                                   StringPrototypeSlice(
                                     filepath,
                                     StringPrototypeIndexOf(filepath, '\\',
                                                            2)),
                                   '/'));
    return outURL;
  }
  let resolved = path.resolve(filepath);
  const last = StringPrototypeCharCodeAt(filepath, filepath.length - 1);
  if ((last === 47 || (isWindows && last === 92)) &&
      resolved[resolved.length - 1] !== path.sep) {
    resolved += '/';
  }
  outURL.pathname = encodePathChars(resolved);
  return outURL;
}

/* toPathIfFileURL(value): the path of a file: URL object, or `value`
 * unchanged when it is not a URL. */
function toPathIfFileURL(fileURLOrPath) {
  if (!isURL(fileURLOrPath)) return fileURLOrPath;
  return fileURLToPath(fileURLOrPath);
}

// Legacy url.parse() protocol classes.
const unsafeProtocol = new SafeSet(['javascript', 'javascript:']);
const hostlessProtocol = new SafeSet(['javascript', 'javascript:']);
const slashedProtocol = new SafeSet([
  'http', 'http:', 'https', 'https:', 'ftp', 'ftp:', 'gopher', 'gopher:',
  'file', 'file:', 'ws', 'ws:', 'wss', 'wss:',
]);

// The setter ids of Node's native URL binding, kept for compatibility.
const urlUpdateActions = {
  kProtocol: 0,
  kHost: 1,
  kHostname: 2,
  kPort: 3,
  kUsername: 4,
  kPassword: 5,
  kPathname: 6,
  kSearch: 7,
  kHash: 8,
  kHref: 9,
};

module.exports = {
  toUSVString,
  fileURLToPath,
  pathToFileURL,
  toPathIfFileURL,
  URL,
  URLSearchParams,
  domainToASCII,
  domainToUnicode,
  urlToHttpOptions,
  encodeStr,
  isURL,
  urlUpdateActions,
  unsafeProtocol,
  hostlessProtocol,
  slashedProtocol,
  // nodus additions.
  context,
  blobURLRegistry,
  resolveObjectURL,
};
