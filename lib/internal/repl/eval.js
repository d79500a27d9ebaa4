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
const { kEvalAbandoned } = require('internal/repl/symbols');

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

/* Runs `script` for `server`. With breakEvalOnSigint the terminal leaves
 * raw mode meanwhile, so that Ctrl+C raises SIGINT, which interrupts the
 * script. */
function runScript(server, script, context) {
  const options = { breakOnSigint: server.breakEvalOnSigint };
  if (!server.breakEvalOnSigint) {
    return server.useGlobal ? script.runInThisContext(options) :
      script.runInContext(context, options);
  }
  const wasRaw = server.terminal ? server._setRawMode(false) : false;
  try {
    return server.useGlobal ? script.runInThisContext(options) :
      script.runInContext(context, options);
  } finally {
    if (server.terminal) server._setRawMode(wasRaw);
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
    result = runScript(this, compiled.script, context);
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
 * callback cannot tell from success, is reported directly. When the code
 * left a domain of its own active (a throw inside domain.run()), that
 * domain gets the error instead and the evaluation ends silently. */
function reportThrown(server, err, cb) {
  const active = process.domain;
  if (active && active !== server._domain) {
    active.exit();
    server[kEvalAbandoned]();
    active.emit('error', err);
    return;
  }
  if (err !== null && err !== undefined) {
    cb(err);
    return;
  }
  server.reportError(err);
  cb(null);
}

module.exports = { defaultEval };
