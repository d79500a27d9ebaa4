'use strict';
// process.emitWarning(): argument forms, validation, next-tick emission.
const common = require('../common');
const assert = require('assert');

const seen = [];
process.on('warning', common.mustCall((w) => {
  seen.push([w.name, w.message, w.code, w.detail]);
}, 5));

let sync = true;
process.emitWarning('plain');
process.emitWarning('typed', 'CustomWarning');
process.emitWarning('coded', 'CustomWarning', 'CODE1');
process.emitWarning('opts', { type: 'T', code: 'C2', detail: 'more' });
const err = new Error('an error');
process.emitWarning(err);
assert.strictEqual(seen.length, 0); // emitted on the next tick
sync = false;

process.noDeprecation = true;
process.emitWarning('silenced', 'DeprecationWarning');
process.noDeprecation = false;

for (const args of [[1], [{}], [], [undefined], ['', 1], ['', '', 1],
                    ['', []], ['', '', {}]]) {
  assert.throws(() => process.emitWarning(...args),
                { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError' });
}
assert.throws(() => process.emitWarning(1), {
  message: 'The "warning" argument must be of type string or an instance ' +
           'of Error. Received type number (1)',
});

process.on('exit', () => {
  assert.strictEqual(sync, false);
  assert.deepStrictEqual(seen, [
    ['Warning', 'plain', undefined, undefined],
    ['CustomWarning', 'typed', undefined, undefined],
    ['CustomWarning', 'coded', 'CODE1', undefined],
    ['T', 'opts', 'C2', 'more'],
    ['Error', 'an error', undefined, undefined],
  ]);
});
