// table.js - renders console.table()'s box-drawing tables.
'use strict';

const {
  ArrayPrototypeJoin,
  ArrayPrototypeMap,
  MathCeil,
  MathMax,
  ObjectPrototypeHasOwnProperty,
  StringPrototypeRepeat,
} = primordials;

const { getStringWidth } = require('internal/util/inspect');

const chars = {
  __proto__: null,
  line: '─',
  topLeft: '┌',
  topMid: '┬',
  topRight: '┐',
  midLeft: '├',
  midMid: '┼',
  midRight: '┤',
  bottomLeft: '└',
  bottomMid: '┴',
  bottomRight: '┘',
  left: '│ ',
  middle: ' │ ',
  right: ' │',
};

/* One row, each cell centred in its column (extra space on the right). */
function renderRow(cells, widths) {
  let out = chars.left;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    const pad = (widths[i] - getStringWidth(cell)) / 2;
    out += StringPrototypeRepeat(' ', pad) + cell +
      StringPrototypeRepeat(' ', MathCeil(pad));
    if (i !== cells.length - 1) out += chars.middle;
  }
  return out + chars.right;
}

/* renderTable(head, columns) -> string: `head` holds the column titles,
 * `columns[i]` the (possibly sparse) cells of column i; missing cells are
 * blank. No trailing newline. */
function renderTable(head, columns) {
  const widths = ArrayPrototypeMap(head, (h) => getStringWidth(h));
  let height = 0;
  for (let i = 0; i < columns.length; i++) {
    height = MathMax(height, columns[i].length);
  }
  const rows = [];
  for (let i = 0; i < head.length; i++) {
    const column = columns[i];
    for (let j = 0; j < height; j++) {
      rows[j] ??= [];
      const cell = ObjectPrototypeHasOwnProperty(column, j) ? column[j] : '';
      rows[j][i] = cell;
      widths[i] = MathMax(widths[i] || 0, getStringWidth(cell));
    }
  }
  const rules = ArrayPrototypeMap(
    widths, (w) => StringPrototypeRepeat(chars.line, w + 2));

  let out = chars.topLeft + ArrayPrototypeJoin(rules, chars.topMid) +
    chars.topRight + '\n' + renderRow(head, widths) + '\n' +
    chars.midLeft + ArrayPrototypeJoin(rules, chars.midMid) +
    chars.midRight + '\n';
  for (let j = 0; j < rows.length; j++) {
    out += renderRow(rows[j], widths) + '\n';
  }
  return out + chars.bottomLeft + ArrayPrototypeJoin(rules, chars.bottomMid) +
    chars.bottomRight;
}

module.exports = renderTable;
