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

const kDisabledMessage = '\nPersistent history support disabled. Set the ' +
  'NODE_REPL_HISTORY environment\nvariable to a valid, user-writable path ' +
  'to enable.\n';

/* The file `historyFile` names: the default ~/.node_repl_history when
 * undefined or null, none ('') when it is empty or whitespace. Throws when
 * the home directory cannot be found. */
function resolveHistoryPath(historyFile) {
  if (historyFile === undefined || historyFile === null) {
    return path.join(os.homedir(), '.node_repl_history');
  }
  if (StringPrototypeTrim(`${historyFile}`) === '') return '';
  return `${historyFile}`;
}

/* Writes `message` below the prompt, which a terminal then shows again. */
function warn(server, message) {
  server._writeToOutput(message);
  if (server.terminal) server._refreshLine();
}

/* Without persistent history, the first look into the history (Up) says
 * so once. */
function explainDisabledOnce(server) {
  server._historyPrev = function historyPrevExplained() {
    delete this._historyPrev;
    this._writeToOutput(kDisabledMessage);
    this._refreshLine();
  };
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
  let file;
  try {
    file = resolveHistoryPath(historyFile);
  } catch {
    warn(server, '\nError: Could not get the home directory.\n' +
         'REPL session history will not be persisted.\n');
    file = '';
  }
  if (file === '') {
    explainDisabledOnce(server);
    process.nextTick(cb, null, server);
    return;
  }
  try {
    server.history = readHistory(file, server.historySize);
    fs.closeSync(fs.openSync(file, 'a', 0o600));
  } catch {
    warn(server, '\nError: Could not open history file.\n' +
         'REPL session history will not be persisted.\n');
    explainDisabledOnce(server);
    process.nextTick(cb, null, server);
    return;
  }
  server.on('history', (history) => saveHistory(server, file, history));
  process.nextTick(cb, null, server);
}

/* Rewrites `file` with `history` (newest first), as many lines as the
 * server keeps. */
function saveHistory(server, file, history) {
  const lines = ArrayPrototypeSlice(history, 0, server.historySize);
  try {
    fs.writeFileSync(file, ArrayPrototypeJoin(lines, '\n'), { mode: 0o600 });
  } catch {
    // A full disk or a removed directory must not stop the REPL.
  }
}

module.exports = { setupHistory };
