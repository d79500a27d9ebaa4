// assert/strict.js - the `assert/strict` module: assert in strict mode.
'use strict';

module.exports = require('assert').strict;
