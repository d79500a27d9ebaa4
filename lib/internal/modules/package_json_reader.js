'use strict';
/* package_json_reader.js - one cache of package.json reads shared by the
 * CommonJS and ES module loaders: the raw text of each file, and the two
 * views the loaders take of it (CommonJS's lenient one and the ES loader's
 * strict one), plus the lookup of a file's package scope. */

const {
  JSONParse,
  ObjectPrototypeHasOwnProperty,
  RegExpPrototypeExec,
  SafeMap,
  StringPrototypeEndsWith,
  StringPrototypeLastIndexOf,
  StringPrototypeSlice,
} = primordials;

const { readFileUtf8 } = internalBinding('fs');

/* jsonPath -> { string, containsKeys } */
const rawCache = new SafeMap();
/* jsonPath -> filtered object or false (CommonJS view) */
const cjsCache = new SafeMap();
/* jsonPath -> package config (ES module view) */
const esmCache = new SafeMap();

const interestingKeys = /"(?:name|main|exports|imports|type)"/;

/* The text of `jsonPath`: { string } (undefined when the file cannot be
 * read) and containsKeys, whether it mentions any field the loaders use. */
function read(jsonPath) {
  const cached = rawCache.get(jsonPath);
  if (cached !== undefined) return cached;
  let string;
  try {
    string = readFileUtf8(jsonPath);
  } catch {
    string = undefined;
  }
  const result = {
    __proto__: null,
    string,
    containsKeys: string !== undefined &&
      RegExpPrototypeExec(interestingKeys, string) !== null,
  };
  rawCache.set(jsonPath, result);
  return result;
}

/* The own properties `keys` of `object` in a null-prototype object (so that
 * properties added to Object.prototype never leak in). */
function filterOwnProperties(object, keys) {
  const filtered = { __proto__: null };
  if (object === null || typeof object !== 'object') return filtered;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (ObjectPrototypeHasOwnProperty(object, key)) filtered[key] = object[key];
  }
  return filtered;
}

const kFields = ['name', 'main', 'exports', 'imports', 'type'];

/* CommonJS view of `jsonPath`: { name, main, exports, imports, type } as
 * written (own properties only), or false when there is no file. A file
 * that mentions none of those fields is not parsed. Malformed JSON throws
 * the SyntaxError, its message prefixed with "Error parsing <path>: " and
 * its `path` set, as require() reports it. */
function readPackageCJS(jsonPath) {
  const cached = cjsCache.get(jsonPath);
  if (cached !== undefined) return cached;
  const raw = read(jsonPath);
  if (raw.string === undefined) {
    cjsCache.set(jsonPath, false);
    return false;
  }
  const json = raw.containsKeys ? raw.string : '{}';
  let filtered;
  try {
    filtered = filterOwnProperties(JSONParse(json), kFields);
  } catch (e) {
    e.path = jsonPath;
    e.message = 'Error parsing ' + jsonPath + ': ' + e.message;
    throw e;
  }
  cjsCache.set(jsonPath, filtered);
  return filtered;
}

/* ES module view of `jsonPath`: { exists, pjsonPath, name, main, exports,
 * imports, type ('commonjs' | 'module' | 'none') }. Malformed JSON throws
 * ERR_INVALID_PACKAGE_CONFIG naming `specifier` and `base` (URL or path
 * strings; either may be omitted). */
function getPackageConfig(jsonPath, specifier, base) {
  const cached = esmCache.get(jsonPath);
  if (cached !== undefined) return cached;
  const raw = read(jsonPath);
  if (raw.string === undefined) {
    const missing = {
      __proto__: null,
      pjsonPath: jsonPath,
      exists: false,
      main: undefined,
      name: undefined,
      type: 'none',
      exports: undefined,
      imports: undefined,
    };
    esmCache.set(jsonPath, missing);
    return missing;
  }
  let parsed;
  try {
    parsed = JSONParse(raw.string);
  } catch (error) {
    const { codes: { ERR_INVALID_PACKAGE_CONFIG } } =
      require('internal/errors');
    let where;
    if (base !== undefined && specifier !== undefined) {
      where = `"${specifier}" from ${toPath(base)}`;
    } else if (specifier !== undefined) {
      where = toPath(specifier);
    }
    throw new ERR_INVALID_PACKAGE_CONFIG(jsonPath, where, error.message);
  }
  const own = filterOwnProperties(parsed, kFields);
  let { imports, main, name, type } = own;
  if (typeof imports !== 'object' || imports === null) imports = undefined;
  if (typeof main !== 'string') main = undefined;
  if (typeof name !== 'string') name = undefined;
  if (type !== 'module' && type !== 'commonjs') type = 'none';
  const config = {
    __proto__: null,
    pjsonPath: jsonPath,
    exists: true,
    main,
    name,
    type,
    exports: own.exports,
    imports,
  };
  esmCache.set(jsonPath, config);
  return config;
}

function toPath(urlOrPath) {
  const s = `${urlOrPath}`;
  if (StringPrototypeSlice(s, 0, 5) === 'file:') {
    try {
      return require('internal/url').fileURLToPath(s);
    } catch {
      return s;
    }
  }
  return s;
}

/* The package.json that governs `checkPath` (a file path): the nearest one
 * above it, not looking past a node_modules folder. Returns the ES view
 * (getPackageConfig) or false when there is none. */
function getPackageScope(checkPath) {
  let separatorIndex = StringPrototypeLastIndexOf(checkPath, '/');
  while (separatorIndex >= 0) {
    checkPath = StringPrototypeSlice(checkPath, 0, separatorIndex);
    if (StringPrototypeEndsWith(checkPath, '/node_modules')) return false;
    const pjson = getPackageConfig(checkPath + '/package.json');
    if (pjson.exists) return pjson;
    separatorIndex = StringPrototypeLastIndexOf(checkPath, '/');
  }
  return false;
}

/* The "type" of the package scope of a file path: 'module', 'commonjs' or
 * 'none'. */
function getPackageType(filename) {
  const scope = getPackageScope(filename);
  return scope ? scope.type : 'none';
}

/* Forgets every cached read (for tests that rewrite package.json files
 * through the loaders' own cache-busting paths). */
function clearCache() {
  rawCache.clear();
  cjsCache.clear();
  esmCache.clear();
}

module.exports = {
  read,
  readPackageCJS,
  getPackageConfig,
  getPackageScope,
  getPackageType,
  filterOwnProperties,
  clearCache,
};
