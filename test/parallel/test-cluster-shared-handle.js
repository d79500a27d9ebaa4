'use strict';
// cluster with schedulingPolicy SCHED_NONE (NODE_CLUSTER_SCHED_POLICY=
// 'none'): the primary binds once and every worker accepts on the same
// listening handle; UDP sockets are always shared that way.
const common = require('../common');
const assert = require('assert');
process.env.NODE_CLUSTER_SCHED_POLICY = 'none';
const cluster = require('cluster');
const net = require('net');
const dgram = require('dgram');

if (cluster.isWorker) {
  const server = net.createServer((socket) => socket.end('tcp'));
  server.listen(0, () => {
    // A shared handle is the real server handle, not the faux one.
    assert.strictEqual(typeof server._handle.fd, 'number');
    assert.ok(server._handle.fd > 0);
    const udp = dgram.createSocket('udp4');
    udp.on('message', (msg, rinfo) => {
      udp.send(`udp:${msg}`, rinfo.port, rinfo.address, () => udp.close());
    });
    udp.bind(0, () => {
      process.send({ tcp: server.address().port, udp: udp.address().port });
    });
  });
  return;
}

assert.strictEqual(cluster.schedulingPolicy, cluster.SCHED_NONE);
const worker = cluster.fork();
worker.on('message', common.mustCall(({ tcp, udp }) => {
  const c = net.connect(tcp);
  let data = '';
  c.on('data', (d) => { data += d; });
  c.on('end', common.mustCall(() => {
    assert.strictEqual(data, 'tcp');
    const s = dgram.createSocket('udp4');
    s.on('message', common.mustCall((msg) => {
      assert.strictEqual(`${msg}`, 'udp:ping');
      s.close();
      worker.disconnect();
    }));
    s.send('ping', udp, '127.0.0.1');
  }));
}));
worker.on('exit', common.mustCall((code) => assert.strictEqual(code, 0)));
