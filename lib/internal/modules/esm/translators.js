'use strict';
/* translators.js (esm) - turns a loaded module (format + source) into a
 * ModuleWrap: ES source text, CommonJS (default export plus the named
 * exports the lexer finds), JSON (sharing the CommonJS cache), builtins
 * (a facade whose exports syncBuiltinESMExports() refreshes) and
 * WebAssembly. Each translator returns { __proto__: null, module }. */

const {
  ArrayPrototypeMap,
  ArrayPrototypePush,
  JSONParse,
  JSONStringify,
  ObjectKeys,
  ObjectPrototypeHasOwnProperty,
  ReflectGet,
  SafeMap,
  SafeSet,
  StringPrototypeCharCodeAt,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
} = primordials;

const { ModuleWrap } = internalBinding('module_wrap');
const { BuiltinModule } = require('internal/bootstrap/realm');
const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const {
  codes: {
    ERR_INVALID_RETURN_PROPERTY_VALUE,
    ERR_UNKNOWN_BUILTIN_MODULE,
  },
} = require('internal/errors');

let urlModule;
function url() {
  urlModule ??= require('internal/url');
  return urlModule;
}

function emitExperimentalWarning(feature) {
  require('internal/util').emitExperimentalWarning(feature);
}

function assertBufferSource(body, allowString, hookName) {
  if (allowString && typeof body === 'string') return;
  if (isAnyArrayBuffer(body) || isArrayBufferView(body)) return;
  throw new ERR_INVALID_RETURN_PROPERTY_VALUE(
    `${allowString ? 'string, ' : ''}array buffer, or typed array`,
    hookName, 'source', body);
}

let decoder;
/* Source text of a string or byte source (UTF-8, BOM dropped). */
function stringify(body) {
  if (typeof body === 'string') return body;
  assertBufferSource(body, false, 'transpile');
  if (decoder === undefined) {
    const { TextDecoder } = require('internal/encoding');
    decoder = new TextDecoder();
  }
  return decoder.decode(body);
}

function stripBOM(content) {
  if (StringPrototypeCharCodeAt(content) === 0xFEFF) {
    return StringPrototypeSlice(content, 1);
  }
  return content;
}

/* Metadata of each source text module wrap: wrap -> { url }. */
const moduleInfo = new primordials.SafeWeakMap();

function translateModule(href, source) {
  assertBufferSource(source, true, 'load');
  source = stringify(source);
  const module = new ModuleWrap(href, source);
  moduleInfo.set(module, { url: href });
  return { __proto__: null, module };
}

/* CommonJS through the CommonJS loader, registered in its cache first.
 * Named exports: what the lexer finds (following re-exports), set when
 * module.exports has them as own properties. */
function translateCommonJS(href, source, isMain) {
  const filename = url().fileURLToPath(new (url().URL)(href));
  const { module, exportNames } = cjsPreparseModuleExports(filename);
  const names = [...exportNames];
  const { Module } = require('internal/modules/cjs/loader');
  const wrap = new ModuleWrap(href, names, function() {
    let exports;
    const pending = cjsExportsCache.get(module);
    if (pending !== undefined) {
      exports = pending;
      cjsExportsCache.delete(module);
    } else {
      try {
        exports = Module._load(filename, undefined, isMain);
      } catch (err) {
        let content;
        try {
          content = require('fs').readFileSync(filename, 'utf8');
        } catch {
          /* nothing to explain */
        }
        require('internal/modules/cjs/loader').enrichCJSError(err, content);
        throw err;
      }
    }
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      if (name === 'default') continue;
      if (exports == null ||
          !ObjectPrototypeHasOwnProperty(exports, name)) {
        continue;
      }
      let value;
      try {
        value = exports[name];
      } catch {
        /* a throwing getter exports undefined */
      }
      this.setExport(name, value);
    }
    this.setExport('default', exports);
  });
  cjsWraps.set(module, wrap);
  return { __proto__: null, module: wrap };
}

/* CommonJS module -> exports captured when it finished loading before its
 * ES wrapper evaluated (see noteCommonJSLoaded). */
const cjsExportsCache = new primordials.SafeWeakMap();
const cjsWraps = new primordials.SafeWeakMap();

/* Called by the CommonJS loader when `module` finished loading. */
function noteCommonJSLoaded(module) {
  const wrap = cjsWraps.get(module);
  if (wrap === undefined) return;
  if (wrap.getStatus() < 4 /* kEvaluated */ && !cjsExportsCache.has(module)) {
    cjsExportsCache.set(module, module.exports);
  }
}

/* The export names of a CommonJS file (and its module record). */
function cjsPreparseModuleExports(filename) {
  const { Module, cjsParseCache, registerForEsm } =
    require('internal/modules/cjs/loader');
  let module = Module._cache[filename];
  if (module) {
    const cached = cjsParseCache.get(module);
    if (cached) return { module, exportNames: cached.exportNames };
  }
  let source;
  try {
    source = require('fs').readFileSync(filename, 'utf8');
  } catch {
    /* the loader reports the error when it runs the module */
  }
  let exports = [];
  let reexports = [];
  try {
    ({ exports, reexports } =
      require('internal/modules/cjs/lexer').parse(source || ''));
  } catch {
    exports = [];
    reexports = [];
  }
  const exportNames = new SafeSet();
  exportNames.add('default');
  for (let i = 0; i < exports.length; i++) exportNames.add(exports[i]);
  ({ module } = registerForEsm(filename, source, exportNames));
  if (reexports.length) {
    module.filename = filename;
    module.paths = Module._nodeModulePaths(module.path);
  }
  const path = require('path');
  for (let i = 0; i < reexports.length; i++) {
    let resolved;
    try {
      resolved = Module._resolveFilename(reexports[i], module);
    } catch {
      continue;
    }
    const ext = path.extname(resolved);
    if ((ext === '.js' || ext === '.cjs' || !Module._extensions[ext]) &&
        path.isAbsolute(resolved)) {
      const { exportNames: reexportNames } =
        cjsPreparseModuleExports(resolved);
      for (const name of reexportNames) exportNames.add(name);
    }
  }
  return { module, exportNames };
}

/* Builtins: one facade per builtin; its named exports are the builtin's
 * enumerable own properties when first imported. */
const builtinFacades = new SafeMap();

function getOwn(target, property, receiver) {
  return ObjectPrototypeHasOwnProperty(target, property) ?
    ReflectGet(target, property, receiver) : undefined;
}

function syncFacade(facade) {
  const { exports, exportKeys, module } = facade;
  for (let i = 0; i < exportKeys.length; i++) {
    const name = exportKeys[i];
    if (name === 'default') continue;
    let value;
    try {
      value = getOwn(exports, name, exports);
    } catch {
      value = undefined;
    }
    module.setExport(name, value);
  }
  module.setExport('default', exports);
}

function getBuiltinFacade(id, href) {
  let facade = builtinFacades.get(id);
  if (facade !== undefined) return facade.module;
  const exports = BuiltinModule.require(id);
  const exportKeys = exports !== null && (typeof exports === 'object' ||
                                          typeof exports === 'function') ?
    ObjectKeys(exports) : [];
  const names = [];
  for (let i = 0; i < exportKeys.length; i++) {
    if (exportKeys[i] !== 'default') ArrayPrototypePush(names, exportKeys[i]);
  }
  ArrayPrototypePush(names, 'default');
  facade = { exports, exportKeys: names, module: undefined };
  facade.module = new ModuleWrap(`node:${id}`, names, function() {
    syncFacade(facade);
  });
  builtinFacades.set(id, facade);
  facade.module.instantiate();
  facade.module.evaluate();
  return facade.module;
}

/* module.syncBuiltinESMExports() */
function syncBuiltinExports() {
  for (const { 1: facade } of builtinFacades) {
    if (facade.module.getStatus() >= 4) syncFacade(facade);
  }
}

function translateBuiltin(href) {
  const id = StringPrototypeStartsWith(href, 'node:') ?
    StringPrototypeSlice(href, 5) : href;
  if (!BuiltinModule.canBeRequiredByUsers(id)) {
    throw new ERR_UNKNOWN_BUILTIN_MODULE(href);
  }
  return { __proto__: null, module: getBuiltinFacade(id, href) };
}

function errPath(href) {
  try {
    const parsed = new (url().URL)(href);
    if (parsed.protocol === 'file:') return url().fileURLToPath(parsed);
  } catch {
    /* not a URL */
  }
  return href;
}

function jsonWrap(href, exports) {
  return new ModuleWrap(href, ['default'], function() {
    this.setExport('default', exports);
  });
}

/* JSON: parsed when translated; file: JSON shares require()'s cache. */
function translateJSON(href, source) {
  emitExperimentalWarning('Importing JSON modules');
  assertBufferSource(source, true, 'load');
  const { Module } = require('internal/modules/cjs/loader');
  /* Only a plain file URL (no query or hash) shares require()'s cache. */
  let pathname = null;
  if (StringPrototypeStartsWith(href, 'file:')) {
    const parsed = new (url().URL)(href);
    if (parsed.search === '' && parsed.hash === '') {
      pathname = url().fileURLToPath(parsed);
    }
  }
  let module;
  if (pathname) {
    module = Module._cache[pathname];
    if (module && module.loaded) {
      return { __proto__: null, module: jsonWrap(href, module.exports) };
    }
  }
  source = stringify(source);
  if (pathname) {
    module = Module._cache[pathname];
    if (module && module.loaded) {
      return { __proto__: null, module: jsonWrap(href, module.exports) };
    }
  }
  let exports;
  try {
    exports = JSONParse(stripBOM(source));
  } catch (err) {
    err.message = errPath(href) + ': ' + err.message;
    throw err;
  }
  if (pathname) Module._cache[pathname] = { exports, loaded: true };
  return { __proto__: null, module: jsonWrap(href, exports) };
}

/* WebAssembly (behind --experimental-wasm-modules): a generated module
 * importing the wasm imports and re-exporting the instance's exports. */
function translateWasm(href, source) {
  emitExperimentalWarning('Importing WebAssembly modules');
  assertBufferSource(source, false, 'load');
  let compiled;
  try {
    /* Synchronous compilation: it needs no platform task pumping. */
    compiled = new WebAssembly.Module(source);
  } catch (err) {
    err.message = errPath(href) + ': ' + err.message;
    throw err;
  }
  const imports = ArrayPrototypeMap(WebAssembly.Module.imports(compiled),
                                    ({ module }) => module);
  const exports = ArrayPrototypeMap(WebAssembly.Module.exports(compiled),
                                    ({ name }) => name);
  return { __proto__: null,
           module: createDynamicModule(imports, exports, href, compiled) };
}

/* Pending WebAssembly instantiations, by generated module url. */
const wasmPending = new SafeMap();

function createDynamicModule(imports, exports, href, compiled) {
  const uniqSet = new SafeSet();
  for (let i = 0; i < imports.length; i++) uniqSet.add(imports[i]);
  const uniq = [...uniqSet];
  const key = `${href}`;
  let src = '';
  for (let i = 0; i < uniq.length; i++) {
    src += `import * as $import_${i} from ${JSONStringify(uniq[i])};\n`;
  }
  for (let i = 0; i < exports.length; i++) {
    src += `let $export_${i};\nexport { $export_${i} as ` +
      `${JSONStringify(exports[i])} };\n`;
  }
  src += 'const $imports = { __proto__: null };\n';
  for (let i = 0; i < uniq.length; i++) {
    src += `$imports[${JSONStringify(uniq[i])}] = $import_${i};\n`;
  }
  src += `const $e = import.meta.instantiate($imports);\n`;
  for (let i = 0; i < exports.length; i++) {
    src += `$export_${i} = $e[${JSONStringify(exports[i])}];\n`;
  }
  const module = new ModuleWrap(href, src);
  wasmPending.set(key, compiled);
  moduleInfo.set(module, { url: href, wasm: compiled });
  return module;
}

/* import.meta.instantiate for the generated WebAssembly wrapper. */
function wasmInstantiate(compiled) {
  return (importObject) =>
    new WebAssembly.Instance(compiled, importObject).exports;
}

const translators = new SafeMap();
translators.set('module', translateModule);
translators.set('commonjs', translateCommonJS);
translators.set('builtin', translateBuiltin);
translators.set('json', translateJSON);
translators.set('wasm', translateWasm);

module.exports = {
  translators,
  moduleInfo,
  stringify,
  syncBuiltinExports,
  noteCommonJSLoaded,
  getBuiltinFacade,
  wasmInstantiate,
  cjsPreparseModuleExports,
};
