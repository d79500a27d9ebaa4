'use strict';
// internal/fs/stats: fs.Stats, BigIntStats, StatFs and fs.Dirent, and their
// construction from the binding's stat arrays and readdir results.

const {
  BigInt,
  Date,
  Number,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
  ReflectApply,
} = primordials;

const { constants } = require('internal/fs/utils');

const {
  S_IFMT, S_IFDIR, S_IFREG, S_IFBLK, S_IFCHR, S_IFLNK, S_IFIFO, S_IFSOCK,
  UV_DIRENT_UNKNOWN, UV_DIRENT_FILE, UV_DIRENT_DIR, UV_DIRENT_LINK,
  UV_DIRENT_FIFO, UV_DIRENT_SOCKET, UV_DIRENT_CHAR, UV_DIRENT_BLOCK,
} = constants;

/* Slots of a binding stat record (see bindings/fs_internal.h). */
const kFsStatsFieldsNumber = 18;

const kNsPerMsBigInt = 10n ** 6n;
const kNsPerSecBigInt = 10n ** 9n;
const kMsPerSec = 1000;
const kNsPerMs = 1e6;

function StatsBase(dev, mode, nlink, uid, gid, rdev, blksize, ino, size,
                   blocks) {
  this.dev = dev;
  this.mode = mode;
  this.nlink = nlink;
  this.uid = uid;
  this.gid = gid;
  this.rdev = rdev;
  this.blksize = blksize;
  this.ino = ino;
  this.size = size;
  this.blocks = blocks;
}

StatsBase.prototype.isDirectory = function() {
  return this._checkModeProperty(S_IFDIR);
};

StatsBase.prototype.isFile = function() {
  return this._checkModeProperty(S_IFREG);
};

StatsBase.prototype.isBlockDevice = function() {
  return this._checkModeProperty(S_IFBLK);
};

StatsBase.prototype.isCharacterDevice = function() {
  return this._checkModeProperty(S_IFCHR);
};

StatsBase.prototype.isSymbolicLink = function() {
  return this._checkModeProperty(S_IFLNK);
};

StatsBase.prototype.isFIFO = function() {
  return this._checkModeProperty(S_IFIFO);
};

StatsBase.prototype.isSocket = function() {
  return this._checkModeProperty(S_IFSOCK);
};

/* Dates round to the nearest millisecond (Date truncates fractions). */
function dateFromMs(ms) {
  return new Date(Number(ms) + 0.5);
}

/* new Stats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
 * atimeMs, mtimeMs, ctimeMs, birthtimeMs): plain numbers and Dates. */
function Stats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size, blocks,
               atimeMs, mtimeMs, ctimeMs, birthtimeMs) {
  ReflectApply(StatsBase, this, [dev, mode, nlink, uid, gid, rdev, blksize,
                                 ino, size, blocks]);
  this.atimeMs = atimeMs;
  this.mtimeMs = mtimeMs;
  this.ctimeMs = ctimeMs;
  this.birthtimeMs = birthtimeMs;
  this.atime = dateFromMs(atimeMs);
  this.mtime = dateFromMs(mtimeMs);
  this.ctime = dateFromMs(ctimeMs);
  this.birthtime = dateFromMs(birthtimeMs);
}

ObjectSetPrototypeOf(Stats.prototype, StatsBase.prototype);
ObjectSetPrototypeOf(Stats, StatsBase);

Stats.prototype.isFile = StatsBase.prototype.isFile;

Stats.prototype._checkModeProperty = function(property) {
  if (this.isSymbolicLink !== StatsBase.prototype.isSymbolicLink &&
      property === S_IFLNK) {
    return false;
  }
  return (this.mode & S_IFMT) === property;
};

/* BigIntStats: BigInt fields plus *Ns nanosecond times. */
function BigIntStats(dev, mode, nlink, uid, gid, rdev, blksize, ino, size,
                     blocks, atimeNs, mtimeNs, ctimeNs, birthtimeNs) {
  ReflectApply(StatsBase, this, [dev, mode, nlink, uid, gid, rdev, blksize,
                                 ino, size, blocks]);
  this.atimeMs = atimeNs / kNsPerMsBigInt;
  this.mtimeMs = mtimeNs / kNsPerMsBigInt;
  this.ctimeMs = ctimeNs / kNsPerMsBigInt;
  this.birthtimeMs = birthtimeNs / kNsPerMsBigInt;
  this.atimeNs = atimeNs;
  this.mtimeNs = mtimeNs;
  this.ctimeNs = ctimeNs;
  this.birthtimeNs = birthtimeNs;
  this.atime = dateFromMs(this.atimeMs);
  this.mtime = dateFromMs(this.mtimeMs);
  this.ctime = dateFromMs(this.ctimeMs);
  this.birthtime = dateFromMs(this.birthtimeMs);
}

ObjectSetPrototypeOf(BigIntStats.prototype, StatsBase.prototype);
ObjectSetPrototypeOf(BigIntStats, StatsBase);

BigIntStats.prototype._checkModeProperty = function(property) {
  if (this.isSymbolicLink !== StatsBase.prototype.isSymbolicLink &&
      property === S_IFLNK) {
    return false;
  }
  return (this.mode & BigInt(S_IFMT)) === BigInt(property);
};

function msFromParts(sec, nsec) {
  return sec * kMsPerSec + nsec / kNsPerMs;
}

function nsFromParts(sec, nsec) {
  return sec * kNsPerSecBigInt + nsec;
}

/* getStatsFromBinding(array[, offset]) -> Stats or BigIntStats from one
 * record of a Float64Array / BigInt64Array filled by the binding. */
function getStatsFromBinding(s, offset = 0) {
  const o = offset;
  if (typeof s[o] === 'bigint') {
    return new BigIntStats(
      s[o], s[o + 1], s[o + 2], s[o + 3], s[o + 4], s[o + 5], s[o + 6],
      s[o + 7], s[o + 8], s[o + 9],
      nsFromParts(s[o + 10], s[o + 11]), nsFromParts(s[o + 12], s[o + 13]),
      nsFromParts(s[o + 14], s[o + 15]), nsFromParts(s[o + 16], s[o + 17]));
  }
  return new Stats(
    s[o], s[o + 1], s[o + 2], s[o + 3], s[o + 4], s[o + 5], s[o + 6],
    s[o + 7], s[o + 8], s[o + 9],
    msFromParts(s[o + 10], s[o + 11]), msFromParts(s[o + 12], s[o + 13]),
    msFromParts(s[o + 14], s[o + 15]), msFromParts(s[o + 16], s[o + 17]));
}

/* The record arrays sync calls fill (one each for numbers and BigInts). */
const statValues = new Float64Array(kFsStatsFieldsNumber);
const bigintStatValues = new BigInt64Array(kFsStatsFieldsNumber);

/* StatFs: the result of fs.statfs(). */
class StatFs {
  constructor(type, bsize, blocks, bfree, bavail, files, ffree) {
    this.type = type;
    this.bsize = bsize;
    this.blocks = blocks;
    this.bfree = bfree;
    this.bavail = bavail;
    this.files = files;
    this.ffree = ffree;
  }
}

function getStatFsFromBinding(s) {
  return new StatFs(s[0], s[1], s[2], s[3], s[4], s[5], s[6]);
}

const kType = Symbol('type');
const kStats = Symbol('stats');

/* fs.Dirent: a directory entry's name, parent path and type. */
class Dirent {
  constructor(name, type, path) {
    this.name = name;
    this.parentPath = path;
    this.path = path;
    this[kType] = type;
  }

  isDirectory() { return this[kType] === UV_DIRENT_DIR; }
  isFile() { return this[kType] === UV_DIRENT_FILE; }
  isBlockDevice() { return this[kType] === UV_DIRENT_BLOCK; }
  isCharacterDevice() { return this[kType] === UV_DIRENT_CHAR; }
  isSymbolicLink() { return this[kType] === UV_DIRENT_LINK; }
  isFIFO() { return this[kType] === UV_DIRENT_FIFO; }
  isSocket() { return this[kType] === UV_DIRENT_SOCKET; }
}

/* A Dirent whose type comes from an lstat (for UV_DIRENT_UNKNOWN). */
class DirentFromStats extends Dirent {
  constructor(name, stats, path) {
    super(name, null, path);
    this[kStats] = stats;
  }
}

for (const name of ['isDirectory', 'isFile', 'isBlockDevice',
                    'isCharacterDevice', 'isSymbolicLink', 'isFIFO',
                    'isSocket']) {
  ObjectDefineProperty(DirentFromStats.prototype, name, {
    __proto__: null,
    writable: true,
    configurable: true,
    value: function() { return this[kStats][name](); },
  });
}

/* getDirent(dirPath, name, type[, callback]) -> a Dirent; UNKNOWN types
 * are resolved with lstat (sync, or through callback(err, dirent)). */
function getDirent(dirPath, name, type, callback) {
  if (type !== UV_DIRENT_UNKNOWN) {
    const d = new Dirent(name, type, dirPath);
    if (typeof callback === 'function') return callback(null, d);
    return d;
  }
  const fs = require('fs');
  const full = joinDirName(dirPath, name);
  if (typeof callback === 'function') {
    fs.lstat(full, (err, stats) => {
      if (err) return callback(err);
      callback(null, new DirentFromStats(name, stats, dirPath));
    });
    return;
  }
  return new DirentFromStats(name, fs.lstatSync(full), dirPath);
}

function joinDirName(dirPath, name) {
  if (typeof name !== 'string') {
    const { Buffer } = require('buffer');
    return Buffer.concat([Buffer.from(`${dirPath}/`), name]);
  }
  return require('path').join(`${dirPath}`, name);
}

/* getDirents(dirPath, [names, types][, callback]) -> Dirent[] (resolving
 * unknown types with lstat). */
function getDirents(dirPath, result, callback) {
  const { 0: names, 1: types } = result;
  const out = new Array(names.length);
  if (typeof callback !== 'function') {
    for (let i = 0; i < names.length; i++) {
      out[i] = getDirent(dirPath, names[i], types[i]);
    }
    return out;
  }
  let pending = 0;
  let failed = false;
  for (let i = 0; i < names.length; i++) {
    if (types[i] !== UV_DIRENT_UNKNOWN) {
      out[i] = new Dirent(names[i], types[i], dirPath);
      continue;
    }
    pending++;
    getDirent(dirPath, names[i], types[i], (err, d) => {
      if (failed) return;
      if (err) {
        failed = true;
        return callback(err);
      }
      out[i] = d;
      if (--pending === 0) callback(null, out);
    });
  }
  if (pending === 0) callback(null, out);
}

/* The epoch-zero Stats watchFile reports for a missing file. */
function emptyStats(bigint) {
  return bigint ?
    new BigIntStats(0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n, 0n) :
    new Stats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}

module.exports = {
  BigIntStats,
  Dirent,
  DirentFromStats,
  emptyStats,
  getDirent,
  getDirents,
  getStatFsFromBinding,
  getStatsFromBinding,
  kFsStatsFieldsNumber,
  StatFs,
  Stats,
  StatsBase,
  statValues,
  bigintStatValues,
};
