'use strict';
/* scan.js (repl) - a small JavaScript tokenizer for REPL input: tokens with
 * their source positions, and whether the input stops inside a bracket,
 * string, template or comment (so the REPL knows to wait for more lines). */

const {
  ArrayPrototypePop,
  ArrayPrototypePush,
  RegExpPrototypeExec,
  SafeSet,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
} = primordials;

/* Keywords after which a `/` starts a regular expression, not a division. */
const kRegexAfterKeyword = new SafeSet([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void',
  'throw', 'case', 'do', 'else', 'yield', 'await',
]);

const kPunctuators = [
  '>>>=', '...', '===', '!==', '**=', '<<=', '>>=', '>>>', '&&=', '||=',
  '??=', '=>', '==', '!=', '<=', '>=', '&&', '||', '??', '?.', '++', '--',
  '+=', '-=', '*=', '/=', '%=', '&=', '|=', '^=', '<<', '>>', '**',
];

const kNameRe = /^[\p{ID_Start}$_\\][\p{ID_Continue}$\u200c\u200d\\]*/u;
const kNumberRe =
  /^(?:0[xX][\da-fA-F_]+n?|0[oO][0-7_]+n?|0[bB][01_]+n?|(?:\d[\d_]*\.?[\d_]*|\.\d[\d_]*)(?:[eE][+-]?\d+)?n?)/;
const kSpaceRe = /^\s+/;

function closingOf(open) {
  if (open === '(') return ')';
  if (open === '[') return ']';
  return '}';
}

/* Whether a `/` after token `prev` begins a regular expression. */
function regexAllowedAfter(prev) {
  if (prev === undefined) return true;
  if (prev.type === 'name') return kRegexAfterKeyword.has(prev.value);
  if (prev.type === 'punct') {
    return prev.value !== ')' && prev.value !== ']' && prev.value !== '}' &&
      prev.value !== '++' && prev.value !== '--';
  }
  return false;
}

/* Scans `code`. Returns { tokens, open, incomplete, error }: tokens are
 * { type, value, start, end, newlineBefore } with type one of name, num,
 * string, template, regex, punct; `open` is the stack of brackets still
 * open ('(', '[', '{', '${'); `incomplete` names what is unterminated
 * ('template', 'comment', 'string' (only when continued with a trailing
 * backslash), 'regex') or is null. A bracket closed by the wrong kind sets
 * `error`. Never throws. */
function scan(code) {
  const tokens = [];
  const open = [];
  let pos = 0;
  let newlineBefore = false;
  let incomplete = null;
  let error = false;

  function push(type, value, start, end) {
    ArrayPrototypePush(tokens, { type, value, start, end, newlineBefore });
    newlineBefore = false;
  }

  /* Reads template text from `pos` (just after ` or }) up to the closing `
   * or the next ${; returns false when the input ends first. */
  function readTemplateChunk(start) {
    while (pos < code.length) {
      const c = code[pos];
      if (c === '\\') {
        pos += 2;
      } else if (c === '`') {
        pos++;
        push('template', StringPrototypeSlice(code, start, pos), start, pos);
        return true;
      } else if (c === '$' && code[pos + 1] === '{') {
        pos += 2;
        push('template', StringPrototypeSlice(code, start, pos), start, pos);
        ArrayPrototypePush(open, '${');
        return true;
      } else {
        pos++;
      }
    }
    incomplete = 'template';
    return false;
  }

  while (pos < code.length && incomplete === null) {
    const c = code[pos];
    const rest = StringPrototypeSlice(code, pos);
    const space = RegExpPrototypeExec(kSpaceRe, rest);
    if (space !== null) {
      if (RegExpPrototypeExec(/[\n\r\u2028\u2029]/, space[0]) !== null) {
        newlineBefore = true;
      }
      pos += space[0].length;
      continue;
    }
    if (c === '/' && code[pos + 1] === '/') {
      while (pos < code.length && code[pos] !== '\n') pos++;
      continue;
    }
    if (c === '/' && code[pos + 1] === '*') {
      const end = StringPrototypeIndexOf(code, '*/', pos + 2);
      if (end === -1) {
        incomplete = 'comment';
        break;
      }
      if (RegExpPrototypeExec(/\n/, StringPrototypeSlice(code, pos, end)) !==
          null) {
        newlineBefore = true;
      }
      pos = end + 2;
      continue;
    }
    const start = pos;
    if (c === '\'' || c === '"') {
      pos++;
      let closed = false;
      while (pos < code.length) {
        const d = code[pos];
        if (d === '\\') {
          if (pos + 1 >= code.length ||
              (code[pos + 1] === '\n' && pos + 2 >= code.length)) {
            incomplete = 'string';
            break;
          }
          pos += 2;
          continue;
        }
        if (d === '\n') break;
        pos++;
        if (d === c) {
          closed = true;
          break;
        }
      }
      if (incomplete !== null) break;
      if (!closed) error = true;
      push('string', StringPrototypeSlice(code, start, pos), start, pos);
      continue;
    }
    if (c === '`') {
      pos++;
      if (!readTemplateChunk(start)) break;
      continue;
    }
    // Never read index -1: user code may have patched Array.prototype.
    if (c === '/' && regexAllowedAfter(
      tokens.length > 0 ? tokens[tokens.length - 1] : undefined)) {
      pos++;
      let inClass = false;
      while (pos < code.length && code[pos] !== '\n') {
        const d = code[pos];
        if (d === '\\') {
          pos += 2;
          continue;
        }
        pos++;
        if (d === '[') inClass = true;
        else if (d === ']') inClass = false;
        else if (d === '/' && !inClass) break;
      }
      while (pos < code.length &&
             RegExpPrototypeExec(/[a-z]/, code[pos]) !== null) pos++;
      push('regex', StringPrototypeSlice(code, start, pos), start, pos);
      continue;
    }
    const name = RegExpPrototypeExec(kNameRe, rest);
    if (name !== null) {
      pos += name[0].length;
      push('name', name[0], start, pos);
      continue;
    }
    const number = RegExpPrototypeExec(kNumberRe, rest);
    if (number !== null && number[0] !== '.') {
      pos += number[0].length;
      push('num', number[0], start, pos);
      continue;
    }
    if (c === '(' || c === '[' || c === '{') {
      ArrayPrototypePush(open, c);
      pos++;
      push('punct', c, start, pos);
      continue;
    }
    if (c === ')' || c === ']' || c === '}') {
      const top = open.length > 0 ? open[open.length - 1] : undefined;
      if (top === '${' && c === '}') {
        ArrayPrototypePop(open);
        pos++;
        if (!readTemplateChunk(start)) break;
        continue;
      }
      if (top === undefined || closingOf(top) !== c) error = true;
      else ArrayPrototypePop(open);
      pos++;
      push('punct', c, start, pos);
      continue;
    }
    let punct = c;
    for (let i = 0; i < kPunctuators.length; i++) {
      const p = kPunctuators[i];
      if (StringPrototypeSlice(code, pos, pos + p.length) === p) {
        punct = p;
        break;
      }
    }
    pos += punct.length;
    push('punct', punct, start, pos);
  }
  return { tokens, open, incomplete, error };
}

module.exports = { scan };
