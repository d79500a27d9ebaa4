'use strict';
// process.allowedNodeEnvironmentFlags (a lazily built, read-only Set with
// has() that accepts dash/underscore/"=value" variants) and process.kill
// through the patchable process._kill.
// Expected values come from the reference node 18.20.4.
require('../common');
const assert = require('assert');

const desc = Object.getOwnPropertyDescriptor(process,
                                             'allowedNodeEnvironmentFlags');
assert.strictEqual(typeof desc.get, 'function');
assert.strictEqual(desc.enumerable, true);

const flags = process.allowedNodeEnvironmentFlags;
assert.strictEqual(Object.getOwnPropertyDescriptor(
  process, 'allowedNodeEnvironmentFlags').value, flags);
assert(flags instanceof Set);
assert.strictEqual(flags.constructor.name, 'NodeEnvironmentFlagsSet');
assert(Object.isFrozen(flags));
assert(flags.size > 150);

for (const f of ['--max_old_space_size=3', 'trace_warnings', '--no_warnings',
                 '--warnings', 'C', '-r=3', '--require=x', '--jitless',
                 '--huge_max_old_generation_size', '--stack-trace-limit=',
                 '--inspect-brk', '--title', '--experimental-loader']) {
  assert.strictEqual(flags.has(f), true, f);
}
for (const f of ['stack_trace_limit=3', 'title=x', '-title', '--=x', '=', '',
                 '--', '-rr', 'r=x', '--no-perf-basic-prof', '--eval', '-e',
                 '--print', '--expose-internals', 1]) {
  assert.strictEqual(flags.has(f), false, String(f));
}
assert.strictEqual(flags.add('x'), flags);
assert.strictEqual(flags.delete('-r'), false);
assert.strictEqual(flags.clear(), undefined);
Set.prototype.add.call(flags, 'x');
assert.strictEqual(flags.has('x'), false);
assert.strictEqual([...flags].includes('x'), false);
for (const f of flags) assert.match(f, /^--?[a-zA-Z0-9._-]+$/);

process.allowedNodeEnvironmentFlags = 'replaced';
assert.strictEqual(process.allowedNodeEnvironmentFlags, 'replaced');

// process.kill validates, then calls process._kill(pid, signal number).
assert.strictEqual(process.kill.length, 2);
const calls = [];
const realKill = process._kill;
process._kill = (pid, sig) => { calls.push([+pid, sig]); return 0; };
process.kill(0, 'SIGHUP');
process.kill('-1');
process.kill(process.pid, 9);
process._kill = realKill;
assert.deepStrictEqual(calls, [[0, 1], [-1, 15], [process.pid, 9]]);
assert.throws(() => process.kill(0, 987), {
  name: 'Error', code: 'EINVAL', syscall: 'kill', errno: -22,
  message: 'kill EINVAL',
});
assert.throws(() => process.kill(0, 'test'), {
  name: 'TypeError', code: 'ERR_UNKNOWN_SIGNAL',
});
// A numeric string pid is the pid itself (signal 0 only probes).
assert.strictEqual(process.kill(String(process.pid), 0), true);
