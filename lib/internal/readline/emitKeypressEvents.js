'use strict';
// internal/readline/emitKeypressEvents.js - 'keypress' events on a stream.

const {
  SafeStringIterator,
  Symbol,
} = primordials;

const { charLengthAt, kEscape } = require('internal/readline/utils');
const { emitKeys } = require('internal/readline/key_decoder');
const { kSawKeyPress } = require('internal/readline/symbols');
const { clearTimeout, setTimeout } = require('timers');

const KEYPRESS_DECODER = Symbol('keypress-decoder');
const ESCAPE_DECODER = Symbol('escape-decoder');

// How long a lone ESC waits for the rest of an escape sequence.
const ESCAPE_CODE_TIMEOUT = 500;

function startDecoder(stream) {
  const decoder = emitKeys(stream);
  decoder.next();
  stream[ESCAPE_DECODER] = decoder;
}

/* Makes `stream` emit 'keypress' (s, key) for the data it emits, from the
 * moment it has a 'keypress' listener. `iface` (a readline Interface) gets
 * its escapeCodeTimeout honoured and its completion/keypress flags kept up
 * to date. Calling it again on the same stream does nothing. */
function emitKeypressEvents(stream, iface = {}) {
  if (stream[KEYPRESS_DECODER]) return;

  const { StringDecoder } = require('string_decoder');
  stream[KEYPRESS_DECODER] = new StringDecoder('utf8');
  startDecoder(stream);

  const { escapeCodeTimeout = ESCAPE_CODE_TIMEOUT } = iface;
  let timer;
  const flushEscape = () => stream[ESCAPE_DECODER].next('');

  function feed(string) {
    clearTimeout(timer);
    // A chunk that is one character is what a person typing produces.
    iface[kSawKeyPress] = charLengthAt(string, 0) === string.length;
    // Tab completion only triggers on the last key of a chunk, so that
    // pasted text containing tabs is inserted verbatim.
    iface.isCompletionEnabled = false;
    let seen = 0;
    for (const ch of new SafeStringIterator(string)) {
      seen += ch.length;
      const last = seen === string.length;
      if (last) iface.isCompletionEnabled = true;
      try {
        stream[ESCAPE_DECODER].next(ch);
        if (last && ch === kEscape) {
          timer = setTimeout(flushEscape, escapeCodeTimeout);
        }
      } catch (err) {
        // A throwing 'keypress' listener kills the generator: restart it.
        startDecoder(stream);
        throw err;
      }
    }
  }

  function onData(input) {
    if (stream.listenerCount('keypress') > 0) {
      const string = stream[KEYPRESS_DECODER].write(input);
      if (string) feed(string);
    } else {
      // Nobody listens any more: wait for the next 'keypress' listener.
      stream.removeListener('data', onData);
      stream.on('newListener', onNewListener);
    }
  }

  function onNewListener(event) {
    if (event === 'keypress') {
      stream.on('data', onData);
      stream.removeListener('newListener', onNewListener);
    }
  }

  if (stream.listenerCount('keypress') > 0) {
    stream.on('data', onData);
  } else {
    stream.on('newListener', onNewListener);
  }
}

module.exports = emitKeypressEvents;
