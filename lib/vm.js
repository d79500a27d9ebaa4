'use strict';
/* vm.js - the vm module: Script, createContext/isContext, the run*
 * functions and compileFunction. Contexts forward their global object to
 * the contextified object, as Node's do. vm.Module & co. (with
 * --experimental-vm-modules) live in internal/vm/module. */

const {
  ArrayPrototypeForEach,
  ObjectFreeze,
  Symbol,
} = primordials;

const {
  ContextifyScript,
  makeContext,
  isContext: isContextBinding,
  compileFunction: compileFunctionBinding,
  contextGlobal,
} = internalBinding('contextify');
const {
  codes: { ERR_INVALID_ARG_TYPE, ERR_VM_MODULE_NOT_MODULE },
} = require('internal/errors');
const {
  validateBoolean,
  validateInt32,
  validateObject,
  validateString,
  validateUint32,
  validateArray,
  validateFunction,
} = require('internal/validators');

const kParsingContext = Symbol('script parsing context');

function validateContext(contextifiedObject) {
  if (!isContext(contextifiedObject)) {
    throw new ERR_INVALID_ARG_TYPE('contextifiedObject', 'vm.Context',
                                   contextifiedObject);
  }
}

function getRunOptions(options) {
  if (options === undefined) return { timeout: 0, breakOnSigint: false };
  if (typeof options === 'string') return { timeout: 0, breakOnSigint: false };
  validateObject(options, 'options');
  const { timeout = 0, displayErrors = true, breakOnSigint = false } = options;
  if (options.timeout !== undefined) validateUint32(timeout, 'options.timeout',
                                                    true);
  validateBoolean(displayErrors, 'options.displayErrors');
  validateBoolean(breakOnSigint, 'options.breakOnSigint');
  return { timeout, breakOnSigint };
}

/* import() in code compiled as `filename` goes to the user's callback
 * (which needs --experimental-vm-modules, as in Node). */
function registerImportModuleDynamically(filename, callback, referrer) {
  const { getOptionValue } = require('internal/options');
  const loader = require('internal/modules/esm/loader');
  if (!getOptionValue('--experimental-vm-modules')) {
    loader.registerReferrerImporter(filename, () => {
      const { codes: { ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG } } =
        require('internal/errors');
      return Promise.reject(new ERR_VM_DYNAMIC_IMPORT_CALLBACK_MISSING_FLAG());
    });
    return;
  }
  const { importModuleDynamicallyWrap } = require('internal/vm/module');
  loader.registerReferrerImporter(
    filename, importModuleDynamicallyWrap(callback, referrer));
}

/* new vm.Script(code, { filename, lineOffset, columnOffset, ... }) */
class Script extends ContextifyScript {
  constructor(code, options = {}) {
    code = `${code}`;
    if (typeof options === 'string') options = { filename: options };
    else validateObject(options, 'options');
    const {
      filename = 'evalmachine.<anonymous>',
      lineOffset = 0,
      columnOffset = 0,
      produceCachedData = false,
      importModuleDynamically,
    } = options;
    validateString(filename, 'options.filename');
    validateInt32(lineOffset, 'options.lineOffset');
    validateInt32(columnOffset, 'options.columnOffset');
    validateBoolean(produceCachedData, 'options.produceCachedData');
    if (importModuleDynamically !== undefined) {
      validateFunction(importModuleDynamically,
                       'options.importModuleDynamically');
    }
    super(code, filename, lineOffset, columnOffset);
    if (produceCachedData) this.cachedDataProduced = false;
    if (importModuleDynamically !== undefined) {
      registerImportModuleDynamically(filename, importModuleDynamically,
                                      this);
    }
  }

  runInThisContext(options) {
    const { timeout, breakOnSigint } = getRunOptions(options);
    return super.runInContext(null, timeout, breakOnSigint);
  }

  runInContext(contextifiedObject, options) {
    validateContext(contextifiedObject);
    const { timeout, breakOnSigint } = getRunOptions(options);
    return super.runInContext(contextifiedObject, timeout, breakOnSigint);
  }

  runInNewContext(contextObject, options) {
    const context = createContext(contextObject, getContextOptions(options));
    return this.runInContext(context, options);
  }

  createCachedData() {
    return require('buffer').Buffer.alloc(0);
  }
}

function getContextOptions(options) {
  if (!options) return {};
  const contextOptions = {
    name: options.contextName,
    origin: options.contextOrigin,
    codeGeneration: undefined,
    microtaskMode: options.microtaskMode,
  };
  if (contextOptions.name !== undefined)
    validateString(contextOptions.name, 'options.contextName');
  return contextOptions;
}

let defaultContextNameIndex = 1;

/* vm.createContext([object[, options]]) -> the contextified object */
function createContext(contextObject = {}, options = {}) {
  if (isContext(contextObject)) return contextObject;
  validateObject(options, 'options');
  const { name = `VM Context ${defaultContextNameIndex++}` } = options;
  validateString(name, 'options.name');
  if (contextObject === null || (typeof contextObject !== 'object' &&
                                 typeof contextObject !== 'function')) {
    throw new ERR_INVALID_ARG_TYPE('contextObject', 'Object', contextObject);
  }
  makeContext(contextObject, name);
  return contextObject;
}

function isContext(object) {
  if (object === null || (typeof object !== 'object' &&
                          typeof object !== 'function')) {
    throw new ERR_INVALID_ARG_TYPE('object', 'Object', object);
  }
  return isContextBinding(object);
}

function createScript(code, options) {
  return new Script(code, options);
}

function runInContext(code, contextifiedObject, options) {
  validateContext(contextifiedObject);
  if (typeof options === 'string') options = { filename: options };
  return createScript(code, options)
    .runInContext(contextifiedObject, options);
}

function runInNewContext(code, contextObject, options) {
  if (typeof options === 'string') options = { filename: options };
  contextObject = createContext(contextObject, getContextOptions(options));
  return createScript(code, options).runInContext(contextObject, options);
}

function runInThisContext(code, options) {
  if (typeof options === 'string') options = { filename: options };
  return createScript(code, options).runInThisContext(options);
}

/* vm.compileFunction(code, params, { filename, parsingContext, ... }) */
function compileFunction(code, params, options = {}) {
  validateString(code, 'code');
  if (params !== undefined) {
    validateArray(params, 'params');
    ArrayPrototypeForEach(params,
                          (param, i) => validateString(param, `params[${i}]`));
  }
  validateObject(options, 'options');
  const {
    filename = '',
    parsingContext,
    contextExtensions = [],
    lineOffset = 0,
    columnOffset = 0,
    importModuleDynamically,
  } = options;
  validateString(filename, 'options.filename');
  validateInt32(lineOffset, 'options.lineOffset');
  validateInt32(columnOffset, 'options.columnOffset');
  if (importModuleDynamically !== undefined) {
    validateFunction(importModuleDynamically,
                     'options.importModuleDynamically');
  }
  validateArray(contextExtensions, 'options.contextExtensions');
  if (parsingContext !== undefined && !isContext(parsingContext)) {
    throw new ERR_INVALID_ARG_TYPE('options.parsingContext', 'Context',
                                   parsingContext);
  }
  if (parsingContext !== undefined || contextExtensions.length > 0) {
    /* Compile inside the context: a function built there. */
    const paramList = (params || []).join(', ');
    const script = new Script(`(function(${paramList}) {\n${code}\n})`,
                              { filename, lineOffset: -1 });
    return parsingContext !== undefined ?
      script.runInContext(parsingContext) : script.runInThisContext();
  }
  const fn = compileFunctionBinding(code, filename, params || []);
  if (importModuleDynamically !== undefined) {
    registerImportModuleDynamically(filename, importModuleDynamically, fn);
  }
  return fn;
}

/* vm.measureMemory is not available: no per-context heap accounting. */
function measureMemory() {
  const { codes: { ERR_METHOD_NOT_IMPLEMENTED } } = require('internal/errors');
  return Promise.reject(new ERR_METHOD_NOT_IMPLEMENTED('vm.measureMemory'));
}

const constants = ObjectFreeze({ __proto__: null });

void contextGlobal;
void ERR_VM_MODULE_NOT_MODULE;
void kParsingContext;

/* vm.Module & co. exist with --experimental-vm-modules. */
function addVmModules(exports) {
  const { getOptionValue } = require('internal/options');
  if (!getOptionValue('--experimental-vm-modules')) return exports;
  const { Module, SourceTextModule, SyntheticModule } =
    require('internal/vm/module');
  exports.Module = Module;
  exports.SourceTextModule = SourceTextModule;
  exports.SyntheticModule = SyntheticModule;
  return exports;
}

module.exports = addVmModules({
  Script,
  createContext,
  createScript,
  runInContext,
  runInNewContext,
  runInThisContext,
  isContext,
  compileFunction,
  measureMemory,
  constants,
});
