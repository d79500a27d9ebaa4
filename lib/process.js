'use strict';
/* process.js - the `process` builtin: the process object itself, for
 * require('process') and import process from 'node:process'. */

module.exports = process;
