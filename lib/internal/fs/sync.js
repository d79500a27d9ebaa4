'use strict';
// internal/fs/sync: the synchronous half of the fs module (fs.*Sync). Each
// function checks its arguments and makes one direct binding call.

const {
  MathMax,
} = primordials;

const {
  codes: {
    ERR_FS_FILE_TOO_LARGE,
  },
} = require('internal/errors');
const { isArrayBufferView } = require('internal/util/types');
const {
  parseFileMode,
  validateBoolean,
  validateInteger,
} = require('internal/validators');
const {
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
  validateRmOptionsSync,
  validateStringAfterArrayBufferView,
  warnOnNonPortableTemplate,
} = require('internal/fs/utils');
const {
  bigintStatValues,
  getDirents,
  getStatFsFromBinding,
  getStatsFromBinding,
  statValues,
} = require('internal/fs/stats');
const {
  checkWriteString,
  checkWriteView,
  readSyncArgs,
  writePosition,
} = require('internal/fs/rw_args');

const binding = internalBinding('fs');

let BufferCtor;
function lazyBuffer() {
  BufferCtor ??= require('buffer').Buffer;
  return BufferCtor;
}

/* A fd argument (uint32) rather than a path. */
function isFd(path) {
  return typeof path === 'number' && path >>> 0 === path;
}

function accessSync(path, mode) {
  path = getValidatedPath(path);
  binding.access(path, getValidMode(mode, 'access'));
}

/* existsSync(path) -> boolean; invalid paths are just false. */
function existsSync(path) {
  try {
    path = getValidatedPath(path);
  } catch {
    return false;
  }
  return binding.exists(path);
}

/* openSync(path[, flags[, mode]]) -> fd */
function openSync(path, flags, mode) {
  path = getValidatedPath(path);
  return binding.open(path, stringToFlags(flags),
                      parseFileMode(mode, 'mode', 0o666));
}

function closeSync(fd) {
  binding.close(getValidatedFd(fd));
}

/* readSync(fd, buffer, offset, length, position) or
 * readSync(fd, buffer[, {offset, length, position}]) -> bytesRead */
function readSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  const a = readSyncArgs(buffer, offsetOrOptions, length, position,
                         arguments.length);
  if (a.length === 0) return 0;
  return binding.read(fd, a.buffer, a.offset, a.length, a.position);
}

function readvSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  return binding.readBuffers(fd, buffers, writePosition(position));
}

/* writeSync(fd, view[, offset[, length[, position]]]),
 * writeSync(fd, view[, options]) or writeSync(fd, string[, position[,
 * encoding]]) -> bytesWritten */
function writeSync(fd, buffer, offsetOrOptions, length, position) {
  fd = getValidatedFd(fd);
  if (isArrayBufferView(buffer)) {
    const a = checkWriteView(buffer, offsetOrOptions, length, position);
    return binding.writeBytes(fd, buffer, a.offset, a.length, a.position);
  }
  buffer = checkWriteString(buffer, length);
  return writeStringSync(fd, buffer, writePosition(offsetOrOptions), length);
}

/* Writes a string in `encoding` (UTF-8 without a copy in JS). */
function writeStringSync(fd, string, position, encoding) {
  if (!encoding || isUtf8(encoding)) {
    return binding.writeText(fd, string, position);
  }
  const buf = lazyBuffer().from(string, encoding);
  return binding.writeBytes(fd, buf, 0, buf.byteLength, position);
}

function writevSync(fd, buffers, position) {
  fd = getValidatedFd(fd);
  validateBufferArray(buffers);
  if (buffers.length === 0) return 0;
  return binding.writeBuffers(fd, buffers, writePosition(position));
}

/* readFileSync(pathOrFd[, options]) -> Buffer or string */
function readFileSync(path, options) {
  options = getOptions(options, { flag: 'r' });
  if (!isFd(path)) path = getValidatedPath(path);
  const flags = stringToFlags(options.flag);
  return decodeFile(binding.readFile(path, flags,
                                     readEncoding(options.encoding)),
                    options.encoding);
}

/* The binding's encoding code for readFile: 0 = UTF-8 string, 1 =
 * Buffer (converted afterwards for other encodings). */
function readEncoding(encoding) {
  return encoding && isUtf8(encoding) ? 0 : 1;
}

/* The readFile result in `encoding`; throws for files over 2 GiB. */
function decodeFile(data, encoding) {
  if (typeof data === 'number') throw new ERR_FS_FILE_TOO_LARGE(data);
  if (typeof data === 'string' || !encoding) return data;
  return data.toString(encoding);
}

/* The data of writeFile: views as they are, strings in `encoding` (UTF-8
 * strings stay strings for the binding). */
function fileData(data, encoding) {
  if (isArrayBufferView(data)) return data;
  data = validateStringAfterArrayBufferView(data, 'data');
  if (!encoding || isUtf8(encoding)) return data;
  return lazyBuffer().from(data, encoding);
}

/* writeFileSync(pathOrFd, data[, options]) */
function writeFileSync(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  data = fileData(data, options.encoding);
  const flags = stringToFlags(options.flag || 'w');
  if (!isFd(path)) path = getValidatedPath(path);
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  binding.writeFile(path, data, flags, mode);
}

function appendFileSync(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  options = copyObject(options);
  if (!options.flag || isFd(path)) options.flag = 'a';
  writeFileSync(path, data, options);
}

/* mkdir's (mode, recursive) from a mode or an options object. */
function mkdirOptions(options) {
  let mode = 0o777;
  let recursive = false;
  if (typeof options === 'number' || typeof options === 'string') {
    mode = parseFileMode(options, 'mode');
  } else if (options) {
    if (options.recursive !== undefined) recursive = options.recursive;
    if (options.mode !== undefined) {
      mode = parseFileMode(options.mode, 'options.mode');
    }
  }
  validateBoolean(recursive, 'options.recursive');
  return { mode, recursive };
}

/* mkdirSync(path[, options]) -> with recursive, the first directory made */
function mkdirSync(path, options) {
  const { mode, recursive } = mkdirOptions(options);
  path = getValidatedPath(path);
  const result = binding.mkdir(path, mode, recursive);
  return recursive ? result : undefined;
}

/* readdirSync(path[, options]) -> names or Dirents */
function readdirSync(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  if (options.recursive) {
    return require('internal/fs/rimraf').readdirRecursiveSync(path, options);
  }
  const enc = options.encoding;
  const result = binding.readdir(path, nameEncoding(enc),
                                 !!options.withFileTypes);
  const names = options.withFileTypes ? result[0] : result;
  if (enc && enc !== 'buffer' && !isUtf8(enc)) {
    for (let i = 0; i < names.length; i++) {
      names[i] = encodeName(names[i], enc);
    }
  }
  return options.withFileTypes ? getDirents(path, result) : result;
}

function rmdirSync(path, options) {
  path = getValidatedPath(path);
  if (options?.recursive) {
    emitRecursiveRmdirWarning();
    options = validateRmOptionsSync(path, { ...options, force: false }, true);
    if (options !== false) {
      return require('internal/fs/rimraf').rimrafSync(path, options);
    }
  } else {
    validateRmdirOptions(options);
  }
  binding.rmdir(path);
}

/* rmSync(path[, {force, recursive, maxRetries, retryDelay}]) */
function rmSync(path, options) {
  path = getValidatedPath(path);
  options = validateRmOptionsSync(path, options, false);
  require('internal/fs/rimraf').rimrafSync(path, options);
}

/* The stat result in the sync record array, as Stats or BigIntStats. */
function statResult(fn, target, bigint, throwIfNoEntry) {
  const arr = bigint ? bigintStatValues : statValues;
  if (throwIfNoEntry === false) {
    try {
      fn(target, bigint, arr);
    } catch (err) {
      if (err.code === 'ENOENT' || err.code === 'ENOTDIR') return undefined;
      throw err;
    }
  } else {
    fn(target, bigint, arr);
  }
  return getStatsFromBinding(arr);
}

function statSync(path, options = { bigint: false, throwIfNoEntry: true }) {
  path = getValidatedPath(path);
  return statResult(binding.stat, path, !!options.bigint,
                    options.throwIfNoEntry);
}

function lstatSync(path, options = { bigint: false, throwIfNoEntry: true }) {
  path = getValidatedPath(path);
  return statResult(binding.lstat, path, !!options.bigint,
                    options.throwIfNoEntry);
}

function fstatSync(fd, options = { bigint: false }) {
  fd = getValidatedFd(fd);
  return statResult(binding.fstat, fd, !!options.bigint, true);
}

function statfsSync(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  return getStatFsFromBinding(binding.statfs(path, !!options.bigint));
}

function readlinkSync(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  return encodeName(binding.readlink(path, nameEncoding(options.encoding)),
                    options.encoding);
}

function symlinkSync(target, path, type) {
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  binding.symlink(target, path, stringToSymlinkType(type));
}

function linkSync(existingPath, newPath) {
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  binding.link(existingPath, newPath);
}

function unlinkSync(path) {
  binding.unlink(getValidatedPath(path));
}

function renameSync(oldPath, newPath) {
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  binding.rename(oldPath, newPath);
}

function ftruncateSync(fd, len = 0) {
  fd = getValidatedFd(fd);
  validateInteger(len, 'len');
  binding.ftruncate(fd, MathMax(0, len));
}

let truncateFdWarned = false;
/* Warns once that truncate() with an fd is deprecated (DEP0081). */
function warnTruncateFd() {
  if (truncateFdWarned) return;
  truncateFdWarned = true;
  process.emitWarning('Using fs.truncate with a file descriptor is ' +
                      'deprecated. Please use fs.ftruncate with a file ' +
                      'descriptor instead.', 'DeprecationWarning', 'DEP0081');
}

function truncateSync(path, len) {
  if (typeof path === 'number') {
    warnTruncateFd();
    return ftruncateSync(path, len);
  }
  if (len === undefined) len = 0;
  const fs = require('fs');
  const fd = fs.openSync(path, 'r+');
  try {
    ftruncateSync(fd, len);
  } finally {
    fs.closeSync(fd);
  }
}

function fsyncSync(fd) {
  binding.fsync(getValidatedFd(fd));
}

function fdatasyncSync(fd) {
  binding.fdatasync(getValidatedFd(fd));
}

function chmodSync(path, mode) {
  path = getValidatedPath(path);
  binding.chmod(path, parseFileMode(mode, 'mode'));
}

function fchmodSync(fd, mode) {
  fd = getValidatedFd(fd);
  binding.fchmod(fd, parseFileMode(mode, 'mode'));
}

/* Checks a uid/gid pair (-1 keeps the current value). */
function checkIds(uid, gid) {
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
}

function chownSync(path, uid, gid) {
  path = getValidatedPath(path);
  checkIds(uid, gid);
  binding.chown(path, uid, gid);
}

function lchownSync(path, uid, gid) {
  path = getValidatedPath(path);
  checkIds(uid, gid);
  binding.lchown(path, uid, gid);
}

function fchownSync(fd, uid, gid) {
  fd = getValidatedFd(fd);
  checkIds(uid, gid);
  binding.fchown(fd, uid, gid);
}

function utimesSync(path, atime, mtime) {
  path = getValidatedPath(path);
  binding.utimes(path, toUnixTimestamp(atime), toUnixTimestamp(mtime));
}

function futimesSync(fd, atime, mtime) {
  fd = getValidatedFd(fd);
  binding.futimes(fd, toUnixTimestamp(atime, 'atime'),
                  toUnixTimestamp(mtime, 'mtime'));
}

function lutimesSync(path, atime, mtime) {
  path = getValidatedPath(path);
  binding.lutimes(path, toUnixTimestamp(atime), toUnixTimestamp(mtime));
}

function copyFileSync(src, dest, mode) {
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  binding.copyFile(src, dest, getValidMode(mode, 'copyFile'));
}

/* mkdtempSync(prefix[, options]) -> the new directory */
function mkdtempSync(prefix, options) {
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  warnOnNonPortableTemplate(prefix);
  return encodeName(binding.mkdtemp(prefix, nameEncoding(options.encoding)),
                    options.encoding);
}

/* realpathSync.native(path[, options]): realpath(3). */
function realpathSyncNative(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  return encodeName(binding.realpath(path, nameEncoding(options.encoding)),
                    options.encoding);
}

module.exports = {
  accessSync,
  appendFileSync,
  chmodSync,
  chownSync,
  closeSync,
  copyFileSync,
  decodeFile,
  existsSync,
  fchmodSync,
  fchownSync,
  fdatasyncSync,
  fileData,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  futimesSync,
  isFd,
  lchownSync,
  linkSync,
  lstatSync,
  lutimesSync,
  mkdirOptions,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readEncoding,
  readFileSync,
  readlinkSync,
  readSync,
  readvSync,
  realpathSyncNative,
  renameSync,
  rmdirSync,
  rmSync,
  statfsSync,
  statSync,
  symlinkSync,
  truncateSync,
  unlinkSync,
  utimesSync,
  warnTruncateFd,
  writeFileSync,
  writeStringSync,
  writeSync,
  writevSync,
};
