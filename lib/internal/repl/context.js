'use strict';
/* context.js (repl) - builds the global object REPL code runs against: a
 * fresh vm context sharing Node's globals, or the real global object,
 * with module, require, `_`, `_error` and lazy core modules. */

const {
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  ObjectGetOwnPropertyNames,
  SafeSet,
} = primordials;

const vm = require('vm');
const { Module, makeRequireFunction } =
  require('internal/modules/cjs/loader');
const { addBuiltinLibsToObject } = require('internal/builtin_globals');

/* Copies the process's own globals (process, Buffer, timers, URL, ...)
 * onto a new context, leaving that context's JavaScript builtins. */
function copyHostGlobals(context) {
  const own = new SafeSet(vm.runInContext(
    'Object.getOwnPropertyNames(globalThis)', context));
  const names = ObjectGetOwnPropertyNames(globalThis);
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (own.has(name) || name === 'console' || name === 'global') continue;
    ObjectDefineProperty(context, name, {
      __proto__: null,
      ...ObjectGetOwnPropertyDescriptor(globalThis, name),
    });
  }
}

/* Gives `context` the `_` and `_error` of `server`: they read server.last
 * / server.lastError (kept across resets) until user code assigns them,
 * which turns the automatic update off. */
function defineAutoVariables(server, context) {
  server.underscoreAssigned = false;
  server.underscoreErrAssigned = false;
  defineAutoVariable(server, context, '_', 'last', 'underscoreAssigned');
  defineAutoVariable(server, context, '_error', 'lastError',
                     'underscoreErrAssigned');
}

function defineAutoVariable(server, context, name, field, flag) {
  ObjectDefineProperty(context, name, {
    __proto__: null,
    configurable: true,
    get: () => server[field],
    set: (value) => {
      server[field] = value;
      if (!server[flag]) {
        server[flag] = true;
        server.output.write(
          `Expression assignment to ${name} now disabled.\n`);
      }
    },
  });
}

function currentDirectory() {
  try {
    return process.cwd();
  } catch {
    return '/';
  }
}

/* Creates a context for `server` (its own vm context, or globalThis
 * with useGlobal) and returns it; the server itself is left alone. */
function createReplContext(server) {
  let context;
  if (server.useGlobal) {
    context = globalThis;
  } else {
    context = vm.createContext();
    copyHostGlobals(context);
    context.global = context;
    const { Console } = require('console');
    ObjectDefineProperty(context, 'console', {
      __proto__: null,
      configurable: true,
      writable: true,
      value: new Console(server.output),
    });
  }
  const replModule = new Module('<repl>');
  // Packages resolve from the current directory, as for code run by -e.
  replModule.paths = Module._nodeModulePaths(currentDirectory());
  ObjectDefineProperty(context, 'module', {
    __proto__: null, configurable: true, writable: true, value: replModule,
  });
  ObjectDefineProperty(context, 'require', {
    __proto__: null, configurable: true, writable: true,
    value: makeRequireFunction(replModule),
  });
  addBuiltinLibsToObject(context);
  return context;
}

module.exports = { createReplContext, defineAutoVariables };
