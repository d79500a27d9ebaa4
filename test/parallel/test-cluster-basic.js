'use strict';
// cluster on the primary: flags, settings, scheduling policy, the Worker
// class and setupPrimary.
const common = require('../common');
const assert = require('assert');
const cluster = require('cluster');
const EventEmitter = require('events');
const { spawnSync } = require('child_process');

assert.ok(cluster instanceof EventEmitter);
assert.strictEqual(cluster.isPrimary, true);
assert.strictEqual(cluster.isMaster, true);
assert.strictEqual(cluster.isWorker, false);
assert.deepStrictEqual(cluster.workers, {});
assert.deepStrictEqual(cluster.settings, {});
assert.strictEqual(cluster.SCHED_NONE, 1);
assert.strictEqual(cluster.SCHED_RR, 2);
assert.strictEqual(cluster.schedulingPolicy, cluster.SCHED_RR);
assert.strictEqual(cluster.setupMaster, cluster.setupPrimary);

// The policy comes from NODE_CLUSTER_SCHED_POLICY; NODE_UNIQUE_ID only
// counts as an own property of process.env.
{
  const run = (code, env) => spawnSync(process.execPath, ['-e', code], {
    env: { ...process.env, ...env },
  });
  assert.strictEqual(run(`
    const c = require('cluster');
    if (c.schedulingPolicy !== c.SCHED_NONE) process.exit(5);
  `, { NODE_CLUSTER_SCHED_POLICY: 'none' }).status, 0);
  assert.strictEqual(run(`
    Object.setPrototypeOf(process.env, { NODE_UNIQUE_ID: 0 });
    if (!require('cluster').isPrimary) process.exit(5);
  `).status, 0);
}

// Worker: callable with or without new.
{
  let w = new cluster.Worker();
  assert.strictEqual(w.exitedAfterDisconnect, undefined);
  assert.strictEqual(w.state, 'none');
  assert.strictEqual(w.id, 0);
  assert.strictEqual(w.process, undefined);
  assert.ok(w instanceof EventEmitter);
  w = new cluster.Worker({ id: 3, state: 'online', process });
  assert.strictEqual(w.id, 3);
  assert.strictEqual(w.state, 'online');
  assert.strictEqual(w.process, process);
  w = cluster.Worker.call({}, { id: 5 });
  assert.ok(w instanceof cluster.Worker);
  assert.strictEqual(w.id, 5);
}

// setupPrimary merges settings and emits 'setup' later.
cluster.on('setup', common.mustCall((settings) => {
  assert.strictEqual(settings, cluster.settings);
}));
cluster.setupPrimary({ exec: 'worker.js', silent: true });
assert.deepStrictEqual(cluster.settings, {
  args: process.argv.slice(2),
  exec: 'worker.js',
  execArgv: process.execArgv,
  silent: true,
});
