'use strict';
// internal/cluster/primary.js - cluster in the primary process: settings,
// fork() of workers over child_process.fork, their lifecycle events, and
// the servers it listens on for them (round-robin or shared handles).

const {
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ArrayPrototypeSome,
  ObjectKeys,
  ObjectValues,
  RegExpPrototypeExec,
  SafeMap,
  StringPrototypeStartsWith,
} = primordials;

const EventEmitter = require('events');
const path = require('path');
const { fork } = require('child_process');
const { validatePort } = require('internal/validators');
const Worker = require('internal/cluster/worker');
const RoundRobinHandle = require('internal/cluster/round_robin_handle');
const SharedHandle = require('internal/cluster/shared_handle');
const { internal, sendHelper } = require('internal/cluster/utils');

const cluster = new EventEmitter();
const intercom = new EventEmitter();
const SCHED_NONE = 1;
const SCHED_RR = 2;
const minPort = 1024;
const maxPort = 65535;

module.exports = cluster;

const handles = new SafeMap();
cluster.isWorker = false;
cluster.isMaster = true;  // Deprecated alias.
cluster.isPrimary = true;
cluster.Worker = Worker;
cluster.workers = {};
cluster.settings = {};
cluster.SCHED_NONE = SCHED_NONE;
cluster.SCHED_RR = SCHED_RR;

let ids = 0;
let debugPortOffset = 1;
let initialized = false;

const schedulingPolicyEnv = process.env.NODE_CLUSTER_SCHED_POLICY;
let schedulingPolicy;
if (schedulingPolicyEnv === 'rr') {
  schedulingPolicy = SCHED_RR;
} else if (schedulingPolicyEnv === 'none') {
  schedulingPolicy = SCHED_NONE;
} else if (process.platform === 'win32') {
  schedulingPolicy = SCHED_NONE;
} else {
  schedulingPolicy = SCHED_RR;
}
cluster.schedulingPolicy = schedulingPolicy;

/* setupPrimary([settings]): merges settings (exec, args, execArgv, cwd,
 * silent, stdio, uid, gid, serialization, windowsHide, inspectPort) into
 * cluster.settings and emits 'setup' on the next tick. The first call
 * freezes cluster.schedulingPolicy. */
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
                          (s) => StringPrototypeStartsWith(s, '--logfile='))) {
    settings.execArgv = [...settings.execArgv, '--logfile=v8-%p.log'];
  }

  cluster.settings = settings;

  if (initialized === true) {
    process.nextTick(setupSettingsNT, settings);
    return;
  }
  initialized = true;
  schedulingPolicy = cluster.schedulingPolicy;  // Freeze the policy.
  if (schedulingPolicy !== SCHED_NONE && schedulingPolicy !== SCHED_RR) {
    throw new Error(`Bad cluster.schedulingPolicy: ${schedulingPolicy}`);
  }
  process.nextTick(setupSettingsNT, settings);
};

cluster.setupMaster = cluster.setupPrimary;  // Deprecated alias.

function setupSettingsNT(settings) {
  cluster.emit('setup', settings);
}

function createWorkerProcess(id, env) {
  const workerEnv = { ...process.env, ...env, NODE_UNIQUE_ID: `${id}` };
  const execArgv = [...cluster.settings.execArgv];
  const debugArgRegex = /--inspect(?:-brk|-port)?|--debug-port/;
  const nodeOptions = process.env.NODE_OPTIONS || '';

  if (ArrayPrototypeSome(execArgv,
                         (arg) => RegExpPrototypeExec(debugArgRegex, arg) !==
                                  null) ||
      RegExpPrototypeExec(debugArgRegex, nodeOptions) !== null) {
    let inspectPort;
    if ('inspectPort' in cluster.settings) {
      inspectPort = typeof cluster.settings.inspectPort === 'function' ?
        cluster.settings.inspectPort() : cluster.settings.inspectPort;
      validatePort(inspectPort);
    } else {
      inspectPort = process.debugPort + debugPortOffset;
      if (inspectPort > maxPort) {
        inspectPort = inspectPort - maxPort + minPort - 1;
      }
      debugPortOffset++;
    }
    ArrayPrototypePush(execArgv, `--inspect-port=${inspectPort}`);
  }

  return fork(cluster.settings.exec, cluster.settings.args, {
    cwd: cluster.settings.cwd,
    env: workerEnv,
    serialization: cluster.settings.serialization,
    silent: cluster.settings.silent,
    windowsHide: cluster.settings.windowsHide,
    execArgv,
    stdio: cluster.settings.stdio,
    gid: cluster.settings.gid,
    uid: cluster.settings.uid,
  });
}

function removeWorker(worker) {
  delete cluster.workers[worker.id];
  if (ObjectKeys(cluster.workers).length === 0) {
    if (handles.size !== 0) {
      throw new Error('Resource leak detected.');
    }
    intercom.emit('disconnect');
  }
}

function removeHandlesForWorker(worker) {
  for (const { 0: key, 1: handle } of handles) {
    if (handle.remove(worker)) handles.delete(key);
  }
}

/* fork([env]) -> Worker: starts a worker running settings.exec with `env`
 * added to process.env. */
cluster.fork = function(env) {
  cluster.setupPrimary();
  const id = ++ids;
  const workerProcess = createWorkerProcess(id, env);
  const worker = new Worker({ id, process: workerProcess });

  worker.on('message', function(message, handle) {
    cluster.emit('message', this, message, handle);
  });

  worker.process.once('exit', (exitCode, signalCode) => {
    // Still connected: keep it listed until the channel closes too.
    if (!worker.isConnected()) {
      removeHandlesForWorker(worker);
      removeWorker(worker);
    }
    worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
    worker.state = 'dead';
    worker.emit('exit', exitCode, signalCode);
    cluster.emit('exit', worker, exitCode, signalCode);
  });

  worker.process.once('disconnect', () => {
    // Its servers go now; the worker itself once its process exited.
    removeHandlesForWorker(worker);
    if (worker.isDead()) removeWorker(worker);
    worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
    worker.state = 'disconnected';
    worker.emit('disconnect');
    cluster.emit('disconnect', worker);
  });

  worker.process.on('internalMessage', internal(worker, onmessage));
  process.nextTick(emitForkNT, worker);
  cluster.workers[worker.id] = worker;
  return worker;
};

function emitForkNT(worker) {
  cluster.emit('fork', worker);
}

/* disconnect([callback]): disconnects every worker; callback once all
 * are gone. */
cluster.disconnect = function(cb) {
  const workers = ObjectKeys(cluster.workers);
  if (workers.length === 0) {
    process.nextTick(() => intercom.emit('disconnect'));
  } else {
    for (const worker of ObjectValues(cluster.workers)) {
      if (worker.isConnected()) worker.disconnect();
    }
  }
  if (typeof cb === 'function') intercom.once('disconnect', cb);
};

const methodMessageMapping = {
  close,
  exitedAfterDisconnect,
  listening,
  online,
  queryServer,
};

function onmessage(message, handle) {
  const worker = this;
  const fn = methodMessageMapping[message.act];
  if (typeof fn === 'function') fn(worker, message);
}

function online(worker) {
  worker.state = 'online';
  worker.emit('online');
  cluster.emit('online', worker);
}

function exitedAfterDisconnect(worker, message) {
  worker.exitedAfterDisconnect = true;
  send(worker, { ack: message.seq });
}

/* A worker wants to listen: share the server for its address (creating
 * it on first use) and answer with the handle or the round-robin info. */
function queryServer(worker, message) {
  if (worker.exitedAfterDisconnect) return;  // It is going away.

  const key = `${message.address}:${message.port}:${message.addressType}:` +
              `${message.fd}:${message.index}`;
  let handle = handles.get(key);

  if (handle === undefined) {
    let address = message.address;
    // Shorter Unix socket paths: they are limited to about 100 bytes.
    if (message.port < 0 && typeof address === 'string' &&
        process.platform !== 'win32') {
      address = path.relative(process.cwd(), address);
      if (message.address.length < address.length) address = message.address;
    }
    // Datagrams have no connections to balance.
    if (schedulingPolicy !== SCHED_RR ||
        message.addressType === 'udp4' || message.addressType === 'udp6') {
      handle = new SharedHandle(key, address, message);
    } else {
      handle = new RoundRobinHandle(key, address, message);
    }
    handles.set(key, handle);
  }

  if (!handle.data) handle.data = message.data;

  handle.add(worker, (errno, reply, handle) => {
    const { data } = handles.get(key);
    if (errno) handles.delete(key);  // Others may try again.
    send(worker, { errno, key, ack: message.seq, data, ...reply }, handle);
  });
}

function listening(worker, message) {
  const info = {
    addressType: message.addressType,
    address: message.address,
    port: message.port,
    fd: message.fd,
  };
  worker.state = 'listening';
  worker.emit('listening', info);
  cluster.emit('listening', worker, info);
}

/* A worker closed a server (the handle may already be gone). */
function close(worker, message) {
  const key = message.key;
  const handle = handles.get(key);
  if (handle && handle.remove(worker)) handles.delete(key);
}

function send(worker, message, handle, cb) {
  return sendHelper(worker.process, message, handle, cb);
}

/* disconnect(): the worker closes its servers and then its channel;
 * it is off cluster.workers right away. */
Worker.prototype.disconnect = function() {
  this.exitedAfterDisconnect = true;
  send(this, { act: 'disconnect' });
  removeHandlesForWorker(this);
  removeWorker(this);
  return this;
};

/* destroy([signal = 'SIGTERM']): kills the process right away (not a
 * graceful disconnect: exitedAfterDisconnect stays false); 'disconnect'
 * follows when its end of the channel closes, as in Node 18. */
Worker.prototype.destroy = function(signo) {
  this.process.kill(signo || 'SIGTERM');
};
