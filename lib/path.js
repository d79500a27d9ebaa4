// path: POSIX and Windows path string manipulation (path.posix, path.win32).
'use strict';

const {
  StringPrototypeCharCodeAt,
  StringPrototypeLastIndexOf,
  StringPrototypeSlice,
  StringPrototypeToLowerCase,
} = primordials;

const { validateObject, validateString } = require('internal/validators');

const CHAR_SLASH = 47;      // '/'
const CHAR_BACKSLASH = 92;  // '\\'
const CHAR_COLON = 58;      // ':'
const CHAR_DOT = 46;        // '.'
const CHAR_QUESTION = 63;   // '?'

function isPosixSep(code) {
  return code === CHAR_SLASH;
}

function isWinSep(code) {
  return code === CHAR_SLASH || code === CHAR_BACKSLASH;
}

function isLetter(code) {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function codeAt(s, i) {
  return StringPrototypeCharCodeAt(s, i);
}

/* Collapses `.`, `..` and repeated separators in a root-less path `tail`
 * and joins the surviving segments with `sep`. Leading `..` segments are
 * kept only when `allowAboveRoot` is set. Trailing separators are dropped. */
function normalizeTail(tail, allowAboveRoot, sep, isSep) {
  const out = [];
  let start = 0;
  const len = tail.length;
  for (let i = 0; i <= len; i++) {
    if (i < len && !isSep(codeAt(tail, i))) continue;
    if (i > start) {
      const seg = StringPrototypeSlice(tail, start, i);
      if (seg === '..') {
        if (out.length > 0 && out[out.length - 1] !== '..') {
          out.length--;
        } else if (allowAboveRoot) {
          out[out.length] = '..';
        }
      } else if (seg !== '.') {
        out[out.length] = seg;
      }
    }
    start = i + 1;
  }
  let res = '';
  for (let i = 0; i < out.length; i++)
    res = i === 0 ? out[0] : res + sep + out[i];
  return res;
}

/* Length of the run of separators starting at `i`. */
function sepRun(path, i, isSep) {
  let j = i;
  while (j < path.length && isSep(codeAt(path, j))) j++;
  return j - i;
}

/* Length of the run of non-separators starting at `i`. */
function partRun(path, i, isSep) {
  let j = i;
  while (j < path.length && !isSep(codeAt(path, j))) j++;
  return j - i;
}

/* Looks for a UNC root `\\server\share` at the start of `path` (which is
 * known to begin with two separators). Returns null, or
 * { server, share, end } where `end` is the index just past the share. */
function matchUNC(path) {
  const serverLen = partRun(path, 2, isWinSep);
  if (serverLen === 0) return null;
  let j = 2 + serverLen;
  const seps = sepRun(path, j, isWinSep);
  if (seps === 0 || j + seps >= path.length) return null;
  j += seps;
  const shareLen = partRun(path, j, isWinSep);
  if (shareLen === 0) return null;
  return {
    server: StringPrototypeSlice(path, 2, 2 + serverLen),
    share: StringPrototypeSlice(path, j, j + shareLen),
    end: j + shareLen,
  };
}

function isDriveStart(path) {
  return path.length >= 2 && isLetter(codeAt(path, 0)) &&
    codeAt(path, 1) === CHAR_COLON;
}

/* Splits a Windows path into its device (`C:`, `\\server\share`, or ''),
 * whether it is absolute, and where the root ends. */
function win32Root(path) {
  const len = path.length;
  if (len === 0) return { device: '', isAbsolute: false, rootEnd: 0 };
  const c0 = codeAt(path, 0);
  if (isWinSep(c0)) {
    if (len > 1 && isWinSep(codeAt(path, 1))) {
      const unc = matchUNC(path);
      if (unc !== null) {
        return {
          device: `\\\\${unc.server}\\${unc.share}`,
          isAbsolute: true,
          rootEnd: unc.end,
        };
      }
    }
    return { device: '', isAbsolute: true, rootEnd: 1 };
  }
  if (isDriveStart(path)) {
    if (len > 2 && isWinSep(codeAt(path, 2)))
      return { device: StringPrototypeSlice(path, 0, 2), isAbsolute: true,
               rootEnd: 3 };
    return { device: StringPrototypeSlice(path, 0, 2), isAbsolute: false,
             rootEnd: 2 };
  }
  return { device: '', isAbsolute: false, rootEnd: 0 };
}

/* Length of the root as dirname()/parse() see it: for a UNC path the
 * separator after the share is part of the root. Returns -1 if none. */
function win32DisplayRootEnd(path) {
  const len = path.length;
  const c0 = codeAt(path, 0);
  if (isWinSep(c0)) {
    if (len > 1 && isWinSep(codeAt(path, 1))) {
      const unc = matchUNC(path);
      if (unc !== null)
        return unc.end === len ? unc.end : unc.end + 1;
    }
    return 1;
  }
  if (isDriveStart(path))
    return len > 2 && isWinSep(codeAt(path, 2)) ? 3 : 2;
  return -1;
}

/* Index just past the last non-separator at or after `min`, or -1. */
function lastPartEnd(path, min, isSep) {
  let end = path.length;
  while (end > min && isSep(codeAt(path, end - 1))) end--;
  return end > min ? end : -1;
}

/* Index where the component ending at `end` starts (>= min). */
function lastPartStart(path, min, end, isSep) {
  let start = end;
  while (start > min && !isSep(codeAt(path, start - 1))) start--;
  return start;
}

/* Extension of a final path component, per Node's rules: '' when there is
 * no dot, the only dot leads the name, or the name is `..`. */
function extOf(base) {
  const dot = StringPrototypeLastIndexOf(base, '.');
  if (dot <= 0 || base === '..') return '';
  return StringPrototypeSlice(base, dot);
}

/* basename() with Node's suffix rules: the suffix is compared backwards
 * from the end of the last component; a complete match shorter than the
 * component is cut off, a mismatch leaves the component alone, and a
 * component that runs out while still matching keeps the trailing
 * separators. */
function basenameImpl(path, suffix, start, isSep) {
  const hasSuffix = suffix !== undefined && suffix.length > 0 &&
    suffix.length <= path.length;
  if (hasSuffix && suffix === path) return '';
  const end = lastPartEnd(path, start, isSep);
  if (end === -1)
    return hasSuffix ? StringPrototypeSlice(path, start) : '';
  const from = lastPartStart(path, start, end, isSep);
  if (!hasSuffix) return StringPrototypeSlice(path, from, end);
  let i = end - 1;
  let k = suffix.length - 1;
  while (i >= from && k >= 0 && codeAt(path, i) === codeAt(suffix, k)) {
    i--;
    k--;
  }
  if (k < 0) {
    // Complete match; a suffix equal to the whole component is kept.
    return StringPrototypeSlice(path, from, i + 1 === from ? end : i + 1);
  }
  if (i < from) return StringPrototypeSlice(path, from);
  return StringPrototypeSlice(path, from, end);
}

function extnameImpl(path, start, isSep) {
  const end = lastPartEnd(path, start, isSep);
  if (end === -1) return '';
  const from = lastPartStart(path, start, end, isSep);
  return extOf(StringPrototypeSlice(path, from, end));
}

/* Shared body of parse(): `rootEnd` is where the root ends (0 if none). */
function parseImpl(path, rootEnd, isSep, posixAbs) {
  const ret = { root: '', dir: '', base: '', ext: '', name: '' };
  if (rootEnd > 0) ret.root = StringPrototypeSlice(path, 0, rootEnd);
  const end = lastPartEnd(path, rootEnd, isSep);
  let startPart = rootEnd;
  if (end !== -1) {
    startPart = lastPartStart(path, rootEnd, end, isSep);
    const base = StringPrototypeSlice(path, startPart, end);
    let ext = extOf(base);
    /* Node quirk: `/..` (the parent right after the POSIX root) reports
     * an extension of '.'. */
    if (base === '..' && posixAbs && startPart === 1) ext = '.';
    ret.base = base;
    ret.ext = ext;
    ret.name = StringPrototypeSlice(base, 0, base.length - ext.length);
  }
  if (startPart > 0 && startPart !== rootEnd)
    ret.dir = StringPrototypeSlice(path, 0, startPart - 1);
  else
    ret.dir = ret.root;
  return ret;
}

function _format(sep, pathObject) {
  validateObject(pathObject, 'pathObject');
  const dir = pathObject.dir || pathObject.root;
  const base = pathObject.base ||
    `${pathObject.name || ''}${pathObject.ext || ''}`;
  if (!dir) return base;
  return dir === pathObject.root ? `${dir}${base}` : `${dir}${sep}${base}`;
}

/* win32 relative() core, working on the lower-cased resolved paths
 * character by character (Node's observable behaviour, quirks included:
 * the comparison ignores leading/trailing backslashes and may split a
 * component when one path is a prefix of the other). */
function win32RelativeChars(from, to, toOrig) {
  const [fs, fe] = trimBounds(from, CHAR_BACKSLASH);
  const [ts, te] = trimBounds(to, CHAR_BACKSLASH);
  const fromLen = fe - fs;
  const toLen = te - ts;
  const common = fromLen < toLen ? fromLen : toLen;
  let lastSep = -1;
  let i = 0;
  while (i < common) {
    const c = codeAt(from, fs + i);
    if (c !== codeAt(to, ts + i)) break;
    if (c === CHAR_BACKSLASH) lastSep = i;
    i++;
  }
  if (i < common) {
    if (lastSep === -1) return toOrig;  // Nothing in common: another root.
  } else {
    if (toLen > common) {
      if (codeAt(to, ts + i) === CHAR_BACKSLASH)
        return StringPrototypeSlice(toOrig, ts + i + 1);
      if (i === 2) return StringPrototypeSlice(toOrig, ts + i);
    }
    if (fromLen > common) {
      if (codeAt(from, fs + i) === CHAR_BACKSLASH) lastSep = i;
      else if (i === 2) lastSep = 3;
    }
    if (lastSep === -1) lastSep = 0;
  }
  // One `..` per separator of `from` past the common part, plus its end.
  let out = '';
  for (let j = fs + lastSep + 1; j <= fe; j++) {
    if (j === fe || codeAt(from, j) === CHAR_BACKSLASH)
      out += out.length === 0 ? '..' : '\\..';
  }
  let rest = ts + lastSep;
  if (out.length > 0) return out + StringPrototypeSlice(toOrig, rest, te);
  if (codeAt(toOrig, rest) === CHAR_BACKSLASH) rest++;
  return StringPrototypeSlice(toOrig, rest, te);
}

/* Index bounds of `s` with leading and trailing `sepCode`s trimmed (the
 * trailing run is trimmed only down to one character past the start). */
function trimBounds(s, sepCode) {
  let start = 0;
  while (start < s.length && codeAt(s, start) === sepCode) start++;
  let end = s.length;
  while (end - 1 > start && codeAt(s, end - 1) === sepCode) end--;
  return [start, end];
}

const win32 = {
  /* resolve(...paths): the absolute Windows path formed by processing
   * `paths` right to left, falling back to the cwd (per-drive cwd from
   * the `=C:` environment variables when a drive is known). */
  resolve(...args) {
    let resolvedDevice = '';
    let resolvedTail = '';
    let resolvedAbsolute = false;
    for (let i = args.length - 1; i >= -1; i--) {
      let path;
      if (i >= 0) {
        path = args[i];
        validateString(path, `paths[${i}]`);
        if (path.length === 0) continue;
      } else if (resolvedDevice.length === 0) {
        path = process.cwd();
      } else {
        path = process.env[`=${resolvedDevice}`] || process.cwd();
        if (path === undefined ||
            (StringPrototypeToLowerCase(StringPrototypeSlice(path, 0, 2)) !==
             StringPrototypeToLowerCase(resolvedDevice) &&
             codeAt(path, 2) === CHAR_BACKSLASH)) {
          path = `${resolvedDevice}\\`;
        }
      }
      const { device, isAbsolute, rootEnd } = win32Root(path);
      if (device.length > 0) {
        if (resolvedDevice.length > 0) {
          if (StringPrototypeToLowerCase(device) !==
              StringPrototypeToLowerCase(resolvedDevice)) {
            continue;  // A path on another device: irrelevant.
          }
        } else {
          resolvedDevice = device;
        }
      }
      if (resolvedAbsolute) {
        if (resolvedDevice.length > 0) break;
      } else {
        const rest = StringPrototypeSlice(path, rootEnd);
        resolvedTail = `${rest}\\${resolvedTail}`;
        resolvedAbsolute = isAbsolute;
        if (isAbsolute && resolvedDevice.length > 0) break;
      }
    }
    resolvedTail = normalizeTail(resolvedTail, !resolvedAbsolute, '\\',
                                 isWinSep);
    if (resolvedAbsolute) return `${resolvedDevice}\\${resolvedTail}`;
    return `${resolvedDevice}${resolvedTail}` || '.';
  },

  /* normalize(path): collapses separators, `.` and `..`, keeping the
   * device/UNC root and a trailing separator; '' becomes '.'. */
  normalize(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    if (len === 1) return isWinSep(codeAt(path, 0)) ? '\\' : path;
    const { device, isAbsolute, rootEnd } = win32Root(path);
    if (device.length > 2 && rootEnd === len) {
      // A bare UNC root `\\server\share` gets its closing separator.
      return `${device}\\`;
    }
    let tail = rootEnd < len ?
      normalizeTail(StringPrototypeSlice(path, rootEnd), !isAbsolute, '\\',
                    isWinSep) : '';
    if (tail.length === 0 && !isAbsolute) tail = '.';
    if (tail.length > 0 && isWinSep(codeAt(path, len - 1))) tail += '\\';
    return isAbsolute ? `${device}\\${tail}` : `${device}${tail}`;
  },

  /* isAbsolute(path): true for `\x`, `/x`, `C:\x`, `C:/x`. */
  isAbsolute(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return false;
    if (isWinSep(codeAt(path, 0))) return true;
    return len > 2 && isDriveStart(path) && isWinSep(codeAt(path, 2));
  },

  /* join(...paths): the non-empty arguments joined with `\` and
   * normalized; leading separators collapse unless the first argument
   * starts like a UNC path. */
  join(...args) {
    if (args.length === 0) return '.';
    let joined;
    let firstPart;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      validateString(arg, 'path');
      if (arg.length > 0) {
        if (joined === undefined) joined = firstPart = arg;
        else joined += `\\${arg}`;
      }
    }
    if (joined === undefined) return '.';
    /* Keep a UNC start (exactly two separators then a name) intact; else
     * squash a run of two or more leading separators into one. */
    const lead = sepRun(firstPart, 0, isWinSep);
    const keepUNC = lead === 2 && firstPart.length > 2;
    if (!keepUNC) {
      const n = sepRun(joined, 0, isWinSep);
      if (n >= 2) joined = `\\${StringPrototypeSlice(joined, n)}`;
    }
    return win32.normalize(joined);
  },

  /* relative(from, to): the path from `from` to `to` (both resolved,
   * compared case-insensitively); `to` itself when on another root. */
  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';
    const fromOrig = win32.resolve(from);
    const toOrig = win32.resolve(to);
    if (fromOrig === toOrig) return '';
    const fromLow = StringPrototypeToLowerCase(fromOrig);
    const toLow = StringPrototypeToLowerCase(toOrig);
    if (fromLow === toLow) return '';
    return win32RelativeChars(fromLow, toLow, toOrig);
  },

  /* toNamespacedPath(path): the `\\?\` long-path form of an absolute
   * drive or UNC path; anything else is returned unchanged. */
  toNamespacedPath(path) {
    if (typeof path !== 'string' || path.length === 0) return path;
    const resolved = win32.resolve(path);
    if (resolved.length <= 2) return path;
    if (codeAt(resolved, 0) === CHAR_BACKSLASH) {
      if (codeAt(resolved, 1) === CHAR_BACKSLASH) {
        const c2 = codeAt(resolved, 2);
        if (c2 !== CHAR_QUESTION && c2 !== CHAR_DOT)
          return `\\\\?\\UNC\\${StringPrototypeSlice(resolved, 2)}`;
      }
    } else if (isDriveStart(resolved) &&
               codeAt(resolved, 2) === CHAR_BACKSLASH) {
      return `\\\\?\\${resolved}`;
    }
    return path;
  },

  /* dirname(path): everything before the last component (keeping the
   * root); '.' when there is no directory part. */
  dirname(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    if (len === 1) return isWinSep(codeAt(path, 0)) ? path : '.';
    const rootEnd = win32DisplayRootEnd(path);
    if (rootEnd === len && len > 3 && isWinSep(codeAt(path, 1)))
      return path;  // A bare UNC root.
    const min = rootEnd === -1 ? 0 : rootEnd;
    const end = lastPartEnd(path, min, isWinSep);
    if (end !== -1) {
      const cut = lastPartStart(path, min, end, isWinSep);
      if (cut > min) return StringPrototypeSlice(path, 0, cut - 1);
    }
    return rootEnd === -1 ? '.' : StringPrototypeSlice(path, 0, rootEnd);
  },

  /* basename(path[, suffix]): the last component, minus `suffix` when it
   * ends with it. */
  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, 'ext');
    validateString(path, 'path');
    return basenameImpl(path, suffix, isDriveStart(path) ? 2 : 0, isWinSep);
  },

  /* extname(path): the extension of the last component, dot included. */
  extname(path) {
    validateString(path, 'path');
    return extnameImpl(path, isDriveStart(path) ? 2 : 0, isWinSep);
  },

  /* format(pathObject): inverse of parse(). */
  format: _format.bind(null, '\\'),

  /* parse(path): { root, dir, base, ext, name }. */
  parse(path) {
    validateString(path, 'path');
    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    const len = path.length;
    if (len === 0) return ret;
    if (len === 1) {
      if (isWinSep(codeAt(path, 0))) {
        ret.root = ret.dir = path;
      } else {
        ret.base = ret.name = path;
      }
      return ret;
    }
    let rootEnd = win32DisplayRootEnd(path);
    if (rootEnd === -1) rootEnd = 0;
    if (rootEnd === len && isDriveStart(path)) {
      ret.root = ret.dir = path;
      return ret;
    }
    return parseImpl(path, rootEnd, isWinSep, false);
  },

  sep: '\\',
  delimiter: ';',
  win32: null,
  posix: null,
};

function posixCwd() {
  return process.cwd();
}

const posix = {
  /* resolve(...paths): the absolute path formed by processing `paths`
   * right to left, prefixing process.cwd() when none is absolute. */
  resolve(...args) {
    let resolvedPath = '';
    let resolvedAbsolute = false;
    for (let i = args.length - 1; i >= -1 && !resolvedAbsolute; i--) {
      let path;
      if (i >= 0) {
        path = args[i];
        validateString(path, `paths[${i}]`);
      } else {
        path = posixCwd();
      }
      if (path.length === 0) continue;
      resolvedPath = `${path}/${resolvedPath}`;
      resolvedAbsolute = codeAt(path, 0) === CHAR_SLASH;
    }
    resolvedPath = normalizeTail(resolvedPath, !resolvedAbsolute, '/',
                                 isPosixSep);
    if (resolvedAbsolute) return `/${resolvedPath}`;
    return resolvedPath.length > 0 ? resolvedPath : '.';
  },

  /* normalize(path): collapses separators, `.` and `..`, keeping a
   * leading and a trailing `/`; '' becomes '.'. */
  normalize(path) {
    validateString(path, 'path');
    if (path.length === 0) return '.';
    const isAbsolute = codeAt(path, 0) === CHAR_SLASH;
    const trailing = codeAt(path, path.length - 1) === CHAR_SLASH;
    let res = normalizeTail(path, !isAbsolute, '/', isPosixSep);
    if (res.length === 0) {
      if (isAbsolute) return '/';
      return trailing ? './' : '.';
    }
    if (trailing) res += '/';
    return isAbsolute ? `/${res}` : res;
  },

  /* isAbsolute(path): true when `path` starts with `/`. */
  isAbsolute(path) {
    validateString(path, 'path');
    return path.length > 0 && codeAt(path, 0) === CHAR_SLASH;
  },

  /* join(...paths): the non-empty arguments joined with `/`, normalized. */
  join(...args) {
    if (args.length === 0) return '.';
    let joined;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i];
      validateString(arg, 'path');
      if (arg.length > 0) {
        if (joined === undefined) joined = arg;
        else joined += `/${arg}`;
      }
    }
    if (joined === undefined) return '.';
    return posix.normalize(joined);
  },

  /* relative(from, to): the path from `from` to `to`, both resolved. */
  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';
    from = posix.resolve(from);
    to = posix.resolve(to);
    if (from === to) return '';
    const fromTrim = StringPrototypeSlice(from, 1);
    const toTrim = StringPrototypeSlice(to, 1);
    const fromParts = fromTrim === '' ? [] : fromTrim.split('/');
    const toParts = toTrim === '' ? [] : toTrim.split('/');
    let k = 0;
    while (k < fromParts.length && k < toParts.length &&
           fromParts[k] === toParts[k]) k++;
    let out = '';
    for (let i = k; i < fromParts.length; i++)
      out += out.length === 0 ? '..' : '/..';
    for (let i = k; i < toParts.length; i++)
      out += out.length === 0 ? toParts[i] : `/${toParts[i]}`;
    return out;
  },

  /* toNamespacedPath(path): identity on POSIX. */
  toNamespacedPath(path) {
    return path;
  },

  /* dirname(path): everything before the last component; '/' or '.'
   * when there is none. */
  dirname(path) {
    validateString(path, 'path');
    if (path.length === 0) return '.';
    const hasRoot = codeAt(path, 0) === CHAR_SLASH;
    const end = lastPartEnd(path, 1, isPosixSep);
    if (end !== -1) {
      const from = lastPartStart(path, 1, end, isPosixSep);
      if (from > 1) {
        // Drop exactly the separator before the last component.
        if (hasRoot && from === 2) return '//';
        return StringPrototypeSlice(path, 0, from - 1);
      }
    }
    return hasRoot ? '/' : '.';
  },

  /* basename(path[, suffix]): the last component, minus `suffix` when it
   * ends with it. */
  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, 'ext');
    validateString(path, 'path');
    return basenameImpl(path, suffix, 0, isPosixSep);
  },

  /* extname(path): the extension of the last component, dot included. */
  extname(path) {
    validateString(path, 'path');
    return extnameImpl(path, 0, isPosixSep);
  },

  /* format(pathObject): inverse of parse(). */
  format: _format.bind(null, '/'),

  /* parse(path): { root, dir, base, ext, name }. */
  parse(path) {
    validateString(path, 'path');
    if (path.length === 0)
      return { root: '', dir: '', base: '', ext: '', name: '' };
    const isAbsolute = codeAt(path, 0) === CHAR_SLASH;
    return parseImpl(path, isAbsolute ? 1 : 0, isPosixSep, isAbsolute);
  },

  sep: '/',
  delimiter: ':',
  win32: null,
  posix: null,
};

posix.win32 = win32.win32 = win32;
posix.posix = win32.posix = posix;

// Legacy internal API, docs-only deprecated: DEP0080.
win32._makeLong = win32.toNamespacedPath;
posix._makeLong = posix.toNamespacedPath;

module.exports = process.platform === 'win32' ? win32 : posix;
