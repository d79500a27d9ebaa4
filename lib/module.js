'use strict';
/* module.js - the public `module` builtin: the CommonJS Module class with
 * createRequire, builtinModules, isBuiltin and friends. */

const { Module } = require('internal/modules/cjs/loader');

module.exports = Module;
