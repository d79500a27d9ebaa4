'use strict';
// Console output with colors forced on: formatting, dir, table, group
// indentation, count, trace and assert, compared with Node.js 18.20.4.
require('../common');
const assert = require('assert');
const { Console } = require('console');
const EventEmitter = require('events');

const out = [];
const stream = new EventEmitter();
stream.write = (chunk) => { out.push(chunk); };
const c = new Console({ stdout: stream, colorMode: true });

c.log({ a: 1 }, 'x');
c.dir({ a: { b: { c: {} } } }, { depth: 0 });
c.table([{ a: 1 }]);
c.group('g');
c.log('a\nb');
c.groupEnd();
c.count();
c.count('x');
c.count();
c.trace('t %d', 1);
c.assert(0, 'm %s', 'q');
c.assert(1, 'no');
c.assert(false);
c.table(new Map([['k', { v: 1 }]]));
c.table([[1, 2], { x: 'y' }, 3], ['0', 'x']);
c.table({ r1: { c1: 1 }, r2: { c2: 'two' } });
c.dirxml(1, 'a');
c.info('%o', [1]);
c.debug('%j', { j: 1 });
c.error(new Error('e').message);
c.groupCollapsed();
c.warn('w1\nw2');
c.group();
c.log('deep');
c.groupEnd();
c.groupEnd();
c.log('top');

// Each write, from Node.js 18.20.4 (trace output cut before its frames).
const expected = [
  '{ a: \u001b[33m1\u001b[39m } x\n',
  '{ a: \u001b[36m[Object]\u001b[39m }\n',
  '┌─────────┬───┐\n│ (index) │ a │\n├─────────┼───┤\n' +
  '│    0    │ \u001b[33m1\u001b[39m │\n└─────────┴───┘\n',
  'g\n',
  '  a\n  b\n',
  'default: 1\n',
  'x: 1\n',
  'default: 2\n',
  'Trace: t 1',
  'Assertion failed: m q\n',
  'Assertion failed\n',
  '┌───────────────────┬─────┬──────────┐\n' +
  '│ (iteration index) │ Key │  Values  │\n' +
  '├───────────────────┼─────┼──────────┤\n' +
  '│         \u001b[33m0\u001b[39m         │ ' +
  '\u001b[32m\'k\'\u001b[39m │ { v: ' +
  '\u001b[33m1\u001b[39m } │\n' +
  '└───────────────────┴─────┴──────────┘\n',
  '┌─────────┬───┬─────┐\n│ (index) │ 0 │  x  │\n├─────────┼───┼─────┤\n' +
  '│    0    │ \u001b[33m1\u001b[39m │     │\n' +
  '│    1    │   │ \u001b[32m\'y\'\u001b[39m │\n│    2    │   │     │\n' +
  '└─────────┴───┴─────┘\n',
  '┌─────────┬────┬───────┐\n│ (index) │ c1 │  c2   │\n' +
  '├─────────┼────┼───────┤\n│   r1    │ \u001b[33m1\u001b[39m  │       │\n' +
  '│   r2    │    │ \u001b[32m\'two\'\u001b[39m │\n' +
  '└─────────┴────┴───────┘\n',
  '\u001b[33m1\u001b[39m a\n',
  '[ \u001b[33m1\u001b[39m, [length]: \u001b[33m1\u001b[39m ]\n',
  '{"j":1}\n',
  'e\n',
  '  w1\n  w2\n',
  '    deep\n',
  'top\n',
];

const got = out.map((chunk) => chunk.split('\n    at')[0]);
assert.deepStrictEqual(got, expected);
