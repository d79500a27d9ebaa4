'use strict';
// internal/fs/realpath: fs.realpath/realpathSync resolved in JS, one path
// component at a time with lstat and readlink (so errors name the
// component that failed), as opposed to realpath.native's realpath(3).

const {
  ArrayPrototypeSlice,
  StringPrototypeSplit,
} = primordials;

const { Buffer } = require('buffer');
const pathModule = require('path');
const { toPathIfFileURL } = require('internal/url');
const {
  constants: { S_IFMT, S_IFLNK, S_IFIFO, S_IFSOCK },
  getOptions,
  validatePath,
} = require('internal/fs/utils');

const binding = internalBinding('fs');

const statArray = new Float64Array(18);

/* The starting point of the walk: the absolute path split into parts. */
function splitAbsolute(p) {
  const parts = StringPrototypeSplit(p, '/');
  const out = [];
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] !== '') out.push(parts[i]);
  }
  return out;
}

/* The requested path as an absolute string (Buffers and URLs allowed). */
function normalizeInput(p) {
  p = toPathIfFileURL(p);
  if (typeof p !== 'string') p += '';
  validatePath(p);
  return pathModule.resolve(p);
}

function encodeResult(result, encoding) {
  if (!encoding || encoding === 'utf8' || encoding === 'utf-8') return result;
  const buf = Buffer.from(result);
  return encoding === 'buffer' ? buf : buf.toString(encoding);
}

function isPipeMode(mode) {
  const type = mode & S_IFMT;
  return type === S_IFIFO || type === S_IFSOCK;
}

/* `base` followed by parts[from...]. */
function joinRest(base, parts, from) {
  let out = base;
  for (let i = from; i < parts.length; i++) out += `/${parts[i]}`;
  return out;
}

function linkId(arr) {
  return `${arr[0].toString(32)}:${arr[7].toString(32)}`;
}

/* realpathSync(path[, options]) -> the canonical path */
function realpathSync(p, options) {
  options = getOptions(options);
  p = normalizeInput(p);
  const seenLinks = new Map();
  const known = new Set();
  let parts = splitAbsolute(p);
  let current = '';
  for (let i = 0; i < parts.length; i++) {
    const next = `${current}/${parts[i]}`;
    if (known.has(next)) {
      current = next;
      continue;
    }
    binding.lstat(next, false, statArray);
    if ((statArray[1] & S_IFMT) !== S_IFLNK) {
      known.add(next);
      current = next;
      continue;
    }
    const id = linkId(statArray);
    let target = seenLinks.get(id);
    if (target === undefined) {
      binding.stat(next, false, statArray);
      target = binding.readlink(next, 0);
      if (isPipeMode(statArray[1])) {
        // A pipe or socket behind /proc/<pid>/fd: its "target" names no
        // file, so the path ends here.
        return encodeResult(joinRest(pathModule.resolve(current || '/',
                                                        target),
                                     parts, i + 1), options.encoding);
      }
      seenLinks.set(id, target);
    }
    const resolved = pathModule.resolve(current || '/', target);
    parts = [...splitAbsolute(resolved), ...ArrayPrototypeSlice(parts, i + 1)];
    i = -1;
    current = '';
  }
  return encodeResult(current || '/', options.encoding);
}

/* realpath(path[, options], callback(err, resolvedPath)) */
function realpath(p, options, callback) {
  options = getOptions(options);
  p = normalizeInput(p);
  const seenLinks = new Map();
  const known = new Set();
  let parts = splitAbsolute(p);
  let current = '';
  let i = 0;
  const step = () => {
    if (i >= parts.length) {
      return callback(null, encodeResult(current || '/', options.encoding));
    }
    const next = `${current}/${parts[i]}`;
    if (known.has(next)) {
      current = next;
      i++;
      return step();
    }
    binding.lstat(next, false, undefined, (err, arr) => {
      if (err) return callback(err);
      if ((arr[1] & S_IFMT) !== S_IFLNK) {
        known.add(next);
        current = next;
        i++;
        return step();
      }
      const id = linkId(arr);
      const follow = (target) => {
        const resolved = pathModule.resolve(current || '/', target);
        parts = [...splitAbsolute(resolved),
                 ...ArrayPrototypeSlice(parts, i + 1)];
        i = 0;
        current = '';
        step();
      };
      const seen = seenLinks.get(id);
      if (seen !== undefined) return follow(seen);
      binding.stat(next, false, undefined, (err, st) => {
        if (err) return callback(err);
        binding.readlink(next, 0, (err, target) => {
          if (err) return callback(err);
          if (isPipeMode(st[1])) {
            const end = joinRest(pathModule.resolve(current || '/', target),
                                 parts, i + 1);
            return callback(null, encodeResult(end, options.encoding));
          }
          seenLinks.set(id, target);
          follow(target);
        });
      });
    });
  };
  step();
}

module.exports = {
  realpath,
  realpathSync,
};
