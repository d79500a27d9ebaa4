'use strict';
/* resolve.js (esm) - Node's module resolution algorithm for ES modules
 * (ESM_RESOLVE and PACKAGE_RESOLVE of Node's documentation): relative and
 * absolute URLs, bare package names through node_modules, package
 * "exports" and "imports" with conditions and patterns, and self-reference.
 * The CommonJS loader uses the same "exports"/"imports" resolution. */

const {
  ArrayIsArray,
  ArrayPrototypeIncludes,
  JSONStringify,
  ObjectGetOwnPropertyNames,
  ObjectPrototypeHasOwnProperty,
  RegExpPrototypeExec,
  SafeSet,
  StringPrototypeEndsWith,
  StringPrototypeIncludes,
  StringPrototypeIndexOf,
  StringPrototypeLastIndexOf,
  StringPrototypeReplace,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeStartsWith,
} = primordials;

const { internalModuleStat, realpath } = internalBinding('fs');
const { BuiltinModule } = require('internal/bootstrap/realm');
const { getOptionValue } = require('internal/options');
const packageJsonReader = require('internal/modules/package_json_reader');
const {
  codes: {
    ERR_INVALID_MODULE_SPECIFIER,
    ERR_INVALID_PACKAGE_CONFIG,
    ERR_INVALID_PACKAGE_TARGET,
    ERR_MODULE_NOT_FOUND,
    ERR_PACKAGE_IMPORT_NOT_DEFINED,
    ERR_PACKAGE_PATH_NOT_EXPORTED,
    ERR_UNSUPPORTED_DIR_IMPORT,
    ERR_UNSUPPORTED_ESM_URL_SCHEME,
  },
} = require('internal/errors');

let urlModule;
function url() {
  urlModule ??= require('internal/url');
  return urlModule;
}

const DEFAULT_CONDITIONS = ['node', 'import'];
let defaultConditions;

/* The conditions of `import` (node, import, plus --conditions). */
function getDefaultConditions() {
  if (defaultConditions === undefined) {
    const user = getOptionValue('--conditions') || [];
    defaultConditions = new SafeSet([...DEFAULT_CONDITIONS, ...user]);
  }
  return defaultConditions;
}

function getConditionsSet(conditions) {
  if (conditions !== undefined && conditions !== getDefaultConditions()) {
    if (!ArrayIsArray(conditions)) return conditions;
    return new SafeSet(conditions);
  }
  return getDefaultConditions();
}

const invalidSegmentRegEx = /(^|\\|\/)((\.|%2e)(\.|%2e)?|(n|%6e|%4e)(o|%6f|%4f)(d|%64|%44)(e|%65|%45)(_|%5f)(m|%6d|%4d)(o|%6f|%4f)(d|%64|%44)(u|%75|%55)(l|%6c|%4c)(e|%65|%45)(s|%73|%53))?(\\|\/|$)/i;
const deprecatedInvalidSegmentRegEx = /(^|\\|\/)((\.|%2e)(\.|%2e)?|(n|%6e|%4e)(o|%6f|%4f)(d|%64|%44)(e|%65|%45)(_|%5f)(m|%6d|%4d)(o|%6f|%4f)(d|%64|%44)(u|%75|%55)(l|%6c|%4c)(e|%65|%45)(s|%73|%53))(\\|\/|$)/i;
const invalidPackageNameRegEx = /^\.|%|\\/;
const patternRegEx = /\*/g;

function fileURLToPath(u) {
  return url().fileURLToPath(u);
}

function statPath(path) {
  return internalModuleStat(path);
}

function invalidPackageTarget(subpath, target, packageJSONUrl, internal,
                              base) {
  if (typeof target === 'object' && target !== null) {
    target = JSONStringify(target, null, '');
  } else {
    target = `${target}`;
  }
  return new ERR_INVALID_PACKAGE_TARGET(
    fileURLToPath(new (url().URL)('.', packageJSONUrl)), subpath, target,
    internal, base && fileURLToPath(base));
}

function exportsNotFound(subpath, packageJSONUrl, base) {
  return new ERR_PACKAGE_PATH_NOT_EXPORTED(
    fileURLToPath(new (url().URL)('.', packageJSONUrl)), subpath,
    base && fileURLToPath(base));
}

function importNotDefined(specifier, packageJSONUrl, base) {
  return new ERR_PACKAGE_IMPORT_NOT_DEFINED(
    specifier,
    packageJSONUrl && fileURLToPath(new (url().URL)('.', packageJSONUrl)),
    fileURLToPath(base));
}

function resolvePackageTargetString(target, subpath, match, packageJSONUrl,
                                    base, pattern, internal, isPathMap,
                                    conditions) {
  if (subpath !== '' && !pattern && target[target.length - 1] !== '/') {
    throw invalidPackageTarget(match, target, packageJSONUrl, internal, base);
  }
  if (!StringPrototypeStartsWith(target, './')) {
    if (internal && !StringPrototypeStartsWith(target, '../') &&
        !StringPrototypeStartsWith(target, '/')) {
      let isURL = false;
      try {
        new (url().URL)(target);
        isURL = true;
      } catch {
        /* not a URL: a bare specifier */
      }
      if (!isURL) {
        const exportTarget = pattern ?
          StringPrototypeReplace(target, patternRegEx, () => subpath) :
          target + subpath;
        return packageResolve(exportTarget, packageJSONUrl, conditions);
      }
    }
    throw invalidPackageTarget(match, target, packageJSONUrl, internal, base);
  }
  if (RegExpPrototypeExec(invalidSegmentRegEx,
                          StringPrototypeSlice(target, 2)) !== null) {
    if (RegExpPrototypeExec(deprecatedInvalidSegmentRegEx,
                            StringPrototypeSlice(target, 2)) === null) {
      /* Only "." / ".." style segments that Node still tolerates. */
    } else {
      throw invalidPackageTarget(match, target, packageJSONUrl, internal,
                                 base);
    }
  }
  const resolved = new (url().URL)(target, packageJSONUrl);
  const resolvedPath = resolved.pathname;
  const packagePath = new (url().URL)('.', packageJSONUrl).pathname;
  if (!StringPrototypeStartsWith(resolvedPath, packagePath)) {
    throw invalidPackageTarget(match, target, packageJSONUrl, internal, base);
  }
  if (subpath === '') return resolved;
  if (RegExpPrototypeExec(invalidSegmentRegEx, subpath) !== null) {
    const request = pattern ?
      StringPrototypeReplace(match, '*', () => subpath) : match + subpath;
    throw new ERR_INVALID_MODULE_SPECIFIER(
      request,
      `request is not a valid match in pattern "${match}" for the ` +
      `"${internal ? 'imports' : 'exports'}" resolution of ` +
      fileURLToPath(packageJSONUrl),
      base && fileURLToPath(base));
  }
  if (pattern) {
    return new (url().URL)(
      StringPrototypeReplace(resolved.href, patternRegEx, () => subpath));
  }
  return new (url().URL)(subpath, resolved);
}

function isArrayIndex(key) {
  const keyNum = +key;
  if (`${keyNum}` !== key) return false;
  return keyNum >= 0 && keyNum < 0xFFFF_FFFF;
}

function resolvePackageTarget(packageJSONUrl, target, subpath, packageSubpath,
                              base, pattern, internal, isPathMap,
                              conditions) {
  if (typeof target === 'string') {
    return resolvePackageTargetString(target, subpath, packageSubpath,
                                      packageJSONUrl, base, pattern, internal,
                                      isPathMap, conditions);
  } else if (ArrayIsArray(target)) {
    if (target.length === 0) return null;
    let lastException;
    for (let i = 0; i < target.length; i++) {
      let resolveResult;
      try {
        resolveResult = resolvePackageTarget(
          packageJSONUrl, target[i], subpath, packageSubpath, base, pattern,
          internal, isPathMap, conditions);
      } catch (e) {
        lastException = e;
        if (e.code === 'ERR_INVALID_PACKAGE_TARGET') continue;
        throw e;
      }
      if (resolveResult === undefined) continue;
      if (resolveResult === null) {
        lastException = null;
        continue;
      }
      return resolveResult;
    }
    if (lastException === undefined || lastException === null) {
      return lastException;
    }
    throw lastException;
  } else if (typeof target === 'object' && target !== null) {
    const keys = ObjectGetOwnPropertyNames(target);
    for (let i = 0; i < keys.length; i++) {
      if (isArrayIndex(keys[i])) {
        throw new ERR_INVALID_PACKAGE_CONFIG(
          fileURLToPath(packageJSONUrl), base && fileURLToPath(base),
          '"exports" cannot contain numeric property keys.');
      }
    }
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key === 'default' || conditions.has(key)) {
        const conditionalTarget = target[key];
        const resolveResult = resolvePackageTarget(
          packageJSONUrl, conditionalTarget, subpath, packageSubpath, base,
          pattern, internal, isPathMap, conditions);
        if (resolveResult === undefined) continue;
        return resolveResult;
      }
    }
    return undefined;
  } else if (target === null) {
    return null;
  }
  throw invalidPackageTarget(packageSubpath, target, packageJSONUrl, internal,
                             base);
}

function isConditionalExportsMainSugar(exports, packageJSONUrl, base) {
  if (typeof exports === 'string' || ArrayIsArray(exports)) return true;
  if (typeof exports !== 'object' || exports === null) return false;
  const keys = ObjectGetOwnPropertyNames(exports);
  let isConditionalSugar = false;
  let i = 0;
  for (let j = 0; j < keys.length; j++) {
    const key = keys[j];
    const curIsConditionalSugar = key === '' || key[0] !== '.';
    if (i++ === 0) {
      isConditionalSugar = curIsConditionalSugar;
    } else if (isConditionalSugar !== curIsConditionalSugar) {
      throw new ERR_INVALID_PACKAGE_CONFIG(
        fileURLToPath(packageJSONUrl), base && fileURLToPath(base),
        '"exports" cannot contain some keys starting with \'.\' and some not.' +
        ' The exports object must either be an object of package subpath keys' +
        ' or an object of main entry condition name keys only.');
    }
  }
  return isConditionalSugar;
}

/* Orders pattern keys by specificity, as PATTERN_KEY_COMPARE. */
function patternKeyCompare(a, b) {
  const aPatternIndex = StringPrototypeIndexOf(a, '*');
  const bPatternIndex = StringPrototypeIndexOf(b, '*');
  const baseLenA = aPatternIndex === -1 ? a.length : aPatternIndex + 1;
  const baseLenB = bPatternIndex === -1 ? b.length : bPatternIndex + 1;
  if (baseLenA > baseLenB) return -1;
  if (baseLenB > baseLenA) return 1;
  if (aPatternIndex === -1) return 1;
  if (bPatternIndex === -1) return -1;
  if (a.length > b.length) return -1;
  if (b.length > a.length) return 1;
  return 0;
}

/* PACKAGE_EXPORTS_RESOLVE: resolves `packageSubpath` ('.', './x') through
 * the "exports" of the package at `packageJSONUrl`; returns a URL. */
function packageExportsResolve(packageJSONUrl, packageSubpath, packageConfig,
                               base, conditions) {
  let exports = packageConfig.exports;
  if (isConditionalExportsMainSugar(exports, packageJSONUrl, base)) {
    exports = { '.': exports };
  }
  if (ObjectPrototypeHasOwnProperty(exports, packageSubpath) &&
      !StringPrototypeIncludes(packageSubpath, '*') &&
      !StringPrototypeEndsWith(packageSubpath, '/')) {
    const target = exports[packageSubpath];
    const resolveResult = resolvePackageTarget(
      packageJSONUrl, target, '', packageSubpath, base, false, false, false,
      conditions);
    if (resolveResult == null) {
      throw exportsNotFound(packageSubpath, packageJSONUrl, base);
    }
    return resolveResult;
  }

  let bestMatch = '';
  let bestMatchSubpath;
  const keys = ObjectGetOwnPropertyNames(exports);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const patternIndex = StringPrototypeIndexOf(key, '*');
    if (patternIndex !== -1 &&
        StringPrototypeStartsWith(packageSubpath,
                                  StringPrototypeSlice(key, 0, patternIndex))) {
      const patternTrailer = StringPrototypeSlice(key, patternIndex + 1);
      if (packageSubpath.length >= key.length &&
          StringPrototypeEndsWith(packageSubpath, patternTrailer) &&
          patternKeyCompare(bestMatch, key) === 1 &&
          StringPrototypeLastIndexOf(key, '*') === patternIndex) {
        bestMatch = key;
        bestMatchSubpath = StringPrototypeSlice(
          packageSubpath, patternIndex,
          packageSubpath.length - patternTrailer.length);
      }
    }
  }

  if (bestMatch) {
    const target = exports[bestMatch];
    const resolveResult = resolvePackageTarget(
      packageJSONUrl, target, bestMatchSubpath, bestMatch, base, true, false,
      StringPrototypeEndsWith(packageSubpath, '/'), conditions);
    if (resolveResult == null) {
      throw exportsNotFound(packageSubpath, packageJSONUrl, base);
    }
    return resolveResult;
  }
  throw exportsNotFound(packageSubpath, packageJSONUrl, base);
}

/* PACKAGE_IMPORTS_RESOLVE: '#name' through the nearest package's
 * "imports". */
function packageImportsResolve(name, base, conditions) {
  if (name === '#' || StringPrototypeStartsWith(name, '#/') ||
      StringPrototypeEndsWith(name, '/')) {
    const reason = 'is not a valid internal imports specifier name';
    throw new ERR_INVALID_MODULE_SPECIFIER(name, reason, fileURLToPath(base));
  }
  let packageJSONUrl;
  const packageConfig = getPackageScopeConfig(base);
  if (packageConfig.exists) {
    packageJSONUrl = url().pathToFileURL(packageConfig.pjsonPath);
    const imports = packageConfig.imports;
    if (imports) {
      if (ObjectPrototypeHasOwnProperty(imports, name) &&
          !StringPrototypeIncludes(name, '*')) {
        const resolveResult = resolvePackageTarget(
          packageJSONUrl, imports[name], '', name, base, false, true, false,
          conditions);
        if (resolveResult != null) return resolveResult;
      } else {
        let bestMatch = '';
        let bestMatchSubpath;
        const keys = ObjectGetOwnPropertyNames(imports);
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i];
          const patternIndex = StringPrototypeIndexOf(key, '*');
          if (patternIndex !== -1 &&
              StringPrototypeStartsWith(
                name, StringPrototypeSlice(key, 0, patternIndex))) {
            const patternTrailer = StringPrototypeSlice(key, patternIndex + 1);
            if (name.length >= key.length &&
                StringPrototypeEndsWith(name, patternTrailer) &&
                patternKeyCompare(bestMatch, key) === 1 &&
                StringPrototypeLastIndexOf(key, '*') === patternIndex) {
              bestMatch = key;
              bestMatchSubpath = StringPrototypeSlice(
                name, patternIndex, name.length - patternTrailer.length);
            }
          }
        }
        if (bestMatch) {
          const target = imports[bestMatch];
          const resolveResult = resolvePackageTarget(
            packageJSONUrl, target, bestMatchSubpath, bestMatch, base, true,
            true, false, conditions);
          if (resolveResult != null) return resolveResult;
        }
      }
    }
  }
  throw importNotDefined(name, packageJSONUrl, base);
}

/* The package.json governing a URL (read through the shared cache). */
function getPackageScopeConfig(resolved) {
  const path = fileURLToPath(resolved);
  const scope = packageJsonReader.getPackageScope(path);
  if (scope) return scope;
  return { __proto__: null, exists: false, pjsonPath: '', type: 'none' };
}

function parsePackageName(specifier, base) {
  let separatorIndex = StringPrototypeIndexOf(specifier, '/');
  let validPackageName = true;
  let isScoped = false;
  if (specifier[0] === '@') {
    isScoped = true;
    if (separatorIndex === -1 || specifier.length === 0) {
      validPackageName = false;
    } else {
      separatorIndex = StringPrototypeIndexOf(specifier, '/',
                                              separatorIndex + 1);
    }
  }
  const packageName = separatorIndex === -1 ?
    specifier : StringPrototypeSlice(specifier, 0, separatorIndex);
  if (RegExpPrototypeExec(invalidPackageNameRegEx, packageName) !== null) {
    validPackageName = false;
  }
  if (!validPackageName) {
    throw new ERR_INVALID_MODULE_SPECIFIER(
      specifier, 'is not a valid package name', base && fileURLToPath(base));
  }
  const packageSubpath = '.' + (separatorIndex === -1 ? '' :
    StringPrototypeSlice(specifier, separatorIndex));
  return { packageName, packageSubpath, isScoped };
}

/* PACKAGE_RESOLVE: a bare specifier from `base` (a URL). */
function packageResolve(specifier, base, conditions) {
  if (BuiltinModule.canBeRequiredWithoutScheme(specifier)) {
    return new (url().URL)('node:' + specifier);
  }
  const { packageName, packageSubpath, isScoped } =
    parsePackageName(specifier, base);

  /* Self-reference: the package's own name from inside it. */
  const packageConfig = getPackageScopeConfig(base);
  if (packageConfig.exists) {
    const packageJSONUrl = url().pathToFileURL(packageConfig.pjsonPath);
    if (packageConfig.name === packageName &&
        packageConfig.exports !== undefined && packageConfig.exports !== null) {
      return packageExportsResolve(packageJSONUrl, packageSubpath,
                                   packageConfig, base, conditions);
    }
  }

  let packageJSONUrl = new (url().URL)(
    './node_modules/' + packageName + '/package.json', base);
  let packageJSONPath = fileURLToPath(packageJSONUrl);
  let lastPath;
  do {
    const stat = statPath(StringPrototypeSlice(
      packageJSONPath, 0, packageJSONPath.length - 13));
    if (stat !== 1) {
      lastPath = packageJSONPath;
      packageJSONUrl = new (url().URL)(
        (isScoped ? '../../../../node_modules/' : '../../../node_modules/') +
        packageName + '/package.json', packageJSONUrl);
      packageJSONPath = fileURLToPath(packageJSONUrl);
      continue;
    }
    const pkg = packageJsonReader.read(packageJSONPath);
    if (pkg.exists && pkg.exports != null) {
      return packageExportsResolve(packageJSONUrl, packageSubpath, pkg, base,
                                   conditions);
    }
    if (packageSubpath === '.') {
      return legacyMainResolve(packageJSONUrl, pkg, base);
    }
    return new (url().URL)(packageSubpath, packageJSONUrl);
  } while (packageJSONPath.length !== lastPath.length);

  throw new ERR_MODULE_NOT_FOUND(packageName, fileURLToPath(base), null);
}

function fileExists(u) {
  return statPath(fileURLToPath(u)) === 0;
}

/* A package without "exports": "main", then index.js, as ESM allows. */
function legacyMainResolve(packageJSONUrl, packageConfig, base) {
  let guess;
  if (packageConfig.main !== undefined) {
    for (const suffix of ['', '.js', '.json', '.node', '/index.js',
                          '/index.json', '/index.node']) {
      guess = new (url().URL)(`./${packageConfig.main}${suffix}`,
                              packageJSONUrl);
      if (fileExists(guess)) return guess;
    }
  }
  for (const name of ['./index.js', './index.json', './index.node']) {
    guess = new (url().URL)(name, packageJSONUrl);
    if (fileExists(guess)) return guess;
  }
  throw new ERR_MODULE_NOT_FOUND(
    fileURLToPath(new (url().URL)('.', packageJSONUrl)), fileURLToPath(base));
}

function isRelativeSpecifier(specifier) {
  if (specifier[0] === '.') {
    if (specifier.length === 1 || specifier[1] === '/') return true;
    if (specifier[1] === '.') {
      if (specifier.length === 2 || specifier[2] === '/') return true;
    }
  }
  return false;
}

function shouldBeTreatedAsRelativeOrAbsolutePath(specifier) {
  if (specifier === '') return false;
  if (specifier[0] === '/') return true;
  return isRelativeSpecifier(specifier);
}

/* Checks the file a URL names (no extension searching in ESM). */
function finalizeResolution(resolved, base, preserveSymlinks) {
  if (RegExpPrototypeExec(/%2f|%5c/i, resolved.pathname) !== null) {
    throw new ERR_INVALID_MODULE_SPECIFIER(
      resolved.pathname, 'must not include encoded "/" or "\\" characters',
      fileURLToPath(base));
  }
  let path = fileURLToPath(resolved);
  const stat = statPath(StringPrototypeEndsWith(path, '/') ?
    StringPrototypeSlice(path, -1) : path);
  if (stat === 1) {
    throw new ERR_UNSUPPORTED_DIR_IMPORT(path, fileURLToPath(base),
                                         String(resolved));
  } else if (stat !== 0) {
    throw new ERR_MODULE_NOT_FOUND(path, base && fileURLToPath(base),
                                   resolved);
  }
  if (!preserveSymlinks) {
    const real = realpath(path);
    const { search, hash } = resolved;
    resolved = url().pathToFileURL(real + (StringPrototypeEndsWith(path, '/') ?
      '/' : ''));
    resolved.search = search;
    resolved.hash = hash;
  }
  return resolved;
}

/* MODULE_RESOLVE: `specifier` from `base` (a URL) -> URL. */
function moduleResolve(specifier, base, conditions, preserveSymlinks) {
  const isRemote = base.protocol === 'http:' || base.protocol === 'https:';
  let resolved;
  if (shouldBeTreatedAsRelativeOrAbsolutePath(specifier)) {
    resolved = new (url().URL)(specifier, base);
  } else if (!isRemote && specifier[0] === '#') {
    resolved = packageImportsResolve(specifier, base, conditions);
  } else {
    try {
      resolved = new (url().URL)(specifier);
    } catch {
      if (!isRemote) resolved = packageResolve(specifier, base, conditions);
    }
  }
  if (resolved.protocol !== 'file:') return resolved;
  return finalizeResolution(resolved, base, preserveSymlinks);
}

/* The loader's default resolve hook: { url } for `specifier` imported from
 * `parentURL`. Builtins resolve to node:*; data: URLs pass through. */
function defaultResolve(specifier, context = {}) {
  const { parentURL } = context;
  let parsed;
  try {
    if (shouldBeTreatedAsRelativeOrAbsolutePath(specifier)) {
      parsed = new (url().URL)(specifier, parentURL);
    } else {
      parsed = new (url().URL)(specifier);
    }
    if (parsed.protocol === 'data:') return { __proto__: null, url: parsed.href };
  } catch {
    /* not an absolute URL */
  }
  if (parsed?.protocol === 'node:') {
    const id = StringPrototypeSlice(specifier, 5);
    if (BuiltinModule.canBeRequiredByUsers(id)) {
      return { __proto__: null, url: specifier };
    }
    const { codes: { ERR_UNKNOWN_BUILTIN_MODULE } } =
      require('internal/errors');
    throw new ERR_UNKNOWN_BUILTIN_MODULE(specifier);
  }
  if (BuiltinModule.canBeRequiredWithoutScheme(specifier)) {
    return { __proto__: null, url: 'node:' + specifier };
  }
  if (parsed && parsed.protocol !== 'file:' && parsed.protocol !== 'data:') {
    throw new ERR_UNSUPPORTED_ESM_URL_SCHEME(parsed, ['file', 'data', 'node']);
  }
  const conditions = getConditionsSet(context.conditions);
  const base = parentURL !== undefined ? new (url().URL)(parentURL) :
    url().pathToFileURL(`${process.cwd()}/`);
  const resolved = moduleResolve(specifier, base, conditions,
                                 getOptionValue('--preserve-symlinks'));
  return { __proto__: null, url: resolved.href };
}

module.exports = {
  defaultResolve,
  moduleResolve,
  packageExportsResolve,
  packageImportsResolve,
  packageResolve,
  getDefaultConditions,
  getConditionsSet,
  getPackageScopeConfig,
  isRelativeSpecifier,
  DEFAULT_CONDITIONS,
  includes: ArrayPrototypeIncludes,
  split: StringPrototypeSplit,
};
