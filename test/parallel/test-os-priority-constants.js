'use strict';
// os.setPriority/getPriority validation and errors; os.constants' shape.
require('../common');
const assert = require('assert');
const os = require('os');
const { execFileSync } = require('child_process');

// Priorities round-trip and match what ps reports.
{
  const before = os.getPriority();
  os.setPriority(before + 1);
  assert.strictEqual(os.getPriority(), before + 1);
  assert.strictEqual(os.getPriority(process.pid), before + 1);
  const ni = execFileSync('ps', ['-o', 'ni=', '-p', String(process.pid)]);
  assert.strictEqual(Number(ni.toString().trim()), before + 1);
}

assert.throws(() => os.getPriority('x'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "pid" argument must be of type number. ' +
           "Received type string ('x')",
});
assert.throws(() => os.setPriority(0, 20), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "priority" is out of range. ' +
           'It must be >= -20 && <= 19. Received 20',
});
assert.throws(() => os.setPriority(1.5, 0), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "pid" is out of range. It must be an integer. ' +
           'Received 1.5',
});
assert.throws(() => os.getPriority(-1), (err) => {
  assert.strictEqual(err.name, 'SystemError');
  assert.strictEqual(err.code, 'ERR_SYSTEM_ERROR');
  assert.strictEqual(err.message, 'A system error occurred: ' +
                     'uv_os_getpriority returned ESRCH (no such process)');
  assert.deepStrictEqual(err.info, {
    errno: -3,
    code: 'ESRCH',
    message: 'no such process',
    syscall: 'uv_os_getpriority',
  });
  assert.strictEqual(err.errno, -3);
  assert.strictEqual(err.syscall, 'uv_os_getpriority');
  return true;
});
assert.throws(() => os.setPriority(-1, 0), {
  code: 'ERR_SYSTEM_ERROR',
  message: /uv_os_setpriority returned ESRCH/,
});

// Constants: Linux numbers, null prototypes, read-only leaves.
{
  const c = os.constants;
  assert.deepStrictEqual(Object.keys(c),
                         ['UV_UDP_REUSEADDR', 'dlopen', 'errno', 'signals',
                          'priority']);
  assert.strictEqual(Object.getPrototypeOf(c), null);
  assert.strictEqual(c.signals.SIGINT, 2);
  assert.strictEqual(c.signals.SIGKILL, 9);
  assert.strictEqual(c.errno.ENOENT, 2);
  assert.strictEqual(c.dlopen.RTLD_NOW, 2);
  assert.deepStrictEqual({ ...c.priority }, {
    PRIORITY_LOW: 19,
    PRIORITY_BELOW_NORMAL: 10,
    PRIORITY_NORMAL: 0,
    PRIORITY_ABOVE_NORMAL: -7,
    PRIORITY_HIGH: -14,
    PRIORITY_HIGHEST: -20,
  });
  assert.throws(() => { c.signals.SIGINT = 5; }, TypeError);
  assert.strictEqual(c.signals.SIGINT, 2);
  assert.deepStrictEqual(
    Object.getOwnPropertyDescriptor(c.errno, 'EPERM'),
    { value: 1, writable: false, enumerable: true, configurable: false });
  const desc = Object.getOwnPropertyDescriptor(os, 'constants');
  assert.strictEqual(desc.configurable, false);
  assert.strictEqual(desc.writable, false);
  assert.throws(() => { os.EOL = 'x'; }, TypeError);
}
