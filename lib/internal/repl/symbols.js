'use strict';
/* symbols.js (repl) - private keys shared by the REPL's modules. */

const { Symbol } = primordials;

module.exports = {
  // Set on the options of the REPL that `nodus` itself starts.
  kStandaloneREPL: Symbol('kStandaloneREPL'),
  // server[kEvalAbandoned](): an evaluation ended without its callback.
  kEvalAbandoned: Symbol('kEvalAbandoned'),
};
