'use strict';
/* report.js (repl) - formats what REPL code threw as the
 * "Uncaught ..." text the REPL prints. */

const {
  ArrayPrototypeJoin,
  ArrayPrototypeSlice,
  ObjectGetOwnPropertyDescriptor,
  ObjectKeys,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolReplace,
  StringPrototypeSplit,
} = primordials;

const { isError } = require('internal/util');
const { decorateErrorStack } = internalBinding('module_wrap');

const kReplFrame = /^\s+at (?:.* \()?REPL\d+:\d+:\d+\)?$/;
const kFrame = /^\s+at /;
const kErrorLine = /^\[?(?:[A-Z][a-z0-9_]*)*Error/;
// A first line longer than this goes below "Uncaught:".
const kMaxInlineLength = 80;

/* `stack` without the frames of the REPL's own machinery: everything from
 * the outermost frame of REPL input (REPLn:line:col) on. A stack without
 * such a frame is kept whole. */
function trimStack(stack) {
  const lines = StringPrototypeSplit(stack, '\n');
  let lastRepl = -1;
  for (let i = 0; i < lines.length; i++) {
    if (RegExpPrototypeExec(kReplFrame, lines[i]) !== null) lastRepl = i;
  }
  if (lastRepl === -1) return stack;
  return ArrayPrototypeJoin(ArrayPrototypeSlice(lines, 0, lastRepl), '\n');
}

/* A SyntaxError's stack without frames: its message, after the source
 * arrow when it comes from compiling a file or the input (code given to
 * eval() has no file, and no arrow shown). */
function syntaxErrorStack(err) {
  try {
    decorateErrorStack(err);
  } catch {
    // No arrow: the message alone.
  }
  if (RegExpPrototypeExec(/^undefined:\d+\n/, err.stack) !== null) {
    setStack(err, RegExpPrototypeSymbolReplace(/^[\s\S]*?\^+ *\n\n?/,
                                               err.stack, ''));
  }
  let stack = RegExpPrototypeSymbolReplace(/^\s+at\s.*\n?/gm, err.stack, '');
  stack = RegExpPrototypeSymbolReplace(/^REPL\d+:\d+\r?\n/, stack, '');
  // A blank line between the arrow and the message.
  stack = RegExpPrototypeSymbolReplace(/^( *\^+)\n(?!\n)/m, stack, '$1\n\n');
  return RegExpPrototypeSymbolReplace(/\n+$/, stack, '');
}

/* Replaces err.stack with `stack` when it can be written. */
function setStack(err, stack) {
  const desc = ObjectGetOwnPropertyDescriptor(err, 'stack');
  if (desc !== undefined && !desc.writable && desc.set === undefined) return;
  try {
    err.stack = stack;
  } catch {
    // A frozen error keeps its stack.
  }
}

/* The text shown for `err`: an error's trimmed stack, or what `write` (the
 * server's writer) makes of it when it carries extra properties, is no
 * error at all or the writer is the user's (`customWriter`). */
function describe(err, write, customWriter) {
  if (!isError(err) || typeof err.stack !== 'string') return `${write(err)}`;
  const stack = err.name === 'SyntaxError' ? syntaxErrorStack(err) :
    trimStack(err.stack);
  setStack(err, stack);
  if (!customWriter && ObjectKeys(err).length === 0 && err.stack === stack) {
    return stack;
  }
  return `${write(err)}`;
}

/* The text the REPL prints for `err` (without the final newline): "Uncaught"
 * goes before the error's first line, or above a long one. `write` is the
 * server's writer, `customWriter` whether the user gave it. */
function formatUncaught(err, write, customWriter) {
  const lines = StringPrototypeSplit(describe(err, write, customWriter),
                                     '\n');
  for (let i = 0; i < lines.length; i++) {
    if (RegExpPrototypeExec(kErrorLine, lines[i]) === null) continue;
    lines[i] = lines[i].length <= kMaxInlineLength ?
      `Uncaught ${lines[i]}` : `Uncaught:\n${lines[i]}`;
    return ArrayPrototypeJoin(lines, '\n');
  }
  const separator = lines.length === 1 ? ' ' : ':\n';
  return `Uncaught${separator}${ArrayPrototypeJoin(lines, '\n')}`;
}

module.exports = { formatUncaught, trimStack };
