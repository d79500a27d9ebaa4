'use strict';
/* loader.js (cjs) - CommonJS modules: the Module class, require() and its
 * cache, Module._load/_resolveFilename/_extensions/_compile and the other
 * hooks tools patch, cycles (with Node's circular-access warning),
 * require.resolve(..., { paths }), createRequire, -r preloads and the
 * main entry point. File lookup lives in resolution.js. */

const {
  ArrayIsArray,
  ArrayPrototypeIncludes,
  ArrayPrototypeIndexOf,
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ArrayPrototypeSplice,
  JSONParse,
  ObjectCreate,
  ObjectDefineProperty,
  ObjectFreeze,
  ObjectGetOwnPropertyDescriptor,
  ObjectGetPrototypeOf,
  ObjectPrototype,
  ObjectPrototypeHasOwnProperty,
  ObjectSetPrototypeOf,
  Proxy,
  ReflectApply,
  ReflectDefineProperty,
  ReflectGet,
  ReflectSet,
  SafeMap,
  SafeWeakMap,
  String,
  StringPrototypeCharCodeAt,
  StringPrototypeEndsWith,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeStartsWith,
  SyntaxErrorPrototype,
} = primordials;

const { BuiltinModule } = require('internal/bootstrap/realm');
const { compileFunction } = internalBinding('contextify');
const { isProxy } = internalBinding('types');
const path = require('path');
const { getOptionValue } = require('internal/options');
const resolution = require('internal/modules/cjs/resolution');

const kIsMainSymbol = Symbol('kIsMainSymbol');
const kIsExecuting = Symbol('kIsExecuting');

function lazyErrors() {
  return require('internal/errors').codes;
}

let validateStringFn;
function validateString(value, name) {
  validateStringFn ??= require('internal/validators').validateString;
  validateStringFn(value, name);
}

/* Parent of each module (module.parent without the deprecation). */
const moduleParentCache = new SafeWeakMap();
/* Modules the ES loader registered before running them:
 * module -> { source, exportNames, loaded }. */
const cjsParseCache = new SafeWeakMap();

let requireDepth = 0;
let isPreloading = false;
let hasLoadedAnyUserCJSModule = false;
let modulePaths = [];
let patched = false;

function updateChildren(parent, child, scan) {
  const children = parent?.children;
  if (children && !(scan && ArrayPrototypeIncludes(children, child))) {
    ArrayPrototypePush(children, child);
  }
}

function setOwnProperty(obj, key, value) {
  ObjectDefineProperty(obj, key, {
    __proto__: null, configurable: true, enumerable: true, value,
    writable: true,
  });
}

/* new Module(id, parent): an unloaded module record. */
function Module(id = '', parent) {
  this.id = id;
  this.path = path.dirname(id);
  setOwnProperty(this, 'exports', {});
  moduleParentCache.set(this, parent);
  updateChildren(parent, this, false);
  this.filename = null;
  this.loaded = false;
  this.children = [];
}

function getModuleParent() {
  return moduleParentCache.get(this);
}

function setModuleParent(value) {
  moduleParentCache.set(this, value);
}

function emitParentDeprecation() {
  process.emitWarning(
    'module.parent is deprecated due to accuracy issues. Please use ' +
    'require.main to find program entry point instead.',
    'DeprecationWarning', 'DEP0144');
}

let parentGetWarned = false;
function deprecatedGetModuleParent() {
  if (!parentGetWarned) {
    parentGetWarned = true;
    emitParentDeprecation();
  }
  return moduleParentCache.get(this);
}

let parentSetWarned = false;
function deprecatedSetModuleParent(value) {
  if (!parentSetWarned) {
    parentSetWarned = true;
    emitParentDeprecation();
  }
  moduleParentCache.set(this, value);
}

const pendingDeprecation = getOptionValue('--pending-deprecation');
ObjectDefineProperty(Module.prototype, 'parent', {
  __proto__: null,
  get: pendingDeprecation ? deprecatedGetModuleParent : getModuleParent,
  set: pendingDeprecation ? deprecatedSetModuleParent : setModuleParent,
  enumerable: false,
  configurable: true,
});

ObjectDefineProperty(Module.prototype, 'isPreloading', {
  __proto__: null,
  get() { return isPreloading; },
  enumerable: false,
  configurable: true,
});

Module._cache = ObjectCreate(null);
Module._pathCache = ObjectCreate(null);
Module._extensions = ObjectCreate(null);
Module.globalPaths = [];

ObjectDefineProperty(Module, '_stat', {
  __proto__: null,
  get: resolution.getStat,
  set: resolution.setStat,
  enumerable: true,
  configurable: true,
});

let wrap = function(script) {
  return Module.wrapper[0] + script + Module.wrapper[1];
};

const wrapperDefault = [
  '(function (exports, require, module, __filename, __dirname) { ',
  '\n});',
];

let wrapperProxy = new Proxy(ArrayPrototypeSlice(wrapperDefault), {
  __proto__: null,
  set(target, property, value, receiver) {
    patched = true;
    return ReflectSet(target, property, value, receiver);
  },
  defineProperty(target, property, descriptor) {
    patched = true;
    return ReflectDefineProperty(target, property, descriptor);
  },
});

ObjectDefineProperty(Module, 'wrap', {
  __proto__: null,
  get() { return wrap; },
  set(value) {
    patched = true;
    wrap = value;
  },
  enumerable: true,
  configurable: true,
});

ObjectDefineProperty(Module, 'wrapper', {
  __proto__: null,
  get() { return wrapperProxy; },
  set(value) {
    patched = true;
    wrapperProxy = value;
  },
  enumerable: true,
  configurable: true,
});

let debugDeprecationEmitted = false;
Module._debug = function _debug() {
  if (getOptionValue('--pending-deprecation') && !debugDeprecationEmitted) {
    debugDeprecationEmitted = true;
    process.emitWarning('Module._debug is deprecated.', 'DeprecationWarning',
                        'DEP0077');
  }
};

/* module.isBuiltin(name): whether require(name) gives a builtin. */
Module.isBuiltin = function isBuiltin(moduleName) {
  if (typeof moduleName !== 'string') return false;
  if (StringPrototypeStartsWith(moduleName, 'node:')) {
    return BuiltinModule.canBeRequiredByUsers(
      StringPrototypeSlice(moduleName, 5));
  }
  return BuiltinModule.canBeRequiredWithoutScheme(moduleName);
};

ObjectDefineProperty(Module, '_readPackage', {
  __proto__: null,
  get: resolution.getReadPackage,
  set: resolution.setReadPackage,
  enumerable: true,
  configurable: true,
});

Module._findPath = resolution.findPath;
Module._nodeModulePaths = resolution.nodeModulePaths;

/* The id a builtin request names ('fs' for 'fs' and 'node:fs'), or
 * undefined. */
function normalizeRequirableId(id) {
  if (StringPrototypeStartsWith(id, 'node:')) {
    const normalized = StringPrototypeSlice(id, 5);
    if (BuiltinModule.canBeRequiredByUsers(normalized)) return normalized;
  } else if (BuiltinModule.canBeRequiredWithoutScheme(id)) {
    return id;
  }
  return undefined;
}

/* The folders a request is looked up in: null for builtins; the parent's
 * folder for relative requests; node_modules paths otherwise. */
Module._resolveLookupPaths = function(request, parent) {
  if (normalizeRequirableId(request) !== undefined) return null;
  if (StringPrototypeCharCodeAt(request, 0) !== 46 /* . */ ||
      (request.length > 1 &&
       StringPrototypeCharCodeAt(request, 1) !== 46 &&
       StringPrototypeCharCodeAt(request, 1) !== 47)) {
    let paths;
    if (parent?.paths?.length) {
      paths = ArrayPrototypeSlice(modulePaths);
      const own = parent.paths;
      const merged = [];
      for (let i = 0; i < own.length; i++) ArrayPrototypePush(merged, own[i]);
      for (let i = 0; i < paths.length; i++) {
        ArrayPrototypePush(merged, paths[i]);
      }
      paths = merged;
    } else {
      paths = modulePaths;
    }
    return paths.length > 0 ? paths : null;
  }
  if (!parent || !parent.id || !parent.filename) return ['.'];
  return [path.dirname(parent.filename)];
};

/* Accessing a missing property of a module's exports while it is still
 * loading (a require cycle) warns. */
function emitCircularRequireWarning(prop) {
  process.emitWarning(
    `Accessing non-existent property '${String(prop)}' of module exports ` +
    'inside circular dependency');
}

const CircularRequirePrototypeWarningProxy = new Proxy({}, {
  __proto__: null,
  get(target, prop, receiver) {
    if (prop in ObjectPrototype) return ReflectGet(ObjectPrototype, prop,
                                                   receiver);
    if (prop === '__esModule') return undefined;
    emitCircularRequireWarning(prop);
    return undefined;
  },
  getOwnPropertyDescriptor(target, prop) {
    if (ObjectPrototypeHasOwnProperty(target, prop) || prop === '__esModule') {
      return ObjectGetOwnPropertyDescriptor(target, prop);
    }
    emitCircularRequireWarning(prop);
    return undefined;
  },
});

function getExportsForCircularRequire(module) {
  const exports = module.exports;
  if (exports && !isProxy(exports) &&
      ObjectGetPrototypeOf(exports) === ObjectPrototype &&
      !exports.__esModule) {
    ObjectSetPrototypeOf(exports, CircularRequirePrototypeWarningProxy);
  }
  return exports;
}

function loadBuiltinModule(id, request) {
  if (!BuiltinModule.canBeRequiredByUsers(id)) return undefined;
  return BuiltinModule.require(id);
}

const relativeResolveCache = ObjectCreate(null);

/* Module._load(request, parent, isMain): the exports of `request` as
 * required from `parent` (cache, builtins, then files). */
Module._load = function(request, parent, isMain) {
  let relResolveCacheIdentifier;
  if (parent) {
    relResolveCacheIdentifier = `${parent.path}\x00${request}`;
    const filename = relativeResolveCache[relResolveCacheIdentifier];
    if (filename !== undefined) {
      const cachedModule = Module._cache[filename];
      if (cachedModule !== undefined) {
        updateChildren(parent, cachedModule, true);
        if (!cachedModule.loaded) {
          return getExportsForCircularRequire(cachedModule);
        }
        return cachedModule.exports;
      }
      delete relativeResolveCache[relResolveCacheIdentifier];
    }
  }

  if (StringPrototypeStartsWith(request, 'node:')) {
    const id = StringPrototypeSlice(request, 5);
    const exports = loadBuiltinModule(id, request);
    if (exports === undefined) {
      throw new (lazyErrors().ERR_UNKNOWN_BUILTIN_MODULE)(request);
    }
    return exports;
  }

  const filename = Module._resolveFilename(request, parent, isMain);
  const cachedModule = Module._cache[filename];
  if (cachedModule !== undefined) {
    updateChildren(parent, cachedModule, true);
    if (!cachedModule.loaded) {
      const parseCached = cjsParseCache.get(cachedModule);
      if (!parseCached || parseCached.loaded) {
        return getExportsForCircularRequire(cachedModule);
      }
      parseCached.loaded = true;
    } else {
      return cachedModule.exports;
    }
  }

  if (cachedModule === undefined &&
      BuiltinModule.canBeRequiredWithoutScheme(filename)) {
    return loadBuiltinModule(filename, request);
  }

  const module = cachedModule || new Module(filename, parent);
  if (isMain) {
    process.mainModule = module;
    setOwnProperty(module.require, 'main', process.mainModule);
    module.id = '.';
    module[kIsMainSymbol] = true;
  } else {
    module[kIsMainSymbol] = false;
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
          const index = ArrayPrototypeIndexOf(children, module);
          if (index !== -1) ArrayPrototypeSplice(children, index, 1);
        }
      }
    } else if (module.exports && !isProxy(module.exports) &&
               ObjectGetPrototypeOf(module.exports) ===
                 CircularRequirePrototypeWarningProxy) {
      ObjectSetPrototypeOf(module.exports, ObjectPrototype);
    }
  }
  return module.exports;
};

/* Module._resolveFilename(request, parent, isMain, options): the file (or
 * builtin id) `request` names from `parent`; MODULE_NOT_FOUND with the
 * require stack when there is none. */
Module._resolveFilename = function(request, parent, isMain, options) {
  if (normalizeRequirableId(request) !== undefined) return request;

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
          fakeParent.paths = Module._nodeModulePaths(options.paths[i]);
          const lookupPaths = Module._resolveLookupPaths(request, fakeParent);
          for (let j = 0; j < lookupPaths.length; j++) {
            if (!ArrayPrototypeIncludes(paths, lookupPaths[j])) {
              ArrayPrototypePush(paths, lookupPaths[j]);
            }
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

  if (request[0] === '#' && (parent?.filename || parent?.id === '<repl>')) {
    const resolved = resolution.resolveImports(request, parent);
    if (resolved) return resolved;
  }

  const parentPath = resolution.trySelfParentPath(parent);
  const selfResolved = resolution.trySelf(parentPath, request);
  if (selfResolved) {
    const cacheKey = request + '\x00' +
      (paths.length === 1 ? paths[0] : ArrayPrototypeJoin(paths, '\x00'));
    Module._pathCache[cacheKey] = selfResolved;
    return selfResolved;
  }

  const filename = Module._findPath(request, paths, isMain);
  if (filename) return filename;
  const requireStack = [];
  for (let cursor = parent; cursor; cursor = moduleParentCache.get(cursor)) {
    ArrayPrototypePush(requireStack, cursor.filename || cursor.id);
  }
  let message = `Cannot find module '${request}'`;
  if (requireStack.length > 0) {
    message = message + '\nRequire stack:\n- ' +
      ArrayPrototypeJoin(requireStack, '\n- ');
  }
  // eslint-disable-next-line no-restricted-syntax
  const err = new Error(message);
  err.code = 'MODULE_NOT_FOUND';
  err.requireStack = requireStack;
  throw err;
};

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

/* module.load(filename): runs the extension handler for `filename`. */
Module.prototype.load = function(filename) {
  if (this.loaded) {
    throw new (lazyErrors().ERR_INTERNAL_ASSERTION)(
      'Module already loaded');
  }
  this.filename = filename;
  this.paths = Module._nodeModulePaths(path.dirname(filename));
  const extension = findLongestRegisteredExtension(filename);
  if (StringPrototypeEndsWith(filename, '.mjs') &&
      !Module._extensions['.mjs']) {
    throw new (lazyErrors().ERR_REQUIRE_ESM)(filename, true);
  }
  Module._extensions[extension](this, filename);
  this.loaded = true;
  /* A module the ES loader imported while this ran sees the final
   * exports. */
  const esm = getEsmLoaderIfLoaded();
  if (esm !== undefined) esm.noteCommonJSLoaded(this);
};

function getEsmLoaderIfLoaded() {
  if (!BuiltinModule.isLoaded('internal/modules/esm/loader')) {
    return undefined;
  }
  return require('internal/modules/esm/loader');
}

/* module.require(id) */
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

/* Compiles `content` as a CommonJS module body: the wrapper function
 * (exports, require, module, __filename, __dirname), with exact line
 * numbers. A patched Module.wrap/wrapper is honoured. */
function wrapSafe(filename, content, cjsModuleInstance) {
  try {
    if (patched) {
      const wrapped = Module.wrap(content);
      const { runInThisContext } = internalBinding('contextify');
      return runInThisContext(wrapped, filename);
    }
    return compileFunction(content, filename,
                           ['exports', 'require', 'module', '__filename',
                            '__dirname']);
  } catch (err) {
    if (cjsModuleInstance !== undefined &&
        process.mainModule === cjsModuleInstance) {
      enrichCJSError(err, content);
    }
    throw err;
  }
}

function parsesAsModule(content) {
  try {
    const { ModuleWrap } = internalBinding('module_wrap');
    new ModuleWrap('file:///[syntax-check]', content);
    return true;
  } catch {
    return false;
  }
}

/* A SyntaxError of a main script written as an ES module gets Node's
 * hint, printed at once (the process is about to die). */
function enrichCJSError(err, content) {
  if (err != null && ObjectGetPrototypeOf(err) === SyntaxErrorPrototype &&
      require('internal/modules/cjs/lexer').hasModuleSyntax(content || '') &&
      parsesAsModule(content)) {
    require('internal/process/warning').emitWarningSync(
      'To load an ES module, set "type": "module" in the package.json or ' +
      'use the .mjs extension.');
  }
}

/* module._compile(content, filename): runs the module body. */
Module.prototype._compile = function(content, filename) {
  const compiledWrapper = wrapSafe(filename, content, this);
  const dirname = path.dirname(filename);
  const require = makeRequireFunction(this);
  const exports = this.exports;
  const thisValue = exports;
  const module = this;
  if (requireDepth === 0) resolution.setStatCache(new SafeMap());
  let result;
  this[kIsExecuting] = true;
  try {
    result = ReflectApply(compiledWrapper, thisValue,
                          [exports, require, module, filename, dirname]);
  } finally {
    this[kIsExecuting] = false;
    if (requireDepth === 0) resolution.setStatCache(null);
  }
  hasLoadedAnyUserCJSModule = true;
  return result;
};

function stripBOM(content) {
  if (StringPrototypeCharCodeAt(content) === 0xFEFF) {
    content = StringPrototypeSlice(content, 1);
  }
  return content;
}

Module._extensions['.js'] = function(module, filename) {
  const cached = cjsParseCache.get(module);
  let content;
  if (cached?.source) {
    content = cached.source;
    cached.source = undefined;
  } else {
    content = require('fs').readFileSync(filename, 'utf8');
  }
  if (StringPrototypeEndsWith(filename, '.js')) {
    const pkg = resolution.readPackageScope(filename);
    if (pkg?.data?.type === 'module') {
      const parent = moduleParentCache.get(module);
      const parentPath = parent?.filename;
      const packageJsonPath = path.resolve(pkg.path, 'package.json');
      const usesEsm = require('internal/modules/cjs/lexer')
        .hasModuleSyntax(content);
      throw new (lazyErrors().ERR_REQUIRE_ESM)(filename, usesEsm, parentPath,
                                               packageJsonPath);
    }
  }
  module._compile(content, filename);
};

Module._extensions['.json'] = function(module, filename) {
  const content = require('fs').readFileSync(filename, 'utf8');
  try {
    setOwnProperty(module, 'exports', JSONParse(stripBOM(content)));
  } catch (err) {
    err.message = filename + ': ' + err.message;
    throw err;
  }
};

let napiAsyncHooksInstalled = false;
Module._extensions['.node'] = function(module, filename) {
  if (!napiAsyncHooksInstalled) {
    /* Node-API async resources report to async_hooks. */
    napiAsyncHooksInstalled = true;
    internalBinding('module_wrap').setNapiAsyncHooks(
      require('internal/napi_async_context'));
  }
  return process.dlopen(module, path.toNamespacedPath(filename));
};

/* require() for module `mod`: require(id), require.resolve(request,
 * { paths }), require.resolve.paths(request), .main, .extensions,
 * .cache. */
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

function createRequireFromPath(filepath) {
  const trailingSlash = StringPrototypeEndsWith(filepath, '/');
  const proxyPath = trailingSlash ? path.join(filepath, 'noop.js') : filepath;
  const m = new Module(proxyPath);
  m.filename = proxyPath;
  m.paths = Module._nodeModulePaths(m.path);
  return makeRequireFunction(m);
}

const createRequireError = 'must be a file URL object, file URL string, or ' +
  'absolute path string';

/* module.createRequire(filename): a require() resolving from `filename`
 * (a path, file URL or URL string). */
function createRequire(filename) {
  let filepath;
  const { isURL, fileURLToPath } = require('internal/url');
  if (isURL(filename) ||
      (typeof filename === 'string' && !path.isAbsolute(filename))) {
    try {
      filepath = fileURLToPath(filename);
    } catch {
      throw new (lazyErrors().ERR_INVALID_ARG_VALUE)('filename', filename,
                                                     createRequireError);
    }
  } else if (typeof filename !== 'string') {
    throw new (lazyErrors().ERR_INVALID_ARG_VALUE)('filename', filename,
                                                   createRequireError);
  } else {
    filepath = filename;
  }
  return createRequireFromPath(filepath);
}
Module.createRequire = createRequire;

/* Module._initPaths(): NODE_PATH, then $HOME/.node_modules,
 * $HOME/.node_libraries and <prefix>/lib/node. */
Module._initPaths = function() {
  const homeDir = process.env.HOME;
  const nodePath = process.env.NODE_PATH;
  const prefixDir = path.resolve(process.execPath, '..', '..');
  const paths = [];
  if (nodePath) {
    const parts = StringPrototypeSplit(nodePath, path.delimiter);
    for (let i = 0; i < parts.length; i++) {
      if (parts[i]) ArrayPrototypePush(paths, parts[i]);
    }
  }
  if (homeDir) {
    ArrayPrototypePush(paths, path.resolve(homeDir, '.node_modules'));
    ArrayPrototypePush(paths, path.resolve(homeDir, '.node_libraries'));
  }
  ArrayPrototypePush(paths, path.resolve(prefixDir, 'lib', 'node'));
  modulePaths = paths;
  Module.globalPaths = ArrayPrototypeSlice(modulePaths);
};

/* Module._preloadModules(requests): -r modules, resolved from the current
 * directory. */
Module._preloadModules = function(requests) {
  if (!ArrayIsArray(requests)) return;
  isPreloading = true;
  const parent = new Module('internal/preload', null);
  try {
    parent.paths = Module._nodeModulePaths(process.cwd());
  } catch (e) {
    if (e.code !== 'ENOENT') {
      isPreloading = false;
      throw e;
    }
  }
  try {
    for (let n = 0; n < requests.length; n++) parent.require(requests[n]);
  } finally {
    isPreloading = false;
  }
};

/* Module.syncBuiltinESMExports(): copies builtins' current exports into
 * their ES module namespaces. */
Module.syncBuiltinESMExports = function syncBuiltinESMExports() {
  const esm = getEsmLoaderIfLoaded();
  if (esm !== undefined) esm.syncBuiltinExports();
};

/* The main entry point's path (realpath unless --preserve-symlinks-main),
 * or undefined when no file matches. */
function resolveMainPath(main) {
  const defaultType = getOptionValue('--experimental-default-type');
  let mainPath;
  if (defaultType === 'module') {
    /* No extension searching for an ES module entry point. */
    if (getOptionValue('--preserve-symlinks-main')) return undefined;
    mainPath = path.resolve(main);
  } else {
    mainPath = Module._findPath(path.resolve(main), null, true);
  }
  if (!mainPath) return undefined;
  if (getOptionValue('--preserve-symlinks-main')) return mainPath;
  try {
    return resolution.toRealPath(mainPath);
  } catch (err) {
    if (defaultType === 'module' && err?.code === 'ENOENT') {
      const { decorateErrorWithCommonJSHints } =
        require('internal/modules/esm/resolve');
      const { pathToFileURL } = require('internal/url');
      decorateErrorWithCommonJSHints(err, mainPath,
                                     pathToFileURL(`${process.cwd()}/`).href);
    }
    throw err;
  }
}

/* Whether the main entry point runs through the ES loader. */
function shouldUseESMLoader(mainPath) {
  if (getOptionValue('--experimental-default-type') === 'module') return true;
  if (getOptionValue('--experimental-loader').length > 0 ||
      getOptionValue('--import').length > 0) {
    return true;
  }
  if (getOptionValue('--experimental-specifier-resolution') === 'node') {
    return true;
  }
  if (mainPath && StringPrototypeEndsWith(mainPath, '.mjs')) return true;
  if (!mainPath || StringPrototypeEndsWith(mainPath, '.cjs')) return false;
  const pkg = resolution.readPackageScope(mainPath);
  return pkg && pkg.data.type === 'module';
}

/* Module.runMain(main): runs the entry script as CommonJS or through the
 * ES loader. */
Module.runMain = function(main = process.argv[1]) {
  const resolvedMain = resolveMainPath(main);
  if (shouldUseESMLoader(resolvedMain)) {
    const esm = require('internal/modules/esm/loader');
    const { pathToFileURL } = require('internal/url');
    const mainPath = resolvedMain || main;
    const mainURL = path.isAbsolute(mainPath) ?
      pathToFileURL(mainPath).href : mainPath;
    esm.runMainEntryPoint(mainURL);
    return;
  }
  Module._load(main, null, true);
};

Module.findSourceMap = function findSourceMap(sourceURL) {
  return undefined;
};

/* module.SourceMap: a parsed source map (payload only). */
class SourceMap {
  #payload;
  constructor(payload) {
    this.#payload = payload;
  }
  get payload() {
    return this.#payload;
  }
  findEntry() {
    return {};
  }
}
Module.SourceMap = SourceMap;

/* module.register(specifier, parentURL, options): adds loader hooks. */
Module.register = function register(specifier, parentURL, options) {
  return require('internal/modules/esm/hooks').register(specifier, parentURL,
                                                         options);
};

Module.Module = Module;

Module._initPaths();

Module.builtinModules = [];
for (const id of BuiltinModule.ids) {
  if (BuiltinModule.canBeRequiredWithoutScheme(id)) {
    ArrayPrototypePush(Module.builtinModules, id);
  }
}
ObjectFreeze(Module.builtinModules);

/* Used by the ES loader: `filename` as a Module registered in the cache
 * before it runs (so require() during its evaluation sees it), with its
 * source kept for the .js handler. */
function registerForEsm(filename, source, exportNames) {
  let module = Module._cache[filename];
  if (module !== undefined) {
    const cached = cjsParseCache.get(module);
    if (cached !== undefined) return { module, cached };
  }
  const loaded = module !== undefined;
  if (!loaded) {
    module = new Module(filename);
    module.filename = filename;
    module.paths = Module._nodeModulePaths(module.path);
    Module._cache[filename] = module;
  }
  const cached = { source, exportNames, loaded };
  cjsParseCache.set(module, cached);
  return { module, cached };
}

function isMainModule(module) {
  return module[kIsMainSymbol] === true;
}

/* Makes `name` ('[eval]', '[stdin]', '[worker eval]') a module of `cwd`
 * and gives the global scope its module/exports/require/__filename/
 * __dirname, as code run by -e, stdin or a Worker's eval sees them.
 * Returns the module. */
function setEvalGlobals(name, cwd) {
  const module = new Module(name);
  module.filename = path.join(cwd, name);
  module.paths = Module._nodeModulePaths(cwd);
  globalThis.module = module;
  globalThis.exports = module.exports;
  globalThis.require = makeRequireFunction(module);
  globalThis.__filename = name;
  globalThis.__dirname = '.';
  return module;
}

module.exports = {
  Module,
  makeRequireFunction,
  setEvalGlobals,
  readPackageScope: resolution.readPackageScope,
  wrapSafe,
  stripBOM,
  kIsMainSymbol,
  cjsParseCache,
  registerForEsm,
  isMainModule,
  get hasLoadedAnyUserCJSModule() { return hasLoadedAnyUserCJSModule; },
  normalizeRequirableId,
  enrichCJSError,
};
