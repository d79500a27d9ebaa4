// punycode: the deprecated bundled punycode.js API (DEP0040).
'use strict';

const { getOptionValue } = require('internal/options');

if (getOptionValue('--pending-deprecation')) {
  process.emitWarning(
    'The `punycode` module is deprecated. Please use a userland ' +
    'alternative instead.',
    'DeprecationWarning',
    'DEP0040',
  );
}

/* { version, ucs2: { decode, encode }, decode, encode, toASCII,
 *   toUnicode }: see internal/punycode. */
module.exports = require('internal/punycode');
