'use strict';
/* completion.js (repl) - TAB completion for the REPL: dot commands,
 * module names inside require('...'), properties after `expr.` and global
 * names. Results are [completions, completedPart]; groups of completions
 * are separated by '' entries. */

const {
  ArrayPrototypeFilter,
  ArrayPrototypeIncludes,
  ArrayPrototypeMap,
  ArrayPrototypePush,
  ArrayPrototypeSort,
  ObjectGetOwnPropertyNames,
  ObjectGetPrototypeOf,
  ObjectKeys,
  RegExpPrototypeExec,
  SafeSet,
  StringPrototypeLastIndexOf,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
} = primordials;

const fs = require('fs');
const path = require('path');
const vm = require('vm');

const kKeywords = [
  'async', 'await', 'break', 'case', 'catch', 'const', 'continue',
  'debugger', 'default', 'delete', 'do', 'else', 'export', 'false',
  'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'let',
  'new', 'null', 'return', 'switch', 'this', 'throw', 'true', 'try',
  'typeof', 'var', 'void', 'while', 'with', 'yield',
];
const kIdentifier = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*$/u;
const kRequireCall =
  /\brequire\s*\(\s*(['"`])((?:[\w@./:-]+\/)?[\w@./:-]*)$/;
const kMemberChain =
  /(?:[\p{ID_Start}$_][\p{ID_Continue}$]*(?:\?\.|\.))*(?:[\p{ID_Start}$_][\p{ID_Continue}$]*)?$/u;
const kModuleExtensions = ['.js', '.json', '.node', '.cjs', '.mjs'];

/* Keeps the entries of each group that start with `prefix`, drops empty
 * groups and names already offered, and joins the groups with ''. */
function flattenGroups(groups, prefix) {
  const seen = new SafeSet();
  const out = [];
  for (let g = 0; g < groups.length; g++) {
    const kept = [];
    const group = groups[g];
    for (let i = 0; i < group.length; i++) {
      const name = group[i];
      if (!StringPrototypeStartsWith(name, prefix) || seen.has(name)) continue;
      seen.add(name);
      ArrayPrototypePush(kept, name);
    }
    if (kept.length === 0) continue;
    if (out.length > 0) ArrayPrototypePush(out, '');
    ArrayPrototypeSort(kept);
    for (let i = 0; i < kept.length; i++) ArrayPrototypePush(out, kept[i]);
  }
  return out;
}

/* Property names of `value` and its prototypes, one group per level,
 * keeping names that are identifiers. Never throws. */
function propertyGroups(value) {
  const groups = [];
  if (value === null || value === undefined) return groups;
  let object = typeof value === 'object' || typeof value === 'function' ?
    value : Object(value);
  for (let depth = 0; object !== null && depth < 100; depth++) {
    try {
      ArrayPrototypePush(groups, ArrayPrototypeFilter(
        ObjectGetOwnPropertyNames(object),
        (name) => RegExpPrototypeExec(kIdentifier, name) !== null));
      object = ObjectGetPrototypeOf(object);
    } catch {
      break;
    }
  }
  return groups;
}

/* Evaluates the member chain `expr` (identifiers and dots only) in the
 * server's context; undefined when that throws. */
function evaluateChain(server, expr) {
  try {
    return server.useGlobal ? vm.runInThisContext(expr) :
      vm.runInContext(expr, server.context);
  } catch {
    return undefined;
  }
}

/* Global names: the context's own and inherited names, names declared
 * with let/const/class, then keywords. */
function globalGroups(server) {
  const global = evaluateChain(server, 'globalThis');
  const groups = propertyGroups(global);
  if (!server.useGlobal && groups.length > 0) {
    groups[0] = [...ObjectKeys(server.context), ...groups[0],
                 ...ObjectGetOwnPropertyNames(server.context)];
  }
  ArrayPrototypePush(groups, [...server.lexicalNames]);
  ArrayPrototypePush(groups, kKeywords);
  return groups;
}

/* Entries of `dir` as require() would take them: directories as `name`
 * and `name/`, module files without their extension. */
function moduleEntries(dir) {
  let entries;
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const names = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const name = entry.name;
    let isDir = entry.isDirectory();
    if (entry.isSymbolicLink()) {
      try {
        isDir = fs.statSync(path.join(dir, name)).isDirectory();
      } catch {
        continue;
      }
    }
    if (isDir) {
      ArrayPrototypePush(names, name, `${name}/`);
      continue;
    }
    const ext = path.extname(name);
    if (ArrayPrototypeIncludes(kModuleExtensions, ext)) {
      ArrayPrototypePush(names, StringPrototypeSlice(name, 0, -ext.length));
    }
  }
  return names;
}

/* Completions for a require('partial: core modules (node:-prefixed and
 * bare), then relative paths or packages in node_modules folders. */
function completeRequire(server, partial) {
  if (partial === '.' || partial === '..') {
    return flattenGroups([['./', '../']], partial);
  }
  const groups = [];
  const isRelative = StringPrototypeStartsWith(partial, './') ||
    StringPrototypeStartsWith(partial, '../') ||
    StringPrototypeStartsWith(partial, '/');
  if (!isRelative) {
    const { builtinModules } = require('repl');
    const { Module } = require('internal/modules/cjs/loader');
    ArrayPrototypePush(groups, ArrayPrototypeMap(
      ArrayPrototypeFilter(Module.builtinModules,
                           (name) => name[0] !== '_'),
      (name) => `node:${name}`));
    ArrayPrototypePush(groups, builtinModules);
  }
  const slash = StringPrototypeLastIndexOf(partial, '/');
  const subdir = slash === -1 ? '' : StringPrototypeSlice(partial, 0,
                                                           slash + 1);
  const dirs = isRelative ? [process.cwd()] :
    (server.context.module?.paths || []);
  const found = [];
  for (let i = 0; i < dirs.length; i++) {
    const names = moduleEntries(path.resolve(dirs[i], subdir));
    for (let j = 0; j < names.length; j++) {
      ArrayPrototypePush(found, subdir + names[j]);
    }
  }
  ArrayPrototypePush(groups, found);
  return flattenGroups(groups, partial);
}

/* Completes `line` for `server`; cb(null, [completions, completedPart]). */
function complete(server, line, cb) {
  const command = RegExpPrototypeExec(/^\s*\.(\w*)$/, line);
  if (command !== null) {
    const names = ArrayPrototypeFilter(
      ObjectKeys(server.commands),
      (name) => StringPrototypeStartsWith(name, command[1]));
    cb(null, [ArrayPrototypeSort(names), command[1]]);
    return;
  }
  const request = RegExpPrototypeExec(kRequireCall, line);
  if (request !== null) {
    cb(null, [completeRequire(server, request[2]), request[2]]);
    return;
  }
  if (RegExpPrototypeExec(/(?:^\s*|[\p{ID_Continue}$.])$/u, line) === null) {
    cb(null, [[], undefined]);
    return;
  }
  const chain = RegExpPrototypeExec(kMemberChain, line)[0];
  const before = line[line.length - chain.length - 1];
  if (before === '.' || before === ']' || before === ')') {
    // `f().x`, `a[0].x`: completing those would run code.
    cb(null, [[], chain]);
    return;
  }
  const dot = StringPrototypeLastIndexOf(chain, '.');
  if (dot === -1) {
    cb(null, [flattenGroups(globalGroups(server), chain), chain]);
    return;
  }
  const optional = chain[dot - 1] === '?';
  const expr = StringPrototypeSlice(chain, 0, optional ? dot - 1 : dot);
  const filter = StringPrototypeSlice(chain, dot + 1);
  const head = StringPrototypeSlice(chain, 0, dot + 1);
  const names = flattenGroups(propertyGroups(evaluateChain(server, expr)),
                              filter);
  cb(null, [ArrayPrototypeMap(names, (name) => (name === '' ? '' :
    head + name)), chain]);
}

module.exports = { complete };
