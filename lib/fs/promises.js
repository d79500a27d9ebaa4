'use strict';
// fs/promises: the promise API of fs (also reachable as fs.promises).

module.exports = require('internal/fs/promises').exports;
