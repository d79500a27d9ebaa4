'use strict';
/* commands.js (repl) - the REPL's built-in dot commands: .break, .clear,
 * .editor, .exit, .help, .load and .save. */

const {
  ArrayPrototypeJoin,
  ArrayPrototypeSort,
  MathMax,
  ObjectKeys,
  StringPrototypeRepeat,
} = primordials;

const fs = require('fs');

/* .help: every command with its help text, then the key bindings. */
function showHelp() {
  const names = ArrayPrototypeSort(ObjectKeys(this.commands));
  let width = 0;
  for (let i = 0; i < names.length; i++) {
    width = MathMax(width, names[i].length);
  }
  const lines = [];
  for (let i = 0; i < names.length; i++) {
    const help = this.commands[names[i]].help || '';
    const pad = StringPrototypeRepeat(' ', width - names[i].length + 3);
    lines[i] = help === '' ? `.${names[i]}` : `.${names[i]}${pad}${help}`;
  }
  this.output.write(`${ArrayPrototypeJoin(lines, '\n')}\n\nPress Ctrl+C to ` +
                    'abort current expression, Ctrl+D to exit the REPL\n');
  this.displayPrompt();
}

/* .save FILE: writes every line entered in this session. */
function saveSession(file) {
  try {
    fs.writeFileSync(file, ArrayPrototypeJoin(this.lines, '\n'));
    this.output.write(`Session saved to: ${file}\n`);
  } catch {
    this.output.write(`Failed to save: ${file}\n`);
  }
  this.displayPrompt();
}

/* .load FILE: feeds the file in as if typed in editor mode, then runs it
 * as one input. */
function loadFile(file) {
  try {
    if (!fs.statSync(file).isFile()) {
      this.output.write(`Failed to load: ${file} is not a valid file\n`);
    } else {
      const data = fs.readFileSync(file, 'utf8');
      this.turnOnEditorMode(false);
      this.write(data);
      this.turnOffEditorMode();
      this.write('\n');
      return;
    }
  } catch {
    this.output.write(`Failed to load: ${file}\n`);
  }
  this.displayPrompt();
}

/* Defines the built-in commands on `server`; .clear resets the context
 * unless the server evaluates in the global one, and .editor exists only
 * on a terminal. */
function defineDefaultCommands(server) {
  server.defineCommand('break', {
    help: 'Sometimes you get stuck, this gets you out',
    action() {
      this.clearBufferedCommand();
      this.displayPrompt();
    },
  });
  server.defineCommand('clear', {
    help: server.useGlobal ? 'Alias for .break' :
      'Break, and also clear the local context',
    action() {
      this.clearBufferedCommand();
      if (!this.useGlobal) {
        this.output.write('Clearing context...\n');
        this.resetContext();
      }
      this.displayPrompt();
    },
  });
  server.defineCommand('exit', {
    help: 'Exit the REPL',
    action() {
      this.close();
    },
  });
  server.defineCommand('help', {
    help: 'Print this help message',
    action: showHelp,
  });
  server.defineCommand('save', {
    help: 'Save all evaluated commands in this REPL session to a file',
    action: saveSession,
  });
  server.defineCommand('load', {
    help: 'Load JS from a file into the REPL session',
    action: loadFile,
  });
  if (server.terminal) {
    server.defineCommand('editor', {
      help: 'Enter editor mode',
      action() {
        this.turnOnEditorMode(true);
      },
    });
  }
}

module.exports = { defineDefaultCommands };
