'use strict';
/* utils.js (test_runner reporter) - what the human-readable reporters
 * share: terminal colors (when the output supports them), symbols and
 * the coverage table. */

const {
  ArrayPrototypeJoin,
  MathMax,
  NumberPrototypeToFixed,
  StringPrototypePadEnd,
  StringPrototypePadStart,
  StringPrototypeRepeat,
} = primordials;

const symbols = {
  __proto__: null,
  'test:fail': '\u2716 ',
  'test:pass': '\u2714 ',
  'test:diagnostic': '\u2139 ',
  'test:coverage': '\u2139 ',
  'arrow:right': '\u25B6 ',
  'hyphen:minus': '\uFE63 ',
};

/* Whether colors go to process.stdout: FORCE_COLOR, or a color TTY. */
function shouldColorize(stream = process.stdout) {
  const env = process.env;
  if (env.FORCE_COLOR !== undefined) {
    return env.FORCE_COLOR === '' || env.FORCE_COLOR === 'true' ||
      +env.FORCE_COLOR > 0;
  }
  if (env.NODE_DISABLE_COLORS !== undefined || env.NO_COLOR !== undefined) {
    return false;
  }
  return !!stream?.isTTY && (typeof stream.getColorDepth !== 'function' ||
                             stream.getColorDepth() > 2);
}

/* Escape sequences, or empty strings when colors are off. */
function getColors(enabled = shouldColorize()) {
  const c = (code) => (enabled ? `\u001b[${code}m` : '');
  return {
    __proto__: null,
    blue: c(34), green: c(32), white: c(39), gray: c(90), red: c(31),
  };
}

function pct(n) {
  return NumberPrototypeToFixed(n, 2);
}

/* The coverage summary as a table, each line opened by `prefix`. */
function coverageTable(indent, summary, symbol, color) {
  const rows = [['file', 'line %', 'branch %', 'funcs %',
                 'uncovered lines']];
  for (const file of summary.files) {
    rows.push([file.path, pct(file.coveredLinePercent),
               pct(file.coveredBranchPercent),
               pct(file.coveredFunctionPercent),
               ArrayPrototypeJoin(file.uncoveredLineRanges ?? [], ' ')]);
  }
  const widths = [0, 0, 0, 0];
  for (const row of rows) {
    for (let i = 0; i < 4; i++) widths[i] = MathMax(widths[i], row[i].length);
  }
  const t = summary.totals;
  const total = ['all files', pct(t.coveredLinePercent),
                 pct(t.coveredBranchPercent), pct(t.coveredFunctionPercent)];
  widths[0] = MathMax(widths[0], total[0].length);
  const line = (cells) => {
    let out = StringPrototypePadEnd(cells[0], widths[0]);
    for (let i = 1; i < 4; i++) {
      out += ` | ${i === 0 ? cells[i] : StringPrototypePadStart(cells[i],
                                                                widths[i])}`;
    }
    out += ' |';
    if (cells.length > 4) out += ` ${cells[4]}`;
    return out;
  };
  const head = line(rows[0]);
  const sep = StringPrototypeRepeat('-', head.length + 52);
  const p = `${color}${indent}${symbol}`;
  let out = `${p}start of coverage report\n${p}${sep}\n`;
  out += `${p}${head}\n${p}${sep}\n`;
  for (let i = 1; i < rows.length; i++) out += `${p}${line(rows[i])}\n`;
  out += `${p}${sep}\n${p}${line(total)}\n${p}${sep}\n`;
  out += `${p}end of coverage report\n`;
  return out;
}

module.exports = { coverageTable, getColors, shouldColorize, symbols };
