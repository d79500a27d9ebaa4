'use strict';
/* fetch_module.js (esm) - network imports (--experimental-network-imports):
 * https: URLs anywhere, http: only for local addresses, fetched with the
 * http/https modules following redirects; one fetch per URL. */

const {
  PromisePrototypeThen,
  SafeMap,
  StringPrototypeEndsWith,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
} = primordials;

const {
  codes: {
    ERR_NETWORK_IMPORT_BAD_RESPONSE,
    ERR_NETWORK_IMPORT_DISALLOWED,
  },
} = require('internal/errors');

/* href -> promise of { responseURL, source } */
const cacheForGET = new SafeMap();

/* Whether `hostname` is this machine (a loopback address). */
async function isLocalAddress(hostname) {
  try {
    if (StringPrototypeStartsWith(hostname, '[') &&
        StringPrototypeEndsWith(hostname, ']')) {
      hostname = StringPrototypeSlice(hostname, 1, -1);
    }
    const { lookup } = require('dns').promises;
    const addr = await lookup(hostname, { verbatim: true });
    if (addr.family === 4) return StringPrototypeStartsWith(addr.address,
                                                            '127.');
    return addr.address === '::1';
  } catch {
    /* unresolvable: not local */
  }
  return false;
}

function get(parsed) {
  return new Promise((resolve, reject) => {
    const mod = require(parsed.protocol === 'https:' ? 'https' : 'http');
    const req = mod.get(parsed, (res) => resolve(res));
    req.on('error', reject);
  });
}

/* GETs `parsed`, following up to 10 redirects. */
async function fetchWithRedirects(parsed) {
  let current = parsed;
  for (let i = 0; i < 10; i++) {
    const res = await get(current);
    if (res.statusCode >= 300 && res.statusCode <= 303 &&
        res.headers.location) {
      res.resume();
      current = new (require('internal/url').URL)(res.headers.location,
                                                  current);
      continue;
    }
    if (res.statusCode < 200 || res.statusCode > 299) {
      res.resume();
      throw new ERR_NETWORK_IMPORT_BAD_RESPONSE(
        current.href, `HTTP response returned status code of ` +
        `${res.statusCode}`);
    }
    const chunks = [];
    for await (const chunk of res) chunks[chunks.length] = chunk;
    const { Buffer } = require('buffer');
    return { __proto__: null, responseURL: current.href,
             source: Buffer.concat(chunks) };
  }
  throw new ERR_NETWORK_IMPORT_BAD_RESPONSE(parsed.href,
                                            'too many redirects');
}

/* { responseURL, source } of a network URL imported from parentURL. */
function fetchModule(parsed, { parentURL }) {
  const { href } = parsed;
  const existing = cacheForGET.get(href);
  if (existing !== undefined) return existing;
  let result;
  if (parsed.protocol === 'http:') {
    result = PromisePrototypeThen(isLocalAddress(parsed.hostname),
                                  (local) => {
                                    if (local !== true) {
                                      throw new ERR_NETWORK_IMPORT_DISALLOWED(
                                        href, parentURL,
                                        'http can only be used to load local ' +
                                        'resources (use https instead).');
                                    }
                                    return fetchWithRedirects(parsed);
                                  });
  } else {
    result = fetchWithRedirects(parsed);
  }
  cacheForGET.set(href, result);
  return result;
}

module.exports = { fetchModule, isLocalAddress };
