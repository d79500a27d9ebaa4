'use strict';
// internal/fs/promises: the fs/promises API. Each function validates like
// its callback twin and awaits the binding's promise form (kUsePromises);
// files opened here are FileHandles (internal/fs/file_handle).

const {
  Promise,
  SymbolAsyncIterator,
  SymbolIterator,
} = primordials;

const { Buffer } = require('buffer');
const {
  AbortError,
  codes: {
    ERR_METHOD_NOT_IMPLEMENTED,
  },
} = require('internal/errors');
const { isArrayBufferView } = require('internal/util/types');
const {
  parseFileMode,
  validateAbortSignal,
  validateInteger,
} = require('internal/validators');
const {
  constants,
  copyObject,
  emitRecursiveRmdirWarning,
  encodeName,
  getOptions,
  getValidatedPath,
  getValidMode,
  isUtf8,
  kMaxUserId,
  kUsePromises,
  nameEncoding,
  stringToFlags,
  stringToSymlinkType,
  toUnixTimestamp,
  validateRmdirOptions,
  validateRmOptions,
  validateStringAfterArrayBufferView,
  warnOnNonPortableTemplate,
} = require('internal/fs/utils');
const {
  getDirents,
  getStatFsFromBinding,
  getStatsFromBinding,
} = require('internal/fs/stats');
const {
  decodeFile,
  mkdirOptions,
  readEncoding,
} = require('internal/fs/sync');
const { FileHandle, fsCall } = require('internal/fs/file_handle');

const binding = internalBinding('fs');

/* Throws an AbortError when `signal` has fired. */
function checkAborted(signal) {
  if (signal?.aborted) {
    throw new AbortError(undefined, { cause: signal.reason });
  }
}

/* Runs a callback-style internal fn(...args, cb) as a promise. */
function callbackToPromise(fn, ...args) {
  return new Promise((resolve, reject) => {
    fn(...args, (err, value) => (err ? reject(err) : resolve(value)));
  });
}

async function access(path, mode) {
  path = getValidatedPath(path);
  mode = getValidMode(mode, 'access');
  return binding.access(path, mode, kUsePromises);
}

async function copyFile(src, dest, mode) {
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  mode = getValidMode(mode, 'copyFile');
  return binding.copyFile(src, dest, mode, kUsePromises);
}

async function cp(src, dest, options) {
  return require('internal/fs/cp').cpPromise(src, dest, options);
}

/* open(path[, flags[, mode]]) -> FileHandle */
async function open(path, flags, mode) {
  path = getValidatedPath(path);
  const flagsNumber = stringToFlags(flags);
  mode = parseFileMode(mode, 'mode', 0o666);
  return new FileHandle(await binding.open(path, flagsNumber, mode,
                                           kUsePromises));
}

async function opendir(path, options) {
  return callbackToPromise(require('internal/fs/dir').opendir, path,
                           options);
}

async function rename(oldPath, newPath) {
  oldPath = getValidatedPath(oldPath, 'oldPath');
  newPath = getValidatedPath(newPath, 'newPath');
  return binding.rename(oldPath, newPath, kUsePromises);
}

async function truncate(path, len = 0) {
  const fh = await open(path, 'r+');
  try {
    await fh.truncate(len);
  } finally {
    await fh.close();
  }
}

async function rm(path, options) {
  path = getValidatedPath(path);
  options = await callbackToPromise(validateRmOptions, path, options, false);
  return callbackToPromise(require('internal/fs/rimraf').rimraf, path,
                           options);
}

async function rmdir(path, options) {
  path = getValidatedPath(path);
  if (options?.recursive) {
    emitRecursiveRmdirWarning();
    const checked = await new Promise((resolve, reject) => {
      validateRmOptions(path, { ...options, force: false }, true,
                        (err, opts) => {
                          if (err === false) return resolve(false);
                          if (err) return reject(err);
                          resolve(opts);
                        });
    });
    if (checked !== false) {
      return callbackToPromise(require('internal/fs/rimraf').rimraf, path,
                               checked);
    }
  } else {
    validateRmdirOptions(options);
  }
  return binding.rmdir(path, kUsePromises);
}

async function mkdir(path, options) {
  const { mode, recursive } = mkdirOptions(options);
  path = getValidatedPath(path);
  const first = await binding.mkdir(path, mode, recursive, kUsePromises);
  return recursive ? first : undefined;
}

async function readdir(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  if (options.recursive) {
    return callbackToPromise(require('internal/fs/rimraf').readdirRecursive,
                             path, options);
  }
  const enc = options.encoding;
  const withTypes = !!options.withFileTypes;
  const result = await binding.readdir(path, nameEncoding(enc), withTypes,
                                       kUsePromises);
  const names = withTypes ? result[0] : result;
  if (enc && enc !== 'buffer' && !isUtf8(enc)) {
    for (let i = 0; i < names.length; i++) {
      names[i] = encodeName(names[i], enc);
    }
  }
  if (!withTypes) return result;
  return callbackToPromise(getDirents, path, result);
}

async function readlink(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path, 'oldPath');
  return encodeName(await binding.readlink(path,
                                           nameEncoding(options.encoding),
                                           kUsePromises), options.encoding);
}

async function symlink(target, path, type) {
  target = getValidatedPath(target, 'target');
  path = getValidatedPath(path);
  return binding.symlink(target, path, stringToSymlinkType(type),
                         kUsePromises);
}

async function lstat(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  return getStatsFromBinding(await binding.lstat(path, !!options.bigint,
                                                 undefined, kUsePromises));
}

async function stat(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  return getStatsFromBinding(await binding.stat(path, !!options.bigint,
                                                undefined, kUsePromises));
}

async function statfs(path, options = { bigint: false }) {
  path = getValidatedPath(path);
  return getStatFsFromBinding(await binding.statfs(path, !!options.bigint,
                                                   kUsePromises));
}

async function link(existingPath, newPath) {
  existingPath = getValidatedPath(existingPath, 'existingPath');
  newPath = getValidatedPath(newPath, 'newPath');
  return binding.link(existingPath, newPath, kUsePromises);
}

async function unlink(path) {
  path = getValidatedPath(path);
  return binding.unlink(path, kUsePromises);
}

async function chmod(path, mode) {
  path = getValidatedPath(path);
  mode = parseFileMode(mode, 'mode');
  return binding.chmod(path, mode, kUsePromises);
}

async function lchmod(path, mode) {
  throw new ERR_METHOD_NOT_IMPLEMENTED('lchmod()');
}

function checkIds(uid, gid) {
  validateInteger(uid, 'uid', -1, kMaxUserId);
  validateInteger(gid, 'gid', -1, kMaxUserId);
}

async function lchown(path, uid, gid) {
  path = getValidatedPath(path);
  checkIds(uid, gid);
  return binding.lchown(path, uid, gid, kUsePromises);
}

async function chown(path, uid, gid) {
  path = getValidatedPath(path);
  checkIds(uid, gid);
  return binding.chown(path, uid, gid, kUsePromises);
}

async function utimes(path, atime, mtime) {
  path = getValidatedPath(path);
  return binding.utimes(path, toUnixTimestamp(atime), toUnixTimestamp(mtime),
                        kUsePromises);
}

async function lutimes(path, atime, mtime) {
  path = getValidatedPath(path);
  return binding.lutimes(path, toUnixTimestamp(atime),
                         toUnixTimestamp(mtime), kUsePromises);
}

/* realpath(path[, options]): realpath(3) on the thread pool. */
async function realpath(path, options) {
  options = getOptions(options);
  path = getValidatedPath(path);
  return encodeName(await binding.realpath(path,
                                           nameEncoding(options.encoding),
                                           kUsePromises), options.encoding);
}

async function mkdtemp(prefix, options) {
  options = getOptions(options);
  prefix = getValidatedPath(prefix, 'prefix');
  warnOnNonPortableTemplate(prefix);
  return encodeName(await binding.mkdtemp(prefix,
                                          nameEncoding(options.encoding),
                                          kUsePromises), options.encoding);
}

/* Iterables (sync or async) other than strings and views. */
function isCustomIterable(obj) {
  return obj != null && typeof obj !== 'string' && !isArrayBufferView(obj) &&
    (typeof obj[SymbolIterator] === 'function' ||
     typeof obj[SymbolAsyncIterator] === 'function');
}

/* Writes all of `buf` at the fd's current position. */
async function writeAll(fd, buf, signal) {
  let offset = 0;
  let left = buf.byteLength;
  while (left > 0) {
    checkAborted(signal);
    const n = await binding.writeBytes(fd, buf, offset, left, -1,
                                       kUsePromises);
    offset += n;
    left -= n;
  }
  checkAborted(signal);
}

function toChunk(chunk, encoding) {
  if (isArrayBufferView(chunk)) return chunk;
  if (typeof chunk === 'string') return Buffer.from(chunk, encoding || 'utf8');
  return Buffer.from(validateStringAfterArrayBufferView(chunk, 'data'),
                     encoding || 'utf8');
}

/* FileHandle.writeFile/appendFile and writeFile(fileHandle, ...). */
async function writeFileHandle(handle, data, options, flag) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666,
                                  flag: flag || 'w' });
  const { signal, encoding } = options;
  if (signal !== undefined) validateAbortSignal(signal, 'options.signal');
  checkAborted(signal);
  if (isCustomIterable(data)) {
    for await (const chunk of data) {
      await writeAll(handle.fd, toChunk(chunk, encoding), signal);
    }
    return;
  }
  if (!isArrayBufferView(data)) {
    data = Buffer.from(validateStringAfterArrayBufferView(data, 'data'),
                       encoding || 'utf8');
  }
  await writeAll(handle.fd, data, signal);
}

/* writeFile(pathOrFileHandle, data[, options]) */
async function writeFile(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w' });
  const flag = options.flag || 'w';
  const iterable = isCustomIterable(data);
  if (!iterable && !isArrayBufferView(data)) {
    data = validateStringAfterArrayBufferView(data, 'data');
    if (options.encoding && !isUtf8(options.encoding)) {
      data = Buffer.from(data, options.encoding);
    }
  }
  const signal = options.signal;
  if (signal !== undefined) validateAbortSignal(signal, 'options.signal');
  if (path instanceof FileHandle) {
    return fsCall('write', path, () => writeFileHandle(path, data, options));
  }
  path = getValidatedPath(path);
  checkAborted(signal);
  if (iterable) {
    const fh = await open(path, flag, options.mode);
    try {
      await writeFileHandle(fh, data, options);
    } finally {
      await fh.close();
    }
    return;
  }
  const mode = parseFileMode(options.mode, 'mode', 0o666);
  await binding.writeFile(path, data, stringToFlags(flag), mode,
                          kUsePromises);
  checkAborted(signal);
}

async function appendFile(path, data, options) {
  options = getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' });
  options = copyObject(options);
  options.flag = options.flag || 'a';
  return writeFile(path, data, options);
}

/* FileHandle.readFile and readFile(fileHandle): from the current
 * position to the end. */
async function readFileHandle(handle, options) {
  options = getOptions(options, { flag: 'r' });
  const { signal, encoding } = options;
  checkAborted(signal);
  const data = await binding.readFile(handle.fd, 0, readEncoding(encoding),
                                      kUsePromises);
  checkAborted(signal);
  return decodeFile(data, encoding);
}

/* readFile(pathOrFileHandle[, options]) */
async function readFile(path, options) {
  options = getOptions(options, { flag: 'r' });
  const flag = options.flag || 'r';
  if (path instanceof FileHandle) {
    return fsCall('read', path, () => readFileHandle(path, options));
  }
  const { signal, encoding } = options;
  checkAborted(signal);
  path = getValidatedPath(path);
  const data = await binding.readFile(path, stringToFlags(flag),
                                      readEncoding(encoding), kUsePromises);
  checkAborted(signal);
  return decodeFile(data, encoding);
}

function watch(filename, options) {
  return require('internal/fs/watchers').watchPromise(filename, options);
}

module.exports = {
  exports: {
    access,
    copyFile,
    cp,
    open,
    opendir,
    rename,
    truncate,
    rm,
    rmdir,
    mkdir,
    readdir,
    readlink,
    symlink,
    lstat,
    stat,
    statfs,
    link,
    unlink,
    chmod,
    lchmod,
    lchown,
    chown,
    utimes,
    lutimes,
    realpath,
    mkdtemp,
    writeFile,
    appendFile,
    readFile,
    watch,
    constants,
  },
  FileHandle,
  readFileHandle,
  writeFileHandle,
};
