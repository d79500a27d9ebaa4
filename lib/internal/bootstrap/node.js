'use strict';
/* node.js (bootstrap) - turns the bare process object into Node's process
 * (an EventEmitter with its properties and methods), installs the globals,
 * and wires the task queue, rejection tracking and timers to C. */

const {
  FunctionPrototypeCall,
  ObjectCreate,
  ObjectDefineProperty,
  ObjectFreeze,
  ObjectSetPrototypeOf,
  SymbolFor,
  SymbolToStringTag,
} = primordials;

const pm = internalBinding('process_methods');
const info = pm.getProcessInfo();
const { getOptionValue } = require('internal/options');

/* process is an EventEmitter whose constructor is named 'process'. */
const EventEmitter = require('events');
{
  /* process.constructor is a function named 'process' whose prototype is
   * process's prototype (which inherits from EventEmitter). */
  const processCtor = function process() {};
  const proto = ObjectCreate(EventEmitter.prototype, {
    constructor: {
      __proto__: null, value: processCtor, writable: true,
      configurable: true,
    },
  });
  processCtor.prototype = proto;
  ObjectSetPrototypeOf(process, proto);
}
FunctionPrototypeCall(EventEmitter, process);
ObjectDefineProperty(process, SymbolToStringTag, {
  __proto__: null, value: 'process', writable: false, enumerable: false,
  configurable: true,
});

/* Static facts. */
const versions = {
  node: '18.20.4',
  nodus: info.nodusVersion,
  v8: info.v8Version,
  uv: info.uvVersion,
  zlib: '1.2.13',
  brotli: '1.0.9',
  llhttp: '8.1.0',
  nghttp2: '1.52.0',
  openssl: info.opensslVersion,
  napi: '8',
  modules: '108',
  unicode: '15.0',
  icu: '72.1',
};
process.version = 'v18.20.4';
process.versions = ObjectFreeze(versions);
process.arch = 'x64';
process.platform = 'linux';
process.release = ObjectFreeze({
  name: 'node',
  lts: 'Hydrogen',
  sourceUrl: 'https://nodejs.org/download/release/v18.20.4/' +
    'node-v18.20.4.tar.gz',
  headersUrl: 'https://nodejs.org/download/release/v18.20.4/' +
    'node-v18.20.4-headers.tar.gz',
});
process.features = ObjectFreeze({
  inspector: false,
  debug: false,
  uv: true,
  ipv6: true,
  tls_alpn: true,
  tls_sni: true,
  tls_ocsp: true,
  tls: true,
  cached_builtins: true,
});
process.config = ObjectFreeze({
  target_defaults: {
    cflags: [], default_configuration: 'Release', defines: [],
    include_dirs: [], libraries: [],
  },
  variables: {
    asan: 0, host_arch: 'x64', target_arch: 'x64', icu_small: false,
    node_module_version: 108, node_shared: false, node_shared_openssl: true,
    node_shared_zlib: true, node_shared_libuv: true, node_shared_brotli: true,
    node_shared_nghttp2: true, node_use_openssl: true, node_use_v8_platform:
    true, napi_build_version: '8', v8_enable_i18n_support: 1,
    v8_enable_inspector: 0, v8_enable_pointer_compression: 0,
    v8_enable_31bit_smis_on_64bit_arch: 0, node_builtin_shareable_builtins: [],
    shlib_suffix: 'so.108', is_debug: 0, llvm_version: '0.0',
    node_install_npm: false, node_prefix: '/usr', openssl_quic: false,
    single_executable_application: false,
  },
});
process.execPath = info.execPath;
process.execArgv = info.execArgv;
process.argv0 = info.argv0;
process.argv = [info.execPath, ...info.scriptArgv];
process.pid = info.pid;
process.ppid = info.ppid;
process.debugPort = 9229;
process.exitCode = undefined;
process._exiting = false;
process.moduleLoadList = [];
process.env = require('internal/process/per_thread').createEnv();
ObjectDefineProperty(process, 'title', {
  __proto__: null,
  get: () => pm.getTitle(),
  set: (value) => pm.setTitle(`${value}`),
  enumerable: true,
  configurable: true,
});

/* Methods. */
{
  const perThread = require('internal/process/per_thread');
  const { validateString, validateUint32 } = require('internal/validators');
  process.hrtime = perThread.hrtime;
  process.memoryUsage = perThread.memoryUsage;
  process.cpuUsage = perThread.cpuUsage;
  process.resourceUsage = perThread.resourceUsage;
  process.kill = perThread.kill;
  process._kill = pm._kill;
  process.exit = perThread.exit;
  process.binding = perThread.processBinding;
  process._linkedBinding = perThread.processBinding;
  process.reallyExit = pm.reallyExit;
  process.abort = pm.abort;
  process._rawDebug = (...args) => {
    pm.rawDebug(require('internal/util/inspect').format(...args));
  };
  process.uptime = pm.uptime;
  process.cwd = pm.cwd;
  process.chdir = function chdir(directory) {
    validateString(directory, 'directory');
    pm.chdir(directory);
    /* Workers cache the cwd until a chdir is announced. */
    require('internal/worker/cwd').announceChange();
  };
  process.umask = function umask(mask) {
    if (mask === undefined) return pm.umask(undefined);
    if (typeof mask === 'string') {
      const { parseFileMode } = require('internal/validators');
      mask = parseFileMode(mask, 'mask');
    } else {
      validateUint32(mask, 'mask');
    }
    return pm.umask(mask);
  };
  process.getuid = pm.getuid;
  process.geteuid = pm.geteuid;
  process.getgid = pm.getgid;
  process.getegid = pm.getegid;
  process.getgroups = pm.getgroups;
  process.dlopen = function dlopen(module, filename, flags) {
    validateString(filename, 'filename');
    return pm.dlopen(module, filename, flags === undefined ? -1 : flags);
  };
  process._getActiveHandles = function _getActiveHandles() {
    return require('internal/process/active_resources').getActiveHandles();
  };
  process._getActiveRequests = function _getActiveRequests() {
    return require('internal/process/active_resources').getActiveRequests();
  };
  process.getActiveResourcesInfo = function getActiveResourcesInfo() {
    return require('internal/process/active_resources')
      .getActiveResourcesInfo();
  };
  process.constrainedMemory = () => undefined;
  process.setSourceMapsEnabled = function setSourceMapsEnabled(val) {
    require('internal/validators').validateBoolean(val, 'val');
  };
  process.assert = require('internal/util').deprecate(
    (value, message) => {
      if (!value) {
        const { codes } = require('internal/errors');
        throw new codes.ERR_ASSERTION(message || 'assertion error');
      }
    }, 'process.assert() is deprecated. Please use the `assert` module ' +
    'instead.', 'DEP0100');
  /* Errors of the credential calls have Node's ErrnoException shape:
   * message "EPERM, Operation not permitted", positive errno. */
  const credentialError = (err, syscall) => {
    const [code, message] = require('internal/util').getSystemErrorMap()
      .get(err) ?? ['UNKNOWN', 'unknown error'];
    const e = new Error(`${code}, ${message}`);
    e.errno = -err;
    e.code = code;
    e.syscall = syscall;
    return e;
  };
  for (const name of ['setuid', 'setgid', 'seteuid', 'setegid']) {
    process[name] = function(id) {
      const { validateUint32 } = require('internal/validators');
      const kind = name.endsWith('gid') ? 'group' : 'user';
      if (typeof id === 'number') {
        validateUint32(id, 'id');
      } else if (typeof id !== 'string') {
        const { codes } = require('internal/errors');
        throw new codes.ERR_INVALID_ARG_TYPE('id', ['number', 'string'], id);
      }
      const err = pm.setCredential(name, id);
      if (err === -2) {
        const { codes } = require('internal/errors');
        throw new codes.ERR_UNKNOWN_CREDENTIAL(kind === 'group' ? 'Group' :
          'User', id);
      }
      if (err < 0) throw credentialError(err, name);
    };
  }
  process.setgroups = function setgroups(groups) {
    const { validateArray } = require('internal/validators');
    validateArray(groups, 'groups');
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i];
      if (typeof g === 'number') {
        require('internal/validators').validateUint32(g, `groups[${i}]`);
      } else if (typeof g !== 'string') {
        const { codes } = require('internal/errors');
        throw new codes.ERR_INVALID_ARG_TYPE(`groups[${i}]`,
                                             ['number', 'string'], g);
      }
    }
    const result = pm.setGroups(groups);
    if (result > 0) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_UNKNOWN_CREDENTIAL('Group', groups[result - 1]);
    }
    if (result < 0) throw credentialError(result, 'setgroups');
  };
  process.initgroups = function initgroups(user, extraGroup) {
    for (const [value, name] of [[user, 'user'], [extraGroup, 'extraGroup']]) {
      if (typeof value !== 'number' && typeof value !== 'string') {
        const { codes } = require('internal/errors');
        throw new codes.ERR_INVALID_ARG_TYPE(name, ['number', 'string'],
                                             value);
      }
    }
    const result = pm.initGroups(user, extraGroup);
    if (result === -2) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_UNKNOWN_CREDENTIAL('User', user);
    }
    if (result === -3) {
      const { codes } = require('internal/errors');
      throw new codes.ERR_UNKNOWN_CREDENTIAL('Group', extraGroup);
    }
    if (result < 0) throw credentialError(result, 'initgroups');
  };
  process._tickCallback = () => {
    require('internal/process/task_queues').runNextTicks();
  };
  process._startProfilerIdleNotifier = () => {};
  process._stopProfilerIdleNotifier = () => {};
  /* Built on first read, then an ordinary data property. */
  const setAllowedFlags = (value) => ObjectDefineProperty(
    process, 'allowedNodeEnvironmentFlags', {
      __proto__: null, value, writable: true, enumerable: true,
      configurable: true,
    });
  ObjectDefineProperty(process, 'allowedNodeEnvironmentFlags', {
    __proto__: null, enumerable: true, configurable: true,
    get() {
      const flags = require('internal/process/allowed_flags')
        .createAllowedFlags();
      setAllowedFlags(flags);
      return flags;
    },
    set: setAllowedFlags,
  });
}

/* --title sets the process title before any user code runs. */
if (getOptionValue('--title') && internalBinding('worker').isMainThread)
  process.title = getOptionValue('--title');

/* Deprecation/warning switches, as Node exposes them on process. */
if (!getOptionValue('--deprecation')) process.noDeprecation = true;
if (getOptionValue('--throw-deprecation')) process.throwDeprecation = true;
if (getOptionValue('--trace-deprecation')) process.traceDeprecation = true;
if (getOptionValue('--trace-warnings')) process.traceProcessWarnings = true;

/* Task queue, rejection tracking, uncaught exceptions, timers. */
{
  const taskQueues = require('internal/process/task_queues');
  const promises = require('internal/process/promises');
  const execution = require('internal/process/execution');
  process.nextTick = taskQueues.nextTick;
  process.setUncaughtExceptionCaptureCallback =
    execution.setUncaughtExceptionCaptureCallback;
  process.hasUncaughtExceptionCaptureCallback =
    execution.hasUncaughtExceptionCaptureCallback;
  process._fatalException = execution.fatalException;
  const tickInfo = pm.setupCallbacks(
    taskQueues.processTicksAndRejections,
    execution.onGlobalUncaughtException,
    emitProcessEvent);
  taskQueues.setupTaskQueue(tickInfo, promises.processPromiseRejections);
  promises.listenForRejections();
  require('internal/timers').setupTimers();
}

/* Called by C: 'beforeExit' while the loop is empty, 'exit' at the end.
 * Returns the exit code. */
function emitProcessEvent(event) {
  if (event === 'beforeExit') {
    if (!process._exiting) process.emit('beforeExit', process.exitCode || 0);
  } else if (!process._exiting) {
    process._exiting = true;
    process.emit('exit', process.exitCode || 0);
  }
  /* Coerced as Node's Int32Value: exitCode = '7' exits with 7. */
  return (+process.exitCode || 0) | 0;
}

/* Warnings. */
{
  const { emitWarning, onWarning } = require('internal/process/warning');
  process.emitWarning = emitWarning;
  process.on('warning', onWarning);
}

/* Signals: a handle per signal that has listeners. */
{
  const { startListeningIfSignal, stopListeningIfSignal } =
    require('internal/process/signals');
  process.on('newListener', startListeningIfSignal);
  process.on('removeListener', stopListeningIfSignal);
}

process.openStdin = function openStdin() {
  return require('internal/process/stdin').openStdin();
};

/* stdio, created (with the streams module) on first use. */
for (const [name, getter] of [['stdout', 'getStdout'],
                              ['stderr', 'getStderr'],
                              ['stdin', 'getStdin']]) {
  ObjectDefineProperty(process, name, {
    __proto__: null, configurable: true, enumerable: false,
    get: () => require('internal/process/stdio')[getter](),
  });
}

/* import() and import.meta load the ES module loader on first use. */
internalBinding('module_wrap').setModuleHooks(
  (specifier, referrer, assertions) =>
    require('internal/modules/esm/loader')
      .importDynamically(specifier, referrer, assertions),
  (meta, wrap) =>
    require('internal/modules/esm/loader').initializeImportMeta(meta, wrap));

/* Buffers created in C use Buffer.prototype. */
internalBinding('util').setBufferPrototype(
  require('buffer').Buffer.prototype);

require('internal/bootstrap/globals');

/* NODE_DEBUG for util.debuglog. */
{
  const debuglog = require('internal/util/debuglog');
  if (typeof debuglog.initializeDebugEnv === 'function')
    debuglog.initializeDebugEnv(process.env.NODE_DEBUG);
}

void SymbolFor;

/* child_process & cluster (issue 7): a forked child opens its IPC channel
 * (NODE_CHANNEL_FD) and a cluster worker its link to the primary
 * (NODE_UNIQUE_ID) before any user code, preloads included, runs. */
if (internalBinding('worker').isMainThread &&
    (process.env.NODE_CHANNEL_FD || process.env.NODE_UNIQUE_ID))
  require('internal/child_process').setupChannelIfNeeded();
