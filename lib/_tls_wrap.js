'use strict';
// _tls_wrap.js - tls.TLSSocket (a net.Socket whose handle is a TLSHandle),
// tls.Server (a net.Server that wraps each connection), tls.connect().

const {
  ArrayPrototypeForEach,
  ArrayPrototypePush,
  FunctionPrototypeCall,
  ObjectAssign,
  ObjectSetPrototypeOf,
  RegExpPrototypeExec,
  StringPrototypeReplace,
  Symbol,
} = primordials;

const net = require('net');
const EventEmitter = require('events');
const { Buffer } = require('buffer');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_MULTIPLE_CALLBACK,
    ERR_OUT_OF_RANGE,
    ERR_SOCKET_CLOSED,
    ERR_TLS_DH_PARAM_SIZE,
    ERR_TLS_HANDSHAKE_TIMEOUT,
    ERR_TLS_INVALID_CONTEXT,
    ERR_TLS_REQUIRED_SERVER_NAME,
    ERR_TLS_SNI_FROM_SERVER,
    ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS,
  },
  connResetException,
} = require('internal/errors');
const {
  validateBuffer,
  validateFunction,
  validateInt32,
  validateNumber,
  validateObject,
  validateString,
  validateUint32,
} = require('internal/validators');
const { kOwner } = require('internal/stream_base_commons');
const {
  TLSHandle,
  ParentView,
  PendingRaw,
  rawHandleOf,
} = require('internal/tls/handle');
const {
  SecureContext,
  createSecureContext,
} = require('internal/tls/secure_context');
const { TCP, constants: TCPConstants } = internalBinding('tcp_wrap');

const kConn = Symbol('kConn');
const kIsVerified = Symbol('verified');
const kPendingSession = Symbol('pendingSession');
const kHandshakeTimeout = Symbol('handshakeTimeout');
const kSNICallback = Symbol('snicallback');
const kALPNProtocols = Symbol('alpnProtocols');
const kErrorEmitted = Symbol('kErrorEmitted');
const kRaw = Symbol('kRaw');
const kAdopted = Symbol('kAdopted');
const kFromConnect = Symbol('kFromConnect');

function noop() {}

/* new TLSSocket([socket][, options]): wraps `socket` (a net.Socket or any
 * Duplex), or a new TCP handle when there is none. options: isServer,
 * server, secureContext (or the createSecureContext options),
 * requestCert, rejectUnauthorized, ALPNProtocols, SNICallback, session,
 * servername, enableTrace. */
function TLSSocket(socket, opts) {
  if (!(this instanceof TLSSocket)) return new TLSSocket(socket, opts);
  const tlsOptions = ObjectAssign({ __proto__: null }, opts);
  this._tlsOptions = tlsOptions;
  this._secureEstablished = false;
  this._securePending = false;
  this._newSessionPending = false;
  this._controlReleased = false;
  this.secureConnecting = true;
  this._SNICallback = null;
  this.servername = null;
  this.alpnProtocol = null;
  this.authorized = false;
  this.authorizationError = null;
  this[kIsVerified] = false;
  this[kPendingSession] = null;
  this[kErrorEmitted] = false;

  let raw;
  let parent = null;
  let unconnected = null;
  if (socket instanceof net.Socket && !socket._handle) {
    raw = new PendingRaw();
    unconnected = socket;
  } else if (socket) {
    raw = rawHandleOf(socket);
    if (socket instanceof net.Socket && raw === socket._handle) {
      parent = socket;
    }
  } else {
    raw = new TCP(TCPConstants.SOCKET);
  }

  let context = tlsOptions.secureContext;
  if (!context) context = createSecureContext(tlsOptions);
  if (!(context instanceof SecureContext) && !context?.context) {
    throw new ERR_TLS_INVALID_CONTEXT('context');
  }
  const isServer = !!tlsOptions.isServer;
  const handle = new TLSHandle(raw, context.context, isServer, {
    onhandshake: () => onHandshakeDone(this),
    onerror: (err) => onTLSError(this, err),
    onsession: (buf) => onNewSession(this, buf),
    onkeylog: (line) => onKeylog(this, line),
    onclienthello: (name) => onClientHello(this, name),
  });
  this[kConn] = handle.conn;
  this[kRaw] = raw;
  this.ssl = handle.conn;

  FunctionPrototypeCall(net.Socket, this, {
    handle,
    allowHalfOpen: socket ? socket.allowHalfOpen : tlsOptions.allowHalfOpen,
    pauseOnConnect: tlsOptions.pauseOnConnect,
    manualStart: true,
    highWaterMark: tlsOptions.highWaterMark,
    onread: !socket ? tlsOptions.onread : undefined,
    signal: tlsOptions.signal,
  });
  // The raw handle reports connects to this socket (or to the parent that
  // is connecting it).
  if (parent === null) raw[kOwner] = this;
  this.encrypted = true;
  this._parent = parent;

  if (parent !== null) adoptParent(this, parent);
  this.on('newListener', keylogNewListener);
  initConnection(this, tlsOptions, isServer);

  if (unconnected !== null) {
    // Wrap its handle once it has one and is connected.
    this.connecting = true;
    unconnected.once('connect', () => {
      if (this.destroyed) return;
      handle.setRaw(unconnected._handle);
      adoptParent(this, unconnected);
      this.connecting = false;
      this._start();
      this.emit('connect');
    });
  } else if (socket) {
    if (socket.connecting || (parent === null && socket.pending)) {
      socket.once('connect', () => {
        this.connecting = false;
        this._start();
        this.emit('connect');
      });
      this.connecting = true;
    } else {
      this._start();
      feedBuffered(this, socket);
    }
  } else {
    this.once('connect', () => this._start());
  }
  if (!tlsOptions.pauseOnConnect) this.read(0);
}

/* The TLS socket owns the connection of `parent` (a net.Socket) now: the
 * parent's handle becomes a view that cannot read, and the parent closes
 * with the TLS socket. */
function adoptParent(tlsSocket, parent) {
  tlsSocket._parent = parent;
  parent._handle = new ParentView(tlsSocket._handle);
  parent._handle[kOwner] = parent;
  tlsSocket[kAdopted] = parent;
}

/* Ciphertext the wrapped socket read before this TLSSocket existed goes
 * to the TLS layer first. */
function feedBuffered(tlsSocket, socket) {
  if (!socket.readableLength || typeof socket.read !== 'function') return;
  const data = socket.read();
  if (data === null || !tlsSocket._handle) return;
  const buf = typeof data === 'string' ? Buffer.from(data, 'latin1') : data;
  tlsSocket._handle.raw.onread(buf.length, buf);
}
ObjectSetPrototypeOf(TLSSocket.prototype, net.Socket.prototype);
ObjectSetPrototypeOf(TLSSocket, net.Socket);

function keylogNewListener(event) {
  if (event === 'keylog' && this[kConn] && this._handle) {
    this[kConn].enableKeylog(true);
  }
}

/* Settings on the connection before the handshake. */
function initConnection(socket, options, isServer) {
  const conn = socket[kConn];
  if (isServer) {
    const server = options.server;
    conn.setVerifyMode(!!options.requestCert);
    if (options.ALPNProtocols) {
      const out = {};
      require('tls').convertALPNProtocols(options.ALPNProtocols, out);
      if (out.ALPNProtocols) conn.setALPNProtocols(out.ALPNProtocols);
    }
    if (options.SNICallback || server?._contexts?.length > 0) {
      socket._SNICallback = options.SNICallback ?? null;
      conn.setPauseOnHello(true);
    }
    if (server instanceof Server && server.listenerCount('keylog') > 0) {
      conn.enableKeylog(true);
    }
  } else {
    conn.setVerifyMode(true);
    if (options.ALPNProtocols) {
      const out = {};
      require('tls').convertALPNProtocols(options.ALPNProtocols, out);
      if (out.ALPNProtocols) conn.setALPNProtocols(out.ALPNProtocols);
    }
    if (options.servername) conn.setServername(options.servername);
    if (options.session) socket.setSession(options.session);
  }
}

/* Starts the handshake once the transport is connected. */
TLSSocket.prototype._start = function _start() {
  if (this.destroyed || !this._handle) return;
  if (this._tlsOptions.isServer) {
    const timeout = this._tlsOptions.server?.[kHandshakeTimeout];
    if (timeout > 0) {
      this.setTimeout(timeout, this._handleTimeout);
    }
  }
  this._handle.start();
};

TLSSocket.prototype._handleTimeout = function() {
  this._emitTLSError(new ERR_TLS_HANDSHAKE_TIMEOUT());
};

TLSSocket.prototype._emitTLSError = function(err) {
  const server = this._tlsOptions.server;
  if (this._tlsOptions.isServer && server) {
    this._hadError = true;
    server.emit('tlsClientError', err, this);
    this.destroy();
    return;
  }
  this.destroy(err);
};

function onTLSError(socket, err) {
  if (socket.destroyed || socket[kErrorEmitted]) return;
  if (err === null) {
    // The transport ended before the handshake finished.
    const error = connResetException(
      'Client network socket disconnected before secure TLS connection ' +
      'was established');
    error.path = socket._tlsOptions.path;
    error.host = socket._tlsOptions.host;
    error.port = socket._tlsOptions.port;
    error.localAddress = socket._tlsOptions.localAddress;
    err = error;
  }
  socket[kErrorEmitted] = true;
  socket._emitTLSError(err);
}

function onNewSession(socket, buf) {
  if (socket._tlsOptions.isServer) return;
  if (!socket._secureEstablished) {
    socket[kPendingSession] = buf;
    return;
  }
  socket.emit('session', buf);
}

function onKeylog(socket, line) {
  if (socket._tlsOptions.isServer) {
    socket._tlsOptions.server?.emit('keylog', line, socket);
  } else {
    socket.emit('keylog', line);
  }
}

/* Server, ClientHello paused: pick the context for the SNI name. */
function onClientHello(socket, servername) {
  const conn = socket[kConn];
  const resume = () => {
    if (socket.destroyed || !socket._handle) return;
    socket._handle.sendRaw(conn.resume());
    socket._handle.checkError();
  };
  if (!servername) {
    resume();
    return;
  }
  socket.servername = servername;
  const server = socket._tlsOptions.server;
  const callback = socket._SNICallback ??
    ((name, cb) => cb(null, server?._findContext(name)));
  let called = false;
  callback(servername, (err, context) => {
    if (called) {
      socket.destroy(new ERR_MULTIPLE_CALLBACK());
      return;
    }
    called = true;
    if (socket.destroyed) return;
    if (err) {
      socket._emitTLSError(err);
      return;
    }
    if (context) {
      const native = context.context;
      try {
        conn.setContext(native);
      } catch {
        socket._emitTLSError(new Error('Invalid SNI context'));
        return;
      }
    }
    process.nextTick(resume);
  });
}

function onHandshakeDone(socket) {
  const conn = socket[kConn];
  socket._secureEstablished = true;
  socket.secureConnecting = false;
  socket.alpnProtocol = conn.getALPN();
  socket.servername = socket.servername || conn.getServername();
  if (socket._tlsOptions.isServer) {
    onServerSecure(socket);
  } else if (socket[kFromConnect]) {
    onClientSecure(socket);
  } else {
    // A TLSSocket made by hand: verification is reported, not enforced.
    const err = verifyError(socket);
    socket.authorized = err === null;
    socket.authorizationError = err ? err.code : null;
    socket.emit('secure');
  }
  if (socket[kPendingSession] !== null && !socket.destroyed) {
    const session = socket[kPendingSession];
    socket[kPendingSession] = null;
    socket.emit('session', session);
  }
}

/* The verification result as a Node error, or null. */
function verifyError(socket) {
  return socket[kConn].verifyError() ?? null;
}

function onServerSecure(socket) {
  const options = socket._tlsOptions;
  if (options.requestCert) {
    const err = verifyError(socket);
    if (err) {
      socket.authorizationError = err.code;
      if (options.rejectUnauthorized) {
        socket.destroy();
        return;
      }
    } else {
      socket.authorized = true;
    }
  }
  if (options.server && options.server[kHandshakeTimeout] > 0) {
    socket.setTimeout(0, socket._handleTimeout);
  }
  socket.emit('secure');
  if (!socket.destroyed && options.server) {
    options.server.emit('secureConnection', socket);
  }
}

function onClientSecure(socket) {
  const options = socket._tlsOptions;
  let err = verifyError(socket);
  if (err === null) {
    const hostname = options.servername ||
      (options.host ? StringPrototypeReplace(options.host, /^\[|\]$/g, '') :
        'localhost');
    const cert = socket.getPeerCertificate(true);
    const check = options.checkServerIdentity ??
      require('tls').checkServerIdentity;
    err = check(hostname, cert) ?? null;
  }
  if (err) {
    socket.authorized = false;
    socket.authorizationError = err.code || err.message;
    if (options.rejectUnauthorized !== false) {
      socket[kErrorEmitted] = true;
      socket.destroy(err);
      return;
    }
  } else {
    socket.authorized = true;
  }
  socket.emit('secureConnect');
  socket.emit('secure');
}

TLSSocket.prototype._destroy = function(exception, cb) {
  const parent = this[kAdopted];
  if (parent) {
    // The parent's connection is this socket's: it ends with it (without
    // touching the handle, which this socket closes).
    this[kAdopted] = null;
    parent._handle = null;
    parent.destroy();
  }
  return FunctionPrototypeCall(net.Socket.prototype._destroy, this,
                               exception, cb);
};

/* ---- queries ---- */

TLSSocket.prototype.getPeerCertificate = function(detailed) {
  if (!this._handle) return null;
  const { translatePeerCertificate } = require('_tls_common');
  return translatePeerCertificate(
    this[kConn].getPeerCertificate(!!detailed)) || {};
};

TLSSocket.prototype.getCertificate = function() {
  if (!this._handle) return null;
  return this[kConn].getCertificate() || {};
};

TLSSocket.prototype.getPeerX509Certificate = function() { return undefined; };
TLSSocket.prototype.getX509Certificate = function() { return undefined; };

TLSSocket.prototype.getProtocol = function() {
  if (!this._handle) return null;
  return this[kConn].getProtocol() ?? null;
};

TLSSocket.prototype.getCipher = function() {
  if (!this._handle) return null;
  return this[kConn].getCipher() ?? null;
};

TLSSocket.prototype.getSession = function() {
  if (!this._handle) return undefined;
  return this[kConn].getSession();
};

TLSSocket.prototype.getTLSTicket = function() { return undefined; };

TLSSocket.prototype.isSessionReused = function() {
  return !!this._handle && this[kConn].isSessionReused();
};

TLSSocket.prototype.setSession = function(session) {
  if (typeof session === 'string') session = Buffer.from(session, 'latin1');
  if (this[kConn]) this[kConn].setSession(session);
};

TLSSocket.prototype.getFinished = function() {
  if (this._handle) return this[kConn].getFinished();
};

TLSSocket.prototype.getPeerFinished = function() {
  if (this._handle) return this[kConn].getPeerFinished();
};

TLSSocket.prototype.getEphemeralKeyInfo = function() {
  if (!this._handle) return null;
  if (this._tlsOptions.isServer) return null;
  return this[kConn].getEphemeralKeyInfo();
};

TLSSocket.prototype.getSharedSigalgs = function() { return []; };

TLSSocket.prototype.exportKeyingMaterial = function(length, label, context) {
  validateUint32(length, 'length', true);
  validateString(label, 'label');
  if (context !== undefined) validateBuffer(context, 'context');
  if (!this._secureEstablished) {
    const { codes: { ERR_TLS_INVALID_STATE } } = require('internal/errors');
    throw new ERR_TLS_INVALID_STATE();
  }
  return this[kConn].exportKeyingMaterial(length, label, context);
};

TLSSocket.prototype.setMaxSendFragment = function(size) {
  validateInt32(size, 'size');
  return !!this._handle && this[kConn].setMaxSendFragment(size);
};

TLSSocket.prototype.setServername = function(name) {
  validateString(name, 'name');
  if (this._tlsOptions.isServer) throw new ERR_TLS_SNI_FROM_SERVER();
  this[kConn].setServername(name);
};

/* Frees the OpenSSL state early; the socket can no longer send. */
TLSSocket.prototype._destroySSL = function _destroySSL() {
  if (!this.ssl) return;
  this.ssl.destroy();
  this.ssl = null;
};

TLSSocket.prototype.enableTrace = function() {};
TLSSocket.prototype.disableRenegotiation = function() {
  this._disableRenegotiation = true;
};

TLSSocket.prototype.renegotiate = function(options, callback) {
  validateObject(options, 'options');
  if (callback !== undefined) validateFunction(callback, 'callback');
  if (this.destroyed) return false;
  const err = new Error('TLS session renegotiation is not supported');
  if (callback) process.nextTick(callback, err);
  return false;
};

/* ---- tls.Server ---- */

/* new Server([options][, secureConnectionListener]) */
function Server(options, listener) {
  if (!(this instanceof Server)) return new Server(options, listener);
  if (typeof options === 'function') {
    listener = options;
    options = {};
  } else if (options == null || typeof options === 'object') {
    options = options ?? {};
  } else {
    throw new ERR_INVALID_ARG_TYPE('options', 'Object', options);
  }
  this._contexts = [];
  this.requestCert = options.requestCert === true;
  this.rejectUnauthorized = options.rejectUnauthorized !== false;
  if (options.ALPNProtocols && options.ALPNCallback) {
    throw new ERR_TLS_ALPN_CALLBACK_WITH_PROTOCOLS();
  }
  const alpn = {};
  require('tls').convertALPNProtocols(options.ALPNProtocols, alpn);
  this[kALPNProtocols] = alpn.ALPNProtocols;
  if (options.SNICallback !== undefined) {
    validateFunction(options.SNICallback, 'options.SNICallback');
  }
  this[kSNICallback] = options.SNICallback;
  const timeout = options.handshakeTimeout ?? 120000;
  validateNumber(timeout, 'options.handshakeTimeout');
  this[kHandshakeTimeout] = timeout;
  this._sharedCreds = null;
  this.setSecureContext(options);
  FunctionPrototypeCall(net.Server, this, options, tlsConnectionListener);
  if (listener) this.on('secureConnection', listener);
}
ObjectSetPrototypeOf(Server.prototype, net.Server.prototype);
ObjectSetPrototypeOf(Server, net.Server);

function tlsConnectionListener(rawSocket) {
  const socket = new TLSSocket(rawSocket, {
    secureContext: this._sharedCreds,
    isServer: true,
    server: this,
    requestCert: this.requestCert,
    rejectUnauthorized: this.rejectUnauthorized,
    ALPNProtocols: this[kALPNProtocols],
    SNICallback: this[kSNICallback],
    pauseOnConnect: this.pauseOnConnect,
  });
  socket.on('error', (err) => {
    if (!socket._secureEstablished) {
      this.emit('tlsClientError', err, socket);
    }
  });
}

Server.prototype.setSecureContext = function(options) {
  validateObject(options, 'options');
  this.key = options.key;
  this.cert = options.cert;
  this.ca = options.ca;
  this.passphrase = options.passphrase;
  this.pfx = options.pfx;
  this.ciphers = options.ciphers;
  this.ecdhCurve = options.ecdhCurve;
  this.dhparam = options.dhparam;
  this.honorCipherOrder = options.honorCipherOrder !== false;
  this.secureProtocol = options.secureProtocol;
  this.secureOptions = options.secureOptions;
  this.sessionIdContext = options.sessionIdContext ??
    defaultSessionIdContext();
  this.sessionTimeout = options.sessionTimeout;
  this.minVersion = options.minVersion;
  this.maxVersion = options.maxVersion;
  this.crl = options.crl;
  this.sigalgs = options.sigalgs;
  this._sharedCreds = createSecureContext({
    key: this.key,
    cert: this.cert,
    ca: this.ca,
    passphrase: this.passphrase,
    pfx: this.pfx,
    ciphers: this.ciphers,
    ecdhCurve: this.ecdhCurve,
    secureProtocol: this.secureProtocol,
    secureOptions: this.secureOptions,
    sessionIdContext: this.sessionIdContext,
    sessionTimeout: this.sessionTimeout,
    minVersion: this.minVersion,
    maxVersion: this.maxVersion,
    crl: this.crl,
    sigalgs: this.sigalgs,
  });
  if (options.ticketKeys !== undefined) this.setTicketKeys(options.ticketKeys);
};

/* A per-program id (sessions resume only within the same program). */
function defaultSessionIdContext() {
  const text = process.argv.join(' ');
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 + c, 0x5bd1e995) >>> 0;
  }
  return (h1.toString(16) + h2.toString(16)).padStart(16, '0');
}

Server.prototype.addContext = function(servername, context) {
  if (!servername) throw new ERR_TLS_REQUIRED_SERVER_NAME();
  const pattern = '^' + StringPrototypeReplace(
    StringPrototypeReplace(servername, /([.^$+?\-\\[\]{}])/g, '\\$1'),
    /\*/g, '[^.]*') + '$';
  const secureContext = context instanceof SecureContext ? context :
    createSecureContext(context);
  ArrayPrototypePush(this._contexts, [new RegExp(pattern, 'i'), secureContext]);
};

Server.prototype._findContext = function(servername) {
  for (let i = this._contexts.length - 1; i >= 0; i--) {
    const [re, context] = this._contexts[i];
    if (RegExpPrototypeExec(re, servername) !== null) return context;
  }
  return undefined;
};

Server.prototype.getTicketKeys = function() {
  return Buffer.alloc(48);
};

Server.prototype.setTicketKeys = function(keys) {
  validateBuffer(keys, 'keys');
  if (keys.byteLength !== 48) {
    throw new ERR_OUT_OF_RANGE('keys.byteLength', '48', keys.byteLength);
  }
};

Server.prototype.setOptions = function() {};

/* createServer([options][, listener]) */
function createServer(options, listener) {
  return new Server(options, listener);
}

/* net's argument rules, plus an options object in second or third place
 * merged in: [options, cb|null]. */
function normalizeConnectArgs(args) {
  const normalized = net._normalizeArgs(args);
  const options = normalized[0];
  if (typeof args[1] === 'object' && args[1] !== null) {
    ObjectAssign(options, args[1]);
  } else if (typeof args[2] === 'object' && args[2] !== null) {
    ObjectAssign(options, args[2]);
  }
  return [options, normalized[1]];
}

/* connect(options[, cb]) / connect(port[, host][, options][, cb]) */
function connect(...args) {
  let [options, cb] = normalizeConnectArgs(args);
  const tls = require('tls');
  options = {
    rejectUnauthorized: !process.env.NODE_TLS_REJECT_UNAUTHORIZED ||
      process.env.NODE_TLS_REJECT_UNAUTHORIZED !== '0',
    ciphers: tls.DEFAULT_CIPHERS,
    checkServerIdentity: tls.checkServerIdentity,
    minDHSize: 1024,
    ...options,
  };
  if (!options.keepAlive) options.singleUse = true;
  validateFunction(options.checkServerIdentity, 'options.checkServerIdentity');
  validateNumber(options.minDHSize, 'options.minDHSize', 1);
  const context = options.secureContext || createSecureContext(options);
  if (!options.host && !options.path && !options.socket) {
    options.host = 'localhost';
  }
  let servername = options.servername;
  if (servername && net.isIP(servername)) servername = undefined;
  const socket = new TLSSocket(options.socket, {
    ...options,
    secureContext: context,
    isServer: false,
    servername,
    rejectUnauthorized: options.rejectUnauthorized,
  });
  socket._tlsOptions.servername = servername;
  socket[kFromConnect] = true;
  if (cb) socket.once('secureConnect', cb);
  if (!options.socket) {
    if (options.timeout) socket.setTimeout(options.timeout);
    socket.connect(options);
  }
  return socket;
}

module.exports = {
  TLSSocket,
  Server,
  createServer,
  connect,
};
