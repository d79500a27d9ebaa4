'use strict';
/* dot.js (test_runner reporter) - the dot reporter: '.' per passing test,
 * 'X' per failing one, lines as wide as the terminal (20 otherwise). */

/* Dots for a stream of test events. */
async function* dot(source) {
  let column = 0;
  for await (const { type } of source) {
    if (type !== 'test:pass' && type !== 'test:fail') continue;
    yield type === 'test:pass' ? '.' : 'X';
    const width = process.stdout.columns ?? 20;
    if (++column >= width) {
      yield '\n';
      column = 0;
    }
  }
  yield '\n';
}

module.exports = dot;
