// console.js - the `console` module: the global console and its Console.
'use strict';

module.exports = require('internal/console/global');
