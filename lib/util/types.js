// util/types: the public alias of util.types.
'use strict';

module.exports = require('internal/util/types');
