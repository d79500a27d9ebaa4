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
  ArrayPrototypePushApply,
  ArrayPrototypeSort,
  ObjectGetOwnPropertyNames,
  ObjectGetPrototypeOf,
  ObjectKeys,
  RegExpPrototypeExec,
  SafeSet,
  StringPrototypeLastIndexOf,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
  StringPrototypeToLowerCase,
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
  /\b(require|import)\s*\(\s*(['"`])((?:[\w@./:-]+\/)?[\w@./:-]*)$/;
const kFsCall = /\bfs(?:\.promises)?\.\s*[a-z][a-zA-Z]+\(\s*["'](.*)$/;
// Legacy accessor helpers nobody means to type.
const kHiddenNames = new SafeSet([
  '__defineGetter__', '__defineSetter__', '__lookupGetter__',
  '__lookupSetter__',
]);
const kMemberChain =
  /(?:[\p{ID_Start}$_][\p{ID_Continue}$]*(?:\?\.|\.))*(?:[\p{ID_Start}$_][\p{ID_Continue}$]*)?$/u;
// A property of a string, template (without substitutions) or empty array
// literal: `''.a`, `("").a`, `[].a`.
const kLiteralMember =
  /((?:'[^'\\]*'|"[^"\\]*"|`[^`\\$]*`|\(\s*(?:'[^'\\]*'|"[^"\\]*")\s*\)|\[\s*\]))\.([\p{ID_Continue}$]*)$/u;
const kModuleExtensions = ['.js', '.json', '.node', '.cjs', '.mjs'];

/* Merges completion groups (given closest first: own properties before
 * inherited ones) into one list: entries starting with `prefix` (ignoring
 * case), each group sorted, a name offered once (by its closest group),
 * the closest group last, groups separated by ''. */
function flattenGroups(groups, prefix) {
  const lowerPrefix = StringPrototypeToLowerCase(prefix);
  const seen = new SafeSet();
  const kept = [];
  for (let g = 0; g < groups.length; g++) {
    const group = [];
    for (let i = 0; i < groups[g].length; i++) {
      const name = groups[g][i];
      if (seen.has(name) || name === '' ||
          !StringPrototypeStartsWith(StringPrototypeToLowerCase(name),
                                     lowerPrefix)) {
        continue;
      }
      seen.add(name);
      ArrayPrototypePush(group, name);
    }
    if (group.length > 0) ArrayPrototypePush(kept, ArrayPrototypeSort(group));
  }
  const out = [];
  for (let g = kept.length - 1; g >= 0; g--) {
    if (out.length > 0) ArrayPrototypePush(out, '');
    for (let i = 0; i < kept[g].length; i++) {
      ArrayPrototypePush(out, kept[g][i]);
    }
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
        (name) => RegExpPrototypeExec(kIdentifier, name) !== null &&
          !kHiddenNames.has(name)));
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

/* Global names, closest first: inherited names of the global object,
 * its own names (with those declared by let/const/class), then keywords
 * (listed first). */
function globalGroups(server) {
  const objectGroups = propertyGroups(evaluateChain(server, 'globalThis'));
  const groups = [];
  for (let i = objectGroups.length - 1; i >= 1; i--) {
    ArrayPrototypePush(groups, objectGroups[i]);
  }
  const own = [...server.lexicalNames];
  if (!server.useGlobal) {
    ArrayPrototypePushApply(own, ObjectGetOwnPropertyNames(server.context));
  }
  if (objectGroups.length > 0) ArrayPrototypePushApply(own, objectGroups[0]);
  ArrayPrototypePush(groups, own);
  ArrayPrototypePush(groups, kKeywords);
  return groups;
}

/* Entries of `dir` as require() would take them (directories as `name`
 * and `name/`, module files without their extension) or, `forImport`, as
 * import() would (directories as `name/`, files with their extension). */
function moduleEntries(dir, forImport) {
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
      if (!forImport) ArrayPrototypePush(names, name);
      ArrayPrototypePush(names, `${name}/`);
      continue;
    }
    const ext = path.extname(name);
    if (forImport) {
      ArrayPrototypePush(names, name);
      continue;
    }
    if (ArrayPrototypeIncludes(kModuleExtensions, ext)) {
      ArrayPrototypePush(names, StringPrototypeSlice(name, 0, -ext.length));
    }
  }
  return names;
}

/* Completions for a require('partial (or import('partial): core modules (node:-prefixed and
 * bare), then relative paths or packages in node_modules folders. */
function completeRequire(server, partial, forImport) {
  if (partial === '.' || partial === '..') {
    return flattenGroups([['./', '../']], partial);
  }
  const groups = [];
  const isRelative = StringPrototypeStartsWith(partial, './') ||
    StringPrototypeStartsWith(partial, '../') ||
    StringPrototypeStartsWith(partial, '/');
  const slash = StringPrototypeLastIndexOf(partial, '/');
  const subdir = slash === -1 ? '' : StringPrototypeSlice(partial, 0,
                                                           slash + 1);
  const dirs = isRelative ? [process.cwd()] :
    (server.context.module?.paths || []);
  const found = [];
  for (let i = 0; i < dirs.length; i++) {
    const names = moduleEntries(path.resolve(dirs[i], subdir),
                                forImport && isRelative);
    for (let j = 0; j < names.length; j++) {
      ArrayPrototypePush(found, subdir + names[j]);
    }
  }
  ArrayPrototypePush(groups, found);
  if (!isRelative) {
    const { builtinModules } = require('repl');
    const { Module } = require('internal/modules/cjs/loader');
    ArrayPrototypePush(groups, builtinModules);
    ArrayPrototypePush(groups, ArrayPrototypeMap(
      ArrayPrototypeFilter(Module.builtinModules,
                           (name) => name[0] !== '_'),
      (name) => `node:${name}`));
  }
  return flattenGroups(groups, partial);
}

/* [completions, completedPart] for a file path being typed
 * (fs.readFileSync('partial): the names in its directory (in itself when
 * it names one) that start with its last part, directories ending with
 * `/`. */
function completePath(partial) {
  let slash = StringPrototypeLastIndexOf(partial, '/');
  try {
    // A directory named in full lists its contents.
    if (partial !== '' && fs.statSync(partial).isDirectory()) {
      partial += '/';
      slash = partial.length - 1;
    }
  } catch {
    // Not there (yet): complete its name.
  }
  const dirPart = StringPrototypeSlice(partial, 0, slash + 1);
  const base = StringPrototypeSlice(partial, slash + 1);
  let entries;
  try {
    entries = fs.readdirSync(path.resolve(dirPart || '.'),
                             { withFileTypes: true });
  } catch {
    return [[], base];
  }
  const names = [];
  for (let i = 0; i < entries.length; i++) {
    const name = entries[i].name;
    if (!StringPrototypeStartsWith(name, base)) continue;
    ArrayPrototypePush(names, name + (entries[i].isDirectory() ? '/' : ''));
  }
  return [ArrayPrototypeSort(names), base];
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
    const partial = request[3];
    cb(null, [completeRequire(server, partial, request[1] === 'import'),
              partial]);
    return;
  }
  const fsCall = RegExpPrototypeExec(kFsCall, line);
  if (fsCall !== null) {
    cb(null, completePath(fsCall[1]));
    return;
  }
  if (RegExpPrototypeExec(/(?:^\s*|[\p{ID_Continue}$.])$/u, line) === null) {
    cb(null, [[], undefined]);
    return;
  }
  const literal = RegExpPrototypeExec(kLiteralMember, line);
  if (literal !== null) {
    const value = vm.runInThisContext(literal[1]);
    const head = `${literal[1]}.`;
    const names = flattenGroups(propertyGroups(value), literal[2]);
    cb(null, [ArrayPrototypeMap(names, (name) => (name === '' ? '' :
      head + name)), head + literal[2]]);
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

/* The longest start shared by all non-empty entries of `list`. */
function commonPrefix(list) {
  let prefix = null;
  for (let i = 0; i < list.length; i++) {
    const entry = list[i];
    if (entry === '') continue;
    if (prefix === null) {
      prefix = entry;
      continue;
    }
    let n = 0;
    while (n < prefix.length && n < entry.length && prefix[n] === entry[n]) {
      n++;
    }
    prefix = StringPrototypeSlice(prefix, 0, n);
  }
  return prefix ?? '';
}

module.exports = { complete, commonPrefix };
