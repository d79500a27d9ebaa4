'use strict';
// internal/fs/watchers: fs.watch (FSWatcher over inotify), fs.watchFile /
// unwatchFile (StatWatcher over stat polling) and fs.promises.watch.

const {
  ArrayPrototypePush,
  ArrayPrototypeShift,
  Promise,
  SafeMap,
  Symbol,
  SymbolAsyncIterator,
} = primordials;

const EventEmitter = require('events');
const pathModule = require('path');
const {
  AbortError,
  codes: {
    ERR_FEATURE_UNAVAILABLE_ON_PLATFORM,
  },
  uvException,
} = require('internal/errors');
const {
  validateAbortSignal,
  validateBoolean,
  validateFunction,
  validateUint32,
} = require('internal/validators');
const {
  encodeName,
  getOptions,
  getValidatedPath,
  nameEncoding,
} = require('internal/fs/utils');
const {
  getStatsFromBinding,
  kFsStatsFieldsNumber,
} = require('internal/fs/stats');

const { FSEvent } = internalBinding('fs_event_wrap');
const { StatWatcher: StatWatcherHandle } = internalBinding('fs');

const kOldStatus = Symbol('kOldStatus');
const kUseBigint = Symbol('kUseBigint');
const kRefs = Symbol('kRefs');
const kMaxRefs = Symbol('kMaxRefs');

function watchError(errno, filename) {
  const error = uvException({ errno, syscall: 'watch', path: filename });
  error.filename = filename;
  return error;
}

/* fs.StatWatcher: emits 'change'(current, previous) as polling sees it. */
class StatWatcher extends EventEmitter {
  constructor(bigint) {
    super();
    this._handle = null;
    this[kOldStatus] = -1;
    this[kUseBigint] = bigint;
    this[kRefs] = 1;
    this[kMaxRefs] = 1;
  }

  /* Starts polling `filename` every `interval` ms. */
  start(filename, persistent, interval) {
    if (this._handle !== null) return;
    this._handle = new StatWatcherHandle(this[kUseBigint]);
    this._handle.onchange = (newStatus, stats) => {
      if (this[kOldStatus] === -1 && newStatus === -1 &&
          stats[2] === stats[kFsStatsFieldsNumber + 2]) {
        return;
      }
      this[kOldStatus] = newStatus;
      this.emit('change', getStatsFromBinding(stats),
                getStatsFromBinding(stats, kFsStatsFieldsNumber));
    };
    validateUint32(interval, 'interval');
    const err = this._handle.start(filename, interval);
    if (err) {
      this._handle.close();
      this._handle = null;
      throw watchError(err, filename);
    }
    if (!persistent) this._handle.unref();
  }

  stop() {
    if (this._handle === null) return;
    this._handle.close();
    this._handle = null;
    process.nextTick(() => this.emit('stop'));
  }

  /* Adds or drops one of the listeners' references ('add' | 'clean'). */
  addOrCleanRef(op) {
    if (op === 'add') {
      this[kRefs]++;
      this[kMaxRefs]++;
    } else if (op === 'clean') {
      this[kMaxRefs] = 0;
      this[kRefs] = 0;
      this.unref();
    }
  }

  ref() {
    const prev = this[kRefs];
    if (prev < this[kMaxRefs]) this[kRefs]++;
    if (this._handle && prev === 0) this._handle.ref();
    return this;
  }

  unref() {
    if (this[kRefs] > 0) this[kRefs]--;
    if (this._handle && this[kRefs] === 0) this._handle.unref();
    return this;
  }
}

const statWatchers = new SafeMap();

/* watchFile(filename[, {bigint, persistent, interval}], listener) */
function watchFile(filename, options, listener) {
  filename = getValidatedPath(filename);
  filename = pathModule.resolve(`${filename}`);
  if (typeof options === 'function') {
    listener = options;
    options = null;
  }
  options = { interval: 5007, persistent: true, ...options };
  validateFunction(listener, 'listener');
  let stat = statWatchers.get(filename);
  if (stat === undefined) {
    stat = new StatWatcher(!!options.bigint);
    stat.start(filename, options.persistent, options.interval);
    statWatchers.set(filename, stat);
  } else {
    stat.addOrCleanRef('add');
  }
  stat.addListener('change', listener);
  return stat;
}

/* unwatchFile(filename[, listener]) */
function unwatchFile(filename, listener) {
  filename = getValidatedPath(filename);
  filename = pathModule.resolve(`${filename}`);
  const stat = statWatchers.get(filename);
  if (stat === undefined) return;
  if (typeof listener === 'function') {
    const before = stat.listenerCount('change');
    stat.removeListener('change', listener);
    if (stat.listenerCount('change') < before) stat.unref();
  } else {
    stat.removeAllListeners('change');
    stat.addOrCleanRef('clean');
  }
  if (stat.listenerCount('change') === 0) {
    stat.stop();
    statWatchers.delete(filename);
  }
}

/* fs.FSWatcher: emits 'change'(eventType, filename), 'error', 'close'. */
class FSWatcher extends EventEmitter {
  constructor() {
    super();
    this._handle = new FSEvent();
    this._encoding = undefined;
    this._handle.onchange = (status, eventType, filename) => {
      if (filename !== null && filename !== undefined) {
        filename = encodeName(filename, this._encoding);
      }
      if (status < 0) {
        if (this._handle !== null) {
          this._handle.close();
          this._handle = null;
        }
        this.emit('error', watchError(status, filename));
        return;
      }
      this.emit('change', eventType, filename);
    };
  }

  start(filename, persistent, recursive, encoding) {
    if (this._handle === null) return;
    filename = getValidatedPath(filename, 'filename');
    this._encoding = encoding;
    const err = this._handle.start(filename, persistent, recursive,
                                   nameEncoding(encoding));
    if (err) {
      this._handle.close();
      this._handle = null;
      throw watchError(err, `${filename}`);
    }
  }

  close() {
    if (this._handle === null) return;
    this._handle.close();
    this._handle = null;
    process.nextTick(() => this.emit('close'));
  }

  ref() {
    this._handle?.ref();
    return this;
  }

  unref() {
    this._handle?.unref();
    return this;
  }
}

/* The checked options of watch(). */
function watchOptions(options) {
  options = getOptions(options);
  options = { persistent: true, recursive: false, ...options };
  validateBoolean(options.persistent, 'options.persistent');
  validateBoolean(options.recursive, 'options.recursive');
  if (options.signal !== undefined) {
    validateAbortSignal(options.signal, 'options.signal');
  }
  if (options.recursive && process.platform !== 'darwin' &&
      process.platform !== 'win32') {
    throw new ERR_FEATURE_UNAVAILABLE_ON_PLATFORM('watch recursively');
  }
  return options;
}

/* watch(filename[, options][, listener]) -> FSWatcher */
function watch(filename, options, listener) {
  if (typeof options === 'function') {
    listener = options;
    options = undefined;
  }
  options = watchOptions(options);
  const watcher = new FSWatcher();
  watcher.start(filename, options.persistent, options.recursive,
                options.encoding);
  if (listener) watcher.addListener('change', listener);
  const signal = options.signal;
  if (signal) {
    if (signal.aborted) {
      process.nextTick(() => watcher.close());
    } else {
      const onAbort = () => watcher.close();
      signal.addEventListener('abort', onAbort, { once: true });
      watcher.once('close', () => signal.removeEventListener('abort',
                                                             onAbort));
    }
  }
  return watcher;
}

/* fs.promises.watch(filename[, options]) -> async iterator of
 * {eventType, filename}. */
function watchPromise(filename, options = {}) {
  options = watchOptions(options);
  const { signal } = options;
  const watcher = new FSWatcher();
  const events = [];
  let wake = null;
  let failure = null;
  let done = false;
  const notify = () => {
    if (wake !== null) {
      const w = wake;
      wake = null;
      w();
    }
  };
  watcher.on('change', (eventType, name) => {
    ArrayPrototypePush(events, { eventType, filename: name });
    notify();
  });
  watcher.on('error', (err) => {
    failure = err;
    notify();
  });
  const onAbort = () => {
    failure = new AbortError(undefined, { cause: signal?.reason });
    notify();
  };
  if (signal?.aborted) {
    failure = new AbortError(undefined, { cause: signal.reason });
  } else {
    signal?.addEventListener('abort', onAbort, { once: true });
    watcher.start(filename, options.persistent, false, options.encoding);
  }
  const finish = () => {
    done = true;
    watcher.close();
    signal?.removeEventListener('abort', onAbort);
  };
  return {
    __proto__: null,
    async next() {
      while (true) {
        if (events.length > 0) {
          return { value: ArrayPrototypeShift(events), done: false };
        }
        if (failure !== null) {
          const err = failure;
          failure = null;
          finish();
          throw err;
        }
        if (done) return { value: undefined, done: true };
        await new Promise((resolve) => { wake = resolve; });
      }
    },
    async return() {
      finish();
      notify();
      return { value: undefined, done: true };
    },
    async throw(err) {
      finish();
      notify();
      throw err;
    },
    [SymbolAsyncIterator]() {
      return this;
    },
  };
}

module.exports = {
  FSWatcher,
  StatWatcher,
  unwatchFile,
  watch,
  watchFile,
  watchPromise,
};
