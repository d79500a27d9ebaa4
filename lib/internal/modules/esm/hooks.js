'use strict';
/* hooks.js (esm) - module customization hooks (--experimental-loader and
 * module.register()): chains of resolve/load hooks, each called with a
 * next<Hook>() that runs the one registered before it (the defaults at the
 * end), with Node's validation of what each hook passes and returns;
 * initialize(data); and the deprecated globalPreload. Hooks run on the
 * main thread here, in a module graph of their own. */

const {
  ArrayPrototypeJoin,
  ArrayPrototypeMap,
  ArrayPrototypePush,
  FunctionPrototypeCall,
  ObjectAssign,
  ObjectCreate,
  ObjectPrototype,
  ObjectDefineProperty,
  ObjectPrototypeHasOwnProperty,
  SafeSet,
  StringPrototypeSlice,
  StringPrototypeToUpperCase,
} = primordials;

const { isAnyArrayBuffer, isArrayBufferView } = require('internal/util/types');
const {
  codes: {
    ERR_INTERNAL_ASSERTION,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_RETURN_PROPERTY_VALUE,
    ERR_INVALID_RETURN_VALUE,
    ERR_LOADER_CHAIN_INCOMPLETE,
  },
} = require('internal/errors');

let validators;
function v() {
  validators ??= require('internal/validators');
  return validators;
}

let importAssertionsWarned = false;
function warnImportAssertions() {
  if (importAssertionsWarned) return;
  importAssertionsWarned = true;
  process.emitWarning(
    'Use `importAttributes` instead of `importAssertions`',
    'ExperimentalWarning');
}

/* The prototype of hook contexts: the deprecated `importAssertions` alias
 * of `importAttributes` (warning when used), kept off the context's own
 * keys. */
const contextPrototype = ObjectCreate(ObjectPrototype, {
  importAssertions: {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() {
      warnImportAssertions();
      return this.importAttributes;
    },
    set(value) {
      warnImportAssertions();
      this.importAttributes = value;
    },
  },
});

function makeContext(fields) {
  return ObjectAssign(ObjectCreate(contextPrototype), fields);
}

/* A context a hook passed to next<Hook>(): an own importAssertions (the
 * old name) stands for importAttributes. */
function normalizeContextArg(ctx) {
  const desc = primordials.ObjectGetOwnPropertyDescriptor(
    ctx, 'importAssertions');
  if (desc !== undefined && 'value' in desc) {
    warnImportAssertions();
    if (!ObjectPrototypeHasOwnProperty(ctx, 'importAttributes')) {
      ctx = { ...ctx, importAttributes: desc.value };
    }
  }
  return ctx;
}

/* The hooks a loader module's namespace offers. */
function pluckHooks({ globalPreload, initialize, resolve, load }) {
  const accepted = { __proto__: null };
  if (resolve) accepted.resolve = resolve;
  if (load) accepted.load = load;
  if (initialize) {
    accepted.initialize = initialize;
  } else if (globalPreload) {
    accepted.globalPreload = globalPreload;
  }
  return accepted;
}

/* next<Hook>() for chain entry `current`. */
function nextHookFactory(current, meta, { validateArgs, validateOutput }) {
  const { hookName } = meta;
  const { fn: hook, url: hookFilePath, next } = current;
  const nextHookName = `next${StringPrototypeToUpperCase(hookName[0])}` +
    StringPrototypeSlice(hookName, 1);
  let nextNextHook;
  if (next) {
    nextNextHook = nextHookFactory(next, meta, { validateArgs,
                                                 validateOutput });
  } else {
    nextNextHook = function chainAdvancedTooFar() {
      throw new ERR_INTERNAL_ASSERTION(
        `ESM custom loader '${hookName}' advanced beyond the end of the ` +
        'chain.');
    };
  }
  return ObjectDefineProperty(
    async (arg0 = undefined, context) => {
      meta.hookErrIdentifier = `${hookFilePath} '${hookName}'`;
      validateArgs(`${meta.hookErrIdentifier} hook's ${nextHookName}()`,
                   arg0, context);
      const outputErrIdentifier =
        `${hookFilePath} '${hookName}' hook's ${nextHookName}()`;
      if (!next) meta.chainFinished = true;
      if (context) {
        ObjectAssign(meta.context, normalizeContextArg(context));
      }
      const output = await FunctionPrototypeCall(hook, undefined, arg0,
                                                 meta.context, nextNextHook);
      validateOutput(outputErrIdentifier, output);
      if (output?.shortCircuit === true) meta.shortCircuited = true;
      return output;
    },
    'name',
    { __proto__: null, value: nextHookName },
  );
}

class Hooks {
  #chains;
  #globalPreloaders = [];
  #validatedUrls = new SafeSet();

  constructor() {
    const { defaultResolve } = require('internal/modules/esm/resolve');
    const { defaultLoad } = require('internal/modules/esm/load');
    this.#chains = {
      resolve: [{ fn: defaultResolveHook(defaultResolve),
                  url: 'node:internal/modules/esm/resolve' }],
      load: [{ fn: defaultLoadHook(defaultLoad),
               url: 'node:internal/modules/esm/load' }],
    };
  }

  get hasCustomHooks() {
    return this.#chains.resolve.length > 1 || this.#chains.load.length > 1;
  }

  get hasCustomResolve() {
    return this.#chains.resolve.length > 1;
  }

  /* Adds the hooks of loader module `url` (its namespace `exports`);
   * returns what initialize(data) returned. */
  addCustomLoader(url, exports, data) {
    const { initialize, resolve, load, globalPreload } = pluckHooks(exports);
    if (globalPreload && !initialize) {
      require('internal/util').emitExperimentalWarning(
        '`globalPreload` is planned for removal in favor of `initialize`. ' +
        '`globalPreload`');
      ArrayPrototypePush(this.#globalPreloaders,
                         { fn: globalPreload, url });
    }
    if (resolve) {
      const next = this.#chains.resolve[this.#chains.resolve.length - 1];
      ArrayPrototypePush(this.#chains.resolve, { fn: resolve, url, next });
    }
    if (load) {
      const next = this.#chains.load[this.#chains.load.length - 1];
      ArrayPrototypePush(this.#chains.load, { fn: load, url, next });
    }
    return initialize?.(data);
  }

  /* Runs each globalPreload hook and evaluates the code it returns in the
   * main realm with getBuiltin, port and setImportMetaCallback. */
  initializeGlobalPreload() {
    const { BuiltinModule } = require('internal/bootstrap/realm');
    for (let i = 0; i < this.#globalPreloaders.length; i++) {
      const { fn, url } = this.#globalPreloaders[i];
      const port = makePreloadPort();
      const preloaded = fn({ port });
      if (preloaded == null) continue;
      if (typeof preloaded !== 'string') {
        throw new ERR_INVALID_RETURN_VALUE('a string', 'globalPreload',
                                           preloaded);
      }
      const getBuiltin = (name) => {
        const id = name.startsWith('node:') ? name.slice(5) : name;
        const ok = name.startsWith('node:') ?
          BuiltinModule.canBeRequiredByUsers(id) :
          BuiltinModule.canBeRequiredWithoutScheme(id);
        if (!ok) {
          throw new (require('internal/errors').codes
            .ERR_UNKNOWN_BUILTIN_MODULE)(name);
        }
        return BuiltinModule.require(id);
      };
      const setImportMetaCallback = (fn) => {
        require('internal/modules/esm/loader').setImportMetaCallback(fn);
      };
      const { runInThisContext } = internalBinding('contextify');
      const wrapper = runInThisContext(
        '(function (getBuiltin, port, setImportMetaCallback) {' +
        preloaded + '\n})', `${url}/globalPreload`);
      FunctionPrototypeCall(wrapper, globalThis, getBuiltin, port,
                            setImportMetaCallback);
    }
  }

  /* The resolve chain: { format, importAttributes, url }. */
  async resolve(originalSpecifier, parentURL, importAttributes) {
    throwIfInvalidParentURL(parentURL);
    const chain = this.#chains.resolve;
    const { getDefaultConditions } =
      require('internal/modules/esm/resolve');
    /* importAttributes is a copy: what a hook does to it does not change
     * the import. */
    const context = makeContext({
      conditions: getDefaultConditions(),
      importAttributes: ObjectAssign({}, importAttributes),
      parentURL,
    });
    const meta = {
      chainFinished: null,
      context,
      hookErrIdentifier: '',
      hookName: 'resolve',
      shortCircuited: false,
    };
    const validateArgs = (hookErrIdentifier, suppliedSpecifier, ctx) => {
      v().validateString(suppliedSpecifier, `${hookErrIdentifier} specifier`);
      if (ctx !== undefined) {
        v().validateObject(ctx, `${hookErrIdentifier} context`);
      }
    };
    const validateOutput = (hookErrIdentifier, output) => {
      if (typeof output !== 'object' || output === null) {
        throw new ERR_INVALID_RETURN_VALUE('an object', hookErrIdentifier,
                                           output);
      }
    };
    const nextResolve = nextHookFactory(chain[chain.length - 1], meta,
                                        { validateArgs, validateOutput });
    const resolution = await nextResolve(originalSpecifier, context);
    const { hookErrIdentifier } = meta;
    validateOutput(hookErrIdentifier, resolution);
    if (resolution?.shortCircuit === true) meta.shortCircuited = true;
    if (!meta.chainFinished && !meta.shortCircuited) {
      throw new ERR_LOADER_CHAIN_INCOMPLETE(hookErrIdentifier);
    }
    let resolvedImportAttributes = resolution.importAttributes;
    if (resolvedImportAttributes === undefined &&
        ObjectPrototypeHasOwnProperty(resolution, 'importAssertions')) {
      warnImportAssertions();
      resolvedImportAttributes = resolution.importAssertions;
    }
    const { format, url } = resolution;
    if (typeof url !== 'string') {
      throw new ERR_INVALID_RETURN_PROPERTY_VALUE(
        'a URL string', hookErrIdentifier, 'url', url);
    }
    try {
      new (require('internal/url').URL)(url);
    } catch {
      throw new ERR_INVALID_RETURN_PROPERTY_VALUE(
        'a URL string', hookErrIdentifier, 'url', url);
    }
    if (resolvedImportAttributes != null &&
        typeof resolvedImportAttributes !== 'object') {
      throw new ERR_INVALID_RETURN_PROPERTY_VALUE(
        'an object', hookErrIdentifier, 'importAttributes',
        resolvedImportAttributes);
    }
    if (format != null && typeof format !== 'string') {
      throw new ERR_INVALID_RETURN_PROPERTY_VALUE(
        'a string', hookErrIdentifier, 'format', format);
    }
    return {
      __proto__: null,
      format,
      importAttributes: resolvedImportAttributes,
      url,
    };
  }

  /* The load chain: { format, responseURL, source }. */
  async load(url, context = { __proto__: null }) {
    const chain = this.#chains.load;
    const ctx = makeContext({
      format: context.format,
      importAttributes: ObjectAssign({}, context.importAttributes),
    });
    const meta = {
      chainFinished: null,
      context: ctx,
      hookErrIdentifier: '',
      hookName: 'load',
      shortCircuited: false,
    };
    const validateArgs = (hookErrIdentifier, nextUrl, c) => {
      if (typeof nextUrl !== 'string') {
        throw new ERR_INVALID_ARG_TYPE(`${hookErrIdentifier} url`,
                                       'a URL string', nextUrl);
      }
      if (!this.#validatedUrls.has(nextUrl)) {
        try {
          new (require('internal/url').URL)(nextUrl);
          this.#validatedUrls.add(nextUrl);
        } catch {
          throw new ERR_INVALID_ARG_VALUE(`${hookErrIdentifier} url`, nextUrl,
                                          'should be a URL string');
        }
      }
      if (c) v().validateObject(c, `${hookErrIdentifier} context`);
    };
    const validateOutput = (hookErrIdentifier, output) => {
      if (typeof output !== 'object' || output === null) {
        throw new ERR_INVALID_RETURN_VALUE('an object', hookErrIdentifier,
                                           output);
      }
    };
    const nextLoad = nextHookFactory(chain[chain.length - 1], meta,
                                     { validateArgs, validateOutput });
    const loaded = await nextLoad(url, ctx);
    const { hookErrIdentifier } = meta;
    validateOutput(hookErrIdentifier, loaded);
    if (loaded?.shortCircuit === true) meta.shortCircuited = true;
    if (!meta.chainFinished && !meta.shortCircuited) {
      throw new ERR_LOADER_CHAIN_INCOMPLETE(hookErrIdentifier);
    }
    const { format, source } = loaded;
    let responseURL = loaded.responseURL;
    if (responseURL === undefined) responseURL = url;
    let responseURLObj;
    if (typeof responseURL === 'string') {
      try {
        responseURLObj = new (require('internal/url').URL)(responseURL);
      } catch {
        /* reported below */
      }
    }
    if (responseURLObj?.href !== responseURL) {
      throw new ERR_INVALID_RETURN_PROPERTY_VALUE(
        'undefined or a fully resolved URL string', hookErrIdentifier,
        'responseURL', responseURL);
    }
    if (format == null) {
      require('internal/modules/esm/load').throwUnknownModuleFormat(url,
                                                                     format);
    }
    if (typeof format !== 'string') {
      throw new ERR_INVALID_RETURN_PROPERTY_VALUE(
        'a string', hookErrIdentifier, 'format', format);
    }
    if (source != null && typeof source !== 'string' &&
        !isAnyArrayBuffer(source) && !isArrayBufferView(source)) {
      throw new ERR_INVALID_RETURN_PROPERTY_VALUE(
        `${ArrayPrototypeJoin(['string', 'an ArrayBuffer', 'a TypedArray'],
                              ', ')}`,
        hookErrIdentifier, 'source', source);
    }
    return { __proto__: null, format, responseURL, source };
  }
}

/* The default resolve as the last link of the chain. */
function defaultResolveHook(defaultResolve) {
  return function defaultResolveEntry(specifier, context) {
    return defaultResolve(specifier, context);
  };
}

/* The default load as the last link of the chain (validating the import
 * attributes the chain settled on). */
function defaultLoadHook(defaultLoad) {
  return function defaultLoadEntry(url, context) {
    return defaultLoad(url, context);
  };
}

function throwIfInvalidParentURL(parentURL) {
  if (parentURL === undefined) return;
  const { isURL } = require('internal/url');
  if (typeof parentURL !== 'string' && !isURL(parentURL)) {
    throw new ERR_INVALID_ARG_TYPE('parentURL', ['string', 'URL'], parentURL);
  }
}

/* A stand-in for the MessagePort globalPreload receives. */
function makePreloadPort() {
  const EventEmitter = require('events');
  const port = new EventEmitter();
  port.postMessage = () => {};
  port.start = () => {};
  port.close = () => {};
  port.ref = () => port;
  port.unref = () => port;
  return port;
}

/* module.register(specifier[, parentURL][, options]) */
function register(specifier, parentURL, options) {
  const { isURL } = require('internal/url');
  if (parentURL != null && typeof parentURL === 'object' && !isURL(parentURL)) {
    options = parentURL;
    parentURL = options.parentURL;
  }
  const loader = require('internal/modules/esm/loader');
  loader.registerHooks(`${specifier}`, `${parentURL ?? 'data:'}`,
                       options?.data, options?.transferList);
}

/* The warning --experimental-loader prints, with the register() code that
 * replaces it. */
function emitLoaderFlagWarning(specifiers) {
  const calls = ArrayPrototypeMap(specifiers, (s) => {
    let inner = primordials.JSONStringify(s);
    inner = encodeURIComponent(StringPrototypeSlice(inner, 1, -1))
      .replace(/%2F/g, '/').replace(/%22/g, '"');
    return `register("${inner}", pathToFileURL("./"));`;
  });
  process.emitWarning(
    '`--experimental-loader` may be removed in the future; instead use ' +
    '`register()`:\n--import \'data:text/javascript,import { register } ' +
    'from "node:module"; import { pathToFileURL } from "node:url"; ' +
    `${ArrayPrototypeJoin(calls, ' ')}'`,
    'ExperimentalWarning');
}

module.exports = {
  Hooks,
  register,
  emitLoaderFlagWarning,
  pluckHooks,
};
