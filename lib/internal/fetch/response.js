'use strict';
// internal/fetch/response.js - the WHATWG Response class of fetch():
// constructor checks, Response.error/json/redirect, clone().

const {
  ArrayPrototypeIncludes,
  JSONStringify,
  ObjectDefineProperties,
  RegExpPrototypeExec,
  Symbol,
  SymbolToStringTag,
} = primordials;

const { inspect } = require('internal/util/inspect');
const {
  Headers,
  copyHeaders,
  createHeaders,
  freezeHeaders,
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

const nullBodyStatus = [101, 103, 204, 205, 304];
const redirectStatus = [301, 302, 303, 307, 308];
const reasonPhraseRe = /^[\t\x20-\x7e\x80-\xff]*$/;

function isResponse(value) {
  return value !== null && typeof value === 'object' && kState in value;
}

function checkBrand(value) {
  if (!isResponse(value)) throw new TypeError('Illegal invocation');
}

/* A Response with the given state, headers and body, made without running
 * the constructor's checks (for fetch() and the static methods). */
function makeResponse(state, headers, body) {
  const response = { __proto__: Response.prototype };
  response[kState] = {
    type: 'default', url: '', redirected: false, status: 200,
    statusText: '', ...state,
  };
  response[kHeaders] = headers;
  response[kBody] = body;
  return response;
}

class Response {
  /* new Response([body[, { status, statusText, headers }]]). */
  constructor(body = null, init = {}) {
    if (init !== null && typeof init !== 'object') {
      throw new TypeError("Failed to construct 'Response': cannot convert " +
                          'to dictionary.');
    }
    init ??= {};
    const status = init.status === undefined ? 200 : +init.status | 0;
    if (status < 200 || status > 599) {
      throw new RangeError('init["status"] must be in the range of 200 to ' +
                           '599, inclusive.');
    }
    const statusText = init.statusText === undefined ? '' : `${init.statusText}`;
    if (RegExpPrototypeExec(reasonPhraseRe, statusText) === null) {
      throw new TypeError('Invalid statusText');
    }
    this[kState] = {
      type: 'default', url: '', redirected: false, status, statusText,
    };
    this[kHeaders] = new Headers(init.headers);
    this[kBody] = null;
    if (body !== null && body !== undefined) {
      if (ArrayPrototypeIncludes(nullBodyStatus, status)) {
        throw new TypeError('Response constructor: Invalid response status ' +
                            `code ${status}`);
      }
      const extracted = extractBody(body);
      this[kBody] = extracted.body;
      if (extracted.type !== null && !this[kHeaders].has('content-type')) {
        this[kHeaders].append('content-type', extracted.type);
      }
    }
  }

  /* A network error: type 'error', status 0, immutable empty headers. */
  static error() {
    return makeResponse({ type: 'error', status: 0 },
                        createHeaders(undefined, 'immutable'), null);
  }

  /* A response whose body is JSON.stringify(data), Content-Type
   * application/json. */
  static json(data, init = {}) {
    const text = JSONStringify(data);
    if (text === undefined) {
      throw new TypeError('Value is not JSON serializable');
    }
    const response = new Response(text, init);
    if (init?.headers === undefined ||
        !new Headers(init.headers).has('content-type')) {
      response[kHeaders].set('content-type', 'application/json');
    }
    return response;
  }

  /* A redirect to `url` (resolved against nothing: it must be absolute)
   * with status 301, 302, 303, 307 or 308. */
  static redirect(url, status = 302) {
    let parsed;
    try {
      const { URL } = require('internal/url');
      parsed = new URL(`${url}`);
    } catch (err) {
      throw new TypeError(`Failed to parse URL from ${url}`, { cause: err });
    }
    status = +status | 0;
    if (!ArrayPrototypeIncludes(redirectStatus, status)) {
      throw new RangeError(`Invalid status code ${status}`);
    }
    const headers = createHeaders([['location', parsed.href]], 'immutable');
    return makeResponse({ status }, headers, null);
  }

  get type() {
    checkBrand(this);
    return this[kState].type;
  }

  /* The final URL of a fetched response ('' otherwise), without fragment. */
  get url() {
    checkBrand(this);
    return this[kState].url;
  }

  get redirected() {
    checkBrand(this);
    return this[kState].redirected;
  }

  get status() {
    checkBrand(this);
    return this[kState].status;
  }

  get ok() {
    checkBrand(this);
    return this[kState].status >= 200 && this[kState].status <= 299;
  }

  get statusText() {
    checkBrand(this);
    return this[kState].statusText;
  }

  get headers() {
    checkBrand(this);
    return this[kHeaders];
  }

  /* A copy sharing the body (a stream body is teed). */
  clone() {
    checkBrand(this);
    if (isBodyUnusable(this[kBody])) {
      throw new TypeError('Response.clone: Body has already been consumed.');
    }
    const headers = copyHeaders(this[kHeaders]);
    if (isImmutable(this)) freezeHeaders(headers);
    return makeResponse({ ...this[kState] }, headers, cloneBody(this, kBody));
  }

  [inspect.custom](depth, options) {
    if (depth < 0) return this;
    const state = this[kState];
    return `Response ${inspect({
      status: state.status, statusText: state.statusText,
      headers: this[kHeaders], body: this.body, bodyUsed: this.bodyUsed,
      ok: this.ok, redirected: state.redirected, type: state.type,
      url: state.url,
    }, { ...options, depth: options.depth == null ? null : options.depth - 1 })}`;
  }
}

function isImmutable(response) {
  const { type } = response[kState];
  return type === 'error' || type === 'basic' || type === 'cors' ||
    type === 'opaque' || type === 'opaqueredirect';
}

installBodyMixin(Response.prototype, kBody, isResponse,
                 (response) => response[kHeaders].get('content-type'));

ObjectDefineProperties(Response.prototype, {
  [SymbolToStringTag]: { __proto__: null, value: 'Response', configurable: true },
});
for (const name of ['type', 'url', 'redirected', 'status', 'ok',
                    'statusText', 'headers', 'clone']) {
  ObjectDefineProperties(Response.prototype, {
    [name]: { __proto__: null, enumerable: true },
  });
}

module.exports = {
  Response,
  makeResponse,
};
