'use strict';
/* await.js (repl) - rewrites input that uses top-level `await` into an
 * async function call whose declarations stay visible to later lines. */

const {
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  SafeSet,
  StringPrototypeSlice,
} = primordials;

const { scan } = require('internal/repl/scan');

/* Names that expect an operand after them: a line break after one of
 * these never ends a statement. */
const kOperatorWords = new SafeSet([
  'in', 'instanceof', 'of', 'typeof', 'new', 'delete', 'void', 'await',
  'yield', 'return', 'throw', 'case', 'extends',
]);
const kContinuationWords = new SafeSet(['else', 'catch', 'finally', 'while']);
const kStatementWords = new SafeSet([
  'if', 'for', 'while', 'do', 'try', 'switch', 'return', 'throw', 'break',
  'continue', 'import', 'export', 'debugger', 'with',
]);

function isOpen(t) {
  return t.type === 'punct' &&
    (t.value === '(' || t.value === '[' || t.value === '{');
}

function isClose(t) {
  return t.type === 'punct' &&
    (t.value === ')' || t.value === ']' || t.value === '}');
}

/* Depth change a token makes (template chunks open and close ${ }). */
function depthDelta(t) {
  if (isOpen(t)) return 1;
  if (isClose(t)) return -1;
  if (t.type === 'template') {
    return (StringPrototypeSlice(t.value, -2) === '${' ? 1 : 0) -
      (t.value[0] === '}' ? 1 : 0);
  }
  return 0;
}

/* Whether a statement may end after token `t` (it completes a value). */
function endsValue(t) {
  if (t.type === 'name') return !kOperatorWords.has(t.value);
  if (t.type === 'template') return t.value[t.value.length - 1] === '`';
  if (t.type === 'punct') {
    return t.value === ')' || t.value === ']' || t.value === '}' ||
      t.value === '++' || t.value === '--';
  }
  return true;
}

/* Whether token `t` can only start a new statement, not continue one. */
function startsStatement(t) {
  if (t.type === 'name') {
    return t.value !== 'in' && t.value !== 'instanceof' && t.value !== 'of';
  }
  if (t.type === 'template') return t.value[0] === '`';
  if (t.type === 'punct') {
    return t.value === '{' || t.value === '!' || t.value === '~' ||
      t.value === '++' || t.value === '--';
  }
  return true;
}

/* Splits tokens into top-level statements: [{ first, last }] (token
 * indices, inclusive), following `;`, blocks and automatic semicolon
 * insertion at line breaks. */
function splitStatements(tokens) {
  const statements = [];
  let first = 0;
  let depth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    depth += depthDelta(t);
    if (depth !== 0) continue;
    const next = tokens[i + 1];
    let end = next === undefined;
    if (t.type === 'punct' && t.value === ';') {
      end = true;
    } else if (next !== undefined && next.newlineBefore && endsValue(t) &&
               startsStatement(next) && !kContinuationWords.has(next.value)) {
      end = true;
    } else if (next !== undefined && t.type === 'punct' && t.value === '}' &&
               isBlockStatement(tokens[first]) &&
               !(next.type === 'name' && kContinuationWords.has(next.value))) {
      end = true;
    }
    if (end) {
      ArrayPrototypePush(statements, { first, last: i });
      first = i + 1;
    }
  }
  return statements;
}

function isBlockStatement(t) {
  if (t.type === 'punct') return t.value === '{';
  return t.type === 'name' && (kStatementWords.has(t.value) ||
    t.value === 'function' || t.value === 'class' || t.value === 'async');
}

/* Binding names in the pattern tokens[from..to] (inclusive): names followed
 * by `,`, `=`, a closing bracket or the end, skipping default values and
 * object keys. */
function patternNames(tokens, from, to, names) {
  let skipDepth = -1;
  let depth = 0;
  for (let i = from; i <= to; i++) {
    const t = tokens[i];
    depth += depthDelta(t);
    if (skipDepth !== -1) {
      if (depth < skipDepth || (depth === skipDepth && t.value === ',')) {
        skipDepth = -1;
      }
      continue;
    }
    if (t.type === 'punct' && t.value === '=') {
      skipDepth = depth;
      continue;
    }
    if (t.type !== 'name') continue;
    const next = tokens[i + 1];
    if (i === to || next.value === ',' || next.value === '=' ||
        next.value === '}' || next.value === ']') {
      ArrayPrototypePush(names, t.value);
    }
  }
}

/* Rewrites `var|let|const a = x, {b} = y` (tokens[first..last]) into
 * `void (a = x, {b} = y);`, adding the bound names to `names`. */
function rewriteDeclaration(code, tokens, first, last, names) {
  if (tokens[last].value === ';') last--;
  const assignments = [];
  let start = first + 1;
  let depth = 0;
  let equals = -1;
  for (let i = start; i <= last + 1; i++) {
    const t = tokens[i];
    if (i > last || (depth === 0 && t.value === ',')) {
      patternNames(tokens, start, equals === -1 ? i - 1 : equals - 1, names);
      if (equals !== -1) {
        ArrayPrototypePush(assignments, StringPrototypeSlice(
          code, tokens[start].start, tokens[i - 1].end));
      }
      start = i + 1;
      equals = -1;
      continue;
    }
    depth += depthDelta(t);
    if (depth === 0 && equals === -1 && t.value === '=') equals = i;
  }
  if (assignments.length === 0) return '';
  return `void (${ArrayPrototypeJoin(assignments, ', ')});`;
}

/* Whether tokens[first] starts a var/let/const declaration. */
function isDeclaration(tokens, first) {
  const head = tokens[first];
  if (head.type !== 'name') return false;
  if (head.value === 'var' || head.value === 'const') return true;
  const next = tokens[first + 1];
  return head.value === 'let' && next !== undefined &&
    (next.type === 'name' || next.value === '{' || next.value === '[');
}

/* The name token index of a `[async] function [*] name` or `class name`
 * declaration starting at tokens[first], or -1. */
function declaredNameIndex(tokens, first) {
  let i = first;
  if (tokens[i].value === 'async') i++;
  if (tokens[i]?.value === 'class') {
    return tokens[i + 1]?.type === 'name' ? i + 1 : -1;
  }
  if (tokens[i]?.value !== 'function') return -1;
  i++;
  if (tokens[i]?.value === '*') i++;
  return tokens[i]?.type === 'name' ? i : -1;
}

/* Whether a name token `await` occurs in `tokens`. */
function usesAwait(tokens) {
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i].type === 'name' && tokens[i].value === 'await') return true;
  }
  return false;
}

/* Whether the statement tokens[first..] is an expression statement (not a
 * block, keyword statement or label). */
function isExpressionStatement(tokens, first) {
  const head = tokens[first];
  return !isBlockStatement(head) &&
    !(head.type === 'name' && tokens[first + 1]?.value === ':');
}

/* Rewrites the statements for the body of an async function: declarations
 * become assignments to names declared outside (`out.varNames`,
 * `out.letNames`), function declarations move to `out.hoisted`, and a
 * final expression statement returns { value }. */
function rewriteStatements(code, tokens, statements, out) {
  for (let s = 0; s < statements.length; s++) {
    const { first, last } = statements[s];
    const head = tokens[first];
    const text = StringPrototypeSlice(code, head.start, tokens[last].end);
    if (isDeclaration(tokens, first)) {
      ArrayPrototypePush(out.body, rewriteDeclaration(
        code, tokens, first, last,
        head.value === 'var' ? out.varNames : out.letNames));
      continue;
    }
    const nameIndex = head.type === 'name' ? declaredNameIndex(tokens, first) :
      -1;
    if (nameIndex !== -1) {
      const name = tokens[nameIndex].value;
      if (tokens[nameIndex - 1].value === 'class') {
        ArrayPrototypePush(out.letNames, name);
        ArrayPrototypePush(out.body, `${name} = ${text};`);
      } else {
        ArrayPrototypePush(out.varNames, name);
        ArrayPrototypePush(out.hoisted, `${name} = ${text};`);
      }
      continue;
    }
    if (s === statements.length - 1 && isExpressionStatement(tokens, first)) {
      const exprEnd = tokens[last].value === ';' ? last - 1 : last;
      const expr = StringPrototypeSlice(code, head.start, tokens[exprEnd].end);
      ArrayPrototypePush(out.body, `return { value: (${expr}\n) };`);
      continue;
    }
    ArrayPrototypePush(out.body, text);
  }
}

/* When `code` uses await outside any function, returns code that runs it
 * in an async arrow function and evaluates to a promise of
 * { value } (the value of its last expression statement); otherwise
 * returns null. */
function processTopLevelAwait(code) {
  const { tokens, open, incomplete, error } = scan(code);
  if (incomplete !== null || open.length > 0 || error) return null;
  if (!usesAwait(tokens)) return null;

  const out = { varNames: [], letNames: [], hoisted: [], body: [] };
  rewriteStatements(code, tokens, splitStatements(tokens), out);
  let prelude = '';
  if (out.varNames.length > 0) {
    prelude += `var ${ArrayPrototypeJoin(out.varNames, ', ')}; `;
  }
  if (out.letNames.length > 0) {
    prelude += `let ${ArrayPrototypeJoin(out.letNames, ', ')}; `;
  }
  return `${prelude}(async () => { ${ArrayPrototypeJoin(out.hoisted, '\n')}\n` +
    `${ArrayPrototypeJoin(out.body, ';\n')}\n})()`;
}

/* Names that the top-level let, const and class declarations of `code`
 * bind (they live in the global lexical scope, out of reach of property
 * enumeration). */
function topLevelLexicalNames(code) {
  const { tokens, open, incomplete } = scan(code);
  const names = [];
  if (incomplete !== null || open.length > 0) return names;
  const statements = splitStatements(tokens);
  for (let s = 0; s < statements.length; s++) {
    const { first, last } = statements[s];
    const head = tokens[first];
    if (head.value === 'class' && tokens[first + 1]?.type === 'name') {
      ArrayPrototypePush(names, tokens[first + 1].value);
    } else if ((head.value === 'let' || head.value === 'const') &&
               isDeclaration(tokens, first)) {
      rewriteDeclaration(code, tokens, first, last, names);
    }
  }
  return names;
}

module.exports = { processTopLevelAwait, topLevelLexicalNames };
