'use strict';
// Terminal-mode editing keys of readline.Interface: the resulting line,
// cursor, events and the exact bytes written (as Node 18 writes them).

require('../common');
const assert = require('assert');
const readline = require('readline');
const EventEmitter = require('events');

class FakeTTY extends EventEmitter {
  constructor(columns) {
    super();
    this.written = [];
    if (columns) this.columns = columns;
  }
  resume() {}
  pause() {}
  write(data) { this.written.push(data); }
  end() {}
}

// Each step: [kind ('data' | 'k' for a keypress), value, written,
//              line, cursor, events].
const expected = {
  wrapping: [
    ["data", "hello", ["h", "e", "l", "l", "o"], "hello", 5, []],
    ["k", {"name": "left"}, ["\u001b[1D"], "hello", 4, []],
    ["k", {"ctrl": true, "name": "a"}, ["\u001b[4D"], "hello", 0, []],
    ["k", {"name": "end"}, ["\u001b[5C"], "hello", 5, []],
    ["data", "world", ["w", "o", "\u001b[1G", "\u001b[0J", "> hellowor", " ",
     "\u001b[1G", "l", "d"], "helloworld", 10, []],
    ["k", {"meta": true, "name": "b"}, ["\u001b[1A", "\u001b[1G", "\u001b[0J",
     "> helloworld", "\u001b[3G", "\u001b[1A"], "helloworld", 0, []],
    ["k", {"ctrl": true, "name": "e"}, ["\u001b[1G", "\u001b[0J",
     "> helloworld", "\u001b[3G"], "helloworld", 10, []],
    ["k", {"name": "backspace"}, ["\u001b[1A", "\u001b[1G", "\u001b[0J",
     "> helloworl", "\u001b[2G"], "helloworl", 9, []],
    ["k", {"ctrl": true, "name": "u"}, ["\u001b[1A", "\u001b[1G", "\u001b[0J",
     "> ", "\u001b[3G"], "", 0, []],
    ["k", {"ctrl": true, "name": "y"}, ["\u001b[1G", "\u001b[0J",
     "> helloworl", "\u001b[2G"], "helloworl", 9, []],
    ["k", {"sequence": "\u001f"}, ["\u001b[1A", "\u001b[1G", "\u001b[0J",
     "> ", "\u001b[3G"], "", 0, []],
    ["k", {"sequence": "\u001e"}, ["\u001b[1G", "\u001b[0J", "> helloworl",
     "\u001b[2G"], "helloworl", 9, []],
    ["data", "\r", ["\r\n"], "", 0, ["history:helloworl", "line:helloworl"]],
  ],
  words: [
    ["data", "one two.three  four", ["o", "n", "e", " ", "t", "w", "o", ".",
     "t", "h", "r", "e", "e", " ", " ", "f", "o", "u", "r"],
     "one two.three  four", 19, []],
    ["k", {"ctrl": true, "name": "left"}, ["\u001b[4D"],
     "one two.three  four", 15, []],
    ["k", {"ctrl": true, "name": "left"}, ["\u001b[7D"],
     "one two.three  four", 8, []],
    ["k", {"meta": true, "name": "f"}, ["\u001b[7C"], "one two.three  four",
     15, []],
    ["k", {"meta": true, "name": "d"}, ["\u001b[1G", "\u001b[0J",
     "$ one two.three  ", "\u001b[18G"], "one two.three  ", 15, []],
    ["k", {"meta": true, "name": "backspace"}, ["\u001b[1G", "\u001b[0J",
     "$ one two.", "\u001b[11G"], "one two.", 8, []],
    ["k", {"ctrl": true, "name": "delete"}, [], "one two.", 8, []],
    ["k", {"ctrl": true, "name": "right"}, [], "one two.", 8, []],
    ["k", {"ctrl": true, "shift": true, "name": "backspace"}, ["\u001b[1G",
     "\u001b[0J", "$ ", "\u001b[3G"], "", 0, []],
    ["k", {"name": "delete"}, [], "", 0, []],
    ["k", {"ctrl": true, "name": "d"}, [], "", 0, []],
    ["k", {"ctrl": true, "name": "h"}, [], "", 0, []],
    ["k", {"ctrl": true, "name": "b"}, [], "", 0, []],
    ["k", {"ctrl": true, "name": "f"}, [], "", 0, []],
    ["k", {"name": "home"}, [], "", 0, []],
    ["k", {"ctrl": true, "name": "k"}, [], "", 0, []],
    ["k", {"ctrl": true, "name": "y"}, [], "", 0, []],
    ["k", {"meta": true, "name": "y"}, [], "", 0, []],
    ["k", {"meta": true, "name": "y"}, [], "", 0, []],
  ],
  history: [
    ["data", "apple\nbanana\napricot\ncherry\n", ["a", "p", "p", "l", "e",
     "\r\n", "b", "a", "n", "a", "n", "a", "\r\n", "a", "p", "r", "i", "c",
     "o", "t", "\r\n", "c", "h", "e", "r", "r", "y", "\r\n"], "", 0,
     ["history:apple", "line:apple", "history:banana|apple", "line:banana",
     "history:apricot|banana|apple", "line:apricot",
     "history:cherry|apricot|banana|apple", "line:cherry"]],
    ["data", "ap", ["a", "p"], "ap", 2, []],
    ["k", {"name": "up"}, ["\u001b[1G", "\u001b[0J", "> apricot",
     "\u001b[10G"], "apricot", 7, []],
    ["k", {"name": "up"}, ["\u001b[1G", "\u001b[0J", "> apple", "\u001b[8G"],
     "apple", 5, []],
    ["k", {"name": "up"}, ["\u001b[1G", "\u001b[0J", "> ap", "\u001b[5G"],
     "ap", 2, []],
    ["k", {"name": "down"}, ["\u001b[1G", "\u001b[0J", "> apple",
     "\u001b[8G"], "apple", 5, []],
    ["k", {"name": "down"}, ["\u001b[1G", "\u001b[0J", "> apricot",
     "\u001b[10G"], "apricot", 7, []],
    ["k", {"ctrl": true, "name": "p"}, ["\u001b[1G", "\u001b[0J", "> banana",
     "\u001b[9G"], "banana", 6, []],
    ["k", {"ctrl": true, "name": "p"}, ["\u001b[1G", "\u001b[0J", "> apple",
     "\u001b[8G"], "apple", 5, []],
    ["k", {"ctrl": true, "name": "n"}, ["\u001b[1G", "\u001b[0J", "> banana",
     "\u001b[9G"], "banana", 6, []],
    ["data", "!\r\n", ["!", "\r\n"], "", 0,
     ["history:banana!|cherry|apricot|banana|apple", "line:banana!"]],
  ],
  screen: [
    ["data", "abc", ["a", "b", "c"], "abc", 3, []],
    ["k", {"ctrl": true, "name": "l"}, ["\u001b[1;1H", "\u001b[0J",
     "\u001b[1G", "\u001b[0J", "p:abc", "\u001b[6G"], "abc", 3, []],
    ["data", "\t", ["\t"], "abc\t", 4, []],
    ["k", {"name": "escape"}, [], "abc\t", 4, []],
    ["k", {"meta": true, "name": "x"}, [], "abc\t", 4, []],
    ["data", "\r", ["\r\n"], "", 0, ["history:abc\t", "line:abc\t"]],
    ["data", "\n", [], "", 0, []],
  ],
};

const options = {
  wrapping: { columns: 10, prompt: '> ' },
  words: { prompt: '$ ' },
  history: { prompt: '> ' },
  screen: { columns: 20, prompt: 'p:' },
};

for (const [name, steps] of Object.entries(expected)) {
  const tty = new FakeTTY(options[name].columns);
  const rl = readline.createInterface({
    input: tty, output: tty, terminal: true, prompt: options[name].prompt,
  });
  const events = [];
  rl.on('line', (l) => events.push('line:' + l));
  rl.on('history', (h) => events.push('history:' + h.join('|')));
  for (const [kind, value, written, line, cursor, evs] of steps) {
    tty.written = [];
    events.length = 0;
    if (kind === 'data') tty.emit('data', value);
    else tty.emit('keypress', undefined, value);
    const what = `${name}: ${JSON.stringify(value)}`;
    assert.deepStrictEqual(tty.written, written, what);
    assert.strictEqual(rl.line, line, what);
    assert.strictEqual(rl.cursor, cursor, what);
    assert.deepStrictEqual(events, evs, what);
  }
  rl.close();
}
