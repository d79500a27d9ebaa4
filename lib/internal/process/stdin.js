'use strict';
// internal/process/stdin.js - process.stdin, created on first use as Node
// picks it: a tty.ReadStream on a terminal, an fs.ReadStream on a file, a
// net.Socket over a pipe or socket, an empty stream otherwise. It starts
// paused and does not keep the process alive until read from.

let stdin;

/* The stream behind process.stdin (fd 0), created once. */
function getStdin() {
  if (stdin !== undefined) return stdin;
  const fd = 0;
  const { guessHandleType } = require('internal/net/common');
  switch (guessHandleType(fd)) {
    case 'TTY': {
      const tty = require('tty');
      stdin = new tty.ReadStream(fd);
      break;
    }
    case 'FILE': {
      const fs = require('fs');
      stdin = new fs.ReadStream(null, { fd, autoClose: false });
      break;
    }
    case 'PIPE':
    case 'TCP': {
      const net = require('net');
      const channel = process.channel;
      if (channel && channel.fd === fd) {
        stdin = new net.Socket({
          handle: channel,
          readable: true,
          writable: false,
          manualStart: true,
        });
      } else {
        stdin = new net.Socket({
          fd,
          readable: true,
          writable: false,
          manualStart: true,
        });
      }
      // stdin is read-only: end() must not shut the descriptor down.
      stdin._writableState.ended = true;
      break;
    }
    default: {
      const { Readable } = require('stream');
      stdin = new Readable({ read() {} });
      stdin.push(null);
    }
  }
  stdin.fd = fd;

  // Not reading until someone asks for data.
  if (stdin._handle && stdin._handle.readStop) {
    stdin._handle.reading = false;
    stdin._readableState.reading = false;
    stdin._handle.readStop();
  }

  // pause() stops the handle a tick later (once the stream really paused),
  // so that a paused stdin lets the process exit.
  stdin.on('pause', () => process.nextTick(onPause));
  return stdin;
}

/* process.openStdin(): the legacy way to start reading stdin. */
function openStdin() {
  const stream = getStdin();
  stream.resume();
  return stream;
}

function onPause() {
  if (!stdin._handle) return;
  if (stdin._handle.reading && !stdin.readableFlowing) {
    stdin._readableState.reading = false;
    stdin._handle.reading = false;
    stdin._handle.readStop();
  }
}

module.exports = { getStdin, openStdin };
