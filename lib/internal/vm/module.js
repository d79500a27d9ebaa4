'use strict';
/* module.js (vm) - vm.Module, vm.SourceTextModule and vm.SyntheticModule
 * (--experimental-vm-modules) over the module_wrap binding: linking with a
 * user linker, evaluation, status/error/namespace, import.meta and dynamic
 * import() callbacks. Modules run in the main context. */

const {
  ArrayIsArray,
  ArrayPrototypeForEach,
  ArrayPrototypeIndexOf,
  ArrayPrototypeMap,
  ArrayPrototypeSome,
  MathImul,
  ObjectCreate,
  ObjectDefineProperty,
  ObjectFreeze,
  ObjectGetPrototypeOf,
  SafePromiseAllReturnVoid,
  StringPrototypeCharCodeAt,
  Symbol,
  SymbolFor,
  TypeError,
} = primordials;

const {
  ModuleWrap,
  kUninstantiated,
  kInstantiating,
  kInstantiated,
  kEvaluating,
  kEvaluated,
  kErrored,
} = internalBinding('module_wrap');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_VM_MODULE_ALREADY_LINKED,
    ERR_VM_MODULE_CACHED_DATA_REJECTED,
    ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA,
    ERR_VM_MODULE_DIFFERENT_CONTEXT,
    ERR_VM_MODULE_LINK_FAILURE,
    ERR_VM_MODULE_NOT_MODULE,
    ERR_VM_MODULE_STATUS,
  },
} = require('internal/errors');
const {
  validateBoolean,
  validateFunction,
  validateInt32,
  validateObject,
  validateString,
  validateUint32,
} = require('internal/validators');

const kWrap = Symbol('kWrap');
const kContext = Symbol('kContext');
const kPerContextModuleId = Symbol('kPerContextModuleId');
const kLink = Symbol('kLink');

/* The vm Module a wrap belongs to (a property of the wrap, so that no
 * weak table is involved in collecting either). */
const kModule = Symbol('kModule');

let globalModuleId = 0;
const noError = Symbol('noError');

function isModule(object) {
  if (typeof object !== 'object' || object === null) return false;
  const wrap = object[kWrap];
  return wrap !== undefined && wrap[kModule] === object;
}

class Module {
  constructor(options) {
    if (new.target === Module) {
      throw new TypeError('Module is not a constructor');
    }
    const { context, sourceText, syntheticExportNames,
            syntheticEvaluationSteps } = options;
    if (context !== undefined) {
      validateObject(context, 'context');
      if (!require('vm').isContext(context)) {
        throw new ERR_INVALID_ARG_TYPE('options.context', 'vm.Context',
                                       context);
      }
    }
    let { identifier } = options;
    if (identifier !== undefined) {
      validateString(identifier, 'options.identifier');
    } else if (context !== undefined) {
      /* Default identifiers count per context. */
      const id = context[kPerContextModuleId] ?? 0;
      ObjectDefineProperty(context, kPerContextModuleId, {
        __proto__: null, value: id + 1, writable: true, configurable: true,
        enumerable: false,
      });
      identifier = `vm:module(${id})`;
    } else {
      identifier = `vm:module(${globalModuleId++})`;
    }
    if (sourceText !== undefined) {
      this[kWrap] = new ModuleWrap(identifier, sourceText);
    } else {
      this[kWrap] = new ModuleWrap(identifier, syntheticExportNames,
                                   syntheticEvaluationSteps);
    }
    this[kWrap][kModule] = this;
    this[kContext] = context;
  }

  get identifier() {
    if (!isModule(this)) throw new ERR_VM_MODULE_NOT_MODULE();
    return this[kWrap].url;
  }

  get context() {
    if (!isModule(this)) throw new ERR_VM_MODULE_NOT_MODULE();
    return this[kContext];
  }

  get namespace() {
    if (!isModule(this)) throw new ERR_VM_MODULE_NOT_MODULE();
    if (this[kWrap].getStatus() < kInstantiated) {
      throw new ERR_VM_MODULE_STATUS('must not be unlinked or linking');
    }
    return this[kWrap].getNamespace();
  }

  get status() {
    if (!isModule(this)) throw new ERR_VM_MODULE_NOT_MODULE();
    return getStatus(this[kWrap].getStatus());
  }

  get error() {
    if (!isModule(this)) throw new ERR_VM_MODULE_NOT_MODULE();
    if (this[kWrap].getStatus() !== kErrored) {
      throw new ERR_VM_MODULE_STATUS('must be errored');
    }
    return this[kWrap].getError();
  }

  [SymbolFor('nodejs.util.inspect.custom')](depth, options) {
    if (!isModule(this)) throw new ERR_VM_MODULE_NOT_MODULE();
    if (typeof depth === 'number' && depth < 0) return this;
    /* status, identifier and context, shown under the class name. */
    const o = ObjectCreate(ObjectGetPrototypeOf(this));
    ObjectDefineProperty(o, 'status', {
      __proto__: null, value: this.status, enumerable: true,
    });
    ObjectDefineProperty(o, 'identifier', {
      __proto__: null, value: this.identifier, enumerable: true,
    });
    ObjectDefineProperty(o, 'context', {
      __proto__: null, value: this.context, enumerable: true,
    });
    const { inspect } = require('internal/util/inspect');
    return inspect(o, { ...options, customInspect: false });
  }

  /* link(linker): resolves every import through linker(specifier,
   * referencingModule, { assert }) -> vm.Module. */
  async link(linker) {
    if (!isModule(this)) throw new ERR_VM_MODULE_NOT_MODULE();
    validateFunction(linker, 'linker');
    if (this.status === 'linked') throw new ERR_VM_MODULE_ALREADY_LINKED();
    if (this.status !== 'unlinked') {
      throw new ERR_VM_MODULE_STATUS('must be unlinked');
    }
    await this[kLink](linker);
    this[kWrap].instantiate();
  }

  /* evaluate({ timeout, breakOnSigint }) */
  async evaluate(options = { __proto__: null }) {
    if (!isModule(this)) throw new ERR_VM_MODULE_NOT_MODULE();
    validateObject(options, 'options');
    let timeout = options.timeout;
    if (timeout === undefined) {
      timeout = -1;
    } else {
      validateUint32(timeout, 'options.timeout', true);
    }
    const { breakOnSigint = false } = options;
    validateBoolean(breakOnSigint, 'options.breakOnSigint');
    const status = this[kWrap].getStatus();
    if (status !== kInstantiated && status !== kEvaluated &&
        status !== kErrored) {
      throw new ERR_VM_MODULE_STATUS(
        'must be one of linked, evaluated, or errored');
    }
    await this[kWrap].evaluate(timeout);
  }
}

function getStatus(status) {
  switch (status) {
    case kUninstantiated: return 'unlinked';
    case kInstantiating: return 'linking';
    case kInstantiated: return 'linked';
    case kEvaluating: return 'evaluating';
    case kEvaluated: return 'evaluated';
    case kErrored: return 'errored';
  }
  return 'unlinked';
}

/* Cached data: V8 code caches are not produced for modules here; the data
 * records a hash of the source, so that data made for another source is
 * rejected as V8 would reject it. */
function sourceHash(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= StringPrototypeCharCodeAt(text, i);
    h = MathImul(h, 0x01000193) >>> 0;
  }
  return `nodus-module-cache:${h.toString(16)}:${text.length}`;
}

class SourceTextModule extends Module {
  #error = noError;
  #sourceText;
  #statusOverride;
  #dependencySpecifiers;

  constructor(sourceText, options = { __proto__: null }) {
    validateString(sourceText, 'sourceText');
    validateObject(options, 'options');
    const {
      lineOffset = 0,
      columnOffset = 0,
      initializeImportMeta,
      importModuleDynamically,
      context,
      identifier,
      cachedData,
    } = options;
    validateInt32(lineOffset, 'options.lineOffset');
    validateInt32(columnOffset, 'options.columnOffset');
    if (initializeImportMeta !== undefined) {
      validateFunction(initializeImportMeta, 'options.initializeImportMeta');
    }
    if (importModuleDynamically !== undefined) {
      validateFunction(importModuleDynamically,
                       'options.importModuleDynamically');
    }
    if (cachedData !== undefined) {
      const { isArrayBufferView } = require('internal/util/types');
      if (!isArrayBufferView(cachedData)) {
        throw new ERR_INVALID_ARG_TYPE(
          'options.cachedData', ['Buffer', 'TypedArray', 'DataView'],
          cachedData);
      }
    }
    if (cachedData !== undefined) {
      const data = require('buffer').Buffer.from(
        cachedData.buffer, cachedData.byteOffset, cachedData.byteLength);
      if (data.toString('latin1') !== sourceHash(sourceText)) {
        throw new ERR_VM_MODULE_CACHED_DATA_REJECTED();
      }
    }
    super({ sourceText, context, identifier });
    this.#sourceText = sourceText;
    const loader = require('internal/modules/esm/loader');
    loader.registerVmModule(this[kWrap], {
      initializeImportMeta: initializeImportMeta === undefined ? undefined :
        (meta) => initializeImportMeta(meta, this),
      importModuleDynamically: importModuleDynamically === undefined ?
        undefined : importModuleDynamicallyWrap(importModuleDynamically,
                                                this),
    });
  }

  async [kLink](linker) {
    this.#statusOverride = 'linking';
    const requests = this[kWrap].getModuleRequests();
    const specifiers = ArrayPrototypeMap(requests, (r) => r.specifier);
    const modules = [];
    try {
      const promises = ArrayPrototypeMap(requests, async (r, i) => {
        const module = await linker(r.specifier, this, {
          attributes: r.assertions,
          assert: r.assertions,
        });
        if (!isModule(module)) throw new ERR_VM_MODULE_NOT_MODULE();
        if (module.context !== this.context) {
          throw new ERR_VM_MODULE_DIFFERENT_CONTEXT();
        }
        if (module.status === 'errored') {
          throw new ERR_VM_MODULE_LINK_FAILURE(
            `request for '${r.specifier}' resolved to an errored module`,
            module.error);
        }
        if (module.status === 'unlinked') await module[kLink](linker);
        modules[i] = module[kWrap];
      });
      await SafePromiseAllReturnVoid(promises);
      if (specifiers.length > 0) this[kWrap].link(specifiers, modules);
    } catch (e) {
      this.#error = e;
      throw e;
    } finally {
      this.#statusOverride = undefined;
    }
  }

  get dependencySpecifiers() {
    if (!isModule(this)) throw new ERR_VM_MODULE_NOT_MODULE();
    this.#dependencySpecifiers ??= ObjectFreeze(ArrayPrototypeMap(
      this[kWrap].getModuleRequests(), (r) => r.specifier));
    return this.#dependencySpecifiers;
  }

  get status() {
    if (!isModule(this)) throw new ERR_VM_MODULE_NOT_MODULE();
    if (this.#error !== noError) return 'errored';
    if (this.#statusOverride) return this.#statusOverride;
    return super.status;
  }

  get error() {
    if (!isModule(this)) throw new ERR_VM_MODULE_NOT_MODULE();
    if (this.#error !== noError) return this.#error;
    return super.error;
  }

  createCachedData() {
    const { status } = this;
    if (status === 'evaluating' || status === 'evaluated' ||
        status === 'errored') {
      throw new ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA();
    }
    return require('buffer').Buffer.from(sourceHash(this.#sourceText),
                                         'latin1');
  }
}

class SyntheticModule extends Module {
  constructor(exportNames, evaluateCallback, options = { __proto__: null }) {
    if (!ArrayIsArray(exportNames) ||
        ArrayPrototypeSome(exportNames, (e) => typeof e !== 'string')) {
      throw new ERR_INVALID_ARG_TYPE('exportNames', 'Array of unique strings',
                                     exportNames);
    }
    ArrayPrototypeForEach(exportNames, (name, i) => {
      if (ArrayPrototypeIndexOf(exportNames, name, i + 1) !== -1) {
        throw new ERR_INVALID_ARG_VALUE(`exportNames.${name}`, name,
                                        'is duplicated');
      }
    });
    validateFunction(evaluateCallback, 'evaluateCallback');
    validateObject(options, 'options');
    const { context, identifier } = options;
    let module;
    super({
      syntheticExportNames: exportNames,
      syntheticEvaluationSteps: function() {
        return evaluateCallback.call(module, module);
      },
      context,
      identifier,
    });
    module = this;
  }

  async [kLink]() {
    /* No dependencies. */
  }

  setExport(name, value) {
    if (!isModule(this)) throw new ERR_VM_MODULE_NOT_MODULE();
    validateString(name, 'name');
    if (this[kWrap].getStatus() < kInstantiated) {
      throw new ERR_VM_MODULE_STATUS('must be linked');
    }
    this[kWrap].setExport(name, value);
  }
}

/* The import() callback of a module or script as V8 needs it: the user's
 * callback must return a vm.Module (or a namespace). */
function importModuleDynamicallyWrap(importModuleDynamically, referrer) {
  return async (specifier, assertions) => {
    const { isModuleNamespaceObject } = require('internal/util/types');
    const m = await importModuleDynamically(specifier, referrer,
                                            assertions);
    if (isModuleNamespaceObject(m)) return m;
    if (!isModule(m)) throw new ERR_VM_MODULE_NOT_MODULE();
    if (m.status === 'errored') throw m.error;
    return m.namespace;
  };
}

module.exports = {
  Module,
  SourceTextModule,
  SyntheticModule,
  importModuleDynamicallyWrap,
  isModule,
};
