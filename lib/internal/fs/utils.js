'use strict';
// internal/fs/utils: fs.constants and the argument checks and helpers that
// fs, fs/promises and the fs streams share (paths, fds, flags, modes,
// options, offsets, positions, timestamps, rm/cp options).

const {
  ArrayIsArray,
  BigInt,
  DateNow,
  DatePrototypeGetTime,
  NumberIsFinite,
  NumberIsInteger,
  ObjectIs,
  ObjectPrototypeHasOwnProperty,
  ReflectOwnKeys,
  StringPrototypeEndsWith,
  StringPrototypeIncludes,
} = primordials;

const {
  codes: {
    ERR_FS_EISDIR,
    ERR_FS_INVALID_SYMLINK_TYPE,
    ERR_INCOMPATIBLE_OPTION_PAIR,
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
  },
  hideStackFrames,
} = require('internal/errors');
const {
  isArrayBufferView,
  isUint8Array,
  isDate,
} = require('internal/util/types');
const {
  validateAbortSignal,
  validateBoolean,
  validateFunction,
  validateInt32,
  validateInteger,
  validateObject,
  validateUint32,
  kValidateObjectAllowNullable,
} = require('internal/validators');
const { toPathIfFileURL } = require('internal/url');

const binding = internalBinding('constants').fs;

/* fs.constants in Node's key order. */
const constants = { __proto__: null };
for (const key of [
  'UV_FS_SYMLINK_DIR', 'UV_FS_SYMLINK_JUNCTION', 'O_RDONLY', 'O_WRONLY',
  'O_RDWR', 'UV_DIRENT_UNKNOWN', 'UV_DIRENT_FILE', 'UV_DIRENT_DIR',
  'UV_DIRENT_LINK', 'UV_DIRENT_FIFO', 'UV_DIRENT_SOCKET', 'UV_DIRENT_CHAR',
  'UV_DIRENT_BLOCK', 'S_IFMT', 'S_IFREG', 'S_IFDIR', 'S_IFCHR', 'S_IFBLK',
  'S_IFIFO', 'S_IFLNK', 'S_IFSOCK', 'O_CREAT', 'O_EXCL', 'UV_FS_O_FILEMAP',
  'O_NOCTTY', 'O_TRUNC', 'O_APPEND', 'O_DIRECTORY', 'O_NOATIME',
  'O_NOFOLLOW', 'O_SYNC', 'O_DSYNC', 'O_DIRECT', 'O_NONBLOCK', 'S_IRWXU',
  'S_IRUSR', 'S_IWUSR', 'S_IXUSR', 'S_IRWXG', 'S_IRGRP', 'S_IWGRP',
  'S_IXGRP', 'S_IRWXO', 'S_IROTH', 'S_IWOTH', 'S_IXOTH', 'F_OK', 'R_OK',
  'W_OK', 'X_OK', 'UV_FS_COPYFILE_EXCL', 'COPYFILE_EXCL',
  'UV_FS_COPYFILE_FICLONE', 'COPYFILE_FICLONE',
  'UV_FS_COPYFILE_FICLONE_FORCE', 'COPYFILE_FICLONE_FORCE',
]) {
  if (binding[key] !== undefined) constants[key] = binding[key];
}
for (const key of ReflectOwnKeys(binding)) {
  if (!(key in constants)) constants[key] = binding[key];
}

const {
  O_APPEND, O_CREAT, O_EXCL, O_RDONLY, O_RDWR, O_SYNC, O_TRUNC, O_WRONLY,
  S_IFMT, S_IFREG, F_OK, X_OK, COPYFILE_FICLONE_FORCE,
  UV_FS_SYMLINK_DIR, UV_FS_SYMLINK_JUNCTION,
} = constants;

const kIoMaxLength = 2 ** 31 - 1;
const kMaxUserId = 2 ** 32 - 1;
const kReadFileBufferLength = 512 * 1024;
const kReadFileUnknownBufferLength = 64 * 1024;
const kWriteFileMaxChunkSize = 512 * 1024;

/* The last argument of a binding call that asks for a promise. */
const kUsePromises = null;

const flagTable = {
  __proto__: null,
  'r': O_RDONLY,
  'rs': O_RDONLY | O_SYNC,
  'sr': O_RDONLY | O_SYNC,
  'r+': O_RDWR,
  'rs+': O_RDWR | O_SYNC,
  'sr+': O_RDWR | O_SYNC,
  'w': O_TRUNC | O_CREAT | O_WRONLY,
  'wx': O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
  'xw': O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
  'w+': O_TRUNC | O_CREAT | O_RDWR,
  'wx+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
  'xw+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
  'a': O_APPEND | O_CREAT | O_WRONLY,
  'ax': O_APPEND | O_CREAT | O_WRONLY | O_EXCL,
  'xa': O_APPEND | O_CREAT | O_WRONLY | O_EXCL,
  'as': O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
  'sa': O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
  'a+': O_APPEND | O_CREAT | O_RDWR,
  'ax+': O_APPEND | O_CREAT | O_RDWR | O_EXCL,
  'xa+': O_APPEND | O_CREAT | O_RDWR | O_EXCL,
  'as+': O_APPEND | O_CREAT | O_RDWR | O_SYNC,
  'sa+': O_APPEND | O_CREAT | O_RDWR | O_SYNC,
};

/* stringToFlags(flags[, name]) -> open(2) flags from 'r', 'w+', 'ax'...;
 * numbers pass through and null/undefined mean 'r'. */
function stringToFlags(flags, name = 'flags') {
  if (typeof flags === 'number') {
    validateInt32(flags, name);
    return flags;
  }
  if (flags == null) return O_RDONLY;
  const v = typeof flags === 'string' ? flagTable[flags] : undefined;
  if (v === undefined) throw new ERR_INVALID_ARG_VALUE(name, flags);
  return v;
}

/* Throws unless `path` is a string or Uint8Array without NUL bytes. */
const validatePath = hideStackFrames((path, propName = 'path') => {
  if (typeof path !== 'string' && !isUint8Array(path)) {
    throw new ERR_INVALID_ARG_TYPE(propName, ['string', 'Buffer', 'URL'],
                                   path);
  }
  nullCheck(path, propName, true);
});

/* Throws ERR_INVALID_ARG_VALUE when `path` contains a NUL byte. */
const nullCheck = hideStackFrames((path, propName, throwError = true) => {
  const bad = typeof path === 'string' ?
    StringPrototypeIncludes(path, '\u0000') :
    isUint8Array(path) && path.indexOf(0) !== -1;
  if (!bad) return undefined;
  const err = new ERR_INVALID_ARG_VALUE(
    propName, path, 'must be a string or Uint8Array without null bytes');
  if (throwError) throw err;
  return err;
});

/* getValidatedPath(pathOrURL[, name]) -> a string or Buffer path (file:
 * URLs converted), or throws. */
const getValidatedPath = hideStackFrames((fileURLOrPath, propName = 'path') => {
  const path = toPathIfFileURL(fileURLOrPath);
  validatePath(path, propName);
  return path;
});

/* getValidatedFd(fd[, name]) -> fd, an int32 >= 0 (-0 becomes 0). */
const getValidatedFd = hideStackFrames((fd, propName = 'fd') => {
  if (ObjectIs(fd, -0)) return 0;
  validateInt32(fd, propName, 0);
  return fd;
});

/* Throws ERR_INVALID_ARG_VALUE unless `encoding` is a known encoding. */
function assertEncoding(encoding) {
  if (encoding && !require('buffer').Buffer.isEncoding(encoding)) {
    throw new ERR_INVALID_ARG_VALUE(encoding, 'encoding',
                                    'is invalid encoding');
  }
}

/* getOptions(options, defaults) -> an options object: a string is the
 * encoding, null/undefined/functions give the defaults. */
function getOptions(options, defaultOptions = {}) {
  if (options == null || typeof options === 'function') return defaultOptions;
  if (typeof options === 'string') {
    defaultOptions = { ...defaultOptions };
    defaultOptions.encoding = options;
    options = defaultOptions;
  } else if (typeof options !== 'object') {
    throw new ERR_INVALID_ARG_TYPE('options', ['string', 'Object'], options);
  }
  if (options.encoding !== 'buffer') assertEncoding(options.encoding);
  if (options.signal !== undefined) {
    validateAbortSignal(options.signal, 'options.signal');
  }
  return options;
}

/* The binding's name-encoding code: 1 for 'buffer', else 0 (UTF-8; other
 * encodings are converted from a Buffer by encodeNames()). */
function nameEncoding(encoding) {
  return encoding === 'buffer' || (encoding && !isUtf8(encoding)) ? 1 : 0;
}

function isUtf8(encoding) {
  return encoding === 'utf8' || encoding === 'utf-8' ||
    encoding === 'UTF8' || encoding === 'UTF-8' ||
    (typeof encoding === 'string' &&
     (encoding.toLowerCase() === 'utf8' || encoding.toLowerCase() === 'utf-8'));
}

/* Converts a Buffer name from the binding into `encoding`. */
function encodeName(name, encoding) {
  if (!encoding || encoding === 'buffer' || typeof name === 'string') {
    return name;
  }
  return name.toString(encoding);
}

function copyObject(source) {
  const target = {};
  for (const key in source) target[key] = source[key];
  return target;
}

/* toUnixTimestamp(time[, name]) -> seconds as a number, from a number,
 * numeric string or Date. */
function toUnixTimestamp(time, name = 'time') {
  // eslint-disable-next-line eqeqeq
  if (typeof time === 'string' && +time == time) return +time;
  if (NumberIsFinite(time)) {
    if (time < 0) return DateNow() / 1000;
    return time;
  }
  if (isDate(time)) return DatePrototypeGetTime(time) / 1000;
  throw new ERR_INVALID_ARG_TYPE(name, ['Date', 'Time in seconds'], time);
}

/* Offsets of fs.read: the range [offset, offset + length) must fit. */
const validateOffsetLengthRead = hideStackFrames(
  (offset, length, bufferLength) => {
    if (offset < 0) throw new ERR_OUT_OF_RANGE('offset', '>= 0', offset);
    if (length < 0) throw new ERR_OUT_OF_RANGE('length', '>= 0', length);
    if (offset + length > bufferLength) {
      throw new ERR_OUT_OF_RANGE('length', `<= ${bufferLength - offset}`,
                                 length);
    }
  });

/* Offsets of fs.write. */
const validateOffsetLengthWrite = hideStackFrames(
  (offset, length, byteLength) => {
    if (offset > byteLength) {
      throw new ERR_OUT_OF_RANGE('offset', `<= ${byteLength}`, offset);
    }
    if (length > byteLength - offset) {
      throw new ERR_OUT_OF_RANGE('length', `<= ${byteLength - offset}`,
                                 length);
    }
    if (length < 0) throw new ERR_OUT_OF_RANGE('length', '>= 0', length);
    validateInt32(length, 'length', 0);
  });

const kMinPosition = -(2n ** 63n);
const kMaxPosition = 2n ** 63n - 1n;

/* A read/write position: an integer number or a BigInt in int64 range. */
const validatePosition = hideStackFrames((position, name) => {
  if (typeof position === 'number') {
    validateInteger(position, name);
  } else if (typeof position === 'bigint') {
    if (!(position >= kMinPosition && position <= kMaxPosition)) {
      throw new ERR_OUT_OF_RANGE(name, `>= ${kMinPosition} && <= ` +
                                 `${kMaxPosition}`, position);
    }
  } else {
    throw new ERR_INVALID_ARG_TYPE(name, ['integer', 'bigint'], position);
  }
});

/* Throws unless `buffers` is an array of ArrayBufferViews. */
const validateBufferArray = hideStackFrames((buffers, propName = 'buffers') => {
  if (!ArrayIsArray(buffers)) {
    throw new ERR_INVALID_ARG_TYPE(propName, 'ArrayBufferView[]', buffers);
  }
  for (let i = 0; i < buffers.length; i++) {
    if (!isArrayBufferView(buffers[i])) {
      throw new ERR_INVALID_ARG_TYPE(propName, 'ArrayBufferView[]', buffers);
    }
  }
  return buffers;
});

/* The flags value of symlink(): 'dir', 'file', 'junction' or none. */
function stringToSymlinkType(type) {
  let flags = 0;
  if (typeof type === 'string') {
    switch (type) {
      case 'dir': flags |= UV_FS_SYMLINK_DIR; break;
      case 'junction': flags |= UV_FS_SYMLINK_JUNCTION; break;
      case 'file': break;
      default: throw new ERR_FS_INVALID_SYMLINK_TYPE(type);
    }
  }
  return flags;
}

let warnedNonPortable = false;
/* Warns once about mkdtemp prefixes ending in X on some platforms. */
function warnOnNonPortableTemplate(template) {
  if (!warnedNonPortable && StringPrototypeEndsWith(String(template), 'X')) {
    warnedNonPortable = true;
    process.emitWarning('mkdtemp() templates ending with X are not portable. ' +
                        'For details see: https://nodejs.org/api/fs.html');
  }
}

const defaultRmOptions = {
  recursive: false,
  force: false,
  retryDelay: 100,
  maxRetries: 0,
};

const defaultRmdirOptions = {
  retryDelay: 100,
  maxRetries: 0,
  recursive: false,
};

/* Checks and fills rm()'s options. */
function validateRmOptionsShape(options) {
  options = validateRmdirOptions(options, defaultRmOptions);
  validateBoolean(options.force, 'options.force');
  return options;
}

/* validateRmOptions(path, options, expectDir, cb): checks rm's options and
 * that `path` fits them (a directory needs recursive), then
 * cb(err, options). */
function validateRmOptions(path, options, expectDir, cb) {
  options = validateRmOptionsShape(options);
  const fs = require('fs');
  fs.lstat(path, (err, stats) => {
    if (err) {
      if (options.force && err.code === 'ENOENT') return cb(null, options);
      return cb(err, options);
    }
    if (expectDir && !stats.isDirectory()) return cb(false, options);
    if (stats.isDirectory() && !options.recursive) {
      return cb(new ERR_FS_EISDIR({
        code: 'EISDIR',
        message: 'is a directory',
        path,
        syscall: 'rm',
        errno: require('os').constants.errno.EISDIR,
      }), options);
    }
    return cb(null, options);
  });
}

/* Sync form: returns the checked options or throws. */
function validateRmOptionsSync(path, options, expectDir) {
  options = validateRmOptionsShape(options);
  if (!options.force || expectDir || !options.recursive) {
    const fs = require('fs');
    const isDirectory = fs.lstatSync(path, { throwIfNoEntry: !options.force })
      ?.isDirectory();
    if (expectDir && !isDirectory) return false;
    if (isDirectory && !options.recursive) {
      throw new ERR_FS_EISDIR({
        code: 'EISDIR',
        message: 'is a directory',
        path,
        syscall: 'rm',
        errno: require('os').constants.errno.EISDIR,
      });
    }
  }
  return options;
}

let recursiveRmdirWarned = false;
/* Warns once that rmdir's recursive option is deprecated. */
function emitRecursiveRmdirWarning() {
  if (recursiveRmdirWarned) return;
  recursiveRmdirWarned = true;
  process.emitWarning(
    'In future versions of Node.js, fs.rmdir(path, { recursive: true }) ' +
      'will be removed. Use fs.rm(path, { recursive: true }) instead',
    'DeprecationWarning',
    'DEP0147',
  );
}

/* Checks rmdir()'s options, filling defaults. */
const validateRmdirOptions = hideStackFrames(
  (options, defaults = defaultRmdirOptions) => {
    if (options === undefined) return defaults;
    validateObject(options, 'options');
    options = { ...defaults, ...options };
    validateBoolean(options.recursive, 'options.recursive');
    validateInt32(options.retryDelay, 'options.retryDelay', 0);
    validateUint32(options.maxRetries, 'options.maxRetries');
    return options;
  });

const defaultCpOptions = {
  dereference: false,
  errorOnExist: false,
  filter: undefined,
  force: true,
  preserveTimestamps: false,
  recursive: false,
  verbatimSymlinks: false,
  mode: 0,
};

/* Checks cp()'s options, filling defaults. */
const validateCpOptions = hideStackFrames((options) => {
  if (options === undefined) return { ...defaultCpOptions };
  validateObject(options, 'options');
  options = { ...defaultCpOptions, ...options };
  validateBoolean(options.dereference, 'options.dereference');
  validateBoolean(options.errorOnExist, 'options.errorOnExist');
  validateBoolean(options.force, 'options.force');
  validateBoolean(options.preserveTimestamps, 'options.preserveTimestamps');
  validateBoolean(options.recursive, 'options.recursive');
  validateBoolean(options.verbatimSymlinks, 'options.verbatimSymlinks');
  options.mode = getValidMode(options.mode, 'copyFile');
  if (options.dereference === true && options.verbatimSymlinks === true) {
    throw new ERR_INCOMPATIBLE_OPTION_PAIR('dereference', 'verbatimSymlinks');
  }
  if (options.filter !== undefined) {
    validateFunction(options.filter, 'options.filter');
  }
  return options;
});

const validModes = {
  __proto__: null,
  access: { min: F_OK, max: F_OK | 2 | 4 | X_OK, def: F_OK },
  copyFile: { min: 0, max: 1 | 2 | COPYFILE_FICLONE_FORCE, def: 0 },
};

/* getValidMode(mode, 'access' | 'copyFile') -> the mode, default for
 * null/undefined; ERR_OUT_OF_RANGE outside the valid bits. */
const getValidMode = hideStackFrames((mode, type) => {
  const { min, max, def } = validModes[type];
  if (mode == null) return def;
  validateInteger(mode, 'mode', min, max);
  return mode;
});

let warnedCoercion = false;

/* Validates a non-view `data` of the write paths: strings pass; objects
 * with an own toString() are coerced (deprecated, DEP0162). Returns the
 * string. */
const validateStringAfterArrayBufferView = hideStackFrames((buffer, name) => {
  if (typeof buffer === 'string') return buffer;
  if (typeof buffer === 'object' && buffer !== null &&
      typeof buffer.toString === 'function' &&
      ObjectPrototypeHasOwnProperty(buffer, 'toString')) {
    if (!warnedCoercion) {
      warnedCoercion = true;
      process.emitWarning('Implicit coercion of objects with own toString ' +
                          'property is deprecated.', 'DeprecationWarning',
                          'DEP0162');
    }
    return `${buffer}`;
  }
  throw new ERR_INVALID_ARG_TYPE(
    name, ['string', 'Buffer', 'TypedArray', 'DataView'], buffer);
});

/* Checks a {signal}-bearing options object without defaults. */
function validateSignalOption(options) {
  validateObject(options, 'options', kValidateObjectAllowNullable);
  if (options?.signal !== undefined) {
    validateAbortSignal(options.signal, 'options.signal');
  }
}

/* Path of a Buffer or string for messages. */
function isFileType(mode, type) {
  return (mode & S_IFMT) === type;
}

/* The symlink target to store: absolute paths of junctions resolve. */
function preprocessSymlinkDestination(path) {
  return path;
}

function toBigInt(n) {
  return BigInt(n);
}

module.exports = {
  assertEncoding,
  constants,
  copyObject,
  emitRecursiveRmdirWarning,
  encodeName,
  getOptions,
  getValidatedFd,
  getValidatedPath,
  getValidMode,
  isFileType,
  isUtf8,
  kIoMaxLength,
  kMaxUserId,
  kReadFileBufferLength,
  kReadFileUnknownBufferLength,
  kUsePromises,
  kWriteFileMaxChunkSize,
  nameEncoding,
  nullCheck,
  preprocessSymlinkDestination,
  S_IFREG,
  stringToFlags,
  stringToSymlinkType,
  toBigInt,
  toUnixTimestamp,
  validateBufferArray,
  validateCpOptions,
  validateOffsetLengthRead,
  validateOffsetLengthWrite,
  validatePath,
  validatePosition,
  validateRmdirOptions,
  validateRmOptions,
  validateRmOptionsSync,
  validateSignalOption,
  validateStringAfterArrayBufferView,
  warnOnNonPortableTemplate,
};

