'use strict';
// worker_threads as the main thread sees it: identity, environment data,
// untransferable marks and argument checks.
require('../common');
const assert = require('assert');
const wt = require('worker_threads');

assert.strictEqual(wt.isMainThread, true);
assert.strictEqual(wt.threadId, 0);
assert.strictEqual(wt.parentPort, null);
assert.strictEqual(wt.workerData, null);
assert.deepStrictEqual(wt.resourceLimits, {});
assert.strictEqual(wt.SHARE_ENV, Symbol.for('nodejs.worker_threads.SHARE_ENV'));
assert.strictEqual(require('node:worker_threads'), wt);
for (const name of ['Worker', 'MessagePort', 'MessageChannel',
                    'BroadcastChannel']) {
  assert.strictEqual(typeof wt[name], 'function');
  assert.strictEqual(wt[name].name, name);
}
assert.ok(wt.Worker.prototype instanceof require('events'));

// Environment data is a key/value store; undefined deletes.
assert.strictEqual(wt.getEnvironmentData('k'), undefined);
const obj = { a: 1 };
wt.setEnvironmentData('k', obj);
assert.strictEqual(wt.getEnvironmentData('k'), obj);
wt.setEnvironmentData(obj, 'by-object');
assert.strictEqual(wt.getEnvironmentData(obj), 'by-object');
wt.setEnvironmentData('k', undefined);
assert.strictEqual(wt.getEnvironmentData('k'), undefined);

// markAsUntransferable ignores primitives.
assert.strictEqual(wt.markAsUntransferable(5), undefined);
assert.strictEqual(wt.markAsUntransferable(null), undefined);
wt.markAsUntransferable(new ArrayBuffer(8));

// Ports are checked.
for (const fn of [() => wt.receiveMessageOnPort({}),
                  () => wt.moveMessagePortToContext({}, {})]) {
  assert.throws(fn, {
    name: 'TypeError',
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "port" argument must be a MessagePort instance',
  });
}

// The Worker's filename is checked before anything else.
assert.throws(() => new wt.Worker(5), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "filename" argument must be of type string or an instance ' +
           'of URL. Received type number (5)',
});
assert.throws(() => wt.Worker('x'), TypeError);

// Script paths: absolute, ./ or ../ relative, or file:/data: URL objects.
assert.throws(() => new wt.Worker('relative'), {
  name: 'TypeError',
  code: 'ERR_WORKER_PATH',
  message: 'The worker script or module filename must be an absolute path ' +
           'or a relative path starting with \'./\' or \'../\'. ' +
           'Received "relative"',
});
assert.throws(() => new wt.Worker('file:///x'),
              /Wrap file:\/\/ URLs with `new URL`\. Received "file:\/\/\/x"$/);
assert.throws(() => new wt.Worker(new URL('https://a.b/')), {
  code: 'ERR_INVALID_URL_SCHEME',
  message: 'The URL must be of scheme file',
});
assert.throws(() => new wt.Worker(5, { eval: true }), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The property 'options.eval' must be false when 'filename' is " +
           'not a string. Received true',
});
assert.throws(() => new wt.Worker('/x', { execArgv: 'a' }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.execArgv" property must be an instance of Array. ' +
           "Received type string ('a')",
});
assert.throws(() => new wt.Worker('/x', { env: 5 }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.env" property must be of type object or one of ' +
           'undefined, null, or worker_threads.SHARE_ENV. ' +
           'Received type number (5)',
});
assert.throws(() => new wt.Worker('/x', { workerData: () => {} }),
              { name: 'DataCloneError' });
