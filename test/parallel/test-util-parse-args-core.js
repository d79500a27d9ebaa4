// Checks util.parseArgs parsing, tokens, defaults and errors (Node 18).
'use strict';
require('../common');
const assert = require('assert');
const { parseArgs } = require('util');

const options = {
  verbose: { type: 'boolean', short: 'v' },
  out: { type: 'string', short: 'o' },
  tag: { type: 'string', multiple: true, default: ['none'] },
  level: { type: 'string', default: 'info' },
};

{
  const { values, positionals } = parseArgs({
    args: ['-vo', 'file', '--tag=a', '--tag', 'b', 'pos1', '--', '--not'],
    options,
    allowPositionals: true,
  });
  assert.deepStrictEqual({ ...values },
                         { verbose: true, out: 'file', tag: ['a', 'b'],
                           level: 'info' });
  assert.strictEqual(Object.getPrototypeOf(values), null);
  assert.deepStrictEqual(positionals, ['pos1', '--not']);
}

// Defaults apply only to options that were not given.
assert.deepStrictEqual(
  { ...parseArgs({ args: [], options }).values },
  { tag: ['none'], level: 'info' });

// Short option with an attached value, and a group ending in a string.
assert.deepStrictEqual(
  { ...parseArgs({ args: ['-ofile'], options }).values },
  { out: 'file', tag: ['none'], level: 'info' });
assert.deepStrictEqual(
  { ...parseArgs({ args: ['-vofile'], options }).values },
  { verbose: true, out: 'file', tag: ['none'], level: 'info' });

// Tokens.
assert.deepStrictEqual(
  parseArgs({ args: ['-v', '--out=x', 'p', '--', 'q'], options,
              allowPositionals: true, tokens: true }).tokens,
  [
    { kind: 'option', name: 'verbose', rawName: '-v', index: 0,
      value: undefined, inlineValue: undefined },
    { kind: 'option', name: 'out', rawName: '--out', index: 1,
      value: 'x', inlineValue: true },
    { kind: 'positional', index: 2, value: 'p' },
    { kind: 'option-terminator', index: 3 },
    { kind: 'positional', index: 4, value: 'q' },
  ]);

// Non-strict mode accepts anything.
assert.deepStrictEqual(
  { ...parseArgs({ args: ['--x', '-y', 'pos', '--z=1'], strict: false })
    .values },
  { x: true, y: true, z: '1' });

// Errors.
assert.throws(() => parseArgs({ args: ['--nope'], options,
                                allowPositionals: true }), {
  code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION',
  name: 'TypeError',
  message: "Unknown option '--nope'. To specify a positional argument " +
           "starting with a '-', place it at the end of the command after " +
           "'--', as in '-- \"--nope\"",
});
assert.throws(() => parseArgs({ args: ['-z'], options }), {
  code: 'ERR_PARSE_ARGS_UNKNOWN_OPTION',
  message: "Unknown option '-z'",
});
assert.throws(() => parseArgs({ args: ['pos'], options }), {
  code: 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
  message: "Unexpected argument 'pos'. This command does not take " +
           'positional arguments',
});
assert.throws(() => parseArgs({ args: ['--out'], options }), {
  code: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
  message: "Option '-o, --out <value>' argument missing",
});
assert.throws(() => parseArgs({ args: ['--verbose=1'], options }), {
  code: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
  message: "Option '-v, --verbose' does not take an argument",
});
assert.throws(() => parseArgs({ args: ['-o', '-v'], options }), {
  code: 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
  message: "Option '-o' argument is ambiguous.\n" +
           "Did you forget to specify the option argument for '-o'?\n" +
           'To specify an option argument starting with a dash use ' +
           "'--out=-XYZ' or '-o-XYZ'.",
});
assert.throws(() => parseArgs({ options: { x: { type: 'number' } } }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.x.type" property must be (\'string|boolean\'). ' +
           "Received type string ('number')",
});
assert.throws(() => parseArgs({ options: { x: { type: 'string',
                                                short: 'xy' } } }), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The property 'options.x.short' must be a single character. " +
           "Received 'xy'",
});
assert.throws(() => parseArgs({ options: { x: { type: 'string',
                                                default: 1 } } }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.x.default" property must be of type string. ' +
           'Received type number (1)',
});
assert.throws(() => parseArgs({ args: 'str' }), {
  code: 'ERR_INVALID_ARG_TYPE',
});
