'use strict';
// internal/fetch/fetch.js - fetch(): data: URLs, and http:/https: over the
// http client (redirects, abort, content decoding) into a Response.

const {
  ArrayPrototypeIncludes,
  ArrayPrototypePush,
  ArrayPrototypeReverse,
  Promise,
  PromiseReject,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeToLowerCase,
  StringPrototypeTrim,
  Uint8Array,
} = primordials;

const { Request, requestParts } = require('internal/fetch/request');
const { makeResponse } = require('internal/fetch/response');
const {
  copyHeaders,
  createHeaders,
  dropHeader,
  freezeHeaders,
  headerPairs,
} = require('internal/fetch/headers');
const { readAllBytes, streamBody } = require('internal/fetch/body');
const { parseDataURL } = require('internal/fetch/data_url');

const redirectStatus = [301, 302, 303, 307, 308];
const nullBodyStatus = [101, 103, 204, 205, 304];
const maxRedirects = 20;

// Ports the Fetch standard blocks.
const badPorts = [
  1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77,
  79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123,
  135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530,
  531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719,
  1720, 1723, 2049, 3659, 4045, 5060, 5061, 6000, 6566, 6665, 6666, 6667,
  6668, 6669, 6697, 10080,
];

/* The TypeError fetch() rejects with, `cause` saying why. */
function networkError(cause) {
  if (typeof cause === 'string') cause = new Error(cause);
  return new TypeError('fetch failed', { cause });
}

/* fetch(input[, init]) -> Promise<Response>. */
async function fetch(input, init = undefined) {
  if (arguments.length < 1) {
    throw new TypeError("Failed to execute 'fetch' on 'Window': 1 argument " +
                        'required, but only 0 present.');
  }
  const request = new Request(input, init);
  const { state, headers, body, signal } = requestParts(request);
  if (signal.aborted) throw signal.reason;
  const { url } = state;
  switch (url.protocol) {
    case 'data:':
      return dataResponse(url);
    case 'http:':
    case 'https:': {
      const bytes = body === null ? null : await readAllBytes(body);
      return httpFetch({
        method: state.method,
        url,
        headers,
        body: bytes,
        redirect: state.redirect,
        signal,
        redirects: 0,
      });
    }
    case 'about:':
    case 'blob:':
    case 'file:':
      throw networkError('not implemented... yet...');
    default:
      throw networkError('unknown scheme');
  }
}

function dataResponse(url) {
  const parsed = parseDataURL(url.href);
  if (parsed === null) throw networkError('failed to fetch the data URL');
  return makeResponse(
    { type: 'basic', status: 200, statusText: 'OK', url: url.href },
    createHeaders([['content-type', parsed.type]], 'immutable'),
    { source: parsed.body, stream: null, used: false });
}

let agents;
/* The keep-alive agent of fetch() for `protocol` (idle sockets do not
 * keep the process alive). */
function agentFor(protocol) {
  agents ??= { __proto__: null };
  if (agents[protocol] === undefined) {
    let module;
    try {
      module = require(protocol === 'https:' ? 'https' : 'http');
    } catch (err) {
      throw networkError(err);
    }
    agents[protocol] = { module, agent: new module.Agent({ keepAlive: true }) };
  }
  return agents[protocol];
}

/* The request headers to send: host and connection, the user's, then
 * fetch's defaults. */
function outgoingHeaders(url, method, headers, body) {
  const have = (name) => headers.has(name);
  const pairs = [];
  if (!have('host')) ArrayPrototypePush(pairs, ['host', url.host]);
  if (!have('connection')) ArrayPrototypePush(pairs, ['connection', 'keep-alive']);
  for (const pair of headerPairs(headers)) ArrayPrototypePush(pairs, pair);
  if (!have('accept')) ArrayPrototypePush(pairs, ['accept', '*/*']);
  if (!have('accept-language')) ArrayPrototypePush(pairs, ['accept-language', '*']);
  if (!have('sec-fetch-mode')) ArrayPrototypePush(pairs, ['sec-fetch-mode', 'cors']);
  if (!have('user-agent')) ArrayPrototypePush(pairs, ['user-agent', 'undici']);
  if (!have('accept-encoding')) {
    ArrayPrototypePush(pairs, ['accept-encoding', 'gzip, deflate']);
  }
  if (!have('content-length')) {
    if (body !== null) {
      ArrayPrototypePush(pairs, ['content-length', `${body.length}`]);
    } else if (method === 'POST' || method === 'PUT') {
      ArrayPrototypePush(pairs, ['content-length', '0']);
    }
  }
  return pairs;
}

/* One request/response exchange, following redirects per `req.redirect`;
 * resolves with the Response. */
function httpFetch(req) {
  const { url, signal } = req;
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) :
    +url.port;
  if (ArrayPrototypeIncludes(badPorts, port)) {
    return PromiseReject(networkError('bad port'));
  }
  let transport;
  try {
    transport = agentFor(url.protocol);
  } catch (err) {
    return PromiseReject(err);
  }
  return new Promise((resolve, reject) => {
    const headerList = outgoingHeaders(url, req.method, req.headers, req.body);
    const rawHeaders = [];
    for (const { 0: name, 1: value } of headerList) {
      ArrayPrototypePush(rawHeaders, name, value);
    }
    let outgoing;
    let incoming = null;
    const onAbort = () => {
      const reason = signal.reason;
      if (incoming === null) {
        outgoing.destroy();
        reject(reason);
      } else {
        incoming.destroy(reason);
      }
    };
    const settle = () => signal.removeEventListener('abort', onAbort);
    try {
      outgoing = transport.module.request(url, {
        method: req.method,
        headers: rawHeaders,
        agent: transport.agent,
      });
    } catch (err) {
      reject(networkError(err));
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });
    outgoing.on('error', (err) => {
      settle();
      reject(networkError(err));
    });
    outgoing.on('response', (res) => {
      incoming = res;
      const location = res.headers.location;
      if (ArrayPrototypeIncludes(redirectStatus, res.statusCode) &&
          location !== undefined && req.redirect !== 'manual') {
        settle();
        res.resume();
        if (req.redirect === 'error') {
          reject(networkError('unexpected redirect'));
          return;
        }
        followRedirect(req, res, location).then(resolve, reject);
        return;
      }
      resolve(toResponse(req, res, settle));
    });
    outgoing.end(req.body === null ? undefined : req.body);
  });
}

/* The request for a redirect to `location` (status rules of the Fetch
 * standard), then its response. */
function followRedirect(req, res, location) {
  if (req.redirects >= maxRedirects) {
    return PromiseReject(networkError('redirect count exceeded'));
  }
  const { URL } = require('internal/url');
  let next;
  try {
    next = new URL(location, req.url);
  } catch (err) {
    return PromiseReject(networkError(err));
  }
  if (next.protocol !== 'http:' && next.protocol !== 'https:') {
    return PromiseReject(networkError('URL scheme must be a HTTP(S) scheme'));
  }
  const headers = copyHeaders(req.headers);
  let { method, body } = req;
  const status = res.statusCode;
  if (((status === 301 || status === 302) && method === 'POST') ||
      (status === 303 && method !== 'GET' && method !== 'HEAD')) {
    method = 'GET';
    body = null;
    for (const name of ['content-encoding', 'content-language',
                        'content-location', 'content-type',
                        'content-length']) {
      dropHeader(headers, name);
    }
  }
  if (next.origin !== req.url.origin) {
    dropHeader(headers, 'authorization');
    dropHeader(headers, 'cookie');
    dropHeader(headers, 'proxy-authorization');
  }
  return httpFetch({
    ...req, method, url: next, headers, body, redirects: req.redirects + 1,
  });
}

let zlib;
/* `res` with its Content-Encoding (gzip, deflate, br; several are undone
 * last first) removed. */
function decodeBody(res) {
  const codings = res.headers['content-encoding'];
  if (codings === undefined) return res;
  zlib ??= require('zlib');
  let stream = res;
  const list = ArrayPrototypeReverse(StringPrototypeSplit(codings, ','));
  for (const raw of list) {
    const coding = StringPrototypeToLowerCase(StringPrototypeTrim(raw));
    let decoder;
    const flush = {
      flush: zlib.constants.Z_SYNC_FLUSH,
      finishFlush: zlib.constants.Z_SYNC_FLUSH,
    };
    if (coding === 'gzip' || coding === 'x-gzip') {
      decoder = zlib.createGunzip(flush);
    } else if (coding === 'deflate') {
      decoder = zlib.createInflate(flush);
    } else if (coding === 'br') {
      decoder = zlib.createBrotliDecompress();
    } else {
      return stream; // An unknown coding: hand over what we have.
    }
    const source = stream;
    source.on('error', (err) => decoder.destroy(err));
    stream = source.pipe(decoder);
  }
  return stream;
}

/* The Response for `res` (not a redirect being followed). */
function toResponse(req, res, settle) {
  const headers = createHeaders(undefined);
  const raw = res.rawHeaders;
  for (let i = 0; i < raw.length; i += 2) headers.append(raw[i], raw[i + 1]);
  freezeHeaders(headers);
  const state = {
    type: 'basic',
    status: res.statusCode,
    statusText: res.statusMessage ?? '',
    url: urlWithoutFragment(req.url),
    redirected: req.redirects > 0,
  };
  let body = null;
  if (req.method === 'HEAD' || ArrayPrototypeIncludes(nullBodyStatus, res.statusCode)) {
    res.resume();
    settle();
  } else {
    const decoded = decodeBody(res);
    decoded.on('close', settle);
    body = streamBody(webStreamOf(decoded, res, req.signal));
  }
  return makeResponse(state, headers, body);
}

let ReadableStream;
/* A ReadableStream of `decoded` (the body of `res`): paused while the
 * stream's queue is full; an abort errors it with the signal's reason,
 * a connection lost before the end with TypeError('terminated'). */
function webStreamOf(decoded, res, signal) {
  ReadableStream ??= require('internal/webstreams/readablestream').ReadableStream;
  let failed = false;
  return new ReadableStream({
    start(controller) {
      const fail = (err) => {
        if (failed) return;
        failed = true;
        controller.error(signal.aborted ? signal.reason :
          new TypeError('terminated', { cause: err }));
      };
      decoded.on('data', (chunk) => {
        controller.enqueue(new Uint8Array(chunk.buffer, chunk.byteOffset,
                                          chunk.byteLength));
        if (controller.desiredSize <= 0) decoded.pause();
      });
      decoded.on('end', () => {
        if (!failed) controller.close();
      });
      decoded.on('error', fail);
      if (decoded !== res) res.on('error', fail);
      res.on('aborted', () => fail(new Error('other side closed')));
    },
    pull() {
      decoded.resume();
    },
    cancel() {
      failed = true;
      res.destroy();
      if (decoded !== res) decoded.destroy();
    },
  }, { highWaterMark: 65536, size: (chunk) => chunk.byteLength });
}

/* `url`'s href without its fragment (an empty one included). */
function urlWithoutFragment(url) {
  const { href } = url;
  const hash = StringPrototypeIndexOf(href, '#');
  return hash === -1 ? href : StringPrototypeSlice(href, 0, hash);
}

module.exports = { fetch };
