'use strict';
// The global console and the Console class: bound methods, instanceof,
// option validation, timers, warnings and stream error handling, as in
// Node.js 18.20.4.
const common = require('../common');
const assert = require('assert');
const EventEmitter = require('events');
const { Console } = require('console');

assert.strictEqual(require('console'), console);
assert.strictEqual(console.Console, Console);
assert.ok(console instanceof Console);
assert.ok(!({} instanceof Console));
assert.strictEqual(Object.prototype.toString.call(console),
                   '[object console]');

const methods = [
  'log', 'warn', 'dir', 'time', 'timeEnd', 'timeLog', 'trace', 'assert',
  'clear', 'count', 'countReset', 'group', 'groupEnd', 'table', 'debug',
  'info', 'dirxml', 'error', 'groupCollapsed',
];
assert.deepStrictEqual(Object.keys(Console.prototype), methods);
for (const name of methods) {
  assert.ok(Object.prototype.propertyIsEnumerable.call(console, name), name);
  assert.strictEqual(console[name].name, name);
}
for (const name of ['profile', 'profileEnd', 'timeStamp']) {
  assert.strictEqual(typeof console[name], 'function', name);
}
for (const name of ['_stdout', '_stderr', '_times', '_ignoreErrors']) {
  assert.ok(!Object.prototype.propertyIsEnumerable.call(console, name), name);
}

function makeStream() {
  const stream = new EventEmitter();
  stream.chunks = [];
  stream.write = (chunk) => { stream.chunks.push(chunk); };
  return stream;
}

// Methods are bound: they work detached from the instance.
{
  const out = makeStream();
  const err = makeStream();
  const c = Console(out, err);
  assert.ok(c instanceof Console);
  const { log, error, group, groupEnd } = c;
  log('a', 1);
  group();
  error('b\nc');
  groupEnd();
  log('%s!', 'd');
  assert.deepStrictEqual(out.chunks, ['a 1\n', 'd!\n']);
  assert.deepStrictEqual(err.chunks, ['  b\n  c\n']);
}

// Option validation.
assert.throws(() => new Console(), {
  code: 'ERR_CONSOLE_WRITABLE_STREAM',
  name: 'TypeError',
  message: 'Console expects a writable stream instance for stdout',
});
assert.throws(() => new Console({ stdout: { write() {} }, stderr: {} }), {
  code: 'ERR_CONSOLE_WRITABLE_STREAM',
  message: 'Console expects a writable stream instance for stderr',
});
assert.throws(() => new Console({ stdout: { write() {} },
                                  inspectOptions: 1 }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.inspectOptions" property must be of type object. ' +
           'Received type number (1)',
});
assert.throws(() => new Console({ stdout: { write() {} }, colorMode: true,
                                  inspectOptions: { colors: true } }), {
  code: 'ERR_INCOMPATIBLE_OPTION_PAIR',
  message: 'Option "options.inspectOptions.color" cannot be used in ' +
           'combination with option "colorMode"',
});
assert.throws(() => new Console({ stdout: { write() {} },
                                  groupIndentation: 1.5 }), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "groupIndentation" is out of range. ' +
           'It must be an integer. Received 1.5',
});
assert.throws(() => new Console({ stdout: { write() {} }, colorMode: 'x' }), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'colorMode' is invalid. Received 'x'",
});
assert.throws(() => console.table([], 'x'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "properties" argument must be an instance of Array. ' +
           "Received type string ('x')",
});

// Timers and counters warn through process.emitWarning.
{
  const out = makeStream();
  const c = new Console(out);
  const warnings = [];
  process.on('warning', (w) => warnings.push(`${w.name}: ${w.message}`));
  c.countReset('nope');
  c.timeEnd('nope');
  c.timeLog('nope');
  c.time('t');
  c.time('t');
  c.timeLog('t', 'extra', [1]);
  c.timeEnd('t');
  c.timeEnd('t');
  assert.strictEqual(out.chunks.length, 2);
  assert.match(out.chunks[0], /^t: \d+(\.\d{1,3})?ms extra \[ 1 \]\n$/);
  assert.match(out.chunks[1], /^t: \d+(\.\d{1,3})?ms\n$/);
  setImmediate(common.mustCall(() => {
    assert.deepStrictEqual(warnings, [
      "Warning: Count for 'nope' does not exist",
      "Warning: No such label 'nope' for console.timeEnd()",
      "Warning: No such label 'nope' for console.timeLog()",
      "Warning: Label 't' already exists for console.time()",
      "Warning: No such label 't' for console.timeEnd()",
    ]);
  }));
}

// With ignoreErrors (the default), stream errors are swallowed...
{
  const out = makeStream();
  out.write = common.mustCall(() => { throw new Error('boom'); });
  new Console(out).log('x');
  assert.strictEqual(out.listenerCount('error'), 0);
}
// ...but not with ignoreErrors: false.
{
  const out = makeStream();
  out.write = () => { throw new Error('boom'); };
  assert.throws(() => new Console(out, out, false).warn('x'),
                /^Error: boom$/);
}

// The global console's streams can be replaced.
{
  const saved = console._stdout;
  const out = makeStream();
  console._stdout = out;
  console.log('to the fake');
  console._stdout = saved;
  assert.deepStrictEqual(out.chunks, ['to the fake\n']);
}
