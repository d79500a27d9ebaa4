'use strict';
// internal/fs/dir: fs.Dir (a directory stream read in batches, with
// callback, promise, sync and async-iterator forms) and opendir().

const {
  ArrayPrototypePush,
  ArrayPrototypeShift,
  Promise,
  SymbolAsyncIterator,
} = primordials;

const pathModule = require('path');
const {
  codes: {
    ERR_DIR_CLOSED,
    ERR_DIR_CONCURRENT_OPERATION,
    ERR_INVALID_ARG_TYPE,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const {
  validateFunction,
  validateInteger,
} = require('internal/validators');
const {
  constants: { UV_DIRENT_UNKNOWN },
  encodeName,
  getOptions,
  getValidatedPath,
  nameEncoding,
} = require('internal/fs/utils');
const { getDirent } = require('internal/fs/stats');

const binding = internalBinding('fs');

const kHandle = Symbol('kHandle');
const kPath = Symbol('kPath');
const kOptions = Symbol('kOptions');
const kBuffer = Symbol('kBuffer');
const kClosed = Symbol('kClosed');
const kBusy = Symbol('kBusy');
const kQueue = Symbol('kQueue');

class Dir {
  constructor(handle, path, options) {
    if (handle == null) throw new ERR_MISSING_ARGS('handle');
    this[kHandle] = handle;
    this[kPath] = path;
    this[kOptions] = {
      bufferSize: 32,
      ...getOptions(options, { encoding: 'utf8' }),
    };
    validateInteger(this[kOptions].bufferSize, 'options.bufferSize', 1, 4096);
    this[kBuffer] = [];
    this[kClosed] = false;
    this[kBusy] = false;
    this[kQueue] = [];
  }

  get path() {
    return this[kPath];
  }

  /* read([callback]) -> Promise<Dirent|null> without a callback. */
  read(callback) {
    if (this[kClosed]) throw new ERR_DIR_CLOSED();
    return this.#run(callback, (cb) => this.#read(cb));
  }

  readSync() {
    this.#checkSync();
    if (this[kBuffer].length > 0) return this.#next();
    const entries = binding.dirRead(this[kHandle], this.#encoding(),
                                    this[kOptions].bufferSize);
    if (entries === null) return null;
    this.#fill(entries);
    return this.#next();
  }

  /* close([callback]) -> Promise without a callback. */
  close(callback) {
    if (callback !== undefined) validateFunction(callback, 'callback');
    if (this[kClosed]) {
      const err = new ERR_DIR_CLOSED();
      if (callback === undefined) return Promise.reject(err);
      process.nextTick(callback, err);
      return;
    }
    if (this[kBusy]) {
      const pending = new Promise((resolve, reject) => {
        ArrayPrototypePush(this[kQueue], () => {
          this.close((err) => (err ? reject(err) : resolve()));
        });
      });
      if (callback === undefined) return pending;
      pending.then(() => callback(null), callback);
      return;
    }
    this[kClosed] = true;
    if (callback === undefined) {
      return new Promise((resolve, reject) => {
        binding.dirClose(this[kHandle], (err) => (err ? reject(err) :
          resolve()));
      });
    }
    binding.dirClose(this[kHandle], callback);
  }

  closeSync() {
    this.#checkSync();
    this[kClosed] = true;
    binding.dirClose(this[kHandle]);
  }

  async* entries() {
    try {
      while (true) {
        const dirent = await this.read();
        if (dirent === null) break;
        yield dirent;
      }
    } finally {
      if (!this[kClosed]) await this.close();
    }
  }

  [SymbolAsyncIterator]() {
    return this.entries();
  }

  #encoding() {
    return nameEncoding(this[kOptions].encoding);
  }

  #checkSync() {
    if (this[kClosed]) throw new ERR_DIR_CLOSED();
    if (this[kBusy]) throw new ERR_DIR_CONCURRENT_OPERATION();
  }

  /* Runs op(cb) now or after the operation in progress; returns a promise
   * when there is no callback. */
  #run(callback, op) {
    if (callback !== undefined) validateFunction(callback, 'callback');
    let promise;
    if (callback === undefined) {
      promise = new Promise((resolve, reject) => {
        callback = (err, value) => (err ? reject(err) : resolve(value));
      });
    }
    if (this[kClosed]) {
      process.nextTick(callback, new ERR_DIR_CLOSED());
      return promise;
    }
    const start = () => {
      this[kBusy] = true;
      op((err, value) => {
        this[kBusy] = false;
        const next = ArrayPrototypeShift(this[kQueue]);
        callback(err, value);
        if (next !== undefined) next();
      });
    };
    if (this[kBusy]) {
      ArrayPrototypePush(this[kQueue], start);
    } else {
      start();
    }
    return promise;
  }

  #read(cb) {
    if (this[kClosed]) return process.nextTick(cb, new ERR_DIR_CLOSED());
    if (this[kBuffer].length > 0) {
      const dirent = this.#next();
      process.nextTick(cb, null, dirent);
      return;
    }
    binding.dirRead(this[kHandle], this.#encoding(),
                    this[kOptions].bufferSize, (err, entries) => {
                      if (err) return cb(err);
                      if (entries === null) return cb(null, null);
                      this.#fill(entries);
                      const first = this[kBuffer][0];
                      if (first.type !== UV_DIRENT_UNKNOWN) {
                        return cb(null, this.#next());
                      }
                      ArrayPrototypeShift(this[kBuffer]);
                      getDirent(this[kPath], first.name, first.type,
                                (err, d) => cb(err, err ? undefined :
                                  withFullPath(d, this[kPath])));
                    });
  }

  #fill(entries) {
    const enc = this[kOptions].encoding;
    for (let i = 0; i < entries.length; i += 2) {
      ArrayPrototypePush(this[kBuffer], {
        name: encodeName(entries[i], enc),
        type: entries[i + 1],
      });
    }
  }

  #next() {
    const { name, type } = ArrayPrototypeShift(this[kBuffer]);
    return withFullPath(getDirent(this[kPath], name, type), this[kPath]);
  }
}

/* Dir's Dirents carry the entry's full path in .path. */
function withFullPath(dirent, dirPath) {
  if (typeof dirent.name === 'string') {
    dirent.path = pathModule.join(`${dirPath}`, dirent.name);
  }
  return dirent;
}

function checkDirOptions(options) {
  options = getOptions(options, { encoding: 'utf8' });
  if (options.bufferSize !== undefined) {
    if (typeof options.bufferSize !== 'number') {
      throw new ERR_INVALID_ARG_TYPE('options.bufferSize', 'number',
                                     options.bufferSize);
    }
    validateInteger(options.bufferSize, 'options.bufferSize', 1, 4096);
  }
  return options;
}

/* opendir(path[, options], callback(err, dir)) */
function opendir(path, options, callback) {
  callback = typeof options === 'function' ? options : callback;
  validateFunction(callback, 'callback');
  path = getValidatedPath(path);
  options = checkDirOptions(options);
  binding.opendir(path, (err, handle) => {
    if (err) return callback(err);
    callback(null, new Dir(handle, path, options));
  });
}

function opendirSync(path, options) {
  path = getValidatedPath(path);
  options = checkDirOptions(options);
  return new Dir(binding.opendir(path), path, options);
}

module.exports = {
  Dir,
  opendir,
  opendirSync,
};
