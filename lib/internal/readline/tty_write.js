'use strict';
// internal/readline/tty_write.js - what each key does in terminal mode.

// install(proto) defines Interface.prototype[kTtyWrite](s, key): the
// keypress handler. Keys are looked up by name in one table per modifier
// state (ctrl+shift, ctrl, meta, none); unmodified keys without a binding
// insert their text.

const {
  DateNow,
  ObjectDefineProperty,
  StringPrototypeCharCodeAt,
  StringPrototypeCodePointAt,
  StringPrototypeSlice,
} = primordials;

const { kEmptyObject } = require('internal/util');
const { charLengthAt, charLengthLeft } = require('internal/readline/utils');
const { clearScreenDown, cursorTo } = require('internal/readline/callbacks');
const {
  kDeleteLeft,
  kDeleteLineLeft,
  kDeleteLineRight,
  kDeleteRight,
  kDeleteWordLeft,
  kDeleteWordRight,
  kHistoryNext,
  kHistoryPrev,
  kInsertString,
  kLine,
  kMoveCursor,
  kPreviousKey,
  kRedo,
  kRefreshLine,
  kSawReturnAt,
  kSetRawMode,
  kSubstringSearch,
  kTabComplete,
  kTtyWrite,
  kUndo,
  kWordLeft,
  kWordRight,
  kYank,
  kYankPop,
  kYanking,
} = require('internal/readline/symbols');

// A binding is either a method symbol (called with no arguments) or a
// function (rl, s, key, previousKey).
function backOneChar(rl) {
  rl[kMoveCursor](-charLengthLeft(rl.line, rl.cursor));
}

function forwardOneChar(rl) {
  rl[kMoveCursor](+charLengthAt(rl.line, rl.cursor));
}

function toLineStart(rl) {
  rl[kMoveCursor](-Infinity);
}

function toLineEnd(rl) {
  rl[kMoveCursor](+Infinity);
}

function interrupt(rl) {
  if (rl.listenerCount('SIGINT') > 0) {
    rl.emit('SIGINT');
  } else {
    rl.close();
  }
}

function deleteRightOrEOF(rl) {
  if (rl.cursor === 0 && rl.line.length === 0) {
    rl.close();
  } else if (rl.cursor < rl.line.length) {
    rl[kDeleteRight]();
  }
}

function clearScreen(rl) {
  cursorTo(rl.output, 0, 0);
  clearScreenDown(rl.output);
  rl[kRefreshLine]();
}

function suspend(rl) {
  if (process.platform === 'win32') return;
  if (rl.listenerCount('SIGTSTP') > 0) {
    rl.emit('SIGTSTP');
    return;
  }
  process.once('SIGCONT', () => {
    // Only tell listeners if the input was active before the stop.
    if (!rl.paused) {
      rl.pause();
      rl.emit('SIGCONT');
    }
    rl[kSetRawMode](true);
    rl[kRefreshLine]();
  });
  rl[kSetRawMode](false);
  process.kill(process.pid, 'SIGTSTP');
}

function carriageReturn(rl) {
  rl[kSawReturnAt] = DateNow();
  rl[kLine]();
}

function lineFeed(rl) {
  // The \n of a \r\n pair ends no second line (within crlfDelay).
  if (rl[kSawReturnAt] === 0 || DateNow() - rl[kSawReturnAt] > rl.crlfDelay) {
    rl[kLine]();
  }
  rl[kSawReturnAt] = 0;
}

/* Inserts typed or pasted text; line breaks inside it submit lines. */
function insertText(rl, s) {
  if (typeof s !== 'string' || !s) return;
  let start = 0;
  for (let i = 0; i < s.length; i++) {
    const c = StringPrototypeCharCodeAt(s, i);
    if (c !== 10 && c !== 13) continue;
    rl[kInsertString](StringPrototypeSlice(s, start, i));
    if (c === 13 && StringPrototypeCharCodeAt(s, i + 1) === 10) i++;
    start = i + 1;
    rl[kLine]();
  }
  rl[kInsertString](StringPrototypeSlice(s, start));
}

function tab(rl, s, key, previousKey) {
  if (typeof rl.completer === 'function' && rl.isCompletionEnabled) {
    const lastKeypressWasTab = previousKey && previousKey.name === 'tab';
    rl[kTabComplete](lastKeypressWasTab);
  } else {
    insertText(rl, s);
  }
}

const kCtrlShiftBindings = {
  __proto__: null,
  backspace: kDeleteLineLeft,
  delete: kDeleteLineRight,
};

const kCtrlBindings = {
  __proto__: null,
  a: toLineStart,
  b: backOneChar,
  c: interrupt,
  d: deleteRightOrEOF,
  e: toLineEnd,
  f: forwardOneChar,
  h: kDeleteLeft,
  k: kDeleteLineRight,
  l: clearScreen,
  n: kHistoryNext,
  p: kHistoryPrev,
  u: kDeleteLineLeft,
  w: kDeleteWordLeft,
  y: kYank,
  z: suspend,
  backspace: kDeleteWordLeft,
  delete: kDeleteWordRight,
  left: kWordLeft,
  right: kWordRight,
};

const kMetaBindings = {
  __proto__: null,
  b: kWordLeft,
  f: kWordRight,
  d: kDeleteWordRight,
  delete: kDeleteWordRight,
  backspace: kDeleteWordLeft,
  y: kYankPop,
};

const kPlainBindings = {
  __proto__: null,
  return: carriageReturn,
  enter: lineFeed,
  backspace: kDeleteLeft,
  delete: kDeleteRight,
  left: backOneChar,
  right: forwardOneChar,
  home: toLineStart,
  end: toLineEnd,
  up: kHistoryPrev,
  down: kHistoryNext,
  tab,
};

function run(rl, binding, s, key, previousKey) {
  if (typeof binding === 'function') {
    binding(rl, s, key, previousKey);
  } else {
    rl[binding]();
  }
}

/* Handles one keypress: `s` is the text it produced (may be undefined),
 * `key` its decoded description. */
function ttyWrite(s, key) {
  const previousKey = this[kPreviousKey];
  key = key || kEmptyObject;
  this[kPreviousKey] = key;

  // Yank-pop is only possible right after a yank.
  if (!key.meta || key.name !== 'y') this[kYanking] = false;

  // Plain up/down start (or continue) a search for history entries that
  // begin with what is left of the cursor; any other key ends it.
  if ((key.name === 'up' || key.name === 'down') &&
      !key.ctrl && !key.meta && !key.shift) {
    if (this[kSubstringSearch] === null) {
      this[kSubstringSearch] = StringPrototypeSlice(this.line, 0, this.cursor);
    }
  } else if (this[kSubstringSearch] !== null) {
    this[kSubstringSearch] = null;
    if (this.history.length === this.historyIndex) this.historyIndex = -1;
  }

  // Undo (ctrl -, 0x1f) and redo (ctrl ^, 0x1e), whatever the name.
  if (typeof key.sequence === 'string') {
    const code = StringPrototypeCodePointAt(key.sequence, 0);
    if (code === 0x1f) {
      this[kUndo]();
      return;
    }
    if (code === 0x1e) {
      this[kRedo]();
      return;
    }
  }

  if (key.name === 'escape') return;

  let binding;
  if (key.ctrl && key.shift) {
    binding = kCtrlShiftBindings[key.name];
  } else if (key.ctrl) {
    binding = kCtrlBindings[key.name];
  } else if (key.meta) {
    binding = kMetaBindings[key.name];
  } else {
    // A pending \r only matters to an immediately following \n.
    if (this[kSawReturnAt] && key.name !== 'enter') this[kSawReturnAt] = 0;
    binding = kPlainBindings[key.name];
    if (binding === undefined) {
      insertText(this, s);
      return;
    }
  }
  if (binding !== undefined) run(this, binding, s, key, previousKey);
}

/* Defines Interface.prototype[kTtyWrite]. */
function install(proto) {
  ObjectDefineProperty(proto, kTtyWrite, {
    __proto__: null,
    value: ttyWrite,
    writable: true,
    enumerable: false,
    configurable: true,
  });
}

module.exports = { install, insertText };
