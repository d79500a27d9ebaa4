// internal/util/inspect_error: how inspect renders Error objects.
'use strict';

const {
  ArrayPrototypeIncludes,
  ArrayPrototypeIndexOf,
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  ArrayPrototypeSplice,
  ArrayIsArray,
  EncodeURI,
  EncodeURIComponent,
  ErrorPrototypeToString,
  MathMin,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolReplace,
  SafeSet,
  String,
  StringPrototypeEndsWith,
  StringPrototypeIncludes,
  StringPrototypeIndexOf,
  StringPrototypeRepeat,
  StringPrototypeReplaceAll,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeStartsWith,
} = primordials;

/* The error's stack if it has a truthy one, else `Name: message`. */
function getStackString(error) {
  return error.stack ? String(error.stack) : ErrorPrototypeToString(error);
}

/* Finds the first run of more than three equal lines shared by the frame
 * lists `a` and `b`; returns { len, offset } (offset into `a`), or len 0. */
function identicalSequenceRange(a, b) {
  for (let i = 0; i < a.length - 3; i++) {
    const pos = ArrayPrototypeIndexOf(b, a[i]);
    if (pos === -1) continue;
    const rest = b.length - pos;
    if (rest <= 3) continue;
    let len = 1;
    const maxLen = MathMin(a.length - i, rest);
    while (maxLen > len && a[i + len] === b[pos + len]) len++;
    if (len > 3) return { len, offset: i };
  }
  return { len: 0, offset: 0 };
}

/* Splits the frame part of a stack into lines, collapsing the frames it
 * shares with its `cause`'s stack. */
function getStackFrames(ctx, err, framePart) {
  const frames = StringPrototypeSplit(framePart, '\n');
  let cause;
  try {
    ({ cause } = err);
  } catch {
    // The getter threw: there is nothing to compare against.
  }
  if (cause != null && isErrorLike(cause)) {
    const causeStack = getStackString(cause);
    const at = StringPrototypeIndexOf(causeStack, '\n    at');
    if (at !== -1) {
      const causeFrames =
        StringPrototypeSplit(StringPrototypeSlice(causeStack, at + 1), '\n');
      const { len, offset } = identicalSequenceRange(frames, causeFrames);
      if (len > 0) {
        const skipped = len - 2;
        const msg = `    ... ${skipped} lines matching cause stack trace ...`;
        ArrayPrototypeSplice(frames, offset + 1, skipped,
                             ctx.stylize(msg, 'undefined'));
      }
    }
  }
  return frames;
}

function isErrorLike(value) {
  const { isNativeError } = internalBinding('types');
  return isNativeError(value) || value instanceof Error;
}

/* Makes the first line name the real class: `Foo [TypeError]: msg` when a
 * subclass keeps the parent's name, `[Error: null prototype]` etc. */
function improveStack(stack, constructor, name, tag, getPrefix) {
  let len = name.length;
  if (constructor === null ||
      (StringPrototypeEndsWith(name, 'Error') &&
       StringPrototypeStartsWith(stack, name) &&
       (stack.length === len || stack[len] === ':' || stack[len] === '\n'))) {
    let fallback = 'Error';
    if (constructor === null) {
      const start =
        RegExpPrototypeExec(/^([A-Z][a-z_ A-Z0-9[\]()-]+)(?::|\n\s+at)/,
                            stack) ||
        RegExpPrototypeExec(/^([a-z_A-Z0-9-]*Error)$/, stack);
      fallback = (start && start[1]) || '';
      len = fallback.length;
      fallback = fallback || 'Error';
    }
    const prefix = StringPrototypeSlice(getPrefix(constructor, tag, fallback),
                                        0, -1);
    if (name !== prefix) {
      if (StringPrototypeIncludes(prefix, name)) {
        if (len === 0) stack = `${prefix}: ${stack}`;
        else stack = `${prefix}${StringPrototypeSlice(stack, len)}`;
      } else {
        stack = `${prefix} [${name}]${StringPrototypeSlice(stack, len)}`;
      }
    }
  }
  return stack;
}

/* Drops `name`, `message` and `stack` from the listed keys when the stack
 * text already shows them. */
function removeDuplicateErrorKeys(ctx, keys, err, stack) {
  if (ctx.showHidden || keys.length === 0) return;
  for (const name of ['name', 'message', 'stack']) {
    const index = ArrayPrototypeIndexOf(keys, name);
    if (index !== -1 && StringPrototypeIncludes(stack, err[name])) {
      ArrayPrototypeSplice(keys, index, 1);
    }
  }
}

const coreFrameRe = /^ {4}at (?:[^/\\(]+ \(|)node:(.+):\d+:\d+\)?$/;
const nodeModulesRe = /[/\\]node_modules[/\\](.+?)(?=[/\\])/g;

let builtinIds;
/* Whether `id` names a module compiled into the runtime. */
function isBuiltinId(id) {
  if (builtinIds === undefined) {
    try {
      builtinIds = new SafeSet(internalBinding('builtins').builtinIds);
    } catch {
      builtinIds = null; // No list: trust the node: scheme.
    }
  }
  return builtinIds === null || builtinIds.has(id);
}

/* The working directory, plain and as a file: URL, or [] if unknown. */
function cwdForms() {
  let cwd;
  try {
    cwd = process.cwd();
  } catch {
    return [];
  }
  if (typeof cwd !== 'string' || cwd === '') return [];
  const url = 'file://' + RegExpPrototypeSymbolReplace(
    /[?#]/g, EncodeURI(cwd), EncodeURIComponent);
  // The URL first: it contains the plain path when nothing was encoded.
  return [url, cwd];
}

/* Greys out the working-directory prefix of a frame (with the paren
 * around the location, if any). */
function greyCwd(ctx, line, forms) {
  for (const form of forms) {
    let start = StringPrototypeIndexOf(line, `${form}/`);
    if (start === -1) continue;
    const end = start + form.length + 1;
    const paren = line[start - 1] === '(';
    if (paren) start--;
    let out = StringPrototypeSlice(line, 0, start) +
      ctx.stylize(StringPrototypeSlice(line, start, end), 'undefined') +
      StringPrototypeSlice(line, end);
    if (paren && StringPrototypeEndsWith(out, ')')) {
      out = `${StringPrototypeSlice(out, 0, -1)}${ctx.stylize(')',
                                                             'undefined')}`;
    }
    return out;
  }
  return line;
}

/* Colors stack lines: core frames grey, node_modules names underlined,
 * the working directory grey. */
function colorFrames(ctx, lines) {
  let out = '';
  const forms = cwdForms();
  for (const line of lines) {
    const core = RegExpPrototypeExec(coreFrameRe, line);
    if (core !== null && isBuiltinId(core[1])) {
      out += `\n${ctx.stylize(line, 'undefined')}`;
      continue;
    }
    let marked = '';
    let pos = 0;
    let m;
    nodeModulesRe.lastIndex = 0;
    while ((m = RegExpPrototypeExec(nodeModulesRe, line)) !== null) {
      // '/node_modules/'.length === 14
      marked += StringPrototypeSlice(line, pos, m.index + 14);
      marked += ctx.stylize(m[1], 'module');
      pos = m.index + m[0].length;
    }
    marked += pos === 0 ? line : StringPrototypeSlice(line, pos);
    out += `\n${greyCwd(ctx, marked, forms)}`;
  }
  return out;
}

/* Returns the text inspect shows for error `err` (its improved stack, or
 * `[Name: message]` when it has no frames). May add 'cause'/'errors' to
 * `keys` and remove duplicates from it. */
function formatError(err, constructor, tag, ctx, keys, getPrefix) {
  const name = err.name != null ? String(err.name) : 'Error';
  let stack = getStackString(err);
  removeDuplicateErrorKeys(ctx, keys, err, stack);
  if ('cause' in err &&
      (keys.length === 0 || !ArrayPrototypeIncludes(keys, 'cause'))) {
    ArrayPrototypePush(keys, 'cause');
  }
  if (ArrayIsArray(err.errors) &&
      (keys.length === 0 || !ArrayPrototypeIncludes(keys, 'errors'))) {
    ArrayPrototypePush(keys, 'errors');
  }
  stack = improveStack(stack, constructor, name, tag, getPrefix);

  // Skip the message when looking for the first frame: it may contain
  // text that looks like one.
  let pos = (err.message && StringPrototypeIndexOf(stack, err.message)) || -1;
  if (pos !== -1) pos += err.message.length;
  const stackStart = StringPrototypeIndexOf(stack, '\n    at', pos);
  if (stackStart === -1) {
    stack = `[${stack}]`;
  } else {
    const head = StringPrototypeSlice(stack, 0, stackStart);
    const lines = getStackFrames(ctx, err,
                                 StringPrototypeSlice(stack, stackStart + 1));
    if (ctx.colors) {
      stack = head + colorFrames(ctx, lines);
    } else {
      stack = `${head}\n${ArrayPrototypeJoin(lines, '\n')}`;
    }
  }
  if (ctx.indentationLvl !== 0) {
    const indentation = StringPrototypeRepeat(' ', ctx.indentationLvl);
    stack = StringPrototypeReplaceAll(stack, '\n', `\n${indentation}`);
  }
  return stack;
}

module.exports = {
  formatError,
  getStackString,
  identicalSequenceRange,
};
