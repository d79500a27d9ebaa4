'use strict';
// internal/fetch/request.js - the WHATWG Request class of fetch(): URL and
// method checks, init members, the body and clone().

const {
  ArrayPrototypeIncludes,
  ArrayPrototypeJoin,
  ObjectDefineProperties,
  ObjectDefineProperty,
  SafeFinalizationRegistry,
  SafeWeakRef,
  StringPrototypeToUpperCase,
  Symbol,
  SymbolToStringTag,
} = primordials;

const { inspect } = require('internal/util/inspect');
const {
  Headers,
  copyHeaders,
  fillHeaders,
  isToken,
} = require('internal/fetch/headers');
const {
  cloneBody,
  extractBody,
  installBodyMixin,
  isBodyUnusable,
} = require('internal/fetch/body');

const kState = Symbol('state');
const kBody = Symbol('body');
const kHeaders = Symbol('headers');
const kSignal = Symbol('signal');
const kFollower = Symbol('follower');

const normalizedMethods = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'];
const forbiddenMethods = ['CONNECT', 'TRACE', 'TRACK'];

const enums = {
  mode: ['navigate', 'same-origin', 'no-cors', 'cors'],
  credentials: ['omit', 'same-origin', 'include'],
  cache: ['default', 'no-store', 'reload', 'no-cache', 'force-cache',
          'only-if-cached'],
  redirect: ['follow', 'error', 'manual'],
  referrerPolicy: ['', 'no-referrer', 'no-referrer-when-downgrade',
                   'same-origin', 'origin', 'strict-origin',
                   'origin-when-cross-origin',
                   'strict-origin-when-cross-origin', 'unsafe-url'],
  duplex: ['half'],
};

function isRequest(value) {
  return value !== null && typeof value === 'object' && kState in value;
}

function checkBrand(value) {
  if (!isRequest(value)) throw new TypeError('Illegal invocation');
}

function checkEnum(init, member) {
  const value = `${init[member]}`;
  if (!ArrayPrototypeIncludes(enums[member], value)) {
    throw new TypeError(`Request constructor: ${value} is not an accepted ` +
                        `type. Expected one of ${ArrayPrototypeJoin(enums[member], ', ')}.`);
  }
  return value;
}

let URL;
function parseURL(input) {
  URL ??= require('internal/url').URL;
  let url;
  try {
    url = new URL(input);
  } catch (err) {
    throw new TypeError(`Failed to parse URL from ${input}`, { cause: err });
  }
  if (url.username !== '' || url.password !== '') {
    throw new TypeError('Request cannot be constructed from a URL that ' +
                        `includes credentials: ${input}`);
  }
  return url;
}

let AbortController;
let forgetFollower;
/* A signal that aborts when `parent` does (or an unaborted one). The
 * parent holds the follower weakly: many requests may follow one
 * long-lived signal, and the listener of a request that was collected is
 * removed again (the parent's listener limit is left alone, so past it
 * the usual MaxListenersExceededWarning appears, as in Node 18). */
function followSignal(parent) {
  AbortController ??= require('internal/abort_controller').AbortController;
  const controller = new AbortController();
  if (parent === null || parent === undefined) return controller.signal;
  if (parent.aborted) {
    controller.abort(parent.reason);
    return controller.signal;
  }
  // The request's signal keeps its controller alive; the parent does not.
  ObjectDefineProperty(controller.signal, kFollower, { __proto__: null,
                                                       value: controller });
  const ref = new SafeWeakRef(controller);
  const onAbort = () => ref.deref()?.abort(parent.reason);
  parent.addEventListener('abort', onAbort, { once: true });
  forgetFollower ??= new SafeFinalizationRegistry(({ signal, listener }) => {
    signal.removeEventListener('abort', listener);
  });
  forgetFollower.register(controller, { signal: parent, listener: onAbort });
  return controller.signal;
}

class Request {
  /* new Request(input[, init]): input is a URL string (or URL) or a
   * Request to copy; init overrides method, headers, body, signal,
   * redirect and the other members. */
  constructor(input, init = {}) {
    if (arguments.length < 1) {
      throw new TypeError('Request constructor: 1 argument required, but ' +
                          'only 0 present.');
    }
    if (init !== null && typeof init !== 'object') {
      throw new TypeError("Failed to construct 'Request': cannot convert " +
                          'to dictionary.');
    }
    init ??= {};
    let state;
    let inputBody = null;
    let parentSignal = null;
    if (isRequest(input)) {
      state = { ...input[kState] };
      inputBody = input[kBody];
      parentSignal = input[kSignal];
    } else {
      state = {
        method: 'GET', url: parseURL(`${input}`), mode: 'cors',
        credentials: 'same-origin', cache: 'default', redirect: 'follow',
        referrer: 'about:client', referrerPolicy: '', integrity: '',
        keepalive: false, duplex: 'half',
      };
    }

    for (const member of ['mode', 'credentials', 'cache', 'redirect',
                          'referrerPolicy', 'duplex']) {
      if (init[member] !== undefined) state[member] = checkEnum(init, member);
    }
    if (state.mode === 'navigate') {
      throw new TypeError('Request constructor: invalid request mode ' +
                          'navigate.');
    }
    if (init.integrity !== undefined) state.integrity = `${init.integrity}`;
    if (init.keepalive !== undefined) state.keepalive = !!init.keepalive;
    if (init.referrer !== undefined) {
      const referrer = `${init.referrer}`;
      state.referrer = referrer === '' ? 'no-referrer' :
        parseURL(referrer).href;
    }
    if (init.method !== undefined) {
      const method = `${init.method}`;
      if (!isToken(method)) {
        throw new TypeError(`'${method}' is not a valid HTTP method.`);
      }
      const upper = StringPrototypeToUpperCase(method);
      if (ArrayPrototypeIncludes(forbiddenMethods, upper)) {
        throw new TypeError(`'${method}' HTTP method is unsupported.`);
      }
      state.method = ArrayPrototypeIncludes(normalizedMethods, upper) ?
        upper : method;
    }
    if (init.signal !== undefined && init.signal !== null) {
      const { AbortSignal } = require('internal/abort_controller');
      if (!(init.signal instanceof AbortSignal)) {
        throw new TypeError("Failed to construct 'Request': member signal " +
                            'is not of type AbortSignal.');
      }
      parentSignal = init.signal;
    }
    this[kState] = state;
    this[kSignal] = followSignal(parentSignal);

    const headers = new Headers(undefined);
    fillHeaders(headers, init.headers !== undefined ? init.headers :
      (isRequest(input) ? input[kHeaders] : {}));
    this[kHeaders] = headers;

    const hasBody = init.body !== undefined && init.body !== null;
    if ((hasBody || inputBody !== null) &&
        (state.method === 'GET' || state.method === 'HEAD')) {
      throw new TypeError('Request with GET/HEAD method cannot have body.');
    }
    let body = inputBody;
    if (hasBody) {
      const extracted = extractBody(init.body);
      body = extracted.body;
      if (extracted.type !== null && !headers.has('content-type')) {
        headers.append('content-type', extracted.type);
      }
      if (body.source === null && init.duplex === undefined) {
        throw new TypeError('RequestInit: duplex option is required when ' +
                            'sending a body.');
      }
    } else if (inputBody !== null) {
      if (isBodyUnusable(inputBody)) {
        throw new TypeError('Cannot construct a Request with a Request ' +
                            'object that has already been used.');
      }
      // The new request takes the input's body over.
      body = cloneBody(input, kBody);
      input[kBody] = { source: null, stream: null, used: true };
    }
    this[kBody] = body;
  }

  get method() { checkBrand(this); return this[kState].method; }
  get url() { checkBrand(this); return this[kState].url.href; }
  get headers() { checkBrand(this); return this[kHeaders]; }
  get destination() { checkBrand(this); return ''; }
  get referrer() {
    checkBrand(this);
    const { referrer } = this[kState];
    return referrer === 'no-referrer' ? '' : referrer;
  }
  get referrerPolicy() { checkBrand(this); return this[kState].referrerPolicy; }
  get mode() { checkBrand(this); return this[kState].mode; }
  get credentials() { checkBrand(this); return this[kState].credentials; }
  get cache() { checkBrand(this); return this[kState].cache; }
  get redirect() { checkBrand(this); return this[kState].redirect; }
  get integrity() { checkBrand(this); return this[kState].integrity; }
  get keepalive() { checkBrand(this); return this[kState].keepalive; }
  get isReloadNavigation() { checkBrand(this); return false; }
  get isHistoryNavigation() { checkBrand(this); return false; }
  get signal() { checkBrand(this); return this[kSignal]; }
  get duplex() { checkBrand(this); return 'half'; }

  /* A copy sharing the body (a stream body is teed). */
  clone() {
    checkBrand(this);
    if (isBodyUnusable(this[kBody])) {
      throw new TypeError('Request.clone: Body has already been consumed.');
    }
    const copy = { __proto__: Request.prototype };
    copy[kState] = { ...this[kState] };
    copy[kSignal] = followSignal(this[kSignal]);
    copy[kHeaders] = copyHeaders(this[kHeaders]);
    copy[kBody] = cloneBody(this, kBody);
    return copy;
  }

  [inspect.custom](depth, options) {
    if (depth < 0) return this;
    return `Request ${inspect({
      method: this.method, url: this.url, headers: this[kHeaders],
      destination: '', referrer: this.referrer,
      referrerPolicy: this.referrerPolicy, mode: this.mode,
      credentials: this.credentials, cache: this.cache,
      redirect: this.redirect, integrity: this.integrity,
      keepalive: this.keepalive, isReloadNavigation: false,
      isHistoryNavigation: false, signal: this[kSignal],
    }, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}

installBodyMixin(Request.prototype, kBody, isRequest,
                 (request) => request[kHeaders].get('content-type'));

ObjectDefineProperties(Request.prototype, {
  [SymbolToStringTag]: { __proto__: null, value: 'Request', configurable: true },
});
for (const name of ['method', 'url', 'headers', 'destination', 'referrer',
                    'referrerPolicy', 'mode', 'credentials', 'cache',
                    'redirect', 'integrity', 'keepalive',
                    'isReloadNavigation', 'isHistoryNavigation', 'signal',
                    'duplex', 'clone']) {
  ObjectDefineProperties(Request.prototype, {
    [name]: { __proto__: null, enumerable: true },
  });
}

/* What fetch() needs of a Request: its state (method, url, redirect…),
 * headers, body and signal. */
function requestParts(request) {
  return {
    state: request[kState],
    headers: request[kHeaders],
    body: request[kBody],
    signal: request[kSignal],
  };
}

module.exports = {
  Request,
  requestParts,
};
