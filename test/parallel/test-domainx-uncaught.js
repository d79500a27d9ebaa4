'use strict';
// domain: the uncaught-exception capture callback belongs to the domain
// module (ERR_DOMAIN_CALLBACK_NOT_AVAILABLE, ERR_DOMAIN_CANNOT_SET_...),
// exceptions no domain handles reach process 'uncaughtException' with the
// stack emptied, and --abort-on-uncaught-exception aborts exactly when no
// domain handles the exception.
const common = require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');

const mode = process.argv[2];
if (mode === 'unhandled') {
  const domain = require('domain');
  process.on('uncaughtException', common.mustCall((err) => {
    assert.strictEqual(err.message, 'no handler');
    assert.strictEqual(process.domain, null);
    assert.strictEqual(domain._stack.length, 0);
    process.exitCode = 42;
  }));
  // Nested domains without 'error' listeners cannot handle it.
  domain.create().run(() => domain.create().run(() => {
    setTimeout(() => { throw new Error('no handler'); }, 1);
  }));
  return;
}
if (mode === 'handled') {
  const d = require('domain').create();
  d.on('error', common.mustCall());
  d.run(() => setImmediate(() => { throw new Error('handled'); }));
  return;
}
if (mode === 'handler-throws') {
  const d = require('domain').create();
  d.on('error', () => { throw new Error('from handler'); });
  d.run(() => process.nextTick(() => { throw new Error('first'); }));
  return;
}

// Loading the module while a capture callback is set fails, and leaves
// nothing behind: it loads once the callback is gone.
process.setUncaughtExceptionCaptureCallback(common.mustNotCall());
assert.throws(() => require('domain'), {
  code: 'ERR_DOMAIN_CALLBACK_NOT_AVAILABLE',
  name: 'Error',
  message: 'A callback was registered through ' +
           'process.setUncaughtExceptionCaptureCallback(), which is ' +
           'mutually exclusive with using the `domain` module',
});
process.setUncaughtExceptionCaptureCallback(null);
(function loadDomainHere() {
  require('domain');
})();
assert.strictEqual(process.hasUncaughtExceptionCaptureCallback(), false);

// From now on setting one fails, pointing at where domain was loaded.
for (const fn of [() => {}, null]) {
  assert.throws(() => process.setUncaughtExceptionCaptureCallback(fn),
                (err) => {
                  assert.strictEqual(
                    err.code,
                    'ERR_DOMAIN_CANNOT_SET_UNCAUGHT_EXCEPTION_CAPTURE');
                  assert.strictEqual(
                    err.message,
                    'The `domain` module is in use, which is mutually ' +
                    'exclusive with calling ' +
                    'process.setUncaughtExceptionCaptureCallback()');
                  assert.ok(err.stack.includes(`\n${'-'.repeat(40)}\n`));
                  assert.ok(err.stack.includes(
                    'Error: require(`domain`) at this point'));
                  assert.ok(err.stack.includes('at loadDomainHere'));
                  return true;
                });
}

function run(args) {
  return spawnSync(process.execPath, [...args], { encoding: 'utf8' });
}

let child = run([__filename, 'unhandled']);
assert.strictEqual(child.status, 42, child.stderr);

for (const flags of [[], ['--abort-on-uncaught-exception']]) {
  child = run([...flags, __filename, 'handled']);
  assert.strictEqual(child.status, 0, child.stderr);
  assert.strictEqual(child.signal, null);
}

child = run([__filename, 'handler-throws']);
assert.strictEqual(child.status, 7);
assert.match(child.stderr, /from handler/);
assert.doesNotMatch(child.stderr, /first/);

if (!common.isWindows) {
  for (const what of ['unhandled', 'handler-throws']) {
    child = run(['--abort-on-uncaught-exception', __filename, what]);
    // V8 aborts with a trap, nodus with abort(): either is an abort.
    assert.ok(['SIGABRT', 'SIGTRAP'].includes(child.signal),
              `${what}: ${child.signal} ${child.stderr}`);
  }
}
