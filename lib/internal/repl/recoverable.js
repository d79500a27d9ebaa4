'use strict';
/* recoverable.js (repl) - decides whether a SyntaxError only means that
 * the input is not finished yet, so the REPL should ask for more lines. */

const {
  RegExpPrototypeExec,
  SyntaxError,
} = primordials;

const { scan } = require('internal/repl/scan');

/* The error an eval function passes to its callback when the code is
 * incomplete; `err` is the original SyntaxError. */
class Recoverable extends SyntaxError {
  constructor(err) {
    super();
    this.err = err;
  }
}

/* Whether `err`, thrown while compiling `code`, would go away with more
 * input: an unterminated template, comment, continued string or bracket,
 * or V8 reaching the end of the input. */
function isRecoverableError(err, code) {
  if (err === null || typeof err !== 'object' || err.name !== 'SyntaxError') {
    return false;
  }
  const state = scan(code);
  if (state.incomplete !== null) return true;
  const message = `${err.message}`;
  if (message === 'Unexpected end of input' ||
      message === 'Unterminated template literal') {
    return true;
  }
  return state.open.length > 0 && !state.error &&
    (RegExpPrototypeExec(/^missing \S+ after/, message) !== null ||
     message === 'Missing } in template expression');
}

module.exports = { Recoverable, isRecoverableError };
