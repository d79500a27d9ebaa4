'use strict';
// A server that runs out of file descriptors (ulimit -n 64) while
// connections pile up keeps going: no crash, no 'error', no busy loop, and
// it serves new connections once descriptors are free again.
const common = require('../common');
const assert = require('assert');
const net = require('net');
const { spawnSync } = require('child_process');

if (process.argv[2] !== 'child') {
  const r = spawnSync('/bin/sh', [
    '-c', `ulimit -n 64 && exec "${process.execPath}" "${__filename}" child`,
  ], { encoding: 'utf8', timeout: 30000 });
  assert.strictEqual(r.stderr, '');
  assert.strictEqual(r.status, 0, r.stdout);
  assert.match(r.stdout, /^recovered /m);
  return;
}

const server = net.createServer((socket) => {
  socket.on('error', () => {});
  socket.on('data', (d) => socket.write(d));
});
server.on('error', common.mustNotCall());

server.listen(0, '127.0.0.1', common.mustCall(() => {
  const { port } = server.address();
  const clients = [];
  let failed = 0;
  // Far more connections than descriptors: connects start failing with
  // EMFILE on this side, accepts on the server side.
  for (let i = 0; i < 80; i++) {
    const c = net.connect(port, '127.0.0.1');
    c.on('error', (err) => {
      if (err.code === 'EMFILE') failed++;
    });
    clients.push(c);
  }
  setTimeout(() => {
    assert.ok(failed > 0, 'expected to run out of descriptors');
    // Out of descriptors and idle: the process must not spin.
    const before = process.cpuUsage();
    setTimeout(() => {
      const used = process.cpuUsage(before);
      assert.ok(used.user + used.system < 150000,
                `busy while idle: ${JSON.stringify(used)}`);
      for (const c of clients) c.destroy();
      setTimeout(checkRecovered, 200);
    }, 300);
  }, 300);

  function checkRecovered() {
    const c = net.connect(port, '127.0.0.1', common.mustCall(() => {
      c.end('ping');
    }));
    let echoed = '';
    c.setEncoding('utf8');
    c.on('data', (d) => { echoed += d; });
    c.on('end', common.mustCall(() => {
      assert.strictEqual(echoed, 'ping');
      console.log(`recovered after ${failed} failed connects`);
      server.close();
    }));
  }
}));
