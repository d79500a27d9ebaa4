'use strict';
// Key decoding of readline.emitKeypressEvents: names, modifiers, codes and
// the first 'keypress' argument, as Node 18 reports them.

const common = require('../common');
const assert = require('assert');
const readline = require('readline');
const { PassThrough } = require('stream');

function decode(chunks) {
  const stream = new PassThrough();
  readline.emitKeypressEvents(stream);
  const got = [];
  stream.on('keypress', (s, key) => got.push([s, key]));
  for (const chunk of Array.isArray(chunks) ? chunks : [chunks]) {
    stream.write(chunk);
  }
  return got;
}

function key(sequence, name, extra = {}) {
  return { sequence, name, ctrl: false, meta: false, shift: false, ...extra };
}

const cases = [
  // Plain characters: name is lower-case, shift marks capitals.
  ['aZ1.', [
    ['a', key('a', 'a')],
    ['Z', key('Z', 'z', { shift: true })],
    ['1', key('1', '1')],
    ['.', key('.', undefined)],
  ]],
  // Control characters; \x00 decodes as ctrl-`, \x1c..\x1f have no name.
  ['\x01\x00\x1c', [
    ['\x01', key('\x01', 'a', { ctrl: true })],
    ['\x00', key('\x00', '`', { ctrl: true })],
    ['\x1c', key('\x1c', undefined)],
  ]],
  ['\r\n\t\x7f\b ', [
    ['\r', key('\r', 'return')],
    ['\n', key('\n', 'enter')],
    ['\t', key('\t', 'tab')],
    ['\x7f', key('\x7f', 'backspace')],
    ['\b', key('\b', 'backspace')],
    [' ', key(' ', 'space')],
  ]],
  // Meta: ESC + character; the first argument is undefined.
  ['\x1bA\x1b\r\x1b\x01\x1bé', [
    [undefined, key('\x1bA', 'a', { meta: true, shift: true })],
    [undefined, key('\x1b\r', 'return', { meta: true })],
    [undefined, key('\x1b\x01', undefined, { meta: true })],
    [undefined, key('\x1bé', undefined, { meta: true })],
  ]],
  // Escape sequences with xterm modifiers.
  ['\x1b[1;5D\x1b[5;5A\x1b[1;9A\x1b[2;5$\x1b[20;5~\x1bO5P', [
    [undefined, key('\x1b[1;5D', 'left', { ctrl: true, code: '[D' })],
    [undefined, key('\x1b[5;5A', 'up', { ctrl: true, code: '[A' })],
    [undefined, key('\x1b[1;9A', 'up', { meta: true, code: '[A' })],
    [undefined, key('\x1b[2;5$', 'insert',
                    { ctrl: true, shift: true, code: '[2$' })],
    [undefined, key('\x1b[20;5~', 'f9', { ctrl: true, code: '[20~' })],
    [undefined, key('\x1bO5P', 'f1', { ctrl: true, code: 'OP' })],
  ]],
  // A doubled ESC before a sequence does not add meta.
  ['\x1b\x1b[A\x1b\x1bOA', [
    [undefined, key('\x1b\x1b[A', 'up', { code: '[A' })],
    [undefined, key('\x1b\x1bOA', 'up', { code: 'OA' })],
  ]],
  // Unknown codes are named 'undefined' (a string).
  ['\x1b[31m\x1b[12A\x1b[;5A\x1bOZ', [
    [undefined, key('\x1b[31m', 'undefined', { code: '[31m' })],
    [undefined, key('\x1b[12A', 'undefined', { code: '[12A' })],
    [undefined, key('\x1b[;5A', 'undefined', { code: '[;5A' })],
    [undefined, key('\x1bOZ', 'undefined', { code: 'OZ' })],
  ]],
  // Three digits at most are read before the final character.
  ['\x1b[200~\x1b[201~\x1b[1234', [
    [undefined, key('\x1b[200~', 'paste-start', { code: '[200~' })],
    [undefined, key('\x1b[201~', 'paste-end', { code: '[201~' })],
    [undefined, key('\x1b[1234', 'undefined', { code: '[1234' })],
  ]],
  // Only one modifier digit: the second one ends the sequence.
  ['\x1b[1;10A', [
    [undefined, key('\x1b[1;10', 'undefined', { code: '[1;10' })],
    ['A', key('A', 'a', { shift: true })],
  ]],
  // rxvt and putty flavours.
  ['\x1b[[5;2~\x1b[[A\x1bOa\x1b[a\x1b[Z', [
    [undefined, key('\x1b[[5;2~', 'pageup', { shift: true, code: '[[5~' })],
    [undefined, key('\x1b[[A', 'f1', { code: '[[A' })],
    [undefined, key('\x1bOa', 'up', { ctrl: true, code: 'Oa' })],
    [undefined, key('\x1b[a', 'up', { shift: true, code: '[a' })],
    [undefined, key('\x1b[Z', 'tab', { shift: true, code: '[Z' })],
  ]],
  // Sequences split over writes; astral characters are one key.
  [['\x1b', '[', '3', '~', '😀'], [
    [undefined, key('\x1b[3~', 'delete', { code: '[3~' })],
    ['😀', key('😀', undefined)],
  ]],
  // Incomplete sequences wait for more input.
  ['\x1b[1;', []],
  [['\x1b\x1b\x1b'], [
    [undefined, key('\x1b\x1b\x1b', 'escape', { meta: true })],
  ]],
];

for (const [input, expected] of cases) {
  assert.deepStrictEqual(decode(input), expected, JSON.stringify(input));
}

// A throwing listener does not break decoding of later input.
{
  const stream = new PassThrough();
  readline.emitKeypressEvents(stream);
  const seen = [];
  const boom = new Error('boom');
  stream.on('keypress', (s) => {
    seen.push(s);
    if (s === 'X') throw boom;
  });
  assert.throws(() => stream.emit('data', 'aXb'), boom);
  stream.emit('data', 'cd');
  assert.strictEqual(seen.join(''), 'aXcd');
}

// Keypresses start with the first 'keypress' listener, stop without one,
// and a split UTF-8 character survives in between.
{
  const stream = new PassThrough();
  readline.emitKeypressEvents(stream);
  readline.emitKeypressEvents(stream); // Second call: no double events.
  assert.strictEqual(stream.listenerCount('data'), 0);
  const seen = [];
  const listener = (s) => seen.push(s);
  stream.on('keypress', listener);
  assert.strictEqual(stream.listenerCount('data'), 1);
  stream.write(Buffer.from([0x61, 0xe2, 0x98]));
  stream.write(Buffer.from([0x83]));
  assert.deepStrictEqual(seen, ['a', '☃']);
}

// A lone ESC at the end of a chunk becomes 'escape' after the timeout.
{
  const stream = new PassThrough();
  readline.emitKeypressEvents(stream, { escapeCodeTimeout: 20 });
  const seen = [];
  stream.on('keypress', (s, k) => seen.push([s, k]));
  stream.write('q\x1b');
  assert.strictEqual(seen.length, 1);
  setTimeout(common.mustCall(() => {
    assert.deepStrictEqual(seen[1],
                           [undefined, key('\x1b', 'escape', { meta: true })]);
  }), 200);
}
