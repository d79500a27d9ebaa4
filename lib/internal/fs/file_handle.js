'use strict';
// internal/fs/file_handle: the FileHandle of fs/promises, an fd with
// promise-returning methods that closes only once its pending operations
// are done (and on garbage collection, with a warning).

const {
  FinalizationRegistry,
  Promise,
  PromisePrototypeThen,
  PromiseResolve,
  Symbol,
} = primordials;

const SymbolAsyncDispose = Symbol.asyncDispose;

const EventEmitter = require('events');
const { Buffer } = require('buffer');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_STATE,
    ERR_METHOD_NOT_IMPLEMENTED,
  },
} = require('internal/errors');
const { isArrayBufferView } = require('internal/util/types');
const {
  parseFileMode,
  validateBuffer,
  validateEncoding,
  validateInteger,
} = require('internal/validators');
const {
  isUtf8,
  kMaxUserId,
  kUsePromises,
  toUnixTimestamp,
  validateBufferArray,
} = require('internal/fs/utils');
const { getStatsFromBinding } = require('internal/fs/stats');
const {
  checkRead,
  checkWriteView,
  writePosition,
} = require('internal/fs/rw_args');

const binding = internalBinding('fs');

const kFd = Symbol('kFd');
const kRefs = Symbol('kRefs');
const kClosePromise = Symbol('kClosePromise');
const kCloseResolve = Symbol('kCloseResolve');
const kCloseReject = Symbol('kCloseReject');
// Streams (fs streams, readableWebStream) using the handle: while any is,
// the handle cannot be transferred to another thread.
const kInUse = Symbol('kInUse');
// Set for good by readableWebStream(): one web stream per FileHandle.
const kLocked = Symbol('kLocked');

let nextAsyncId = 1;

const gcWarning = 'Closing a FileHandle object on garbage collection is ' +
  'deprecated. Please close FileHandle objects explicitly using ' +
  'FileHandle.prototype.close(). In the future, an error will be thrown if ' +
  'a file descriptor is closed during garbage collection.';

/* Closes the fds of FileHandles that were collected while open. */
const registry = new FinalizationRegistry((fd) => {
  try {
    binding.close(fd);
  } catch {
    return;
  }
  process.emitWarning(`Closing file descriptor ${fd} on garbage collection`);
  process.emitWarning(gcWarning, 'DeprecationWarning', 'DEP0137');
});

class FileHandle extends EventEmitter {
  /* new FileHandle(fd); without fd, the shell a transferred handle is
   * rebuilt in (see kDeserialize). */
  constructor(fd) {
    super();
    this[kFd] = fd === undefined ? -1 : fd;
    this[kRefs] = 1;
    this[kInUse] = 0;
    this[kLocked] = false;
    this[kClosePromise] = null;
    this.asyncId = nextAsyncId++;
    if (fd !== undefined) registry.register(this, fd, this);
  }

  getAsyncId() {
    return this.asyncId;
  }

  get fd() {
    return this[kFd];
  }

  /* close() -> Promise: closes the fd once pending operations finish. */
  close = () => {
    if (this[kFd] === -1) return PromiseResolve();
    if (this[kClosePromise]) return this[kClosePromise];
    this[kRefs]--;
    if (this[kRefs] === 0) {
      this[kClosePromise] = closeNow(this);
    } else {
      this[kClosePromise] = new Promise((resolve, reject) => {
        this[kCloseResolve] = resolve;
        this[kCloseReject] = reject;
      });
    }
    this.emit('close');
    return this[kClosePromise];
  };

  async [SymbolAsyncDispose]() {
    return this.close();
  }

  appendFile(data, options) {
    return fsCall('write', this, () => writeFileHandle(this, data, options,
                                                       'a'));
  }

  chmod(mode) {
    mode = parseFileMode(mode, 'mode');
    return fsCall('fchmod', this, (fd) => binding.fchmod(fd, mode,
                                                          kUsePromises));
  }

  chown(uid, gid) {
    validateInteger(uid, 'uid', -1, kMaxUserId);
    validateInteger(gid, 'gid', -1, kMaxUserId);
    return fsCall('fchown', this,
                  (fd) => binding.fchown(fd, uid, gid, kUsePromises));
  }

  datasync() {
    return fsCall('fdatasync', this,
                  (fd) => binding.fdatasync(fd, kUsePromises));
  }

  sync() {
    return fsCall('fsync', this, (fd) => binding.fsync(fd, kUsePromises));
  }

  /* read(buffer, offset, length, position), read(buffer[, options]),
   * read([options]) -> {bytesRead, buffer} */
  read(bufferOrOptions, offset, length, position) {
    return fsCall('read', this, (fd) => readHandle(fd, bufferOrOptions,
                                                   offset, length, position));
  }

  readv(buffers, position) {
    validateBufferArray(buffers);
    return fsCall('read', this, async (fd) => {
      const bytesRead = await binding.readBuffers(
        fd, buffers, writePosition(position), kUsePromises);
      return { bytesRead, buffers };
    });
  }

  readFile(options) {
    return fsCall('read', this, () => require('internal/fs/promises')
      .readFileHandle(this, options));
  }

  readLines(options = undefined) {
    const readline = require('readline');
    return new readline.Interface({
      input: this.createReadStream(options),
      crlfDelay: Infinity,
    });
  }

  stat(options) {
    const bigint = !!options?.bigint;
    return fsCall('fstat', this, async (fd) => getStatsFromBinding(
      await binding.fstat(fd, bigint, undefined, kUsePromises)));
  }

  truncate(len = 0) {
    validateInteger(len, 'len');
    if (len < 0) len = 0;
    return fsCall('ftruncate', this,
                  (fd) => binding.ftruncate(fd, len, kUsePromises));
  }

  utimes(atime, mtime) {
    atime = toUnixTimestamp(atime, 'atime');
    mtime = toUnixTimestamp(mtime, 'mtime');
    return fsCall('futime', this,
                  (fd) => binding.futimes(fd, atime, mtime, kUsePromises));
  }

  /* write(view[, offset[, length[, position]]]), write(view[, options]) or
   * write(string[, position[, encoding]]) -> {bytesWritten, buffer} */
  write(buffer, offsetOrOptions, length, position) {
    return fsCall('write', this, (fd) => writeHandle(fd, buffer,
                                                     offsetOrOptions, length,
                                                     position));
  }

  writev(buffers, position) {
    validateBufferArray(buffers);
    return fsCall('write', this, async (fd) => {
      if (buffers.length === 0) return { bytesWritten: 0, buffers };
      const bytesWritten = await binding.writeBuffers(
        fd, buffers, writePosition(position), kUsePromises);
      return { bytesWritten, buffers };
    });
  }

  writeFile(data, options) {
    return fsCall('write', this, () => writeFileHandle(this, data, options));
  }

  /* readableWebStream() -> a byte ReadableStream over the file. */
  readableWebStream(options = undefined) {
    if (this[kFd] === -1) {
      throw new ERR_INVALID_STATE('The FileHandle is closed');
    }
    if (this[kClosePromise]) {
      throw new ERR_INVALID_STATE('The FileHandle is closing');
    }
    if (this[kLocked]) {
      throw new ERR_INVALID_STATE('The FileHandle is locked');
    }
    const ReadableStream = lazyReadableStream();
    if (ReadableStream === undefined) {
      throw new ERR_METHOD_NOT_IMPLEMENTED('readableWebStream()');
    }
    const handle = this;
    this[kLocked] = true;
    const stream = new ReadableStream({
      type: 'bytes',
      autoAllocateChunkSize: 16384,
      async pull(controller) {
        const view = controller.byobRequest.view;
        const { bytesRead } = await handle.read(view, view.byteOffset,
                                                view.byteLength);
        if (bytesRead === 0) {
          controller.close();
          controller.byobRequest.respond(0);
          handle.off('close', onClose);
        } else {
          controller.byobRequest.respond(bytesRead);
        }
      },
      cancel() {
        handle.off('close', onClose);
        return handle.close();
      },
    });
    // Closing the FileHandle cancels the stream, even while a reader has
    // it locked (its `closed` promise then resolves).
    const onClose = () => {
      const { readableStreamCancel } =
        require('internal/webstreams/readablestream');
      PromisePrototypeThen(readableStreamCancel(stream), undefined, () => {});
    };
    handle.once('close', onClose);
    return stream;
  }

  createReadStream(options = undefined) {
    const { ReadStream } = require('internal/fs/streams');
    return new ReadStream(undefined, { ...options, fd: this });
  }

  createWriteStream(options = undefined) {
    const { WriteStream } = require('internal/fs/streams');
    return new WriteStream(undefined, { ...options, fd: this });
  }
}

// A FileHandle can be transferred (postMessage, Worker transferList): the
// receiver gets a FileHandle over the same fd, and this one is left closed
// without a 'close' event. Not while an operation, a close or a stream is
// using it.
{
  const {
    kTransfer, kDeserialize, markTransferMode,
  } = require('internal/worker/js_transferable');
  markTransferMode(FileHandle.prototype, false, true);
  FileHandle.prototype[kTransfer] = function() {
    if (this[kClosePromise] || this[kRefs] > 1 || this[kInUse] > 0 ||
        this[kLocked]) {
      const { DOMException } = require('internal/per_context/domexception');
      throw new DOMException('Cannot transfer FileHandle while in use',
                             'DataCloneError');
    }
    const fd = this[kFd];
    this[kFd] = -1;
    this[kRefs] = 0;
    registry.unregister(this);
    return { data: { fd }, deserializeInfo: 'internal/fs/file_handle:FileHandle' };
  };
  FileHandle.prototype[kDeserialize] = function({ fd }) {
    this[kFd] = fd;
    this[kRefs] = 1;
    if (fd !== -1) registry.register(this, fd, this);
  };
}

/* Marks `handle` as used by a stream until the returned function is
 * called (it cannot be transferred meanwhile). */
function useFileHandle(handle) {
  handle[kInUse]++;
  let done = false;
  return () => {
    if (!done) {
      done = true;
      handle[kInUse]--;
    }
  };
}

/* Web streams' ReadableStream, or undefined while they are missing. */
function lazyReadableStream() {
  for (const id of ['internal/webstreams/readablestream', 'stream/web']) {
    try {
      const { ReadableStream } = require(id);
      if (typeof ReadableStream === 'function') return ReadableStream;
    } catch {
      // Not built in yet.
    }
  }
  return undefined;
}

/* Closes the fd now; settles a deferred close() if there was one. */
function closeNow(handle) {
  const fd = handle[kFd];
  handle[kFd] = -1;
  registry.unregister(handle);
  return PromisePrototypeThen(
    binding.close(fd, kUsePromises),
    () => { handle[kClosePromise] = undefined; },
    (err) => {
      handle[kClosePromise] = undefined;
      throw err;
    });
}

/* Runs fn(fd) as an operation of `handle`: refused once it is closed or
 * closing; a close() waiting for it proceeds when it ends. */
async function fsCall(syscall, handle, fn) {
  require('internal/assert')(handle instanceof FileHandle,
                             'handle must be an instance of FileHandle');
  if (handle[kFd] === -1 || handle[kClosePromise]) {
    const err = new Error('file closed');
    err.code = 'EBADF';
    err.syscall = syscall;
    throw err;
  }
  handle[kRefs]++;
  try {
    return await fn(handle[kFd]);
  } finally {
    if (--handle[kRefs] === 0 && handle[kCloseResolve]) {
      const resolve = handle[kCloseResolve];
      const reject = handle[kCloseReject];
      handle[kCloseResolve] = handle[kCloseReject] = undefined;
      PromisePrototypeThen(closeNow(handle), resolve, reject);
    }
  }
}

async function readHandle(fd, bufferOrOptions, offset, length, position) {
  let buffer = bufferOrOptions;
  if (!isArrayBufferView(buffer)) {
    const o = typeof bufferOrOptions === 'object' && bufferOrOptions !== null ?
      bufferOrOptions : {};
    buffer = o.buffer === undefined ? Buffer.alloc(16384) : o.buffer;
    validateBuffer(buffer);
    offset = o.offset === undefined ? 0 : o.offset;
    length = o.length === undefined ? buffer.byteLength - offset : o.length;
    position = o.position === undefined ? null : o.position;
  } else if (offset !== null && typeof offset === 'object') {
    const o = offset;
    offset = o.offset === undefined ? 0 : o.offset;
    length = o.length === undefined ? buffer.byteLength - offset : o.length;
    position = o.position === undefined ? null : o.position;
  }
  const a = checkRead(buffer, offset, length, position);
  if (a.length === 0) return { bytesRead: 0, buffer };
  const bytesRead = await binding.read(fd, buffer, a.offset, a.length,
                                       a.position, kUsePromises);
  return { bytesRead: bytesRead || 0, buffer };
}

async function writeHandle(fd, buffer, offsetOrOptions, length, position) {
  if (buffer?.byteLength === 0) return { bytesWritten: 0, buffer };
  if (isArrayBufferView(buffer)) {
    const a = checkWriteView(buffer, offsetOrOptions, length, position);
    const bytesWritten = await binding.writeBytes(fd, buffer, a.offset,
                                                  a.length, a.position,
                                                  kUsePromises);
    return { bytesWritten: bytesWritten || 0, buffer };
  }
  if (typeof buffer !== 'string') {
    throw new ERR_INVALID_ARG_TYPE(
      'buffer', ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
  }
  validateEncoding(buffer, length);
  const pos = writePosition(offsetOrOptions);
  let bytesWritten;
  if (!length || isUtf8(length)) {
    bytesWritten = await binding.writeText(fd, buffer, pos, kUsePromises);
  } else {
    const buf = Buffer.from(buffer, length);
    bytesWritten = await binding.writeBytes(fd, buf, 0, buf.byteLength, pos,
                                            kUsePromises);
  }
  return { bytesWritten: bytesWritten || 0, buffer };
}

function writeFileHandle(handle, data, options, flag) {
  return require('internal/fs/promises').writeFileHandle(handle, data,
                                                         options, flag);
}

module.exports = {
  FileHandle,
  fsCall,
  kFd,
  useFileHandle,
};
