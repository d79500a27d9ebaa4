'use strict';
// internal/readline/key_decoder.js - turns terminal input into 'keypress'es.

// emitKeys(stream) returns a generator that is fed one character (code
// point) per next(ch) call and emits `stream.emit('keypress', s, key)` for
// every complete key, where key = { sequence, name, ctrl, meta, shift } plus
// `code` for escape sequences. Feeding '' flushes a lone pending ESC (the
// escape-code timeout of emitKeypressEvents does that).

const {
  RegExpPrototypeExec,
  StringFromCharCode,
  StringPrototypeCharCodeAt,
  StringPrototypeToLowerCase,
} = primordials;

const { charLengthAt, kEscape } = require('internal/readline/utils');

// Escape codes (after ESC) and the key each one stands for.
const kPlainNames = {
  __proto__: null,
  // xterm/gnome ESC O letter, xterm/gnome ESC [ letter
  'OP': 'f1', 'OQ': 'f2', 'OR': 'f3', 'OS': 'f4',
  '[P': 'f1', '[Q': 'f2', '[R': 'f3', '[S': 'f4',
  // xterm/rxvt ESC [ number ~
  '[11~': 'f1', '[12~': 'f2', '[13~': 'f3', '[14~': 'f4',
  // Cygwin and libuv
  '[[A': 'f1', '[[B': 'f2', '[[C': 'f3', '[[D': 'f4', '[[E': 'f5',
  '[15~': 'f5', '[17~': 'f6', '[18~': 'f7', '[19~': 'f8',
  '[20~': 'f9', '[21~': 'f10', '[23~': 'f11', '[24~': 'f12',
  // Cursor keys, both flavours
  '[A': 'up', '[B': 'down', '[C': 'right', '[D': 'left',
  '[E': 'clear', '[F': 'end', '[H': 'home',
  'OA': 'up', 'OB': 'down', 'OC': 'right', 'OD': 'left',
  'OE': 'clear', 'OF': 'end', 'OH': 'home',
  // Editing block
  '[1~': 'home', '[2~': 'insert', '[3~': 'delete', '[4~': 'end',
  '[5~': 'pageup', '[6~': 'pagedown', '[[5~': 'pageup', '[[6~': 'pagedown',
  '[7~': 'home', '[8~': 'end',
  // Bracketed paste
  '[200~': 'paste-start', '[201~': 'paste-end',
};

// rxvt codes that imply shift.
const kShiftNames = {
  __proto__: null,
  '[a': 'up', '[b': 'down', '[c': 'right', '[d': 'left', '[e': 'clear',
  '[2$': 'insert', '[3$': 'delete', '[5$': 'pageup', '[6$': 'pagedown',
  '[7$': 'home', '[8$': 'end',
  '[Z': 'tab',
};

// rxvt codes that imply ctrl.
const kCtrlNames = {
  __proto__: null,
  'Oa': 'up', 'Ob': 'down', 'Oc': 'right', 'Od': 'left', 'Oe': 'clear',
  '[2^': 'insert', '[3^': 'delete', '[5^': 'pageup', '[6^': 'pagedown',
  '[7^': 'home', '[8^': 'end',
};

// `<1-2 digits>[;<modifier>]<~ ^ $>` and `[[<digit>;]<modifier>]<letter>`.
const kNumberedCode = /^(\d\d?)(?:;(\d))?([~^$])$/;
const kLetterCode = /^(?:(?:\d;)?(\d))?([A-Za-z])$/;
const kAlphaNumeric = /^[0-9A-Za-z]$/;
const kUpperCase = /^[A-Z]$/;

function isDigit(ch) {
  return ch >= '0' && ch <= '9';
}

/* Receives the next character and appends it to the key's sequence. */
function* take(state) {
  const ch = yield;
  state.sequence += ch;
  return ch;
}

/* Reads the rest of an `ESC O ...` or `ESC [ ...` sequence; `first` is the
 * 'O' or '['. Returns { code, modifier } with xterm's modifier bit set
 * (1 shift, 2 alt, 4 ctrl, 8 meta). */
function* readEscapeCode(state, first) {
  let code = first;
  let ch = yield* take(state);

  if (first === 'O') {
    // ESC O letter, or ESC O modifier letter (old xterm).
    let modifier = 0;
    if (isDigit(ch)) {
      modifier = (ch - 0) - 1;
      ch = yield* take(state);
    }
    return { code: code + ch, modifier };
  }

  // ESC [ [ letter (putty/cygwin) keeps the second bracket in the code.
  if (ch === '[') {
    code += ch;
    ch = yield* take(state);
  }

  // Up to three digits, then optionally `;` and one modifier digit.
  let body = ch;
  for (let i = 0; i < 3 && isDigit(ch); i++) {
    ch = yield* take(state);
    body += ch;
  }
  if (ch === ';') {
    ch = yield* take(state);
    body += ch;
    if (isDigit(ch)) {
      ch = yield* take(state);
      body += ch;
    }
  }

  let match = RegExpPrototypeExec(kNumberedCode, body);
  if (match !== null) {
    return {
      code: code + match[1] + match[3],
      modifier: (match[2] === undefined ? 1 : match[2] - 0) - 1,
    };
  }
  match = RegExpPrototypeExec(kLetterCode, body);
  if (match !== null) {
    return {
      code: code + match[2],
      modifier: (match[1] === undefined ? 1 : match[1] - 0) - 1,
    };
  }
  return { code: code + body, modifier: 0 };
}

/* Fills in name/ctrl/shift for a decoded escape code. */
function nameEscapeCode(key, code, modifier) {
  key.ctrl = (modifier & 4) !== 0;
  key.meta = (modifier & 10) !== 0;
  key.shift = (modifier & 1) !== 0;
  key.code = code;
  if (kPlainNames[code] !== undefined) {
    key.name = kPlainNames[code];
  } else if (kShiftNames[code] !== undefined) {
    key.name = kShiftNames[code];
    key.shift = true;
  } else if (kCtrlNames[code] !== undefined) {
    key.name = kCtrlNames[code];
    key.ctrl = true;
  } else {
    key.name = 'undefined';
  }
}

/* Names a single (possibly ESC-prefixed) character. */
function nameCharacter(key, ch, escaped) {
  switch (ch) {
    case '\r': key.name = 'return'; key.meta = escaped; return;
    case '\n': key.name = 'enter'; key.meta = escaped; return;
    case '\t': key.name = 'tab'; key.meta = escaped; return;
    case '\b':
    case '\x7f': key.name = 'backspace'; key.meta = escaped; return;
    case kEscape: key.name = 'escape'; key.meta = escaped; return;
    case ' ': key.name = 'space'; key.meta = escaped; return;
  }
  if (!escaped && ch <= '\x1a') {
    // Ctrl+letter: \x01 is ctrl-a, ..., \x00 comes out as ctrl-`.
    key.name = StringFromCharCode(StringPrototypeCharCodeAt(ch, 0) + 96);
    key.ctrl = true;
  } else if (RegExpPrototypeExec(kAlphaNumeric, ch) !== null) {
    key.name = StringPrototypeToLowerCase(ch);
    key.shift = RegExpPrototypeExec(kUpperCase, ch) !== null;
    key.meta = escaped;
  } else if (escaped) {
    // ESC followed by something unknown, or by nothing (timeout).
    key.name = ch.length ? undefined : 'escape';
    key.meta = true;
  }
}

/* The decoding generator; see the file comment. */
function* emitKeys(stream) {
  for (;;) {
    const state = { sequence: yield };
    let ch = state.sequence;
    let escaped = false;
    const key = {
      sequence: null,
      name: undefined,
      ctrl: false,
      meta: false,
      shift: false,
    };

    if (ch === kEscape) {
      escaped = true;
      ch = yield* take(state);
      // A doubled ESC is still one escaped key.
      if (ch === kEscape) ch = yield* take(state);
    }

    if (escaped && (ch === 'O' || ch === '[')) {
      const { code, modifier } = yield* readEscapeCode(state, ch);
      nameEscapeCode(key, code, modifier);
    } else {
      nameCharacter(key, ch, escaped);
    }

    const s = state.sequence;
    key.sequence = s;
    if (s.length !== 0 && (key.name !== undefined || escaped)) {
      // Named keys and escape sequences.
      stream.emit('keypress', escaped ? undefined : s, key);
    } else if (charLengthAt(s, 0) === s.length) {
      // A single unnamed character.
      stream.emit('keypress', s, key);
    }
    // Anything else (an unrecognized multi-character sequence) is dropped.
  }
}

module.exports = { emitKeys };
