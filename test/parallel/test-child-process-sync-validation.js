'use strict';
// child_process sync API: argument and option validation with Node's codes
// and messages.
require('../common');
const assert = require('assert');
const { spawnSync, execSync, execFileSync } = require('child_process');

const cases = [
  [() => spawnSync(5), 'ERR_INVALID_ARG_TYPE',
   'The "file" argument must be of type string. Received type number (5)'],
  [() => spawnSync(''), 'ERR_INVALID_ARG_VALUE',
   "The argument 'file' cannot be empty. Received ''"],
  [() => spawnSync('ls\0'), 'ERR_INVALID_ARG_VALUE',
   "The argument 'file' must be a string without null bytes. " +
   "Received 'ls\\x00'"],
  [() => spawnSync('ls', ['a\0']), 'ERR_INVALID_ARG_VALUE',
   "The argument 'args[0]' must be a string without null bytes. " +
   "Received 'a\\x00'"],
  [() => spawnSync('ls', { env: { A: 'b\0' } }), 'ERR_INVALID_ARG_VALUE',
   "The property 'options.env['A']' must be a string without null bytes. " +
   "Received 'b\\x00'"],
  [() => spawnSync('ls', 5), 'ERR_INVALID_ARG_TYPE',
   'The "args" argument must be of type object. Received type number (5)'],
  [() => spawnSync('ls', [], 5), 'ERR_INVALID_ARG_TYPE',
   'The "options" argument must be of type object. Received type number (5)'],
  [() => spawnSync('ls', { stdio: 'foo' }), 'ERR_INVALID_ARG_VALUE',
   "The argument 'stdio' is invalid. Received 'foo'"],
  [() => spawnSync('ls', { stdio: [{}] }), 'ERR_INVALID_ARG_VALUE',
   "The argument 'stdio' is invalid. Received {}"],
  [() => spawnSync('ls', { stdio: ['ipc'] }), 'ERR_IPC_SYNC_FORK',
   'IPC cannot be used with synchronous forks'],
  [() => spawnSync('ls', { cwd: 'a\0' }), 'ERR_INVALID_ARG_VALUE',
   "The property 'options.cwd' must be a string or Uint8Array without " +
   "null bytes. Received 'a\\x00'"],
  [() => spawnSync('ls', { timeout: -1 }), 'ERR_OUT_OF_RANGE',
   'The value of "timeout" is out of range. It must be an unsigned ' +
   'integer. Received -1'],
  [() => spawnSync('ls', { maxBuffer: -1 }), 'ERR_OUT_OF_RANGE',
   'The value of "options.maxBuffer" is out of range. It must be a ' +
   'positive number. Received -1'],
  [() => spawnSync('ls', { killSignal: true }), 'ERR_INVALID_ARG_TYPE',
   'The "options.killSignal" property must be one of type string or ' +
   'number. Received type boolean (true)'],
  [() => spawnSync('ls', { killSignal: 'SIGNOPE' }), 'ERR_UNKNOWN_SIGNAL',
   'Unknown signal: SIGNOPE'],
  [() => spawnSync('ls', { shell: 5 }), 'ERR_INVALID_ARG_TYPE',
   'The "options.shell" property must be one of type boolean or string. ' +
   'Received type number (5)'],
  [() => spawnSync('ls', { uid: 3.1 }), 'ERR_INVALID_ARG_TYPE',
   'The "options.uid" property must be int32. Received type number (3.1)'],
  [() => spawnSync('ls', { gid: 'x' }), 'ERR_INVALID_ARG_TYPE',
   'The "options.gid" property must be int32. Received type string (\'x\')'],
  [() => spawnSync('ls', { detached: 1 }), 'ERR_INVALID_ARG_TYPE',
   'The "options.detached" property must be of type boolean. ' +
   'Received type number (1)'],
  [() => execSync(5), 'ERR_INVALID_ARG_TYPE',
   'The "command" argument must be of type string. Received type number (5)'],
  [() => execSync('a\0'), 'ERR_INVALID_ARG_VALUE',
   "The argument 'command' must be a string without null bytes. " +
   "Received 'a\\x00'"],
  [() => execFileSync('ls', [], 5), 'ERR_INVALID_ARG_TYPE',
   'The "options" argument must be of type object. Received type number (5)'],
  [() => execFileSync('ls', { argv0: 5 }), 'ERR_INVALID_ARG_TYPE',
   'The "options.argv0" property must be of type string. ' +
   'Received type number (5)'],
];
for (const [fn, code, message] of cases) {
  assert.throws(fn, { code, message });
}

// Valid odd values pass validation (and reach the spawn).
for (const options of [{ cwd: null }, { uid: null }, { shell: false },
                       { maxBuffer: 3.14 }, { killSignal: 'sigint' },
                       { timeout: 0 }, { windowsHide: true }]) {
  assert.strictEqual(spawnSync('no_such_command_xyz', options).error.code,
                     'ENOENT');
}

