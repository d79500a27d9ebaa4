'use strict';
/* loader.js (esm) - the ES module loader: a module map of jobs keyed by
 * URL and import assertion type, resolution and loading through the
 * customization hooks or the defaults, import() from anywhere,
 * import.meta, the main entry point (with --import and
 * --experimental-loader), --input-type=module code, and module.register().
 * One loader per realm, plus one that loads the hooks' own modules. */

const {
  ArrayPrototypePush,
  ObjectSetPrototypeOf,
  PromisePrototypeThen,
  PromiseReject,
  PromiseResolve,
  RegExpPrototypeExec,
  SafeMap,
  SafeSet,
  SafeWeakMap,
} = primordials;

const { ModuleWrap, setModuleHooks } = internalBinding('module_wrap');
const { getOptionValue } = require('internal/options');
const { ModuleJob } = require('internal/modules/esm/module_job');
const {
  translators,
  moduleInfo,
  syncBuiltinExports,
  noteCommonJSLoaded,
} = require('internal/modules/esm/translators');
const {
  codes: {
    ERR_EVAL_ESM_CANNOT_PRINT,
    ERR_UNKNOWN_MODULE_FORMAT,
  },
} = require('internal/errors');

let urlModule;
function url() {
  urlModule ??= require('internal/url');
  return urlModule;
}

const kImplicitType = 'javascript';

/* specifier + its import attributes, as a cache key. */
function serializeKey(specifier, attributes) {
  let key = specifier + '::';
  if (attributes != null) {
    const keys = primordials.ObjectKeys(attributes);
    primordials.ArrayPrototypeSort(keys);
    for (let i = 0; i < keys.length; i++) {
      key += `${keys[i]}:${attributes[keys[i]]},`;
    }
  }
  return key;
}

/* Which loader created each source text module (for import() and
 * import.meta of modules the hooks loader created). */
const wrapLoader = new SafeWeakMap();
/* URLs of modules only the hooks loader has loaded. */
const hooksOnlyURLs = new SafeSet();

class ModuleLoader {
  #map = new SafeMap();
  #resolveCache = new SafeMap();
  #hooks;
  #isHooksLoader;

  constructor(hooks, isHooksLoader = false) {
    this.#hooks = hooks;
    this.#isHooksLoader = isHooksLoader;
    this.allowImportMetaResolve = !isHooksLoader;
  }

  get hooks() {
    return this.#hooks;
  }

  setHooks(hooks) {
    this.#hooks = hooks;
  }

  getJob(href, type = kImplicitType) {
    return this.#map.get(href)?.get(type);
  }

  setJob(href, type = kImplicitType, job) {
    let byType = this.#map.get(href);
    if (byType === undefined) {
      byType = new SafeMap();
      this.#map.set(href, byType);
    }
    byType.set(type, job);
  }

  hasURL(href) {
    return this.#map.has(href);
  }

  /* { url, format, importAttributes } of `specifier` from `parentURL`
   * (a promise when hooks run). */
  resolve(specifier, parentURL, importAttributes) {
    specifier = `${specifier}`;
    if (parentURL !== undefined && typeof parentURL !== 'string' &&
        !url().isURL(parentURL)) {
      const { codes: { ERR_INVALID_ARG_TYPE } } = require('internal/errors');
      throw new ERR_INVALID_ARG_TYPE('parentURL', ['string', 'URL'],
                                     parentURL);
    }
    if (this.#hooks?.hasCustomResolve) {
      return this.#hooks.resolve(specifier, parentURL, importAttributes);
    }
    /* The default resolution of a (specifier, attributes, parent) is
     * remembered: importing it again does not touch the file system. */
    const key = serializeKey(specifier, importAttributes);
    const byParent = this.#resolveCache.get(`${parentURL}`);
    const cached = byParent?.get(key);
    if (cached !== undefined) return cached;
    const { defaultResolve, getDefaultConditions } =
      require('internal/modules/esm/resolve');
    const result = defaultResolve(specifier, {
      conditions: getDefaultConditions(),
      importAttributes,
      parentURL,
    });
    if (byParent === undefined) {
      const map = new SafeMap();
      map.set(key, result);
      this.#resolveCache.set(`${parentURL}`, map);
    } else {
      byParent.set(key, result);
    }
    return result;
  }

  /* resolve() that must answer now (import.meta.resolve). */
  resolveSync(specifier, parentURL, importAttributes) {
    const result = this.resolve(specifier, parentURL, importAttributes);
    if (result === null || typeof result.then !== 'function') return result;
    PromisePrototypeThen(result, undefined, () => {});
    const settled = settleNow(result, kPending);
    if (settled !== kPending) return settled;
    /* Hooks that cannot answer synchronously: the default resolution. */
    const { defaultResolve, getDefaultConditions } =
      require('internal/modules/esm/resolve');
    return defaultResolve(`${specifier}`, {
      conditions: getDefaultConditions(), importAttributes, parentURL,
    });
  }

  /* { format, responseURL, source } of `href`. */
  load(href, context = { __proto__: null }) {
    if (this.#hooks?.hasCustomHooks) return this.#hooks.load(href, context);
    return require('internal/modules/esm/load').defaultLoad(href, context);
  }

  /* The job of `specifier` from `parentURL` (created when new). */
  async getModuleJob(specifier, parentURL, importAttributes) {
    const resolveResult = await this.resolve(specifier, parentURL,
                                             importAttributes);
    return this.getJobFromResolveResult(resolveResult, parentURL,
                                        importAttributes);
  }

  getJobFromResolveResult(resolveResult, parentURL, importAttributes) {
    const { url: href, format } = resolveResult;
    const attributes = resolveResult.importAttributes ?? importAttributes ??
      { __proto__: null };
    let job = this.getJob(href, attributes.type);
    if (job === undefined) {
      job = this.#createModuleJob(href, attributes, parentURL, format);
    }
    return job;
  }

  #createModuleJob(href, importAttributes, parentURL, format) {
    const moduleProvider = async (jobURL, isMain) => {
      const loaded = await this.load(jobURL, { format, importAttributes });
      const { format: finalFormat, responseURL, source } = loaded;
      if (finalFormat == null) {
        require('internal/modules/esm/load').throwUnknownModuleFormat(
          jobURL, finalFormat);
      }
      const translator = translators.get(finalFormat);
      if (!translator) {
        throw new ERR_UNKNOWN_MODULE_FORMAT(finalFormat, responseURL);
      }
      const result = await translator(responseURL, source, isMain);
      this.#adopt(result.module, responseURL);
      return result;
    };
    const job = new ModuleJob(this, href, importAttributes, moduleProvider,
                              parentURL === undefined);
    this.setJob(href, importAttributes.type, job);
    return job;
  }

  #adopt(wrap, href) {
    wrapLoader.set(wrap, this);
    if (this.#isHooksLoader) {
      if (!mainLoader().hasURL(href)) hooksOnlyURLs.add(href);
    } else {
      hooksOnlyURLs.delete(href);
    }
  }

  /* import(specifier) from `parentURL`: the module's namespace. */
  async import(specifier, parentURL, importAttributes) {
    const job = await this.getModuleJob(specifier, parentURL,
                                        importAttributes);
    const { module } = await job.run();
    return module.getNamespace();
  }

  /* Runs `source` as the ES module `href` (--eval / stdin). */
  async eval(source, href) {
    const provider = () => {
      const module = new ModuleWrap(href, source);
      moduleInfo.set(module, { url: href });
      this.#adopt(module, href);
      return PromiseResolve({ __proto__: null, module });
    };
    const job = new ModuleJob(this, href, { __proto__: null }, provider,
                              false);
    this.setJob(href, undefined, job);
    const { module } = await job.run();
    return { __proto__: null, namespace: module.getNamespace() };
  }

  /* Loads `specifier` and everything it imports synchronously, without
   * hooks (for module.register() of the hooks' own modules). Resolves
   * with the namespace; throws when evaluation does not finish now. */
  importSync(specifier, parentURL) {
    const { defaultLoadSync } = require('internal/modules/esm/load');
    const seen = new SafeMap();
    const loadOne = (spec, parent, attributes) => {
      const { url: href } = this.resolveSync(spec, parent,
                                             attributes ?? { __proto__: null });
      const existing = this.getJob(href, attributes?.type);
      if (existing?.module !== undefined) return existing.module;
      if (seen.has(href)) return seen.get(href);
      const { format, responseURL, source } = defaultLoadSync(href, {
        importAttributes: attributes ?? { __proto__: null },
      });
      const translator = translators.get(format);
      if (!translator) throw new ERR_UNKNOWN_MODULE_FORMAT(format, href);
      const result = translator(responseURL, source, false);
      if (typeof result?.then === 'function') {
        throw new ERR_UNKNOWN_MODULE_FORMAT(format, href);
      }
      const wrap = result.module;
      this.#adopt(wrap, href);
      seen.set(href, wrap);
      const requests = wrap.getModuleRequests();
      const specs = [];
      const deps = [];
      for (let i = 0; i < requests.length; i++) {
        ArrayPrototypePush(specs, requests[i].specifier);
        ArrayPrototypePush(deps, loadOne(requests[i].specifier, href,
                                         requests[i].assertions));
      }
      if (specs.length > 0) wrap.link(specs, deps);
      const job = {
        __proto__: null, module: wrap, url: href,
        modulePromise: PromiseResolve({ __proto__: null, module: wrap }),
        linked: PromiseResolve(), dependencyJobs: [],
        instantiate: () => PromiseResolve(),
        run: async () => {
          await wrap.evaluate();
          return { __proto__: null, module: wrap };
        },
      };
      this.setJob(href, attributes?.type, job);
      return wrap;
    };
    const wrap = loadOne(specifier, parentURL, { __proto__: null });
    if (wrap.getStatus() < 2) wrap.instantiate();
    const promise = wrap.evaluate();
    const state = promiseState(promise);
    if (state.state === 'rejected') throw state.value;
    if (state.state === 'pending') settleNow(promise);
    return wrap.getNamespace();
  }

  /* import.meta for a module of this loader. */
  importMetaInitialize(meta, href) {
    if (this.allowImportMetaResolve) {
      meta.resolve = createImportMetaResolve(href, this);
    }
    meta.url = href;
    if (importMetaCallback !== undefined) {
      importMetaCallback(meta, { url: href });
    }
  }
}
ObjectSetPrototypeOf(ModuleLoader.prototype, null);

let importMetaCallback;
/* globalPreload's setImportMetaCallback. */
function setImportMetaCallback(fn) {
  importMetaCallback = fn;
}

function createImportMetaResolve(defaultParentURL, loader) {
  const allowParentURL = getOptionValue('--experimental-import-meta-resolve');
  return function resolve(specifier, parentURL = defaultParentURL) {
    if (!allowParentURL) parentURL = defaultParentURL;
    let resolved;
    try {
      ({ url: resolved } = loader.resolveSync(`${specifier}`, parentURL));
      return resolved;
    } catch (error) {
      switch (error?.code) {
        case 'ERR_UNSUPPORTED_DIR_IMPORT':
        case 'ERR_MODULE_NOT_FOUND':
          if (error.url) return error.url;
      }
      throw error;
    }
  };
}

const { getPromiseDetails } = internalBinding('util');
const { runMicrotasks } = internalBinding('process_methods');

function promiseState(promise) {
  const details = getPromiseDetails(promise);
  const state = details?.[0];
  if (state === 1) return { state: 'fulfilled', value: details[1] };
  if (state === 2) return { state: 'rejected', value: details[1] };
  return { state: 'pending' };
}

const kPending = Symbol('kPending');

/* The value of a promise that settles through microtasks alone (ifPending
 * when it does not). */
function settleNow(promise, ifPending) {
  for (let i = 0; i < 1000; i++) {
    const s = promiseState(promise);
    if (s.state === 'fulfilled') return s.value;
    if (s.state === 'rejected') throw s.value;
    runMicrotasks();
  }
  if (ifPending !== undefined) return ifPending;
  const { codes: { ERR_INTERNAL_ASSERTION } } = require('internal/errors');
  throw new ERR_INTERNAL_ASSERTION(
    'a module customization hook did not settle synchronously');
}

let cascaded;
let hooksLoader;
let hooksInstance;

/* The realm's loader. */
function mainLoader() {
  if (cascaded === undefined) {
    cascaded = new ModuleLoader(undefined, false);
    if (getOptionValue('--experimental-network-imports')) {
      require('internal/util').emitExperimentalWarning('Network Imports');
    }
  }
  return cascaded;
}

/* The Hooks of this realm, created (with the hooks loader) on first use. */
function getHooks() {
  if (hooksInstance === undefined) {
    const { Hooks } = require('internal/modules/esm/hooks');
    hooksInstance = new Hooks();
    hooksLoader = new ModuleLoader(hooksInstance, true);
    mainLoader().setHooks(hooksInstance);
  }
  return hooksInstance;
}

/* module.register(): loads the hooks module now and adds its hooks. */
function registerHooks(specifier, parentURL, data, transferList) {
  const hooks = getHooks();
  const namespace = hooksLoader.importSync(specifier, parentURL);
  const result = hooks.addCustomLoader(specifier, namespace, data);
  if (result !== undefined && typeof result?.then === 'function') {
    settleNow(result);
  }
  /* Ports handed to the hooks would live on the hooks thread in Node: they
   * do not keep this thread's loop alive. */
  if (transferList != null) {
    for (let i = 0; i < transferList.length; i++) {
      const item = transferList[i];
      if (item !== null && typeof item?.unref === 'function') item.unref();
    }
  }
}

/* --experimental-loader modules, each loaded through the hooks before it;
 * then their globalPreload code. */
async function initializeLoaderFlags() {
  const specifiers = getOptionValue('--experimental-loader');
  if (specifiers.length === 0) return;
  require('internal/modules/esm/hooks').emitLoaderFlagWarning(specifiers);
  const hooks = getHooks();
  const parentURL = url().pathToFileURL(`${process.cwd()}/`).href;
  try {
    for (let i = 0; i < specifiers.length; i++) {
      const namespace = await hooksLoader.import(specifiers[i], parentURL,
                                                 { __proto__: null });
      await hooks.addCustomLoader(specifiers[i], namespace, undefined);
    }
  } catch (err) {
    throw asHooksThreadError(err);
  }
  hooks.initializeGlobalPreload();
}

/* What a failure to set the hooks up looks like once it reached the main
 * thread in Node (the hooks run on their own thread there): an error comes
 * back tagged "Error" (so it prints as "SyntaxError [Error]: ..."), and
 * values that cannot be cloned (functions) as their inspection. */
function asHooksThreadError(err) {
  if (typeof err === 'function') {
    return require('internal/util/inspect').inspect(err);
  }
  if (err !== null && typeof err === 'object' &&
      require('internal/util/types').isNativeError(err)) {
    try {
      primordials.ObjectDefineProperty(err, primordials.SymbolToStringTag, {
        __proto__: null, value: 'Error', configurable: true,
      });
    } catch {
      /* frozen: leave it */
    }
  }
  return err;
}

/* --import modules, in order, before the entry point. */
async function runImportFlags() {
  const imports = getOptionValue('--import');
  if (imports.length === 0) return;
  const parentURL = url().pathToFileURL(`${process.cwd()}/`).href;
  for (let i = 0; i < imports.length; i++) {
    await mainLoader().import(imports[i], parentURL, { __proto__: null });
  }
}

let preloadsDone;
/* Loader hooks and --import preloads, once. */
function initializeEsmPreloads() {
  preloadsDone ??= (async () => {
    await initializeLoaderFlags();
    await runImportFlags();
  })();
  return preloadsDone;
}

/* The loader import() and import.meta go through for a module/script
 * named `referrerName` (a URL, a file path or a name like [eval]). */
function loaderFor(referrerHref) {
  if (hooksLoader !== undefined && hooksOnlyURLs.has(referrerHref)) {
    return hooksLoader;
  }
  return mainLoader();
}

/* The URL import() resolves against for a referrer name from V8. */
function referrerURL(name) {
  if (typeof name !== 'string' || name === '') {
    return url().pathToFileURL(`${safeCwd()}/`).href;
  }
  if (RegExpPrototypeExec(/^[a-z][a-z0-9+.-]*:/i, name) !== null) {
    return name;
  }
  if (name[0] === '/') return url().pathToFileURL(name).href;
  return url().pathToFileURL(`${safeCwd()}/${name}`).href;
}

function safeCwd() {
  try {
    return process.cwd();
  } catch {
    return '/';
  }
}

/* vm modules and scripts with their own import.meta / import() callbacks:
 * the wrap's kVmCallbacks property, and referrer name -> import()
 * callback. */
const kVmCallbacks = Symbol('kVmCallbacks');
const referrerImporters = new SafeMap();

function isVmDefaultName(name) {
  return typeof name === 'string' &&
    (name === 'evalmachine.<anonymous>' ||
     RegExpPrototypeExec(/^vm:module\(\d+\)$/, name) !== null);
}

/* Called by vm.SourceTextModule for its wrap. */
function registerVmModule(wrap, { initializeImportMeta,
                                  importModuleDynamically }) {
  wrap[kVmCallbacks] = { __proto__: null, initializeImportMeta };
  if (importModuleDynamically !== undefined) {
    referrerImporters.set(wrap.url, importModuleDynamically);
  }
}

/* Called by vm.Script for an importModuleDynamically option: import() in
 * code named `filename` goes to fn(specifier, assertions). */
function registerReferrerImporter(filename, fn) {
  referrerImporters.set(filename, fn);
}

/* The import() hook: V8 calls it with the referrer's name. */
function importDynamically(specifier, referrerName, attributes) {
  const importer = referrerImporters.get(referrerName);
  if (importer !== undefined) {
    return importer(`${specifier}`, attributes ?? { __proto__: null });
  }
  if (isVmDefaultName(referrerName)) {
    /* vm code (by its default names) compiled without a callback. */
    const { codes: { ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING } } =
      require('internal/errors');
    return PromiseReject(new ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING());
  }
  const parent = referrerURL(referrerName);
  const loader = loaderFor(parent);
  const run = async () => {
    await initializeEsmPreloads();
    return loader.import(`${specifier}`, parent,
                         attributes ?? { __proto__: null });
  };
  return run();
}

/* The import.meta hook. */
function initializeImportMeta(meta, wrap) {
  const vmCallbacks = wrap?.[kVmCallbacks];
  if (vmCallbacks !== undefined) {
    vmCallbacks.initializeImportMeta?.(meta);
    return;
  }
  const info = moduleInfo.get(wrap);
  const href = info?.url ?? wrap?.url;
  if (info?.wasm !== undefined) {
    const { wasmInstantiate } = require('internal/modules/esm/translators');
    meta.instantiate = wasmInstantiate(info.wasm);
    return;
  }
  const loader = wrapLoader.get(wrap) ?? mainLoader();
  loader.importMetaInitialize(meta, href);
}

function initializeHooks() {
  setModuleHooks(importDynamically, initializeImportMeta);
}

/* Watches the main ES module's evaluation: a rejection is an uncaught
 * exception; if the loop empties with it still pending (an unsettled
 * top-level await), the exit code is 13. */
function handleMainPromise(promise) {
  /* Only an exit because the loop ran dry counts ('beforeExit' came
   * first); an explicit process.exit() keeps its own code. */
  let drained = false;
  const onBeforeExit = () => {
    drained = true;
  };
  const onExit = () => {
    if (drained && process.exitCode === undefined) process.exitCode = 13;
  };
  process.on('beforeExit', onBeforeExit);
  process.on('exit', onExit);
  const done = () => {
    process.off('beforeExit', onBeforeExit);
    process.off('exit', onExit);
  };
  PromisePrototypeThen(promise, done, (err) => {
    done();
    internalBinding('errors').triggerUncaughtException(err, true);
  });
  return promise;
}

/* Runs the entry point `mainURL` through the ES loader (after the loader
 * hooks and --import preloads). */
function runMainEntryPoint(mainURL) {
  initializeHooks();
  return handleMainPromise((async () => {
    await initializeEsmPreloads();
    return mainLoader().import(mainURL, undefined, { __proto__: null });
  })());
}

let evalIndex = 0;
/* Evaluates `source` as an ES module (--input-type=module -e / stdin). */
function evalModule(source, print) {
  initializeHooks();
  if (print) throw new ERR_EVAL_ESM_CANNOT_PRINT();
  RegExpPrototypeExec(/^/, '');
  const href = url().pathToFileURL(`${safeCwd()}/[eval${++evalIndex}]`).href;
  return handleMainPromise((async () => {
    await initializeEsmPreloads();
    return mainLoader().eval(source, href);
  })());
}

/* Runs the ESM preloads (for CommonJS -e/-p and stdin scripts when
 * --import or --experimental-loader are given), then `fn`. */
function runAfterPreloads(fn) {
  initializeHooks();
  const needed = getOptionValue('--import').length > 0 ||
    getOptionValue('--experimental-loader').length > 0;
  if (!needed) return fn();
  return handleMainPromise(PromisePrototypeThen(initializeEsmPreloads(), fn));
}

/* import(specifier) for internal callers (resolves to the namespace). */
function importModule(specifier, parentURL, attributes) {
  return mainLoader().import(specifier, parentURL,
                             attributes ?? { __proto__: null });
}

module.exports = {
  ModuleLoader,
  mainLoader,
  importDynamically,
  initializeImportMeta,
  importModule,
  initializeHooks,
  runMainEntryPoint,
  runAfterPreloads,
  evalModule,
  registerHooks,
  registerVmModule,
  registerReferrerImporter,
  setImportMetaCallback,
  syncBuiltinExports,
  noteCommonJSLoaded,
  referrerURL,
};
