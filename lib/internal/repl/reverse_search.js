'use strict';
/* reverse_search.js (repl) - Ctrl+R / Ctrl+S incremental search through
 * the REPL's history, shown below the line as "bck-i-search: query_". */

const {
  StringPrototypeIncludes,
  StringPrototypeLastIndexOf,
  StringPrototypeSlice,
  Symbol,
} = primordials;

const {
  clearScreenDown,
  cursorTo,
  moveCursor,
} = require('internal/readline/callbacks');

const kSearch = Symbol('reverseSearch');

/* Index of the first entry containing `query` from `start` going `step`
 * (+1 older, -1 newer), or -1. */
function findEntry(history, query, start, step) {
  for (let i = start; i >= 0 && i < history.length; i += step) {
    if (StringPrototypeIncludes(history[i], query)) return i;
  }
  return -1;
}

/* Width of the prompt on screen. */
function promptWidth(server) {
  return server._getDisplayPos(server.getPrompt()).cols;
}

/* Draws the matching entry (its last match underlined) and the search
 * line below it, the cursor left at the match. */
function render(server) {
  const state = server[kSearch];
  const output = server.output;
  const width = promptWidth(server);
  cursorTo(output, width);
  clearScreenDown(output);
  let column = width;
  if (state.index !== -1) {
    const entry = server.history[state.index];
    const at = StringPrototypeLastIndexOf(entry, state.query);
    const end = at + state.query.length;
    server._writeToOutput(StringPrototypeSlice(entry, 0, at) + '\x1b[4m' +
                          StringPrototypeSlice(entry, at, end) + '\x1b[24m' +
                          StringPrototypeSlice(entry, end));
    column += server._getDisplayPos(StringPrototypeSlice(entry, 0, at)).cols;
  }
  const label = state.failed ? 'failed-bck-i-search: ' : 'bck-i-search: ';
  server._writeToOutput(`\n${label}${state.query}_`);
  moveCursor(output, 0, -1);
  cursorTo(output, column);
}

/* Looks for the query again from `start` going `step`; a miss keeps the
 * previous match and marks the search failed. */
function search(server, start, step) {
  const state = server[kSearch];
  const found = findEntry(server.history, state.query, start, step);
  state.failed = found === -1;
  if (!state.failed) state.index = found;
  render(server);
}

/* Leaves search mode; with `accept` the matching entry becomes the line
 * (none after a failed search), otherwise the line typed before the
 * search comes back. */
function finish(server, accept) {
  const state = server[kSearch];
  server[kSearch] = null;
  cursorTo(server.output, promptWidth(server));
  clearScreenDown(server.output);
  let line = state.savedLine;
  if (accept) line = state.failed ? '' : (server.history[state.index] ?? '');
  server.line = line;
  server.cursor = line.length;
  server._refreshLine();
}

/* Handles key `key` (with text `d`) when it starts, drives or ends a
 * search; returns true when the key was used up, false when readline
 * should handle it (after an accepted search, for keys like Enter). */
function handleSearchKey(server, d, key) {
  const state = server[kSearch];
  if (!state) {
    if (!key || !key.ctrl || key.meta || key.name !== 'r') return false;
    server[kSearch] = { query: '', index: -1, failed: false,
                        savedLine: server.line };
    render(server);
    return true;
  }
  const name = key?.name;
  if (key?.ctrl && name === 'r') {
    search(server, state.index + 1, 1);
  } else if (key?.ctrl && name === 's') {
    search(server, state.index - 1, -1);
  } else if (name === 'escape' || (key?.ctrl && (name === 'c' ||
                                                 name === 'g'))) {
    finish(server, false);
  } else if (name === 'backspace') {
    state.query = StringPrototypeSlice(state.query, 0, -1);
    search(server, 0, 1);
  } else if (typeof d === 'string' && d.length > 0 && !key?.ctrl &&
             !key?.meta && name !== 'return' && name !== 'enter' &&
             name !== 'tab' && d >= ' ') {
    state.query += d;
    search(server, state.index === -1 ? 0 : state.index, 1);
  } else {
    // Enter, arrows and the like: take the match, then act on the key.
    finish(server, true);
    return false;
  }
  return true;
}

module.exports = { handleSearchKey };
