// expression.js - finds the source text of a failed assert.ok() call.
'use strict';

const {
  Error,
  ErrorCaptureStackTrace,
  NumberPrototypeToString,
  ObjectGetOwnPropertyDescriptor,
  ObjectIsExtensible,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolReplace,
  SafeMap,
  SafeSet,
  StringPrototypeCharCodeAt,
  StringPrototypeIncludes,
  StringPrototypePadStart,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeStartsWith,
} = primordials;

// Messages by `${file}${line}${column}`; undefined when none can be made.
const cache = new SafeMap();

// Names that never end a callee (`if (`, `typeof (`...).
const keywords = new SafeSet([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger',
  'default', 'delete', 'do', 'else', 'export', 'extends', 'finally', 'for',
  'function', 'if', 'in', 'instanceof', 'new', 'return', 'switch', 'throw',
  'try', 'typeof', 'var', 'void', 'while', 'with', 'yield', 'let', 'await',
  'of',
]);

const identifierRe = new RegExp(
  '(?:[\\p{ID_Start}$_#]|\\\\u[0-9a-fA-F]{4}|\\\\u\\{[0-9a-fA-F]+\\})' +
  '(?:[\\p{ID_Continue}$\\u200c\\u200d]|\\\\u[0-9a-fA-F]{4}|' +
  '\\\\u\\{[0-9a-fA-F]+\\})*', 'uy');
const numberRe = /(?:\.?[0-9])(?:[eE][+-]|[0-9a-zA-Z_.])*/y;
const controlChars = /[\x00-\x08\x0b\x0c\x0e-\x1f]/g;

function escapeControl(ch) {
  return `\\u${StringPrototypePadStart(
    NumberPrototypeToString(StringPrototypeCharCodeAt(ch), 16), 4, '0')}`;
}

function isSpace(c) {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' ||
    c === '\v' || c === '\f' || c === '\u00a0' || c === '\ufeff' ||
    c === '\u2028' || c === '\u2029' ||
    (c > '\u007f' && RegExpPrototypeExec(/\s/, c) !== null);
}

/* A small JavaScript tokenizer: enough to match brackets and tell calls
 * from other parentheses. Tokens are { type, value, start, end }, type
 * one of 'name', 'punct', 'literal'. */
class Tokenizer {
  constructor(code) {
    this.code = code;
    this.pos = 0;
    this.tokens = [];
  }

  last() {
    return this.tokens[this.tokens.length - 1];
  }

  regexAllowed() {
    const t = this.last();
    if (t === undefined) return true;
    if (t.type === 'literal') return false;
    if (t.type === 'name') return keywords.has(t.value);
    return t.value !== ')' && t.value !== ']';
  }

  skipSpaceAndComments() {
    const code = this.code;
    while (this.pos < code.length) {
      const c = code[this.pos];
      if (isSpace(c)) {
        this.pos++;
      } else if (c === '/' && code[this.pos + 1] === '/') {
        while (this.pos < code.length && code[this.pos] !== '\n' &&
               code[this.pos] !== '\r') {
          this.pos++;
        }
      } else if (c === '/' && code[this.pos + 1] === '*') {
        const close = code.indexOf('*/', this.pos + 2);
        this.pos = close === -1 ? code.length : close + 2;
      } else {
        return;
      }
    }
  }

  readString(quote) {
    const code = this.code;
    let i = this.pos + 1;
    while (i < code.length && code[i] !== quote) {
      if (code[i] === '\\') i++;
      i++;
    }
    this.pos = i + 1;
  }

  readRegExp() {
    const code = this.code;
    let i = this.pos + 1;
    let inClass = false;
    while (i < code.length) {
      const c = code[i];
      if (c === '\\') {
        i++;
      } else if (c === '[') {
        inClass = true;
      } else if (c === ']') {
        inClass = false;
      } else if (c === '/' && !inClass) {
        break;
      } else if (c === '\n') {
        break;
      }
      i++;
    }
    i++;
    identifierRe.lastIndex = i;
    if (RegExpPrototypeExec(identifierRe, code) !== null) {
      i = identifierRe.lastIndex;
    }
    this.pos = i;
  }

  /* Skips a template literal, including the expressions it embeds. */
  readTemplate() {
    const code = this.code;
    let i = this.pos + 1;
    while (i < code.length) {
      const c = code[i];
      if (c === '\\') {
        i += 2;
        continue;
      }
      if (c === '`') {
        this.pos = i + 1;
        return;
      }
      if (c === '$' && code[i + 1] === '{') {
        const inner = new Tokenizer(code);
        inner.pos = i + 2;
        let depth = 0;
        for (;;) {
          const t = inner.next();
          if (t === undefined) {
            this.pos = code.length;
            return;
          }
          if (t.value === '{') depth++;
          if (t.value === '}') {
            if (depth === 0) break;
            depth--;
          }
        }
        i = inner.pos;
        continue;
      }
      i++;
    }
    this.pos = code.length;
  }

  /* Reads one token, appends it and returns it; undefined at the end. */
  next() {
    this.skipSpaceAndComments();
    const code = this.code;
    const start = this.pos;
    if (start >= code.length) return undefined;
    const c = code[start];
    let type = 'punct';
    if (c === '\'' || c === '"') {
      this.readString(c);
      type = 'literal';
    } else if (c === '`') {
      this.readTemplate();
      type = 'literal';
    } else if (c === '/' && this.regexAllowed()) {
      this.readRegExp();
      type = 'literal';
    } else {
      identifierRe.lastIndex = start;
      numberRe.lastIndex = start;
      if (RegExpPrototypeExec(identifierRe, code) !== null) {
        this.pos = identifierRe.lastIndex;
        type = 'name';
      } else if (RegExpPrototypeExec(numberRe, code) !== null) {
        this.pos = numberRe.lastIndex;
        type = 'literal';
      } else if (c === '?' && code[start + 1] === '.' &&
                 !(code[start + 2] >= '0' && code[start + 2] <= '9')) {
        this.pos = start + 2;
      } else {
        this.pos = start + 1;
      }
    }
    const token = {
      type, value: StringPrototypeSlice(code, start, this.pos), start,
      end: this.pos, match: -1,
    };
    this.tokens[this.tokens.length] = token;
    return token;
  }

  /* Tokenizes, pairing brackets (token.match), until every bracket opened
   * before `stop` is closed again past it. */
  run(stop) {
    const open = [];
    for (;;) {
      const t = this.next();
      if (t === undefined) break;
      const v = t.value;
      if (t.type !== 'punct') continue;
      if (v === '(' || v === '[' || v === '{') {
        open[open.length] = this.tokens.length - 1;
      } else if (v === ')' || v === ']' || v === '}') {
        // Closers of blocks opened before the call's line stay unpaired.
        if (open.length === 0) continue;
        const o = open.pop();
        this.tokens[o].match = this.tokens.length - 1;
        t.match = o;
        if (open.length === 0 && t.start > stop) break;
      }
    }
    return this.tokens;
  }
}

function isCallee(t) {
  if (t === undefined) return false;
  if (t.type === 'name') return !keywords.has(t.value);
  if (t.type === 'literal') return true;
  return t.value === ')' || t.value === ']' || t.value === '?.';
}

/* Index of the first token of the call whose argument list opens at
 * tokens[paren], or -1 when that is a `new` expression. */
function calleeStart(tokens, paren) {
  let j = paren - 1;
  let sawCall = false;
  for (;;) {
    let t = tokens[j];
    if (t.value === '?.') {
      j--;
      continue;
    }
    const k = (t.value === ')' || t.value === ']') && t.type === 'punct' ?
      t.match : j;
    const prev = tokens[k - 1];
    t = tokens[k];
    if (t.type === 'punct' && t.value === '(') {
      if (isCallee(prev)) {
        sawCall = true;
        j = k - 1;
        continue;
      }
    } else if ((t.type === 'punct' && t.value === '[') ||
               (t.type === 'literal' && t.value[0] === '`')) {
      if (isCallee(prev)) {
        j = k - 1;
        continue;
      }
    } else if (prev !== undefined &&
               (prev.value === '.' || prev.value === '?.') &&
               prev.type === 'punct') {
      if (k - 2 < 0) return k;
      j = k - 2;
      continue;
    }
    if (prev !== undefined && prev.type === 'name' && prev.value === 'new') {
      return sawCall ? k - 1 : -1;
    }
    return k;
  }
}

/* The text of the innermost call expression of `code` around `offset`, as
 * [start, text]; undefined if there is none. */
function findCall(code, offset) {
  const tokens = new Tokenizer(code).run(offset);
  let best;
  for (let p = 0; p < tokens.length; p++) {
    const t = tokens[p];
    if (t.type !== 'punct' || t.value !== '(' || t.match === -1) continue;
    if (!isCallee(tokens[p - 1])) continue;
    const s = calleeStart(tokens, p);
    if (s === -1) continue;
    const start = tokens[s].start;
    const end = tokens[t.match].end;
    if (start > offset || end < offset) continue;
    if (best === undefined || end - start < best[1] - best[0])
      best = [start, end];
  }
  if (best === undefined) return undefined;
  const text = RegExpPrototypeSymbolReplace(
    controlChars, StringPrototypeSlice(code, best[0], best[1]), escapeControl);
  return [best[0], text];
}

/* Re-indents continuation lines relative to the call's column. */
function normalizeIndentation(text, column) {
  if (!StringPrototypeIncludes(text, '\n')) return text;
  const lines = StringPrototypeSplit(text, '\n');
  let out = lines[0];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    let pos = 0;
    while (pos < column && (line[pos] === ' ' || line[pos] === '\t')) pos++;
    out += `\n  ${StringPrototypeSlice(line, pos)}`;
  }
  return out;
}

function stackTraceLimitWritable() {
  const desc = ObjectGetOwnPropertyDescriptor(Error, 'stackTraceLimit');
  if (desc === undefined) return ObjectIsExtensible(Error);
  return desc.writable === true || typeof desc.set === 'function';
}

/* The call site of `fn`'s caller: { file, line, column } (0-based line and
 * column) or undefined. */
function callerSite(fn) {
  const writable = stackTraceLimitWritable();
  const savedLimit = Error.stackTraceLimit;
  const savedPrepare = Error.prepareStackTrace;
  let frames;
  try {
    if (writable) Error.stackTraceLimit = 1;
    Error.prepareStackTrace = (_, callSites) => callSites;
    const holder = {};
    ErrorCaptureStackTrace(holder, fn);
    frames = holder.stack;
  } finally {
    Error.prepareStackTrace = savedPrepare;
    if (writable) Error.stackTraceLimit = savedLimit;
  }
  if (typeof frames !== 'object' || frames === null) return undefined;
  const site = frames[0];
  if (site === undefined || typeof site.getFileName !== 'function')
    return undefined;
  return {
    file: site.getFileName(),
    line: site.getLineNumber() - 1,
    column: site.getColumnNumber() - 1,
  };
}

let readFileUtf8;

/* The text of `file`; throws when it cannot be read. */
function readSource(file) {
  if (readFileUtf8 === undefined) {
    const binding = internalBinding('fs');
    if (typeof binding.readFileUtf8 === 'function') {
      readFileUtf8 = (path) => binding.readFileUtf8(path);
    } else {
      const { readFileSync } = require('fs');
      readFileUtf8 = (path) => readFileSync(path, 'utf8');
    }
  }
  return readFileUtf8(file);
}

/* getErrMessage(fn) -> string | undefined: 'The expression evaluated to
 * a falsy value:\n\n  <source of the call>\n' for the call to `fn` that
 * failed, or undefined when the source cannot be read (eval, REPL, core
 * modules). */
function getErrMessage(fn) {
  const site = callerSite(fn);
  if (site === undefined || !site.file) return undefined;
  const { file, line, column } = site;
  if (StringPrototypeStartsWith(file, 'node:')) return undefined;
  const key = `${file}${line}${column}`;
  if (cache.has(key)) return cache.get(key);

  let message;
  const writable = stackTraceLimitWritable();
  const savedLimit = Error.stackTraceLimit;
  try {
    if (writable) Error.stackTraceLimit = 0;
    let code = readSource(file);
    for (let i = 0; i < line; i++) {
      const nl = code.indexOf('\n');
      if (nl === -1) {
        code = '';
        break;
      }
      code = StringPrototypeSlice(code, nl + 1);
    }
    const found = findCall(code, column);
    if (found !== undefined) {
      const text = normalizeIndentation(found[1], found[0]);
      message = `The expression evaluated to a falsy value:\n\n  ${text}\n`;
    }
  } catch {
    message = undefined;
  } finally {
    if (writable) Error.stackTraceLimit = savedLimit;
  }
  cache.set(key, message);
  return message;
}

module.exports = {
  getErrMessage,
  findCall,
};
