'use strict';
/* junit.js (test_runner reporter) - the JUnit XML reporter: tests with
 * subtests become <testsuite>, the others <testcase>; diagnostics become
 * XML comments. */

const {
  ArrayPrototypePush,
  NumberPrototypeToFixed,
  RegExpPrototypeSymbolReplace,
  StringPrototypeRepeat,
} = primordials;

const { hostname } = require('os');
const { inspectWithNoCustomRetry } = require('internal/errors');

const kEscapes = { '&': '&amp;', '<': '&lt;', '"': '&quot;',
                   "'": '&apos;' };

function escapeAttribute(value) {
  return RegExpPrototypeSymbolReplace(/[&<"']/g, `${value}`,
                                      (c) => kEscapes[c]);
}

function escapeComment(value) {
  return RegExpPrototypeSymbolReplace(/--/g, `${value}`, '&#45;&#45;');
}

function attributes(attrs) {
  let out = '';
  for (const key in attrs) {
    if (attrs[key] === undefined) continue;
    out += ` ${key}="${escapeAttribute(attrs[key])}"`;
  }
  return out;
}

/* XML for one finished node of the tree, indented by `depth` tabs. */
function toXML(node, depth) {
  const pad = StringPrototypeRepeat('\t', depth);
  if (node.comment !== undefined) {
    return `${pad}<!-- ${escapeComment(node.comment)} -->\n`;
  }
  const data = node.data;
  const time = NumberPrototypeToFixed((data.details?.duration_ms ?? 0) / 1000,
                                      6);
  if (node.children.length > 0) {
    let tests = 0;
    let failures = 0;
    let skipped = 0;
    for (const child of node.children) {
      if (child.data === undefined) continue;
      tests++;
      if (child.data.details?.error) failures++;
      if (child.data.skip !== undefined || child.data.todo !== undefined) {
        skipped++;
      }
    }
    let out = `${pad}<testsuite${attributes({
      name: data.name, time, disabled: 0, errors: 0, tests, failures,
      skipped, hostname: hostname() })}>\n`;
    for (const child of node.children) out += toXML(child, depth + 1);
    return `${out}${pad}</testsuite>\n`;
  }
  const error = data.details?.error;
  const message = error ? RegExpPrototypeSymbolReplace(
    /\r?\n/g, `${error.message ?? error}`, '') : undefined;
  const head = `${pad}<testcase${attributes({
    name: data.name, time, classname: 'test', failure: message })}`;
  const inner = [];
  if (data.skip !== undefined) {
    ArrayPrototypePush(inner, `${pad}\t<skipped${attributes({
      type: 'skipped', message: data.skip })}/>\n`);
  } else if (data.todo !== undefined) {
    ArrayPrototypePush(inner, `${pad}\t<skipped${attributes({
      type: 'todo', message: data.todo })}/>\n`);
  }
  if (error) {
    ArrayPrototypePush(inner, `${pad}\t<failure${attributes({
      type: error.failureType, message })}>\n` +
      `${inspectWithNoCustomRetry(error, { breakLength: Infinity })}\n` +
      `${pad}\t</failure>\n`);
  }
  if (inner.length === 0) return `${head}/>\n`;
  let out = `${head}>\n`;
  for (let i = 0; i < inner.length; i++) out += inner[i];
  return `${out}${pad}</testcase>\n`;
}

/* JUnit XML for a stream of test events. */
async function* junitReporter(source) {
  yield '<?xml version="1.0" encoding="utf-8"?>\n';
  yield '<testsuites>\n';
  const root = { children: [] };
  let stack = [root];
  for await (const { type, data } of source) {
    const top = stack[stack.length - 1];
    switch (type) {
      case 'test:start': {
        const node = { data: undefined, children: [], nesting: data.nesting };
        ArrayPrototypePush(top.children, node);
        stack = [...stack, node];
        break;
      }
      case 'test:pass':
      case 'test:fail': {
        const node = stack.length > 1 ? stack[stack.length - 1] : null;
        if (node !== null) {
          node.data = data;
          stack = stack.slice(0, -1);
          if (data.nesting === 0) yield toXML(node, 1);
        }
        break;
      }
      case 'test:diagnostic': {
        const comment = { comment: data.message };
        if (stack.length > 1) {
          ArrayPrototypePush(top.children, comment);
        } else {
          yield toXML(comment, 1);
        }
        break;
      }
    }
  }
  yield '</testsuites>\n';
}

module.exports = junitReporter;
