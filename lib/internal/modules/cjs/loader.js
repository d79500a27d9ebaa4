'use strict';
/* loader.js - CommonJS: Module, require(), resolution of relative, absolute
 * and node_modules specifiers, the .js/.json/.node extensions, the cache,
 * and cycles as in Node. */

const {
  ArrayIsArray,
  ArrayPrototypeIncludes,
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  JSONParse,
  ObjectCreate,
  ObjectDefineProperty,
  ObjectKeys,
  ReflectApply,
  SafeMap,
  StringPrototypeCharCodeAt,
  StringPrototypeEndsWith,
  StringPrototypeIndexOf,
  StringPrototypeLastIndexOf,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
} = primordials;

const { BuiltinModule } = require('internal/bootstrap/realm');
const { internalModuleStat, readFileUtf8, realpath } = internalBinding('fs');
const { compileFunction } = internalBinding('contextify');
const path = require('path');
const { getOptionValue } = require('internal/options');

const kIsMainSymbol = Symbol('kIsMainSymbol');

function lazyErrors() {
  return require('internal/errors').codes;
}

let validateStringFn;
function validateString(value, name) {
  validateStringFn ??= require('internal/validators').validateString;
  validateStringFn(value, name);
}

const wrapperParams = ['exports', 'require', 'module', '__filename',
                       '__dirname'];

/* The module whose code is running a require() (for module.parent). */
let statCache = null;

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

function updateChildren(parent, child, scan) {
  const children = parent?.children;
  if (children && !(scan && ArrayPrototypeIncludes(children, child)))
    ArrayPrototypePush(children, child);
}

/* new Module(id, parent) */
function Module(id = '', parent) {
  this.id = id;
  this.path = path.dirname(id);
  ObjectDefineProperty(this, 'exports', {
    __proto__: null, value: {}, writable: true, enumerable: true,
    configurable: true,
  });
  moduleParentCache.set(this, parent);
  updateChildren(parent, this, false);
  this.filename = null;
  this.loaded = false;
  this.children = [];
}

const moduleParentCache = new primordials.SafeWeakMap();

function getModuleParent() {
  return moduleParentCache.get(this);
}

function setModuleParent(value) {
  moduleParentCache.set(this, value);
}

ObjectDefineProperty(Module.prototype, 'parent', {
  __proto__: null,
  get: getModuleParent,
  set: setModuleParent,
  enumerable: false,
  configurable: true,
});

Module._cache = ObjectCreate(null);
Module._pathCache = ObjectCreate(null);
Module._extensions = ObjectCreate(null);
Module.globalPaths = [];
Module.builtinModules = [];
for (const id of BuiltinModule.ids) {
  if (BuiltinModule.canBeRequiredWithoutScheme(id))
    ArrayPrototypePush(Module.builtinModules, id);
}
Object.freeze(Module.builtinModules);

Module.isBuiltin = function isBuiltin(moduleName) {
  return BuiltinModule.canBeRequiredWithoutScheme(moduleName) ||
    (StringPrototypeStartsWith(moduleName, 'node:') &&
     BuiltinModule.canBeRequiredByUsers(StringPrototypeSlice(moduleName, 5)));
};

Module.wrapper = [
  '(function (exports, require, module, __filename, __dirname) { ',
  '\n});',
];
Module.wrap = function wrap(script) {
  return Module.wrapper[0] + script + Module.wrapper[1];
};

/* Node's search path for node_modules: every ancestor's node_modules. */
Module._nodeModulePaths = function _nodeModulePaths(from) {
  from = path.resolve(from);
  if (from === '/') return ['/node_modules'];
  const paths = [];
  for (let i = from.length - 1, p = 0, last = from.length; i >= 0; --i) {
    const code = StringPrototypeCharCodeAt(from, i);
    if (code === 47 /* / */) {
      if (p !== 'node_modules'.length ||
          StringPrototypeSlice(from, i + 1, last) !== 'node_modules') {
        ArrayPrototypePush(paths,
                           StringPrototypeSlice(from, 0, last) +
                           '/node_modules');
      }
      last = i;
      p = 0;
    } else if (p !== -1) {
      if ('node_modules'.charCodeAt('node_modules'.length - 1 - p) === code)
        ++p;
      else
        p = -1;
    }
  }
  ArrayPrototypePush(paths, '/node_modules');
  return paths;
};

Module._resolveLookupPaths = function(request, parent) {
  if (BuiltinModule.canBeRequiredByUsers(request) &&
      BuiltinModule.canBeRequiredWithoutScheme(request)) {
    return null;
  }
  if (StringPrototypeCharCodeAt(request, 0) !== 46 /* . */ ||
      (request.length > 1 &&
       StringPrototypeCharCodeAt(request, 1) !== 46 &&
       StringPrototypeCharCodeAt(request, 1) !== 47)) {
    let paths = Module.globalPaths;
    if (parent?.paths?.length) {
      paths = [...parent.paths, ...paths];
    }
    return paths.length > 0 ? paths : null;
  }
  if (!parent || !parent.id || !parent.filename) return ['.'];
  return [path.dirname(parent.filename)];
};

const packageJsonCache = new SafeMap();

/* Reads and caches dir/package.json; returns undefined when absent. */
function readPackage(dir) {
  const jsonPath = path.resolve(dir, 'package.json');
  const cached = packageJsonCache.get(jsonPath);
  if (cached !== undefined) return cached || undefined;
  let json;
  try {
    json = readFileUtf8(jsonPath);
  } catch {
    packageJsonCache.set(jsonPath, false);
    return undefined;
  }
  try {
    const parsed = JSONParse(json);
    const filtered = {
      name: parsed.name,
      main: parsed.main,
      exports: parsed.exports,
      imports: parsed.imports,
      type: parsed.type,
    };
    packageJsonCache.set(jsonPath, filtered);
    return filtered;
  } catch (e) {
    e.path = jsonPath;
    e.message = 'Error parsing ' + jsonPath + ': ' + e.message;
    throw e;
  }
}

/* The nearest package.json scope of `checkPath` (for "type"). */
function readPackageScope(checkPath) {
  const rootSeparatorIndex = StringPrototypeIndexOf(checkPath, '/');
  let separatorIndex;
  do {
    separatorIndex = StringPrototypeLastIndexOf(checkPath, '/');
    checkPath = StringPrototypeSlice(checkPath, 0, separatorIndex);
    if (StringPrototypeEndsWith(checkPath, '/node_modules')) return false;
    const pjson = readPackage(checkPath + '/');
    if (pjson) return { data: pjson, path: checkPath };
  } while (separatorIndex > rootSeparatorIndex);
  return false;
}

function tryFile(requestPath, isMain) {
  const rc = stat(requestPath);
  if (rc !== 0) return false;
  const preserve = isMain ? getOptionValue('--preserve-symlinks-main') :
    getOptionValue('--preserve-symlinks');
  if (preserve && !isMain) return path.resolve(requestPath);
  return toRealPath(requestPath);
}

function toRealPath(requestPath) {
  try {
    return realpath(requestPath);
  } catch {
    return requestPath;
  }
}

function tryExtensions(p, exts, isMain) {
  for (let i = 0; i < exts.length; i++) {
    const filename = tryFile(p + exts[i], isMain);
    if (filename) return filename;
  }
  return false;
}

function tryPackage(requestPath, exts, isMain, originalPath) {
  const pkg = readPackage(requestPath);
  const pkgMain = pkg?.main;
  if (typeof pkgMain !== 'string' || pkgMain === '') {
    return tryExtensions(path.resolve(requestPath, 'index'), exts, isMain);
  }
  const filename = path.resolve(requestPath, pkgMain);
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
      process.emitWarning(
        `Invalid 'main' field in '${path.resolve(requestPath,
                                                 'package.json')}' ` +
        `of '${pkgMain}'. Please either fix that or report it to the` +
        ' module author', 'DeprecationWarning', 'DEP0128');
    }
  }
  return actual;
}

let cjsConditions;
/* The conditions require() matches in "exports": require, node, plus
 * --conditions. */
function getCjsConditions() {
  if (cjsConditions === undefined) {
    const user = getOptionValue('--conditions') || [];
    cjsConditions = new primordials.SafeSet(['require', 'node', ...user]);
  }
  return cjsConditions;
}

const EXPORTS_PATTERN = /^((?:@[^/\\%]+\/)?[^./\\%][^/\\%]*)(\/.*)?$/;

/* A resolved "exports" target as a file path; MODULE_NOT_FOUND if the
 * file is missing. */
function finalizeExportsResolution(resolved, request, pkgJsonPath) {
  const { fileURLToPath } = require('internal/url');
  const filename = fileURLToPath(resolved);
  const actual = tryFile(filename, false) ||
    (stat(filename) === 0 ? filename : false);
  if (actual) return actual;
  const err = createMissingError(filename, []);
  err.path = pkgJsonPath;
  throw err;
}

/* require('pkg/sub') through pkg's "exports" under node_modules dir
 * `nmPath`; undefined when the package has no "exports". */
function resolveExports(nmPath, request) {
  const m = EXPORTS_PATTERN.exec(request);
  if (m === null) return undefined;
  const pkgPath = path.resolve(nmPath, m[1]);
  const pkgJsonPath = pkgPath + '/package.json';
  const pkg = require('internal/modules/package_json_reader').read(pkgJsonPath);
  if (!pkg.exists || pkg.exports == null) return undefined;
  const { pathToFileURL } = require('internal/url');
  const { packageExportsResolve } = require('internal/modules/esm/resolve');
  const resolved = packageExportsResolve(pathToFileURL(pkgJsonPath),
                                         '.' + (m[2] || ''), pkg, null,
                                         getCjsConditions());
  return finalizeExportsResolution(resolved, request, pkgJsonPath);
}

/* Self-reference: require('own-name/sub') from inside the package. */
function trySelf(parentPath, request) {
  if (!parentPath) return false;
  const reader = require('internal/modules/package_json_reader');
  const pkg = reader.getPackageScope(parentPath + '/x');
  if (!pkg || pkg.exports == null || pkg.name === undefined) return false;
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
  const resolved = packageExportsResolve(pathToFileURL(pkg.pjsonPath),
                                         expansion, pkg,
                                         pathToFileURL(parentPath + '/x'),
                                         getCjsConditions());
  return finalizeExportsResolution(resolved, request, pkg.pjsonPath);
}

/* require('#internal') through the nearest package's "imports". */
function resolveImports(request, parent) {
  const parentPath = parent?.filename;
  if (!parentPath) return false;
  const { pathToFileURL } = require('internal/url');
  const { packageImportsResolve } = require('internal/modules/esm/resolve');
  const resolved = packageImportsResolve(request, pathToFileURL(parentPath),
                                         getCjsConditions());
  return finalizeExportsResolution(resolved, request, '');
}

Module._findPath = function(request, paths, isMain) {
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
  const trailingSlash = request.length > 0 &&
    (StringPrototypeEndsWith(request, '/') ||
     (StringPrototypeEndsWith(request, '.') &&
      (request === '.' || request === '..' ||
       StringPrototypeEndsWith(request, '/.') ||
       StringPrototypeEndsWith(request, '/..'))));

  for (let i = 0; i < paths.length; i++) {
    const curPath = paths[i];
    if (curPath && stat(curPath) < 1) continue;
    if (!absoluteRequest && curPath &&
        StringPrototypeEndsWith(curPath, 'node_modules')) {
      const exportsResolved = resolveExports(curPath, request);
      if (exportsResolved) {
        Module._pathCache[cacheKey] = exportsResolved;
        return exportsResolved;
      }
    }
    const basePath = path.resolve(curPath, request);
    let filename;
    const rc = stat(basePath);
    if (!trailingSlash) {
      if (rc === 0) {
        filename = isMain ?
          (getOptionValue('--preserve-symlinks-main') ?
            path.resolve(basePath) : toRealPath(basePath)) :
          (getOptionValue('--preserve-symlinks') ?
            path.resolve(basePath) : toRealPath(basePath));
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
};

function createMissingError(request, requireStack) {
  let message = `Cannot find module '${request}'`;
  if (requireStack.length > 0) {
    message = message + '\nRequire stack:\n- ' +
      ArrayPrototypeJoin(requireStack, '\n- ');
  }
  const err = new Error(message);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = requireStack;
  return err;
}

Module._resolveFilename = function(request, parent, isMain, options) {
  if (StringPrototypeStartsWith(request, 'node:') ||
      (BuiltinModule.canBeRequiredByUsers(request) &&
       BuiltinModule.canBeRequiredWithoutScheme(request))) {
    return request;
  }
  let paths;
  if (typeof options === 'object' && options !== null) {
    if (ArrayIsArray(options.paths)) {
      const isRelative = StringPrototypeStartsWith(request, './') ||
        StringPrototypeStartsWith(request, '../');
      if (isRelative) {
        paths = options.paths;
      } else {
        const fakeParent = new Module('', null);
        paths = [];
        for (let i = 0; i < options.paths.length; i++) {
          const p = options.paths[i];
          fakeParent.paths = Module._nodeModulePaths(p);
          const lookupPaths = Module._resolveLookupPaths(request, fakeParent);
          for (let j = 0; j < lookupPaths.length; j++) {
            if (!ArrayPrototypeIncludes(paths, lookupPaths[j]))
              ArrayPrototypePush(paths, lookupPaths[j]);
          }
        }
      }
    } else if (options.paths === undefined) {
      paths = Module._resolveLookupPaths(request, parent);
    } else {
      throw new (lazyErrors().ERR_INVALID_ARG_VALUE)('options.paths',
                                                     options.paths);
    }
  } else {
    paths = Module._resolveLookupPaths(request, parent);
  }

  if (request[0] === '#' && parent?.filename) {
    const resolved = resolveImports(request, parent);
    if (resolved) return resolved;
  }
  const parentPath = parent?.filename ? path.dirname(parent.filename) :
    undefined;
  const selfResolved = trySelf(parentPath, request);
  if (selfResolved) {
    Module._pathCache[request + '\x00' +
      (paths?.length === 1 ? paths[0] : ArrayPrototypeJoin(paths ?? [], '\x00'))] =
      selfResolved;
    return selfResolved;
  }
  const filename = Module._findPath(request, paths, isMain);
  if (filename) return filename;
  const requireStack = [];
  for (let cursor = parent; cursor;
    cursor = moduleParentCache.get(cursor)) {
    ArrayPrototypePush(requireStack, cursor.filename || cursor.id);
  }
  throw createMissingError(request, requireStack);
};

function loadBuiltin(id, request) {
  const mod = BuiltinModule.require(id);
  return mod;
}

/* Module._load(request, parent, isMain): the cache, builtins, then files. */
Module._load = function(request, parent, isMain) {
  let relResolveCacheIdentifier;
  if (parent) {
    relResolveCacheIdentifier = `${parent.path}\x00${request}`;
    const filename = relativeResolveCache[relResolveCacheIdentifier];
    if (filename !== undefined) {
      const cachedModule = Module._cache[filename];
      if (cachedModule !== undefined) {
        updateChildren(parent, cachedModule, true);
        if (!cachedModule.loaded) return getExportsForCircularRequire(
          cachedModule);
        return cachedModule.exports;
      }
      delete relativeResolveCache[relResolveCacheIdentifier];
    }
  }

  if (StringPrototypeStartsWith(request, 'node:')) {
    const id = StringPrototypeSlice(request, 5);
    if (!BuiltinModule.canBeRequiredByUsers(id)) {
      throw new (lazyErrors().ERR_UNKNOWN_BUILTIN_MODULE)(request);
    }
    return loadBuiltin(id, request);
  }

  const filename = Module._resolveFilename(request, parent, isMain);
  const cachedModule = Module._cache[filename];
  if (cachedModule !== undefined) {
    updateChildren(parent, cachedModule, true);
    if (!cachedModule.loaded) return getExportsForCircularRequire(cachedModule);
    return cachedModule.exports;
  }

  if (BuiltinModule.canBeRequiredWithoutScheme(filename)) {
    return loadBuiltin(filename, request);
  }

  const module = new Module(filename, parent);
  if (isMain) {
    process.mainModule = module;
    setOwnProperty(module.require, 'main', process.mainModule);
    module.id = '.';
    module[kIsMainSymbol] = true;
  }
  Module._cache[filename] = module;
  if (parent !== undefined) {
    relativeResolveCache[relResolveCacheIdentifier] = filename;
  }
  let threw = true;
  try {
    module.load(filename);
    threw = false;
  } finally {
    if (threw) {
      delete Module._cache[filename];
      if (parent !== undefined) {
        delete relativeResolveCache[relResolveCacheIdentifier];
        const children = parent?.children;
        if (ArrayIsArray(children)) {
          const index = children.indexOf(module);
          if (index !== -1) children.splice(index, 1);
        }
      }
    }
  }
  return module.exports;
};

const relativeResolveCache = ObjectCreate(null);

function setOwnProperty(obj, key, value) {
  ObjectDefineProperty(obj, key, {
    __proto__: null, configurable: true, enumerable: true, value,
    writable: true,
  });
}

function getExportsForCircularRequire(module) {
  return module.exports;
}

function findLongestRegisteredExtension(filename) {
  const name = path.basename(filename);
  let currentExtension;
  let index;
  let startIndex = 0;
  while ((index = StringPrototypeIndexOf(name, '.', startIndex)) !== -1) {
    startIndex = index + 1;
    if (index === 0) continue;
    currentExtension = StringPrototypeSlice(name, index);
    if (Module._extensions[currentExtension]) return currentExtension;
  }
  return '.js';
}

Module.prototype.load = function(filename) {
  this.filename = filename;
  this.paths = Module._nodeModulePaths(path.dirname(filename));
  const extension = findLongestRegisteredExtension(filename);
  if (StringPrototypeEndsWith(filename, '.mjs') &&
      !Module._extensions['.mjs']) {
    throw new (lazyErrors().ERR_REQUIRE_ESM)(filename, true);
  }
  Module._extensions[extension](this, filename);
  this.loaded = true;
};

Module.prototype.require = function(id) {
  validateString(id, 'id');
  if (id === '') {
    throw new (lazyErrors().ERR_INVALID_ARG_VALUE)(
      'id', id, 'must be a non-empty string');
  }
  requireDepth++;
  try {
    return Module._load(id, this, false);
  } finally {
    requireDepth--;
  }
};

let requireDepth = 0;

/* Compiles `content` as a CommonJS module body with exact line numbers
 * (no wrapper text in front of line 1). */
function wrapSafe(filename, content) {
  if (Module.wrapper[0] !== wrapperDefault[0] ||
      Module.wrapper[1] !== wrapperDefault[1]) {
    /* Someone patched Module.wrap(per): honour it. */
    const { runInThisContext } = internalBinding('contextify');
    return runInThisContext(Module.wrap(content), filename);
  }
  return compileFunction(content, filename, wrapperParams);
}
const wrapperDefault = ArrayPrototypeSlice(Module.wrapper);

Module.prototype._compile = function(content, filename) {
  const compiledWrapper = wrapSafe(filename, content);
  const dirname = path.dirname(filename);
  const require = makeRequireFunction(this);
  const exports = this.exports;
  const thisValue = exports;
  const module = this;
  if (requireDepth === 0) statCache = new SafeMap();
  const result = ReflectApply(compiledWrapper, thisValue,
                              [exports, require, module, filename, dirname]);
  if (requireDepth === 0) statCache = null;
  return result;
};

function stripBOM(content) {
  if (StringPrototypeCharCodeAt(content) === 0xFEFF) {
    content = StringPrototypeSlice(content, 1);
  }
  return content;
}

Module._extensions['.js'] = function(module, filename) {
  let content = readFileUtf8(filename);
  if (StringPrototypeEndsWith(filename, '.js')) {
    const pkg = readPackageScope(filename);
    if (pkg?.data?.type === 'module') {
      const err = new (lazyErrors().ERR_REQUIRE_ESM)(filename, true);
      throw err;
    }
  }
  content = stripShebang(stripBOM(content));
  module._compile(content, filename);
};

/* A "#!" first line stays in the source (V8 accepts hashbang comments). */
function stripShebang(content) {
  return content;
}

Module._extensions['.json'] = function(module, filename) {
  const content = readFileUtf8(filename);
  try {
    setOwnProperty(module, 'exports', JSONParse(stripBOM(content)));
  } catch (err) {
    err.message = filename + ': ' + err.message;
    throw err;
  }
};

Module._extensions['.node'] = function(module, filename) {
  return process.dlopen(module, path.toNamespacedPath(filename));
};

/* require() for one module: require(id), require.resolve(), .cache,
 * .main, .extensions. */
function makeRequireFunction(mod) {
  const require = function require(path) {
    return mod.require(path);
  };
  function resolve(request, options) {
    validateString(request, 'request');
    return Module._resolveFilename(request, mod, false, options);
  }
  require.resolve = resolve;
  function paths(request) {
    validateString(request, 'request');
    return Module._resolveLookupPaths(request, mod);
  }
  resolve.paths = paths;
  setOwnProperty(require, 'main', process.mainModule);
  require.extensions = Module._extensions;
  require.cache = Module._cache;
  return require;
}

/* module.createRequire(filename) */
Module.createRequire = function createRequire(filename) {
  let filepath;
  if (typeof filename === 'object' && filename !== null &&
      typeof filename.href === 'string') {
    filepath = require('internal/url').fileURLToPath(filename);
  } else if (typeof filename === 'string' &&
             StringPrototypeStartsWith(filename, 'file:')) {
    filepath = require('internal/url').fileURLToPath(filename);
  } else if (typeof filename !== 'string' || !path.isAbsolute(filename)) {
    throw new (lazyErrors().ERR_INVALID_ARG_VALUE)(
      'filename', filename,
      'must be a file URL object, file URL string, or absolute path string');
  } else {
    filepath = filename;
  }
  const trailingSlash = StringPrototypeEndsWith(filepath, '/');
  const proxyPath = trailingSlash ? path.join(filepath, 'noop.js') : filepath;
  const m = new Module(proxyPath);
  m.filename = proxyPath;
  m.paths = Module._nodeModulePaths(m.path);
  return makeRequireFunction(m);
};

/* Module._initPaths(): NODE_PATH and the global folders. */
Module._initPaths = function() {
  const homeDir = process.env.HOME;
  const nodePath = process.env.NODE_PATH;
  const prefixDir = path.resolve(process.execPath, '..', '..');
  let paths = [path.resolve(prefixDir, 'lib', 'node')];
  if (homeDir) {
    paths = [path.resolve(homeDir, '.node_libraries'),
             path.resolve(homeDir, '.node_modules'), ...paths];
  }
  if (nodePath) {
    paths = [...nodePath.split(path.delimiter).filter((p) => !!p), ...paths];
  }
  Module.globalPaths = ArrayPrototypeSlice(paths);
};

/* Runs the entry script `main` as the main module. */
Module.runMain = function(main = process.argv[1]) {
  Module._load(main, null, true);
};

Module._preloadModules = function(requests) {
  if (!ArrayIsArray(requests)) return;
  const parent = new Module('internal/preload', null);
  try {
    parent.paths = Module._nodeModulePaths(process.cwd());
  } catch (e) {
    if (e.code !== 'ENOENT') throw e;
  }
  for (let n = 0; n < requests.length; n++) parent.require(requests[n]);
};

Module.syncBuiltinESMExports = function syncBuiltinESMExports() {};
Module.findSourceMap = function findSourceMap() { return undefined; };
Module.Module = Module;

Module._initPaths();

module.exports = { Module, makeRequireFunction, readPackageScope, wrapSafe,
                   kIsMainSymbol };
