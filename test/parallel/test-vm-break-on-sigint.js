'use strict';
// vm's breakOnSigint: a SIGINT stops the running script with
// ERR_SCRIPT_EXECUTION_INTERRUPTED; the process lives on and SIGINT gets
// its previous meaning back afterwards.

const common = require('../common');
if (common.isWindows) common.skip('no SIGINT to self');
const assert = require('assert');
const vm = require('vm');

const busy = 'process.kill(process.pid, "SIGINT"); while (true) {}';

assert.throws(() => vm.runInThisContext(busy, { breakOnSigint: true }), {
  code: 'ERR_SCRIPT_EXECUTION_INTERRUPTED',
  message: 'Script execution was interrupted by `SIGINT`',
});

const context = vm.createContext({ process });
assert.throws(() => vm.runInContext(busy, context, { breakOnSigint: true }), {
  code: 'ERR_SCRIPT_EXECUTION_INTERRUPTED',
});

// Without the option the script completes normally.
assert.strictEqual(vm.runInThisContext('1 + 1', { breakOnSigint: true }), 2);

// Afterwards a 'SIGINT' listener hears the signal again.
const keepAlive = setTimeout(common.mustNotCall(), 10000);
process.once('SIGINT', common.mustCall(() => clearTimeout(keepAlive)));
process.kill(process.pid, 'SIGINT');
