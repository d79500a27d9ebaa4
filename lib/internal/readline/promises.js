'use strict';
// internal/readline/promises.js - the Readline class of readline/promises.

// A Readline queues cursor/clear escape sequences for a Writable and sends
// them in one write on commit() (or on the next tick with autoCommit).

const {
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  Promise,
} = primordials;

const {
  codes: { ERR_INVALID_ARG_TYPE },
} = require('internal/errors');
const { validateBoolean, validateInteger } = require('internal/validators');
const { isWritable } = require('internal/streams/utils');
const { CSI } = require('internal/readline/utils');

const { kClearLine, kClearScreenDown, kClearToLineBeginning,
        kClearToLineEnd } = CSI;

class Readline {
  #autoCommit = false;
  #stream;
  #todo = [];

  /* stream: a Writable; options.autoCommit: write each action on the
   * next tick instead of waiting for commit(). */
  constructor(stream, options = undefined) {
    if (!isWritable(stream)) {
      throw new ERR_INVALID_ARG_TYPE('stream', 'Writable', stream);
    }
    this.#stream = stream;
    if (options?.autoCommit != null) {
      validateBoolean(options.autoCommit, 'options.autoCommit');
      this.#autoCommit = options.autoCommit;
    }
  }

  #queue(data) {
    if (this.#autoCommit) {
      process.nextTick(() => this.#stream.write(data));
    } else {
      ArrayPrototypePush(this.#todo, data);
    }
  }

  /* Moves the cursor to column x (and row y when given). */
  cursorTo(x, y = undefined) {
    validateInteger(x, 'x');
    if (y != null) validateInteger(y, 'y');
    this.#queue(y == null ? CSI`${x + 1}G` : CSI`${y + 1};${x + 1}H`);
    return this;
  }

  /* Moves the cursor relative to its position. */
  moveCursor(dx, dy) {
    if (dx || dy) {
      validateInteger(dx, 'dx');
      validateInteger(dy, 'dy');
      let data = '';
      if (dx < 0) data += CSI`${-dx}D`;
      else if (dx > 0) data += CSI`${dx}C`;
      if (dy < 0) data += CSI`${-dy}A`;
      else if (dy > 0) data += CSI`${dy}B`;
      this.#queue(data);
    }
    return this;
  }

  /* Clears the line: dir -1 to its start, 1 to its end, 0 entirely. */
  clearLine(dir) {
    validateInteger(dir, 'dir', -1, 1);
    this.#queue(dir < 0 ? kClearToLineBeginning :
      dir > 0 ? kClearToLineEnd : kClearLine);
    return this;
  }

  /* Clears from the cursor down. */
  clearScreenDown() {
    this.#queue(kClearScreenDown);
    return this;
  }

  /* Writes the queued actions; resolves once the stream took them. */
  commit() {
    return new Promise((resolve) => {
      const data = ArrayPrototypeJoin(this.#todo, '');
      this.#todo = [];
      this.#stream.write(data, resolve);
    });
  }

  /* Drops the queued actions. */
  rollback() {
    this.#todo = [];
    return this;
  }
}

module.exports = { Readline };
