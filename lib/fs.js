'use strict';
// fs: the file-system module. The sync and callback functions live in
// internal/fs/sync and internal/fs/async; streams, watchers, Dir, cp and
// fs.promises load on first use.

const {
  ObjectDefineProperties,
} = primordials;

const sync = require('internal/fs/sync');
const async = require('internal/fs/async');
const {
  constants,
  toUnixTimestamp,
} = require('internal/fs/utils');
const { Dirent, Stats } = require('internal/fs/stats');
const realpathJS = require('internal/fs/realpath');

function realpath(p, options, callback) {
  callback = async.makeCallback(typeof options === 'function' ?
    options : callback);
  realpathJS.realpath(p, options, callback);
}
realpath.native = async.realpathNative;

function realpathSync(p, options) {
  return realpathJS.realpathSync(p, options);
}
realpathSync.native = sync.realpathSyncNative;

/* cp(src, dest[, options], callback): recursive copy. */
function cp(src, dest, options, callback) {
  if (typeof options === 'function') {
    callback = options;
    options = undefined;
  }
  return require('internal/fs/cp').cp(src, dest, options, callback);
}

function cpSync(src, dest, options) {
  return require('internal/fs/cp').cpSync(src, dest, options);
}

function createReadStream(path, options) {
  const { ReadStream } = require('internal/fs/streams');
  return new ReadStream(path, options);
}

function createWriteStream(path, options) {
  const { WriteStream } = require('internal/fs/streams');
  return new WriteStream(path, options);
}

function watch(filename, options, listener) {
  return require('internal/fs/watchers').watch(filename, options, listener);
}

function watchFile(filename, options, listener) {
  return require('internal/fs/watchers').watchFile(filename, options,
                                                   listener);
}

function unwatchFile(filename, listener) {
  return require('internal/fs/watchers').unwatchFile(filename, listener);
}

function opendir(path, options, callback) {
  return require('internal/fs/dir').opendir(path, options, callback);
}

function opendirSync(path, options) {
  return require('internal/fs/dir').opendirSync(path, options);
}

module.exports = {
  appendFile: async.appendFile,
  appendFileSync: sync.appendFileSync,
  access: async.access,
  accessSync: sync.accessSync,
  chown: async.chown,
  chownSync: sync.chownSync,
  chmod: async.chmod,
  chmodSync: sync.chmodSync,
  close: async.close,
  closeSync: sync.closeSync,
  copyFile: async.copyFile,
  copyFileSync: sync.copyFileSync,
  cp,
  cpSync,
  createReadStream,
  createWriteStream,
  exists: async.exists,
  existsSync: sync.existsSync,
  fchown: async.fchown,
  fchownSync: sync.fchownSync,
  fchmod: async.fchmod,
  fchmodSync: sync.fchmodSync,
  fdatasync: async.fdatasync,
  fdatasyncSync: sync.fdatasyncSync,
  fstat: async.fstat,
  fstatSync: sync.fstatSync,
  fsync: async.fsync,
  fsyncSync: sync.fsyncSync,
  ftruncate: async.ftruncate,
  ftruncateSync: sync.ftruncateSync,
  futimes: async.futimes,
  futimesSync: sync.futimesSync,
  lchown: async.lchown,
  lchownSync: sync.lchownSync,
  lchmod: undefined,
  lchmodSync: undefined,
  link: async.link,
  linkSync: sync.linkSync,
  lstat: async.lstat,
  lstatSync: sync.lstatSync,
  lutimes: async.lutimes,
  lutimesSync: sync.lutimesSync,
  mkdir: async.mkdir,
  mkdirSync: sync.mkdirSync,
  mkdtemp: async.mkdtemp,
  mkdtempSync: sync.mkdtempSync,
  open: async.open,
  openSync: sync.openSync,
  readdir: async.readdir,
  readdirSync: sync.readdirSync,
  read: async.read,
  readSync: sync.readSync,
  readv: async.readv,
  readvSync: sync.readvSync,
  readFile: async.readFile,
  readFileSync: sync.readFileSync,
  readlink: async.readlink,
  readlinkSync: sync.readlinkSync,
  realpath,
  realpathSync,
  rename: async.rename,
  renameSync: sync.renameSync,
  rm: async.rm,
  rmSync: sync.rmSync,
  rmdir: async.rmdir,
  rmdirSync: sync.rmdirSync,
  stat: async.stat,
  statfs: async.statfs,
  statSync: sync.statSync,
  statfsSync: sync.statfsSync,
  symlink: async.symlink,
  symlinkSync: sync.symlinkSync,
  truncate: async.truncate,
  truncateSync: sync.truncateSync,
  unwatchFile,
  unlink: async.unlink,
  unlinkSync: sync.unlinkSync,
  utimes: async.utimes,
  utimesSync: sync.utimesSync,
  watch,
  watchFile,
  writeFile: async.writeFile,
  writeFileSync: sync.writeFileSync,
  write: async.write,
  writeSync: sync.writeSync,
  writev: async.writev,
  writevSync: sync.writevSync,
  Dirent,
  Stats,

  get ReadStream() {
    return require('internal/fs/streams').ReadStream;
  },
  set ReadStream(val) {
    defineValue('ReadStream', val);
  },
  get WriteStream() {
    return require('internal/fs/streams').WriteStream;
  },
  set WriteStream(val) {
    defineValue('WriteStream', val);
  },
  // Legacy names kept for compatibility (same classes).
  get FileReadStream() {
    return require('internal/fs/streams').ReadStream;
  },
  set FileReadStream(val) {
    defineValue('FileReadStream', val);
  },
  get FileWriteStream() {
    return require('internal/fs/streams').WriteStream;
  },
  set FileWriteStream(val) {
    defineValue('FileWriteStream', val);
  },

  // For tests.
  _toUnixTimestamp: toUnixTimestamp,
};

/* Replaces a lazy accessor of module.exports by a plain value. */
function defineValue(name, value) {
  ObjectDefineProperties(module.exports, {
    [name]: {
      __proto__: null,
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    },
  });
}

ObjectDefineProperties(module.exports, {
  Dir: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() { return require('internal/fs/dir').Dir; },
    set(val) { defineValue('Dir', val); },
  },
  opendir: {
    __proto__: null, configurable: true, enumerable: true, writable: true,
    value: opendir,
  },
  opendirSync: {
    __proto__: null, configurable: true, enumerable: true, writable: true,
    value: opendirSync,
  },
  F_OK: { __proto__: null, enumerable: true, value: constants.F_OK || 0 },
  R_OK: { __proto__: null, enumerable: true, value: constants.R_OK || 0 },
  W_OK: { __proto__: null, enumerable: true, value: constants.W_OK || 0 },
  X_OK: { __proto__: null, enumerable: true, value: constants.X_OK || 0 },
  constants: {
    __proto__: null,
    configurable: false,
    enumerable: true,
    value: constants,
  },
  promises: {
    __proto__: null,
    configurable: true,
    enumerable: true,
    get() {
      return require('internal/fs/promises').exports;
    },
  },
});
