'use strict';
/* history.js (repl) - persistent REPL history: loads a history file
 * (newest line first, as Node writes it) and rewrites it as lines are
 * added. */

const {
  ArrayPrototypeJoin,
  ArrayPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeTrim,
} = primordials;

const fs = require('fs');
const path = require('path');
const os = require('os');

/* The file `historyFile` names: the default ~/.node_repl_history when
 * undefined or null, none ('') when it is empty or whitespace. */
function resolveHistoryPath(historyFile) {
  if (historyFile === undefined || historyFile === null) {
    return path.join(os.homedir(), '.node_repl_history');
  }
  if (StringPrototypeTrim(`${historyFile}`) === '') return '';
  return `${historyFile}`;
}

/* The lines stored in `file` (at most `size`), or [] when it does not
 * exist yet. Throws other read errors. */
function readHistory(file, size) {
  let data;
  try {
    data = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if (err.code === 'ENOENT') return [];
    throw err;
  }
  const lines = [];
  const all = StringPrototypeSplit(data, /[\n\r]+/);
  for (let i = 0; i < all.length && lines.length < size; i++) {
    if (all[i] !== '') lines[lines.length] = all[i];
  }
  return lines;
}

/* Gives `server` the history in `historyFile` and keeps that file up to
 * date (mode 0600). cb(null, server) once ready; when the file cannot be
 * used, the REPL says so and goes on without persistent history. */
function setupHistory(server, historyFile, cb) {
  if (typeof cb !== 'function') cb = () => {};
  const file = resolveHistoryPath(historyFile);
  if (file === '') {
    process.nextTick(cb, null, server);
    return;
  }
  try {
    const lines = readHistory(file, server.historySize);
    server.history = lines;
    const fd = fs.openSync(file, 'a', 0o600);
    fs.closeSync(fd);
  } catch {
    server.output.write('\nError: Could not open history file.\n' +
                        'REPL session history will not be persisted.\n');
    process.nextTick(cb, null, server);
    return;
  }
  server.on('history', (history) => {
    const lines = ArrayPrototypeSlice(history, 0, server.historySize);
    try {
      fs.writeFileSync(file, `${ArrayPrototypeJoin(lines, '\n')}\n`,
                       { mode: 0o600 });
    } catch {
      // A full disk or a removed directory must not stop the REPL.
    }
  });
  process.nextTick(cb, null, server);
}

module.exports = { setupHistory };
