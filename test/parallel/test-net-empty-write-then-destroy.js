'use strict';
// An empty write completes at once, like any write the socket takes
// synchronously: writes after it are not held back behind it, so a
// destroy() in the same tick does not drop them (the REPL over a socket
// writes an empty prompt, then results, then destroys on .exit).
const common = require('../common');
const assert = require('assert');
const net = require('net');

const server = net.createServer(common.mustCall((conn) => {
  conn.on('data', common.mustCall(() => {
    conn.write('', common.mustCall());
    conn.write('one\n');
    conn.write(Buffer.alloc(0));
    conn.write('two\n');
    assert.strictEqual(conn.writableLength, 0);
    conn.destroy();
    server.close();
  }));
})).listen(0, common.mustCall(() => {
  const client = net.connect(server.address().port);
  let got = '';
  client.setEncoding('utf8');
  client.on('data', (chunk) => { got += chunk; });
  client.on('close', common.mustCall(() => {
    assert.strictEqual(got, 'one\ntwo\n');
  }));
  client.write('go');
}));
