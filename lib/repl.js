'use strict';
/* repl.js - the repl module: REPLServer (a readline Interface that reads
 * JavaScript, evaluates it and prints the result) and repl.start(). */

const {
  ArrayPrototypeFilter,
  ArrayPrototypePush,
  ArrayPrototypeShift,
  FunctionPrototypeCall,
  ObjectAssign,
  ObjectCreate,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
  RegExpPrototypeExec,
  ReflectApply,
  SafeSet,
  SafeWeakSet,
  StringPrototypeStartsWith,
  StringPrototypeTrim,
  Symbol,
} = primordials;

const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_REPL_EVAL_CONFIG,
    ERR_INVALID_REPL_INPUT,
    ERR_SCRIPT_EXECUTION_INTERRUPTED,
  },
} = require('internal/errors');
const {
  validateFunction,
  validateObject,
} = require('internal/validators');
const { inspect } = require('internal/util/inspect');
const { Interface } = require('readline');
const { Module } = require('internal/modules/cjs/loader');
const { defaultEval } = require('internal/repl/eval');
const { topLevelLexicalNames } = require('internal/repl/await');
const {
  kEvalAbandoned,
  kStandaloneREPL,
} = require('internal/repl/symbols');
const {
  createReplContext,
  defineAutoVariables,
} = require('internal/repl/context');
const { Recoverable } = require('internal/repl/recoverable');
const { formatUncaught } = require('internal/repl/report');
const { defineDefaultCommands } = require('internal/repl/commands');
const { handleSearchKey } = require('internal/repl/reverse_search');

const REPL_MODE_SLOPPY = Symbol('repl-sloppy');
const REPL_MODE_STRICT = Symbol('repl-strict');

const kBufferedCommand = Symbol('bufferedCommand');
const kPendingLines = Symbol('pendingLines');
const kEvaluating = Symbol('evaluating');
const kSawSigint = Symbol('sawSigint');
const kExitPending = Symbol('exitPending');
const kPendingKeys = Symbol('pendingKeys');
const kCancelEval = Symbol('cancelEval');

let nextResourceNumber = 1;

/* The default writer: util.inspect with the REPL's options. */
function writer(value) {
  return inspect(value, writer.options);
}
writer.options = { ...inspect.defaultOptions, showProxy: true };

/* Whether a terminal-mode REPL writing to `stream` shows colors: yes
 * unless NODE_DISABLE_COLORS is set or a real terminal has none. */
function wantsColors(stream) {
  if (process.env.NODE_DISABLE_COLORS !== undefined) return false;
  if (!stream.isTTY || typeof stream.getColorDepth !== 'function') {
    return true;
  }
  return stream.getColorDepth() > 2;
}

/* Normalizes the (prompt, stream, eval, useGlobal, ignoreUndefined,
 * replMode) and the (options) forms into one options object. */
function readOptions(prompt, stream, eval_, useGlobal, ignoreUndefined,
                     replMode) {
  let options;
  if (prompt !== null && typeof prompt === 'object') {
    options = { ...prompt };
    stream = options.stream || options.socket;
  } else {
    options = { prompt, eval: eval_, useGlobal, ignoreUndefined, replMode };
  }
  if (!options.input && !options.output) {
    stream ||= process;
    if (stream.stdin && stream.stdout) {
      options.input = stream.stdin;
      options.output = stream.stdout;
    } else {
      options.input = stream;
      options.output = stream;
    }
  }
  if (options.terminal === undefined) {
    options.terminal = !!options.output.isTTY;
  }
  if (options.useColors === undefined) {
    options.useColors = options.terminal && wantsColors(options.output);
  }
  return options;
}

/* new REPLServer([prompt | options[, stream[, eval[, useGlobal[,
 * ignoreUndefined[, replMode]]]]]]): also callable without `new`. */
function REPLServer(prompt, stream, eval_, useGlobal, ignoreUndefined,
                    replMode) {
  if (!(this instanceof REPLServer)) {
    return new REPLServer(prompt, stream, eval_, useGlobal, ignoreUndefined,
                          replMode);
  }
  const options = readOptions(prompt, stream, eval_, useGlobal,
                              ignoreUndefined, replMode);
  if (options.breakEvalOnSigint && options.eval) {
    throw new ERR_INVALID_REPL_EVAL_CONFIG();
  }
  if (options.eval != null) validateFunction(options.eval, 'eval');

  initState(this, options);
  const completer = options.completer ||
    ((line, cb) => defaultCompleter(this, line, cb));
  FunctionPrototypeCall(Interface, this, {
    input: options.input,
    output: options.output,
    completer,
    terminal: options.terminal,
    historySize: options.historySize,
    prompt: this._initialPrompt,
  });
  defineDefaultCommands(this);
  this.resetContext();
  wireEvents(this);
  installKeyHandling(this);
  this.displayPrompt();
}

/* The server's own settings and state, before readline's are added. */
function initState(server, options) {
  server.useGlobal = !!options.useGlobal;
  server.ignoreUndefined = !!options.ignoreUndefined;
  server.replMode = options.replMode || REPL_MODE_SLOPPY;
  server.useColors = !!options.useColors;
  server.breakEvalOnSigint = !!options.breakEvalOnSigint;
  server[kStandaloneREPL] = !!options[kStandaloneREPL];
  server.editorMode = false;
  server.eval = options.eval || defaultEval;
  server._domain = options.domain || require('domain').create();
  server._initialPrompt = options.prompt === undefined ? '> ' :
    `${options.prompt}`;
  server.writer = options.writer || module.exports.writer;
  if (server.writer === writer) writer.options.colors = server.useColors;
  server[kBufferedCommand] = '';
  server[kPendingLines] = [];
  server[kPendingKeys] = [];
  server[kCancelEval] = null;
  server[kEvaluating] = false;
  server[kSawSigint] = false;
  server.commands = ObjectCreate(null);
  server.lines = [];
  server.lines.level = [];
}

/* Lines, Ctrl+C, closing and errors from callbacks. 'exit' waits for an
 * evaluation in progress and the lines queued behind it. */
function wireEvents(server) {
  server._domain.on('error', (err) => server.onDomainError(err));
  if (!server[kStandaloneREPL]) forbidUncaughtListeners(server._domain);
  server.on('line', (line) => server.onLine(line));
  server.on('SIGINT', () => server.onSigint());
  server.on('close', () => {
    if (server[kEvaluating] || server[kPendingLines].length > 0) {
      server[kExitPending] = true;
    } else {
      server.emit('exit');
    }
  });
}

ObjectSetPrototypeOf(REPLServer.prototype, Interface.prototype);
ObjectSetPrototypeOf(REPLServer, Interface);

/* server.inputStream / outputStream: deprecated names of input/output. */
function defineDeprecatedStreamAlias(alias, name) {
  const warn = () => deprecationWarning(
    'repl.inputStream and repl.outputStream are deprecated. ' +
    'Use repl.input and repl.output instead', 'DEP0141');
  ObjectDefineProperty(REPLServer.prototype, alias, {
    __proto__: null,
    configurable: true,
    enumerable: false,
    get() {
      warn();
      return this[name];
    },
    set(value) {
      warn();
      this[name] = value;
    },
  });
}
defineDeprecatedStreamAlias('inputStream', 'input');
defineDeprecatedStreamAlias('outputStream', 'output');

const warned = { __proto__: null };
/* Emits deprecation `code` once per process. */
function deprecationWarning(message, code) {
  if (warned[code]) return;
  warned[code] = true;
  process.emitWarning(message, 'DeprecationWarning', code);
}

/* Key handling on top of readline's: keys wait while an evaluation does
 * (Ctrl+C interrupts it); Ctrl+R searches the history; in editor mode Ctrl+D runs what was typed
 * instead of closing; otherwise Ctrl+D on an empty line ends the line
 * before the REPL closes. */
function installKeyHandling(server) {
  const baseTtyWrite = server._ttyWrite;
  server._ttyWrite = function ttyWrite(d, key) {
    if (this[kEvaluating]) {
      // Keys typed while an evaluation waits wait too; Ctrl+C stops it.
      if (key && key.ctrl && key.name === 'c' && this[kCancelEval]) {
        this[kCancelEval]();
      } else {
        ArrayPrototypePush(this[kPendingKeys], [d, key]);
      }
      return;
    }
    if (this.terminal && handleSearchKey(this, d, key)) return;
    if (this.editorMode && key && key.ctrl && key.name === 'd') {
      const code = this[kBufferedCommand] + this.line;
      this.clearLine();
      this.turnOffEditorMode();
      this[kBufferedCommand] = '';
      ArrayPrototypePush(this.lines, code);
      this.runInput(code);
      return;
    }
    if (key && key.ctrl && key.name === 'd' && this.cursor === 0 &&
        this.line.length === 0) {
      // Leave the terminal on a fresh line.
      this.clearLine();
    }
    return ReflectApply(baseTtyWrite, this, [d, key]);
  };
}

/* Handles one line of input: a dot command, editor text, or code. */
REPLServer.prototype.onLine = function onLine(line) {
  line = line || '';
  this[kSawSigint] = false;
  if (this[kEvaluating]) {
    ArrayPrototypePush(this[kPendingLines], line);
    return;
  }
  if (this.editorMode) {
    this[kBufferedCommand] += `${line}\n`;
    keepIndentation(this, line);
    return;
  }
  const trimmed = StringPrototypeTrim(line);
  if (isCommand(trimmed)) {
    const match = RegExpPrototypeExec(/^\.([^\s]+)\s*(.*)$/, trimmed);
    const command = this.commands[match[1]];
    if (command) {
      FunctionPrototypeCall(command.action, this, match[2]);
      return;
    }
    if (this[kBufferedCommand] === '') {
      this.output.write('Invalid REPL keyword\n');
      this.displayPrompt();
      return;
    }
  }
  ArrayPrototypePush(this.lines, line);
  this.runInput(`${this[kBufferedCommand]}${line}\n`);
};

/* `.name` but not `..x` or a number like `.5`. */
function isCommand(trimmed) {
  return trimmed[0] === '.' && trimmed[1] !== '.' &&
    RegExpPrototypeExec(/^\.\d/, trimmed) === null;
}

/* In editor mode, a new line starts with the previous line's indentation. */
function keepIndentation(server, line) {
  if (!server.terminal) return;
  const indent = RegExpPrototypeExec(/^\s+/, line);
  if (indent === null) return;
  server.line = indent[0];
  server.cursor = indent[0].length;
}

/* Evaluates `code` (the whole pending input) and prints the result, or
 * keeps it pending when it is incomplete. */
REPLServer.prototype.runInput = function runInput(code) {
  this[kEvaluating] = true;
  let done = false;
  const finish = (err, ...result) => {
    if (done) return;  // Interrupted by Ctrl+C before it called back.
    done = true;
    this[kCancelEval] = null;
    this[kEvaluating] = false;
    if (err instanceof Recoverable) {
      this[kBufferedCommand] = code;
      this.displayPrompt();
      this.drainPendingLines();
      return;
    }
    this.clearBufferedCommand();
    if (err && RegExpPrototypeExec(/^\s*npm /, code) !== null) {
      this.output.write('npm should be run outside of the Node.js REPL, ' +
                        'in your normal shell.\n(Press Ctrl+D to exit.)\n');
    } else if (err) {
      this.reportError(err);
    } else {
      if (this.eval === defaultEval) rememberLexicalNames(this, code);
      if (result.length > 0) this.printResult(result[0]);
    }
    if (!this.closed || this[kPendingLines].length > 0) this.displayPrompt();
    this.drainPendingLines();
  };
  const file = `REPL${nextResourceNumber++}`;
  try {
    this._domain.run(() => this.eval(code, this.context, file, finish));
  } catch (err) {
    finish(err);
  }
  if (!done) {
    // Still waiting (top-level await): Ctrl+C gives up on it.
    this[kCancelEval] = () => finish(new ERR_SCRIPT_EXECUTION_INTERRUPTED());
  }
};

const replDomains = new SafeWeakSet();
let guardInstalled = false;

/* Code run by a REPL that is not `nodus` itself (its domain is active, also
 * in callbacks it scheduled) may not add 'uncaughtException' listeners:
 * the REPL reports those errors. */
function forbidUncaughtListeners(domain) {
  replDomains.add(domain);
  if (guardInstalled) return;
  guardInstalled = true;
  process.prependListener('newListener', (event) => {
    if (event === 'uncaughtException' && process.domain &&
        replDomains.has(process.domain)) {
      throw new ERR_INVALID_REPL_INPUT(
        'Listeners for `uncaughtException` cannot be used in the REPL');
    }
  });
}

/* Notes the let/const/class names `code` declared, for completion. */
function rememberLexicalNames(server, code) {
  const names = topLevelLexicalNames(code);
  for (let i = 0; i < names.length; i++) server.lexicalNames.add(names[i]);
}

/* The evaluation in progress ended without calling back (its error went
 * to a domain of the user's): take input again, without a prompt. */
REPLServer.prototype[kEvalAbandoned] = function evalAbandoned() {
  this[kEvaluating] = false;
  this.clearBufferedCommand();
  process.nextTick(() => this.drainPendingLines());
};

/* Lines and keys typed while an asynchronous evaluation ran are handled
 * now. */
REPLServer.prototype.drainPendingLines = function drainPendingLines() {
  while (!this[kEvaluating] && this[kPendingKeys].length > 0) {
    const { 0: d, 1: key } = ArrayPrototypeShift(this[kPendingKeys]);
    this._ttyWrite(d, key);
  }
  while (!this[kEvaluating] && this[kPendingLines].length > 0) {
    this.onLine(ArrayPrototypeShift(this[kPendingLines]));
  }
  if (!this[kEvaluating] && this[kExitPending]) {
    this[kExitPending] = false;
    this.emit('exit');
  }
};

/* Remembers `value` as `_` and writes it unless it is undefined and the
 * server ignores undefined. */
REPLServer.prototype.printResult = function printResult(value) {
  if (!this.underscoreAssigned) this.last = value;
  if (this.ignoreUndefined && value === undefined) return;
  this.output.write(`${this.writer(value)}\n`);
};

/* Writes "Uncaught ..." for `err` and remembers it as `_error`. In the
 * REPL of `nodus` itself, process 'uncaughtException' listeners get the
 * error instead when there are any. */
REPLServer.prototype.reportError = function reportError(err) {
  if (this[kStandaloneREPL] &&
      process.listenerCount('uncaughtException') > 0) {
    process.emit('uncaughtException', err);
    this.clearBufferedCommand();
    return;
  }
  if (!this.underscoreErrAssigned) this.lastError = err;
  const text = formatUncaught(err, this.writer, this.writer !== writer);
  this.output.write(`${text}\n`);
  this.clearBufferedCommand();
};

/* An error thrown asynchronously by REPL code (a timer, a callback):
 * reported like a synchronous one, without the domain's bookkeeping. */
REPLServer.prototype.onDomainError = function onDomainError(err) {
  if (err !== null && typeof err === 'object' && err.domainThrown) {
    delete err.domain;
    delete err.domainThrown;
  }
  this.reportError(err);
  if (!this[kEvaluating] && !this.closed) this.displayPrompt();
};

/* Ctrl+C: drops the line and pending input; on an empty prompt explains
 * how to leave, and a second Ctrl+C closes the REPL. */
REPLServer.prototype.onSigint = function onSigint() {
  const empty = this.line.length === 0;
  this.clearLine();
  this.turnOffEditorMode();
  if (this[kBufferedCommand] === '' && empty) {
    if (this[kSawSigint]) {
      this[kSawSigint] = false;
      this.close();
      return;
    }
    this.output.write(
      '(To exit, press Ctrl+C again or Ctrl+D or type .exit)\n');
    this[kSawSigint] = true;
  } else {
    this[kSawSigint] = false;
  }
  this.clearBufferedCommand();
  this.lines.level = [];
  this.displayPrompt();
};

/* Enters editor mode (announcing it when `announce`): lines collect
 * until Ctrl+D. */
REPLServer.prototype.turnOnEditorMode = function turnOnEditorMode(announce) {
  this.editorMode = true;
  FunctionPrototypeCall(Interface.prototype.setPrompt, this, '');
  if (announce) {
    this.output.write(
      '// Entering editor mode (Ctrl+D to finish, Ctrl+C to cancel)\n');
  }
};

/* Leaves editor mode and restores the prompt. */
REPLServer.prototype.turnOffEditorMode = function turnOffEditorMode() {
  this.editorMode = false;
  FunctionPrototypeCall(Interface.prototype.setPrompt, this,
                        this._initialPrompt);
};

/* A new context as the REPL would use (globalThis with useGlobal). */
REPLServer.prototype.createContext = function createContext() {
  return createReplContext(this);
};

/* Replaces the context with a fresh one and emits 'reset'. */
REPLServer.prototype.resetContext = function resetContext() {
  this.context = this.createContext();
  defineAutoVariables(this, this.context);
  if (!this.useGlobal || this.lexicalNames === undefined) {
    this.lexicalNames = new SafeSet();
  }
  this.lines = [];
  this.lines.level = [];
  this.emit('reset', this.context);
};

/* Shows the prompt: `... ` while a multi-line input is pending. */
REPLServer.prototype.displayPrompt = function displayPrompt(preserveCursor) {
  let prompt = this._initialPrompt;
  if (this[kBufferedCommand].length > 0) prompt = '... ';
  if (this.editorMode) prompt = '';
  FunctionPrototypeCall(Interface.prototype.setPrompt, this, prompt);
  this.prompt(preserveCursor);
};

/* Sets the main prompt (the `... ` prompt stays as it is). */
REPLServer.prototype.setPrompt = function setPrompt(prompt) {
  this._initialPrompt = prompt;
  FunctionPrototypeCall(Interface.prototype.setPrompt, this, prompt);
};

/* Forgets the pending (incomplete) input. */
REPLServer.prototype.clearBufferedCommand = function clearBufferedCommand() {
  this[kBufferedCommand] = '';
};

/* Adds command .keyword: `cmd` is its action or { help, action }. */
REPLServer.prototype.defineCommand = function defineCommand(keyword, cmd) {
  if (typeof cmd === 'function') {
    cmd = { action: cmd };
  } else if (cmd === null || typeof cmd !== 'object' ||
             typeof cmd.action !== 'function') {
    throw new ERR_INVALID_ARG_TYPE('cmd.action', 'Function',
                                   cmd === null || typeof cmd !== 'object' ?
                                     cmd : cmd.action);
  }
  this.commands[keyword] = cmd;
};

/* Completes `line` as TAB would: cb(err, [completions, completedPart]). */
REPLServer.prototype.complete = function complete(line, cb) {
  this.completer(line, cb);
};

/* The built-in completer; in editor mode it only offers what all
 * completions share, so TAB never lists. */
function defaultCompleter(server, line, cb) {
  const { complete, commonPrefix } = require('internal/repl/completion');
  if (!server.editorMode) {
    complete(server, line, cb);
    return;
  }
  complete(server, line, (err, result) => {
    if (err || result[0].length === 0) return cb(err, result);
    const prefix = commonPrefix(result[0]);
    cb(null, [prefix === '' ? [] : [prefix], result[1]]);
  });
}

/* Loads the history from `historyFile` ('' or whitespace: none) and saves
 * every new line to it; cb(err, server) once ready. */
REPLServer.prototype.setupHistory = function setupHistory(historyFile, cb) {
  require('internal/repl/history').setupHistory(this, historyFile, cb);
};

/* repl.start([prompt | options[, ...]]): creates and returns a
 * REPLServer. */
function start(prompt, source, eval_, useGlobal, ignoreUndefined, replMode) {
  return new REPLServer(prompt, source, eval_, useGlobal, ignoreUndefined,
                        replMode);
}

REPLServer.REPL_MODE_SLOPPY = REPL_MODE_SLOPPY;
REPLServer.REPL_MODE_STRICT = REPL_MODE_STRICT;

/* util.inspect.replDefaults: the default writer's options. */
ObjectDefineProperty(inspect, 'replDefaults', {
  __proto__: null,
  configurable: true,
  enumerable: true,
  get: () => writer.options,
  set(options) {
    validateObject(options, 'options');
    return ObjectAssign(writer.options, options);
  },
});

module.exports = {
  start,
  writer,
  REPLServer,
  REPL_MODE_SLOPPY,
  REPL_MODE_STRICT,
  Recoverable,
  builtinModules: ArrayPrototypeFilter(
    Module.builtinModules, (name) => !StringPrototypeStartsWith(name, '_')),
};

/* repl._builtinLibs: the deprecated name of repl.builtinModules. */
ObjectDefineProperty(module.exports, '_builtinLibs', {
  __proto__: null,
  configurable: true,
  enumerable: false,
  get() {
    deprecationWarning('repl._builtinLibs is deprecated. Check ' +
                       'module.builtinModules instead', 'DEP0142');
    return module.exports.builtinModules;
  },
  set(value) {
    deprecationWarning('repl._builtinLibs is deprecated. Check ' +
                       'module.builtinModules instead', 'DEP0142');
    module.exports.builtinModules = value;
  },
});
