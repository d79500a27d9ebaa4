'use strict';
// internal/wasm_web_api.js - WebAssembly.compileStreaming and
// instantiateStreaming: checks the Response and streams its body into V8's
// compiler (runtime/v8/engine_wasm.cc calls compileStreaming below).

const {
  PromisePrototypeThen,
  PromiseResolve,
} = primordials;

const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_WEBASSEMBLY_RESPONSE },
} = require('internal/errors');
const { Response } = require('internal/fetch/response');

async function feed(response, streaming) {
  if (!(response instanceof Response)) {
    throw new ERR_INVALID_ARG_TYPE('source',
                                   ['Response', 'Promise resolving to Response'],
                                   response);
  }
  const contentType = response.headers.get('Content-Type');
  if (contentType !== 'application/wasm') {
    throw new ERR_WEBASSEMBLY_RESPONSE(
      `has unsupported MIME type '${contentType}'`);
  }
  if (!response.ok) {
    throw new ERR_WEBASSEMBLY_RESPONSE(
      `has status code ${response.status}`);
  }
  if (response.bodyUsed !== false) {
    throw new ERR_WEBASSEMBLY_RESPONSE('body has already been used');
  }
  if (response.url) streaming.setURL(response.url);
  const body = response.body;
  if (body !== null) {
    for await (const chunk of body) streaming.push(chunk);
  }
}

/* Settles one streaming compile: `source` is the argument given to
 * compileStreaming (a Response or a promise of one); every byte of its
 * body goes to streaming.push, then streaming.finish(); any failure
 * (including a rejected `source`, passed on as it is) to streaming.abort. */
function compileStreaming(source, streaming) {
  PromisePrototypeThen(
    PromisePrototypeThen(PromiseResolve(source),
                         (response) => feed(response, streaming)),
    () => streaming.finish(),
    (err) => streaming.abort(err));
}

module.exports = { compileStreaming };
