'use strict';
// process._getActiveHandles(), _getActiveRequests() and
// getActiveResourcesInfo(): referenced handles (by their owners), fs
// requests while in flight (also during their callback), timers last.
// Expected values come from the reference node 18.20.4.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const net = require('net');

assert.strictEqual(process._getActiveHandles.name, '_getActiveHandles');
assert.strictEqual(process._getActiveRequests.name, '_getActiveRequests');

const before = process.getActiveResourcesInfo().length;

// fs requests: one per call, listed until the callback has run.
for (let i = 0; i < 3; i++) {
  fs.stat(__filename, common.mustCall(() => {
    assert(process.getActiveResourcesInfo().includes('FSReqCallback'));
  }));
}
const reqs = process._getActiveRequests();
assert.strictEqual(reqs.length, 3);
assert.strictEqual(reqs[0].constructor.name, 'FSReqCallback');
assert.strictEqual(typeof reqs[0].oncomplete, 'function');
const p = fs.promises.stat(__filename);
assert.deepStrictEqual(process.getActiveResourcesInfo().slice(0, 4),
                       ['FSReqCallback', 'FSReqCallback', 'FSReqCallback',
                        'FSReqPromise']);
// Synchronous calls are never listed.
fs.statSync(__filename);
assert.strictEqual(process._getActiveRequests().length, 4);

p.then(common.mustCall(() => {
  const server = net.createServer(common.mustCall((conn) => {
    const handles = process._getActiveHandles();
    assert(handles.includes(server));
    assert(handles.includes(conn));
    const info = process.getActiveResourcesInfo();
    assert.strictEqual(info.filter((t) => t === 'TCPServerWrap').length, 1);
    assert.strictEqual(info.filter((t) => t === 'TCPSocketWrap').length, 2);
    // An unreferenced handle is not listed.
    conn.unref();
    assert(!process._getActiveHandles().includes(conn));
    assert.strictEqual(process.getActiveResourcesInfo()
      .filter((t) => t === 'TCPSocketWrap').length, 1);
    conn.destroy();
    server.close(common.mustCall());
  })).listen(0, common.mustCall(() => {
    const client = net.connect(server.address().port, common.mustCall(() => {
      assert(process._getActiveHandles().includes(client));
    }));
    client.on('close', common.mustCall());
    client.on('error', () => {});
    client.on('end', () => client.destroy());
  }));
}));

// Timers and immediates come last, one entry each while referenced.
const t = setTimeout(() => {}, 1);
setImmediate(common.mustCall());
const info = process.getActiveResourcesInfo();
assert.deepStrictEqual(info.slice(-2), ['Timeout', 'Immediate']);
t.unref();
assert.strictEqual(process.getActiveResourcesInfo().length,
                   before + 4 + 1);

// Closed handles and finished requests are gone by the end.
process.on('exit', () => {
  assert.strictEqual(process._getActiveRequests().length, 0);
  assert.strictEqual(process.getActiveResourcesInfo()
    .filter((t) => t.startsWith('TCP')).length, 0);
});
