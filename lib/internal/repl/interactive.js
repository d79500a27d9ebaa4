'use strict';
/* interactive.js (repl) - the REPL that a bare `nodus` (or `nodus -i`)
 * starts on stdin/stdout, configured from NODE_REPL_* variables. */

const {
  NumberIsNaN,
  NumberParseInt,
  StringPrototypeToLowerCase,
  StringPrototypeTrim,
} = primordials;

const repl = require('repl');
const { kStandaloneREPL } = require('internal/repl/symbols');

/* REPL options: the global context, Ctrl+C interrupting a running
 * evaluation, and from the environment NODE_NO_READLINE, NODE_REPL_MODE,
 * NODE_REPL_HISTORY_SIZE (default 1000). */
function optionsFromEnv(env) {
  const options = {
    useGlobal: true,
    ignoreUndefined: false,
    replMode: repl.REPL_MODE_SLOPPY,
    historySize: 1000,
    breakEvalOnSigint: true,
    [kStandaloneREPL]: true,
  };
  if (NumberParseInt(env.NODE_NO_READLINE)) options.terminal = false;
  if (env.NODE_REPL_MODE) {
    const mode = StringPrototypeToLowerCase(
      StringPrototypeTrim(env.NODE_REPL_MODE));
    if (mode === 'strict') options.replMode = repl.REPL_MODE_STRICT;
  }
  const size = +env.NODE_REPL_HISTORY_SIZE;
  if (!NumberIsNaN(size) && size > 0) options.historySize = size;
  return options;
}

/* Prints the banner and starts the REPL; the process exits when it
 * closes. Persistent history (NODE_REPL_HISTORY, '' for none) only on a
 * terminal. Returns the server. */
function startInteractiveRepl() {
  process.stdout.write(`Welcome to Node.js ${process.version}.\n` +
                       'Type ".help" for more information.\n');
  const env = process.env;
  const options = optionsFromEnv(env);
  const server = repl.start(options);
  repl.repl = server;
  const terminal = options.terminal !== undefined ? options.terminal :
    !!process.stdout.isTTY;
  server.setupHistory(terminal ? env.NODE_REPL_HISTORY : '', () => {});
  server.on('exit', () => process.exit());
  return server;
}

module.exports = { startInteractiveRepl };
