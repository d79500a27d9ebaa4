'use strict';
/* options.js - the parsed command line as core code reads it:
 * getOptionValue('--name') with Node's option names. */

const { getOptions } = internalBinding('options');

let options;

/* Returns the value of option `name` ('--warnings', '--require', ...):
 * booleans for flags, strings, arrays for repeatable options, numbers. */
function getOptionValue(name) {
  options ??= getOptions();
  if (name.startsWith('--no-')) {
    const v = options['--' + name.slice(5)];
    return v === undefined ? undefined : !v;
  }
  return options[name];
}

/* Embedder options: nodus is never embedded. */
function getEmbedderOptions() {
  return { shouldNotRegisterESMLoader: false, noGlobalSearchPaths: false,
           hasEmbedderPreload: false };
}

module.exports = { getOptionValue, getEmbedderOptions };
