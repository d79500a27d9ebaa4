'use strict';
/* tests_stream.js (test_runner) - TestsStream: the readable stream of test
 * events ({ type, data }) a run produces; each event is also emitted by
 * type ('test:pass', ...) with its data. */

const {
  ArrayPrototypePush,
  ArrayPrototypeShift,
  NumberMAX_SAFE_INTEGER,
  ObjectAssign,
} = primordials;

const Readable = require('internal/streams/readable');

class TestsStream extends Readable {
  #buffer = [];
  #canPush = true;

  constructor() {
    super({ objectMode: true, highWaterMark: NumberMAX_SAFE_INTEGER });
  }

  _read() {
    this.#canPush = true;
    while (this.#buffer.length > 0) {
      const message = ArrayPrototypeShift(this.#buffer);
      if (!this.#tryPush(message)) return;
    }
  }

  /* A finished test: test:fail when details.error is set. */
  fail(nesting, loc, testNumber, name, details, directive) {
    this.#emit('test:fail', ObjectAssign(
      { __proto__: null, name, nesting, testNumber, details }, loc,
      directive));
  }

  ok(nesting, loc, testNumber, name, details, directive) {
    this.#emit('test:pass', ObjectAssign(
      { __proto__: null, name, nesting, testNumber, details }, loc,
      directive));
  }

  plan(nesting, loc, count) {
    this.#emit('test:plan', ObjectAssign({ __proto__: null, nesting, count },
                                         loc));
  }

  getSkip(reason) {
    return { __proto__: null, skip: reason ?? true };
  }

  getTodo(reason) {
    return { __proto__: null, todo: reason ?? true };
  }

  enqueue(nesting, loc, name) {
    this.#emit('test:enqueue', ObjectAssign({ __proto__: null, nesting, name },
                                            loc));
  }

  dequeue(nesting, loc, name) {
    this.#emit('test:dequeue', ObjectAssign({ __proto__: null, nesting, name },
                                            loc));
  }

  start(nesting, loc, name) {
    this.#emit('test:start', ObjectAssign({ __proto__: null, nesting, name },
                                          loc));
  }

  diagnostic(nesting, loc, message) {
    this.#emit('test:diagnostic',
               ObjectAssign({ __proto__: null, nesting, message }, loc));
  }

  stderr(loc, message) {
    this.#emit('test:stderr', ObjectAssign({ __proto__: null }, loc,
                                           { message }));
  }

  stdout(loc, message) {
    this.#emit('test:stdout', ObjectAssign({ __proto__: null }, loc,
                                           { message }));
  }

  coverage(nesting, loc, summary) {
    this.#emit('test:coverage', ObjectAssign({ __proto__: null, nesting,
                                               summary }, loc));
  }

  watchDrained() {
    this.#emit('test:watch:drained', { __proto__: null });
  }

  /* Re-emits an event as is (events read from a child process). */
  forward(type, data) {
    this.#emit(type, data);
  }

  end() {
    this.#tryPush(null);
  }

  #emit(type, data) {
    this.emit(type, data);
    this.#tryPush({ type, data });
  }

  #tryPush(message) {
    if (this.#canPush) {
      this.#canPush = this.push(message);
    } else {
      ArrayPrototypePush(this.#buffer, message);
    }
    return this.#canPush;
  }
}

module.exports = { TestsStream };
