'use strict';
/* loader.js (esm) - the ES module loader: resolves and loads every module
 * of a graph (ESM source, CommonJS, JSON, builtins, data: URLs) into
 * ModuleWraps, links them, instantiates and evaluates; also serves
 * import() from anywhere and import.meta. One module map per realm. */

const {
  ArrayPrototypeMap,
  JSONParse,
  ObjectKeys,
  PromisePrototypeThen,
  SafeMap,
  SafePromiseAll,
  SafeSet,
  StringPrototypeEndsWith,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
} = primordials;

const { ModuleWrap, setModuleHooks, kEvaluated, kErrored, kInstantiated } =
  internalBinding('module_wrap');
const { readFileUtf8 } = internalBinding('fs');
const { BuiltinModule } = require('internal/bootstrap/realm');
const { getOptionValue } = require('internal/options');
const { defaultResolve } = require('internal/modules/esm/resolve');
const packageJsonReader = require('internal/modules/package_json_reader');
const {
  codes: {
    ERR_IMPORT_ASSERTION_TYPE_FAILED,
    ERR_IMPORT_ASSERTION_TYPE_MISSING,
    ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED,
    ERR_UNKNOWN_FILE_EXTENSION,
    ERR_INVALID_URL,
  },
} = require('internal/errors');

let urlModule;
function url() {
  urlModule ??= require('internal/url');
  return urlModule;
}

/* url -> ModuleJob */
const moduleMap = new SafeMap();

/* The format of the module at `href`: 'module', 'commonjs', 'json' or
 * 'builtin'. */
function getFormat(href) {
  if (StringPrototypeStartsWith(href, 'node:')) return 'builtin';
  if (StringPrototypeStartsWith(href, 'data:')) {
    const mime = /^data:([^,;]*)/.exec(href)?.[1];
    if (mime === 'application/json') return 'json';
    if (mime === 'text/javascript') return 'module';
    throw new ERR_INVALID_URL(href);
  }
  const path = url().fileURLToPath(href);
  if (StringPrototypeEndsWith(path, '.mjs')) return 'module';
  if (StringPrototypeEndsWith(path, '.cjs')) return 'commonjs';
  if (StringPrototypeEndsWith(path, '.json')) return 'json';
  const type = packageJsonReader.getPackageType(path);
  if (StringPrototypeEndsWith(path, '.js')) {
    return type === 'module' ? 'module' : 'commonjs';
  }
  if (type !== 'module' && !/\.[^/]*$/.test(path)) return 'commonjs';
  const ext = /(\.[^./]*)$/.exec(path)?.[1] ?? '';
  throw new ERR_UNKNOWN_FILE_EXTENSION(ext, path);
}

function readSource(href) {
  if (StringPrototypeStartsWith(href, 'data:')) {
    const m = /^data:([^,]*?)(;base64)?,(.*)$/s.exec(href);
    if (m[2]) return require('buffer').Buffer.from(m[3], 'base64').toString();
    return decodeURIComponent(m[3]);
  }
  return readFileUtf8(url().fileURLToPath(href));
}

function validateAssertions(href, format, assertions) {
  const type = assertions?.type;
  if (format === 'json') {
    if (type === undefined) throw new ERR_IMPORT_ASSERTION_TYPE_MISSING(href,
                                                                        'json');
    if (type !== 'json') throw new ERR_IMPORT_ASSERTION_TYPE_FAILED(href, type);
  } else if (type !== undefined) {
    if (type === 'json') throw new ERR_IMPORT_ASSERTION_TYPE_FAILED(href, type);
    throw new ERR_IMPORT_ASSERTION_TYPE_UNSUPPORTED(type);
  }
}

/* Builds the ModuleWrap for `href` in `format`. */
function translate(href, format) {
  switch (format) {
    case 'module':
      return new ModuleWrap(href, readSource(href));
    case 'json': {
      const source = readSource(href);
      return new ModuleWrap(href, ['default'], function() {
        let value;
        try {
          value = JSONParse(source);
        } catch (err) {
          err.message = `${href}: ${err.message}`;
          throw err;
        }
        this.setExport('default', value);
      });
    }
    case 'builtin': {
      const id = StringPrototypeSlice(href, 5);
      const exports = BuiltinModule.require(id);
      const names = [...new SafeSet([...ObjectKeys(exports), 'default'])];
      return new ModuleWrap(href, names, function() {
        for (const name of names) {
          let value;
          try {
            value = name === 'default' ? exports : exports[name];
          } catch {
            /* A lazy export whose module is not available yet (e.g.
             * events.EventEmitterAsyncResource needs async_hooks): the
             * named import is undefined rather than failing the import. */
            value = undefined;
          }
          this.setExport(name, value);
        }
      });
    }
    case 'commonjs':
      return translateCommonJS(href);
  }
  throw new ERR_UNKNOWN_FILE_EXTENSION('', href);
}

/* CommonJS as ESM: default is module.exports; named exports are the names
 * the lexer finds (re-exports followed), when present on module.exports. */
function translateCommonJS(href) {
  const filename = url().fileURLToPath(href);
  const names = new SafeSet(['default']);
  collectCJSExports(filename, names, new SafeSet());
  const { Module } = require('internal/modules/cjs/loader');
  return new ModuleWrap(href, [...names], function() {
    let exports;
    const cached = Module._cache[filename];
    if (cached !== undefined && cached.loaded) {
      exports = cached.exports;
    } else {
      exports = Module._load(filename, undefined, false);
    }
    for (const name of names) {
      if (name === 'default') {
        this.setExport('default', exports);
      } else if (exports !== null && exports !== undefined &&
                 (typeof exports === 'object' ||
                  typeof exports === 'function') && name in exports) {
        this.setExport(name, exports[name]);
      }
    }
  });
}

function collectCJSExports(filename, names, seen) {
  if (seen.has(filename)) return;
  seen.add(filename);
  let source;
  try {
    source = readFileUtf8(filename);
  } catch {
    return;
  }
  const { exports, reexports } = require('internal/modules/cjs/lexer')
    .parse(source);
  for (const name of exports) names.add(name);
  if (reexports.length === 0) return;
  const { Module } = require('internal/modules/cjs/loader');
  const parent = new Module(filename);
  parent.filename = filename;
  parent.paths = Module._nodeModulePaths(require('path').dirname(filename));
  for (const specifier of reexports) {
    try {
      const resolved = Module._resolveFilename(specifier, parent, false);
      if (BuiltinModule.canBeRequiredWithoutScheme(resolved)) continue;
      collectCJSExports(resolved, names, seen);
    } catch {
      /* unresolvable re-exports add nothing */
    }
  }
}

/* One module of a graph: its wrap and the promise of its dependencies'
 * jobs. */
class ModuleJob {
  constructor(href, wrap) {
    this.url = href;
    this.module = wrap;
    this.linked = this._link();
    this.instantiated = undefined;
  }

  async _link() {
    const requests = this.module.getModuleRequests?.() ?? [];
    const jobs = await SafePromiseAll(ArrayPrototypeMap(
      requests, ({ specifier, assertions }) =>
        getModuleJob(specifier, this.url, assertions)));
    this.module.link(ArrayPrototypeMap(requests, (r) => r.specifier),
                     ArrayPrototypeMap(jobs, (j) => j.module));
    return jobs;
  }

  /* Waits for every job of the graph to be linked. */
  async _linkAll(seen = new SafeSet()) {
    if (seen.has(this)) return;
    seen.add(this);
    const jobs = await this.linked;
    await SafePromiseAll(ArrayPrototypeMap(jobs, (j) => j._linkAll(seen)));
  }

  async instantiate() {
    this.instantiated ??= (async () => {
      await this._linkAll();
      if (this.module.getStatus() < kInstantiated) this.module.instantiate();
    })();
    return this.instantiated;
  }

  async run() {
    await this.instantiate();
    const status = this.module.getStatus();
    if (status === kErrored) throw this.module.getError();
    if (status !== kEvaluated) await this.module.evaluate();
    if (this.module.getStatus() === kErrored) throw this.module.getError();
    return { __proto__: null, module: this.module };
  }
}

/* The (cached) job of `specifier` imported from `parentURL`. */
async function getModuleJob(specifier, parentURL, assertions) {
  const { url: href } = defaultResolve(specifier, { parentURL });
  let job = moduleMap.get(href);
  if (job !== undefined) {
    /* Every import of a module checks its own assertions. */
    validateAssertions(href, job.format, assertions);
    return job;
  }
  const format = getFormat(href);
  validateAssertions(href, format, assertions);
  job = new ModuleJob(href, translate(href, format));
  job.format = format;
  moduleMap.set(href, job);
  return job;
}

/* import(specifier) from `parentURL`: resolves to the namespace. */
async function importModule(specifier, parentURL, assertions) {
  const job = await getModuleJob(`${specifier}`, parentURL, assertions);
  const { module } = await job.run();
  return module.getNamespace();
}

/* The URL import() resolves against, for a referrer name from V8 (a file
 * path, a URL, or a name like [eval]). */
function referrerURL(name) {
  if (typeof name !== 'string' || name === '') {
    return url().pathToFileURL(`${process.cwd()}/`).href;
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(name) && !/^[a-z]:[\\/]/i.test(name)) {
    return name;
  }
  if (name[0] === '/') return url().pathToFileURL(name).href;
  return url().pathToFileURL(`${process.cwd()}/${name}`).href;
}

/* The import() hook: V8 calls it with the referrer's name. */
function importDynamically(specifier, referrerName, assertions) {
  return importModule(specifier, referrerURL(referrerName), assertions);
}

/* The import.meta hook: url, and resolve() behind its flag as in 18. */
function initializeImportMeta(meta, wrap) {
  meta.url = wrap.url;
  if (getOptionValue('--experimental-import-meta-resolve')) {
    meta.resolve = (specifier, parent = wrap.url) =>
      PromisePrototypeThen(Promise.resolve(), () =>
        defaultResolve(`${specifier}`, { parentURL: `${parent}` }).url);
  }
}

/* The bootstrap installs lazy trampolines to the two hooks above; nothing
 * more to do here (kept for callers that want to be explicit). */
function initializeHooks() {
  void setModuleHooks;
}

/* Runs the ESM entry point `href`; returns the evaluation promise. */
function runEntryPoint(href) {
  initializeHooks();
  return PromisePrototypeThen(getModuleJob(href, undefined, undefined),
                              (job) => job.run());
}

/* Evaluates `source` as an ES module named `name` (--input-type=module). */
async function evalModule(source, name) {
  initializeHooks();
  const href = referrerURL(name);
  const wrap = new ModuleWrap(href, source);
  const job = new ModuleJob(href, wrap);
  job.format = 'module';
  moduleMap.set(href, job);
  return job.run();
}

module.exports = {
  importDynamically,
  initializeImportMeta,
  importModule,
  initializeHooks,
  runEntryPoint,
  evalModule,
  getFormat,
  moduleMap,
};
