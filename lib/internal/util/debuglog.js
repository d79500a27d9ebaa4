// internal/util/debuglog: util.debuglog, section logging gated by NODE_DEBUG.
'use strict';

const {
  ObjectCreate,
  ObjectDefineProperty,
  RegExp,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolReplace,
  StringPrototypeReplaceAll,
  StringPrototypeToLowerCase,
  StringPrototypeToUpperCase,
} = primordials;

// Section name -> its logging function (or a no-op).
let debugImpls = ObjectCreate(null);
let testEnabled;

/**
 * initializeDebugEnv(NODE_DEBUG): sets which sections log. The value is a
 * comma-separated list of names, case-insensitive, `*` matching anything.
 * Called at bootstrap (and again only by tests).
 */
function initializeDebugEnv(debugEnv) {
  debugEnv = debugEnv == null ? '' : `${debugEnv}`;
  debugImpls = ObjectCreate(null);
  if (debugEnv) {
    // Escape regexp syntax, then turn `*` into `.*` and `,` into `|`.
    let pattern = RegExpPrototypeSymbolReplace(/[|\\{}()[\]^$+?.]/g,
                                               debugEnv, '\\$&');
    pattern = StringPrototypeReplaceAll(pattern, '*', '.*');
    pattern = StringPrototypeReplaceAll(pattern, ',', '$|^');
    const re = new RegExp(`^(${pattern})$`, 'i');
    testEnabled = (str) => RegExpPrototypeExec(re, str) !== null;
  } else {
    testEnabled = () => false;
  }
}

// NODE_DEBUG=http(2) logs headers: say so.
function emitWarningIfNeeded(set) {
  if (set === 'HTTP' || set === 'HTTP2') {
    process.emitWarning('Setting the NODE_DEBUG environment variable ' +
      'to \'' + StringPrototypeToLowerCase(set) + '\' can expose sensitive ' +
      'data (such as passwords, tokens and authentication headers) ' +
      'in the resulting log.');
  }
}

const noop = () => {};

function debuglogImpl(enabled, set) {
  if (debugImpls[set] === undefined) {
    if (enabled) {
      const pid = process.pid;
      emitWarningIfNeeded(set);
      debugImpls[set] = function debug(...args) {
        const { format, formatWithOptions, inspect } =
          require('internal/util/inspect');
        const colors = process.stderr.hasColors && process.stderr.hasColors();
        const msg = formatWithOptions({ colors }, ...args);
        const coloredPID = inspect(pid, { colors });
        process.stderr.write(format('%s %s: %s\n', set, coloredPID, msg));
      };
    } else {
      debugImpls[set] = noop;
    }
  }
  return debugImpls[set];
}

/**
 * debuglog(section[, callback]): returns `logger(...args)` that writes
 * `SECTION PID: <formatted args>` to stderr when NODE_DEBUG names the
 * section, and does nothing otherwise. `logger.enabled` tells which.
 * `callback(realLogger)` runs on the first call. The environment is read
 * lazily, on first use.
 */
function debuglog(set, cb) {
  let enabled;
  function init() {
    // Bootstrap normally did this; fall back to the environment.
    if (testEnabled === undefined) initializeDebugEnv(process.env.NODE_DEBUG);
    set = StringPrototypeToUpperCase(set);
    enabled = testEnabled(set);
  }
  let debug = (...args) => {
    init();
    debug = debuglogImpl(enabled, set);
    if (typeof cb === 'function')
      cb(debug);
    return debug(...args);
  };
  let test = () => {
    init();
    test = () => enabled;
    return enabled;
  };
  const logger = (...args) => debug(...args);
  ObjectDefineProperty(logger, 'enabled', {
    __proto__: null,
    get() {
      return test();
    },
    configurable: true,
    enumerable: true,
  });
  return logger;
}

module.exports = {
  debuglog,
  initializeDebugEnv,
};
