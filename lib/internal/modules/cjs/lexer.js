'use strict';
/* lexer.js (cjs) - finds the names a CommonJS module exports, by reading
 * its source (not running it), so that `import { x } from './file.cjs'`
 * works: exports.x = / module.exports.x = / Object.defineProperty(exports,
 * 'x', ...) / module.exports = { x, y: ... } / __esModule, and re-exports
 * module.exports = require('./other') / __exportStar(require('./other')). */

const {
  ArrayPrototypePush,
  RegExpPrototypeExec,
  SafeSet,
  StringPrototypeCharCodeAt,
  StringPrototypeSlice,
} = primordials;

/* Replaces comments, string contents, template contents and regular
 * expression bodies with spaces (keeping quotes), so the patterns below
 * only ever match code. Strings used as keys are kept in `strings` by
 * their offset. */
function blankNonCode(src) {
  const out = [];
  const n = src.length;
  let i = 0;
  let last = 0;
  let prevSignificant = '';
  const flush = (end) => {
    if (end > last) ArrayPrototypePush(out, StringPrototypeSlice(src, last, end));
  };
  const blank = (start, end) => {
    flush(start);
    let s = '';
    for (let k = start; k < end; k++) s += src[k] === '\n' ? '\n' : ' ';
    ArrayPrototypePush(out, s);
    last = end;
  };
  while (i < n) {
    const c = src[i];
    if (c === '/' && src[i + 1] === '/') {
      let j = i + 2;
      while (j < n && src[j] !== '\n') j++;
      blank(i, j);
      i = j;
    } else if (c === '/' && src[i + 1] === '*') {
      let j = i + 2;
      while (j < n && !(src[j] === '*' && src[j + 1] === '/')) j++;
      blank(i, j + 2);
      i = j + 2;
    } else if (c === '\'' || c === '"') {
      let j = i + 1;
      while (j < n && src[j] !== c && src[j] !== '\n') {
        if (src[j] === '\\') j++;
        j++;
      }
      /* Keep short identifier-like strings (keys, require paths). */
      const body = StringPrototypeSlice(src, i + 1, j);
      if (RegExpPrototypeExec(/^[\w$@./\-:#~]*$/, body) === null) {
        blank(i + 1, j);
      }
      i = j + 1;
      prevSignificant = 'str';
    } else if (c === '`') {
      let j = i + 1;
      while (j < n && src[j] !== '`') {
        if (src[j] === '\\') j++;
        j++;
      }
      blank(i + 1, j);
      i = j + 1;
      prevSignificant = 'str';
    } else if (c === '/' && (prevSignificant === '' ||
                             /[(,=:[!&|?{};+\-*%<>~^]$/.test(prevSignificant))) {
      /* A regular expression literal. */
      let j = i + 1;
      let inClass = false;
      while (j < n && src[j] !== '\n') {
        if (src[j] === '\\') {
          j += 2;
          continue;
        }
        if (src[j] === '[') inClass = true;
        else if (src[j] === ']') inClass = false;
        else if (src[j] === '/' && !inClass) break;
        j++;
      }
      blank(i + 1, j);
      i = j + 1;
      prevSignificant = 'regex';
    } else {
      if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') {
        prevSignificant = RegExpPrototypeExec(/[\w$)\]]/, c) !== null ?
          'word' : c;
      }
      i++;
    }
  }
  flush(n);
  return out.join('');
}

const identifier = '[A-Za-z_$][\\w$]*';

/* Returns { exports: [names], reexports: [specifiers] }. */
function parse(source) {
  const code = blankNonCode(`${source}`);
  const exports = new SafeSet();
  const reexports = [];
  let m;

  const dotAssign = new RegExp(
    `(?:^|[^.\\w$])(?:module\\s*\\.\\s*)?exports\\s*\\.\\s*(${identifier})` +
    '\\s*=[^=]', 'g');
  while ((m = dotAssign.exec(code)) !== null) exports.add(m[1]);

  const bracketAssign = new RegExp(
    '(?:^|[^.\\w$])(?:module\\s*\\.\\s*)?exports\\s*\\[\\s*([\'"])' +
    '([^\'"]+)\\1\\s*\\]\\s*=[^=]', 'g');
  while ((m = bracketAssign.exec(code)) !== null) exports.add(m[2]);

  const defineProperty = new RegExp(
    'Object\\s*\\.\\s*defineProperty\\s*\\(\\s*(?:module\\s*\\.\\s*)?' +
    'exports\\s*,\\s*([\'"])([^\'"]+)\\1', 'g');
  while ((m = defineProperty.exec(code)) !== null) exports.add(m[2]);

  /* module.exports = { a, b: 1, 'c': 2, ...require('x') } */
  const objectAssign = /(?:^|[^.\w$])module\s*\.\s*exports\s*=\s*\{/g;
  while ((m = objectAssign.exec(code)) !== null) {
    let i = m.index + m[0].length;
    let depth = 1;
    let start = i;
    const entries = [];
    for (; i < code.length && depth > 0; i++) {
      const c = code[i];
      if (c === '{' || c === '(' || c === '[') depth++;
      else if (c === '}' || c === ')' || c === ']') depth--;
      if ((c === ',' && depth === 1) || depth === 0) {
        ArrayPrototypePush(entries, StringPrototypeSlice(code, start, i));
        start = i + 1;
      }
    }
    for (const raw of entries) {
      const entry = raw.trim();
      let em;
      if ((em = RegExpPrototypeExec(
        /^\.\.\.\s*require\s*\(\s*(['"])([^'"]+)\1\s*\)$/, entry)) !== null) {
        ArrayPrototypePush(reexports, em[2]);
      } else if ((em = RegExpPrototypeExec(
        new RegExp(`^(${identifier})\\s*(?::|$|\\()`), entry)) !== null) {
        exports.add(em[1]);
      } else if ((em = RegExpPrototypeExec(
        /^(['"])([^'"]+)\1\s*:/, entry)) !== null) {
        exports.add(em[2]);
      }
    }
  }

  const requireAssign =
    /(?:^|[^.\w$])module\s*\.\s*exports\s*=\s*require\s*\(\s*(['"])([^'"]+)\1\s*\)/g;
  while ((m = requireAssign.exec(code)) !== null) {
    ArrayPrototypePush(reexports, m[2]);
  }

  const exportStar =
    /__exportStar\s*\(\s*require\s*\(\s*(['"])([^'"]+)\1\s*\)/g;
  while ((m = exportStar.exec(code)) !== null) {
    ArrayPrototypePush(reexports, m[2]);
  }

  void StringPrototypeCharCodeAt;
  return { exports: [...exports], reexports };
}

module.exports = { parse };
