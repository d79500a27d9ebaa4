'use strict';
// internal/fs/rimraf: recursive removal for fs.rm/rmSync (and rmdir's
// deprecated recursive option), with retries on transient errors, and the
// recursive form of readdir.

const {
  ArrayPrototypePush,
} = primordials;

const { Buffer } = require('buffer');
const pathModule = require('path');
const { constants } = require('internal/fs/utils');
const { Dirent, getDirent } = require('internal/fs/stats');

const binding = internalBinding('fs');
const { sleep } = internalBinding('util');

const {
  S_IFMT, S_IFDIR, UV_DIRENT_DIR, UV_DIRENT_UNKNOWN,
} = constants;

/* Errors worth retrying: something else briefly holds the entry. */
const kRetryCodes = new Set(['EBUSY', 'EMFILE', 'ENFILE', 'ENOTEMPTY',
                             'EPERM']);

const kSlash = Buffer.from('/');

/* `dir` joined with an entry name (a Buffer: names need not be UTF-8). */
function join(dir, name) {
  if (typeof dir === 'string') dir = Buffer.from(dir);
  return Buffer.concat([dir, kSlash, name]);
}

/* Children are listed as Buffers so that any byte sequence round-trips. */
function nameEncodingFor(path) {
  return 1;
}

function isDirMode(mode) {
  return (mode & S_IFMT) === S_IFDIR;
}

const lstatArray = new Float64Array(18);

/* Runs fn(), retrying transient errors up to options.maxRetries times,
 * sleeping retryDelay * attempt ms in between; ENOENT counts as done. */
function retrySync(fn, options) {
  for (let attempt = 1; ; attempt++) {
    try {
      return fn();
    } catch (err) {
      if (err.code === 'ENOENT') return;
      if (!kRetryCodes.has(err.code) || attempt > options.maxRetries) {
        throw err;
      }
      sleep(attempt * options.retryDelay);
    }
  }
}

/* Removes `path` (a directory when isDir) and everything below it. */
function removeSync(path, isDir, options) {
  if (!isDir) {
    retrySync(() => binding.unlink(path), options);
    return;
  }
  let entries;
  try {
    entries = binding.readdir(path, nameEncodingFor(path), true);
  } catch (err) {
    if (err.code === 'ENOENT') return;
    if (err.code === 'ENOTDIR') return removeSync(path, false, options);
    throw err;
  }
  const { 0: names, 1: types } = entries;
  for (let i = 0; i < names.length; i++) {
    const child = join(path, names[i]);
    let dir = types[i] === UV_DIRENT_DIR;
    if (types[i] === UV_DIRENT_UNKNOWN) {
      try {
        binding.lstat(child, false, lstatArray);
      } catch (err) {
        if (err.code === 'ENOENT') continue;
        throw err;
      }
      dir = isDirMode(lstatArray[1]);
    }
    removeSync(child, dir, options);
  }
  retrySync(() => binding.rmdir(path), options);
}

/* rimrafSync(path, options): removes path recursively; a missing path is
 * not an error. */
function rimrafSync(path, options) {
  try {
    binding.lstat(path, false, lstatArray);
  } catch (err) {
    if (err.code === 'ENOENT') return;
    throw err;
  }
  removeSync(path, isDirMode(lstatArray[1]), options);
}

/* Calls op(done) until it succeeds or fails for good, then cb(err). */
function retryAsync(op, options, cb) {
  let attempt = 0;
  const run = () => {
    op((err) => {
      if (err && err.code !== 'ENOENT') {
        if (kRetryCodes.has(err.code) && attempt < options.maxRetries) {
          attempt++;
          setTimeout(run, attempt * options.retryDelay);
          return;
        }
        return cb(err);
      }
      cb(null);
    });
  };
  run();
}

function removeAsync(path, isDir, options, cb) {
  if (!isDir) {
    retryAsync((done) => binding.unlink(path, done), options, cb);
    return;
  }
  binding.readdir(path, nameEncodingFor(path), true, (err, entries) => {
    if (err) {
      if (err.code === 'ENOENT') return cb(null);
      if (err.code === 'ENOTDIR') return removeAsync(path, false, options, cb);
      return cb(err);
    }
    const { 0: names, 1: types } = entries;
    let pending = names.length;
    let failed = false;
    const rmSelf = () => {
      retryAsync((done) => binding.rmdir(path, done), options, cb);
    };
    if (pending === 0) return rmSelf();
    const childDone = (err) => {
      if (failed) return;
      if (err) {
        failed = true;
        return cb(err);
      }
      if (--pending === 0) rmSelf();
    };
    for (let i = 0; i < names.length; i++) {
      const child = join(path, names[i]);
      if (types[i] !== UV_DIRENT_UNKNOWN) {
        removeAsync(child, types[i] === UV_DIRENT_DIR, options, childDone);
        continue;
      }
      binding.lstat(child, false, undefined, (err, arr) => {
        if (err) return childDone(err.code === 'ENOENT' ? null : err);
        removeAsync(child, isDirMode(arr[1]), options, childDone);
      });
    }
  });
}

/* rimraf(path, options, callback(err)): the async form. */
function rimraf(path, options, callback) {
  binding.lstat(path, false, undefined, (err, arr) => {
    if (err) return callback(err.code === 'ENOENT' ? null : err);
    removeAsync(path, isDirMode(arr[1]), options, callback);
  });
}

/* readdirSync(path, {recursive: true}): every entry below `base`,
 * breadth first, as paths relative to it (or Dirents). */
function readdirRecursiveSync(base, options) {
  const withTypes = !!options.withFileTypes;
  const enc = options.encoding;
  const out = [];
  const queue = [base];
  for (let q = 0; q < queue.length; q++) {
    const dir = queue[q];
    const { 0: names, 1: types } = binding.readdir(dir, 0, true);
    for (let i = 0; i < names.length; i++) {
      const full = pathModule.join(`${dir}`, names[i]);
      let type = types[i];
      let dirent;
      if (withTypes) {
        dirent = getDirent(`${dir}`, names[i], type);
        ArrayPrototypePush(out, dirent);
        if (dirent.isDirectory()) ArrayPrototypePush(queue, full);
        continue;
      }
      if (type === UV_DIRENT_UNKNOWN) {
        binding.lstat(full, false, lstatArray);
        type = isDirMode(lstatArray[1]) ? UV_DIRENT_DIR : type;
      }
      const rel = pathModule.relative(`${base}`, full);
      ArrayPrototypePush(out, enc === 'buffer' ? Buffer.from(rel) :
        (enc && enc !== 'utf8' ? Buffer.from(rel).toString(enc) : rel));
      if (type === UV_DIRENT_DIR) ArrayPrototypePush(queue, full);
    }
  }
  return out;
}

/* The callback form of the recursive readdir. */
function readdirRecursive(base, options, callback) {
  let result;
  try {
    result = readdirRecursiveSync(base, options);
  } catch (err) {
    process.nextTick(callback, err);
    return;
  }
  process.nextTick(callback, null, result);
}

module.exports = {
  Dirent,
  readdirRecursive,
  readdirRecursiveSync,
  rimraf,
  rimrafSync,
};
