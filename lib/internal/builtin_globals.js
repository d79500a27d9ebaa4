'use strict';
/* builtin_globals.js - core modules as lazy globals (fs, path, ...), as
 * -e/-p code and the REPL see them. */

const {
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  ObjectPrototypeHasOwnProperty,
} = primordials;

const { BuiltinModule } = require('internal/bootstrap/realm');

/* Defines each requirable core module (but `test` and sub-paths) as a lazy
 * property of `object`, which assignment replaces; keeps existing ones. */
function addBuiltinLibsToObject(object) {
  const { Module } = require('internal/modules/cjs/loader');
  for (const name of Module.builtinModules) {
    if (name.includes('/') || name === 'test') continue;
    if (ObjectPrototypeHasOwnProperty(object, name)) continue;
    ObjectDefineProperty(object, name, {
      __proto__: null,
      configurable: true,
      enumerable: false,
      get() {
        const lib = BuiltinModule.require(name);
        /* Made non-configurable by user code: keep it, answer the lib. */
        if (!ObjectGetOwnPropertyDescriptor(object, name)?.configurable) {
          return lib;
        }
        ObjectDefineProperty(object, name, {
          __proto__: null, value: lib, writable: true, configurable: true,
          enumerable: false,
        });
        return lib;
      },
      set(value) {
        if (!ObjectGetOwnPropertyDescriptor(object, name)?.configurable) {
          return;
        }
        ObjectDefineProperty(object, name, {
          __proto__: null, value, writable: true, configurable: true,
          enumerable: true,
        });
      },
    });
  }
}

module.exports = { addBuiltinLibsToObject };
