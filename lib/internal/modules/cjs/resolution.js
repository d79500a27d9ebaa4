'use strict';
/* resolution.js (cjs) - where require() looks for files: the stat cache,
 * file/extension/directory guessing, package "main", package "exports",
 * "imports" and self-reference through the ES resolver, the node_modules
 * search path of a directory, and realpath with symlink preservation.
 * The loader (loader.js) installs these as Module._findPath & co. */

const {
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  ObjectKeys,
  RegExpPrototypeExec,
  SafeMap,
  StringPrototypeCharCodeAt,
  StringPrototypeEndsWith,
  StringPrototypeIndexOf,
  StringPrototypeLastIndexOf,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
} = primordials;

const { internalModuleStat } = internalBinding('fs');
const path = require('path');
const { getOptionValue } = require('internal/options');
const packageJsonReader = require('internal/modules/package_json_reader');

let ModuleRef;
function M() {
  ModuleRef ??= require('internal/modules/cjs/loader').Module;
  return ModuleRef;
}

/* Per-require-tree stat cache (set while the outermost require runs). */
let statCache = null;

function setStatCache(cache) {
  statCache = cache;
}

/* 0 for a file, 1 for a directory, negative when missing. */
function stat(filename) {
  filename = path.toNamespacedPath(filename);
  if (statCache !== null) {
    const result = statCache.get(filename);
    if (result !== undefined) return result;
  }
  const result = internalModuleStat(filename);
  if (statCache !== null && result >= 0) statCache.set(filename, result);
  return result;
}

let statOverride;
/* Module._stat: the stat function (patchable). */
function getStat() {
  return statOverride ?? stat;
}
function setStat(fn) {
  statOverride = fn;
}
function statOf(p) {
  return statOverride !== undefined ? statOverride(p) : stat(p);
}

const realpathCache = new SafeMap();

/* The real path of a file require() found (symlinks resolved). */
function toRealPath(requestPath) {
  const fs = require('fs');
  return fs.realpathSync(requestPath);
}

function preserveSymlinks() {
  return getOptionValue('--preserve-symlinks');
}

/* The CommonJS view of dir/package.json, false when absent. */
function readPackage(requestPath) {
  return packageJsonReader.readPackageCJS(
    path.resolve(requestPath, 'package.json'));
}

let readPackageOverride;
function getReadPackage() {
  return readPackageOverride ?? readPackage;
}
function setReadPackage(fn) {
  readPackageOverride = fn;
}
function readPackageOf(p) {
  return readPackageOverride !== undefined ? readPackageOverride(p) :
    readPackage(p);
}

/* The nearest package.json above `checkPath` (not past node_modules):
 * { data, path } or false. */
function readPackageScope(checkPath) {
  const rootSeparatorIndex = StringPrototypeIndexOf(checkPath, '/');
  let separatorIndex;
  do {
    separatorIndex = StringPrototypeLastIndexOf(checkPath, '/');
    checkPath = StringPrototypeSlice(checkPath, 0, separatorIndex);
    if (StringPrototypeEndsWith(checkPath, '/node_modules')) return false;
    const pjson = readPackageOf(checkPath + '/');
    if (pjson) return { data: pjson, path: checkPath };
  } while (separatorIndex > rootSeparatorIndex);
  return false;
}

/* The file at requestPath if it is one (its real path unless preserved). */
function tryFile(requestPath, isMain) {
  const rc = statOf(requestPath);
  if (rc !== 0) return false;
  if (preserveSymlinks() && !isMain) return path.resolve(requestPath);
  return toRealPath(requestPath);
}

function tryExtensions(p, exts, isMain) {
  for (let i = 0; i < exts.length; i++) {
    const filename = tryFile(p + exts[i], isMain);
    if (filename) return filename;
  }
  return false;
}

/* A directory: its package.json "main" (with extension and index
 * guessing), else its index file. */
function tryPackage(requestPath, exts, isMain, originalPath) {
  const pkg = readPackageOf(requestPath);
  const pkgMain = pkg ? pkg.main : undefined;
  if (!pkgMain) {
    return tryExtensions(path.resolve(requestPath, 'index'), exts, isMain);
  }
  const filename = path.resolve(requestPath, `${pkgMain}`);
  let actual = tryFile(filename, isMain) ||
    tryExtensions(filename, exts, isMain) ||
    tryExtensions(path.resolve(filename, 'index'), exts, isMain);
  if (actual === false) {
    actual = tryExtensions(path.resolve(requestPath, 'index'), exts, isMain);
    if (!actual) {
      const err = new Error(
        `Cannot find module '${filename}'. ` +
        'Please verify that the package.json has a valid "main" entry');
      err.code = 'MODULE_NOT_FOUND';
      err.path = path.resolve(requestPath, 'package.json');
      err.requestPath = originalPath;
      throw err;
    } else {
      const jsonPath = path.resolve(requestPath, 'package.json');
      process.emitWarning(
        `Invalid 'main' field in '${jsonPath}' of '${pkgMain}'. ` +
        'Please either fix that or report it to the module author',
        'DeprecationWarning', 'DEP0128');
    }
  }
  return actual;
}

let cjsConditions;
/* The conditions require() matches in "exports"/"imports": require, node,
 * node-addons (unless --no-addons), plus --conditions. */
function getCjsConditions() {
  if (cjsConditions === undefined) {
    const list = ['require', 'node'];
    if (getOptionValue('--addons') !== false) {
      ArrayPrototypePush(list, 'node-addons');
    }
    const user = getOptionValue('--conditions') || [];
    for (let i = 0; i < user.length; i++) ArrayPrototypePush(list, user[i]);
    cjsConditions = new primordials.SafeSet();
    for (let i = 0; i < list.length; i++) cjsConditions.add(list[i]);
  }
  return cjsConditions;
}

function createEsmNotFoundErr(request, p) {
  const err = new Error(`Cannot find module '${request}'`);
  err.code = 'MODULE_NOT_FOUND';
  if (p) err.path = p;
  return err;
}

/* A resolved "exports"/"imports" URL as a file path; MODULE_NOT_FOUND when
 * the file is missing. */
function finalizeEsmResolution(resolved, parentPath, pkgPath) {
  const { fileURLToPath } = require('internal/url');
  if (RegExpPrototypeExec(/%2f|%5c/i, resolved.pathname) !== null) {
    const { codes: { ERR_INVALID_MODULE_SPECIFIER } } =
      require('internal/errors');
    throw new ERR_INVALID_MODULE_SPECIFIER(
      resolved.pathname, 'must not include encoded "/" or "\\" characters',
      parentPath);
  }
  const filename = fileURLToPath(resolved);
  const actual = tryFile(filename);
  if (actual) return actual;
  throw createEsmNotFoundErr(filename,
                             path.resolve(pkgPath, 'package.json'));
}

const EXPORTS_PATTERN = /^((?:@[^/\\%]+\/)?[^./\\%][^/\\%]*)(\/.*)?$/;

/* require('pkg/sub') through the "exports" of nmPath/pkg; undefined when
 * the package has none. */
function resolveExports(nmPath, request) {
  const m = RegExpPrototypeExec(EXPORTS_PATTERN, request);
  if (m === null) return undefined;
  const name = m[1];
  const expansion = m[2] || '';
  const pkgPath = path.resolve(nmPath, name);
  const pkg = readPackageOf(pkgPath);
  if (pkg && pkg.exports != null) {
    const { pathToFileURL } = require('internal/url');
    const { packageExportsResolve } = require('internal/modules/esm/resolve');
    try {
      return finalizeEsmResolution(packageExportsResolve(
        pathToFileURL(pkgPath + '/package.json'), '.' + expansion, pkg, null,
        getCjsConditions()), null, pkgPath);
    } catch (e) {
      if (e.code === 'ERR_MODULE_NOT_FOUND') {
        throw createEsmNotFoundErr(request, pkgPath + '/package.json');
      }
      throw e;
    }
  }
  return undefined;
}

/* Where self-reference and "imports" look from for `parent`. */
function trySelfParentPath(parent) {
  if (!parent) return false;
  if (parent.filename) return parent.filename;
  if (parent.id === '<repl>' || parent.id === 'internal/preload') {
    try {
      return process.cwd() + path.sep;
    } catch {
      return false;
    }
  }
  return false;
}

/* require('own-name/sub') from inside the package named own-name. */
function trySelf(parentPath, request) {
  if (!parentPath) return false;
  const scope = readPackageScope(parentPath);
  if (!scope) return false;
  const pkg = scope.data;
  const pkgPath = scope.path;
  if (pkg.exports === undefined || typeof pkg.name !== 'string') return false;
  let expansion;
  if (request === pkg.name) {
    expansion = '.';
  } else if (StringPrototypeStartsWith(request, `${pkg.name}/`)) {
    expansion = '.' + StringPrototypeSlice(request, pkg.name.length);
  } else {
    return false;
  }
  const { pathToFileURL } = require('internal/url');
  const { packageExportsResolve } = require('internal/modules/esm/resolve');
  try {
    return finalizeEsmResolution(packageExportsResolve(
      pathToFileURL(pkgPath + '/package.json'), expansion, pkg,
      pathToFileURL(parentPath), getCjsConditions()), parentPath, pkgPath);
  } catch (e) {
    if (e.code === 'ERR_MODULE_NOT_FOUND') {
      throw createEsmNotFoundErr(request, pkgPath + '/package.json');
    }
    throw e;
  }
}

/* require('#name') through the "imports" of the parent's package; false
 * when that package has no "imports". */
function resolveImports(request, parent) {
  const parentPath = parent?.filename ?? (process.cwd() + path.sep);
  const scope = readPackageScope(parentPath);
  if (!scope || scope.data.imports == null) return false;
  const { pathToFileURL } = require('internal/url');
  const { packageImportsResolve } = require('internal/modules/esm/resolve');
  try {
    return finalizeEsmResolution(packageImportsResolve(
      request, pathToFileURL(parentPath), getCjsConditions()), parentPath,
    scope.path);
  } catch (e) {
    if (e.code === 'ERR_MODULE_NOT_FOUND') throw createEsmNotFoundErr(request);
    throw e;
  }
}

const trailingSlashRegex = /(?:^|\/)\.?\.$/;

/* Module._findPath(request, paths, isMain): the file `request` names when
 * looked up in each of `paths`, or false. */
function findPath(request, paths, isMain) {
  const Module = M();
  const absoluteRequest = path.isAbsolute(request);
  if (absoluteRequest) {
    paths = [''];
  } else if (!paths || paths.length === 0) {
    return false;
  }
  const cacheKey = request + '\x00' + ArrayPrototypeJoin(paths, '\x00');
  const entry = Module._pathCache[cacheKey];
  if (entry) return entry;

  let exts;
  let trailingSlash = request.length > 0 &&
    StringPrototypeCharCodeAt(request, request.length - 1) === 47;
  if (!trailingSlash) {
    trailingSlash = RegExpPrototypeExec(trailingSlashRegex, request) !== null;
  }
  let insidePath = true;
  const isRelative = request === '.' || request === '..' ||
    StringPrototypeStartsWith(request, './') ||
    StringPrototypeStartsWith(request, '../');
  if (isRelative) {
    const normalizedRequest = path.normalize(request);
    if (StringPrototypeStartsWith(normalizedRequest, '..')) insidePath = false;
  }

  for (let i = 0; i < paths.length; i++) {
    const curPath = paths[i];
    if (insidePath && curPath && statOf(curPath) < 1) continue;
    if (!absoluteRequest) {
      const exportsResolved = resolveExports(curPath, request);
      if (exportsResolved) return exportsResolved;
    }
    const basePath = path.resolve(curPath, request);
    let filename;
    const rc = statOf(basePath);
    if (!trailingSlash) {
      if (rc === 0) {
        if (!isMain) {
          filename = preserveSymlinks() ? path.resolve(basePath) :
            toRealPath(basePath);
        } else {
          filename = getOptionValue('--preserve-symlinks-main') ?
            path.resolve(basePath) : toRealPath(basePath);
        }
      }
      if (!filename) {
        exts ??= ObjectKeys(Module._extensions);
        filename = tryExtensions(basePath, exts, isMain);
      }
    }
    if (!filename && rc === 1) {
      exts ??= ObjectKeys(Module._extensions);
      filename = tryPackage(basePath, exts, isMain, request);
    }
    if (filename) {
      Module._pathCache[cacheKey] = filename;
      return filename;
    }
  }
  return false;
}

/* Module._nodeModulePaths(from): every ancestor's node_modules folder,
 * nearest first, skipping folders that are node_modules themselves. */
function nodeModulePaths(from) {
  from = path.resolve(from);
  if (from === '/') return ['/node_modules'];
  const paths = [];
  const nm = 'node_modules';
  for (let i = from.length - 1, p = 0, last = from.length; i >= 0; --i) {
    const code = StringPrototypeCharCodeAt(from, i);
    if (code === 47) {
      if (p !== nm.length) {
        ArrayPrototypePush(paths,
                           StringPrototypeSlice(from, 0, last) + '/' + nm);
      }
      last = i;
      p = 0;
    } else if (p !== -1) {
      if (StringPrototypeCharCodeAt(nm, nm.length - 1 - p) === code) {
        ++p;
      } else {
        p = -1;
      }
    }
  }
  ArrayPrototypePush(paths, '/node_modules');
  return paths;
}

module.exports = {
  stat,
  getStat,
  setStat,
  setStatCache,
  toRealPath,
  readPackage,
  getReadPackage,
  setReadPackage,
  readPackageScope,
  tryFile,
  tryExtensions,
  tryPackage,
  findPath,
  nodeModulePaths,
  resolveExports,
  resolveImports,
  trySelf,
  trySelfParentPath,
  getCjsConditions,
  createEsmNotFoundErr,
  realpathCache,
};
