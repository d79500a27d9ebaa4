'use strict';
// internal/tls/handle.js - TLSHandle: the stream handle a TLSSocket reads
// and writes (the same contract as tcp_wrap's, see bindings/stream_wrap.h),
// made of a native TLSConn (OpenSSL over memory BIOs) and the raw handle
// that carries the ciphertext (a TCP/Pipe handle, or StreamAdapter over
// any Duplex). Writes go to the raw handle at once, which tries the socket
// synchronously before queueing.

const {
  ArrayPrototypePush,
  ArrayPrototypeShift,
  Symbol,
} = primordials;

const { Buffer } = require('buffer');
const { TLSConn } = internalBinding('tls_wrap');
const { UV_EOF, UV_ECONNRESET, UV_EBADF } = internalBinding('uv');
const {
  streamBaseState,
  kBytesWritten,
  kLastWriteWasAsync,
} = internalBinding('stream_wrap');
const { kOwner } = require('internal/stream_base_commons');

const kRawRead = Symbol('kRawRead');

function noop() {}

/* Sets what the write just dispatched reports through streamBaseState. */
function reportWrite(bytes, async) {
  streamBaseState[kBytesWritten] = bytes;
  streamBaseState[kLastWriteWasAsync] = async ? 1 : 0;
}

class TLSHandle {
  /* raw: the ciphertext handle; context: a native SecureContext;
   * events: { onhandshake(), onerror(err), onsession(buf),
   * onkeylog(buf), onclienthello(servername) } called on the owner. */
  constructor(raw, context, isServer, events) {
    this.raw = raw;
    this.conn = new TLSConn(context, isServer);
    this.isServer = isServer;
    this.events = events;
    this.reading = false;
    this.onread = null;
    this.handshakeDone = false;
    this.pending = [];        // writes made before the handshake finished
    this.shutdownReq = null;  // a shutdown asked for before then
    this.error = null;
    this.rawReading = false;
    this.started = false;
    this.closed = false;
    this.eofDelivered = false;
    this.bytesWrittenClear = 0;
    const conn = this.conn;
    conn.onhandshakedone = () => this.handshakeFinished();
    conn.onread = (buf) => this.deliver(buf.length, buf);
    conn.onclosenotify = () => this.deliverEOF();
    conn.onerror = (err) => { if (this.error === null) this.error = err; };
    conn.onnewsession = (buf) => events.onsession(buf);
    conn.onkeylog = (buf) => events.onkeylog(buf);
    conn.onclienthello = (name) => events.onclienthello(name);
    this.setRaw(raw);
  }

  /* Moves the ciphertext to `raw` (a handle that became known late). */
  setRaw(raw) {
    this.raw = raw;
    raw.onread = (nread, buf) => this[kRawRead](nread, buf);
  }

  /* Begins the handshake (client) or waits for the ClientHello (server);
   * from now on the raw handle is read. */
  start() {
    if (this.started || this.closed) return;
    this.started = true;
    if (!this.isServer) this.sendRaw(this.conn.start());
    this.readRaw(true);
    this.checkError();
  }

  readRaw(on) {
    if (this.closed || on === this.rawReading) return;
    this.rawReading = on;
    if (on) this.raw.readStart();
    else this.raw.readStop();
  }

  [kRawRead](nread, buf) {
    if (this.closed) return;
    if (nread > 0 || (nread === undefined && buf)) {
      const out = this.conn.receive(buf);
      this.sendRaw(out);
      this.checkError();
      return;
    }
    if (nread === 0) return;
    if (nread === UV_EOF && !this.handshakeDone) {
      this.events.onerror(null);
      return;
    }
    this.deliver(nread === UV_EOF ? UV_EOF : nread, undefined);
  }

  /* Hands an OpenSSL failure to the owner once the alert went out. */
  checkError() {
    const err = this.error;
    if (err === null || this.closed) return;
    this.error = false;
    this.events.onerror(err);
  }

  deliver(nread, buf) {
    if (nread === UV_EOF) {
      if (this.eofDelivered) return;
      this.eofDelivered = true;
    }
    if (typeof this.onread === 'function') this.onread(nread, buf);
  }

  deliverEOF() {
    this.deliver(UV_EOF, undefined);
  }

  handshakeFinished() {
    this.handshakeDone = true;
    this.events.onhandshake();
    if (this.closed) return;
    this.flushPending();
    if (!this.reading && this.handshakeDone) this.readRaw(false);
  }

  flushPending() {
    while (this.pending.length > 0 && !this.closed) {
      const { req, chunks } = ArrayPrototypeShift(this.pending);
      const out = chunks.length === 1 ? this.conn.write(chunks[0]) :
        this.conn.writev(chunks);
      this.sendRaw(out, (status) => this.complete(req, status));
    }
    if (this.shutdownReq !== null && !this.closed) {
      const req = this.shutdownReq;
      this.shutdownReq = null;
      this.shutdown(req);
    }
  }

  complete(req, status) {
    if (typeof req.oncomplete === 'function') {
      req.oncomplete(status, this, undefined);
    }
  }

  /* Writes ciphertext to the raw handle; `done(status)` runs when it is
   * on its way (now or once libuv flushed it). Returns true when the
   * write completed synchronously. */
  sendRaw(buf, done) {
    if (buf === undefined || this.closed) {
      if (done) process.nextTick(done, 0);
      return true;
    }
    const req = {
      oncomplete(status) { if (done) done(status); },
      handle: this.raw,
      bytes: 0,
      async: false,
    };
    const err = this.raw.writeBuffer(req, buf);
    const async = streamBaseState[kLastWriteWasAsync] !== 0;
    if (err !== 0) {
      if (done) process.nextTick(done, err);
      return false;
    }
    if (!async && done) done(0);
    return !async;
  }

  /* Encrypts `chunks` (Buffers) for `req`; before the handshake they
   * wait. */
  writeChunks(req, chunks, bytes) {
    if (this.closed) return UV_ECONNRESET;
    this.bytesWrittenClear += bytes;
    if (!this.handshakeDone) {
      ArrayPrototypePush(this.pending, { req, chunks });
      reportWrite(bytes, true);
      return 0;
    }
    const out = chunks.length === 1 ? this.conn.write(chunks[0]) :
      this.conn.writev(chunks);
    let sync = true;
    let status = 0;
    const done = (s) => {
      if (sync) status = s;
      else this.complete(req, s);
    };
    const wasSync = this.sendRaw(out, done);
    sync = false;
    this.checkError();
    if (wasSync && status === 0) {
      reportWrite(bytes, false);
      return 0;
    }
    reportWrite(bytes, true);
    return 0;
  }

  writeBuffer(req, buf) {
    return this.writeChunks(req, [buf], buf.length);
  }

  writeUtf8String(req, s) { return this.writeBuffer(req, Buffer.from(s)); }
  writeLatin1String(req, s) {
    return this.writeBuffer(req, Buffer.from(s, 'latin1'));
  }
  writeAsciiString(req, s) {
    return this.writeBuffer(req, Buffer.from(s, 'ascii'));
  }
  writeUcs2String(req, s) {
    return this.writeBuffer(req, Buffer.from(s, 'ucs2'));
  }

  writev(req, chunks, allBuffers) {
    const bufs = [];
    let bytes = 0;
    if (allBuffers) {
      for (let i = 0; i < chunks.length; i++) {
        ArrayPrototypePush(bufs, chunks[i]);
        bytes += chunks[i].length;
      }
    } else {
      for (let i = 0; i < chunks.length; i += 2) {
        const c = chunks[i];
        const b = typeof c === 'string' ?
          Buffer.from(c, chunks[i + 1] || 'utf8') : c;
        ArrayPrototypePush(bufs, b);
        bytes += b.length;
      }
    }
    return this.writeChunks(req, bufs, bytes);
  }

  /* close_notify, then the raw handle's shutdown. */
  shutdown(req) {
    if (this.closed) return UV_ECONNRESET;
    if (!this.handshakeDone) {
      this.shutdownReq = req;
      return 0;
    }
    this.sendRaw(this.conn.shutdown());
    const rawReq = {
      oncomplete: (status) => this.complete(req, status),
      handle: this.raw,
    };
    const err = this.raw.shutdown(rawReq);
    if (err === 1) process.nextTick(() => this.complete(req, 0));
    else if (err !== 0) return err;
    return 0;
  }

  readStart() {
    this.reading = true;
    if (this.started) this.readRaw(true);
    return 0;
  }

  readStop() {
    this.reading = false;
    if (this.handshakeDone) this.readRaw(false);
    return 0;
  }

  close(cb) {
    if (this.closed) return;
    this.closed = true;
    this.conn.destroy();
    const raw = this.raw;
    raw.onread = noop;
    if (typeof raw.close === 'function') {
      raw.close(() => {
        if (typeof cb === 'function') cb();
        if (typeof this.onclose === 'function') this.onclose();
      });
    } else if (typeof cb === 'function') {
      process.nextTick(cb);
    }
  }

  reset(cb) {
    if (typeof this.raw.reset !== 'function') return this.close(cb);
    this.closed = true;
    this.conn.destroy();
    return this.raw.reset(cb);
  }

  // Delegated to the raw handle.
  connect(req, address, port) {
    if (this.closed) return UV_EBADF;
    return this.raw.connect(req, address, port);
  }
  connect6(req, address, port) {
    if (this.closed) return UV_EBADF;
    return this.raw.connect6(req, address, port);
  }
  bind(address, port) { return this.raw.bind(address, port); }
  bind6(address, port, flags) { return this.raw.bind6(address, port, flags); }
  open(fd) { return this.raw.open(fd); }
  getpeername(out) {
    return typeof this.raw.getpeername === 'function' ?
      this.raw.getpeername(out) : UV_ENOTSOCK_FALLBACK;
  }
  getsockname(out) {
    return typeof this.raw.getsockname === 'function' ?
      this.raw.getsockname(out) : UV_ENOTSOCK_FALLBACK;
  }
  setNoDelay(on) {
    if (typeof this.raw.setNoDelay === 'function') this.raw.setNoDelay(on);
  }
  setKeepAlive(on, delay) {
    if (typeof this.raw.setKeepAlive === 'function') {
      this.raw.setKeepAlive(on, delay);
    }
  }
  ref() { if (typeof this.raw.ref === 'function') this.raw.ref(); }
  unref() { if (typeof this.raw.unref === 'function') this.raw.unref(); }
  hasRef() {
    return typeof this.raw.hasRef === 'function' ? this.raw.hasRef() : true;
  }
  getAsyncId() { return -1; }

  // Node's name for the handle under the TLS layer.
  get _parent() { return this.raw; }
  get bytesRead() { return this.raw.bytesRead ?? 0; }
  get bytesWritten() { return this.raw.bytesWritten ?? 0; }
  get writeQueueSize() { return this.raw.writeQueueSize ?? 0; }
  get fd() { return this.raw.fd ?? -1; }
}

const UV_ENOTSOCK_FALLBACK = internalBinding('uv').UV_ENOTSOCK;

/* The raw-handle contract over a JS Duplex (a socket given to
 * tls.connect/new TLSSocket that has no native handle). */
class StreamAdapter {
  constructor(stream) {
    this.stream = stream;
    this.onread = null;
    this.bytesRead = 0;
    this.bytesWritten = 0;
    this.writeQueueSize = 0;
    this.fd = -1;
    this.reading = false;
    this.ondata = (chunk) => {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      this.bytesRead += buf.length;
      this.onread(buf.length, buf);
    };
    this.onend = () => this.onread(UV_EOF, undefined);
    stream.on('data', this.ondata);
    stream.on('end', this.onend);
    stream.pause();
  }

  readStart() {
    this.reading = true;
    this.stream.resume();
    return 0;
  }

  readStop() {
    this.reading = false;
    this.stream.pause();
    return 0;
  }

  writeBuffer(req, buf) {
    this.bytesWritten += buf.length;
    this.stream.write(buf, (err) => req.oncomplete(err ? UV_ECONNRESET : 0));
    reportWrite(buf.length, true);
    return 0;
  }

  shutdown(req) {
    this.stream.end(() => req.oncomplete(0));
    return 0;
  }

  close(cb) {
    this.stream.removeListener('data', this.ondata);
    this.stream.removeListener('end', this.onend);
    this.stream.destroy();
    if (typeof cb === 'function') process.nextTick(cb);
  }

  getpeername(out) {
    const s = this.stream;
    if (s.remoteAddress === undefined) return UV_ENOTSOCK_FALLBACK;
    out.address = s.remoteAddress;
    out.family = s.remoteFamily;
    out.port = s.remotePort;
    return 0;
  }
}

/* The raw handle of a TLSSocket over a net.Socket that is not connecting
 * yet: nothing to read or write until it connects. */
class PendingRaw {
  readStart() { return 0; }
  readStop() { return 0; }
  close(cb) { if (typeof cb === 'function') process.nextTick(cb); }
}

/* What a net.Socket whose handle a TLSSocket took over sees as its handle:
 * reading is the TLS layer's business now, so read calls do nothing;
 * addresses and options still reach the raw handle; closing it closes
 * the TLS socket's handle. */
class ParentView {
  constructor(tls) {
    this.tls = tls;
    this.reading = false;
    this.onread = null;
  }

  readStart() { return 0; }
  readStop() { return 0; }
  connect(req, address, port) { return this.tls.connect(req, address, port); }
  connect6(req, address, port) {
    return this.tls.connect6(req, address, port);
  }
  bind(address, port) { return this.tls.bind(address, port); }
  bind6(address, port, flags) { return this.tls.bind6(address, port, flags); }
  getpeername(out) { return this.tls.getpeername(out); }
  getsockname(out) { return this.tls.getsockname(out); }
  setNoDelay(on) { this.tls.setNoDelay(on); }
  setKeepAlive(on, delay) { this.tls.setKeepAlive(on, delay); }
  ref() { this.tls.ref(); }
  unref() { this.tls.unref(); }
  close(cb) {
    if (!this.tls.closed) this.tls.close();
    if (typeof cb === 'function') process.nextTick(cb);
  }
  shutdown(req) { return 1; }
  writeBuffer() { return UV_ENOTSOCK_FALLBACK; }
  writev() { return UV_ENOTSOCK_FALLBACK; }
  writeUtf8String() { return UV_ENOTSOCK_FALLBACK; }
  get bytesRead() { return this.tls.bytesRead; }
  get bytesWritten() { return this.tls.bytesWritten; }
  get writeQueueSize() { return 0; }
  get fd() { return this.tls.fd; }
}

/* The raw handle to use for `socket` (a net.Socket with a handle, or
 * another Duplex). */
function rawHandleOf(socket) {
  if (socket._handle && typeof socket._handle.readStart === 'function' &&
      !(socket._handle instanceof TLSHandle)) {
    return socket._handle;
  }
  return new StreamAdapter(socket);
}

module.exports = {
  TLSHandle,
  StreamAdapter,
  ParentView,
  PendingRaw,
  rawHandleOf,
  kOwner,
};
