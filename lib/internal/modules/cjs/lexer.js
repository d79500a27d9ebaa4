'use strict';
/* lexer.js (cjs) - finds the names a CommonJS module exports by reading its
 * source (never running it), so that `import { x } from './file.cjs'`
 * works, with the detection rules of Node's CommonJS export lexer:
 *   exports.a = / exports['a'] = / module.exports.a = ...
 *   Object.defineProperty(exports, 'a', { value | enumerable + simple get })
 *   module.exports = { a, b: c, 'd': e, ...require('x') }
 *   module.exports = require('x')           (re-export)
 *   __exportStar(require('x')) / __export(require('x'))   (TypeScript)
 *   Object.keys(_x).forEach(function (k) { ... exports[k] ... }) with
 *   _x = require('x') or _interopRequireWildcard(require('x'))   (Babel)
 * A small tokenizer tells code from strings, templates, comments and
 * regular expressions. */

const {
  ArrayPrototypePush,
  SafeMap,
  SafeSet,
  StringFromCharCode,
  StringPrototypeCharCodeAt,
  StringPrototypeSlice,
} = primordials;

/* A SafeSet of an array's elements (not using the array iterator). */
function setOf(list) {
  const set = new SafeSet();
  for (let i = 0; i < list.length; i++) set.add(list[i]);
  return set;
}

const T_ID = 1;
const T_STR = 2;
const T_PUNCT = 3;
const T_NUM = 4;
const T_TPL = 5;
const T_REGEX = 6;

/* Keywords after which a '/' starts a regular expression. */
const regexAfterKeyword = setOf([
  'return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void',
  'throw', 'case', 'do', 'else', 'yield', 'await',
]);
/* Keywords whose parenthesized head is followed by a statement. */
const statementParenKeyword = setOf(['if', 'while', 'for', 'with']);

function isIdStart(c) {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 36 ||
    c === 95 || c > 127;
}

function isIdPart(c) {
  return isIdStart(c) || (c >= 48 && c <= 57);
}

function isSpace(c) {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 11 ||
    c === 12 || c === 0xa0 || c === 0xfeff || c === 0x2028 || c === 0x2029;
}

const punctuators3 = setOf(['===', '!==', '**=', '...', '<<=', '>>=',
                                  '>>>', '&&=', '||=', '??=']);
const punctuators2 = setOf(['=>', '==', '!=', '<=', '>=', '&&', '||',
                                  '??', '?.', '++', '--', '+=', '-=', '*=',
                                  '/=', '%=', '&=', '|=', '^=', '<<', '>>',
                                  '**']);

/* Decodes the body of a string literal; undefined when it holds escapes
 * that do not make a well-formed name (lone surrogates). */
function decodeString(body) {
  let out = '';
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c !== '\\') {
      out += c;
      continue;
    }
    const n = body[++i];
    switch (n) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      case '0': out += '\0'; break;
      case '\r':
        if (body[i + 1] === '\n') i++;
        break;
      case '\n':
      case '\u2028':
      case '\u2029':
        break;
      case 'x': {
        const code = parseInt(StringPrototypeSlice(body, i + 1, i + 3), 16);
        if (code !== code) return undefined;
        out += StringFromCharCode(code);
        i += 2;
        break;
      }
      case 'u': {
        let code;
        if (body[i + 1] === '{') {
          const end = body.indexOf('}', i);
          if (end === -1) return undefined;
          code = parseInt(StringPrototypeSlice(body, i + 2, end), 16);
          i = end;
        } else {
          code = parseInt(StringPrototypeSlice(body, i + 1, i + 5), 16);
          i += 4;
        }
        if (code !== code || code > 0x10ffff) return undefined;
        out += String.fromCodePoint(code);
        break;
      }
      default:
        out += n;
    }
  }
  /* Reject lone surrogates. */
  for (let i = 0; i < out.length; i++) {
    const c = StringPrototypeCharCodeAt(out, i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = StringPrototypeCharCodeAt(out, i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return undefined;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) {
      return undefined;
    }
  }
  return out;
}

/* Splits `src` into tokens [{ t, v, d }] where d is the brace depth at the
 * token (for top-level checks). Comments and whitespace are dropped. */
function tokenize(src) {
  const tokens = [];
  const n = src.length;
  let i = 0;
  /* Stacks: '{' entries are 'block' | 'object' | 'tpl'; '(' entries are
   * true when the parenthesis heads a statement (if/while/for). */
  const braces = [];
  const parens = [];
  let lastParenWasStatement = false;
  let lastBraceWasBlock = false;
  let prev;
  /* A comment came after the last token (Node's lexer then no longer sees
   * a keyword before a '/'). */
  let commentSincePrev = false;

  const push = (t, v, start) => {
    prev = { t, v, d: braces.length, p: start };
    commentSincePrev = false;
    ArrayPrototypePush(tokens, prev);
  };

  /* Whether a '/' here starts a regular expression. */
  const regexAllowed = () => {
    if (prev === undefined) return true;
    if (prev.t === T_ID) {
      /* A keyword, unless it is a property name (a.return / 2). */
      const before = tokens[tokens.length - 2];
      return regexAfterKeyword.has(prev.v) && !commentSincePrev &&
        !(before !== undefined && before.t === T_PUNCT &&
          (before.v === '.' || before.v === '?.'));
    }
    if (prev.t !== T_PUNCT) return false;
    if (prev.v === '++' || prev.v === '--') return false;
    if (prev.v === ')') return lastParenWasStatement;
    if (prev.v === ']') return false;
    if (prev.v === '}') return lastBraceWasBlock;
    return true;
  };

  /* Scans a template from just after '`' or '}'; returns true when it
   * stopped at '${' (an expression follows). */
  const scanTemplate = () => {
    const start = i;
    while (i < n) {
      const c = src[i];
      if (c === '\\') {
        i += 2;
      } else if (c === '`') {
        i++;
        push(T_TPL, '', start);
        return false;
      } else if (c === '$' && src[i + 1] === '{') {
        i += 2;
        push(T_TPL, '', start);
        ArrayPrototypePush(braces, 'tpl');
        return true;
      } else {
        i++;
      }
    }
    return false;
  };

  while (i < n) {
    const c = StringPrototypeCharCodeAt(src, i);
    if (isSpace(c)) {
      i++;
      continue;
    }
    const ch = src[i];
    if (ch === '/' && src[i + 1] === '/') {
      while (i < n && src[i] !== '\n' && src[i] !== '\r') i++;
      commentSincePrev = true;
      continue;
    }
    if (ch === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      i = end === -1 ? n : end + 2;
      commentSincePrev = true;
      continue;
    }
    if (ch === '#' && i === 0 && src[1] === '!') {
      while (i < n && src[i] !== '\n') i++;
      continue;
    }
    if (ch === '\'' || ch === '"') {
      const start = i;
      i++;
      while (i < n && src[i] !== ch && src[i] !== '\n') {
        if (src[i] === '\\') i++;
        i++;
      }
      push(T_STR, StringPrototypeSlice(src, start + 1, i), start);
      i++;
      continue;
    }
    if (ch === '`') {
      i++;
      scanTemplate();
      continue;
    }
    if (isIdStart(c) || ch === '\\') {
      const start = i;
      i++;
      while (i < n) {
        const d = StringPrototypeCharCodeAt(src, i);
        if (isIdPart(d)) {
          i++;
        } else if (src[i] === '\\') {
          i += 2;
        } else {
          break;
        }
      }
      push(T_ID, StringPrototypeSlice(src, start, i), start);
      continue;
    }
    if ((c >= 48 && c <= 57) || (ch === '.' && src[i + 1] >= '0' &&
                                 src[i + 1] <= '9')) {
      const start = i;
      i++;
      while (i < n) {
        const d = src[i];
        if ((d >= '0' && d <= '9') || (d >= 'a' && d <= 'z') ||
            (d >= 'A' && d <= 'Z') || d === '.' || d === '_') {
          i++;
        } else if ((d === '+' || d === '-') &&
                   (src[i - 1] === 'e' || src[i - 1] === 'E') &&
                   src[start] !== '0') {
          i++;
        } else {
          break;
        }
      }
      push(T_NUM, StringPrototypeSlice(src, start, i), start);
      continue;
    }
    if (ch === '/' && regexAllowed()) {
      const start = i;
      i++;
      let inClass = false;
      while (i < n && src[i] !== '\n') {
        const d = src[i];
        if (d === '\\') {
          i += 2;
          continue;
        }
        if (d === '[') inClass = true;
        else if (d === ']') inClass = false;
        else if (d === '/' && !inClass) break;
        i++;
      }
      i++;
      while (i < n && isIdPart(StringPrototypeCharCodeAt(src, i))) i++;
      push(T_REGEX, '', start);
      continue;
    }
    /* Punctuators. */
    const start = i;
    if (ch === '{') {
      let kind = 'block';
      if (prev !== undefined) {
        if (prev.t === T_PUNCT) {
          if (prev.v === '(' || prev.v === ',' || prev.v === '=' ||
              prev.v === ':' || prev.v === '[' || prev.v === '?' ||
              prev.v === '!' || prev.v === '||' || prev.v === '&&' ||
              prev.v === '??' || prev.v === '...' ||
              (prev.v.length > 1 && prev.v[prev.v.length - 1] === '=' &&
               prev.v !== '=>' && prev.v !== '==' && prev.v !== '===')) {
            kind = 'object';
          }
        } else if (prev.t === T_ID &&
                   (prev.v === 'return' || prev.v === 'typeof' ||
                    prev.v === 'yield' || prev.v === 'await' ||
                    prev.v === 'in' || prev.v === 'of' || prev.v === 'case')) {
          kind = 'object';
        }
      }
      push(T_PUNCT, '{', start);
      ArrayPrototypePush(braces, kind);
      i++;
      continue;
    }
    if (ch === '}') {
      const kind = braces.pop();
      if (kind === 'tpl') {
        i++;
        scanTemplate();
        continue;
      }
      lastBraceWasBlock = kind === 'block';
      push(T_PUNCT, '}', start);
      i++;
      continue;
    }
    if (ch === '(') {
      ArrayPrototypePush(parens, prev !== undefined && prev.t === T_ID &&
                         statementParenKeyword.has(prev.v));
      push(T_PUNCT, '(', start);
      i++;
      continue;
    }
    if (ch === ')') {
      lastParenWasStatement = parens.pop() === true;
      push(T_PUNCT, ')', start);
      i++;
      continue;
    }
    const three = StringPrototypeSlice(src, i, i + 3);
    if (three === '>>>' && src[i + 3] === '=') {
      push(T_PUNCT, '>>>=', start);
      i += 4;
      continue;
    }
    if (punctuators3.has(three)) {
      push(T_PUNCT, three, start);
      i += 3;
      continue;
    }
    const two = StringPrototypeSlice(src, i, i + 2);
    if (punctuators2.has(two) && !(two === '?.' && src[i + 2] >= '0' &&
                                   src[i + 2] <= '9')) {
      push(T_PUNCT, two, start);
      i += 2;
      continue;
    }
    push(T_PUNCT, ch, start);
    i++;
  }
  return tokens;
}

function isPunct(tok, v) {
  return tok !== undefined && tok.t === T_PUNCT && tok.v === v;
}

function isId(tok, v) {
  return tok !== undefined && tok.t === T_ID &&
    (v === undefined || tok.v === v);
}

/* An assignment as the export lexer sees it: any token starting with '='
 * (so `exports.x == y` counts too, as in Node). */
function isAssign(tok) {
  return isPunct(tok, '=') || isPunct(tok, '==') || isPunct(tok, '===');
}

/* Babel's re-export loop head from k (at 'function'):
 * function (key) { if (key === "default" || key === "__esModule") return; */
function isBabelReexportBody(tokens, k) {
  if (!isId(tokens[k], 'function') || !isPunct(tokens[k + 1], '(') ||
      !isId(tokens[k + 2]) || !isPunct(tokens[k + 3], ')') ||
      !isPunct(tokens[k + 4], '{') || !isId(tokens[k + 5], 'if') ||
      !isPunct(tokens[k + 6], '(')) {
    return false;
  }
  const key = tokens[k + 2].v;
  const names = [];
  let j = k + 7;
  for (let n = 0; n < 2; n++) {
    if (!isId(tokens[j], key) || !isPunct(tokens[j + 1], '===') ||
        tokens[j + 2]?.t !== T_STR) {
      return false;
    }
    ArrayPrototypePush(names, decodeString(tokens[j + 2].v));
    j += 3;
    if (n === 0) {
      if (!isPunct(tokens[j], '||')) return false;
      j++;
    }
  }
  if (!isPunct(tokens[j], ')') || !isId(tokens[j + 1], 'return')) return false;
  return (names[0] === 'default' && names[1] === '__esModule') ||
    (names[0] === '__esModule' && names[1] === 'default');
}

/* `require ( 'x' )` at k: the specifier, or undefined. */
function requireAt(tokens, k) {
  if (isId(tokens[k], 'require') && isPunct(tokens[k + 1], '(') &&
      tokens[k + 2]?.t === T_STR && isPunct(tokens[k + 3], ')')) {
    return decodeString(tokens[k + 2].v);
  }
  return undefined;
}

/* Index of the token after `exports` / `module.exports` starting at k
 * (k at 'exports' or 'module'), or -1. The token before k must not be a
 * '.' (x.exports is someone else's). */
function exportsObjectEnd(tokens, k) {
  if (isPunct(tokens[k - 1], '.') || isPunct(tokens[k - 1], '?.')) return -1;
  if (isId(tokens[k], 'exports')) return k + 1;
  if (isId(tokens[k], 'module') && isPunct(tokens[k + 1], '.') &&
      isId(tokens[k + 2], 'exports')) {
    return k + 3;
  }
  return -1;
}

/* Parses `{ ... }` of module.exports = { } from k (at '{'). */
function parseObjectLiteral(tokens, k, exports, reexports) {
  k++;
  while (k < tokens.length) {
    const tok = tokens[k];
    if (isPunct(tok, '}')) return;
    if (isPunct(tok, '...')) {
      const spec = requireAt(tokens, k + 1);
      if (spec !== undefined) {
        ArrayPrototypePush(reexports, spec);
        k += 5;
      } else if (isId(tokens[k + 1])) {
        k += 2;
      } else {
        return;
      }
    } else if (tok.t === T_ID || tok.t === T_STR) {
      const name = tok.t === T_STR ? decodeString(tok.v) : tok.v;
      const next = tokens[k + 1];
      if (isPunct(next, ':')) {
        /* Only an identifier value counts; the scan goes on only when a
         * ',' or '}' follows it. */
        if (!isId(tokens[k + 2])) return;
        if (name !== undefined) exports.add(name);
        k += 3;
      } else if (tok.t === T_ID) {
        exports.add(name);
        k++;
      } else {
        return;
      }
    } else {
      return;
    }
    if (isPunct(tokens[k], ',')) k++;
    else if (!isPunct(tokens[k], '}')) return;
  }
}

/* Whether tokens from k form `return a.b['c'] ;? }` (a simple getter). */
function isSimpleGetterBody(tokens, k) {
  if (!isId(tokens[k], 'return') || !isId(tokens[k + 1])) return false;
  let j = k + 2;
  if (isPunct(tokens[j], '.') && isId(tokens[j + 1])) {
    j += 2;
  } else if (isPunct(tokens[j], '[') && tokens[j + 1]?.t === T_STR &&
             isPunct(tokens[j + 2], ']')) {
    j += 3;
  }
  if (isPunct(tokens[j], ';')) j++;
  return isPunct(tokens[j], '}');
}

/* Object.defineProperty(exports, 'name', { ... }) descriptor check from k
 * (at '{'): `value` first, or `enumerable: true` followed by `value` or
 * a getter returning an identifier (x, x.y or x['y']). */
function isExportDescriptor(tokens, k) {
  let j = k + 1;
  if (isId(tokens[j], 'value') && isPunct(tokens[j + 1], ':')) return true;
  if (!isId(tokens[j], 'enumerable') || !isPunct(tokens[j + 1], ':') ||
      !isId(tokens[j + 2], 'true') || !isPunct(tokens[j + 3], ',')) {
    return false;
  }
  j += 4;
  if (isId(tokens[j], 'value') && isPunct(tokens[j + 1], ':')) return true;
  if (!isId(tokens[j], 'get')) return false;
  let b;
  if (isPunct(tokens[j + 1], '(')) {
    if (!isPunct(tokens[j + 2], ')') || !isPunct(tokens[j + 3], '{')) {
      return false;
    }
    b = j + 4;
  } else if (isPunct(tokens[j + 1], ':') && isId(tokens[j + 2], 'function')) {
    let f = j + 3;
    if (isId(tokens[f])) f++;
    if (!isPunct(tokens[f], '(') || !isPunct(tokens[f + 1], ')') ||
        !isPunct(tokens[f + 2], '{')) {
      return false;
    }
    b = f + 3;
  } else {
    return false;
  }
  return isSimpleGetterBody(tokens, b);
}

/* Returns { exports: [names], reexports: [specifiers] } for CommonJS
 * source text `source`. */
function parse(source) {
  const tokens = tokenize(`${source}`);
  const exports = new SafeSet();
  const reexports = [];
  /* Babel: identifiers bound to require('x'). */
  const requireBindings = new SafeMap();
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k];
    if (tok.t !== T_ID) continue;
    const v = tok.v;
    if (v === 'exports' || v === 'module') {
      const e = exportsObjectEnd(tokens, k);
      if (e === -1) continue;
      const a = tokens[e];
      if (isPunct(a, '.') && isId(tokens[e + 1]) && isAssign(tokens[e + 2])) {
        exports.add(tokens[e + 1].v);
      } else if (isPunct(a, '[') && tokens[e + 1]?.t === T_STR &&
                 isPunct(tokens[e + 2], ']') && isAssign(tokens[e + 3])) {
        const name = decodeString(tokens[e + 1].v);
        if (name !== undefined) exports.add(name);
      } else if (v === 'module' && isPunct(a, '=')) {
        /* A new module.exports replaces what earlier re-exports gave. */
        const spec = requireAt(tokens, e + 1);
        if (spec !== undefined) {
          reexports.length = 0;
          ArrayPrototypePush(reexports, spec);
        } else if (isPunct(tokens[e + 1], '{')) {
          reexports.length = 0;
          parseObjectLiteral(tokens, e + 1, exports, reexports);
        }
      }
    } else if (v === 'Object' && isPunct(tokens[k + 1], '.')) {
      const m = tokens[k + 2];
      if (isId(m, 'defineProperty') && isPunct(tokens[k + 3], '(')) {
        const e = exportsObjectEnd(tokens, k + 4);
        if (e === -1 || !isPunct(tokens[e], ',') ||
            tokens[e + 1]?.t !== T_STR || !isPunct(tokens[e + 2], ',') ||
            !isPunct(tokens[e + 3], '{')) {
          continue;
        }
        const name = decodeString(tokens[e + 1].v);
        if (name !== undefined && isExportDescriptor(tokens, e + 3)) {
          exports.add(name);
        }
      } else if (isId(m, 'keys') && isPunct(tokens[k + 3], '(') &&
                 isId(tokens[k + 4]) && isPunct(tokens[k + 5], ')') &&
                 isPunct(tokens[k + 6], '.') &&
                 isId(tokens[k + 7], 'forEach') &&
                 isPunct(tokens[k + 8], '(') &&
                 isBabelReexportBody(tokens, k + 9)) {
        const spec = requireBindings.get(tokens[k + 4].v);
        if (spec !== undefined) ArrayPrototypePush(reexports, spec);
      }
    } else if (v === '__exportStar' || v === '__export') {
      const j = k + 1;
      if (!isPunct(tokens[j], '(')) continue;
      const spec = requireAt(tokens, j + 1);
      if (spec !== undefined) ArrayPrototypePush(reexports, spec);
    } else if ((v === 'var' || v === 'let' || v === 'const') &&
               isId(tokens[k + 1]) && isAssign(tokens[k + 2])) {
      let j = k + 3;
      if (isId(tokens[j]) && tokens[j].v !== 'require' &&
          isPunct(tokens[j + 1], '(')) {
        j += 2;
      }
      const spec = requireAt(tokens, j);
      if (spec !== undefined) requireBindings.set(tokens[k + 1].v, spec);
    }
  }
  return { exports: [...exports], reexports };
}

/* Whether `source` has top-level import or export declarations (an ES
 * module by its syntax). */
function hasModuleSyntax(source) {
  let tokens;
  try {
    tokens = tokenize(`${source}`);
  } catch {
    return false;
  }
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k];
    if (tok.t !== T_ID || tok.d !== 0) continue;
    if (isPunct(tokens[k - 1], '.') || isPunct(tokens[k - 1], '?.')) continue;
    if (tok.v === 'export') {
      const next = tokens[k + 1];
      if (isPunct(next, '{') || isPunct(next, '*') || isId(next)) return true;
    } else if (tok.v === 'import') {
      const next = tokens[k + 1];
      if (next === undefined || isPunct(next, '(') || isPunct(next, '.')) {
        continue;
      }
      return true;
    }
  }
  return false;
}

module.exports = { parse, hasModuleSyntax, tokenize };
