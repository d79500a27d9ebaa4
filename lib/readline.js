'use strict';
// readline.js - the public `readline` module (callback API).

const {
  DateNow,
  FunctionPrototypeBind,
  FunctionPrototypeCall,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
  Promise,
  PromiseReject,
  ReflectApply,
  StringPrototypeSlice,
} = primordials;

const { AbortError } = require('internal/errors');
const { validateAbortSignal } = require('internal/validators');
const { kEmptyObject, promisify } = require('internal/util');
const {
  clearLine,
  clearScreenDown,
  cursorTo,
  moveCursor,
} = require('internal/readline/callbacks');
const emitKeypressEvents = require('internal/readline/emitKeypressEvents');
const {
  Interface: _Interface,
  InterfaceConstructor,
  kAddHistory,
  kDecoder,
  kDeleteLeft,
  kDeleteLineLeft,
  kDeleteLineRight,
  kDeleteRight,
  kDeleteWordLeft,
  kDeleteWordRight,
  kGetDisplayPos,
  kHistoryNext,
  kHistoryPrev,
  kInsertString,
  kLine,
  kLine_buffer,
  kMoveCursor,
  kNormalWrite,
  kOldPrompt,
  kOnLine,
  kPreviousKey,
  kPrompt,
  kQuestion,
  kQuestionCallback,
  kQuestionCancel,
  kRefreshLine,
  kSawKeyPress,
  kSawReturnAt,
  kSetRawMode,
  kTabComplete,
  kTabCompleter,
  kTtyWrite,
  kWordLeft,
  kWordRight,
  kWriteToOutput,
} = require('internal/readline/interface');

let inspect;

/* readline.Interface: works with or without `new`. A completer taking one
 * argument returns its result; one taking two gets a node-style callback. */
function Interface(input, output, completer, terminal) {
  if (!(this instanceof Interface)) {
    return new Interface(input, output, completer, terminal);
  }
  FunctionPrototypeCall(InterfaceConstructor, this,
                        input, output, completer, terminal);
  const given = this.completer;
  if (typeof given === 'function' && given.length !== 2) {
    this.completer = (v, cb) => cb(null, given(v));
  }
  if (process.env.TERM === 'dumb') {
    this._ttyWrite = FunctionPrototypeBind(ttyWriteDumb, this);
  }
}

ObjectSetPrototypeOf(Interface.prototype, _Interface.prototype);
ObjectSetPrototypeOf(Interface, _Interface);

/* Asks `query` and calls cb(answer) with the next line. options.signal
 * cancels the question. */
Interface.prototype.question = function question(query, options, cb) {
  cb = typeof options === 'function' ? options : cb;
  if (options === null || typeof options !== 'object') {
    options = kEmptyObject;
  }

  const signal = options.signal;
  if (signal) {
    validateAbortSignal(signal, 'options.signal');
    if (signal.aborted) return;
    const onAbort = () => this[kQuestionCancel]();
    signal.addEventListener('abort', onAbort, { once: true });
    const cleanup = () => signal.removeEventListener('abort', onAbort);
    const answer = cb;
    cb = typeof answer === 'function' ? (line) => {
      cleanup();
      return answer(line);
    } : cleanup;
  }

  if (typeof cb === 'function') this[kQuestion](query, cb);
};

/* util.promisify(rl.question): resolves with the answer, rejects with an
 * AbortError when options.signal aborts. */
Interface.prototype.question[promisify.custom] =
  function question(query, options) {
    if (options === null || typeof options !== 'object') {
      options = kEmptyObject;
    }
    const signal = options.signal;
    if (signal && signal.aborted) {
      return PromiseReject(
        new AbortError(undefined, { cause: signal.reason }));
    }
    return new Promise((resolve, reject) => {
      let cb = resolve;
      if (signal) {
        const onAbort = () => {
          reject(new AbortError(undefined, { cause: signal.reason }));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        cb = (answer) => {
          signal.removeEventListener('abort', onAbort);
          resolve(answer);
        };
      }
      this.question(query, options, cb);
    });
  };

/* Tab completion with the node-style callback completer. */
function tabCompleteWithCallback(lastKeypressWasTab) {
  this.pause();
  const string = StringPrototypeSlice(this.line, 0, this.cursor);
  this.completer(string, (err, value) => {
    this.resume();
    if (err) {
      inspect ??= require('internal/util/inspect').inspect;
      this._writeToOutput(`Tab completion error: ${inspect(err)}`);
      return;
    }
    this[kTabCompleter](lastKeypressWasTab, value);
  });
}

/* Key handling for TERM=dumb: no cursor movement, no editing. */
function ttyWriteDumb(s, key) {
  key = key || kEmptyObject;
  if (key.name === 'escape') return;
  if (this[kSawReturnAt] && key.name !== 'enter') this[kSawReturnAt] = 0;

  if (key.ctrl && key.name === 'c') {
    if (this.listenerCount('SIGINT') > 0) {
      this.emit('SIGINT');
    } else {
      this.close();
    }
    return;
  }
  if (key.ctrl && key.name === 'd') {
    this.close();
    return;
  }

  if (key.name === 'return') {
    this[kSawReturnAt] = DateNow();
    this._line();
  } else if (key.name === 'enter') {
    if (this[kSawReturnAt] === 0 ||
        DateNow() - this[kSawReturnAt] > this.crlfDelay) {
      this._line();
    }
    this[kSawReturnAt] = 0;
  } else if (typeof s === 'string' && s) {
    this.line += s;
    this.cursor += s.length;
    this._writeToOutput(s);
  }
}

// Legacy underscore API. Each `_name` is the base implementation and the
// internal symbol method routes through it, so that assigning
// `rl._writeToOutput = fn` (or `_ttyWrite`, as the REPL does) takes effect.
const legacyMethods = [
  ['_setRawMode', kSetRawMode],
  ['_onLine', kOnLine],
  ['_writeToOutput', kWriteToOutput],
  ['_addHistory', kAddHistory],
  ['_refreshLine', kRefreshLine],
  ['_normalWrite', kNormalWrite],
  ['_insertString', kInsertString],
  ['_tabComplete', kTabComplete, tabCompleteWithCallback],
  ['_wordLeft', kWordLeft],
  ['_wordRight', kWordRight],
  ['_deleteLeft', kDeleteLeft],
  ['_deleteRight', kDeleteRight],
  ['_deleteWordLeft', kDeleteWordLeft],
  ['_deleteWordRight', kDeleteWordRight],
  ['_deleteLineLeft', kDeleteLineLeft],
  ['_deleteLineRight', kDeleteLineRight],
  ['_line', kLine],
  ['_historyNext', kHistoryNext],
  ['_historyPrev', kHistoryPrev],
  ['_getDisplayPos', kGetDisplayPos],
  ['_moveCursor', kMoveCursor],
  ['_ttyWrite', kTtyWrite],
];

function defineValue(obj, key, value, enumerable) {
  ObjectDefineProperty(obj, key, {
    __proto__: null,
    value,
    writable: true,
    enumerable,
    configurable: true,
  });
}

for (let i = 0; i < legacyMethods.length; i++) {
  const { 0: name, 1: symbol, 2: impl } = legacyMethods[i];
  defineValue(Interface.prototype, name,
              impl || _Interface.prototype[symbol], true);
  defineValue(Interface.prototype, symbol, function(...args) {
    return ReflectApply(this[name], this, args);
  }, false);
}
defineValue(Interface.prototype, '_getCursorPos',
            _Interface.prototype.getCursorPos, true);

// Legacy underscore state accessors.
const legacyState = {
  _decoder: kDecoder,
  _line_buffer: kLine_buffer,
  _oldPrompt: kOldPrompt,
  _previousKey: kPreviousKey,
  _prompt: kPrompt,
  _questionCallback: kQuestionCallback,
  _sawKeyPress: kSawKeyPress,
  _sawReturnAt: kSawReturnAt,
};
const accessors = { __proto__: null };
for (const name in legacyState) {
  const symbol = legacyState[name];
  accessors[name] = {
    __proto__: null,
    get() { return this[symbol]; },
    set(value) { this[symbol] = value; },
    enumerable: false,
    configurable: true,
  };
}
ObjectDefineProperties(Interface.prototype, accessors);

/* Creates a readline.Interface; same arguments as its constructor. */
function createInterface(input, output, completer, terminal) {
  return new Interface(input, output, completer, terminal);
}

module.exports = {
  Interface,
  clearLine,
  clearScreenDown,
  createInterface,
  cursorTo,
  emitKeypressEvents,
  moveCursor,
  promises: require('readline/promises'),
};
