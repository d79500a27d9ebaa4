'use strict';
// internal/fs/async: the callback half of the fs module. Each function
// checks its arguments like its *Sync twin and hands the callback to the
// binding, which runs the call on the libuv thread pool.

const {
  MathMax,
  ObjectDefineProperty,
} = primordials;

const {
  AbortError,
  codes: {
    ERR_FS_FILE_TOO_LARGE,
  },
} = require('internal/errors');
const { isArrayBufferView } = require('internal/util/types');
const { bindToNewResource } = require('internal/async_hooks');
const {
  parseFileMode,
  validateFunction,
  validateInteger,
  validateObject,
  kValidateObjectAllowNullable,
} = require('internal/validators');
const {
  kCustomPromisifiedSymbol,
  kCustomPromisifyArgsSymbol,
} = require('internal/util');
const {
  constants: { F_OK },
  copyObject,
  emitRecursiveRmdirWarning,
  encodeName,
  getOptions,
  getValidatedFd,
  getValidatedPath,
  getValidMode,
  isUtf8,
  kMaxUserId,
  nameEncoding,
  stringToFlags,
  stringToSymlinkType,
  toUnixTimestamp,
  validateBufferArray,
  validateRmdirOptions,
  validateRmOptions,
} = require('internal/fs/utils');
const {
  getDirents,
  getStatFsFromBinding,
  getStatsFromBinding,
} = require('internal/fs/stats');
const {
  checkRead,
  checkWriteString,
  checkWriteView,
  fromReadOptions,
  writePosition,
} = require('internal/fs/rw_args');
const {
  decodeFile,
  fileData,
  isFd,
  mkdirOptions,
  readEncoding,
  warnTruncateFd,
} = require('internal/fs/sync');

const binding = internalBinding('fs');

let BufferCtor;
function lazyBuffer() {
  BufferCtor ??= require('buffer').Buffer;
  return BufferCtor;
}

/* Throws ERR_INVALID_ARG_TYPE unless `cb` is a function. Returns the
 * callback to give the binding (an FSREQCALLBACK async resource's while
 * async hooks are enabled). */
function makeCallback(cb) {
  validateFunction(cb, 'cb');
  return bindToNewResource(cb, 'FSREQCALLBACK');
}

function abortError(signal) {
  return new AbortError(undefined, { cause: signal?.reason });
}

/* A binding callback that converts a stat record into Stats. */
function statsCallback(callback) {
  return (err, arr) => {
    if (err) return callback(err);
    callback(null, getStatsFromBinding(arr));
  };
}

function access(path, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = F_OK;
  }
  path = getValidatedPath(path);
  mode = getValidMode(mode, 'access');
  binding.access(path, mode, makeCallback(callback));
}

/* exists(path, callback(exists)): deprecated, never errors. */
function exists(path, callback) {
  validateFunction(callback, 'cb');
  try {
    access(path, F_OK, (err) => callback(!err));
  } catch {
    callback(false);
  }
}

ObjectDefineProperty(exists, kCustomPromisifiedSymbol, {
  __proto__: null,
  value: function exists(path) {
    return new Promise((resolve) => require('fs').exists(path, resolve));
  },
});

function open(path, flags, mode, callback) {
  path = getValidatedPath(path);
  if (arguments.length < 3) {
    callback = flags;
    flags = 'r';
    mode = 0o666;
  } else if (typeof mode === 'function') {
    callback = mode;
    mode = 0o666;
  } else {
    mode = parseFileMode(mode, 'mode', 0o666);
  }
  const flagsNumber = stringToFlags(flags);
  binding.open(path, flagsNumber, mode, makeCallback(callback));
}

function defaultCloseCallback(err) {
  if (err != null) throw err;
}

function close(fd, callback = defaultCloseCallback) {
  fd = getValidatedFd(fd);
  if (callback !== defaultCloseCallback) callback = makeCallback(callback);
  binding.close(fd, callback);
}

/* read(fd, buffer, offset, length, position, cb), read(fd, buffer,
 * options, cb), read(fd, options, cb) or read(fd, cb);
 * cb(err, bytesRead, buffer). */
function read(fd, buffer, offsetOrOptions, length, position, callback) {
  fd = getValidatedFd(fd);
  let offset = offsetOrOptions;
  const argc = arguments.length;
  if (argc <= 4) {
    let params;
    if (argc === 4) {
      validateObject(offsetOrOptions, 'options', kValidateObjectAllowNullable);
      callback = length;
      params = offsetOrOptions;
    } else if (argc === 3) {
      callback = offsetOrOptions;
      if (!isArrayBufferView(buffer)) {
        params = buffer;
        buffer = params?.buffer === undefined ?
          lazyBuffer().alloc(16384) : params.buffer;
      }
    } else {
      callback = buffer;
      buffer = lazyBuffer().alloc(16384);
    }
    ({ offset, length, position } = fromReadOptions(buffer, params));
  }
  const checked = checkReadArgsForCallback(buffer, offset, length, position,
                                           callback);
  callback = checked.callback;
  const buf = checked.buffer;
  if (checked.length === 0) {
    process.nextTick(() => callback(null, 0, buf));
    return;
  }
  binding.read(fd, buf, checked.offset, checked.length, checked.position,
               (err, bytesRead) => callback(err, bytesRead || 0, buf));
}

function checkReadArgsForCallback(buffer, offset, length, position, cb) {
  const { validateBuffer } = require('internal/validators');
  validateBuffer(buffer);
  const callback = makeCallback(cb);
  const a = checkRead(buffer, offset, length, position);
  a.callback = callback;
  return a;
}

ObjectDefineProperty(read, kCustomPromisifyArgsSymbol, {
  __proto__: null, value: ['bytesRead', 'buffer'], enumerable: false,
});

function readv(fd, buffers, position, callback) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (typeof position === 'function') {
    callback = position;
    position = null;
  }
  callback = makeCallback(callback);
  binding.readBuffers(fd, buffers, writePosition(position),
                      (err, n) => callback(err, n || 0, buffers));
}

ObjectDefineProperty(readv, kCustomPromisifyArgsSymbol, {
  __proto__: null, value: ['bytesRead', 'buffers'], enumerable: false,
});

/* write(fd, view[, offset[, length[, position]]], cb), write(fd, view,
 * options, cb) or write(fd, string[, position[, encoding]], cb);
 * cb(err, bytesWritten, bufferOrString). */
function write(fd, buffer, offsetOrOptions, length, position, callback) {
  fd = getValidatedFd(fd);
  if (isArrayBufferView(buffer)) {
    callback = makeCallback(callback || position || length || offsetOrOptions);
    if (typeof offsetOrOptions === 'function') offsetOrOptions = null;
    if (typeof length === 'function') length = undefined;
    if (typeof position === 'function') position = null;
    const a = checkWriteView(buffer, offsetOrOptions, length, position);
    binding.writeBytes(fd, buffer, a.offset, a.length, a.position,
                       (err, n) => callback(err, n || 0, buffer));
    return;
  }
  let pos = offsetOrOptions;
  let encoding = length;
  let cb = position;
  if (typeof cb !== 'function') {
    if (typeof pos === 'function') {
      cb = pos;
      pos = null;
    } else {
      cb = encoding;
    }
    encoding = 'utf8';
  }
  const string = checkWriteString(buffer, encoding, true);
  callback = makeCallback(cb);
  const done = (err, n) => callback(err, n || 0, string);
  pos = writePosition(pos);
  if (!encoding || isUtf8(encoding)) {
    binding.writeText(fd, string, pos, done);
  } else {
    const buf = lazyBuffer().from(string, encoding);
    binding.writeBytes(fd, buf, 0, buf.byteLength, pos, done);
  }
}

ObjectDefineProperty(write, kCustomPromisifyArgsSymbol, {
  __proto__: null, value: ['bytesWritten', 'buffer'], enumerable: false,
});

function writev(fd, buffers, position, callback) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (typeof position === 'function') {
    callback = position;
    position = null;
  }
  callback = makeCallback(callback);
  if (buffers.length === 0) {
    process.nextTick(callback, null, 0, buffers);
    return;
  }
  binding.writeBuffers(fd, buffers, writePosition(position),
                       (err, n) => callback(err, n || 0, buffers));
}

ObjectDefineProperty(writev, kCustomPromisifyArgsSymbol, {
  __proto__: null, value: ['bytesWritten', 'buffers'], enumerable: false,
});

/* readFile(pathOrFd[, options], cb(err, data)): one trip to the thread
 * pool (open, fstat, read, close). */
function readFile(path, options, callback) {
  callback = makeCallback(callback || options);
  options = getOptions(options, { flag: 'r' });
  if (!isFd(path)) path = getValidatedPath(path);
  const flags = stringToFlags(options.flag);
  const signal = options.signal;
  if (signal?.aborted) {
    process.nextTick(callback, abortError(signal));
    return;
  }
  const encoding = options.encoding;
  binding.readFile(path, flags, readEncoding(encoding), (err, data) => {
    if (signal?.aborted) return callback(abortError(signal));
    if (err) return callback(err);
    let result;
    try {
      result = decodeFile(data, encoding);
    } catch (e) {
      return callback(e);
    }
    callback(null, result);
  });
}

/* writeFile(pathOrFd, data[, options], cb(err)) */
function writeFile(path, data, options, callback) {
  callback = makeCallback(callback || options);
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  data = fileData(data, options.encoding);
  const flags = stringToFlags(options.flag || 'w');
  if (!isFd(path)) path = getValidatedPath(path);
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  const signal = options.signal;
  if (signal?.aborted) {
    process.nextTick(callback, abortError(signal));
    return;
  }
  binding.writeFile(path, data, flags, mode, (err) => {
    if (signal?.aborted) return callback(abortError(signal));
    callback(err);
  });
}

function appendFile(path, data, options, callback) {
  callback = makeCallback(callback || options);
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  options = copyObject(options);
  if (!options.flag || isFd(path)) options.flag = 'a';
  require('fs').writeFile(path, data, options, callback);
}

function mkdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  const { mode, recursive } = mkdirOptions(options);
  path = getValidatedPath(path);
  callback = makeCallback(callback);
  binding.mkdir(path, mode, recursive, recursive ? (err, first) => {
    if (err) return callback(err);
    callback(null, first);
  } : callback);
}

function readdir(path, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  path = getValidatedPath(path);
  if (options.recursive) {
    require('internal/fs/rimraf').readdirRecursive(path, options, callback);
    return;
  }
  const enc = options.encoding;
  const withTypes = !!options.withFileTypes;
  binding.readdir(path, nameEncoding(enc), withTypes, (err, result) => {
    if (err) return callback(err);
    const names = withTypes ? result[0] : result;
    if (enc && enc !== 'buffer' && !isUtf8(enc)) {
      for (let i = 0; i < names.length; i++) {
        names[i] = encodeName(names[i], enc);
      }
    }
    if (!withTypes) return callback(null, result);
    getDirents(path, result, callback);
  });
}

function rmdir(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  if (options?.recursive) {
    emitRecursiveRmdirWarning();
    validateRmOptions(path, { ...options, force: false }, true,
                      (err, options) => {
                        if (err === false) {
                          return binding.rmdir(path, callback);
                        }
                        if (err) return callback(err);
                        require('internal/fs/rimraf').rimraf(path, options,
                                                             callback);
                      });
    return;
  }
  validateRmdirOptions(options);
  binding.rmdir(path, callback);
}

/* rm(path[, options], cb(err)) */
function rm(path, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  path = getValidatedPath(path);
  validateRmOptions(path, options, false, (err, options) => {
    if (err) return callback(err);
    require('internal/fs/rimraf').rimraf(path, options, callback);
  });
}

function stat(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  binding.stat(path, !!options.bigint, undefined, statsCallback(callback));
}

function lstat(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  binding.lstat(path, !!options.bigint, undefined, statsCallback(callback));
}

function fstat(fd, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  fd = getValidatedFd(fd);
  callback = makeCallback(callback);
  binding.fstat(fd, !!options.bigint, undefined, statsCallback(callback));
}

function statfs(path, options = { bigint: false }, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = {};
  }
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  binding.statfs(path, !!options.bigint, (err, arr) => {
    if (err) return callback(err);
    callback(null, getStatFsFromBinding(arr));
  });
}

function readlink(path, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  binding.readlink(path, nameEncoding(options.encoding), (err, name) => {
    if (err) return callback(err);
    callback(null, encodeName(name, options.encoding));
  });
}

function symlink(target, path, type, callback) {
  if (typeof type === 'function') {
    callback = type;
    type = undefined;
  }
  callback = makeCallback(callback);
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  binding.symlink(target, path, stringToSymlinkType(type), callback);
}

function link(existingPath, newPath, callback) {
  callback = makeCallback(callback);
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  binding.link(existingPath, newPath, callback);
}

function unlink(path, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  binding.unlink(path, callback);
}

function rename(oldPath, newPath, callback) {
  callback = makeCallback(callback);
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  binding.rename(oldPath, newPath, callback);
}

function ftruncate(fd, len = 0, callback) {
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  }
  fd = getValidatedFd(fd);
  validateInteger(len, 'len');
  len = MathMax(0, len);
  callback = makeCallback(callback);
  binding.ftruncate(fd, len, callback);
}

function truncate(path, len, callback) {
  if (typeof path === 'number') {
    warnTruncateFd();
    return ftruncate(path, len, callback);
  }
  if (typeof len === 'function') {
    callback = len;
    len = 0;
  } else if (len === undefined) {
    len = 0;
  }
  validateInteger(len, 'len');
  len = MathMax(0, len);
  callback = makeCallback(callback);
  const fs = require('fs');
  fs.open(path, 'r+', (err, fd) => {
    if (err) return callback(err);
    binding.ftruncate(fd, len, (err1) => {
      fs.close(fd, (err2) => callback(err1 || err2));
    });
  });
}

function fsync(fd, callback) {
  fd = getValidatedFd(fd);
  binding.fsync(fd, makeCallback(callback));
}

function fdatasync(fd, callback) {
  fd = getValidatedFd(fd);
  binding.fdatasync(fd, makeCallback(callback));
}

function chmod(path, mode, callback) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  binding.chmod(path, mode, makeCallback(callback));
}

function fchmod(fd, mode, callback) {
  fd = getValidatedFd(fd);
  mode = parseFileMode(mode, 'mode');
  binding.fchmod(fd, mode, makeCallback(callback));
}

function checkIds(uid, gid) {
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
}

function chown(path, uid, gid, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  checkIds(uid, gid);
  binding.chown(path, uid, gid, callback);
}

function lchown(path, uid, gid, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  checkIds(uid, gid);
  binding.lchown(path, uid, gid, callback);
}

function fchown(fd, uid, gid, callback) {
  fd = getValidatedFd(fd);
  checkIds(uid, gid);
  binding.fchown(fd, uid, gid, makeCallback(callback));
}

function utimes(path, atime, mtime, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  binding.utimes(path, toUnixTimestamp(atime), toUnixTimestamp(mtime),
                 callback);
}

function futimes(fd, atime, mtime, callback) {
  fd = getValidatedFd(fd);
  atime = toUnixTimestamp(atime, 'atime');
  mtime = toUnixTimestamp(mtime, 'mtime');
  binding.futimes(fd, atime, mtime, makeCallback(callback));
}

function lutimes(path, atime, mtime, callback) {
  callback = makeCallback(callback);
  path = getValidatedPath(path);
  binding.lutimes(path, toUnixTimestamp(atime), toUnixTimestamp(mtime),
                  callback);
}

function copyFile(src, dest, mode, callback) {
  if (typeof mode === 'function') {
    callback = mode;
    mode = 0;
  }
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  mode = getValidMode(mode, 'copyFile');
  binding.copyFile(src, dest, mode, makeCallback(callback));
}

function mkdtemp(prefix, options, callback) {
  callback = makeCallback(typeof options === 'function' ? options : callback);
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  require('internal/fs/utils').warnOnNonPortableTemplate(prefix);
  binding.mkdtemp(prefix, nameEncoding(options.encoding), (err, dir) => {
    if (err) return callback(err);
    callback(null, encodeName(dir, options.encoding));
  });
}

/* realpath.native(path[, options], cb): realpath(3) on the thread pool. */
function realpathNative(path, options, callback) {
  callback = makeCallback(callback || options);
  options = getOptions(options);
  path = getValidatedPath(path);
  binding.realpath(path, nameEncoding(options.encoding), (err, p) => {
    if (err) return callback(err);
    callback(null, encodeName(p, options.encoding));
  });
}

module.exports = {
  access,
  appendFile,
  chmod,
  chown,
  close,
  copyFile,
  exists,
  fchmod,
  fchown,
  fdatasync,
  fstat,
  fsync,
  ftruncate,
  futimes,
  lchown,
  link,
  lstat,
  lutimes,
  makeCallback,
  mkdir,
  mkdtemp,
  open,
  read,
  readdir,
  readFile,
  readlink,
  readv,
  realpathNative,
  rename,
  rm,
  rmdir,
  stat,
  statfs,
  symlink,
  truncate,
  unlink,
  utimes,
  write,
  writeFile,
  writev,
};
