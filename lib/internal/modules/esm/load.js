'use strict';
/* load.js (esm) - the default load hook: a module's format (from
 * get_format.js unless given) and its source (file: read from disk,
 * data: decoded), after checking its import assertions. */

const {
  ArrayPrototypeIncludes,
  ObjectKeys,
  ObjectPrototypeHasOwnProperty,
  RegExpPrototypeExec,
} = primordials;

const { getOptionValue } = require('internal/options');
const { defaultGetFormat } = require('internal/modules/esm/get_format');
const {
  codes: {
    ERR_IMPORT_ASSERTION_TYPE_FAILED,
    ERR_IMPORT_ASSERTION_TYPE_MISSING,
    ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED,
    ERR_IMPORT_ATTRIBUTE_UNSUPPORTED,
    ERR_INVALID_URL,
    ERR_UNKNOWN_MODULE_FORMAT,
    ERR_UNSUPPORTED_ESM_URL_SCHEME,
  },
} = require('internal/errors');

let urlModule;
function url() {
  urlModule ??= require('internal/url');
  return urlModule;
}

const kImplicitAssertType = 'javascript';

/* The import assertion type each format requires. */
const formatTypeMap = {
  '__proto__': null,
  'builtin': kImplicitAssertType,
  'commonjs': kImplicitAssertType,
  'json': 'json',
  'module': kImplicitAssertType,
  'wasm': kImplicitAssertType,
};

const supportedAssertionTypes = ['json'];

function handleInvalidType(href, type) {
  require('internal/validators').validateString(type, 'type');
  if (!ArrayPrototypeIncludes(supportedAssertionTypes, type)) {
    throw new ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED(type);
  }
  throw new ERR_IMPORT_ASSERTION_TYPE_FAILED(href, type);
}

/* Checks the import assertions of an import of `href` in `format`:
 * JSON needs type "json"; JavaScript formats take no type. */
function validateAssertions(href, format,
                            importAssertions = { __proto__: null }) {
  const validType = formatTypeMap[format];
  switch (validType) {
    case undefined: {
      /* Formats we do not know take any type, but no other attribute. */
      const keys = ObjectKeys(importAssertions);
      for (let i = 0; i < keys.length; i++) {
        if (keys[i] !== 'type') {
          throw new ERR_IMPORT_ATTRIBUTE_UNSUPPORTED(
            keys[i], importAssertions[keys[i]]);
        }
      }
      return true;
    }
    case kImplicitAssertType:
      if (!ObjectPrototypeHasOwnProperty(importAssertions, 'type')) return true;
      return handleInvalidType(href, importAssertions.type);
    case importAssertions.type:
      return true;
    default:
      if (!ObjectPrototypeHasOwnProperty(importAssertions, 'type')) {
        throw new ERR_IMPORT_ASSERTION_TYPE_MISSING(href, validType);
      }
      return handleInvalidType(href, importAssertions.type);
  }
}

const DATA_URL_PATTERN = /^[^/]+\/[^,;]+(?:[^,]*?)(;base64)?,([\s\S]*)$/;

/* { responseURL, source } of a file: or data: URL (source a Buffer). */
async function getSource(urlInstance, context) {
  const { protocol, href } = urlInstance;
  let source;
  if (protocol === 'file:') {
    source = await require('fs/promises').readFile(urlInstance);
  } else if (protocol === 'data:') {
    const match = RegExpPrototypeExec(DATA_URL_PATTERN, urlInstance.pathname);
    if (!match) throw new ERR_INVALID_URL(href);
    const { Buffer } = require('buffer');
    source = Buffer.from(decodeURIComponent(match[2]),
                         match[1] ? 'base64' : 'utf8');
  } else if (getOptionValue('--experimental-network-imports') &&
             (protocol === 'https:' || protocol === 'http:')) {
    return require('internal/modules/esm/fetch_module')
      .fetchModule(urlInstance, context);
  } else {
    const schemes = ['file', 'data'];
    throw new ERR_UNSUPPORTED_ESM_URL_SCHEME(urlInstance, schemes);
  }
  return { __proto__: null, responseURL: href, source };
}

/* The same synchronously (for module.register() and require paths). */
function getSourceSync(urlInstance) {
  const { protocol, href } = urlInstance;
  let source;
  if (protocol === 'file:') {
    source = require('fs').readFileSync(urlInstance);
  } else if (protocol === 'data:') {
    const match = RegExpPrototypeExec(DATA_URL_PATTERN, urlInstance.pathname);
    if (!match) throw new ERR_INVALID_URL(href);
    const { Buffer } = require('buffer');
    source = Buffer.from(decodeURIComponent(match[2]),
                         match[1] ? 'base64' : 'utf8');
  } else {
    throw new ERR_UNSUPPORTED_ESM_URL_SCHEME(urlInstance, ['file', 'data']);
  }
  return { __proto__: null, responseURL: href, source };
}

function throwIfUnsupportedURLScheme(parsed) {
  const protocol = parsed?.protocol;
  if (protocol && protocol !== 'file:' && protocol !== 'data:' &&
      protocol !== 'node:' &&
      (!getOptionValue('--experimental-network-imports') ||
       (protocol !== 'https:' && protocol !== 'http:'))) {
    const schemes = ['file', 'data', 'node'];
    throw new ERR_UNSUPPORTED_ESM_URL_SCHEME(parsed, schemes);
  }
}

/* The default load hook: { format, responseURL, source } for `href`.
 * CommonJS and builtins have a null source (they load themselves). */
async function defaultLoad(href, context = { __proto__: null }) {
  let responseURL = href;
  const { importAttributes } = context;
  let { format, source } = context;
  const urlInstance = new (url().URL)(href);
  throwIfUnsupportedURLScheme(urlInstance);
  if (format == null) format = await defaultGetFormat(urlInstance, context);
  validateAssertions(href, format, importAttributes);
  if (format === 'builtin' || format === 'commonjs') {
    source = null;
  } else if (source == null) {
    ({ responseURL, source } = await getSource(urlInstance, context));
  }
  return { __proto__: null, format, responseURL, source };
}

/* The synchronous twin of defaultLoad. */
function defaultLoadSync(href, context = { __proto__: null }) {
  let responseURL = href;
  const { importAttributes } = context;
  let { format, source } = context;
  const urlInstance = new (url().URL)(href);
  throwIfUnsupportedURLScheme(urlInstance);
  if (format == null) format = defaultGetFormat(urlInstance, context);
  validateAssertions(href, format, importAttributes);
  if (format === 'builtin' || format === 'commonjs') {
    source = null;
  } else if (source == null) {
    ({ responseURL, source } = getSourceSync(urlInstance));
  }
  return { __proto__: null, format, responseURL, source };
}

/* ERR_UNKNOWN_MODULE_FORMAT naming a data: URL's MIME type. */
function throwUnknownModuleFormat(href, format) {
  const dataUrl = RegExpPrototypeExec(
    /^data:([^/]+\/[^;,]+)(?:[^,]*?)(;base64)?,/, href);
  throw new ERR_UNKNOWN_MODULE_FORMAT(dataUrl ? dataUrl[1] : format, href);
}

module.exports = {
  defaultLoad,
  defaultLoadSync,
  getSource,
  getSourceSync,
  validateAssertions,
  throwUnknownModuleFormat,
  kImplicitAssertType,
};
