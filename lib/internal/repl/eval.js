'use strict';
/* eval.js (repl) - the REPL's default eval function: compiles one input in
 * the REPL's context, retrying `{...}` as an object literal and top-level
 * `await` as an async function, and reports incomplete input. */

const {
  PromisePrototypeThen,
  RegExpPrototypeExec,
  StringPrototypeTrimEnd,
} = primordials;

const { Script } = require('vm');
const { Recoverable, isRecoverableError } = require('internal/repl/recoverable');
const { processTopLevelAwait } = require('internal/repl/await');

const kStrictPrefix = '\'use strict\'; void 0; ';

/* Compiles `code` as file `file`; strict when `strict`. Throws the
 * SyntaxError when it does not compile. */
function compile(code, file, strict) {
  return new Script(strict ? kStrictPrefix + code : code, { filename: file });
}

/* Compiles `code` as the REPL reads it: a leading `{` without a final `;`
 * is first tried as an object literal; code using top-level await is
 * wrapped. Returns { script, isAsync } or throws the original error. */
function compileInput(code, file, strict) {
  if (RegExpPrototypeExec(/^\s*\{/, code) !== null &&
      RegExpPrototypeExec(/;\s*$/, code) === null) {
    try {
      return {
        script: compile(`(${StringPrototypeTrimEnd(code)}\n)`, file, strict),
        isAsync: false,
      };
    } catch {
      // Not an expression: a block.
    }
  }
  try {
    return { script: compile(code, file, strict), isAsync: false };
  } catch (err) {
    const wrapped = processTopLevelAwait(code);
    if (wrapped === null) throw err;
    try {
      return { script: compile(wrapped, file, strict), isAsync: true };
    } catch {
      throw err;
    }
  }
}

/* The eval function REPLServer uses unless given its own: evaluates
 * `code` in `context` (the global one when the server uses it) and calls
 * cb(err) or cb(null, value); cb(null) alone for blank input, and
 * cb(Recoverable) when the code needs more lines. `this` is the server. */
function defaultEval(code, context, file, cb) {
  if (RegExpPrototypeExec(/^\s*$/, code) !== null) {
    cb(null);
    return;
  }
  const strict = this.replMode === require('repl').REPL_MODE_STRICT;
  let compiled;
  try {
    compiled = compileInput(code, file, strict);
  } catch (err) {
    cb(isRecoverableError(err, code) ? new Recoverable(err) : err);
    return;
  }
  let result;
  try {
    result = this.useGlobal ? compiled.script.runInThisContext() :
      compiled.script.runInContext(context);
  } catch (err) {
    reportThrown(this, err, cb);
    return;
  }
  if (!compiled.isAsync) {
    cb(null, result);
    return;
  }
  PromisePrototypeThen(result,
                       (box) => cb(null, box === undefined ? undefined :
                         box.value),
                       (err) => reportThrown(this, err, cb));
}

/* Passes what the code threw to cb; a thrown null or undefined, which the
 * callback cannot tell from success, is reported directly. */
function reportThrown(server, err, cb) {
  if (err !== null && err !== undefined) {
    cb(err);
    return;
  }
  server.reportError(err);
  cb(null);
}

module.exports = { defaultEval };
