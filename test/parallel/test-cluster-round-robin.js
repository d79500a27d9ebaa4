'use strict';
// cluster: workers forked over IPC share one TCP server; the primary
// accepts and hands connections out in turn. Lifecycle events: 'fork',
// 'online', 'listening', 'disconnect', 'exit'; disconnect() removes the
// worker and marks exitedAfterDisconnect.
const common = require('../common');
const assert = require('assert');
const cluster = require('cluster');
const net = require('net');

if (cluster.isWorker) {
  assert.strictEqual(cluster.isPrimary, false);
  assert.strictEqual(process.env.NODE_UNIQUE_ID, undefined);
  assert.strictEqual(cluster.worker.id, +process.env.WORKER_NUMBER);
  net.createServer((socket) => {
    socket.end(`${cluster.worker.id}`);
  }).listen(0);
  return;
}

assert.strictEqual(cluster.schedulingPolicy, cluster.SCHED_RR);
const WORKERS = 2;
const events = [];
cluster.on('fork', common.mustCall((w) => events.push(`fork ${w.id}`),
                                   WORKERS));
cluster.on('online', common.mustCall((w) => events.push(`online ${w.id}`),
                                     WORKERS));

let listening = 0;
let port;
cluster.on('listening', common.mustCall((worker, address) => {
  assert.strictEqual(worker.state, 'listening');
  assert.strictEqual(address.addressType, 4);
  if (port === undefined) port = address.port;
  assert.strictEqual(address.port, port);
  if (++listening === WORKERS) connectAll();
}, WORKERS));

for (let i = 1; i <= WORKERS; i++) {
  const worker = cluster.fork({ WORKER_NUMBER: i });
  assert.strictEqual(cluster.workers[worker.id], worker);
  worker.on('disconnect', common.mustCall(() => {
    assert.strictEqual(worker.exitedAfterDisconnect, true);
    assert.strictEqual(cluster.workers[worker.id], undefined);
  }));
  worker.on('exit', common.mustCall((code, signal) => {
    assert.strictEqual(code, 0);
    assert.strictEqual(signal, null);
    assert.strictEqual(worker.state, 'dead');
    assert.strictEqual(worker.isDead(), true);
  }));
}

// Four connections: round-robin alternates between the two workers.
function connectAll() {
  const answers = [];
  let pending = 4;
  const next = () => {
    const c = net.connect(port);
    let data = '';
    c.on('data', (d) => { data += d; });
    c.on('end', () => {
      answers.push(data);
      if (--pending > 0) return next();
      assert.deepStrictEqual(answers.slice().sort(), ['1', '1', '2', '2']);
      assert.notStrictEqual(answers[0], answers[1]);
      cluster.disconnect(common.mustCall(() => {
        assert.deepStrictEqual(cluster.workers, {});
      }));
    });
  };
  next();
}

process.on('exit', () => {
  assert.deepStrictEqual(events.slice(0, 2), ['fork 1', 'fork 2']);
});
