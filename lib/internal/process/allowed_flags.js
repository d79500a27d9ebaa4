'use strict';
/* allowed_flags.js - process.allowedNodeEnvironmentFlags: the read-only
 * Set of the flags Node 18 accepts in NODE_OPTIONS, whose has() also
 * recognises flags without leading dashes, with '_' for '-' and with a
 * trailing "=value". */

const {
  ArrayPrototypeForEach,
  ArrayPrototypePush,
  FunctionPrototypeCall,
  ObjectFreeze,
  RegExpPrototypeExec,
  SafeSet,
  Set,
  SetPrototypeEntries,
  SetPrototypeForEach,
  SetPrototypeGetSize,
  SetPrototypeHas,
  SetPrototypeKeys,
  SetPrototypeValues,
  StringPrototypeIndexOf,
  StringPrototypeReplaceAll,
  StringPrototypeSlice,
  SymbolIterator,
} = primordials;

/* Boolean options: both --x and --no-x are allowed. */
const kBooleanOptions = [
  'addons', 'debug-arraybuffer-allocations', 'deprecation', 'enable-fips',
  'enable-network-family-autoselection', 'enable-source-maps',
  'experimental-fetch', 'experimental-global-customevent',
  'experimental-global-webcrypto', 'experimental-import-meta-resolve',
  'experimental-network-imports', 'experimental-repl-await',
  'experimental-shadow-realm', 'experimental-vm-modules',
  'experimental-wasm-modules', 'extra-info-on-fatal-exception',
  'force-async-hooks-checks', 'force-context-aware', 'force-fips',
  'force-node-api-uncaught-exceptions-policy', 'frozen-intrinsics',
  'global-search-paths', 'insecure-http-parser', 'inspect', 'inspect-brk',
  'node-snapshot', 'openssl-legacy-provider', 'openssl-shared-config',
  'pending-deprecation', 'preserve-symlinks', 'preserve-symlinks-main',
  'report-compact', 'report-on-fatalerror', 'report-on-signal',
  'report-uncaught-exception', 'test-only', 'throw-deprecation',
  'tls-max-v1.2', 'tls-max-v1.3', 'tls-min-v1.0', 'tls-min-v1.1',
  'tls-min-v1.2', 'tls-min-v1.3', 'trace-atomics-wait', 'trace-deprecation',
  'trace-exit', 'trace-sigint', 'trace-sync-io', 'trace-tls', 'trace-uncaught',
  'trace-warnings', 'track-heap-objects', 'use-bundled-ca', 'use-openssl-ca',
  'verify-base-objects', 'warnings', 'watch', 'watch-preserve-output',
  'zero-fill-buffers',
];

/* Options with a value (or without a --no- form), and aliases. */
const kOtherOptions = [
  '--conditions', '--debug-port', '--diagnostic-dir', '--disable-proto',
  '--dns-result-order', '--es-module-specifier-resolution',
  '--experimental-abortcontroller', '--experimental-default-type',
  '--experimental-json-modules', '--experimental-loader',
  '--experimental-modules', '--experimental-policy', '--experimental-report',
  '--experimental-specifier-resolution', '--experimental-top-level-await',
  '--experimental-wasi-unstable-preview1', '--experimental-worker',
  '--heapsnapshot-near-heap-limit', '--heapsnapshot-signal', '--http-parser',
  '--icu-data-dir', '--import', '--input-type', '--inspect-port',
  '--inspect-publish-uid', '--loader', '--max-http-header-size',
  '--napi-modules', '--node-memory-debug', '--openssl-config',
  '--policy-integrity', '--prof-process', '--redirect-warnings',
  '--report-dir', '--report-directory', '--report-filename',
  '--report-signal', '--require', '--secure-heap', '--secure-heap-min',
  '--snapshot-blob', '--test-reporter', '--test-reporter-destination',
  '--test-shard', '--title', '--tls-cipher-list', '--tls-keylog',
  '--trace-event-categories', '--trace-event-file-pattern',
  '--trace-events-enabled', '--unhandled-rejections', '--use-largepages',
  '--v8-pool-size', '--watch-path', '-C', '-r',
];

/* The V8 options allowed in NODE_OPTIONS. */
const kV8Options = [
  '--abort-on-uncaught-exception', '--disallow-code-generation-from-strings',
  '--enable-etw-stack-walking', '--huge-max-old-generation-size',
  '--interpreted-frames-native-stack', '--jitless', '--max-old-space-size',
  '--max-semi-space-size', '--perf-basic-prof',
  '--perf-basic-prof-only-functions', '--perf-prof',
  '--perf-prof-unwinding-info', '--stack-trace-limit',
];

const kLeadingDashes = /^--?/;

/* A Set whose contents cannot change: add/delete/clear do nothing, and
 * every read goes to a private set (so Set.prototype.add.call() on it is
 * not seen either). */
class NodeEnvironmentFlagsSet extends Set {
  #flags;

  constructor(flags) {
    super();
    this.#flags = new SafeSet(flags);
  }

  add() {
    return this;
  }

  delete() {
    return false;
  }

  clear() {}

  /* Whether `key` names an allowed flag: "r" and "-r", "perf_basic_prof"
   * and "--perf-basic-prof", "--stack-trace-limit=100" all do. */
  has(key) {
    if (typeof key !== 'string') return false;
    key = StringPrototypeReplaceAll(key, '_', '-');
    if (RegExpPrototypeExec(kLeadingDashes, key) !== null) {
      const equals = StringPrototypeIndexOf(key, '=');
      if (equals !== -1) key = StringPrototypeSlice(key, 0, equals);
      return SetPrototypeHas(this.#flags, key);
    }
    return SetPrototypeHas(this.#flags, `-${key}`) ||
      SetPrototypeHas(this.#flags, `--${key}`);
  }

  entries() {
    return SetPrototypeEntries(this.#flags);
  }

  forEach(callback, thisArg = undefined) {
    SetPrototypeForEach(this.#flags, (value, key) => {
      FunctionPrototypeCall(callback, thisArg, value, key, this);
    });
  }

  get size() {
    return SetPrototypeGetSize(this.#flags);
  }

  values() {
    return SetPrototypeValues(this.#flags);
  }

  keys() {
    return SetPrototypeKeys(this.#flags);
  }

  [SymbolIterator]() {
    return SetPrototypeValues(this.#flags);
  }
}

ObjectFreeze(NodeEnvironmentFlagsSet.prototype.constructor);
ObjectFreeze(NodeEnvironmentFlagsSet.prototype);

/* Returns the frozen set for process.allowedNodeEnvironmentFlags. */
function createAllowedFlags() {
  const flags = [];
  ArrayPrototypeForEach(kBooleanOptions, (name) => {
    ArrayPrototypePush(flags, `--${name}`, `--no-${name}`);
  });
  ArrayPrototypeForEach(kOtherOptions, (name) => {
    ArrayPrototypePush(flags, name);
  });
  ArrayPrototypeForEach(kV8Options, (name) => ArrayPrototypePush(flags, name));
  return ObjectFreeze(new NodeEnvironmentFlagsSet(flags));
}

module.exports = { createAllowedFlags };
