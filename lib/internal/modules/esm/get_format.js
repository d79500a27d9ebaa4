'use strict';
/* get_format.js (esm) - the format of a module from its URL: 'module',
 * 'commonjs', 'json', 'wasm' or 'builtin', from the file extension, the
 * package "type" and data: MIME types, as Node 18's default loader
 * decides it. */

const {
  RegExpPrototypeExec,
  StringPrototypeIndexOf,
  StringPrototypeLastIndexOf,
  StringPrototypeSlice,
} = primordials;

const { getOptionValue } = require('internal/options');
const {
  codes: { ERR_UNKNOWN_FILE_EXTENSION, ERR_UNKNOWN_MODULE_FORMAT },
} = require('internal/errors');

let urlModule;
function url() {
  urlModule ??= require('internal/url');
  return urlModule;
}

const extensionFormatMap = {
  '__proto__': null,
  '.cjs': 'commonjs',
  '.js': 'module',
  '.json': 'json',
  '.mjs': 'module',
};

const legacyExtensionFormatMap = {
  '__proto__': null,
  '.cjs': 'commonjs',
  '.js': 'commonjs',
  '.json': 'commonjs',
  '.mjs': 'module',
  '.node': 'commonjs',
};

function wasmEnabled() {
  return getOptionValue('--experimental-wasm-modules');
}

/* The module format of a MIME type, or null. */
function mimeToFormat(mime) {
  if (mime == null) return null;
  if (RegExpPrototypeExec(
    /^\s*(text|application)\/javascript\s*(;\s*charset=utf-?8\s*)?$/i,
    mime) !== null) {
    return 'module';
  }
  if (mime === 'application/json') return 'json';
  if (wasmEnabled() && mime === 'application/wasm') return 'wasm';
  return null;
}

function getDataProtocolModuleFormat(parsed) {
  const m = RegExpPrototypeExec(/^([^/]+\/[^;,]+)(?:[^,]*?)(;base64)?,/,
                                parsed.pathname);
  return mimeToFormat(m === null ? null : m[1]);
}

/* The extension of a URL's path ('' when none), as path.extname would
 * give for its last segment. */
function extname(u) {
  const pathname = u.pathname;
  for (let i = pathname.length - 1; i > 0; i--) {
    switch (pathname[i]) {
      case '/':
        return '';
      case '.':
        return pathname[i - 1] === '/' ? '' : StringPrototypeSlice(pathname, i);
    }
  }
  return '';
}

/* Whether the file at URL `u` starts with the WebAssembly magic. */
function isWasm(u) {
  try {
    const fs = require('fs');
    const fd = fs.openSync(u, 'r');
    const buf = require('buffer').Buffer.alloc(4);
    try {
      fs.readSync(fd, buf, 0, 4, 0);
    } finally {
      fs.closeSync(fd);
    }
    return buf[0] === 0 && buf[1] === 0x61 && buf[2] === 0x73 &&
      buf[3] === 0x6d;
  } catch {
    return false;
  }
}

/* --experimental-default-type=module: .js and extensionless files with no
 * package "type" (outside node_modules) are ES modules. */
function defaultTypeIsModule(u) {
  return getOptionValue('--experimental-default-type') === 'module' &&
    StringPrototypeIndexOf(u.pathname, '/node_modules/') === -1;
}

function getFileProtocolModuleFormat(u, context, ignoreErrors) {
  const ext = extname(u);
  if (ext === '.js') {
    const { getPackageType } = require('internal/modules/esm/resolve');
    const type = getPackageType(u);
    if (type === 'module') return 'module';
    if (type === 'none' && defaultTypeIsModule(u)) return 'module';
    return 'commonjs';
  }
  if (ext === '') {
    const { getPackageType } = require('internal/modules/esm/resolve');
    const type = getPackageType(u);
    if (type === 'module' || (type === 'none' && defaultTypeIsModule(u))) {
      return wasmEnabled() && isWasm(u) ? 'wasm' : 'module';
    }
    return 'commonjs';
  }
  if (ext === '.wasm' && wasmEnabled()) return 'wasm';
  const format = extensionFormatMap[ext];
  if (format) return format;
  if (getOptionValue('--experimental-specifier-resolution') !== 'node') {
    if (ignoreErrors) return undefined;
    const filepath = url().fileURLToPath(u);
    throw new ERR_UNKNOWN_FILE_EXTENSION(ext, filepath);
  }
  return legacyExtensionFormatMap[ext] ?? null;
}

function toURL(u) {
  if (typeof u === 'string') return new (url().URL)(u);
  return u;
}

/* The format of the module at `u` (URL or URL string); throws
 * ERR_UNKNOWN_FILE_EXTENSION for a file: URL of unknown extension.
 * Unknown schemes give null. */
function defaultGetFormat(u, context) {
  u = toURL(u);
  switch (u.protocol) {
    case 'data:':
      return getDataProtocolModuleFormat(u);
    case 'file:':
      return getFileProtocolModuleFormat(u, context, false);
    case 'node:':
      return 'builtin';
    case 'http:':
    case 'https:':
      return mimeToFormat(null) ?? getHttpFormat(u);
  }
  return null;
}

/* Same, but undefined instead of throwing for unknown extensions. */
function defaultGetFormatWithoutErrors(u, context) {
  u = toURL(u);
  switch (u.protocol) {
    case 'data:':
      return getDataProtocolModuleFormat(u);
    case 'file:':
      return getFileProtocolModuleFormat(u, context, true);
    case 'node:':
      return 'builtin';
  }
  return null;
}

/* Network imports: the format follows the extension. */
function getHttpFormat(u) {
  const ext = extname(u);
  if (ext === '.mjs' || ext === '.js' || ext === '') return 'module';
  if (ext === '.json') return 'json';
  throw new ERR_UNKNOWN_MODULE_FORMAT(ext, `${u}`);
}

/* The extension of a path string (for messages). */
function extOfPath(p) {
  const slash = StringPrototypeLastIndexOf(p, '/');
  const dot = StringPrototypeLastIndexOf(p, '.');
  return dot > slash + 1 ? StringPrototypeSlice(p, dot) : '';
}

module.exports = {
  defaultGetFormat,
  defaultGetFormatWithoutErrors,
  extensionFormatMap,
  extname,
  extOfPath,
  mimeToFormat,
};
