'use strict';
/* package_json_reader.js - one cache of package.json reads shared by the
 * CommonJS and ES module loaders, and the lookup of a file's package
 * scope. */

const {
  JSONParse,
  SafeMap,
  StringPrototypeEndsWith,
  StringPrototypeLastIndexOf,
  StringPrototypeSlice,
} = primordials;

const { readFileUtf8 } = internalBinding('fs');

const cache = new SafeMap();

/* Reads `jsonPath` (a package.json path). Returns { exists: false } when
 * absent, else { exists: true, pjsonPath, name, main, exports, imports,
 * type ('commonjs' | 'module' | 'none') }. A malformed file throws
 * ERR_INVALID_PACKAGE_CONFIG. */
function read(jsonPath) {
  const cached = cache.get(jsonPath);
  if (cached !== undefined) return cached;
  let text;
  try {
    text = readFileUtf8(jsonPath);
  } catch {
    const result = { __proto__: null, exists: false, pjsonPath: jsonPath };
    cache.set(jsonPath, result);
    return result;
  }
  let parsed;
  try {
    parsed = JSONParse(text);
  } catch (error) {
    const { codes: { ERR_INVALID_PACKAGE_CONFIG } } =
      require('internal/errors');
    const err = new ERR_INVALID_PACKAGE_CONFIG(jsonPath, undefined,
                                               error.message);
    err.cause = error;
    throw err;
  }
  const result = {
    __proto__: null,
    exists: true,
    pjsonPath: jsonPath,
    name: typeof parsed?.name === 'string' ? parsed.name : undefined,
    main: typeof parsed?.main === 'string' ? parsed.main : undefined,
    exports: parsed?.exports,
    imports: parsed?.imports,
    type: parsed?.type === 'module' || parsed?.type === 'commonjs' ?
      parsed.type : 'none',
  };
  cache.set(jsonPath, result);
  return result;
}

/* The package.json that governs `checkPath` (a file path): the nearest one
 * above it, not crossing into a node_modules folder. Returns the read()
 * result, or false when there is none. */
function getPackageScope(checkPath) {
  let separatorIndex = StringPrototypeLastIndexOf(checkPath, '/');
  while (separatorIndex > 0) {
    checkPath = StringPrototypeSlice(checkPath, 0, separatorIndex);
    if (StringPrototypeEndsWith(checkPath, '/node_modules')) return false;
    const pjson = read(checkPath + '/package.json');
    if (pjson.exists) return pjson;
    separatorIndex = StringPrototypeLastIndexOf(checkPath, '/');
  }
  const root = read('/package.json');
  return root.exists ? root : false;
}

/* The "type" of the package scope of a file path. */
function getPackageType(filename) {
  const scope = getPackageScope(filename);
  return scope ? scope.type : 'none';
}

module.exports = { read, getPackageScope, getPackageType };
