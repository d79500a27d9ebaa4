'use strict';
/* regexp_statics.js (repl) - keeps RegExp.$1 ... $9 of REPL code from one
 * input to the next, although the REPL's own machinery runs regular
 * expressions in between. */

const {
  ArrayPrototypeJoin,
  SafeWeakMap,
  StringPrototypeRepeat,
} = primordials;

const vm = require('vm');

const kSeparator = '\u0000\u0000\u0000';
const kRestorePattern = `^${kSeparator}` +
  StringPrototypeRepeat(`([\\s\\S]*)${kSeparator}`, 8) + '([\\s\\S]*)$';

const regExpOf = new SafeWeakMap();

/* The RegExp constructor REPL code sees in `context` (globalThis when the
 * server uses the global context). */
function contextRegExp(server, context) {
  if (server.useGlobal) return RegExp;
  let ctor = regExpOf.get(context);
  if (ctor === undefined) {
    ctor = vm.runInContext('RegExp', context);
    regExpOf.set(context, ctor);
  }
  return ctor;
}

/* RegExp.$1 ... $9 as REPL code left them, or null when unreadable. */
function saveRegExpStatics(server, context) {
  try {
    const ctor = contextRegExp(server, context);
    return [ctor.$1, ctor.$2, ctor.$3, ctor.$4, ctor.$5, ctor.$6, ctor.$7,
            ctor.$8, ctor.$9];
  } catch {
    return null;
  }
}

/* Makes RegExp.$1 ... $9 `saved` again, by matching them with a regular
 * expression of the context. */
function restoreRegExpStatics(server, context, saved) {
  if (saved === null) return;
  try {
    const ctor = contextRegExp(server, context);
    const input = kSeparator + ArrayPrototypeJoin(saved, kSeparator);
    // The context's own exec: it is the one whose statics REPL code reads.
    new ctor(kRestorePattern).exec(input);
  } catch {
    // Patched RegExp: leave the statics alone.
  }
}

module.exports = { saveRegExpStatics, restoreRegExpStatics };
