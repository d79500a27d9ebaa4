'use strict';
// internal/net/common.js - pieces shared by net.Socket and net.Server:
// argument normalisation, handle creation from fds, and the process-wide
// autoSelectFamily defaults.

const {
  Number,
} = primordials;

const {
  codes: { ERR_INVALID_FD_TYPE },
} = require('internal/errors');
const { validateInt32 } = require('internal/validators');
const { normalizedArgsSymbol } = require('internal/net');

let tcpBinding;
let pipeBinding;

/* internalBinding('tcp_wrap'), loaded once. */
function tcpWrap() {
  tcpBinding ??= internalBinding('tcp_wrap');
  return tcpBinding;
}

/* internalBinding('pipe_wrap'), loaded once. */
function pipeWrap() {
  pipeBinding ??= internalBinding('pipe_wrap');
  return pipeBinding;
}

/* Number(x) when it is a non-negative number, else false. */
function toNumber(x) {
  x = Number(x);
  return x >= 0 ? x : false;
}

/* A string that is not a number names a Unix socket / pipe. */
function isPipeName(s) {
  return typeof s === 'string' && toNumber(s) === false;
}

/* normalizeArgs(args) -> [options, cb|null] for connect()/listen() calling
 * forms: (options[, cb]), (path[, cb]), (port[, host][, cb]). */
function normalizeArgs(args) {
  let result;
  if (args.length === 0) {
    result = [{}, null];
    result[normalizedArgsSymbol] = true;
    return result;
  }
  const first = args[0];
  let options = {};
  if (typeof first === 'object' && first !== null) {
    options = first;
  } else if (isPipeName(first)) {
    options.path = first;
  } else {
    options.port = first;
    if (args.length > 1 && typeof args[1] === 'string') options.host = args[1];
  }
  const cb = args[args.length - 1];
  result = [options, typeof cb === 'function' ? cb : null];
  result[normalizedArgsSymbol] = true;
  return result;
}

/* The libuv type of an fd: 'TCP', 'PIPE', 'TTY', 'FILE', 'UDP', ... */
function guessHandleType(fd) {
  const util = internalBinding('util');
  if (typeof util.guessHandleType === 'function') {
    return util.guessHandleType(fd);
  }
  return internalBinding('fs').guessHandleType(fd);
}

/* A new TCP or Pipe handle fit for the socket behind `fd` (not yet opened
 * on it); throws ERR_INVALID_FD_TYPE for other kinds of fd. */
function createHandle(fd, isServer) {
  validateInt32(fd, 'fd', 0);
  const type = guessHandleType(fd);
  if (type === 'PIPE' || type === 'UNIX') {
    const { Pipe, constants } = pipeWrap();
    return new Pipe(isServer ? constants.SERVER : constants.SOCKET);
  }
  if (type === 'TCP') {
    const { TCP, constants } = tcpWrap();
    return new TCP(isServer ? constants.SERVER : constants.SOCKET);
  }
  throw new ERR_INVALID_FD_TYPE(type);
}

/* The autoSelectFamily defaults, changeable with net.set...(). */
const autoSelect = {
  family: undefined,
  attemptTimeout: 250,
};

/* The default for options.autoSelectFamily (false in Node 18 unless
 * --enable-network-family-autoselection). */
function getDefaultAutoSelectFamily() {
  if (autoSelect.family === undefined) {
    const { getOptionValue } = require('internal/options');
    autoSelect.family =
      getOptionValue('--enable-network-family-autoselection') === true;
  }
  return autoSelect.family;
}

module.exports = {
  autoSelect,
  createHandle,
  getDefaultAutoSelectFamily,
  guessHandleType,
  isPipeName,
  normalizeArgs,
  pipeWrap,
  tcpWrap,
  toNumber,
};
