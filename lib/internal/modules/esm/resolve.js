'use strict';
/* resolve.js (esm) - Node's module resolution algorithm for ES modules
 * (ESM_RESOLVE and PACKAGE_RESOLVE of Node's documentation): relative and
 * absolute URLs, bare package names through node_modules, package
 * "exports" and "imports" with conditions and patterns, self-reference,
 * and the deprecations Node 18 still tolerates. The CommonJS loader uses
 * the same "exports"/"imports" resolution. */

const {
  ArrayIsArray,
  ArrayPrototypeJoin,
  ArrayPrototypeSlice,
  JSONStringify,
  ObjectGetOwnPropertyNames,
  ObjectPrototypeHasOwnProperty,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolReplace,
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

const { internalModuleStat } = internalBinding('fs');
const { BuiltinModule } = require('internal/bootstrap/realm');
const { getOptionValue } = require('internal/options');
const packageJsonReader = require('internal/modules/package_json_reader');
const {
  codes: {
    ERR_INPUT_TYPE_NOT_ALLOWED,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_MODULE_SPECIFIER,
    ERR_INVALID_PACKAGE_CONFIG,
    ERR_INVALID_PACKAGE_TARGET,
    ERR_MODULE_NOT_FOUND,
    ERR_NETWORK_IMPORT_DISALLOWED,
    ERR_PACKAGE_IMPORT_NOT_DEFINED,
    ERR_PACKAGE_PATH_NOT_EXPORTED,
    ERR_UNSUPPORTED_DIR_IMPORT,
  },
} = require('internal/errors');

let urlModule;
function url() {
  urlModule ??= require('internal/url');
  return urlModule;
}
function newURL(input, base) {
  const { URL } = url();
  return base === undefined ? new URL(input) : new URL(input, base);
}
function fileURLToPath(u) {
  return url().fileURLToPath(u);
}
function pathToFileURL(p) {
  return url().pathToFileURL(p);
}

const DEFAULT_CONDITIONS = ['node', 'import'];
let defaultConditions;
let defaultConditionsSet;

function initializeConditions() {
  const user = getOptionValue('--conditions') || [];
  const list = ['node', 'import'];
  if (getOptionValue('--addons') !== false) list[list.length] = 'node-addons';
  for (let i = 0; i < user.length; i++) list[list.length] = user[i];
  defaultConditions = primordials.ObjectFreeze(list);
  defaultConditionsSet = setOf(list);
}

/* A SafeSet of an array's elements (without the array iterator, which
 * user code may have removed). */
function setOf(list) {
  const set = new SafeSet();
  for (let i = 0; i < list.length; i++) set.add(list[i]);
  return set;
}

/* The conditions `import` matches: node, import, node-addons (unless
 * --no-addons), plus --conditions. */
function getDefaultConditions() {
  if (defaultConditions === undefined) initializeConditions();
  return defaultConditions;
}

function getDefaultConditionsSet() {
  if (defaultConditionsSet === undefined) initializeConditions();
  return defaultConditionsSet;
}

/* A Set of the conditions in `conditions` (an array, as a resolve hook's
 * context carries them), the defaults when undefined. */
function getConditionsSet(conditions) {
  if (conditions !== undefined && conditions !== getDefaultConditions()) {
    if (!ArrayIsArray(conditions)) {
      throw new ERR_INVALID_ARG_VALUE('conditions', conditions,
                                      'expected an array');
    }
    return setOf(conditions);
  }
  return getDefaultConditionsSet();
}

/* A path segment that is ".", "..", "node_modules" (any case, perhaps
 * percent-encoded), or empty (the optional group): [deprecated] invalid in
 * "exports"/"imports" targets and subpaths. */
const segmentChars = '(\\.|%2e)(\\.|%2e)?|(n|%6e|%4e)(o|%6f|%4f)(d|%64|%44)' +
  '(e|%65|%45)(_|%5f)(m|%6d|%4d)(o|%6f|%4f)(d|%64|%44)(u|%75|%55)' +
  '(l|%6c|%4c)(e|%65|%45)(s|%73|%53)';
const invalidSegmentRegEx =
  new RegExp(`(^|\\\\|\\/)(${segmentChars})?(\\\\|\\/|$)`, 'i');
const deprecatedInvalidSegmentRegEx =
  new RegExp(`(^|\\\\|\\/)(${segmentChars})(\\\\|\\/|$)`, 'i');
const invalidPackageNameRegEx = /^\.|%|\\/;
const patternRegEx = /\*/g;
const encodedSepRegEx = /%2f|%5c/i;
const doubleSlashRegEx = /[/\\][/\\]/;

const emittedPackageWarnings = new SafeSet();

let pendingDeprecation;
function isPendingDeprecation() {
  pendingDeprecation ??= getOptionValue('--pending-deprecation');
  return pendingDeprecation;
}

function emitTrailingSlashPatternDeprecation(match, pjsonUrl, base) {
  const pjsonPath = fileURLToPath(pjsonUrl);
  if (emittedPackageWarnings.has(pjsonPath + '|' + match)) return;
  emittedPackageWarnings.add(pjsonPath + '|' + match);
  process.emitWarning(
    `Use of deprecated trailing slash pattern mapping "${match}" in the ` +
    `"exports" field module resolution of the package at ${pjsonPath}` +
    `${base ? ` imported from ${fileURLToPath(base)}` : ''}. Mapping ` +
    'specifiers ending in "/" is no longer supported.',
    'DeprecationWarning', 'DEP0155');
}

function emitInvalidSegmentDeprecation(target, request, match, packageJSONUrl,
                                       internal, base, isTarget) {
  if (!isPendingDeprecation()) return;
  const pjsonPath = fileURLToPath(packageJSONUrl);
  const double = RegExpPrototypeExec(doubleSlashRegEx,
                                     isTarget ? target : request) !== null;
  process.emitWarning(
    `Use of deprecated ${double ? 'double slash' :
      'leading or trailing slash matching'} resolving "${target}" for ` +
    `module request "${request}" ${request !== match ?
      `matched to "${match}" ` : ''}in the "${internal ? 'imports' :
      'exports'}" field module resolution of the package at ${pjsonPath}` +
    `${base ? ` imported from ${fileURLToPath(base)}` : ''}.`,
    'DeprecationWarning', 'DEP0166');
}

/* DEP0151: a package main found by extension or index searching, for an
 * ES module. */
function emitLegacyIndexDeprecation(found, packageJSONUrl, base, main) {
  const { defaultGetFormatWithoutErrors } =
    require('internal/modules/esm/get_format');
  if (defaultGetFormatWithoutErrors(found) !== 'module') return;
  const path = fileURLToPath(found);
  const pkgPath = fileURLToPath(newURL('.', packageJSONUrl));
  const basePath = fileURLToPath(base);
  if (!main) {
    process.emitWarning(
      `No "main" or "exports" field defined in the package.json for ` +
      `${pkgPath} resolving the main entry point "` +
      `${StringPrototypeSlice(path, pkgPath.length)}", imported from ` +
      `${basePath}.\nDefault "index" lookups for the main are deprecated ` +
      'for ES modules.',
      'DeprecationWarning', 'DEP0151');
  } else if (StringPrototypeSlice(path, -main.length) !== main) {
    process.emitWarning(
      `Package ${pkgPath} has a "main" field set to ${JSONStringify(main)}, ` +
      'excluding the full filename and extension to the resolved file at "' +
      `${StringPrototypeSlice(path, pkgPath.length)}", imported from ` +
      `${basePath}.\n Automatic extension resolution of the "main" field ` +
      'is deprecated for ES modules.',
      'DeprecationWarning', 'DEP0151');
  }
}

function fileExists(u) {
  return internalModuleStat(fileURLToPath(u)) === 0;
}

const legacyMainSuffixes = ['.js', '.json', '.node', '/index.js',
                            '/index.json', '/index.node'];

/* A package without "exports": its "main" (with CommonJS-style extension
 * and index guessing, deprecated for ES modules), then index.js. */
function legacyMainResolve(packageJSONUrl, packageConfig, base) {
  let guess;
  const main = packageConfig.main;
  if (main !== undefined) {
    guess = newURL(`./${main}`, packageJSONUrl);
    if (fileExists(guess)) return guess;
    for (let i = 0; i < legacyMainSuffixes.length; i++) {
      guess = newURL(`./${main}${legacyMainSuffixes[i]}`, packageJSONUrl);
      if (fileExists(guess)) {
        emitLegacyIndexDeprecation(guess, packageJSONUrl, base, main);
        return guess;
      }
    }
  }
  const indexes = ['./index.js', './index.json', './index.node'];
  for (let i = 0; i < indexes.length; i++) {
    guess = newURL(indexes[i], packageJSONUrl);
    if (fileExists(guess)) {
      emitLegacyIndexDeprecation(guess, packageJSONUrl, base, main);
      return guess;
    }
  }
  throw new ERR_MODULE_NOT_FOUND(
    fileURLToPath(newURL('.', packageJSONUrl)), fileURLToPath(base),
    undefined);
}

function realpathSync(p) {
  return require('fs').realpathSync(p);
}

/* Checks the file a resolved file: URL names (ES modules search no
 * extensions or directories) and follows symlinks unless preserved. */
function finalizeResolution(resolved, base, preserveSymlinks) {
  if (RegExpPrototypeExec(encodedSepRegEx, resolved.pathname) !== null) {
    throw new ERR_INVALID_MODULE_SPECIFIER(
      resolved.pathname, 'must not include encoded "/" or "\\" characters',
      fileURLToPath(base));
  }
  let path;
  try {
    path = fileURLToPath(resolved);
  } catch (err) {
    setOwn(err, 'input', `${resolved}`);
    setOwn(err, 'module', `${base}`);
    throw err;
  }
  if (getOptionValue('--experimental-specifier-resolution') === 'node') {
    let file = resolveExtensionsWithTryExactName(resolved);
    if (file === undefined) {
      file = StringPrototypeEndsWith(path, '/') ?
        (resolveDirectoryEntry(resolved) || resolved) :
        resolveDirectoryEntry(newURL(`${resolved}/`));
      if (file === resolved) return file;
      if (file === undefined) {
        throw new ERR_MODULE_NOT_FOUND(resolved.pathname,
                                       fileURLToPath(base), resolved);
      }
    }
    resolved = file;
    path = fileURLToPath(resolved);
  }
  /* Node stats the last character of a trailing-slash path, so any such
   * path is a directory import. */
  const stats = internalModuleStat(StringPrototypeEndsWith(path, '/') ?
    StringPrototypeSlice(path, -1) : path);
  if (stats === 1) {
    throw new ERR_UNSUPPORTED_DIR_IMPORT(path, fileURLToPath(base),
                                         `${resolved}`);
  } else if (stats !== 0) {
    throw new ERR_MODULE_NOT_FOUND(path || resolved.pathname,
                                   base && fileURLToPath(base), resolved);
  }
  if (!preserveSymlinks) {
    const real = realpathSync(path);
    const { search, hash } = resolved;
    resolved = pathToFileURL(real + (StringPrototypeEndsWith(path, '/') ?
      '/' : ''));
    resolved.search = search;
    resolved.hash = hash;
  }
  return resolved;
}

function setOwn(obj, key, value) {
  primordials.ObjectDefineProperty(obj, key, {
    __proto__: null, configurable: true, enumerable: true, writable: true,
    value,
  });
}

/* --experimental-specifier-resolution=node: CommonJS-style guessing. */
function resolveExtensionsWithTryExactName(search) {
  if (fileExists(search)) return search;
  return resolveExtensions(search);
}

function resolveExtensions(search) {
  const exts = ['.js', '.json', '.node', '.mjs'];
  for (let i = 0; i < exts.length; i++) {
    const guess = newURL(`${search.pathname}${exts[i]}`, search);
    if (fileExists(guess)) return guess;
  }
  return undefined;
}

function resolveDirectoryEntry(search) {
  const dirPath = fileURLToPath(search);
  const pkgJsonPath = require('path').resolve(dirPath, 'package.json');
  if (fileExists(pathToFileURL(pkgJsonPath))) {
    const pkg = packageJsonReader.getPackageConfig(pkgJsonPath);
    if (pkg.exists && pkg.main) {
      const mainUrl = pathToFileURL(require('path').resolve(dirPath,
                                                            pkg.main));
      return resolveExtensionsWithTryExactName(mainUrl);
    }
  }
  return resolveExtensions(newURL('index', search));
}

function importNotDefined(specifier, packageJSONUrl, base) {
  return new ERR_PACKAGE_IMPORT_NOT_DEFINED(
    specifier,
    packageJSONUrl && fileURLToPath(newURL('.', packageJSONUrl)),
    fileURLToPath(base));
}

function exportsNotFound(subpath, packageJSONUrl, base) {
  return new ERR_PACKAGE_PATH_NOT_EXPORTED(
    fileURLToPath(newURL('.', packageJSONUrl)), subpath,
    base && fileURLToPath(base));
}

function throwInvalidSubpath(request, match, packageJSONUrl, internal,
                             base) {
  const reason = `request is not a valid match in pattern "${match}" for ` +
    `the "${internal ? 'imports' : 'exports'}" resolution of ` +
    fileURLToPath(packageJSONUrl);
  throw new ERR_INVALID_MODULE_SPECIFIER(request, reason,
                                         base && fileURLToPath(base));
}

function invalidPackageTarget(subpath, target, packageJSONUrl, internal,
                              base) {
  if (typeof target === 'object' && target !== null) {
    target = JSONStringify(target, null, '');
  } else {
    target = `${target}`;
  }
  return new ERR_INVALID_PACKAGE_TARGET(
    fileURLToPath(newURL('.', packageJSONUrl)), subpath, target, internal,
    base && fileURLToPath(base));
}

function isURLString(s) {
  try {
    newURL(s);
    return true;
  } catch {
    return false;
  }
}

function resolvePackageTargetString(target, subpath, match, packageJSONUrl,
                                    base, pattern, internal, isPathMap,
                                    conditions) {
  if (subpath !== '' && !pattern && target[target.length - 1] !== '/') {
    throw invalidPackageTarget(match, target, packageJSONUrl, internal, base);
  }
  if (!StringPrototypeStartsWith(target, './')) {
    if (internal && !StringPrototypeStartsWith(target, '../') &&
        !StringPrototypeStartsWith(target, '/') && !isURLString(target)) {
      const exportTarget = pattern ?
        RegExpPrototypeSymbolReplace(patternRegEx, target, () => subpath) :
        target + subpath;
      return packageResolve(exportTarget, packageJSONUrl, conditions);
    }
    throw invalidPackageTarget(match, target, packageJSONUrl, internal, base);
  }
  const targetRest = StringPrototypeSlice(target, 2);
  if (RegExpPrototypeExec(invalidSegmentRegEx, targetRest) !== null) {
    if (RegExpPrototypeExec(deprecatedInvalidSegmentRegEx, targetRest) ===
        null) {
      if (!isPathMap) {
        const resolvedTarget = pattern ?
          RegExpPrototypeSymbolReplace(patternRegEx, target, () => subpath) :
          target;
        emitInvalidSegmentDeprecation(resolvedTarget, match, match,
                                      packageJSONUrl, internal, base, true);
      }
    } else {
      throw invalidPackageTarget(match, target, packageJSONUrl, internal,
                                 base);
    }
  }
  const resolved = newURL(target, packageJSONUrl);
  const resolvedPath = resolved.pathname;
  const packagePath = newURL('.', packageJSONUrl).pathname;
  if (!StringPrototypeStartsWith(resolvedPath, packagePath)) {
    throw invalidPackageTarget(match, target, packageJSONUrl, internal, base);
  }
  if (subpath === '') return resolved;
  if (RegExpPrototypeExec(invalidSegmentRegEx, subpath) !== null) {
    const request = pattern ?
      StringPrototypeReplace(match, '*', () => subpath) : match + subpath;
    if (RegExpPrototypeExec(deprecatedInvalidSegmentRegEx, subpath) ===
        null) {
      if (!isPathMap) {
        const resolvedTarget = pattern ?
          RegExpPrototypeSymbolReplace(patternRegEx, target, () => subpath) :
          target;
        emitInvalidSegmentDeprecation(resolvedTarget, request, match,
                                      packageJSONUrl, internal, base, false);
      }
    } else {
      throwInvalidSubpath(request, match, packageJSONUrl, internal, base);
    }
  }
  if (pattern) {
    return newURL(RegExpPrototypeSymbolReplace(patternRegEx, resolved.href,
                                               () => subpath));
  }
  return newURL(subpath, resolved);
}

function isArrayIndex(key) {
  const keyNum = +key;
  if (`${keyNum}` !== key) return false;
  return keyNum >= 0 && keyNum < 0xFFFF_FFFF;
}

/* RESOLVE_PACKAGE_TARGET: a URL, null (explicitly not exported) or
 * undefined (no condition matched). */
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
          fileURLToPath(packageJSONUrl), base,
          '"exports" cannot contain numeric property keys.');
      }
    }
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i];
      if (key === 'default' || conditions.has(key)) {
        const resolveResult = resolvePackageTarget(
          packageJSONUrl, target[key], subpath, packageSubpath, base,
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
  for (let j = 0; j < keys.length; j++) {
    const key = keys[j];
    const curIsConditionalSugar = key === '' || key[0] !== '.';
    if (j === 0) {
      isConditionalSugar = curIsConditionalSugar;
    } else if (isConditionalSugar !== curIsConditionalSugar) {
      throw new ERR_INVALID_PACKAGE_CONFIG(
        fileURLToPath(packageJSONUrl), base,
        '"exports" cannot contain some keys starting with \'.\' and some ' +
        'not. The exports object must either be an object of package ' +
        'subpath keys or an object of main entry condition name keys only.');
    }
  }
  return isConditionalSugar;
}

/* Orders pattern keys by specificity (PATTERN_KEY_COMPARE). */
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

/* The most specific pattern key of `map` matching `name`:
 * [key, subpath] or undefined. */
function bestPatternMatch(map, name, onTrailingSlash) {
  let bestMatch = '';
  let bestMatchSubpath;
  const keys = ObjectGetOwnPropertyNames(map);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const patternIndex = StringPrototypeIndexOf(key, '*');
    if (patternIndex !== -1 &&
        StringPrototypeStartsWith(name,
                                  StringPrototypeSlice(key, 0, patternIndex))) {
      if (onTrailingSlash !== undefined &&
          StringPrototypeEndsWith(name, '/')) {
        onTrailingSlash();
      }
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
  return bestMatch ? [bestMatch, bestMatchSubpath] : undefined;
}

/* PACKAGE_EXPORTS_RESOLVE: `packageSubpath` ('.', './x') through the
 * "exports" of the package at `packageJSONUrl`; returns a URL. */
function packageExportsResolve(packageJSONUrl, packageSubpath, packageConfig,
                               base, conditions) {
  let exports = packageConfig.exports;
  if (isConditionalExportsMainSugar(exports, packageJSONUrl, base)) {
    exports = { '.': exports };
  }
  if (ObjectPrototypeHasOwnProperty(exports, packageSubpath) &&
      !StringPrototypeIncludes(packageSubpath, '*') &&
      !StringPrototypeEndsWith(packageSubpath, '/')) {
    const resolveResult = resolvePackageTarget(
      packageJSONUrl, exports[packageSubpath], '', packageSubpath, base,
      false, false, false, conditions);
    if (resolveResult == null) {
      throw exportsNotFound(packageSubpath, packageJSONUrl, base);
    }
    return resolveResult;
  }
  const match = bestPatternMatch(exports, packageSubpath, () =>
    emitTrailingSlashPatternDeprecation(packageSubpath, packageJSONUrl, base));
  if (match !== undefined) {
    const resolveResult = resolvePackageTarget(
      packageJSONUrl, exports[match[0]], match[1], match[0], base, true,
      false, StringPrototypeEndsWith(packageSubpath, '/'), conditions);
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
    packageJSONUrl = pathToFileURL(packageConfig.pjsonPath);
    const imports = packageConfig.imports;
    if (imports) {
      if (ObjectPrototypeHasOwnProperty(imports, name) &&
          !StringPrototypeIncludes(name, '*')) {
        const resolveResult = resolvePackageTarget(
          packageJSONUrl, imports[name], '', name, base, false, true, false,
          conditions);
        if (resolveResult != null) return resolveResult;
      } else {
        const match = bestPatternMatch(imports, name);
        if (match !== undefined) {
          const resolveResult = resolvePackageTarget(
            packageJSONUrl, imports[match[0]], match[1], match[0], base, true,
            true, false, conditions);
          if (resolveResult != null) return resolveResult;
        }
      }
    }
  }
  throw importNotDefined(name, packageJSONUrl, base);
}

/* The package config governing URL `resolved` (the shared cache's ES
 * view); { exists: false, ... } at the root or a node_modules folder. */
function getPackageScopeConfig(resolved) {
  let packageJSONUrl = newURL('./package.json', resolved);
  while (true) {
    const packageJSONPath = packageJSONUrl.pathname;
    if (StringPrototypeEndsWith(packageJSONPath, 'node_modules/package.json'))
      break;
    const packageConfig = packageJsonReader.getPackageConfig(
      fileURLToPath(packageJSONUrl), resolved);
    if (packageConfig.exists) return packageConfig;
    const lastPackageJSONUrl = packageJSONUrl;
    packageJSONUrl = newURL('../package.json', packageJSONUrl);
    if (packageJSONUrl.pathname === lastPackageJSONUrl.pathname) break;
  }
  const packageJSONPath = fileURLToPath(packageJSONUrl);
  return {
    __proto__: null,
    pjsonPath: packageJSONPath,
    exists: false,
    main: undefined,
    name: undefined,
    type: 'none',
    exports: undefined,
    imports: undefined,
  };
}

/* The "type" of the package scope of URL `u`. */
function getPackageType(u) {
  return getPackageScopeConfig(u).type;
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
      specifier, 'is not a valid package name', fileURLToPath(base));
  }
  const packageSubpath = '.' + (separatorIndex === -1 ? '' :
    StringPrototypeSlice(specifier, separatorIndex));
  return { packageName, packageSubpath, isScoped };
}

/* PACKAGE_RESOLVE: a bare specifier from `base` (a URL or URL string). */
function packageResolve(specifier, base, conditions) {
  if (BuiltinModule.canBeRequiredWithoutScheme(specifier)) {
    return newURL('node:' + specifier);
  }
  const { packageName, packageSubpath, isScoped } =
    parsePackageName(specifier, base);

  /* Self-reference: the package's own name from inside it. */
  const packageConfig = getPackageScopeConfig(base);
  if (packageConfig.exists) {
    const packageJSONUrl = pathToFileURL(packageConfig.pjsonPath);
    if (packageConfig.name === packageName &&
        packageConfig.exports !== undefined && packageConfig.exports !== null) {
      return packageExportsResolve(packageJSONUrl, packageSubpath,
                                   packageConfig, base, conditions);
    }
  }

  let packageJSONUrl =
    newURL('./node_modules/' + packageName + '/package.json', base);
  let packageJSONPath = fileURLToPath(packageJSONUrl);
  let lastPath;
  do {
    const stat = internalModuleStat(StringPrototypeSlice(
      packageJSONPath, 0, packageJSONPath.length - 13));
    if (stat !== 1) {
      lastPath = packageJSONPath;
      packageJSONUrl = newURL(
        (isScoped ? '../../../../node_modules/' : '../../../node_modules/') +
        packageName + '/package.json', packageJSONUrl);
      packageJSONPath = fileURLToPath(packageJSONUrl);
      continue;
    }
    const config = packageJsonReader.getPackageConfig(packageJSONPath,
                                                      specifier, base);
    if (config.exports != null) {
      return packageExportsResolve(packageJSONUrl, packageSubpath, config,
                                   base, conditions);
    }
    if (packageSubpath === '.') {
      return legacyMainResolve(packageJSONUrl, config, base);
    }
    return newURL(packageSubpath, packageJSONUrl);
  } while (packageJSONPath.length !== lastPath.length);

  throw new ERR_MODULE_NOT_FOUND(packageName, fileURLToPath(base), undefined);
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

/* MODULE_RESOLVE: `specifier` from `base` (URL or URL string) -> URL. */
function moduleResolve(specifier, base, conditions, preserveSymlinks) {
  const protocol = typeof base === 'string' ?
    StringPrototypeSlice(base, 0, StringPrototypeIndexOf(base, ':') + 1) :
    base.protocol;
  const isRemote = protocol === 'http:' || protocol === 'https:';
  let resolved;
  if (shouldBeTreatedAsRelativeOrAbsolutePath(specifier)) {
    resolved = newURL(specifier, base);
  } else if (!isRemote && specifier[0] === '#') {
    resolved = packageImportsResolve(specifier, base, conditions);
  } else {
    try {
      resolved = newURL(specifier);
    } catch {
      if (!isRemote) resolved = packageResolve(specifier, base, conditions);
    }
  }
  if (resolved.protocol !== 'file:') return resolved;
  return finalizeResolution(resolved, base, preserveSymlinks);
}

/* What require() would have found for a failed import, for the "Did you
 * mean" hint; false when CommonJS cannot find it either. */
function resolveAsCommonJS(specifier, parentURL) {
  try {
    const path = require('path');
    const { Module } = require('internal/modules/cjs/loader');
    const parent = fileURLToPath(parentURL);
    const tmpModule = new Module(parent, null);
    tmpModule.paths = Module._nodeModulePaths(parent);
    let found = Module._resolveFilename(specifier, tmpModule, false);
    if (isRelativeSpecifier(specifier)) {
      found = path.relative(parent, found);
      if (!StringPrototypeStartsWith(found, '../')) found = `./${found}`;
    } else if (isBareSpecifier(specifier)) {
      const pkg = StringPrototypeSplit(specifier, '/')[0];
      const index = StringPrototypeIndexOf(found, pkg);
      if (index !== -1) found = StringPrototypeSlice(found, index);
    }
    return found;
  } catch {
    return false;
  }
}

/* Adds "Did you mean to import X?" (what require() would find) to an
 * error's message and stack. */
function decorateErrorWithCommonJSHints(error, specifier, parentURL) {
  const found = resolveAsCommonJS(specifier, parentURL);
  if (!found) return;
  const lines = StringPrototypeSplit(error.stack, '\n');
  const hint = `Did you mean to import ${found}?`;
  error.stack = ArrayPrototypeJoin(ArrayPrototypeSlice(lines, 0, 1), '\n') +
    '\n' + hint + (lines.length > 1 ? '\n' +
      ArrayPrototypeJoin(ArrayPrototypeSlice(lines, 1), '\n') : '');
  error.message += `\n${hint}`;
}

function isBareSpecifier(specifier) {
  return specifier[0] && specifier[0] !== '/' && specifier[0] !== '.';
}

function checkIfDisallowedImport(specifier, parsed, parsedParentURL) {
  if (parsedParentURL) {
    const parentProtocol = parsedParentURL.protocol;
    if (parentProtocol === 'http:' || parentProtocol === 'https:') {
      if (shouldBeTreatedAsRelativeOrAbsolutePath(specifier)) {
        if (parsed && parsed.protocol !== 'https:' &&
            parsed.protocol !== 'http:') {
          throw new ERR_NETWORK_IMPORT_DISALLOWED(
            specifier, parsedParentURL,
            'remote imports cannot import from a local location.');
        }
        return { __proto__: null, url: parsed.href };
      }
      if (BuiltinModule.canBeRequiredWithoutScheme(specifier)) {
        throw new ERR_NETWORK_IMPORT_DISALLOWED(
          specifier, parsedParentURL,
          'remote imports cannot import from a local location.');
      }
      throw new ERR_NETWORK_IMPORT_DISALLOWED(
        specifier, parsedParentURL,
        'only relative and absolute specifiers are supported.');
    }
  }
  return undefined;
}

function throwIfInvalidParentURL(parentURL) {
  if (parentURL === undefined) return;
  if (typeof parentURL !== 'string' && !url().isURL?.(parentURL) &&
      !(parentURL instanceof url().URL)) {
    throw new ERR_INVALID_ARG_TYPE('parentURL', ['string', 'URL'], parentURL);
  }
}

/* The loader's default resolve hook: { url, format } for `specifier`
 * imported from context.parentURL (undefined for the entry point), with
 * context.conditions (an array) when given. */
let specifierResolutionWarned = false;

function defaultResolve(specifier, context = {}) {
  let { parentURL, conditions } = context;
  if (!specifierResolutionWarned &&
      getOptionValue('--experimental-specifier-resolution') === 'node') {
    specifierResolutionWarned = true;
    process.emitWarning(
      'The Node.js specifier resolution flag is experimental. It could ' +
      'change or be removed at any time.', 'ExperimentalWarning');
  }
  throwIfInvalidParentURL(parentURL);
  const networkImports = getOptionValue('--experimental-network-imports');
  let parsedParentURL;
  if (parentURL) {
    try {
      parsedParentURL = newURL(`${parentURL}`);
    } catch {
      /* an unparsable parent resolves as if it had none */
    }
  }
  let parsed;
  try {
    if (shouldBeTreatedAsRelativeOrAbsolutePath(specifier)) {
      parsed = newURL(specifier, parsedParentURL);
    } else {
      parsed = newURL(specifier);
    }
    const protocol = parsed.protocol;
    if (protocol === 'data:' ||
        (networkImports && (protocol === 'https:' || protocol === 'http:'))) {
      return { __proto__: null, url: parsed.href };
    }
  } catch {
    /* not a URL */
  }
  const maybeReturn = checkIfDisallowedImport(specifier, parsed,
                                              parsedParentURL);
  if (maybeReturn) return maybeReturn;
  if (parsed && parsed.protocol === 'node:') {
    return { __proto__: null, url: specifier };
  }
  /* Other schemes resolve as they are; loading them is what fails
   * (unless a load hook handles them). */
  const isMain = parentURL === undefined;
  if (isMain) {
    parentURL = pathToFileURL(`${process.cwd()}/`).href;
    if (getOptionValue('--input-type')) throw new ERR_INPUT_TYPE_NOT_ALLOWED();
  }
  conditions = getConditionsSet(conditions);
  let resolved;
  try {
    resolved = moduleResolve(
      specifier, `${parentURL}`, conditions,
      isMain ? getOptionValue('--preserve-symlinks-main') :
        getOptionValue('--preserve-symlinks'));
  } catch (error) {
    if (error.code === 'ERR_MODULE_NOT_FOUND' ||
        error.code === 'ERR_UNSUPPORTED_DIR_IMPORT') {
      let request = specifier;
      if (StringPrototypeStartsWith(request, 'file://')) {
        try {
          request = fileURLToPath(request);
        } catch {
          /* keep it */
        }
      }
      decorateErrorWithCommonJSHints(error, request, parentURL);
    }
    throw error;
  }
  const { defaultGetFormatWithoutErrors } =
    require('internal/modules/esm/get_format');
  return {
    __proto__: null,
    url: resolved.href,
    format: defaultGetFormatWithoutErrors(resolved, context),
  };
}

module.exports = {
  DEFAULT_CONDITIONS,
  defaultResolve,
  moduleResolve,
  packageExportsResolve,
  packageImportsResolve,
  packageResolve,
  getDefaultConditions,
  getConditionsSet,
  getPackageScopeConfig,
  getPackageType,
  isRelativeSpecifier,
  shouldBeTreatedAsRelativeOrAbsolutePath,
  finalizeResolution,
  decorateErrorWithCommonJSHints,
};
