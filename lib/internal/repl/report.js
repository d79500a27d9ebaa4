'use strict';
/* report.js (repl) - formats what REPL code threw as the
 * "Uncaught ..." text the REPL prints. */

const {
  ArrayPrototypeJoin,
  ArrayPrototypeSlice,
  ObjectGetOwnPropertyDescriptor,
  RegExpPrototypeExec,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeStartsWith,
} = primordials;

const { isError } = require('internal/util');

const kReplFrame = /^\s+at (?:.* \()?REPL\d+:\d+:\d+\)?$/;
const kFrame = /^\s+at /;

/* `stack` without the frames that belong to the REPL itself: everything
 * from the outermost frame of REPL input (REPLn:line:col) on. A stack with
 * no REPL frame loses all of its frames but those of user code. */
function trimStack(stack) {
  const lines = StringPrototypeSplit(stack, '\n');
  let lastRepl = -1;
  let firstFrame = -1;
  for (let i = 0; i < lines.length; i++) {
    if (RegExpPrototypeExec(kFrame, lines[i]) === null) continue;
    if (firstFrame === -1) firstFrame = i;
    if (RegExpPrototypeExec(kReplFrame, lines[i]) !== null) lastRepl = i;
  }
  if (firstFrame === -1) return stack;
  if (lastRepl === -1) {
    // Thrown by the runtime itself (e.g. compiling the input): no frame
    // says anything useful.
    return ArrayPrototypeJoin(ArrayPrototypeSlice(lines, 0, firstFrame), '\n');
  }
  return ArrayPrototypeJoin(ArrayPrototypeSlice(lines, 0, lastRepl), '\n');
}

/* The text the REPL prints for `err` (without the final newline), shown
 * with `write` (the server's writer). */
function formatUncaught(err, write) {
  if (!isError(err)) return `Uncaught ${write(err)}`;
  const desc = ObjectGetOwnPropertyDescriptor(err, 'stack');
  if (typeof err.stack === 'string' &&
      (desc === undefined || desc.writable || desc.set !== undefined)) {
    try {
      err.stack = trimStack(err.stack);
    } catch {
      // A frozen error keeps its stack.
    }
  }
  let text = `${write(err)}`;
  // inspect() brackets an error whose stack has no frames: "[Error: x]".
  const stack = err.stack;
  if (typeof stack === 'string' && text[0] === '[' &&
      StringPrototypeStartsWith(text, `[${stack}]`)) {
    text = stack + StringPrototypeSlice(text, stack.length + 2);
  }
  return `Uncaught ${text}`;
}

module.exports = { formatUncaught, trimStack };
