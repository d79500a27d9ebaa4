'use strict';
/* eval.js (repl) - the REPL's default eval function: compiles one input in
 * the REPL's context, retrying `{...}` as an object literal and top-level
 * `await` as an async function, and reports incomplete input. */

const {
  PromisePrototypeThen,
  RegExpPrototypeExec,
  SafeWeakSet,
  StringPrototypeTrimEnd,
  Symbol,
} = primordials;

const { Script } = require('vm');
const { decorateErrorStack } = internalBinding('module_wrap');
const { Recoverable, isRecoverableError } = require('internal/repl/recoverable');
const { processTopLevelAwait } = require('internal/repl/await');
const { scan } = require('internal/repl/scan');
const {
  saveRegExpStatics,
  restoreRegExpStatics,
} = require('internal/repl/regexp_statics');

// RegExp.$1 ... $9 as the last input left them.
const kRegExpStatics = Symbol('regExpStatics');
const { kEvalAbandoned } = require('internal/repl/symbols');

const kStrictPrefix = '\'use strict\'; void 0; ';
// Compile errors of input that may be an object literal still being typed.
const unfinishedLiterals = new SafeWeakSet();

/* Compiles `code` as file `file`; strict when `strict`. Throws the
 * SyntaxError when it does not compile. */
function compile(code, file, strict) {
  return new Script(strict ? kStrictPrefix + code : code, { filename: file });
}

/* Compiles `code` as the REPL reads it: a leading `{` without a final `;`
 * is first tried as an object literal; code using top-level await is
 * wrapped. Returns { script, isAsync } or throws the original error,
 * marked as an unfinished object literal when it looks like one. */
function compileInput(code, file, strict) {
  let unfinishedLiteral = false;
  if (RegExpPrototypeExec(/^\s*\{/, code) !== null &&
      RegExpPrototypeExec(/;\s*$/, code) === null) {
    try {
      return {
        script: compile(`(${StringPrototypeTrimEnd(code)}\n)`, file, strict),
        isAsync: false,
      };
    } catch (err) {
      // Only the `)` added at the end was out of place: `{ "a": `.
      unfinishedLiteral = err.message === 'Unexpected token \')\'';
    }
  }
  try {
    return compilePlainOrAwait(code, file, strict);
  } catch (err) {
    if (unfinishedLiteral && err !== null && typeof err === 'object') {
      unfinishedLiterals.add(err);
    }
    throw err;
  }
}

/* compileInput's second half: the code as it is, or rewritten for
 * top-level await. */
function compilePlainOrAwait(code, file, strict) {
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
  restoreRegExpStatics(server, context, server[kRegExpStatics] ?? null);
  try {
    return runScriptNow(server, script, context);
  } finally {
    server[kRegExpStatics] = saveRegExpStatics(server, context);
  }
}

function runScriptNow(server, script, context) {
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
 * cb(err) or cb(null, value); cb(null) alone for an empty line, and
 * cb(Recoverable) when the code needs more lines. `this` is the server. */
function defaultEval(code, context, file, cb) {
  if (code === '\n' || code === '') {
    cb(null);
    return;
  }
  const strict = this.replMode === require('repl').REPL_MODE_STRICT;
  let compiled;
  try {
    compiled = compileInput(code, file, strict);
  } catch (err) {
    if (isRecoverableError(err, code) ||
        (unfinishedLiterals.has(err) && scan(code).open.length > 0)) {
      cb(new Recoverable(err));
      return;
    }
    // The stack shows where in the input compiling failed.
    decorateErrorStack(err);
    cb(err);
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
