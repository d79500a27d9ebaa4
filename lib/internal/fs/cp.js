'use strict';
// internal/fs/cp: fs.cp / cpSync / fs.promises.cp. The copy algorithm is
// written once, as a generator that yields file-system operations; a sync
// driver runs them with the *Sync calls and an async one with fs.promises.

const {
  ArrayPrototypeEvery,
  ArrayPrototypeFilter,
  StringPrototypeSplit,
} = primordials;

const pathModule = require('path');
const {
  codes: {
    ERR_FS_CP_DIR_TO_NON_DIR,
    ERR_FS_CP_EEXIST,
    ERR_FS_CP_EINVAL,
    ERR_FS_CP_FIFO_PIPE,
    ERR_FS_CP_NON_DIR_TO_DIR,
    ERR_FS_CP_SOCKET,
    ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY,
    ERR_FS_CP_UNKNOWN,
    ERR_FS_EISDIR,
    ERR_INVALID_RETURN_VALUE,
  },
} = require('internal/errors');
const { isPromise } = require('internal/util/types');
const { validateFunction } = require('internal/validators');
const {
  getValidatedPath,
  validateCpOptions,
} = require('internal/fs/utils');

const { EEXIST, EINVAL, EISDIR, ENOTDIR } =
  internalBinding('constants').os.errno;

const { dirname, isAbsolute, join, parse, resolve, sep } = pathModule;

function systemCtx(message, path, errno, code) {
  return { message, path, syscall: 'cp', errno, code };
}

function areIdentical(a, b) {
  return b.ino && b.dev && b.ino === a.ino && b.dev === a.dev;
}

/* Whether `dest` lies inside (or is) `src`. */
function isSrcSubdir(src, dest) {
  const srcParts = ArrayPrototypeFilter(StringPrototypeSplit(resolve(src),
                                                             sep), Boolean);
  const destParts = ArrayPrototypeFilter(StringPrototypeSplit(resolve(dest),
                                                              sep), Boolean);
  return ArrayPrototypeEvery(srcParts, (part, i) => destParts[i] === part);
}

/* Stats of src and (possibly missing) dest, after the sanity checks. */
function* checkPaths(src, dest, opts) {
  const kind = opts.dereference ? 'stat' : 'lstat';
  const srcStat = yield [kind, src];
  const destStat = yield [kind + 'OrNull', dest];
  if (destStat) {
    if (areIdentical(srcStat, destStat)) {
      throw new ERR_FS_CP_EINVAL(systemCtx(
        'src and dest cannot be the same', dest, EINVAL, 'EINVAL'));
    }
    if (srcStat.isDirectory() && !destStat.isDirectory()) {
      throw new ERR_FS_CP_DIR_TO_NON_DIR(systemCtx(
        `cannot overwrite directory ${src} with non-directory ${dest}`,
        dest, EISDIR, 'EISDIR'));
    }
    if (!srcStat.isDirectory() && destStat.isDirectory()) {
      throw new ERR_FS_CP_NON_DIR_TO_DIR(systemCtx(
        `cannot overwrite non-directory ${src} with directory ${dest}`,
        dest, ENOTDIR, 'ENOTDIR'));
    }
  }
  if (srcStat.isDirectory() && isSrcSubdir(src, dest)) {
    throw new ERR_FS_CP_EINVAL(systemCtx(
      `cannot copy ${src} to a subdirectory of self ${dest}`, dest, EINVAL,
      'EINVAL'));
  }
  return { srcStat, destStat };
}

/* Refuses copies into a directory that (through links) is src itself. */
function* checkParentPaths(src, srcStat, dest) {
  const srcParent = resolve(dirname(src));
  const destParent = resolve(dirname(dest));
  if (destParent === srcParent || destParent === parse(destParent).root) {
    return;
  }
  const destStat = yield ['statOrNull', destParent];
  if (!destStat) return;
  if (areIdentical(srcStat, destStat)) {
    throw new ERR_FS_CP_EINVAL(systemCtx(
      `cannot copy ${src} to a subdirectory of self ${dest}`, dest, EINVAL,
      'EINVAL'));
  }
  yield* checkParentPaths(src, srcStat, destParent);
}

function* startCopy(destStat, src, dest, opts) {
  const srcStat = yield [opts.dereference ? 'stat' : 'lstat', src];
  if (srcStat.isDirectory() && opts.recursive) {
    return yield* onDir(srcStat, destStat, src, dest, opts);
  }
  if (srcStat.isDirectory()) {
    throw new ERR_FS_EISDIR(systemCtx(
      `${src} is a directory (not copied)`, src, EISDIR, 'EISDIR'));
  }
  if (srcStat.isFile() || srcStat.isCharacterDevice() ||
      srcStat.isBlockDevice()) {
    return yield* onFile(srcStat, destStat, src, dest, opts);
  }
  if (srcStat.isSymbolicLink()) {
    return yield* onLink(destStat, src, dest, opts);
  }
  if (srcStat.isSocket()) {
    throw new ERR_FS_CP_SOCKET(systemCtx(
      `cannot copy a socket file: ${dest}`, dest, EINVAL, 'EINVAL'));
  }
  if (srcStat.isFIFO()) {
    throw new ERR_FS_CP_FIFO_PIPE(systemCtx(
      `cannot copy a FIFO pipe: ${dest}`, dest, EINVAL, 'EINVAL'));
  }
  throw new ERR_FS_CP_UNKNOWN(systemCtx(
    `cannot copy an unknown file type: ${dest}`, dest, EINVAL, 'EINVAL'));
}

function* onFile(srcStat, destStat, src, dest, opts) {
  if (destStat) {
    if (opts.force) {
      yield ['unlink', dest];
    } else {
      if (opts.errorOnExist) {
        throw new ERR_FS_CP_EEXIST(systemCtx(
          `${dest} already exists`, dest, EEXIST, 'EEXIST'));
      }
      return;
    }
  }
  yield ['copyFile', src, dest, opts.mode];
  if (opts.preserveTimestamps) {
    if ((srcStat.mode & 0o200) === 0) {
      yield ['chmod', dest, srcStat.mode | 0o200];
    }
    const times = yield ['stat', src];
    yield ['utimes', dest, times.atime, times.mtime];
  }
  yield ['chmod', dest, srcStat.mode];
}

function* onDir(srcStat, destStat, src, dest, opts) {
  if (!destStat) {
    yield ['mkdir', dest, srcStat.mode];
    yield* copyDir(src, dest, opts);
    yield ['chmod', dest, srcStat.mode];
    return;
  }
  yield* copyDir(src, dest, opts);
}

function* copyDir(src, dest, opts) {
  const names = yield ['readdir', src];
  for (let i = 0; i < names.length; i++) {
    const srcItem = join(src, names[i]);
    const destItem = join(dest, names[i]);
    if (opts.filter && !(yield ['filter', srcItem, destItem])) continue;
    const { destStat } = yield* checkPaths(srcItem, destItem, opts);
    yield* startCopy(destStat, srcItem, destItem, opts);
  }
}

function* onLink(destStat, src, dest, opts) {
  let resolvedSrc = yield ['readlink', src];
  if (!opts.verbatimSymlinks && !isAbsolute(resolvedSrc)) {
    resolvedSrc = resolve(dirname(src), resolvedSrc);
  }
  if (!destStat) {
    yield ['symlink', resolvedSrc, dest];
    return;
  }
  let resolvedDest;
  try {
    resolvedDest = yield ['readlink', dest];
  } catch (err) {
    // dest is a file or directory: symlink() reports EEXIST.
    if (err.code === 'EINVAL' || err.code === 'UNKNOWN') {
      yield ['symlink', resolvedSrc, dest];
      return;
    }
    throw err;
  }
  if (!isAbsolute(resolvedDest)) {
    resolvedDest = resolve(dirname(dest), resolvedDest);
  }
  if (isSrcSubdir(resolvedSrc, resolvedDest)) {
    throw new ERR_FS_CP_EINVAL(systemCtx(
      `cannot copy ${resolvedSrc} to a subdirectory of self ${resolvedDest}`,
      dest, EINVAL, 'EINVAL'));
  }
  const srcStat = yield ['stat', src];
  if (srcStat.isDirectory() && isSrcSubdir(resolvedDest, resolvedSrc)) {
    throw new ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY(systemCtx(
      `cannot overwrite ${resolvedDest} with ${resolvedSrc}`, dest, EINVAL,
      'EINVAL'));
  }
  yield ['unlink', dest];
  yield ['symlink', resolvedSrc, dest];
}

/* The whole copy: filter, checks, then the recursive walk. */
function* copy(src, dest, opts) {
  if (opts.filter && !(yield ['filter', src, dest])) return;
  const { srcStat, destStat } = yield* checkPaths(src, dest, opts);
  yield* checkParentPaths(src, srcStat, dest);
  const destParent = dirname(dest);
  if (!(yield ['exists', destParent])) yield ['mkdirp', destParent];
  yield* startCopy(destStat, src, dest, opts);
}

/* Runs one yielded operation synchronously. */
function runSyncOp(op, opts) {
  const fs = require('fs');
  switch (op[0]) {
    case 'stat': return fs.statSync(op[1]);
    case 'lstat': return fs.lstatSync(op[1]);
    case 'statOrNull':
      return fs.statSync(op[1], { throwIfNoEntry: false }) ?? null;
    case 'lstatOrNull':
      return fs.lstatSync(op[1], { throwIfNoEntry: false }) ?? null;
    case 'unlink': return fs.unlinkSync(op[1]);
    case 'copyFile': return fs.copyFileSync(op[1], op[2], op[3]);
    case 'chmod': return fs.chmodSync(op[1], op[2]);
    case 'utimes': return fs.utimesSync(op[1], op[2], op[3]);
    case 'mkdir': return fs.mkdirSync(op[1], op[2]);
    case 'mkdirp': return fs.mkdirSync(op[1], { recursive: true });
    case 'exists': return fs.existsSync(op[1]);
    case 'readdir': return fs.readdirSync(op[1]);
    case 'readlink': return fs.readlinkSync(op[1]);
    case 'symlink': return fs.symlinkSync(op[1], op[2]);
    case 'filter': {
      const result = opts.filter(op[1], op[2]);
      if (isPromise(result)) {
        throw new ERR_INVALID_RETURN_VALUE('boolean', 'filter', result);
      }
      return result;
    }
  }
}

/* Runs one yielded operation with fs.promises. */
async function runAsyncOp(op, opts) {
  const fsp = require('internal/fs/promises').exports;
  const orNull = async (p) => {
    try {
      return await p;
    } catch (err) {
      if (err.code === 'ENOENT') return null;
      throw err;
    }
  };
  switch (op[0]) {
    case 'stat': return fsp.stat(op[1]);
    case 'lstat': return fsp.lstat(op[1]);
    case 'statOrNull': return orNull(fsp.stat(op[1]));
    case 'lstatOrNull': return orNull(fsp.lstat(op[1]));
    case 'unlink': return fsp.unlink(op[1]);
    case 'copyFile': return fsp.copyFile(op[1], op[2], op[3]);
    case 'chmod': return fsp.chmod(op[1], op[2]);
    case 'utimes': return fsp.utimes(op[1], op[2], op[3]);
    case 'mkdir': return fsp.mkdir(op[1], op[2]);
    case 'mkdirp': return fsp.mkdir(op[1], { recursive: true });
    case 'exists': return require('fs').existsSync(op[1]);
    case 'readdir': return fsp.readdir(op[1]);
    case 'readlink': return fsp.readlink(op[1]);
    case 'symlink': return fsp.symlink(op[1], op[2]);
    case 'filter': return opts.filter(op[1], op[2]);
  }
}

function prepare(src, dest, options) {
  const opts = validateCpOptions(options);
  src = getValidatedPath(src, 'src');
  dest = getValidatedPath(dest, 'dest');
  return { src: `${src}`, dest: `${dest}`, opts };
}

/* cpSync(src, dest[, options]) */
function cpSync(src, dest, options) {
  const a = prepare(src, dest, options);
  const gen = copy(a.src, a.dest, a.opts);
  let step = gen.next();
  while (!step.done) {
    let value;
    let error;
    let failed = false;
    try {
      value = runSyncOp(step.value, a.opts);
    } catch (err) {
      failed = true;
      error = err;
    }
    step = failed ? gen.throw(error) : gen.next(value);
  }
}

/* fs.promises.cp(src, dest[, options]) */
async function cpPromise(src, dest, options) {
  const a = prepare(src, dest, options);
  const gen = copy(a.src, a.dest, a.opts);
  let step = gen.next();
  while (!step.done) {
    let value;
    let error;
    let failed = false;
    try {
      value = await runAsyncOp(step.value, a.opts);
    } catch (err) {
      failed = true;
      error = err;
    }
    step = failed ? gen.throw(error) : gen.next(value);
  }
}

/* cp(src, dest, options, callback(err)) */
function cp(src, dest, options, callback) {
  validateFunction(callback, 'cb');
  const a = prepare(src, dest, options);
  cpPromise(a.src, a.dest, a.opts).then(() => callback(null), callback);
}

module.exports = {
  cp,
  cpPromise,
  cpSync,
};
