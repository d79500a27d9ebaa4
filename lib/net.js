'use strict';
// net.js - the net module: TCP and Unix-socket servers and sockets
// (net.Server, net.Socket), IP syntax checks, BlockList, SocketAddress and
// the autoSelectFamily defaults.

const {
  ObjectDefineProperties,
} = primordials;

const {
  validateBoolean,
  validateInt32,
} = require('internal/validators');
const { isIP, isIPv4, isIPv6 } = require('internal/net');
const {
  autoSelect,
  getDefaultAutoSelectFamily,
  normalizeArgs,
} = require('internal/net/common');
const { Socket } = require('internal/net/socket');
const { Server, createServerHandle } = require('internal/net/server');
const clientSocketChannel =
  require('diagnostics_channel').channel('net.client.socket');

/* createServer([options][, connectionListener]) -> Server */
function createServer(options, connectionListener) {
  return new Server(options, connectionListener);
}

/* connect(options[, cb]) / connect(path[, cb]) / connect(port[, host]
 * [, cb]) -> a new Socket, connecting. */
function connect(...args) {
  const normalized = normalizeArgs(args);
  const options = normalized[0];
  const socket = new Socket(options);
  if (clientSocketChannel.hasSubscribers) {
    clientSocketChannel.publish({ socket });
  }
  if (options.timeout) socket.setTimeout(options.timeout);
  return socket.connect(normalized);
}

/* setDefaultAutoSelectFamily(value): the default for autoSelectFamily. */
function setDefaultAutoSelectFamily(value) {
  validateBoolean(value, 'value');
  autoSelect.family = value;
}

function getDefaultAutoSelectFamilyAttemptTimeout() {
  return autoSelect.attemptTimeout;
}

/* setDefaultAutoSelectFamilyAttemptTimeout(ms): at least 10. */
function setDefaultAutoSelectFamilyAttemptTimeout(value) {
  validateInt32(value, 'value', 1);
  autoSelect.attemptTimeout = value < 10 ? 10 : value;
}

let warnedSimultaneousAccepts = false;

/* Deprecated no-op (Windows only in Node). */
function _setSimultaneousAccepts(handle) {
  if (!warnedSimultaneousAccepts) {
    warnedSimultaneousAccepts = true;
    process.emitWarning(
      'net._setSimultaneousAccepts() is deprecated and will be removed.',
      'DeprecationWarning', 'DEP0121');
  }
}

module.exports = {
  _createServerHandle: createServerHandle,
  _normalizeArgs: normalizeArgs,
  _setSimultaneousAccepts,
  connect,
  createConnection: connect,
  createServer,
  isIP,
  isIPv4,
  isIPv6,
  Server,
  Socket,
  Stream: Socket,
  getDefaultAutoSelectFamily,
  setDefaultAutoSelectFamily,
  getDefaultAutoSelectFamilyAttemptTimeout,
  setDefaultAutoSelectFamilyAttemptTimeout,
};

ObjectDefineProperties(module.exports, {
  BlockList: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return require('internal/blocklist').BlockList; },
  },
  SocketAddress: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return require('internal/socketaddress').SocketAddress; },
  },
});
