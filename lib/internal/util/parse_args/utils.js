// internal/util/parse_args/utils: argument classification for parseArgs.
'use strict';

const {
  ArrayPrototypeFind,
  ObjectEntries,
  ObjectPrototypeHasOwnProperty,
  StringPrototypeCharAt,
  StringPrototypeIncludes,
  StringPrototypeStartsWith,
} = primordials;

/* obj[prop] if it is an own property, else undefined. */
function objectGetOwn(obj, prop) {
  if (ObjectPrototypeHasOwnProperty(obj, prop))
    return obj[prop];
}

/* options[longOption][prop], looking at own properties only. */
function optionsGetOwn(options, longOption, prop) {
  if (ObjectPrototypeHasOwnProperty(options, longOption))
    return objectGetOwn(options[longOption], prop);
}

/* Whether the next argument can serve as an option's value: anything,
 * dashes included (the POSIX utility conventions). */
function isOptionValue(value) {
  return value != null;
}

/* Whether `value` looks like an option ('-x', '--foo'). */
function isOptionLikeValue(value) {
  if (value == null) return false;
  return value.length > 1 && StringPrototypeCharAt(value, 0) === '-';
}

/* '-f' */
function isLoneShortOption(arg) {
  return arg.length === 2 &&
    StringPrototypeCharAt(arg, 0) === '-' &&
    StringPrototypeCharAt(arg, 1) !== '-';
}

/* '--foo' (no '=value') */
function isLoneLongOption(arg) {
  return arg.length > 2 &&
    StringPrototypeStartsWith(arg, '--') &&
    !StringPrototypeIncludes(arg, '=', 3);
}

/* '--foo=bar' */
function isLongOptionAndValue(arg) {
  return arg.length > 2 &&
    StringPrototypeStartsWith(arg, '--') &&
    StringPrototypeIncludes(arg, '=', 3);
}

/* '-abc' whose first letter is not a string option (else it is '-fVALUE'). */
function isShortOptionGroup(arg, options) {
  if (arg.length <= 2) return false;
  if (StringPrototypeCharAt(arg, 0) !== '-') return false;
  if (StringPrototypeCharAt(arg, 1) === '-') return false;
  const longOption =
    findLongOptionForShort(StringPrototypeCharAt(arg, 1), options);
  return optionsGetOwn(options, longOption, 'type') !== 'string';
}

/* '-fVALUE' where -f is a string option. */
function isShortOptionAndValue(arg, options) {
  if (arg.length <= 2) return false;
  if (StringPrototypeCharAt(arg, 0) !== '-') return false;
  if (StringPrototypeCharAt(arg, 1) === '-') return false;
  const longOption =
    findLongOptionForShort(StringPrototypeCharAt(arg, 1), options);
  return optionsGetOwn(options, longOption, 'type') === 'string';
}

/* The long name whose `short` is `shortOption`, else `shortOption`. */
function findLongOptionForShort(shortOption, options) {
  const entry = ArrayPrototypeFind(
    ObjectEntries(options),
    ({ 1: config }) => objectGetOwn(config, 'short') === shortOption);
  return entry?.[0] ?? shortOption;
}

module.exports = {
  findLongOptionForShort,
  isLoneLongOption,
  isLoneShortOption,
  isLongOptionAndValue,
  isOptionLikeValue,
  isOptionValue,
  isShortOptionAndValue,
  isShortOptionGroup,
  objectGetOwn,
  optionsGetOwn,
};
