// The parent's end of an IPC channel keeps it alive until the channel
// closes, also after writes that libuv had to queue (a handle send always
// is one) completed: the child's 'disconnect' is never missed. This is
// what Node's docs promise (subprocess.unref(): "unless there is an
// established IPC channel"); node 18.20.4 itself lets go of the channel
// after such a write and exits here without the 'disconnect'.
'use strict';
const common = require('../common');
const { fork } = require('child_process');
const net = require('net');

if (process.argv[2] === 'child') {
  process.on('message', (m, handle) => {
    if (handle) handle.close();
    setTimeout(() => process.disconnect(), 200);
  });
  return;
}

const child = fork(__filename, ['child']);
child.unref(); // only the channel may keep us alive now
const server = net.createServer().listen(0, common.mustCall(() => {
  child.send('handle', server, common.mustSucceed(() => server.close()));
}));
child.on('disconnect', common.mustCall());
