'use strict';
/* module_job.js (esm) - one module of a graph being loaded: it asks the
 * loader for the module (translated ModuleWrap), resolves and links its
 * dependencies' jobs, instantiates the graph once and evaluates it, and
 * turns engine errors into Node's messages (CommonJS named-export hint,
 * CommonJS globals in ES module scope). Promises here never resolve with
 * objects that inherit from Object.prototype (user code may trap
 * Object.prototype.then). */

const {
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  ArrayPrototypeSome,
  ObjectSetPrototypeOf,
  PromisePrototypeThen,
  PromiseResolve,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolReplace,
  SafeSet,
  StringPrototypeSplit,
  StringPrototypeStartsWith,
} = primordials;

const { kInstantiated } = internalBinding('module_wrap');

const noop = () => {};
const missingExportRegEx =
  /module '.*' does not provide an export named '.+'/;

/* Resolves (with undefined) when every promise of `promises` fulfilled;
 * rejects with the first rejection. Unlike Promise.all it never iterates
 * arrays through Array.prototype[Symbol.iterator] nor resolves with an
 * array (whose `then` lookup reaches Object.prototype). */
function allSettledVoid(promises, mapFn) {
  return new Promise((resolve, reject) => {
    let pending = promises.length;
    if (pending === 0) {
      resolve();
      return;
    }
    const done = () => {
      if (--pending === 0) resolve();
    };
    for (let i = 0; i < promises.length; i++) {
      const p = mapFn === undefined ? promises[i] : mapFn(promises[i], i);
      PromisePrototypeThen(p, done, reject);
    }
  });
}

const { decorateErrorStack } = internalBinding('module_wrap');

const commonJsGlobalLikes = ['require', 'module', 'exports', '__filename',
                             '__dirname'];

function isCommonJSGlobalLikeNotDefinedError(message) {
  return ArrayPrototypeSome(commonJsGlobalLikes,
                            (name) => message === `${name} is not defined`);
}

/* Adds Node's hint to "require is not defined" & co. raised by an ES
 * module. */
function explainCommonJSGlobal(e, moduleURL) {
  if (e?.name !== 'ReferenceError' ||
      !isCommonJSGlobalLikeNotDefinedError(e.message)) {
    return;
  }
  e.message += ' in ES module scope';
  if (StringPrototypeStartsWith(e.message, 'require ')) {
    e.message += ', you can use import instead';
  }
  const isJs = StringPrototypeStartsWith(moduleURL, 'file://') &&
    RegExpPrototypeExec(/\.js(\?[^#]*)?(#.*)?$/, moduleURL) !== null;
  if (isJs) {
    const { getPackageScopeConfig } = require('internal/modules/esm/resolve');
    const packageConfig = getPackageScopeConfig(moduleURL);
    if (packageConfig.type === 'module') {
      e.message +=
        '\nThis file is being treated as an ES module because it has a ' +
        `'.js' file extension and '${packageConfig.pjsonPath}' contains ` +
        '"type": "module". To treat it as a CommonJS script, rename it ' +
        'to use the \'.cjs\' file extension.';
    }
  }
  /* Keep the stack's first line in step with the message. */
  if (typeof e.stack === 'string') {
    const lines = StringPrototypeSplit(e.stack, '\n');
    for (let i = 0; i < lines.length; i++) {
      if (StringPrototypeStartsWith(lines[i], 'ReferenceError: ')) {
        const rest = [];
        for (let j = i + 1; j < lines.length; j++) {
          if (StringPrototypeStartsWith(lines[j], '    at ')) {
            ArrayPrototypePush(rest, lines[j]);
          }
        }
        const head = [];
        for (let j = 0; j < i; j++) ArrayPrototypePush(head, lines[j]);
        ArrayPrototypePush(head, `ReferenceError: ${e.message}`);
        e.stack = ArrayPrototypeJoin([...head, ...rest], '\n');
        break;
      }
    }
  }
}

class ModuleJob {
  /* loader: the ModuleLoader; moduleProvider(url, isMain) -> promise of
   * { module } */
  constructor(loader, url, importAssertions, moduleProvider, isMain) {
    this.loader = loader;
    this.url = url;
    this.importAssertions = importAssertions;
    this.isMain = isMain;
    this.module = undefined;
    this.modulePromise = PromisePrototypeThen(
      moduleProvider(url, isMain), (result) => {
        this.module = result.module;
        return result;
      });
    this.dependencyJobs = [];
    this.linked = this._link();
    PromisePrototypeThen(this.linked, undefined, noop);
    this.instantiated = undefined;
  }

  /* Resolves when this module and its direct dependencies are loaded and
   * linked to each other. */
  async _link() {
    await this.modulePromise;
    const module = this.module;
    const requests = module.getModuleRequests();
    const specifiers = [];
    const deps = [];
    const promises = [];
    for (let i = 0; i < requests.length; i++) {
      const { specifier, assertions } = requests[i];
      ArrayPrototypePush(specifiers, specifier);
      const index = i;
      ArrayPrototypePush(promises, PromisePrototypeThen(
        this.loader.getModuleJob(specifier, this.url, assertions),
        (job) => {
          this.dependencyJobs[index] = job;
          return PromisePrototypeThen(job.modulePromise, () => {
            deps[index] = job.module;
          });
        }));
    }
    await allSettledVoid(promises);
    if (specifiers.length > 0) module.link(specifiers, deps);
  }

  async _instantiate() {
    const jobsInGraph = new SafeSet();
    const addJobsToDependencyGraph = async (moduleJob) => {
      if (jobsInGraph.has(moduleJob)) return;
      jobsInGraph.add(moduleJob);
      await moduleJob.linked;
      await allSettledVoid(moduleJob.dependencyJobs,
                           addJobsToDependencyGraph);
    };
    await addJobsToDependencyGraph(this);
    try {
      if (this.module.getStatus() < kInstantiated) this.module.instantiate();
    } catch (e) {
      decorateErrorStack(e);
      if (e?.name === 'SyntaxError' &&
          RegExpPrototypeExec(missingExportRegEx, e.message) !== null) {
        await this._explainMissingExport(e);
      }
      throw e;
    }
    for (const job of jobsInGraph) {
      job.instantiated ??= PromiseResolve();
    }
  }

  /* A missing named export of a CommonJS module: Node's hint with the
   * default-import rewrite of the failing import statement. */
  async _explainMissingExport(e) {
    const splitStack = StringPrototypeSplit(e.stack, '\n');
    const parentFileUrl = RegExpPrototypeSymbolReplace(/:\d+$/, splitStack[0],
                                                       '');
    const m = RegExpPrototypeExec(
      /module '(.*)' does not provide an export named '(.+)'/, e.message);
    const childSpecifier = m[1];
    const name = m[2];
    let format;
    try {
      const { url: childFileURL } = await this.loader.resolve(
        childSpecifier, parentFileUrl, { __proto__: null });
      ({ format } = await this.loader.load(childFileURL));
    } catch {
      /* no hint */
    }
    if (format !== 'commonjs') return;
    /* Only a one-line `{ ... }` import list can be rewritten. */
    const importStatement = splitStack[1];
    const oneLineNamedImports = RegExpPrototypeExec(/{.*}/, importStatement);
    const destructuringAssignment = oneLineNamedImports &&
      RegExpPrototypeSymbolReplace(/\s+as\s+/g, oneLineNamedImports[0],
                                   ': ');
    e.message = `Named export '${name}' not found. The requested module` +
      ` '${childSpecifier}' is a CommonJS module, which may not support` +
      ' all module.exports as named exports.\nCommonJS modules can ' +
      'always be imported via the default export, for example using:' +
      `\n\nimport pkg from '${childSpecifier}';\n${
        destructuringAssignment ?
          `const ${destructuringAssignment} = pkg;\n` : ''}`;
    const newStack = StringPrototypeSplit(e.stack, '\n');
    newStack[3] = `SyntaxError: ${e.message}`;
    e.stack = ArrayPrototypeJoin(newStack, '\n');
  }

  instantiate() {
    if (this.instantiated === undefined) {
      this.instantiated = this._instantiate();
    }
    return this.instantiated;
  }

  /* Instantiates and evaluates the graph; resolves with
   * { __proto__: null, module }. */
  async run() {
    await this.instantiate();
    const module = this.module;
    try {
      await module.evaluate();
    } catch (e) {
      explainCommonJSGlobal(e, module.url);
      throw e;
    }
    return { __proto__: null, module };
  }
}
ObjectSetPrototypeOf(ModuleJob.prototype, null);

module.exports = {
  ModuleJob,
  allSettledVoid,
  explainCommonJSGlobal,
};
