'use strict';
// internal/readline/editing.js - line-editing operations of the Interface.

// Inserting, moving by word, deleting, the kill ring (yank / yank-pop),
// undo/redo, history navigation and tab completion. install(proto) puts
// them on Interface.prototype under their symbol keys; they only touch the
// interface through `this`.

const {
  ArrayFrom,
  ArrayPrototypeFilter,
  ArrayPrototypeJoin,
  ArrayPrototypeMap,
  ArrayPrototypePop,
  ArrayPrototypePush,
  ArrayPrototypeReverse,
  ArrayPrototypeShift,
  ArrayPrototypeUnshift,
  MathFloor,
  MathMax,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  ReflectOwnKeys,
  RegExpPrototypeExec,
  StringPrototypeRepeat,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
} = primordials;

const {
  charLengthAt,
  charLengthLeft,
  commonPrefix,
} = require('internal/readline/utils');
const {
  kBeforeEdit,
  kDeleteLeft,
  kDeleteLineLeft,
  kDeleteLineRight,
  kDeleteRight,
  kDeleteWordLeft,
  kDeleteWordRight,
  kHistoryNext,
  kHistoryPrev,
  kInsertString,
  kKillRing,
  kKillRingCursor,
  kMoveCursor,
  kPushToKillRing,
  kPushToUndoStack,
  kRedo,
  kRedoStack,
  kRefreshLine,
  kSubstringSearch,
  kTabComplete,
  kTabCompleter,
  kUndo,
  kUndoStack,
  kWordLeft,
  kWordRight,
  kWriteToOutput,
  kYank,
  kYankPop,
  kYanking,
} = require('internal/readline/symbols');

const kMaxUndoRedoStackSize = 2048;
const kMaxLengthOfKillRing = 32;

// Word boundaries. Looking left runs on the reversed text so that the
// regexp only ever scans from the cursor outwards.
const kWordBackward = /^\s*(?:[^\w\s]+|\w+)?/;
const kWordForward = /^(?:\s+|[^\w\s]+|\w+)\s*/;
const kWordDeleteForward = /^(?:\s+|\W+|\w+)\s*/;

function reverse(str) {
  return ArrayPrototypeJoin(ArrayPrototypeReverse(ArrayFrom(str)), '');
}

/* UTF-16 length of the word (plus spacing) that ends at the cursor. */
function wordLengthLeft(rl) {
  const leading = StringPrototypeSlice(rl.line, 0, rl.cursor);
  return RegExpPrototypeExec(kWordBackward, reverse(leading))[0].length;
}

let inspect;
function tabCompletionError(rl, err) {
  inspect ??= require('internal/util/inspect').inspect;
  rl[kWriteToOutput](`Tab completion error: ${inspect(err)}`);
}

/* The `completions` listing shown on a second tab: columns as wide as the
 * widest entry plus two, an empty entry starting a new group. */
function formatCompletions(completions, columns) {
  const { getStringWidth } = require('internal/util/inspect');
  const widths = ArrayPrototypeMap(completions, (e) => getStringWidth(e));
  let width = 0;
  for (let i = 0; i < widths.length; i++) width = MathMax(width, widths[i]);
  width += 2;
  let maxColumns = MathFloor(columns / width) || 1;
  if (maxColumns === Infinity) maxColumns = 1;

  let out = '\r\n';
  let column = 0;
  let padding = 0;
  for (let i = 0; i < completions.length; i++) {
    const entry = completions[i];
    if (entry === '' || column === maxColumns) {
      out += '\r\n';
      column = 0;
      padding = 0;
    } else {
      out += StringPrototypeRepeat(' ', padding);
    }
    if (entry === '') {
      out += '\r\n';
    } else {
      out += entry;
      padding = width - widths[i];
      column++;
    }
  }
  if (column !== 0) out += '\r\n\r\n';
  return out;
}

const methods = {
  /* Inserts `c` at the cursor. */
  [kInsertString](c) {
    this[kBeforeEdit](this.line, this.cursor);
    if (this.cursor < this.line.length) {
      this.line = StringPrototypeSlice(this.line, 0, this.cursor) + c +
        StringPrototypeSlice(this.line, this.cursor);
      this.cursor += c.length;
      this[kRefreshLine]();
      return;
    }
    const before = this.getCursorPos();
    this.line += c;
    this.cursor += c.length;
    const after = this.getCursorPos();
    // Appending on the same row only needs the new text written.
    if (before.rows < after.rows) {
      this[kRefreshLine]();
    } else {
      this[kWriteToOutput](c);
    }
  },

  /* Asks the completer (which may return a promise) and applies the
   * result; errors are reported on the output. */
  async [kTabComplete](lastKeypressWasTab) {
    this.pause();
    const string = StringPrototypeSlice(this.line, 0, this.cursor);
    let value;
    try {
      value = await this.completer(string);
    } catch (err) {
      this.resume();
      tabCompletionError(this, err);
      return;
    }
    this.resume();
    this[kTabCompleter](lastKeypressWasTab, value);
  },

  /* Applies a completer result [completions, completedPart]: completes
   * the common prefix, or lists everything on a repeated tab. */
  [kTabCompleter](lastKeypressWasTab, { 0: completions, 1: completeOn }) {
    if (!completions || completions.length === 0) return;

    const prefix =
      commonPrefix(ArrayPrototypeFilter(completions, (e) => e !== ''));
    if (StringPrototypeStartsWith(prefix, completeOn) &&
        prefix.length > completeOn.length) {
      this[kInsertString](StringPrototypeSlice(prefix, completeOn.length));
      return;
    }
    if (!StringPrototypeStartsWith(completeOn, prefix)) {
      // The completion rewrites what was typed (e.g. its case).
      const start = this.cursor - completeOn.length;
      this.line = StringPrototypeSlice(this.line, 0, start) + prefix +
        StringPrototypeSlice(this.line, this.cursor);
      this.cursor = start + prefix.length;
      this[kRefreshLine]();
      return;
    }
    if (!lastKeypressWasTab) return;

    // Node records an undo step for showing the listing as well.
    this[kBeforeEdit](this.line, this.cursor);
    this[kWriteToOutput](formatCompletions(completions, this.columns));
    this[kRefreshLine]();
  },

  [kWordLeft]() {
    if (this.cursor > 0) this[kMoveCursor](-wordLengthLeft(this));
  },

  [kWordRight]() {
    if (this.cursor < this.line.length) {
      const trailing = StringPrototypeSlice(this.line, this.cursor);
      this[kMoveCursor](
        RegExpPrototypeExec(kWordForward, trailing)[0].length);
    }
  },

  [kDeleteLeft]() {
    if (this.cursor > 0 && this.line.length > 0) {
      this[kBeforeEdit](this.line, this.cursor);
      const size = charLengthLeft(this.line, this.cursor);
      this.line = StringPrototypeSlice(this.line, 0, this.cursor - size) +
        StringPrototypeSlice(this.line, this.cursor);
      this.cursor -= size;
      this[kRefreshLine]();
    }
  },

  [kDeleteRight]() {
    if (this.cursor < this.line.length) {
      this[kBeforeEdit](this.line, this.cursor);
      const size = charLengthAt(this.line, this.cursor);
      this.line = StringPrototypeSlice(this.line, 0, this.cursor) +
        StringPrototypeSlice(this.line, this.cursor + size);
      this[kRefreshLine]();
    }
  },

  [kDeleteWordLeft]() {
    if (this.cursor > 0) {
      this[kBeforeEdit](this.line, this.cursor);
      const start = this.cursor - wordLengthLeft(this);
      this.line = StringPrototypeSlice(this.line, 0, start) +
        StringPrototypeSlice(this.line, this.cursor);
      this.cursor = start;
      this[kRefreshLine]();
    }
  },

  [kDeleteWordRight]() {
    if (this.cursor < this.line.length) {
      this[kBeforeEdit](this.line, this.cursor);
      const trailing = StringPrototypeSlice(this.line, this.cursor);
      const length =
        RegExpPrototypeExec(kWordDeleteForward, trailing)[0].length;
      this.line = StringPrototypeSlice(this.line, 0, this.cursor) +
        StringPrototypeSlice(trailing, length);
      this[kRefreshLine]();
    }
  },

  [kDeleteLineLeft]() {
    this[kBeforeEdit](this.line, this.cursor);
    const killed = StringPrototypeSlice(this.line, 0, this.cursor);
    this.line = StringPrototypeSlice(this.line, this.cursor);
    this.cursor = 0;
    this[kPushToKillRing](killed);
    this[kRefreshLine]();
  },

  [kDeleteLineRight]() {
    this[kBeforeEdit](this.line, this.cursor);
    const killed = StringPrototypeSlice(this.line, this.cursor);
    this.line = StringPrototypeSlice(this.line, 0, this.cursor);
    this[kPushToKillRing](killed);
    this[kRefreshLine]();
  },

  /* Remembers killed text (newest first, no immediate repeats). */
  [kPushToKillRing](del) {
    const ring = this[kKillRing];
    if (!del || del === ring[0]) return;
    ArrayPrototypeUnshift(ring, del);
    this[kKillRingCursor] = 0;
    while (ring.length > kMaxLengthOfKillRing) ArrayPrototypePop(ring);
  },

  /* Inserts the current kill-ring entry (ctrl-y). */
  [kYank]() {
    const ring = this[kKillRing];
    if (ring.length > 0) {
      this[kYanking] = true;
      this[kInsertString](ring[this[kKillRingCursor]]);
    }
  },

  /* Replaces the text just yanked with the next kill-ring entry (meta-y
   * right after ctrl-y or meta-y). */
  [kYankPop]() {
    const ring = this[kKillRing];
    if (!this[kYanking] || ring.length <= 1) return;
    const previous = ring[this[kKillRingCursor]];
    this[kKillRingCursor] = (this[kKillRingCursor] + 1) % ring.length;
    const next = ring[this[kKillRingCursor]];
    const head = StringPrototypeSlice(this.line, 0,
                                      this.cursor - previous.length);
    const tail = StringPrototypeSlice(this.line, this.cursor);
    this.line = head + next + tail;
    this.cursor = head.length + next.length;
    this[kRefreshLine]();
  },

  [kPushToUndoStack](text, cursor) {
    const stack = this[kUndoStack];
    if (ArrayPrototypePush(stack, { text, cursor }) > kMaxUndoRedoStackSize) {
      ArrayPrototypeShift(stack);
    }
  },

  [kUndo]() {
    const entry = ArrayPrototypePop(this[kUndoStack]);
    if (entry === undefined) return;
    ArrayPrototypePush(this[kRedoStack],
                       { text: this.line, cursor: this.cursor });
    this.line = entry.text;
    this.cursor = entry.cursor;
    this[kRefreshLine]();
  },

  [kRedo]() {
    const entry = ArrayPrototypePop(this[kRedoStack]);
    if (entry === undefined) return;
    ArrayPrototypePush(this[kUndoStack],
                       { text: this.line, cursor: this.cursor });
    this.line = entry.text;
    this.cursor = entry.cursor;
    this[kRefreshLine]();
  },

  /* One entry newer in the history (down / ctrl-n); entries that do not
   * start with the substring being searched, or equal the line, are
   * skipped. Past the newest entry the search text comes back. */
  [kHistoryNext]() {
    if (this.historyIndex < 0) return;
    this[kBeforeEdit](this.line, this.cursor);
    const search = this[kSubstringSearch] || '';
    const history = this.history;
    let index = this.historyIndex - 1;
    while (index >= 0 &&
           (!StringPrototypeStartsWith(history[index], search) ||
            this.line === history[index])) {
      index--;
    }
    this.line = index === -1 ? search : history[index];
    this.historyIndex = index;
    this.cursor = this.line.length;
    this[kRefreshLine]();
  },

  /* One entry older in the history (up / ctrl-p); see kHistoryNext. */
  [kHistoryPrev]() {
    const history = this.history;
    if (history.length === 0 || this.historyIndex >= history.length) return;
    this[kBeforeEdit](this.line, this.cursor);
    const search = this[kSubstringSearch] || '';
    let index = this.historyIndex + 1;
    while (index < history.length &&
           (!StringPrototypeStartsWith(history[index], search) ||
            this.line === history[index])) {
      index++;
    }
    this.line = index === history.length ? search : history[index];
    this.historyIndex = index;
    this.cursor = this.line.length;
    this[kRefreshLine]();
  },
};

/* Defines the editing methods on `proto` (non-enumerable, like class
 * methods). */
function install(proto) {
  for (const key of ReflectOwnKeys(methods)) {
    const desc = ObjectGetOwnPropertyDescriptor(methods, key);
    desc.enumerable = false;
    ObjectDefineProperty(proto, key, desc);
  }
}

module.exports = { install, formatCompletions };
