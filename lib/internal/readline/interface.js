'use strict';
// internal/readline/interface.js - the readline Interface: options, input
// wiring, lines, prompt/question, output and display arithmetic.

// Line editing lives in internal/readline/editing.js and key dispatch in
// internal/readline/tty_write.js; both install their methods on
// Interface.prototype below. readline.Interface (lib/readline.js) and
// readline/promises' Interface build on the class exported here.

const {
  ArrayPrototypeIndexOf,
  ArrayPrototypePop,
  ArrayPrototypeSplice,
  ArrayPrototypeUnshift,
  DateNow,
  FunctionPrototypeCall,
  MathCeil,
  MathMax,
  NumberIsFinite,
  NumberIsNaN,
  ObjectSetPrototypeOf,
  SafeStringIterator,
  StringPrototypeCharCodeAt,
  StringPrototypeCodePointAt,
  StringPrototypeSlice,
  StringPrototypeTrim,
  SymbolAsyncIterator,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_USE_AFTER_CLOSE,
  },
} = require('internal/errors');
const {
  validateAbortSignal,
  validateArray,
  validateString,
  validateUint32,
} = require('internal/validators');
const {
  getStringWidth,
  stripVTControlCharacters,
} = require('internal/util/inspect');
const EventEmitter = require('events');
const { StringDecoder } = require('string_decoder');
const {
  clearScreenDown,
  cursorTo,
  moveCursor,
} = require('internal/readline/callbacks');
const emitKeypressEvents = require('internal/readline/emitKeypressEvents');
const symbols = require('internal/readline/symbols');

const {
  kAddHistory,
  kBeforeEdit,
  kDecoder,
  kGetDisplayPos,
  kKillRing,
  kKillRingCursor,
  kLine,
  kLine_buffer,
  kLineObjectStream,
  kMoveCursor,
  kNormalWrite,
  kOldPrompt,
  kOnLine,
  kPreviousKey,
  kPrompt,
  kPushToUndoStack,
  kQuestion,
  kQuestionCallback,
  kQuestionCancel,
  kRedoStack,
  kRefreshLine,
  kSawKeyPress,
  kSawReturnAt,
  kSetRawMode,
  kSubstringSearch,
  kTtyWrite,
  kUndoStack,
  kWriteToOutput,
} = symbols;

const kHistorySize = 30;
const kMincrlfDelay = 100;
const ESCAPE_CODE_TIMEOUT = 500;

/* Splits `string` at \r\n, \n and lone \r. Returns the complete lines and
 * the unterminated rest. */
function splitLines(string) {
  const lines = [];
  let start = 0;
  for (let i = 0; i < string.length; i++) {
    const c = StringPrototypeCharCodeAt(string, i);
    if (c === 10 || c === 13) {
      lines[lines.length] = StringPrototypeSlice(string, start, i);
      if (c === 13 && StringPrototypeCharCodeAt(string, i + 1) === 10) i++;
      start = i + 1;
    }
  }
  return { lines, rest: StringPrototypeSlice(string, start) };
}

function hasLineEnding(string) {
  for (let i = 0; i < string.length; i++) {
    const c = StringPrototypeCharCodeAt(string, i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/* Normalizes the two constructor forms, (options) and
 * (input, output, completer, terminal), validating as it goes. */
function readOptions(self, input, output, completer, terminal) {
  const config = {
    input,
    output,
    completer,
    terminal,
    history: undefined,
    historySize: undefined,
    removeHistoryDuplicates: false,
    crlfDelay: undefined,
    prompt: '> ',
    signal: undefined,
  };

  if (input?.input) {
    const options = input;
    config.input = options.input;
    config.output = options.output;
    config.completer = options.completer;
    config.terminal = options.terminal;
    config.history = options.history;
    config.historySize = options.historySize;
    config.signal = options.signal;
    config.removeHistoryDuplicates = options.removeHistoryDuplicates;
    config.crlfDelay = options.crlfDelay;
    if (options.tabSize !== undefined) {
      validateUint32(options.tabSize, 'tabSize', true);
      self.tabSize = options.tabSize;
    }
    if (options.prompt !== undefined) config.prompt = options.prompt;
    if (options.escapeCodeTimeout !== undefined) {
      if (!NumberIsFinite(options.escapeCodeTimeout)) {
        // Node reports the current (default) value here, not the bad one.
        throw new ERR_INVALID_ARG_VALUE('input.escapeCodeTimeout',
                                        self.escapeCodeTimeout);
      }
      self.escapeCodeTimeout = options.escapeCodeTimeout;
    }
    if (config.signal) {
      validateAbortSignal(config.signal, 'options.signal');
    }
  }

  if (config.completer !== undefined &&
      typeof config.completer !== 'function') {
    throw new ERR_INVALID_ARG_VALUE('completer', config.completer);
  }

  if (config.history === undefined) {
    config.history = [];
  } else {
    validateArray(config.history, 'history');
  }

  if (config.historySize === undefined) config.historySize = kHistorySize;
  const size = config.historySize;
  if (typeof size !== 'number' || NumberIsNaN(size) || size < 0) {
    throw new ERR_INVALID_ARG_VALUE.RangeError('historySize', size);
  }

  // Without an explicit `terminal`, follow the output stream's isTTY.
  if (config.terminal === undefined && config.output != null) {
    config.terminal = !!config.output.isTTY;
  }
  return config;
}

/* Hooks the interface up to its input (and output) streams; everything
 * is unhooked again on 'close'. */
function wireStreams(self, input, output) {
  const onerror = (err) => self.emit('error', err);
  input.on('error', onerror);

  if (!self.terminal) {
    const ondata = (data) => self[kNormalWrite](data);
    const onend = () => {
      const rest = self[kLine_buffer];
      if (typeof rest === 'string' && rest.length > 0) {
        self.emit('line', rest);
      }
      self.close();
    };
    input.on('data', ondata);
    input.on('end', onend);
    self.once('close', () => {
      input.removeListener('data', ondata);
      input.removeListener('end', onend);
      input.removeListener('error', onerror);
    });
    self[kDecoder] = new StringDecoder('utf8');
    return;
  }

  const onkeypress = (s, key) => {
    self[kTtyWrite](s, key);
    if (key && key.sequence) {
      // Half of a surrogate pair arrived alone: redraw once it is whole.
      const ch = StringPrototypeCodePointAt(key.sequence, 0);
      if (ch >= 0xd800 && ch <= 0xdfff) self[kRefreshLine]();
    }
  };
  const ontermend = () => {
    if (typeof self.line === 'string' && self.line.length > 0) {
      self.emit('line', self.line);
    }
    self.close();
  };
  const onresize = () => self[kRefreshLine]();

  emitKeypressEvents(input, self);
  input.on('keypress', onkeypress);
  input.on('end', ontermend);
  self[kSetRawMode](true);
  self.terminal = true;
  self.cursor = 0;
  self.historyIndex = -1;
  if (output != null) output.on('resize', onresize);

  self.once('close', () => {
    input.removeListener('keypress', onkeypress);
    input.removeListener('end', ontermend);
    input.removeListener('error', onerror);
    if (output != null) output.removeListener('resize', onresize);
  });
}

function watchSignal(self, signal) {
  const onAborted = () => self.close();
  if (signal.aborted) {
    process.nextTick(onAborted);
    return;
  }
  signal.addEventListener('abort', onAborted, { once: true });
  self.once('close', () => signal.removeEventListener('abort', onAborted));
}

/* The constructor body shared by every Interface flavour; a plain function
 * so that readline.Interface can run it without `new`. */
function InterfaceConstructor(input, output, completer, terminal) {
  this[kSawReturnAt] = 0;
  this[kSawKeyPress] = false;
  this[kPreviousKey] = null;
  this.isCompletionEnabled = true;
  this.escapeCodeTimeout = ESCAPE_CODE_TIMEOUT;
  this.tabSize = 8;

  FunctionPrototypeCall(EventEmitter, this);

  const config = readOptions(this, input, output, completer, terminal);

  this.line = '';
  this[kSubstringSearch] = null;
  this.output = config.output;
  this.input = config.input;
  this[kUndoStack] = [];
  this[kRedoStack] = [];
  this.history = config.history;
  this.historySize = config.historySize;
  this[kKillRing] = [];
  this[kKillRingCursor] = 0;
  this.removeHistoryDuplicates = !!config.removeHistoryDuplicates;
  this.crlfDelay = config.crlfDelay ?
    MathMax(kMincrlfDelay, config.crlfDelay) : kMincrlfDelay;
  this.completer = config.completer;
  this.setPrompt(config.prompt);
  this.terminal = !!config.terminal;
  this[kLineObjectStream] = undefined;

  wireStreams(this, config.input, config.output);
  if (config.signal) watchSignal(this, config.signal);

  this.line = '';
  config.input.resume();
}

ObjectSetPrototypeOf(InterfaceConstructor.prototype, EventEmitter.prototype);
ObjectSetPrototypeOf(InterfaceConstructor, EventEmitter);

class Interface extends InterfaceConstructor {
  // eslint-disable-next-line no-useless-constructor
  constructor(input, output, completer, terminal) {
    super(input, output, completer, terminal);
  }

  /* Width of the output in columns (Infinity when unknown). */
  get columns() {
    if (this.output && this.output.columns) return this.output.columns;
    return Infinity;
  }

  /* Sets the prompt that prompt() writes. */
  setPrompt(prompt) {
    this[kPrompt] = prompt;
  }

  /* The current prompt. */
  getPrompt() {
    return this[kPrompt];
  }

  [kSetRawMode](mode) {
    const wasInRawMode = this.input.isRaw;
    if (typeof this.input.setRawMode === 'function') {
      this.input.setRawMode(mode);
    }
    return wasInRawMode;
  }

  /* Writes the prompt (and, in terminal mode, the line being edited),
   * resuming input if it was paused. */
  prompt(preserveCursor) {
    if (this.paused) this.resume();
    if (this.terminal && process.env.TERM !== 'dumb') {
      if (!preserveCursor) this.cursor = 0;
      this[kRefreshLine]();
    } else {
      this[kWriteToOutput](this[kPrompt]);
    }
  }

  /* Shows `query` as the prompt; the next line goes to `cb` instead of
   * 'line'. A second question while one is pending only re-prompts. */
  question(query, cb) {
    this[kQuestion](query, cb);
  }

  [kQuestion](query, cb) {
    if (this.closed) throw new ERR_USE_AFTER_CLOSE('readline');
    if (!this[kQuestionCallback]) {
      this[kOldPrompt] = this[kPrompt];
      this.setPrompt(query);
      this[kQuestionCallback] = cb;
    }
    this.prompt();
  }

  [kOnLine](line) {
    const cb = this[kQuestionCallback];
    if (cb) {
      this[kQuestionCallback] = null;
      this.setPrompt(this[kOldPrompt]);
      cb(line);
    } else {
      this.emit('line', line);
    }
  }

  [kBeforeEdit](oldText, oldCursor) {
    this[kPushToUndoStack](oldText, oldCursor);
  }

  [kQuestionCancel]() {
    if (this[kQuestionCallback]) {
      this[kQuestionCallback] = null;
      this.setPrompt(this[kOldPrompt]);
      this.clearLine();
    }
  }

  [kWriteToOutput](stringToWrite) {
    validateString(stringToWrite, 'stringToWrite');
    if (this.output !== null && this.output !== undefined) {
      this.output.write(stringToWrite);
    }
  }

  /* Records the current line in the history (newest first) and returns
   * the line to report, which a 'history' listener may have censored. */
  [kAddHistory]() {
    if (this.line.length === 0) return '';
    if (this.historySize === 0) return this.line;
    if (StringPrototypeTrim(this.line).length === 0) return this.line;

    const history = this.history;
    if (history.length === 0 || history[0] !== this.line) {
      if (this.removeHistoryDuplicates) {
        const dup = ArrayPrototypeIndexOf(history, this.line);
        if (dup !== -1) ArrayPrototypeSplice(history, dup, 1);
      }
      ArrayPrototypeUnshift(history, this.line);
      if (history.length > this.historySize) ArrayPrototypePop(history);
    }
    this.historyIndex = -1;
    const line = history[0];
    this.emit('history', history);
    return line;
  }

  /* Redraws prompt + line and puts the cursor back where it belongs. */
  [kRefreshLine]() {
    const line = this[kPrompt] + this.line;
    const end = this[kGetDisplayPos](line);
    const cursorPos = this.getCursorPos();

    // Go up to the first row of the prompt, redraw from its left edge.
    const prevRows = this.prevRows || 0;
    if (prevRows > 0) moveCursor(this.output, 0, -prevRows);
    cursorTo(this.output, 0);
    clearScreenDown(this.output);
    this[kWriteToOutput](line);
    // A line ending exactly at the right margin needs the terminal to
    // allocate the next row.
    if (end.cols === 0) this[kWriteToOutput](' ');

    cursorTo(this.output, cursorPos.cols);
    const rowsBelow = end.rows - cursorPos.rows;
    if (rowsBelow > 0) moveCursor(this.output, 0, -rowsBelow);
    this.prevRows = cursorPos.rows;
  }

  /* Closes the interface: pauses input, leaves raw mode, emits 'close'. */
  close() {
    if (this.closed) return;
    this.pause();
    if (this.terminal) this[kSetRawMode](false);
    this.closed = true;
    this.emit('close');
  }

  /* Pauses the input stream; emits 'pause'. */
  pause() {
    if (this.paused) return;
    this.input.pause();
    this.paused = true;
    this.emit('pause');
    return this;
  }

  /* Resumes the input stream; emits 'resume'. */
  resume() {
    if (!this.paused) return;
    this.input.resume();
    this.paused = false;
    this.emit('resume');
    return this;
  }

  /* Feeds `d` as if it came from the input; in terminal mode `key`
   * describes it as a keypress. */
  write(d, key) {
    if (this.paused) this.resume();
    if (this.terminal) {
      this[kTtyWrite](d, key);
    } else {
      this[kNormalWrite](d);
    }
  }

  [kNormalWrite](b) {
    if (b === undefined) return;
    let string = this[kDecoder].write(b);

    // A \n that completes a \r from the previous chunk is no new line.
    if (this[kSawReturnAt] &&
        DateNow() - this[kSawReturnAt] <= this.crlfDelay) {
      if (StringPrototypeCharCodeAt(string, 0) === 10) {
        string = StringPrototypeSlice(string, 1);
      }
      this[kSawReturnAt] = 0;
    }

    if (!hasLineEnding(string)) {
      if (string) {
        this[kLine_buffer] = this[kLine_buffer] ?
          this[kLine_buffer] + string : string;
      }
      return;
    }

    if (this[kLine_buffer]) {
      string = this[kLine_buffer] + string;
      this[kLine_buffer] = null;
    }
    this[kSawReturnAt] =
      StringPrototypeCharCodeAt(string, string.length - 1) === 13 ?
        DateNow() : 0;

    const { lines, rest } = splitLines(string);
    this[kLine_buffer] = rest;
    for (let i = 0; i < lines.length; i++) this[kOnLine](lines[i]);
  }

  /* Row/column that `str` ends at when written from column 0, honouring
   * wide characters, tabs and the output width. */
  [kGetDisplayPos](str) {
    const col = this.columns;
    const tabSize = this.tabSize;
    let offset = 0;
    let rows = 0;
    str = stripVTControlCharacters(str);
    for (const char of new SafeStringIterator(str)) {
      const code = StringPrototypeCharCodeAt(char, 0);
      if (code >= 0x20 && code < 0x7f) {
        offset++;
        continue;
      }
      if (char === '\n') {
        // Always at least one row, even for an empty or endless line.
        rows += MathCeil(offset / col) || 1;
        offset = 0;
        continue;
      }
      if (char === '\t') {
        offset += tabSize - (offset % tabSize);
        continue;
      }
      const width = getStringWidth(char, false);
      if (width === 0 || width === 1) {
        offset += width;
      } else {
        // A wide character does not split across the right margin.
        if ((offset + 1) % col === 0) offset++;
        offset += 2;
      }
    }
    const cols = offset % col;
    rows += (offset - cols) / col;
    return { cols, rows };
  }

  /* { rows, cols } of the cursor relative to the start of the prompt. */
  getCursorPos() {
    const before = this[kPrompt] + StringPrototypeSlice(this.line, 0,
                                                        this.cursor);
    return this[kGetDisplayPos](before);
  }

  /* Moves the cursor by dx UTF-16 units, clamped to the line. */
  [kMoveCursor](dx) {
    if (dx === 0) return;
    const oldPos = this.getCursorPos();
    this.cursor += dx;
    if (this.cursor < 0) {
      this.cursor = 0;
    } else if (this.cursor > this.line.length) {
      this.cursor = this.line.length;
    }
    const newPos = this.getCursorPos();
    if (oldPos.rows === newPos.rows) {
      moveCursor(this.output, newPos.cols - oldPos.cols, 0);
    } else {
      this[kRefreshLine]();
    }
  }

  /* Ends the line being edited on screen and empties it. */
  clearLine() {
    this[kMoveCursor](+Infinity);
    this[kWriteToOutput]('\r\n');
    this.line = '';
    this.cursor = 0;
    this.prevRows = 0;
  }

  [kLine]() {
    const line = this[kAddHistory]();
    this[kUndoStack] = [];
    this[kRedoStack] = [];
    this.clearLine();
    this[kOnLine](line);
  }

  /* Lines as an async iterator (backed by an object-mode Readable that
   * pauses the interface while it is full). */
  [SymbolAsyncIterator]() {
    if (this[kLineObjectStream] === undefined) {
      const { Readable } = require('stream');
      const onLine = (line) => {
        if (!readable.push(line)) this.pause();
      };
      const onClose = () => readable.push(null);
      const onError = (err) => readable.destroy(err);
      const readable = new Readable({
        objectMode: true,
        read: () => this.resume(),
        destroy: (err, cb) => {
          this.off('line', onLine);
          this.off('close', onClose);
          this.close();
          cb(err);
        },
      });
      this.on('error', onError);
      this.on('line', onLine);
      this.on('close', onClose);
      this[kLineObjectStream] = readable;
    }
    return this[kLineObjectStream][SymbolAsyncIterator]();
  }
}

// The editing operations and the key dispatcher.
require('internal/readline/editing').install(Interface.prototype);
require('internal/readline/tty_write').install(Interface.prototype);

module.exports = {
  Interface,
  InterfaceConstructor,
  ...symbols,
};
