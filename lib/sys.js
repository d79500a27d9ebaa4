'use strict';
/* sys.js - the deprecated `sys` builtin: an alias of `util` (DEP0025). */

module.exports = require('util');

process.emitWarning('sys is deprecated. Use util instead.',
                    'DeprecationWarning', 'DEP0025');
