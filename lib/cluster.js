'use strict';
// cluster.js - the cluster module: the primary's view (settings, workers,
// scheduling policy); forking workers needs child_process.fork and IPC,
// which are not built yet.

const {
  ArrayPrototypeSlice,
  ArrayPrototypeSome,
  ObjectKeys,
  ObjectPrototypeHasOwnProperty,
  StringPrototypeStartsWith,
} = primordials;

const EventEmitter = require('events');
const {
  codes: { ERR_METHOD_NOT_IMPLEMENTED },
} = require('internal/errors');
const { validateOneOf } = require('internal/validators');
const Worker = require('internal/cluster/worker');

const SCHED_NONE = 1;
const SCHED_RR = 2;

const cluster = new EventEmitter();
const isWorker = ObjectPrototypeHasOwnProperty(process.env, 'NODE_UNIQUE_ID');

cluster.isWorker = isWorker;
cluster.isMaster = !isWorker;
cluster.isPrimary = !isWorker;

if (isWorker) {
  setupWorkerSide();
} else {
  setupPrimarySide();
}

function setupWorkerSide() {
  cluster.worker = new Worker({
    id: +process.env.NODE_UNIQUE_ID | 0,
    process,
    state: 'online',
  });
  cluster.Worker = Worker;
  cluster._setupWorker = function _setupWorker() {
    throw new ERR_METHOD_NOT_IMPLEMENTED('cluster._setupWorker()');
  };
  cluster._getServer = function _getServer() {
    throw new ERR_METHOD_NOT_IMPLEMENTED('cluster._getServer()');
  };
}

function setupPrimarySide() {
  let initialized = false;
  const intercom = new EventEmitter();
  const policyName = process.env.NODE_CLUSTER_SCHED_POLICY;
  let schedulingPolicy = SCHED_RR;
  if (policyName === 'rr') schedulingPolicy = SCHED_RR;
  else if (policyName === 'none') schedulingPolicy = SCHED_NONE;
  else if (process.platform === 'win32') schedulingPolicy = SCHED_NONE;

  cluster.Worker = Worker;
  cluster.workers = {};
  cluster.settings = {};
  cluster.SCHED_NONE = SCHED_NONE;
  cluster.SCHED_RR = SCHED_RR;
  cluster.schedulingPolicy = schedulingPolicy;

  /* setupPrimary([settings]): merges settings (args, exec, execArgv,
   * silent, ...) into cluster.settings and emits 'setup' on the next
   * tick. */
  cluster.setupPrimary = function setupPrimary(options) {
    const settings = {
      args: ArrayPrototypeSlice(process.argv, 2),
      exec: process.argv[1],
      execArgv: process.execArgv,
      silent: false,
      ...cluster.settings,
      ...options,
    };
    // With --prof, each process writes its own V8 log.
    if (ArrayPrototypeSome(settings.execArgv,
                           (s) => StringPrototypeStartsWith(s, '--prof')) &&
        !ArrayPrototypeSome(settings.execArgv,
                            (s) => StringPrototypeStartsWith(s,
                                                             '--logfile='))) {
      settings.execArgv = [...settings.execArgv, '--logfile=v8-%p.log'];
    }
    cluster.settings = settings;
    if (!initialized) {
      initialized = true;
      validateOneOf(cluster.schedulingPolicy, 'schedulingPolicy',
                    [SCHED_NONE, SCHED_RR]);
    }
    process.nextTick(() => cluster.emit('setup', settings));
  };
  cluster.setupMaster = cluster.setupPrimary;

  /* fork([env]) needs child_process.fork, which is not built yet. */
  cluster.fork = function fork(env) {
    throw new ERR_METHOD_NOT_IMPLEMENTED('cluster.fork()');
  };

  /* disconnect([callback]): disconnects every worker; callback runs once
   * all are gone (on a later tick when there are none). */
  cluster.disconnect = function disconnect(callback) {
    const ids = ObjectKeys(cluster.workers);
    if (ids.length === 0) {
      process.nextTick(() => intercom.emit('disconnect'));
    } else {
      for (let i = 0; i < ids.length; i++) {
        const worker = cluster.workers[ids[i]];
        if (worker.isConnected()) worker.disconnect();
      }
    }
    if (typeof callback === 'function') intercom.once('disconnect', callback);
  };
}

module.exports = cluster;
