// path/posix: the POSIX flavour of path (the same object as path.posix).
'use strict';

module.exports = require('path').posix;
